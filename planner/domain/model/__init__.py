"""The domain model: SQLAlchemy 2 typed ORM classes of a plan.

Every table carries an integer ``id`` (never reused) and a ``version`` counter that SQLAlchemy
increments on every update and checks on every write, so a change made from a stale copy fails
instead of silently overwriting a newer one (change-log rows are written once and stay at 1).

Times are stored in UTC and carry the IANA zone they were planned in; money is ``Decimal``.
Later issues add tables through Alembic migrations (``planner/store/migrations``), never by editing
the first revision.
"""

from __future__ import annotations

from planner.domain.model.agenda import (
    AgendaSession,
    Attendance,
    Module,
    ModuleTrainer,
    SessionAudience,
    SessionFacilitator,
    Unavailability,
)
from planner.domain.model.base import (
    NAMING_CONVENTION,
    AwareDateTime,
    Base,
    Entity,
    Money,
    table_of,
)
from planner.domain.model.budget import (
    BudgetActual,
    BudgetLine,
    CategoryDefault,
    CateringRate,
    ExchangeRate,
    FundingSource,
    PerDiemRate,
)
from planner.domain.model.evaluation import Answer, Assessment, Question, Response, Score
from planner.domain.model.logistics import (
    Ride,
    RidePassenger,
    RoadTime,
    Room,
    RoomBlock,
    Stay,
    Travel,
    Vehicle,
    Venue,
    VisitStop,
)
from planner.domain.model.people import (
    Delegation,
    Group,
    GroupMember,
    Organisation,
    Person,
)
from planner.domain.model.plan import (
    Acknowledgement,
    Certificate,
    ChangeLog,
    ChangeSet,
    ExportRecord,
    Plan,
    PlanSetting,
)

__all__ = [
    "NAMING_CONVENTION",
    "Acknowledgement",
    "AgendaSession",
    "Answer",
    "Assessment",
    "Attendance",
    "AwareDateTime",
    "Base",
    "BudgetActual",
    "BudgetLine",
    "CategoryDefault",
    "CateringRate",
    "Certificate",
    "ChangeLog",
    "ChangeSet",
    "Delegation",
    "Entity",
    "ExchangeRate",
    "ExportRecord",
    "FundingSource",
    "Group",
    "GroupMember",
    "Module",
    "ModuleTrainer",
    "Money",
    "Organisation",
    "PerDiemRate",
    "Person",
    "Plan",
    "PlanSetting",
    "Question",
    "Response",
    "Ride",
    "RidePassenger",
    "RoadTime",
    "Room",
    "RoomBlock",
    "Score",
    "SessionAudience",
    "SessionFacilitator",
    "Stay",
    "Travel",
    "Unavailability",
    "Vehicle",
    "Venue",
    "VisitStop",
    "table_of",
]
