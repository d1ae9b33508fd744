"""Building a big view without CPython's cyclic garbage collector in the way.

A 10,000-node page is built from about 200,000 small dicts, lists and tuples. Each few hundred new
containers trigger a collection, and the older generations are rescanned again and again, together with
the whole networkx graph the page is drawn from: that took half of the time to write such a page. The
objects a page is built from hold no reference cycles, so nothing is lost by collecting once, afterwards.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

__all__ = ["paused_gc"]


@contextmanager
def paused_gc():
    """Pause the cyclic garbage collector for the block (or, as a decorator, the call); nests safely."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
