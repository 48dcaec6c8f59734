"""Map layers bundled with peacewatch (region outlines, reference towns) for the dashboard."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import Response

router = APIRouter(prefix="/api/v1", tags=["reference"])

LAYERS = ("admin1", "towns")
LAYER_SCHEMA = {"type": "object", "properties": {
    "type": {"type": "string"}, "features": {"type": "array", "items": {"type": "object"}},
    "attribution": {"type": "string"}, "towns": {"type": "array", "items": {"type": "object"}},
}}


@router.get("/layers/{name}", summary="A bundled map layer: admin1 (GeoJSON outlines) or towns", response_model=None,
            responses={200: {"description": "admin1: a GeoJSON FeatureCollection; towns: attribution and towns.",
                             "content": {"application/json": {"schema": LAYER_SCHEMA}}}})
def layer(name: str) -> Response:
    if name not in LAYERS:
        raise HTTPException(404, f"no layer {name}; known: {', '.join(LAYERS)}")
    data = (resources.files("peacewatch") / "data" / "layers" / f"{name}.json").read_bytes()
    return Response(data, media_type="application/json", headers={"Cache-Control": "public, max-age=86400"})
