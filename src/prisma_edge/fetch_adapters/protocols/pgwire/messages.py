"""PostgreSQL v3 message bytes: encoders for frontend messages, a decoder for backend ones.

Pure functions, no state: `connection.py` decides which message may go when. Layouts follow the
protocol chapter "Message Formats" (and protocols.md B.5): integers are big-endian, strings are
NUL-terminated UTF-8, and every message but the startup family is `type byte + int32 length
(counting itself) + payload`.

A string that contains NUL cannot be sent (the server would cut it there), so encoders refuse it
with `LocalProtocolError` rather than send a different query than the caller wrote.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Mapping, Sequence

from attrs import frozen

from prisma_edge.fetch_adapters.protocols.pgwire.errors import LocalProtocolError, RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import (
    AuthenticationOk,
    BackendKeyData,
    BindComplete,
    CloseComplete,
    CommandComplete,
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
)

__all__ = [
    "PROTOCOL_3_0",
    "AuthRequest",
    "bind",
    "cancel_request",
    "close",
    "decode",
    "describe",
    "execute",
    "flush",
    "parse",
    "password_message",
    "query",
    "sasl_initial_response",
    "sasl_response",
    "ssl_request",
    "startup_message",
    "sync",
    "terminate",
]

PROTOCOL_3_0 = 196608  # (3 << 16) | 0
SSL_REQUEST_CODE = 80877103
CANCEL_REQUEST_CODE = 80877102

_I16 = struct.Struct("!h")
_U16 = struct.Struct("!H")  # counts: the server reads them unsigned (65,535 parameters, as libpq allows)
_I32 = struct.Struct("!i")
_FIELD = struct.Struct("!ihihih")  # table oid, attnum, type oid, typlen, typmod, format

# Authentication request codes ('R' messages)
AUTH_OK = 0
AUTH_KERBEROS_V5 = 2
AUTH_CLEARTEXT = 3
AUTH_MD5 = 5
AUTH_GSS = 7
AUTH_GSS_CONTINUE = 8
AUTH_SSPI = 9
AUTH_SASL = 10
AUTH_SASL_CONTINUE = 11
AUTH_SASL_FINAL = 12


# --------------------------------------------------------------------------- frontend


def _cstr(text: str | bytes, what: str) -> bytes:
    try:
        raw = text.encode() if isinstance(text, str) else bytes(text)
    except UnicodeEncodeError:
        raise LocalProtocolError(f"{what} is not valid Unicode text (a lone surrogate)") from None
    if b"\x00" in raw:
        raise LocalProtocolError(f"{what} contains a NUL character, which PostgreSQL cannot receive")
    return raw + b"\x00"


def _msg(kind: bytes, payload: bytes) -> bytes:
    return kind + _I32.pack(len(payload) + 4) + payload


def startup_message(params: Mapping[str, str]) -> bytes:
    """StartupMessage for protocol 3.0; `params` must hold `user`."""
    if not params.get("user"):
        raise LocalProtocolError("the startup message needs a user")
    body = b"".join(
        _cstr(k, "a startup parameter") + _cstr(v, "a startup parameter") for k, v in params.items()
    )
    payload = _I32.pack(PROTOCOL_3_0) + body + b"\x00"
    return _I32.pack(len(payload) + 4) + payload


def ssl_request() -> bytes:
    """SSLRequest: the server answers with one byte, `S` (go ahead with TLS) or `N`."""
    return _I32.pack(8) + _I32.pack(SSL_REQUEST_CODE)


def cancel_request(process_id: int, secret_key: bytes) -> bytes:
    """CancelRequest, sent on a new connection with the target's BackendKeyData."""
    payload = _I32.pack(CANCEL_REQUEST_CODE) + _I32.pack(process_id) + bytes(secret_key)
    return _I32.pack(len(payload) + 4) + payload


def password_message(password: str | bytes) -> bytes:
    """PasswordMessage ('p'): a cleartext password or an `md5...` hash."""
    return _msg(b"p", _cstr(password, "the password"))


