"""`db.batch([...])`: unawaited operations run atomically, in one round trip where the database allows.

When every plan is static (always the case on PostgreSQL, where each operation is one statement)
the whole batch is ONE `adapter.batch()` call: on Neon over HTTP, one request. Otherwise (SQLite,
MySQL programs that read before they write) it runs inside one interactive transaction.

Query hooks (`db.extend(query=...)`) see each operation of a batch, as in Prisma: every hook runs
up to its `next(args)`, the batch then goes out with the arguments they passed, and each hook
resumes with its operation's result. The hooks are stepped here, one after the other, without an
event loop of our own (what a hook awaits besides `next` is passed through to the caller's loop),
so this works wherever the client does, the synchronous client in Pyodide included. Inside a batch
`next` can be called once: the batch has gone out by the time a hook could retry.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Generator, Sequence
from typing import TYPE_CHECKING, Any

from attrs import define

from ..compiler import compile_query
from ..errors import ClientError, KnownRequestError, PrismaEdgeError
from ..fetch_adapters.base import IsolationLevel, Query, ResultSet, sql_rules
from ..schema.model import Model
from .delegate import Operation
from .error_fields import translate_fields
from .events import observed_transaction
from .executor import check_static, execute_plan, not_found_from, shape_result, static_queries
from .extend import run_hooked
from .transactions import check_isolation

if TYPE_CHECKING:
    from .client import Client


@define
class Item:
    """One operation as the batch sends it (arguments after the hooks)."""

    client: Client
    model: Model
    action: str
    args: Any
    post: Callable[[Any], Any] | None


async def run_batch(
    client: Client, operations: Sequence[Operation[Any]], isolation: IsolationLevel | None
) -> list[Any]:
    check_isolation(isolation)
    for i, op in enumerate(operations):
        if not isinstance(op, Operation):
            raise ClientError(
                f"batch item {i} is {type(op).__name__}; pass unawaited operations like db.user.create(...)"
            )
    items = [Item(op.delegate._client, op.delegate._model, op.action, op.args, op.post) for op in operations]
    if not any(it.client._ext and it.client._ext.hooks(it.model.name, it.action) for it in items):
        return await send(client, items, isolation)
    return await _hooked(client, items, isolation)


async def send(client: Client, items: list[Item], isolation: IsolationLevel | None) -> list[Any]:
    adapter = client.adapter
    shaped = [
        it.client._shaper.args(it.model, it.action, it.args) if it.client._shaper else it.args for it in items
    ]
    compiled = [
        compile_query(client.schema, it.model.name, it.action, a, sql_rules(adapter), client.plan_cache)
        for it, a in zip(items, shaped, strict=True)
    ]
    try:
        values: list[Any] = []
        if all(plan.static for plan, _ in compiled):
            per_op = [static_queries(plan, vals, adapter.dialect) for plan, vals in compiled]
            flat = [q for qs in per_op for q in qs]
            results = await _send_batch(client, flat, isolation) if flat else []
            i = 0
            for (plan, _), qs in zip(compiled, per_op, strict=True):
                part = list(results[i : i + len(qs)])
                i += len(qs)
                check_static(plan, part)
                values.append(shape_result(plan, part))  # type: ignore[arg-type]
        else:
            observer = client._observer
            opened = (
                observed_transaction(observer, adapter, None, "batch", {"isolation": isolation})
                if observer.active
                else adapter.transaction(isolation=isolation)
            )
            async with opened as conn:
                for (plan, vals), it in zip(compiled, items, strict=True):
                    if observer.active:
                        with observer.operation(adapter, conn, it.model.name, it.action) as observed:
                            values.append(await execute_plan(observed, plan, vals, in_transaction=True))
                    else:
                        values.append(await execute_plan(conn, plan, vals, in_transaction=True))
    except KnownRequestError as e:
        for it in items:
            translate_fields(e, it.model)
        raise
    except PrismaEdgeError as e:
        mapped = not_found_from(e, "A record an operation in the batch needs was not found.")
        if mapped is e:
            raise
        raise mapped from e
    out = []
    for it, value in zip(items, values, strict=True):
        if it.client._shaper:
            value = it.client._shaper.result(it.model, it.action, it.args, value)
        out.append(it.post(value) if it.post else value)
    return out


async def _send_batch(
    client: Client, queries: list[Query], isolation: IsolationLevel | None
) -> list[ResultSet]:
    adapter, observer = client.adapter, client._observer
    if not observer.active:
        return list(await adapter.batch(queries, isolation=isolation))
    with observer.operation(adapter, adapter, None, "batch") as observed:
        return await observed.batch(queries, isolation=isolation)


# ---- hooks around a batch's operations ------------------------------------------------------


class _Park:
    """What a hook's innermost `next` awaits inside a batch: the batch's result for its operation."""

    def __init__(self, item: Item) -> None:
        self.item = item

    def __await__(self) -> Generator[Any, Any, Any]:
        return (yield self)


class _Forward:
    """Pass something a hook awaits (a Future, a bare yield) to the caller's event loop."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def __await__(self) -> Generator[Any, Any, Any]:
        return (yield self.value)


async def _step(
    coro: Coroutine[Any, Any, Any], send_value: Any = None, error: BaseException | None = None
) -> tuple[str, Any]:
    """Run `coro` until it finishes ("done", value), fails ("error", exc) or parks ("parked", _Park)."""
    while True:
        try:
            y = coro.throw(error) if error is not None else coro.send(send_value)
        except StopIteration as stop:
            return "done", stop.value
        except BaseException as e:  # noqa: BLE001 - handed to the caller as the hook's outcome
            return "error", e
        if isinstance(y, _Park):
            return "parked", y
        error, send_value = None, None
        try:
            send_value = await _Forward(y)
        except BaseException as e:  # noqa: BLE001 - thrown into the hook, as its own await would
            error = e


async def _hooked(client: Client, items: list[Item], isolation: IsolationLevel | None) -> list[Any]:
    coros = []
    for it in items:
        hooks = it.client._ext.hooks(it.model.name, it.action) if it.client._ext else ()

        async def terminal(a: Any, it: Item = it) -> Any:
            return await _Park(Item(it.client, it.model, it.action, a, it.post))

        coros.append(run_hooked(hooks, it.model.name, it.action, it.args, terminal))
    states = [await _step(c) for c in coros]
    failed = next((v for kind, v in states if kind == "error"), None)
    parked = [(i, v.item) for i, (kind, v) in enumerate(states) if kind == "parked"]
    if failed is not None:
        for i, _ in parked:
            coros[i].close()
        raise failed
    try:
        results = await send(client, [item for _, item in parked], isolation) if parked else []
    except PrismaEdgeError as e:
        for i, _ in parked:  # each hook sees the batch's error (it cannot retry: the batch is over)
            await _step(coros[i], None, e)
        raise
    out: list[Any] = [v for _, v in states]
    for (i, _), result in zip(parked, results, strict=True):
        kind, value = await _step(coros[i], result)
        if kind == "parked":
            coros[i].close()
            raise ClientError(
                "a query hook called next() twice inside db.batch(); the batch had already gone out "
                "(retry the whole batch instead)"
            )
        if kind == "error":
            raise value
        out[i] = value
    return out
