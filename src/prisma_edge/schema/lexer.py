"""Tokenizer for the Prisma Schema Language: one pass over the text, no regular expressions.

It runs at cold start in Pyodide, where every millisecond of import and parse shows, so it is a
plain character loop. Newlines are tokens because PSL is line-oriented (one field per line);
`//` and `/* */` comments vanish, `///` doc comments become DOC tokens that the parser attaches
to the next declaration.
"""

from __future__ import annotations

from typing import NamedTuple

from prisma_edge.errors import SchemaError

IDENT = "ident"
STRING = "string"
NUMBER = "number"
NEWLINE = "nl"
DOC = "doc"
EOF = "eof"
# Punctuation tokens use their own text as the kind: @ @@ { } ( ) [ ] , : = ? .
_PUNCT = frozenset("{}()[],:=?.")
_IDENT_START = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_")
_DIGITS = frozenset("0123456789")
_IDENT_CHARS = _IDENT_START | _DIGITS | {"-"}
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f"}


class Token(NamedTuple):
    """One token. `value` is the decoded text (string contents without quotes and escapes)."""

    kind: str
    value: str
    line: int
    column: int


def tokenize(text: str, source_name: str = "schema.prisma", first_line: int = 1) -> list[Token]:
    """Split schema text into tokens; raise SchemaError at the first character that cannot start one.

    `first_line`: the line number of the text's first line (the files of a multi-file schema
    are numbered one after the other, see `sources.py`)."""
    out: list[Token] = []
    append = out.append
    i, n = 0, len(text)
    line, line_start = first_line, 0
    while i < n:
        c = text[i]
        col = i - line_start + 1
        if c == "\n":
            append(Token(NEWLINE, "\n", line, col))
            i += 1
            line, line_start = line + 1, i
        elif c in " \t\r\ufeff":
            i += 1
        elif c == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            if text.startswith("///", i):
                append(Token(DOC, text[i + 3 : end].strip(), line, col))
            i = end
        elif c == "/" and text.startswith("/*", i):  # block comment (real schemas use them)
            end = text.find("*/", i + 2)
            if end < 0:
                raise SchemaError("unterminated block comment (missing `*/`)", line, col, source_name=source_name)
            for k in range(i, end):  # keep the line structure: each newline inside is one NEWLINE
                if text[k] == "\n":
                    append(Token(NEWLINE, "\n", line, k - line_start + 1))
                    line, line_start = line + 1, k + 1
            i = end + 2
        elif c in _IDENT_START:
            j = i + 1
            while j < n and text[j] in _IDENT_CHARS:
                j += 1
            append(Token(IDENT, text[i:j], line, col))
            i = j
        elif c in _PUNCT:
            append(Token(c, c, line, col))
            i += 1
        elif c == "@":
            if text.startswith("@@", i):
                append(Token("@@", "@@", line, col))
                i += 2
            else:
                append(Token("@", "@", line, col))
                i += 1
        elif c == '"':
            value, i = _string(text, i, line, col, source_name)
            append(Token(STRING, value, line, col))
        elif c in _DIGITS or (c == "-" and i + 1 < n and text[i + 1] in _DIGITS):
            j = _number_end(text, i)
            append(Token(NUMBER, text[i:j], line, col))
            i = j
        else:
            shown = repr(c) if not c.isprintable() else f"`{c}`"
            raise SchemaError(f"unexpected character {shown}", line, col, source_name=source_name)
    append(Token(EOF, "", line, i - line_start + 1))
    return out


def _string(text: str, start: int, line: int, col: int, source_name: str) -> tuple[str, int]:
    """Decode the string literal opening at `start`; return (value, index after the closing quote)."""
    parts: list[str] = []
    i, n = start + 1, len(text)
    chunk = i
    while i < n:
        c = text[i]
        if c == '"':
            parts.append(text[chunk:i])
            return "".join(parts), i + 1
        if c == "\n":
            break
        if c == "\\":
            parts.append(text[chunk:i])
            esc = text[i + 1 : i + 2]
            if esc in _ESCAPES:
                parts.append(_ESCAPES[esc])
                i += 2
            elif esc == "u" and _is_hex(text[i + 2 : i + 6]):
                parts.append(chr(int(text[i + 2 : i + 6], 16)))
                i += 6
            else:
                raise SchemaError(
                    f"invalid escape sequence `\\{esc}` in string literal",
                    line, col + (i - start), source_name=source_name,
                )
            chunk = i
            continue
        i += 1
    raise SchemaError("unterminated string literal (missing closing `\"`)", line, col, source_name=source_name)


def _is_hex(s: str) -> bool:
    return len(s) == 4 and all(ch in "0123456789abcdefABCDEF" for ch in s)


def _number_end(text: str, i: int) -> int:
    """Index after the number at `i`: -?digits(.digits)? (PSL has no exponent notation)."""
    n = len(text)
    if text[i] == "-":
        i += 1
    while i < n and text[i] in _DIGITS:
        i += 1
    if i + 1 < n and text[i] == "." and text[i + 1] in _DIGITS:
        i += 1
        while i < n and text[i] in _DIGITS:
            i += 1
    return i
