"""The SQL that turns one database schema into another, in Prisma's statement order and forms.

`diff(a, b)` compares two `SqlSchema`s and returns `Step`s, each a Prisma step kind (the comment
Prisma writes above it: `-- AlterTable`, `-- CreateIndex`, ...), its statements and the data-loss
warnings Prisma gives for it. Order (Prisma's): DropForeignKey, DropIndex, CreateEnum, AlterEnum,
AlterTable, DropTable, RedefineTables (SQLite), DropEnum, CreateTable, CreateIndex, AddForeignKey.
Renames are never guessed: a renamed column is a dropped and an added one, as in Prisma.

Column changes on PostgreSQL/MySQL: a type change within a family Prisma can cast (numbers to
numbers or text, text to text) is `SET DATA TYPE` / `MODIFY`, other types drop and re-add the
column (with a warning). SQLite can only ADD a nullable column without a foreign key; any other
change to a table rebuilds it (Prisma's RedefineTables: a new table, the common columns copied,
the old dropped, the new renamed, its indexes recreated, foreign keys off meanwhile).
"""

from __future__ import annotations

from typing import Any

from attrs import define, field
from sqlglot import exp

from .sqlschema import Column, SqlSchema, Table

__all__ = ["Step", "diff", "render_script", "with_datamodel"]


@define
class Step:
    kind: str  # Prisma's step comment: AlterTable, CreateIndex, ...
    statements: list[str]
    warnings: list[str] = field(factory=list)
    unexecutable: list[str] = field(factory=list)
    # tables that must be empty for `unexecutable` to run (Prisma counts their rows before refusing)
    needs_empty: list[str] = field(factory=list)


def _id(name: str) -> exp.Identifier:
    return exp.to_identifier(name, quoted=True)


def _t(name: str) -> exp.Table:
    return exp.Table(this=_id(name))


_NUMERIC = {"INT", "INTEGER", "BIGINT", "SMALLINT", "DOUBLE PRECISION", "DOUBLE", "REAL", "DECIMAL", "FLOAT",
            "TINYINT", "MEDIUMINT"}
_TEXT = {"TEXT", "VARCHAR", "CHAR", "CITEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT"}


def _family(type_sql: str) -> str:
    base = type_sql.split("(")[0].strip().upper()
    return "num" if base in _NUMERIC else "text" if base in _TEXT else base


_PG_NAMES = {"INT": "Integer", "INTEGER": "Integer", "BIGINT": "BigInt", "SMALLINT": "SmallInt", "TEXT": "Text",
             "VARCHAR": "VarChar", "CHAR": "Char", "DECIMAL": "Decimal", "DOUBLE PRECISION": "DoublePrecision",
             "REAL": "Real", "BOOLEAN": "Boolean", "TIMESTAMP": "Timestamp", "JSONB": "JsonB", "BYTEA": "ByteA",
             "DATE": "Date", "UUID": "Uuid"}
_SQLITE_NAMES = {"INTEGER": "Int", "BIGINT": "BigInt", "TEXT": "String", "DECIMAL": "Decimal", "REAL": "Float",
                 "BOOLEAN": "Boolean", "DATETIME": "DateTime", "JSONB": "Json", "BLOB": "Bytes"}


def type_label(type_sql: str, dialect: str) -> str:
    """A column type as Prisma names it in warnings: `VarChar(10)`, `Decimal(65,30)` (SQLite: `Int`)."""
    base, _, args = type_sql.partition("(")
    names = _SQLITE_NAMES if dialect == "sqlite" else _PG_NAMES
    label = names.get(base.strip().upper(), base.strip())
    return label + (f"({args.replace(' ', '')}" if args and dialect != "sqlite" else "")


def _cast_warning(col: str, table: str, old: str, new: str, dialect: str) -> str:
    return (f"You are about to alter the column `{col}` on the `{table}` table. The data in that column could be "
            f"lost. The data in that column will be cast from `{type_label(old, dialect)}` to "
            f"`{type_label(new, dialect)}`.")


