"""``--format json``: the report contract (DESIGN §6). One brief: the report object; several:
an array of report objects in input order."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .._report import Report

__all__ = ["format_json"]


def format_json(reports: Sequence[Report]) -> str:
    if len(reports) == 1:
        payload: object = reports[0].to_dict()
    else:
        payload = [r.to_dict() for r in reports]
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
