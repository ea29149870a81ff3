"""One error hierarchy, mirroring Prisma's codes on every adapter.

    PrismaEdgeError
    ├── SchemaError                 schema.prisma is malformed (line:column in the message)
    ├── ValidationError (P2009)     a query's arguments are wrong; `.problems` lists each with its path
    ├── ClientError                 we misused something locally (closed client, unsupported feature)
    │   └── UnsupportedError
    ├── KnownRequestError           the database refused, with a Prisma code
    │   ├── UniqueConstraintError        P2002  (`.fields`)
    │   ├── ForeignKeyError              P2003  (`.field`)
    │   ├── NullConstraintError          P2011
    │   ├── MissingRequiredValueError    P2012
    │   ├── RelationViolationError       P2014
    │   ├── RecordsNotConnectedError     P2017
    │   ├── ConnectedRecordsNotFoundError P2018
    │   ├── RecordNotFoundError          P2025
    │   ├── ValueTooLongError            P2000
    │   ├── InconsistentColumnDataError  P2023
    │   ├── RawQueryError                P2010
    │   ├── InvalidInputValueError       P2007  (also a DatabaseError)
    │   ├── ValueOutOfRangeError         P2020  (also a DatabaseError)
    │   ├── TableNotFoundError           P2021  (also a DatabaseError)
    │   ├── ColumnNotFoundError          P2022  (also a DatabaseError)
    │   ├── DatabaseQueryError           P2039  (also a DatabaseError: any other database error)
    │   └── WriteConflictError           P2034
    ├── DatabaseError                the database failed without a known code (`.db_code` keeps its code)
    └── ConnectionError              could not reach / lost the server (no secret in the message)
        ├── AuthenticationError          P1000
        ├── TimeoutError                 P1008
        │   └── TransactionExpiredError      P2028  (an interactive transaction outlived its timeout)
        └── ProtocolError                the peer broke its protocol (bad/short/oversized response)
            └── RedirectError            a 3xx answer: never followed

Secrets (connection strings, passwords) never appear in any message: adapters pass messages
through `redact()` before raising.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from .redact import Secrets
from .redact import redact as _redact


class PrismaEdgeError(Exception):
    """Root of every error this library raises."""

    code: str | None = None

    def __init__(self, message: str, **meta: Any) -> None:
        super().__init__(message)
        self.message = message
        self.meta = meta

    def __str__(self) -> str:
        return f"{self.code}: {self.message}" if self.code else self.message


class SchemaError(PrismaEdgeError):
    """The schema text is invalid. `line`/`column` point at the problem (1-based)."""

    def __init__(self, message: str, line: int = 0, column: int = 0, *, source_name: str = "schema.prisma"):
        self.line, self.column, self.source_name = line, column, source_name
        loc = f"{source_name}:{line}:{column}: " if line else ""
        super().__init__(f"{loc}{message}")


@attrs.frozen
class Problem:
    """One validation problem: a dotted argument path and what is wrong there."""

    path: str
    message: str
    prisma: str | None = None  # Prisma 7's own sentence for this problem, when it has one
    # "P2020": a value the database would refuse as out of range; alone, raised as Prisma's P2020
    code: str | None = None

    def __str__(self) -> str:
        return f"`{self.path}`: {self.message}" if self.path else self.message


class ValidationError(PrismaEdgeError):
    """The query's arguments do not fit the schema. Every problem found is listed."""

    code = "P2009"

    def __init__(self, problems: Sequence[Problem] | str, *, model: str | None = None, action: str | None = None):
        if isinstance(problems, str):
            problems = [Problem("", problems)]
        self.problems = list(problems)
        text = "; ".join(str(p) for p in self.problems)
        if model and action:  # Prisma's header and reason first (users search for them), then every problem
            first = next((p.prisma for p in sorted(self.problems, key=_rank) if p.prisma), None)
            head = f"Invalid `prisma.{model[:1].lower()}{model[1:]}.{action}()` invocation:\n\n"
            super().__init__(f"{head}{first}\n{text}" if first else f"{head}{text}")
        else:
            super().__init__(f"Invalid query: {text}")


class InputError(ValidationError):
    """Prisma's P2019 (`Input error. ...`): arguments that fit the types but not each other (group_by)."""

    code = "P2019"


def _rank(p: Problem) -> int:
    """Which problem Prisma reports when there are several: a missing argument before the rest."""
    return 0 if p.prisma and p.prisma.endswith(" is missing.") else 1


class ClientError(PrismaEdgeError):
    """Local misuse: a closed client, a wrong call sequence."""


class UnsupportedError(ClientError):
    """The operation is valid Prisma but this adapter or database cannot do it (the message says why)."""


class KnownRequestError(PrismaEdgeError):
    """The database refused the request for a reason Prisma has a code for."""

    def __init__(self, message: str, *, db_code: str | None = None, **meta: Any) -> None:
        super().__init__(message, **meta)
        self.db_code = db_code


class ValueTooLongError(KnownRequestError):
    code = "P2000"

    @classmethod
    def for_column(cls, column: str | None, **meta: Any) -> ValueTooLongError:
        """Prisma's wording, from whichever database reported it."""
        shown = f" Column: {column or '(not available)'}"
        return cls(f"The provided value for the column is too long for the column's type.{shown}", column_name=column, **meta)


