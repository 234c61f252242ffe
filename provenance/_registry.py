"""The registry: loading, validation, layering, lookups and affiliation verdicts."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import ipaddress
import os
import tomllib
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs

from ._exceptions import RegistryError
from ._gcpause import paused
from ._model import (
    ALIAS_KINDS,
    CASE_RULES,
    CONFIDENCE_RANK,
    EDITORIAL,
    EVIDENCE_TYPES,
    FUNDING,
    GOVERNANCE,
    INHERITING_RELATIONS,
    MECHANISMS,
    MEDIA,
    NAMED_CONTROLLER_TYPES,
    ORG_TYPES,
    RELATION_TYPES,
    Affiliation,
    Alias,
    Claim,
    Controller,
    Country,
    Domain,
    Evidence,
    Handle,
    Organization,
    Outlet,
    Relation,
)
from ._text import fold_phrase

__all__ = ["GenericGrammar", "Registry", "bundled_registry_path"]

_LOADED: dict[tuple[tuple[tuple[str, str, bool], ...], tuple[tuple[int, int], ...]], Registry] = {}

_MAX_FILE_BYTES = 20 * 1024 * 1024


def bundled_registry_path() -> Path:
    """Where the bundled registry lives: inside the wheel, or beside the package in a checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "_data" / "registry"
    if packaged.is_dir():
        return packaged
    return here.parent / "registry"


# --------------------------------------------------------------------------- validation
class _Entry:
    """Typed access to one TOML table, raising errors that name file, entry and key."""

    def __init__(
        self, data: Mapping[str, Any], path: str, entry: str, allowed: Iterable[str]
    ) -> None:
        if not isinstance(data, Mapping):
            raise RegistryError("expected a table", path=path, entry=entry)
        self.data = data
        self.path = path
        self.entry = entry
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            raise RegistryError(
                f"unknown key (allowed: {', '.join(sorted(allowed))})",
                path=path,
                entry=entry,
                key=unknown[0],
            )

    def err(self, key: str, msg: str) -> RegistryError:
        return RegistryError(msg, path=self.path, entry=self.entry, key=key)

    def str_(
        self,
        key: str,
        *,
        required: bool = False,
        choices: Sequence[str] | None = None,
        default: str | None = None,
    ) -> str | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise self.err(key, "is required")
            return default
        if not isinstance(v, str) or not v.strip():
            raise self.err(key, "must be a non-empty string")
        if choices is not None and v not in choices:
            raise self.err(key, f"must be one of {', '.join(choices)}; got {v!r}")
        return v

    def req(self, key: str, choices: Sequence[str] | None = None) -> str:
        v = self.str_(key, required=True, choices=choices)
        assert v is not None
        return v

    def bool_(self, key: str, default: bool = False) -> bool:
        v = self.data.get(key, default)
        if not isinstance(v, bool):
            raise self.err(key, "must be true or false")
        return v

    def date_(self, key: str, *, required: bool = False) -> date | None:
        v = self.data.get(key)
        if v is None:
            if required:
                raise self.err(key, "is required")
            return None
        if isinstance(v, date):
            return v
        if isinstance(v, str):
            try:
                return date.fromisoformat(v)
            except ValueError:
                pass
        raise self.err(key, f"must be an ISO date (YYYY-MM-DD); got {v!r}")

    def list_(self, key: str) -> list[Any]:
        v = self.data.get(key, [])
        if not isinstance(v, list):
            raise self.err(key, "must be an array")
        return v

    def strs(self, key: str, choices: Sequence[str] | None = None) -> tuple[str, ...]:
        out = []
        for item in self.list_(key):
            if not isinstance(item, str) or not item.strip():
                raise self.err(key, "must be an array of non-empty strings")
            if choices is not None and item not in choices:
                raise self.err(key, f"values must be among {', '.join(choices)}; got {item!r}")
            out.append(item)
        return tuple(out)


def _country_code(e: _Entry, key: str, *, required: bool = False) -> str | None:
    v = e.str_(key, required=required)
    if v is not None and not (len(v) == 2 and v.isascii() and v.isupper()) and v != "INTL":
        raise e.err(key, f"must be an ISO 3166-1 alpha-2 code in capitals; got {v!r}")
    return v


def _alias(item: Any, path: str, entry: str, i: int) -> Alias:
    if isinstance(item, str):
        if not item.strip():
            raise RegistryError(
                "alias must not be empty", path=path, entry=entry, key=f"aliases[{i}]"
            )
        return Alias(item)
    e = _Entry(
        item,
        path,
        entry,
        ("text", "lang", "kind", "case", "requires_context", "not_before", "not_after", "script"),
    )
    return Alias(
        text=e.req("text"),
        lang=e.str_("lang"),
        kind=e.str_("kind", choices=ALIAS_KINDS, default="name") or "name",
        case=e.str_("case", choices=CASE_RULES, default="auto") or "auto",
        requires_context=e.bool_("requires_context"),
        not_before=e.strs("not_before"),
        not_after=e.strs("not_after"),
    )


