"""The registry: the bundled data, validation errors, overlays, lookups and affiliation verdicts.

Overlays and broken files are written under ``tmp_path`` and describe invented outlets of an
invented country ("ZZ"), so that these tests do not depend on the bundled data beyond a few
well-established facts (Tasnim is IRGC-controlled, Press TV is part of IRIB, …).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

import pytest

import provenance
from provenance import Registry, RegistryError, _registry

if TYPE_CHECKING:
    from pathlib import Path

EVIDENCE = """
[[outlet.claim.evidence]]
url = "https://example.org/zedland-media-report"
publisher = "Example Media Monitor"
date = "2030-01-15"
type = "ngo"
summary = "Invented evidence for the test-suite."
"""

ORG = """
[[organization]]
id = "org.zz.ministry"
name = "Ministry of Information of Zedland"
short = "MinInfo"
country = "ZZ"
type = "ministry"
aliases = ["Zedland Ministry of Information"]
"""

HERALD = """
[[outlet]]
id = "zz.herald"
name = "Zedland Herald"
country = "ZZ"
medium = "newspaper"
aliases = ["The Herald of Zed", { text = "ZDH", case = "sensitive", kind = "abbreviation" }]
domains = ["zedherald.example", { host = "portal.example", path = "/zed" }]
handles = [{ platform = "x", handle = "ZedHerald" }]

[[outlet.claim]]
state = "ZZ"
controller = "org.zz.ministry"
mechanisms = ["ownership", "editorial"]
funding = "state"
governance = "state"
editorial = "controlled"
confidence = "high"
valid_from = "2020-01-01"
""" + EVIDENCE + """
[[outlet]]
id = "zz.herald-weekend"
name = "Zedland Herald Weekend"
country = "ZZ"
medium = "magazine"
relations = [{ type = "division_of", target = "zz.herald" }]
"""

VALID = ORG + HERALD


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _load_error(path: Path) -> RegistryError:
    with pytest.raises(RegistryError) as info:
        Registry.load(path)
    return info.value


# --------------------------------------------------------------------------- the bundled registry
def test_bundled_registry_loads(registry: Registry) -> None:
    assert registry.name
    assert registry.version
    assert re.fullmatch(r"[0-9a-f]{64}", registry.sha256)
    assert registry.overlays == ()
    assert len(registry.outlets) >= 13
    for oid in ("ir.tasnim", "ir.fars", "ir.irna", "ir.presstv", "ru.rt", "ru.tass", "cn.xinhua",
                "kp.kcna", "sy.sana", "lb.al-manar", "gb.reuters", "us.ap", "gb.bbc"):
        assert oid in registry.outlets, oid


def test_bundled_entries_follow_the_schema(registry: Registry) -> None:
    for oid, outlet in registry.outlets.items():
        assert re.fullmatch(r"[a-z]{2,4}\.[a-z0-9._-]+", oid), oid
        assert outlet.id == oid
        assert outlet.name.strip()
        for claim in outlet.claims:
            assert claim.evidence, f"{oid}: a claim without evidence"
            for ev in claim.evidence:
                assert ev.url.startswith(("http://", "https://"))
                assert ev.summary or ev.quote
        for rel in outlet.relations:
            assert registry.get(rel.target) is not None


def test_default_registry_is_cached_not_a_singleton() -> None:
    assert provenance.default_registry() is provenance.default_registry()
    # Registry.load() shares the value built from unchanged files within a process (it was
    # order-dependent to assume otherwise); without that copy, it builds a new value
    _registry._LOADED.clear()
    assert Registry.load() is not provenance.default_registry()


# --------------------------------------------------------------------------- lookups
@pytest.mark.parametrize("name", ["Tasnim", "tasnim", "Tasnim News Agency", "TASNIM NEWS AGENCY",
                                  "خبرگزاری تسنیم", "Тасним"])
def test_find_by_name_or_alias(registry: Registry, name: str) -> None:
    assert [o.id for o in registry.find(name)] == ["ir.tasnim"]


def test_lookup_by_id_handle_and_url(registry: Registry) -> None:
    assert [o.id for o in registry.lookup("ir.presstv")] == ["ir.presstv"]
    assert [o.id for o in registry.lookup("@presstv")] == ["ir.presstv"]
    assert [o.id for o in registry.lookup("https://www.presstv.ir/Detail/1")] == ["ir.presstv"]
    assert [o.id for o in registry.by_handle("@TASNIMNEWS_EN")] == ["ir.tasnim"]
    assert registry.lookup("No Such Outlet") == []


@pytest.mark.parametrize(("url", "expected"), [
    ("https://www.tasnimnews.com/en/news/2031/1", "ir.tasnim"),
    ("tasnimnews.com", "ir.tasnim"),
    ("http://en.tasnimnews.com/", "ir.tasnim"),
    ("https://a.b.tasnimnews.com/x", "ir.tasnim"),
    ("HTTPS://WWW.TASNIMNEWS.COM/", "ir.tasnim"),
    ("https://nottasnimnews.com/", None),
    ("https://tasnimnews.com.evil.example/", None),
    ("https://tasnimnews.co/", None),
    ("http://192.0.2.1/tasnimnews.com", None),
    ("http://[2001:db8::1]/", None),
    ("not a url at all", None),
    ("", None),
])
def test_by_url_matches_at_label_boundaries(registry: Registry, url: str, expected: str | None) -> None:
    hit = registry.by_url(url)
    assert (hit[0].id if hit else None) == expected


def test_domains_can_be_dated(registry: Registry) -> None:
    """presstv.com was Press TV's domain until its seizure in 2021."""
    old = registry.by_url("https://www.presstv.com/Detail/1", on=date(2020, 1, 1))
    assert old is not None
    assert old[0].id == "ir.presstv"
    assert registry.by_url("https://www.presstv.com/Detail/1", on=date(2023, 1, 1)) is None


