"""JSON responses that stay valid JSON whatever the store holds (see ``peacewatch.jsonsafe``)."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse

from peacewatch.jsonsafe import finite


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        try:
            text = json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        except ValueError:
            text = json.dumps(finite(content), ensure_ascii=False, allow_nan=False, separators=(",", ":"))
        return text.encode("utf-8")
