"""Registry value types (attrs frozen classes). See docs/registry.md for the data format."""

from __future__ import annotations

from datetime import date

import attrs

__all__ = [
    "Affiliation",
    "Alias",
    "Claim",
    "Country",
    "Domain",
    "Evidence",
    "Handle",
    "Organization",
    "Outlet",
    "Relation",
]

CONFIDENCE_RANK = {"high": 3, "medium": 2, "low": 1}

MEDIA = (
    "news_agency",
    "broadcaster",
    "tv_channel",
    "radio",
    "newspaper",
    "magazine",
    "website",
    "think_tank",
)
ORG_TYPES = (
    "government",
    "ministry",
    "head_of_state_office",
    "military",
    "revolutionary_guard",
    "intelligence",
    "ruling_party",
    "state_enterprise",
    "public_service_corporation",
    "private_proxy",
    "militia",
    "company",
    "nonprofit",
)
RELATION_TYPES = ("owned_by", "division_of", "language_edition_of", "mirror_of", "successor_of")
INHERITING_RELATIONS = ("division_of", "language_edition_of", "mirror_of", "owned_by")
MECHANISMS = ("ownership", "funding", "governance", "editorial")
FUNDING = ("state", "mostly_state", "mixed", "private", "unknown")
GOVERNANCE = ("state", "independent", "private", "unknown")
EDITORIAL = ("controlled", "captured", "independent", "unknown")
EVIDENCE_TYPES = ("government", "sanctions", "academic", "ngo", "news", "self", "reference")
ALIAS_KINDS = ("name", "abbreviation", "former", "translation", "credit")
CASE_RULES = ("auto", "sensitive", "insensitive")
# controller types named in a label ("…, IRGC-affiliated")
NAMED_CONTROLLER_TYPES = frozenset(
    {"revolutionary_guard", "military", "intelligence", "ruling_party", "militia"}
)


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Alias:
    text: str
    lang: str | None = None
    kind: str = "name"
    case: str = "auto"
    requires_context: bool = False
    not_before: tuple[str, ...] = ()
    not_after: tuple[str, ...] = ()


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Domain:
    host: str
    path: str = ""
    valid_from: date | None = None
    valid_to: date | None = None


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Handle:
    platform: str
    handle: str


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Relation:
    type: str
    target: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Evidence:
    url: str
    publisher: str
    date: date
    type: str
    summary: str | None = None
    quote: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "url": self.url,
            "publisher": self.publisher,
            "date": self.date.isoformat(),
            "type": self.type,
        }
        if self.summary:
            out["summary"] = self.summary
        if self.quote:
            out["quote"] = self.quote
        return out


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Claim:
    """One evidenced, dated assertion that an organization controls an outlet."""

    state: str | None
    controller: str | None
    controller_type: str | None
    mechanisms: tuple[str, ...]
    funding: str
    governance: str
    editorial: str
    confidence: str
    evidence: tuple[Evidence, ...]
    disputed: bool = False
    valid_from: date | None = None
    valid_to: date | None = None
    asserted_by: str | None = None
    note: str | None = None

    def valid_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )

    @property
    def state_affiliated(self) -> bool | None:
        if self.editorial in ("controlled", "captured"):
            return True
        if self.editorial == "independent":
            return False
        return None


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Outlet:
    id: str
    name: str
    country: str
    medium: str
    aliases: tuple[Alias, ...] = ()
    domains: tuple[Domain, ...] = ()
    handles: tuple[Handle, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    languages: tuple[str, ...] = ()
    note: str | None = None
    source: str | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Organization:
    id: str
    name: str
    type: str
    country: str | None = None
    short: str | None = None
    aliases: tuple[Alias, ...] = ()
    relations: tuple[Relation, ...] = ()
    claims: tuple[Claim, ...] = ()
    source: str | None = attrs.field(default=None, eq=False)


@attrs.frozen(slots=False)  # unpickled from the registry cache in C: see _diskcache
class Country:
    code: str
    name: str
    adjectives: tuple[str, ...] = ()
    government: str | None = None
    national_agency: str | None = None
    state_only_media: bool = False


@attrs.frozen
class Controller:
    id: str
    name: str
    type: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name, "type": self.type}


@attrs.frozen
class Affiliation:
    """The verdict on an outlet as of a date, derived from its claims."""

    state_affiliated: bool | None
    label: str
    disputed: bool
    controllers: tuple[Controller, ...]
    state: str | None
    claim: Claim | None
    claims: tuple[Claim, ...]
    inherited_from: str | None = None