def _required_warning(col: str, table: str) -> str:
    return (f"Made the column `{col}` on table `{table}` required. This step will fail if there are existing NULL "
            "values in that column.")


def _widening(old: str, new: str) -> bool:
    """A change Prisma makes without a warning: to a wider integer, to text."""
    order = ["SMALLINT", "INT", "INTEGER", "BIGINT"]
    o, n = old.split("(")[0].upper(), new.split("(")[0].upper()
    if o == n and "(" in old and "(" in new:  # VarChar(20) -> VarChar(50), Decimal(10,2) -> Decimal(12,4)
        a = [int(x) for x in old.split("(")[1].rstrip(")").split(",")]
        b = [int(x) for x in new.split("(")[1].rstrip(")").split(",")]
        return len(a) == len(b) and all(y >= x for x, y in zip(a, b, strict=True))
    if o in order and n in order:
        return order.index(n) >= order.index(o)
    return n == "TEXT"


def _castable(old: str, new: str) -> bool:
    f_old, f_new = _family(old), _family(new)
    return f_old == f_new or (f_old == "num" and f_new == "text")


class _Differ:
    def __init__(self, a: SqlSchema, b: SqlSchema) -> None:
        self.a, self.b, self.d = a, b, b.dialect
        self.steps: dict[str, list[Step]] = {k: [] for k in (
            "DropForeignKey", "DropIndex", "CreateEnum", "AlterEnum", "AlterTable", "DropTable", "RedefineTables",
            "DropEnum", "CreateTable", "CreateIndex", "AddForeignKey")}

    def sql(self, e: exp.Expr) -> str:
        return e.sql(dialect=self.d)

    def add(self, kind: str, statements: list[str], warnings: list[str] | None = None,
            unexecutable: list[str] | None = None, needs_empty: list[str] | None = None) -> None:
        self.steps[kind].append(Step(kind, statements, warnings or [], unexecutable or [], needs_empty or []))

    def run(self) -> list[Step]:
        a, b = self.a, self.b
        redefined = {t for t in a.tables if t in b.tables and self.d == "sqlite" and self._needs_redefine(t)}
        self._enums()
        for name, ta in a.tables.items():
            tb = b.tables.get(name)
            for fk_name, fk in ta.foreign_keys.items():
                if self.d == "sqlite":
                    continue  # inline: goes with the table (rebuilt or dropped)
                if tb is None or fk_name not in tb.foreign_keys or tb.foreign_keys[fk_name].key != fk.key:
                    self.add("DropForeignKey", [self._drop_fk(name, fk_name)])
        for key, ia in a.indexes.items():
            ib = b.indexes.get(key)
            if key[0] not in b.tables or key[0] in redefined:
                continue  # dropped with its table
            if ib is None or ib.key != ia.key or ib.unique != ia.unique:
                self.add("DropIndex", [self._drop_index(ia.table, ia.name)])
        for name in a.tables:
            if name in b.tables and name not in redefined:
                self._alter_table(a.tables[name], b.tables[name])
        for name in a.tables:
            if name not in b.tables:
                self._drop_table(name)
        if redefined:
            self._redefine(sorted(redefined))
        for name, tb in b.tables.items():
            if name not in a.tables:
                assert tb.create is not None
                self.add("CreateTable", [self.sql(tb.create)])
        for key, ib in b.indexes.items():
            ia = a.indexes.get(key)
            if key[0] in redefined:
                continue
            if ia is None or ia.key != ib.key or ia.unique != ib.unique or key[0] not in a.tables:
                warn = []
                if ib.unique and key[0] in a.tables:
                    cols = ",".join(c.name for c in ib.expr.find_all(exp.Column))
                    warn.append(f"A unique constraint covering the columns `[{cols}]` on the table "
                                f"`{ib.table}` will be added. If there are existing duplicate values, this will fail.")
                self.add("CreateIndex", [self.sql(ib.expr)], warn)
        if self.d != "sqlite":
            for name, tb in b.tables.items():
                ta = a.tables.get(name)
                for fk_name, fk in tb.foreign_keys.items():
                    if ta is None or fk_name not in ta.foreign_keys or ta.foreign_keys[fk_name].key != fk.key:
                        alter = exp.Alter(this=_t(name), kind="TABLE",
                                          actions=[exp.AddConstraint(expressions=[fk.constraint.copy()])])
                        self.add("AddForeignKey", [self.sql(alter)])
        return [s for steps in self.steps.values() for s in steps]

    # -- enums (PostgreSQL types; MySQL/SQLite enums are column types) -------------------------------

    def _enums(self) -> None:
        a, b = self.a.enums, self.b.enums
        for name, values in b.items():
            lit = [exp.Literal.string(v) for v in values]
            if name not in a:
                self.add("CreateEnum", [self.sql(exp.Create(kind="TYPE", this=_t(name), expression=exp.DataType(
                    this=exp.DataType.Type.ENUM, expressions=lit)))])
                continue
            old = a[name]
            removed = [v for v in old if v not in values]
            if not removed:
                for v in values:
                    if v not in old:
                        self.add("AlterEnum", [self.sql(exp.Command(this="ALTER", expression=(
                            f"TYPE {self.sql(_id(name))} ADD VALUE {self.sql(exp.Literal.string(v))}")))])
                continue
            self._recreate_enum(name, values, removed)
        for name in a:
            if name not in b:
                self.add("DropEnum", [self.sql(exp.Drop(kind="TYPE", tables=[_t(name)]))])

    def _recreate_enum(self, name: str, values: list[str], removed: list[str]) -> None:
        """Prisma's form: a new type, every column moved to it, the old one renamed away and dropped."""
        new = f"{name}_new"
        out = [self.sql(exp.Create(kind="TYPE", this=_t(new), expression=exp.DataType(
            this=exp.DataType.Type.ENUM, expressions=[exp.Literal.string(v) for v in values])))]
        later = []
        for t in self.b.tables.values():
            for c in t.columns.values():
                if c.type.strip('"').removesuffix("[]").strip('"') != name:
                    continue
                col = _id(c.name)
                if c.default is not None:
                    out.append(self._alter(t.name, exp.AlterColumn(this=col.copy(), drop=True)))
                target = exp.DataType(this=exp.DataType.Type.USERDEFINED, kind=_id(new))
                using = exp.Cast(this=exp.Cast(this=exp.column(col.copy()), to=exp.DataType.build("TEXT")),
                                 to=target.copy())
                out.append(self._alter(t.name, exp.AlterColumn(this=col.copy(), dtype=target, using=using)))
                if c.default is not None:
                    d = c.definition.find(exp.DefaultColumnConstraint)
                    assert d is not None
                    later.append(self._alter(t.name, exp.AlterColumn(this=col.copy(), default=d.this.copy())))
        out.append(self.sql(exp.Alter(this=_t(name), kind="TYPE", actions=[exp.AlterRename(this=_t(f"{name}_old"))])))
        out.append(self.sql(exp.Alter(this=_t(new), kind="TYPE", actions=[exp.AlterRename(this=_t(name))])))
        out.append(self.sql(exp.Drop(kind="TYPE", tables=[_t(f"{name}_old")])))
        vals = ", ".join(removed)
        self.add("AlterEnum", ["BEGIN", *out, *later, "COMMIT"], [
            f"The values [{vals}] on the enum `{name}` will be removed. If these variants are still used in the "
            "database, this will fail."])

    # -- tables ------------------------------------------------------------------------------------

    def _alter(self, table: str, *actions: exp.Expr) -> str:
        return self.sql(exp.Alter(this=_t(table), kind="TABLE", actions=list(actions)))

    def _drop_fk(self, table: str, name: str) -> str:
        if self.d == "mysql":
            return self.sql(exp.Command(this="ALTER", expression=(
                f"TABLE {self.sql(_t(table))} DROP FOREIGN KEY {self.sql(_id(name))}")))
        return self._alter(table, exp.Drop(kind="CONSTRAINT", tables=[_t(name)]))

    def _drop_index(self, table: str, name: str) -> str:
        if self.d == "mysql":  # MySQL index names are per table: DROP INDEX name ON table
            return self.sql(exp.Command(this="DROP", expression=f"INDEX {self.sql(_id(name))} ON {self.sql(_t(table))}"))
        return self.sql(exp.Drop(kind="INDEX", tables=[_t(name)]))

    def _drop_table(self, name: str) -> None:
        drop = self.sql(exp.Drop(kind="TABLE", tables=[_t(name)]))
        warn = [f"You are about to drop the `{name}` table. If the table is not empty, all the data it contains "
                "will be lost."]
        if self.d == "sqlite":
            self.add("DropTable", ["PRAGMA foreign_keys=off", drop, "PRAGMA foreign_keys=on"], warn)
        else:
            self.add("DropTable", [drop], warn)

    def _alter_table(self, ta: Table, tb: Table) -> None:
        actions: list[exp.Expr] = []
        warnings: list[str] = []
        unexecutable: list[str] = []
        pk_changed = ta.primary_key != tb.primary_key
        if pk_changed and ta.primary_key is not None and tb.primary_key is not None:
            warnings.append(_pk_warning(ta.name))
        if pk_changed and ta.pk_expr is not None and self.d == "postgres":
            actions.append(exp.Drop(kind="CONSTRAINT", tables=[_t(str(ta.primary_key[0]))]))  # type: ignore[index]
        if pk_changed and ta.primary_key is not None and self.d == "mysql":
            actions.append(exp.Drop(kind="PRIMARY KEY", tables=[]))
        readd: list[Column] = []
        recreated: list[Column] = []
        sequences: list[str] = []  # PostgreSQL: autoincrement() added or removed on a kept column
        for name, ca in ta.columns.items():
            cb = tb.columns.get(name)
            if cb is None:
                actions.append(exp.Drop(kind="COLUMN", tables=[_t(name)]))
                warnings.append(f"You are about to drop the column `{name}` on the `{ta.name}` table. All the data "
                                "in the column will be lost.")
            elif ca.type != cb.type and not _castable(ca.type, cb.type):
                actions.append(exp.Drop(kind="COLUMN", tables=[_t(name)]))
                recreated.append(cb)
                warnings.append(f"Changed the type of `{name}` on the `{ta.name}` table. No cast exists, the column "
                                "would be dropped and recreated, which cannot be done if there is data, since the "
                                "column is required." if not cb.nullable and cb.default is None else
                                f"The `{name}` column on the `{ta.name}` table would be dropped and recreated. This "
                                "will lead to data loss if there is data in the column.")
            elif self.d == "mysql":
                if (ca.type, ca.nullable, ca.default, ca.autoincrement) != (cb.type, cb.nullable, cb.default,
                                                                           cb.autoincrement):
                    actions.append(exp.Command(this="MODIFY", expression=self.sql(cb.definition)))
            else:
                actions += self._alter_column(ca, cb, ta.name, warnings)
                if self.d == "postgres" and ca.autoincrement != cb.autoincrement:
                    sequences += self._sequence(ta.name, cb.name, add=cb.autoincrement)
        for name, cb in sorted(tb.columns.items()):  # Prisma adds new columns in name order
            if name not in ta.columns:
                readd.append(cb)
        for cb in recreated:
            actions.append(cb.definition.copy())
        for cb in readd:
            actions.append(cb.definition.copy())
            if not cb.nullable and cb.default is None and not cb.autoincrement:
                unexecutable.append(f"Added the required column `{cb.name}` to the `{tb.name}` table without a "
                                    "default value. This is not possible if the table is not empty.")
        if pk_changed and tb.pk_expr is not None:
            actions.append(exp.AddConstraint(expressions=[tb.pk_expr.copy()]))
        if sequences and not actions:
            self.add("AlterTable", sequences)
        elif actions:
            if self.d == "mysql" and any(isinstance(x, exp.Command) for x in actions):
                stmt = self.sql(exp.Command(this="ALTER", expression=f"TABLE {self.sql(_t(tb.name))} "
                                            + ", ".join(self._action_sql(tb.name, x) for x in actions)))
                self.add("AlterTable", [stmt], warnings, unexecutable, [tb.name] if unexecutable else [])
            else:
                first = [s for s in sequences if s.startswith("CREATE SEQUENCE")]
                self.add("AlterTable", [*first, self._alter(tb.name, *actions), *(
                    s for s in sequences if s not in first)], warnings, unexecutable, [tb.name] if unexecutable else [])

    def _sequence(self, table: str, column: str, *, add: bool) -> list[str]:
        """A serial's sequence (`<table>_<column>_seq`, PostgreSQL's name): created, set as the column's
        default and owned by it; or, when autoincrement() goes, dropped after its default."""
        seq = f"{table}_{column}_seq"[:63]
        name = self.sql(_t(seq))
        if not add:
            return [self.sql(exp.Drop(kind="SEQUENCE", tables=[_t(seq)]))]
        nextval = exp.Anonymous(this="nextval", expressions=[exp.Literal.string(name)])
        owner = self.sql(exp.column(_id(column), table=_id(table)))
        return [self.sql(exp.Create(kind="SEQUENCE", this=_t(seq))),
                self._alter(table, exp.AlterColumn(this=_id(column), default=nextval)),
                self.sql(exp.Command(this="ALTER", expression=f"SEQUENCE {name} OWNED BY {owner}"))]

    def _action_sql(self, table: str, action: exp.Expr) -> str:
        """One action of a MySQL ALTER TABLE (MODIFY has no sqlglot node: the column definition is)."""
        if isinstance(action, exp.Command):
            return f"MODIFY {action.expression}"
        return self._alter(table, action).removeprefix(f"ALTER TABLE {self.sql(_t(table))} ")

    def _alter_column(self, ca: Column, cb: Column, table: str, warnings: list[str]) -> list[exp.Expr]:
        out: list[exp.Expr] = []
        col = _id(cb.name)
        if ca.type != cb.type:
            kind = cb.definition.args["kind"].copy()
            out.append(exp.AlterColumn(this=col.copy(), dtype=kind, collate=False, using=False))
            if not _widening(ca.type, cb.type):
                warnings.append(_cast_warning(cb.name, table, ca.type, cb.type, self.d))
        if ca.nullable != cb.nullable:
            if not cb.nullable:
                warnings.append(_required_warning(cb.name, table))
            out.append(exp.AlterColumn(this=col.copy(), allow_null=False) if not cb.nullable
                       else exp.AlterColumn(this=col.copy(), drop=True, allow_null=True))
        if ca.default != cb.default or (ca.autoincrement and not cb.autoincrement):
            if cb.default is None:
                out.append(exp.AlterColumn(this=col.copy(), drop=True))
            else:
                d = cb.definition.find(exp.DefaultColumnConstraint)
                assert d is not None
                out.append(exp.AlterColumn(this=col.copy(), default=d.this.copy()))
        return out

    # -- SQLite table rebuilds -------------------------------------------------------------------

    def _needs_redefine(self, name: str) -> bool:
        ta, tb = self.a.tables[name], self.b.tables[name]
        if ta.primary_key != tb.primary_key or set(ta.foreign_keys) != set(tb.foreign_keys):
            return True
        if any(ta.foreign_keys[k].key != tb.foreign_keys[k].key for k in ta.foreign_keys):
            return True
        for cname, ca in ta.columns.items():
            cb = tb.columns.get(cname)
            if cb is None or self.sql(ca.definition) != self.sql(cb.definition):
                return True
        added = [c for n, c in tb.columns.items() if n not in ta.columns]
        return any(not c.nullable or any(c.name in fk.columns for fk in tb.foreign_keys.values()) for c in added)

    def _redefine(self, names: list[str]) -> None:
        out = ["PRAGMA defer_foreign_keys=ON", "PRAGMA foreign_keys=OFF"]
        warnings: list[str] = []
        unexecutable: list[str] = []
        for name in names:
            ta, tb = self.a.tables[name], self.b.tables[name]
            assert tb.create is not None
            create = tb.create.copy()
            create.this.set("this", _t(f"new_{name}"))
            out.append(self.sql(create))
            common = sorted(c for c in tb.columns if c in ta.columns)
            if ta.primary_key != tb.primary_key and ta.primary_key is not None and tb.primary_key is not None:
                warnings.append(_pk_warning(name))
            for c, ca in ta.columns.items():
                cb2 = tb.columns.get(c)
                if cb2 is not None and ca.type != cb2.type:
                    warnings.append(_cast_warning(c, name, ca.type, cb2.type, "sqlite"))
                if cb2 is not None and ca.nullable and not cb2.nullable:
                    warnings.append(_required_warning(c, name))
            for c in ta.columns:
                if c not in tb.columns:
                    warnings.append(f"You are about to drop the column `{c}` on the `{name}` table. All the data in "
                                    "the column will be lost.")
            for c, cb in tb.columns.items():
                if c not in ta.columns and not cb.nullable and cb.default is None and not cb.autoincrement:
                    unexecutable.append(f"Added the required column `{c}` to the `{name}` table without a default "
                                        "value. This is not possible if the table is not empty.")
            if common:
                cols = [exp.column(_id(c)) for c in common]
                select = exp.select(*[x.copy() for x in cols]).from_(_t(name))
                out.append(self.sql(exp.insert(select, _t(f"new_{name}"), columns=[_id(c) for c in common])))
            out.append(self.sql(exp.Drop(kind="TABLE", tables=[_t(name)])))
            out.append(self.sql(exp.Alter(this=_t(f"new_{name}"), kind="TABLE", actions=[exp.AlterRename(this=_t(name))])))
            out += [self.sql(i.expr) for i in self.b.table_indexes(name)]
        out += ["PRAGMA foreign_keys=ON", "PRAGMA defer_foreign_keys=OFF"]
        self.add("RedefineTables", out, warnings, unexecutable,
                 sorted({n for n in names for u in unexecutable if f"`{n}` table" in u}))