class UniqueConstraintError(KnownRequestError):
    code = "P2002"

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self.meta.get("target") or ())


class ForeignKeyError(KnownRequestError):
    code = "P2003"

    @property
    def field(self) -> str | None:
        return self.meta.get("field_name")


class RawQueryError(KnownRequestError):
    code = "P2010"


class NullConstraintError(KnownRequestError):
    code = "P2011"

    @classmethod
    def for_column(cls, column: str | None, **meta: Any) -> NullConstraintError:
        """Prisma's wording, from whichever database reported it."""
        shown = f": (`{column}`)" if column else ""
        return cls(f"Null constraint violation on the fields{shown}", target=(column,) if column else (), column_name=column, **meta)


class MissingRequiredValueError(KnownRequestError):
    code = "P2012"


class RelationViolationError(KnownRequestError):
    code = "P2014"


class RecordsNotConnectedError(KnownRequestError):
    code = "P2017"


class ConnectedRecordsNotFoundError(KnownRequestError):
    """Prisma's P2018: a nested `connect` of a list relation found fewer records than it names."""

    code = "P2018"


class InconsistentColumnDataError(KnownRequestError):
    code = "P2023"


class RecordNotFoundError(KnownRequestError):
    code = "P2025"

    REQUIRED = "An operation failed because it depends on one or more records that were required but not found."

    @classmethod
    def because(cls, detail: str, **meta: Any) -> RecordNotFoundError:
        """Prisma's wording: the fixed sentence, then what was missing."""
        return cls(f"{cls.REQUIRED} {detail}", **meta)


class WriteConflictError(KnownRequestError):
    code = "P2034"

    @classmethod
    def retry(cls, **meta: Any) -> WriteConflictError:
        return cls("Transaction failed due to a write conflict or a deadlock. Please retry your transaction", **meta)


class DatabaseError(PrismaEdgeError):
    """A database error with no Prisma code; `db_code` keeps the database's own code."""

    def __init__(self, message: str, *, db_code: str | None = None, **meta: Any) -> None:
        super().__init__(message, **meta)
        self.db_code = db_code


class InvalidInputValueError(KnownRequestError, DatabaseError):
    code = "P2007"


class ValueOutOfRangeError(KnownRequestError, DatabaseError):
    """P2020. Raised by the database, or before the query for a value it would refuse (an Int
    past 32 bits, a Decimal past its precision): then `problems` says where, as a ValidationError's."""

    code = "P2020"
    problems: tuple[Problem, ...] = ()


class TableNotFoundError(KnownRequestError, DatabaseError):
    code = "P2021"


class ColumnNotFoundError(KnownRequestError, DatabaseError):
    code = "P2022"


class DatabaseQueryError(KnownRequestError, DatabaseError):
    """Prisma's P2039: the database refused the query for a reason with no code of its own."""

    code = "P2039"


class ConnectionError(PrismaEdgeError):  # noqa: A001 - mirrors Prisma's naming, namespaced here
    """The server could not be reached, or the connection was lost.

    `outcome_unknown` is True when the request had been sent and its answer was lost: the server
    may have applied it (the message says "outcome unknown"); False means it was not applied.
    """

    code = "P1001"

    @property
    def outcome_unknown(self) -> bool:
        return bool(self.meta.get("outcome_unknown"))


class AuthenticationError(ConnectionError):
    code = "P1000"


class TimeoutError(ConnectionError):  # noqa: A001
    code = "P1008"


class TransactionExpiredError(TimeoutError):
    """An interactive transaction ran past its `timeout` and was rolled back: Prisma's P2028.

    A TimeoutError too (so `except TimeoutError` keeps catching it); the code and first line are
    Prisma's, so users find the same text."""

    code = "P2028"

    @classmethod
    def after(cls, timeout: float, elapsed: float) -> TransactionExpiredError:
        return cls(
            "Transaction API error: A query cannot be executed on an expired transaction. The timeout for this "
            f"transaction was {round(timeout * 1000)} ms, however {round(elapsed * 1000)} ms passed since the start "
            "of the transaction. Consider increasing the interactive transaction timeout or doing less work in the "
            "transaction.\nThe transaction was rolled back; nothing in it was committed.",
            timeout_ms=round(timeout * 1000), time_taken_ms=round(elapsed * 1000),
        )


class ProtocolError(ConnectionError):
    """The peer sent something its protocol does not allow (cut short, oversized, malformed)."""

    code = None


class RedirectError(ProtocolError):
    """The server answered with a redirect (3xx), which no transport follows (`status`, `location_host` in meta)."""


CODE_TO_ERROR: dict[str, type[KnownRequestError]] = {
    cls.code: cls
    for cls in (
        ValueTooLongError,
        UniqueConstraintError,
        ForeignKeyError,
        RawQueryError,
        NullConstraintError,
        MissingRequiredValueError,
        RelationViolationError,
        RecordsNotConnectedError,
        ConnectedRecordsNotFoundError,
        InconsistentColumnDataError,
        RecordNotFoundError,
        WriteConflictError,
        InvalidInputValueError,
        ValueOutOfRangeError,
        TableNotFoundError,
        ColumnNotFoundError,
        DatabaseQueryError,
    )
    if cls.code
}


def redact(text: str, *secrets: Secrets | str | None) -> str:
    """Remove credentials from text (see `prisma_edge.redact`, the one redaction function)."""
    return _redact(text, *secrets)
