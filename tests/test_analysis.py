"""Unit tables for the analysis stages: mentions, disclosure, quotes, speakers and claims.

Rows marked ``xfail(strict=True)`` state the right behaviour for a known bug (see the reason).
"""

from __future__ import annotations

import itertools

import pytest

from provenance import Report
from tests._support import run


def _mentions(report: Report) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.outlet.id if m.outlet else None, m.matched_by) for m in report.mentions]


# --------------------------------------------------------------------------- outlet mentions
@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Tasnim reported it.", [("Tasnim", "ir.tasnim", "alias")], id="alias"),
    pytest.param("The Tasnim News Agency reported it.",
                 [("Tasnim News Agency", "ir.tasnim", "name")], id="name-without-article"),
    pytest.param("The semi-official Fars news agency reported it.",
                 [("Fars news agency", "ir.fars", "name")], id="type-noun-is-part-of-the-name"),
    pytest.param("The BBC reported it.", [("BBC", "gb.bbc", "name")], id="leading-article-left-out"),
    pytest.param("TNA said the drill ended.", [("TNA", "ir.tasnim", "alias")], id="case-sensitive"),
    pytest.param("The tna said the drill ended.", [], id="case-sensitive-lower"),
    pytest.param("Fars province was hit by floods.", [], id="fars-province"),
    pytest.param("Sputnik V vaccine shipments arrived.", [], id="sputnik-v"),
    pytest.param("Тасним сообщило об этом.", [("Тасним", "ir.tasnim", "alias")], id="cyrillic"),
    pytest.param("وكالة تسنيم قالت ذلك.", [("وكالة تسنيم", "ir.tasnim", "alias")], id="arabic"),
    pytest.param("新华社报道了此事。", [("新华社", "cn.xinhua", "alias")], id="chinese"),
    pytest.param("The talks failed, according to РИА «Новости».",
                 [("РИА «Новости»", "ru.ria-novosti", "alias")], id="guillemets-in-a-name"),
    pytest.param("See https://www.tasnimnews.com/en/news/1 for the video.",
                 [("https://www.tasnimnews.com/en/news/1", "ir.tasnim", "domain")], id="url"),
    pytest.param("A copy is on sana.sy/en/?p=1 today.",
                 [("sana.sy/en/?p=1", "sy.sana", "domain")], id="bare-host"),
    pytest.param("The Syrian news agency said so.",
                 [("Syrian news agency", "sy.sana", "description")], id="the-national-agency"),
    pytest.param("Tasnim reported it.\n\nThe Iranian news agency said more.",
                 [("Tasnim", "ir.tasnim", "alias"),
                  ("Iranian news agency", "ir.tasnim", "description")],
                 id="the-agency-named-before"),
    pytest.param("A Syrian news agency said so.", [("Syrian news agency", None, "generic")],
                 id="an-indefinite-agency-is-generic"),
    pytest.param("(See https://www.rt.com/news/1.)",
                 [("https://www.rt.com/news/1", "ru.rt", "domain")], id="url-trailing-punctuation"),
    pytest.param("@PressTV posted the video.", [("@PressTV", "ir.presstv", "handle")], id="handle"),
    pytest.param("Write to press@rt.com for comment.", [], id="e-mail-is-not-a-handle"),
    pytest.param("Tasnim's offices in Tehran were closed on Friday.",
                 [("Tasnim", "ir.tasnim", "alias")], id="possessive"),
    pytest.param("Phoenix News (ifeng) carried the video.",
                 [("Phoenix News", "cn.ifeng", "alias"), ("ifeng", "cn.ifeng", "alias")],
                 id="portal-name-and-domain-word"),
    pytest.param("Phoenix news outlets carried the video.", [], id="case-sensitive-portal-name"),
    pytest.param("Sina Weibo users shared it.", [], id="a-platform-is-no-outlet"),
])
def test_outlet_mentions(text: str, expected: list[tuple[str, str | None, str]]) -> None:
    assert _mentions(run(text)) == expected


def test_a_dateline_credit_is_a_mention_but_not_a_conduit() -> None:
    report = run("TEHRAN (FNA)- The drill ended on Friday, the commander said.")
    (m,) = report.mentions
    assert (m.text, m.outlet.id if m.outlet else None) == ("FNA", "ir.fars")
    assert all(m.id not in c.via for c in report.claims)
    assert [f.rule for f in report.findings] == ["PRV102"]


