"""`HTTPS_PROXY` / `NO_PROXY` for the CPython HTTP transport: a CONNECT tunnel, never plain text.

Behind a mandatory outbound proxy (corporate networks, some CI runners) a transport that ignores
`HTTPS_PROXY` cannot reach Neon or PlanetScale at all. The rules, as curl and httpx read them:

- an `https://` endpoint goes through `HTTPS_PROXY` (else `ALL_PROXY`; lower-case names first),
  unless `NO_PROXY` names its host (`*`, `host`, `.domain` or `domain` for the host and its
  subdomains, optionally `:port`); the proxy gets a `CONNECT host:port` and then relays TLS it
  cannot read: the credentials in headers and the SQL in the body never reach it in clear;
- a proxy URL is `http://[user:password@]host[:port]` (the CONNECT itself is plain TCP, as with
  curl); its user and password become `Proxy-Authorization: Basic ...`, sent to the proxy only,
  and appear in no message or repr (`Proxy.where` is host:port);
- plain `http://` endpoints (allowed only to loopback) always connect directly;
- `trust_env=False` on the transport ignores the environment (and `proxy=` sets one explicitly).

The environment is read when the transport is made, never at import.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from urllib.parse import unquote, urlsplit

import attrs

from prisma_edge import errors
from prisma_edge.fetch_adapters.transports.urls import Endpoint

__all__ = ["Proxy", "parse_proxy", "proxy_from_env"]


@attrs.frozen
class Proxy:
    """Where the tunnel starts; `headers` (Proxy-Authorization) are hidden from repr."""

    host: str
    port: int
    headers: Mapping[str, str] = attrs.field(factory=dict, repr=False)
    no_proxy: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return f"[{self.host}]:{self.port}" if ":" in self.host else f"{self.host}:{self.port}"

    def applies_to(self, ep: Endpoint) -> bool:
        """True if `ep` should go through this proxy (https, and not excluded by NO_PROXY)."""
        return ep.secure and not _bypassed(ep, self.no_proxy)


def parse_proxy(url: str, no_proxy: str = "") -> Proxy:
    """`http://[user:password@]host[:port]` -> Proxy (port 80 by default, as curl).

    Raises:
        ClientError: another scheme, or no host; the message never repeats the URL (it may hold a
            password).
    """
    try:
        p = urlsplit(url.strip() if "://" in url else f"http://{url.strip()}")
        host, port = p.hostname, p.port
    except ValueError:
        raise errors.ClientError("the proxy URL (HTTPS_PROXY) is not a valid URL (bad host or port)") from None
    if p.scheme.lower() != "http":
        raise errors.ClientError(
            f"unsupported proxy scheme {p.scheme.lower()!r} in HTTPS_PROXY/ALL_PROXY: prisma-edge tunnels "
            "through an http:// proxy (CONNECT); set NO_PROXY or pass trust_env=False to connect directly"
        )
    if not host:
        raise errors.ClientError("the proxy URL (HTTPS_PROXY) has no host")
    headers: dict[str, str] = {}
    if p.username is not None:
        raw = f"{unquote(p.username)}:{unquote(p.password or '')}".encode()
        headers["Proxy-Authorization"] = "Basic " + base64.b64encode(raw).decode("ascii")
    entries = tuple(e.strip().lower() for e in no_proxy.split(",") if e.strip())
    return Proxy(host.lower(), port or 80, headers, entries)


def proxy_from_env(env: Mapping[str, str]) -> Proxy | None:
    """The proxy the environment asks for https endpoints, or None."""
    url = _first(env, "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
    if not url:
        return None
    return parse_proxy(url, _first(env, "no_proxy", "NO_PROXY") or "")


def _first(env: Mapping[str, str], *names: str) -> str | None:
    for n in names:
        value = env.get(n)
        if value and value.strip():
            return value
    return None


def _bypassed(ep: Endpoint, entries: tuple[str, ...]) -> bool:
    host = ep.host.lower()
    for entry in entries:
        if entry == "*":
            return True
        name, _, port = entry.rpartition(":") if entry.count(":") == 1 else (entry, "", "")
        if port and port != str(ep.port):
            continue
        name = name.strip("[]").lstrip(".")
        if name and (host == name or host.endswith("." + name)):
            return True
    return False
