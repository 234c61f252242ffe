"""What one claim is: partial quotations inside reported speech, and quotations that their
own frame interrupts ("“A,” X said. “B.”")."""

from __future__ import annotations

import pytest

from tests._support import run


def test_a_partial_quotation_belongs_to_the_attributed_claim() -> None:
    report = run("Maranova said the other side had brought “nothing new” to the table.")
    (q,) = report.quotes
    (c,) = report.claims
    assert c.kind == "attributed"
    assert c.text == "the other side had brought “nothing new” to the table"
    assert c.quotes == (q.id,)
    assert q.speaker is not None
    assert q.speaker.text == "Maranova"


def test_a_quotation_that_is_all_the_content_stays_a_quoted_claim() -> None:
    report = run("Maranova said: “The port stays open.”")
    (q,) = report.quotes
    (c,) = report.claims
    assert c.kind == "quoted"
    assert c.quotes == (q.id,)


def test_an_interrupted_quotation_is_one_claim_of_two_quotes() -> None:
    text = "“We will not trade,” Maranova said. “The coastline is not for sale.”"
    report = run(text)
    q1, q2 = report.quotes
    (c,) = report.claims
    assert c.kind == "quoted"
    assert c.quotes == (q1.id, q2.id)
    assert (c.start, c.end) == (q1.start, q2.end)
    assert c.source is not None
    assert c.source.text == "Maranova"


def test_quotations_of_two_speakers_stay_two_claims() -> None:
    text = "“We will not trade,” Maranova said. “We never asked,” Kessler replied."
    report = run(text)
    assert [c.kind for c in report.claims] == ["quoted", "quoted"]
    assert [c.source.text if c.source else None for c in report.claims] == [
        "Maranova",
        "Kessler",
    ]


def test_quotations_in_different_paragraphs_stay_two_claims() -> None:
    text = "“We will not trade,” Maranova said.\n\n“The coastline is not for sale,” she said."
    report = run(text)
    assert [c.kind for c in report.claims] == ["quoted", "quoted"]


def test_a_long_speaker_description_after_the_quotation_is_not_content() -> None:
    text = ("“It was a spectacular deal,” said Patrick Arlan, a law professor at Kessel "
            "University who has been involved in cases against port operators since the 1970s.")
    report = run(text)
    assert [c.kind for c in report.claims] == ["quoted"]
    q = report.quotes[0]
    assert q.speaker is not None
    assert q.speaker.text == "Patrick Arlan"


def test_a_speaker_with_an_appositive_before_the_verb() -> None:
    text = ("“It has the virtue of being responsible,” Leonard E. Arlan, director of the Kessel "
            "Policy Center and a professor at the Harbour School, said of the plan.")
    report = run(text)
    assert [c.kind for c in report.claims] == ["quoted"]
    q = report.quotes[0]
    assert q.speaker is not None
    assert q.speaker.text == "Leonard E. Arlan"


def test_a_second_verb_of_saying_starts_a_second_claim() -> None:
    text = "Maranova promised to keep campaigning and said she would not back down."
    claims = [(c.kind, c.text) for c in run(text).claims]
    assert claims == [
        ("attributed", "to keep campaigning"),
        ("attributed", "she would not back down"),
    ]


def test_a_verb_of_the_reported_clause_does_not_split_it() -> None:
    text = "TASS said its troops repulsed the attack and continued their advance."
    claims = [(c.kind, c.text) for c in run(text).claims]
    assert claims == [("attributed", "its troops repulsed the attack and continued their advance")]


def test_evidence_verbs_report_content() -> None:
    (c,) = run("A new poll shows that the governor leads by four points.").claims
    assert c.kind == "attributed"
    assert c.text == "the governor leads by four points"
    assert c.source is not None
    assert c.source.text == "A new poll"


def test_a_capitalized_word_inside_a_sentence_is_not_a_cue() -> None:
    text = "RT America is the United States version of Russia Today."
    assert [c.kind for c in run(text).claims] == ["unattributed"]


def test_phrasal_verbs_are_not_cues() -> None:
    for text in ("The real Arlan showed up at the debate.",
                 "The strikes were carried out by drones.",
                 "Many regulars continued to stay away."):
        assert [c.kind for c in run(text).claims] == ["unattributed"], text


def test_an_inverted_frame_with_a_long_description() -> None:
    text = ("The first ad could run this week, said Jon Arlan, a longtime adviser to the "
            "Maranova family who once ran the Kessel port authority.")
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text == "The first ad could run this week"
    assert c.source is not None
    assert c.source.text == "Jon Arlan"


def test_a_past_participle_appositive_is_not_an_inverted_frame() -> None:
    text = "KCNA, monitored here, said Pyongyang signalled its agreement."
    (c,) = run(text).claims
    assert c.text == "Pyongyang signalled its agreement"
    assert c.source is not None
    assert c.source.text == "KCNA"


TRAILING_AFTER_A_PARTICIPLE = [
    pytest.param(
        "The trial was based on data from 900 volunteers, the researchers, led by Jon Arlan "
        "of the Kessel Institute, said in a journal.",
        "The trial was based on data from 900 volunteers",
        "the researchers",
        id="speaker-before-a-participial-clause",
    ),
    pytest.param(
        "Despite the downturn, staff balanced the budget, cutting operating funds by 15 "
        "percent, said City Manager Ilse Maranova.",
        "Despite the downturn, staff balanced the budget, cutting operating funds by 15 percent",
        "City Manager Ilse Maranova",
        id="participle-modifying-the-claim-then-an-inverted-name",
    ),
    pytest.param(
        "Staff balanced the budget, cutting operating funds by 15 percent, amounting to $4 "
        "million in costs, said City Manager Ilse Maranova.",
        "Staff balanced the budget, cutting operating funds by 15 percent, amounting to $4 "
        "million in costs",
        "City Manager Ilse Maranova",
        id="two-participial-clauses-then-an-inverted-name",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), TRAILING_AFTER_A_PARTICIPLE)
def test_a_trailing_frame_around_a_participial_clause(
    text: str, content: str, source: str
) -> None:
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text == content
    assert c.source is not None
    assert c.source.text == source


def test_a_pronoun_or_description_for_an_outlet_carries_the_outlet() -> None:
    text = ("The Iranian news agency IRNA said troops had advanced. "
            "It said “the enemy was routed.” The agency added that losses were heavy.")
    report = run(text)
    (irna,) = [m for m in report.mentions if m.text == "IRNA"]
    assert report.quotes[0].via == (irna.id,)
    for c in report.claims:
        assert c.via[:1] == (irna.id,), (c.kind, c.text)


def test_the_setting_of_a_statement_is_not_content() -> None:
    (c,) = run("The union called for more school investment in a statement on Thursday.").claims
    assert c.kind == "attributed"
    assert c.text == "more school investment"


def test_a_letter_inside_the_content_stays_content() -> None:
    (c,) = run("KCNA said Pyongyang signalled its agreement in a letter sent on Monday.").claims
    assert c.text == "Pyongyang signalled its agreement in a letter sent on Monday"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The latest test, Varnland said, was its biggest yet.", "Varnland"),
        ("Acts of protest, Mr. Arlan said, are acts of patriotism, whether it was a sit-in at "
         "a lunch counter in the 1960s or a march across a bridge in the spring of 1965.",
         "Mr. Arlan"),
        ("To understand the case, Chief Justice Roberts said, one should visit the museum.",
         "Chief Justice Roberts"),
        ("The firm was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.",
         "Mr. Clarke"),
        ("Even if the venture fails, Ms. Voss said, she has already done the work.", "Ms. Voss"),
        ("The port, the report said, was closed.", "the report"),
        ("The port, senior Varnish officials said, was closed.", "senior Varnish officials"),
    ],
)
def test_a_frame_inside_the_clause_keeps_the_whole_clause(text: str, source: str) -> None:
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text == text.rstrip(".")
    assert text[c.start : c.end] == c.text
    assert c.source is not None
    assert c.source.text == source


def test_a_participle_after_a_trailing_frame_is_not_part_of_the_clause() -> None:
    (c,) = run("The talks failed, Tasnim said, citing officials.").claims
    assert c.text == "The talks failed"


def test_a_description_after_a_name_is_an_appositive_not_a_claim() -> None:
    text = ("But Mia Sol, senior associate for school organizing at the Kessel Institute for "
            "Reform, said parents still want neighborhood schools.")
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text == "parents still want neighborhood schools"
    assert c.source is not None
    assert c.source.name == "Mia Sol"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rendell agreed that the vacancy rules should be modernized, but he said the "
         "discussion should wait until after the election.",
         [("the vacancy rules should be modernized", "Rendell"),
          ("the discussion should wait until after the election", "he")]),
        ("Arlan said the port would reopen and Voss said the talks would resume.",
         [("the port would reopen", "Arlan"), ("the talks would resume", "Voss")]),
        ("Republicans said the timing was not intentional; they only learned of it on Friday.",
         [("the timing was not intentional", "Republicans")]),
    ],
)
def test_a_second_speaker_or_clause_ends_the_content(
    text: str, expected: list[tuple[str, str]]
) -> None:
    claims = [c for c in run(text).claims if c.kind == "attributed"]
    assert [(c.text, c.source.text if c.source else None) for c in claims] == expected
    for c in claims:
        assert text[c.start : c.end] == c.text


def test_a_headline_with_a_final_period_keeps_its_source() -> None:
    text = "Maranova: Voters Abandon the Harbor Party for Kessler.\n\nThe vote is on Sunday."
    claims = run(text).claims
    assert claims[0].kind == "attributed"
    assert claims[0].text == "Voters Abandon the Harbor Party for Kessler"
    assert claims[0].source is not None
    assert claims[0].source.text == "Maranova"


