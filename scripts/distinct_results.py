#!/usr/bin/env python
"""How many different result pages random answer sets give (why whole results are not cached).

    .venv/bin/python scripts/distinct_results.py [COUNT]     # default 50,000, seed 1

Counts distinct recommendations (level, detox, path, medications, supports, reasons and
the "they" wording) over COUNT answer sets drawn at random. No database is needed.
"""
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "navigator.settings.test")

import django  # noqa: E402

django.setup()

from navigator import rules  # noqa: E402
from navigator.questionnaire import WHO_USES_THEY  # noqa: E402


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    draw = random.Random(1)
    results = set()
    for _ in range(count):
        answers = rules.parse_answers({q.code: draw.choice(q.choices) for q in rules.QUESTIONS})
        result = rules.recommend(answers)
        results.add((
            answers.who in WHO_USES_THEY, tuple(result.reasons), result.primary, result.detox,
            tuple(result.pathway), tuple(result.medications), tuple(result.support),
        ))
    print(f"{count:,} random answer sets gave {len(results):,} different results")


if __name__ == "__main__":
    main()