def sasl_initial_response(mechanism: str, data: bytes | None) -> bytes:
    """SASLInitialResponse ('p'): chosen mechanism and the client-first message."""
    length = _I32.pack(-1) if data is None else _I32.pack(len(data)) + data
    return _msg(b"p", _cstr(mechanism, "the SASL mechanism") + length)


def sasl_response(data: bytes) -> bytes:
    """SASLResponse ('p'): a later SASL message (client-final)."""
    return _msg(b"p", bytes(data))


def query(sql: str) -> bytes:
    """Query ('Q'): the simple protocol; may hold several statements; results come as text."""
    return _msg(b"Q", _cstr(sql, "the query"))


def parse(sql: str, param_types: Sequence[int] = (), name: str = "") -> bytes:
    """Parse ('P'): prepare `sql` as statement `name` ("" = unnamed); type OID 0 = let it infer."""
    head = _cstr(name, "the statement name") + _cstr(sql, "the query")
    if len(param_types) > 65535:
        raise LocalProtocolError(f"{len(param_types)} parameter types; PostgreSQL accepts at most 65535")
    return _msg(b"P", head + _U16.pack(len(param_types)) + b"".join(_I32.pack(t) for t in param_types))


def bind(
    params: Sequence[str | bytes | None],
    *,
    portal: str = "",
    statement: str = "",
    param_formats: Sequence[int] = (),
    result_formats: Sequence[int] = (),
) -> bytes:
    """Bind ('B'): values for the statement's parameters, into `portal`.

    Formats follow the protocol: no codes = all text, one code = for all, else one per item.
    A `str` is sent as UTF-8, `bytes` as is, None as SQL NULL.
    """
    if len(params) > 65535:
        raise LocalProtocolError(f"{len(params)} parameters; PostgreSQL accepts at most 65535")
    out = [
        _cstr(portal, "the portal name"),
        _cstr(statement, "the statement name"),
        _I16.pack(len(param_formats)),
        *(_I16.pack(f) for f in param_formats),
        _U16.pack(len(params)),
    ]
    for value in params:
        if value is None:
            out.append(b"\xff\xff\xff\xff")
        else:
            try:
                raw = value.encode() if isinstance(value, str) else bytes(value)
            except UnicodeEncodeError:  # a lone surrogate (the compiler refuses it first)
                raise LocalProtocolError("a parameter is not valid Unicode text (a lone surrogate); "
                                         "PostgreSQL receives UTF-8") from None
            out.append(_I32.pack(len(raw)))
            out.append(raw)
    out.append(_I16.pack(len(result_formats)))
    out.extend(_I16.pack(f) for f in result_formats)
    return _msg(b"B", b"".join(out))


def describe(kind: str, name: str = "") -> bytes:
    """Describe ('D') a prepared statement (`kind` "S") or a portal ("P")."""
    if kind not in ("S", "P"):
        raise LocalProtocolError("describe() kind must be 'S' or 'P'")
    return _msg(b"D", kind.encode() + _cstr(name, "the name"))


def execute(portal: str = "", max_rows: int = 0) -> bytes:
    """Execute ('E') a portal; `max_rows` 0 = all rows."""
    return _msg(b"E", _cstr(portal, "the portal name") + _I32.pack(max_rows))


def close(kind: str, name: str = "") -> bytes:
    """Close ('C') a prepared statement ("S") or portal ("P")."""
    if kind not in ("S", "P"):
        raise LocalProtocolError("close() kind must be 'S' or 'P'")
    return _msg(b"C", kind.encode() + _cstr(name, "the name"))


def sync() -> bytes:
    """Sync ('S'): end of an extended-query pipeline; the server answers ReadyForQuery."""
    return b"S\x00\x00\x00\x04"


def flush() -> bytes:
    """Flush ('H'): ask the server to send what it has buffered, without ending the pipeline."""
    return b"H\x00\x00\x00\x04"


def terminate() -> bytes:
    """Terminate ('X'): we are leaving; the server closes the connection."""
    return b"X\x00\x00\x00\x04"


# --------------------------------------------------------------------------- backend


@frozen
class AuthRequest:
    """An Authentication ('R') message other than AuthenticationOk: `code` and its data.

    Internal to the machine, which answers it and emits an `AuthenticationRequest` event.
    """

    code: int
    data: bytes


