"""The round trip: export, edit in a notes app, ``import-notes``; nothing is lost or destroyed."""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.library import Library
from reader.core.models import ArticleDraft
from tests.export.conftest import Clock

SEA_WALL = "harbour-council-approves-12-million-sea-wall.md"


def exported(library: Library, ids: list[int], out: Path) -> Path:
    report = library.exports.markdown(ids, out=out)
    assert report.complete
    return report.files[0].path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems(report: object) -> list[str]:
    return [m.text for m in report.messages if m.problem]  # type: ignore[attr-defined]


def test_notes_and_tags_edited_in_the_file_come_back(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    first, second = library.annotations.of(seeded[0])
    edit(path, "> **Note:** Check the cost.", "> **Note:** Check the cost.\n> It rose in 2024.")
    edit(path, f"> #money ^skim-{first.id}", f"> #budget ^skim-{first.id}")
    edit(path, "> Compare with the 2019 plan.", "> Compare with the 2019 and 2021 plans.")
    # An Obsidian tag has no spaces: what a user types in the front matter is the kebab form.
    edit(path, "tags:\n- climate\n", "tags:\n- climate\n- sea-walls\n")
    clock.advance()
    report = library.exports.import_notes([path])
    assert problems(report) == [] and report.messages == []
    assert (report.files, report.articles, report.highlights, report.notes, report.tags) == (
        1,
        1,
        1,
        1,
        1,
    )
    updated = library.annotations.of(seeded[0])[0]
    assert updated.note == "Check the cost.\nIt rose in 2024."
    assert updated.tags == ("budget",)
    assert updated.updated == clock.now
    assert library.annotations.of(seeded[0])[1] == second  # untouched: not even its time changes
    article = library.articles.get(seeded[0])
    assert article.note == "Compare with the 2019 and 2021 plans."
    assert article.tags == ("climate", "sea-walls")
    # The file says exactly what the library now holds: the next export leaves it alone.
    assert (
        library.exports.markdown(seeded[:1], out=tmp_path / "notes").files[0].status == "unchanged"
    )


def test_importing_an_unedited_file_changes_nothing(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    before = (library.articles.get(seeded[0]), library.annotations.of(seeded[0]))
    report = library.exports.import_notes([tmp_path / "notes"])
    assert (report.highlights, report.notes, report.tags, report.messages) == (0, 0, 0, [])
    assert (library.articles.get(seeded[0]), library.annotations.of(seeded[0])) == before
    assert "long-reads" in path.read_text("utf-8")  # "long reads" is written #long-reads…
    assert library.annotations.of(seeded[0])[1].tags == ("long reads",)  # …and read back as it was


def test_a_removed_highlight_is_reported_and_kept(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    first, second = library.annotations.of(seeded[0])
    text = path.read_text("utf-8")
    block = re.search(rf"\n> protect about.*?\^skim-{second.id}\n", text, re.DOTALL)
    assert block is not None
    path.write_text(text.replace(block.group(0), "\n"), "utf-8")
    report = library.exports.import_notes([path])
    assert [m.text for m in report.messages] == [f"highlight {second.id} is not in {path}; kept"]
    assert problems(report) == []
    assert library.annotations.of(seeded[0]) == [first, second]
    # The file lacks a highlight the library has: exporting again would lose the user's edit
    # silently, so the file still counts as edited.
    assert library.exports.markdown(seeded[:1], out=tmp_path / "notes").files[0].status == "skipped"


def test_unknown_and_foreign_highlights_are_reported(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    other = library.annotations.of(seeded[1])[0].id
    with path.open("a", encoding="utf-8") as file:
        file.write(f"\n> made up\n> ^skim-999\n\n> from another article\n> ^skim-{other}\n")
    report = library.exports.import_notes([path])
    assert [p.split(": ", 1)[1] for p in problems(report)] == [
        f"highlight 999 is not a highlight of article {seeded[0]}; ignored",
        f"highlight {other} is not a highlight of article {seeded[0]}; ignored",
    ]
    assert problems(report)[0].startswith(f"{path} line ")


def test_a_note_without_its_label_is_not_guessed(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    first = library.annotations.of(seeded[0])[0]
    edit(path, "> **Note:** Check the cost.", "> Check the cost twice.")
    report = library.exports.import_notes([path])
    assert len(problems(report)) == 1
    assert "cannot tell the note of highlight" in problems(report)[0]
    assert library.annotations.of(seeded[0])[0].note == first.note


def test_deleting_a_note_with_its_label_clears_it(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    edit(path, ">\n> **Note:** Check the cost.\n", "")
    report = library.exports.import_notes([path])
    assert report.highlights == 1 and problems(report) == []
    assert library.annotations.of(seeded[0])[0].note == ""
    assert library.annotations.of(seeded[0])[0].tags == ("money",)


def test_files_without_skim_id_or_with_bad_front_matter_are_skipped(
    tmp_path: Path, library: Library
) -> None:
    folder = tmp_path / "vault"
    (folder / ".obsidian").mkdir(parents=True)
    (folder / ".obsidian" / "workspace.md").write_text("---\nskim_id: 1\n---\n", "utf-8")
    (folder / "plain.md").write_text("# Just my notes\n", "utf-8")
    (folder / "broken.md").write_text("---\ntitle: [unclosed\n---\n", "utf-8")
    (folder / "binary.md").write_bytes(b"\x00\x01")
    (folder / "latin1.md").write_bytes("caf\xe9".encode("latin-1"))
    report = library.exports.import_notes([folder, tmp_path / "missing.md"])
    assert sorted(problems(report)) == sorted(
        [
            f"{folder / 'binary.md'}: looks like a binary file, not Markdown; skipped",
            f"{folder / 'broken.md'}: its front matter is not valid YAML (line 2); skipped",
            f"{folder / 'latin1.md'}: not UTF-8 text; skipped",
            f"{folder / 'plain.md'}: no skim_id in its front matter; skipped",
            f"{tmp_path / 'missing.md'}: no such file or folder",
        ]
    )
    assert report.summary().endswith("; 5 problems")


def test_articles_not_in_the_library_are_skipped(library: Library, tmp_path: Path) -> None:
    (tmp_path / "gone.md").write_text("---\nskim_id: 42\n---\n\n## Notes\n\n> hello\n", "utf-8")
    report = library.exports.import_notes([tmp_path / "gone.md"])
    assert problems(report) == [
        f"{tmp_path / 'gone.md'}: article 42 is not in the library; skipped"
    ]


def test_a_combined_file_round_trips(library: Library, seeded: list[int], tmp_path: Path) -> None:
    digest = tmp_path / "digest.md"
    library.exports.markdown(seeded[:2], out=digest)
    bridge = library.annotations.of(seeded[1])[0]
    edit(digest, "> **Note:** Longer than last time.", "> **Note:** Twice as long as 2019.")
    edit(digest, "> Compare with the 2019 plan.", "> Compare with the 2019 plan, again.")
    report = library.exports.import_notes([digest])
    assert problems(report) == [] and report.articles == 2
    assert library.annotations.of(seeded[1])[0].note == "Twice as long as 2019."
    assert library.annotations.of(seeded[1])[0].id == bridge.id
    assert library.articles.get(seeded[0]).note == "Compare with the 2019 plan, again."
    assert library.exports.markdown(seeded[:2], out=digest).files[0].status == "unchanged"


def test_quotes_are_never_changed_from_a_file(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    path = exported(library, seeded[:1], tmp_path / "notes")
    edit(path, "> a $12 million sea wall\n", "> a sea wall of my own words\n")
    edit(path, "> **Note:** Check the cost.", "> **Note:** Cost checked.")
    report = library.exports.import_notes([path])
    first = library.annotations.of(seeded[0])[0]
    assert (first.quote, first.note) == ("a $12 million sea wall", "Cost checked.")
    assert [m.problem for m in report.messages] == [False]
    assert "the quote of highlight" in report.messages[0].text


def test_adding_a_notes_section_sets_the_article_note(library: Library, tmp_path: Path) -> None:
    article = library.articles.add(
        ArticleDraft(title="Plain", body="Nothing noted yet.")
    ).article.id
    path = exported(library, [article], tmp_path / "notes")
    assert "## Notes" not in path.read_text("utf-8")
    with path.open("a", encoding="utf-8") as file:
        file.write(
            "\n## Notes\n\nFirst thought, typed without a quote.\n\n### A sub-heading\n\nMore.\n"
        )
    library.exports.import_notes([path])
    assert library.articles.get(article).note == (
        "First thought, typed without a quote.\n\n### A sub-heading\n\nMore."
    )


def test_a_note_mentioning_a_block_id_round_trips(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    first = library.annotations.of(seeded[0])[0]
    library.annotations.update(first.id, note="See ^skim-99")
    path = exported(library, seeded[:1], tmp_path / "notes")
    assert f"> **Note:** See \\^skim-99\n> #money ^skim-{first.id}" in path.read_text("utf-8")
    edit(path, "> **Note:** See \\^skim-99", "> **Note:** See ^skim-99 and \\^skim-98")
    report = library.exports.import_notes([path])
    assert problems(report) == []
    assert library.annotations.of(seeded[0])[0].note == "See ^skim-99 and ^skim-98"


def test_controls_or_an_impossible_date_in_the_front_matter_do_not_lose_the_file(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    """Regression: an ESC in the title skipped the file; a date like 2024-02-30 was a traceback."""
    path = exported(library, seeded[:1], tmp_path / "notes")
    edit(path, "title: ", "title: \x1b[31m\x07")  # a notes app that keeps raw bytes
    edit(path, "> Compare with the 2019 plan.", "> Compare with the 2019 and 2021 plans.")
    report = library.exports.import_notes([path])
    assert problems(report) == [] and report.notes == 1
    assert library.articles.get(seeded[0]).note == "Compare with the 2019 and 2021 plans."
    edit(path, "---\n", "---\nreviewed: 2024-02-30\n")
    report = library.exports.import_notes([path])
    assert problems(report) == [f"{path}: its front matter is not valid YAML; skipped"]
