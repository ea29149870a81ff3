"""Hypothesis strategies: nested writes on tests/schemas/steps.prisma, from a fixed seed.

Every kind of relation the schema has (1-1 from both sides, 1-n with optional and required
foreign keys, implicit m-n, self 1-n and self m-n, @db.Uuid and composite keys) with the nested
operations Prisma accepts on it, nested up to two levels, plus atomic number updates. Selectors
come from small pools that hit both existing and missing records, so P2025 / P2002 cases occur.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

T1, T2, T3 = (
    "00000000-0000-4000-8000-000000000001",
    "00000000-0000-4000-8000-000000000002",
    "00000000-0000-4000-8000-000000000003",
)
P1, P2, P3 = (
    "aaaaaaaa-0000-4000-8000-000000000001",
    "aaaaaaaa-0000-4000-8000-000000000002",
    "aaaaaaaa-0000-4000-8000-000000000003",
)

# the seed: (model, data) created in this order with flat creates; join rows after
SEED: list[tuple[str, dict[str, Any]]] = [
    ("User", {"email": "ann@x.io", "name": "Ann", "karma": 3}),
    ("User", {"email": "ben@x.io", "karma": 1}),
    ("User", {"email": "cat@x.io"}),
    ("Profile", {"bio": "ann", "userId": 1}),
    ("Profile", {"bio": "free"}),
    ("Post", {"title": "A1", "views": 10, "authorId": 1}),
    ("Post", {"title": "A2", "authorId": 1}),
    ("Post", {"title": "B1", "views": 5, "authorId": 2}),
    ("Post", {"title": "Orphan", "views": 1}),
    ("Tag", {"name": "red"}),
    ("Tag", {"name": "green"}),
    ("Tag", {"name": "blue"}),
    ("Category", {"name": "root"}),
    ("Category", {"name": "a", "depth": 1, "parentId": 1}),
    ("Category", {"name": "b", "depth": 1, "parentId": 1}),
    ("Team", {"id": T1, "name": "alpha"}),
    ("Team", {"id": T2, "name": "beta"}),
    ("Label", {"code": "urgent", "name": "Urgent"}),
    ("Label", {"code": "infra", "name": "Infra"}),
    ("Member", {"teamId": T1, "handle": "ada", "role": "lead"}),
    ("Member", {"teamId": T1, "handle": "bob"}),
    ("Member", {"teamId": T2, "handle": "ada"}),
    ("Project", {"id": P1, "title": "site", "teamId": T1}),
    ("Project", {"id": P2, "title": "app", "teamId": T2}),
    ("Task", {"title": "t1", "projectId": P1, "ownerTeam": T1, "ownerHandle": "ada"}),
    ("Task", {"title": "t2", "projectId": P1}),
]
LINKS = [
    ("_PostToTag", 1, 1),
    ("_PostToTag", 1, 2),
    ("_PostToTag", 3, 2),
    ("_Follows", 1, 2),
    ("_Follows", 2, 1),
    ("_Follows", 3, 1),
    ("_LabelToTeam", "urgent", T1),
]


def unique(model: str) -> st.SearchStrategy[dict[str, Any]]:
    """A unique selector that finds a seeded record, sometimes one made by the write, or none."""
    return {
        "User": st.one_of(
            st.builds(lambda i: {"id": i}, st.integers(1, 5)),
            st.sampled_from([{"email": "ann@x.io"}, {"email": "cat@x.io"}, {"email": "new1@x.io"}]),
        ),
        "Profile": st.builds(lambda i: {"id": i}, st.integers(1, 3)),
        "Post": st.builds(lambda i: {"id": i}, st.integers(1, 6)),
        "Tag": st.one_of(
            st.builds(lambda i: {"id": i}, st.integers(1, 4)),
            st.sampled_from([{"name": "red"}, {"name": "blue"}, {"name": "new"}]),
        ),
        "Category": st.one_of(
            st.builds(lambda i: {"id": i}, st.integers(1, 4)),
            st.sampled_from([{"name": "a"}, {"name": "new"}]),
        ),
        "Team": st.sampled_from([{"id": T1}, {"id": T2}, {"id": T3}, {"name": "beta"}]),
        "Label": st.sampled_from([{"code": "urgent"}, {"code": "infra"}, {"code": "misc"}]),
        "Member": st.sampled_from(
            [{"teamId_handle": {"teamId": t, "handle": h}} for t in (T1, T2) for h in ("ada", "bob")]
        ),
        "Project": st.sampled_from([{"id": P1}, {"id": P2}, {"id": P3}]),
        "Task": st.builds(lambda i: {"id": i}, st.integers(1, 3)),
    }[model]


def filt(model: str) -> st.SearchStrategy[dict[str, Any]]:
    """A simple filter on the model's own columns (updateMany / deleteMany)."""
    return {
        "User": st.sampled_from([{}, {"karma": {"gte": 1}}, {"name": None}]),
        "Profile": st.sampled_from([{}, {"bio": "ann"}]),
        "Post": st.sampled_from([{}, {"views": {"gt": 2}}, {"title": {"startsWith": "A"}}]),
        "Tag": st.sampled_from([{}, {"name": {"in": ["red", "blue", "new"]}}]),
        "Category": st.sampled_from([{}, {"depth": {"gte": 1}}]),
        "Team": st.sampled_from([{}, {"name": "alpha"}]),
        "Label": st.sampled_from([{}, {"code": "infra"}]),
        "Member": st.sampled_from([{}, {"handle": "ada"}]),
        "Project": st.sampled_from([{}, {"title": "site"}]),
        "Task": st.sampled_from([{}, {"done": False}]),
    }[model]