class _Reader:
    """Walks one message payload, raising RemoteProtocolError when it runs short."""

    __slots__ = ("buf", "pos", "kind")

    def __init__(self, buf: bytes, kind: str) -> None:
        self.buf, self.pos, self.kind = buf, 0, kind

    def _short(self) -> RemoteProtocolError:
        return RemoteProtocolError(f"malformed {self.kind} message: payload is too short")

    def int16(self) -> int:
        if self.pos + 2 > len(self.buf):
            raise self._short()
        (v,) = _I16.unpack_from(self.buf, self.pos)
        self.pos += 2
        return v

    def int32(self) -> int:
        if self.pos + 4 > len(self.buf):
            raise self._short()
        (v,) = _I32.unpack_from(self.buf, self.pos)
        self.pos += 4
        return v

    def byte(self) -> str:
        if self.pos >= len(self.buf):
            raise self._short()
        b = self.buf[self.pos]
        self.pos += 1
        return chr(b)

    def cstr(self) -> str:
        end = self.buf.find(b"\x00", self.pos)
        if end < 0:
            raise RemoteProtocolError(f"malformed {self.kind} message: unterminated string")
        try:
            text = self.buf[self.pos : end].decode()
        except UnicodeDecodeError as e:
            raise RemoteProtocolError(f"malformed {self.kind} message: invalid UTF-8") from e
        self.pos = end + 1
        return text

    def rest(self) -> bytes:
        out = self.buf[self.pos :]
        self.pos = len(self.buf)
        return out

    def done(self) -> None:
        if self.pos != len(self.buf):
            raise RemoteProtocolError(
                f"malformed {self.kind} message: {len(self.buf) - self.pos} trailing bytes"
            )


def _data_row(payload: bytes) -> DataRow:
    return DataRow(data_row_values(payload))


def data_row_values(payload: bytes) -> tuple[bytes | None, ...]:
    """A DataRow payload's values. The hot path (once per result row): no _Reader, few calls."""
    end = len(payload)
    if end < 2:
        raise RemoteProtocolError("malformed DataRow message: payload is too short")
    (n,) = _I16.unpack_from(payload, 0)
    pos = 2
    values: list[bytes | None] = []
    unpack = _I32.unpack_from
    try:
        for _ in range(n):
            (size,) = unpack(payload, pos)
            pos += 4
            if size < 0:
                values.append(None)
            else:
                if pos + size > end:
                    raise RemoteProtocolError("malformed DataRow message: value runs past the end")
                values.append(payload[pos : pos + size])
                pos += size
    except struct.error as e:
        raise RemoteProtocolError("malformed DataRow message: payload is too short") from e
    if pos != end:
        raise RemoteProtocolError("malformed DataRow message: trailing bytes")
    return tuple(values)


def _row_description(payload: bytes) -> RowDescription:
    r = _Reader(payload, "RowDescription")
    fields = []
    for _ in range(r.int16()):
        name = r.cstr()
        if r.pos + _FIELD.size > len(payload):
            raise r._short()
        fields.append(FieldDesc(name, *_FIELD.unpack_from(payload, r.pos)))
        r.pos += _FIELD.size
    r.done()
    return RowDescription(tuple(fields))


def _fields(payload: bytes, kind: str) -> dict[str, str]:
    r = _Reader(payload, kind)
    out: dict[str, str] = {}
    while True:
        code = r.byte()
        if code == "\x00":
            break
        out[code] = r.cstr()
    r.done()
    return out


def _authentication(payload: bytes) -> Event | AuthRequest:
    r = _Reader(payload, "Authentication")
    code = r.int32()
    if code == AUTH_OK:
        r.done()
        return AuthenticationOk()
    return AuthRequest(code, r.rest())


def _simple(kind: str, payload: bytes) -> Event:
    # ParseComplete, BindComplete, NoData... carry nothing; bytes here mean a broken server.
    if payload:
        raise RemoteProtocolError(f"malformed {kind} message: {len(payload)} unexpected bytes")
    return _EMPTY[kind]


