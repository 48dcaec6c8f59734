"""``/docs``: the API reference as one HTML page, built on the server from the OpenAPI schema.

FastAPI's Swagger UI loads its script and styles from a CDN, which the dashboard's promise
(nothing fetched from elsewhere, a strict CSP, offline use) rules out, and no copy of those
assets is installed. This page shows what the schema holds instead: every path with its
parameters, request body and response schemas, then the schemas themselves. No script at all;
every value is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

router = APIRouter()


def _type(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{escape(name)}">{escape(name)}</a>'
    if "anyOf" in schema:
        return " | ".join(_type(s) for s in schema["anyOf"])
    if schema.get("type") == "array":
        return f"array of {_type(schema.get('items', {}))}"
    return escape(str(schema.get("type", "any")))


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
        f"<td>{'yes' if p.get('required') else ''}</td><td>{_type(p.get('schema', {}))}</td>"
        f"<td>{escape(p.get('description', '') or '')}</td></tr>"
        for p in op.get("parameters", [])
    )
    params = (f"<table class='plain'><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th>"
              f"<th>description</th></tr></thead><tbody>{rows}</tbody></table>") if rows else ""
    body = ""
    content = op.get("requestBody", {}).get("content", {})
    for media, spec in content.items():
        body += f"<p>Request body ({escape(media)}): {_type(spec.get('schema', {}))}</p>"
    answers = "".join(
        f"<li><strong>{escape(code)}</strong> {escape(r.get('description', ''))}"
        + "".join(f" — {escape(m)}: {_type(c.get('schema', {}))}" for m, c in r.get("content", {}).items())
        + "</li>"
        for code, r in op.get("responses", {}).items()
    )
    anchor = escape(f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", ""))
    return (f"<section class='panel' id='{anchor}'><h3><code>{escape(method.upper())} {escape(path)}</code></h3>"
            f"<p>{escape(op.get('summary', ''))}</p>{params}{body}<ul>{answers}</ul></section>")


def _schema(name: str, schema: dict[str, Any]) -> str:
    required = set(schema.get("required", []))
    rows = "".join(
        f"<tr><td><code>{escape(field)}</code></td><td>{_type(spec)}</td><td>{'yes' if field in required else ''}</td>"
        f"<td>{escape(spec.get('description', '') or '')}</td></tr>"
        for field, spec in schema.get("properties", {}).items()
    )
    return (f"<section class='panel' id='schema-{escape(name)}'><h3>{escape(name)}</h3>"
            f"<p>{escape(schema.get('description', '') or '')}</p><table class='plain'><thead><tr><th>field</th>"
            f"<th>type</th><th>required</th><th>description</th></tr></thead><tbody>{rows}</tbody></table></section>")


def render(spec: dict[str, Any]) -> str:
    operations = "".join(
        _operation(path, method, op) for path, item in spec.get("paths", {}).items() for method, op in item.items()
    )
    schemas = "".join(_schema(n, s) for n, s in spec.get("components", {}).get("schemas", {}).items())
    info = spec.get("info", {})
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{escape(info.get('title', 'API'))} reference</title><link rel='stylesheet' href='/css/app.css'></head>"
        f"<body><main id='main' class='docs-page'><h1>{escape(info.get('title', 'API'))} {escape(info.get('version', ''))}</h1>"
        f"<p>{escape(info.get('description', ''))} The machine-readable schema is at "
        "<a href='/openapi.json'>/openapi.json</a>. Every error answers with an "
        "<a href='#schema-ErrorBody'>ErrorBody</a>.</p>"
        f"<h2>Endpoints</h2>{operations}<h2>Schemas</h2>{schemas}</main></body></html>"
    )


@router.get("/docs", include_in_schema=False)
def docs(request: Request) -> HTMLResponse:
    return HTMLResponse(render(request.app.openapi()))
