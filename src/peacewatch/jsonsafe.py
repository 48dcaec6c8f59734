"""Values made safe for JSON and CSV: a non-finite float (NaN, infinity) becomes None.

Such a value has no JSON form (the standard encoder refuses it or writes ``NaN``, which browsers
and most JSON readers reject); it can reach the store through an old bad edit or an import, and
must never stop the API or an export from answering. None is what it means: unknown.
"""

from __future__ import annotations

import math
from typing import Any


def finite(value: Any) -> Any:
    """``value`` with every NaN and infinity, however deep, replaced by None."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value
