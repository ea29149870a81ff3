"""prisma-edge: a pure-Python, Prisma-compatible ORM for Pyodide, Cloudflare Python Workers and CPython."""

from __future__ import annotations

__version__ = "0.1.0"
