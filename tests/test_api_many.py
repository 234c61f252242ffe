"""provenance.check_many: folders, worker processes, input order."""

from __future__ import annotations

from pathlib import Path

import provenance


def test_check_many_matches_check_in_order(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Tasnim reported that the talks failed.\n",
        "b.md": "# Note\n\nAccording to Reuters, the envoy left.\n",
        "c.txt": "The talks failed.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    serial = provenance.check_many([tmp_path])
    parallel = provenance.check_many([tmp_path], jobs=2)
    assert [Path(r.path or "").name for r in parallel] == ["a.txt", "b.md", "c.txt"]
    assert [r.to_dict() for r in parallel] == [r.to_dict() for r in serial]
    one = provenance.check(tmp_path / "b.md")
    assert serial[1].to_dict()["mentions"] == one.to_dict()["mentions"]
