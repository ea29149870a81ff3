"""Keys pass: primary keys, unique selectors (primary key first), indexes and their database names,
validated the way `prisma validate` does (constraint-name namespaces per connector, autoincrement).
"""

from __future__ import annotations

from typing import Any

from prisma_edge.schema.drafts import Checker, ModelDraft, Problems, suggest
from prisma_edge.schema.model import Index, IndexColumn, UniqueIndex
from prisma_edge.schema.parser import Arg, Attribute, Expr
from prisma_edge.schema.psl_tables import MODEL_ATTRIBUTES


def resolve_keys(models: dict[str, ModelDraft], p: Problems, provider: str,
                 preview: frozenset[str] = frozenset()) -> None:
    """Set every model draft's primary key, uniques and indexes; check database names are distinct."""
    _Keys(models, p, provider, preview).run()


class _Keys(Checker):
    def __init__(self, models: dict[str, ModelDraft], p: Problems, provider: str,
                 preview: frozenset[str] = frozenset()) -> None:
        super().__init__(p)
        self.models, self.provider, self.preview = models, provider, preview

    def run(self) -> None:
        for m in self.models.values():
            self.model_keys(m)
        self.database_names()

    def model_keys(self, m: ModelDraft) -> None:
        """Primary key, unique selectors (PK first), indexes and the remaining block attributes."""
        ids = [f for f in m.fields if f.is_id and not f.ignored]
        compound_id: tuple[tuple[str, ...], str | None, str | None, Attribute] | None = None
        compound_uniques: list[UniqueIndex] = []
        once: set[str] = set()
        for a in m.block.attributes:
            if a.name in ("map", "id", "ignore", "schema"):
                if a.name in once:
                    self.p.add(f"attribute `@@{a.name}` can only be defined once", a)
                once.add(a.name)
            if a.name not in MODEL_ATTRIBUTES:
                hint = suggest(a.name, list(MODEL_ATTRIBUTES), "@@")
                self.p.add(f"unknown attribute `@@{a.name}` on model `{m.name}`{hint}", a)
                continue
            args = self.args(a, "@@", MODEL_ATTRIBUTES[a.name], MODEL_ATTRIBUTES[a.name][0] if
                             MODEL_ATTRIBUTES[a.name] else None)
            if a.name == "map":
                m.db_name = self.string(args.get("name"), "`@@map`") or m.db_name
            elif a.name == "schema":
                m.db_schema, m.schema_at = self.string(args.get("name"), "`@@schema`"), a  # checked in resolve.py
            elif a.name == "fulltext":
                self.fulltext(m, a, args)
            elif a.name in ("id", "unique", "index"):
                fields = self.key_fields(m, a, args.get("fields"), required=a.name == "id")
                name = self.string(args.get("name"), "`name`")
                db = self.string(args.get("map"), "`map`")
                cols = index_columns(args.get("fields"))
                clustered = _const(args.get("clustered"))
                if a.name == "id":
                    if compound_id is not None:
                        self.p.add(f"model `{m.name}` has more than one `@@id`", a)
                    compound_id = (fields, name, db, a, cols)
                elif not fields:
                    continue
                elif a.name == "unique":
                    if name is not None and name in m.by_name:
                        self.p.add(f"the custom name `{name}` specified for the `@@unique` attribute is "
                                   "already used as a name for a field; please choose a different name", a)
                    where = self.partial(m, args.get("where"))
                    if where is None:  # a partial unique is no selector: it holds for some rows only
                        compound_uniques.append(UniqueIndex(fields, name or "_".join(fields), db, cols,
                                                            clustered == "true" if clustered else None))
                    else:
                        m.indexes.append(Index(fields, db, cols, unique=True, where=where))
                    self.constraint(m, "unique", fields, db, a)
                else:
                    db = db or name  # Prisma reads a legacy `name:` of `@@index` as its database name
                    m.indexes.append(Index(fields, db, cols, _const(args.get("type")),
                                           clustered == "true" if clustered else None,
                                           where=self.partial(m, args.get("where"))))
                    self.constraint(m, "index", fields, db, a)
        if len(ids) > 1:
            self.p.add("at most one field must be marked as the id field with the `@id` attribute", ids[1].decl)
        if ids and compound_id is not None:
            self.p.add("each model must have at most one id criteria: you can't have `@id` and `@@id` at "
                       "the same time", compound_id[3])
        singles = [UniqueIndex((f.name,), f.name, f.unique_map, f.unique_cols) for f in m.fields
                   if f.is_unique and not f.ignored]
        for f in m.fields:
            if f.is_unique and not f.ignored:
                self.constraint(m, "unique", (f.name,), f.unique_map, f.decl)
        candidates: list[UniqueIndex] = []
        for u in singles + compound_uniques:  # `@id @unique` or a repeated @@unique select the same rows
            if not any(tuple(c.fields) == tuple(u.fields) for c in candidates):  # [a, b] and [b, a]: two indexes
                candidates.append(u)
        if compound_id is not None:
            fields, name, db, _, cols = compound_id
            if not fields:
                return  # the broken @@id was reported
            pk = UniqueIndex(fields, name or "_".join(fields), db, cols)
            self.constraint(m, "pk", fields, db, compound_id[3])
            for u in compound_uniques:  # `@@id([a, b])` and `@@unique([a, b])`: Prisma creates both
                if tuple(u.fields) == tuple(fields):
                    m.indexes.append(Index(u.fields, u.db_name, u.columns, unique=True, clustered=u.clustered))
        elif ids:
            pk = UniqueIndex((ids[0].name,), ids[0].name, ids[0].id_map, ids[0].id_cols)
            self.constraint(m, "pk", pk.fields, pk.db_name, ids[0].decl)
        else:
            pk = next((u for u in candidates if u.fields and all(m.by_name[n].required for n in u.fields)), None)
            if pk is None and (m.ignored or m.block.keyword == "view"):
                m.uniques = candidates  # views need no key (read with find_many / find_first)
                return  # @@ignore exists for tables Prisma cannot key
            if pk is None:
                self.p.add(f"model `{m.name}` needs a unique criteria that has only required fields: mark a "
                           "field with `@id` or `@unique`, or add `@@id([...])` or `@@unique([...])`", m.block)
                return
            candidates.remove(pk)
            m.implicit_pk = True
        m.primary_key = pk.fields
        m.uniques = [pk, *(u for u in candidates if tuple(u.fields) != tuple(pk.fields))]
        names = [u.name for u in m.uniques]
        for u in candidates:
            if names.count(u.name) > 1:
                self.p.add(f"model `{m.name}` has two unique criteria named `{u.name}`; give one a `name:`",
                           m.block)
                break
        self.check_autoincrement(m, has_id=bool(ids) or compound_id is not None)

    def fulltext(self, m: ModelDraft, a: Attribute, args: dict[str, Expr]) -> None:
        """`@@fulltext([a, b])`: MySQL only, as in Prisma (PostgreSQL searches without an index)."""
        if self.provider != "mysql":
            self.p.add(f"you defined a fulltext index, but the current connector ({self.provider}) does not "
                       "support fulltext indexes (`@@fulltext` is for MySQL)", a)
            return
        fields = self.key_fields(m, a, args.get("fields"), required=False)
        for n in fields:
            if m.by_name[n].type != "String" or m.by_name[n].decl.is_list:
                self.p.add(f"`@@fulltext` field `{n}` must be a String: full-text search reads text", a)
                return
        if fields:
            db = self.string(args.get("map"), "`map`")
            m.fulltext.append(Index(fields, db))
            self.constraint(m, "index", fields, db, a)

    def partial(self, m: ModelDraft, e: Expr | None) -> str | dict[str, Any] | None:
        """`where: raw("...")` (SQL text) or `where: { field: value }` (Prisma's partialIndexes preview)."""
        if e is None:
            return None
        if "partialIndexes" not in self.preview:
            self.p.add('the `where` argument (partial indexes) needs the `partialIndexes` preview feature: add '
                       '`previewFeatures = ["partialIndexes"]` to the generator block', e)
            return None
        if self.provider == "mysql":
            self.p.add("partial indexes (`where:`) are not supported by MySQL", e)
            return None
        if e.kind == "call" and e.value == "raw" and len(e.items) == 1 and \
                getattr(e.items[0], "value", None) is not None and e.items[0].value.kind == "string":  # type: ignore[union-attr]
            return str(e.items[0].value.value)  # type: ignore[union-attr]
        if e.kind == "object":
            out: dict[str, Any] = {}
            for item in e.items:
                f = m.by_name.get(getattr(item, "name", None) or "")
                if f is None or f.kind == "object":
                    self.p.add(f"`where:` refers to `{getattr(item, 'name', '?')}`, which is not a scalar field of "
                               f"model `{m.name}`", item)
                    return None
                out[f.name] = _condition(item.value)  # type: ignore[union-attr]
                if out[f.name] is _BAD:
                    self.p.add("`where:` takes `field: value`, `field: null` or `field: { not: value }` (values: "
                               "strings, numbers, true, false, null)", item)
                    return None
            return out
        self.p.add(f'`where:` must be `raw("...")` or an object such as `{{ deletedAt: null }}`, found '
                   f"`{e.describe()}`", e)
        return None

    def constraint(self, m: ModelDraft, kind: str, fields: tuple[str, ...], db: str | None, at: Any) -> None:
        """Record a key's database name: its `map:` or Prisma's default (`User_email_key`, ...)."""
        if db is None:
            cols = "_".join(m.by_name[n].db_name for n in fields)
            db = f"{m.db_name}_pkey" if kind == "pk" else f"{m.db_name}_{cols}_{'key' if kind == 'unique' else 'idx'}"
        m.constraints.append((kind, db, at))

    def database_names(self) -> None:
        """Models need distinct tables; keys and indexes distinct names in the connector's namespace."""
        tables: dict[str, str] = {}
        for m in self.models.values():
            other = tables.setdefault(m.db_name, m.name)
            if other != m.name:
                self.p.add(f"the model with database name `{m.db_name}` could not be defined because another "
                           f"model with this name exists: `{other}`", m.block)
        if self.provider == "mysql":
            namespace, kinds = "model-level indexes and unique constraints", ("unique", "index")
        elif self.provider == "postgresql":
            namespace, kinds = "global for primary key, indexes and unique constraints", ("pk", "unique", "index")
        else:
            namespace, kinds = "global for indexes and unique constraints", ("unique", "index")
        seen: set[tuple[str, str]] = set()
        for m in self.models.values():
            for kind, name, at in m.constraints:
                key = (m.db_name if self.provider == "mysql" else "", name)
                if kind not in kinds:
                    continue
                if key in seen:
                    self.p.add(f"the given constraint name `{name}` has to be unique in the following namespace: "
                               f"{namespace}; please provide a different name using the `map` argument", at)
                seen.add(key)

    def key_fields(self, m: ModelDraft, a: Attribute, e: Expr | None, required: bool) -> tuple[str, ...]:
        if e is None:
            self.p.add(f"`@@{a.name}` needs a list of fields, e.g. `@@{a.name}([a, b])`", a)
            return ()
        out: list[str] = []
        items = self.names_list(e, f"the fields of `@@{a.name}`")
        for item in items:
            f = m.by_name.get(item.value)
            if f is None or f.ignored:
                self.p.add(f"`@@{a.name}` refers to `{item.value}`, which is not a field of model `{m.name}`", item)
            elif f.kind == "object":
                self.p.add(f"`@@{a.name}` refers to the relation field `{item.value}`; index definitions "
                           "must reference only scalar fields", item)
            elif required and not f.required:
                self.p.add(f"the id definition refers to the optional field `{item.value}`; id fields must "
                           "be required", item)
            else:
                out.append(item.value)
        if not items or len(out) != len(e.items):
            if e.kind == "array" and not e.items:
                self.p.add(f"`@@{a.name}` needs at least one field", e)
            return ()  # reported above; the key is left out
        return tuple(out)

    def check_autoincrement(self, m: ModelDraft, has_id: bool) -> None:
        for f in m.fields:
            if f.default is None or f.default.kind != "autoincrement":
                continue
            if self.provider == "sqlite" and (m.primary_key != (f.name,) or not has_id):
                self.p.add("the `autoincrement()` default value is used on a non-id field even though "
                           "the sqlite datasource does not support this", f.decl)
            elif self.provider == "mysql":
                firsts = {u.fields[0] for u in m.uniques if u.fields} | {i.fields[0] for i in m.indexes if i.fields}
                if f.name not in firsts:
                    self.p.add("the `autoincrement()` default value is used on a non-indexed field even "
                               "though the mysql datasource does not support this", f.decl)



