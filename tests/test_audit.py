"""``provenance audit``: partitions, the tables, errors, resumption, the summary, and a real
``dask.distributed`` LocalCluster of two worker processes on 127.0.0.1 (serial equivalence,
a worker killed mid-run, a poison document). Skipped where the audit extra is not installed.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pyarrow")
pytest.importorskip("distributed")

import itertools

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster

import provenance
from provenance._audit import _worker
from provenance._audit._engine import Progress, run_audit
from provenance._audit._plan import plan
from provenance._audit._summary import render_html, summarize
from provenance._audit._worker import TABLES, Job
from provenance._cli import main

AS_OF = date(2024, 5, 14)

# ------------------------------------------------------------------ generated archives
_STATE = [
    "Tasnim News Agency",
    "Press TV",
    "IRNA",
    "Fars News Agency",
    "RT",
    "Sputnik",
    "TASS",
    "Xinhua",
    "CGTN",
    "Global Times",
    "KCNA",
    "SANA",
]
_OTHER = ["Reuters", "the Associated Press", "Agence France-Presse", "the BBC", "Al Jazeera"]
_DISCLOSED = {
    "Tasnim News Agency": "Tasnim News Agency, which is affiliated with the IRGC",
    "Press TV": "Press TV, Iran's state-run broadcaster",
    "RT": "the Kremlin-funded RT",
    "Xinhua": "China's state news agency Xinhua",
    "SANA": "the Syrian state news agency SANA",
}
_SPEAKERS = ["the foreign minister", "a military spokesman", "the governor", "an aide"]
_SECTIONS = ["world", "middle-east", "europe", "asia", "<b>opinion</b> & analysis"]


def brief(rng: random.Random, i: int) -> str:
    """A short brief: sourced and unsourced sentences through a mix of outlets."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        outlet = rng.choice(_STATE + _OTHER)
        cited = _DISCLOSED[outlet] if outlet in _DISCLOSED and rng.random() < 0.4 else outlet
        speaker = rng.choice(_SPEAKERS)
        form = rng.randrange(5)
        if form == 0:
            parts.append(f"According to {cited}, {speaker} said the talks had failed.")
        elif form == 1:
            parts.append(f"“We will not accept this,” {speaker} told {cited}.")
        elif form == 2:
            relay = rng.choice(_OTHER)
            parts.append(f"{relay}, citing {cited}, said {i % 97} people were killed.")
        elif form == 3:
            parts.append(f"{cited} reported that the convoy reached the city on Tuesday.")
        else:
            parts.append(f"Prices rose by {i % 13} percent in the month.")
    if rng.random() < 0.3:
        parts.append("State-run Iranian media said the strikes were a response.")
    return " ".join(parts)


