"""Moving sessions one at a time through the conflict checker, as a drag on the calendar does:
shared by the conflict-check figures of parts (d) and (k)."""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any


def session_moves(checker: Any, data: Any, count: int = 200, seed: int = 1) -> list[float]:
    """Seconds taken by each of ``count`` moves of a random session by up to an hour into a
    random room, re-checking only what it touches; sorted, fastest first."""
    rng = random.Random(seed)
    sessions = list(data.sessions.values())
    rooms = list(data.rooms)
    moves = []
    for _ in range(count):
        s = rng.choice(sessions)
        start = datetime.fromtimestamp(s.start, UTC) + timedelta(
            minutes=rng.choice([-60, -30, 30, 60])
        )
        end = start + timedelta(seconds=s.end - s.start)
        t = time.perf_counter()
        checker.move(s.id, start, end, rng.choice(rooms))
        moves.append(time.perf_counter() - t)
    return sorted(moves)