def test_ip_addresses_and_lookalike_hosts_are_not_mentions() -> None:
    text = ("Copies appeared on nottasnimnews.com and at http://192.0.2.1/tasnimnews and on "
            "tasnimnews.com.evil.example on Friday.")
    report = provenance.check(text, as_of=date(2024, 1, 1))
    assert [m.outlet.id for m in report.mentions if m.outlet] == []


def test_sub_domain_in_a_brief_is_a_mention() -> None:
    text = "A video on https://en.tasnimnews.com/news/1 shows the drill."
    report = provenance.check(text, as_of=date(2024, 1, 1))
    assert [(m.text, m.matched_by) for m in report.mentions] == [
        ("https://en.tasnimnews.com/news/1", "domain")]


# --------------------------------------------------------------------------- affiliation
def test_tasnim_is_irgc_controlled(registry: Registry) -> None:
    aff = registry.affiliation("ir.tasnim", date(2024, 1, 1))
    assert aff.state_affiliated is True
    assert aff.state == "IR"
    assert "org.irgc" in [c.id for c in aff.controllers]
    assert aff.label == "state-controlled (Iran), IRGC-affiliated"


def test_independent_outlets_are_not_state_affiliated(registry: Registry) -> None:
    for oid in ("gb.reuters", "us.ap", "gb.bbc"):
        aff = registry.affiliation(oid, date(2024, 1, 1))
        assert aff.state_affiliated is False, oid
        assert aff.controllers == ()
    assert registry.affiliation("gb.bbc", date(2024, 1, 1)).label.endswith("editorially independent")


def test_affiliation_follows_the_as_of_date(registry: Registry) -> None:
    """TASS: Soviet state agency until December 1991, Russian state agency since."""
    soviet = registry.affiliation("ru.tass", date(1987, 6, 1))
    russian = registry.affiliation("ru.tass", date(2020, 6, 1))
    assert soviet.state_affiliated is True
    assert russian.state_affiliated is True
    assert soviet.claim is not None
    assert russian.claim is not None
    assert soviet.claim.controller != russian.claim.controller
    assert "org.ru.government" in [c.id for c in russian.controllers]


def test_press_tv_is_state_controlled_like_irib(registry: Registry) -> None:
    """Press TV is a division of IRIB: it inherits IRIB's claims unless it has its own."""
    day = date(2024, 1, 1)
    presstv = registry.outlets["ir.presstv"]
    assert "ir.irib" in [r.target for r in presstv.relations if r.type == "division_of"]
    aff = registry.affiliation("ir.presstv", day)
    irib = registry.affiliation("ir.irib", day)
    assert aff.state_affiliated is True
    assert irib.state_affiliated is True
    assert aff.state == irib.state == "IR"
    if any(c.valid_on(day) for c in presstv.claims):
        assert aff.inherited_from is None
    else:
        assert aff.inherited_from == "ir.irib"
        assert aff.controllers == irib.controllers


