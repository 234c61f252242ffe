"""Speakers of quotations, one row per construction: (text, the speaker span's text, the
resolved name). Spans are checked against the text, so a row also pins the offsets."""

from __future__ import annotations

import pytest

from tests._support import run

ROWS = [
    pytest.param("Readers wrote in.\n\n“The port must stay open.” ― Carla Mendes",
                 "Carla Mendes", "Carla Mendes", id="dash-credit"),
    pytest.param("Letters.\n\n“Nothing has changed.” — Jon P. Arlan\n“Everything has.” — Mia Sol",
                 "Mia Sol", "Mia Sol", id="dash-credit-second-line"),
    pytest.param("Senate leader Harry Reid spoke on Monday.\n\n"
                 "In recent weeks, Reid has attacked the plan as a “reckless gamble.”",
                 "Reid", "Harry Reid", id="named-subject-surname"),
    pytest.param("Governor Ilse Maranova described the offer as a “disgrace” after the vote.",
                 "Governor Ilse Maranova", "Ilse Maranova",  # the title dropped
                 id="act-verb-subject"),
    pytest.param("In a message posted Friday, Maranova said she had “areas of disagreement.”",
                 "Maranova", "Maranova", id="adverbial-before-the-subject"),
    pytest.param("Following early reports of the blast, Mayor Jon Arlan said “a bomb” went off.",
                 "Mayor Jon Arlan", "Jon Arlan", id="noun-reports-is-not-the-cue"),
    pytest.param("“The data are clear,” said Professor Ian Ward of the University of Kessel.",
                 "Professor Ian Ward", "Professor Ian Ward",
                 id="name-ends-before-of"),
    pytest.param("“The board has not met,” said Jeffrey N. Trimble, a senior official.",
                 "Jeffrey N. Trimble", "Jeffrey N. Trimble", id="middle-initial-after-the-verb"),
    pytest.param("“The board has not met,” said Sen. Mike Lee.",
                 "Sen. Mike Lee", "Mike Lee", id="title-abbreviation-after-the-verb"),
    pytest.param("Without quoting any sources, the Harbour Times reported that Ostrava "
                 "\"appeared willing to sign.\"", "the Harbour Times", "Harbour Times",
                 id="without-quoting"),
    pytest.param("“Gains were modest,” said Professor Ian Ward and Professor Lena Voss. "
                 "“The trial was small,” the scientists added.",
                 "the scientists", "Professor Ian Ward and Professor Lena Voss",
                 id="plural-description-resolves-to-a-group"),
    pytest.param("“The trial was rushed,” said Professor Ian Ward of the University of Kessel "
                 "and Professor Lena Voss of the Varna School of Medicine.",
                 "Professor Ian Ward of the University of Kessel and Professor Lena Voss",
                 "Professor Ian Ward and Professor Lena Voss",
                 id="two-speakers-each-with-an-affiliation"),
    pytest.param("“The trial was rushed,” said Professor Ian Ward of the University of Kessel "
                 "and Professor Lena Voss of the Varna School.\n\n"
                 "The results showed that the vaccine works.\n\n"
                 "“But the result is clear,” said the scientists.",
                 "the scientists", "Professor Ian Ward and Professor Lena Voss",
                 id="a-plural-description-skips-groups-that-are-not-people"),
    pytest.param("“Why is this not proof?” Arlan demanded. The hearing went on.",
                 "Arlan", "Arlan", id="frame-in-a-short-sentence-after-a-question"),
    pytest.param("In a radio interview Maranova declared “the port is ours.”",
                 "Maranova", "Maranova", id="name-after-an-adverbial"),
    pytest.param("Politifact checked Jon Arlan’s claim that there were “thousands of shootings”.",
                 "Jon Arlan", "Jon Arlan", id="possessor-of-a-speech-noun"),
    pytest.param("Analysts doubted Jon Arlan’s “historic deal” with Kessel.",
                 "Jon Arlan", "Jon Arlan", id="possessor-of-the-quotation"),
    pytest.param("Ilse Maranova spoke on Monday.\n\nSaid Maranova: “The port stays open.”",
                 "Maranova", "Ilse Maranova", id="inverted-said-name-colon"),
    pytest.param("Senator Jon Arlan spoke on Monday.\n\nOn July 6, Arlan made this comment:"
                 "\n\n“The port stays open.”", "Arlan", "Jon Arlan",
                 id="colon-paragraph-subject"),
    pytest.param("Pence: Debate Rival Was ‘Mocking’ Voters", "Pence", "Pence",
                 id="headline-colon-subject"),
    pytest.param("Retired General Reveals ‘Demoralizing’ Years In Office", "Retired General",
                 "Retired General", id="headline-first-words"),
    pytest.param("Protesters marching through the streets chanted “What curfew?” all night.",
                 "Protesters marching through the streets", "Protesters marching through the streets",
                 id="chanted"),
    pytest.param("The ad ends with footage of Arlan saying, “That makes me smart.”",
                 "Arlan", "Arlan", id="participle-after-a-name"),
    pytest.param("In August, several environmental groups granted Arlan more time, saying "
                 "his “capital was less than expected.”", "several environmental groups",
                 "several environmental groups", id="participle-after-a-comma"),
    pytest.param("Maranova says Arlan’s “latest meltdown is unhinged.”", "Maranova", "Maranova",
                 id="cue-before-wins-over-a-possessor"),
    pytest.param("Governor Jon Arlan, who has campaigned for Maranova since he left the race, "
                 "blasted the plan as a “disgrace” on Monday.", "Governor Jon Arlan",
                 "Jon Arlan", id="relative-clause-with-its-own-clause-break"),
    pytest.param("Jon Arlan described the vote as a “terrible situation,” but stopped short of "
                 "calling it fraud.", "Jon Arlan", "Jon Arlan",
                 id="coordinated-verb-after-the-quote-is-not-a-speaker"),
    pytest.param("Arlan posted a series of messages early Friday saying the vote was "
                 "“a sham.”", "Arlan", "Arlan", id="participle-after-a-date"),
    pytest.param("Claiming the criticism was unfair, Maranova told reporters that “nothing "
                 "has changed.”", "Maranova", "Maranova", id="leading-participial-phrase"),
    pytest.param("While having a heated debate, a friend commented: “You will regret it.”",
                 "a friend", "a friend", id="subordinate-participle-before-the-subject"),
    pytest.param("Переговоры сорваны, сообщает агентство Tasnim.\n\n"
                 "В публикации отмечается: «Слухи не соответствуют действительности».",
                 "В публикации", "Tasnim News Agency", id="russian-description-of-the-outlet"),
    pytest.param("Mayor Jon Arlan and rival candidate Ilse Maranova clashed on Monday "
                 "although they both agreed that a strike must be a “last resort”.", "they",
                 "Jon Arlan and Ilse Maranova", id="plural-pronoun-after-a-named-pair"),
    pytest.param("The ad shows Ilse Maranova saying “we will win.”", "Ilse Maranova",
                 "Ilse Maranova", id="a-participle-of-saying-nearer-than-the-frame"),
]


@pytest.mark.parametrize(("text", "speaker", "name"), ROWS)
def test_speaker(text: str, speaker: str, name: str) -> None:
    report = run(text)
    q = report.quotes[-1]
    assert q.speaker is not None, [x.text for x in report.quotes]
    assert q.speaker.text == speaker
    assert text[q.speaker.start : q.speaker.end] == speaker
    assert (q.speaker.name or q.speaker.text) == name


def test_a_clause_is_not_a_speaker() -> None:
    text = ("Other leaders used blunt language to denounce what Prime Minister Jon Arlan called "
            "a “reckless” test.")
    q = run(text).quotes[-1]
    assert q.speaker is None or len(q.speaker.text.split()) <= 4


def test_verb_first_arabic_speaker_resolves_the_newspaper() -> None:
    text = ("نشرت صحيفة غلوبال تايمز تقريرا.\n\n"
            "ووصفت الصحيفة التقرير بأنها “تكهنات خبيثة”، مضيفة أن واشنطن تحاول “تلفيق صورة”.")
    report = run(text)
    names = [(q.speaker.name or q.speaker.text) if q.speaker else None for q in report.quotes]
    # an outlet speaker is named by its canonical registry name, in any language
    assert names == ["Global Times", "Global Times"]
