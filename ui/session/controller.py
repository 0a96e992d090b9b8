"""The open plan as the window sees it: one store, one undo stack, one change signal.

Widgets ask the controller for a change; the controller runs the planner operation (one
transaction) inside an undo command (:mod:`ui.session.commands`) and emits ``changed`` with the
tables it touched; pages reload what shows those tables. Changes made elsewhere (the command line,
another window) are noticed by polling the plan's change log and announced the same way.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack

from planner.domain.errors import ConflictError, DamagedPlanError, PlannerError
from planner.domain.i18n import _
from planner.store import Change, PlanStore, open_plan
from ui.session.commands import (
    AcknowledgeCommand,
    BatchCommand,
    Command,
    CreateCommand,
    CreateManyCommand,
    DeleteCommand,
    ReplaceCommand,
    UpdateCommand,
)
from ui.session.deferred import operations

if TYPE_CHECKING:  # loaded on first use (SQLAlchemy)
    from planner.operations import Batch, Snapshot


class PlanController(QObject):
    opened = Signal(object)  # PlanStore
    closed = Signal()
    changed = Signal(object)  # planner.store.Change
    failed = Signal(str)  # a message for the user
    connection = Signal(str)  # a shared plan's server is unreachable (a message), or back ("")
    damaged = Signal(object)  # DamagedPlanError: the open plan failed its check; no edit is saved
    _checked = Signal(object, object)  # (store, DamagedPlanError or None), from the check's thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store: PlanStore | None = None
        self.undo_stack = QUndoStack(self)
        # The version each item has after this window's last change to it: undo and redo
        # expect exactly it, so they refuse only when someone else changed the item since.
        self.versions: dict[tuple[str, int], int] = {}
        self._seen = 0
        self._misses = 0  # polls in a row that a shared plan's server did not answer
        self._quiet_until = 0.0
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._checked.connect(self._on_checked, Qt.ConnectionType.QueuedConnection)
        # (error, my values, field labels) -> "keep", "take" or "" (the window's dialog)
        self.conflict_handler: (
            Callable[[ConflictError, dict[str, Any], dict[str, str]], str] | None
        ) = None

    # opening and closing
    @property
    def path(self) -> Path | None:
        return self.store.path if self.store else None

    def open(self, path: str | Path, password: str | None = None) -> PlanStore:
        """Open a plan file or a shared plan's address (raises PlanFileError with a message if
        it cannot be; PasswordNeeded when the server wants a password)."""
        store = open_plan(path, password=password)
        self.close()
        self.store = store
        self._seen = store.last_change_id()
        self.opened.emit(store)
        self._check_in_background(store)
        return store

    def _check_in_background(self, store: PlanStore) -> None:
        """SQLite's integrity_check of a plan file off the GUI thread as it opens (see
        planner.store.integrity): an edit meanwhile waits for it; damage found is said at once, and
        from then on no edit is written."""
        if store.shared or store.read_only:
            return

        def check() -> None:
            error = None
            try:
                store.verify()
            except DamagedPlanError as exc:
                error = exc
            except Exception:  # busy, or the file went: the first edit checks again
                return
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                self._checked.emit(store, error)

        threading.Thread(target=check, name="plan check", daemon=True).start()

    def _on_checked(self, store: PlanStore, error: DamagedPlanError | None) -> None:
        if error is not None and store is self.store:
            self.damaged.emit(error)

    def adopt(self, store: PlanStore) -> None:
        """Show a plan that was just created and opened elsewhere (New plan, demo)."""
        self.close()
        self.store = store
        self._seen = store.last_change_id()
        self.opened.emit(store)

    def close(self) -> None:
        if self.store is None:
            return
        self.undo_stack.clear()
        self.versions.clear()
        self.store.close()
        self.store = None
        self._seen = 0
        self.closed.emit()

    @overload
    def known(self, kind: str, item_id: int, fallback: int) -> int: ...

    @overload
    def known(self, kind: str, item_id: int, fallback: int | None) -> int | None: ...

    def known(self, kind: str, item_id: int, fallback: int | None) -> int | None:
        return self.versions.get((kind, item_id), fallback)

    def remember(self, kind: str, item_id: int, version: int) -> None:
        self.versions[(kind, item_id)] = version

    def remember_snapshot(self, snapshot: Snapshot) -> None:
        """After a restore: the items are back with the versions they had."""
        tables = {operations.kind(k).model.__tablename__: k for k in operations.KINDS}
        for table, rows in snapshot.rows.items():
            if table in tables:
                for row in rows:
                    self.remember(tables[table], row["id"], row["version"])
        for table, _column, row_id, _value, version in snapshot.unlinked:
            if table in tables:
                self.remember(tables[table], row_id, version)

    def forget(self, kind: str, ids: Sequence[int]) -> None:
        for item_id in ids:
            self.versions.pop((kind, item_id), None)

    def set_poll_interval(self, seconds: int) -> None:
        self._timer.start(max(1, seconds) * 1000)

    def require(self) -> PlanStore:
        if self.store is None:
            raise PlannerError(self.tr("No plan is open."))
        return self.store

    # changes
    def poll(self) -> bool:
        """Look for changes made elsewhere; announce them. Returns True if there were any."""
        if self.store is None:
            return False
        if self.store.replaced():
            path = self.store.path
            self.close()
            self.failed.emit(
                _(
                    "{name} was removed or replaced by another program, so it was closed here."
                    " Open it again to see what it holds now."
                ).format(name=path.name)
            )
            return False
        if self._quiet_until > time.monotonic():
            return False  # the server did not answer lately: do not freeze the window on it
        try:
            latest = self.store.last_change_id()
            if latest <= self._seen:
                self._unreachable(None)
                return False
            tables = self.store.tables_changed_since(self._seen)
        except PlannerError as exc:
            if self.store.shared:
                self._unreachable(str(exc))
            return False
        self._unreachable(None)
        self._seen = latest
        self.changed.emit(Change(latest, "", tables))
        return True

    def _unreachable(self, message: str | None) -> None:
        """A shared plan's server stopped answering (``message``) or answers again (None):
        say so once, and look again after a pause that grows to a minute."""
        if message is None:
            if self._misses:
                self._misses = 0
                self.connection.emit("")
            return
        self._misses += 1
        self._quiet_until = time.monotonic() + min(60, 5 * 2 ** (self._misses - 1))
        if self._misses == 1:
            self.connection.emit(message)

    def announce(self, change: Change) -> None:
        if change.change_set_id is not None:
            self._seen = max(self._seen, change.change_set_id)
        if not change.empty:
            self.changed.emit(change)

    def run(self, command: Command, resolvable: bool = False) -> bool:
        """Do a command now and keep it for undo. Reports failure and returns False; with
        ``resolvable``, a conflict the window can resolve (who and what) is raised instead."""
        try:
            command.first_run()
        except ConflictError as exc:
            if resolvable and exc.current is not None and self.conflict_handler is not None:
                raise
            self.failed.emit(str(exc))
            return False
        except DamagedPlanError as exc:
            self.damaged.emit(exc)
            return False
        except PlannerError as exc:
            self.failed.emit(str(exc))
            return False
        self.undo_stack.push(command)
        return True

    def create(self, kind: str, values: dict[str, Any]) -> int | None:
        cmd = CreateCommand(self, kind, values)
        return cmd.item_id if self.run(cmd) else None

    def create_many(self, kind: str, items: list[dict[str, Any]], text: str = "") -> list[int]:
        """Add several items as one action and one undo step."""
        cmd = CreateManyCommand(self, kind, items, text)
        return cmd.item_ids if self.run(cmd) else []

    def replace(
        self, kind: str, remove_ids: list[int], items: list[dict[str, Any]], text: str
    ) -> list[int] | None:
        """Remove some items and add others as one action (accepting a rotation)."""
        cmd = ReplaceCommand(self, kind, remove_ids, items, text)
        return cmd.created if self.run(cmd) else None

    def run_batch(
        self, text: str, make: Callable[[], Batch] | None = None, batch: Batch | None = None
    ) -> Batch | None:
        """An action made of many changes (an import, a split, a merge) as one undo step.

        Either ``make()`` does it now, or ``batch`` was already done (in a worker thread)."""
        cmd = BatchCommand(self, text, make, batch)
        return cmd.batch if self.run(cmd) else None

    def acknowledge(self, key: str, note: str | None) -> bool:
        """Accept a problem of the conflict check with a note (None takes it back)."""
        return self.run(AcknowledgeCommand(self, key, note))

    def update(
        self,
        kind: str,
        item_id: int,
        values: dict[str, Any],
        expected_version: int | None = None,
        labels: dict[str, str] | None = None,
    ) -> bool:
        """Change an item. When someone else changed it since ``expected_version``, the
        ``conflict_handler`` (the window's "Keep mine or take theirs?") decides: keep re-applies
        these values over theirs, take leaves theirs."""
        try:
            return self.run(
                UpdateCommand(self, kind, item_id, values, expected_version), resolvable=True
            )
        except ConflictError as exc:
            assert self.conflict_handler is not None and exc.current is not None
            self.poll()  # show what they did
            choice = self.conflict_handler(exc, values, labels or {})
            if choice == "keep":
                return self.update(kind, item_id, values, exc.current["version"], labels)
            return choice == "take"

    def delete(self, kind: str, ids: Sequence[int]) -> bool:
        return self.run(DeleteCommand(self, kind, list(ids)))
