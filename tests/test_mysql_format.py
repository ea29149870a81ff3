"""Client-side MySQL interpolation: exact literals, then a hypothesis fuzz against real MariaDB.

The unit tests are pure and run in Pyodide too. The fuzz tests (marked `no_pyodide`: they use
PyMySQL as the oracle connection) send generated values through `interpolate` to a throwaway
MariaDB database and check two things: every value comes back exactly, and no value can change
the statement's shape (one row, one column per value, the table and its row count intact).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from prisma_edge.errors import ClientError
from prisma_edge.fetch_adapters.protocols.mysql.format import interpolate

ROOT = Path(__file__).resolve().parent.parent

# ---------------------------------------------------------------------------------------------
# exact literals (pure)


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        (None, "NULL"),
        (True, "true"),
        (False, "false"),
        (0, "0"),
        (-9223372036854775808, "-9223372036854775808"),
        (18446744073709551615, "18446744073709551615"),
        (1.5, "1.5e0"),
        (-0.25, "-0.25e0"),
        (1e16, "1e+16"),
        (5e-324, "5e-324"),
        (Decimal("1E+5"), "100000"),
        (Decimal("-0.000000000000000000000000000001"), "-0.000000000000000000000000000001"),
        (Decimal("12345678901234567890123456789012345.123456789012345678901234567890"),
         "12345678901234567890123456789012345.123456789012345678901234567890"),
        ("", "''"),
        ("plain text", "'plain text'"),
        ("it's", "'it''s'"),
        ('say "hi"', "'say \\\"hi\\\"'"),
        ("back\\slash", "'back\\\\slash'"),
        ("\0\b\n\r\t\x1a", "'\\0\\b\\n\\r\\t\\Z'"),
        ("\\'", "'\\\\'''"),
        ("emoji 😀 and ü", "'emoji 😀 and ü'"),
        (b"", "X''"),
        (b"\x00\x01\xff'", "X'0001ff27'"),
        (bytearray(b"\xab"), "X'ab'"),
        (memoryview(b"\xcd"), "X'cd'"),
        (dt.datetime(2024, 1, 2, 3, 4, 5, 6), "'2024-01-02 03:04:05.000006'"),
        (dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))), "'2024-01-02 01:04:05.000000'"),
        (dt.datetime(999, 1, 1, tzinfo=dt.UTC), "'0999-01-01 00:00:00.000000'"),
        (dt.date(2024, 2, 29), "'2024-02-29'"),
        (dt.date(5, 1, 1), "'0005-01-01'"),
        (dt.time(23, 59, 59, 999999), "'23:59:59.999999'"),
        (dt.time(1, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))), "'23:00:00.000000'"),
    ],
)
def test_literal_for_each_type(value, literal):
    assert interpolate("SELECT ?", [value]) == f"SELECT {literal}"


def test_string_escaping_matches_database_js_capture():
    # protocols.md C.7, captured from @planetscale/database 1.20.2
    assert interpolate("?", ['it\'s "q"\n\\']) == "'it''s \\\"q\\\"\n\\\\'".replace("\n", "\\n")


def test_placeholders_replaced_in_order_and_sql_around_them_kept():
    sql = "SELECT `a` FROM `t` WHERE `a` = ? AND `b` IN (?, ?) LIMIT ?"
    assert interpolate(sql, ["x", 1, 2, 10]) == "SELECT `a` FROM `t` WHERE `a` = 'x' AND `b` IN (1, 2) LIMIT 10"


def test_no_params_and_no_placeholders_returns_sql_unchanged():
    assert interpolate("SELECT 1", []) == "SELECT 1"


def test_question_marks_in_literals_comments_and_names_are_not_placeholders():
    sql = "SELECT '?', \"?\", `?`, 'it''s ?', 'a\\'?', @`?`, ? -- ?\n, ? /* ? */ # ?"
    assert interpolate(sql, [1, 2]) == "SELECT '?', \"?\", `?`, 'it''s ?', 'a\\'?', @`?`, 1 -- ?\n, 2 /* ? */ # ?"


def test_double_dash_without_space_is_not_a_comment():
    assert interpolate("SELECT 1--?", [2]) == "SELECT 1--2"


def test_negative_number_after_minus_cannot_form_a_comment_marker():
    assert interpolate("SELECT 1-?", [-1]) == "SELECT 1-(-1)"
    assert interpolate("SELECT 1-?", [Decimal("-1.5")]) == "SELECT 1-(-1.5)"
    assert interpolate("SELECT 1 - ?", [-1]) == "SELECT 1 - -1"


def test_value_never_glues_onto_an_identifier_or_next_placeholder():
    assert interpolate("SELECT x=?FROM t", [1]) == "SELECT x=1 FROM t"
    assert interpolate("SELECT ??", [1, 2]) == "SELECT 1 2"
    assert interpolate("SELECT @a?", [1]) == "SELECT @a 1"


def test_too_few_params_is_a_clear_error():
    with pytest.raises(ClientError, match=r"2 `\?` placeholder\(s\) but 1 parameter\(s\)"):
        interpolate("SELECT ?, ?", [1])


def test_too_many_params_is_a_clear_error():
    with pytest.raises(ClientError, match=r"1 `\?` placeholder\(s\) but 2 parameter\(s\)"):
        interpolate("SELECT ?", [1, 2])


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf"), Decimal("NaN"), Decimal("-Infinity")])
def test_non_finite_numbers_are_refused(value):
    with pytest.raises(ClientError, match="NaN or infinity"):
        interpolate("SELECT ?", [value])


def test_lone_surrogate_is_refused_without_echoing_the_value():
    with pytest.raises(ClientError, match="lone surrogate") as e:
        interpolate("SELECT ?", ["secret\ud800"])
    assert "secret" not in str(e.value)


@pytest.mark.parametrize("value", [{"a": 1}, [1, 2], (1,), {1}, object()])
def test_structured_and_unknown_values_are_refused(value):
    with pytest.raises(ClientError, match="parameter 1 has type"):
        interpolate("SELECT ?", [value])


def test_dict_error_says_to_serialise_json_first():
    with pytest.raises(ClientError, match="serialise JSON to a str"):
        interpolate("SELECT ?", [{"a": 1}])


def test_absurd_decimal_is_refused_before_rendering():
    with pytest.raises(ClientError, match="too large or too precise"):
        interpolate("SELECT ?", [Decimal("1E+500")])


def test_error_names_position_of_bad_parameter():
    with pytest.raises(ClientError, match="parameter 3"):
        interpolate("SELECT ?, ?, ?", [1, 2, float("nan")])


# ---------------------------------------------------------------------------------------------
# parity with the official driver (Node)


@pytest.mark.no_pyodide("runs the official @planetscale/database in Node")
def test_strings_render_exactly_like_database_js():
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules/@planetscale/database").is_dir():
        pytest.skip("node and node_modules/@planetscale/database are needed")
    samples = [
        "", "a", "'", "''", '"', "\\", "\\'", "\0", "\b\n\r\t\x1a", "'; DROP TABLE t; --", "/* ? */ -- #",
        "😀𝔘ü", "\u2028\u2029\x7f\x00'", "?", ":name", "a\\\\'b\"c", "x" * 300,
    ]
    script = (
        "import {format} from '@planetscale/database';"
        "let d='';process.stdin.on('data',c=>d+=c).on('end',()=>{"
        "console.log(JSON.stringify(JSON.parse(d).map(s=>format('?', [s]))))})"
    )
    out = subprocess.run(
        [node, "--input-type=module", "-e", script], input=json.dumps(samples), capture_output=True,
        text=True, cwd=ROOT, check=True, timeout=60,
    ).stdout
    official = json.loads(out)
    assert [interpolate("?", [s]) for s in samples] == official


# ---------------------------------------------------------------------------------------------
# fuzz against the real MariaDB

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

HOSTILE = [
    "'; DROP TABLE fuzz; --",
    "\\'; DROP TABLE fuzz; -- ",
    "' OR '1'='1",
    "\\",
    "\\\\'",
    "' -- ",
    "'/*",
    "*/'",
    "?",
    "'?'",
    "\0'\0",
    "\x1a\\Z",
    "', (SELECT 1), '",
    "\"; SELECT 1; --",
    "`",
    "\\0\\'\\\"",
    "#'",
    "\u00bf'",  # the classic GBK/SJIS trick; harmless in utf8mb4 but must stay intact
    "\uffff\U0010ffff",
]
SPECIAL = "'\"\\\0\b\n\r\t\x1a?#-/*;`%_ :@$"

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=40)
special_text = st.text(st.sampled_from(SPECIAL) | st.characters(exclude_categories=("Cs",)), max_size=40)
texts = any_text | special_text | st.sampled_from(HOSTILE)
ints = st.integers(-(2**63), 2**64 - 1) | st.sampled_from([-(2**63), 2**63 - 1, 2**64 - 1, 0, -1])
# anything DECIMAL(65,30) holds: up to 35 integer digits and 0..30 fraction digits, built from
# strings because Decimal arithmetic would round to 28 digits
decimals = st.integers(0, 30).flatmap(
    lambda scale: st.integers(-(10 ** (35 + scale)) + 1, 10 ** (35 + scale) - 1).map(
        lambda n: Decimal(f"{n}E-{scale}")
    )
)
short_decimals = st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**6, max_value=10**6)
floats = st.floats(allow_nan=False, allow_infinity=False)
datetimes = st.datetimes(min_value=dt.datetime(1000, 1, 1), max_value=dt.datetime(9999, 12, 31, 23, 59, 59))
aware_datetimes = datetimes.map(lambda d: d.replace(tzinfo=dt.UTC))
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))
times = st.times()
scalars = (
    texts | st.binary(max_size=40) | ints | decimals | short_decimals | floats | datetimes | aware_datetimes
    | dates | times | st.none() | st.booleans()
)

FUZZ_SETTINGS = settings(
    deadline=None, database=None, derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _connect(url: str, **kw):
    pymysql = pytest.importorskip("pymysql")
    u = urlsplit(url)
    return pymysql.connect(
        host=u.hostname, port=u.port or 3306, user=unquote(u.username or ""), password=unquote(u.password or ""),
        database=u.path.lstrip("/"), charset="utf8mb4", autocommit=True, **kw,
    )


@pytest.fixture(scope="module")
def fuzz_url():
    from tests.support.databases import temp_mysql

    with temp_mysql("pe_fuzz") as url:
        yield url


@pytest.fixture(scope="module")
def fuzz_db(fuzz_url):
    conn = _connect(fuzz_url)
    with conn.cursor() as cur:
        cur.execute("CREATE TABLE canary (id INT PRIMARY KEY)")
        cur.execute("INSERT INTO canary VALUES (1), (2), (3)")
    yield conn
    conn.close()


def _sql_for(value) -> str:
    """`?`, wrapped in a CAST where MySQL would otherwise hand the value back as text."""
    if isinstance(value, dt.datetime):
        return "CAST(? AS DATETIME(6))"
    if isinstance(value, dt.date):
        return "CAST(? AS DATE)"
    if isinstance(value, dt.time):
        return "CAST(? AS TIME(6))"
    return "?"


def _expected(value):
    """What PyMySQL returns for the value read back."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
    if isinstance(value, dt.time):
        return dt.timedelta(hours=value.hour, minutes=value.minute, seconds=value.second,
                            microseconds=value.microsecond)
    return value


