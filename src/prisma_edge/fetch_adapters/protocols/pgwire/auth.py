"""The client side of PostgreSQL authentication: answer each AuthenticationXxx request.

One `Authenticator` per connection. It knows the password and what was pipelined, answers
cleartext / MD5 / SCRAM-SHA-256 requests with the bytes to send, checks SCRAM's final server
signature, and refuses what it cannot do. `PgConnection` owns one and asks it about every 'R'
message while AUTHENTICATING.
"""

from __future__ import annotations

from typing import Literal

from prisma_edge.errors import AuthenticationError
from prisma_edge.fetch_adapters.protocols.pgwire import messages as m
from prisma_edge.fetch_adapters.protocols.pgwire.errors import LocalProtocolError, RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.events import AuthenticationRequest
from prisma_edge.fetch_adapters.protocols.pgwire.md5 import md5_password
from prisma_edge.fetch_adapters.protocols.pgwire.scram import MECHANISM, ScramSha256

__all__ = ["Authenticator", "PipelineAuth"]

PipelineAuth = Literal["cleartext", "trust"]

_UNSUPPORTED = {
    m.AUTH_KERBEROS_V5: "Kerberos V5",
    m.AUTH_GSS: "GSSAPI",
    m.AUTH_GSS_CONTINUE: "GSSAPI",
    m.AUTH_SSPI: "SSPI",
}


class Authenticator:
    """Answers one connection's authentication requests (the password never leaves via repr)."""

    __slots__ = ("_user", "_password", "pipeline", "_scram", "_scram_step", "_cleartext_asked")

    def __init__(self, user: str, password: str | None) -> None:
        self._user = user
        self._password = password
        self.pipeline: PipelineAuth | None = None
        self._scram: ScramSha256 | None = None
        self._scram_step = 0  # 1 after SASLContinue, 2 after SASLFinal
        self._cleartext_asked = False

    def __repr__(self) -> str:
        return f"Authenticator(user={self._user!r}, pipeline={self.pipeline!r})"

    def pipelined_password(self) -> bytes:
        """The PasswordMessage sent right behind the startup packet (`pipeline_auth="cleartext"`)."""
        self.pipeline = "cleartext"
        return m.password_message(self._require("cleartext"))

    def answer(self, req: m.AuthRequest, *, commands_pipelined: bool) -> AuthenticationRequest | None:
        """The event (with the bytes to send) for one request; None when there is nothing to say.

        Raises:
            AuthenticationError: no password, an unsupported method, a wrong SCRAM signature.
            LocalProtocolError: what was pipelined does not fit the method the server asks for.
            RemoteProtocolError: the server broke the order of the exchange.
        """
        code = req.code
        if code == m.AUTH_CLEARTEXT:
            if self.pipeline == "cleartext" and not self._cleartext_asked:
                self._cleartext_asked = True  # the pipelined password answers this request
                return AuthenticationRequest("cleartext", b"")
            self._check_not_pipelined("cleartext", commands_pipelined)
            return AuthenticationRequest("cleartext", m.password_message(self._require("cleartext")))
        if code == m.AUTH_MD5:
            if len(req.data) != 4:
                raise RemoteProtocolError("malformed AuthenticationMD5Password message: the salt is 4 bytes")
            self._check_not_pipelined("md5", commands_pipelined)
            digest = md5_password(self._user, self._require("md5"), req.data)
            return AuthenticationRequest("md5", m.password_message(digest))
        if code == m.AUTH_SASL:
            mechanisms = [x.decode(errors="replace") for x in req.data.split(b"\x00") if x]
            if self._scram is not None:
                raise RemoteProtocolError("the server restarted SASL authentication")
            if MECHANISM not in mechanisms:
                raise AuthenticationError(
                    f"the server offers SASL mechanisms {mechanisms}; only {MECHANISM} is supported"
                )
            self._check_not_pipelined(MECHANISM, commands_pipelined)
            self._scram = ScramSha256(self._require(MECHANISM))
            return AuthenticationRequest(
                MECHANISM, m.sasl_initial_response(MECHANISM, self._scram.client_first())
            )
        if code == m.AUTH_SASL_CONTINUE:
            if self._scram is None or self._scram_step != 0:
                raise RemoteProtocolError("unexpected AuthenticationSASLContinue")
            self._scram_step = 1
            return AuthenticationRequest(
                f"{MECHANISM}-continue", m.sasl_response(self._scram.client_final(req.data))
            )
        if code == m.AUTH_SASL_FINAL:
            if self._scram is None or self._scram_step != 1:
                raise RemoteProtocolError("unexpected AuthenticationSASLFinal")
            self._scram_step = 2
            self._scram.verify(req.data)
            return None
        name = _UNSUPPORTED.get(code)
        if name:
            raise AuthenticationError(f"the server asks for {name} authentication, which is not supported")
        raise RemoteProtocolError(f"unknown authentication request code {code}")

    def check_ok(self) -> None:
        """AuthenticationOk arrived: refuse it if the exchange we started is not complete."""
        if self._scram is not None and not self._scram.done:
            raise AuthenticationError("the server skipped SCRAM's final signature: refusing to continue")
        if self.pipeline == "cleartext" and not self._cleartext_asked:
            raise LocalProtocolError(
                "a password was pipelined, but the server accepted us without one and will reject "
                "the stray password message: connect without pipeline_auth"
            )

    def _check_not_pipelined(self, method: str, commands_pipelined: bool) -> None:
        if self.pipeline == "cleartext":
            raise LocalProtocolError(
                f"a cleartext password was pipelined, but the server asks for {method}: connect without pipeline_auth"
            )
        if self.pipeline == "trust" and commands_pipelined:
            raise LocalProtocolError(
                f"commands were pipelined for a trust server, but it asks for {method}: connect without pipeline_auth"
            )

    def _require(self, method: str) -> str:
        if self._password is None:
            raise AuthenticationError(
                f"the server asks for {method} password authentication, but no password was given"
            )
        return self._password
