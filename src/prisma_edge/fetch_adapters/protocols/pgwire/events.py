"""Events: what `PgConnection.next_event()` hands the driver, one per backend message.

Each event is a frozen, slotted attrs value named after the PostgreSQL message it stands for
(protocol chapter "Message Formats"), so tests compare lists of them with `==`. Two events are
not messages: `StatementSkipped` (the server skipped a pipelined statement after an error, so
it sent nothing for it; the machine says so, so every `send_query` gets exactly one terminal
event) and `ConnectionClosed` (EOF). `AuthenticationRequest` carries the reply the machine
computed; its repr hides it, because for cleartext it is the password.
"""

from __future__ import annotations

from typing import Literal

import attrs
from attrs import frozen

__all__ = [
    "AuthenticationOk",
    "AuthenticationRequest",
    "BackendKeyData",
    "BindComplete",
    "CloseComplete",
    "CommandComplete",
    "ConnectionClosed",
    "DataRow",
    "DataRows",
    "EmptyQueryResponse",
    "ErrorResponse",
    "Event",
    "FieldDesc",
    "NegotiateProtocolVersion",
    "NoData",
    "NoticeResponse",
    "NotificationResponse",
    "ParameterDescription",
    "ParameterStatus",
    "ParseComplete",
    "PortalSuspended",
    "ReadyForQuery",
    "RowDescription",
    "StatementSkipped",
    "TERMINAL_EVENTS",
]

TransactionStatus = Literal["I", "T", "E"]


@frozen
class Event:
    """Base class of every event."""


@frozen
class AuthenticationRequest(Event):
    """The server asked for credentials by `method`; the driver must send `response` as is.

    `method` is "cleartext", "md5", "SCRAM-SHA-256" (first SASL step) or "SCRAM-SHA-256-continue".
    `response` is empty when there is nothing to send (the password was already pipelined).
    """

    method: str
    response: bytes = attrs.field(default=b"", repr=False)


@frozen
class AuthenticationOk(Event):
    """The server accepted us (for SCRAM: after the machine verified the server's signature)."""


@frozen
class ParameterStatus(Event):
    name: str
    value: str


@frozen
class BackendKeyData(Event):
    """What a CancelRequest needs. `secret_key` is bytes: 4 in protocol 3.0, longer in 3.2."""

    process_id: int
    secret_key: bytes = attrs.field(repr=False)


@frozen
class ReadyForQuery(Event):
    """End of a Sync or simple query. `status`: I idle, T in a transaction, E failed transaction."""

    status: TransactionStatus


@frozen
class FieldDesc:
    """One column of a RowDescription."""

    name: str
    table_oid: int
    column: int
    type_oid: int
    type_size: int
    type_mod: int
    format: int


@frozen
class RowDescription(Event):
    fields: tuple[FieldDesc, ...]


@frozen
class DataRow(Event):
    """One row; each value is the column's bytes (text or binary format) or None for NULL."""

    values: tuple[bytes | None, ...]


@frozen
class DataRows(Event):
    """Several consecutive rows at once, as `PgConnection.read_rows` returns them after a DataRow
    (the lean row path: no event per row); `next_event` itself never returns this."""

    rows: list[tuple[bytes | None, ...]]


@frozen
class CommandComplete(Event):
    """A statement finished; `tag` is e.g. "SELECT 3", "INSERT 0 1", "CREATE TABLE"."""

    tag: str

    @property
    def command(self) -> str:
        """The first word of the tag ("INSERT", "SELECT", "CREATE")."""
        return self.tag.split(" ", 1)[0]

    @property
    def rows_affected(self) -> int | None:
        """The row count the tag reports, or None for commands without one (DDL, BEGIN...)."""
        parts = self.tag.split(" ")
        if parts[0] in _COUNTED and parts[-1].isdigit():
            return int(parts[-1])
        return None


_COUNTED = frozenset({"INSERT", "SELECT", "UPDATE", "DELETE", "MERGE", "FETCH", "MOVE", "COPY"})


@frozen
class ParseComplete(Event):
    pass


@frozen
class BindComplete(Event):
    pass


@frozen
class CloseComplete(Event):
    pass


@frozen
class NoData(Event):
    """Describe found a statement that returns no rows (INSERT without RETURNING, DDL)."""


@frozen
class EmptyQueryResponse(Event):
    """The query string was empty (or only comments)."""


@frozen
class PortalSuspended(Event):
    """Execute stopped at its row limit; the portal has more rows."""


@frozen
class ParameterDescription(Event):
    type_oids: tuple[int, ...]


@frozen
class NotificationResponse(Event):
    """A NOTIFY arrived (asynchronously, between any two messages)."""

    process_id: int
    channel: str
    payload: str


@frozen
class NegotiateProtocolVersion(Event):
    """The server speaks an older minor version or ignored some `_pq_.` startup options."""

    newest_minor: int
    unrecognized: tuple[str, ...]


# ErrorResponse / NoticeResponse field codes (protocol "Error and Notice Message Fields").
_FIELD_NAMES = {
    "S": "severity_local",
    "V": "severity",
    "C": "sqlstate",
    "M": "message",
    "D": "detail",
    "H": "hint",
    "P": "position",
    "p": "internal_position",
    "q": "internal_query",
    "W": "where",
    "s": "schema",
    "t": "table",
    "c": "column",
    "d": "data_type",
    "n": "constraint",
    "F": "file",
    "L": "line",
    "R": "routine",
}


@frozen
class _FieldsMessage(Event):
    """Shared shape of ErrorResponse and NoticeResponse: field code (one char) -> text."""

    fields: dict[str, str]

    @property
    def severity(self) -> str:
        """Non-localized severity (ERROR, FATAL, PANIC, WARNING, NOTICE...)."""
        return self.fields.get("V") or self.fields.get("S", "")

    @property
    def sqlstate(self) -> str:
        return self.fields.get("C", "")

    @property
    def message(self) -> str:
        return self.fields.get("M", "")

    @property
    def detail(self) -> str | None:
        return self.fields.get("D")

    @property
    def hint(self) -> str | None:
        return self.fields.get("H")

    @property
    def schema(self) -> str | None:
        return self.fields.get("s")

    @property
    def table(self) -> str | None:
        return self.fields.get("t")

    @property
    def column(self) -> str | None:
        return self.fields.get("c")

    @property
    def constraint(self) -> str | None:
        return self.fields.get("n")

    def named(self) -> dict[str, str]:
        """The fields under readable names (`sqlstate`, `message`, `constraint`...)."""
        return {_FIELD_NAMES.get(k, k): v for k, v in self.fields.items()}


@frozen
class ErrorResponse(_FieldsMessage):
    """The server refused something. FATAL/PANIC severity means it is closing the connection."""

    @property
    def is_fatal(self) -> bool:
        return self.severity in ("FATAL", "PANIC")


@frozen
class NoticeResponse(_FieldsMessage):
    """A warning or notice; informational, may arrive at any time."""


@frozen
class StatementSkipped(Event):
    """Not a message: the server skipped this pipelined statement after an earlier error."""


@frozen
class ConnectionClosed(Event):
    """Not a message: the server closed the connection (EOF) at a message boundary."""


TERMINAL_EVENTS: tuple[type[Event], ...] = (
    CommandComplete,
    EmptyQueryResponse,
    PortalSuspended,
    ErrorResponse,
    StatementSkipped,
)
"""Each `send_query` ends with exactly one of these (an ErrorResponse may also end a Sync)."""
