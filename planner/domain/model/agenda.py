"""The agenda: sessions, their audience and facilitators, the curriculum's modules and their
trainers, people's unavailable times, and attendance.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.labels import SessionKind
from planner.domain.model.base import AwareDateTime, Entity

if TYPE_CHECKING:  # related by name; the package imports every module
    from planner.domain.model.logistics import Room


class AgendaSession(Entity):
    """A session of the agenda (called 'session' everywhere a user sees it)."""

    __tablename__ = "agenda_session"

    kind: Mapped[str] = mapped_column(String(20), default=SessionKind.TRAINING)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    start: Mapped[datetime] = mapped_column("starts_at", AwareDateTime, index=True)
    end: Mapped[datetime] = mapped_column("ends_at", AwareDateTime)
    timezone: Mapped[str] = mapped_column(String(64))
    room_id: Mapped[int | None] = mapped_column(
        ForeignKey("room.id", ondelete="SET NULL"), index=True
    )
    location: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    module_id: Mapped[int | None] = mapped_column(
        ForeignKey("module.id", ondelete="SET NULL"), index=True
    )  # plan format 2

    room: Mapped[Room | None] = relationship()

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("starts_at < ends_at", name="ends_after_start"),)

    @property
    def local_start(self) -> datetime:
        return self.start.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.end.astimezone(ZoneInfo(self.timezone))


class Module(Entity):
    """A module of the curriculum: what a rotation schedules once for every group."""

    __tablename__ = "module"

    number: Mapped[int] = mapped_column(Integer, default=1)
    title: Mapped[str] = mapped_column(String(300))
    duration_minutes: Mapped[int] = mapped_column(Integer, default=180)
    room_size: Mapped[int] = mapped_column(Integer, default=0)  # seats needed beyond the group
    equipment: Mapped[str] = mapped_column(String(300), default="")
    colour: Mapped[str] = mapped_column(String(7), default="#4E79A7")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 7: a trainee completes the training only when present at every session of a
    # required module in their audience
    required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            UniqueConstraint("title"),
            CheckConstraint("duration_minutes > 0", name="has_a_duration"),
        )


class ModuleTrainer(Entity):
    """Who can give a module."""

    __tablename__ = "module_trainer"

    module_id: Mapped[int] = mapped_column(ForeignKey("module.id", ondelete="CASCADE"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("module_id", "person_id"),)


class Unavailability(Entity):
    """A time a person cannot be scheduled (a trainer's other commitment)."""

    __tablename__ = "unavailability"

    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    start: Mapped[datetime] = mapped_column("starts_at", AwareDateTime)
    end: Mapped[datetime] = mapped_column("ends_at", AwareDateTime)
    note: Mapped[str] = mapped_column(String(300), default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (CheckConstraint("starts_at < ends_at", name="ends_after_start"),)


class SessionFacilitator(Entity):
    __tablename__ = "session_facilitator"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("session_id", "person_id"),)


class SessionAudience(Entity):
    """Who attends a session: a whole group, a whole delegation, or one person."""

    __tablename__ = "session_audience"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), index=True
    )

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint(
                "(CASE WHEN group_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN delegation_id IS NULL THEN 0 ELSE 1 END"
                " + CASE WHEN person_id IS NULL THEN 0 ELSE 1 END) = 1",
                name="exactly_one_member",
            ),
        )


class Attendance(Entity):
    """Whether a person was at a session (from the checklist or the signed sheet). A person
    with no row for a session is "not recorded"; the attendance summary counts only those
    marked present."""

    __tablename__ = "attendance"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_session.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    note: Mapped[str] = mapped_column(String(300), default="")
    # plan format 7: when a badge was scanned at the door (None: ticked on a list), and by
    # which phone or desk
    scanned_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
    device: Mapped[str] = mapped_column(String(100), default="", server_default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("session_id", "person_id"),)