def test_claims_inherit_down_division_of(registry: Registry) -> None:
    """Every bundled outlet without claims of its own inherits its parent's verdict."""
    day = date(2024, 1, 1)
    checked = 0
    for oid, outlet in registry.outlets.items():
        if outlet.claims:
            continue
        parents = [r.target for r in outlet.relations
                   if r.type in ("division_of", "language_edition_of", "mirror_of", "owned_by")
                   and r.valid_on(day)]
        if not parents:
            continue
        aff = registry.affiliation(oid, day)
        parent = registry.affiliation(parents[0], day)
        assert aff.state_affiliated == parent.state_affiliated, oid
        assert aff.label == parent.label, oid
        if parent.claim is not None:
            assert aff.inherited_from is not None, oid
        checked += 1
    assert checked >= 1, "the bundled data has outlets that inherit (Al-Alam, RT Arabic, …)"


def test_outlet_without_claims_or_parents_is_unknown(tmp_path: Path) -> None:
    path = _write(tmp_path, "bare.toml", '[[outlet]]\nid = "zz.bare"\nname = "Zed Bare Daily"\n'
                                         'country = "ZZ"\nmedium = "newspaper"\n')
    aff = Registry.load(path).affiliation("zz.bare", date(2031, 1, 1))
    assert aff.state_affiliated is None
    assert aff.claims == ()


# --------------------------------------------------------------------------- overlays
def test_overlay_adds_outlets_and_organizations(tmp_path: Path) -> None:
    path = _write(tmp_path, "newsroom.toml", VALID)
    reg = Registry.load(path)
    assert reg.overlays == (str(path),)
    assert "ir.tasnim" in reg.outlets  # the bundled data is still there
    assert [o.id for o in reg.find("the herald of zed")] == ["zz.herald"]
    assert [o.id for o in reg.by_handle("@zedherald")] == ["zz.herald"]
    hit = reg.by_url("https://news.zedherald.example/2031/1")
    assert hit is not None
    assert hit[0].id == "zz.herald"
    assert reg.sha256 != provenance.default_registry().sha256
    aff = reg.affiliation("zz.herald", date(2031, 1, 1))
    assert aff.state_affiliated is True
    assert [c.id for c in aff.controllers] == ["org.zz.ministry"]
    assert aff.label == "state-controlled (ZZ)"
    assert reg.affiliation("zz.herald", date(2019, 1, 1)).state_affiliated is None


def test_overlay_path_prefix_domains(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "newsroom.toml", VALID))
    for url, expected in [("https://portal.example/zed", "zz.herald"),
                          ("https://portal.example/zed/2031/story", "zz.herald"),
                          ("https://portal.example/zedland", None),
                          ("https://portal.example/other/zed", None),
                          ("https://portal.example/", None)]:
        hit = reg.by_url(url)
        assert (hit[0].id if hit else None) == expected, url


def test_overlay_inheritance_through_division_of(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "newsroom.toml", VALID))
    aff = reg.affiliation("zz.herald-weekend", date(2031, 1, 1))
    assert aff.state_affiliated is True
    assert aff.inherited_from == "zz.herald"
    assert [c.id for c in aff.controllers] == ["org.zz.ministry"]


def test_overlay_outlets_are_found_in_briefs(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "newsroom.toml", VALID))
    text = ("The Zedland Herald reported that the harbour was closed. "
            "A follow-up at https://zedherald.example/2031/2 was removed.")
    report = provenance.check(text, registry=reg, as_of=date(2031, 1, 1))
    assert [(m.text, m.outlet.id if m.outlet else None, m.matched_by) for m in report.mentions] == [
        ("Zedland Herald", "zz.herald", "name"),
        ("https://zedherald.example/2031/2", "zz.herald", "domain"),
    ]
    assert report.registry_meta["overlays"] == list(reg.overlays)
    assert [(f.rule, text[f.start:f.end]) for f in report.findings if f.rule == "PRV102"] == [
        ("PRV102", "Zedland Herald")]


def test_overlay_overrides_a_bundled_entry(tmp_path: Path) -> None:
    override = """
[[outlet]]
id = "ir.presstv"
name = "Press TV"
country = "IR"
medium = "tv_channel"

[[outlet.claim]]
state = "IR"
editorial = "independent"
funding = "private"
confidence = "high"
""" + EVIDENCE
    reg = Registry.load(_write(tmp_path, "override.toml", override))
    assert reg.outlets["ir.presstv"].source == str(tmp_path / "override.toml")
    aff = reg.affiliation("ir.presstv", date(2024, 1, 1))
    assert aff.state_affiliated is False
    assert aff.label == "independent"
    report = provenance.check("Press TV said the envoy left.", registry=reg, as_of=date(2024, 1, 1))
    assert [f.rule for f in report.findings] == []