def test_a_label_and_colon_inside_the_body_is_not_a_headline_frame() -> None:
    text = "The vote is on Sunday.\n\nMaranova: the port was closed for a week."
    assert [c.kind for c in run(text).claims] == ["unattributed", "unattributed"]


def test_a_source_named_again_keeps_its_conduit() -> None:
    text = ("The state news agency SANA cited a military source as saying the attack was "
            "repelled.\n\nThe source said air defenses had shot down some of the missiles.")
    report = run(text)
    first, second = (c for c in report.claims if c.kind == "attributed")
    assert first.via
    assert second.via == first.via
    assert second.source is not None
    assert second.source.text == "The source"
    assert second.source.name == "a military source"


def test_a_new_named_source_does_not_inherit_a_conduit() -> None:
    text = ("SANA cited a military source as saying the attack was repelled.\n\n"
            "Jon Arlan said the strike had failed.")
    second = [c for c in run(text).claims if c.kind == "attributed"][-1]
    assert second.via == ()


def test_a_source_tag_after_a_list_is_the_conduit_of_every_item() -> None:
    text = ("Official statements\n\n"
            "  • Navy commander Jon Arlan said:\n"
            "    • “The strait stays open.”\n"
            "    • “Our ships will stay.” (Fars News Agency)\n"
            "  • Minister Ilse Maranova said:\n"
            "    • “We will respond.”\n")
    report = run(text)
    vias = {q.text: q.via for q in report.quotes}
    fars = vias["Our ships will stay."]
    assert fars
    assert vias["The strait stays open."] == fars
    assert vias["We will respond."] == ()


def test_a_list_item_speaker_leaves_out_the_bullet_and_the_verb_before_a_colon() -> None:
    text = ("Official statements\n\n"
            "  • Navy commander Jon Arlan touted the fleet and said:\n"
            "    • “The strait stays open.”\n")
    report = run(text)
    (q,) = report.quotes
    assert q.speaker is not None
    assert q.speaker.text == "Navy commander Jon Arlan"
    act = next(c for c in report.claims if c.kind == "attributed")
    assert act.text == "the fleet"


def test_a_lead_in_names_the_speaker_of_the_list_under_it() -> None:
    text = ("The Zedland Herald carries comments from leader Ilse Maranova today\n\n"
            "  • Said her country has become a strategic power\n"
            "  • Warned of a “decisive” answer\n\n"
            "The port reopened on Monday.")
    report = run(text)
    said = next(c for c in report.claims if c.text.startswith("her country"))
    assert said.kind == "attributed"
    assert said.source is not None
    assert said.source.text == "leader Ilse Maranova"
    (q,) = report.quotes
    assert q.speaker is not None
    assert q.speaker.text == "leader Ilse Maranova"
    assert report.claims[-1].kind == "unattributed"  # the list has ended


def test_a_list_frame_covers_only_the_items_under_its_lead_in() -> None:
    text = ("Official statements\n\n"
            "  • Navy commander Jon Arlan said:\n"
            "    • “The strait stays open.” (Fars News Agency)\n"
            "  • Minister Ilse Maranova visited the port.\n")
    report = run(text)
    kinds = {c.text: c.kind for c in report.claims}
    assert kinds["• Minister Ilse Maranova visited the port."] == "unattributed"
    assert kinds["(Fars News Agency)"] == "unattributed"


def test_a_parenthesis_inside_a_speaker_description_is_skipped_for_the_name() -> None:
    text = "Islamic Guards Corps (IGC) Navy Commander Brig. Gen. Ali Varnavi said the strait is open."
    (c,) = run(text).claims
    assert c.source is not None
    assert c.source.name == "Ali Varnavi"


def test_an_invitation_is_an_act_without_reported_content() -> None:
    (c,) = run("Maranova invited Kessler to a meeting in Varna.").claims
    assert c.kind == "unattributed"


def test_a_partial_quote_closed_before_an_inverted_frame_keeps_the_speaker_as_source() -> None:
    text = ("Both parties \"saw the port as a country under pressure from Varna,\" said Victor "
            "Cha, who served as Asia director for the council under President Arlan.")
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text.startswith("Both parties")
    assert c.source is not None
    assert c.source.text == "Victor Cha"


@pytest.mark.parametrize(
    "para",
    ["« : We will respond», — 1 News New Zealand.", "Maranova: voters abandon the party."],
)
def test_a_headline_frame_does_not_depend_on_the_paragraph_being_first(para: str) -> None:
    # found by Hypothesis: the same paragraph first in plain text and after a Markdown title
    plain = run(para + "\n")
    md = run("# A brief\n\n" + para + "\n", fmt="markdown")
    assert [(c.kind, c.text) for c in md.claims][1:] == [(c.kind, c.text) for c in plain.claims]
    assert [c.source.text for c in plain.claims if c.source] == [
        c.source.text for c in md.claims if c.source
    ]
    assert all(c.source is None or c.source.text.strip("«» :") for c in plain.claims)


OPENING_PARTICIPLES = [
    pytest.param(
        "Asked about the report, the Kessel port authority said it did not comment.",
        [("it did not comment", "the Kessel port authority")],
        id="asked-then-the-frame",
    ),
    pytest.param(
        "Writing for a panel that all agreed the talks failed, Jon Arlan noted that the "
        "mood was grim.",
        [("the mood was grim", "Jon Arlan")],
        id="a-cue-inside-the-opening-clause-frames-nothing",
    ),
    pytest.param(
        "Asked whether the port would close, Ilse Maranova declined to comment.",
        [],
        id="a-question-is-not-reported-content",
    ),
]


@pytest.mark.parametrize(("text", "claims"), OPENING_PARTICIPLES)
def test_an_opening_participial_clause_is_not_the_frame(
    text: str, claims: list[tuple[str, str]]
) -> None:
    got = [
        (c.text, c.source.text if c.source else None)
        for c in run(text).claims
        if c.kind == "attributed"
    ]
    assert got == claims


CITING_AROUND_THE_FRAME = [
    pytest.param(
        "Reuters said on Monday, citing Tasnim, that the talks had failed.",
        "the talks had failed",
        "Tasnim",
        id="citing-between-the-verb-and-that",
    ),
    pytest.param(
        "Reuters said, citing the semi-official Tasnim news agency, that the talks had failed.",
        "the talks had failed",
        "the semi-official Tasnim news agency",
        id="citing-right-after-the-verb",
    ),
    pytest.param(
        "The port “has made dramatic changes for the better,” Maranova said in June 2012, "
        "citing the release of political prisoners and the election of a new council.",
        "The port “has made dramatic changes for the better",
        "Maranova",
        id="a-long-citing-phrase-after-a-trailing-frame",
    ),
    pytest.param(
        "ТАСС со ссылкой на источник сообщает, что переговоры сорвались.",
        "переговоры сорвались",
        "источник",
        id="citing-with-no-comma-before-the-verb",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), CITING_AROUND_THE_FRAME)
def test_a_citing_phrase_around_the_frame(text: str, content: str, source: str) -> None:
    (c,) = [c for c in run(text).claims if c.kind == "attributed"]
    assert c.text == content
    assert c.source is not None
    assert c.source.text == source


SOURCE_WITHOUT_AUXILIARIES = [
    pytest.param("Ilse Maranova has not mentioned that the port closed.", "Ilse Maranova",
                 "the port closed", id="has-not"),
    pytest.param("Jon Arlan isn't saying that the port closed.", "Jon Arlan", "the port closed",
                 id="isn't"),
    pytest.param("The minister will never say that the port closed.", "The minister",
                 "the port closed", id="will-never"),
    pytest.param("Maranova pledged that the port would stay open.", "Maranova",
                 "the port would stay open", id="an-act-with-a-that-clause"),
]


@pytest.mark.parametrize(("text", "source", "content"), SOURCE_WITHOUT_AUXILIARIES)
def test_a_source_leaves_out_auxiliaries_and_negation(text: str, source: str, content: str) -> None:
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.source is not None
    assert (c.source.text, c.text) == (source, content)


def test_a_determiner_that_after_an_act_stays_in_the_content() -> None:
    (c,) = run("The judge rejected that argument in a ruling.").claims
    assert c.text == "that argument in a ruling"


@pytest.mark.parametrize(
    "text",
    [
        "Jon Arlan isn't saying much about the plan.",
        "Maranova said little about the talks on Monday.",
        "Maranova said nothing.",
    ],
)
def test_saying_little_or_nothing_reports_no_content(text: str) -> None:
    assert [c.kind for c in run(text).claims] == ["unattributed"]


def test_an_amount_that_opens_a_clause_is_content() -> None:
    (c,) = run("Maranova said more troops would come.").claims
    assert (c.kind, c.text) == ("attributed", "more troops would come")


THAT_OF_THE_FRAME = [
    pytest.param("Arlan said officials have a video that shows the blast.",
                 "officials have a video that shows the blast", id="a-relative-that-later"),
    pytest.param("Arlan said the wave of strikes demands that all parties talk.",
                 "the wave of strikes demands that all parties talk", id="another-verb's-that"),
    pytest.param("Police said a second device was found and that the site is closed.",
                 "a second device was found and that the site is closed",
                 id="coordinated-that-clauses"),
    pytest.param("Maranova told reporters in Kessel on Monday that the port would close.",
                 "the port would close", id="that-after-an-object-and-adverbials"),
    pytest.param("Maranova said in a report released Tuesday that the port would close.",
                 "the port would close", id="that-after-a-noun-phrase"),
    pytest.param("His rival agreed, but also contended that the port should close.",
                 "the port should close", id="that-of-a-coordinated-verb"),
]


@pytest.mark.parametrize(("text", "content"), THAT_OF_THE_FRAME)
def test_the_that_of_the_frame_is_near_its_verb(text: str, content: str) -> None:
    (c,) = [c for c in run(text).claims if c.kind == "attributed"]
    assert c.text == content


