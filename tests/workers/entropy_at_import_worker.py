"""A Worker that draws randomness at import, which Cloudflare's deploy-time snapshot refuses (tests/test_worker.py)."""

import secrets

from workers import Response, WorkerEntrypoint

SESSION_SALT = secrets.token_hex(8)  # at import: the same in every instance of a snapshot


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(SESSION_SALT)