def test_overlay_retracts_entries(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.toml", VALID)
    second = _write(tmp_path, "b.toml", 'retract = ["zz.herald-weekend"]\n')
    reg = Registry.load(first, second)
    assert reg.get("zz.herald-weekend") is None
    assert reg.get("zz.herald") is not None
    assert reg.find("Zedland Herald Weekend") == []
    assert reg.warnings == ()


def test_retracting_a_bundled_leaf_outlet(tmp_path: Path, registry: Registry) -> None:
    targets = {r.target for o in registry.outlets.values() for r in o.relations}
    targets |= {r.target for g in registry.organizations.values() for r in g.relations}
    targets |= {c.national_agency for c in registry.countries.values() if c.national_agency}
    leaf = next(o for o in registry.outlets.values()
                if o.id not in targets and o.claims and o.id != "ir.tasnim")
    reg = Registry.load(_write(tmp_path, "retract.toml", f'retract = ["{leaf.id}"]\n'))
    assert reg.get(leaf.id) is None
    report = provenance.check(f"{leaf.name} reported that the talks failed.", registry=reg,
                              as_of=date(2024, 1, 1))
    assert leaf.id not in [m.outlet.id for m in report.mentions if m.outlet]


def test_retracting_an_unknown_id_is_a_warning(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "retract.toml", 'retract = ["zz.nothing"]\n'))
    assert len(reg.warnings) == 1
    assert "zz.nothing" in reg.warnings[0]
    assert "retract.toml" in reg.warnings[0]


def test_colliding_alias_in_an_overlay_is_a_warning(tmp_path: Path) -> None:
    clash = ('[[outlet]]\nid = "zz.tasnim-copy"\nname = "Zed Copy"\ncountry = "ZZ"\n'
             'medium = "website"\naliases = ["Tasnim"]\ndomains = ["tasnimnews.com"]\n')
    reg = Registry.load(_write(tmp_path, "clash.toml", clash))
    joined = " ".join(reg.warnings)
    assert "tasnim" in joined.casefold()
    assert "zz.tasnim-copy" in joined
    assert "tasnimnews.com" in joined


def test_overlay_may_point_at_bundled_entries(tmp_path: Path) -> None:
    overlay = ('[[outlet]]\nid = "ir.presstv-zed"\nname = "Press TV Zed Edition"\ncountry = "IR"\n'
               'medium = "website"\nrelations = [{ type = "language_edition_of", '
               'target = "ir.presstv" }]\n')
    reg = Registry.load(_write(tmp_path, "edition.toml", overlay))
    aff = reg.affiliation("ir.presstv-zed", date(2024, 1, 1))
    assert aff.state_affiliated is True
    assert aff.inherited_from == "ir.presstv"


def test_overlay_directory_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "outlets").mkdir()
    _write(tmp_path, "orgs.toml", ORG)
    _write(tmp_path / "outlets", "zz.toml", HERALD)
    reg = Registry.load(tmp_path)
    assert {"zz.herald", "zz.herald-weekend"} <= set(reg.outlets)
    assert len(reg.overlays) == 2


def test_from_files_builds_a_registry_without_bundled_data(tmp_path: Path) -> None:
    reg = Registry.from_files(_write(tmp_path, "only.toml", VALID))
    assert set(reg.outlets) == {"zz.herald", "zz.herald-weekend"}
    assert set(reg.organizations) == {"org.zz.ministry"}


# --------------------------------------------------------------------------- disputed claims
DISPUTED = ORG + """
[[outlet]]
id = "zz.courier"
name = "Zed Courier"
country = "ZZ"
medium = "newspaper"

[[outlet.claim]]
state = "ZZ"
controller = "org.zz.ministry"
editorial = "controlled"
funding = "state"
confidence = "medium"
""" + EVIDENCE + """
[[outlet.claim]]
state = "ZZ"
editorial = "independent"
funding = "private"
confidence = "high"
disputed = true
""" + EVIDENCE + """
[[outlet]]
id = "zz.tribune"
name = "Zed Tribune"
country = "ZZ"
medium = "newspaper"

[[outlet.claim]]
state = "ZZ"
controller = "org.zz.ministry"
editorial = "controlled"
funding = "state"
confidence = "high"
""" + EVIDENCE + """
[[outlet.claim]]
state = "ZZ"
editorial = "independent"
funding = "mixed"
confidence = "low"
""" + EVIDENCE