def records(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    for i in range(n):
        rec: dict[str, Any] = {"id": f"doc-{i:05d}", "text": brief(rng, i)}
        if rng.random() < 0.95:
            rec["date"] = f"{rng.choice((2022, 2023, 2024))}-{rng.randint(1, 12):02d}-" + (
                f"{rng.randint(1, 28):02d}"
            )
        if rng.random() < 0.9:
            rec["section"] = rng.choice(_SECTIONS)
        rec["url"] = f"https://news.example/{i}"
        yield rec


def write_jsonl(path: Path, n: int, *, extra: list[str] = (), seed: int = 7) -> Path:  # type: ignore[assignment]
    with path.open("w", encoding="utf-8") as fh:
        for k, rec in enumerate(records(n, seed)):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if k % 250 == 17:
                fh.write("\n")  # blank lines are skipped, not documents
        for line in extra:
            fh.write(line + "\n")
    return path


def job(out: Path, **kw: Any) -> Job:
    return Job(out=str(out), as_of=kw.pop("as_of", AS_OF), **kw)


def table(out: Path, name: str) -> pa.Table:
    """A table of the output, partition files in id order (so deterministic)."""
    files = sorted((out / name).glob("part-*.parquet"))
    return pa.concat_tables([pq.read_table(f) for f in files])


def snapshot(out: Path) -> dict[str, Any]:
    return {
        **{t: table(out, t).to_pylist() for t in TABLES},
        "summary": json.loads((out / "summary.json").read_text(encoding="utf-8")),
        "html": (out / "summary.html").read_text(encoding="utf-8"),
    }


# ------------------------------------------------------------------ planning
def test_partitions_are_stable_and_cover_every_record(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 1003)
    parts = plan([str(src)], 100)
    assert parts == plan([str(src)], 100)
    assert [p.id for p in parts] == [f"p{i:06d}" for i in range(11)]
    assert [p.documents for p in parts] == [100] * 10 + [3]
    data = src.read_bytes()
    assert parts[0].start == 0
    assert parts[-1].stop == len(data)
    assert all(a.stop == b.start for a, b in itertools.pairwise(parts))
    lines = [ln for p in parts for ln in data[p.start : p.stop].splitlines() if ln.strip()]
    assert len(lines) == 1003
    assert len(set(lines)) == 1003


def test_folders_and_globs_of_briefs(tmp_path: Path) -> None:
    for i in range(7):
        (tmp_path / f"b{i}.md").write_text(f"Press TV reported {i}.\n", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x\n", encoding="utf-8")
    by_dir = plan([str(tmp_path)], 3)
    by_glob = plan([str(tmp_path / "*.md")], 3)
    assert by_dir == by_glob
    assert [len(p.paths) for p in by_dir] == [3, 3, 1]
    with pytest.raises(provenance.InputError, match="no file matches"):
        plan([str(tmp_path / "*.nothing")], 3)


# ------------------------------------------------------------------ inline runs
def test_inline_run_writes_tables_errors_and_summary(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        120,
        extra=[
            "{not json",
            json.dumps({"id": "no-text"}),
            json.dumps({"id": "number", "text": 5}),
            json.dumps({"id": "surrogate", "text": "Press TV said \ud800 the talks failed."}),
            json.dumps(["a", "list"]),
        ],
    )
    out = tmp_path / "out"
    result = run_audit([str(src)], job(out), scheduler="inline", partition_size=40)
    assert result.failed == ()
    assert result.partitions == 4
    docs = table(out, "documents")
    assert docs.num_rows == 121
    assert len(set(docs.column("doc_id").to_pylist())) == 121
    errors = table(out, "errors").to_pylist()
    assert sorted(e["doc_id"] for e in errors) == sorted(
        [f"{src}:122", "no-text", "number", f"{src}:126"]  # 120 records, a blank line
    )
    assert {e["error"] for e in errors} == {"InputError"}
    mentions = table(out, "mentions").to_pylist()
    tasnim = next(m for m in mentions if m["outlet_id"] == "ir.tasnim")
    assert tasnim["state_affiliated"] is True
    assert tasnim["controlling_state"] == "IR"
    assert all(m["doc_id"] and "date" in m for m in mentions)
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"] == 121
    assert summary["errors"] == 4
    assert summary["mentions"] == len(mentions)
    assert summary["claims_by_kind"]["attributed"] > 0
    assert set(summary["claims_by_controller"]) >= {"IR", "RU", "CN"}
    assert not (out / "_tmp").exists()


def test_a_document_that_crashes_the_checker_is_an_error_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_worker, "check_document", _poisoned(_worker.check_document))
    src = write_jsonl(
        tmp_path / "a.jsonl", 30, extra=[json.dumps({"id": "poison", "text": "POISON PILL"})]
    )
    out = tmp_path / "out"
    result = run_audit([str(src)], job(out), scheduler="inline", partition_size=8)
    assert result.failed == ()
    (err,) = table(out, "errors").to_pylist()
    assert err["doc_id"] == "poison"
    assert err["error"] == "RuntimeError"
    assert "poison document" in err["message"]
    assert "Traceback" in err["traceback"]
    assert table(out, "documents").num_rows == 30


def test_parquet_input_with_other_field_names_through_the_cli(tmp_path: Path) -> None:
    rows = [
        {"key": r["id"], "body": r["text"], "published": r.get("date"), "desk": r.get("section")}
        for r in records(50)
    ]
    src = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=17)
    out = tmp_path / "out"
    status = main(
        ["audit", str(src), "--out", str(out), "--scheduler", "inline", "--isolated", "-q",
         "--partition-size", "20", "--id-field", "key", "--text-field", "body",
         "--date-field", "published", "--section-field", "desk", "--date", "2024-05-14"]
    )  # fmt: skip
    assert status == 0
    docs = table(out, "documents").to_pylist()
    assert [d["doc_id"] for d in docs] == [r["key"] for r in rows]
    assert [d["section"] for d in docs] == [r["desk"] for r in rows]
    assert [d["date"] and d["date"].isoformat() for d in docs] == [r["published"] for r in rows]


