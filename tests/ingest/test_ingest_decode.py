"""Decoding bytes: BOMs, UTF-8, cp1252 and detected legacy encodings, and refusal of binary, empty
and huge input and of text whose encoding cannot be told."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from reader.core.errors import IngestError
from reader.core.ingest import decode, read_bytes, read_path

TEXT = "Café owners in Zürich say “prices” rose 5 % — again.\n"


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_a_byte_order_mark_selects_the_encoding(bom: bytes, encoding: str) -> None:
    assert decode.decode_text(bom + TEXT.encode(encoding), "x.txt") == TEXT


def test_utf16_with_bom_reads_as_an_article() -> None:
    data = codecs.BOM_UTF16_LE + "Harbour reopens\n\nThe harbour reopened today.\n".encode(
        "utf-16-le"
    )
    draft = read_bytes(data, name="harbour.txt")
    assert draft.title == "Harbour reopens"
    assert draft.body == "The harbour reopened today."


def test_plain_utf8_without_bom() -> None:
    assert decode.decode_text(TEXT.encode(), "x.txt") == TEXT


def test_cp1252_is_the_fallback_for_legacy_files() -> None:
    data = "Caf\u00e9 \u201cquoted\u201d \u2014 na\u00efve \u20ac5\n".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode.decode_text(data, "old.txt") == "Café “quoted” — naïve €5\n"


def test_html_declared_charset_is_tried_before_cp1252() -> None:
    data = '<meta charset="koi8-r"><p>Привет</p>'.encode("koi8_r")
    assert "Привет" in decode.decode_text(data, "page.html", declared="koi8-r")
    assert decode.declared_charset(data) == "koi8-r"


def test_bytes_undefined_in_cp1252_are_an_unknown_encoding() -> None:
    # 0x81 and 0x8d are not valid UTF-8 here and have no meaning in cp1252.
    with pytest.raises(IngestError, match=r"^old\.txt: unknown text encoding; save it as UTF-8$"):
        decode.decode_text(b"abc \x81\x8d def", "old.txt")


def test_legacy_text_with_control_bytes_is_rejected() -> None:
    with pytest.raises(IngestError, match="unknown text encoding"):
        decode.decode_text(b"caf\xe9 \x02 bar", "x.txt")


def test_invalid_utf16_after_a_bom_is_an_unknown_encoding() -> None:
    with pytest.raises(IngestError, match="unknown text encoding"):
        decode.decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8", "x.txt")  # lone surrogate


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",  # a zip header: NUL bytes
        b"plain words\x00and a NUL",
        bytes(range(1, 9)) * 20 + b"some text",  # mostly control bytes
        b"\x07\x00\x08\x00"
        * 20,  # 16-bit control codes (UTF-16 text is read: test_utf16_without_bom)
    ],
)
def test_binary_input_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^notes\.bin: looks like a binary file, not text$"):
        read_bytes(data, name="notes.bin")


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF8 + b"\n \n"]
)
def test_empty_input_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError, match=r"^empty\.txt: the file is empty$"):
        read_bytes(data, name="empty.txt")


def test_stdin_is_named_stdin_in_messages() -> None:
    with pytest.raises(IngestError, match=r"^stdin: the file is empty$"):
        read_bytes(b"", name="-")


def test_input_over_the_size_cap_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decode, "MAX_BYTES", 1024)
    with pytest.raises(IngestError, match=r"big\.txt: the file is 0\.0 MB; skim reads files up to"):
        read_bytes(b"word " * 300, name="big.txt")
    assert read_bytes(b"word " * 200, name="small.txt").body.startswith("word word")


def test_escape_sequences_do_not_make_text_binary() -> None:
    draft = read_bytes(b"\x1b[1mBold title\x1b[0m\n\nBody text \x1b]0;pwned\x07here.", name="x.txt")
    assert draft.title == "Bold title"
    assert draft.body == "Body text here."


RUSSIAN = (
    "Привет, мир. Это короткая статья о том, как читать тексты в терминале.\n\n"  # noqa: RUF001
    "Она сохранена в старой кодировке, и читатель должен увидеть её без искажений.\n"
)


@pytest.mark.parametrize("encoding", ["koi8_r", "cp1251"])
def test_undeclared_cyrillic_is_detected_not_read_as_cp1252(encoding: str) -> None:
    draft = read_bytes(RUSSIAN.encode(encoding), name="statya.txt")
    assert draft.body.startswith("Привет, мир.")
    assert "искажений" in draft.body


def test_a_cp1252_file_still_reads_as_cp1252() -> None:
    text = "The café served crème brûlée — “the best in town”, said the naïve critic. €5.\n"
    draft = read_bytes(text.encode("cp1252"), name="old.txt")
    assert draft.body == text.strip()


def test_shift_jis_is_detected() -> None:
    text = "日本語のテキストです。これは短い記事です。ターミナルで読みます。\n"
    assert decode.decode_text(text.encode("shift_jis"), "jp.txt") == text


def test_legacy_text_too_short_to_tell_is_refused_not_stored_as_mojibake() -> None:
    # Two KOI8-R words: cp1252 would give "ðÒÉ" for "При", and no detector can be sure of them.
    with pytest.raises(IngestError, match=r"^ru\.txt: unknown text encoding; save it as UTF-8$"):
        decode.decode_text("Привет, мир.\n".encode("koi8_r"), "ru.txt")


def test_koi8_r_and_cp1252_files_are_read_from_disk(tmp_path: Path) -> None:
    koi8 = tmp_path / "statya.txt"
    koi8.write_bytes(RUSSIAN.encode("koi8_r"))
    western = tmp_path / "old.txt"
    western.write_bytes("Grüße aus München — “schöne” Straße, sagte der Wirt.\n".encode("cp1252"))
    assert read_path(koi8).body.startswith("Привет, мир.")
    assert read_path(western).body == "Grüße aus München — “schöne” Straße, sagte der Wirt."