def test_a_second_subject_after_a_comma_and_a_conjunction_starts_a_second_claim() -> None:
    text = "The ministry said the port would close, but most analysts said it would stay open."
    got = [(c.text, c.source.text if c.source else None) for c in run(text).claims]
    assert got == [
        ("the port would close", "The ministry"),
        ("it would stay open", "most analysts"),
    ]


def test_a_name_and_its_description_before_the_verb_are_the_source_not_the_claim() -> None:
    text = "A lawyer for the port, Jon Arlan, said no decision had been made about an appeal."
    (c,) = run(text).claims
    assert c.text == "no decision had been made about an appeal"
    assert c.source is not None
    assert c.source.text.endswith("Jon Arlan")


TOLD_WITHOUT_THAT = [
    pytest.param("Maranova told reporters the port would close.", "the port would close",
                 id="told-reporters"),
    pytest.param("Maranova told the assembly the vote was lost.", "the vote was lost",
                 id="told-a-noun-phrase"),
    pytest.param("Arlan told Kessel Radio on Monday it is clear the port will close.",
                 "it is clear the port will close", id="told-a-name-and-a-time"),
]


@pytest.mark.parametrize(("text", "content"), TOLD_WITHOUT_THAT)
def test_told_with_a_bare_clause(text: str, content: str) -> None:
    (c,) = run(text).claims
    assert (c.kind, c.text) == ("attributed", content)


@pytest.mark.parametrize(
    "text", ["Maranova told the assembly to vote.", "Maranova told a story about the port."]
)
def test_told_without_a_clause_reports_no_content(text: str) -> None:
    assert [c.kind for c in run(text).claims] == ["unattributed"]


ADDING = [
    pytest.param("“The day was grim,” Arlan said, adding he would never vote for her.",
                 [("quoted", "The day was grim,"), ("attributed", "he would never vote for her")],
                 id="after-a-quotation"),
    pytest.param("The port will close, Maranova said, adding that talks would resume.",
                 [("attributed", "The port will close"), ("attributed", "talks would resume")],
                 id="after-a-trailing-frame"),
    pytest.param("Maranova said the port will close, adding that talks would resume.",
                 [("attributed", "the port will close"), ("attributed", "talks would resume")],
                 id="after-the-content"),
]


@pytest.mark.parametrize(("text", "claims"), ADDING)
def test_what_a_speaker_adds_is_a_claim_of_their_own(
    text: str, claims: list[tuple[str, str]]
) -> None:
    report = run(text)
    assert [(c.kind, c.text) for c in report.claims] == claims
    assert len({c.source.text for c in report.claims if c.source}) == 1


def test_a_quoter_named_by_a_pronoun_is_the_conduit() -> None:
    text = ("IRNA said its reporters visited the front. They quoted a soldier, Hamid Dehqani, "
            "as saying the rain had stopped the enemy.")
    report = run(text)
    c = report.claims[-1]
    assert c.text == "the rain had stopped the enemy"
    assert c.source is not None
    assert c.source.name == "Hamid Dehqani"
    (m,) = [report.mention(v) for v in c.via]
    assert m is not None
    assert m.text == "IRNA"


BOUNDED = [
    pytest.param("Although Tasnim said the talks failed, the port stayed open.",
                 [("attributed", "the talks failed")], id="inside-an-opening-subordinate-clause"),
    pytest.param("As first reported by Kessel Radio, the talks failed.",
                 [("attributed", "the talks failed")], id="as-first-reported-by"),
    pytest.param("Maranova asked whether the port would close.", [("unattributed", None)],
                 id="a-question-whether"),
    pytest.param("Maranova asked the minister about the port.", [("unattributed", None)],
                 id="a-question-about"),
    pytest.param("Jon Arlan was once asked how the war would end.", [("unattributed", None)],
                 id="a-passive-with-an-adverb"),
    pytest.param("(Reporting by Ilse Maranova; Editing by Jon Arlan.)", [("unattributed", None)],
                 id="a-credit-line"),
    pytest.param("It's worth noting that this is the first time.", [("unattributed", None)],
                 id="worth-noting"),
    pytest.param("Tasnim said the talks failed. So why would the port stay open?",
                 [("attributed", "the talks failed"), ("unattributed", None)],
                 id="a-question-ends-a-carried-frame"),
]


@pytest.mark.parametrize(("text", "claims"), BOUNDED)
def test_what_a_cue_can_report(text: str, claims: list[tuple[str, str | None]]) -> None:
    got = [(c.kind, c.text if c.kind == "attributed" else None) for c in run(text).claims]
    assert got == claims


NOT_REPORTED_CONTENT = [
    pytest.param("The entity, called Kessel Port Holdings, has a veto over any sale.",
                 id="a-participle-that-names"),
    pytest.param("The mine was built near a stream called Miracle Run.", id="a-noun-called-a-name"),
    pytest.param("Harbour Times: Kessel Radio said poised to accept the offer",
                 id="a-headline-passive-said"),
    pytest.param("The rebels made no comment on advances the army reported yesterday on the "
                 "southern front.", id="reported-on-a-topic"),
]


@pytest.mark.parametrize("text", NOT_REPORTED_CONTENT)
def test_no_claim_of_the_verb(text: str) -> None:
    sources = {c.source.text for c in run(text).claims if c.source is not None}
    assert not sources & {"The entity", "Kessel Radio", "the army", "The mine"}
    if "Harbour Times" not in text:
        assert [c.kind for c in run(text).claims] == ["unattributed"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Trump called Clinton a liar.", "Clinton a liar"),
        ("Tasnim reported on Monday that the talks failed.", "the talks failed"),
        ("Tasnim reported on June 5 that the talks failed.", "the talks failed"),
    ],
)
def test_a_verb_with_a_date_or_two_objects_still_reports(text: str, content: str) -> None:
    (c,) = run(text).claims
    assert (c.kind, c.text) == ("attributed", content)


def test_a_colon_after_the_verb_leaves_a_quotation_alone() -> None:
    report = run("В публикации отмечается: «Ряд каналов опубликовал слухи».")
    assert [c.kind for c in report.claims] == ["quoted"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Back when it signed the treaty 20 years ago, the port authority promised that "
         "the docks would stay open.", "the port authority"),
        ("Overall, the fund said advanced economies will grow 1.6 percent.", "the fund"),
        ("Jon Arlan, an outside adviser to the campaign, said the plan would change.",
         "Jon Arlan"),
    ],
)
def test_the_subject_is_the_noun_phrase_after_the_last_comma(text: str, source: str) -> None:
    (c,) = run(text).claims
    assert c.source is not None
    assert c.source.text == source


def test_the_subject_after_an_opening_subordinate_clause() -> None:
    text = ("Though he has praised so-called carried interest, a loophole, experts say the "
            "changes would be swamped by other cuts.")
    (c,) = run(text).claims
    assert c.text == "the changes would be swamped by other cuts"
    assert c.source is not None
    assert c.source.text == "experts"


def test_but_and_a_second_verb_of_saying_is_a_second_claim_of_the_same_speaker() -> None:
    text = "His aides say it is too early to plan a run but noted that Arlan won twice."
    got = [(c.text, c.source.text if c.source else None) for c in run(text).claims]
    assert got == [
        ("it is too early to plan a run", "His aides"),
        ("Arlan won twice", "His aides"),
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("外交部发言人说：“我们不会退让。”", "外交部发言人"),
        ("Maranova said: “We stay.”", "Maranova"),
        ("وقال المتحدث باسم الخارجية: «لن نتراجع».", "المتحدث"),
    ],
)
def test_a_quotation_after_a_colon_is_a_quoted_claim(text: str, speaker: str) -> None:
    (c,) = run(text).claims
    assert c.kind == "quoted"
    assert c.source is not None
    assert c.source.text == speaker


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("In an interview with Al Mayadeen, the minister said the strait was open.",
         ["Al Mayadeen"]),
        ("Speaking to CNN on Monday, the minister said the strait was open.", ["CNN"]),
        ("Asked about the report by CNN, the ministry said it did not comment.", []),
    ],
)
def test_an_outlet_in_an_opening_setting_is_a_conduit(text: str, via: list[str]) -> None:
    report = run(text)
    (c,) = report.claims
    got = [m.text for m in (report.mention(v) for v in c.via) if m is not None]
    assert got == via


DATELINES = [
    pytest.param("TEHRAN (FNA)- The talks failed, an official said.", "The talks failed",
                 "an official", id="trailing-frame"),
    pytest.param("FLINT, Mich., Oct. 4 (UPI) — Former mayor Jon Arlan said the plant closed.",
                 "the plant closed", "Former mayor Jon Arlan", id="leading-frame"),
]


@pytest.mark.parametrize(("text", "content", "source"), DATELINES)
def test_a_dateline_is_neither_claim_nor_source(text: str, content: str, source: str) -> None:
    (c,) = run(text).claims
    assert c.text == content
    assert c.source is not None
    assert c.source.text == source


@pytest.mark.parametrize(
    ("text", "source_name", "content"),
    [
        ("ذكرت وكالة الأنباء السورية الرسمية (سانا) أن المحادثات فشلت.",
         "Syrian Arab News Agency", "المحادثات فشلت"),
        ("Laut der staatlichen Nachrichtenagentur KCNA sind die Gespräche gescheitert.",
         "Korean Central News Agency", "sind die Gespräche gescheitert"),
    ],
)
def test_an_outlet_named_after_its_description(text: str, source_name: str, content: str) -> None:
    (c,) = run(text).claims
    assert c.text == content
    assert c.source is not None
    assert c.source.name == source_name


