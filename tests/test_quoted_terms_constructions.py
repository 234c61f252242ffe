"""Quotation marks that label rather than quote go to ``quoted_terms``, never to ``quotes``;
headline quotations stay quotations. One row per construction."""

from __future__ import annotations

import pytest

from tests._support import run

TERMS = [
    pytest.param('Rep. Robert C. "Bobby" Scott opened his home to voters.', "Bobby",
                 id="nickname-after-an-initial"),
    pytest.param('State Del. Marcia "Cia" Price spoke next.', "Cia", id="nickname"),
    pytest.param('Why vote for him, unless simply because "she" is a woman?', "she",
                 id="a-lone-pronoun"),
    pytest.param("The Post sent its “national enterprise reporter” Jon Arlan to Kessel.",
                 "national enterprise reporter", id="modifier-inside-a-noun-phrase"),
    pytest.param("The “sex tape” reference was about an old rumour.", "sex tape",
                 id="modifier-before-a-noun"),
    pytest.param("Check out the trailer for her documentary “13th” below.", "13th",
                 id="title-after-documentary"),
    pytest.param("Arlan’s “13th” documents life in the port.", "13th", id="a-work-after-a-possessive"),
    pytest.param("The stage notes read:\n\n\"(CROSSTALK.)\n\n\"Next question.\"", "(CROSSTALK.)",
                 id="stage-direction"),
    pytest.param('Ouisa Arlan\'s commentary, "Kessel, tell your story," was widely read.',
                 "Kessel, tell your story,", id="title-after-a-comma"),
    pytest.param("Переговоры сорваны, передает РИА «Новости» со ссылкой на источник.",
                 "Новости", id="guillemets-inside-an-outlet-name"),
    pytest.param("The talks failed, the “Global Times” said on Monday.", "Global Times",
                 id="an-outlet-name-in-quotation-marks"),
]


@pytest.mark.parametrize(("text", "term"), TERMS)
def test_quoted_term(text: str, term: str) -> None:
    report = run(text)
    assert term not in [q.text for q in report.quotes]
    assert term in [t.text for t in report.quoted_terms]


QUOTES = [
    pytest.param("Governor Calls Rival ‘A Disgrace’ After Debate", "A Disgrace",
                 id="title-case-headline-quote"),
    pytest.param("Minister Ilse Maranova called the offer “a cynical trap” on Monday.",
                 "a cynical trap", id="partial-quote-after-a-speech-act"),
    pytest.param("Kim said the test posed a “substantial” threat.", "substantial",
                 id="one-word-modifier-stays-a-quote"),
    pytest.param("Arlan said she expects the campaign “to keep calling out examples of bias "
                 "and defending ourselves as we see fit.”",
                 "to keep calling out examples of bias and defending ourselves as we see fit.",
                 id="a-long-lowercase-quote-after-a-label-word"),
]


@pytest.mark.parametrize(("text", "quote"), QUOTES)
def test_still_a_quotation(text: str, quote: str) -> None:
    assert [q.text for q in run(text).quotes] == [quote]
