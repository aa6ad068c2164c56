"""The Library facade: imports, duplicates, annotations by quote, and the analysis cache."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.core import ArticleDraft, ArticleQuery, NotFound, TriageState, UsageError, open_library
from reader.core.library import Library

FIXED = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)
BODY = (
    "The council met on Monday. Mayor Elena Ruiz said 4,000 homes were at risk.\n\n"
    "Engineers from Harbour Works Ltd will start in March. The work costs $12 million."
)


@pytest.fixture()
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path / "data", clock=lambda: FIXED)
    yield lib
    lib.close()


def test_open_library_creates_the_data_dir_and_database(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "new" / "dir")
    assert lib.path == tmp_path / "new" / "dir" / "library.sqlite3"
    assert lib.path.exists()
    lib.close()


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKIM_DATA_DIR", str(tmp_path / "env"))
    lib = open_library()
    assert lib.path.parent == tmp_path / "env"
    lib.close()


def test_add_then_duplicate_by_text_and_by_url(library: Library) -> None:
    first = library.articles.add(
        ArticleDraft(title="Flood plan", body=BODY, url="https://example.com/a")
    )
    assert first.created and first.article.added == FIXED
    same_text = library.articles.add(ArticleDraft(title="Another title", body=BODY.upper()))
    assert not same_text.created and same_text.reason == "same text"
    same_url = library.articles.add(
        ArticleDraft(title="X", body="Different text.", url="https://example.com/a")
    )
    # Same URL with new text: the stored article takes the new text (see tests/reliability).
    assert not same_url.created and same_url.reason.startswith("updated (text changed")
    assert library.articles.count() == 1


def test_import_paths_reports_each_file(tmp_path: Path, library: Library) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Good title\n\nA sentence. Another one.\n", encoding="utf-8")
    (folder / "empty.md").write_text("", encoding="utf-8")
    outcomes = library.articles.import_paths([folder, tmp_path / "missing.txt"])
    assert [o.error is None for o in outcomes] == [False, True, False]
    assert outcomes[1].result is not None and outcomes[1].result.article.title == "Good title"


def test_import_samples_imports_every_sample_once(library: Library) -> None:
    outcomes = library.articles.import_samples()
    assert all(o.error is None for o in outcomes)
    assert library.articles.count() == len(outcomes) >= 12
    again = library.articles.import_samples()
    assert not any(o.result and o.result.created for o in again)


def test_annotate_quote_anchors_with_context(library: Library) -> None:
    article_id = library.articles.add(ArticleDraft(title="T", body=BODY)).article.id
    annotation = library.annotations.add_quote(
        article_id, "4,000   HOMES", note="check", tags=["Risk"]
    )
    assert BODY[annotation.start : annotation.end] == "4,000 homes"
    assert annotation.prefix.endswith("said ") and annotation.suffix.startswith(" were")
    assert annotation.tags == ("risk",)
    assert library.articles.meta(article_id).notes == 1
    with pytest.raises(UsageError):
        library.annotations.add_quote(article_id, "volcano")
    with pytest.raises(UsageError):
        library.annotations.add(article_id, 5, 5000)


def test_delete_and_restore_annotation(library: Library) -> None:
    article_id = library.articles.add(ArticleDraft(title="T", body=BODY)).article.id
    annotation = library.annotations.add(article_id, 0, 26)
    library.annotations.delete(annotation.id)
    assert library.annotations.of(article_id) == []
    library.annotations.undelete(annotation.id)
    assert [a.id for a in library.annotations.of(article_id)] == [annotation.id]


def test_triage_delete_restore_and_views(library: Library) -> None:
    article_id = library.articles.add(ArticleDraft(title="T", body=BODY)).article.id
    library.articles.set_state([article_id], TriageState.LATER)
    library.articles.set_starred([article_id], True)
    assert (
        library.articles.view_counts()["later"] == 1
        and library.articles.view_counts()["starred"] == 1
    )
    library.articles.delete([article_id])
    assert library.articles.count() == 0
    library.articles.undelete([article_id])
    assert library.articles.find(ArticleQuery(state=TriageState.LATER))[0].id == article_id


def test_analysis_and_summary_are_cached(library: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.core import analysis

    article = library.articles.get(
        library.articles.add(ArticleDraft(title="T", body=BODY)).article.id
    )
    first = library.analysis.of(article)
    summary = library.analysis.summary(article, sentences=2)
    calls: list[str] = []
    monkeypatch.setattr(analysis, "analyze", lambda text: calls.append("analyze"))
    monkeypatch.setattr(analysis, "summarize", lambda *a, **k: calls.append("summarize"))
    assert library.analysis.of(article) == first
    assert library.analysis.summary(article, sentences=2) == summary
    assert calls == []
    for start, end in first.sentences:
        assert 0 <= start < end <= len(BODY)
    assert len(summary.sentences) == 2


def test_settings_round_trip(library: Library) -> None:
    assert library.get_setting("theme") is None
    library.set_setting("theme", "skim-light")
    assert library.get_setting("theme") == "skim-light"


def test_last_deleted_tells_two_deletes_in_the_same_second_apart(library: Library) -> None:
    ids = [
        library.articles.add(
            ArticleDraft(title=f"Council {n}", body=f"{BODY} Item {n}.")
        ).article.id
        for n in range(3)
    ]
    assert library.articles.last_deleted() == []
    library.articles.delete([ids[0]])
    library.articles.delete([ids[1], ids[2]])  # the fixed clock: both deletes have the same second
    assert library.articles.last_deleted() == [ids[1], ids[2]]
    library.articles.undelete(library.articles.last_deleted())
    assert library.articles.last_deleted() == [ids[0]]


def test_change_tags_adds_and_removes_keeping_the_rest(library: Library) -> None:
    first = library.articles.add(
        ArticleDraft(title="A", body=BODY, tags=("keep", "old"))
    ).article.id
    second = library.articles.add(ArticleDraft(title="B", body=BODY + " More.")).article.id
    library.articles.change_tags([first, second], add=["New ", "new"], remove=["OLD", "absent"])
    assert library.articles.meta(first).tags == ("keep", "new")
    assert library.articles.meta(second).tags == ("new",)
    with pytest.raises(NotFound):
        library.articles.change_tags([first, 999], remove=["keep"])
    assert library.articles.meta(first).tags == ("keep", "new")


def test_annotate_quote_twice_returns_the_same_highlight(library: Library) -> None:
    article_id = library.articles.add(ArticleDraft(title="A", body=BODY)).article.id
    first = library.annotations.add_quote(article_id, "4,000 homes", note="check")
    again = library.annotations.add_quote(article_id, "4,000  HOMES", note="check", tags=["x"])
    assert again.id == first.id and again.note == "check" and again.tags == ("x",)
    assert len(library.annotations.of(article_id)) == 1
    with pytest.raises(UsageError, match="empty"):
        library.annotations.add_quote(article_id, " ")


def test_summary_choice_is_stored_validated_and_falls_back_to_the_default(
    library: Library,
) -> None:
    from reader.core.analysis import DEFAULT_ALGORITHM, DEFAULT_SENTENCES
    from reader.core.errors import AnalysisError

    assert library.analysis.summary_choice() == (DEFAULT_ALGORITHM, DEFAULT_SENTENCES)
    library.analysis.set_summary_choice(algorithm="lexrank")
    library.analysis.set_summary_choice(sentences=5)
    assert library.analysis.summary_choice() == ("lexrank", 5)
    with pytest.raises(AnalysisError, match="unknown summary algorithm"):
        library.analysis.set_summary_choice(algorithm="bert")
    with pytest.raises(AnalysisError, match="whole number"):
        library.analysis.set_summary_choice(sentences=0)
    library.set_setting("summary.algorithm", "gone")  # written by an older or newer skim
    library.set_setting("summary.sentences", "many")
    assert library.analysis.summary_choice() == (DEFAULT_ALGORITHM, DEFAULT_SENTENCES)