_EMPTY: dict[str, Event] = {
    "ParseComplete": ParseComplete(),
    "BindComplete": BindComplete(),
    "CloseComplete": CloseComplete(),
    "NoData": NoData(),
    "EmptyQueryResponse": EmptyQueryResponse(),
    "PortalSuspended": PortalSuspended(),
}


def decode(kind: int, payload: bytes) -> Event | AuthRequest:
    """Decode one backend message (type byte as int, payload without the length word).

    Raises:
        RemoteProtocolError: unknown type, or a payload that does not fit its type's layout.
    """
    if kind == 0x44:  # 'D'
        return _data_row(payload)
    handler = _DECODERS.get(kind)
    if handler is None:
        name = _UNSUPPORTED.get(kind)
        if name:
            raise RemoteProtocolError(f"the server sent {name}; COPY and replication are not supported")
        raise RemoteProtocolError(f"unknown backend message type {bytes([kind])!r}")
    return handler(payload)


def _parameter_status(payload: bytes) -> ParameterStatus:
    r = _Reader(payload, "ParameterStatus")
    name, value = r.cstr(), r.cstr()
    r.done()
    return ParameterStatus(name, value)


def _backend_key(payload: bytes) -> BackendKeyData:
    r = _Reader(payload, "BackendKeyData")
    pid = r.int32()
    key = r.rest()
    if not 4 <= len(key) <= 256:
        raise RemoteProtocolError(f"malformed BackendKeyData message: {len(key)}-byte key")
    return BackendKeyData(pid, key)


def _ready(payload: bytes) -> ReadyForQuery:
    if payload not in (b"I", b"T", b"E"):
        raise RemoteProtocolError(f"malformed ReadyForQuery message: status {payload!r}")
    return ReadyForQuery(payload.decode())  # type: ignore[arg-type]


def _command_complete(payload: bytes) -> CommandComplete:
    r = _Reader(payload, "CommandComplete")
    tag = r.cstr()
    r.done()
    return CommandComplete(tag)


def _parameter_description(payload: bytes) -> ParameterDescription:
    r = _Reader(payload, "ParameterDescription")
    oids = tuple(r.int32() & 0xFFFFFFFF for _ in range(r.int16()))
    r.done()
    return ParameterDescription(oids)


def _notification(payload: bytes) -> NotificationResponse:
    r = _Reader(payload, "NotificationResponse")
    pid, channel, body = r.int32(), r.cstr(), r.cstr()
    r.done()
    return NotificationResponse(pid, channel, body)


def _negotiate(payload: bytes) -> NegotiateProtocolVersion:
    r = _Reader(payload, "NegotiateProtocolVersion")
    minor = r.int32()
    names = tuple(r.cstr() for _ in range(r.int32()))
    r.done()
    return NegotiateProtocolVersion(minor, names)


_DECODERS: dict[int, Callable[[bytes], Event | AuthRequest]] = {
    ord("R"): _authentication,
    ord("S"): _parameter_status,
    ord("K"): _backend_key,
    ord("Z"): _ready,
    ord("T"): _row_description,
    ord("C"): _command_complete,
    ord("E"): lambda p: ErrorResponse(_fields(p, "ErrorResponse")),
    ord("N"): lambda p: NoticeResponse(_fields(p, "NoticeResponse")),
    ord("1"): lambda p: _simple("ParseComplete", p),
    ord("2"): lambda p: _simple("BindComplete", p),
    ord("3"): lambda p: _simple("CloseComplete", p),
    ord("n"): lambda p: _simple("NoData", p),
    ord("I"): lambda p: _simple("EmptyQueryResponse", p),
    ord("s"): lambda p: _simple("PortalSuspended", p),
    ord("t"): _parameter_description,
    ord("A"): _notification,
    ord("v"): _negotiate,
}

_UNSUPPORTED: dict[int, str] = {
    ord("G"): "CopyInResponse",
    ord("H"): "CopyOutResponse",
    ord("W"): "CopyBothResponse",
    ord("d"): "CopyData",
    ord("c"): "CopyDone",
    ord("V"): "FunctionCallResponse",
}
