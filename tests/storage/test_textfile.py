"""storage.textfile: a workspace file's bytes to text, with a positioned error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from gov_disclosure.constants import MAX_FILE_BYTES
from gov_disclosure.errors import GdError
from gov_disclosure.storage.textfile import decode_utf8, read_text

PATH = Path("plan/example.yaml")


def test_decode_drops_a_bom() -> None:
    assert decode_utf8("\ufeffa: 1\n".encode(), PATH) == "a: 1\n"


def test_decode_places_a_byte_that_is_not_utf8() -> None:
    with pytest.raises(GdError) as info:
        decode_utf8("a: 1\nb: 縣".encode() + b"\xff\n", PATH)
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (2, 7)
    assert "0xff" in problem.message


def test_read_text_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    with pytest.raises(GdError, match="file not found"):
        read_text(tmp_path / "missing.yaml")
    with pytest.raises(GdError, match="is a folder"):
        read_text(tmp_path)
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    with pytest.raises(GdError, match="not a regular file"):
        read_text(fifo)  # would hang if it were opened


def test_read_text_stops_at_the_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(GdError, match="too large"):
        read_text(big)
    big.write_bytes(b"a: 1\n")
    assert read_text(big) == "a: 1\n"
