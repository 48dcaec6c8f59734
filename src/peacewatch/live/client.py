"""A small client of a running server's ingestion API, for ``ingest --server`` and ``sources --server``.

Standard library only (urllib), so pushing from a partner's machine needs nothing beyond
peacewatch itself. Files go in one multipart push (one run); folders are sent file by file,
each named by the path as given, so the server's report names files as a local ingest would.
"""

from __future__ import annotations

import json
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

FINISHED = ("ok", "failed", "interrupted")


class ServerError(Exception):
    """The server refused the request or could not be reached; the message says which, in one line."""


def collect_files(paths: Sequence[Path]) -> list[tuple[str, bytes]]:
    """(name, bytes) of every file given or under a folder given (hidden ones skipped, sorted)."""
    found: list[tuple[str, bytes]] = []
    for path in paths:
        if path.is_dir():
            for directory, subfolders, names in os.walk(path):
                subfolders[:] = sorted(n for n in subfolders if not n.startswith("."))
                for name in sorted(n for n in names if not n.startswith(".")):
                    file = Path(directory) / name
                    found.append((str(file), file.read_bytes()))
        else:
            found.append((str(path), path.read_bytes()))
    return found


def multipart(files: Sequence[tuple[str, bytes]]) -> tuple[str, bytes]:
    """(content type, body) of a multipart/form-data upload of ``files``."""
    boundary = "peacewatch-" + uuid.uuid4().hex
    chunks: list[bytes] = []
    for name, data in files:
        safe = name.replace('"', "%22").replace("\r", " ").replace("\n", " ")
        chunks.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{safe}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
        )
        chunks.append(data)
        chunks.append(b"\r\n")
    chunks.append(f"--{boundary}--\r\n".encode())
    return f"multipart/form-data; boundary={boundary}", b"".join(chunks)


class Client:
    def __init__(self, url: str, token: str | None, timeout: float = 60.0) -> None:
        self.base = url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def request(self, method: str, path: str, body: bytes | None = None, content_type: str | None = None) -> dict[str, Any]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if content_type:
            headers["Content-Type"] = content_type
        request = urllib.request.Request(f"{self.base}/api/v1{path}", data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (the user's server URL)
                return json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            try:
                detail = json.loads(error.read()).get("detail", error.reason)
            except (ValueError, AttributeError):
                detail = error.reason
            raise ServerError(f"{self.base} answered {error.code}: {detail}") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise ServerError(f"cannot reach {self.base}: {reason} (is `peacewatch serve` running there?)") from None

    def push(self, files: Sequence[tuple[str, bytes]]) -> dict[str, Any]:
        content_type, body = multipart(files)
        return self.request("POST", "/documents", body, content_type)["run"]

    def run(self, run_id: str) -> dict[str, Any]:
        return self.request("GET", f"/runs/{quote(run_id, safe='')}")["run"]

    def wait(self, run_id: str, on_progress: Callable[[dict[str, Any]], None] | None = None,
             every: float = 0.5) -> dict[str, Any]:
        """Follow a run until it ends; ``on_progress`` sees each answer on the way."""
        while True:
            run = self.run(run_id)
            if on_progress:
                on_progress(run)
            if run["state"] in FINISHED:
                return run
            time.sleep(every)

    def sources(self) -> list[dict[str, Any]]:
        return self.request("GET", "/sources")["sources"]

    def add_source(self, location: str, every: str) -> dict[str, Any]:
        body = json.dumps({"location": location, "every": every}).encode()
        return self.request("POST", "/sources", body, "application/json")["source"]

    def remove_source(self, wanted: str) -> dict[str, Any]:
        return self.request("DELETE", f"/sources/{quote(wanted, safe='')}")["source"]
