"""Shared by the own-words test and the script that hashes the sources."""
import hashlib
import re

SHINGLE_WORDS = 8
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


# A word is letters (with an apostrophe inside, as in "don't"), or a number with its decimals,
# thousands and per cent sign; punctuation around it is not part of it, so "week." is "week".
WORD = re.compile(r"\d+(?:[.,]\d+)*%?|[a-z]+(?:'[a-z]+)*")


def words(text):
    return WORD.findall(text.lower().replace("’", "'"))


def shingle_hashes(text, *, skip_quotes=False):
    if skip_quotes:
        text = QUOTED.sub(" ", text)
    tokens = words(text)
    return {
        hashlib.sha1(" ".join(tokens[i : i + SHINGLE_WORDS]).encode()).hexdigest()[:16]
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }
