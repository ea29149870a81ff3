"""Flatten a nested write into a dependency-ordered list of nodes (dialect-independent).

A record whose foreign key points at another is written after it; a node that yields a row
exposes its columns to later nodes through `Src.node`. `nested.NestedBuilder` renders the nodes
as one PostgreSQL statement or as steps for SQLite/MySQL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import define, field

from ...schema.model import Field, Model
from .. import ir
from ..sql.context import Context


@define
class Src:
    """Where a written value comes from: a user value (slot) or a column of an earlier node."""

    slot: ir.Slot | None = None
    node: int | None = None
    field: str | None = None
    null: bool = False


@define
class Node:
    kind: str  # insert | lookup | update | delete | join_insert | join_delete
    model: Model | None
    values: list[tuple[Field, Src]] = field(factory=list)
    ops: dict[str, str] = field(factory=dict)  # field name -> atomic op for updates
    where: ir.Cond | None = None
    match: list[tuple[Field, Src]] = field(factory=list)  # extra equality conditions
    exclude: tuple[ir.Cond, ...] = ()  # rows matching any of these are left alone (set)
    require: bool = False
    when_missing: int | None = None  # run only when lookup node K found nothing
    when_found: int | None = None  # run only when lookup node K found its row
    either: int | None = None  # this insert is the fallback of lookup node K (connect_or_create)
    join: tuple[str, str, Src, str, Src] | None = None  # (table, col_a, src_a, col_b, src_b)
    ignore_conflict: bool = False
    # only rows linked to a parent through an implicit m-n join table: (table, parent's column,
    # parent key source, this row's column, this model's key field)
    linked: tuple[str, str, Src, str, str] | None = None
    restrict: str | None = None  # kind "restrict": fail with P2014 ("relation:child:parent") if rows match
    not_found: str | None = None  # Prisma's P2025 detail when this required node finds nothing
    expect: int | None = None  # kind "restrict": fail with P2018 ("relation:kind:n") unless exactly n rows match
    connected: bool = False  # kind "restrict" the other way: fail with P2017 ("relation:parent:child") unless rows match
    rows: bool = False  # kind "insert": many records, each slot value a list (compiler/nested_lists.py)
    each: bool = False  # kind "restrict": fail with P2018 ("relation:kind:1") unless every value of `where`'s list has a row


class Program:
    """Flatten a NestedWrite into nodes (dialect-independent)."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.nodes: list[Node] = []
        self.branch: tuple[str, int] | None = None  # ("found" | "missing", lookup node)

    def add(self, node: Node) -> int:
        if self.branch is not None and node.when_missing is None and node.when_found is None:
            kind, lookup = self.branch  # inside one branch of an upsert: run only on that branch
            if kind == "found":
                node.when_found = lookup
            else:
                node.when_missing = lookup
        self.nodes.append(node)
        return len(self.nodes) - 1

    def insert(self, nc: ir.NestedCreate, fixed: list[tuple[Field, Src]], when_missing: int | None = None) -> int:
        model = self.ctx.model(nc.model)
        values = [(self.ctx.field(model, a.field), Src(slot=a.value, null=a.value is None)) for a in nc.values]
        values += fixed
        # to-one relations whose FK this record holds: write/locate the target first
        later: list[ir.RelationWrite] = []
        for rw in nc.relations:
            f = self.ctx.field(model, rw.field)
            rel = f.relation
            assert rel is not None
            if rel.holds_fk:
                target_node = self.to_one_target(f, rw, when_missing)
                if target_node is not None:
                    pointing = [(self.ctx.field(model, mine), Src(node=target_node, field=theirs))
                                for mine, theirs in zip(rel.fields, rel.references, strict=True)]
                    if not rw.creates:
                        self.let_go(model, f, pointing, (), when_missing)
                    values += pointing
            else:
                later.append(rw)
        me = self.add(Node("insert", model, values, when_missing=when_missing, rows=nc.rows))
        for rw in later:
            self.children(model, me, self.ctx.field(model, rw.field), rw, when_missing)
        return me

    def to_one_target(self, f: Field, rw: ir.RelationWrite, when_missing: int | None) -> int | None:
        target = self.ctx.model(f.type)
        if rw.creates:
            return self.insert(rw.creates[0], [], when_missing)
        if rw.connects:
            owner = self.ctx.model(target.field(f.relation.opposite_field).type) if f.relation and target.field(f.relation.opposite_field) else None
            return self.add(Node("lookup", target, where=rw.connects[0], require=True, when_missing=when_missing,
                                 not_found=self.missing("connect", target, f, owner)))
        if rw.connect_or_creates:
            coc = rw.connect_or_creates[0]
            found = self.add(Node("lookup", target, where=coc.where, when_missing=when_missing))
            made = self.insert(coc.create, [], when_missing=found)
            self.nodes[made].either = found
            return made
        return None

    def parent_keys(self, parent: int, f: Field) -> list[tuple[str, Src]]:
        """(child FK field, source) pairs that point a child at parent node `parent`."""
        rel = f.relation
        assert rel is not None
        target = self.ctx.model(f.type)
        opposite = target.field(rel.opposite_field)
        assert opposite is not None and opposite.relation is not None
        o = opposite.relation
        return [(mine, Src(node=parent, field=theirs)) for mine, theirs in zip(o.fields, o.references, strict=True)]

    def children(self, model: Model, parent: int, f: Field, rw: ir.RelationWrite, when_missing: int | None,
                 existing: bool = False) -> None:
        rel = f.relation
        assert rel is not None
        target = self.ctx.model(f.type)
        if rel.join_table is not None:
            self.many_to_many(model, parent, f, rw, when_missing)
            return
        keys = self.parent_keys(parent, f)
        fixed = [(self.ctx.field(target, n), s) for n, s in keys]
        one = existing and not f.is_list  # a to-one (1-1) from the parent's side: its record lets go first
        opposite = target.field(rel.opposite_field)
        assert opposite is not None
        null_fk = [(fld, Src(null=True)) for fld, _ in fixed]

        def connect(cond: ir.Cond, require: bool = True) -> None:  # require=False: a count check came first
            found = self.add(Node("lookup", target, where=cond, require=require, when_missing=when_missing))
            if one:
                self.let_go(target, opposite, fixed, (cond,), when_missing)
            self.add(Node("update", target, fixed, match=self.pk_match(target, found), when_missing=when_missing))

        for op in rw.ops():  # in the input's order, as Prisma 7 applies them
            if op == "set" and rw.sets is not None:  # detach every current child not in the new set
                self.add(Node("update", target, null_fk, match=fixed, exclude=rw.sets, when_missing=when_missing))
                for cond in rw.sets:
                    connect(cond)
            elif op == "disconnect":
                for cond in rw.disconnects:
                    self.add(Node("update", target, null_fk, where=cond, match=fixed, when_missing=when_missing))
                if rw.disconnect_all:
                    self.add(Node("update", target, null_fk, match=fixed, when_missing=when_missing))
            elif op == "connect" and rw.connect_rows:  # one list of keys: check them all, then link them all
                self.connect_count(target, f, rw.connects, when_missing, each=True)
                self.add(Node("update", target, fixed, where=rw.connects[0], when_missing=when_missing))
            elif op == "connect":
                if f.is_list and rw.connects:  # Prisma 7: P2018 unless every record it names exists
                    self.connect_count(target, f, rw.connects, when_missing)
                for cond in rw.connects:
                    connect(cond, require=not f.is_list)
            elif op == "connect_or_create":
                for coc in rw.connect_or_creates:
                    if one:
                        self.let_go(target, opposite, fixed, (coc.where,), when_missing)
                    found = self.add(Node("lookup", target, where=coc.where, when_missing=when_missing))
                    self.add(Node("update", target, fixed, match=self.pk_match(target, found), when_found=found))
                    made = self.insert(coc.create, fixed, when_missing=found)
                    self.nodes[made].either = found
            elif op == "create":
                for nc in rw.creates:
                    if one:
                        self.let_go(target, opposite, fixed, (), when_missing)
                    self.insert(nc, fixed, when_missing)
            elif op == "create_many":
                for nc in rw.create_many:
                    node = self.insert(nc, fixed, when_missing)
                    self.nodes[node].ignore_conflict = rw.skip_duplicates
            elif op in self.EXISTING:
                self.existing_children(op, target, f, rw, {"match": fixed}, when_missing,
                                       lambda create, found: self.insert(create, fixed, when_missing=found))
            elif op == "delete":
                for cond in rw.deletes:
                    if not f.is_list:  # a to-one with a filter: the record must match it (else P2025)
                        self.add(Node("delete", target, where=cond, match=fixed, require=True, when_missing=when_missing,
                                      not_found=self.missing("delete", target, f)))
                        continue
                    self.not_connected(model, target, rel.name, fixed, cond, None, when_missing)
                    self.add(Node("delete", target, where=cond, match=fixed, when_missing=when_missing))
                if rw.delete_one:
                    self.add(Node("delete", target, match=fixed, require=True, when_missing=when_missing,
                                  not_found=self.missing("delete", target, f)))

    EXISTING = ("delete_many", "update_many", "update", "upsert")  # the ops on the parent's current children

    def existing_children(self, op: str, target: Model, f: Field, rw: ir.RelationWrite, scope: dict[str, Any],
                          when_missing: int | None, upserted: Callable[[ir.NestedCreate, int], object]) -> None:
        """The nested writes on records the parent already has, the same for a one-to-many relation
        (`scope={"match": ...}`: the child's foreign key) and a many-to-many one (`{"linked": ...}`:
        through the join table); `upserted(create, found)` adds an upsert's record when `found` is not."""
        if op in ("delete_many", "update_many"):
            for where, data in rw.update_many:
                if data is None and op == "delete_many":
                    self.add(Node("delete", target, where=where, when_missing=when_missing, **scope))
                elif data and op == "update_many":  # `data: {}` changes nothing
                    self.add(Node("update", target, *self.assigns(target, data), where=where, when_missing=when_missing,
                                  **scope))
        elif op == "update":
            for where, tree in rw.updates:
                if not tree.values and not tree.relations:  # `data: {}`: Prisma 7 does nothing, not even the lookup
                    continue
                found = self.add(Node("lookup", target, where=where, require=True, when_missing=when_missing,
                                      not_found=self.missing("update", target, f), **scope))
                self.update_at(target, found, tree)
        elif op == "upsert":
            for where, create, update in rw.upserts:
                found = self.add(Node("lookup", target, where=where, when_missing=when_missing, **scope))
                if update:
                    vals, ops = self.assigns(target, update)
                    self.add(Node("update", target, vals, ops, match=self.pk_match(target, found), when_found=found))
                upserted(create, found)

    def connect_count(self, target: Model, f: Field, conds: tuple[ir.Cond, ...], when_missing: int | None,
                      each: bool = False) -> None:
        rel = f.relation
        assert rel is not None
        kind = {"one_to_one": "one-to-one", "many_to_many": "many-to-many"}.get(rel.kind, "one-to-many")
        for cond in conds:  # one check per record named (the same one named twice is fine, as in Prisma 7)
            self.add(Node("restrict", target, where=cond, when_missing=when_missing, restrict=f"{rel.name}:{kind}:1",
                          expect=None if each else 1, each=each))

    def not_connected(self, parent: Model, target: Model, relation: str, match: list[tuple[Field, Src]],
                      cond: ir.Cond, linked: tuple[str, str, Src, str, str] | None, when_missing: int | None) -> None:
        """A nested delete of a list relation's record: Prisma 7 fails with P2017 (records not
        connected) when the record is not one of the parent's, before anything is deleted."""
        self.add(Node("restrict", target, where=cond, match=match, linked=linked, when_missing=when_missing,
                      restrict=f"{relation}:{parent.name}:{target.name}", connected=True))

    def many_to_many(self, model: Model, parent: int, f: Field, rw: ir.RelationWrite, when_missing: int | None) -> None:
        rel = f.relation
        assert rel is not None and rel.join_table and rel.self_column and rel.other_column and rel.self_key and rel.other_key
        target = self.ctx.model(f.type)
        self_key = next(x.name for x in model.fields if x.db_name == rel.self_key)
        other_key = next(x.name for x in target.fields if x.db_name == rel.other_key)
        mine = Src(node=parent, field=self_key)

        def link(node: int, when: int | None = when_missing) -> None:
            self.add(Node("join_insert", None, join=(rel.join_table, rel.self_column, mine, rel.other_column,
                                                       Src(node=node, field=other_key)), ignore_conflict=True,
                          when_missing=when))

        linked = (rel.join_table, rel.self_column, mine, rel.other_column, other_key)

        def unlink(cond: ir.Cond | None) -> None:  # None: every link of the parent
            found = None if cond is None else self.add(Node("lookup", target, where=cond, when_missing=when_missing))
            # a record to disconnect that does not exist: nothing to do
            self.add(Node("join_delete", None, join=(rel.join_table, rel.self_column, mine, rel.other_column,
                                                       Src(node=found, field=other_key) if found is not None else Src(null=True)),
                          when_missing=when_missing if found is None else None, when_found=found))

        for op in rw.ops():  # in the input's order, as Prisma 7 applies them
            if op == "set" and rw.sets is not None:
                unlink(None)
                for cond in rw.sets:
                    link(self.add(Node("lookup", target, where=cond, require=True, when_missing=when_missing)))
            elif op == "disconnect":
                for cond in rw.disconnects:
                    unlink(cond)
            elif op == "connect":
                for cond in rw.connects:
                    link(self.add(Node("lookup", target, where=cond, require=True, when_missing=when_missing)))
            elif op == "connect_or_create":
                for coc in rw.connect_or_creates:
                    found = self.add(Node("lookup", target, where=coc.where, when_missing=when_missing))
                    made = self.insert(coc.create, [], when_missing=found)
                    self.nodes[made].either = found
                    link(made)
            elif op == "create":
                for nc in rw.creates:
                    link(self.insert(nc, [], when_missing))
            elif op in self.EXISTING:
                self.existing_children(op, target, f, rw, {"linked": linked}, when_missing,
                                       lambda create, found: link(self.insert(create, [], when_missing=found), found))
            elif op == "delete":
                for cond in rw.deletes:
                    self.not_connected(model, target, rel.name, [], cond, linked, when_missing)
                    self.add(Node("delete", target, where=cond, linked=linked, when_missing=when_missing))

    def update_at(self, model: Model, found: int, tree: ir.NestedCreate) -> None:
        """Update the record lookup node `found` holds: its own values first, as Prisma 7 does (measured:
        tests/prisma7 nested_generated), then its nested relation writes. When the values change a key
        (the primary key, a foreign key, a field other records reference), they go last instead: related
        rows are found by the record's keys as they were, before a key change cascades."""
        keys = set(model.primary_key)
        for fld in model.fields:
            if fld.relation is not None:
                keys |= set(fld.relation.fields)
        first = not any(a.field in keys for a in tree.values)
        if tree.values and first:
            self.add(Node("update", model, *self.assigns(model, tree.values), match=self.pk_match(model, found)))
        for rw in tree.relations:
            f = self.ctx.field(model, rw.field)
            rel = f.relation
            assert rel is not None
            if not rel.holds_fk:
                self.children(model, found, f, rw, None, existing=True)
                continue
            self.holder_writes(model, found, f, rw)
        if tree.values and not first:
            self.add(Node("update", model, *self.assigns(model, tree.values), match=self.pk_match(model, found)))

    def holder_writes(self, model: Model, found: int, f: Field, rw: ir.RelationWrite) -> None:
        """The writes under a to-one relation whose foreign key the updated record (`found`) holds,
        in the input's order."""
        rel = f.relation
        assert rel is not None
        related = self.ctx.model(f.type)
        by_fk = [(self.ctx.field(related, t), Src(node=found, field=m)) for m, t in zip(rel.fields, rel.references, strict=True)]
        for op in rw.ops():
            if op in ("create", "connect", "connect_or_create"):
                one_op = ir.RelationWrite(rw.field, creates=rw.creates if op == "create" else (),
                                          connects=rw.connects if op == "connect" else (),
                                          connect_or_creates=rw.connect_or_creates if op == "connect_or_create" else ())
                target = self.to_one_target(f, one_op, None)
                if target is not None:  # point our FK at it
                    vals = [(self.ctx.field(model, m), Src(node=target, field=t)) for m, t in zip(rel.fields, rel.references, strict=True)]
                    if op != "create":
                        self.let_go(model, f, vals, (), None)
                    self.add(Node("update", model, vals, match=self.pk_match(model, found)))
            elif op == "disconnect":
                vals = [(self.ctx.field(model, m), Src(null=True)) for m in rel.fields]
                if rw.disconnect_all:
                    self.add(Node("update", model, vals, match=self.pk_match(model, found)))
                for cond in rw.disconnects:  # only when the related record matches the filter
                    other = self.add(Node("lookup", related, where=cond, match=by_fk))
                    self.add(Node("update", model, vals, match=self.pk_match(model, found), when_found=other))
            elif op == "update":
                for where, sub in rw.updates:
                    other = self.add(Node("lookup", related, where=where, match=by_fk, require=True,
                                          not_found=self.missing("update", related, f)))
                    self.update_at(related, other, sub)
            elif op == "upsert":
                for where, create, update in rw.upserts:  # the record our FK points at, else a new one we point at
                    other = self.add(Node("lookup", related, where=where, match=by_fk))
                    if update:
                        vals, ops = self.assigns(related, update)
                        self.add(Node("update", related, vals, ops, match=self.pk_match(related, other), when_found=other))
                    made = self.insert(create, [], when_missing=other)
                    vals = [(self.ctx.field(model, m), Src(node=made, field=t)) for m, t in zip(rel.fields, rel.references, strict=True)]
                    self.add(Node("update", model, vals, match=self.pk_match(model, found), when_missing=other))
            elif op == "delete":
                if rw.delete_one:
                    self.add(Node("delete", related, match=by_fk, require=True, not_found=self.missing("delete", related, f)))
                for cond in rw.deletes:  # a filter: the record must match it (else P2025)
                    self.add(Node("delete", related, where=cond, match=by_fk, require=True,
                                  not_found=self.missing("delete", related, f)))

    def let_go(self, model: Model, f: Field, pointing: list[tuple[Field, Src]], exclude: tuple[ir.Cond, ...],
               when_missing: int | None) -> None:
        """A one-to-one FK points at one record from one row only: rows of `model` that `pointing`
        matches (but `exclude`) let go first, their FK set NULL; a required FK refuses (P2014)."""
        rel = f.relation
        assert rel is not None
        if rel.kind != "one_to_one":
            return
        if all(fld.is_required for fld, _ in pointing):
            other = self.ctx.model(f.type)
            self.add(Node("restrict", model, match=pointing, exclude=exclude, when_missing=when_missing,
                          restrict=f"{rel.name}:{model.name}:{other.name}"))
        else:
            self.add(Node("update", model, [(fld, Src(null=True)) for fld, _ in pointing], match=pointing, exclude=exclude,
                          when_missing=when_missing))

    @staticmethod
    def missing(verb: str, target: Model, f: Field, inline_on: Model | None = None) -> str:
        """Prisma 7's P2025 detail for a nested `verb` (update, delete, connect) that found no record."""
        rel = f.relation
        assert rel is not None
        kind = {"one_to_one": "one-to-one", "many_to_many": "many-to-many"}.get(rel.kind, "one-to-many")
        needed = f" (needed to inline the relation on '{inline_on.name}' record(s))" if inline_on is not None else ""
        return f"No '{target.name}' record{needed} was found for a nested {verb} on {kind} relation '{rel.name}'."

    def pk_match(self, model: Model, node: int) -> list[tuple[Field, Src]]:
        return [(self.ctx.field(model, n), Src(node=node, field=n)) for n in model.primary_key]

    def assigns(self, model: Model, data: tuple[ir.Assign, ...]) -> tuple[list[tuple[Field, Src]], dict[str, str]]:
        vals = [(self.ctx.field(model, a.field), Src(slot=a.value, null=a.value is None)) for a in data]
        return vals, {a.field: a.op for a in data if a.op != "set"}


