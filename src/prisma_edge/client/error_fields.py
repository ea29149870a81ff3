"""Database names in errors -> the schema's field names (what Prisma reports in P2002's target)."""

from __future__ import annotations

from ..errors import KnownRequestError, UniqueConstraintError
from ..schema.model import Model


def translate_fields(e: KnownRequestError, model: Model) -> None:
    """Database column / constraint names in an error -> the schema's field names."""
    if not isinstance(e, UniqueConstraintError) or e.meta.get("translated"):
        return
    target = e.meta.get("target") or ()
    if isinstance(target, str):
        target = (target,)
    by_column = {f.db_name: f.name for f in model.fields}
    out: list[str] = []
    for t in target:
        if t in by_column:
            out.append(by_column[t])
            continue
        for u in model.uniques:  # a constraint/index name, e.g. User_email_key
            default = f"{model.db_name}_{'_'.join(model.field(n).db_name for n in u.fields if model.field(n))}_key"
            if t in (u.db_name, default, u.name):
                out.extend(u.fields)
                break
        else:
            out.append(t)
    e.meta["target"] = tuple(out)
    e.meta["translated"] = out != list(target)  # another model of a batch may still recognise them
    named = e.meta.get("constraint") or e.meta.get("index")
    # Prisma 7 names the constraint where the database reports one (PostgreSQL, MySQL), else the fields
    e.message = (f"Unique constraint failed on the constraint: `{named}`" if named else
                 f"Unique constraint failed on the fields: ({', '.join(f'`{x}`' for x in out)})")
    e.args = (e.message,)
