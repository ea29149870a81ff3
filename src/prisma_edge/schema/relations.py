"""Relations pass: pair every relation field with its opposite and attach a `Relation` to both.

Decides, the way `prisma validate` does, which side holds the foreign key, the exact join in both
directions, the referential actions (with their defaults and relationMode = "prisma" limits) and
the join table of implicit many-to-many relations.
"""

from __future__ import annotations

from prisma_edge.schema.drafts import FieldDraft, ModelDraft, Problems
from prisma_edge.schema.model import Relation
from prisma_edge.schema.parser import Expr
from prisma_edge.schema.psl_tables import REFERENTIAL_ACTIONS


def resolve_relations(models: dict[str, ModelDraft], p: Problems, provider: str, relation_mode: str) -> None:
    """Pair every relation field with its opposite and attach a `Relation` to both (see model.py)."""
    _Relations(models, p, provider, relation_mode).run()


class _Relations:
    def __init__(self, models: dict[str, ModelDraft], p: Problems, provider: str, relation_mode: str) -> None:
        self.models, self.p, self.provider, self.mode = models, p, provider, relation_mode

    def run(self) -> None:
        groups: dict[tuple[str, str, str], list[tuple[ModelDraft, FieldDraft]]] = {}
        explicit: dict[tuple[str, str, str], bool] = {}
        for m in self.models.values():
            for f in m.fields:
                if f.kind != "object":
                    continue
                if self.models[f.type].ignored and not (f.ignored or m.ignored):
                    self.p.add(f"the relation field `{f.name}` on model `{m.name}` must specify the `@ignore` "
                               f"attribute, because the model {f.type} it is pointing to is marked ignored",
                               f.decl)
                    continue
                named = self.name_of(f)
                a, b = sorted((m.name, f.type))
                key = (named or f"{a}To{b}", a, b)
                explicit[key] = named is not None
                groups.setdefault(key, []).append((m, f))
        for (name, a, b), members in groups.items():
            if a == b:
                self.self_group(name, members, explicit[(name, a, b)])
            else:
                self.pair_group(name, a, b, members, explicit[(name, a, b)])

    def name_of(self, f: FieldDraft) -> str | None:
        e = f.rel_args.get("name")
        if e is None:
            return None
        if e.kind != "string":
            self.p.add(f"the relation name must be a string, found `{e.describe()}`", e)
            return None
        return e.value

    def self_group(self, name: str, members: list[tuple[ModelDraft, FieldDraft]], named: bool) -> None:
        m = members[0][0]
        names = [f.name for _, f in members]
        listed = ", ".join(f"`{n}`" for n in names[:-1]) + f" and `{names[-1]}`"
        if len(members) == 1:
            self.missing_opposite(m, members[0][1])
        elif not named:
            self.p.add(f"ambiguous self relation detected: the fields {listed} in model `{m.name}` both refer "
                       f"to `{m.name}`; if they are part of the same relation add the same relation name for "
                       "them with `@relation(<name>)`", members[0][1].decl)
        elif len(members) > 2:
            self.p.add(f"wrongly named self relation detected: the fields {listed} in model `{m.name}` have "
                       "the same relation name; at most two relation fields can belong to the same relation",
                       members[0][1].decl)
        else:
            (_, f1), (_, f2) = members
            self.link(name, m, f1, m, f2)

    def pair_group(self, name: str, a: str, b: str, members: list[tuple[ModelDraft, FieldDraft]],
                   named: bool) -> None:
        sides = {a: [mf for mf in members if mf[0].name == a], b: [mf for mf in members if mf[0].name == b]}
        ok = True
        for model_name, side in sides.items():
            other = b if model_name == a else a
            if len(side) > 1:
                ok = False
                fields = " and ".join(f"`{f.name}`" for _, f in side)
                if named:
                    self.p.add(f"wrongly named relation detected: the fields {fields} in model `{model_name}` "
                               "both use the same relation name; please provide different relation names for "
                               "them through `@relation(<name>)`", side[0][1].decl)
                else:
                    self.p.add(f"ambiguous relation detected: the fields {fields} in model `{model_name}` both "
                               f"refer to `{other}`; please provide different relation names for them by adding "
                               "`@relation(<name>)`", side[0][1].decl)
            elif not side:
                ok = False
                for m, f in sides[other]:
                    self.missing_opposite(m, f)
        if ok:
            (m1, f1), (m2, f2) = sides[a][0], sides[b][0]
            self.link(name, m1, f1, m2, f2)

    def missing_opposite(self, m: ModelDraft, f: FieldDraft) -> None:
        self.p.add(f"the relation field `{f.name}` on model `{m.name}` is missing an opposite relation field "
                   f"on the model `{f.type}`", f.decl)

    # -- one relation, both sides ------------------------------------------------------------------

    def link(self, name: str, m1: ModelDraft, f1: FieldDraft, m2: ModelDraft, f2: FieldDraft) -> None:
        l1, l2 = f1.decl.is_list, f2.decl.is_list
        if l1 and l2:
            self.many_to_many(name, m1, f1, m2, f2)
            return
        has1 = "fields" in f1.rel_args or "references" in f1.rel_args
        has2 = "fields" in f2.rel_args or "references" in f2.rel_args
        if l1 != l2:  # one-to-many: the singular side holds the foreign key
            (mm, ff), (om, of) = ((m2, f2), (m1, f1)) if l1 else ((m1, f1), (m2, f2))
            if "fields" in of.rel_args or "references" in of.rel_args:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` must not specify the `fields` "
                           f"or `references` argument; specify them only on the opposite field `{ff.name}` on "
                           f"model `{mm.name}`", of.decl)
                return
            self.foreign_key(name, mm, ff, om, of, one_to_one=False)
            return
        later = max(f1.decl, f2.decl, key=lambda d: (d.line, d.column))
        if has1 and has2:
            self.p.add(f"the relation fields `{f1.name}` on model `{m1.name}` and `{f2.name}` on model "
                       f"`{m2.name}` both provide the `fields`/`references` arguments in the @relation "
                       "attribute; provide them only on one of the two fields", later)
        elif not has1 and not has2:
            self.p.add(f"the relation fields `{f1.name}` on model `{m1.name}` and `{f2.name}` on model "
                       f"`{m2.name}` do not provide the `fields` argument in the @relation attribute; provide "
                       "it on one of the two fields", later)
        else:
            (mm, ff), (om, of) = ((m1, f1), (m2, f2)) if has1 else ((m2, f2), (m1, f1))
            self.foreign_key(name, mm, ff, om, of, one_to_one=True)

    def many_to_many(self, name: str, m1: ModelDraft, f1: FieldDraft, m2: ModelDraft, f2: FieldDraft) -> None:
        bad = False
        for m, f in ((m1, f1), (m2, f2)):
            if "fields" in f.rel_args or "references" in f.rel_args:
                self.p.add(f"the many-to-many relation field `{f.name}` on model `{m.name}` must not specify "
                           "`fields` or `references`; implicit many-to-many relations use a join table "
                           "(write an explicit join model for your own columns)", f.decl)
                bad = True
            elif "onDelete" in f.rel_args or "onUpdate" in f.rel_args:
                self.p.add("referential actions on implicit many-to-many relations are not supported",
                           f.rel_args.get("onDelete") or f.rel_args["onUpdate"])
                bad = True
        for m, f, target in ((m1, f1, m2), (m2, f2, m1)):
            if len(target.primary_key) != 1 or not target.by_name[target.primary_key[0]].is_id:
                self.p.add(f"the relation field `{f.name}` on model `{m.name}` references `{target.name}` which "
                           "does not have a single-field `@id`; models without one cannot be part of an "
                           "implicit many-to-many relation (use an explicit join model)", f.decl)
                bad = True
        if bad:
            return
        if m1 is m2:  # self relation: as Prisma, the record of the field whose name sorts first is in A
            first, second = sorted((f1, f2), key=lambda f: f.name)
            cols = {id(first): ("A", "B"), id(second): ("B", "A")}
        else:
            cols = {id(f1): ("A", "B"), id(f2): ("B", "A")}  # m1.name < m2.name (sorted by the caller)
        for m, f, om, of in ((m1, f1, m2, f2), (m2, f2, m1, f1)):
            mine, theirs = cols[id(f)]
            f.relation = Relation(
                name=name, kind="many_to_many", to_model=om.name, opposite_field=of.name, holds_fk=False,
                on_delete="Cascade", on_update="Cascade", join_table=f"_{name}", self_column=mine,
                other_column=theirs, self_key=m.by_name[m.primary_key[0]].db_name,
                other_key=om.by_name[om.primary_key[0]].db_name,
            )

    def foreign_key(self, name: str, mm: ModelDraft, ff: FieldDraft, om: ModelDraft, of: FieldDraft,
                    *, one_to_one: bool) -> None:
        """`ff` on `mm` holds `fields`/`references` into `om`; `of` is the back-relation field."""
        where = f"the relation field `{ff.name}` on model `{mm.name}`"
        for key in ("onDelete", "onUpdate"):
            if key in of.rel_args:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` must not specify the `onDelete` "
                           f"or `onUpdate` argument; specify it only on the opposite field `{ff.name}` on model "
                           f"`{mm.name}`", of.rel_args[key])
                return
        for key in ("fields", "references"):
            if key not in ff.rel_args:
                self.p.add(f"{where} must specify the `{key}` argument in the @relation attribute", ff.decl)
                return
        fields = self.scalar_refs(mm, ff.rel_args["fields"], "fields", "this model")
        refs = self.scalar_refs(om, ff.rel_args["references"], "references", f"the related model `{om.name}`")
        if fields is None or refs is None:
            return
        if len(fields) != len(refs):
            self.p.add("you must specify the same number of fields in `fields` and `references`",
                       ff.rel_args["fields"])
            return
        if not any(set(u.fields) == set(refs) for u in om.uniques):
            self.p.add(f"the argument `references` must refer to a unique criterion in the related model "
                       f"`{om.name}`; consider adding `@unique` to `{refs[0] if len(refs) == 1 else refs}` or a "
                       "matching `@@unique`", ff.rel_args["references"])
            return
        for a, b in zip(fields, refs, strict=True):
            fa, fb = mm.by_name[a], om.by_name[b]
            if (fa.type, fa.decl.is_list) != (fb.type, fb.decl.is_list):
                self.p.add(f"the type of the field `{a}` in the model `{mm.name}` is not matching the type of "
                           f"the referenced field `{b}` in model `{om.name}`", ff.rel_args["fields"])
                return
        any_optional = any(not mm.by_name[n].required for n in fields)
        if ff.required and any_optional:
            self.p.add(f"{where} uses the scalar fields {', '.join(fields)}; at least one of those fields is "
                       "optional, hence the relation field must be optional as well", ff.decl)
            return
        if one_to_one:
            if not any(set(u.fields) == set(fields) for u in mm.uniques):
                self.p.add(f"a one-to-one relation must use unique fields on the defining side: add an "
                           f"`@unique` attribute to `{', '.join(fields)}` on model `{mm.name}`, or change the "
                           "relation to one-to-many", ff.decl)
                return
            if of.required:
                self.p.add(f"the relation field `{of.name}` on model `{om.name}` is required; this is invalid "
                           "because it's not possible to enforce this constraint on the database level: change "
                           f"the field type from `{of.type}` to `{of.type}?`", of.decl)
                return
        on_delete = self.action(ff, "onDelete", "SetNull" if any_optional else "Restrict", any_optional)
        on_update = self.action(ff, "onUpdate", "Cascade", any_optional)
        fk_name = self.string_arg(ff, "map")
        if self.mode == "prisma" and mm is om and not {on_delete, on_update} <= {"NoAction", "Restrict"}:
            implicit = [f"`{k}`: `{v}`" for k, v in (("onDelete", on_delete), ("onUpdate", on_update))
                        if k not in ff.rel_args]
            self.p.add("a self-relation must have `onDelete` and `onUpdate` referential actions set to "
                       "`NoAction` or `Restrict` with relationMode = \"prisma\""
                       + (f" (implicit default {' and '.join(implicit)})" if implicit else ""), ff.decl)
            return
        join = tuple((mm.by_name[a].db_name, om.by_name[b].db_name) for a, b in zip(fields, refs, strict=True))
        ff.relation = Relation(
            name=name, kind="one_to_one" if one_to_one else "many_to_one", to_model=om.name,
            opposite_field=of.name, holds_fk=True, fields=fields, references=refs, join=join,
            on_delete=on_delete, on_update=on_update, fk_name=fk_name,
        )
        of.relation = Relation(
            name=name, kind="one_to_one" if one_to_one else "one_to_many", to_model=mm.name,
            opposite_field=ff.name, holds_fk=False, fields=refs, references=fields,
            join=tuple((b, a) for a, b in join), on_delete=on_delete, on_update=on_update,
        )

    def scalar_refs(self, m: ModelDraft, e: Expr, key: str, where: str) -> tuple[str, ...] | None:
        if e.kind == "const":  # Prisma also takes a single field name without brackets
            e = Expr("array", "", e.line, e.column, items=(e,))
        if e.kind != "array" or not e.items or not all(isinstance(i, Expr) and i.kind == "const" for i in e.items):
            self.p.add(f"the argument `{key}` must be a list of field names such as `[authorId]`, found "
                       f"`{e.describe()}`", e)
            return None
        names = tuple(i.value for i in e.items)  # type: ignore[union-attr]
        missing = [n for n in names if n not in m.by_name or m.by_name[n].ignored]
        if missing:
            self.p.add(f"the argument `{key}` must refer only to existing fields in {where}; the following "
                       f"fields do not exist in `{m.name}`: {', '.join(missing)}", e)
            return None
        objects = [n for n in names if m.by_name[n].kind == "object"]
        if objects:
            self.p.add(f"the argument `{key}` must refer only to scalar fields; {', '.join(objects)} "
                       f"{'is a relation field' if len(objects) == 1 else 'are relation fields'}", e)
            return None
        return names

    def action(self, f: FieldDraft, key: str, default: str, any_optional: bool) -> str:
        e = f.rel_args.get(key)
        if e is None:
            return default
        if e.kind != "const" or e.value not in REFERENTIAL_ACTIONS:
            self.p.add(f"invalid referential action `{e.describe()}` for `{key}`; allowed values: "
                       f"{', '.join(f'`{a}`' for a in REFERENTIAL_ACTIONS)}", e)
            return default
        if e.value == "SetDefault" and self.mode == "prisma":
            self.p.add("invalid referential action `SetDefault` with relationMode = \"prisma\"; allowed "
                       "values: `Cascade`, `Restrict`, `NoAction`, `SetNull`", e)
        elif e.value == "NoAction" and self.mode == "prisma" and self.provider != "mysql":
            self.p.add(f"invalid referential action `NoAction`: it is not implemented for {self.provider} "
                       "with relationMode = \"prisma\"; use `Restrict` instead", e)
        elif e.value == "SetNull" and not any_optional:
            self.p.add(f"the `{key}` referential action of a relation must not be set to `SetNull` when a "
                       "referenced field is required; choose another action or make the fields optional", e)
        return e.value

    def string_arg(self, f: FieldDraft, key: str) -> str | None:
        """The string value of a `@relation` argument, or None (absent, or not a string: reported)."""
        e = f.rel_args.get(key)
        if e is None:
            return None
        if e.kind != "string":
            self.p.add(f"`{key}` in `@relation` must be a string, found `{e.describe()}`", e)
            return None
        return e.value
