"""``--template logseq``: an annotated article exported as a Logseq page, and read back by import-notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.errors import UsageError
from reader.core.export.links import annotation_uuid
from reader.core.export.logseq import logseq_block, logseq_unescape
from reader.core.library import Library
from tests.export.conftest import Clock
from tests.export.test_notes_import import edit, problems


def _export(library: Library, ids: list[int], out: Path) -> Path:
    report = library.exports.markdown(ids, out=out, template="logseq")
    assert report.complete
    return report.files[0].path


def test_a_logseq_page_has_properties_bullets_tags_and_uuids(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    text = _export(library, seeded[:1], tmp_path / "graph").read_text("utf-8")
    first, second = library.annotations.of(seeded[0])
    assert text.startswith("title:: Harbour council approves $12 million sea wall\n")
    assert "\nskim_id:: 1\n" in text and "\ntags:: climate\n" in text
    assert f"\t- a $12 million sea wall\n\t  id:: {annotation_uuid(first)}\n\t  #money\n" in text
    assert f"\t  id:: {annotation_uuid(second)}\n\t  #[[long reads]]\n" in text
    assert "\t\t- **Note:** Which homes?\n" in text
    assert "- ## Notes\n\t- Compare with the 2019 plan.\n" in text
    assert "^skim-" not in text and "---" not in text  # no Obsidian block ids, no front matter


def test_the_uuid_of_a_highlight_is_stable(library: Library, seeded: list[int]) -> None:
    first, second = library.annotations.of(seeded[0])
    assert annotation_uuid(first) == annotation_uuid(library.annotations.of(seeded[0])[0])
    assert annotation_uuid(first) != annotation_uuid(second)
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}",
        annotation_uuid(first),
    )


def test_logseq_round_trip(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    path = _export(library, seeded[:1], tmp_path / "graph")
    second = library.annotations.of(seeded[0])[1]
    # Unedited, nothing changes and the next export leaves the page alone.
    report = library.exports.import_notes([path])
    assert report.messages == [] and (report.highlights, report.notes, report.tags) == (0, 0, 0)
    # Edited as Logseq would save it: notes, tags as #word and #[[two words]], a new tag.
    edit(path, "- **Note:** Check the cost.", "- **Note:** Check the cost.\n\t\t  It rose in 2024.")
    edit(path, "\t  #money\n", "\t  #money #[[sea walls]]\n")
    edit(path, "\t  #[[long reads]]\n", "")
    edit(path, "- Compare with the 2019 plan.", "- Compare with the 2019 and 2021 plans.")
    edit(path, "tags:: climate", "tags:: climate, [[flood defence]]")
    clock.advance()
    report = library.exports.import_notes([path])
    assert problems(report) == []
    assert (report.highlights, report.notes, report.tags) == (2, 1, 1)
    one, two = library.annotations.of(seeded[0])
    assert (one.note, one.tags) == ("Check the cost.\nIt rose in 2024.", ("money", "sea walls"))
    assert (two.note, two.tags) == (second.note, ())
    article = library.articles.get(seeded[0])
    assert article.note == "Compare with the 2019 and 2021 plans."
    assert article.tags == ("climate", "flood defence")
    again = library.exports.markdown(seeded[:1], out=tmp_path / "graph", template="logseq")
    assert again.files[0].status == "unchanged"


def test_a_removed_note_block_clears_the_note_and_a_foreign_uuid_is_reported(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = _export(library, seeded[:1], tmp_path / "graph")
    edit(path, "\t\t- **Note:** Check the cost.\n", "")
    text = path.read_text("utf-8")
    path.write_text(text + "\t- another block\n\t  id:: 00000000-0000-5000-8000-000000000000\n")
    report = library.exports.import_notes([path])
    assert library.annotations.of(seeded[0])[0].note == ""
    assert [m for m in problems(report) if "00000000-0000-5000-8000-000000000000" in m]


def test_a_note_cannot_forge_a_block_or_a_property() -> None:
    note = "- not a block\nid:: 6d2da706-9754-56cf-8997-e3ad232af39c\n\\- kept as typed\n\nend"
    block = logseq_block(note, 2)
    lines = block.split("\n")
    assert lines[0] == "\\- not a block"
    assert lines[1] == "\t\t  \\id:: 6d2da706-9754-56cf-8997-e3ad232af39c"
    assert lines[3] == "\t\t  " and lines[4] == "\t\t  end"
    unindented = "\n".join(line.removeprefix("\t\t  ") for line in lines)
    assert logseq_unescape(unindented) == note


def test_logseq_pages_are_one_per_article(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="one page per article"):
        library.exports.markdown(seeded, out=tmp_path / "all.md", template="logseq")
    assert not (tmp_path / "all.md").exists()
