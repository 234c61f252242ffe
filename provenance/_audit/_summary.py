"""Totals and charts of an audit, computed from the tables it wrote (partition by partition,
so memory stays flat and a resumed run gives the same summary).

``summary.json`` holds the totals (``documents``, ``errors``, ``mentions``,
``state_affiliated_mentions``, ``undisclosed_mentions``, ``claims_by_kind``,
``claims_by_controller``) and the series behind the charts; ``summary.html`` draws them as
inline SVG: one self-contained file, no script, readable offline.
"""

from __future__ import annotations

import html
import json
import os
import uuid
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

__all__ = ["SUMMARY_SCHEMA", "summarize", "write_summary"]

SUMMARY_SCHEMA = "provenance.audit-summary/1"
CLAIM_KINDS = ("quoted", "attributed", "unattributed")
SOURCED = frozenset({"quoted", "attributed"})
UNDATED = "undated"
NO_SECTION = "(no section)"


def _month(day: Any) -> str:
    return day.isoformat()[:7] if day is not None else UNDATED


def _cols(path: Path, columns: list[str]) -> dict[str, list[Any]]:
    return pq.read_table(path, columns=columns).to_pydict()  # type: ignore[no-any-return]


def summarize(out: Path) -> dict[str, Any]:
    """The summary of the partitions written to ``out`` so far."""
    ids = sorted(p.stem for p in (out / "_done").glob("*.json"))
    docs_by_month: Counter[str] = Counter()
    errors_by_type: Counter[str] = Counter()
    kinds: Counter[str] = Counter(dict.fromkeys(CLAIM_KINDS, 0))
    by_controller: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    sourced_by_month: Counter[str] = Counter()
    sourced_state_month: dict[str, Counter[str]] = defaultdict(Counter)
    sa_month: Counter[str] = Counter()
    und_month: Counter[str] = Counter()
    sa_cell: Counter[tuple[str, str]] = Counter()
    und_cell: Counter[tuple[str, str]] = Counter()
    outlet_mentions: Counter[str] = Counter()
    outlet_undisclosed: Counter[str] = Counter()
    outlet_meta: dict[str, tuple[str, str | None]] = {}
    documents = errors = mentions = state_mentions = undisclosed = 0
    for pid in ids:
        name = f"part-{pid}.parquet"
        d = _cols(out / "documents" / name, ["date"])
        documents += len(d["date"])
        docs_by_month.update(_month(x) for x in d["date"])
        e = _cols(out / "errors" / name, ["error"])
        errors += len(e["error"])
        errors_by_type.update(e["error"])
        m = _cols(
            out / "mentions" / name,
            [
                "date",
                "section",
                "outlet_id",
                "outlet_name",
                "text",
                "state_affiliated",
                "controlling_state",
                "disclosed",
            ],
        )
        mentions += len(m["date"])
        for i, affiliated in enumerate(m["state_affiliated"]):
            if affiliated is not True:
                continue
            month = _month(m["date"][i])
            section = m["section"][i] or NO_SECTION
            key = m["outlet_id"][i] or f"generic:{m['text'][i].casefold()}"
            outlet_meta.setdefault(
                key, (m["outlet_name"][i] or m["text"][i], m["controlling_state"][i])
            )
            state_mentions += 1
            sa_month[month] += 1
            sa_cell[section, month] += 1
            outlet_mentions[key] += 1
            if not m["disclosed"][i]:
                undisclosed += 1
                und_month[month] += 1
                und_cell[section, month] += 1
                outlet_undisclosed[key] += 1
        c = _cols(out / "claims" / name, ["date", "kind", "controlling_state"])
        kinds.update(c["kind"])
        for day, kind, state in zip(c["date"], c["kind"], c["controlling_state"], strict=True):
            if state is not None:
                by_controller[state] += 1
            if kind in SOURCED:
                month = _month(day)
                sourced_by_month[month] += 1
                if state is not None:
                    sourced_state_month[month][state] += 1
        rules.update(_cols(out / "findings" / name, ["rule"])["rule"])

    months = sorted(set(docs_by_month) | set(sourced_by_month) | set(sa_month))
    sections = sorted(
        {s for s, _ in sa_cell},
        key=lambda s: (-sum(n for (s2, _), n in sa_cell.items() if s2 == s), s),
    )
    top = sorted(outlet_mentions, key=lambda k: (-outlet_mentions[k], k))[:20]
    return {
        "schema": SUMMARY_SCHEMA,
        "partitions": len(ids),
        "documents": documents,
        "errors": errors,
        "mentions": mentions,
        "state_affiliated_mentions": state_mentions,
        "undisclosed_mentions": undisclosed,
        "claims": sum(kinds.values()),
        "claims_by_kind": dict(sorted(kinds.items())),
        "claims_by_controller": dict(sorted(by_controller.items())),
        "findings_by_rule": dict(sorted(rules.items())),
        "errors_by_type": dict(sorted(errors_by_type.items())),
        "months": [
            {
                "month": mo,
                "documents": docs_by_month[mo],
                "sourced_claims": sourced_by_month[mo],
                "sourced_claims_by_controller": dict(sorted(sourced_state_month[mo].items())),
                "state_affiliated_mentions": sa_month[mo],
                "undisclosed_mentions": und_month[mo],
            }
            for mo in months
        ],
        "sections": [
            {
                "section": s,
                "state_affiliated_mentions": sum(n for (s2, _), n in sa_cell.items() if s2 == s),
                "undisclosed_mentions": sum(n for (s2, _), n in und_cell.items() if s2 == s),
                "by_month": {
                    mo: [sa_cell[s, mo], und_cell[s, mo]] for mo in months if sa_cell[s, mo]
                },
            }
            for s in sections
        ],
        "top_state_affiliated_outlets": [
            {
                "id": k,
                "name": outlet_meta[k][0],
                "controlling_state": outlet_meta[k][1],
                "mentions": outlet_mentions[k],
                "undisclosed": outlet_undisclosed[k],
            }
            for k in top
        ],
    }


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_summary(out: Path, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Write ``summary.json`` and ``summary.html`` into ``out``; return the summary.
    ``names`` gives the names of the states (ISO codes) the charts show."""
    summary = summarize(out)
    codes = set(summary["claims_by_controller"]) | {
        o["controlling_state"] for o in summary["top_state_affiliated_outlets"]
    }
    summary["state_names"] = {c: names[c] for c in sorted(codes - {None}) if names and c in names}
    _atomic_write(out / "summary.json", json.dumps(summary, indent=1, ensure_ascii=False) + "\n")
    _atomic_write(out / "summary.html", render_html(summary))
    return summary


# --------------------------------------------------------------------------- HTML and SVG
_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#7f7f7f")
_E = html.escape


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%" if x < 0.1 else f"{x * 100:.0f}%"


def _nice_max(x: float) -> float:
    for step in (0.05, 0.1, 0.2, 0.25, 0.5, 1.0):
        if x <= step:
            return step
    return 1.0


def _month_labels(months: list[str], width: float) -> int:
    """Show every n-th month label so that they do not overlap."""
    return max(1, int(len(months) * 52 / max(width, 1)) + 1)


def _chart_state_share(summary: dict[str, Any]) -> str:
    months = [m for m in summary["months"] if m["sourced_claims"]]
    if not months:
        return "<p class=empty>No quoted or attributed claims.</p>"
    totals: Counter[str] = Counter()
    for m in months:
        totals.update(m["sourced_claims_by_controller"])
    states = [s for s, _ in totals.most_common(len(_PALETTE) - 1)]
    if not states:
        return "<p class=empty>No claim reached the archive through a state-affiliated outlet.</p>"
    other = len(totals) > len(states)
    names = summary.get("state_names", {})
    series = [*(names.get(s, s) for s in states), *(["other states"] if other else [])]
    shares = []
    for m in months:
        row = [m["sourced_claims_by_controller"].get(s, 0) / m["sourced_claims"] for s in states]
        if other:
            rest = sum(n for s, n in m["sourced_claims_by_controller"].items() if s not in states)
            row.append(rest / m["sourced_claims"])
        shares.append(row)
    top = _nice_max(max(sum(r) for r in shares))
    left, right, head, plot_h, foot = 52, 16, 12, 220, 48
    width = max(480, min(1100, left + right + 22 * len(months)))
    plot_w = width - left - right
    step = plot_w / len(months)
    bar = max(2.0, step * 0.75)
    out = [
        f'<svg viewBox="0 0 {width} {head + plot_h + foot}" width="{width}" role="img" '
        'aria-label="Share of sourced claims by controlling state, by month">'
    ]
    for k in range(5):
        v = top * k / 4
        y = head + plot_h - plot_h * k / 4
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" class=grid />'
        )
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_pct(v)}</text>')
    every = _month_labels([m["month"] for m in months], plot_w)
    for i, (m, row) in enumerate(zip(months, shares, strict=True)):
        x = left + i * step + (step - bar) / 2
        y = head + plot_h
        for j, share in enumerate(row):
            h = plot_h * share / top
            y -= h
            n = round(share * m["sourced_claims"])
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{_PALETTE[j]}"><title>{_E(m["month"])}: {_E(series[j])} '
                f"{n} of {m['sourced_claims']} sourced claims ({_pct(share)})</title></rect>"
            )
        if i % every == 0:
            out.append(
                f'<text x="{x + bar / 2:.1f}" y="{head + plot_h + 16}" '
                f'text-anchor="middle">{_E(m["month"])}</text>'
            )
    lx = left
    for j, name in enumerate(series):
        out.append(
            f'<rect x="{lx}" y="{head + plot_h + 30}" width="10" height="10" '
            f'fill="{_PALETTE[j]}" /><text x="{lx + 14}" y="{head + plot_h + 39}">'
            f"{_E(name)}</text>"
        )
        lx += 24 + 7 * len(name)
    out.append("</svg>")
    return "".join(out)


def _chart_outlets(summary: dict[str, Any]) -> str:
    rows = summary["top_state_affiliated_outlets"][:15]
    if not rows:
        return "<p class=empty>No state-affiliated outlet was cited.</p>"
    label_w, bar_w, row_h = 260, 480, 22
    most = max(r["mentions"] for r in rows)
    height = row_h * len(rows) + 30
    out = [
        f'<svg viewBox="0 0 {label_w + bar_w + 120} {height}" width="{label_w + bar_w + 120}"'
        ' role="img" aria-label="Top state-affiliated outlets by mentions">'
    ]
    for i, r in enumerate(rows):
        y = i * row_h + 4
        name = r["name"] + (f" ({r['controlling_state']})" if r["controlling_state"] else "")
        w = bar_w * r["mentions"] / most
        wu = bar_w * r["undisclosed"] / most
        tip = (
            f"{name}: {r['mentions']} mentions, {r['undisclosed']} undisclosed "
            f"({_pct(r['undisclosed'] / r['mentions'])})"
        )
        out.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{_E(name[:40])}</text>'
            f"<g><title>{_E(tip)}</title>"
            f'<rect x="{label_w}" y="{y}" width="{w:.1f}" height="{row_h - 6}" fill="#9ecae1" />'
            f'<rect x="{label_w}" y="{y}" width="{wu:.1f}" height="{row_h - 6}" fill="#d62728" />'
            f"</g>"
            f'<text x="{label_w + w + 6:.1f}" y="{y + 14}">{r["mentions"]:,}'
            f" ({r['undisclosed']:,} undisclosed)</text>"
        )
    y = len(rows) * row_h + 12
    out.append(
        f'<rect x="{label_w}" y="{y}" width="10" height="10" fill="#d62728" />'
        f'<text x="{label_w + 14}" y="{y + 9}">undisclosed</text>'
        f'<rect x="{label_w + 110}" y="{y}" width="10" height="10" fill="#9ecae1" />'
        f'<text x="{label_w + 124}" y="{y + 9}">disclosed</text></svg>'
    )
    return "".join(out)


def _heat(rate: float) -> str:
    """White (0%) to deep red (100%)."""
    r, g, b = 255, int(255 - 200 * rate), int(255 - 215 * rate)
    return f"rgb({r},{g},{b})"


def _chart_undisclosed(summary: dict[str, Any]) -> str:
    months = [m["month"] for m in summary["months"] if m["state_affiliated_mentions"]]
    if not months:
        return "<p class=empty>No state-affiliated outlet was cited.</p>"
    rows: list[tuple[str, dict[str, list[int]]]] = [
        (
            "all sections",
            {
                m["month"]: [m["state_affiliated_mentions"], m["undisclosed_mentions"]]
                for m in summary["months"]
            },
        )
    ]
    rows.extend((s["section"], s["by_month"]) for s in summary["sections"][:12])
    label_w, cell_h = 180, 24
    cell_w = max(12.0, min(48.0, 860 / len(months)))
    width = label_w + cell_w * len(months) + 10
    height = cell_h * len(rows) + 60
    out = [
        f'<svg viewBox="0 0 {width:.0f} {height}" width="{width:.0f}" role="img" '
        'aria-label="Undisclosed rate by month and section">'
    ]
    for i, (name, cells) in enumerate(rows):
        y = i * cell_h
        weight = ' font-weight="bold"' if i == 0 else ""
        out.append(
            f'<text x="{label_w - 8}" y="{y + 16}" text-anchor="end"{weight}>{_E(name[:28])}</text>'
        )
        for j, mo in enumerate(months):
            x = label_w + j * cell_w
            sa, und = cells.get(mo, [0, 0])
            if not sa:
                out.append(
                    f'<rect x="{x:.1f}" y="{y}" width="{cell_w - 1:.1f}" '
                    f'height="{cell_h - 2}" fill="#f0f0f0"><title>{_E(name)}, {_E(mo)}: '
                    "no state-affiliated mentions</title></rect>"
                )
                continue
            rate = und / sa
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{cell_w - 1:.1f}" height="{cell_h - 2}" '
                f'fill="{_heat(rate)}"><title>{_E(name)}, {_E(mo)}: {und} of {sa} '
                f"state-affiliated mentions undisclosed ({_pct(rate)})</title></rect>"
            )
            if cell_w >= 34:
                color = "#fff" if rate > 0.6 else "#222"
                out.append(
                    f'<text x="{x + cell_w / 2:.1f}" y="{y + 16}" text-anchor="middle" '
                    f'fill="{color}" class=small>{rate * 100:.0f}</text>'
                )
    every = _month_labels(months, cell_w * len(months))
    for j, mo in enumerate(months):
        if j % every == 0:
            out.append(
                f'<text x="{label_w + j * cell_w + cell_w / 2:.1f}" '
                f'y="{len(rows) * cell_h + 16}" text-anchor="middle">{_E(mo)}</text>'
            )
    y = len(rows) * cell_h + 26
    out.append(f'<text x="{label_w - 8}" y="{y + 10}" text-anchor="end">undisclosed</text>')
    for k in range(6):
        x = label_w + k * 40
        out.append(
            f'<rect x="{x}" y="{y}" width="38" height="12" fill="{_heat(k / 5)}" />'
            f'<text x="{x + 19}" y="{y + 24}" text-anchor="middle">{k * 20}%</text>'
        )
    out.append("</svg>")
    return "".join(out)


_CSS = """
body{font:15px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2em auto;
max-width:1150px;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}
svg{display:block;max-width:100%;height:auto;font-size:11px;fill:#222}
.grid{stroke:#ddd;stroke-width:1}.small{font-size:10px}
table{border-collapse:collapse}td,th{padding:.25em .8em;border-bottom:1px solid #eee;
text-align:right}th{text-align:left;font-weight:normal;color:#555}
.note{color:#555;max-width:48em}.empty{color:#777;font-style:italic}
"""


def render_html(summary: dict[str, Any]) -> str:
    """A self-contained page: headline totals and three inline SVG charts."""
    sa = summary["state_affiliated_mentions"]
    rate = summary["undisclosed_mentions"] / sa if sa else 0.0
    kinds = summary["claims_by_kind"]
    names = summary.get("state_names", {})
    rows = [
        ("documents checked", f"{summary['documents']:,}"),
        ("documents that could not be checked", f"{summary['errors']:,}"),
        ("outlet mentions", f"{summary['mentions']:,}"),
        ("mentions of state-affiliated outlets", f"{sa:,}"),
        (
            "… of which the brief does not disclose the affiliation",
            f"{summary['undisclosed_mentions']:,} ({_pct(rate)})",
        ),
        *((f"{k} claims", f"{n:,}") for k, n in kinds.items()),
        *(
            (f"claims through outlets controlled by {names.get(s, s)}", f"{n:,}")
            for s, n in sorted(summary["claims_by_controller"].items(), key=lambda x: -x[1])[:8]
        ),
    ]
    table = "".join(f"<tr><th>{_E(k)}</th><td>{_E(v)}</td></tr>" for k, v in rows)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>provenance audit: sourcing summary</title><style>{_CSS}</style></head><body>
<h1>Sourcing audit</h1>
<table>{table}</table>
<h2>Sourced claims by controlling state, month by month</h2>
<p class=note>Of the claims the archive attributes to someone (quoted or reported speech), the
share that reached it through an outlet controlled by each state. A bar's height is the share
of that month's sourced claims; hover a segment for the counts.</p>
{_chart_state_share(summary)}
<h2>Most-cited state-affiliated outlets</h2>
<p class=note>Mentions of each state-affiliated outlet (or generic reference such as
“state-run media”); the red part is where the article never tells the reader of the
affiliation.</p>
{_chart_outlets(summary)}
<h2>Undisclosed rate by month and section</h2>
<p class=note>The share of mentions of state-affiliated outlets whose affiliation the article
does not disclose: white is none, deep red is all; grey means no such mentions. The first row
is the whole archive.</p>
{_chart_undisclosed(summary)}
</body></html>
"""
