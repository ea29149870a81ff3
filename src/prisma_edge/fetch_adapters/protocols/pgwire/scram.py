"""SCRAM-SHA-256 client (RFC 5802 / RFC 7677), as PostgreSQL speaks it, with the stdlib only.

PostgreSQL specifics (protocol chapter "SASL Authentication"): the user name in the
client-first message is ignored (the startup message already named the user), so we send an
empty one like libpq; no channel binding (gs2 header `n,,`), since Pyodide has no TLS of its own
to bind to. The password goes through SASLprep (RFC 4013) and, as in PostgreSQL, is used as is
when SASLprep rejects it. The server's final signature is checked: a server that does not know
the password (an impostor) cannot produce it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import stringprep
import unicodedata

from prisma_edge.errors import AuthenticationError
from prisma_edge.fetch_adapters.protocols.pgwire.errors import RemoteProtocolError

__all__ = ["MECHANISM", "ScramSha256", "pbkdf2_sha256", "saslprep"]

MECHANISM = "SCRAM-SHA-256"
_GS2_HEADER = b"n,,"


class ScramSha256:
    """One SCRAM-SHA-256 exchange: `client_first()`, `client_final(server_first)`, `verify(server_final)`."""

    __slots__ = (
        "_password",
        "_username",
        "_nonce",
        "_client_first_bare",
        "_auth_message",
        "_salted",
        "_done",
    )

    def __init__(self, password: str, *, username: str = "", nonce: str | None = None) -> None:
        self._password = password
        self._username = username
        self._nonce = nonce if nonce is not None else base64.b64encode(secrets.token_bytes(18)).decode()
        if not self._nonce or "," in self._nonce:
            raise ValueError("a SCRAM nonce is printable ASCII without commas")
        self._client_first_bare = b""
        self._auth_message = b""
        self._salted = b""
        self._done = False

    def __repr__(self) -> str:
        return "ScramSha256(<password hidden>)"

    def client_first(self) -> bytes:
        """The client-first message: gs2 header + `n=<user>,r=<client nonce>`."""
        user = self._username.replace("=", "=3D").replace(",", "=2C")
        self._client_first_bare = f"n={user},r={self._nonce}".encode()
        return _GS2_HEADER + self._client_first_bare

    def client_final(self, server_first: bytes) -> bytes:
        """Check the server-first message and answer with the client proof."""
        if not self._client_first_bare:
            raise RuntimeError("client_first() must come first")
        attrs = _attributes(server_first, "server-first")
        if "m" in attrs:
            raise AuthenticationError("the server requires a SCRAM extension we do not support")
        nonce, salt_b64, iterations = attrs.get("r"), attrs.get("s"), attrs.get("i")
        if not nonce or salt_b64 is None or iterations is None:
            raise RemoteProtocolError("malformed SCRAM server-first message: r, s and i are required")
        if not nonce.startswith(self._nonce) or len(nonce) <= len(self._nonce):
            raise RemoteProtocolError("SCRAM server nonce does not extend ours")
        try:
            salt = base64.b64decode(salt_b64, validate=True)
            rounds = int(iterations)
        except ValueError as e:
            raise RemoteProtocolError(
                "malformed SCRAM server-first message: bad salt or iteration count"
            ) from e
        if rounds < 1 or rounds > 10_000_000:
            raise RemoteProtocolError(f"SCRAM iteration count {rounds} is out of range")
        self._salted = pbkdf2_sha256(_normalize(self._password), salt, rounds)
        client_key = _hmac(self._salted, b"Client Key")
        stored_key = hashlib.sha256(client_key).digest()
        without_proof = b"c=" + base64.b64encode(_GS2_HEADER) + b",r=" + nonce.encode()
        self._auth_message = self._client_first_bare + b"," + bytes(server_first) + b"," + without_proof
        signature = _hmac(stored_key, self._auth_message)
        proof = bytes(a ^ b for a, b in zip(client_key, signature, strict=True))
        return without_proof + b",p=" + base64.b64encode(proof)

    def verify(self, server_final: bytes) -> None:
        """Check the server's signature; raises AuthenticationError when it is wrong or an error."""
        if not self._auth_message:
            raise RuntimeError("client_final() must come before verify()")
        attrs = _attributes(server_final, "server-final")
        if "e" in attrs:
            raise AuthenticationError(f"SCRAM authentication failed: {attrs['e']}")
        try:
            got = base64.b64decode(attrs.get("v", ""), validate=True)
        except ValueError as e:
            raise RemoteProtocolError("malformed SCRAM server-final message") from e
        expected = _hmac(_hmac(self._salted, b"Server Key"), self._auth_message)
        if not got or not hmac.compare_digest(got, expected):
            raise AuthenticationError(
                "the server's SCRAM signature is wrong: it does not know the password (refusing to continue)"
            )
        self._done = True

    @property
    def done(self) -> bool:
        """True once the server's signature was verified."""
        return self._done


