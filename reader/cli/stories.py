"""``skim stories``, ``skim story link|unlink``, ``skim compare`` and ``skim tone``: stories across
sources, plain text or JSON; options and handlers."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from reader.cli.output import (
    BOLD,
    DIM,
    INFERRED_LEGEND,
    article_day,
    counted,
    info,
    print_json_indented,
    safe,
    style,
    text_width,
    use_colour,
)

if TYPE_CHECKING:
    from reader.core import Comparison, FigureGroup, Library


def add_story_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``stories``, ``compare`` and ``tone`` to the ``skim`` subcommands."""
    stories = commands.add_parser(
        "stories", help="list stories: articles from different sources about the same event"
    )
    stories.add_argument(
        "--all", action="store_true", help="also list articles that no other source covers"
    )
    stories.add_argument("--limit", type=int, metavar="N", help="at most N stories")
    stories.add_argument(
        "--regroup", action="store_true", help="group every article again from scratch first"
    )
    stories.add_argument("--json", action="store_true", help="print a JSON array")

    story = commands.add_parser(
        "story",
        help="link articles that report the same event, or take one out of its story",
        description="Links made by hand are kept by `skim stories --regroup`.",
    )
    actions = story.add_subparsers(dest="story_command", metavar="ACTION", required=True)
    link = actions.add_parser("link", help="file two or more articles in one story")
    link.add_argument("ids", type=int, nargs="+", metavar="ID", help="the articles (two or more)")
    link.add_argument("--json", action="store_true", help="print the JSON form")
    unlink = actions.add_parser(
        "unlink", help="take an article out of its story and keep it apart from the others"
    )
    unlink.add_argument("id", type=int, metavar="ID")
    unlink.add_argument("--json", action="store_true", help="print the JSON form")

    compare = commands.add_parser(
        "compare", help="compare how sources cover a story: figures, names, quotes"
    )
    compare.add_argument(
        "ids",
        type=int,
        nargs="+",
        metavar="ID",
        help="two or more articles, or one article to compare with the rest of its story",
    )
    compare.add_argument("--json", action="store_true", help="print the JSON form")

    tone = commands.add_parser(
        "tone", help="an article's tone label, with the evidence and its opinion sentences"
    )
    tone.add_argument("id", type=int)
    tone.add_argument("--json", action="store_true", help="print the JSON form")