def test_mentions_never_overlap() -> None:
    text = ("The state-run Syrian news agency SANA and Russian state TV and RT Arabic and "
            "https://arabic.rt.com/news/1 and Tasnim News Agency (TNA) reported it.")
    report = run(text)
    spans = sorted((m.start, m.end) for m in report.mentions)
    for (_, e1), (s2, _) in itertools.pairwise(spans):
        assert e1 <= s2
    assert [m.outlet.id for m in report.mentions if m.outlet and m.matched_by == "domain"] == [
        "ru.rt-arabic"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # found by Hypothesis: "U.S." closing one paragraph ran into the next one's reference
        ("The envoy left, officials said. U.S.\n\nstate-run Iranian media reported it.",
         [("state-run Iranian media", "generic")]),
        ("Tasnim News\n\nAgency reported it. Press TV said so.",
         [("Tasnim", "outlet"), ("Press TV", "outlet")]),
    ],
)
def test_no_mention_runs_into_the_next_paragraph(
    text: str, expected: list[tuple[str, str]]
) -> None:
    report = run(text)
    assert [(m.text, m.kind) for m in report.mentions] == expected
    crlf = run(text.replace("\n", "\r\n"))
    assert [(m.text, m.kind) for m in crlf.mentions] == expected


# --------------------------------------------------------------------------- generic references
@pytest.mark.parametrize(("text", "surface", "state_affiliated", "country"), [
    pytest.param("It was carried by state-run Iranian media.", "state-run Iranian media", True, "IR",
                 id="state-run"),
    pytest.param("The ministers met, the Iranian media reports.", "Iranian media", None, "IR",
                 id="no-signal"),
    pytest.param("Russian state TV showed the parade.", "Russian state TV", True, "RU",
                 id="state-tv"),
    pytest.param("North Korean media said so.", "North Korean media", True, "KP",
                 id="state-only-media-country"),
    pytest.param("Semi-official media outlets said so.", "Semi-official media outlets", True, None,
                 id="semi-official-no-country"),
    pytest.param("Local media said so.", "Local media", None, None, id="local"),
    pytest.param("Chinese state media said so.", "Chinese state media", True, "CN", id="chinese"),
    pytest.param("IRGC-affiliated media said the drill ended.", "IRGC-affiliated media", True, "IR",
                 id="irgc-affiliated"),
])
def test_generic_references(text: str, surface: str, state_affiliated: bool | None,
                            country: str | None) -> None:
    report = run(text)
    generic = [m for m in report.mentions if m.kind == "generic"]
    assert [m.text for m in generic] == [surface]
    m = generic[0]
    assert m.state_affiliated is state_affiliated
    assert m.country == country
    assert m.outlet is None
    assert m.matched_by == "generic"
    assert m.disclosed is (state_affiliated is True and country != "KP")


def test_a_descriptor_before_a_name_is_not_a_generic_mention() -> None:
    report = run("The official news agency IRNA and the state news agency SANA said so.")
    assert [(m.text, m.kind) for m in report.mentions] == [("IRNA", "outlet"), ("SANA", "outlet")]


# --------------------------------------------------------------------------- disclosure
@pytest.mark.parametrize(("text", "disclosure"), [
    pytest.param("The semi-official Fars news agency said so.", "semi-official", id="pre-posed"),
    pytest.param("According to Tasnim News Agency, which is affiliated with the Islamic Revolution "
                 "Guards Corps (I.R.G.C.), the talks failed.",
                 "which is affiliated with the Islamic Revolution Guards Corps (I.R.G.C.)",
                 id="relative-clause-with-dotted-acronym"),
    pytest.param("The IRGC controls the Tasnim News Agency.", "IRGC controls the", id="control-verb"),
    pytest.param("According to Sputnik, which is controlled by the Russian government, the envoys "
                 "met.", "which is controlled by the Russian government", id="controlled-by"),
    pytest.param("Iran's state-run English-language channel Press TV said so.", "state-run",
                 id="long-descriptor"),
    pytest.param("The Fars news agency, which is close to the country's hard-line Revolutionary "
                 "Guard, said so.",
                 "which is close to the country's hard-line Revolutionary Guard",
                 id="possessor-and-adjective-before-the-controller"),
    pytest.param("The Fars news agency, close to Iran's elite Revolutionary Guard, said so.",
                 "close to Iran's elite Revolutionary Guard", id="possessive-name"),
])
def test_disclosure_spans(text: str, disclosure: str) -> None:
    report = run(text)
    (m,) = [m for m in report.mentions if m.kind == "outlet"]
    assert m.disclosed is True
    assert m.disclosure is not None
    assert m.disclosure.text == disclosure
    assert text[m.disclosure.start:m.disclosure.end] == disclosure


