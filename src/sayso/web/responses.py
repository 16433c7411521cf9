"""The API's JSON responses, encoded by orjson.

Starlette's ``JSONResponse`` encodes with ``json.dumps``; orjson writes the same compact
UTF-8 JSON several times faster, which matters for the API's largest answers (a stored
article's full record is 100 to 200 kB of JSON).
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.responses import JSONResponse


class OrjsonResponse(JSONResponse):
    """A ``JSONResponse`` whose body orjson encodes; keys that are not strings (none of
    sayso's own) are written as strings rather than refused."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)
