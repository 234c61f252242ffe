"""Per-rule example tables: small briefs and the exact findings (rule, text[start:end]) expected.

Each table lists briefs that must trigger the rule, with the spans of its findings in order, and
briefs that must not trigger it. A row marked ``xfail(strict=True)`` documents a known bug in the
checker: it states the right behaviour and starts passing (and so fails, as XPASS) once fixed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st

import provenance
from provenance import RULES, Rule
from provenance._rules import rule_by_key
from tests._support import found, run

if TYPE_CHECKING:
    from _pytest.mark import ParameterSet

# --------------------------------------------------------------------------- PRV101
PRV101_TRIGGERS = [
    pytest.param("According to Tasnim News Agency, the talks had failed.",
                 ["Tasnim News Agency"], id="according-to"),
    pytest.param("Press TV reported that the envoy had left Kessel.", ["Press TV"], id="reported-that"),
    pytest.param("The talks had failed, Al-Manar reported.", ["Al-Manar"], id="trailing-cue"),
    pytest.param("Reuters, citing Tasnim, reported that the envoy left.", ["Tasnim"],
                 id="laundered-through-reuters"),
    pytest.param("According to state-run Iranian media, the envoy left.",
                 ["state-run Iranian media"], id="generic-with-state-signal"),
    pytest.param("Valdorian envoy Ilse Maranova told Press TV: “We will not retreat.”",
                 ["Press TV"], id="quote-told-outlet"),
    pytest.param("The official news agency IRNA said the talks failed.", ["IRNA"],
                 id="disclosed-still-info"),
    pytest.param("Xinhua said the summit would open on Monday. Xinhua later said it had been "
                 "postponed.", ["Xinhua", "Xinhua"], id="every-conduit-mention"),
    pytest.param("@PressTV said the envoy had left Kessel.", ["@PressTV"], id="handle"),
    pytest.param("Тасним сообщило, что переговоры сорвались.", ["Тасним"], id="cyrillic-alias"),
    pytest.param("“We will not retreat,” the commander was quoted as saying by state TV.",
                 ["state TV"], id="quoted-as-saying-by"),
    pytest.param("Tasnim, which is affiliated with the IRGC, reported that the talks had failed.",
                 ["Tasnim"], id="relative-clause-before-verb"),
]
PRV101_PASSES = [
    pytest.param("According to Reuters, the talks had failed.", id="independent-outlet"),
    pytest.param("The talks had failed.", id="no-source"),
    pytest.param("Lebanese media reported that the border was calm.", id="generic-without-signal"),
    pytest.param("The BBC said the talks had failed.", id="state-funded-independent"),
    pytest.param("Tasnim News Agency was founded in 2012.", id="mentioned-not-a-conduit"),
    pytest.param("Copyright © 2031 Tasnim News Agency. All rights reserved.", id="boilerplate"),
    pytest.param("Fars province was hit by floods on Friday.", id="fars-province"),
    pytest.param("Sputnik V vaccine shipments arrived on Friday.", id="sputnik-v"),
]

# --------------------------------------------------------------------------- PRV102
PRV102_TRIGGERS = [
    pytest.param("Tasnim reported that the talks had failed.", ["Tasnim"], id="plain"),
    pytest.param("The talks had failed, RT said.", ["RT"], id="trailing-cue"),
    pytest.param("Press TV said the envoy left. Press TV later said he had returned.",
                 ["Press TV"], id="once-per-outlet"),
    pytest.param("The Iranian news agency IRNA said the talks failed.", ["IRNA"],
                 id="nationality-is-not-disclosure"),
    pytest.param("North Korean media said the launch succeeded.", ["North Korean media"],
                 id="state-only-media-country"),
    pytest.param("Footage of the drill is at https://www.tasnimnews.com/en/news/2031/1.",
                 ["https://www.tasnimnews.com/en/news/2031/1"], id="url-not-a-conduit"),
    pytest.param("Footage was posted by @Tasnimnews_EN on Friday.", ["@Tasnimnews_EN"], id="handle"),
    pytest.param("Tasnim News Agency was founded in 2012.", ["Tasnim News Agency"],
                 id="any-mention-counts"),
    pytest.param("新华社报道，会谈结束。", ["新华社"], id="chinese-alias"),
]
PRV102_PASSES = [
    pytest.param("Tasnim, which is affiliated with the IRGC, reported that the talks had failed.",
                 id="relative-clause"),
    pytest.param("The state-run Syrian news agency SANA said five people were killed.",
                 id="descriptor-before-name"),
    pytest.param("Reuters reported that the talks had failed.", id="independent"),
    pytest.param("The IRGC-affiliated Fars news agency said the drill ended.", id="irgc-affiliated"),
    pytest.param("The semi-official Fars news agency said the drill ended.", id="semi-official"),
    pytest.param("Tasnim reported that the envoy left. Tasnim is affiliated with the IRGC.",
                 id="disclosed-later-in-the-brief"),
    pytest.param("Iran's state-run English-language channel Press TV said the envoy left.",
                 id="long-descriptor"),
    pytest.param("According to state-run Iranian media, the envoy left.", id="generic-discloses-itself"),
    pytest.param("Hezbollah-run Al-Manar television said the delay was caused by security checks.",
                 id="hezbollah-run"),
    pytest.param("The IRGC controls the Tasnim News Agency.", id="control-verb"),
    pytest.param("According to Sputnik, which is funded by the Kremlin, the envoys met.",
                 id="funded-by-the-kremlin"),
    pytest.param("Copyright © 2031 Tasnim News Agency. All rights reserved.", id="boilerplate"),
    pytest.param("Lebanese media reported that the border was calm.", id="generic-unknown"),
]

# --------------------------------------------------------------------------- PRV103
PRV103_TRIGGERS = [
    pytest.param("According to Tasnim, the talks failed.", ["Tasnim"], id="one-state-source"),
    pytest.param("According to Tasnim, the talks failed. Press TV said the envoy left.",
                 ["Tasnim"], id="one-finding-per-brief"),
    pytest.param("State media said the envoy left.", ["State media"], id="generic-state-media"),
    pytest.param("The state-run Syrian news agency SANA said five people were killed.", ["SANA"],
                 id="disclosed-but-alone"),
]
PRV103_PASSES = [
    pytest.param("According to Tasnim, the talks failed. Reuters reported that the envoy left.",
                 id="corroborated"),
    pytest.param("The talks failed, the minister said.", id="no-outlet"),
    pytest.param("Reuters, citing Tasnim, reported that the envoy left.", id="relayed-by-reuters"),
    pytest.param("Lebanese media reported that the border was calm.", id="generic-unknown"),
    pytest.param("Tasnim News Agency was founded in 2012.", id="mentioned-not-a-conduit"),
    pytest.param("According to Tasnim, the talks failed. Reuters reported that the envoy left, "
                 "citing a diplomat.", id="reported-that-citing"),
]

# --------------------------------------------------------------------------- PRV105
PRV105_TRIGGERS = [
    pytest.param("The ministers warned against further strikes, the Iranian media reports.",
                 ["Iranian media"], id="trailing-iranian-media"),
    pytest.param("According to Russian state media, the talks failed.", ["Russian state media"],
                 id="according-to"),
    pytest.param("Lebanese media reported that the border was calm.", ["Lebanese media"],
                 id="no-state-signal"),
    pytest.param("Chinese state media reported that the summit ended.", ["Chinese state media"],
                 id="chinese-state-media"),
    pytest.param("“We will not retreat,” the commander was quoted as saying by state TV.",
                 ["state TV"], id="via-of-a-quote"),
    pytest.param("Kremlin-backed outlets said the envoy had left.", ["Kremlin-backed outlets"],
                 id="kremlin-backed-outlets"),
]
PRV105_PASSES = [
    pytest.param("The ministers warned against further strikes, Reuters reported.", id="named"),
    pytest.param("Iranian media have grown more cautious in recent years.", id="not-a-conduit"),
    pytest.param("The official news agency IRNA said the talks failed.", id="descriptor-of-a-name"),
    pytest.param("TASS, the Russian state news agency, reported that the talks failed.",
                 id="appositive-of-a-name"),
]

# --------------------------------------------------------------------------- PRV106
PRV106_TRIGGERS = [
    pytest.param("The strikes were “a grave mistake that will not go unanswered.”",
                 ["a grave mistake that will not go unanswered."], id="no-speaker"),
    pytest.param("“We will not retreat.”", ["We will not retreat."], id="bare-quotation"),
    pytest.param("The exercise was described as “a necessary warning to our enemies.”",
                 ["a necessary warning to our enemies."], id="agentless-passive"),
]
PRV106_PASSES = [
    pytest.param("“The strikes were a grave mistake,” the foreign minister said.", id="said-after"),
    pytest.param('"We will respond," the minister said.', id="straight-quotes"),
    pytest.param("«Мы ответим», — заявил министр.", id="guillemets-russian"),
    pytest.param("The film “Our Supreme Commander” opened on Friday.", id="title"),
    pytest.param("The so-called “Shield of Dawn” exercise began.", id="name-of-an-exercise"),
    pytest.param("She said the offer was “not excluded.”", id="partial-quote"),
    pytest.param("Ilse Maranova spoke to reporters.\n\n“We will not trade our coastline,” she "
                 "said.", id="pronoun-speaker"),
    pytest.param("The convoy was delayed.\n\n“The trucks were ready on Saturday.\n\n“We were given "
                 "no reason,” Ekwueme said.", id="multi-paragraph-speaker-at-end"),
]

TABLES: dict[str, tuple[list[ParameterSet], list[ParameterSet]]] = {
    "PRV101": (PRV101_TRIGGERS, PRV101_PASSES),
    "PRV102": (PRV102_TRIGGERS, PRV102_PASSES),
    "PRV103": (PRV103_TRIGGERS, PRV103_PASSES),
    "PRV105": (PRV105_TRIGGERS, PRV105_PASSES),
    "PRV106": (PRV106_TRIGGERS, PRV106_PASSES),
}


def _expect(code: str, text: str, spans: list[str]) -> None:
    report = run(text)
    assert found(report, code) == [(code, s) for s in spans]


@pytest.mark.parametrize(("text", "spans"), PRV101_TRIGGERS)
def test_prv101_state_affiliated_source_triggers(text: str, spans: list[str]) -> None:
    _expect("PRV101", text, spans)


@pytest.mark.parametrize("text", PRV101_PASSES)
def test_prv101_state_affiliated_source_passes(text: str) -> None:
    _expect("PRV101", text, [])


@pytest.mark.parametrize(("text", "spans"), PRV102_TRIGGERS)
def test_prv102_undisclosed_affiliation_triggers(text: str, spans: list[str]) -> None:
    _expect("PRV102", text, spans)


@pytest.mark.parametrize("text", PRV102_PASSES)
def test_prv102_undisclosed_affiliation_passes(text: str) -> None:
    _expect("PRV102", text, [])


@pytest.mark.parametrize(("text", "spans"), PRV103_TRIGGERS)
def test_prv103_state_sourcing_only_triggers(text: str, spans: list[str]) -> None:
    _expect("PRV103", text, spans)


@pytest.mark.parametrize("text", PRV103_PASSES)
def test_prv103_state_sourcing_only_passes(text: str) -> None:
    _expect("PRV103", text, [])


@pytest.mark.parametrize(("text", "spans"), PRV105_TRIGGERS)
def test_prv105_vague_state_source_triggers(text: str, spans: list[str]) -> None:
    _expect("PRV105", text, spans)


@pytest.mark.parametrize("text", PRV105_PASSES)
def test_prv105_vague_state_source_passes(text: str) -> None:
    _expect("PRV105", text, [])


@pytest.mark.parametrize(("text", "spans"), PRV106_TRIGGERS)
def test_prv106_unattributed_quote_triggers(text: str, spans: list[str]) -> None:
    _expect("PRV106", text, spans)


@pytest.mark.parametrize("text", PRV106_PASSES)
def test_prv106_unattributed_quote_passes(text: str) -> None:
    _expect("PRV106", text, [])


# --------------------------------------------------------------------------- findings in context
def test_findings_of_all_rules_on_one_brief() -> None:
    """Every rule at once, in report order (by position, then severity)."""
    text = ("Tasnim reported that the talks had failed. The ministers met again, the Iranian "
            "media reports.\n\nThe strikes were “a grave mistake that will not go unanswered.”")
    report = run(text)
    assert [(f.rule, text[f.start:f.end], f.severity) for f in report.findings] == [
        ("PRV102", "Tasnim", "error"),
        ("PRV103", "Tasnim", "warning"),
        ("PRV101", "Tasnim", "info"),
        ("PRV105", "Iranian media", "warning"),
        ("PRV106", "a grave mistake that will not go unanswered.", "warning"),
    ]


def test_finding_positions_are_one_based_lines_and_columns() -> None:
    text = "Headline\n\nThe talks had failed, RT said."
    report = run(text)
    (f,) = [f for f in report.findings if f.rule == "PRV102"]
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 23, 3, 25)
    assert text[f.start:f.end] == "RT"


def test_check_runs_only_the_rules_asked_for() -> None:
    rule = rule_by_key("undisclosed-affiliation")
    assert rule is not None
    report = provenance.check("Tasnim reported that the talks had failed.", rules=[rule])
    assert {f.rule for f in report.findings} == {"PRV102"}


def test_no_findings_in_boilerplate() -> None:
    text = ("The ministers met in Kessel, the Iranian media reports.\n\n"
            "The Amber Institute is a non-partisan, not-for-profit organization. Tasnim reported "
            "nothing. For a listing of our donors, please click here.")
    report = run(text)
    last = report.paragraphs[-1]
    assert [f.rule for f in report.findings] == ["PRV105"]
    assert all(not (last[0] <= f.start < last[1]) for f in report.findings)


# --------------------------------------------------------------------------- the catalogue
def test_rules_are_the_documented_catalogue() -> None:
    assert [r.code for r in RULES] == [
        "PRV100", "PRV101", "PRV102", "PRV103", "PRV104", "PRV105", "PRV106", "PRV107", "PRV108",
        "PRV109",
    ]
    assert set(TABLES) <= {r.code for r in RULES}


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_metadata(rule: Rule) -> None:
    assert re.fullmatch(r"PRV1\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)+", rule.name), "names are kebab-case"
    assert rule.severity in ("info", "warning", "error")
    for field in (rule.summary, rule.why, rule.example, rule.instead):
        assert field.strip()
    assert rule.triggers, "every rule needs example briefs that trigger it"
    assert rule.passes, "every rule needs example briefs that must not trigger it"
    assert rule_by_key(rule.code) is rule
    assert rule_by_key(rule.name) is rule
    assert rule_by_key(rule.code.lower()) is rule


def test_rule_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)


def test_only_undisclosed_affiliation_is_an_error_by_default() -> None:
    assert [r.code for r in RULES if r.severity == "error"] == ["PRV102"]
    assert {r.code: r.severity for r in RULES} == {
        "PRV100": "warning", "PRV101": "info", "PRV102": "error", "PRV103": "warning",
        "PRV104": "warning", "PRV105": "warning", "PRV106": "warning", "PRV107": "info",
        "PRV108": "info", "PRV109": "info",
    }


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_fires_on_each_of_its_triggers(rule: Rule) -> None:
    for text in rule.triggers:
        assert found(run(text), rule.code), f"{rule.code} did not fire on {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_fires_on_none_of_its_passes(rule: Rule) -> None:
    for text in rule.passes:
        assert found(run(text), rule.code) == [], f"{rule.code} fired on {text!r}"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_example_in_its_docs_triggers_it(rule: Rule) -> None:
    assert found(run(rule.example), rule.code), f"{rule.code}'s documented example does not fire"


# --------------------------------------------------------------------------- PRV107 prefilter
def test_unsourced_figure_folds_case_as_regex_does() -> None:
    """The characters ``regex.I`` matches with an ASCII letter: ASCII letters and three more,
    which the prefilter maps to their letter."""
    import regex

    from provenance._rules.unsourced_figure import _REGEX_I_ASCII

    letter = regex.compile(r"(?i)[a-z]")
    others = {chr(cp) for cp in range(128, 0x110000) if letter.fullmatch(chr(cp))}
    assert others == {chr(k) for k in _REGEX_I_ASCII}
    for k, v in _REGEX_I_ASCII.items():
        assert regex.fullmatch(f"(?i){v}", chr(k))


_FIGURE_PIECES = [
    "12", "1,000", "3.5", "half a", "a", "one", "Three", "SEVERAL", "hundreds of", "tens of",
    "thousands of", "million", "Million", "billion", "MİLLİON", "people", "PEOPLE", "persons",
    "civilians", "men", "women", "dead", "homes", "tons", "tonnes", "missile", "missiles",
    "%", "percent", "Per cent", "per  cent", "perſon", "peopleſ", "\u212aids", " ", "  ", "\t",
    "\u00a0", "\u2009", "\u3000", "\x1c", "\n", ".", ",", "the", "killed", "new", "x", "5x",
    "people²", "peoplé", "cent", "cents", "²", "_", "-", "government", "comment",
]


@given(st.lists(st.sampled_from(_FIGURE_PIECES), max_size=14).map("".join))
def test_unsourced_figure_prefilter_never_hides_a_figure(text: str) -> None:
    from provenance._rules.unsourced_figure import _FIGURE, _may_hold_a_figure

    if _FIGURE.search(text):
        assert _may_hold_a_figure(text)


@given(st.lists(st.sampled_from(_FIGURE_PIECES), max_size=14).map("".join))
def test_unsourced_figure_prefilter_is_its_one_pattern(text: str) -> None:
    """The prefilter's substring tests and branch search find what its one pattern finds."""
    from provenance._rules.unsourced_figure import (
        _MAY_HOLD_A_FIGURE,
        _REGEX_I_ASCII,
        _may_hold_a_figure,
    )

    folded = text.translate(_REGEX_I_ASCII).lower()
    assert _may_hold_a_figure(text) == (_MAY_HOLD_A_FIGURE.search(folded) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "The war has killed half a million people.", "Prices rose 12% last year.",
        "Prices rose 12 per\u00a0cent.", "Three MİLLİON PEOPLE fled.", "5 mi\u017f\u017files",
        "twelve persons", "5 percent", "two billion", "a few men",
    ],
)
def test_unsourced_figure_prefilter_keeps_figures(text: str) -> None:
    from provenance._rules.unsourced_figure import _may_hold_a_figure

    assert _may_hold_a_figure(text)
