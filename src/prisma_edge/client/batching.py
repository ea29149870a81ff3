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

Raw statements (`db.query_raw(...)` / `db.execute_raw(...)`, unawaited) are items too: one query
each, in the same request or transaction; the raw-SQL hooks do not run for them inside a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Generator, Sequence
from typing import TYPE_CHECKING, Any

from attrs import define

from ..compiler import compile_query
from ..compiler.arguments.raw import check_raw
from ..compiler.plan import NOT_FOUND_MARKER, Plan
from ..errors import ClientError, KnownRequestError, PrismaEdgeError
from ..fetch_adapters.base import IsolationLevel, Query, ResultSet, sql_rules
from ..schema.model import Model
from .db_errors import prisma_error
from .delegate import Operation
from .error_fields import translate_fields
from .executor import check_static, execute_plan, not_found_from, shape_result, static_queries
from .extensions.events import observed_transaction
from .extensions.extend import run_hooked
from .raw import RawOperation
from .transactions import check_isolation

if TYPE_CHECKING:
    from .client import Client


@define
class Item:
    """One operation as the batch sends it (arguments after the hooks)."""

    client: Client
    model: Model | None  # None: a raw statement (`args` is its RawOperation)
    action: str
    args: Any
    post: Callable[[Any], Any] | None

    @property
    def raw(self) -> RawOperation | None:
        return self.args if self.model is None else None


async def run_batch(
    client: Client, operations: Sequence[Operation[Any] | RawOperation], isolation: IsolationLevel | None
) -> list[Any]:
    check_isolation(isolation)
    items = []
    for i, op in enumerate(operations):
        if isinstance(op, RawOperation):
            check_raw(op.sql, op.params)  # awaited alone, the client's raw path checks it
            items.append(Item(op.client, None, op.action, op, None))
        elif isinstance(op, Operation):
            items.append(Item(op.delegate._client, op.delegate._model, op.action, op.args, op.post))
        else:
            raise ClientError(
                f"batch item {i} is {type(op).__name__}; pass unawaited operations like db.user.create(...)"
            )
    if not any(it.model is not None and it.client._ext and it.client._ext.hooks(it.model.name, it.action)
               for it in items):
        return await send(client, items, isolation)
    return await _hooked(client, items, isolation)


async def send(client: Client, items: list[Item], isolation: IsolationLevel | None) -> list[Any]:
    adapter = client.adapter
    shaped = [
        it.client._shaper.args(it.model, it.action, it.args) if it.model is not None and it.client._shaper else it.args
        for it in items
    ]
    # a raw statement is one static query of its own: no plan
    compiled = [
        None if it.model is None else
        compile_query(client.schema, it.model.name, it.action, a, sql_rules(adapter), client.plan_cache, in_batch=True)
        for it, a in zip(items, shaped, strict=True)
    ]
    try:
        values: list[Any] = []
        if all(c is None or c[0].static for c in compiled) and not _checks_between(items, sql_rules(adapter)):
            per_op = [[it.raw.query(adapter.dialect)] if it.raw is not None else static_queries(c[0], c[1], adapter.dialect)
                      for it, c in zip(items, compiled, strict=True)]
            flat = [q for qs in per_op for q in qs]
            results = await _send_batch(client, flat, isolation) if flat else []
            i = 0
            for it, c, qs in zip(items, compiled, per_op, strict=True):
                part = list(results[i : i + len(qs)])
                i += len(qs)
                if it.raw is not None:
                    values.append(it.raw.shape(part[0]))
                    continue
                assert c is not None
                check_static(c[0], part)
                values.append(shape_result(c[0], part))  # type: ignore[arg-type]
        else:
            observer = client._observer
            opened = (
                observed_transaction(observer, adapter, None, "batch", {"isolation": isolation})
                if observer.active
                else adapter.transaction(isolation=isolation)
            )
            async with opened as conn:
                for c, it in zip(compiled, items, strict=True):
                    model_name = it.model.name if it.model is not None else None
                    if observer.active:
                        with observer.operation(adapter, conn, model_name, it.action, raw=c is None) as observed:
                            values.append(await _run_item(observed, it, c))
                    else:
                        values.append(await _run_item(conn, it, c))
    except KnownRequestError as e:
        for it in items:
            if it.model is not None:
                translate_fields(e, it.model)
        raise
    except PrismaEdgeError as e:
        only = items[0].model if len(items) == 1 else None
        mapped = prisma_error(not_found_from(e, _not_found_message(compiled)), only, adapter.dialect)
        if mapped is e:
            raise
        raise mapped from e
    out = []
    for it, value in zip(items, values, strict=True):
        if it.model is not None and it.client._shaper:
            value = it.client._shaper.result(it.model, it.action, it.args, value)
        out.append(it.post(value) if it.post else value)
    return out


def _checks_between(items: list[Item], dialect: str) -> bool:
    """Whether the batch must run step by step in a transaction, so that a `find_*_or_raise`
    fails before the batch commits: where the database cannot fail a statement on purpose
    (MySQL; compiler/required.py). Elsewhere the batch's own SQL fails."""
    if not any(it.model is not None and it.action.endswith("_or_raise") for it in items):
        return False
    from ..compiler.required import in_sql  # sqlglot: loaded by now (a plan was compiled or preloaded)
    from ..compiler.sql.dialects import rules_for

    return not in_sql(rules_for(dialect))


def _not_found_message(compiled: list[tuple[Plan, list[Any]] | None]) -> str:
    """Prisma's P2025 detail for a failed batch: that of the operation that can fail with it when
    only one kind can (a batch's error does not say which statement failed)."""
    kinds = {c[0].not_found for c in compiled if c is not None and _can_miss(c[0])}
    return kinds.pop() if len(kinds) == 1 else "A record an operation in the batch needs was not found."


def _can_miss(plan: Plan) -> bool:
    """Whether `plan` fails on a missing record (a checked step, or a guard in its SQL)."""
    return any(s.require in ("found", "affected") or NOT_FOUND_MARKER in s.statement.sql for s in plan.steps)


async def _run_item(conn: Any, it: Item, compiled: tuple[Any, list[Any]] | None) -> Any:
    """One item inside the batch's transaction (the non-static path)."""
    if it.raw is not None:
        return it.raw.shape(await conn.query(it.raw.query(conn.dialect)))
    assert compiled is not None
    return await execute_plan(conn, compiled[0], compiled[1], in_transaction=True)


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
        hooks = it.client._ext.hooks(it.model.name, it.action) if it.model is not None and it.client._ext else ()

        async def terminal(a: Any, it: Item = it) -> Any:
            return await _Park(Item(it.client, it.model, it.action, a, it.post))

        coros.append(run_hooked(hooks, it.model.name if it.model is not None else None, it.action, it.args, terminal))
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
