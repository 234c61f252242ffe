"""Generated from the bundled registry itself: every alias and every domain of every outlet
is found, as that outlet, in a sentence that cites it."""

from __future__ import annotations

import pytest

import provenance
from provenance import Outlet, Registry

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


def _found(report: provenance.Report, outlet: Outlet, start: int, end: int) -> bool:
    return any(
        m.outlet is not None and m.outlet.id == outlet.id and m.start < end and start < m.end
        for m in report.mentions
    )


@pytest.mark.parametrize(("outlet_id", "alias"), _aliases())
def test_every_alias_is_found(outlet_id: str, alias: str) -> None:
    outlet = REGISTRY.outlets[outlet_id]
    text = f"According to {alias}, the talks failed."
    start = len("According to ")
    report = provenance.check(text, registry=REGISTRY)
    assert _found(report, outlet, start, start + len(alias)), [
        (m.text, m.outlet and m.outlet.id) for m in report.mentions
    ]


@pytest.mark.parametrize(("outlet_id", "domain"), _domains())
def test_every_domain_is_found(outlet_id: str, domain: str) -> None:
    outlet = REGISTRY.outlets[outlet_id]
    url = f"https://{domain}/z/2024/05/report"
    text = f"The report ({url}) said the talks failed."
    start = text.index(url)
    report = provenance.check(text, registry=REGISTRY)
    assert _found(report, outlet, start, start + len(url)), [
        (m.text, m.outlet and m.outlet.id) for m in report.mentions
    ]
