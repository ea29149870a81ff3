"""Malformed schemas: each raises SchemaError at the right line:column with a message naming the problem.

Every case marks where the error must point with `⟪` (removed before parsing). Unless a case
brings its own `datasource`, it gets a SQLite one, matching what `prisma validate` sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prisma_edge.errors import SchemaError
from prisma_edge.schema import parse_schema

MARK = "⟪"
SQLITE = 'datasource db {\n  provider = "sqlite"\n  url      = env("DATABASE_URL")\n}\n'
PG = 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n'
USER_POST = """
model User {
  id    Int    @id
  posts Post[]
}
"""

CASES: list[tuple[str, str, tuple[str, ...]]] = [
    ("unknown type with suggestion", """
model User {
  id   Int   @id
  name ⟪Strin
}""", ("unknown type `Strin` on field `name` of model `User`", "did you mean `String`?")),
    ("missing opposite relation field", """
model User {
  id Int @id
}
model Post {
  id       Int  @id
  authorId Int
  ⟪author   User @relation(fields: [authorId], references: [id])
}""", ("relation field `author` on model `Post` is missing an opposite relation field on the model `User`",)),
    ("duplicate model", """
model User {
  id Int @id
}
⟪model User {
  id Int @id
}""", ('model "User" cannot be defined because a model with that name already exists',)),
    ("duplicate field", """
model User {
  id   Int    @id
  ⟪id   String
}""", ('field "id" is already defined on model "User"',)),
    ("model without any unique criteria", """
⟪model Log {
  message String
}""", ("model `Log` needs a unique criteria", "@id")),
    ("fields/references length mismatch", USER_POST + """
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: ⟪[authorId, id], references: [id])
}""", ("same number of fields in `fields` and `references`",)),
    ("references a non-unique field", """
model User {
  id    Int    @id
  email String
  posts Post[]
}
model Post {
  id     Int    @id
  email  String
  author User   @relation(fields: [email], references: ⟪[email])
}""", ("`references` must refer to a unique criterion in the related model `User`", "email")),
    ("required relation over an optional scalar", USER_POST + """
model Post {
  id       Int  @id
  authorId Int?
  ⟪author   User @relation(fields: [authorId], references: [id])
}""", ("at least one of those fields is optional", "relation field must be optional")),
    ("unterminated string", """
model User {
  id   Int    @id
  name String @default(⟪"abc)
}""", ("unterminated string literal",)),
    ("unterminated block", """
⟪model User {
  id Int @id
""", ("unterminated block: model `User` is missing its closing `}`",)),
    ("unknown block keyword", """
⟪modle User {
  id Int @id
}""", ("unknown block keyword `modle`", "did you mean `model`?")),
    ("string default on Int", """
model User {
  id Int @id @default(⟪"x")
}""", ('`@default("x")` is not a valid Int value for field `id`',)),
    ("autoincrement on String", """
model User {
  id String @id @default(⟪autoincrement())
}""", ("`autoincrement()` cannot be used on fields of type `String`",)),
    ("@updatedAt on String", """
model User {
  id      Int    @id
  changed String ⟪@updatedAt
}""", ("@updatedAt must be of type DateTime", "`changed` is String")),
    ("unknown field attribute", """
model User {
  id    Int    @id
  email String ⟪@uniqe
}""", ("unknown attribute `@uniqe` on field `email`", "did you mean `@unique`?")),
    ("@@schema without the datasource's schemas", """
model User {
  id Int @id
  ⟪@@schema("auth")
}""", ("`@@schema` needs the datasource's `schemas` property",)),
    ("unsupported provider", """datasource db {
  provider = ⟪"cockroachdb"
  url      = env("DATABASE_URL")
}
model User {
  id Int @id
}""", ('unsupported datasource provider "cockroachdb"', '"postgresql"')),
    ("scalar list on sqlite", """
model User {
  id   Int      @id
  tags ⟪String[]
}""", ('field "tags" in model "User" can\'t be a list', "sqlite")),
    ("ambiguous relation", """
model User {
  id      Int    @id
  ⟪written Post[]
  edited  Post[]
}
model Post {
  id       Int  @id
  authorId Int
  editorId Int
  author   User @relation(fields: [authorId], references: [id])
  editor   User @relation(fields: [editorId], references: [id])
}""", ("ambiguous relation detected", "`written` and `edited`", "@relation(<name>)")),
    ("implicit m-n needs a single-field @id", """
model Team {
  org   String
  name  String
  users User[]
  @@id([org, name])
}
model User {
  id    Int    @id
  ⟪teams Team[]
}""", ("references `Team` which does not have a single-field `@id`",)),
    ("one-to-one over a non-unique field", """
model User {
  id      Int      @id
  profile Profile?
}
model Profile {
  id     Int  @id
  userId Int
  ⟪user   User @relation(fields: [userId], references: [id])
}""", ("one-to-one relation must use unique fields on the defining side", "`userId`")),
    ("one-to-one with fields on both sides", """
model User {
  id        Int     @id
  profileId Int     @unique
  profile   Profile @relation(fields: [profileId], references: [id])
}
model Profile {
  id     Int  @id
  userId Int  @unique
  ⟪user   User @relation(fields: [userId], references: [id])
}""", ("both provide the `fields`/`references` arguments",)),
    ("SetNull on a required relation", USER_POST + """
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id], onDelete: ⟪SetNull)
}""", ("must not be set to `SetNull` when a referenced field is required",)),
    ("enum default not in enum", """
