"""Part (i) of the benchmark: two clients editing one shared plan at once.

Two clients (each its own connection pool, in its own thread) make ``edits`` random edits each
to the demo plan published on a PostgreSQL server: each opens a person's values (as a form
does), then saves a new position expecting the version it read. A few people are edited by
both, so changes collide. Afterwards it checks that no update was lost: for every person the
accepted edits form one chain of versions (each expected exactly the version the previous one
left), every refused edit was reported as a conflict, the database holds the last accepted
value, and the change log has one entry per accepted edit. It prints the median and the 95th
percentile of an edit's round trip (targets: 0 lost updates, median <= 20 ms on loopback).
"""

from __future__ import annotations

import random
import statistics
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Client:
    name: str
    accepted: list[tuple[int, int, int, str]] = field(default_factory=list)  # id, exp, new, val
    conflicts: int = 0
    other_errors: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)


def run(
    server: str, demo: Path, edits: int = 1000, people: int = 25, seed: int = 2026
) -> dict[str, float]:
    """Run the two clients and print the figures; returns them (lost, accepted, conflicts,
    errors, logged, unreported, median_ms, p95_ms)."""
    import psycopg

    from planner import operations
    from planner.domain.errors import ConflictError, PlannerError
    from planner.store.history import history
    from planner.store.shared import open_shared, publish

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    address = server.rsplit("/", 1)[0] + "/" + name
    try:
        publish(demo, address)
        stores = [open_shared(address), open_shared(address)]
        ids = list(range(1, people + 1))
        clients = [Client("A"), Client("B")]
        start = threading.Barrier(2)

        def work(client: Client, store: object, rng: random.Random) -> None:
            start.wait()
            for i in range(edits):
                person = rng.choice(ids)
                seen = operations.get_values(store, "person", person)["version"]  # the form opens
                value = f"{client.name}{i}"
                t0 = time.perf_counter()
                try:
                    done = operations.update(store, "person", person, {"position": value}, seen)
                except ConflictError:
                    client.conflicts += 1
                except PlannerError as exc:
                    client.other_errors.append(str(exc))
                else:
                    client.accepted.append((person, seen, done.version, value))
                client.times.append((time.perf_counter() - t0) * 1000)

        threads = [
            threading.Thread(target=work, args=(c, s, random.Random(seed + n)))
            for n, (c, s) in enumerate(zip(clients, stores, strict=True))
        ]
        began = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - began

        # every accepted edit expected the version the previous accepted edit left
        lost = 0
        chains: dict[int, list[tuple[int, int, int, str]]] = {}
        for c in clients:
            for entry in c.accepted:
                chains.setdefault(entry[0], []).append(entry)
        check = stores[0]
        for person, chain in chains.items():
            chain.sort(key=lambda e: e[2])
            version = chain[0][1]
            for _p, expected, new, _v in chain:
                if expected != version or new != expected + 1:
                    lost += 1
                version = new
            now = operations.get_values(check, "person", person)
            if now["position"] != chain[-1][3] or now["version"] != chain[-1][2]:
                lost += 1
        logged = sum(1 for e in history(check, "person") if e.kind == "update")
        accepted = sum(len(c.accepted) for c in clients)
        conflicts = sum(c.conflicts for c in clients)
        errors = sum(len(c.other_errors) for c in clients)
        times = sorted(t for c in clients for t in c.times)
        median = statistics.median(times)
        p95 = times[int(len(times) * 0.95)]
        print(
            f"  {2 * edits} edits by 2 clients to {people} people in {wall:.1f} s:"
            f" {accepted} accepted, {conflicts} refused as conflicts (each reported),"
            f" {errors} other errors"
        )
        print(
            f"  lost updates: {lost}   change-log entries: {logged} for {accepted} accepted"
            f"   unreported: {2 * edits - accepted - conflicts - errors}"
        )
        print(
            f"  edit round trip: median {median:.1f} ms (target <= 20 ms), 95th percentile"
            f" {p95:.1f} ms"
        )
        for store in stores:
            store.close()
        return {
            "lost": lost,
            "accepted": accepted,
            "conflicts": conflicts,
            "errors": errors,
            "logged": logged,
            "unreported": 2 * edits - accepted - conflicts - errors,
            "median_ms": median,
            "p95_ms": p95,
        }
    finally:
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