def test_resumed_run_gives_identical_output_without_redoing_work(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 400)
    full, part = tmp_path / "full", tmp_path / "part"
    run_audit([str(src)], job(full), scheduler="inline", partition_size=50)
    expected = snapshot(full)
    # a run killed halfway: 3 of 8 partitions complete, one with its tables renamed into
    # place but no marker yet, and a half-written temporary folder
    seen: list[str] = []

    def stop_after_three(marker: dict[str, Any]) -> None:
        seen.append(marker["partition"])
        if len(seen) == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_audit(
            [str(src)], job(part), scheduler="inline", partition_size=50,
            on_partition=stop_after_three,
        )  # fmt: skip
    shutil.copy(full / "claims" / "part-p000005.parquet", part / "claims")
    (part / "_tmp" / "p000006.dead").mkdir(parents=True)
    (part / "_tmp" / "p000006.dead" / "claims.parquet").write_bytes(b"PAR1 truncated")
    done_before = {p.name: p.stat().st_mtime_ns for p in (part / "_done").iterdir()}
    written: list[str] = []
    result = run_audit(
        [str(src)], job(part), scheduler="inline", partition_size=50,
        on_partition=lambda m: written.append(m["partition"]),
    )  # fmt: skip
    assert result.skipped == 3
    assert len(written) == 5
    assert not set(written) & set(seen)
    after = {p.name: p.stat().st_mtime_ns for p in (part / "_done").iterdir()}
    assert {k: after[k] for k in done_before} == done_before  # not written again
    assert snapshot(part) == expected
    again = run_audit([str(src)], job(part), scheduler="inline", partition_size=50)
    assert again.skipped == 8
    assert snapshot(part) == expected


def test_resuming_with_other_inputs_is_refused(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 30)
    out = tmp_path / "out"
    run_audit([str(src)], job(out), scheduler="inline", partition_size=10)
    with pytest.raises(provenance.InputError, match="other inputs or settings"):
        run_audit([str(src)], job(out), scheduler="inline", partition_size=20)
    status = main(["audit", str(src), "--out", str(out), "--scheduler", "inline", "-q"])
    assert status == 2