enum Role {
  USER
  ADMIN
}
model User {
  id   Int  @id
  role Role @default(⟪OWNER)
}""", ("`OWNER` is not a valid value of enum `Role`",)),
    ("optional list", """
model User {
  id   Int    @id
  tags String[]⟪?
}""", ("optional lists are not supported",)),
    ("@id on an optional field", """
model User {
  id Int? ⟪@id
}""", ("fields that are marked as id must be required",)),
    ("unknown @relation argument", USER_POST + """
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(⟪field: [authorId], references: [id])
}""", ("unknown argument `field` for `@relation`", "did you mean `fields`?")),
    ("native type on sqlite", """
model User {
  id   Int    @id
  name String ⟪@db.VarChar(20)
}""", ("native type VarChar is not supported for sqlite connector",)),
    ("unknown native type", PG + """
model User {
  id   Int    @id
  name String ⟪@db.Varchar(20)
}""", ("unknown native type `@db.Varchar` for postgresql", "did you mean `@db.VarChar`?")),
    ("foreign key type mismatch", USER_POST + """
model Post {
  id       Int    @id
  authorId String
  author   User   @relation(fields: ⟪[authorId], references: [id])
}""", ("type of the field `authorId` in the model `Post` is not matching the type of the referenced field `id`",)),
    ("unknown referential action", USER_POST + """
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id], onDelete: ⟪Cascad)
}""", ("invalid referential action `Cascad`",)),
    ("two fields on one line", """
model User {
  id Int @id ⟪name String
}""", ("each declaration must be on its own line",)),
    ("fields names a missing field", USER_POST + """
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: ⟪[authorID], references: [id])
}""", ("must refer only to existing fields", "authorID")),
    ("invalid relationMode", """datasource db {
  provider     = "sqlite"
  url          = env("DATABASE_URL")
  relationMode = ⟪"emulated"
}
model User {
  id Int @id
}""", ('invalid relationMode "emulated"',)),
    ("unexpected character", """
model User {
  id Int @id ⟪$
}""", ("unexpected character `$`",)),
    ("empty enum", """
⟪enum Role {
}
model User {
  id Int @id
}""", ("enum `Role` must have at least one value",)),
    ("@@unique name clashes with a field", """
model User {
  id    Int    @id
  a     Int
  b     Int
  ⟪@@unique([a, b], name: "a")
}""", ("custom name `a` specified for the `@@unique` attribute is already used as a name for a field",)),
    ("invalid DateTime default", """
