"""People and who they belong to: organisations, delegations, people, groups and their members."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    ForeignKey,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from planner.domain.labels import PersonStatus, Role
from planner.domain.model.base import Entity


class Organisation(Entity):
    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200))
    acronym: Mapped[str] = mapped_column(String(40), default="")
    country: Mapped[str] = mapped_column(String(2), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class Delegation(Entity):
    __tablename__ = "delegation"

    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2), default="")
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    head_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL", use_alter=True), index=True
    )
    colour: Mapped[str] = mapped_column(String(7), default="#4C78A8")
    notes: Mapped[str] = mapped_column(Text, default="")

    organisation: Mapped[Organisation | None] = relationship()
    head: Mapped[Person | None] = relationship(foreign_keys=[head_id], post_update=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class Person(Entity):
    __tablename__ = "person"

    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str | None] = mapped_column(String(10))
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL"), index=True
    )
    position: Mapped[str] = mapped_column(String(200), default="")
    duty_station: Mapped[str] = mapped_column(String(200), default="")
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(30), default=Role.TRAINEE)
    role_other: Mapped[str] = mapped_column(String(100), default="")
    email: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(60), default="")
    id_number: Mapped[str] = mapped_column(String(60), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    nationality: Mapped[str] = mapped_column(String(2), default="")
    languages: Mapped[str] = mapped_column(String(200), default="")
    dietary_needs: Mapped[str] = mapped_column(String(200), default="")
    accessibility_needs: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # plan format 6: nominated, confirmed, declined, replaced or cancelled; declined, replaced
    # and cancelled people leave audiences, rooms, rides and counts from ``status_from`` (the
    # plan's first day when empty) and stay in the plan and its history
    status: Mapped[str] = mapped_column(
        String(20), default=PersonStatus.CONFIRMED, server_default="confirmed"
    )
    status_from: Mapped[date | None] = mapped_column(Date)
    replaced_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL"), index=True
    )
    # plan format 6, duty of care (personal data, as the identity number): whom to call in an
    # emergency, the insurance, the travel document (its number is ``id_number``), the visa and
    # the travel security clearance (never to be confused with a site visit's access clearance)
    emergency_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    emergency_relation: Mapped[str] = mapped_column(String(100), default="", server_default="")
    emergency_phone: Mapped[str] = mapped_column(String(60), default="", server_default="")
    insurance_provider: Mapped[str] = mapped_column(String(200), default="", server_default="")
    insurance_policy: Mapped[str] = mapped_column(String(100), default="", server_default="")
    insurance_until: Mapped[date | None] = mapped_column(Date)
    document_kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    document_expiry: Mapped[date | None] = mapped_column(Date)
    visa_status: Mapped[str] = mapped_column(String(20), default="", server_default="")
    visa_number: Mapped[str] = mapped_column(String(60), default="", server_default="")
    security_clearance_ref: Mapped[str] = mapped_column(String(100), default="", server_default="")
    security_clearance_status: Mapped[str] = mapped_column(
        String(20), default="", server_default=""
    )

    organisation: Mapped[Organisation | None] = relationship()
    delegation: Mapped[Delegation | None] = relationship(foreign_keys=[delegation_id])

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.given_name, self.family_name) if p)


class Group(Entity):
    __tablename__ = "participant_group"

    name: Mapped[str] = mapped_column(String(100))
    delegation_id: Mapped[int | None] = mapped_column(
        ForeignKey("delegation.id", ondelete="SET NULL"), index=True
    )
    colour: Mapped[str] = mapped_column(String(7), default="#72B7B2")
    notes: Mapped[str] = mapped_column(Text, default="")

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("name"),)


class GroupMember(Entity):
    __tablename__ = "group_member"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("participant_group.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), index=True)

    @classmethod
    def _constraints(cls) -> tuple[Any, ...]:
        return (UniqueConstraint("group_id", "person_id"),)
