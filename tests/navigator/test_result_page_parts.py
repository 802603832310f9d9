"""The parts the result page is assembled from (navigator.result_page)."""
from navigator.built_once import BuiltOnce
from navigator.result_page import Skeleton


def test_a_skeleton_fills_each_slot_and_keeps_percent_signs_in_its_text():
    skeleton = Skeleton("<p>8.6% of 100%</p><!--slot:first--><em>é</em><!--slot:second--><!--slot:first-->")
    assert skeleton.slots == ("first", "second", "first")
    page = skeleton.fill({"first": b"<b>1</b>", "second": "50% \u2013 two".encode()})
    assert page == "<p>8.6% of 100%</p><b>1</b><em>é</em>50% \u2013 two<b>1</b>".encode()


def test_a_skeleton_without_slots_is_its_text():
    assert Skeleton("<p>100%</p>").fill({}) == b"<p>100%</p>"


def test_built_once_builds_a_missing_entry_once_from_its_key():
    calls = []

    def build(slug, flag):
        calls.append((slug, flag))
        return f"{slug}:{flag}".encode()

    fragments = BuiltOnce(build)
    assert fragments["naloxone", True] == b"naloxone:True"
    assert fragments["naloxone", True] == b"naloxone:True"
    assert fragments["naloxone", False] == b"naloxone:False"
    assert calls == [("naloxone", True), ("naloxone", False)]


def test_built_once_with_a_limit_starts_afresh_when_full():
    squares = BuiltOnce(lambda number: number * number, limit=2)
    assert (squares[2,], squares[3,]) == (4, 9)
    assert squares[4,] == 16
    assert dict(squares) == {(4,): 16}  # emptied before the third key, so it stays bounded
