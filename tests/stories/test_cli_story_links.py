"""``skim story link`` and ``skim story unlink``: text, JSON, errors, and both survive ``--regroup``."""

from __future__ import annotations

import json

import pytest

from reader.cli.main import main
from reader.core.library import Library
from tests.stories.test_manual_links import FERRY_A, FERRY_B, FERRY_C, MUSEUM


def skim(library: Library, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(library.path.parent), *args])
    out, err = capsys.readouterr()
    return status, out, err


def _stories(library: Library, capsys: pytest.CaptureFixture[str], *args: str) -> list[set[int]]:
    status, out, _ = skim(library, capsys, "stories", "--all", "--json", *args)
    assert status == 0
    return sorted(({a["id"] for a in s["articles"]} for s in json.loads(out)), key=min)


def test_link_files_articles_in_one_story_and_regroup_keeps_it(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c, museum = (
        library.articles.add(d).article.id for d in (FERRY_A, FERRY_B, FERRY_C, MUSEUM)
    )
    status, out, _ = skim(library, capsys, "story", "link", str(c), str(a))
    assert status == 0 and out == f"Linked articles {c} and {a} in story {a}\n"
    assert {a, b, c} in _stories(library, capsys, "--regroup")
    assert {museum} in _stories(library, capsys)


def test_unlink_takes_an_article_out_for_good(
    library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = (library.articles.add(d).article.id for d in (FERRY_A, FERRY_B))
    status, out, _ = skim(library, capsys, "story", "unlink", str(b), "--json")
    assert status == 0 and json.loads(out) == {"article": b, "apart_from": [a]}
    assert _stories(library, capsys, "--regroup") == [{a}, {b}]
    status, out, _ = skim(library, capsys, "story", "unlink", str(b))
    assert status == 0 and "no other source" in out


def test_link_json(library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    a, museum = (library.articles.add(d).article.id for d in (FERRY_A, MUSEUM))
    status, out, _ = skim(library, capsys, "story", "link", str(museum), str(a), "--json")
    assert status == 0 and json.loads(out) == {"story": a, "articles": [museum, a]}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("story", "link", "1", "99"), "skim: there is no article 99\n"),
        (("story", "link", "1", "1"), "skim: link needs two or more different articles\n"),
        (("story", "unlink", "42"), "skim: there is no article 42\n"),
    ],
)
def test_bad_ids_are_one_clear_line(
    library: Library, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    library.articles.add(FERRY_A)
    status, out, err = skim(library, capsys, *args)
    assert (status, out, err) == (1, "", message)