@pytest.mark.parametrize("text", [
    pytest.param("The Iranian news agency IRNA said so.", id="nationality"),
    pytest.param("The Russian agency TASS said so.", id="nationality-2"),
    pytest.param("The well-known agency Tasnim said so.", id="adjective"),
    pytest.param("Tasnim, which is close to the talks, covered the IRGC drills.",
                 id="a-controller-beyond-a-preposition"),
])
def test_not_a_disclosure(text: str) -> None:
    report = run(text)
    (m,) = report.mentions
    assert m.state_affiliated is True
    assert m.disclosed is False
    assert m.disclosure is None


def test_disclosure_is_per_outlet_per_document() -> None:
    text = ("Tasnim reported that the talks had failed.\n\nTasnim, which is affiliated with the "
            "IRGC, said a new round was planned. Tasnim did not say when.")
    report = run(text)
    tasnim = [m for m in report.mentions if m.outlet and m.outlet.id == "ir.tasnim"]
    assert len(tasnim) == 3
    assert all(m.disclosed for m in tasnim)
    assert len({m.disclosure for m in tasnim}) == 1
    assert "PRV102" not in [f.rule for f in report.findings]


def test_independent_outlets_are_never_disclosed() -> None:
    report = run("The state-owned BBC said so.")
    (m,) = report.mentions
    assert m.state_affiliated is False
    assert m.disclosed is False


# --------------------------------------------------------------------------- quotes
@pytest.mark.parametrize(("text", "quotes"), [
    pytest.param("“We will respond,” the minister said.", ["We will respond,"], id="curly"),
    pytest.param('"We will respond," the minister said.', ["We will respond,"], id="straight"),
    pytest.param("«Мы ответим», — заявил министр.", ["Мы ответим"], id="guillemets"),
    pytest.param("„Wir antworten“, sagte der Minister.", ["Wir antworten"], id="german"),
    pytest.param("He said: ‘We will respond.’", ["We will respond."], id="single-curly"),
    pytest.param("「我们会回应」，部长说。", ["我们会回应"], id="corner-brackets"),
    pytest.param("外交部发言人说：“我们不会退让。”", ["我们不会退让。"],
                 id="curly-after-a-fullwidth-colon"),
    pytest.param("他说“我们不会退让。”", ["我们不会退让。"], id="curly-right-after-cjk"),
    pytest.param("“The plan is ‘dead’,” Krutikhin said.", ["The plan is ‘dead’,"], id="nested"),
    pytest.param("“The plan,” Krutikhin said, “is dead.”", ["The plan,", "is dead."],
                 id="interrupted"),
    pytest.param("Iran's envoy said he didn't know.", [], id="apostrophes"),
    pytest.param("''We will respond,'' the minister said.", ["We will respond,"],
                 id="doubled-apostrophes"),
    pytest.param("''I thought, 'This is their port.''' she said.",
                 ["I thought, 'This is their port.'"], id="doubled-apostrophes-nested"),
    pytest.param("It''s a typo, not a quote.", [], id="doubled-apostrophe-in-a-word"),
    pytest.param('"It comes across as “too loud” or “too shrill.”" she said.',
                 ["It comes across as “too loud” or “too shrill.”"], id="curly-inside-straight"),
    pytest.param('He said "yes. Then “A” and “B” followed.', ["A", "B"],
                 id="unclosed-straight-before-curly"),
    pytest.param('"I hate the term \'port outreach,\' " he told the group.',
                 ["I hate the term 'port outreach,'"], id="nested-closing-marks-set-apart"),
    pytest.param("« Nous partons », a-t-il dit. «\u00a0Demain\u202f» aussi.",
                 ["Nous partons", "Demain"], id="spaces-inside-guillemets-are-no-part"),
    pytest.param("He said the voters' \"choice\" was clear.", ["choice"],
                 id="a-possessive-before-an-opening-mark"),
    pytest.param("The film “Our Supreme Commander” opened.", [], id="title-is-a-term"),
    pytest.param("The so-called “Shield of Dawn” exercise began.", [], id="so-called-is-a-term"),
])
def test_quotes(text: str, quotes: list[str]) -> None:
    report = run(text)
    assert [q.text for q in report.quotes] == quotes
    for q in report.quotes:
        assert text[q.start:q.end] == q.text


