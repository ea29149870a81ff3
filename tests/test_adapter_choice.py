"""Which adapter a URL (or a name) gives: no network needed, runs everywhere."""

from __future__ import annotations

import pytest


def test_adapter_chosen_by_url_or_name():
    from prisma_edge.client import Client
    from prisma_edge.errors import ClientError

    schema = "model A {\n  id Int @id\n}\n"
    assert type(Client(schema, url="file::memory:").adapter).__name__ == "SqliteAdapter"
    assert type(Client(schema, url="postgresql://u:p@ep-x.aws.neon.tech/db").adapter).__name__ == "NeonHttpAdapter"
    assert type(Client(schema, url="postgresql://u:p@ep-x.aws.neon.tech/db", adapter="neon_ws").adapter).__name__ == "NeonWsAdapter"
    assert type(Client(schema, url="mysql://u:p@aws.connect.psdb.cloud").adapter).__name__ == "PlanetScaleAdapter"
    assert type(Client(schema, url="https://u:p@aws.connect.psdb.cloud").adapter).__name__ == "PlanetScaleAdapter"
    with pytest.raises(ClientError, match="unsupported database URL scheme `redis`"):
        Client(schema, url="redis://x").adapter  # noqa: B018
    with pytest.raises(ClientError, match="unknown adapter `neon_grpc`"):
        Client(schema, url="postgresql://u:p@h/db", adapter="neon_grpc").adapter  # noqa: B018
