"""PostgreSQL's MD5 password answer (AuthenticationMD5Password, auth code 5).

The client sends `"md5" + hex(md5(hex(md5(password + user)) + salt))`: the inner hash is what
the server stores (`pg_authid.rolpassword`), the salt makes each answer single-use. MD5 is weak
and deprecated by PostgreSQL; it is here because servers still ask for it.
"""

from __future__ import annotations

import hashlib

__all__ = ["md5_password"]


def md5_password(user: str, password: str, salt: bytes) -> bytes:
    """The PasswordMessage body (without the NUL) answering an MD5 challenge with `salt`."""
    if len(salt) != 4:
        raise ValueError("the MD5 salt is 4 bytes")
    inner = hashlib.md5(password.encode() + user.encode()).hexdigest().encode()
    return b"md5" + hashlib.md5(inner + salt).hexdigest().encode()
