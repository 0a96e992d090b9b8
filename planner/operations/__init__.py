"""Every change a user can make to a plan: validated, one transaction each, returning what
changed. The window, the command line, the importers and the demo write only through here.

``kinds`` (the kinds of item and their registry), ``validation`` (checking values), ``items``
(create, update), ``deletion`` (delete, restore), ``batches`` (many at once, undo), ``plan``
(the plan itself), and one module per domain with its kinds, validators and special
operations: ``people``, ``agenda``, ``logistics``, ``budget``. Importing this package imports
every domain module, which registers its kinds.
"""

# the domain modules: each registers its kinds when imported
from planner.operations import agenda, budget, evaluation, logistics, people, plan
from planner.operations.agenda import ImportedSession, import_sessions, set_marks
from planner.operations.batches import (
    Batch,
    CreatedMany,
    Known,
    Replaced,
    create_many,
    redo_batch,
    replace_items,
    undo_batch,
)
from planner.operations.deletion import (
    Deleted,
    Impact,
    Snapshot,
    delete,
    delete_in,
    deletion_impact,
    restore,
    restore_in,
)
from planner.operations.items import (
    Created,
    Updated,
    create,
    create_in,
    get_values,
    update,
    update_in,
    validate,
)
from planner.operations.kinds import AUDIENCE_TYPES, KINDS, MONEY_FIELDS, TABLE_KIND, Kind, kind
from planner.operations.logistics import accept_transfers
from planner.operations.people import create_groups, merge_people
from planner.operations.plan import (
    PERCENT_FIELDS,
    acknowledge,
    copy_in_zone,
    copy_plan,
    load_rows,
    new_plan,
    plan_values,
    set_setting,
    update_plan,
    validate_plan_values,
    zone_of,
)
from planner.operations.roster import ImportedPeople, Roster, RosterRow, Trip, import_people
from planner.operations.substitutions import (
    Moved,
    Substitution,
    default_day,
    plan_substitution,
    substitute,
)
from planner.operations.validation import Validation
from planner.queries.matching import duplicate_people
from planner.queries.matching import person_name as ops_name  # the name callers knew
from planner.queries.settings import acknowledgements, get_setting

__all__ = [
    "AUDIENCE_TYPES",
    "KINDS",
    "MONEY_FIELDS",
    "PERCENT_FIELDS",
    "TABLE_KIND",
    "Batch",
    "Created",
    "CreatedMany",
    "Deleted",
    "Impact",
    "ImportedPeople",
    "ImportedSession",
    "Kind",
    "Known",
    "Moved",
    "Replaced",
    "Roster",
    "RosterRow",
    "Snapshot",
    "Substitution",
    "Trip",
    "Updated",
    "Validation",
    "accept_transfers",
    "acknowledge",
    "acknowledgements",
    "agenda",
    "budget",
    "copy_in_zone",
    "copy_plan",
    "create",
    "create_groups",
    "create_in",
    "create_many",
    "default_day",
    "delete",
    "delete_in",
    "deletion_impact",
    "duplicate_people",
    "evaluation",
    "get_setting",
    "get_values",
    "import_people",
    "import_sessions",
    "kind",
    "load_rows",
    "logistics",
    "merge_people",
    "new_plan",
    "ops_name",
    "people",
    "plan",
    "plan_substitution",
    "plan_values",
    "redo_batch",
    "replace_items",
    "restore",
    "restore_in",
    "set_marks",
    "set_setting",
    "substitute",
    "undo_batch",
    "update",
    "update_in",
    "update_plan",
    "validate",
    "validate_plan_values",
    "zone_of",
]