@pytest.mark.parametrize(
    "text",
    [
        "The results were in line with efficacy data reported in earlier stages of the trial.",
        "Much of the rise can be credited to the harsh laws proposed during his term.",
        "Arlan defended people accused of fraud.",
        "Customers were mistakenly charged fees.",
        "They got cards they never asked for.",
    ],
)
def test_participles_and_requests_report_nothing(text: str) -> None:
    assert [c.kind for c in run(text).claims] == ["unattributed"]


def test_a_noun_in_ly_before_the_verb_is_still_its_subject() -> None:
    (c,) = run("The port will close, attorneys for the family said.").claims
    assert c.source is not None
    assert c.source.text == "attorneys for the family"


@pytest.mark.parametrize(
    "text",
    [
        "Residents pleaded with the council to keep funding the library.",
        "Maranova asked the court to dismiss the case.",
        "Kessel Radio's report was in English.",
    ],
)
def test_requests_and_possessed_reports_frame_nothing(text: str) -> None:
    assert [c.kind for c in run(text).claims] == ["unattributed"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He’s said voting fraud is a big problem.", "voting fraud is a big problem"),
        ("Kessel Radio's report said the port would close.", "the port would close"),
    ],
)
def test_contractions_and_possessives_before_a_verb(text: str, content: str) -> None:
    (c,) = run(text).claims
    assert (c.kind, c.text) == ("attributed", content)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Maranova angrily said the port would close.", "Maranova"),
        ("The family said the port would close.", "The family"),
    ],
)
def test_an_adverb_in_ly_is_not_part_of_the_source(text: str, source: str) -> None:
    (c,) = run(text).claims
    assert c.source is not None
    assert c.source.text == source


# (text, [(content, source span text)]): the attributed claims
SOURCES_AND_DATELINES = [
    pytest.param("Tasnim – The navy denied reports that its commander had been killed.",
                 [("its commander had been killed", "The navy")], id="outlet-dateline-dash"),
    pytest.param("HAVANA, May 2 (NNN-PL) – The ministry said the harvest had doubled.",
                 [("the harvest had doubled", "The ministry")], id="hyphen-inside-the-credit"),
    pytest.param("Kovacs — the city's longest-serving mayor — said the port would close.",
                 [("the port would close", "Kovacs — the city's longest-serving mayor")],
                 id="a-dash-before-a-lower-case-word-is-no-dateline"),
    pytest.param("Elsewhere in his remarks, General Maranova said the drills would go on.",
                 [("the drills would go on", "General Maranova")], id="opening-adverbial"),
    pytest.param("His remarks came after Radio Kovacs claimed that the drills had ended.",
                 [("the drills had ended", "Radio Kovacs")], id="after-a-subordinator"),
    pytest.param("The strike has united the city, Maranova was quoted as saying.",
                 [("The strike has united the city", "Maranova")], id="trailing-quoted-as"),
    pytest.param("The strike has united the city, Maranova was quoted as saying.– PL",
                 [("The strike has united the city", "Maranova")],
                 id="trailing-quoted-as-with-a-sign-off"),
    pytest.param("Maranova was quoted as saying the strike had united the city.",
                 [("the strike had united the city", "Maranova")], id="forward-quoted-as"),
    pytest.param("Blasts heard at the base were caused by a short circuit, an official in the "
                 "regional alliance backing the navy said on Sunday.",
                 [("Blasts heard at the base were caused by a short circuit",
                   "an official in the regional alliance backing the navy")],
                 id="long-speaker-description-in-a-trailing-frame"),
    pytest.param("VALLETTA, 7th May, 2019 (PL) -- The army captured the port, according to an "
                 "official source.",
                 [("The army captured the port", "an official source")],
                 id="dateline-before-a-trailing-according-to"),
]


NOUNS_AND_ACTS = [
    pytest.param("Navy: Blasts were carried out by foreign agents",
                 [("Blasts were carried out by foreign agents", "Navy")],
                 id="plural-noun-after-a-headline-colon"),
    pytest.param("Navy: Claims have surfaced that the port closed",
                 [("Claims have surfaced that the port closed", "Navy")],
                 id="plural-noun-cue-word-after-a-headline-colon"),
    pytest.param("Radio Kovacs alleged that the militia claimed responsibility for the attack.",
                 [("the militia claimed responsibility for the attack", "Radio Kovacs")],
                 id="claiming-responsibility-is-an-act"),
    pytest.param("The militia claimed responsibility for the attack.", [],
                 id="claiming-responsibility-reports-nothing"),
    pytest.param("The militia claimed responsibility in a statement, saying that its fighters "
                 "had planted the bomb.",
                 [("its fighters had planted the bomb", "The militia")],
                 id="claiming-responsibility-then-saying"),
]


@pytest.mark.parametrize(("text", "expected"), SOURCES_AND_DATELINES + NOUNS_AND_ACTS)
def test_sources_after_datelines_and_adverbials_and_nouns_that_look_like_cues(
    text: str, expected: list[tuple[str, str]]
) -> None:
    report = run(text)
    got = [(c.text, c.source.text if c.source else None)
           for c in report.claims if c.kind == "attributed"]
    assert got == expected


def test_an_intro_word_before_a_speaker_and_a_quotation_is_no_claim() -> None:
    report = run("However, a navy source, speaking on condition of anonymity, said, "
                 "“The base was not hit.”")
    (c,) = report.claims
    assert c.kind == "quoted"
    assert c.text == "The base was not hit."
    assert c.source is not None
    assert c.source.text == "a navy source"


# (text, [(kind, content, source span text, negated)]): every claim of the sentence
DENIALS_AND_REJECTIONS = [
    pytest.param("The navy denied that its commander had been killed.",
                 [("attributed", "its commander had been killed", "The navy", True)],
                 id="denied-that"),
    pytest.param("The navy denied its commander had been killed.",
                 [("attributed", "its commander had been killed", "The navy", True)],
                 id="denied-a-bare-clause"),
    pytest.param("Maranova denied on Monday she had resigned.",
                 [("attributed", "she had resigned", "Maranova", True)],
                 id="denied-an-adverbial-then-a-clause"),
    pytest.param("The navy denied the rumours.",
                 [("unattributed", "The navy denied the rumours.", None, False)],
                 id="denied-a-noun-phrase"),
    pytest.param("Kessel has strongly denied any involvement in the attack.",
                 [("unattributed", "Kessel has strongly denied any involvement in the attack.",
                   None, False)],
                 id="denied-involvement"),
    pytest.param("The council could deny them permits until the work was done.",
                 [("unattributed", "The council could deny them permits until the work was "
                   "done.", None, False)],
                 id="a-clause-after-a-subordinator-is-no-complement"),
    pytest.param("Kessel denies the charges, insisting that its drills are defensive.",
                 [("attributed", "its drills are defensive", "Kessel", False)],
                 id="a-participle-of-saying-after-the-object"),
    pytest.param("The navy denied reports that its commander had been killed.",
                 [("attributed", "its commander had been killed", "The navy", True)],
                 id="denied-reports-that"),
    pytest.param("The navy dismissed speculation that its commander had been killed.",
                 [("attributed", "its commander had been killed", "The navy", True)],
                 id="a-rejection-of-a-report-is-a-denial"),
    pytest.param("The navy denied a report by Radio Kovacs that its commander had been killed.",
                 [("attributed", "its commander had been killed", "Radio Kovacs", False)],
                 id="the-report-names-its-source"),
    pytest.param("Maranova denied speculation circulated on some Telegram channels that the "
                 "mayor had fled.",
                 [("attributed", "the mayor had fled", "some Telegram channels", False)],
                 id="a-participle-before-the-source"),
    pytest.param("The navy rejected claims by the opposition that the vote was rigged.",
                 [("attributed", "the vote was rigged", "the opposition", False)],
                 id="rejected-claims-by"),
    pytest.param("The navy rejected claims in recent days that the vote was rigged.",
                 [("attributed", "claims in recent days that the vote was rigged", "The navy",
                   False)],
                 id="a-time-is-no-source"),
    pytest.param("The navy dismissed reports that surfaced on Monday.",
                 [("attributed", "reports that surfaced on Monday", "The navy", False)],
                 id="a-relative-that-opens-no-reported-clause"),
]


@pytest.mark.parametrize(("text", "expected"), DENIALS_AND_REJECTIONS)
def test_denials_and_rejections(
    text: str, expected: list[tuple[str, str, str | None, bool]]
) -> None:
    report = run(text)
    got = [(c.kind, c.text, c.source.text if c.source else None, c.negated)
           for c in report.claims]
    assert got == expected


# (text, expected kinds): a quotation followed only by the time or place of the statement
QUOTATION_AND_CIRCUMSTANCE = [
    pytest.param("The agency quoted a source as saying “the base was hit” shortly before "
                 "8.30 p.m. local time on Sunday.", ["quoted"], id="time"),
    pytest.param("The minister said “the talks have failed” in Kessel.", ["quoted"], id="place"),
    pytest.param("The minister said “the talks have failed” after the army said it was ready.",
                 ["attributed", "quoted"], id="a-clause-with-a-verb"),
    pytest.param("The minister said “the talks have failed” and that the army was ready.",
                 ["attributed", "quoted"], id="a-second-clause"),
]


@pytest.mark.parametrize(("text", "kinds"), QUOTATION_AND_CIRCUMSTANCE)
def test_a_quotation_with_only_its_circumstances_is_a_quote_only(
    text: str, kinds: list[str]
) -> None:
    assert [c.kind for c in run(text).claims] == kinds