def test_a_disputed_claim_is_reported_but_never_flips_the_verdict(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "disputed.toml", DISPUTED))
    aff = reg.affiliation("zz.courier", date(2031, 1, 1))
    assert aff.state_affiliated is True  # the disputed high-confidence claim does not decide
    assert aff.disputed is True
    assert len(aff.claims) == 2
    report = provenance.check("The Zed Courier said the port was closed.", registry=reg,
                              as_of=date(2031, 1, 1))
    (m,) = report.mentions
    assert m.state_affiliated is True
    assert m.disputed is True
    assert report.to_dict()["mentions"][0]["disputed"] is True


def test_disagreeing_claims_decide_by_confidence_and_are_disputed(tmp_path: Path) -> None:
    reg = Registry.load(_write(tmp_path, "disputed.toml", DISPUTED))
    aff = reg.affiliation("zz.tribune", date(2031, 1, 1))
    assert aff.state_affiliated is True
    assert aff.disputed is True
    assert [c.id for c in aff.controllers] == ["org.zz.ministry"]


def test_bundled_disputed_flags_do_not_flip_verdicts(registry: Registry) -> None:
    day = date(2024, 1, 1)
    for oid, outlet in registry.outlets.items():
        valid = [c for c in outlet.claims if c.valid_on(day)]
        undisputed = [c for c in valid if not c.disputed]
        if not undisputed:
            continue
        best = max(undisputed, key=lambda c: {"high": 3, "medium": 2, "low": 1}[c.confidence])
        assert registry.affiliation(oid, day).state_affiliated == best.state_affiliated, oid


# --------------------------------------------------------------------------- validation errors
def _break(old: str, new: str) -> str:
    assert old in VALID
    return VALID.replace(old, new, 1)


BROKEN = [
    pytest.param(_break('medium = "newspaper"\naliases', 'medium = "newspaper"\ncolour = "red"\naliases'),
                 "zz.herald", "colour", "unknown key", id="unknown-key"),
    pytest.param(VALID.replace(EVIDENCE, "\n"), "zz.herald", "claim[0].evidence", "evidence",
                 id="missing-evidence"),
    pytest.param(_break('valid_from = "2020-01-01"', 'valid_from = "2020-13-45"'),
                 "zz.herald", "valid_from", "ISO date", id="bad-date"),
    pytest.param(_break('date = "2030-01-15"', 'date = "15/01/2030"'),
                 "zz.herald", "date", "ISO date", id="bad-evidence-date"),
    pytest.param(_break('controller = "org.zz.ministry"', 'controller = "org.zz.nobody"'),
                 "zz.herald", "controller", "org.zz.nobody", id="unknown-controller"),
    pytest.param(VALID + '\n[[outlet]]\nid = "zz.herald"\nname = "Again"\ncountry = "ZZ"\n'
                 'medium = "newspaper"\n', "zz.herald", "id", "duplicate", id="duplicate-id"),
    pytest.param(_break('editorial = "controlled"', 'editorial = "somewhat"'),
                 "zz.herald", "editorial", "somewhat", id="bad-choice"),
    pytest.param(_break('medium = "magazine"', 'medium = "blog"'), "zz.herald-weekend", "medium",
                 "blog", id="bad-medium"),
    pytest.param(_break('target = "zz.herald"', 'target = "zz.nowhere"'), "zz.herald-weekend",
                 "relations", "zz.nowhere", id="unknown-relation-target"),
    pytest.param(_break('"zedherald.example"', '"https://zedherald.example/"'), "zz.herald",
                 "domains[0]", "bare host", id="url-as-domain"),
    pytest.param(_break('url = "https://example.org/zedland-media-report"', 'url = "example.org"'),
                 "zz.herald", "url", "http", id="evidence-url"),
    pytest.param(_break('id = "zz.herald"\n', 'id = "ZZ.Herald"\n'), "ZZ.Herald", "id",
                 "lower-case", id="bad-id"),
    pytest.param(_break('country = "ZZ"\nmedium = "newspaper"', 'country = "Zedland"\n'
                        'medium = "newspaper"'), "zz.herald", "country", "ISO 3166", id="bad-country"),
]