def test_quoted_terms_are_kept_apart() -> None:
    report = run("The so-called “Shield of Dawn” exercise began.")
    assert [t.text for t in report.quoted_terms] == ["Shield of Dawn"]
    assert report.quotes == ()


def test_multi_paragraph_quotation() -> None:
    text = ("Ekwueme described the delay.\n\n“The trucks were ready on Saturday.\n\n"
            "“We were given no reason,” he said.")
    report = run(text)
    q1, q2 = report.quotes
    assert q1.text == "The trucks were ready on Saturday."
    assert q1.continues is None
    assert q2.continues == q1.id


# --------------------------------------------------------------------------- speakers
@pytest.mark.parametrize(("text", "speaker", "name"), [
    pytest.param("“We will respond,” said Defence Minister Ardeshir Kalbani.",
                 "Defence Minister Ardeshir Kalbani", "Ardeshir Kalbani", id="said-name"),
    pytest.param("“We will respond,” Kalbani said.", "Kalbani", "Kalbani", id="name-said"),
    pytest.param("Ardeshir Kalbani said the drill was over. “We will respond,” he said.", "he",
                 "Ardeshir Kalbani", id="pronoun-after-a-speaker"),
    pytest.param("Ardeshir Kalbani arrived late. “We will respond,” he said.", "he",
                 "Ardeshir Kalbani", id="pronoun-after-a-person"),
    pytest.param("Kalbani told Press TV: “We will not retreat.”", "Kalbani", "Kalbani",
                 id="told-outlet"),
    pytest.param("“We will not retreat,” Kalbani was quoted as saying by Tasnim.", "Kalbani",
                 "Kalbani", id="quoted-as-saying-by"),
    pytest.param("The minister, speaking to reporters, said “nothing has changed.”", "The minister",
                 "The minister", id="participle-between-speaker-and-verb"),
])
def test_speakers(text: str, speaker: str, name: str) -> None:
    report = run(text)
    q = report.quotes[-1]
    assert q.speaker is not None
    assert q.speaker.text == speaker
    assert (q.speaker.name or q.speaker.text) == name


def test_quote_via_the_outlet_it_was_told_to() -> None:
    report = run("Kalbani told Press TV: “We will not retreat.”")
    (q,) = report.quotes
    (m,) = report.mentions
    assert q.via == (m.id,)