def _wrap(text: str, indent: str, width: int, first: str | None = None) -> str:
    import textwrap

    return textwrap.fill(
        safe(text),
        width=width,
        initial_indent=first if first is not None else indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def stories(library: Library, args: argparse.Namespace) -> int:
    """``skim stories [--all] [--limit N] [--regroup] [--json]``."""
    if args.regroup:
        library.stories.regroup()
    else:
        library.stories.group_pending()  # articles stored before grouping existed
    found = library.stories.find(min_size=1 if args.all else 2, limit=args.limit)
    if args.json:
        from reader.core import story_to_dict

        print_json_indented([story_to_dict(s) for s in found])
        return 0
    if not found:
        info(args, "No story has more than one source yet.")
        return 0
    colour = use_colour(args.color)
    for story in found:
        print(style(safe(f"{counted(story.size, 'source')} · {story.title}"), BOLD, colour))
        for meta in story.articles:
            day = article_day(meta)  # the "~" of an inferred date takes the space before it
            print(f"  {meta.id:>5} {day}  {safe(meta.source or '')[:22]:<22}  {safe(meta.title)}")
    if any(meta.day_inferred for story in found for meta in story.articles):
        info(args, INFERRED_LEGEND)
    return 0


def story(library: Library, args: argparse.Namespace) -> int:
    """``skim story link ID ID… [--json]`` and ``skim story unlink ID [--json]``."""
    if args.story_command == "link":
        ids = list(dict.fromkeys(args.ids))
        story_id = library.stories.link(ids)
        if args.json:
            print_json_indented({"story": story_id, "articles": ids})
        elif story_id is None:
            print(f"Linked articles {_id_list(ids)}: they will share a story once grouped")
        else:
            print(f"Linked articles {_id_list(ids)} in story {story_id}")
        return 0
    apart = library.stories.unlink(args.id)
    if args.json:
        print_json_indented({"article": args.id, "apart_from": apart})
    elif apart:
        print(f"Took article {args.id} out of its story; kept apart from {_id_list(apart)}")
    else:
        print(f"Article {args.id} had no other source; it stays in a story of its own")
    return 0


def _id_list(ids: Sequence[int]) -> str:
    names = [str(i) for i in ids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def compare(library: Library, args: argparse.Namespace) -> int:
    """``skim compare ID [ID…] [--json]``: one ID compares it with the rest of its story."""
    from reader.core import UsageError

    ids: list[int] = list(dict.fromkeys(args.ids))
    if len(ids) == 1:
        library.stories.group_pending()
        ids = [meta.id for meta in library.stories.of(ids[0])]
        if len(ids) < 2:
            raise UsageError(
                f"article {args.ids[0]} has no other source in the library; "
                "give two or more ids to compare"
            )
    comparison = library.stories.compare(ids)
    if args.json:
        from reader.core import comparison_to_dict

        print_json_indented(comparison_to_dict(comparison))
        return 0
    print("\n".join(render_comparison(comparison, text_width(), use_colour(args.color))))
    return 0


def render_comparison(c: Comparison, width: int, colour: bool) -> list[str]:
    """The plain-text report of ``c``: sources are numbered [1], [2]… in every section."""
    number = {s.article_id: k for k, s in enumerate(c.sources, start=1)}
    lines = [style(f"Comparing {len(c.sources)} sources", BOLD, colour)]
    for s in c.sources:
        when = s.published.strftime("%d %b %Y") if s.published else ""
        parts = [p for p in (s.source, when, s.title) if p]
        lines.append(_wrap(" · ".join(parts), "      ", width, f"  [{number[s.article_id]}] "))
    lines += ["", style("Highlights", BOLD, colour)]
    for s in c.sources:
        lines.append(f"  [{number[s.article_id]}] {safe(s.source or s.title)}")
        lines += [_wrap(h, "      ", width, "    • ") for h in s.highlights] or ["    (none)"]
        if s.publisher_summary or s.publisher_tone:  # the outlet's own, beside skim's
            tone = f" (its tone: {s.publisher_tone})" if s.publisher_tone else ""
            lines.append(style(safe(f"    The publisher's highlights{tone}"), DIM, colour))
            lines += [_wrap(h, "      ", width, "    ◦ ") for h in s.publisher_summary]

    def figure_line(group: FigureGroup) -> str:
        values = " · ".join(f"[{number[f.article_id]}] {f.span.text}" for f in group.figures)
        return _wrap(
            f"{group.about or group.figures[0].span.label.lower()}: {values}", "      ", width, "  "
        )

    sections = [
        ("Figures that differ", c.differing_figures()),
        ("Figures that agree", c.agreed_figures()),
    ]
    for title, groups in sections:
        lines += ["", style(title, BOLD, colour)]
        lines += [figure_line(g) for g in groups] or ["  (none)"]
    lines += ["", style("Figures in one source only", BOLD, colour)]
    for s in c.sources:
        own = [g.figures[0] for g in c.single_source_figures() if g.article_ids == (s.article_id,)]
        text = ", ".join(f.span.text for f in own) or "(none)"
        lines.append(_wrap(text, "      ", width, f"  [{number[s.article_id]}] "))
    lines += ["", style("Named in every source", BOLD, colour)]
    shared = ", ".join(e.name for e in c.shared_entities()) or "(none)"
    lines.append(_wrap(shared, "  ", width))
    lines += ["", style("Named in some sources only", BOLD, colour)]
    for s in c.sources:
        names = [e.name for e in c.partial_entities() if s.article_id in e.article_ids]
        lines.append(
            _wrap(", ".join(names) or "(none)", "      ", width, f"  [{number[s.article_id]}] ")
        )
    lines += ["", style("Quotes", BOLD, colour)]
    for s in c.sources:
        quotes = c.quotes_of(s.article_id)
        lines.append(f"  [{number[s.article_id]}] {safe(s.source or s.title)}")
        for q in quotes:
            who = q.speaker or "unattributed"
            lines.append(_wrap(f"{who}: “{q.text}”", "        ", width, "    – "))
        if not quotes:
            lines.append("    (none)")
    return lines


def tone(library: Library, args: argparse.Namespace) -> int:
    """``skim tone ID [--json]``: the label, why, the evidence and the opinion sentences."""
    article = library.articles.get(args.id)
    result = library.analysis.tone(article)
    if args.json:
        from reader.core import tone_to_dict

        print_json_indented(tone_to_dict(result))
        return 0
    colour = use_colour(args.color)
    width = text_width()
    print(style(f"{result.label.value}", BOLD, colour) + f"  {safe(article.title)}")
    for reason in result.reasons:
        print(_wrap(reason, "    ", width, "  – "))
    evidence = _evidence_words(result.evidence)
    if evidence:
        print()
        print(style("Evidence", BOLD, colour))
        for feature, words in evidence.items():
            print(_wrap(", ".join(words), "    ", width, f"  {feature}: "))
    opinions = [s for s in result.sentences if s.label == "OPINION"]
    print()
    print(style(f"Opinion sentences ({len(opinions)} of {len(result.sentences)})", BOLD, colour))
    for stance in opinions:
        cues = ", ".join(sorted({c.label for c in stance.cues}))
        print(_wrap(article.body[stance.start : stance.end], "    ", width, "  • "))
        print(style(f"    ({cues})", DIM, colour))
    if not opinions:
        print("  (none)")
    return 0


def _evidence_words(evidence: Sequence[Any]) -> dict[str, list[str]]:
    """Distinct evidence words per feature (whole quotations and sentences are left out)."""
    found: dict[str, list[str]] = {}
    for span in evidence:
        if span.label in ("quoted", "exclamation", "question"):
            continue
        words = found.setdefault(span.label, [])
        if span.text not in words:
            words.append(span.text)
    return found
