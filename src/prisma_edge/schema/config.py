"""Project settings the way Prisma finds them: `prisma.config.ts` literals, `.env`, `DATABASE_URL`.

`prisma.config.ts` is TypeScript, which we do not run: only settings written as plain literals
are read (`schema: "prisma/schema.prisma"`, `migrations: { path: "..." }`, `datasource: { url:
env("DATABASE_URL") }` or a string). Anything computed is left to the other sources.

The database URL, for the CLI and `Client` alike, is the first of: the URL given explicitly; the
schema's `url = "..."`; the config's literal url; the environment variable the schema or config
names (`env("X")`, default `DATABASE_URL`) from the process environment, else from `.env` in the
working directory, else from `.env` beside the schema.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from attrs import field, frozen

CONFIG_FILES = (
    "prisma.config.ts",
    "prisma.config.mts",
    "prisma.config.cts",
    "prisma.config.js",
    "prisma.config.mjs",
    "prisma.config.cjs",
    ".config/prisma.ts",
)
_STRING = r"""(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`([^`$\n]*)`)"""
_COMMENTS = re.compile(r"//[^\n]*|/\*.*?\*/", re.S)


@frozen
class ProjectConfig:
    """What `prisma.config.ts` says in plain literals (None: not set, or not a literal)."""

    path: Path | None = None
    schema: str | None = None
    migrations_path: str | None = None
    url: str | None = field(default=None, repr=False)  # a secret: never in repr
    url_env: str | None = None


def read_config(directory: str | os.PathLike[str] | None = None) -> ProjectConfig:
    """The literal settings of the first Prisma config file in `directory` (default: cwd)."""
    base = Path(directory) if directory is not None else Path.cwd()
    for name in CONFIG_FILES:
        path = base / name
        try:
            text = _COMMENTS.sub("", path.read_text(encoding="utf-8"))
        except OSError:
            continue
        url, url_env = _url(_block(text, "datasource") or "")
        return ProjectConfig(
            path=path,
            schema=_string_key(text, "schema"),
            migrations_path=_string_key(_block(text, "migrations") or "", "path"),
            url=url,
            url_env=url_env,
        )
    return ProjectConfig()


def _string_key(text: str, key: str) -> str | None:
    m = re.search(rf"(?<![\w$.])['\"]?{key}['\"]?\s*:\s*{_STRING}", text)
    return next((g for g in m.groups() if g is not None), None) if m else None


def _block(text: str, key: str) -> str | None:
    """The `{ ... }` text after `key:` (brace-matched; strings are not special-cased)."""
    m = re.search(rf"(?<![\w$.])['\"]?{key}['\"]?\s*:\s*\{{", text)
    if not m:
        return None
    depth, i = 1, m.end()
    while i < len(text) and depth:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[m.end() : i - 1]


def _url(block: str) -> tuple[str | None, str | None]:
    """(literal url, env var name) from `url: "..."`, `url: env("X")` or `url: process.env.X`."""
    literal = _string_key(block, "url")
    if literal is not None:
        return literal, None
    m = re.search(
        rf"(?<![\w$.])url\s*:\s*(?:env\(\s*{_STRING}\s*\)|process\.env\.([A-Za-z_]\w*)"
        r"|process\.env\[\s*['\"]([A-Za-z_]\w*)['\"]\s*\])",
        block,
    )
    if not m:
        return None, None
    return None, next(g for g in m.groups() if g is not None)


def dotenv_value(var: str, files: list[Path]) -> str | None:
    """`VAR=value` from the first .env file that sets it (quotes removed, `# comments` dropped)."""
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        for line in lines:
            key, sep, value = line.strip().removeprefix("export ").partition("=")
            if sep and key.strip() == var:
                value = value.strip()
                quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"`"
                return value[1:-1] if quoted else value.split(" #", 1)[0].strip()
    return None


def env_value(var: str, schema_dir: Path | None = None) -> str | None:
    """`var` from the environment, else from ./.env, else from the schema directory's .env."""
    value = os.environ.get(var)
    if value:
        return value
    files = [Path.cwd() / ".env"]
    if schema_dir is not None and schema_dir.resolve() != Path.cwd().resolve():
        files.append(schema_dir / ".env")
    return dotenv_value(var, files)
