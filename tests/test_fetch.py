"""fetch(): safe HTTP against a loopback server the tests start (see conftest.reader_http_server)."""

from __future__ import annotations

import socket

import pytest

from dateline.read import fetch as fetch_module
from dateline.read.fetch import USER_AGENT, FetchError, fetch, is_public
from dateline.read.options import ReadOptions

LOCAL = ReadOptions(allow_private=True, timeout=5.0)


def reason(url: str, options: ReadOptions = LOCAL) -> str:
    with pytest.raises(FetchError) as info:
        fetch(url, options)
    return info.value.reason


def test_fetches_a_page_with_type_and_charset(reader_http_server):
    page = fetch(reader_http_server.url("/article.html"), LOCAL)
    assert page.final_url == page.url == reader_http_server.url("/article.html")
    assert page.content_type == "text/html"
    assert page.charset == "utf-8"
    assert b"Valdoria" in page.data


def test_sends_user_agent_and_the_original_host(reader_http_server):
    url = f"http://localhost:{reader_http_server.port}/echo-headers"
    page = fetch(url, LOCAL)
    assert page.data.decode() == f"{USER_AGENT}|localhost:{reader_http_server.port}"


def test_loopback_refused_unless_allowed(reader_http_server):
    url = reader_http_server.url("/article.html")
    assert reason(url, ReadOptions()) == (
        "refused: host resolves to a private/loopback/link-local address 127.0.0.1 (use --allow-private)"
    )
    assert fetch(url, ReadOptions(allow_private=True)).data


def test_follows_redirects_to_the_final_url(reader_http_server):
    page = fetch(reader_http_server.url("/redirect-abs"), LOCAL)
    assert page.final_url == reader_http_server.url("/article.html")
    assert b"Valdoria" in page.data


def test_redirect_loop_stops(reader_http_server):
    assert reason(reader_http_server.url("/redirect-loop")) == "too many redirects (more than 5)"


def test_redirect_to_a_loopback_address_is_refused(reader_http_server, monkeypatch):
    # Pretend the test server's own address is public so that only the redirect target is judged.
    real = fetch_module.is_public
    monkeypatch.setattr(fetch_module, "is_public", lambda a: a == "127.0.0.1" or real(a))
    assert fetch(reader_http_server.url("/article.html"), ReadOptions()).data
    assert reason(reader_http_server.url("/redirect-private"), ReadOptions()) == (
        "refused: host resolves to a private/loopback/link-local address 127.0.0.2 (use --allow-private)"
    )


def test_redirect_to_another_scheme_is_refused(reader_http_server):
    assert reason(reader_http_server.url("/redirect-ftp")) == "unsupported URL scheme 'ftp' (only http and https)"


@pytest.mark.parametrize("url, expected", [
    ("ftp://files.example/report.txt", "unsupported URL scheme 'ftp' (only http and https)"),
    ("file:///etc/passwd", "unsupported URL scheme 'file' (only http and https)"),
    ("http:///no-host", "invalid URL: no host"),
    ("http://user:secret@news.example/", "credentials in URLs are not supported (user:password@host)"),
    ("http://news.example:99999/", "invalid URL: bad port number"),
    ("http://[::1/", "invalid URL: invalid ipv6 url"),
])
def test_bad_urls_are_refused_before_connecting(url, expected):
    assert reason(url) == expected


def test_unresolvable_host():
    assert reason("http://no-such-host.invalid/news") == "unreachable: cannot resolve host"


def test_connection_refused_on_a_closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert reason(f"http://127.0.0.1:{port}/") == "unreachable: connection refused"


def test_timeout(reader_http_server):
    assert reason(reader_http_server.url("/slow"), ReadOptions(allow_private=True, timeout=0.5)) == (
        "timed out after 0.5 s"
    )


@pytest.mark.parametrize("path, expected", [("/missing", "HTTP 404 Not Found"),
                                            ("/broken", "HTTP 500 Internal Server Error")])
def test_http_errors(reader_http_server, path, expected):
    assert reason(reader_http_server.url(path)) == expected


def test_oversize_response_by_content_length(reader_http_server):
    small = ReadOptions(allow_private=True, max_bytes=1000)
    assert reason(reader_http_server.url("/large"), small) == (
        "response is 195.3 KB, over the 1000 B limit (--max-bytes)"
    )


def test_oversize_response_while_streaming(reader_http_server):
    small = ReadOptions(allow_private=True, max_bytes=1000)
    assert reason(reader_http_server.url("/large-stream"), small) == "response is over the 1000 B limit (--max-bytes)"


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
    "224.0.0.1", "240.0.0.1", "100.64.0.1", "::1", "::", "fe80::1%eth0", "fc00::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "ff02::1", "not-an-ip",
])
def test_non_public_addresses(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["8.8.8.8", "93.184.216.34", "2606:4700:4700::1111", "::ffff:8.8.8.8"])
def test_public_addresses(address):
    assert is_public(address)