def _aliases(e: _Entry) -> tuple[Alias, ...]:
    out = []
    for i, item in enumerate(e.list_("aliases")):
        a = _alias(item, e.path, e.entry, i)
        if not fold_phrase(a.text):
            raise e.err(f"aliases[{i}]", f"alias {a.text!r} has no letters or digits to match")
        out.append(a)
    return tuple(out)


def _normalize_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if host.startswith("www."):
        host = host[4:]
    with contextlib.suppress(UnicodeError):
        host = host.encode("idna").decode("ascii")
    return host


def _domains(e: _Entry) -> tuple[Domain, ...]:
    out = []
    for i, item in enumerate(e.list_("domains")):
        key = f"domains[{i}]"
        if isinstance(item, str):
            d = _Entry({"host": item}, e.path, e.entry, ("host",))
        else:
            d = _Entry(item, e.path, e.entry, ("host", "path", "valid_from", "valid_to"))
        host = d.req("host")
        if "/" in host or ":" in host or " " in host or "." not in host:
            raise e.err(key, f"must be a bare host name such as example.com; got {host!r}")
        path = d.str_("path", default="") or ""
        if path and not path.startswith("/"):
            raise e.err(key, f"path must start with '/'; got {path!r}")
        if _psl().privatesuffix(_normalize_host(host)) is None:
            raise e.err(key, f"{host!r} is a public suffix, not an outlet's domain")
        out.append(
            Domain(
                _normalize_host(host), path.rstrip("/"), d.date_("valid_from"), d.date_("valid_to")
            )
        )
    return tuple(out)


def _handles(e: _Entry) -> tuple[Handle, ...]:
    out = []
    for item in e.list_("handles"):
        h = _Entry(item, e.path, e.entry, ("platform", "handle"))
        out.append(Handle(h.req("platform"), h.req("handle").lstrip("@")))
    return tuple(out)


def _relations(e: _Entry) -> tuple[Relation, ...]:
    out = []
    for item in e.list_("relations"):
        r = _Entry(item, e.path, e.entry, ("type", "target", "valid_from", "valid_to", "note"))
        out.append(
            Relation(
                r.req("type", RELATION_TYPES),
                r.req("target"),
                r.date_("valid_from"),
                r.date_("valid_to"),
            )
        )
    return tuple(out)


