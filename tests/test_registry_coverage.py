"""Generated from the bundled registry itself: every alias and every domain of every outlet
is found, as that outlet, in a sentence that cites it.

All the sentences go into one brief (one paragraph each), checked once; the parametrized
tests then look up their own paragraph, so a failure names the outlet and the alias.
"""

from __future__ import annotations

import functools

import pytest

import provenance
from provenance import Registry

REGISTRY = Registry.load()


def _aliases() -> list[tuple[str, str]]:
    rows = []
    for o in REGISTRY.outlets.values():
        for text in (o.name, *(a.text for a in o.aliases)):
            if len({x.id for x in REGISTRY.find(text)}) == 1:  # shared names are audited apart
                rows.append((o.id, text))
    return rows


def _domains() -> list[tuple[str, str]]:
    rows = []
    for o in REGISTRY.outlets.values():
        for d in o.domains:
            if d.valid_to is None:
                rows.append((o.id, d.host + d.path))
    return rows


ALIASES = _aliases()
DOMAINS = _domains()


@functools.cache
def _checked() -> tuple[provenance.Report, dict[str, tuple[int, int]]]:
    """One brief with a paragraph per alias and per domain; the span of each cited form."""
    parts: list[str] = []
    spans: dict[str, tuple[int, int]] = {}
    pos = 0
    for oid, alias in ALIASES:
        para = f"According to {alias}, the talks failed."
        start = pos + len("According to ")
        spans[f"alias:{oid}:{alias}"] = (start, start + len(alias))
        parts.append(para)
        pos += len(para) + 2
    for oid, domain in DOMAINS:
        url = f"https://{domain}/z/2024/05/report"
        para = f"The report ({url}) said the talks failed."
        start = pos + para.index(url)
        spans[f"domain:{oid}:{domain}"] = (start, start + len(url))
        parts.append(para)
        pos += len(para) + 2
    report = provenance.check("\n\n".join(parts), registry=REGISTRY)
    return report, spans


def _found_as(key: str, outlet_id: str) -> list[tuple[str, str | None]]:
    report, spans = _checked()
    start, end = spans[key]
    hits = [(m.text, m.outlet.id if m.outlet else None)
            for m in report.mentions if m.start < end and start < m.end]
    assert outlet_id in [oid for _, oid in hits], hits
    return hits


@pytest.mark.parametrize(("outlet_id", "alias"), ALIASES)
def test_every_alias_is_found(outlet_id: str, alias: str) -> None:
    _found_as(f"alias:{outlet_id}:{alias}", outlet_id)


@pytest.mark.parametrize(("outlet_id", "domain"), DOMAINS)
def test_every_domain_is_found(outlet_id: str, domain: str) -> None:
    _found_as(f"domain:{outlet_id}:{domain}", outlet_id)