def num_update() -> st.SearchStrategy[Any]:
    return st.one_of(
        st.integers(0, 9),
        st.builds(
            lambda op, n: {op: n},
            st.sampled_from(["increment", "decrement", "multiply", "set"]),
            st.integers(0, 3),
        ),
    )


def scalars(model: str, creating: bool) -> st.SearchStrategy[dict[str, Any]]:
    """Scalar data; on create the required fields (ids of Uuid models given, so runs agree)."""

    def opt(d: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
        return st.fixed_dictionaries({}, optional=d)

    if model == "User":
        base = opt(
            {"name": st.sampled_from(["Zed", None]), "karma": st.integers(0, 5) if creating else num_update()}
        )
        return (
            st.builds(
                lambda e, b: {"email": e, **b}, st.sampled_from(["new1@x.io", "new2@x.io", "ann@x.io"]), base
            )
            if creating
            else opt(
                {
                    "email": st.sampled_from(["new3@x.io", "ben@x.io"]),
                    "name": st.sampled_from(["Y", None]),
                    "karma": num_update(),
                }
            )
        )
    if model == "Profile":
        return opt({"bio": st.sampled_from(["b", None])})
    if model == "Post":
        d = opt(
            {
                "content": st.sampled_from(["c", None]),
                "views": st.integers(0, 5) if creating else num_update(),
            }
        )
        return (
            st.builds(lambda t, x: {"title": t, **x}, st.sampled_from(["N1", "N2"]), d)
            if creating
            else opt({"title": st.just("T"), "views": num_update()})
        )
    if model == "Tag":
        return (
            st.builds(lambda n: {"name": n}, st.sampled_from(["new", "new2", "red"]))
            if creating
            else opt({"name": st.sampled_from(["renamed", "blue"])})
        )
    if model == "Category":
        d = opt({"depth": st.integers(0, 3) if creating else num_update()})
        return (
            st.builds(lambda n, x: {"name": n, **x}, st.sampled_from(["new", "new2", "a"]), d)
            if creating
            else opt({"depth": num_update(), "name": st.just("renamed")})
        )
    if model == "Team":
        return (
            st.builds(
                lambda i, n: {"id": i, "name": n},
                st.sampled_from([T3, T1]),
                st.sampled_from(["gamma", "alpha"]),
            )
            if creating
            else opt({"name": st.sampled_from(["delta", "beta"])})
        )
    if model == "Label":
        return (
            st.builds(lambda c: {"code": c, "name": "L"}, st.sampled_from(["misc", "urgent"]))
            if creating
            else opt({"name": st.just("M")})
        )
    if model == "Member":
        return (
            st.builds(
                lambda h, r: {"handle": h, **r}, st.sampled_from(["cy", "ada"]), opt({"role": st.just("x")})
            )
            if creating
            else opt({"role": st.just("y")})
        )
    if model == "Project":
        return (
            st.builds(
                lambda i, t: {"id": i, "title": t},
                st.sampled_from([P3, P1]),
                st.sampled_from(["new", "site"]),
            )
            if creating
            else opt({"title": st.sampled_from(["new", "app"])})
        )
    if model == "Task":
        return (
            st.builds(lambda t: {"title": t}, st.just("tn"))
            if creating
            else opt({"done": st.booleans(), "title": st.just("tu")})
        )
    raise KeyError(model)


# relation field -> (target model, kind). kinds: list (child FK), mn (implicit m-n), one_parent (1-1,
# child FK), fk_opt / fk_req (this record holds the FK)
RELATIONS: dict[str, dict[str, tuple[str, str]]] = {
    "User": {
        "posts": ("Post", "list"),
        "followers": ("User", "mn"),
        "following": ("User", "mn"),
        "profile": ("Profile", "one_parent"),
    },
    "Profile": {"user": ("User", "fk_opt")},
    "Post": {"author": ("User", "fk_opt"), "tags": ("Tag", "mn")},
    "Tag": {"posts": ("Post", "mn")},
    "Category": {"parent": ("Category", "fk_opt"), "children": ("Category", "list")},
    "Team": {
        "projects": ("Project", "list_req"),
        "labels": ("Label", "mn"),
        "members": ("Member", "list_req"),
    },
    "Label": {"teams": ("Team", "mn")},
    "Member": {"tasks": ("Task", "list"), "team": ("Team", "fk_req")},
    "Project": {"team": ("Team", "fk_req"), "tasks": ("Task", "list_req")},
    "Task": {"project": ("Project", "fk_req"), "owner": ("Member", "fk_opt")},
}
# a nested create may not name the relation that points back at its parent (Prisma's input types)
BACK = {
    ("User", "posts"): "author",
    ("User", "profile"): "user",
    ("Post", "author"): "posts",
    ("Post", "tags"): "posts",
    ("Tag", "posts"): "tags",
    ("Category", "children"): "parent",
    ("Category", "parent"): "children",
    ("Team", "projects"): "team",
    ("Team", "labels"): "teams",
    ("Team", "members"): "team",
    ("Label", "teams"): "labels",
    ("Member", "tasks"): "owner",
    ("Project", "team"): "projects",
    ("Project", "tasks"): "project",
    ("Task", "project"): "tasks",
    ("Task", "owner"): "tasks",
    ("Member", "team"): "members",
    ("User", "followers"): "following",
    ("User", "following"): "followers",
    ("Profile", "user"): "profile",
}


def create_data(model: str, depth: int, exclude: str | None = None) -> st.SearchStrategy[dict[str, Any]]:
    """Data of a create, with relation writes nested (create mode) while depth lasts."""
    rels = {k: v for k, v in RELATIONS[model].items() if k != exclude}
    required = {k: v for k, v in rels.items() if v[1] == "fk_req"}
    optional = {k: v for k, v in rels.items() if v[1] != "fk_req"} if depth > 0 else {}

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        data = dict(draw(scalars(model, True)))
        for k, (target, kind) in required.items():  # a required FK: connect (or create while depth lasts)
            data[k] = (
                draw(st.builds(lambda w: {"connect": w}, unique(target)))
                if depth == 0
                else draw(relation_ops(model, k, target, kind, depth - 1, creating=True))
            )
        for k in (
            draw(st.lists(st.sampled_from(sorted(optional)), max_size=2, unique=True)) if optional else []
        ):
            target, kind = optional[k]
            data[k] = draw(relation_ops(model, k, target, kind, depth - 1, creating=True))
        return data

    return build()


def update_data(model: str, depth: int) -> st.SearchStrategy[dict[str, Any]]:
    rels = RELATIONS[model] if depth >= 0 else {}

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        data = dict(draw(scalars(model, False)))
        for k in draw(st.lists(st.sampled_from(sorted(rels)), max_size=2, unique=True)) if rels else []:
            target, kind = rels[k]
            data[k] = draw(relation_ops(model, k, target, kind, depth - 1, creating=False))
        return data

    return build()


def relation_ops(
    model: str, field: str, target: str, kind: str, depth: int, creating: bool
) -> st.SearchStrategy[dict[str, Any]]:
    back = BACK.get((model, field))
    child = (
        create_data(target, max(depth, 0), exclude=back)
        if depth >= 0
        else create_data(target, 0, exclude=back)
    )
    child_flat = create_data(target, 0, exclude=back)
    upd = update_data(target, depth) if depth >= 0 else scalars(target, False)
    flat_upd = scalars(target, False)
    coc = st.builds(lambda w, c: {"where": w, "create": c}, unique(target), child_flat)
    ops: dict[str, st.SearchStrategy[Any]] = {
        "create": child,
        "connect": unique(target),
        "connectOrCreate": coc,
    }
    many = kind in ("list", "list_req", "mn")
    if many:
        ops["create"] = st.lists(child, min_size=1, max_size=2)
        ops["connect"] = st.lists(unique(target), min_size=1, max_size=2)
        ops["connectOrCreate"] = st.lists(coc, min_size=1, max_size=2)
    if kind in ("list", "list_req"):
        ops["createMany"] = st.builds(
            lambda rows, s: {"data": rows, "skipDuplicates": s},
            st.lists(scalars(target, True), min_size=1, max_size=2),
            st.booleans(),
        )
    if not creating:
        if many:
            ops["update"] = st.builds(lambda w, d: {"where": w, "data": d}, unique(target), upd)
            ops["updateMany"] = st.builds(lambda w, d: {"where": w, "data": d}, filt(target), flat_upd)
            ops["upsert"] = st.builds(
                lambda w, c, u: {"where": w, "create": c, "update": u}, unique(target), child_flat, flat_upd
            )
            ops["delete"] = unique(target)
            ops["deleteMany"] = filt(target)
            if kind != "list_req":
                ops["disconnect"] = st.lists(unique(target), min_size=1, max_size=2)
                ops["set"] = st.lists(unique(target), max_size=2)
        else:
            ops["update"] = upd
            ops["upsert"] = st.builds(lambda c, u: {"create": c, "update": u}, child_flat, flat_upd)
            if kind in ("one_parent", "fk_opt"):
                ops["disconnect"] = st.just(True)
                ops["delete"] = st.just(True)

    @st.composite
    def build(draw: Any) -> dict[str, Any]:
        names = sorted(ops)
        if many:
            chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
            if (
                "set" in chosen
            ):  # `set` alone in its field (its order against the others is not Prisma-defined)
                chosen = ["set"]
        else:
            chosen = [draw(st.sampled_from(names))]
        return {k: draw(ops[k]) for k in chosen}

    return build()


ROOTS = ["User", "Post", "Category", "Team", "Project", "Task", "Tag", "Member", "Profile"]


@st.composite
def nested_write(draw: Any) -> tuple[str, str, dict[str, Any] | None, dict[str, Any]]:
    """(model, "create" | "update", where, data)."""
    model = draw(st.sampled_from(ROOTS))
    if draw(st.booleans()):
        return model, "create", None, draw(create_data(model, 1))
    return model, "update", draw(unique(model)), draw(update_data(model, 1))