# (text, source span text, resolved name) of the last attributed claim
NAMES_OF_SOURCES = [
    pytest.param("Councilor Dara Holm dissented. Mayor Ivo Brandt said the city had cut "
                 "spending. Holm thinks the budget needs more cuts, he said.",
                 "he", "Dara Holm", id="a-trailing-pronoun-names-the-claim-subject"),
    pytest.param("Councilors Ivo Brandt and Tomas Reel voted no. Clad in a red shirt, volunteer "
                 "Mira Lund explained the library keeps teens busy, she said.",
                 "she", "Mira Lund", id="a-full-name-in-the-sentence"),
    pytest.param("Mayor Ivo Brandt spoke first. After meeting Dara Holm, he said the budget "
                 "would pass.",
                 "he", "Ivo Brandt", id="a-forward-frame-looks-back"),
    pytest.param("Tasnim reported the vote. The budget will pass, he said.",
                 "he", None, id="an-outlet-is-no-person"),
    pytest.param("Commander of Kessel's (volunteer) militia Brigadier General Hamid Ranjbar said "
                 "the drills had ended.",
                 "Commander of Kessel's (volunteer) militia Brigadier General Hamid Ranjbar",
                 "Hamid Ranjbar", id="a-title-with-a-complement-then-the-name"),
    pytest.param("Head of the Kessel Public Relations Department General Aras Vinter said the "
                 "drills had ended.",
                 "Head of the Kessel Public Relations Department General Aras Vinter",
                 "Aras Vinter", id="a-department-then-the-name"),
    pytest.param("Minister of Foreign Affairs Aras Vinter said the drills had ended.",
                 "Minister of Foreign Affairs Aras Vinter", "Aras Vinter", id="minister-of"),
    pytest.param("Kessel-led coalition spokesman Col. Aras Vinter told Al Arabiya that the drills "
                 "had ended.",
                 "Kessel-led coalition spokesman Col. Aras Vinter", "Aras Vinter",
                 id="a-hyphenated-participle-is-no-verb"),
]


@pytest.mark.parametrize(("text", "source", "name"), NAMES_OF_SOURCES)
def test_the_name_of_a_source(text: str, source: str, name: str | None) -> None:
    c = [c for c in run(text).claims if c.kind == "attributed"][-1]
    assert c.source is not None
    assert (c.source.text, c.source.name) == (source, name)


# (text, [(content, source span text, source name, conduit mention texts)])
CONDUITS_AND_SETTINGS = [
    pytest.param("North Korea said on Thursday it fired a missile, according to the country's "
                 "state media agency KCNA.",
                 [("it fired a missile", "North Korea", "North Korea", ["KCNA"])],
                 id="a-trailing-according-to-is-the-conduit"),
    pytest.param("Maranova said late Sunday the talks had failed.",
                 [("the talks had failed", "Maranova", "Maranova", [])],
                 id="a-time-between-the-verb-and-its-clause"),
    pytest.param("Maranova said Monday's talks had failed.",
                 [("Monday's talks had failed", "Maranova", "Maranova", [])],
                 id="a-possessive-day-is-content"),
    pytest.param("Yonhap earlier reported, citing the army that two missiles were fired.",
                 [("two missiles were fired", "the army", None, ["Yonhap"])],
                 id="citing-a-source-then-that"),
    pytest.param("The test was reported by Radio Kovacs, and the KCNA news agency released a "
                 "statement claiming the launch was a success.",
                 [("the launch was a success", "the KCNA news agency",
                   "Korean Central News Agency", ["KCNA news agency"])],
                 id="a-passive-clause-then-a-statement-claiming"),
    pytest.param("North Korea on Monday confirmed the launch, Pyongyang’s state media said, "
                 "adding the weapon was ready.",
                 [("the launch", "North Korea", "North Korea",
                   ["Pyongyang’s state media"]),
                  ("the weapon was ready", "Pyongyang’s state media", "Pyongyang’s state media",
                   ["Pyongyang’s state media"])],
                 id="a-trailing-frame-then-adding"),
    pytest.param("The army condemned the launch, according to a statement issued by the Kessel "
                 "Command on Thursday.",
                 [("The army condemned the launch",
                   "a statement issued by the Kessel Command", "Kessel Command", [])],
                 id="a-day-is-no-name"),
]


@pytest.mark.parametrize(("text", "expected"), CONDUITS_AND_SETTINGS)
def test_conduits_and_settings_of_attributed_claims(
    text: str, expected: list[tuple[str, str, str | None, list[str]]]
) -> None:
    report = run(text)
    mentions = {m.id: m.text for m in report.mentions}
    got = [
        (c.text, c.source.text if c.source else None, c.source.name if c.source else None,
         [mentions[v] for v in c.via])
        for c in report.claims if c.kind == "attributed"
    ]
    assert got == expected


# (text, [(content, source span text)]) of the attributed claims
RELATIVES_AND_OPENERS = [
    pytest.param("Maranova says the missile that was tested on Friday is ready for action.",
                 [("the missile that was tested on Friday is ready for action", "Maranova")],
                 id="a-relative-that-after-the-object-is-no-complementizer"),
    pytest.param("The agency condemned the drills, which Kessel says triggered the launch.",
                 [("triggered the launch", "Kessel")], id="which-x-says"),
    pytest.param("The North fired a missile, which according to Kessel flew 800 kilometres.",
                 [("flew 800 kilometres", "Kessel")],
                 id="according-to-inside-a-clause"),
    pytest.param("According to Yonhap, the missiles flew far. They fell into the sea. Notably, "
                 "the council has banned such launches.",
                 [("the missiles flew far", "Yonhap"), ("They fell into the sea", "Yonhap")],
                 id="an-author-opener-ends-the-carried-frame"),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVES_AND_OPENERS)
def test_relative_clauses_and_author_openers(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(c.text, c.source.text if c.source else None)
           for c in run(text).claims if c.kind == "attributed"]
    assert got == expected


def test_an_adverb_after_which_is_no_subject() -> None:
    (c,) = [c for c in run("The impetus came from two ports, which together vowed to stay "
                           "open.").claims if c.kind == "attributed"]
    assert c.text == "to stay open"
    assert c.source is not None
    assert c.source.text != "together"


# (text, [(content, source span text, conduit mention texts, negated)])
CLAUSES_OF_THEIR_OWN = [
    pytest.param("Air defense systems over several cities were activated, state media reported, "
                 "after the country's official broadcaster said explosions were heard.",
                 [("Air defense systems over several cities were activated", "state media",
                   ["state media"], False)],
                 id="a-frame-between-commas-before-a-subordinate-clause"),
    pytest.param("The talks failed, the minister said, as the envoys left.",
                 [("The talks failed", "the minister", [], False)],
                 id="as-after-a-trailing-frame"),
    pytest.param("Tasnim, citing “informed sources,” denied that Kessel had been attacked.",
                 [("Kessel had been attacked", "informed sources", ["Tasnim"], True)],
                 id="citing-then-a-denial"),
    pytest.param("Fars reported three blasts near the airport, while Kessel's army spokesman "
                 "Aras Vinter said two drones had been shot down.",
                 [("three blasts near the airport", "Fars", ["Fars"], False),  # no "three"
                  ("two drones had been shot down", "Kessel's army spokesman Aras Vinter", [],
                   False)],
                 id="while-and-a-long-subject-of-its-own"),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES_OF_THEIR_OWN)
def test_clauses_of_their_own(text: str, expected: list[tuple[str, str, list[str], bool]]) -> None:
    report = run(text)
    mentions = {m.id: m.text for m in report.mentions}
    got = [(c.text, c.source.text if c.source else None, [mentions[v] for v in c.via],
            c.negated)
           for c in report.claims if c.kind == "attributed"]
    assert got == expected


# (text, [(content, source span text, source name, conduit mention texts)])
WIRE_FRAMES = [
    pytest.param("Kessel said on Friday talks would resume.",
                 [("talks would resume", "Kessel", "Kessel", [])],
                 id="a-time-then-a-noun-and-its-verb"),
    pytest.param("State television said on Monday reports quoting Aras Vinter as calling the "
                 "plan a “betrayal” were false.",
                 [("reports quoting Aras Vinter as calling the plan a “betrayal” were false",
                   "State television", "State television", ["State television"])],
                 id="a-participle-of-a-reported-noun-is-no-citing-frame"),
    pytest.param("Mayor Ivo Brandt said the strike would go on. Dara Holm, he said, could end it "
                 "if she wanted to meet the union.",
                 [("the strike would go on", "Mayor Ivo Brandt", "Ivo Brandt", []),
                  ("Dara Holm, he said, could end it if she wanted to meet the union", "he",
                   "Ivo Brandt", [])],
                 id="a-trailing-pronoun-passes-over-the-names-of-its-content"),
    pytest.param("In Lorvania one newspaper said the strike was over.",
                 [("the strike was over", "one newspaper", None, [])],
                 id="a-place-then-the-subject-with-no-comma"),
    pytest.param("On Friday the agency said the strike was over.",
                 [("the strike was over", "the agency", "the agency", [])],
                 id="a-day-then-the-subject-with-no-comma"),
    pytest.param("In Lorvania state media said the strike was over.",
                 [("the strike was over", "state media", "state media", ["state media"])],
                 id="a-place-then-an-outlet-with-no-comma"),
    pytest.param("Spokesperson Lena Marten said the strike was over.",
                 [("the strike was over", "Spokesperson Lena Marten", "Lena Marten", [])],
                 id="a-title-before-a-two-word-name"),
    pytest.param("While officials have refused to comment, Lorvania has said that the strike is "
                 "over.",
                 [("the strike is over", "Lorvania", "Lorvania", [])],
                 id="a-subordinate-clause-before-the-subject"),
    pytest.param("After Aras Vinter, the union leader, walked out, the ministry said the strike "
                 "was over.",
                 [("the strike was over", "the ministry", "the ministry", [])],
                 id="a-subordinate-clause-with-an-appositive"),  # a control
    pytest.param("Following a Tasnim report, the ministry said the strike was over.",
                 [("the strike was over", "the ministry", "the ministry", [])],
                 id="an-earlier-report-is-no-conduit"),
    pytest.param("In an interview with Tasnim, the minister said the strike was over.",
                 [("the strike was over", "the minister", "the minister", ["Tasnim"])],
                 id="an-interview-is-a-conduit"),  # a control: passes before the change
    pytest.param("In the wake of the Tasnim report, Vinter has cast himself as a victim.",
                 [], id="a-report-noun-in-an-opening-adverbial"),
    pytest.param("Based on a Tasnim article, Aras Vinter on Tuesday said the strike was over.",
                 [("the strike was over", "Aras Vinter", "Aras Vinter", [])],
                 id="a-participle-opening-and-a-day-after-the-subject"),
    pytest.param("Federal prosecutors in April said the strike was illegal.",
                 [("the strike was illegal", "Federal prosecutors", None, [])],
                 id="a-month-after-the-subject"),
    pytest.param("Vinter told reporters the talks failed.",
                 [("the talks failed", "Vinter", "Vinter", [])],
                 id="told-then-a-clause-in-the-past-tense"),
    pytest.param("Vinter told the armed forces to stand down.", [],
                 id="told-then-an-adjective-in-ed"),  # a control
]


