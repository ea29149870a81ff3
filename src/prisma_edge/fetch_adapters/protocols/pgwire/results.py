"""Fold a pipeline's events into one outcome per statement (pure: no I/O, no value decoding).

The machine guarantees one terminal event per `send_query` (connection.py, rule 2), so a driver
that sent n statements and a Sync gets exactly n outcomes by walking the events once. Anything
after the n-th terminal event that is an ErrorResponse was raised at the Sync itself (e.g. a
deferred constraint failing the implicit COMMIT); those are returned apart.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from prisma_edge.fetch_adapters.protocols.pgwire.errors import RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import (
    CommandComplete,
    DataRow,
    DataRows,
    EmptyQueryResponse,
    ErrorResponse,
    Event,
    FieldDesc,
    PortalSuspended,
    RowDescription,
    StatementSkipped,
)

__all__ = ["Outcome", "StatementResult", "group_outcomes"]


@frozen
class StatementResult:
    """A statement that succeeded: its columns (empty if it returns no rows), raw rows and tag.

    `tag` is None for an empty query or a suspended portal.
    """

    fields: tuple[FieldDesc, ...]
    rows: tuple[tuple[bytes | None, ...], ...]
    tag: CommandComplete | None

    @property
    def rows_affected(self) -> int:
        return (self.tag.rows_affected if self.tag is not None else None) or 0


Outcome = StatementResult | ErrorResponse | StatementSkipped


def group_outcomes(events: Iterable[Event], n: int) -> tuple[list[Outcome], list[ErrorResponse]]:
    """(one outcome per statement, ErrorResponses raised at the Sync) for n pipelined statements.

    Events other than row descriptions, rows and terminal events (notices, ReadyForQuery,
    ParseComplete...) are ignored.

    Raises:
        RemoteProtocolError: the events hold a different number of statement outcomes than n.
    """
    out: list[Outcome] = []
    at_sync: list[ErrorResponse] = []
    fields: tuple[FieldDesc, ...] = ()
    rows: list[tuple[bytes | None, ...]] = []
    for ev in events:
        if isinstance(ev, DataRows):
            rows.extend(ev.rows)
        elif isinstance(ev, DataRow):
            rows.append(ev.values)
        elif isinstance(ev, RowDescription):
            fields, rows = ev.fields, []
        elif isinstance(ev, (CommandComplete, PortalSuspended, EmptyQueryResponse)):
            out.append(StatementResult(fields, tuple(rows), ev if isinstance(ev, CommandComplete) else None))
            fields, rows = (), []
        elif isinstance(ev, (ErrorResponse, StatementSkipped)):
            if len(out) < n:
                out.append(ev)
            elif isinstance(ev, ErrorResponse):
                at_sync.append(ev)
            fields, rows = (), []
    if len(out) != n:
        raise RemoteProtocolError(f"expected {n} statement outcomes, the server gave {len(out)}")
    return out, at_sync
