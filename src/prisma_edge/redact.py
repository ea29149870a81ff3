"""One redaction function for every error, log line and repr (issue 11 item 2).

A credential reaches text in more shapes than the one the user typed: percent-encoded in a URL
(`S3cr3t-p%40ss`), decoded (`S3cr3t-p@ss`), inside a Basic header (base64 of `user:password`),
as a URL's userinfo with or without its scheme, or as the whole connection string, and a server
or proxy may echo any of them back in an error body. `Secrets` expands each credential into all
of those forms once; `redact(text, secrets)` replaces every form (longest first) and also strips
any `scheme://user:pass@` userinfo and `password=...` pair it finds, secret or not.

    secrets = Secrets.from_url("postgresql://alice:S3cr3t-p%40ss@host/db")
    redact("login failed for S3cr3t-p@ss", secrets)       # 'login failed for ***'
    scrub_error(err, secrets)                              # message, args, meta, chained causes

Pure standard library, no I/O: importable from anywhere (errors, adapters, logging).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, unquote, urlsplit

__all__ = ["MASK", "Secrets", "redact", "scrub_error"]

MASK = "***"
_MIN_LEN = 3  # shorter "secrets" would mask ordinary words; a real credential is longer

_URL_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*:(?://|\\\\))(?P<cred>[^@/\\\s]+)@")
_PASSWORD_KV = re.compile(
    r"(?i)\b(password|passwd|pwd|secret|token|authtoken|auth_token)(\s*[=:]\s*)([^\s&;,'\"]+)"
)
# a Basic/Bearer credential: 8+ token characters with at least one digit or symbol ("Basic auth" stays)
_AUTH_HEADER = re.compile(
    r"(?i)\b(basic|bearer)(\s+)(?=[A-Za-z0-9+/=._~-]*[0-9+/=._~-])([A-Za-z0-9+/=._~-]{8,})"
)


def _b64_forms(raw: bytes) -> set[str]:
    std = base64.b64encode(raw).decode()
    url = base64.urlsafe_b64encode(raw).decode()
    return {std, std.rstrip("="), url, url.rstrip("=")}


class Secrets:
    """Every text form of a set of credentials (see the module docstring); immutable, combinable.

    Build it with `Secrets.from_url(url)` (user, password and their encodings, the URL itself),
    `Secrets.of(token, ...)` for bare tokens and passwords, and `a | b` to combine.
    """

    __slots__ = ("_forms",)

    def __init__(self, forms: Iterable[str] = ()) -> None:
        clean = {f for f in forms if isinstance(f, str) and len(f) >= _MIN_LEN}
        self._forms: tuple[str, ...] = tuple(sorted(clean, key=lambda s: (-len(s), s)))

    @classmethod
    def of(cls, *values: str | None) -> Secrets:
        """Bare secrets (a password, a token): raw, percent-encoded and percent-decoded."""
        forms: set[str] = set()
        for v in values:
            if not v:
                continue
            forms |= {v, unquote(v), quote(v, safe=""), quote(unquote(v), safe="")}
        return cls(forms)

    @classmethod
    def from_url(cls, url: str | None) -> Secrets:
        """The credentials of a connection URL in every form they can be echoed in."""
        if not url:
            return cls()
        forms: set[str] = {url}
        try:
            p = urlsplit(url)
            user, password = p.username, p.password
        except ValueError:
            return cls(forms) | cls.of(*_userinfo_guess(url))
        if p.scheme and url.startswith(p.scheme):
            forms.add(url[len(p.scheme) + 1 :].lstrip("/"))  # the same string without its scheme
        if password is None:
            return cls(forms)
        forms |= set(cls.of(password)._forms)
        netloc_cred = p.netloc.rpartition("@")[0]
        forms.add(netloc_cred)
        for u, pw in {(user or "", password), (unquote(user or ""), unquote(password))}:
            forms.add(f"{u}:{pw}")
            forms |= _b64_forms(f"{u}:{pw}".encode())
        forms |= _b64_forms(unquote(password).encode())
        return cls(forms)

    def __or__(self, other: Secrets) -> Secrets:
        return Secrets(self._forms + other._forms)

    def __bool__(self) -> bool:
        return bool(self._forms)

    def __iter__(self) -> Iterator[str]:
        return iter(self._forms)

    def __repr__(self) -> str:  # never the secrets themselves
        return f"<Secrets: {len(self._forms)} forms>"


def _userinfo_guess(url: str) -> list[str]:
    m = _URL_USERINFO.search(url)
    if not m:
        return []
    cred = m.group("cred")
    return [cred, cred.partition(":")[2]]


def _as_secrets(secrets: tuple[Secrets | str | None, ...]) -> Secrets:
    out = Secrets()
    for s in secrets:
        if isinstance(s, Secrets):
            out = out | s
        elif s:
            out = out | Secrets.of(s)
    return out


def redact(text: str, *secrets: Secrets | str | None) -> str:
    """`text` with every form of `secrets` replaced by `***`, and any URL userinfo, `password=...`
    pair or Basic/Bearer credential masked even when not given as a secret."""
    if not isinstance(text, str):
        text = str(text)
    out = text
    for form in _as_secrets(secrets):
        if form in out:
            out = out.replace(form, MASK)
    out = _URL_USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", out)
    out = _PASSWORD_KV.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", out)
    return _AUTH_HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", out)


def _scrub_value(value: Any, secrets: Secrets, depth: int = 0) -> Any:
    if isinstance(value, str):
        return redact(value, secrets)
    if depth > 8:
        return value
    if isinstance(value, dict):
        return {k: _scrub_value(v, secrets, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_scrub_value(v, secrets, depth + 1) for v in value)
    return value


def scrub_error(error: BaseException, *secrets: Secrets | str | None) -> BaseException:
    """Redact an exception in place (`message`, `args`, `meta`, `db_message`) and drop chained
    causes whose text would still carry a secret (they show up in tracebacks). Returns it."""
    found = _as_secrets(secrets)
    if hasattr(error, "message") and isinstance(error.message, str):
        error.message = redact(error.message, found)  # type: ignore[attr-defined]
    error.args = tuple(_scrub_value(a, found) for a in error.args)
    meta = getattr(error, "meta", None)
    if isinstance(meta, dict):
        error.meta = _scrub_value(meta, found)  # type: ignore[attr-defined]
    for chained in (error.__cause__, error.__context__):
        if chained is not None and redact(str(chained), found) != str(chained):
            error.__cause__ = None
            error.__suppress_context__ = True
            error.__context__ = None
            break
    return error
