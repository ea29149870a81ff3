"""The two ways a PostgreSQL conversation can break: we misused the machine, or the server did.

Like h11, the split tells the driver whom to blame. Either one leaves the `PgConnection` in its
ERROR state, where every later call raises: a broken connection is replaced, never repaired.
"""

from __future__ import annotations

from prisma_edge.errors import ClientError, ProtocolError

__all__ = ["LocalProtocolError", "RemoteProtocolError"]


class LocalProtocolError(ClientError):
    """We asked the machine for something the protocol does not allow in its current state."""


class RemoteProtocolError(ProtocolError):
    """The server sent bytes the protocol does not allow here (malformed, unexpected, cut short).

    A subclass of `prisma_edge.errors.ConnectionError`: to the user it is a lost connection.
    """
