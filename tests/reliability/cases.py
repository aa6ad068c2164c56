"""The hostile and broken inputs of issue 6, each as a file name and its bytes.

These are the inputs that arrive as files or on stdin. The network cases run against a local
server in tests/web and are not repeated here: a redirect loop (test_fetch.py::
test_redirect_loop_is_a_clear_error), a server that never answers (test_slow_server_times_out_quickly),
a huge page (test_huge_streamed_page_is_cut_off_at_the_cap, test_huge_declared_length_is_refused_…),
broken feed XML (test_feeds.py::test_malformed_but_readable_feed_is_imported_with_a_warning) and
entity expansion (test_feeds.py::test_billion_laughs_feed_is_harmless,
test_feed_parse.py::test_billion_laughs_is_not_expanded, test_opml.py::
test_opml_entities_are_not_expanded).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What must never reach a terminal: C0 controls except \t and \n, DEL, C1 controls (\x9b is CSI
#: on its own), and the bidi embeddings, overrides and isolates that reorder what a line shows.
FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

_PROSE = (
    "The harbour council met on Tuesday to discuss the new ferry timetable. "
    "Members agreed that the morning crossing will leave at seven from the east pier. "
)


@dataclass(frozen=True)
class Case:
    """One input: its file name (the suffix picks the parser), bytes, and what must happen."""

    name: str
    filename: str
    data: bytes
    #: "refused": a one-line IngestError; "stored": imported; "either": whichever, but cleanly.
    expect: str
    #: A literal the stored text must keep (markup shown as typed, wide characters intact).
    keeps: str = ""


def _escapes() -> bytes:
    return (
        "Screen \x1b[2J cleared? Title \x1b]0;pwned\x07 set? Clipboard \x1b]52;c;ZWNobyBoaQ==\x07 "
        "written? Link \x1b]8;;https://evil.test\x1b\\click\x1b]8;;\x1b\\ here. C1 \x9b31m red. "
        "DCS \x1bP1$r0m\x1b\\ done. " + _PROSE
    ).encode()


CASES: tuple[Case, ...] = (
    Case("empty", "empty.txt", b"", "refused"),
    Case("whitespace only", "blank.txt", b" \n\t\n  \r\n", "refused"),
    Case("binary", "photo.txt", bytes(range(256)) * 64 + b"\x00" * 512, "refused"),
    Case("png header", "image.md", b"\x89PNG\r\n\x1a\n" + bytes(2000), "refused"),
    Case("invalid utf-8", "latin.txt", _PROSE.encode() + b"caf\xe9 \xff\xfe na\xefve", "either"),
    Case("utf-16 bom, short", "short16.txt", "\ufeffFerry notes\n".encode("utf-16-le"), "either"),
    Case(
        "utf-16 bom body",
        "wide16.txt",
        ("\ufeff" + _PROSE + " Café crème at noon.").encode("utf-16"),
        "stored",
        keeps="Café crème",
    ),
    Case("long line", "line.txt", ("word " * 20_000).encode(), "stored"),
    Case("nul bytes", "nul.txt", (_PROSE + "\x00\x00 hidden\x00").encode(), "either"),
    Case(
        "rich markup",
        "markup.txt",
        (_PROSE + "[bold]loud[/bold] [link=https://evil.test]x[/link] [/] [red on blue]").encode(),
        "stored",
        keeps="[bold]loud[/bold]",
    ),
    Case("ansi and osc escapes", "escapes.txt", _escapes(), "stored"),
    Case("escapes in markdown title", "title.md", b"# Hi \x1b]0;owned\x07\x1b[2J\n\n" + _escapes(), "stored"),
    Case(
        "bidi overrides",
        "bidi.txt",
        ("Invoice \u202egnp.exe\u202c and \u2066isolate\u2069. " + _PROSE).encode(),
        "stored",
    ),
    Case(
        "emoji and cjk",
        "wide.md",
        ("# 渡し船 🚢\n\n港の新しい時刻表 👩‍👩‍👧 が決まりました。" + _PROSE).encode(),
        "stored",
        keeps="港の新しい時刻表",
    ),
    Case(
        "html with script style iframe",
        "page.html",
        (
            "<html><head><title>Ferry</title><style>body{display:none}</style>"
            "<script>document.title='\\x1b]0;x\\x07'; alert(1)</script></head><body><article>"
            "<h1>Ferry times</h1><p>" + _PROSE + "</p><iframe src='https://evil.test'>frame</iframe>"
            "<script>steal()</script><p>Second paragraph of the notice.</p></article></body></html>"
        ).encode(),
        "stored",
    ),
    Case(
        "malformed front matter",
        "front.md",
        ("---\ntitle: [unclosed\ndate: : :\n  - bad: indent\n---\n\n" + _PROSE).encode(),
        "either",
    ),
    Case(
        "front matter bomb",
        "anchors.md",
        ("---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
         "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
         "title: Bomb\n---\n\n" + _PROSE).encode(),
        "either",
    ),
)  # fmt: skip

#: Hostile inputs tried (the closing note's "inputs tried" counts these plus the generated ones).
CASE_IDS = [case.name for case in CASES]
