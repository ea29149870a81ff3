"""A normalized catalog of a PostgreSQL or SQLite database, as plain comparable dicts.

For judging DDL: apply Prisma's SQL to one fresh database and ours to another, then
``assert_same(catalog(a), catalog(b))`` (or look at ``diff_catalogs``). What is recorded is what the
database itself reports, not the SQL text, so formatting never matters and every name does.

PostgreSQL (``pg_catalog(dsn_or_connection, schema="public")``)::

    {"dialect": "postgresql", "schema": "public",
     "tables": {name: {
         "columns": {name: {"position", "type", "nullable", "default", "identity", "generated", "collation"}},
         "primary_key": {"name", "columns"} | None,
         "indexes": {name: {"unique", "primary", "constraint", "method", "columns": [
                        {"column" | "expression", "order", "nulls", "opclass", "collation"}],
                        "include", "predicate", "nulls_not_distinct"}},
         "foreign_keys": {name: {"columns", "referenced_table", "referenced_columns", "on_delete",
                                 "on_update", "match", "deferrable", "deferred"}},
         "checks": {name: definition},
         "comment": str | None}},
     "enums": {name: [values in order]},
     "sequences": {name: {"type", "start", "increment", "min", "max", "cycle", "owned_by"}}}

``type`` is ``format_type()`` (``integer``, ``character varying(40)``, ``timestamp(3) without time zone``,
``"Role"[]``...). ``default`` is ``pg_get_expr()`` of the default (``nextval('"User_id_seq"'::regclass)``,
``CURRENT_TIMESTAMP``, ``'USER'::"Role"``). ``opclass``/``collation`` are None when they are the default
for the column's type. ``constraint`` says whether an index backs a constraint: ``"primary key"``,
``"unique"``, ``"exclusion"`` or None (a plain ``CREATE [UNIQUE] INDEX``). Referential actions are
``NO ACTION``, ``RESTRICT``, ``CASCADE``, ``SET NULL``, ``SET DEFAULT``.

SQLite (``sqlite_catalog(path_or_connection)``)::

    {"dialect": "sqlite",
     "tables": {name: {
         "columns": {name: {"position", "type", "nullable", "default", "hidden"}},
         "primary_key": {"name", "columns", "autoincrement"} | None,
         "without_rowid": bool, "strict": bool,
         "indexes": {name: {"unique", "origin", "columns": [{"column" | "expression", "order", "collation"}],
                            "predicate"}},
         "foreign_keys": {name-or-"#n": {"columns", "referenced_table", "referenced_columns",
                                         "on_delete", "on_update", "match", "deferrable"}},
         "checks": {name-or-"#n": expression}}}}

SQLite keeps no names for constraints, so the primary key's and foreign keys' names
(``CONSTRAINT "x" ...``) are read from the table's CREATE TABLE text (a small tokenizer, no regexes
over SQL); a foreign key without a name is keyed ``#0``, ``#1``... in the order of the CREATE TABLE.
``type`` is the declared type as written, ``default`` the default expression's text as SQLite keeps it.
``origin`` is SQLite's: ``c`` (CREATE INDEX), ``u`` (UNIQUE in the table), ``pk``.

Tables named in ``exclude`` (by default Prisma's ``_prisma_migrations``) and SQLite's own tables
(``sqlite_%``) are left out. Only the standard library and psycopg (for PostgreSQL) are used.

Command line: ``python -m tests.support.catalog <postgresql://...|path/to.db> [schema]`` prints the JSON;
``python -m tests.support.catalog A B`` prints the differences between two databases.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from typing import Any

__all__ = [
    "assert_same",
    "catalog",
    "diff_catalogs",
    "pg_catalog",
    "sqlite_catalog",
]

DEFAULT_EXCLUDE = ("_prisma_migrations",)

_PG_ACTIONS = {"a": "NO ACTION", "r": "RESTRICT", "c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT"}
_PG_MATCH = {"s": "SIMPLE", "f": "FULL", "p": "PARTIAL"}
_PG_CONSTRAINT = {"p": "primary key", "u": "unique", "x": "exclusion"}


def catalog(target: Any, schema: str = "public", exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> dict:
    """The catalog of a PostgreSQL URL/connection or of a SQLite path/connection."""
    if isinstance(target, sqlite3.Connection):
        return sqlite_catalog(target, exclude=exclude)
    if isinstance(target, str) and not target.startswith(("postgres://", "postgresql://")):
        return sqlite_catalog(target.removeprefix("file:"), exclude=exclude)
    return pg_catalog(target, schema=schema, exclude=exclude)


# --------------------------------------------------------------------------- PostgreSQL

def pg_catalog(target: Any, schema: str = "public", exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> dict:
    """Read the catalog of one PostgreSQL schema. `target`: a DSN/URL or a psycopg connection."""
    if isinstance(target, str):
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            return _pg_read(conn, schema, exclude)
    return _pg_read(target, schema, exclude)


def _rows(conn: Any, sql: str, params: tuple = ()) -> list[tuple]:
    with conn.cursor() as cur:
        cur.execute(sql, params)
        return list(cur.fetchall())


def _pg_read(conn: Any, schema: str, exclude: tuple[str, ...]) -> dict:
    tables: dict[str, dict] = {}
    for (name, comment) in _rows(conn, """
            SELECT c.relname, obj_description(c.oid, 'pg_class')
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY c.relname""", (schema,)):
        if name in exclude:
            continue
        tables[name] = {"columns": {}, "primary_key": None, "indexes": {}, "foreign_keys": {},
                        "checks": {}, "comment": comment}

    for (table, col, typ, notnull, default, identity, generated, collation) in _rows(conn, """
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated,
                   CASE WHEN a.attcollation <> t.typcollation THEN co.collname END
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            JOIN pg_type t ON t.oid = a.atttypid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation
            WHERE n.nspname = %s AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum""", (schema,)):
        t = tables.get(table)
        if t is None:
            continue
        t["columns"][col] = {
            "position": len(t["columns"]),
            "type": typ,
            "nullable": not notnull,
            "default": None if generated else default,
            "identity": {"a": "ALWAYS", "d": "BY DEFAULT"}.get(identity or ""),
            "generated": default if generated else None,
            "collation": collation,
        }

    # indexes, with the constraint each one backs
    for (table, name, unique, primary, method, nkey, _natts, pred, nnd, contype, idxoid) in _rows(conn, """
            SELECT t.relname, i.relname, x.indisunique, x.indisprimary, am.amname,
                   x.indnkeyatts, x.indnatts, pg_get_expr(x.indpred, x.indrelid),
                   COALESCE((to_jsonb(x) ->> 'indnullsnotdistinct')::boolean, false),
                   con.contype, x.indexrelid
            FROM pg_index x
            JOIN pg_class i ON i.oid = x.indexrelid
            JOIN pg_class t ON t.oid = x.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_am am ON am.oid = i.relam
            LEFT JOIN pg_constraint con ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
                 AND con.contype IN ('p', 'u', 'x')
            WHERE n.nspname = %s ORDER BY t.relname, i.relname""", (schema,)):
        t = tables.get(table)
        if t is None:
            continue
        cols = []
        include = []
        for (k, colname, expr, option, opcname, opcdefault, collname, colldefault) in _rows(conn, """
                SELECT k.n, a.attname, pg_get_indexdef(x.indexrelid, k.n, true),
                       x.indoption[k.n - 1], oc.opcname, oc.opcdefault, co.collname,
                       (x.indcollation[k.n - 1] = 0 OR x.indcollation[k.n - 1] = COALESCE(a.attcollation, 0)
                        OR co.collname = 'default')
                FROM pg_index x
                CROSS JOIN LATERAL generate_series(1, x.indnatts) AS k(n)
                LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.n - 1]
                     AND x.indkey[k.n - 1] <> 0
                LEFT JOIN pg_opclass oc ON oc.oid = x.indclass[k.n - 1]
                LEFT JOIN pg_collation co ON co.oid = x.indcollation[k.n - 1]
                WHERE x.indexrelid = %s ORDER BY k.n""", (idxoid,)):
            if k > nkey:
                include.append(colname or expr)
                continue
            entry: dict[str, Any] = {"column": colname} if colname else {"expression": expr}
            option = option or 0
            desc = bool(option & 1)
            nulls_first = bool(option & 2)
            entry["order"] = "DESC" if desc else "ASC"
            # the default is NULLS LAST for ASC and NULLS FIRST for DESC
            entry["nulls"] = None if nulls_first == desc else ("FIRST" if nulls_first else "LAST")
            entry["opclass"] = None if (opcdefault or opcname is None) else opcname
            entry["collation"] = None if colldefault or collname is None else collname
            cols.append(entry)
        t["indexes"][name] = {
            "unique": unique,
            "primary": primary,
            "constraint": _PG_CONSTRAINT.get(contype or ""),
            "method": method,
            "columns": cols,
            "include": include,
            "predicate": pred,
            "nulls_not_distinct": nnd,
        }

    for (table, name, contype, cols, reftable, refcols, upd, dele, match, deferrable, deferred, definition) in _rows(conn, """
            SELECT t.relname, con.conname, con.contype,
                   ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),
                   rt.relname,
                   ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(num, ord)
                         JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),
                   con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, con.condeferred,
                   pg_get_constraintdef(con.oid, true)
            FROM pg_constraint con
            JOIN pg_class t ON t.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            LEFT JOIN pg_class rt ON rt.oid = con.confrelid
            WHERE n.nspname = %s AND con.contype IN ('p', 'f', 'c')
            ORDER BY t.relname, con.conname""", (schema,)):
        t = tables.get(table)
        if t is None:
            continue
        if contype == "p":
            t["primary_key"] = {"name": name, "columns": list(cols)}
        elif contype == "f":
            t["foreign_keys"][name] = {
                "columns": list(cols),
                "referenced_table": reftable,
                "referenced_columns": list(refcols),
                "on_delete": _PG_ACTIONS.get(dele, dele),
                "on_update": _PG_ACTIONS.get(upd, upd),
                "match": _PG_MATCH.get(match, match),
                "deferrable": deferrable,
                "deferred": deferred,
            }
        else:
            t["checks"][name] = definition

    enums: dict[str, list[str]] = {}
    for (name, label) in _rows(conn, """
            SELECT t.typname, e.enumlabel FROM pg_type t
            JOIN pg_namespace n ON n.oid = t.typnamespace
            JOIN pg_enum e ON e.enumtypid = t.oid
            WHERE n.nspname = %s ORDER BY t.typname, e.enumsortorder""", (schema,)):
        enums.setdefault(name, []).append(label)

    sequences: dict[str, dict] = {}
    for (name, typ, start, inc, mn, mx, cycle, owner_table, owner_col, deptype) in _rows(conn, """
            SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                   s.seqcycle, ot.relname, oa.attname, d.deptype
            FROM pg_sequence s
            JOIN pg_class c ON c.oid = s.seqrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_depend d ON d.objid = c.oid AND d.classid = 'pg_class'::regclass
                 AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
            LEFT JOIN pg_class ot ON ot.oid = d.refobjid
            LEFT JOIN pg_attribute oa ON oa.attrelid = d.refobjid AND oa.attnum = d.refobjsubid
            WHERE n.nspname = %s ORDER BY c.relname""", (schema,)):
        sequences[name] = {
            "type": typ, "start": int(start), "increment": int(inc), "min": int(mn), "max": int(mx),
            "cycle": cycle,
            "owned_by": f"{owner_table}.{owner_col}" if owner_table else None,
            "identity": deptype == "i",
        }
    return {"dialect": "postgresql", "schema": schema, "tables": tables, "enums": enums, "sequences": sequences}


# --------------------------------------------------------------------------- SQLite

def sqlite_catalog(target: Any, exclude: tuple[str, ...] = DEFAULT_EXCLUDE) -> dict:
    """Read the catalog of a SQLite database. `target`: a path or a sqlite3 connection."""
    if isinstance(target, sqlite3.Connection):
        return _sqlite_read(target, exclude)
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        return _sqlite_read(conn, exclude)
    finally:
        conn.close()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sqlite_read(conn: sqlite3.Connection, exclude: tuple[str, ...]) -> dict:
    tables: dict[str, dict] = {}
    masters = conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    index_sql = {name: sql for (typ, name, _t, sql) in masters if typ == "index"}
    for (typ, name, _tbl, sql) in masters:
        if typ != "table" or name.startswith("sqlite_") or name in exclude:
            continue
        parsed = _parse_create_table(sql or "")
        cols: dict[str, dict] = {}
        pk: list[tuple[int, str]] = []
        for (cid, cname, ctype, notnull, dflt, pkpos, hidden) in conn.execute(
                f"PRAGMA table_xinfo({_q(name)})"):
            cols[cname] = {"position": cid, "type": ctype, "nullable": not notnull,
                           "default": dflt, "hidden": hidden}
            if pkpos:
                pk.append((pkpos, cname))
        primary_key = None
        if pk:
            primary_key = {"name": parsed["pk_name"], "columns": [c for _, c in sorted(pk)],
                           "autoincrement": parsed["autoincrement"]}
        indexes: dict[str, dict] = {}
        for (_seq, iname, unique, origin, partial) in conn.execute(f"PRAGMA index_list({_q(name)})"):
            icols = []
            terms = _index_terms(index_sql.get(iname))
            for (seqno, cid, cname, desc, coll, key) in conn.execute(f"PRAGMA index_xinfo({_q(iname)})"):
                if not key:
                    continue
                if cid >= 0:
                    entry: dict[str, Any] = {"column": cname}
                else:  # an expression (cid -2); its text as written in CREATE INDEX
                    entry = {"expression": terms[seqno] if seqno < len(terms) else f"<expression #{seqno}>"}
                entry["order"] = "DESC" if desc else "ASC"
                entry["collation"] = None if (coll or "BINARY").upper() == "BINARY" else coll
                icols.append(entry)
            indexes[iname] = {"unique": bool(unique), "origin": origin, "columns": icols,
                              "predicate": _index_predicate(index_sql.get(iname)) if partial else None}
        fks_by_id: dict[int, dict] = {}
        for (fid, _seq, reftable, frm, to, on_update, on_delete, match) in conn.execute(
                f"PRAGMA foreign_key_list({_q(name)})"):
            fk = fks_by_id.setdefault(fid, {"columns": [], "referenced_table": reftable, "referenced_columns": [],
                                            "on_delete": on_delete, "on_update": on_update, "match": match})
            fk["columns"].append(frm)
            fk["referenced_columns"].append(to)
        foreign_keys: dict[str, dict] = {}
        declared = parsed["foreign_keys"]
        unnamed = 0
        # pragma ids run in reverse declaration order; name them from the CREATE TABLE text
        for fk in sorted(fks_by_id.values(), key=lambda f: _declared_index(f, declared)):
            i = _declared_index(fk, declared)
            info = declared[i] if i < len(declared) else {"name": None, "deferrable": None}
            fk["deferrable"] = info["deferrable"]
            key = info["name"]
            if key is None:
                key = f"#{unnamed}"
                unnamed += 1
            foreign_keys[key] = fk
        tables[name] = {
            "columns": cols,
            "primary_key": primary_key,
            "without_rowid": parsed["without_rowid"],
            "strict": parsed["strict"],
            "indexes": indexes,
            "foreign_keys": foreign_keys,
            "checks": parsed["checks"],
        }
    return {"dialect": "sqlite", "tables": tables}


def _declared_index(fk: dict, declared: list[dict]) -> int:
    for i, d in enumerate(declared):
        if (d["columns"] == fk["columns"] and d["referenced_table"] == fk["referenced_table"]):
            return i
    return len(declared)


def _tokens(sql: str) -> list[tuple[str, str]]:
    """SQLite tokens as (kind, text): kind is 'id' (bare or quoted identifier, unquoted), 'str', 'num',
    'op' (punctuation). Comments and whitespace are dropped."""
    out: list[tuple[str, str]] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c.isspace():
            i += 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j + 1
        elif sql.startswith("/*", i):
            j = sql.find("*/", i + 2)
            i = n if j < 0 else j + 2
        elif c in "\"`[":
            close = {"\"": "\"", "`": "`", "[": "]"}[c]
            j = i + 1
            buf = []
            while j < n:
                if sql[j] == close:
                    if close != "]" and j + 1 < n and sql[j + 1] == close:
                        buf.append(close)
                        j += 2
                        continue
                    break
                buf.append(sql[j])
                j += 1
            out.append(("id", "".join(buf)))
            i = j + 1
        elif c == "'":
            j = i + 1
            buf = []
            while j < n:
                if sql[j] == "'":
                    if j + 1 < n and sql[j + 1] == "'":
                        buf.append("'")
                        j += 2
                        continue
                    break
                buf.append(sql[j])
                j += 1
            out.append(("str", "".join(buf)))
            i = j + 1
        elif c.isalnum() or c == "_":
            j = i
            while j < n and (sql[j].isalnum() or sql[j] in "_$"):
                j += 1
            word = sql[i:j]
            out.append(("num" if word[0].isdigit() else "word", word))
            i = j
        else:
            out.append(("op", c))
            i += 1
    return out


def _is(tok: tuple[str, str] | None, *words: str) -> bool:
    return tok is not None and tok[0] == "word" and tok[1].upper() in words


def _parse_create_table(sql: str) -> dict:
    """Constraint names, AUTOINCREMENT, WITHOUT ROWID and STRICT from a CREATE TABLE statement."""
    toks = _tokens(sql)
    res: dict[str, Any] = {"pk_name": None, "autoincrement": False, "without_rowid": False,
                           "strict": False, "foreign_keys": [], "checks": {}}
    # split the body at top-level commas
    try:
        start = next(i for i, t in enumerate(toks) if t == ("op", "("))
    except StopIteration:
        return res
    depth, parts, cur, end = 0, [], [], len(toks)
    for i in range(start + 1, len(toks)):
        t = toks[i]
        if t == ("op", "("):
            depth += 1
        elif t == ("op", ")"):
            if depth == 0:
                end = i
                break
            depth -= 1
        if t == ("op", ",") and depth == 0:
            parts.append(cur)
            cur = []
        else:
            cur.append(t)
    parts.append(cur)
    tail = [t[1].upper() for t in toks[end + 1:] if t[0] == "word"]
    res["without_rowid"] = "ROWID" in tail and "WITHOUT" in tail
    res["strict"] = "STRICT" in tail
    unnamed_checks = 0
    for part in parts:
        if not part:
            continue
        is_table_constraint = _is(part[0], "CONSTRAINT", "PRIMARY", "FOREIGN", "UNIQUE", "CHECK")
        if any(_is(t, "AUTOINCREMENT") for t in part):
            res["autoincrement"] = True
        if not is_table_constraint:
            # column definition: a named inline PRIMARY KEY / REFERENCES / CHECK
            colname = part[0][1]
            j = 1
            while j < len(part):
                name = None
                if _is(part[j], "CONSTRAINT") and j + 1 < len(part):
                    name = part[j + 1][1]
                    j += 2
                    if j >= len(part):
                        break
                if _is(part[j], "PRIMARY"):
                    res["pk_name"] = name
                elif _is(part[j], "REFERENCES") and j + 1 < len(part):
                    res["foreign_keys"].append({"name": name, "columns": [colname],
                                                "referenced_table": part[j + 1][1],
                                                "deferrable": _deferrable(part[j:])})
                elif _is(part[j], "CHECK"):
                    body, _ = _paren(part, j + 1)
                    key = name or f"#{unnamed_checks}"
                    unnamed_checks += 0 if name else 1
                    res["checks"][key] = body
                j += 1
            continue
        name = None
        j = 0
        if _is(part[0], "CONSTRAINT"):
            name = part[1][1]
            j = 2
        if _is(part[j], "PRIMARY"):
            res["pk_name"] = name
        elif _is(part[j], "FOREIGN"):
            cols, k = _ident_list(part, j + 2)
            # REFERENCES table
            while k < len(part) and not _is(part[k], "REFERENCES"):
                k += 1
            ref = part[k + 1][1] if k + 1 < len(part) else None
            res["foreign_keys"].append({"name": name, "columns": cols, "referenced_table": ref,
                                        "deferrable": _deferrable(part[k:])})
        elif _is(part[j], "CHECK"):
            body, _ = _paren(part, j + 1)
            key = name or f"#{unnamed_checks}"
            unnamed_checks += 0 if name else 1
            res["checks"][key] = body
    return res


def _deferrable(toks: list[tuple[str, str]]) -> str | None:
    words = [t[1].upper() for t in toks if t[0] == "word"]
    if "DEFERRABLE" not in words:
        return None
    i = words.index("DEFERRABLE")
    neg = i > 0 and words[i - 1] == "NOT"
    mode = "DEFERRED" if "DEFERRED" in words[i:] else "IMMEDIATE" if "IMMEDIATE" in words[i:] else None
    return ("NOT DEFERRABLE" if neg else "DEFERRABLE") + (f" INITIALLY {mode}" if mode else "")


def _ident_list(toks: list[tuple[str, str]], i: int) -> tuple[list[str], int]:
    """Identifiers inside the parentheses starting at toks[i] == '('."""
    out: list[str] = []
    if i >= len(toks) or toks[i] != ("op", "("):
        return out, i
    i += 1
    while i < len(toks) and toks[i] != ("op", ")"):
        if toks[i][0] in ("id", "word") and (i == 0 or toks[i - 1] in (("op", "("), ("op", ","))):
            out.append(toks[i][1])
        i += 1
    return out, i + 1


def _paren(toks: list[tuple[str, str]], i: int) -> tuple[str, int]:
    """The text of a parenthesised expression starting at toks[i] == '(' (tokens joined by spaces)."""
    if i >= len(toks) or toks[i] != ("op", "("):
        return "", i
    depth, j, buf = 0, i, []
    while j < len(toks):
        t = toks[j]
        if t == ("op", "("):
            depth += 1
        elif t == ("op", ")"):
            depth -= 1
            if depth == 0:
                break
        buf.append(t)
        j += 1
    return " ".join(_render(t) for t in buf[1:]), j + 1


def _render(t: tuple[str, str]) -> str:
    kind, text = t
    if kind == "id":
        return _q(text)
    if kind == "str":
        return "'" + text.replace("'", "''") + "'"
    return text


def _index_terms(sql: str | None) -> list[str]:
    """The indexed terms of a CREATE INDEX statement, each without its ASC/DESC and COLLATE."""
    if not sql:
        return []
    toks = _tokens(sql)
    try:
        on = next(i for i, t in enumerate(toks) if _is(t, "ON"))
        start = next(i for i in range(on, len(toks)) if toks[i] == ("op", "("))
    except StopIteration:
        return []
    terms, cur, depth = [], [], 0
    for t in toks[start + 1:]:
        if t == ("op", "("):
            depth += 1
        elif t == ("op", ")"):
            if depth == 0:
                break
            depth -= 1
        if t == ("op", ",") and depth == 0:
            terms.append(cur)
            cur = []
        else:
            cur.append(t)
    terms.append(cur)
    out = []
    for term in terms:
        while term and (_is(term[-1], "ASC", "DESC")):
            term = term[:-1]
        if len(term) >= 2 and _is(term[-2], "COLLATE"):
            term = term[:-2]
        out.append(" ".join(_render(t) for t in term))
    return out


def _index_predicate(sql: str | None) -> str | None:
    if not sql:
        return None
    toks = _tokens(sql)
    for i, t in enumerate(toks):
        if _is(t, "WHERE"):
            return " ".join(_render(x) for x in toks[i + 1:] if x != ("op", ";"))
    return None


# --------------------------------------------------------------------------- comparing

def diff_catalogs(a: Any, b: Any, path: str = "") -> list[str]:
    """Every difference between two catalogs, as 'path: a-value != b-value' lines (empty when equal)."""
    out: list[str] = []
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b), key=str):
            p = f"{path}.{k}" if path else str(k)
            if k not in a:
                out.append(f"{p}: only in second: {json.dumps(b[k], default=str)}")
            elif k not in b:
                out.append(f"{p}: only in first: {json.dumps(a[k], default=str)}")
            else:
                out.extend(diff_catalogs(a[k], b[k], p))
    elif a != b:
        out.append(f"{path}: {json.dumps(a, default=str)} != {json.dumps(b, default=str)}")
    return out


def assert_same(a: dict, b: dict, what: str = "catalogs") -> None:
    """Raise AssertionError listing every difference between two catalogs."""
    d = diff_catalogs(a, b)
    if d:
        raise AssertionError(f"{what} differ in {len(d)} place(s):\n  " + "\n  ".join(d))


def _is_db(arg: str) -> bool:
    import os

    return arg.startswith(("postgres://", "postgresql://", "file:")) or os.path.exists(arg)


def _main(argv: list[str]) -> int:
    if len(argv) == 2 and _is_db(argv[0]) and _is_db(argv[1]):
        d = diff_catalogs(catalog(argv[0]), catalog(argv[1]))
        print("\n".join(d) if d else "identical")
        return 1 if d else 0
    if len(argv) in (1, 2) and _is_db(argv[0]):
        json.dump(catalog(argv[0], *argv[1:]), sys.stdout, indent=2, default=str)
        sys.stdout.write("\n")
        return 0
    print("usage: python -m tests.support.catalog DB [schema] | python -m tests.support.catalog DB_A DB_B")
    return 2


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
