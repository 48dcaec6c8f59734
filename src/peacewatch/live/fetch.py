"""HTTP GET for polled feeds and the article pages they link, with conditional requests.

The standard library's urllib is enough: one request at a time from the worker, a size cap
read from the stream (a huge or endless answer is cut, never held whole), a timeout, and
``If-None-Match`` / ``If-Modified-Since`` so an unchanged feed costs the publisher a 304.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from dataclasses import dataclass

from peacewatch import __version__

TIMEOUT_SECONDS = 20.0
MAX_FEED_BYTES = 10_000_000
MAX_PAGE_BYTES = 3_000_000
USER_AGENT = f"peacewatch/{__version__} (feed poller)"


class FetchError(Exception):
    """The request failed: no answer, an HTTP error status, or an answer over the size cap."""


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int
    """200, or 304 when the feed has not changed since the validators sent."""
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str


def fetch(
    url: str, *, etag: str | None = None, last_modified: str | None = None, max_bytes: int = MAX_FEED_BYTES,
    timeout: float = TIMEOUT_SECONDS,
) -> Fetched:
    """GET ``url``; a 304 answer comes back as ``Fetched(status=304)``, keeping the validators sent."""
    headers = {"User-Agent": USER_AGENT, "Accept": "application/rss+xml, application/atom+xml, application/xml, text/xml, text/html;q=0.8, */*;q=0.5"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (http/https checked by sources.classify)
            body = response.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"answer larger than {max_bytes:,} bytes; not read")
            return Fetched(response.status, body, response.headers.get("ETag"), response.headers.get("Last-Modified"),
                           response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as error:
        if error.code == 304:
            return Fetched(304, b"", etag, last_modified, "")
        raise FetchError(f"HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        raise FetchError(f"cannot reach {url}: {error.reason}") from None
    except (TimeoutError, OSError) as error:
        raise FetchError(f"cannot read {url}: {error}") from None
