"""PostgreSQL v3 frontend/backend protocol, sans-I/O: bytes in, events out; commands in, bytes out.

Used by the `postgres` adapter (asyncio TCP) and by the Neon WebSocket adapter; neither this package nor
its tests touch a socket, so it runs the same in CPython and Pyodide. Start at
`connection.PgConnection` (its module docstring is the theory of operation).
"""

from prisma_edge.fetch_adapters.protocols.pgwire import messages
from prisma_edge.fetch_adapters.protocols.pgwire.auth import PipelineAuth
from prisma_edge.fetch_adapters.protocols.pgwire.connection import NEED_DATA, ConnState, PgConnection
from prisma_edge.fetch_adapters.protocols.pgwire.errors import LocalProtocolError, RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import (
    TERMINAL_EVENTS,
    AuthenticationOk,
    AuthenticationRequest,
    BackendKeyData,
    BindComplete,
    CloseComplete,
    CommandComplete,
    ConnectionClosed,
    DataRow,
    DataRows,
    EmptyQueryResponse,
    ErrorResponse,
    Event,
    FieldDesc,
    NegotiateProtocolVersion,
    NoData,
    NoticeResponse,
    NotificationResponse,
    ParameterDescription,
    ParameterStatus,
    ParseComplete,
    PortalSuspended,
    ReadyForQuery,
    RowDescription,
    StatementSkipped,
)
from prisma_edge.fetch_adapters.protocols.pgwire.md5 import md5_password
from prisma_edge.fetch_adapters.protocols.pgwire.scram import ScramSha256

__all__ = [
    "NEED_DATA",
    "TERMINAL_EVENTS",
    "AuthenticationOk",
    "AuthenticationRequest",
    "BackendKeyData",
    "BindComplete",
    "CloseComplete",
    "CommandComplete",
    "ConnState",
    "ConnectionClosed",
    "DataRow",
    "DataRows",
    "EmptyQueryResponse",
    "ErrorResponse",
    "Event",
    "FieldDesc",
    "LocalProtocolError",
    "NegotiateProtocolVersion",
    "NoData",
    "NoticeResponse",
    "NotificationResponse",
    "ParameterDescription",
    "ParameterStatus",
    "ParseComplete",
    "PgConnection",
    "PipelineAuth",
    "PortalSuspended",
    "ReadyForQuery",
    "RemoteProtocolError",
    "RowDescription",
    "ScramSha256",
    "StatementSkipped",
    "md5_password",
    "messages",
]
