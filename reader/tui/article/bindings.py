"""The article screen's keys and the help text that explains them.

Kept beside :class:`reader.tui.article.screen.ArticleScreen` (which takes them as its ``HELP`` and
``BINDINGS``) so that the screen's module is its behaviour, not its key table.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _key(key: str, action: str, description: str, *, show: bool = False) -> Binding:
    """An article binding; its id (for keymaps) is ``article.<action>`` in kebab-case."""
    return Binding(key, action, description, show=show, id=f"article.{action.replace('_', '-')}")


def _call(key: str, action: str, description: str, name: str) -> Binding:
    """A binding whose action takes arguments: its id is ``article.<name>`` (kebab-case)."""
    return Binding(key, action, description, show=False, id=f"article.{name}")


HELP = """\
**The sentence cursor** (`[` `]`, or click) marks the sentence that `h`, `n` and `x` act on.
`v` starts a selection over several sentences: extend it with `]` or `v`, then `h` or `n`.
`w` selects part of a sentence: its first word (or the match `/` found in it); `w` again adds the
next word, `W` takes the last one off, `<` and `>` move the start a word earlier or later. `h`, `n`,
`y` and `ctrl+n` then act on exactly those words (a phrase, a figure).
Highlights and notes are saved as soon as you make them; `u` brings back a removed highlight.

**Find** (`/`): every match is marked as you type, with the count ("3/12") in the bar;
`enter` or `down` goes to the next match, `up` to the previous one, `tab`
goes back to the text and keeps the marks, `escape` closes the bar and clears them. In the text,
`ctrl+g` (or `F3`) and `ctrl+r` step through the matches (`n` and `N` stay for notes).

**Paging**: `space` `ctrl+f` `pgdn` page down, `b` `shift+space` `ctrl+b` `pgup` page up,
`ctrl+d` / `ctrl+u` half a page.

**Details**: `m` corrects the title, published date, source, author and URL when the import
guessed wrong (a file name for a title, the day you added it for a date); `u` takes it back.

**Highlights** (the summary): `tab` reaches the panel, `enter` shows the sentence in the text,
`{` `}` step through them in the text, `S` picks the algorithm, `+` `-` change the length
(remembered for the whole library: `skim show`, export and comparisons use them too), `r` shows
why each highlight was chosen, `R` shows each one's rank and score in the panel.

**Colours** mark people, organisations, places, groups and kinds of number (see the legend);
`e` turns them off, `E` lists them and jumps to the next mention.

**Tone** (in the header): `T` shows the evidence in the text — the writer's loaded, alarm and
first-person words — with opinion sentences in italics and quotations muted; `T` again goes back.
When other saved articles report the same event ("2 sources"), `c` compares their coverage.
`L` says "this covers the same event as…": search for the other article and choose it, or choose
"Not the same event" to take this one out of its story. Both stay when stories are regrouped.
`o` opens the article's web address (shown under the title) in the browser, `Y` copies it;
`y` copies the selection, else the highlight under the cursor, else the sentence (the terminal's
clipboard, OSC 52). `ctrl+n` edits the note of the highlight under the cursor in your editor
(the config's `editor`, else `$VISUAL`, else `$EDITOR`, else `vi`); saved when the editor exits.
`J` and `K` open the next and previous article of the library list this one was opened from.
`ctrl+e` exports the article to Markdown (the last export folder, else the config's, else
`~/skim-notes`).
"""
"""What the help screen (?) says about the article screen, above its list of keys."""

BINDINGS: list[BindingType] = [
    _key("j,down", "scroll_down", "Scroll down"),
    _key("k,up", "scroll_up", "Scroll up"),
    _key("space,pagedown,ctrl+f", "page_down", "Page down"),
    _key("b,shift+space,pageup,ctrl+b", "page_up", "Page up"),
    _call("ctrl+d", "half_page(1)", "Half page down", "half-page-down"),
    _call("ctrl+u", "half_page(-1)", "Half page up", "half-page-up"),
    _key("g,home", "top", "Top"),
    _key("G,end", "bottom", "Bottom"),
    _key("right_square_bracket", "next_sentence", "Next sentence", show=True),
    _key("left_square_bracket", "previous_sentence", "Previous sentence"),
    # Priority: runs before the next key is delivered, so "/word" typed in one burst (as a
    # terminal sends a paste or fast typing) lands in the find bar, not on the text's keys.
    Binding("slash", "find", "Find", priority=True, id="article.find"),
    _call("ctrl+g,f3", "find_next(1)", "Next match", "find-next"),
    _call("ctrl+r", "find_next(-1)", "Previous match", "find-previous"),
    _key("h", "highlight", "Highlight", show=True),
    _key("v", "select", "Select sentences"),
    _call("w", "words('start')", "Select words", "select-words"),
    _call("W", "words('shrink')", "Selection: one word fewer", "shrink-selection"),
    _call(
        "less_than_sign",
        "words('earlier')",
        "Selection: start a word earlier",
        "selection-start-earlier",
    ),
    _call(
        "greater_than_sign",
        "words('later')",
        "Selection: start a word later",
        "selection-start-later",
    ),
    _key("n", "note", "Note", show=True),
    _key("N", "article_note", "Article note"),
    _key("ctrl+n", "edit_note_outside", "Note in $EDITOR"),
    _key("t", "tags", "Tags"),
    _key("m", "edit_details", "Edit details"),
    _key("x", "remove_highlight", "Remove highlight"),
    _key("u", "undo", "Undo"),
    _key("right_curly_bracket", "next_summary", "Next summary sentence"),
    _key("left_curly_bracket", "previous_summary", "Previous summary sentence"),
    _key("S", "algorithm", "Summary algorithm"),
    _key("plus,equals_sign", "longer", "Longer summary"),
    _key("minus", "shorter", "Shorter summary"),
    _key("r", "reasons", "Why these highlights"),
    _key("R", "scores", "Summary scores"),
    _key("e", "colours", "Entity colours"),
    _key("E", "entities", "Entities", show=True),
    _key("T", "tone", "Tone evidence"),
    _key("c", "story", "Compare sources"),
    _key("L", "link_story", "Same event as…"),
    _call("J", "next_article(1)", "Next article", "next-article"),
    _call("K", "next_article(-1)", "Previous article", "previous-article"),
    _key("ctrl+e", "export", "Export Markdown"),
    _key("o", "open_url", "Open in browser"),
    _key("y", "copy", "Copy"),
    _key("Y", "copy_url", "Copy web address"),
    _key("l", "later", "Later"),
    _key("a", "archive", "Archive"),
    _key("s", "star", "Star"),
    _key("p", "panels", "Side panels"),
    _key("escape", "escape", "Back"),
    _key("q", "back", "Back", show=True),
]
"""The article screen's keys; each names an ``action_*`` method of the screen."""
