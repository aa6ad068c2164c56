"""Exports Obsidian takes as they are: one tag form, date-only dates, aliases — checked on 20 files.

The checker is written from Obsidian's documentation ("Tags" and "Properties"): a tag holds only
letters, digits, ``_``, ``-`` and ``/``, no spaces, and not digits alone; front matter is YAML whose
values have Obsidian's property types (text, number, checkbox, list, date, date & time), with
``tags`` and ``aliases`` as lists.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from reader.core.export.render import builtin_template, render_markdown
from reader.core.export.tags import hashtag, logseq_hashtag, obsidian_tag
from reader.core.library import Library
from reader.core.models import ArticleDraft
from tests.export.helpers import ANNOTATIONS, ARTICLE, SUMMARY, T0

TRICKY_TAGS = ("long reads", "c++", "c#", "2024", "r&d", "news/local", "été", "東京")


@pytest.mark.parametrize(
    ("tag", "written"),
    [
        ("long reads", "long-reads"),
        ("Long  Reads", "long-reads"),
        ("c++", "c-plus-plus"),
        ("c#", "c-sharp"),
        ("r&d", "r-and-d"),
        ("2024", "_2024"),
        ("2024/03", "_2024/03"),
        ("news / local", "news/local"),
        ("été", "été"),
        ("e\u0301te\u0301", "été"),  # NFC: the same tag however it was typed
        ("東京", "東京"),
        ("!!!", ""),
    ],
)
def test_obsidian_tag(tag: str, written: str) -> None:
    assert obsidian_tag(tag) == written
    assert hashtag(tag) == (f"#{written}" if written else "")


def test_logseq_tags_keep_their_words() -> None:
    assert logseq_hashtag("climate") == "#climate"
    assert logseq_hashtag("long reads") == "#[[long reads]]"
    assert logseq_hashtag("c++") == "#[[c++]]"
    assert logseq_hashtag("a]]b") == ""  # cannot be written inside [[...]]: kept, not written


# --- The checker, from Obsidian's documentation ------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_BLOCK_ID_LINE = re.compile(r"^> (.*)\^skim-\d+$", re.MULTILINE)
_LIST_PROPERTIES = ("tags", "aliases", "cssclasses")


def valid_obsidian_tag(tag: str) -> bool:
    letters_digits = all(unicodedata.category(c)[0] in "LMN" or c in "_-/" for c in tag)
    return bool(tag) and letters_digits and not tag.isdigit() and " " not in tag


def _property_value_ok(value: Any) -> bool:
    scalar = (str, int, float, bool, date, datetime, type(None))
    if isinstance(value, list):
        return all(isinstance(item, scalar) and not isinstance(item, list) for item in value)
    if isinstance(value, str) and re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        datetime.fromisoformat(value)  # a date & time must be one
    return isinstance(value, scalar)


def obsidian_problems(text: str) -> list[str]:
    """What Obsidian's documented rules find wrong in one exported file."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return ["no front matter"]
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        return [f"front matter is not YAML: {error}"]
    problems = [f"{k}: not a property type" for k, v in data.items() if not _property_value_ok(v)]
    problems += [
        f"{k} is not a list"
        for k in _LIST_PROPERTIES
        if k in data and not isinstance(data[k], list)
    ]
    problems += [
        f"front matter tag {t!r}" for t in data.get("tags", []) if not valid_obsidian_tag(str(t))
    ]
    body_tags = [w[1:] for line in _BLOCK_ID_LINE.findall(text) for w in line.split()]
    problems += [f"body tag {t!r}" for t in body_tags if not valid_obsidian_tag(t)]
    if data.get("aliases") != [data.get("title")]:
        problems.append("aliases is not [title]")
    return problems


def test_the_checker_catches_what_the_issue_found() -> None:
    assert not valid_obsidian_tag("long reads") and not valid_obsidian_tag("2024")
    assert not valid_obsidian_tag("c++") and valid_obsidian_tag("c-plus-plus")
    bad = "---\ntitle: t\naliases: t\ntags:\n- long reads\n- '2024'\n---\n\n> q\n> #C++ ^skim-1\n"
    assert len(obsidian_problems(bad)) == 5


def _add_samples(library: Library) -> list[int]:
    ids = [o.result.article.id for o in library.articles.import_samples() if o.result]
    extra = [
        ("Привет, мир: новости", datetime(2025, 3, 1, tzinfo=UTC)),
        ("東京の新しい駅", datetime(2024, 12, 31, tzinfo=UTC)),
        ("C++ or C#? A 2024 survey", None),
        ("R&D: what 2024 cost", datetime(2025, 1, 2, 15, 30, tzinfo=UTC)),
        ("Long reads: été à Montréal", None),
    ]
    for n, (title, published) in enumerate(extra):
        draft = ArticleDraft(
            title=title,
            body=f"Paragraph {n} of a test article.\n\nIt has a second paragraph too.",
            published=published,
        )
        ids.append(library.articles.add(draft).article.id)
    for n, article_id in enumerate(ids):
        library.articles.set_tags(article_id, TRICKY_TAGS[n % 4 : n % 4 + 4])
        text = library.articles.get(article_id).body
        first_words = " ".join(text.split()[:4])
        library.annotations.add_quote(
            article_id, first_words, note="A note.", tags=TRICKY_TAGS[(n + 2) % 5 :]
        )
    return ids


def test_twenty_exported_samples_pass_the_obsidian_checker_and_round_trip(
    library: Library, tmp_path: Path
) -> None:
    ids = _add_samples(library)
    assert len(ids) == 20
    before = {i: (library.articles.get(i), library.annotations.of(i)) for i in ids}
    report = library.exports.markdown(ids, out=tmp_path / "vault")
    assert report.complete and report.count("written") == 20
    for outcome in report.files:
        assert obsidian_problems(outcome.path.read_text("utf-8")) == [], outcome.path
    # A date given without a time stays a date (Obsidian's Date type), not midnight UTC.
    russian = next(o.path for o in report.files if o.path.name.startswith("привет"))
    assert "\npublished: 2025-03-01\n" in russian.read_text("utf-8")
    # Read back unedited: every note and tag is as it was (c++ is not c-plus-plus).
    back = library.exports.import_notes([tmp_path / "vault"])
    assert back.problems == 0 and (back.notes, back.highlights, back.tags) == (0, 0, 0)
    after = {i: (library.articles.get(i), library.annotations.of(i)) for i in ids}
    assert after == before
    again = library.exports.markdown(ids, out=tmp_path / "vault")
    assert again.count("unchanged") == 20  # byte-stable


def test_a_date_without_time_is_written_as_a_date() -> None:
    article = dataclasses.replace(ARTICLE, published=datetime(2025, 3, 1, tzinfo=UTC))
    text = render_markdown(
        article, ANNOTATIONS, SUMMARY, template=builtin_template("default"), exported_at=T0
    )
    data = yaml.safe_load(_FRONT_MATTER.match(text).group(1))  # type: ignore[union-attr]
    assert data["published"] == date(2025, 3, 1)
    assert data["added"] == "2025-03-15T09:00:00+00:00"  # a time stays a time
