"""Non-overlapping character spans, for choosing mentions without quadratic overlap checks.

>>> taken = Spans()
>>> taken.add(10, 20), taken.add(15, 30), taken.add(20, 25), taken.overlaps(0, 11)
(True, False, True, True)
"""

from __future__ import annotations

from bisect import bisect_left, insort

__all__ = ["Spans"]


class Spans:
    """A set of disjoint half-open spans ``[start, end)``."""

    def __init__(self):
        self._starts: list[int] = []
        self._ends: dict[int, int] = {}

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a span of the set."""
        i = bisect_left(self._starts, end)  # spans starting before our end
        if i == 0:
            return False
        previous = self._starts[i - 1]
        return self._ends[previous] > start

    def add(self, start: int, end: int) -> bool:
        """Add the span unless it overlaps one already there; say whether it was added."""
        if self.overlaps(start, end) or start in self._ends:
            return False
        insort(self._starts, start)
        self._ends[start] = end
        return True

    def discard(self, start: int) -> None:
        """Remove the span that starts at ``start``, if any.

        >>> taken = Spans()
        >>> taken.add(0, 2), taken.discard(0), taken.add(0, 4)
        (True, None, True)
        """
        if self._ends.pop(start, None) is not None:
            self._starts.pop(bisect_left(self._starts, start))
