"""`db pull`: an introspected database (`SqlSchema`) written as Prisma schema models and enums.

Prisma's conventions: a model per table (`@@map` when the table name is not a valid model name),
scalar types from the column types with `@db.*` where the type is not the scalar's default,
`@id` / `@@id`, `@unique` / `@@unique` / `@@index` (with `map:` when the name is not Prisma's
default), `@default(...)` (`autoincrement()`, `now()`, literals, enum values, else `dbgenerated`),
relation fields from foreign keys on both sides (`onDelete`/`onUpdate` when not the default), and
implicit many-to-many join tables (`_AToB`) turned back into list fields. A table without any
unique key gets `@@ignore`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sqlglot import exp

from prisma_edge.migrate.sqlschema import Column, SqlSchema, Table

__all__ = ["render_models"]

_DATETIME = re.compile(r"(\d{4}-\d\d-\d\d)(?:[ T](\d\d:\d\d:\d\d(?:\.\d+)?))?(?:\+00(?::?00)?|Z)?")
_IDENT = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_PG = {"TEXT": ("String", None), "VARCHAR": ("String", "VarChar"), "CHAR": ("String", "Char"),
       "UUID": ("String", "Uuid"), "CITEXT": ("String", "Citext"), "INET": ("String", "Inet"),
       "XML": ("String", "Xml"), "INT": ("Int", None), "SMALLINT": ("Int", "SmallInt"), "OID": ("Int", "Oid"),
       "BIGINT": ("BigInt", None), "DOUBLE PRECISION": ("Float", None), "REAL": ("Float", "Real"),
       "DECIMAL": ("Decimal", "Decimal"), "MONEY": ("Decimal", "Money"), "BOOLEAN": ("Boolean", None),
       "TIMESTAMP": ("DateTime", "Timestamp"), "TIMESTAMPTZ": ("DateTime", "Timestamptz"),
       "DATE": ("DateTime", "Date"), "TIME": ("DateTime", "Time"), "TIMETZ": ("DateTime", "Timetz"),
       "JSONB": ("Json", None), "JSON": ("Json", "Json"), "BYTEA": ("Bytes", None), "BIT": ("String", "Bit"),
       "VARBIT": ("String", "VarBit"), "SERIAL": ("Int", None), "BIGSERIAL": ("BigInt", None),
       "SMALLSERIAL": ("Int", "SmallInt")}
_MYSQL = {"VARCHAR": ("String", "VarChar"), "CHAR": ("String", "Char"), "TEXT": ("String", "Text"),
          "TINYTEXT": ("String", "TinyText"), "MEDIUMTEXT": ("String", "MediumText"),
          "LONGTEXT": ("String", "LongText"), "INT": ("Int", None), "TINYINT": ("Int", "TinyInt"),
          "SMALLINT": ("Int", "SmallInt"), "MEDIUMINT": ("Int", "MediumInt"), "BIGINT": ("BigInt", None),
          "DOUBLE": ("Float", None), "FLOAT": ("Float", "Float"), "DECIMAL": ("Decimal", "Decimal"),
          "DATETIME": ("DateTime", "DateTime"), "TIMESTAMP": ("DateTime", "Timestamp"), "DATE": ("DateTime", "Date"),
          "TIME": ("DateTime", "Time"), "YEAR": ("Int", "Year"), "JSON": ("Json", None), "LONGBLOB": ("Bytes", None),
          "BLOB": ("Bytes", "Blob"), "TINYBLOB": ("Bytes", "TinyBlob"), "MEDIUMBLOB": ("Bytes", "MediumBlob"),
          "BINARY": ("Bytes", "Binary"), "VARBINARY": ("Bytes", "VarBinary"), "BIT": ("Bytes", "Bit")}
_SQLITE = {"INTEGER": "Int", "INT": "Int", "BIGINT": "BigInt", "TEXT": "String", "REAL": "Float",
           "DOUBLE": "Float", "DECIMAL": "Decimal", "BOOLEAN": "Boolean", "DATETIME": "DateTime", "JSONB": "Json",
           "JSON": "Json", "BLOB": "Bytes"}


def _name(db: str, upper: bool) -> str:
    name = re.sub(r"[^A-Za-z0-9_]", "_", db)
    if not name or not name[0].isalpha():
        name = ("M" if upper else "f") + name
    return name


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class _Renderer:
    def __init__(self, s: SqlSchema) -> None:
        self.s, self.d = s, s.dialect
        self.join_tables = {n: t for n, t in s.tables.items() if self._is_join_table(n, t)}
        self.models = {n: _name(n, True) for n in s.tables if n not in self.join_tables}
        self.enum_names = {e: _name(e, True) for e in s.enums}
        self.mysql_enums: dict[str, list[str]] = {}  # MySQL ENUM columns: Prisma names them <Table>_<column>
        self.current = ""
        self.extra: dict[str, list[str]] = {n: [] for n in self.models}  # back-relation fields
        # relations per pair of tables (either direction): more than one needs relation names
        self.pairs: dict[frozenset[str], int] = {}
        for n, t in s.tables.items():
            for fk in t.foreign_keys.values():
                ref = fk.constraint.find(exp.Reference)
                if ref is not None and n not in self.join_tables:
                    key = frozenset((n, ref.this.this.name))
                    self.pairs[key] = self.pairs.get(key, 0) + 1

    def _is_join_table(self, name: str, t: Table) -> bool:
        return (name.startswith("_") and set(t.columns) == {"A", "B"} and len(t.foreign_keys) == 2
                and {fk.columns for fk in t.foreign_keys.values()} == {("A",), ("B",)})

    # -- types and defaults ----------------------------------------------------------------------

    def scalar(self, c: Column) -> tuple[str, str]:
        """(Prisma type with ?/[] suffix, native type attribute or "")."""
        kind = c.definition.args.get("kind")
        is_list = isinstance(kind, exp.DataType) and kind.this == exp.DataType.Type.ARRAY
        if is_list and kind is not None:
            kind = kind.expressions[0]
        text = kind.sql(dialect=self.d) if kind is not None else ""
        if text.endswith("[]"):  # an array of a user-defined type: `"Role"[]`
            is_list, text = True, text[:-2]
        base, _, args = text.partition("(")
        base, args = base.strip().strip('"'), args.rstrip(")").replace(" ", "")
        if self.d == "mysql" and isinstance(kind, exp.DataType) and kind.this == exp.DataType.Type.ENUM:
            name = _name(f"{self.current}_{c.name}", True)
            self.mysql_enums[name] = [v.name for v in kind.expressions]
            typ, native = name, ""
        elif self.d == "mysql":
            typ, native = self._mysql(c, base.upper(), args)
        elif base in self.enum_names:
            typ, native = self.enum_names[base], ""
        elif self.d == "sqlite":
            typ, native = _SQLITE.get(base.upper(), ""), ""
            if not typ:
                typ = f"Unsupported({_quote(text)})"
        else:
            found = _PG.get(base.upper())
            if found is None:
                typ, native = f"Unsupported({_quote(text)})", ""
            else:
                typ, attr = found
                default_args = (base.upper() == "TIMESTAMP" and args == "3") or (
                    base.upper() == "DECIMAL" and args == "65,30")
                native = "" if attr is None or default_args else f" @db.{attr}" + (f"({args.replace(',', ', ')})"
                                                                                    if args else "")
        suffix = "[]" if is_list else ("" if not c.nullable else "?")
        return typ + suffix, native

    def _mysql(self, c: Column, base: str, args: str) -> tuple[str, str]:
        unsigned = "UNSIGNED" in c.definition.sql(dialect="mysql").upper().split("(")[0] or base.startswith("U")
        if base == "TINYINT" and args == "1":
            return "Boolean", ""
        if base == "LONGTEXT" and "json_valid" in c.definition.sql(dialect="mysql").lower():
            return "Json", ""  # MariaDB's JSON: LONGTEXT with a json_valid CHECK
        found = _MYSQL.get(base.removeprefix("U") if unsigned else base)
        if found is None:
            return f"Unsupported({_quote(base)})", ""
        typ, attr = found
        if base in ("INT", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT"):
            args = ""  # display widths: int(11)
            if unsigned:
                return typ, f" @db.Unsigned{base.removeprefix('U').title().replace('int', 'Int')}"
        is_default = (base == "VARCHAR" and args == "191") or (base == "DECIMAL" and args == "65,30") or (
            base == "DATETIME" and args == "3")
        if attr is None or is_default:
            return typ, ""
        return typ, f" @db.{attr}" + (f"({args.replace(',', ', ')})" if args else "")

    def default(self, c: Column, typ: str) -> str:
        if c.autoincrement:
            return " @default(autoincrement())"
        d = c.definition.find(exp.DefaultColumnConstraint)
        if d is None:
            return ""
        e = d.this
        while isinstance(e, exp.Cast | exp.Paren):
            e = e.this
        base = typ.rstrip("?[]")
        if isinstance(e, exp.Null):
            return ""  # DEFAULT NULL is no default
        if base == "Boolean" and isinstance(e, exp.Literal) and e.this in ("0", "1"):  # MySQL's TINYINT(1)
            return f" @default({'true' if e.this == '1' else 'false'})"
        if isinstance(e, exp.CurrentTimestamp) or (isinstance(e, exp.Anonymous | exp.Func) and e.sql().upper()
                                                    in ("NOW()", "CURRENT_TIMESTAMP()")):
            return " @default(now())"
        if isinstance(e, exp.Boolean) or (isinstance(e, exp.Var | exp.Column) and e.name.lower() in ("true", "false")):
            value = e.this if isinstance(e, exp.Boolean) else e.name.lower() == "true"
            return f" @default({'true' if value else 'false'})"
        if isinstance(e, exp.Literal) and not e.is_string:
            return f" @default({e.this})"
        if isinstance(e, exp.Neg) and isinstance(e.this, exp.Literal):
            return f" @default(-{e.this.this})"
        if isinstance(e, exp.Literal) and (base in self.enum_names.values() or base in self.mysql_enums):
            return f" @default({_name(e.this, True) if not _IDENT.fullmatch(e.this) else e.this})"
        if isinstance(e, exp.Literal) and base == "DateTime":
            m = _DATETIME.fullmatch(e.this)
            if m:
                return f" @default({_quote(m.group(1) + 'T' + (m.group(2) or '00:00:00') + 'Z')})"
        if isinstance(e, exp.Literal):
            return f" @default({_quote(e.this)})"
        return f" @default(dbgenerated({_quote(d.this.sql(dialect=self.d))}))"

    # -- models ----------------------------------------------------------------------------------

    def model(self, name: str, t: Table) -> Iterator[str]:
        model = self.models[name]
        pk_cols = [c.strip().strip('"`') for c in t.primary_key[1].split(",")] if t.primary_key else []
        uniques = [(i, [c.name for c in i.expr.find_all(exp.Column)]) for i in self.s.table_indexes(name) if i.unique]
        indexes = [(i, [c.name for c in i.expr.find_all(exp.Column)]) for i in self.s.table_indexes(name)
                   if not i.unique]
        desc = {(i.name, o.this.name) for i in self.s.table_indexes(name) for o in i.expr.find_all(exp.Ordered)
                if o.args.get("desc") and isinstance(o.this, exp.Column)}
        fields = {c: _name(c, False) for c in t.columns}
        self.current = name
        yield f"model {model} {{"
        for cname, c in t.columns.items():
            typ, native = self.scalar(c)
            attrs = ""
            if pk_cols == [cname]:
                typ = typ.rstrip("?")
                attrs += " @id"
            attrs += self.default(c, typ)
            for i, cols in uniques:
                if cols == [cname]:
                    attrs += " @unique" + (f"(map: {_quote(i.name)})" if i.name != f"{name}_{cname}_key" else "")
            if fields[cname] != cname:
                attrs += f" @map({_quote(cname)})"
            yield f"  {fields[cname]} {typ}{attrs}{native}"
        yield from self.relation_fields(name, t, fields)
        yield from (f"  {x}" for x in self.extra.get(name, []))
        if len(pk_cols) > 1:
            mapped = t.primary_key and t.primary_key[0] not in (None, f"{name}_pkey")
            yield f"\n  @@id([{', '.join(fields[c] for c in pk_cols)}]" + (
                f", map: {_quote(str(t.primary_key[0]))})" if mapped else ")")
        ops = {(i.name, o.this.name): o.expression.name for i in self.s.table_indexes(name)
               for o in i.expr.find_all(exp.Opclass) if isinstance(o.this, exp.Column)}

        def terms(i: object, cols: list[str]) -> str:
            out = []
            for c in cols:
                opts = (["sort: Desc"] if (getattr(i, "name", ""), c) in desc else []) + (
                    [f"ops: raw({_quote(ops[(getattr(i, 'name', ''), c)])})"] if (getattr(i, "name", ""), c) in ops
                    else [])
                out.append(fields[c] + (f"({', '.join(opts)})" if opts else ""))
            return ", ".join(out)

        for i, cols in uniques:
            if len(cols) > 1:
                default = f"{name}_{'_'.join(cols)}_key"
                yield f"  @@unique([{terms(i, cols)}]" + (
                    f", map: {_quote(i.name)})" if i.name != default else ")")
        for i, cols in indexes:
            default = f"{name}_{'_'.join(cols)}_idx"
            using = i.expr.find(exp.IndexParameters)
            method = str(using.args.get("using") or "").lower() if using is not None else ""
            kind = {"gin": "Gin", "gist": "Gist", "hash": "Hash", "brin": "Brin", "spgist": "SpGist"}.get(method)
            yield f"  @@index([{terms(i, cols)}]" + (f", map: {_quote(i.name)}" if i.name != default else "") + (
                f", type: {kind})" if kind else ")")
        if model != name:
            yield f"  @@map({_quote(name)})"
        if not pk_cols and not uniques:
            yield "  @@ignore"
        yield "}"

    def relation_fields(self, name: str, t: Table, fields: dict[str, str]) -> Iterator[str]:
        by_parent: dict[str, int] = {}
        for fk in t.foreign_keys.values():
            ref = fk.constraint.find(exp.Reference)
            if ref is None:
                continue
            by_parent[ref.this.this.name] = by_parent.get(ref.this.this.name, 0) + 1
        for fk in t.foreign_keys.values():
            ref = fk.constraint.find(exp.Reference)
            inner = fk.constraint.find(exp.ForeignKey)
            if ref is None or inner is None:
                continue
            parent = ref.this.this.name
            refs = [x.name for x in ref.this.expressions]
            pmodel = self.models.get(parent, _name(parent, True))
            optional = any(t.columns[c].nullable for c in fk.columns if c in t.columns)
            ambiguous = by_parent[parent] > 1 or self.pairs.get(frozenset((name, parent)), 0) > 1
            rel = f"{self.models[name]}_{'_'.join(fk.columns)}To{pmodel}" if ambiguous or parent == name else ""
            field = (pmodel[0].lower() + pmodel[1:]) if not rel else f"{pmodel[0].lower()}{pmodel[1:]}_{'_'.join(fk.columns)}"
            if field in fields.values():
                field += "_rel"
            args = [f'"{rel}"'] if rel else []
            args += [f"fields: [{', '.join(fields[c] for c in fk.columns)}]",
                     f"references: [{', '.join(_name(r, False) for r in refs)}]"]
            on_delete, on_update = _actions(inner, ref, "RESTRICT" if self.d == "mysql" else "NO ACTION")
            actions = {"CASCADE": "Cascade", "RESTRICT": "Restrict", "NO ACTION": "NoAction", "SET NULL": "SetNull",
                       "SET DEFAULT": "SetDefault"}
            if on_delete != ("SET NULL" if optional else "RESTRICT"):
                args.append(f"onDelete: {actions.get(on_delete, 'NoAction')}")
            if on_update != "CASCADE":
                args.append(f"onUpdate: {actions.get(on_update, 'NoAction')}")
            if fk.name != f"{name}_{'_'.join(fk.columns)}_fkey":
                args.append(f"map: {_quote(fk.name)}")
            yield f"  {field} {pmodel}{'?' if optional else ''} @relation({', '.join(args)})"
            unique = any(sorted(cols) == sorted(fk.columns) for cols in (
                [[c.name for c in i.expr.find_all(exp.Column)] for i in self.s.table_indexes(name) if i.unique]))
            back_model = self.models[name]
            back = (back_model[0].lower() + back_model[1:]) + (f"_{'_'.join(fk.columns)}" if rel else "")
            if parent == name:  # a self-relation: the other side needs its own name
                back = f"other_{back}"
            if parent in self.extra:
                self.extra[parent].append(f"{back} {back_model}{'?' if unique else '[]'}"
                                          + (f' @relation("{rel}")' if rel else ""))

    def join_fields(self) -> None:
        for name, t in self.join_tables.items():
            a = b = ""
            for fk in t.foreign_keys.values():
                ref = fk.constraint.find(exp.Reference)
                target = self.models.get(ref.this.this.name, "") if ref is not None else ""
                if fk.columns == ("A",):
                    a = target
                else:
                    b = target
            if not a or not b:
                continue
            rel = name[1:]
            attr = f' @relation("{rel}")' if rel != f"{a}To{b}" else ""
            self.extra[self.s_name(a)].append(f"{b[0].lower()}{b[1:]} {b}[]{attr}")
            self.extra[self.s_name(b)].append(f"{a[0].lower()}{a[1:]} {a}[]{attr}")

    def s_name(self, model: str) -> str:
        return next(t for t, m in self.models.items() if m == model)

    def render(self) -> str:
        self.join_fields()
        blocks: list[str] = []
        bodies = {n: list(self.model(n, t)) for n, t in self.s.tables.items() if n in self.models}
        for n in self.models:  # back relations are known once every model was read
            body = bodies[n]
            extra = [f"  {x}" for x in self.extra[n] if f"  {x}" not in body]
            at = next((i for i, line in enumerate(body) if line.lstrip().startswith("@@") or line == "}"), len(body))
            blocks.append("\n".join(_distinct_fields(body[:at] + extra + body[at:])))
        for e, values in {**self.s.enums, **self.mysql_enums}.items():
            self.enum_names.setdefault(e, e)
            lines = [f"enum {self.enum_names[e]} {{", *(f"  {v}" if _IDENT.fullmatch(v) else
                                                        f"  {_name(v, True)} @map({_quote(v)})" for v in values)]
            if self.enum_names[e] != e:
                lines.append(f"\n  @@map({_quote(e)})")
            blocks.append("\n".join([*lines, "}"]))
        return "\n\n".join(blocks) + "\n"


def _distinct_fields(lines: list[str]) -> list[str]:
    """Give every field of a model its own name (`users`, `users_2`): relations can collide."""
    seen: set[str] = set()
    out = []
    for line in lines:
        m = re.match(r"  ([A-Za-z][A-Za-z0-9_]*) ", line)
        if m and not line.lstrip().startswith("@@"):
            name, n = m.group(1), 2
            while name in seen:
                name, n = f"{m.group(1)}_{n}", n + 1
            seen.add(name)
            line = f"  {name} " + line[m.end():]
        out.append(line)
    return out


def _actions(fk: exp.Expr, ref: exp.Expr, unsaid: str) -> tuple[str, str]:
    """(ON DELETE, ON UPDATE) of a foreign key tree: ours (ForeignKey args) or a parsed one (options).
    `unsaid`: what the database means when it prints no action (MySQL: RESTRICT)."""
    delete, update = str(fk.args.get("delete") or "").upper(), str(fk.args.get("update") or "").upper()
    for opt in ref.args.get("options") or []:
        text = str(opt).upper()
        if text.startswith("ON DELETE "):
            delete = text.removeprefix("ON DELETE ")
        elif text.startswith("ON UPDATE "):
            update = text.removeprefix("ON UPDATE ")
    return delete or unsaid, update or unsaid


def render_models(s: SqlSchema) -> str:
    """The models and enums of an introspected database, as Prisma schema text."""
    return _Renderer(s).render()
