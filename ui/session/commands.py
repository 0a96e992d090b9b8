"""The undoable actions: each runs a planner operation (one transaction) the first time and
on redo, and its inverse on undo, then tells the controller what changed.

The commands reach the operations through :mod:`ui.session.deferred` (they load SQLAlchemy,
which the window's start does not need) and the open plan through the :class:`Session` the
controller is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, overload

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QUndoCommand

from planner.domain.errors import PlannerError
from planner.domain.i18n import _
from planner.domain.labels import noun
from planner.store import Change, PlanStore
from ui.session.deferred import operations

if TYPE_CHECKING:  # loaded on first use (SQLAlchemy)
    from planner.operations import Batch, Snapshot


class Session(Protocol):
    """What a command asks of the controller: the open plan, the versions this window
    expects, and where to say what changed or failed."""

    @property
    def failed(self) -> SignalInstance: ...

    def require(self) -> PlanStore: ...

    @overload
    def known(self, kind: str, item_id: int, fallback: int) -> int: ...

    @overload
    def known(self, kind: str, item_id: int, fallback: int | None) -> int | None: ...

    def remember(self, kind: str, item_id: int, version: int) -> None: ...

    def remember_snapshot(self, snapshot: Snapshot) -> None: ...

    def forget(self, kind: str, ids: Sequence[int]) -> None: ...

    def announce(self, change: Change) -> None: ...


class Command(QUndoCommand):
    """An undoable action; the first run happens before it is pushed (so failures can be
    reported), later redos and undos call the planner operations again."""

    def __init__(self, ctrl: Session, text: str) -> None:
        super().__init__(text)
        self.ctrl = ctrl
        self._first = True

    def first_run(self) -> None:
        self.do()

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._safely(self.do)

    def undo(self) -> None:
        self._safely(self.revert)

    def _safely(self, action: Callable[[], None]) -> None:
        try:
            action()
        except PlannerError as exc:
            self.setObsolete(True)
            self.ctrl.failed.emit(str(exc))

    def do(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def undo_label(self) -> str:
        """How the history names this action's undo: 'Undo: Generate a rotation'."""
        return _("Undo: {action}").format(action=self.text())


class CreateCommand(Command):
    def __init__(self, ctrl: Session, kind: str, values: dict[str, Any]) -> None:
        super().__init__(ctrl, QCoreApplication.translate("PlanController", "Add %s") % noun(kind))
        self.kind, self.values = kind, values
        self.item_id: int | None = None
        self.version = 1
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        store = self.ctrl.require()
        if self.snapshot is None:
            result = operations.create(store, self.kind, self.values)
            self.item_id, self.version = result.id, result.version
            self.ctrl.remember(self.kind, result.id, result.version)
            self.ctrl.announce(result.change)
        else:
            change = operations.restore(store, self.snapshot)
            self.ctrl.remember_snapshot(self.snapshot)
            self.ctrl.announce(change)

    def revert(self) -> None:
        assert self.item_id is not None
        expected = self.ctrl.known(self.kind, self.item_id, self.version)
        result = operations.delete(
            self.ctrl.require(),
            self.kind,
            [self.item_id],
            action=self.undo_label(),
            expected_versions={self.item_id: expected or 1},
        )
        self.snapshot = result.snapshot
        self.ctrl.forget(self.kind, [self.item_id])
        self.ctrl.announce(result.change)


class UpdateCommand(Command):
    def __init__(
        self,
        ctrl: Session,
        kind: str,
        item_id: int,
        values: dict[str, Any],
        expected_version: int | None,
    ) -> None:
        super().__init__(ctrl, QCoreApplication.translate("PlanController", "Edit %s") % noun(kind))
        self.kind, self.item_id = kind, item_id
        self.new_values = values
        self.old_values: dict[str, Any] = {}
        self.version = expected_version

    def do(self) -> None:
        expected = (
            self.version if self._first else self.ctrl.known(self.kind, self.item_id, self.version)
        )
        result = operations.update(
            self.ctrl.require(), self.kind, self.item_id, self.new_values, expected
        )
        if not self.old_values:
            self.old_values = result.old_values
        self.version = result.version
        self.ctrl.remember(self.kind, self.item_id, result.version)
        self.ctrl.announce(result.change)

    def revert(self) -> None:
        expected = self.ctrl.known(self.kind, self.item_id, self.version)
        result = operations.update(
            self.ctrl.require(),
            self.kind,
            self.item_id,
            self.old_values,
            expected,
            action=self.undo_label(),
        )
        self.version = result.version
        self.ctrl.remember(self.kind, self.item_id, result.version)
        self.ctrl.announce(result.change)


class DeleteCommand(Command):
    def __init__(self, ctrl: Session, kind: str, ids: list[int]) -> None:
        what = noun(kind) if len(ids) == 1 else f"{len(ids)} {noun(kind, len(ids))}"
        super().__init__(ctrl, QCoreApplication.translate("PlanController", "Delete %s") % what)
        self.kind, self.ids = kind, ids
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        expected = None
        if self.snapshot is not None:  # a redo: only if nobody changed them since the undo
            own = operations.kind(self.kind).model.__tablename__
            expected = {
                row["id"]: self.ctrl.known(self.kind, row["id"], row["version"])
                for row in self.snapshot.rows.get(own, [])
            }
        result = operations.delete(
            self.ctrl.require(), self.kind, self.ids, expected_versions=expected
        )
        self.snapshot = result.snapshot
        self.ctrl.forget(self.kind, self.ids)
        self.ctrl.announce(result.change)

    def revert(self) -> None:
        assert self.snapshot is not None
        change = operations.restore(self.ctrl.require(), self.snapshot, self.undo_label())
        self.ctrl.remember_snapshot(self.snapshot)
        self.ctrl.announce(change)


