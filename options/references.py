"""Numbered references for a page: each fact keeps its citations, shown as small numbered
markers that lead to one reference list at the end, in order of first appearance."""
from __future__ import annotations


class ReferenceList:
    def __init__(self):
        self.citations = []  # in order of first appearance: number = position + 1
        self.numbers = {}

    def mark(self, citations) -> list[tuple[int, object]]:
        """(number, citation) for each citation, numbering the ones not seen before."""
        marked = []
        for citation in citations:
            if citation.pk not in self.numbers:
                self.citations.append(citation)
                self.numbers[citation.pk] = len(self.citations)
            marked.append((self.numbers[citation.pk], citation))
        return sorted(set(marked), key=lambda pair: pair[0])

    def mark_each(self, records) -> None:
        """Give each fact or note its markers, as `refs`, in the order given."""
        for record in records:
            record.refs = self.mark(record.citations.all())