# (text, [(quotation, speaker name)])
SPEAKERS_OF_EMBEDDED_QUOTES = [
    pytest.param("Tasnim reported that cleric Aras Vinter - who will be sworn in on Sunday - had "
                 "described the plan as “a trap”.",
                 [("a trap", "Aras Vinter")], id="a-relative-clause-between-dashes"),
    pytest.param("Tasnim reported that Aras Vinter—who was sworn in on Sunday—said “no”.",
                 [("no", "Aras Vinter")], id="between-em-dashes"),
    pytest.param("State television said on Monday reports quoting Aras Vinter as calling the "
                 "plan a “betrayal” were false.",
                 [("betrayal", "Aras Vinter")], id="quoting-someone-as-calling"),
    pytest.param("Tasnim reported that the minister Dara Holm condemned the “aggression”.",
                 [("aggression", "Dara Holm")], id="the-object-of-an-act"),
    pytest.param("IRNA said the move was “a crime”, calling it a “disgrace”.",
                 [("a crime", "Islamic Republic News Agency"),
                  ("disgrace", "Islamic Republic News Agency")],
                 id="a-participle-after-the-quotation-is-no-inverted-speaker"),
    pytest.param("Tasnim reported that the talks had been “useful”.",
                 [("useful", "Tasnim News Agency")], id="no-act-the-frame-speaks"),  # control
]


# (text, [(content, source span text, source name, conduit mention texts)])
WIRE_FRAMES_AND_REFERENCES = [
    pytest.param("The army shelled positions near Varda, a military source told SANA.",
                 [("The army shelled positions near Varda", "a military source", None, ["SANA"])],
                 id="a-trailing-frame-told-an-outlet"),
    pytest.param("The army shelled positions near Varda, a military source told SANA, adding "
                 "that two posts were destroyed.",
                 [("The army shelled positions near Varda", "a military source", None, ["SANA"]),
                  ("two posts were destroyed", "a military source", None, ["SANA"])],
                 id="told-an-outlet-then-adding"),
    pytest.param("State media quoted unnamed officials who said the army had withdrawn.",
                 [("the army had withdrawn", "unnamed officials", None, ["State media"])],
                 id="quoted-someone-who-said"),
    pytest.param("Tasnim quoted a commander saying the drills were over.",
                 [("the drills were over", "a commander", None, ["Tasnim"])],
                 id="quoted-someone-saying"),
    pytest.param("The strike hit the port, said the Saba news agency and Al Masirah TV, according "
                 "to Al Jazeera.",
                 [("The strike hit the port", "the Saba news agency and Al Masirah TV",
                   "Saba News Agency", ["Al Masirah TV", "Al Jazeera", "Saba news agency"])],
                 id="an-inverted-pair-then-according-to"),
    pytest.param("Al Masirah TV said six strikes hit Varda. The Lorvanian military regularly "
                 "announces interceptions. On Thursday, it said it had downed eight drones.",
                 [("six strikes hit Varda", "Al Masirah TV", "Al-Masirah", ["Al Masirah TV"]),
                  ("interceptions", "The Lorvanian military", None, []),
                  ("it had downed eight drones", "it", "The Lorvanian military", [])],
                 id="it-refers-to-an-organization-and-no-conduit-is-carried-over"),
    pytest.param("The aviation authority earlier in May said that the airport had reopened.",
                 [("the airport had reopened", "The aviation authority", None, [])],
                 id="earlier-in-a-month-is-no-part-of-the-source"),
]

# (text, [(claim, source text, source name, [conduits])])
RELATIVES_PASSIVES_AND_INSTITUTIONS = [
    pytest.param("The plan was criticised by Aras Vinter, who said it would fail.",
                 [("it would fail", "Aras Vinter", "Aras Vinter", [])],
                 id="the-antecedent-of-who-said-after-a-passive"),
    pytest.param("Officials met Dara Holm, who later told reporters the talks had failed.",
                 [("the talks had failed", "Dara Holm", "Dara Holm", [])],
                 id="the-antecedent-of-who-later-told"),
    pytest.param("The talks were hosted by Lorvania, which said the plan would fail.",
                 [("the plan would fail", "Lorvania", "Lorvania", [])],
                 id="the-antecedent-of-which-said"),
    pytest.param("He spoke to a professor at Varda University, who said the talks had failed.",
                 [("the talks had failed", "a professor at Varda University", None, [])],
                 id="a-preposition-inside-the-antecedent"),
    pytest.param("Tasnim, which is close to the Guards, reported that the talks failed.",
                 [("the talks failed", "Tasnim", "Tasnim News Agency", ["Tasnim"])],
                 id="a-relative-clause-before-the-verb"),  # a guard: unchanged
    pytest.param("The position was confirmed by Deputy Minister Ivo Brandt, RIA Novosti reported.",
                 [("The position was confirmed by Deputy Minister Ivo Brandt", "RIA Novosti",
                   "RIA Novosti", ["RIA Novosti"])],
                 id="a-passive-inside-a-framed-claim-reports-nothing"),
    pytest.param("The port will reopen, as Foreign Minister Ivo Brandt told the weekly Profil.",
                 [("The port will reopen", "Foreign Minister Ivo Brandt", "Ivo Brandt", [])],
                 id="as-is-no-part-of-a-trailing-source"),
    pytest.param("The strike was condemned, the Lorvanian National Defence Council said.",
                 [("The strike was condemned", "the Lorvanian National Defence Council",
                   "Lorvanian National Defence Council", [])],
                 id="an-institution-keeps-its-full-name"),
]

# (text, [(claim, source text, source name, [conduits])])
SETTINGS_APPOSITIVES_AND_TITLES = [
    pytest.param("Dara Holm said the port was shut. The ministry said the embassy would close.",
                 [("the port was shut", "Dara Holm", "Dara Holm", []),
                  ("the embassy would close", "The ministry", "The ministry", [])],
                 id="a-description-of-an-organization-is-no-person"),
    pytest.param("“No,” ministry spokesman Ivo Brandt said. Iranian news agencies quoted the "
                 "defence ministry as saying the attack was repelled.",
                 [("the attack was repelled", "the defence ministry", "the defence ministry",
                   ["Iranian news agencies"])],
                 id="an-organization-is-not-a-person-whose-title-names-it"),
    pytest.param("The ministry said in a statement posted on its website that the embassy would "
                 "close.",
                 [("the embassy would close", "The ministry", "The ministry", [])],
                 id="a-participle-of-the-report-noun-before-that"),
    pytest.param("In remarks broadcast by state television, the minister said the port was shut.",
                 [("the port was shut", "the minister", "the minister", ["state television"])],
                 id="an-opening-setting-carried-by-an-outlet"),
    pytest.param("Asked about the report by CNN, Dara Holm said it was false.",
                 [("it was false", "Dara Holm", "Dara Holm", [])],
                 id="an-opening-by-that-names-an-author"),  # a guard: unchanged
    pytest.param("The Daily Lorvanian, a tabloid owned by the state Xinhua agency, said the talks "
                 "failed.",
                 [("the talks failed", "The Daily Lorvanian", "The Daily Lorvanian", [])],
                 id="an-outlet-in-an-appositive-is-no-conduit"),
    pytest.param("A military source, speaking to SANA, said the army had advanced.",
                 [("the army had advanced", "A military source", None, ["SANA"])],
                 id="a-participial-setting-between-subject-and-verb"),
    pytest.param("The minister, in an interview with RT, said the talks were over.",
                 [("the talks were over", "The minister", "The minister", ["RT"])],
                 id="a-prepositional-setting-between-subject-and-verb"),
    pytest.param("Leader Kim Jong Un said the launch was a warning.",
                 [("the launch was a warning", "Leader Kim Jong Un", "Kim Jong Un", [])],
                 id="a-name-of-three-words-after-a-title"),
    pytest.param("Aras Vinter, commander of the air force, said the drone fell. General Vinter "
                 "said the pilots were safe.",
                 [("the drone fell", "Aras Vinter, commander of the air force", "Aras Vinter", []),
                  ("the pilots were safe", "General Vinter", "Aras Vinter", [])],
                 id="a-title-before-a-surname-named-in-full-before"),
    pytest.param("Fars quoted the deputy, Ivo Brandt, as announcing a bombing that targeted two "
                 "cars.",
                 [("a bombing that targeted two cars", "the deputy, Ivo Brandt", "Ivo Brandt",
                   ["Fars"])],
                 id="quoted-as-and-a-participle-of-saying-with-an-object"),
    pytest.param("Fars quoted Ivo Brandt as warning that more strikes would follow.",
                 [("more strikes would follow", "Ivo Brandt", "Ivo Brandt", ["Fars"])],
                 id="quoted-as-and-a-participle-of-saying-with-a-clause"),
    pytest.param("The Guards said the reports were false. It also made it clear that the "
                 "servicemen are safe.",
                 [("the reports were false", "The Guards", "The Guards", []),
                  ("the servicemen are safe", "It", "The Guards", [])],
                 id="made-it-clear-that"),
    pytest.param("Senate Minority Leader Ivo Brandt said the bill failed.",
                 [("the bill failed", "Senate Minority Leader Ivo Brandt", "Ivo Brandt", [])],
                 id="a-name-of-two-words-after-a-title"),  # a guard: unchanged
]


