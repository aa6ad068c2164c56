"""Plain-text articles: headline, date lines and byline; aggregator labels dropped; lines rejoined.

Text copied from a news aggregator looks like this::

    Dec 29, 2024, 9:47 AM
    Updated Dec 29, 2024, 11:02 AM
    Headline of the story
    Provocative                 <- the site's one-word tone label
    Highlights                  <- the site's own bullet summary
    ...
    Story                       <- the article itself
    ...
    Opinions                    <- reader comments
    ...

Only the story is the article body. The highlights are the site's own summary of its story, not
the author's words: they are kept apart as the article's *publisher summary* (one item per line or
list item), and the tone label as its *publisher tone*, for a reader to set beside skim's own. The
opinions are other readers' comments and are dropped; the labels themselves are never body text.
When there is no ``Story`` label, a ``Highlights`` section cannot be told apart from the story that
follows it, so its text stays in the body.
"""

from __future__ import annotations

import re
from datetime import datetime

from reader.core.ingest.common import Extracted, parse_byline
from reader.core.ingest.dates import parse_dateline
from reader.core.text import clean_line, strip_controls

_SUMMARY_LABELS = frozenset(
    {"highlights", "summary", "key points", "key takeaways", "at a glance", "in brief", "tl;dr"}
)
_STORY_LABELS = frozenset({"story", "full story", "article", "the story"})
_COMMENT_LABELS = frozenset(
    {"opinions", "comments", "reader comments", "readers' comments", "what readers say"}
)
_NOISE_LABELS = frozenset(
    {
        "related", "related stories", "related articles", "read more", "more stories",
        "advertisement", "ad", "sponsored", "share", "share this", "share this article",
    }
)  # fmt: skip

TITLE_MAX_CHARS = 120
TITLE_MAX_WORDS = 20
QUESTION_TITLE_MAX_WORDS = 15
WRAP_MAX_CHARS = 100

_TONE = re.compile(r"^[A-Z][a-z]+(?:-[a-z]+)?$")
_LIST_ITEM = re.compile(r"^(?:[-*+•‣–]\s+|\d{1,3}[.)]\s+)")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Prof|Inc|Corp|Ltd|Co|Jr|Sr|No|vs|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mt|Ft|U\.S|U\.K|e\.g|i\.e))\.$"
)
_CLOSERS = "\"'”’)]»"


def parse_plaintext(text: str) -> Extracted:
    """Split a plain-text article into title, dates, author and body.

    Args:
        text: the decoded file; controls and escape sequences may still be present.

    Returns:
        The parts found; ``title`` is ``None`` when the text does not open with a headline.
    """
    text = strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.strip() for line in text.replace("\t", " ").split("\n")]
    found = Extracted(body="")
    dates: list[tuple[bool, datetime]] = []

    i = _skip_blank(lines, 0)
    while i < len(lines) and (dateline := parse_dateline(lines[i])) is not None:
        dates.append(dateline)
        i = _skip_blank(lines, i + 1)

    if i < len(lines) and _is_title(lines, i):
        found.title = lines[i]
        i = _skip_blank(lines, i + 1)
        i = _read_header(lines, i, found, dates)

    found.published = next((when for is_update, when in dates if not is_update), None)
    found.updated = next((when for is_update, when in dates if is_update), None)
    story, summary = _story_lines(lines[i:])
    found.body = "\n\n".join(_paragraphs(story))
    found.publisher_summary = tuple(_summary_items(summary))
    return found


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _label(line: str) -> str:
    return clean_line(line).rstrip(":").strip().casefold()


def _is_label(line: str) -> bool:
    return _label(line) in _SUMMARY_LABELS | _STORY_LABELS | _COMMENT_LABELS | _NOISE_LABELS


def _read_header(
    lines: list[str], i: int, found: Extracted, dates: list[tuple[bool, datetime]]
) -> int:
    """Consume what sits between a headline and the story: dates, a byline, a tone label."""
    first = True
    while i < len(lines):
        line = lines[i]
        if (dateline := parse_dateline(line)) is not None:
            dates.append(dateline)
        elif found.author is None and (author := parse_byline(line)):
            found.author = author
        elif first and _TONE.match(line) and not _is_label(line):
            found.publisher_tone = line  # the aggregator's tone label, right under the headline
        else:
            return i
        first = False
        i = _skip_blank(lines, i + 1)
    return i


