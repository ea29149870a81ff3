"""Model delegates (`db.user`) and the lazy `Operation` each of their methods returns.

An Operation runs when awaited (`await db.user.find_many()`), like Prisma's lazy promises, so the
same call can also be handed to `db.batch([...])` unrun, to go out with others in one
transaction (and, on Neon over HTTP, in one request).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..errors import RecordNotFoundError
from ..fetch_adapters.base import Connection
from ..schema.model import Model

if TYPE_CHECKING:
    from .client import Client

T = TypeVar("T")


class Operation(Generic[T]):
    """One not-yet-run operation: model, action and arguments. Await it to run it."""

    __slots__ = ("action", "args", "delegate", "post")

    def __init__(
        self, delegate: ModelDelegate, action: str, args: dict[str, Any], post: Callable[[Any], Any] | None = None
    ) -> None:
        self.delegate = delegate
        self.action = action
        self.args = args
        self.post = post

    def __repr__(self) -> str:
        return f"<Operation {self.delegate._model.name}.{self.action}>"

    async def run(self) -> T:
        d = self.delegate
        result: T = await d._client._perform(d._model, self.action, self.args, d._conn, self.post)
        return result

    def __await__(self) -> Generator[Any, None, T]:
        return self.run().__await__()


class ModelDelegate:
    """`db.<model>`: Prisma's operations on one model."""

    def __init__(self, client: Client, model: Model, conn: Connection | None = None) -> None:
        self._client = client
        self._model = model
        self._conn = conn  # set inside an interactive transaction

    def __repr__(self) -> str:
        return f"<ModelDelegate {self._model.name}>"

    @property
    def model_name(self) -> str:
        """The model's name ("User"): Prisma's `getExtensionContext(this).$name`, for model methods."""
        return self._model.name

    def __getattr__(self, name: str) -> Any:
        """A model method from `db.extend(model=...)`, bound to this delegate."""
        if not name.startswith("_"):
            fn = self._client._ext.model_method(self._model.name, name)
            if fn is not None:
                import functools

                return functools.partial(fn, self)
        raise AttributeError(f"`{self._model.name}` has no operation or method `{name}`")

    def _run(self, action: str, args: dict[str, Any], post: Callable[[Any], Any] | None = None) -> Operation[Any]:
        """An operation from a method's own arguments (`locals()`): the ones given, by name."""
        return Operation(self, action, {k: v for k, v in args.items() if v is not None and k != "self"}, post)

    # ---- reads --------------------------------------------------------------------------

    def find_unique(
        self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None
    ) -> Operation[dict[str, Any] | None]:
        return self._run("find_unique", locals())

    def find_unique_or_raise(
        self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None
    ) -> Operation[dict[str, Any]]:
        return self._run("find_unique_or_raise", locals(), self._raise_if_none)

    def find_first(
        self,
        where: Mapping[str, Any] | None = None,
        *,
        order: Any = None,
        skip: int | None = None,
        cursor: Any = None,
        distinct: Any = None,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
        take: int | None = None,
    ) -> Operation[dict[str, Any] | None]:
        return self._run("find_first", locals())

    def find_first_or_raise(self, where: Mapping[str, Any] | None = None, **kwargs: Any) -> Operation[dict[str, Any]]:
        op = self.find_first(where, **kwargs)
        return Operation(self, "find_first_or_raise", op.args, self._raise_if_none)

    def _raise_if_none(self, record: Any) -> Any:
        if record is None:
            raise RecordNotFoundError.because("No record was found for a query.", model=self._model.name)
        return record

    def find_many(
        self,
        where: Mapping[str, Any] | None = None,
        *,
        take: int | None = None,
        skip: int | None = None,
        order: Any = None,
        cursor: Any = None,
        distinct: Any = None,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
    ) -> Operation[list[dict[str, Any]]]:
        return self._run("find_many", locals())

    def count(
        self,
        where: Mapping[str, Any] | None = None,
        *,
        take: int | None = None,
        skip: int | None = None,
        order: Any = None,
        cursor: Any = None,
        distinct: Any = None,
        select: Any = None,
    ) -> Operation[Any]:
        return self._run("count", locals())

    def aggregate(
        self,
        where: Mapping[str, Any] | None = None,
        *,
        take: int | None = None,
        skip: int | None = None,
        order: Any = None,
        cursor: Any = None,
        _count: Any = None,
        _sum: Any = None,
        _avg: Any = None,
        _min: Any = None,
        _max: Any = None,
    ) -> Operation[dict[str, Any]]:
        """`{"_count": {"_all": n}, "_sum": {"views": 10}, ...}` over the rows the window selects."""
        return self._run("aggregate", locals())

    def group_by(
        self,
        by: Any,
        *,
        where: Mapping[str, Any] | None = None,
        having: Mapping[str, Any] | None = None,
        order: Any = None,
        take: int | None = None,
        skip: int | None = None,
        _count: Any = None,
        _sum: Any = None,
        _avg: Any = None,
        _min: Any = None,
        _max: Any = None,
    ) -> Operation[list[dict[str, Any]]]:
        """One dict per group: the `by` fields plus the requested aggregates."""
        return self._run("group_by", locals())

    # ---- writes -------------------------------------------------------------------------

    def create(
        self, data: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None
    ) -> Operation[dict[str, Any]]:
        return self._run("create", locals())

    def create_many(self, data: list[Mapping[str, Any]] | Mapping[str, Any], *, skip_duplicates: bool | None = None) -> Operation[int]:
        return self._run("create_many", locals())

    def update(
        self,
        data: Mapping[str, Any],
        where: Mapping[str, Any],
        *,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
    ) -> Operation[dict[str, Any]]:
        return self._run("update", locals())

    def create_many_and_return(
        self,
        data: list[Mapping[str, Any]] | Mapping[str, Any],
        *,
        skip_duplicates: bool | None = None,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
    ) -> Operation[list[dict[str, Any]]]:
        """Like create_many, returning the created records (PostgreSQL and SQLite; scalar fields)."""
        return self._run("create_many_and_return", locals())

    def update_many_and_return(
        self,
        data: Mapping[str, Any],
        where: Mapping[str, Any] | None = None,
        *,
        limit: int | None = None,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
    ) -> Operation[list[dict[str, Any]]]:
        """Like update_many, returning the updated records (PostgreSQL and SQLite; scalar fields)."""
        return self._run("update_many_and_return", locals())

    def update_many(
        self, data: Mapping[str, Any], where: Mapping[str, Any] | None = None, *, limit: int | None = None
    ) -> Operation[int]:
        return self._run("update_many", locals())

    def upsert(
        self,
        where: Mapping[str, Any],
        data: Mapping[str, Any] | None = None,
        *,
        create: Mapping[str, Any] | None = None,
        update: Mapping[str, Any] | None = None,
        select: Any = None,
        include: Any = None,
        omit: Any = None,
    ) -> Operation[dict[str, Any]]:
        return self._run("upsert", locals())

    def delete(
        self, where: Mapping[str, Any], *, select: Any = None, include: Any = None, omit: Any = None
    ) -> Operation[dict[str, Any]]:
        return self._run("delete", locals())

    def delete_many(self, where: Mapping[str, Any] | None = None, *, limit: int | None = None) -> Operation[int]:
        return self._run("delete_many", locals())
