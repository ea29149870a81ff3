"""Split a `migration.sql` file into statements, for adapters that run one statement at a time.

Prisma hands the whole file to the database in one call; over HTTP adapters (Neon's /sql, D1,
PlanetScale) and for MySQL/SQLite drivers we must cut it ourselves. A `;` ends a statement only
outside:
- string literals `'...'` (doubled quote; PostgreSQL `E'..'` and MySQL strings also take `\\'`),
- quoted identifiers `"..."`, and MySQL/SQLite backticks and SQLite `[...]`,
- comments `-- ...`, `# ...` (MySQL), `/* ... */` (nested on PostgreSQL),
- PostgreSQL dollar quotes `$$ ... $$` / `$tag$ ... $tag$` (function bodies, DO blocks),
- SQLite `CREATE TRIGGER ... BEGIN ... END` bodies;
and MySQL's client-side `DELIMITER //` lines change the terminator. Statements that hold only
comments are dropped. The text of each statement is kept as written (comments inside included).
"""

from __future__ import annotations

import re

__all__ = ["split_statements"]

_DELIMITER = re.compile(r"[ \t]*DELIMITER[ \t]+(\S+)[ \t]*(?:\r?\n|$)", re.IGNORECASE)
_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_$]*")


def split_statements(sql: str, dialect: str) -> list[str]:
    """The statements of `sql` (a script for `dialect`: "postgres", "mysql" or "sqlite"), in order."""
    out: list[str] = []
    i, n, start = 0, len(sql), 0
    delimiter = ";"
    trigger_depth = 0  # SQLite: BEGIN ... END nesting inside CREATE TRIGGER
    in_trigger = False

    def flush(end: int, skip: int) -> None:
        nonlocal start, in_trigger, trigger_depth
        text = sql[start:end].strip()
        if text and not _only_comments(text, dialect):
            out.append(text)
        start = end + skip
        in_trigger, trigger_depth = False, 0

    while i < n:
        c = sql[i]
        if dialect == "mysql" and (i == 0 or sql[i - 1] == "\n") and sql[start:i].strip() == "":
            m = _DELIMITER.match(sql, i)
            if m:
                delimiter = m.group(1)
                i = start = m.end()
                continue
        if sql.startswith(delimiter, i) and not in_trigger:
            flush(i, len(delimiter))
            i += len(delimiter)
            continue
        if c == "-" and sql.startswith("--", i) or (c == "#" and dialect == "mysql"):
            j = sql.find("\n", i)
            i = n if j < 0 else j + 1
        elif c == "/" and sql.startswith("/*", i):
            i = _block_comment_end(sql, i, nested=dialect == "postgres")
        elif c == "'":
            backslash = dialect == "mysql" or (dialect == "postgres" and i > 0 and sql[i - 1] in "eE"
                                                and (i < 2 or not (sql[i - 2].isalnum() or sql[i - 2] == "_")))
            i = _quoted_end(sql, i, "'", backslash)
        elif c == '"':
            i = _quoted_end(sql, i, '"', dialect == "mysql")
        elif c == "`" and dialect != "postgres":
            i = _quoted_end(sql, i, "`", False)
        elif c == "[" and dialect == "sqlite":
            j = sql.find("]", i + 1)
            i = n if j < 0 else j + 1
        elif c == "$" and dialect == "postgres" and not (i > 0 and (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            m = _DOLLAR.match(sql, i)
            if m:
                j = sql.find(m.group(0), m.end())
                i = n if j < 0 else j + len(m.group(0))
            else:
                i += 1
        elif dialect == "sqlite" and (c.isalpha() or c == "_"):
            m = _WORD.match(sql, i)
            assert m is not None
            word = m.group(0).upper()
            if word == "TRIGGER" and re.match(r"\s*CREATE\s+(TEMP\s+|TEMPORARY\s+)?$", sql[start:i], re.I):
                in_trigger = True
            elif in_trigger and word in ("BEGIN", "CASE"):
                trigger_depth += 1
            elif in_trigger and word == "END":
                trigger_depth -= 1
                if trigger_depth == 0:
                    in_trigger = False
            i = m.end()
        else:
            i += 1
    flush(n, 0)
    return out


def _quoted_end(sql: str, i: int, quote: str, backslash: bool) -> int:
    """Index just past the literal that opens at `i` (a doubled quote stays inside)."""
    j, n = i + 1, len(sql)
    while j < n:
        ch = sql[j]
        if backslash and ch == "\\":
            j += 2
            continue
        if ch == quote:
            if j + 1 < n and sql[j + 1] == quote:
                j += 2
                continue
            return j + 1
        j += 1
    return n


def _block_comment_end(sql: str, i: int, *, nested: bool) -> int:
    depth, j, n = 0, i, len(sql)
    while j < n:
        if sql.startswith("/*", j):
            depth = depth + 1 if nested or depth == 0 else depth
            j += 2
        elif sql.startswith("*/", j):
            depth -= 1
            j += 2
            if depth == 0:
                return j
        else:
            j += 1
    return n


def _only_comments(text: str, dialect: str) -> bool:
    """True when `text` is whitespace and comments only (nothing for the database to run)."""
    i, n = 0, len(text)
    while i < n:
        if text[i].isspace():
            i += 1
        elif text.startswith("--", i) or (text[i] == "#" and dialect == "mysql"):
            j = text.find("\n", i)
            i = n if j < 0 else j + 1
        elif text.startswith("/*", i):
            i = _block_comment_end(text, i, nested=dialect == "postgres")
        else:
            return False
    return True
