"""PostgreSQL v3 frontend/backend protocol, sans-I/O: bytes in, events out; commands in, bytes out.

Used by `pg_direct` (asyncio TCP) and by the Neon WebSocket adapter; neither this package nor
its tests touch a socket, so it runs the same in CPython and Pyodide. Start at
`connection.PgConnection` (its module docstring is the theory of operation).
"""

from prisma_edge.fetch_adapters.pgwire import messages
from prisma_edge.fetch_adapters.pgwire.auth import PipelineAuth
from prisma_edge.fetch_adapters.pgwire.connection import NEED_DATA, ConnState, PgConnection
from prisma_edge.fetch_adapters.pgwire.errors import LocalProtocolError, RemoteProtocolError
from prisma_edge.fetch_adapters.pgwire.events import (
    TERMINAL_EVENTS,
    AuthenticationOk,
    AuthenticationRequest,
    BackendKeyData,
    BindComplete,
    CloseComplete,
    CommandComplete,
    ConnectionClosed,
    DataRow,
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
from prisma_edge.fetch_adapters.pgwire.md5 import md5_password
from prisma_edge.fetch_adapters.pgwire.scram import ScramSha256

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
