"""What the resolver passes share: the problem list, the mutable drafts of models and fields, and
the helpers that read attribute arguments (reporting into the problem list).

`resolve.py` (datasource, enums, fields, defaults), `keys.py` (primary keys, unique selectors,
indexes) and `relations.py` (relation pairing) each work on these drafts in turn; `FieldDraft.freeze()`
turns them into the frozen `Field`s of `model.py` at the end.
"""

from __future__ import annotations

from typing import Any

from prisma_edge.errors import SchemaError
from prisma_edge.schema.model import Default, Field, Index, NativeType, UniqueIndex
from prisma_edge.schema.parser import Attribute, Block, Expr, FieldDecl


class Problems:
    """Collects SchemaErrors for one source; `check()` raises the first if any were found."""

    def __init__(self, source_name: str, files: tuple[tuple[int, str], ...] = ()) -> None:
        self.source_name = source_name
        # multi-file schemas: (first line, file name) per file, lines numbered across files
        self.files = files
        self.items: list[tuple[int, int, str]] = []

    def error(self, message: str, line: int, column: int) -> SchemaError:
        """A SchemaError naming the file (and its own line) a schema-wide line number falls in."""
        name, first = self.source_name, 1
        for start, file in self.files:
            if start <= line:
                name, first = file, start
        return SchemaError(message, line - first + 1, column, source_name=name)

    def add(self, message: str, at: Any) -> None:
        self.items.append((at.line, at.column, message))

    def check(self) -> None:
        if not self.items:
            return
        errs = [self.error(m, line, col) for line, col, m in sorted(self.items)]
        first = errs[0]
        message = min(self.items)[2]
        if len(errs) > 1:
            message += f"\n(and {len(errs) - 1} more problem{'s' if len(errs) > 2 else ''}:"
            message += "".join(f"\n  {e}" for e in errs[1:6]) + ("\n  ..." if len(errs) > 6 else "") + ")"
        err = SchemaError(message, first.line, first.column, source_name=first.source_name)
        err.errors = errs  # type: ignore[attr-defined]
        raise err


class FieldDraft:
    """A field while the schema is being resolved (mutable; frozen into `Field` at the end)."""

    __slots__ = ("decl", "kind", "db_name", "is_id", "is_unique", "unique_map", "id_map", "is_updated_at",
                 "default", "native_type", "relation", "rel_args", "ignored")

    def __init__(self, decl: FieldDecl, kind: str) -> None:
        self.decl, self.kind, self.db_name = decl, kind, decl.name
        self.is_id = self.is_unique = self.is_updated_at = self.ignored = False
        self.unique_map: str | None = None
        self.id_map: str | None = None
        self.default: Default | None = None
        self.native_type: NativeType | None = None
        self.relation: Any = None
        self.rel_args: dict[str, Expr] = {}

    @property
    def name(self) -> str:
        return self.decl.name

    @property
    def type(self) -> str:
        return self.decl.type

    @property
    def required(self) -> bool:
        return not self.decl.optional

    def freeze(self) -> Field:
        d = self.decl
        return Field(name=d.name, type=d.type, kind=self.kind, db_name=self.db_name, is_list=d.is_list,  # type: ignore[arg-type]
                     is_required=not d.optional, is_id=self.is_id, is_unique=self.is_unique,
                     is_updated_at=self.is_updated_at, default=self.default, native_type=self.native_type,
                     relation=self.relation, documentation=d.documentation, line=d.line)


class ModelDraft:
    __slots__ = ("block", "db_name", "fields", "by_name", "primary_key", "uniques", "indexes", "ignored",
                 "constraints", "db_schema", "schema_at", "fulltext")

    def __init__(self, block: Block) -> None:
        self.block = block
        self.db_name = block.name
        self.fields: list[FieldDraft] = []
        self.by_name: dict[str, FieldDraft] = {}
        self.primary_key: tuple[str, ...] = ()
        self.uniques: list[UniqueIndex] = []
        self.indexes: list[Index] = []
        self.ignored = False
        self.db_schema: str | None = None
        self.schema_at: Any = None  # where `@@schema` was written (for errors)
        self.fulltext: list[Index] = []
        # (kind "pk"/"unique"/"index", database constraint name, where it was declared)
        self.constraints: list[tuple[str, str, Any]] = []

    @property
    def name(self) -> str:
        return self.block.name


# arguments that take a list of field names, where Prisma also accepts a single bare name
_LIST_ARGS = frozenset({"fields", "references"})


class Checker:
    """Base of the resolver passes: argument helpers that report into the shared `Problems`."""

    def __init__(self, p: Problems) -> None:
        self.p = p

    def args(self, attr: Attribute, prefix: str, allowed: tuple[str, ...],
             positional: str | None = None) -> dict[str, Expr]:
        """Map an attribute's arguments to names, reporting unknown, duplicate or extra ones."""
        out: dict[str, Expr] = {}
        for a in attr.args:
            name = a.name or positional
            if name is None or (a.name is None and positional in out):
                self.p.add(f"`{prefix}{attr.name}` takes no positional argument here: `{a.describe()}`", a)
                continue
            if name not in allowed:
                hint = suggest(name, allowed)
                self.p.add(f"unknown argument `{name}` for `{prefix}{attr.name}`{hint}; "
                           f"expected {', '.join(f'`{x}`' for x in allowed) or 'no arguments'}", a)
                continue
            if name in out:
                self.p.add(f"argument `{name}` is given twice in `{prefix}{attr.name}`", a)
                continue
            value = a.value
            if name in _LIST_ARGS and value.kind in ("const", "call"):  # Prisma reads `@@index(a)` as `[a]`
                value = Expr("array", "", value.line, value.column, (value,))
            out[name] = value
        return out

    def string(self, e: Expr | None, what: str) -> str | None:
        if e is None:
            return None
        if e.kind != "string":
            self.p.add(f"{what} must be a string, found `{e.describe()}`", e)
            return None
        return e.value

    def names_list(self, e: Expr | None, what: str) -> list[Expr]:
        """`[a, b(sort: Desc)]` -> the name expressions (index options such as sort/length are accepted)."""
        if e is None:
            return []
        if e.kind != "array" or not all(isinstance(i, Expr) and i.kind in ("const", "call") for i in e.items):
            self.p.add(f"{what} must be a list of field names such as `[a, b]`, found `{e.describe()}`", e)
            return []
        return list(e.items)  # type: ignore[arg-type]


def suggest(word: str, choices: Any, prefix: str = "", suffix: str = "") -> str:
    """` (did you mean `x`?)` for the closest choice, or "" (difflib is loaded only on this error path)."""
    import difflib

    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean `{prefix}{close[0]}{suffix}`?)" if close else ""