def _same(got, want) -> bool:
    if isinstance(want, Decimal) or isinstance(got, Decimal):
        return Decimal(got) == Decimal(want)
    if isinstance(want, float):
        return isinstance(got, float) and got == want
    return type(got) is type(want) and got == want


def _canary_intact(conn) -> None:
    with conn.cursor() as cur:
        cur.execute("SELECT COUNT(*) FROM canary")
        assert cur.fetchone() == (3,)


@pytest.mark.no_pyodide("uses PyMySQL against MariaDB as the oracle")
@pytest.mark.mysql
def test_fuzz_select_roundtrip(fuzz_db):
    """`SELECT ?, ?, ...` returns one row with every value intact."""
    count = 0

    @settings(FUZZ_SETTINGS, max_examples=300)
    @given(st.lists(scalars, min_size=20, max_size=60))
    def check(values):
        nonlocal count
        sql = "SELECT " + ", ".join(f"{_sql_for(v)} AS c{i}" for i, v in enumerate(values))
        with fuzz_db.cursor() as cur:
            cur.execute(interpolate(sql, values))
            rows = cur.fetchall()
            assert len(rows) == 1 and len(rows[0]) == len(values) == len(cur.description)
            assert cur.nextset() is None  # no second statement smuggled in
        for got, value in zip(rows[0], values, strict=True):
            assert _same(got, _expected(value)), (value, got)
        count += len(values)

    check()
    _canary_intact(fuzz_db)
    print(f"\nSELECT fuzz: {count} values round-tripped")
    assert count >= 8000


