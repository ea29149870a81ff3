"""The async client and its model delegates."""

from __future__ import annotations

from .client import Client, ModelDelegate, adapter_for_url

__all__ = ["Client", "ModelDelegate", "adapter_for_url"]
