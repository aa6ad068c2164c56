"""Fetching over HTTP: limits on time, size and redirects, refused schemes, one-line errors."""

from __future__ import annotations

import socket
import time

import pytest

from reader.core.errors import IngestError
from reader.core.ingest.web import FetchLimits, fetch
from reader.core.ingest.web.fetch import USER_AGENT
from tests.web.conftest import LIMITS, Site


def _error(url: str, limits: FetchLimits = LIMITS) -> str:
    with pytest.raises(IngestError) as caught:
        fetch(url, limits=limits, given_by_user=True)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_fetches_a_page_with_its_type_and_charset(site: Site) -> None:
    fetched = fetch(site.url("/article.html"), limits=LIMITS, given_by_user=True)
    assert fetched.status == 200
    assert fetched.url == site.url("/article.html")
    assert fetched.content_type == "text/html"
    assert fetched.charset == "utf-8"
    assert b"Lantern" in fetched.body


def test_sends_a_user_agent_naming_skim(site: Site) -> None:
    fetch(site.url("/article.html"), limits=LIMITS, given_by_user=True)
    _, headers = site.requests[-1]
    assert headers["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith("skim/")


def test_follows_redirects_and_reports_the_final_address(site: Site) -> None:
    fetched = fetch(site.url("/moved"), limits=LIMITS, given_by_user=True)
    assert fetched.url == site.url("/article.html")


def test_follows_up_to_the_redirect_limit(site: Site) -> None:
    # /chain/4 → 3 → 2 → 1 → 0 → /article.html: five redirects.
    assert fetch(site.url("/chain/4"), limits=LIMITS, given_by_user=True).url == site.url(
        "/article.html"
    )
    message = _error(site.url("/chain/5"))
    assert "too many redirects (more than 5)" in message


def test_redirect_loop_is_a_clear_error(site: Site) -> None:
    message = _error(site.url("/loop-a"))
    assert "redirects in a loop" in message
    assert site.hits("/loop-a") == 1 and site.hits("/loop-b") == 1


def test_redirect_to_another_scheme_is_refused(site: Site) -> None:
    assert "redirects to a ftp:// address" in _error(site.url("/to-ftp"))


def test_http_errors_name_the_host_and_status(site: Site) -> None:
    message = _error(site.url("/missing"))
    assert message == f"{site.base.removeprefix('http://')}/missing returned 404 Not Found"


def test_slow_server_times_out_quickly(site: Site) -> None:
    start = time.monotonic()
    message = _error(site.url("/slow"))
    assert time.monotonic() - start < LIMITS.timeout + 1.5
    assert "did not answer within 2 s" in message


def test_a_trickling_body_cannot_outlast_the_time_limit(site: Site) -> None:
    start = time.monotonic()
    message = _error(site.url("/trickle"))
    assert time.monotonic() - start < LIMITS.timeout + 1.5
    assert "did not answer within 2 s" in message


def test_huge_streamed_page_is_cut_off_at_the_cap(site: Site) -> None:
    message = _error(site.url("/huge"))
    assert "is larger than 256 KB" in message


def test_huge_declared_length_is_refused_before_reading(site: Site) -> None:
    assert "is larger than 256 KB" in _error(site.url("/huge-declared"))


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "data:text/html,hi", "/etc"],
)
def test_only_http_and_https_are_fetched(url: str) -> None:
    assert "only http:// and https:// addresses can be fetched" in _error(url)


def test_address_without_a_host_is_refused() -> None:
    assert "no host name" in _error("http:///nowhere")


def test_refused_connection(site: Site) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert (
        _error(f"http://127.0.0.1:{port}/")
        == f"cannot connect to 127.0.0.1:{port}: connection refused"
    )


def test_unknown_host_name(site: Site) -> None:
    # The test guard makes every lookup but 127.0.0.1's fail, as an unknown name would.
    message = _error("http://no-such-host.example/page")
    assert (
        message
        == "cannot reach no-such-host.example: the name does not resolve (check the address)"
    )


def test_conditional_request_gets_not_modified(site: Site) -> None:
    first = fetch(site.url("/etag.xml"), limits=LIMITS, given_by_user=True)
    assert first.etag == '"v1"'
    again = fetch(site.url("/etag.xml"), limits=LIMITS, given_by_user=True, etag=first.etag)
    assert again.status == 304 and again.body == b""


def test_timeout_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKIM_FETCH_TIMEOUT", "2.5")
    assert FetchLimits.from_env().timeout == 2.5
    monkeypatch.setenv("SKIM_FETCH_TIMEOUT", "soon")
    with pytest.raises(IngestError, match="not a number of seconds"):
        FetchLimits.from_env()
