"""Local and private addresses are fetched only when the user gives them (issue 12, M4).

A redirect to another host, a feed entry's link and the feed a page points to are chosen by
whoever wrote the page or feed; when their host resolves to a loopback (or other non-public)
address, skim refuses them. Every address here is the test server's 127.0.0.1: the other host
names are resolved to it by a patched resolver, which is how a hostile name would do it.
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.errors import IngestError
from reader.core.ingest.web import fetch
from reader.core.ingest.web.addresses import address_kind
from reader.core.library import Library
from tests.web import pages
from tests.web.conftest import LIMITS, Site, page, redirect, table_counts

ALIAS = "intranet.test"  # a name a hostile page or feed uses; it resolves to 127.0.0.1 here
REFUSED = f"{ALIAS} resolves to 127.0.0.1, which is a loopback address"

Lookups = list[str]


@pytest.fixture()
def lookups(monkeypatch: pytest.MonkeyPatch) -> Lookups:
    """Resolve ALIAS to 127.0.0.1 (every other name as before); record each lookup of it."""
    seen: Lookups = []
    previous: Callable[..., object] = socket.getaddrinfo

    def resolve(host: object, *args: object, **kwargs: object) -> object:
        if host == ALIAS:
            seen.append(host)
            return previous("127.0.0.1", *args, **kwargs)
        return previous(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    return seen


def _alias_url(site: Site, path: str) -> str:
    return site.url(path).replace("127.0.0.1", ALIAS, 1)


def test_loopback_is_classified() -> None:
    assert address_kind("127.0.0.1") == "loopback"
    assert address_kind("not an address") == "unrecognised"


def test_a_redirect_to_another_host_on_a_loopback_address_is_refused(
    site: Site, lookups: Lookups
) -> None:
    site.routes["/to-alias"] = redirect(_alias_url(site, "/article.html"))
    with pytest.raises(IngestError) as caught:
        fetch(site.url("/to-alias"), limits=LIMITS, given_by_user=True)
    message = str(caught.value)
    assert REFUSED in message and "\n" not in message
    assert "only when you give them yourself" in message
    assert site.hits("/article.html") == 0


def test_a_redirect_on_the_host_the_user_gave_is_followed(site: Site) -> None:
    fetched = fetch(site.url("/moved"), limits=LIMITS, given_by_user=True)
    assert fetched.url == site.url("/article.html")


def test_a_name_the_user_gives_is_fetched_wherever_it_resolves(
    site: Site, lookups: Lookups
) -> None:
    fetched = fetch(_alias_url(site, "/article.html"), limits=LIMITS, given_by_user=True)
    assert fetched.status == 200
    # Resolved once, and the connection went to that answer: a name cannot pass the check with
    # one address and be connected to at another.
    assert lookups == [ALIAS]


def test_an_address_skim_found_itself_is_refused_without_connecting(site: Site) -> None:
    with pytest.raises(IngestError, match=r"127\.0\.0\.1 is a loopback address"):
        fetch(site.url("/article.html"), limits=LIMITS)
    assert site.hits("/article.html") == 0


def test_a_feed_entry_linking_to_a_loopback_host_keeps_the_feed_text(
    library: Library, site: Site, lookups: Lookups
) -> None:
    feed = pages.TEASERS.format(base=site.base).replace(
        f"{site.base}/story/1.html", _alias_url(site, "/story/1.html")
    )
    site.routes["/alias-teasers.xml"] = page(feed, "application/rss+xml")
    result = library.sources.subscribe(
        site.url("/alias-teasers.xml"), full_text=True, limits=LIMITS
    )
    bodies = {r.article.title: library.articles.get(r.article.id).body for r in result.added}
    assert site.hits("/story/1.html") == 0
    assert bodies["Dispatch 1 from the coast"] == "Rain on the headland, boats out at dawn…"
    # An entry on the feed's own host (the one the user gave) is still completed.
    assert "library extended its opening hours" in bodies["Dispatch 2 from the coast"]
    refused = [w for w in result.warnings if REFUSED in w]
    assert len(refused) == 1 and "kept the feed's text of “Dispatch 1" in refused[0]


def test_a_page_pointing_to_a_feed_on_a_loopback_host_is_not_followed(
    library: Library, site: Site, lookups: Lookups
) -> None:
    link = pages.PAGE_WITH_FEED_LINK.replace(
        'href="/rss.xml"', f'href="{_alias_url(site, "/rss.xml")}"'
    )
    site.routes["/alias-blog.html"] = page(link)
    with pytest.raises(IngestError, match=re.escape(REFUSED)):
        library.sources.subscribe(site.url("/alias-blog.html"), limits=LIMITS)
    assert site.hits("/rss.xml") == 0
    assert library.sources.feeds() == []


def test_skim_add_refuses_a_redirect_to_a_loopback_host(
    tmp_path: Path, site: Site, lookups: Lookups, capsys: pytest.CaptureFixture[str]
) -> None:
    site.routes["/to-alias"] = redirect(_alias_url(site, "/article.html"))
    assert main(["--data-dir", str(tmp_path), "list"]) == 0
    before = table_counts(tmp_path / "library.sqlite3")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path), "add", site.url("/to-alias")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("skim: ") and REFUSED in err and err.count("\n") == 1
    assert table_counts(tmp_path / "library.sqlite3") == before
    assert site.hits("/article.html") == 0
