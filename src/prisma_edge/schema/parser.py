"""Recursive-descent parser: tokens -> a small syntax tree of declarations, with positions.

The tree keeps the text's shape (blocks, fields, attributes with their raw arguments) and
nothing more: meaning (types, relations, defaults) is decided in `resolve.py`. Splitting the
two keeps syntax errors ("expected `}`") apart from semantic ones ("unknown type"), each with a
line and column.
"""

from __future__ import annotations

from attrs import frozen

from prisma_edge.errors import SchemaError
from prisma_edge.schema.lexer import DOC, EOF, IDENT, NEWLINE, NUMBER, STRING, Token, tokenize

BLOCK_KEYWORDS = ("datasource", "generator", "model", "enum", "view")
_UNSUPPORTED_BLOCKS = {
    "type": "composite `type` blocks exist only for MongoDB, which prisma-edge does not support",
}


# -- syntax tree ---------------------------------------------------------------------------------


@frozen
class Expr:
    """A value in an attribute or config: kind is string | number | const | call | array | object.

    `value` is the decoded string, the number's text, the constant's name or the function's
    name; `items` holds array items or call arguments.
    """

    kind: str
    value: str
    line: int
    column: int
    items: tuple[Arg | Expr, ...] = ()

    def describe(self) -> str:
        """The expression as it would be written in the schema (for error messages)."""
        if self.kind == "string":
            return '"' + self.value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if self.kind == "array":
            return "[" + ", ".join(i.describe() for i in self.items) + "]"
        if self.kind == "call":
            return f"{self.value}(" + ", ".join(i.describe() for i in self.items) + ")"
        if self.kind == "object":
            return "{ " + ", ".join(i.describe() for i in self.items) + " }"
        return self.value


@frozen
class Arg:
    """A function or attribute argument: positional when `name` is None."""

    name: str | None
    value: Expr
    line: int
    column: int

    def describe(self) -> str:
        return f"{self.name}: {self.value.describe()}" if self.name else self.value.describe()


@frozen
class Attribute:
    """`@name(args)` on a field or `@@name(args)` on a block; `name` may be dotted (`db.VarChar`)."""

    name: str
    args: tuple[Arg, ...]
    line: int
    column: int
    has_parens: bool = False


@frozen
class FieldDecl:
    name: str
    type: str
    optional: bool
    is_list: bool
    attributes: tuple[Attribute, ...]
    documentation: str | None
    line: int
    column: int
    type_line: int
    type_column: int
    # `Unsupported("...")` keeps its argument here.
    unsupported: str | None = None


@frozen
class Property:
    """`key = value` inside a datasource or generator block."""

    key: str
    value: Expr
    line: int
    column: int


@frozen
class Block:
    """A top-level declaration. Models use `fields`, enums `fields` (values, type ""), configs `properties`."""

    keyword: str
    name: str
    line: int
    column: int
    fields: tuple[FieldDecl, ...] = ()
    attributes: tuple[Attribute, ...] = ()
    properties: tuple[Property, ...] = ()
    documentation: str | None = None


# -- parser --------------------------------------------------------------------------------------


# Lists and calls nested in one attribute argument (compiler/limits.py lists every limit).
MAX_EXPRESSION_NESTING = 64


def parse(text: str, source_name: str = "schema.prisma", first_line: int = 1) -> list[Block]:
    """Parse schema text into blocks. Raises SchemaError (with line:column) on a syntax error.

    `first_line` numbers the text's lines from there (multi-file schemas, `sources.py`)."""
    return _Parser(tokenize(text, source_name, first_line), source_name).blocks()


