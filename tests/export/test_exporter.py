"""Whole exports through the Library: names, stable bytes, edited-file protection, single files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from reader.core.errors import NotFound, UsageError
from reader.core.export import exporter
from reader.core.library import Library
from reader.core.models import ArticleDraft
from tests.export.conftest import Clock

SEA_WALL = "harbour-council-approves-12-million-sea-wall.md"
BRIDGE = "riverside-bridge-to-close-for-repairs.md"


def export(library: Library, ids: list[int], out: Path, **options: object) -> exporter.ExportReport:
    return library.exports.markdown(ids, out=out, **options)  # type: ignore[arg-type]


def statuses(report: exporter.ExportReport) -> list[tuple[str, str]]:
    return [(f.path.name, f.status) for f in report.files]


def front_matter(path: Path) -> dict[str, object]:
    data = yaml.safe_load(path.read_text("utf-8").split("---\n")[1])
    assert isinstance(data, dict)
    return data


def test_one_file_per_article_named_after_its_title(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    report = export(library, seeded[:2], out)
    assert statuses(report) == [(SEA_WALL, "written"), (BRIDGE, "written")]
    assert report.files[0].path == out / SEA_WALL
    text = (out / SEA_WALL).read_text("utf-8")
    first, second = library.annotations.of(seeded[0])
    assert (
        f"> a $12 million sea wall\n>\n> **Note:** Check the cost.\n> #money ^skim-{first.id}"
        in text
    )
    assert f"> #long-reads ^skim-{second.id}" in text
    assert "## Notes\n\n> Compare with the 2019 plan.\n" in text
    assert front_matter(out / SEA_WALL)["skim_id"] == seeded[0]
    assert sorted(p.name for p in out.iterdir()) == [SEA_WALL, BRIDGE]  # no temporary files left


def test_unchanged_articles_are_not_rewritten(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    out = tmp_path / "notes"
    export(library, seeded, out)
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()}
    clock.advance()
    report = export(library, seeded, out)
    assert {f.status for f in report.files} == {"unchanged"}
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.iterdir()} == before


def test_a_changed_article_is_rewritten_with_a_new_exported_time(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    out = tmp_path / "notes"
    export(library, seeded[:2], out)
    clock.advance()
    library.articles.set_article_note(seeded[0], "A new thought.")
    report = export(library, seeded[:2], out)
    assert statuses(report) == [(SEA_WALL, "written"), (BRIDGE, "unchanged")]
    assert "> A new thought." in (out / SEA_WALL).read_text("utf-8")
    assert front_matter(out / SEA_WALL)["exported"] == clock.now.isoformat()


def test_an_edited_file_is_skipped_unless_forced(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    export(library, seeded[:1], out)
    edited = (out / SEA_WALL).read_text("utf-8") + "\nMy own paragraph.\n"
    (out / SEA_WALL).write_text(edited, "utf-8")
    report = export(library, seeded[:1], out)
    assert not report.complete
    assert report.files[0].message == (f"{out / SEA_WALL} was edited since the last export")
    assert (out / SEA_WALL).read_text("utf-8") == edited
    forced = export(library, seeded[:1], out, force=True)
    assert statuses(forced) == [(SEA_WALL, "written")]
    assert "My own paragraph" not in (out / SEA_WALL).read_text("utf-8")
    assert statuses(export(library, seeded[:1], out)) == [(SEA_WALL, "unchanged")]


def test_files_skim_did_not_write_are_never_taken(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / SEA_WALL).write_text("# My own page about sea walls\n", "utf-8")
    report = export(library, seeded[:1], out)
    # Another file of the same name gets the id suffix, and is left alone.
    assert statuses(report) == [
        (f"harbour-council-approves-12-million-sea-wall-{seeded[0]}.md", "written")
    ]
    assert (out / SEA_WALL).read_text("utf-8") == "# My own page about sea walls\n"


def test_an_unrecorded_copy_of_the_same_article_needs_force(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    out.mkdir()
    (out / SEA_WALL).write_text(f"---\nskim_id: {seeded[0]}\n---\n\nold\n", "utf-8")
    report = export(library, seeded[:1], out)
    assert report.files[0].status == "skipped"
    assert report.files[0].message.endswith("exists and was not written by skim export")
    assert statuses(export(library, seeded[:1], out, force=True)) == [(SEA_WALL, "written")]


def test_same_titles_get_the_id_and_names_stay_put(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    twin = library.articles.add(
        ArticleDraft(title="Harbour council approves $12 million sea wall!", body="Other text.")
    ).article.id
    out = tmp_path / "notes"
    report = export(library, [twin, seeded[0]], out)
    assert statuses(report) == [
        (SEA_WALL, "written"),
        (f"harbour-council-approves-12-million-sea-wall-{twin}.md", "written"),
    ]
    # A file keeps its name when the title changes (links to it keep working).
    library.articles.set_article_note(twin, "renamed later")
    assert export(library, [twin], out).files[0].path.name.endswith(f"-{twin}.md")


def test_since_keeps_articles_changed_or_added_since(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    start = clock.now
    clock.advance()
    library.annotations.update(library.annotations.of(seeded[1])[0].id, note="Edited later.")
    report = export(library, seeded, tmp_path / "notes", since=clock.now)
    assert [f.article_ids for f in report.files] == [(seeded[1],)]
    assert len(export(library, seeded, tmp_path / "all", since=start).files) == 3
    clock.advance()
    assert export(library, seeded, tmp_path / "none", since=clock.now).files == ()


def test_one_file_for_several_articles(library: Library, seeded: list[int], tmp_path: Path) -> None:
    out = tmp_path / "digest.md"
    report = export(library, [seeded[1], seeded[0]], out, template="brief")
    assert statuses(report) == [("digest.md", "written")]
    assert report.files[0].article_ids == (seeded[1], seeded[0])
    text = out.read_text("utf-8")
    assert not text.startswith("---")  # several articles: no front matter, a marker each
    assert text.index(f"<!-- skim_id: {seeded[1]} -->") < text.index(
        f"<!-- skim_id: {seeded[0]} -->"
    )
    assert text.count("## Opinions") == 2
    assert statuses(export(library, [seeded[1], seeded[0]], out, template="brief")) == [
        ("digest.md", "unchanged")
    ]
    single = tmp_path / "one.md"
    export(library, seeded[:1], single)
    assert front_matter(single)["skim_id"] == seeded[0]


def test_templates_without_a_summary_do_not_compute_one(
    library: Library, seeded: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (library.path.parent / "templates").mkdir()
    (library.path.parent / "templates" / "quotes.md").write_text(
        "{{#annotations}}\n> {{quote|quote}} ^{{block_id}}\n\n{{/annotations}}", "utf-8"
    )

    def no_summary(*args: object, **kwargs: object) -> None:
        raise AssertionError("the summary was computed")

    monkeypatch.setattr(library.analysis, "summary", no_summary)
    report = export(library, seeded[:1], tmp_path / "notes", template="quotes")
    assert report.complete
    assert (tmp_path / "notes" / SEA_WALL).read_text("utf-8").startswith("> a $12 million sea wall")


def test_write_failures_are_reported_per_file(
    library: Library, seeded: list[int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(exporter, "write_atomic", full_disk)
    report = export(library, seeded[:2], tmp_path / "notes")
    assert [f.status for f in report.files] == ["failed", "failed"]
    assert report.files[0].message.endswith(f"{SEA_WALL}: No space left on device")
    assert not report.complete


def test_bad_requests_raise_before_writing(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    with pytest.raises(NotFound, match="there is no article 999"):
        export(library, [seeded[0], 999], tmp_path / "notes")
    assert not (tmp_path / "notes").exists()
    (tmp_path / "afile").write_text("x", "utf-8")
    with pytest.raises(
        UsageError, match=r"is a file; give a folder, or a file name ending in \.md"
    ):
        export(library, seeded[:1], tmp_path / "afile")


def test_a_renamed_file_is_followed_not_written_twice(
    library: Library, seeded: list[int], tmp_path: Path, clock: Clock
) -> None:
    out = tmp_path / "notes"
    export(library, seeded[:1], out)
    (out / SEA_WALL).rename(out / "Sea wall.md")
    assert statuses(export(library, seeded[:1], out)) == [("Sea wall.md", "unchanged")]
    clock.advance()
    library.articles.set_article_note(seeded[0], "Changed after the rename.")
    assert statuses(export(library, seeded[:1], out)) == [("Sea wall.md", "written")]
    assert sorted(p.name for p in out.iterdir()) == ["Sea wall.md"]
    assert "> Changed after the rename." in (out / "Sea wall.md").read_text("utf-8")
    # Renamed and edited: protected like any edited file.
    (out / "Sea wall.md").rename(out / "Walls.md")
    with (out / "Walls.md").open("a", encoding="utf-8") as file:
        file.write("mine\n")
    report = export(library, seeded[:1], out)
    assert statuses(report) == [("Walls.md", "skipped")]
    assert sorted(p.name for p in out.iterdir()) == ["Walls.md"]


def test_a_deleted_folder_is_written_again(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    out = tmp_path / "notes"
    export(library, seeded, out)
    for path in out.iterdir():
        path.unlink()
    out.rmdir()
    assert {f.status for f in export(library, seeded, out).files} == {"written"}


@pytest.mark.parametrize("template", ["default", "brief"])
def test_export_uses_the_library_summary_choice(
    library: Library, seeded: list[int], tmp_path: Path, template: str
) -> None:
    from reader.core.analysis import summarize

    body = library.articles.get(seeded[0]).body
    first, second = (s.text for s in summarize(body, algorithm="lead", sentences=2).sentences)
    library.analysis.set_summary_choice(algorithm="lead", sentences=1)
    out = tmp_path / f"{template}.md"
    library.exports.markdown([seeded[0]], out=out, template=template)
    highlights = out.read_text(encoding="utf-8").split("## Highlights", 1)[1].split("\n## ", 1)[0]
    assert f"- {first}" in highlights
    assert second not in highlights
