"""Rendering one article: golden files for the built-in templates, front matter, hostile notes.

Set SKIM_UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, and read the diff.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path

import pytest
import yaml

from reader.core.export.render import builtin_template, load_template, render_markdown
from reader.core.export.templating import TemplateError, parse
from tests.export.helpers import ANNOTATIONS, ARTICLE, SUMMARY, T0, annotation

GOLDEN = Path(__file__).parent / "golden"


def render(template: str = "default", **changes: object) -> str:
    article = dataclasses.replace(ARTICLE, **changes)  # type: ignore[arg-type]
    return render_markdown(
        article, ANNOTATIONS, SUMMARY, template=builtin_template(template), exported_at=T0
    )


@pytest.mark.parametrize("template", ["default", "brief", "logseq"])
def test_golden_file(template: str) -> None:
    data = render(template).encode("utf-8")
    golden = GOLDEN / f"{template}.md"
    if os.environ.get("SKIM_UPDATE_GOLDEN"):
        golden.write_bytes(data)
    assert data == golden.read_bytes()


def test_same_data_same_bytes() -> None:
    assert render() == render()
    assert render("brief") == render("brief")


def test_front_matter_parses_back_with_every_field() -> None:
    text = render(title='Yes: a "quoted" title # not a comment', author=None)
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert match is not None
    data = yaml.safe_load(match.group(1))
    assert list(data) == [
        "title",
        "aliases",
        "source",
        "author",
        "url",
        "published",
        "updated",
        "added",
        "state",
        "tags",
        "skim_id",
        "exported",
    ]
    assert data["title"] == 'Yes: a "quoted" title # not a comment'
    assert data["aliases"] == [data["title"]]  # so [[Title]] finds the file whatever its name
    assert data["author"] is None and data["updated"] is None
    assert data["tags"] == ["climate", "local"]
    assert data["skim_id"] == 7 and data["state"] == "later"
    assert data["published"] == "2025-03-14T08:30:00+00:00"
    assert data["exported"] == "2025-03-20T18:45:00+00:00"


HOSTILE = (
    "first line\x1b[2J\x07\n"
    "# a heading\n"
    "---\n"
    "title: fake front matter\n"
    "---\n"
    "[[wikilink]] and ^skim-99\n"
    "> already quoted\r\n"
    "```\n"
    "## Notes"
)


def _quote_blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.startswith(">"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


def test_hostile_notes_stay_inside_their_quote() -> None:
    hostile = annotation(4, 0, 20, note=HOSTILE, tags=("x",))
    text = render_markdown(
        dataclasses.replace(ARTICLE, note=HOSTILE),
        [hostile],
        SUMMARY,
        template=builtin_template("default"),
        exported_at=T0,
    )
    assert "\x1b" not in text and "\x07" not in text and "\r" not in text
    # Outside blockquotes the document has exactly its own structure.
    outside = [line for line in text.split("\n") if line and not line.startswith(">")]
    assert [line for line in outside if line.startswith(("#", "---"))] == [
        "---",
        "---",
        "# Harbour council approves $12 million sea wall: what it means",
        "## Highlights",
        "## My highlights",
        "## Notes",
    ]
    highlight, note = _quote_blocks(text)
    assert highlight[-1] == "> #x ^skim-4"
    for block in (highlight, note):
        joined = "\n".join(block)
        assert "> # a heading" in joined and "> ---" in joined and "> ## Notes" in joined
        assert "> [[wikilink]] and \\^skim-99" in joined  # a forged block id is escaped
        assert "> > already quoted" in joined
    assert yaml.safe_load(text.split("---\n")[1])["skim_id"] == 7


def test_empty_sections_are_left_out() -> None:
    text = render_markdown(
        dataclasses.replace(ARTICLE, note=""),
        [],
        None,
        template=builtin_template("default"),
        exported_at=T0,
    )
    assert "## " not in text
    assert text.endswith("# Harbour council approves $12 million sea wall: what it means\n")


def test_combined_output_has_no_front_matter() -> None:
    text = render_markdown(
        ARTICLE,
        ANNOTATIONS,
        SUMMARY,
        template=builtin_template("default"),
        exported_at=T0,
        combined=True,
    )
    assert text.startswith("# Harbour council")
    assert "skim_id" not in text


def test_user_templates_by_name_and_by_path(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "short.md").write_text("{{title}} ({{hashtags}})\n", "utf-8")
    mine = tmp_path / "mine.tmpl"
    mine.write_text("{{#annotations}}\n- {{quote}}\n{{/annotations}}\n", "utf-8")
    short = load_template("short", tmp_path)
    assert short.name == "short"
    out = render_markdown(ARTICLE, ANNOTATIONS, None, template=short, exported_at=T0)
    assert out == "Harbour council approves $12 million sea wall: what it means (#climate #local)\n"
    by_path = load_template(str(mine), tmp_path)
    assert by_path.name == str(mine.resolve())
    assert render_markdown(ARTICLE, ANNOTATIONS[:1], None, template=by_path, exported_at=T0) == (
        "- a $12 million sea wall along Front Street\n"
    )


def test_a_user_template_may_replace_a_built_in_one(tmp_path: Path) -> None:
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "brief.md").write_text("mine\n", "utf-8")
    assert load_template("brief", tmp_path).render({}) == "mine\n"
    assert load_template("brief", None) is builtin_template("brief")


@pytest.mark.parametrize(
    ("setup", "spec", "message"),
    [
        (None, "nosuch", "there is no template 'nosuch'"),
        (None, "missing.md", "missing.md: no such template file"),
        (b"\xff\xfe{{title}}", "bad.md", "bad.md: not UTF-8 text"),
        (b"{{titel}}", "typo.md", "unknown variable 'titel'"),
    ],
)
def test_template_errors_are_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, setup: bytes | None, spec: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    if setup is not None:
        (tmp_path / spec).write_bytes(setup)
    with pytest.raises(TemplateError, match=re.escape(message)) as error:
        load_template(spec, tmp_path)
    assert "\n" not in str(error.value)


@pytest.mark.skipif(not hasattr(yaml, "CSafeDumper"), reason="PyYAML built without libyaml")
@pytest.mark.parametrize(
    "title",
    ["plain", "yes", "a: b", "- x", "#x", "'q'", '"q"', "null", "東京 ~ é", "0x1F", "a\u2028b"],
)
def test_libyaml_and_python_dumpers_write_the_same_front_matter(title: str) -> None:
    # Export uses libyaml's dumper when it can; files must not depend on which one a machine has.
    data = {"title": title, "tags": [title, "x"], "author": None, "skim_id": 1}
    options: dict[str, object] = {
        "sort_keys": False,
        "allow_unicode": True,
        "default_flow_style": False,
        "width": 4096,
    }
    fast = yaml.dump(data, Dumper=yaml.CSafeDumper, **options)  # type: ignore[call-overload]
    slow = yaml.dump(data, Dumper=yaml.SafeDumper, **options)  # type: ignore[call-overload]
    assert fast == slow
    assert yaml.safe_load(fast)["title"] == title


def test_body_and_front_matter_are_there_when_a_template_asks() -> None:
    template = parse("{{front_matter}}\n\n{{body}}", "full")
    text = render_markdown(ARTICLE, [], None, template=template, exported_at=T0)
    assert text.startswith("title: 'Harbour council") and text.endswith("engineers said.\n")
    assert "\n\nMayor Elena Ruiz" in text  # paragraphs kept