model User {
  id      Int      @id
  created DateTime @default(⟪"yesterday")
}""", ('`@default("yesterday")` is not a valid DateTime value',)),
    ("@relation on a scalar field", """
model User {
  id    Int    @id
  email String ⟪@relation("x")
}""", ("`@relation` can only be used on relation fields",)),
    ("SetDefault with relationMode prisma", """datasource db {
  provider     = "mysql"
  url          = env("DATABASE_URL")
  relationMode = "prisma"
}
""" + USER_POST + """
model Post {
  id       Int  @id
  authorId Int  @default(1)
  author   User @relation(fields: [authorId], references: [id], onDelete: ⟪SetDefault)
}""", ("invalid referential action `SetDefault` with relationMode",)),
    ("unnamed self relation", """
model Comment {
  id       Int       @id
  parentId Int?
  ⟪parent   Comment?  @relation(fields: [parentId], references: [id])
  replies  Comment[]
}""", ("ambiguous self relation detected", "`parent` and `replies`")),
    ("relation to an ignored model", """
model User {
  id    Int    @id
  ⟪posts Post[]
}
model Post {
  id       Int  @id
  authorId Int
  author   User @relation(fields: [authorId], references: [id])
  @@ignore
}""", ("must specify the `@ignore` attribute", "model Post it is pointing to is marked ignored")),
    ("@@fulltext outside MySQL", """
model Post {
  id    Int    @id
  title String
  ⟪@@fulltext([title])
}""", ("does not support fulltext indexes", "(sqlite)")),
    ("now() on a String", """
model User {
  id    Int    @id
  stamp String @default(⟪now())
}""", ("the function `now()` cannot be used on fields of type `String`",)),
    ("uuid version", """
model User {
  id String @id @default(⟪uuid(5))
}""", ("invalid arguments for `uuid(5)`", "4 or 7")),
    ("two datasources", """
⟪datasource other {
  provider = "sqlite"
  url      = "file:other.db"
}
model User {
  id Int @id
}""", ("more than one datasource",)),
    ("autoincrement on a non-id field on sqlite", """
model User {
  id  Int @id
  ⟪seq Int @default(autoincrement())
}""", ("`autoincrement()` default value is used on a non-id field",)),
    ("required back side of a one-to-one", """
model User {
  id      Int     @id
  ⟪profile Profile
}
model Profile {
  id     Int  @id
  userId Int  @unique
  user   User @relation(fields: [userId], references: [id])
}""", ("relation field `profile` on model `User` is required", "`Profile?`")),
    ("attribute arguments across lines", """
model A {
  id Int    @id
  a  String
  b  String
  @@unique⟪(
    [a, b]
  )
}""", ("unclosed `(`: missing `)`", "must be on one line")),
    ("trailing comma", """
model A {
  id Int    @id
  a  String
  b  String
  @@unique([a, b⟪,])
}""", ("trailing comma in list",)),
    ("exponent numbers are not PSL", """
model A {
  id Int   @id
  f  Float @default(1.5⟪e3)
}""", ("expected `,` or `)` in argument list, found `e3`",)),
    ("declaration on the opening line", """
model User { ⟪id Int @id
}""", ("must start on a new line after `{`",)),
    ("closing brace after a field", """
model User {
  id Int @id ⟪}""", ("the closing `}` must be on its own line",)),
    ("generator without provider", """