@pytest.mark.no_pyodide("uses PyMySQL against MariaDB as the oracle")
@pytest.mark.mysql
def test_fuzz_insert_typed_columns_roundtrip(fuzz_db):
    """Multi-row INSERT into typed columns, SELECT back: values and row count intact."""
    with fuzz_db.cursor() as cur:
        cur.execute(
            "CREATE TABLE fuzz (id INT AUTO_INCREMENT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, "
            "d DECIMAL(65,30), f DOUBLE, s LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, b LONGBLOB, "
            "dt DATETIME(6), da DATE, t TIME(6), bo TINYINT(1), v VARCHAR(191) CHARACTER SET utf8mb4)"
        )
    row = st.tuples(
        st.none() | st.integers(-(2**63), 2**63 - 1),
        st.none() | st.integers(0, 2**64 - 1),
        st.none() | decimals,
        st.none() | floats,
        st.none() | texts,
        st.none() | st.binary(max_size=64),
        st.none() | datetimes | aware_datetimes,
        st.none() | dates,
        st.none() | times,
        st.none() | st.booleans(),
        st.none() | st.sampled_from(HOSTILE) | st.text(st.sampled_from(SPECIAL), max_size=20),
    )
    count = 0

    @settings(FUZZ_SETTINGS, max_examples=120)
    @given(st.lists(row, min_size=1, max_size=8))
    def check(rows):
        nonlocal count
        with fuzz_db.cursor() as cur:
            cur.execute("DELETE FROM fuzz")
            one = "(" + ", ".join("?" * 11) + ")"
            sql = "INSERT INTO fuzz (i, u, d, f, s, b, dt, da, t, bo, v) VALUES " + ", ".join([one] * len(rows))
            cur.execute(interpolate(sql, [v for r in rows for v in r]))
            assert cur.rowcount == len(rows)
            cur.execute("SELECT i, u, d, f, s, b, dt, da, t, bo, v FROM fuzz ORDER BY id")
            back = cur.fetchall()
        assert len(back) == len(rows)
        for got_row, want_row in zip(back, rows, strict=True):
            for got, value in zip(got_row, want_row, strict=True):
                if value is None:
                    assert got is None
                else:
                    assert _same(got, _expected(value)), (value, got)
        count += len(rows) * 11

    check()
    _canary_intact(fuzz_db)
    print(f"\nINSERT fuzz: {count} values round-tripped through typed columns")
    assert count >= 2500