def with_datamodel(steps: list[Step], schema: Any) -> list[Step]:
    """Prisma's wording for a required column added with a client-side default (`uuid()`, `cuid()`):
    the datamodel knows it, the tables do not."""
    client = {"uuid", "cuid", "nanoid", "ulid"}
    for m in schema.models:
        for f in m.scalar_fields:
            if f.default is None or f.default.kind not in client or not f.is_required:
                continue
            old = (f"Added the required column `{f.db_name}` to the `{m.db_name}` table without a default value. "
                   "This is not possible if the table is not empty.")
            new = (f"The required column `{f.db_name}` was added to the `{m.db_name}` table with a prisma-level "
                   "default value. This is not possible if the table is not empty. Please add this column as "
                   "optional, then populate it before making it required.")
            for st in steps:
                st.unexecutable = [new if u == old else u for u in st.unexecutable]
    return steps


def _pk_warning(table: str) -> str:
    return (f"The primary key for the `{table}` table will be changed. If it partially fails, the table could be "
            "left without primary key constraint.")


def diff(a: SqlSchema, b: SqlSchema) -> list[Step]:
    """The steps that turn database `a` into database `b` (same dialect), in Prisma's order."""
    if a.dialect != b.dialect:
        raise ValueError("both sides of a diff must be for the same dialect")
    return _Differ(a, b).run()


def render_script(steps: list[Step]) -> str:
    """The migration script as Prisma prints it: `-- Kind` above each step, `;` after statements."""
    if not steps:
        return "-- This is an empty migration."
    return "\n\n".join(f"-- {s.kind}\n" + "\n".join(f"{x};" for x in s.statements) for s in steps) + "\n"