def test_summary_totals_equal_the_sum_of_check_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "briefs"
    folder.mkdir()
    for rec in records(60, seed=3):
        i = int(rec["id"][-5:])
        if i % 3 == 0:
            front = f"---\ndate: {rec.get('date', '2024-01-02')}\n---\n\n"
            (folder / f"{rec['id']}.md").write_text(front + rec["text"] + "\n", encoding="utf-8")
        else:
            (folder / f"{rec['id']}.txt").write_text(rec["text"] + "\n", encoding="utf-8")
    out = tmp_path / "out"
    common = ["--isolated", "--date", "2024-05-14"]
    assert main(["audit", str(folder), "--out", str(out), "--scheduler", "inline", "-q",
                 "--partition-size", "16", *common]) == 0  # fmt: skip
    capsys.readouterr()
    main(["check", str(folder), "--format", "json", *common])
    reports = json.loads(capsys.readouterr().out)
    assert len(reports) == 60
    reg = provenance.default_registry()
    expected: dict[str, Any] = {
        "documents": len(reports),
        "errors": 0,
        "mentions": 0,
        "state_affiliated_mentions": 0,
        "undisclosed_mentions": 0,
    }
    kinds: Counter[str] = Counter(dict.fromkeys(("quoted", "attributed", "unattributed"), 0))
    controllers: Counter[str] = Counter()
    for r in reports:
        state: dict[str, str | None] = {}
        for m in r["mentions"]:
            expected["mentions"] += 1
            if m["state_affiliated"] is True:
                expected["state_affiliated_mentions"] += 1
                expected["undisclosed_mentions"] += not m["disclosed"]
                state[m["id"]] = (
                    reg.affiliation(m["outlet"]["id"], AS_OF).state if m["outlet"] else m["country"]
                )
        for c in r["claims"]:
            kinds[c["kind"]] += 1
            through = [state[v] for v in c["via"] if v in state]
            if through and through[0]:
                controllers[through[0]] += 1
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert {k: summary[k] for k in expected} == expected
    assert summary["claims_by_kind"] == dict(kinds)
    assert summary["claims_by_controller"] == dict(controllers)
    assert expected["state_affiliated_mentions"] > 20
    assert controllers


