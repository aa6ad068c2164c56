"""The export template language: a safe Mustache subset with filters and checked variable names."""

from __future__ import annotations

from typing import Any

import pytest

from reader.core.export.templating import TemplateError, parse, quote_lines, yaml_scalar


def render(text: str, **context: Any) -> str:
    return parse(text).render(context)


def test_variables_dotted_names_and_plain_values() -> None:
    assert render(
        "{{ a }}-{{b.c}}-{{n}}-{{t}}-{{none}}", a="x", b={"c": "y"}, n=3, t=True, none=None
    ) == ("x-y-3-true-")


def test_no_escaping_markdown_and_html_pass_through() -> None:
    assert render("{{x}}", x="<b>**bold**</b> & [[link]]") == "<b>**bold**</b> & [[link]]"
    assert render("{{{x}}}|{x}", x="<i>") == "<i>|{x}"  # Mustache's unescaped form is the same


def test_list_sections_repeat_and_see_outer_names() -> None:
    out = render(
        "{{#items}}{{name}}@{{where}};{{/items}}", items=[{"name": "a"}, {"name": "b"}], where="w"
    )
    assert out == "a@w;b@w;"


def test_item_names_shadow_outer_names() -> None:
    out = render("{{#items}}{{note}}|{{/items}}{{note}}", items=[{"note": "inner"}], note="outer")
    assert out == "inner|outer"


def test_scalar_and_empty_sections_and_inverted() -> None:
    template = "{{#s}}[{{.}}]{{/s}}{{^s}}none{{/s}}"
    assert render(template, s="text") == "[text]"
    empties: list[object] = ["", None, False, [], 0]
    for empty in empties:
        assert render(template, s=empty) == "none"


def test_standalone_tags_take_their_line() -> None:
    text = "a\n{{#items}}\n- {{.}}\n{{/items}}\n{{! a comment }}\nb\n"
    assert render(text, items=["x", "y"]) == "a\n- x\n- y\nb\n"


def test_tags_sharing_a_line_with_text_are_not_standalone() -> None:
    assert render("a {{#s}}x{{/s}} b\n", s=True) == "a x b\n"


def test_quote_filter_keeps_every_line_in_the_blockquote() -> None:
    assert quote_lines("one\n\n# two\n---") == "one\n>\n> # two\n> ---"
    assert render("> {{x|quote}}", x="a\nb") == "> a\n> b"


def test_yaml_filter_quotes_what_yaml_would_misread() -> None:
    assert yaml_scalar("plain words") == "plain words"
    assert yaml_scalar("yes") == "'yes'"
    assert yaml_scalar("a: b") == "'a: b'"
    assert render("title: {{t|yaml}}", t="- not a list") == "title: '- not a list'"


def test_names_used_are_collected() -> None:
    template = parse("{{a}}{{#b}}{{c.d}}{{/b}}{{^e}}{{/e}}{{! f }}")
    assert template.names == {"a", "b", "c", "e"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("line\n{{#a}}\n", "line 2: {{#a}} is never closed"),
        ("{{/a}}", "line 1: {{/a}} closes nothing"),
        ("{{#a}}{{/b}}", "closes nothing"),
        ("{{x|shout}}", "unknown filter 'shout'"),
        ("{{a b}}", "'a b' is not a variable name"),
        ("{{x()}}", "is not a variable name"),
        ("ok\n{{ unclosed", "line 2: a '{{' or '}}' that is not a complete tag"),
        ("{{{#x}}}", "'#x' is not a variable name"),
    ],
)
def test_malformed_templates_are_refused_with_a_line(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message.replace("{", r"\{").replace("(", r"\(")):
        parse(text, "mine.md")


def test_check_reports_unknown_variables_with_their_line() -> None:
    schema = {"title": None, "items": {"name": None}}
    parse("{{title}}{{#items}}{{name}}{{title}}{{/items}}").check(schema)
    with pytest.raises(TemplateError, match=r"mine.md line 2: unknown variable 'titel'"):
        parse("ok\n{{titel}}", "mine.md").check(schema)
    with pytest.raises(TemplateError, match="unknown variable 'name'"):
        parse("{{name}}").check(schema)  # only inside the section
    with pytest.raises(TemplateError, match=r"unknown variable 'title.__class__'"):
        parse("{{title.__class__}}").check(schema)


def test_templates_cannot_reach_python_attributes() -> None:
    # Lookups only read mapping keys: attributes and methods of values are not reachable.
    assert render("{{s.upper}}{{s.__class__}}{{d.keys}}", s="text", d={"k": 1}) == ""
