"""Descriptions of media that name their controller: "a news agency affiliated with the IRGC",
"Hezbollah's TV station", "an Iranian media outlet close to the Revolutionary Guard". The
controller is the state signal (a generic reference with it is state-affiliated and discloses
itself); a singular description picks out one outlet when the registry or the brief allows
only one."""

from __future__ import annotations

from datetime import date

import pytest

import provenance
from tests._support import run

# (text, surface, outlet id or None for a generic reference, controller id)
_DESCRIPTIONS = [
    pytest.param("A news agency affiliated with the IRGC said on Monday that the talks failed.",
                 "news agency affiliated with the IRGC", None, "org.irgc", id="post-affiliated"),
    pytest.param("An Iranian media outlet close to the Revolutionary Guard said so.",
                 "Iranian media outlet close to the Revolutionary Guard", None, "org.irgc",
                 id="close-to"),
    pytest.param("Iranian media outlets closely linked to the IRGC said so.",
                 "Iranian media outlets closely linked to the IRGC", None, "org.irgc",
                 id="adverb-plural"),
    pytest.param("A newspaper close to the country's hard-line Revolutionary Guard said so.",
                 "newspaper close to the country's hard-line Revolutionary Guard", None,
                 "org.irgc", id="possessive-and-adjectives-before-the-controller"),
    pytest.param("The video was aired by Hezbollah's TV station on Sunday.",
                 "TV station", "lb.al-manar", "org.hezbollah", id="possessor-one-outlet"),
    pytest.param("The IRGC's news agency said the drill ended.",
                 "news agency", None, "org.irgc", id="possessor-several-outlets"),
]


@pytest.mark.parametrize(("text", "surface", "outlet", "controller"), _DESCRIPTIONS)
def test_a_description_naming_its_controller(
    text: str, surface: str, outlet: str | None, controller: str
) -> None:
    report = run(text)
    (m,) = report.mentions
    assert m.text == surface
    assert text[m.start:m.end] == surface
    assert m.state_affiliated is True
    assert m.disclosed is True
    assert m.disclosure is not None
    assert m.disclosure.text == text[m.disclosure.start:m.disclosure.end]
    if outlet is None:
        assert (m.kind, m.outlet, m.matched_by) == ("generic", None, "generic")
        assert [c.id for c in m.controllers][:1] == [controller]
    else:
        assert (m.kind, m.matched_by) == ("outlet", "description")
        assert m.outlet is not None
        assert m.outlet.id == outlet
        assert controller in [c.id for c in m.controllers]


def test_a_relative_clause_gives_the_controller_but_stays_out_of_the_reference() -> None:
    text = "The semi-official news agency, which is close to the Revolutionary Guards, said so."
    (m,) = run(text).mentions
    assert (m.text, m.kind, m.state_affiliated) == ("semi-official news agency", "generic", True)
    # the Guards' news agency, not the government's national one (IRNA)
    assert [c.id for c in m.controllers][:1] == ["org.irgc"]


def test_an_indefinite_description_is_the_outlet_of_that_controller_the_brief_names() -> None:
    text = ("An Iranian media outlet close to the country's hard-line Revolutionary Guard "
            "published the video on Monday. Fars said the clip was genuine.")
    first, fars = run(text).mentions
    assert first.outlet is not None
    assert first.outlet.id == "ir.fars"
    assert first.matched_by == "description"
    assert fars.outlet is not None
    assert fars.outlet.id == "ir.fars"
    # the description discloses the outlet, so every mention of it is disclosed
    assert first.disclosed
    assert fars.disclosed
    assert fars.disclosure == first.disclosure


def test_two_named_outlets_of_the_controller_leave_the_description_generic() -> None:
    text = ("Tasnim said the drill ended. Fars said it went on. A news agency close to the "
            "IRGC said both were wrong.")
    last = run(text).mentions[-1]
    assert (last.kind, last.text) == ("generic", "news agency close to the IRGC")


def test_an_appositive_with_a_number_describes_the_outlets_before_it() -> None:
    report = run("Tasnim and Fars, two news agencies close to the IRGC, said so.")
    assert [m.text for m in report.mentions] == ["Tasnim", "Fars"]
    assert report.mentions[1].disclosed is True


@pytest.mark.parametrize("text", [
    pytest.param("A news agency said so.", id="bare-singular"),
    pytest.param("A news agency close to the talks said so.", id="no-controller"),
    pytest.param("A newspaper owned by a businessman said so.", id="private-owner"),
    pytest.param("The official press release said so.", id="press-release"),
    pytest.param("The state media office in Gaza said so.", id="media-office"),
    pytest.param("The request was sent through official channels.", id="through-channels"),
    pytest.param("The president's newspaper interview ran on Sunday.", id="possessor-a-person"),
])
def test_no_description(text: str) -> None:
    assert run(text).mentions == ()


def test_state_channels_are_still_media() -> None:
    (m,) = run("Russian state channels aired the parade.").mentions
    assert (m.text, m.kind, m.state_affiliated) == ("Russian state channels", "generic", True)


# --------------------------------------------------------------------------- undated briefs
def test_an_undated_brief_that_calls_an_outlet_official_is_read_in_its_state_period() -> None:
    # the registry records Tanjug as Yugoslavia's controlled agency until 1992, and nothing
    # after 2015: undated (no as_of), the brief is read as of today, whatever day that is
    report = provenance.check("The official news agency Tanjug said the talks had failed. "
                              "Tanjug added that no date was set.")
    assert [(m.state_affiliated, m.disclosed) for m in report.mentions] == [(True, True)] * 2
    assert all("Yugoslavia" in m.label for m in report.mentions)


@pytest.mark.parametrize(("text", "as_of"), [
    pytest.param("Tanjug said the talks had failed.", None, id="no-disclosure"),
    pytest.param("The official news agency Tanjug said the talks had failed.", date(2024, 5, 14),
                 id="a-date-wins"),
])
def test_otherwise_the_verdict_is_todays(text: str, as_of: date | None) -> None:
    (m,) = provenance.check(text, as_of=as_of).mentions
    assert m.state_affiliated is None
    assert m.disclosed is False


def test_last_state_affiliation() -> None:
    registry = provenance.Registry.load()
    past = registry.last_state_affiliation("rs.tanjug", date(2026, 1, 1))
    assert past is not None
    assert past.state_affiliated is True
    assert past.state == "YU"
    # the period must have ended before the day asked about
    assert registry.last_state_affiliation("rs.tanjug", date(1990, 1, 1)) is None
    # an outlet that is state-affiliated now has no past period that ended
    assert registry.last_state_affiliation("ir.tasnim", date(2026, 1, 1)) is None