def _evidence(item: Any, path: str, entry: str, key: str) -> Evidence:
    e = _Entry(
        item, path, f"{entry} {key}", ("url", "publisher", "date", "type", "summary", "quote")
    )
    url = e.req("url")
    parsed = urllib.parse.urlsplit(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise e.err("url", f"must be an http(s) URL; got {url!r}")
    summary, quote = e.str_("summary"), e.str_("quote")
    if not summary and not quote:
        raise e.err("summary", "evidence needs a summary (or a quote copied from the page)")
    if quote and len(quote) > 400:
        raise e.err("quote", "keep quotes short (at most 400 characters)")
    d = e.date_("date", required=True)
    assert d is not None
    return Evidence(url, e.req("publisher"), d, e.req("type", EVIDENCE_TYPES), summary, quote)


def _claims(e: _Entry) -> tuple[Claim, ...]:
    out = []
    for i, item in enumerate(e.list_("claim")):
        key = f"claim[{i}]"
        c = _Entry(
            item,
            e.path,
            f"{e.entry} {key}",
            (
                "state",
                "controller",
                "controller_type",
                "mechanisms",
                "funding",
                "governance",
                "editorial",
                "confidence",
                "disputed",
                "valid_from",
                "valid_to",
                "asserted_by",
                "note",
                "evidence",
            ),
        )
        ev = [
            _evidence(x, e.path, e.entry, f"{key}.evidence[{j}]")
            for j, x in enumerate(c.list_("evidence"))
        ]
        if not ev:
            raise RegistryError(
                "every claim needs at least one evidence item",
                path=e.path,
                entry=e.entry,
                key=f"{key}.evidence",
            )
        vf, vt = c.date_("valid_from"), c.date_("valid_to")
        if vf and vt and vt <= vf:
            raise c.err("valid_to", "must be after valid_from")
        out.append(
            Claim(
                state=_country_code(c, "state"),
                controller=c.str_("controller"),
                controller_type=c.str_("controller_type", choices=ORG_TYPES),
                mechanisms=c.strs("mechanisms", MECHANISMS),
                funding=c.str_("funding", choices=FUNDING, default="unknown") or "unknown",
                governance=c.str_("governance", choices=GOVERNANCE, default="unknown") or "unknown",
                editorial=c.req("editorial", EDITORIAL),
                confidence=c.str_("confidence", choices=tuple(CONFIDENCE_RANK), default="medium")
                or "medium",
                evidence=tuple(ev),
                disputed=c.bool_("disputed"),
                valid_from=vf,
                valid_to=vt,
                asserted_by=c.str_("asserted_by"),
                note=c.str_("note"),
            )
        )
    return tuple(out)


def _entry_name(item: Any, kind: str, i: int, key: str = "id") -> str:
    """How errors name an entry: its id, or its position when it has none."""
    if isinstance(item, Mapping) and isinstance(item.get(key), str):
        return str(item[key])
    return f"{kind}[{i}]"


def _outlet(item: Any, path: str, i: int) -> Outlet:
    entry = _entry_name(item, "outlet", i, "id")
    e = _Entry(
        item,
        path,
        entry,
        (
            "id",
            "name",
            "country",
            "medium",
            "languages",
            "aliases",
            "domains",
            "handles",
            "relations",
            "claim",
            "note",
        ),
    )
    oid = e.req("id")
    _check_id(e, oid)
    country = _country_code(e, "country", required=True)
    assert country is not None
    return Outlet(
        id=oid,
        name=e.req("name"),
        country=country,
        medium=e.req("medium", MEDIA),
        aliases=_aliases(e),
        domains=_domains(e),
        handles=_handles(e),
        relations=_relations(e),
        claims=_claims(e),
        languages=e.strs("languages"),
        note=e.str_("note"),
        source=path,
    )


def _organization(item: Any, path: str, i: int) -> Organization:
    entry = _entry_name(item, "organization", i, "id")
    e = _Entry(
        item,
        path,
        entry,
        ("id", "name", "short", "country", "type", "aliases", "relations", "claim", "note"),
    )
    oid = e.req("id")
    _check_id(e, oid)
    return Organization(
        id=oid,
        name=e.req("name"),
        type=e.req("type", ORG_TYPES),
        country=_country_code(e, "country"),
        short=e.str_("short"),
        aliases=_aliases(e),
        relations=_relations(e),
        claims=_claims(e),
        source=path,
    )


def _country(item: Any, path: str, i: int) -> Country:
    entry = _entry_name(item, "country", i, "code")
    e = _Entry(
        item,
        path,
        entry,
        ("code", "name", "adjectives", "government", "national_agency", "state_only_media"),
    )
    code = _country_code(e, "code", required=True)
    assert code is not None
    return Country(
        code,
        e.req("name"),
        e.strs("adjectives"),
        e.str_("government"),
        e.str_("national_agency"),
        e.bool_("state_only_media"),
    )


def _check_id(e: _Entry, oid: str) -> None:
    if not all(c.isascii() and (c.isalnum() or c in "._-") for c in oid) or oid != oid.lower():
        raise e.err(
            "id", f"ids are lower-case ASCII letters, digits, '.', '_' and '-'; got {oid!r}"
        )


# --------------------------------------------------------------------------- generic grammar
@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class GenericTerm:
    """A word or phrase of the generic-reference grammar ("state-run", "Kremlin-backed")."""

    text: str
    role: str  # "signal" | "scope" | "noun" | "determiner" | "compound"
    state: bool = False
    country: str | None = None
    controller: str | None = None
    singular: bool = False
    postposed: bool = False
    # (nouns) the registry media the noun can name: "TV station" a tv_channel or broadcaster
    media: tuple[str, ...] = ()
    # (nouns) folded words right before the reference that make it no media
    not_after: tuple[str, ...] = ()


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class GenericGrammar:
    terms: tuple[GenericTerm, ...] = ()


_GENERIC_ROLES = {
    "signals": "signal",
    "scopes": "scope",
    "nouns": "noun",
    "determiners": "determiner",
    "compounds": "compound",
}


def _generic(data: Any, path: str) -> list[GenericTerm]:
    e = _Entry(data, path, "generic", tuple(_GENERIC_ROLES))
    out = []
    for key, role in _GENERIC_ROLES.items():
        for i, item in enumerate(e.list_(key)):
            if isinstance(item, str):
                item = {"text": item}
            t = _Entry(
                item,
                path,
                f"generic.{key}[{i}]",
                ("text", "state", "country", "controller", "singular", "postposed", "media", "not_after"),
            )
            out.append(
                GenericTerm(
                    t.req("text"),
                    role,
                    t.bool_("state", role == "signal"),
                    _country_code(t, "country"),
                    t.str_("controller"),
                    t.bool_("singular"),
                    t.bool_("postposed"),
                    t.strs("media", MEDIA),
                    tuple(w.casefold() for w in t.strs("not_after")),
                )
            )
    return out


# --------------------------------------------------------------------------- the registry
_MAX_CACHED_VERDICTS = 50_000  # remembered affiliation verdicts (outlet, day) per registry
LEXICON_KEYS = (
    "speech_verbs",
    "bare_clause_verbs",
    "act_verbs",
    "denial_verbs",
    "rejection_verbs",
    "report_nouns",
    "according_to",
    "citing",
    "quoted_as_saying",
    "quoting_verbs",
    "quoting_from",
    "complementizers",
    "as_saying",
    "voice_change",
    "author_openers",
    "media_context",
    "disclosure_terms",
    "affiliation_phrases",
    "control_verbs",
    "state_words",
    "person_pronouns",
    "group_pronouns",
    "not_subject_starts",
    "speech_settings",
    "noun_like_cues",
    "background_times",
    "not_cues",
    "question_verbs",
    "request_verbs",
    "naming_verbs",
    "speaker_ends",
    "subject_adverbs",
    "report_anaphors",
    "continuing_participles",
    "relative_pronouns",
    "appositive_openers",
    "topic_verbs",
    "descriptions",
    "outlet_descriptions",
    "organization_heads",
    "person_titles",
    "boilerplate",
    "scare_quote_cues",
    "agentless",
    "type_nouns",
    "outlet_type_nouns",
    "url_shorteners",
)
_TOP_KEYS = ("registry", "outlet", "organization", "country", "generic", "lexicon", "retract")


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class _Source:
    path: str
    sha256: str
    overlay: bool


@attrs.frozen(eq=False)
class Registry:
    """Outlets, organizations and the lexicons the checker uses. Build with :meth:`load`.

    A registry is an immutable value: load it once and pass it to every :func:`check`.
    """

    outlets: Mapping[str, Outlet]
    organizations: Mapping[str, Organization]
    countries: Mapping[str, Country]
    lexicon: Mapping[str, tuple[str, ...]]
    generic: GenericGrammar
    name: str
    version: str
    sources: tuple[_Source, ...]
    warnings: tuple[str, ...]
    _domain_index: dict[str, list[tuple[Domain, str]]] = attrs.field(factory=dict, repr=False)
    _handle_index: dict[str, list[str]] = attrs.field(factory=dict, repr=False)
    _name_index: dict[tuple[str, ...], list[str]] = attrs.field(factory=dict, repr=False)
    _cache: dict[str, Any] = attrs.field(factory=dict, repr=False)
    _resolved: Mapping[str, str] = attrs.field(factory=dict, repr=False)

    # ----------------------------------------------------------------- loading
    @classmethod
    def load(cls, *overlays: str | Path, bundled: bool = True) -> Registry:
        """Load the bundled registry and layer ``overlays`` (files or directories) over it.

        In an overlay, an entry with an existing id replaces it, new ids are added, and
        ``retract = ["id", …]`` removes entries. Raises :class:`RegistryError` naming the
        file, the entry and the key of the first problem.
        """
        files: list[tuple[Path, bool]] = []
        if bundled:
            files.extend((p, False) for p in _toml_files(bundled_registry_path(), required=True))
        for ov in overlays:
            files.extend((p, True) for p in _toml_files(Path(ov), required=True))
        return cls._build_cached(files)

    @classmethod
    def _build_cached(cls, files: Sequence[tuple[Path, bool]]) -> Registry:
        """Build, or reuse the registry built from exactly these unchanged files.

        A registry is an immutable value, so one built from the same files (same paths,
        sizes and modification times) is shared rather than parsed again: in this process,
        and across runs through the user's cache directory (see ``_diskcache``), where it is
        stored with its name matcher built."""
        try:
            stats = [(p, ov, p.stat()) for p, ov in files]
        except OSError:
            return cls._build(files)
        # the path as given too: the registry reports it (its sources, a report's overlays)
        name = tuple((str(p), os.path.abspath(p), ov) for p, ov, _ in stats)
        stamp = tuple((st.st_mtime_ns, st.st_size) for _, _, st in stats)
        key = (name, stamp)
        hit = _LOADED.get(key)
        if hit is None:
            from ._diskcache import cached

            hit = cached("registry", name, stamp, lambda: cls._build_for_cache(files), cls)
            _LOADED.clear()  # keep one: a long-running tool must not grow without bound
            _LOADED[key] = hit
        return hit

    @classmethod
    def _build_for_cache(cls, files: Sequence[tuple[Path, bool]]) -> Registry:
        """A registry with its name matcher built, as it is worth storing."""
        from ._matching import matcher_for

        reg = cls._build(files)
        matcher_for(reg)
        return reg

    @classmethod
    def from_files(cls, *paths: str | Path, language: bool = True) -> Registry:
        """A registry of only the outlets and organizations in ``paths``: for tests and custom
        setups. With ``language`` (the default) the bundled cue lexicon, generic-reference
        grammar and country adjectives are included, without which no attribution is found."""
        files: list[tuple[Path, bool]] = []
        if language:
            base = bundled_registry_path()
            for name in ("countries.toml", "generic.toml", "lexicon.toml"):
                if (base / name).is_file():
                    files.append((base / name, False))
        for p in paths:
            files.extend((f, False) for f in _toml_files(Path(p), required=True))
        return cls._build(files)

    @classmethod
    def _build(cls, files: Sequence[tuple[Path, bool]]) -> Registry:
        with paused():
            return cls._parse(files)

    @classmethod
    def _parse(cls, files: Sequence[tuple[Path, bool]]) -> Registry:
        outlets: dict[str, Outlet] = {}
        orgs: dict[str, Organization] = {}
        countries: dict[str, Country] = {}
        lexicon: dict[str, list[str]] = {k: [] for k in LEXICON_KEYS}
        generic: list[GenericTerm] = []
        name, version = "provenance-registry", "0"
        sources: list[_Source] = []
        warnings: list[str] = []
        for path, is_overlay in files:
            raw, data = _read_toml(path)
            sp = str(path)
            sources.append(_Source(sp, hashlib.sha256(raw).hexdigest(), is_overlay))
            unknown = sorted(set(data) - set(_TOP_KEYS))
            if unknown:
                raise RegistryError(
                    f"unknown top-level key (allowed: {', '.join(_TOP_KEYS)})",
                    path=sp,
                    key=unknown[0],
                )
            if "registry" in data and not is_overlay:
                meta = _Entry(data["registry"], sp, "registry", ("name", "version", "description"))
                name = meta.str_("name", default=name) or name
                version = meta.str_("version", default=version) or version
            seen_here: set[str] = set()
            for kind, parse, store in (
                ("outlet", _outlet, outlets),
                ("organization", _organization, orgs),
            ):
                items = data.get(kind, [])
                if not isinstance(items, list):
                    raise RegistryError(
                        f"'{kind}' must be an array of tables ([[{kind}]])", path=sp, key=kind
                    )
                for i, item in enumerate(items):
                    entry = parse(item, sp, i)
                    if entry.id in seen_here:
                        raise RegistryError(
                            "duplicate id in the same file", path=sp, entry=entry.id, key="id"
                        )
                    if entry.id in store and not is_overlay:
                        raise RegistryError(
                            f"duplicate id (also in {store[entry.id].source})",
                            path=sp,
                            entry=entry.id,
                            key="id",
                        )
                    if (entry.id in outlets and kind == "organization") or (
                        entry.id in orgs and kind == "outlet"
                    ):
                        raise RegistryError(
                            "id is used by both an outlet and an organization",
                            path=sp,
                            entry=entry.id,
                            key="id",
                        )
                    seen_here.add(entry.id)
                    store[entry.id] = entry  # type: ignore[assignment]
            for i, item in enumerate(data.get("country", [])):
                c = _country(item, sp, i)
                countries[c.code] = c
            if "generic" in data:
                generic.extend(_generic(data["generic"], sp))
            if "lexicon" in data:
                lx = _Entry(data["lexicon"], sp, "lexicon", LEXICON_KEYS)
                for key in LEXICON_KEYS:
                    lexicon[key].extend(lx.strs(key))
            retract = data.get("retract", [])
            if not isinstance(retract, list) or not all(isinstance(x, str) for x in retract):
                raise RegistryError("must be an array of ids", path=sp, key="retract")
            for rid in retract:
                if rid not in outlets and rid not in orgs:
                    warnings.append(f"{sp}: retract: no entry {rid!r} to retract")
                outlets.pop(rid, None)
                orgs.pop(rid, None)
        reg = cls(
            outlets=outlets,
            organizations=orgs,
            countries=countries,
            lexicon={k: tuple(v) for k, v in lexicon.items()},
            generic=GenericGrammar(tuple(generic)),
            name=name,
            version=version,
            sources=tuple(sources),
            warnings=tuple(warnings),
        )
        reg._validate_references()
        reg._index()
        return reg

    def _validate_references(self) -> None:
        def known(target: str) -> bool:
            return target in self.outlets or target in self.organizations

        entries: list[Outlet | Organization] = [
            *self.outlets.values(),
            *self.organizations.values(),
        ]
        for entry in entries:
            for r in entry.relations:
                if not known(r.target):
                    raise RegistryError(
                        f"relation target {r.target!r} does not exist",
                        path=entry.source,
                        entry=entry.id,
                        key="relations",
                    )
            for c in entry.claims:
                if c.controller and not known(c.controller):
                    raise RegistryError(
                        f"claim controller {c.controller!r} does not exist",
                        path=entry.source,
                        entry=entry.id,
                        key="claim.controller",
                    )
        # countries and the generic grammar refer to organizations for context only: a missing
        # one (e.g. in a registry built from_files) is a warning, not an error
        dangling: list[str] = []
        for country in self.countries.values():
            for key, ref in (
                ("government", country.government),
                ("national_agency", country.national_agency),
            ):
                if ref and not known(ref):
                    dangling.append(f"country {country.code}: {key} {ref!r} does not exist")
        for t in self.generic.terms:
            if t.controller and not known(t.controller):
                dangling.append(f"generic {t.text!r}: controller {t.controller!r} does not exist")
        object.__setattr__(self, "warnings", (*self.warnings, *dangling))
        for oid in self.outlets:
            self._parents(oid)  # raises on cycles

    def _index(self) -> None:
        for o in self.outlets.values():
            for d in o.domains:
                self._domain_index.setdefault(d.host, []).append((d, o.id))
            for h in o.handles:
                self._handle_index.setdefault(h.handle.casefold(), []).append(o.id)
            for text in (o.name, *(a.text for a in o.aliases)):
                ids = self._name_index.setdefault(fold_phrase(text), [])
                if o.id not in ids:
                    ids.append(o.id)
        warnings = list(self.warnings)
        overlay_ids = {
            o.id
            for o in self.outlets.values()
            if any(s.overlay and s.path == o.source for s in self.sources)
        }
        for key, ids in self._name_index.items():
            if len(ids) > 1 and overlay_ids & set(ids):
                warnings.append(
                    f"name {' '.join(key)!r} is claimed by several outlets: {', '.join(ids)}"
                )
        for host, entries in self._domain_index.items():
            ids = sorted({i for _, i in entries})
            if len(ids) > 1 and overlay_ids & set(ids):
                warnings.append(f"domain {host!r} is claimed by several outlets: {', '.join(ids)}")
        object.__setattr__(self, "warnings", tuple(warnings))

    # ----------------------------------------------------------------- curation
    def audit(self) -> list[str]:
        """Problems a curator should look at that do not stop loading: names and domains
        claimed by several outlets, outlets with no affiliation claim of their own or
        inherited."""
        out: list[str] = []
        for key, ids in sorted(self._name_index.items()):
            if len(ids) > 1:
                out.append(f"name {' '.join(key)!r} is used by several outlets: {', '.join(ids)}")
        for host, hosted in sorted(self._domain_index.items()):
            by_path: dict[str, set[str]] = {}
            for d, oid in hosted:
                by_path.setdefault(d.path, set()).add(oid)
            for path, owners in by_path.items():
                if len(owners) > 1:
                    out.append(
                        f"domain {host + path!r} is claimed by several outlets: "
                        f"{', '.join(sorted(owners))}"
                    )
        today = date.today()
        entries: list[Outlet | Organization] = [
            *self.outlets.values(),
            *self.organizations.values(),
        ]
        for entry in entries:
            for c in entry.claims:
                for ev in c.evidence:
                    if ev.date > today:
                        out.append(
                            f"{entry.id}: evidence dated in the future ({ev.date}): {ev.url}"
                        )
        for oid in sorted(self.outlets):
            if self.affiliation(oid).claim is None:
                out.append(
                    f"outlet {oid!r} has no affiliation claim valid today (own or inherited)"
                )
        return out

    def stats(self, on: date | None = None) -> dict[str, Any]:
        """Counts for curators: outlets per country, medium, verdict, label and controller type."""
        day = on or date.today()
        countries: Counter[str] = Counter()
        media: Counter[str] = Counter()
        verdicts: Counter[str] = Counter()
        editorial: Counter[str] = Counter()
        controllers: Counter[str] = Counter()
        for o in self.outlets.values():
            countries[o.country] += 1
            media[o.medium] += 1
            aff = self.affiliation(o.id, day)
            verdicts[
                {True: "state-affiliated", False: "not state-affiliated", None: "unknown"}[
                    aff.state_affiliated
                ]
            ] += 1
            editorial[aff.claim.editorial if aff.claim else "no claim"] += 1
            for c in aff.controllers:
                controllers[c.type] += 1
        claims = [c for o in self.outlets.values() for c in o.claims]
        evidence = [e for c in claims for e in c.evidence]
        return {
            "outlets": len(self.outlets),
            "organizations": len(self.organizations),
            "countries": len(countries),
            "claims": len(claims),
            "disputed_claims": sum(1 for c in claims if c.disputed),
            "evidence": len(evidence),
            "evidence_by_type": dict(Counter(e.type for e in evidence).most_common()),
            "by_verdict": dict(verdicts.most_common()),
            "by_editorial": dict(editorial.most_common()),
            "by_controller_type": dict(controllers.most_common()),
            "by_medium": dict(media.most_common()),
            "by_country": dict(countries.most_common()),
        }

    def search(self, query: str) -> list[Outlet]:
        """Outlets whose id, name, alias or domain contains ``query`` (case-insensitive)."""
        q = query.casefold().strip()
        out = []
        for o in self.outlets.values():
            hay = [
                o.id,
                o.name,
                *(a.text for a in o.aliases),
                *(d.host + d.path for d in o.domains),
            ]
            if any(q in h.casefold() for h in hay):
                out.append(o)
        return sorted(out, key=lambda o: o.id)

    # ----------------------------------------------------------------- identity
    @property
    def sha256(self) -> str:
        h = hashlib.sha256()
        for s in self.sources:
            h.update(s.sha256.encode())
        return h.hexdigest()

    @property
    def overlays(self) -> tuple[str, ...]:
        return tuple(s.path for s in self.sources if s.overlay)

    # ----------------------------------------------------------------- lookups
    def get(self, ident: str) -> Outlet | Organization | None:
        """The outlet or organization with this id."""
        return self.outlets.get(ident) or self.organizations.get(ident)

    def find(self, name: str) -> list[Outlet]:
        """Outlets whose name or an alias equals ``name`` (after normalization)."""
        return [self.outlets[i] for i in self._name_index.get(fold_phrase(name), [])]

    def lookup(self, query: str) -> list[Outlet]:
        """Outlets by id, name or alias, URL or domain, or ``@handle``."""
        if query in self.outlets:
            return [self.outlets[query]]
        if query.startswith("@"):
            return self.by_handle(query)
        found = self.find(query)
        if found:
            return found
        hit = self.by_url(query)
        return [hit[0]] if hit else []

    def by_handle(self, handle: str) -> list[Outlet]:
        return [self.outlets[i] for i in self._handle_index.get(handle.lstrip("@").casefold(), [])]

    def with_resolved_urls(self, resolved: Mapping[str, str]) -> Registry:
        """This registry, with short links resolved: ``resolved`` maps a link as written in a
        brief (``https://bit.ly/…``) to where it leads, and :meth:`by_url` follows it.

        The copy shares everything else with this registry; this one is unchanged. The
        resolution itself (network) is ``provenance check --resolve-urls``'s business."""
        if not resolved:
            return self
        merged = {**self._resolved, **{url_key(k): v for k, v in resolved.items()}}
        return attrs.evolve(self, resolved=merged)

    def by_url(self, url: str, on: date | None = None) -> tuple[Outlet, Domain] | None:
        """The outlet a URL (or bare host) belongs to: host suffix at a label boundary and
        the longest matching path prefix; IP addresses never match. A short link resolved
        with :meth:`with_resolved_urls` is looked up by where it leads."""
        if self._resolved:
            url = self._resolved.get(url_key(url), url)
        host, path = _split_url(url)
        if not host:
            return None
        labels = host.split(".")
        index = self._domain_index
        if not any(".".join(labels[i:]) in index for i in range(len(labels))):
            return None  # no outlet's domain at any depth (and the suffix list stays unloaded)
        registrable = _psl().privatesuffix(host)
        if registrable is None:
            return None  # a public suffix itself ("co.uk") or an unknown top-level domain
        depth = len(labels) - registrable.count(".")  # never look above the registrable domain
        for i in range(depth):
            cand = ".".join(labels[i:])
            entries = self._domain_index.get(cand)
            if not entries:
                continue
            best: tuple[Domain, str] | None = None
            for d, oid in entries:
                if d.path and not (path == d.path or path.startswith(d.path + "/")):
                    continue
                if on is not None and not (
                    (d.valid_from is None or d.valid_from <= on)
                    and (d.valid_to is None or on < d.valid_to)
                ):
                    continue
                if best is None or len(d.path) > len(best[0].path):
                    best = (d, oid)
            if best:
                return self.outlets[best[1]], best[0]
        return None

    def iter_names(self) -> Iterator[tuple[str, Alias | None, Outlet | Organization]]:
        """Every (text, alias, entry) that names an outlet or organization."""
        for o in self.outlets.values():
            yield o.name, None, o
            for a in o.aliases:
                yield a.text, a, o
        for g in self.organizations.values():
            yield g.name, None, g
            if g.short:
                yield g.short, Alias(g.short), g
            for a in g.aliases:
                yield a.text, a, g

    # ----------------------------------------------------------------- affiliation
    def _parents(self, ident: str, on: date | None = None) -> list[str]:
        """The chain of entries an entry inherits claims from (itself first)."""
        chain = [ident]
        seen = {ident}
        cur = self.get(ident)
        while cur is not None:
            nxt = None
            for r in cur.relations:
                if r.type in INHERITING_RELATIONS and (on is None or r.valid_on(on)):
                    nxt = r.target
                    break
            if nxt is None:
                break
            if nxt in seen:
                raise RegistryError(
                    f"relation cycle through {nxt!r}",
                    path=cur.source,
                    entry=cur.id,
                    key="relations",
                )
            chain.append(nxt)
            seen.add(nxt)
            cur = self.get(nxt)
        return chain

    def affiliation(self, ident: str, on: date | None = None) -> Affiliation:
        """The verdict on an outlet as of ``on`` (today when None), following inheritance.

        Verdicts are remembered per outlet and day, up to a bound: a long-lived process that
        checks years of dated articles (an archive audit) must not grow without end."""
        day = on or date.today()
        verdicts: dict[tuple[str, date], Affiliation] = self._cache.setdefault("verdicts", {})
        cached = verdicts.get((ident, day))
        if cached is not None:
            return cached
        result = self._affiliation(ident, day)
        if len(verdicts) >= _MAX_CACHED_VERDICTS:
            verdicts.clear()
        verdicts[(ident, day)] = result
        return result

    def last_state_affiliation(self, ident: str, before: date) -> Affiliation | None:
        """The verdict on an outlet on the last day, before ``before``, of the latest period in
        which a claim made it state-affiliated; None if none ended before that day.

        For a brief that gives no date but itself calls an outlet state-run or official
        ("the official news agency Tanjug" in a 1987 wire story): it was written when the
        outlet was, and the registry says when that was."""
        ends = [
            c.valid_to
            for holder in self._parents(ident, before)
            for entry in (self.get(holder),)
            if entry is not None
            for c in entry.claims
            if c.state_affiliated and c.valid_to is not None and c.valid_to <= before
        ]
        if not ends:
            return None
        verdict = self.affiliation(ident, max(ends) - timedelta(days=1))
        return verdict if verdict.state_affiliated else None

    def _affiliation(self, ident: str, day: date) -> Affiliation:
        for holder in self._parents(ident, day):
            entry = self.get(holder)
            if entry is None or not entry.claims:
                continue
            valid = [c for c in entry.claims if c.valid_on(day)]
            if not valid:
                continue
            ranked = sorted(
                valid,
                key=lambda c: (
                    not c.disputed,
                    CONFIDENCE_RANK.get(c.confidence, 0),
                    c.valid_from or date.min,
                ),
                reverse=True,
            )
            decisive = ranked[0]
            # disputed: the sources disagree on the verdict itself (not merely on details)
            verdicts = {c.state_affiliated for c in valid}
            disputed = decisive.disputed or len(verdicts) > 1
            controllers = []
            for c in ranked:
                if (
                    c.controller
                    and c.state_affiliated == decisive.state_affiliated
                    and not c.disputed
                ):
                    ctl = self._controller(c)
                    if ctl and ctl not in controllers:
                        controllers.append(ctl)
            return Affiliation(
                state_affiliated=decisive.state_affiliated,
                label=self._label(decisive),
                disputed=disputed,
                controllers=tuple(controllers) if decisive.state_affiliated else (),
                state=decisive.state,
                claim=decisive,
                claims=tuple(valid),
                inherited_from=holder if holder != ident else None,
            )
        return Affiliation(None, "no affiliation recorded", False, (), None, None, ())

    def _controller(self, claim: Claim) -> Controller | None:
        if not claim.controller:
            return None
        org = self.get(claim.controller)
        if org is None:
            return None
        ctype = claim.controller_type or (
            org.type if isinstance(org, Organization) else "public_service_corporation"
        )
        return Controller(org.id, org.name, ctype)

    def _label(self, c: Claim) -> str:
        country = self.countries.get(c.state or "")
        where = f" ({country.name})" if country else (f" ({c.state})" if c.state else "")
        org = self.get(c.controller) if c.controller else None
        ctype = c.controller_type or (org.type if isinstance(org, Organization) else None)
        short = (
            (org.short or org.name)
            if isinstance(org, Organization)
            else (org.name if org else None)
        )
        if c.editorial == "controlled":
            if ctype == "militia" and short:
                label = f"{short}-controlled{where}"
            else:
                label = f"state-controlled{where}"
            if ctype in NAMED_CONTROLLER_TYPES and short and ctype != "militia":
                label += f", {short}-affiliated"
            return label
        if c.editorial == "captured":
            # state-owned (or state-governed) companies are captured *public* media
            public = c.funding in ("state", "mostly_state") or c.governance == "state"
            kind = "public" if public else "private"
            return f"captured {kind} media{where}"
        if c.editorial == "independent":
            if c.funding in ("state", "mostly_state"):
                owner = "state-owned" if c.governance == "state" else "state-funded"
                return f"{owner}, editorially independent"
            return "independent"
        return "affiliation unclear"


@functools.lru_cache(maxsize=1)
def _psl() -> Any:
    """The public suffix list (bundled with publicsuffixlist; no network, no disk writes).

    Unknown top-level domains are accepted ("example", an intranet's "corp"): the registry,
    not the list, decides what is an outlet's domain; the list only tells where the
    registrable domain ends, so that "co.uk" never matches every British site."""
    from publicsuffixlist import PublicSuffixList  # loaded on the first URL, not at import

    return PublicSuffixList(accept_unknown=True, only_icann=True)


def _split_url(url: str) -> tuple[str, str]:
    u = url.strip()
    if "://" not in u[:12]:
        u = "//" + u
    try:
        parts = urllib.parse.urlsplit(u)
        host = parts.hostname or ""
    except ValueError:
        return "", ""
    if not host:
        return "", ""
    try:
        ipaddress.ip_address(host.strip("[]"))
        return "", ""
    except ValueError:
        pass
    return _normalize_host(host), parts.path.rstrip("/")


def url_key(url: str) -> str:
    """A link in comparable form: scheme, ``www.``, fragment and a trailing ``/`` dropped,
    the host in lower case; the path and query keep their case (short-link codes need it)."""
    u = url.strip()
    if "://" not in u[:12]:
        u = "//" + u
    try:
        parts = urllib.parse.urlsplit(u)
        host = _normalize_host(parts.hostname or "")
        port = parts.port
    except ValueError:
        return url.strip()
    netloc = f"{host}:{port}" if port else host
    return netloc + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")


def _toml_files(path: Path, *, required: bool) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.toml") if p.is_file())
    if path.is_file():
        return [path]
    if required:
        raise RegistryError("no such registry file or directory", path=str(path))
    return []


def _read_toml(path: Path) -> tuple[bytes, dict[str, Any]]:
    try:
        size = path.stat().st_size
        if size > _MAX_FILE_BYTES:
            raise RegistryError(
                f"file is larger than {_MAX_FILE_BYTES // 2**20} MB", path=str(path)
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise RegistryError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise RegistryError("not UTF-8 text", path=str(path)) from None
    try:
        return raw, tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(f"invalid TOML: {exc}", path=str(path)) from None
