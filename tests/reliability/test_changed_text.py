"""Re-importing an article whose text changed: highlights move with their quotes or are orphaned."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.library import Library, open_library
from reader.core.models import ArticleDraft, ArticleQuery
from tests.reliability.tally import TALLY

URL = "https://news.test/ferry"
OLD = (
    "The council met on Tuesday.\n\n"
    "The first crossing leaves at seven from the east pier.\n\n"
    "Tickets cost four euros. Cyclists ride free.\n\n"
    "A second pier opens in spring."
)
NEW = (
    "Updated: the council met again on Wednesday and changed its mind.\n\n"
    "The council met on Tuesday.\n\n"
    "The first crossing leaves at seven from the east pier.\n\n"
    "Tickets cost five euros. Cyclists ride free.\n\n"
    "A second pier opens in spring."
)


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = open_library(tmp_path)
    yield lib
    lib.close()


def _annotate(library: Library, article_id: int, quote: str, note: str) -> int:
    return library.annotations.add_quote(article_id, quote, note=note).id


def test_changed_text_reanchors_moves_and_orphans_but_drops_nothing(library: Library) -> None:
    aid = library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL)).article.id
    crossing = _annotate(library, aid, "first crossing leaves at seven", "early")
    price = _annotate(library, aid, "four euros", "cheap")
    spring = _annotate(library, aid, "second pier opens", "")
    gone = _annotate(library, aid, "Cyclists ride free", "nice")
    library.annotations.delete(gone)  # deleted ones move too, so undo still works

    again = library.articles.add(ArticleDraft(title="Ferry (updated)", body=NEW, url=URL))
    assert not again.created
    assert again.reason == "updated (text changed; 2 highlights re-anchored, 1 orphaned)"
    assert again.article.title == "Ferry (updated)"
    article = library.articles.get(aid)
    assert article.body == NEW and library.articles.count() == 1
    found = {a.id: a for a in library.annotations.of(aid)}
    assert set(found) == {crossing, price, spring}
    for kept in (crossing, spring):
        a = found[kept]
        assert not a.orphaned and NEW[a.start : a.end] == a.quote
        assert NEW[max(0, a.start - len(a.prefix)) : a.start] == a.prefix
    assert found[price].orphaned and found[price].note == "cheap"
    assert 0 <= found[price].start <= found[price].end <= len(NEW)
    library.annotations.undelete(gone)
    restored = next(a for a in library.annotations.of(aid) if a.id == gone)
    assert NEW[restored.start : restored.end] == "Cyclists ride free"
    # The index follows the new text and still holds the orphan's note.
    assert [m.id for m in library.articles.find(ArticleQuery(text="Wednesday"))] == [aid]
    assert [m.id for m in library.articles.find(ArticleQuery(text="cheap"))] == [aid]
    TALLY["annotations lost"] += 4 - len(library.annotations.of(aid))


def test_an_orphan_comes_back_when_its_text_returns(library: Library) -> None:
    aid = library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL)).article.id
    price = _annotate(library, aid, "four euros", "cheap")
    library.articles.add(ArticleDraft(title="Ferry", body=NEW, url=URL))
    assert library.annotations.of(aid)[0].orphaned
    back = library.articles.add(ArticleDraft(title="Ferry", body=OLD + "\n\nCorrection.", url=URL))
    assert back.reason == "updated (text changed; 1 highlight re-anchored, 0 orphaned)"
    (annotation,) = library.annotations.of(aid)
    assert annotation.id == price and not annotation.orphaned


def test_same_text_again_is_still_a_plain_duplicate(library: Library) -> None:
    library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL))
    again = library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL))
    assert (again.created, again.reason) == (False, "same URL")


def test_new_text_that_another_article_holds_is_left_alone(library: Library) -> None:
    library.articles.add(ArticleDraft(title="Other", body=NEW))
    aid = library.articles.add(ArticleDraft(title="Ferry", body=OLD, url=URL)).article.id
    again = library.articles.add(ArticleDraft(title="Ferry", body=NEW, url=URL))
    assert again.reason == "same URL" and library.articles.get(aid).body == OLD


def test_cli_reports_the_update_and_shows_orphans_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "ferry.md"
    page.write_text(f"---\ntitle: Ferry\nurl: {URL}\n---\n\n{OLD}\n", encoding="utf-8")
    data = tmp_path / "data"
    skim = ["--data-dir", str(data)]
    assert main([*skim, "add", str(page)]) == 0
    assert main([*skim, "note", "1", "--quote", "four euros", "--note", "cheap"]) == 0
    assert main([*skim, "note", "1", "--quote", "east pier"]) == 0
    capsys.readouterr()
    page.write_text(f"---\ntitle: Ferry\nurl: {URL}\n---\n\n{NEW}\n", encoding="utf-8")
    assert main([*skim, "add", str(page)]) == 0
    out = capsys.readouterr().out
    assert out == "1\tFerry\tupdated (text changed; 1 highlight re-anchored, 1 orphaned)\n"
    assert main([*skim, "show", "1"]) == 0
    shown = capsys.readouterr().out
    notes, orphans = shown.split("Orphaned highlights (no longer in the text)")
    assert "> east pier" in notes and "four euros" not in notes
    assert "> four euros" in orphans and "cheap" in orphans