# descriptions and names before the verb, appositives after "according to", and the comma
# after a Chinese verb of saying, in English and other languages (invented names)
APPOSITIVES_ACROSS_LANGUAGES = [
    pytest.param("The Lorvanian foreign minister, Aras Vinter, said Lorvania would reopen the "
                 "border.",
                 [("Lorvania would reopen the border", "The Lorvanian foreign minister, Aras Vinter",
                   "Aras Vinter", [])],
                 id="a-description-then-the-name-before-the-verb"),
    pytest.param("Kremlin spokesman, Ivo Brandt, said Moscow would respond, according to TASS.",
                 [("Moscow would respond", "Kremlin spokesman, Ivo Brandt", "Ivo Brandt",
                   ["TASS"])],
                 id="a-description-then-the-name-and-a-trailing-according-to"),
    pytest.param("El canciller lorvanio, Aras Vinter, afirmó que no aceptará sanciones, según "
                 "informó la agencia TASS.",
                 [("no aceptará sanciones", "El canciller lorvanio, Aras Vinter", "Aras Vinter",
                   ["TASS"])],
                 id="es-a-description-then-the-name"),
    pytest.param("Der lorvanische Außenminister, Aras Vinter, sagte, die Grenze sei offen.",
                 [("die Grenze sei offen", "Der lorvanische Außenminister, Aras Vinter",
                   "Aras Vinter", [])],
                 id="de-a-capitalized-title-then-the-name"),
    pytest.param("The port was shut, Dara Holm, said Vinter.",
                 [("The port was shut, Dara Holm", "Vinter", "Vinter", [])],
                 id="a-clause-before-the-name-is-no-description"),  # a guard: unchanged
    pytest.param("According to Tasnim, a missile was fired at the base.",
                 [("a missile was fired at the base", "Tasnim", "Tasnim News Agency",
                   ["Tasnim"])],
                 id="according-to-then-a-clause-that-opens-with-an-article"),
    pytest.param("According to Tasnim, an IRGC-affiliated agency, the missile hit a depot.",
                 [("the missile hit a depot", "Tasnim", "Tasnim News Agency", ["Tasnim"])],
                 id="according-to-then-an-appositive"),  # a guard: unchanged
    pytest.param("According to Tasnim, which is close to the IRGC, three drones were downed.",
                 [("three drones were downed", "Tasnim", "Tasnim News Agency", ["Tasnim"])],
                 id="according-to-then-a-relative-clause"),  # a guard: unchanged
    pytest.param("Laut der Agentur Tasnim, die den Revolutionsgarden nahesteht, wurden drei "
                 "Raketen abgefeuert.",
                 [("wurden drei Raketen abgefeuert", "der Agentur Tasnim", "Tasnim News Agency",
                   ["Tasnim"])],
                 id="de-laut-then-a-relative-clause"),
    pytest.param("Selon l’agence Tasnim, proche des Gardiens de la révolution, trois missiles "
                 "ont été tirés.",
                 [("trois missiles ont été tirés", "l’agence Tasnim", "Tasnim News Agency",
                   ["Tasnim"])],
                 id="fr-selon-then-an-affiliation"),
    pytest.param("据新华社报道，发言人表示，中方反对制裁。",
                 [("中方反对制裁", "发言人", None, ["新华社"])],
                 id="zh-the-comma-after-the-verb-is-no-content"),
]

# a sentence that only names the source of the one before it; subjects in the verb's ending
# and pronouns in other languages; verb-first subjects (invented names)
ANAPHORIC_REPORTS_AND_DROPPED_SUBJECTS = [
    pytest.param("A depot was hit overnight. This was reported by Tasnim.",
                 [("A depot was hit overnight", "Tasnim", "Tasnim News Agency", ["Tasnim"])],
                 id="this-was-reported-by"),
    pytest.param("Dara Holm said the port was shut. Tasnim reported this on Sunday.",
                 [("the port was shut", "Dara Holm", "Dara Holm", ["Tasnim"])],
                 id="x-reported-this-adds-a-conduit"),
    pytest.param("Винтер заявил, что порт закрыт. Об этом сообщает агентство Tasnim.",
                 [("порт закрыт", "Винтер", "Винтер", ["Tasnim"])],
                 id="ru-ob-etom-soobshchaet"),
    pytest.param("Удар был нанесен по складу. Об этом сообщили в пресс-службе министерства.",
                 [("Удар был нанесен по складу", "пресс-службе министерства", None, [])],
                 id="ru-ob-etom-soobshchili-v"),
    pytest.param("Der Minister sagte, der Hafen sei zu. Das meldete die Agentur IRNA.",
                 [("der Hafen sei zu", "Der Minister", "Der Minister", ["IRNA"])],
                 id="de-das-meldete"),
    pytest.param("El depósito fue atacado. Así lo informó la agencia TASS.",
                 [("El depósito fue atacado", "la agencia TASS", "TASS", ["TASS"])],
                 id="es-asi-lo-informo"),
    pytest.param("A depot was hit. This was reported yesterday.", [],
                 id="a-passive-with-no-agent"),  # a guard
    pytest.param("A depot was hit. That said, the army held.", [],
                 id="that-said-is-no-report"),  # a guard
    pytest.param("Dara Holm said the port was shut. Holm said this was a lie.",
                 [("the port was shut", "Dara Holm", "Dara Holm", []),
                  ("this was a lie", "Holm", "Dara Holm", [])],
                 id="said-this-and-a-clause"),  # a guard
    pytest.param("El canciller dijo que el puerto está cerrado. Añadió que las sanciones son "
                 "inútiles.",
                 [("el puerto está cerrado", "El canciller", None, []),
                  ("las sanciones son inútiles", "Añadió", "El canciller", [])],
                 id="es-the-subject-in-the-verb"),
    pytest.param("قال المتحدث باسم الوزارة إن الهجوم فشل. وأضاف أن القوات مستعدة.",
                 [("الهجوم فشل", "المتحدث باسم الوزارة", None, []),
                  ("القوات مستعدة", "وأضاف", "المتحدث باسم الوزارة", [])],
                 id="ar-verb-first-subject-and-the-subject-in-the-verb"),
    pytest.param("قال وزير الخارجية إن الميناء مغلق، بحسب وكالة تسنيم.",
                 [("الميناء مغلق", "وزير الخارجية", None, ["وكالة تسنيم"])],
                 id="ar-a-trailing-according-to-after-an-arabic-comma"),
    pytest.param("Винтер заявил, что порт закрыт. Он также отметил, что санкции не работают.",
                 [("порт закрыт", "Винтер", "Винтер", []),
                  ("санкции не работают", "Он", "Винтер", [])],
                 id="ru-a-pronoun-and-an-adverb"),
    pytest.param("Der Minister Aras Vinter sagte, der Hafen sei zu. Er fügte hinzu, die "
                 "Sanktionen seien nutzlos.",
                 [("der Hafen sei zu", "Der Minister Aras Vinter", "Aras Vinter", []),
                  ("die Sanktionen seien nutzlos", "Er", "Aras Vinter", [])],
                 id="de-er-fuegte-hinzu"),
]

# wire copy in other languages: settings between source and verb, datelines, continuing
# participles, citing phrases, institutions (invented names)
WIRE_COPY_ACROSS_LANGUAGES = [
    pytest.param("Пресс-секретарь Кремля Иван Винтер в беседе с журналистами отметил, что "
                 "Москва готова.",
                 [("Москва готова", "Пресс-секретарь Кремля Иван Винтер", "Иван Винтер", [])],
                 id="ru-a-setting-between-source-and-verb"),
    pytest.param("Посол России в США Иван Винтер заявил, что Москва готова.",
                 [("Москва готова", "Посол России в США Иван Винтер", "Иван Винтер", [])],
                 id="ru-a-preposition-inside-the-title"),  # a guard for the rule above
    pytest.param("Винтер в интервью RT заявил, что Москва готова.",
                 [("Москва готова", "Винтер", "Винтер", ["RT"])],
                 id="ru-a-setting-that-names-a-conduit"),
    pytest.param("新华社北京3月5日电 外交部发言人王明5日在例行记者会上表示，中方反对制裁。",
                 [("中方反对制裁", "外交部发言人王明", None, [])],
                 id="zh-a-dateline-a-date-and-a-setting"),
    pytest.param("外交部发言人王明表示，中方对有关报道表示严重关切。",
                 [("中方对有关报道表示严重关切", "外交部发言人王明", None, [])],
                 id="zh-biaoshi-with-an-object-of-feeling-is-no-cue"),  # a guard
    pytest.param("وقال مصدر عسكري في تصريح لسانا إن الهجوم فشل.",
                 [("الهجوم فشل", "مصدر عسكري", None, ["سانا"])],
                 id="ar-a-setting-after-a-verb-first-subject"),
    pytest.param("من جهته، أكد وزير الخارجية أن بلاده ستدافع عن أراضيها، مشيرا إلى أن الرد قادم.",
                 [("بلاده ستدافع عن أراضيها", "وزير الخارجية", None, []),
                  ("الرد قادم", "وزير الخارجية", None, [])],
                 id="ar-an-opening-phrase-then-the-verb-and-a-continuing-participle"),
    pytest.param("Винтер заявил, что Москва готова, добавив, что санкции бесполезны.",
                 [("Москва готова", "Винтер", "Винтер", []),
                  ("санкции бесполезны", "Винтер", "Винтер", [])],
                 id="ru-dobaviv-chto"),
    pytest.param("Le ministre a affirmé que le port était fermé, ajoutant que les sanctions "
                 "étaient inutiles.",
                 [("le port était fermé", "Le ministre", None, []),
                  ("les sanctions étaient inutiles", "Le ministre", None, [])],
                 id="fr-ajoutant-que"),
    pytest.param("Die Agentur Tasnim meldete unter Berufung auf Sicherheitskreise, es habe "
                 "Festnahmen gegeben.",
                 [("es habe Festnahmen gegeben", "Sicherheitskreise", "Sicherheitskreise",
                   ["Tasnim"])],
                 id="de-unter-berufung-auf-right-after-the-verb"),
    pytest.param("Министерство обороны России заявило, что беспилотники сбиты.",
                 [("беспилотники сбиты", "Министерство обороны России",
                   "Министерство обороны России", [])],
                 id="ru-an-institution-keeps-its-whole-name"),
    pytest.param("Как отмечается в сообщении ведомства, пострадавших нет.",
                 [("пострадавших нет", "сообщении ведомства", None, [])],
                 id="ru-kak-otmechaetsya-v"),
    pytest.param("Russland hat zwei Drohnen abgeschossen. Das teilte das Ministerium in Moskau "
                 "mit.",
                 [("Russland hat zwei Drohnen abgeschossen", "das Ministerium", "Ministerium",
                   [])],
                 id="de-das-teilte-mit"),
    pytest.param("Kim Yo Jong, a senior official, released a statement. She warned that the "
                 "drills would cost Lorvania dearly.",
                 [("the drills would cost Lorvania dearly", "She", "Kim Yo Jong", [])],
                 id="a-name-of-three-short-words"),
    pytest.param("Sen Ivo Brandt spoke. He said the bill failed.",
                 [("the bill failed", "He", "Ivo Brandt", [])],
                 id="a-short-title-before-a-name"),  # a guard
    pytest.param("According to Xinhua, the spokesman said: “We will act.”", [],
                 id="a-nested-report-that-is-only-a-quotation"),
]