def _is_title(lines: list[str], i: int) -> bool:
    """Whether ``lines[i]`` reads like a headline rather than the start of a paragraph."""
    line = lines[i]
    words = line.split()
    if len(line) > TITLE_MAX_CHARS or len(words) > TITLE_MAX_WORDS or _LIST_ITEM.match(line):
        return False
    if _is_label(line):
        return False
    end = line.rstrip(_CLOSERS)[-1:]
    if end in {".", ",", ";", ":", "…"}:
        return False
    if end in {"?", "!"} and len(words) > QUESTION_TITLE_MAX_WORDS:
        return False
    if _sentence_count(line) > 1:
        return False
    rest = _skip_blank(lines, i + 1)
    if rest >= len(lines):
        return False  # the only text there is: it is the article, not its title
    if rest > i + 1:
        return True  # followed by a blank line
    following = lines[rest]
    if parse_dateline(following) or _is_label(following) or _TONE.match(following):
        return True
    if parse_byline(following):
        return True
    # Without a blank line, a headline is much shorter than the paragraph under it, while the first
    # line of a hard-wrapped paragraph is about as long as the next.
    starts_fresh = (
        following[:1].isupper() or following[:1].isdigit() or following[:1] in "\"'\u201c\u2018"
    )
    return starts_fresh and (len(line) < 0.7 * len(following) or len(following) > WRAP_MAX_CHARS)


def _sentence_count(line: str) -> int:
    count = 1
    for match in re.finditer(r"[.!?][\"'”’)]*\s+[\"'“\u2018(]*[A-Z]", line):
        before = line[: match.start() + 1]
        if not _ABBREVIATION.search(before):
            count += 1
    return count


def _story_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split the story's lines (blank lines kept) from the lines of the site's summary; drop
    opinions and stray labels."""
    has_story_label = any(_label(line) in _STORY_LABELS for line in lines if line)
    kept: list[str] = []
    summary: list[str] = []
    section = "story"
    for line in lines:
        label = _label(line) if line else ""
        if label in _STORY_LABELS:
            section = "story"
        elif label in _SUMMARY_LABELS:
            section = "summary" if has_story_label else "story"
        elif label in _COMMENT_LABELS:
            section = "comments"
        elif label in _NOISE_LABELS:
            pass
        elif section == "story":
            kept.append(line)
            continue
        elif section == "summary":
            summary.append(line)
        kept.append("")  # a dropped line still ends the paragraph before it
    return kept, summary


def _summary_items(lines: list[str]) -> list[str]:
    """The items of a summary section: one per list item, else one per line."""
    marked = any(_LIST_ITEM.match(line) for line in lines if line)
    items: list[str] = []
    for line in lines:
        if not line:
            continue
        if marked and items and not _LIST_ITEM.match(line):
            items[-1] += " " + line  # a list item wrapped onto the next line
        else:
            items.append(_LIST_ITEM.sub("", line, count=1).strip())
    return [item for item in items if item]


def _paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs; rejoin hard-wrapped lines, keep one-line paragraphs apart."""
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line:
            block.append(line)
        elif block:
            paragraphs.extend(_split_block(block))
            block = []
    return paragraphs


def _split_block(block: list[str]) -> list[str]:
    if len(block) == 1:
        return block
    inner = block[:-1]
    wrapped = all(len(line) <= WRAP_MAX_CHARS for line in inner) and sum(
        1 for line in inner if line.rstrip(_CLOSERS)[-1:] not in {".", "!", "?", ":"}
    ) * 2 >= len(inner)
    if not wrapped:
        return block  # one paragraph per line, as text copied from a web page comes
    paragraphs: list[list[str]] = [[block[0]]]
    for line in block[1:]:
        if _LIST_ITEM.match(line):
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return [" ".join(lines) for lines in paragraphs]