def _attributes(message: bytes, what: str) -> dict[str, str]:
    try:
        text = bytes(message).decode("ascii")
    except UnicodeDecodeError as e:
        raise RemoteProtocolError(f"malformed SCRAM {what} message: not ASCII") from e
    out: dict[str, str] = {}
    for part in text.split(","):
        if len(part) < 2 or part[1] != "=":
            raise RemoteProtocolError(f"malformed SCRAM {what} message")
        out.setdefault(part[0], part[2:])
    return out


def _hmac(key: bytes, msg: bytes) -> bytes:
    return hmac.new(key, msg, hashlib.sha256).digest()


def pbkdf2_sha256(password: bytes, salt: bytes, iterations: int) -> bytes:
    """PBKDF2-HMAC-SHA256 with a 32-byte result (SCRAM's Hi()).

    Uses `hashlib.pbkdf2_hmac` (OpenSSL) when the interpreter has it; CPython 3.12+ builds without
    OpenSSL (some Pyodide builds) lack it, so the same function is computed with `hmac` then.
    """
    fast = getattr(hashlib, "pbkdf2_hmac", None)
    if fast is not None:
        try:
            return fast("sha256", password, salt, iterations)
        except (ValueError, TypeError):  # pragma: no cover - sha256 unavailable to OpenSSL
            pass
    inner = hashlib.sha256()
    outer = hashlib.sha256()
    key = password if len(password) <= 64 else hashlib.sha256(password).digest()
    key = key.ljust(64, b"\x00")
    inner.update(bytes(b ^ 0x36 for b in key))
    outer.update(bytes(b ^ 0x5C for b in key))

    def prf(msg: bytes) -> bytes:
        i, o = inner.copy(), outer.copy()
        i.update(msg)
        o.update(i.digest())
        return o.digest()

    u = prf(salt + b"\x00\x00\x00\x01")
    acc = int.from_bytes(u, "big")
    for _ in range(iterations - 1):
        u = prf(u)
        acc ^= int.from_bytes(u, "big")
    return acc.to_bytes(32, "big")


def _normalize(password: str) -> bytes:
    """SASLprep the password as PostgreSQL does; if SASLprep refuses it, use it unchanged."""
    try:
        return saslprep(password).encode()
    except ValueError:
        return password.encode()


def saslprep(text: str) -> str:
    """RFC 4013 SASLprep for stored strings (unassigned code points refused), like PostgreSQL.

    Pure-ASCII input is returned unchanged, as PostgreSQL's `pg_saslprep` does.

    Raises:
        ValueError: a prohibited character or a bidirectional-text violation.
    """
    if text.isascii():
        return text
    mapped = "".join(" " if stringprep.in_table_c12(c) else c for c in text if not stringprep.in_table_b1(c))
    norm = unicodedata.ucd_3_2_0.normalize("NFKC", mapped)
    for c in norm:
        if (
            stringprep.in_table_c12(c)
            or stringprep.in_table_c21_c22(c)
            or stringprep.in_table_c3(c)
            or stringprep.in_table_c4(c)
            or stringprep.in_table_c5(c)
            or stringprep.in_table_c6(c)
            or stringprep.in_table_c7(c)
            or stringprep.in_table_c8(c)
            or stringprep.in_table_c9(c)
            or stringprep.in_table_a1(c)
        ):
            raise ValueError("SASLprep: prohibited character")
    if any(stringprep.in_table_d1(c) for c in norm):
        if any(stringprep.in_table_d2(c) for c in norm):
            raise ValueError("SASLprep: mixed bidirectional text")
        if not (stringprep.in_table_d1(norm[0]) and stringprep.in_table_d1(norm[-1])):
            raise ValueError("SASLprep: bidirectional text must start and end right-to-left")
    return norm
