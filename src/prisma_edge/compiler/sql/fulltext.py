"""Full-text search as Prisma writes it: the `search` filter and `_relevance` ordering.

- MySQL / MariaDB: `MATCH (cols) AGAINST (? IN BOOLEAN MODE)`, for a filter and as the relevance
  score; the columns need a `@@fulltext` index with exactly those fields (the database says so).
- PostgreSQL (Prisma's fullTextSearchPostgres preview): `to_tsvector(concat_ws(' ', cols)) @@
  to_tsquery($1)`, and `ts_rank(to_tsvector(concat_ws(' ', cols)), to_tsquery($1))` for relevance;
  the query text uses `to_tsquery` syntax (`cat & dog`, `cat | dog`, `!cat`), as in Prisma.
"""

from __future__ import annotations

from sqlglot import exp

from ...errors import UnsupportedError
from .dialects import fn


def _vector(columns: list[exp.Expression]) -> exp.Expression:
    return fn(
        "to_tsvector", fn("concat_ws", exp.Literal.string(" "), *columns)
    )  # NULLs skipped, as in Prisma


def search(dialect: str, columns: list[exp.Expression], query: exp.Expression) -> exp.Expression:
    """The condition that the columns' text matches the search query."""
    if dialect == "postgres":
        return exp.MatchAgainst(this=fn("to_tsquery", query), expressions=[_vector(columns)])
    if dialect == "mysql":
        return exp.MatchAgainst(this=query, expressions=columns, modifier="IN BOOLEAN MODE")
    raise UnsupportedError(
        "full-text `search` needs MySQL or PostgreSQL; SQLite has no full-text search in Prisma"
    )


def relevance(dialect: str, columns: list[exp.Expression], query: exp.Expression) -> exp.Expression:
    """The relevance score `_relevance` orders by."""
    if dialect == "postgres":
        return fn("ts_rank", _vector(columns), fn("to_tsquery", query))
    if dialect == "mysql":
        return exp.MatchAgainst(this=query, expressions=columns, modifier="IN BOOLEAN MODE")
    raise UnsupportedError("`_relevance` ordering needs MySQL or PostgreSQL (full-text search)")
