"""Runs the client vignettes (tests/navigator/vignettes_*.py) through navigator.rules."""
from __future__ import annotations

import pytest

from navigator import rules

from . import vignettes_levels, vignettes_principles, vignettes_safety, vignettes_stages
from .vignettes import Vignette

VIGNETTES = (
    vignettes_levels.VIGNETTES + vignettes_stages.VIGNETTES + vignettes_safety.VIGNETTES + vignettes_principles.VIGNETTES
)

def is_subsequence(wanted, seq) -> bool:
    it = iter(seq)
    return all(item in it for item in wanted)


def test_enough_vignettes_with_unique_ids():
    ids = [v.id for v in VIGNETTES]
    assert len(ids) >= 50
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("vignette", VIGNETTES, ids=[v.id for v in VIGNETTES])
def test_vignette(vignette: Vignette):
    result = rules.recommend(rules.parse_answers(vignette.answers))
    context = f"{vignette.description}\n-> {result.as_dict() | {'reasons': '...'}}"

    assert vignette.primary is None or result.primary == vignette.primary, context
    assert vignette.where_to_live is None or result.where_to_live == vignette.where_to_live, context
    assert result.detox == vignette.detox, context
    assert is_subsequence(vignette.pathway, result.pathway), context
    assert not set(vignette.no_pathway) & set(result.pathway), context
    assert set(vignette.flags) <= set(result.flags), context
    assert not set(vignette.no_flags) & set(result.flags), context
    assert set(vignette.medications) <= set(result.medications), context
    assert not set(vignette.no_medications) & set(result.medications), context
    assert is_subsequence(vignette.medication_order, result.medications), context
    assert set(vignette.support) <= set(result.support), context
    assert not set(vignette.no_support) & set(result.support), context

    # Always true, whoever the person is.
    assert result.pathway[-1] == "long-term-management", context
    shown = {result.primary, result.detox, *result.pathway, *result.medications, *result.support}
    assert not shown & rules.NEVER_RECOMMENDED, context
    assert result.reasons_about(result.primary), context  # the level is explained


@pytest.mark.parametrize(
    "vignette",
    [v for v in VIGNETTES if v.answers.get("budget") or v.answers.get("obligations") or v.answers.get("privacy")],
    ids=lambda v: v.id,
)
def test_circumstances_do_not_move_the_level(vignette: Vignette):
    """Budget, obligations and privacy are explained; the safe level and detox stay the same without them."""
    plain = {k: v for k, v in vignette.answers.items() if k not in ("budget", "obligations", "privacy")}
    with_circumstances = rules.recommend(rules.parse_answers(vignette.answers))
    without = rules.recommend(rules.parse_answers(plain))
    assert (with_circumstances.primary, with_circumstances.detox) == (without.primary, without.detox)
