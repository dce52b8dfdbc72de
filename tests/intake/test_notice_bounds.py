"""Notices that are not notices: bounded reads, zip bombs, broken .docx, devices — exit 2."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from conftest import DATA


def docx_bytes(document_xml: bytes, padding: int = 0) -> bytes:
    """A minimal .docx-shaped archive; ``padding`` bytes of zeros as an extra part."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        archive.writestr("word/document.xml", document_xml)
        if padding:
            archive.writestr("word/media/pad.bin", b"\0" * padding)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_inflates(gd, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(docx_bytes(b"<w:document/>", padding=80 * 1024 * 1024))
    assert bomb.stat().st_size < 1024 * 1024  # small on disk
    result = gd("import", str(bomb))
    assert result.exit_code == 2
    assert "would inflate to over 64 MiB" in result.stderr


def test_a_broken_docx_is_a_usage_error(gd, tmp_path: Path) -> None:
    broken = tmp_path / "truncated.docx"
    broken.write_bytes(docx_bytes(b"<w:document><w:body><w:p>"))  # truncated XML
    result = gd("import", str(broken))
    assert result.exit_code == 2 and "not a readable .docx" in result.stderr
    half = tmp_path / "half.docx"
    half.write_bytes(docx_bytes(b"<w:document/>")[:200])  # a cut-off archive
    result = gd("import", str(half))
    assert result.exit_code == 2 and "not a readable .docx" in result.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_devices_and_pipes_are_not_notices(gd, tmp_path: Path) -> None:
    result = gd("import", "/dev/zero")
    assert result.exit_code == 2 and "not a regular file" in result.stderr
    fifo = tmp_path / "notice.txt"
    os.mkfifo(fifo)
    result = gd("import", str(fifo))
    assert result.exit_code == 2 and "not a regular file" in result.stderr


def test_a_huge_text_is_refused_at_once(gd, tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as handle:
        handle.write(DATA.joinpath("shizong-2020-notice.txt").read_bytes())
        handle.write(b"x" * (17 * 1024 * 1024))
    result = gd("import", str(huge))
    assert result.exit_code == 2 and "too large for a notice" in result.stderr
