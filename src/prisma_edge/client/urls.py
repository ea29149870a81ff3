"""The database URL a client uses when none is given, and Prisma's provider/URL agreement check.

Kept apart from `client.py` so the CLI and the client read URLs by the same rules
(`schema/config.py`).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ClientError, SchemaError
from ..schema.model import Schema

_PROVIDER_DIALECT = {"sqlite": "sqlite", "postgresql": "postgres", "mysql": "mysql"}
_PROTOCOLS = {"sqlite": "`file:`", "postgresql": "`postgresql://` or `postgres://`", "mysql": "`mysql://`"}


def schema_dir(schema: Schema) -> Path | None:
    if not schema.source_path:
        return None
    p = Path(schema.source_path)
    return p if p.is_dir() else p.parent


def schema_url(schema: Schema) -> str:
    """The schema's datasource URL, the config's, or the env variable they name (env, then .env)."""
    from ..schema.config import env_value, read_config

    ds = schema.datasource
    if ds is not None and ds.url:
        return ds.url
    config = read_config()
    if config.url:
        return config.url
    var = (ds.url_env if ds is not None else None) or config.url_env or "DATABASE_URL"
    value = env_value(var, schema_dir(schema))
    if not value:
        raise ClientError(
            f"no database URL: pass url=... or set the environment variable {var} "
            "(in the environment or in .env)"
        )
    return value


def check_provider(schema: Schema, dialect: str) -> None:
    """Refuse a URL for another database than the schema's provider, as Prisma does (P1012).

    Only for adapters made from a URL: an adapter instance passed to `Client` is the caller's
    explicit choice (the test suite runs one schema over every database that way)."""
    provider = schema.provider
    want = _PROVIDER_DIALECT.get(provider)
    if schema.datasource is None or want is None or dialect == want:
        return
    name = schema.datasource.name
    err = SchemaError(
        f"Error validating datasource `{name}`: the URL must start with the protocol "
        f'{_PROTOCOLS[provider]} (the schema\'s provider is "{provider}"; the URL is for {dialect})'
    )
    err.code = "P1012"  # type: ignore[attr-defined]
    raise err
