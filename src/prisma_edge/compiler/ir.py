"""Query IR: what a Prisma query means, with every user value replaced by a `Slot`.

The IR is built by `compiler.arguments` from the user's keyword arguments after validation. It is
frozen and hashable, and two queries that differ only in their values produce EQUAL IR, so
the IR itself is the plan-cache key (DESIGN.md decision 4). Values travel separately, in a
list indexed by `Slot.index`.

Anything that changes the SQL text is structure, not a value: `None` in a filter (IS NULL),
the length of an `in` list, the sign of `take`, `mode: insensitive`, field names, sort order.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Slot:
    """A bound value: `index` into the call's value list; `type` tells the binder how to encode.

    `type` is the Prisma scalar type name (String, Int, ..., or "Enum:<Name>"); `is_list` for
    scalar-list values; `role` is "value" normally, "like" when the value is wrapped in a
    LIKE pattern (contains/startswith/endswith), "json" when a Json value is bound.
    """

    index: int
    type: str
    is_list: bool = False
    role: str = "value"


# ---- filters --------------------------------------------------------------------------------


@frozen
class ColumnRef:
    """A filter value that is another field of the same record (Prisma's field references)."""

    field: str


@frozen
class Compare:
    """`field <op> value`. op: equals, not, lt, lte, gt, gte, in, not_in, contains, startswith,
    endswith, is_null, is_not_null; `value` is a Slot, a tuple of Slots (in/not_in) or None."""

    field: str
    op: str
    value: Slot | tuple[Slot, ...] | ColumnRef | None = None
    insensitive: bool = False


@frozen
class Not:
    cond: Cond


@frozen
class And:
    conds: tuple[Cond, ...]


@frozen
class Or:
    conds: tuple[Cond, ...]


@frozen
class Const:
    """Literal truth: `OR: []` is false, `AND: []` / `NOT: []` are true (Prisma's rules)."""

    value: bool


@frozen
class RelationFilter:
    """`some` / `every` / `none` on list relations; `is` / `is_not` on to-one relations.

    `cond` None with kind "is"/"is_not" means the relation is / is not null.
    """

    field: str
    kind: str
    cond: Cond | None


@frozen
class JsonFilter:
    """A filter on a Json field's value at `path` (a slot holding the path; None = the whole value).

    op: equals, not, string_contains, string_starts_with, string_ends_with, array_contains,
    lt, lte, gt, gte. `values` are JSON-serialised texts (one per element for array_contains).
    """

    field: str
    path: Slot | None
    op: str
    values: tuple[Slot, ...]
    insensitive: bool = False


@frozen
class Limited:
    """`limit` of update_many / delete_many: the first `limit` rows (by primary key) matching `cond`."""

    cond: Cond | None
    limit: Slot


@frozen
class Search:
    """Full-text `search` of one query over several fields of one where object, as Prisma folds
    `{a: {search: q}, b: {search: q}}`: one match against the fields' text joined together."""

    fields: tuple[str, ...]
    value: Slot


Cond = Compare | Not | And | Or | Const | RelationFilter | Limited | JsonFilter | Search


# ---- ordering, pagination, selection ------------------------------------------------------


@frozen
class OrderBy:
    """Order by `path[-1]` of the model reached through the to-one relations `path[:-1]`.

    `count_of` set: order by the number of related records of list relation `path[-1]`.
    """

    path: tuple[str, ...]
    descending: bool = False
    nulls: str | None = None  # "first" | "last"
    count_of: bool = False
    # `_relevance`: order by the full-text relevance of the fields `path` to this search text
    relevance: Slot | None = None


@frozen
class Cursor:
    """Cursor: the unique fields that identify the cursor record."""

    fields: tuple[tuple[str, Slot], ...]


@frozen
class Window:
    """where / order / take / skip / cursor / distinct of one find."""

    where: Cond | None = None
    order: tuple[OrderBy, ...] = ()
    take: Slot | None = None
    take_negative: bool = False
    skip: Slot | None = None
    cursor: Cursor | None = None
    distinct: tuple[str, ...] = ()


@frozen
class RelationSelection:
    field: str
    window: Window
    selection: Selection


@frozen
class CountSelection:
    """`_count` of one list relation, optionally filtered."""

    field: str
    where: Cond | None = None


@frozen
class Selection:
    """Which scalars, relations and relation counts to return, in output order."""

    scalars: tuple[str, ...]
    relations: tuple[RelationSelection, ...] = ()
    counts: tuple[CountSelection, ...] = ()


# ---- operations ----------------------------------------------------------------------------


@frozen
class Read:
    """find_unique / find_first / find_many (`single` for the first two)."""

    model: str
    window: Window
    selection: Selection
    single: bool = False


@frozen
class CountQuery:
    model: str
    window: Window
    # Count of non-null values per field (`select={"_all": True, "name": True}`); empty = COUNT(*).
    fields: tuple[str, ...] = ()


@frozen
class Assign:
    """`field = value` or an atomic op: op in set, increment, decrement, multiply, divide."""

    field: str
    op: str
    value: Slot | None


@frozen
class Create:
    model: str
    values: tuple[Assign, ...]
    selection: Selection | None


@frozen
class CreateMany:
    model: str
    # One INSERT per distinct column set: (columns, rows of slots).
    groups: tuple[tuple[tuple[str, ...], tuple[tuple[Slot | None, ...], ...]], ...]
    skip_duplicates: bool = False
    returning: Selection | None = None  # create_many_and_return


@frozen
class Update:
    model: str
    where: Cond
    values: tuple[Assign, ...]
    selection: Selection | None


@frozen
class UpdateMany:
    model: str
    where: Cond | None
    values: tuple[Assign, ...]
    returning: Selection | None = None  # update_many_and_return


@frozen
class Upsert:
    model: str
    where: Cond
    create: tuple[Assign, ...]
    update: tuple[Assign, ...]
    selection: Selection
    # Prisma's "database upsert" (INSERT ... ON CONFLICT DO UPDATE): the where names one unique
    # field, create gives it the same value, update is not empty, no relation is selected
    conflict_field: str | None = None


@frozen
class Delete:
    model: str
    where: Cond
    selection: Selection | None


@frozen
class DeleteMany:
    model: str
    where: Cond | None


Operation = Read | CountQuery | Create | CreateMany | Update | UpdateMany | Upsert | Delete | DeleteMany


# ---- aggregates ----------------------------------------------------------------------------


@frozen
class AggregateField:
    """One aggregate output: fn in _count, _sum, _avg, _min, _max; field "_all" for COUNT(*)."""

    fn: str
    field: str


@frozen
class Aggregate:
    model: str
    window: Window
    fields: tuple[AggregateField, ...]
    count_scalar: bool = False  # `_count: True` returns a number, not an object


@frozen
class HavingCompare:
    """`<fn>(field) <op> value` (fn "" for the plain grouped column)."""

    fn: str
    field: str
    op: str
    value: Slot | tuple[Slot, ...] | ColumnRef | None


@frozen
class HavingLogic:
    """`AND` / `OR` / `NOT` inside `having`: each part is a list of conditions that all hold."""

    kind: str
    parts: tuple[tuple[HavingCompare | HavingLogic, ...], ...]


@frozen
class GroupBy:
    model: str
    by: tuple[str, ...]
    where: Cond | None
    having: tuple[HavingCompare | HavingLogic, ...]
    order: tuple[tuple[str, str, bool, str | None], ...]  # (fn or "", field, descending, nulls "first"/"last")
    take: Slot | None
    skip: Slot | None
    fields: tuple[AggregateField, ...]
    count_scalar: bool = False  # `_count: True`: each group's `_count` is a number, as in Prisma


# ---- nested writes -------------------------------------------------------------------------


@frozen
class NestedCreate:
    """Create one record, with the relation writes nested in its data."""

    model: str
    values: tuple[Assign, ...]
    relations: tuple[RelationWrite, ...] = ()
    # many records: each value slot holds a list, one element per record, in order (a children
    # list written from column arrays, compiler/nested_lists.py); no relations then
    rows: bool = False


@frozen
class ConnectOrCreate:
    where: Cond
    create: NestedCreate


@frozen
class RelationWrite:
    """The writes nested under one relation field of a create (or update) of its parent.

    connect / disconnect / delete hold unique selectors on the related model; `set` replaces
    the whole list (connect these, disconnect the rest); `update_many` / `delete_many` pairs a
    filter with data (data None for delete_many); `disconnect_all` / `delete_one` serve to-one
    relations given `True`.
    """

    field: str
    creates: tuple[NestedCreate, ...] = ()
    create_many: tuple[NestedCreate, ...] = ()
    skip_duplicates: bool = False
    connects: tuple[Cond, ...] = ()
    connect_or_creates: tuple[ConnectOrCreate, ...] = ()
    disconnects: tuple[Cond, ...] = ()
    disconnect_all: bool = False
    sets: tuple[Cond, ...] | None = None
    deletes: tuple[Cond, ...] = ()
    delete_one: bool = False
    update_many: tuple[tuple[Cond | None, tuple[Assign, ...] | None], ...] = ()
    updates: tuple[tuple[Cond | None, NestedCreate], ...] = ()  # (which record, its values + relation writes)
    upserts: tuple[tuple[Cond | None, NestedCreate, tuple[Assign, ...]], ...] = ()
    # `connects` is ONE `in` compare whose list slot names every record (compiler/nested_lists.py)
    connect_rows: bool = False
    # the operations in the order the input gives them (Prisma 7 applies them in that order);
    # empty: the fixed order of `OPS`
    order: tuple[str, ...] = ()

    OPS = ("set", "disconnect", "connect", "connect_or_create", "create", "create_many", "delete_many",
           "update_many", "update", "upsert", "delete")

    def ops(self) -> tuple[str, ...]:
        return self.order or self.OPS


@frozen
class NestedWrite:
    """A create or update whose data has relation writes: compiled to a write program."""

    model: str
    kind: str  # "create" | "update" | "upsert"
    root: NestedCreate  # create: the record; update: its values + writes; upsert: the create branch
    where: Cond | None  # update / upsert: the record to update
    selection: Selection
    update: NestedCreate | None = None  # upsert: the update branch