def test_summary_html_is_self_contained_and_escaped(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 200)
    out = tmp_path / "out"
    run_audit([str(src)], job(out), scheduler="inline", partition_size=100)
    page = (out / "summary.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 3
    assert "&lt;b&gt;opinion&lt;/b&gt; &amp; analysis" in page
    assert "<b>" not in page
    assert "<script" not in page
    assert "src=" not in page
    assert "href=" not in page
    summary = summarize(out)
    empty = {**summary, "months": [], "sections": [], "top_state_affiliated_outlets": []}
    assert render_html(empty).count("class=empty") == 3


def test_progress_lines_in_logs_and_a_bar_on_a_terminal() -> None:
    import io

    log = io.StringIO()
    p = Progress(1000, log, tty=False, interval=3600)
    p.start(200)
    p.update(300)
    p.update(500, errors=2)
    p.finish()
    lines = log.getvalue().splitlines()
    assert lines[0] == "audit: 1,000 documents, 200 already done"
    assert lines[1].startswith("audit: 500/1,000 documents (50%)")
    assert lines[-1].startswith("audit: 1,000/1,000 documents (100%)")
    assert "docs/s" in lines[-1]
    assert "ETA" in lines[-1]
    assert "2 errors" in lines[-1]
    term = io.StringIO()
    p = Progress(10, term, tty=True)
    p.start(0)
    p.update(5)
    p.finish()
    assert "\r\x1b[2K[###############" in term.getvalue()
    assert term.getvalue().endswith("\n")


# ------------------------------------------------------------------ a real LocalCluster
def _poisoned(original: Any) -> Any:
    def check_document(doc: Any, reg: Any, job: Any) -> Any:
        if doc.text is not None and "POISON" in doc.text:
            raise RuntimeError("poison document")
        return original(doc, reg, job)

    check_document.original = original  # type: ignore[attr-defined]
    return check_document


def _install_poison() -> None:
    _worker.check_document = _poisoned(_worker.check_document)


def _remove_poison() -> None:
    _worker.check_document = _worker.check_document.original  # type: ignore[attr-defined]


N_DOCS = 3000


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("archive")
    return write_jsonl(
        base / "archive.jsonl", N_DOCS,
        extra=[json.dumps({"id": "poison", "text": "POISON PILL from Press TV."})],
    )  # fmt: skip


@pytest.fixture(scope="module")
def serial(archive: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("serial") / "out"
    result = run_audit([str(archive)], job(out), scheduler="inline", partition_size=100)
    assert result.failed == ()
    return snapshot(out)


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
        dashboard_address=":0", silence_logs=50,
    )  # fmt: skip
    c = Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


@pytest.mark.slow
def test_cluster_run_equals_the_serial_run(
    client: Client, archive: Path, serial: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_audit([str(archive)], job(out), client=client, partition_size=100)
    assert result.failed == ()
    assert result.partitions == 31
    assert snapshot(out) == serial
    markers = [json.loads(p.read_text()) for p in (out / "_done").glob("*.json")]
    pids = {m["worker_pid"] for m in markers}
    assert len(pids) == 2
    assert os.getpid() not in pids
    assert {m["registry_loads"] for m in markers} == {1}  # the registry once per worker
    assert serial["summary"]["documents"] == N_DOCS + 1


@pytest.mark.slow
def test_a_poison_document_on_the_cluster_lands_in_the_errors_table(
    client: Client, archive: Path, serial: dict[str, Any], tmp_path: Path
) -> None:
    client.run(_install_poison)
    try:
        out = tmp_path / "out"
        result = run_audit([str(archive)], job(out), client=client, partition_size=100)
    finally:
        client.run(_remove_poison)
    assert result.failed == ()
    (err,) = table(out, "errors").to_pylist()
    assert err["doc_id"] == "poison"
    assert err["error"] == "RuntimeError"
    ids = table(out, "documents").column("doc_id").to_pylist()
    assert len(ids) == N_DOCS
    assert "poison" not in ids


@pytest.mark.slow
def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(
    client: Client, archive: Path, serial: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "out"
    victim = sorted(client.run(os.getpid).values())[0]
    killed: list[int] = []

    def kill_once(marker: dict[str, Any]) -> None:
        if not killed and len(list((out / "_done").glob("*.json"))) >= 4:
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    result = run_audit(
        [str(archive)], job(out), client=client, partition_size=100, on_partition=kill_once
    )
    assert killed
    assert result.failed == ()
    ids = table(out, "documents").column("doc_id").to_pylist()
    assert len(ids) == len(set(ids)) == N_DOCS + 1
    assert snapshot(out) == serial
    client.wait_for_workers(2, timeout=60)
    # resumed on the cluster after losing every third partition: the same output again
    lost = sorted(p.stem for p in (out / "_done").glob("*.json"))[::3]
    for pid in lost:
        (out / "_done" / f"{pid}.json").unlink()
        (out / "mentions" / f"part-{pid}.parquet").unlink()
    again = run_audit([str(archive)], job(out), client=client, partition_size=100)
    assert again.skipped == 31 - len(lost)
    assert snapshot(out) == serial


@pytest.mark.slow
def test_the_cli_on_a_scheduler_address_and_on_local_processes(
    client: Client, tmp_path: Path
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 120)
    address = str(client.scheduler_info()["address"])
    assert address.startswith("tcp://127.0.0.1:")
    by_address, local = tmp_path / "by-address", tmp_path / "local"
    common = ["--isolated", "-q", "--partition-size", "30", "--date", "2024-05-14"]
    assert main(["audit", str(src), "--out", str(by_address), "--scheduler", address,
                 *common]) == 0  # fmt: skip
    assert main(["audit", str(src), "--out", str(local), "--workers", "1", *common]) == 0
    assert snapshot(by_address) == snapshot(local)


def test_the_audit_extra_is_named_when_it_is_missing(tmp_path: Path) -> None:
    import subprocess

    code = (
        "import sys; sys.modules['distributed'] = None; sys.modules['pyarrow'] = None\n"
        "from provenance._cli import main\n"
        f"sys.exit(main(['audit', {str(tmp_path)!r}, '--out', {str(tmp_path / 'o')!r}]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 2
    assert "pip install 'provenance[audit]'" in done.stderr


def test_a_scheduler_that_is_not_one_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", 5)
    status = main(["audit", str(src), "--out", str(tmp_path / "o"), "--scheduler", "nonsense"])
    assert status == 2
    assert "--scheduler nonsense: not inline, processes or the address" in capsys.readouterr().err
