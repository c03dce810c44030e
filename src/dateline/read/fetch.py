"""HTTP(S) fetching that is safe to point at untrusted URLs.

Every hop of a redirect chain is checked before connecting: only http and https, and no host
that resolves to a private, loopback, link-local, multicast, reserved or unspecified address
(unless ``allow_private``). The connection then goes to one of the addresses that were
checked, so a DNS answer that changes between check and connect cannot slip past.
"""

from __future__ import annotations

import http
import ipaddress
import socket
import ssl
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from dateline.read.options import ReadOptions, format_seconds, over_limit

USER_AGENT = "dateline/0.1 (+offline news event database)"
MAX_REDIRECTS = 5
_REDIRECTS = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL could not be fetched; ``reason`` is a short lower-case phrase for a Rejection."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Fetched:
    url: str  # as asked for
    final_url: str  # after redirects
    data: bytes
    content_type: str | None  # media type only, lower case, e.g. "text/html"
    charset: str | None  # from the Content-Type header, if it names one
    status: int = 200  # 304: not modified since the validators sent (``data`` is empty)
    etag: str | None = None
    last_modified: str | None = None


def fetch(url: str, options: ReadOptions = ReadOptions(), *, etag: str | None = None,
          last_modified: str | None = None) -> Fetched:
    """GET ``url`` following up to five redirects, or raise FetchError saying why not. With
    ``etag`` / ``last_modified`` (validators of an earlier answer) the GET is conditional: an
    unchanged resource comes back with status 304 and no data."""
    conditional = {k: v for k, v in (("If-None-Match", etag), ("If-Modified-Since", last_modified)) if v}
    deadline = time.monotonic() + options.timeout
    current = url
    with httpx.Client(
        trust_env=False,  # no proxies or .netrc from the environment
        follow_redirects=False,  # every hop is checked here
        timeout=httpx.Timeout(options.timeout),
        headers={"User-Agent": USER_AGENT, **conditional},
    ) as client:
        for _ in range(MAX_REDIRECTS + 1):
            host, port, addresses = _check(current, options)
            data, response = _get(client, current, host, port, addresses, options, deadline)
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                current = urljoin(current, location.strip())
                continue
            if response.status_code == 304 and conditional:
                return Fetched(url=url, final_url=current, data=b"", content_type=None, charset=None, status=304,
                               etag=response.headers.get("etag") or etag,
                               last_modified=response.headers.get("last-modified") or last_modified)
            if response.status_code >= 300:
                raise FetchError(f"HTTP {response.status_code} {_phrase(response)}".rstrip())
            content_type = response.headers.get("content-type")
            return Fetched(
                url=url,
                final_url=current,
                data=data,
                content_type=content_type.split(";")[0].strip().lower() if content_type else None,
                charset=response.charset_encoding,
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
            )
    raise FetchError(f"too many redirects (more than {MAX_REDIRECTS})")


def _check(url: str, options: ReadOptions) -> tuple[str, int, list[str]]:
    """Host, port and the addresses it may be reached at; raise FetchError if the URL is not allowed."""
    try:
        parts = urlsplit(url)
    except ValueError as e:
        raise FetchError(f"invalid URL: {str(e).lower()}") from None
    try:
        port = parts.port
    except ValueError:
        raise FetchError("invalid URL: bad port number") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme '{scheme}' (only http and https)")
    if not parts.hostname:
        raise FetchError("invalid URL: no host")
    if parts.username is not None or parts.password is not None:
        # Refused rather than stripped: silently dropping them would fetch something else.
        raise FetchError("credentials in URLs are not supported (user:password@host)")
    try:
        host = parts.hostname.encode("idna").decode("ascii")  # the form DNS, SNI and Host use
    except UnicodeError:
        raise FetchError("invalid URL: bad host name") from None
    port = port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError):
        raise FetchError("unreachable: cannot resolve host") from None
    addresses: list[str] = []
    for info in infos:
        addr = str(info[4][0])
        if addr not in addresses:
            addresses.append(addr)
    if not addresses:
        raise FetchError("unreachable: cannot resolve host")
    if not options.allow_private:
        for addr in addresses:
            if not is_public(addr):
                raise FetchError(
                    f"refused: host resolves to a private/loopback/link-local address {addr}"
                    " (use --allow-private)"
                )
    return host, port, addresses


def is_public(address: str) -> bool:
    """True for a globally routable unicast address; IPv4-mapped IPv6 is judged as the IPv4 it maps."""
    try:
        ip = ipaddress.ip_address(address.split("%")[0])  # drop an IPv6 zone id
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified or not ip.is_global
    )


def _get(client: httpx.Client, url: str, host: str, port: int, addresses: list[str],
         options: ReadOptions, deadline: float) -> tuple[bytes, httpx.Response]:
    """One GET to the first checked address that accepts a connection; the body read within limits."""
    last: FetchError | None = None
    for addr in addresses:
        pinned = httpx.URL(url).copy_with(host=addr)
        host_header = host if ":" not in host else f"[{host}]"
        default_port = 443 if pinned.scheme == "https" else 80
        headers = {"Host": host_header if port == default_port else f"{host_header}:{port}"}
        try:
            with client.stream("GET", pinned, headers=headers,
                               extensions={"sni_hostname": host}) as response:
                if response.status_code in _REDIRECTS or response.status_code >= 300:
                    return b"", response
                return _read_body(response, options, deadline), response
        except httpx.ConnectError as e:
            last = FetchError(_connect_reason(e))
            if last.reason.startswith("tls error"):
                raise last from None
            continue  # try the next address, as a plain socket connect would
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {format_seconds(options.timeout)}") from None
        except httpx.HTTPError as e:
            raise FetchError(f"bad HTTP response: {_first_line(e)}") from None
    assert last is not None
    raise last


def _read_body(response: httpx.Response, options: ReadOptions, deadline: float) -> bytes:
    length = response.headers.get("content-length")
    if length and length.isdigit() and int(length) > options.max_bytes:
        raise FetchError(over_limit("response", int(length), options.max_bytes))
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            raise FetchError(over_limit("response", None, options.max_bytes))
        if time.monotonic() > deadline:  # a server that trickles bytes never trips the read timeout
            raise FetchError(f"timed out after {format_seconds(options.timeout)}")
        chunks.append(chunk)
    return b"".join(chunks)


def _connect_reason(e: httpx.ConnectError) -> str:
    cause: BaseException | None = e
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "unreachable: connection refused"
        if isinstance(cause, ssl.SSLError):
            detail = getattr(cause, "reason", None) or _first_line(cause)
            return f"tls error: {detail}".lower().replace("_", " ")
        cause = cause.__cause__ or cause.__context__
    text = _first_line(e).lower()
    if "refused" in text:
        return "unreachable: connection refused"
    if "certificate" in text or "ssl" in text:
        return f"tls error: {text}"
    return f"unreachable: {text}" if text else "unreachable"


def _phrase(response: httpx.Response) -> str:
    if response.reason_phrase:
        return response.reason_phrase
    try:
        return http.HTTPStatus(response.status_code).phrase
    except ValueError:
        return ""


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    text = text.split("\n")[0]
    # "[Errno 101] Network is unreachable" -> "network is unreachable"
    if text.startswith("[Errno") and "]" in text:
        text = text.split("]", 1)[1].strip()
    return text or type(e).__name__
