"""`python manage.py recommend`: answers in (stdin or --answers FILE), one JSON object out.

In-process tests use call_command and need no database; the subprocess test runs the real
command line (which does not touch the database either).
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from navigator import rules

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"primary", "detox", "pathway", "medications", "support", "flags", "reasons"}
VALID = {
    "use_duration": "over_5_years",
    "use_frequency": "daily",
    "withdrawal": "severe",
    "life_impact": "most",
    "relapse_history": "repeated_treatment_relapses",
    "home_environment": "drug_use_at_home",
    "overdose": "once",
    "medication_openness": "open",
}


def run_stdin(monkeypatch, text: str) -> str:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    out = io.StringIO()
    call_command("recommend", stdout=out)
    return out.getvalue()


def run_file(tmp_path, text: str) -> str:
    path = tmp_path / "answers.json"
    path.write_text(text, encoding="utf-8")
    out = io.StringIO()
    call_command("recommend", "--answers", str(path), stdout=out)
    return out.getvalue()


def assert_valid_output(output: str, answers: dict) -> dict:
    data = json.loads(output)  # exactly one JSON object: json.loads rejects trailing data
    assert isinstance(data, dict)
    assert set(data) == KEYS
    expected = rules.recommend(rules.parse_answers(answers)).as_dict()
    assert data == expected
    assert data["primary"] in rules.LEVELS
    assert isinstance(data["pathway"], list) and data["pathway"][-1] == "long-term-management"
    assert data["reasons"]
    for reason in data["reasons"]:
        assert set(reason) == {"text", "because", "sources"}
        assert reason["text"]
        assert isinstance(reason["because"], list)
        assert reason["sources"] and all(isinstance(s, str) and ": " in s for s in reason["sources"])
    return data


# --- Valid answers ------------------------------------------------------------------------------


def test_valid_answers_from_stdin(monkeypatch):
    data = assert_valid_output(run_stdin(monkeypatch, json.dumps(VALID)), VALID)
    assert data["primary"] == "inpatient-rehab"
    assert data["detox"] == "medical-detox"
    assert "overdose-risk" in data["flags"] and "naloxone" in data["medications"]


def test_valid_answers_from_file(tmp_path):
    data = assert_valid_output(run_file(tmp_path, json.dumps(VALID)), VALID)
    assert data["primary"] == "inpatient-rehab"


def test_required_answers_only_uses_defaults(tmp_path):
    required = {code: rules.QUESTIONS_BY_CODE[code].choices[0] for code in rules.REQUIRED_CODES}
    data = assert_valid_output(run_file(tmp_path, json.dumps(required)), required)
    assert data["primary"] == "standard-outpatient"
    assert data["detox"] is None


def test_file_takes_precedence_over_stdin(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "stdin", io.StringIO("not json"))
    assert_valid_output(run_file(tmp_path, json.dumps(VALID)), VALID)


# --- Bad answers ------------------------------------------------------------------------------------


def error_from(monkeypatch, tmp_path, text: str, via: str) -> str:
    with pytest.raises(CommandError) as excinfo:
        if via == "stdin":
            run_stdin(monkeypatch, text)
        else:
            run_file(tmp_path, text)
    return str(excinfo.value)


@pytest.mark.parametrize("via", ["stdin", "file"])
@pytest.mark.parametrize("missing", rules.REQUIRED_CODES)
def test_missing_required_answer(monkeypatch, tmp_path, via, missing):
    answers = {k: v for k, v in VALID.items() if k != missing}
    message = error_from(monkeypatch, tmp_path, json.dumps(answers), via)
    assert missing in message
    assert "required" in message
    assert rules.allowed_values(missing) in message
    for value in rules.QUESTIONS_BY_CODE[missing].choices:
        assert value in message


@pytest.mark.parametrize("via", ["stdin", "file"])
def test_empty_required_answer_counts_as_missing(monkeypatch, tmp_path, via):
    message = error_from(monkeypatch, tmp_path, json.dumps(VALID | {"withdrawal": ""}), via)
    assert "withdrawal" in message and rules.allowed_values("withdrawal") in message


@pytest.mark.parametrize("via", ["stdin", "file"])
def test_unknown_key(monkeypatch, tmp_path, via):
    message = error_from(monkeypatch, tmp_path, json.dumps(VALID | {"favourite_colour": "blue"}), via)
    assert "favourite_colour" in message
    assert "unknown question" in message
    for code in rules.QUESTIONS_BY_CODE:  # the allowed keys are listed
        assert code in message


@pytest.mark.parametrize("via", ["stdin", "file"])
@pytest.mark.parametrize(
    "code, value",
    [("use_frequency", "hourly"), ("home_environment", "castle"), ("treatment_stage", "finished"),
     ("budget", 100), ("privacy", ["high"])],
)
def test_unknown_value(monkeypatch, tmp_path, via, code, value):
    message = error_from(monkeypatch, tmp_path, json.dumps(VALID | {code: value}), via)
    assert code in message
    assert "unknown value" in message
    assert rules.allowed_values(code) in message


def test_every_bad_key_is_named_at_once(monkeypatch, tmp_path):
    answers = {k: v for k, v in VALID.items() if k != "life_impact"}
    answers |= {"use_duration": "forever", "mood": "low", "overdose": "twice"}
    message = error_from(monkeypatch, tmp_path, json.dumps(answers), "stdin")
    for code in ("life_impact", "use_duration", "mood", "overdose"):
        assert code in message
    for code in ("life_impact", "use_duration", "overdose"):
        assert rules.allowed_values(code) in message
    # Good answers are not reported as problems.
    assert "withdrawal:" not in message


@pytest.mark.parametrize("via", ["stdin", "file"])
@pytest.mark.parametrize("text", ['{"use_duration": ', "not json at all", "", "{'single': 'quotes'}"])
def test_invalid_json(monkeypatch, tmp_path, via, text):
    message = error_from(monkeypatch, tmp_path, text, via)
    assert "not valid JSON" in message
    assert "line" in message and "column" in message


@pytest.mark.parametrize("text", ["[]", '"answers"', "42", "null"])
def test_json_that_is_not_an_object(monkeypatch, tmp_path, text):
    message = error_from(monkeypatch, tmp_path, text, "stdin")
    assert "JSON object" in message


def test_missing_file(tmp_path):
    path = tmp_path / "nope.json"
    with pytest.raises(CommandError) as excinfo:
        call_command("recommend", "--answers", str(path), stdout=io.StringIO())
    message = str(excinfo.value)
    assert "Cannot read" in message and str(path) in message
    assert "No such file" in message


def test_closed_stdin(monkeypatch):
    closed = io.StringIO()
    closed.close()
    monkeypatch.setattr(sys, "stdin", closed)
    with pytest.raises(CommandError, match="No answers given"):
        call_command("recommend", stdout=io.StringIO())


# --- The real command line --------------------------------------------------------------------------


def run_manage(text: str) -> subprocess.CompletedProcess:
    env = os.environ | {"DJANGO_SETTINGS_MODULE": "navigator.settings.test"}
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "recommend"],
        input=text,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


def test_subprocess_good_and_bad_input():
    good = run_manage(json.dumps(VALID))
    assert good.returncode == 0, good.stderr
    assert_valid_output(good.stdout, VALID)

    bad = run_manage(json.dumps({"use_duration": "forever", "colour": "blue"}))
    assert bad.returncode != 0
    assert bad.stdout == ""
    assert "use_duration" in bad.stderr and rules.allowed_values("use_duration") in bad.stderr
    assert "colour" in bad.stderr
    for code in rules.REQUIRED_CODES:
        assert code in bad.stderr

    invalid = run_manage("{oops")
    assert invalid.returncode != 0
    assert "not valid JSON" in invalid.stderr