class _Parser:
    def __init__(self, tokens: list[Token], source_name: str) -> None:
        self.toks = tokens
        self.pos = 0
        self.source_name = source_name
        self.depth = 0  # of the expression being parsed (MAX_EXPRESSION_NESTING)

    # token helpers

    @property
    def tok(self) -> Token:
        return self.toks[self.pos]

    def advance(self) -> Token:
        t = self.toks[self.pos]
        if t.kind != EOF:
            self.pos += 1
        return t

    def error(self, message: str, tok: Token | None = None) -> SchemaError:
        t = tok or self.tok
        return SchemaError(message, t.line, t.column, source_name=self.source_name)

    def expect(self, kind: str, what: str) -> Token:
        t = self.tok
        if t.kind != kind:
            raise self.error(f"expected {what}, found {_show(t)}")
        return self.advance()

    def docs(self) -> str | None:
        """Consume blank lines and `///` comments; return the doc text that precedes the next item."""
        lines: list[str] = []
        while self.tok.kind in (NEWLINE, DOC):
            t = self.advance()
            if t.kind == DOC:
                lines.append(t.value)
            elif lines and self.tok.kind == NEWLINE:  # a blank line detaches the comment above
                lines = []
        return "\n".join(lines) if lines else None

    def end_of_line(self, what: str) -> None:
        t = self.tok
        if t.kind == DOC:  # a trailing `///` on the line is just a comment
            self.advance()
            t = self.tok
        if t.kind == "}":
            raise self.error(f"the closing `}}` must be on its own line, not after {what}")
        if t.kind not in (NEWLINE, EOF):
            raise self.error(f"unexpected {_show(t)} after {what}; each declaration must be on its own line")

    # top level

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        while True:
            doc = self.docs()
            t = self.tok
            if t.kind == EOF:
                return out
            if t.kind != IDENT:
                raise self.error(f"expected a block keyword ({', '.join(BLOCK_KEYWORDS)}), found {_show(t)}")
            kw = t.value
            if kw in _UNSUPPORTED_BLOCKS:
                raise self.error(_UNSUPPORTED_BLOCKS[kw])
            if kw not in BLOCK_KEYWORDS:
                import difflib  # lazily: only this error path needs it

                close = difflib.get_close_matches(kw, BLOCK_KEYWORDS, n=1)
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                raise self.error(
                    f"unknown block keyword `{kw}`{hint}; expected one of {', '.join(BLOCK_KEYWORDS)}"
                )
            self.advance()
            name = self.expect(IDENT, f"a name after `{kw}`")
            open_tok = self.expect("{", f"`{{` after `{kw} {name.value}`")
            if self.tok.kind not in (NEWLINE, DOC, EOF):  # Prisma silently drops such text; we say so
                raise self.error(f"declarations inside {kw} `{name.value}` must start on a new line after `{{`")
            if kw in ("datasource", "generator"):
                out.append(self.config_block(kw, name, t))
            else:
                out.append(self.body_block(kw, name, t, doc))
            if self.toks[self.pos - 1].kind != "}":  # pragma: no cover - body parsers end on `}`
                raise self.error("expected `}`", open_tok)

    def unterminated(self, kw: str, name: Token, start: Token) -> SchemaError:
        return SchemaError(
            f"unterminated block: {kw} `{name.value}` is missing its closing `}}`",
            start.line, start.column, source_name=self.source_name,
        )

    def config_block(self, kw: str, name: Token, start: Token) -> Block:
        props: list[Property] = []
        while True:
            self.docs()
            t = self.tok
            if t.kind == "}":
                self.advance()
                return Block(kw, name.value, start.line, start.column, properties=tuple(props))
            if t.kind == EOF:
                raise self.unterminated(kw, name, start)
            key = self.expect(IDENT, f"a property name in {kw} `{name.value}`")
            self.expect("=", f"`=` after `{key.value}`")
            value = self.expr()
            props.append(Property(key.value, value, key.line, key.column))
            self.end_of_line(f"property `{key.value}`")

    def body_block(self, kw: str, name: Token, start: Token, doc: str | None) -> Block:
        fields: list[FieldDecl] = []
        attrs: list[Attribute] = []
        while True:
            fdoc = self.docs()
            t = self.tok
            if t.kind == "}":
                self.advance()
                return Block(kw, name.value, start.line, start.column, fields=tuple(fields),
                             attributes=tuple(attrs), documentation=doc)
            if t.kind == EOF:
                raise self.unterminated(kw, name, start)
            if t.kind == "@@":
                attrs.append(self.attribute())
                self.end_of_line("a block attribute")
            elif t.kind == IDENT:
                fields.append(self.enum_value(fdoc) if kw == "enum" else self.field(fdoc))
            elif t.kind == "@":
                raise self.error("field attributes (`@...`) must follow a field on the same line; "
                                 "block attributes start with `@@`")
            else:
                raise self.error(f"expected a field or `@@attribute` in {kw} `{name.value}`, found {_show(t)}")

    def enum_value(self, doc: str | None) -> FieldDecl:
        t = self.advance()
        attrs = self.field_attributes()
        self.end_of_line(f"enum value `{t.value}`")
        return FieldDecl(t.value, "", False, False, attrs, doc, t.line, t.column, t.line, t.column)

    def field(self, doc: str | None) -> FieldDecl:
        name = self.advance()
        t = self.tok
        if t.kind != IDENT:
            raise self.error(f"expected a type after field name `{name.value}`, found {_show(t)}")
        self.advance()
        unsupported = None
        if t.value == "Unsupported" and self.tok.kind == "(":
            self.advance()
            unsupported = self.expect(STRING, "a string in `Unsupported(...)`").value
            self.expect(")", "`)`")
        is_list = optional = False
        if self.tok.kind == "[":
            self.advance()
            self.expect("]", "`]` (list types are written `Type[]`)")
            is_list = True
        if self.tok.kind == "?":
            if is_list:
                raise self.error("optional lists are not supported; use either `Type[]` or `Type?`")
            self.advance()
            optional = True
        if self.tok.kind == "[":
            raise self.error("a list marker must come before `?`; optional lists are not supported")
        attrs = self.field_attributes()
        self.end_of_line(f"field `{name.value}`")
        return FieldDecl(name.value, t.value, optional, is_list, attrs, doc, name.line, name.column,
                         t.line, t.column, unsupported)

    def field_attributes(self) -> tuple[Attribute, ...]:
        out: list[Attribute] = []
        while self.tok.kind == "@":
            out.append(self.attribute())
        if self.tok.kind == "@@":
            raise self.error("block attributes (`@@...`) must be on their own line")
        return tuple(out)

    def attribute(self) -> Attribute:
        at = self.advance()
        first = self.tok
        if first.kind != IDENT or first.column != at.column + len(at.value):
            raise self.error(f"expected an attribute name right after `{at.value}`")
        self.advance()
        name = first.value
        if self.tok.kind == ".":
            self.advance()
            name += "." + self.expect(IDENT, f"a name after `{at.value}{name}.`").value
        args: tuple[Arg, ...] = ()
        parens = self.tok.kind == "("
        if parens:
            args = self.arguments()
        return Attribute(name, args, at.line, at.column, parens)

    def arguments(self) -> tuple[Arg, ...]:
        """`(a, name: b, ...)` on one line, as Prisma requires (no line breaks, no trailing comma)."""
        open_tok = self.advance()
        out: list[Arg] = []
        if self.tok.kind == ")":
            self.advance()
            return ()
        self.no_line_break(open_tok, ")", "argument list")
        while True:
            t = self.tok
            if t.kind == IDENT and self.toks[self.pos + 1].kind == ":":
                self.pos += 2
                out.append(Arg(t.value, self.expr(), t.line, t.column))
            else:
                e = self.expr()
                out.append(Arg(None, e, e.line, e.column))
            if not self.list_continues(open_tok, ")", "argument list"):
                return tuple(out)

    def list_continues(self, open_tok: Token, close: str, what: str) -> bool:
        """After an item: True on `,` (more follow), False on the closing bracket (consumed)."""
        t = self.tok
        if t.kind == close:
            self.advance()
            return False
        if t.kind == ",":
            self.advance()
            if self.tok.kind == close:
                raise self.error(f"trailing comma in {what}", t)
            self.no_line_break(open_tok, close, what)
            return True
        self.no_line_break(open_tok, close, what)
        raise self.error(f"expected `,` or `{close}` in {what}, found {_show(t)}")

    def no_line_break(self, open_tok: Token, close: str, what: str) -> None:
        if self.tok.kind in (NEWLINE, EOF, DOC):
            raise self.error(f"unclosed `{open_tok.value}`: missing `{close}` ({what}s must be on one line)",
                             open_tok)

    def expr(self) -> Expr:
        """One value; nesting is bounded so that a hostile schema gets a SchemaError, not a RecursionError."""
        if self.depth >= MAX_EXPRESSION_NESTING:
            raise self.error(f"expression nested more than {MAX_EXPRESSION_NESTING} levels deep")
        self.depth += 1
        try:
            return self._expr()
        finally:
            self.depth -= 1

    def _expr(self) -> Expr:
        t = self.tok
        if t.kind == STRING:
            self.advance()
            return Expr("string", t.value, t.line, t.column)
        if t.kind == NUMBER:
            self.advance()
            return Expr("number", t.value, t.line, t.column)
        if t.kind == "[":
            self.advance()
            items: list[Expr] = []
            if self.tok.kind == "]":
                self.advance()
                return Expr("array", "", t.line, t.column, ())
            self.no_line_break(t, "]", "list")
            while True:
                items.append(self.expr())
                if not self.list_continues(t, "]", "list"):
                    return Expr("array", "", t.line, t.column, tuple(items))
        if t.kind == "{":  # `{ field: value }` (partial index conditions)
            self.advance()
            pairs: list[Arg] = []
            if self.tok.kind == "}":
                self.advance()
                return Expr("object", "", t.line, t.column, ())
            self.no_line_break(t, "}", "object")
            while True:
                key = self.expect(IDENT, "a field name in `{ ... }`")
                self.expect(":", f"`:` after `{key.value}`")
                pairs.append(Arg(key.value, self.expr(), key.line, key.column))
                if not self.list_continues(t, "}", "object"):
                    return Expr("object", "", t.line, t.column, tuple(pairs))
        if t.kind == IDENT:
            self.advance()
            name = t.value
            while self.tok.kind == "." and self.toks[self.pos + 1].kind == IDENT:
                self.advance()
                name += "." + self.advance().value
            if self.tok.kind == "(":
                return Expr("call", name, t.line, t.column, self.arguments())
            return Expr("const", name, t.line, t.column)
        raise self.error(f"expected a value, found {_show(t)}")


def _show(t: Token) -> str:
    if t.kind == EOF:
        return "end of file"
    if t.kind == NEWLINE:
        return "end of line"
    if t.kind == STRING:
        return "a string"
    if t.kind == DOC:
        return "a `///` comment"
    return f"`{t.value}`"
