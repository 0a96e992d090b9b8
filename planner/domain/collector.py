"""Python's cycle collector paused while a large read or check builds its objects.

Reading a plan of 200,000 people into memory, or checking it, makes millions of small objects
(tuples, sets, records) that hold no reference cycles. The collector, which runs every few
hundred allocations and, now and then, walks every object alive, then costs more than the
work itself, and more than linearly: a plan four times as large took ten times as long.
Reference counting still frees everything at once; only cycles wait for the collector, which
runs again when the outermost pause ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block; nested and concurrent pauses end together,
    when the last one does, and the collector is as it was before the first."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
