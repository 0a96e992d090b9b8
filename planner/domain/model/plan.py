"""The plan itself and what it keeps beside its items: settings, accepted problems, the change
log (change sets and their rows) and what each delegation's last export held.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column

from planner.domain.model.base import AwareDateTime, Base, Entity, Money


class Plan(Entity):
    """The plan itself: one row."""

    __tablename__ = "plan"

    title: Mapped[str] = mapped_column(String(200))
    city: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    currency: Mapped[str] = mapped_column(String(3), default="USD")
    organiser: Mapped[str] = mapped_column(String(200), default="")
    funding_programme: Mapped[str] = mapped_column(String(200), default="")
    donor: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 3: where people land when their ticket names no airport
    arrival_airport_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="SET NULL", use_alter=True), index=True
    )
    # plan format 4: the budget's rules (percentages), editable per plan
    per_diem_rate_id: Mapped[int | None] = mapped_column(
        ForeignKey("per_diem_rate.id", ondelete="SET NULL", use_alter=True), index=True
    )
    indirect_rate: Mapped[Decimal] = mapped_column(Money, default=Decimal("7"), server_default="7")
    breakfast_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("5"), server_default="5"
    )
    lunch_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("10"), server_default="10"
    )
    dinner_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("15"), server_default="15"
    )
    lodging_deduction: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("50"), server_default="50"
    )
    last_day_share: Mapped[Decimal] = mapped_column(
        Money, default=Decimal("40"), server_default="40"
    )
    # plan format 7: a trainee completes the training with at least this share of the hours
    # of the training, plenary and site-visit sessions in their audience (and every required
    # module); certificates are numbered with this prefix ("TEG-2023" gives TEG-2023-0001)
    completion_percent: Mapped[int] = mapped_column(Integer, default=80, server_default="80")
    certificate_prefix: Mapped[str] = mapped_column(String(40), default="", server_default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (
            CheckConstraint("start_date <= end_date", name="dates_in_order"),
            CheckConstraint(
                "completion_percent BETWEEN 0 AND 100", name="completion_is_a_percentage"
            ),
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


class Acknowledgement(Entity):
    """A problem of the conflict check that someone looked at and accepted, with a note."""

    __tablename__ = "acknowledgement"

    problem_key: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text, default="")
    user_name: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[datetime] = mapped_column(AwareDateTime)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("problem_key"),)


class PlanSetting(Entity):
    """A setting kept with the plan (rotation template, import mappings), as JSON."""

    __tablename__ = "plan_setting"

    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("key"),)


class ChangeSet(Base):
    """One user action: one transaction, one entry (when, who, what)."""

    __tablename__ = "change_set"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(200))


class ChangeLog(Base):
    """One row touched by a change set. ``detail`` holds the changed fields as JSON."""

    __tablename__ = "change_log"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    change_set_id: Mapped[int] = mapped_column(
        ForeignKey("change_set.id", ondelete="CASCADE"), index=True
    )
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # insert, update, delete
    detail: Mapped[str] = mapped_column(Text, default="")


class ExportRecord(Base):
    """What a delegation's agenda held when it was last exported, so "what changed" can list
    the changes since. Not an edit of the plan: no change set, never undone."""

    __tablename__ = "export_record"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    at: Mapped[datetime] = mapped_column(AwareDateTime)
    user_name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(30))  # the export: agenda, itineraries, pdf, ics...
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    change_set_id: Mapped[int] = mapped_column(Integer, default=0)  # the plan's change number
    snapshot: Mapped[str] = mapped_column(Text, default="[]")  # JSON: the sessions as exported
    # plan format 6: what a supplier's paper held (the rooming list of a hotel, the catering
    # counts, the manifests), for the supplier's "what changed"; no delegation then
    supplier: Mapped[str] = mapped_column(String(20), default="", server_default="")
    place_id: Mapped[int | None] = mapped_column(
        ForeignKey("venue.id", ondelete="CASCADE"), index=True
    )


class Certificate(Base):
    """A numbered certificate in the register the partner institution keeps (plan format 7).

    A number is given once, to one person and kind, and kept: a re-export prints the same
    number, numbers are never reused (the serial only grows), and a certificate no longer
    earned stays in the register as void. Not an edit of the plan: no change set, never
    undone (the register outlives an undo)."""

    __tablename__ = "certificate"
    __table_args__ = (
        UniqueConstraint("serial"),
        UniqueConstraint("number"),
        UniqueConstraint("person_id", "kind"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)  # never changes
    serial: Mapped[int] = mapped_column(Integer)  # 1, 2, 3… in the order given
    number: Mapped[str] = mapped_column(String(60))  # "TEG-2023-0001", as printed
    # completion (a trainee who completed), attendance (came, did not complete), facilitation
    kind: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")  # as printed, kept if deleted
    issued_at: Mapped[datetime] = mapped_column(AwareDateTime)
    void: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    voided_at: Mapped[datetime | None] = mapped_column(AwareDateTime)
