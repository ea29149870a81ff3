"""One URL parser for the policy check and the transport (issue 11 item 5).

`http://example.com\\@127.0.0.1/sql` passes a check made with `urlsplit` (host 127.0.0.1) while
an HTTP client resolves `example.com`: when the check and the transport parse differently, the
check proves nothing. So an endpoint URL is parsed ONCE, here, into an `Endpoint` (scheme, host,
port, request target), the policy is checked on that value, and the transport connects to
exactly that host and port and sends exactly that target. What parsers are known to read
differently is refused outright: backslashes, control characters, spaces and non-ASCII text,
userinfo (`user:pass@`: endpoint URLs carry no credentials; the adapter sends them in headers),
and hosts that are not plain DNS names or IP literals.

Plain `http://` / `ws://` is allowed only to a loopback host (`is_loopback_host`).
"""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

import attrs

from prisma_edge import errors

__all__ = ["Endpoint", "check_url", "is_loopback_host", "parse_endpoint"]

_DEFAULT_PORT = {"http": 80, "https": 443, "ws": 80, "wss": 443}
_SECURE = {"http": "https", "ws": "wss"}
_DNS_NAME = re.compile(
    r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62}))*\.?$"
)
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]|[^\x00-\x7f]")


def is_loopback_host(host: str) -> bool:
    """True for localhost, 127.0.0.0/8 and ::1 (the only hosts plain http may reach)."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@attrs.frozen
class Endpoint:
    """A parsed endpoint URL: where to connect and what to ask for, nothing else."""

    scheme: str
    host: str  # lower-case DNS name or IP literal, without brackets
    port: int
    target: str  # path and query, as sent on the request line ("/sql?x=1")

    @property
    def secure(self) -> bool:
        return self.scheme in ("https", "wss")

    @property
    def where(self) -> str:
        """`host:port`, for messages."""
        return f"{self._host_for_url}:{self.port}"

    @property
    def _host_for_url(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    @property
    def url(self) -> str:
        """The URL rebuilt from the parsed parts (what a second parser, like JS fetch, is given)."""
        default = _DEFAULT_PORT[self.scheme]
        port = "" if self.port == default else f":{self.port}"
        return f"{self.scheme}://{self._host_for_url}{port}{self.target}"


def parse_endpoint(url: str, *, schemes: tuple[str, ...] = ("http", "https")) -> Endpoint:
    """Parse an endpoint URL strictly and check the plain-text rule (see the module docstring).

    Raises:
        ClientError: the URL is ambiguous or malformed, has userinfo, a scheme not in
            `schemes`, or is plain http/ws to a host that is not loopback.
    """
    if not isinstance(url, str):
        raise errors.ClientError(f"an endpoint URL must be a string, not {type(url).__name__}")
    bad = _UNSAFE.search(url)
    if bad:
        what = "a backslash" if bad.group() == "\\" else "a space, control or non-ASCII character"
        raise errors.ClientError(
            f"refusing an endpoint URL with {what} (at position {bad.start()}): URL parsers disagree on such URLs"
        )
    try:
        p = urlsplit(url)
        hostname, port = p.hostname, p.port
    except ValueError:
        raise errors.ClientError("the endpoint URL is not a valid URL (bad port or host)") from None
    scheme = p.scheme.lower()
    if scheme not in schemes:
        raise errors.ClientError(
            f"not a {' or '.join(s + '://' for s in schemes)} URL (scheme {scheme or 'missing'!r})"
        )
    if "@" in p.netloc:
        raise errors.ClientError(
            "refusing an endpoint URL with userinfo (`user@` before the host): endpoint URLs carry no "
            "credentials, and parsers disagree on where such a host begins"
        )
    host = (hostname or "").lower()
    if not host or not _valid_host(host, bracketed=p.netloc.startswith("[")):
        raise errors.ClientError(f"the endpoint URL has no valid host ({host or 'empty'!r})")
    if scheme in _SECURE and not is_loopback_host(host):
        raise errors.ClientError(
            f"refusing plain {scheme}:// to {host}: remote endpoints must use {_SECURE[scheme]}:// "
            f"(plain {scheme} is allowed only for loopback hosts: localhost, 127.0.0.0/8, ::1)"
        )
    target = (p.path or "/") + (f"?{p.query}" if p.query else "")
    return Endpoint(scheme, host, port or _DEFAULT_PORT[scheme], target)


def _valid_host(host: str, *, bracketed: bool) -> bool:
    if bracketed:
        try:
            return ipaddress.ip_address(host).version == 6
        except ValueError:
            return False
    return bool(_DNS_NAME.match(host))


def check_url(url: str) -> Endpoint:
    """`parse_endpoint` for http(s): the one check every HTTP transport and adapter makes."""
    return parse_endpoint(url)
