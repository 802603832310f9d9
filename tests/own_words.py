"""Shared by the own-words test and the script that hashes the sources."""
import hashlib
import re

SHINGLE_WORDS = 8
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def words(text):
    return re.findall(r"[a-z0-9%.]+", text.lower().replace("’", "'"))


def shingle_hashes(text, *, skip_quotes=False):
    if skip_quotes:
        text = QUOTED.sub(" ", text)
    tokens = words(text)
    return {
        hashlib.sha1(" ".join(tokens[i : i + SHINGLE_WORDS]).encode()).hexdigest()[:16]
        for i in range(len(tokens) - SHINGLE_WORDS + 1)
    }
