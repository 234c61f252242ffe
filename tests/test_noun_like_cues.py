"""Cue words that are as often plural nouns ("states", "questions", "claims", "calls",
"reports"): a verb of saying only beside a name or a pronoun, or before a clause."""

from __future__ import annotations

import pytest

from tests._support import run

# (text, the cue word, whether it frames an attributed claim, the expected content or None)
CASES = [
    (
        "The ethnic vote in several battleground states could decide the election.",
        "states",
        False,
        None,
    ),
    ("Twenty-seven states led by Wyoming are challenging the rules.", "states", False, None),
    ("The industry's decline is forcing states to deal with the mines.", "states", False, None),
    ("Officials in 18 states, including Ohio, disagreed.", "states", False, None),
    ("Kessler is raising questions about the port deal.", "questions", False, None),
    ("The senator has faced questions about the foundation.", "questions", False, None),
    ("There were no immediate reports of damage in the area.", "reports", False, None),
    ("Varnland's claims about the test are hard to check.", "claims", False, None),
    ("For instance, calls to open an inquiry went unanswered.", "calls", False, None),
    (
        "A document on the campaign's website states that the plan is funded.",
        "states",
        True,
        "the plan is funded",
    ),
    (
        "The Harbor Post reports that the port was closed on Sunday.",
        "reports",
        True,
        "the port was closed on Sunday",
    ),
    ("Maranova claims that the vote was rigged.", "claims", True, "the vote was rigged"),
    ("He notes that the deadline has passed.", "notes", True, "the deadline has passed"),
]


@pytest.mark.parametrize(("text", "word", "is_cue", "content"), CASES)
def test_noun_or_verb(text: str, word: str, is_cue: bool, content: str | None) -> None:
    report = run(text)
    attributed = [c for c in report.claims if c.kind == "attributed"]
    if not is_cue:
        assert attributed == [], f"{word!r} read as a verb of saying"
        return
    (c,) = attributed
    assert c.text == content
    assert text[c.start : c.end] == content


def test_a_clause_between_commas_is_not_an_appositive() -> None:
    # "X, the agency, said" has an appositive; "For some, the losses would …, said X" does not
    text = "For some, the losses would outstrip the gains, said Batchelder."
    (c,) = run(text).claims
    assert c.kind == "attributed"
    assert c.text == "For some, the losses would outstrip the gains"
    assert c.source is not None
    assert c.source.text == "Batchelder"
    (c,) = run("KCNA, the official news agency, said the test was a success.").claims
    assert c.text == "the test was a success"
    assert c.source is not None
    assert c.source.text == "KCNA"


def test_doubled_apostrophes_quote_and_name_the_speaker() -> None:
    text = "''That is the port's weakness,'' said Luis Rubio, who heads the harbor institute."
    report = run(text)
    (q,) = report.quotes
    assert q.text == "That is the port's weakness,"
    assert q.speaker is not None
    assert q.speaker.text == "Luis Rubio"


@pytest.mark.parametrize(
    "text",
    [
        "Having said that, the port is closed on Sundays.",
        "That said, the port is closed on Sundays.",
        "Needless to say, the port is closed on Sundays.",
    ],
)
def test_a_set_phrase_with_a_verb_of_saying_frames_nothing(text: str) -> None:
    assert [c.kind for c in run(text).claims] == ["unattributed"]