# --------------------------------------------------------------------------- claims
def _claims(report: Report) -> list[tuple[str, str, str | None, list[str]]]:
    """(kind, text, source text, via mention texts) of every claim."""
    by_id = {m.id: m.text for m in report.mentions}
    return [(c.kind, c.text, c.source.text if c.source else None, [by_id[v] for v in c.via])
            for c in report.claims]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("According to Tasnim, the talks failed.",
                 [("attributed", "the talks failed", "Tasnim", ["Tasnim"])], id="according-to"),
    pytest.param("The talks failed, Reuters reported.",
                 [("attributed", "The talks failed", "Reuters", ["Reuters"])], id="claim-x-said"),
    pytest.param("The minister said that the talks had failed.",
                 [("attributed", "the talks had failed", "The minister", [])], id="said-that"),
    pytest.param("The commander told Tasnim that the drill had ended.",
                 [("attributed", "the drill had ended", "The commander", ["Tasnim"])],
                 id="told-outlet"),
    pytest.param("Reuters, citing Tasnim, reported that the envoy left.",
                 [("attributed", "the envoy left", "Tasnim", ["Reuters", "Tasnim"])],
                 id="citing-chain"),
    pytest.param("Tasnim quoted the commander as saying the drill had ended.",
                 [("attributed", "the drill had ended", "the commander", ["Tasnim"])],
                 id="quoted-as-saying"),
    pytest.param("The talks failed on Friday.",
                 [("unattributed", "The talks failed on Friday.", None, [])], id="unattributed"),
    pytest.param("On Friday, Press TV said the envoy left.",
                 [("attributed", "the envoy left", "Press TV", ["Press TV"])],
                 id="introductory-phrase"),
    pytest.param("Reuters reported that troops had left, citing a local official.",
                 [("attributed", "troops had left", "a local official", ["Reuters"])],
                 id="reported-that-citing"),
    pytest.param("KCNA, the official news agency of North Korea, said the launch succeeded.",
                 [("attributed", "the launch succeeded", "KCNA", ["KCNA"])], id="appositive"),
    pytest.param("The so-called “Shield of Dawn” exercise began.",
                 [("unattributed", "The so-called “Shield of Dawn” exercise began.", None, [])],
                 id="so-called"),
    pytest.param("The report on the talks was leaked on Friday.",
                 [("unattributed", "The report on the talks was leaked on Friday.", None, [])],
                 id="report-as-a-noun"),
])
def test_claims(text: str, expected: list[tuple[str, str, str | None, list[str]]]) -> None:
    assert _claims(run(text)) == expected


def test_a_denied_claim_is_marked_negated() -> None:
    (c,) = run("The ministry denied that the envoy had left.").claims
    assert c.kind == "attributed"
    assert c.negated is True
    assert c.text == "the envoy had left"


def test_agentless_report_has_no_source() -> None:
    (c,) = run("It was reported that the envoy had left.").claims
    assert c.kind == "attributed"
    assert c.source is None


def test_reporting_frame_carries_over_the_paragraph() -> None:
    text = ("According to Tasnim, the talks failed. The delegations left Kessel on Friday.\n\n"
            "The port reopened on Monday.")
    claims = _claims(run(text))
    assert claims == [
        ("attributed", "the talks failed", "Tasnim", ["Tasnim"]),
        ("attributed", "The delegations left Kessel on Friday", "Tasnim", ["Tasnim"]),
        ("unattributed", "The port reopened on Monday.", None, []),
    ]


@pytest.mark.parametrize("opening", ["In June,", "Last March", "In 2017,", "En juin,"])
def test_a_sentence_with_a_date_of_its_own_ends_the_frame(opening: str) -> None:
    text = (f"According to Tasnim, the talks failed. The delegations left Kessel on Friday. "
            f"{opening} the group attacked the parliament. The attackers were never caught.")
    claims = _claims(run(text))
    assert [kind for kind, *_ in claims] == [
        "attributed", "attributed", "unattributed", "unattributed"
    ]


def test_a_comment_label_switches_to_the_authors_voice() -> None:
    text = "According to Tasnim, the talks failed. Comment: the talks were never serious."
    claims = _claims(run(text))
    assert claims[-1][0] == "unattributed"
    assert claims[-1][1].startswith("Comment:")


def test_quoted_claims_carry_their_quote() -> None:
    report = run("“We will respond,” Kalbani said.")
    (q,) = report.quotes
    (c,) = report.claims
    assert c.kind == "quoted"
    assert c.quotes == (q.id,)
    assert (c.start, c.end) == (q.start, q.end)


def test_no_unattributed_claim_inside_a_quotation() -> None:
    text = ("Ekwueme said: “The trucks were ready. Every hour cost us fuel.\n\n"
            "“We were given no reason,” he said.")
    report = run(text)
    for c in report.claims:
        if c.kind == "unattributed":
            assert not any(q.start <= c.start < q.end for q in report.quotes), c.text


def test_boilerplate_claims_are_marked() -> None:
    text = ("The talks failed, Reuters reported.\n\n"
            "Copyright © 2031 Example Media. All rights reserved. Follow us for more.")
    report = run(text)
    last = report.paragraphs[-1]
    inside = [c for c in report.claims if last[0] <= c.start < last[1]]
    assert inside
    assert all(c.boilerplate for c in inside)
    assert not any(c.boilerplate for c in report.claims if c.start < last[0])