@pytest.mark.no_pyodide("uses PyMySQL against MariaDB as the oracle")
@pytest.mark.mysql
def test_fuzz_where_clause_cannot_be_widened(fuzz_db):
    """`WHERE id = ? AND label = ?` with hostile text matches nothing: no value rewrites the filter."""
    count = 0

    @settings(FUZZ_SETTINGS, max_examples=150)
    @given(st.lists(texts, min_size=10, max_size=20))
    def check(values):
        nonlocal count
        with fuzz_db.cursor() as cur:
            for v in values:
                cur.execute(interpolate("SELECT id FROM canary WHERE id = ? AND ? = 'never-equal\x01'", [1, v]))
                assert cur.fetchall() == ()
                count += 1

    check()
    _canary_intact(fuzz_db)
    print(f"\nWHERE fuzz: {count} hostile filter values")
    assert count >= 1500


@pytest.mark.no_pyodide("uses PyMySQL against MariaDB as the oracle")
@pytest.mark.mysql
def test_fuzz_no_backslash_escapes_mode_cannot_break_out(fuzz_db, fuzz_url):
    """With NO_BACKSLASH_ESCAPES on, escapes stay visible text but the literal still ends where ours does."""
    conn = _connect(fuzz_url)
    with conn.cursor() as cur:
        cur.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')")
    count = 0

    @settings(FUZZ_SETTINGS, max_examples=100)
    @given(st.lists(texts, min_size=10, max_size=30))
    def check(values):
        nonlocal count
        sql = "SELECT " + ", ".join(f"? AS c{i}" for i in range(len(values)))
        with conn.cursor() as cur:
            cur.execute(interpolate(sql, values))
            rows = cur.fetchall()
            assert len(rows) == 1 and len(rows[0]) == len(values)
        for got, value in zip(rows[0], values, strict=True):
            # without backslash escapes MySQL keeps our escape sequences verbatim; only '' is special
            assert got == interpolate("?", [value])[1:-1].replace("''", "'")
        count += len(values)

    try:
        check()
    finally:
        conn.close()
    _canary_intact(fuzz_db)
    print(f"\nNO_BACKSLASH_ESCAPES fuzz: {count} strings stayed inside their literal")
    assert count >= 1000

