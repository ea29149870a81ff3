"""Client-side id generators for `@default(uuid())`, `uuid(7)`, `cuid()` and `cuid(2)`.

Standard library only (`secrets`, `time`), so they work the same in CPython and Pyodide.
Nothing here runs at import: Cloudflare's Python Workers snapshot the imported modules at deploy
and refuse entropy there (`os.urandom` raises outside a request), so the cuid counter's random
start is drawn on the first id, inside a request.
"""

from __future__ import annotations

import os
import secrets
import string
import time
import uuid

_B36 = string.digits + string.ascii_lowercase
_counter: int | None = None  # drawn on first use (see the module docstring)


def _base36(n: int, width: int = 0) -> str:
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = _B36[r] + out
    return (out or "0").rjust(width, "0")[-width:] if width else out or "0"


def new_uuid(version: int = 4) -> str:
    """uuid4, or a time-ordered uuid7 (RFC 9562) for `uuid(7)`."""
    if version != 7:
        return str(uuid.uuid4())
    ms = time.time_ns() // 1_000_000
    rand = int.from_bytes(secrets.token_bytes(10), "big")
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | (rand >> 68 & 0xFFF) << 64 | 0b10 << 62 | rand & ((1 << 62) - 1)
    return str(uuid.UUID(int=value))


def new_cuid() -> str:
    """A cuid (v1 layout: 'c' + time + counter + fingerprint + random), 25 characters."""
    global _counter
    _counter = ((secrets.randbelow(36**4) if _counter is None else _counter) + 1) % 36**4
    fingerprint = _base36(os.getpid() % 36**2, 2) + _base36(secrets.randbelow(36**2), 2)
    return "c" + _base36(time.time_ns() // 1_000_000, 8) + _base36(_counter, 4) + fingerprint + _base36(
        secrets.randbelow(36**8), 8
    )


def new_cuid2(length: int = 24) -> str:
    """A cuid2-shaped id: a lowercase letter then random base36 characters."""
    first = secrets.choice(string.ascii_lowercase)
    return first + "".join(secrets.choice(_B36) for _ in range(length - 1))


_NANOID = string.ascii_letters + string.digits + "_-"
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_nanoid(size: int = 21) -> str:
    """A nanoid: `size` characters of the URL-safe alphabet (Prisma's `nanoid()`, default 21)."""
    return "".join(secrets.choice(_NANOID) for _ in range(size))


def new_ulid() -> str:
    """A ULID: 48-bit millisecond time + 80 random bits, Crockford base32, 26 characters."""
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(secrets.token_bytes(10), "big")
    return "".join(_CROCKFORD[(value >> (5 * i)) & 31] for i in range(25, -1, -1))