@pytest.mark.parametrize(("content", "entry", "key", "words"), BROKEN)
def test_validation_errors_name_file_entry_and_key(tmp_path: Path, content: str, entry: str,
                                                   key: str, words: str) -> None:
    path = _write(tmp_path, "broken.toml", content)
    err = _load_error(path)
    message = str(err)
    assert str(path) in message
    assert f"entry {entry!r}" in message or entry in message
    assert key in message
    assert words in message
    assert err.path == str(path)
    assert err.key is not None
    assert key in err.key


def test_duplicate_id_across_files(tmp_path: Path) -> None:
    a = _write(tmp_path, "a.toml", VALID)
    b = _write(tmp_path, "b.toml", '[[outlet]]\nid = "zz.herald"\nname = "Another"\n'
                                   'country = "ZZ"\nmedium = "website"\n')
    with pytest.raises(RegistryError, match="duplicate id") as info:
        Registry.from_files(a, b)
    assert str(b) in str(info.value)
    assert str(a) in str(info.value)


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.toml", VALID.replace('name = "Zedland Herald"',
                                                         'name = "Zedland Herald', 1))
    err = _load_error(path)
    assert str(err).startswith(str(path))
    assert "invalid TOML" in str(err)
    assert "line" in str(err)


def test_non_utf8_registry_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "latin1.toml", '[[outlet]]\nid = "zz.x"\nname = "Café"\n'.encode("latin-1"))
    err = _load_error(path)
    assert str(path) in str(err)
    assert "UTF-8" in str(err)


def test_missing_registry_file(tmp_path: Path) -> None:
    err = _load_error(tmp_path / "nope.toml")
    assert "nope.toml" in str(err)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    err = _load_error(_write(tmp_path, "top.toml", 'outlets = []\n'))
    assert "outlets" in str(err)
    assert "top.toml" in str(err)


def test_registry_error_is_a_provenance_error() -> None:
    assert issubclass(RegistryError, provenance.ProvenanceError)
    err = RegistryError("boom", path="f.toml", entry="zz.x", key="name")
    assert str(err) == "f.toml, entry 'zz.x', key 'name': boom"
    assert (err.path, err.entry, err.key) == ("f.toml", "zz.x", "name")


def test_domain_matching_stops_at_the_registrable_domain(tmp_path: Path) -> None:
    """A registry domain that is a public suffix is refused; lookups never climb above the
    registrable domain (so "co.uk" cannot claim every British site)."""
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[[outlet]]\nid = "zz.bad"\nname = "Bad"\ncountry = "GB"\nmedium = "website"\n'
        'domains = ["co.uk"]\n',
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match=r"bad\.toml.*'zz\.bad'.*domains\[0\].*public suffix"):
        Registry.load(bad)
    registry = Registry.load()
    hit = registry.by_url("https://news.bbc.co.uk/persian/1")
    assert hit is not None
    assert hit[0].id == "gb.bbc"
    assert registry.by_url("https://co.uk/") is None
    assert registry.by_url("http://192.168.0.1/") is None


def test_remembered_verdicts_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    base = _registry.bundled_registry_path()
    reg = Registry.from_files(base / "organizations.toml", base / "outlets" / "ir.toml")
    monkeypatch.setattr(_registry, "_MAX_CACHED_VERDICTS", 10)
    first = reg.affiliation("ir.tasnim", date(2020, 1, 1))
    for day in range(1, 29):
        reg.affiliation("ir.tasnim", date(2021, 2, day))
    assert len(reg._cache["verdicts"]) <= 10
    assert reg.affiliation("ir.tasnim", date(2020, 1, 1)) == first


@pytest.mark.parametrize("order", ["exact-first", "guarded-first"])
def test_an_exact_spelling_beside_a_guarded_one_matches_without_context(
    tmp_path: Path, order: str
) -> None:
    exact = '{ text = "ZEDLOOK", case = "sensitive" }'
    guarded = '{ text = "Zedlook", requires_context = true }'
    aliases = f"[{exact}, {guarded}]" if order == "exact-first" else f"[{guarded}, {exact}]"
    outlet = f"""
[[outlet]]
id = "zz.look"
name = "Zed Look Daily"
country = "ZZ"
medium = "website"
aliases = {aliases}
"""
    reg = Registry.load(_write(tmp_path, "r.toml", ORG + outlet))

    def found(text: str) -> list[str]:
        return [m.text for m in provenance.check(text, registry=reg).mentions]

    assert found("As ZEDLOOK wrote, the port closed.") == ["ZEDLOOK"]
    assert found("A Zedlook at the port closed.") == []  # the common word needs context