⟪generator client {
  output = "./gen"
}
model User {
  id Int @id
}""", ('argument "provider" is missing in generator block "client"',)),
]


def _locate(text: str) -> tuple[str, int, int]:
    """Remove the marker; return (text, 1-based line, 1-based column) of where it was."""
    at = text.index(MARK)
    before = text[:at]
    line = before.count("\n") + 1
    column = at - (before.rfind("\n") + 1) + 1
    return text.replace(MARK, "", 1), line, column


@pytest.mark.parametrize(("body", "fragments"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_malformed_schema_reports_line_column_and_problem(body: str, fragments: tuple[str, ...]):
    text = body if body.lstrip().startswith("datasource db") else SQLITE + body
    text, line, column = _locate(text)
    with pytest.raises(SchemaError) as info:
        parse_schema(text)
    err = info.value
    first = str(err).split("\n")[0]
    assert (err.line, err.column) == (line, column), first
    assert first.startswith(f"schema.prisma:{line}:{column}: "), first
    for fragment in fragments:
        assert fragment in first, first


def test_enough_cases():
    assert len(CASES) >= 25


def test_all_problems_are_listed_after_the_first():
    text = SQLITE + """
model User {
  id   Int   @id
  name Strin
  age  Innt
}
"""
    with pytest.raises(SchemaError) as info:
        parse_schema(text)
    err = info.value
    assert (err.line, err.column) == (8, 8)
    assert "and 1 more problem" in str(err)
    assert "schema.prisma:9:8: unknown type `Innt`" in str(err)
    assert [(e.line, e.column) for e in err.errors] == [(8, 8), (9, 8)]


def test_errors_name_the_source_file():
    with pytest.raises(SchemaError, match=r"^prisma/app\.prisma:1:1: unknown block keyword"):
        parse_schema("modle X {\n}\n", source_name="prisma/app.prisma")


def test_secret_url_never_appears_in_errors_or_reprs():
    secret = "postgresql://admin:hunter2@db.example.com/app"
    text = f'datasource db {{\n  provider = "postgresql"\n  url = "{secret}"\n  directUrl = "{secret}"\n}}\n'
    schema = parse_schema(text + "model A {\n  id Int @id\n}\n")
    assert schema.datasource is not None and schema.datasource.url == secret
    assert "hunter2" not in repr(schema) and "hunter2" not in repr(schema.datasource)
    with pytest.raises(SchemaError) as info:
        parse_schema(text + "model A {\n  id Int @id\n  x Strin\n}\n")
    assert "hunter2" not in str(info.value)


# -- robustness: any edit of a valid schema parses or raises SchemaError with a position -----------

_VALID = [p.read_text(encoding="utf-8") for p in sorted((Path(__file__).parent / "schemas").glob("*.prisma"))]
_PIECES = ['{', '}', '(', ')', '[', ']', ',', ':', '=', '?', '.', '"', '@', '@@', '\n', '///', 'model', 'enum', 'Int',
           'String', 'Post', 'User', '[]', '@id', '@unique', '@ignore', '@@ignore', '@relation("X")',
           '@relation(fields: [id], references: [id])', '@default(1)', '@default(now())', '@@id([id])',
           '@@unique([id])', '@map("x")', '@db.Text', 'onDelete: SetNull', '']
_edit = st.tuples(st.sampled_from(["delete", "insert", "replace_line", "duplicate_line"]),
                  st.floats(0, 1, exclude_max=True), st.integers(0, 40), st.sampled_from(_PIECES))


def _apply(text: str, edit: tuple[str, float, int, str]) -> str:
    op, where, size, piece = edit
    if op in ("delete", "insert"):
        at = int(where * (len(text) + 1))
        return text[:at] + text[at + size:] if op == "delete" else text[:at] + piece + text[at:]
    lines = text.split("\n")
    k = int(where * len(lines))
    if op == "replace_line":
        words = lines[k].split(" ")
        words[size % len(words)] = piece
        lines[k] = " ".join(words)
    else:
        lines.insert(k, lines[(k + size) % len(lines)])
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(_VALID), st.lists(_edit, min_size=1, max_size=3))
def test_edited_schemas_parse_or_fail_with_a_position(text: str, edits: list[tuple[str, float, int, str]]):
    for edit in edits:
        text = _apply(text, edit)
    try:
        parse_schema(text)
    except SchemaError as e:
        assert e.line >= 1 and e.column >= 1, str(e)
