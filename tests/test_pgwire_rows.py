"""The lean DataRow path (pgwire/rows.py) reads what the general one reads, and refuses what it
refuses: rows of random widths and values (NULLs, empty strings) parsed both ways agree, and a
message whose values do not fill it exactly is a RemoteProtocolError, not a wrong row."""

from __future__ import annotations

import random
import struct

import pytest

from prisma_edge.fetch_adapters.protocols.pgwire import RemoteProtocolError
from prisma_edge.fetch_adapters.protocols.pgwire.messages import data_row_values
from prisma_edge.fetch_adapters.protocols.pgwire.rows import scan_data_rows

LIMIT = 1 << 30


def message(values: list[bytes | None]) -> bytes:
    body = struct.pack("!h", len(values)) + b"".join(
        struct.pack("!i", -1) if v is None else struct.pack("!i", len(v)) + v for v in values
    )
    return b"D" + struct.pack("!i", len(body) + 4) + body


def random_row(rng: random.Random, width: int) -> list[bytes | None]:
    return [None if rng.random() < 0.2 else bytes(rng.randrange(256) for _ in range(rng.randrange(0, 9)))
            for _ in range(width)]


@pytest.mark.parametrize("seed", range(5))
def test_rows_agree_with_the_general_parser_and_stop_at_other_messages(seed):
    rng = random.Random(seed)
    rows = [random_row(rng, rng.choice([0, 1, 3, 17, 64, 65, 200])) for _ in range(30)]
    tail = b"C" + struct.pack("!i", 13) + b"SELECT 30\x00"  # a CommandComplete stays for next_event
    buf = bytearray(b"junk" + b"".join(message(r) for r in rows) + tail)
    got, pos = scan_data_rows(buf, 4, LIMIT)
    assert got == [tuple(r) for r in rows]
    assert got == [data_row_values(message(r)[5:]) for r in rows]
    assert bytes(buf[pos:]) == tail


def test_an_incomplete_last_row_is_left_in_the_buffer():
    whole, partial = message([b"a", None]), message([b"bcd"])
    buf = bytearray(whole + partial[:-2])
    got, pos = scan_data_rows(buf, 0, LIMIT)
    assert got == [(b"a", None)] and pos == len(whole)


@pytest.mark.parametrize("width", [2, 70])
def test_values_that_do_not_fill_the_message_are_refused(width):
    good = message([b"xy"] * width)
    short = bytearray(good[:5] + good[5:7] + good[7:-1])  # the last value one byte short...
    short[1:5] = struct.pack("!i", len(short) - 1)  # ...in a message whose length says so
    with pytest.raises(RemoteProtocolError):
        scan_data_rows(short, 0, LIMIT)
    long = bytearray(good + b"z")  # one byte more than the values take
    long[1:5] = struct.pack("!i", len(long) - 1)
    with pytest.raises(RemoteProtocolError):
        scan_data_rows(long, 0, LIMIT)
