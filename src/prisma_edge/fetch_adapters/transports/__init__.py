"""Transports: the byte pipes adapters run over (fetch, WebSocket, sync fetch)."""