_BAD = object()


def _condition(e: Expr) -> Any:
    """A partial-index condition value: a literal, None, or ("not", literal)."""
    if e.kind == "object":
        if len(e.items) == 1 and getattr(e.items[0], "name", None) == "not":
            inner = _literal(e.items[0].value)  # type: ignore[union-attr]
            return _BAD if inner is _BAD else ("not", inner)
        return _BAD
    return _literal(e)


def _literal(e: Expr) -> Any:
    if e.kind == "string":
        return e.value
    if e.kind == "number":
        return float(e.value) if "." in e.value else int(e.value)
    if e.kind == "const" and e.value in ("true", "false", "null"):
        return {"true": True, "false": False, "null": None}[e.value]
    return _BAD


def _const(e: Expr | None) -> str | None:
    return e.value if e is not None and e.kind in ("const", "string", "number") else None


def index_columns(e: Expr | None, single: str | None = None, opts: dict[str, Expr] | None = None
                  ) -> tuple[IndexColumn, ...]:
    """Per-field index options of `[a, b(sort: Desc, length: 10, ops: raw("x"))]` (or of one field's
    `@unique(sort: ..)` when `single` names it); () when no field has any, so plain keys stay plain."""
    items: list[tuple[str, dict[str, Expr]]] = []
    if single is not None:
        items.append((single, opts or {}))
    elif e is not None and e.kind == "array":
        for it in e.items:
            if isinstance(it, Expr):
                args = {a.name: a.value for a in it.items if isinstance(a, Arg) and a.name} if it.kind == "call" else {}
                items.append((it.value, args))
    out = []
    for name, args in items:
        length = _const(args.get("length"))
        ops = args.get("ops")
        op = None
        if ops is not None:
            inner = ops.items[0] if ops.kind == "call" and ops.items else None
            op = (inner.value.value if isinstance(inner, Arg) else inner.value) if inner is not None else ops.value
        out.append(IndexColumn(name, _const(args.get("sort")), int(length) if length and length.isdigit() else None, op))
    if all(c.sort is None and c.length is None and c.ops is None for c in out):
        return ()
    return tuple(out)