class CreateManyCommand(Command):
    def __init__(
        self, ctrl: Session, kind: str, items: list[dict[str, Any]], text: str = ""
    ) -> None:
        what = f"{len(items)} {noun(kind, len(items))}"
        super().__init__(
            ctrl, text or QCoreApplication.translate("PlanController", "Add %s") % what
        )
        self.kind, self.items = kind, items
        self.item_ids: list[int] = []
        self.snapshot: Snapshot | None = None

    def do(self) -> None:
        store = self.ctrl.require()
        if self.snapshot is None:
            created = operations.create_many(store, self.kind, self.items)
            self.item_ids = created.ids
            for item_id in self.item_ids:
                self.ctrl.remember(self.kind, item_id, 1)
            self.ctrl.announce(created.change)
        else:
            change = operations.restore(store, self.snapshot)
            self.ctrl.remember_snapshot(self.snapshot)
            self.ctrl.announce(change)

    def revert(self) -> None:
        expected = {i: self.ctrl.known(self.kind, i, 1) or 1 for i in self.item_ids}
        result = operations.delete(
            self.ctrl.require(),
            self.kind,
            self.item_ids,
            action=self.undo_label(),
            expected_versions=expected,
        )
        self.snapshot = result.snapshot
        self.ctrl.forget(self.kind, self.item_ids)
        self.ctrl.announce(result.change)


class AcknowledgeCommand(Command):
    def __init__(self, ctrl: Session, key: str, note: str | None) -> None:
        text = (
            QCoreApplication.translate("PlanController", "Accept a problem")
            if note is not None
            else QCoreApplication.translate("PlanController", "Take back an accepted problem")
        )
        super().__init__(ctrl, text)
        self.key, self.note = key, note
        self.previous: str | None = None

    def do(self) -> None:
        store = self.ctrl.require()
        self.previous = operations.acknowledgements(store).get(self.key)
        self.ctrl.announce(operations.acknowledge(store, self.key, self.note))

    def revert(self) -> None:
        self.ctrl.announce(operations.acknowledge(self.ctrl.require(), self.key, self.previous))


class ReplaceCommand(Command):
    def __init__(
        self,
        ctrl: Session,
        kind: str,
        remove_ids: list[int],
        items: list[dict[str, Any]],
        text: str,
    ) -> None:
        super().__init__(ctrl, text)
        self.kind, self.remove_ids, self.items = kind, remove_ids, items
        self.created: list[int] = []
        self.removed: Snapshot | None = None  # what was replaced
        self.created_snapshot: Snapshot | None = None  # what was added (after an undo)

    def do(self) -> None:
        store = self.ctrl.require()
        if self.created_snapshot is None:
            result = operations.replace_items(
                store, self.kind, self.remove_ids, self.items, action=self.text()
            )
            for item_id in result.created:
                self.ctrl.remember(self.kind, item_id, 1)
        else:  # a redo: the first run set what it replaced
            assert self.removed is not None
            own = operations.kind(self.kind).model.__tablename__
            versions = {
                r["id"]: self.ctrl.known(self.kind, r["id"], r["version"])
                for r in self.removed.rows.get(own, [])
            }
            result = operations.replace_items(
                store,
                self.kind,
                self.remove_ids,
                add_snapshot=self.created_snapshot,
                action=self.text(),
                expected_versions=versions,
            )
            self.ctrl.remember_snapshot(self.created_snapshot)
        self.ctrl.forget(self.kind, self.remove_ids)
        self.removed, self.created = result.removed, result.created
        self.ctrl.announce(result.change)

    def revert(self) -> None:
        assert self.removed is not None  # set by the run this undoes
        expected = {i: self.ctrl.known(self.kind, i, 1) or 1 for i in self.created}
        result = operations.replace_items(
            self.ctrl.require(),
            self.kind,
            self.created,
            add_snapshot=self.removed,
            action=self.undo_label(),
            expected_versions=expected,
        )
        self.ctrl.forget(self.kind, self.created)
        self.ctrl.remember_snapshot(self.removed)
        self.created_snapshot = result.removed
        self.ctrl.announce(result.change)


class BatchCommand(Command):
    def __init__(
        self,
        ctrl: Session,
        text: str,
        make: Callable[[], Batch] | None,
        batch: Batch | None,
    ) -> None:
        super().__init__(ctrl, text)
        self.make, self.batch = make, batch

    def do(self) -> None:
        batch = self.batch
        if batch is None:
            assert self.make is not None  # the controller is given one or the other
            batch = self.batch = self.make()
            change = batch.change
        elif self._first:  # done already (in a worker thread): only tell the window
            change = batch.change
        else:
            change = operations.redo_batch(self.ctrl.require(), batch, self.ctrl.known)
            assert batch.snapshot is not None  # what the undo took away, put back
            self.ctrl.remember_snapshot(batch.snapshot)
        self._remember(batch)
        if batch.removed is not None:
            self.ctrl.forget(batch.removed.kind, list(batch.removed.ids))
        assert change is not None  # a batch that was done has its change
        self.ctrl.announce(change)

    def revert(self) -> None:
        batch = self.batch
        assert batch is not None  # done by the run this undoes
        change = operations.undo_batch(self.ctrl.require(), batch, self.ctrl.known)
        self._remember(batch)
        if batch.removed is not None:
            self.ctrl.remember_snapshot(batch.removed)
        self.ctrl.announce(change)

    def _remember(self, batch: Batch) -> None:
        for kind, item_id, _old, _new, version in batch.updated:
            self.ctrl.remember(kind, item_id, version)
