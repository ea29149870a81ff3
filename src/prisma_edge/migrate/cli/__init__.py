"""The `migrate` CLI commands (CPython only): deploy/status/resolve/reset, diff and dev."""
