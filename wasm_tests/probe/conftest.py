"""The suite's own hooks (async tests, `no_pyodide` skips), so the probe behaves like tests/."""

from tests.conftest import pytest_collection_modifyitems, pytest_pyfunc_call  # noqa: F401
