"""Writes tests/data/source_shingles.txt: hashes of every 8-word run in the source documents.

The test that checks our content is in our own words compares against these hashes, so
the repository holds no copy of the sources' text. Run again if the sources change:

    python3 scripts/make_source_shingles.py ../shared/seeds
"""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.own_words import shingle_hashes  # noqa: E402


def main(seed_dir):
    hashes = set()
    for path in sorted(Path(seed_dir).glob("*.txt")):
        hashes |= shingle_hashes(path.read_text(encoding="utf-8"))
    out = Path(__file__).resolve().parent.parent / "tests" / "data" / "source_shingles.txt"
    out.write_text("\n".join(sorted(hashes)) + "\n")
    print(f"{len(hashes)} shingles from {seed_dir} written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/seeds")