# (text, [(quotation, speaker name)])
SPEAKERS_AFTER_CLAUSES = [
    pytest.param("“A strike by the aggressors” targeted the port, said the Saba news agency, "
                 "according to Al Jazeera.",
                 [("A strike by the aggressors", "Saba News Agency")],
                 id="a-quotation-that-opens-the-claim-then-an-inverted-speaker"),
    pytest.param("“The talks” are over, the minister Dara Holm said.",
                 [("The talks", "Dara Holm")],  # a guard for the rule above
                 id="then-a-speaker-after-the-comma"),
    pytest.param("“Rescue teams were sent,” a local official told state TV.",
                 [("Rescue teams were sent,", None)],  # a control: "a local official"
                 id="a-determiner-after-the-quotation-is-the-speaker"),
    pytest.param("So when Patriot signaled that it was going to make a deal, Mr. Ivo Barrett "
                 "said, “we were floored.”",
                 [("we were floored.", "Ivo Barrett")], id="a-name-after-a-clause"),
    pytest.param("Minister Aras Vinter said the prospects of a deal were “fairly good”, TASS "
                 "reported.",
                 [("fairly good", "Aras Vinter")], id="inside-a-nested-report-framed-after"),
    pytest.param("TASS reported that Minister Aras Vinter said the prospects were “fairly good”.",
                 [("fairly good", "Aras Vinter")], id="inside-a-nested-report-framed-before"),
    pytest.param("TASS reported that the prospects were “fairly good”.",
                 [("fairly good", "TASS")], id="inside-a-single-report"),  # a control
    pytest.param("The claims were dismissed as “fake news” by the ministry's spokeswoman.",
                 [("fake news", "the ministry's spokeswoman")], id="the-agent-of-a-passive"),
    pytest.param("The plan was described as “a trap” by Foreign Minister Ivo Brandt on Monday.",
                 [("a trap", "Ivo Brandt")], id="the-agent-of-described-as"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    WIRE_FRAMES
    + WIRE_FRAMES_AND_REFERENCES
    + RELATIVES_PASSIVES_AND_INSTITUTIONS
    + SETTINGS_APPOSITIVES_AND_TITLES
    + APPOSITIVES_ACROSS_LANGUAGES
    + ANAPHORIC_REPORTS_AND_DROPPED_SUBJECTS
    + WIRE_COPY_ACROSS_LANGUAGES,
)
def test_frames_of_wire_copy(
    text: str, expected: list[tuple[str, str, str | None, list[str]]]
) -> None:
    report = run(text)
    mentions = {m.id: m.text for m in report.mentions}
    got = [(c.text, c.source.text if c.source else None, c.source.name if c.source else None,
            [mentions[v] for v in c.via])
           for c in report.claims if c.kind == "attributed"]
    assert got == expected


# (text, [(quotation, speaker text, conduits)]): the speaker after an inverted verb ends
# before the setting or the addressee, in languages other than English
INVERTED_SPEAKERS_ACROSS_LANGUAGES = [
    pytest.param("„Wir werden uns verteidigen“, sagte ein Sprecher der Armee dem Sender Press TV.",
                 [("Wir werden uns verteidigen", "ein Sprecher der Armee", ["Press TV"])],
                 id="de-the-dative-addressee"),
    pytest.param("\"No vamos a retroceder\", dijo Vinter en una entrevista con RT.",
                 [("No vamos a retroceder", "Vinter", ["RT"])], id="es-en-una-entrevista"),
    pytest.param("« Nous ne céderons pas », a déclaré le ministre à la chaîne RT.",
                 [("Nous ne céderons pas", "le ministre", ["RT"])],
                 id="fr-a-la-chaine-and-spaces-inside-the-guillemets"),
    pytest.param("«Мы не отступим», — заявил Винтер телеканалу RT.",
                 [("Мы не отступим", "Винтер", ["RT"])], id="ru-the-dative-channel"),
    pytest.param("«Мы не отступим», — заявил Винтер на пресс-конференции.",
                 [("Мы не отступим", "Винтер", [])], id="ru-na"),
    pytest.param("\"We will not retreat,\" said Bashar al-Vinter in an interview with RT.",
                 [("We will not retreat,", "Bashar al-Vinter", ["RT"])],
                 id="en-al-stays-in-the-name"),  # a guard: unchanged
    pytest.param("«Мы готовы», — сказал Винтер, добавив, что санкции бесполезны.",
                 [("Мы готовы", "Винтер", [])], id="ru-a-quotation-then-dobaviv"),  # a control
    pytest.param("\"They were caught,\" said an official quoted by IRNA.",
                 [("They were caught,", "an official", ["IRNA"])],
                 id="en-quoted-by-after-the-speaker"),
    pytest.param("« Ils ont été arrêtés », a indiqué un responsable cité par Irna.",
                 [("Ils ont été arrêtés", "un responsable", ["Irna"])], id="fr-cite-par"),
    pytest.param("\"Nonsense,\" said the presidential spokesman, Ivo Brandt, in remarks to "
                 "reporters.",
                 [("Nonsense,", "the presidential spokesman, Ivo Brandt", [])],
                 id="en-a-description-then-the-name-after-the-verb"),
    pytest.param("\"Es una tontería\", afirmó el portavoz presidencial, Ivo Brandt, en "
                 "declaraciones a la prensa.",
                 [("Es una tontería", "el portavoz presidencial, Ivo Brandt", [])],
                 id="es-a-description-then-the-name-after-the-verb"),
    pytest.param("According to Xinhua, the spokesman said: “We will act.”",
                 [("We will act.", "the spokesman", ["Xinhua"])],
                 id="en-the-speaker-of-a-nested-report-that-is-only-a-quotation"),  # a control
    pytest.param("به گزارش ایرنا، سرلشکر علی وینتر رئیس ستاد ارتش در جمع خبرنگاران گفت: «ما "
                 "آماده هستیم».",
                 [("ما آماده هستیم", "سرلشکر علی وینتر رئیس ستاد ارتش", ["ایرنا"])],
                 id="fa-a-verb-at-the-end-and-a-setting"),
    pytest.param("Официальный представитель МИД Мария Винтер назвала обвинения «провокацией».",
                 [("провокацией", "Официальный представитель МИД Мария Винтер", [])],
                 id="ru-nazvala-an-act-with-a-quoted-term"),
    pytest.param("«Мы не отступим», — заявил Винтер. Об этом сообщает агентство Tasnim.",
                 [("Мы не отступим", "Винтер", ["Tasnim"])],
                 id="ru-a-conduit-named-in-the-next-sentence"),
    pytest.param("Сообщения не соответствуют действительности, передает РИА «Новости» со "
                 "ссылкой на агентство Tasnim. В публикации отмечается: «Это слухи».",
                 [("Это слухи", "В публикации", ["РИА «Новости»", "Tasnim"])],
                 id="ru-na-inside-a-citing-phrase-is-no-end"),  # a guard
]


@pytest.mark.parametrize(("text", "expected"), INVERTED_SPEAKERS_ACROSS_LANGUAGES)
def test_inverted_speakers_across_languages(
    text: str, expected: list[tuple[str, str | None, list[str]]]
) -> None:
    report = run(text)
    mentions = {m.id: m.text for m in report.mentions}
    got = [(q.text, q.speaker.text if q.speaker else None, [mentions[v] for v in q.via])
           for q in report.quotes]
    assert got == expected

@pytest.mark.parametrize(("text", "expected"), SPEAKERS_OF_EMBEDDED_QUOTES + SPEAKERS_AFTER_CLAUSES)
def test_speakers_of_quotations_inside_reported_speech_and_after_clauses(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    got = [(q.text, q.speaker.name if q.speaker else None) for q in run(text).quotes]
    assert got == expected
