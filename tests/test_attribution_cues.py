"""Attribution cues, one row per cue and language: the claim's content, its source and the
outlets it came through. Every row also checks that the spans point at their text."""

from __future__ import annotations

import pytest

from tests._support import run

ROWS = [
    # English
    pytest.param("According to Tasnim, the talks failed.", "the talks failed", "Tasnim",
                 ["Tasnim"], id="en-according-to"),
    pytest.param("The talks failed, according to Tasnim.", "The talks failed", "Tasnim",
                 ["Tasnim"], id="en-trailing-according-to"),
    pytest.param("The minister said that the talks had failed.", "the talks had failed",
                 "The minister", [], id="en-said-that"),
    pytest.param("The minister said the talks had failed.", "the talks had failed",
                 "The minister", [], id="en-said-bare"),
    pytest.param("The talks failed, the minister said.", "The talks failed", "the minister",
                 [], id="en-claim-x-said"),
    pytest.param("The talks failed, said the minister.", "The talks failed", "the minister",
                 [], id="en-claim-said-x"),
    pytest.param("In a statement, the ministry said the talks had failed.",
                 "the talks had failed", "the ministry", [], id="en-in-a-statement"),
    pytest.param("The minister told Press TV that the talks had failed.",
                 "the talks had failed", "The minister", ["Press TV"], id="en-told-outlet"),
    pytest.param("Tasnim reported that the talks had failed.", "the talks had failed", "Tasnim",
                 ["Tasnim"], id="en-reported-that"),
    pytest.param("Reuters, citing Tasnim, reported that the talks had failed.",
                 "the talks had failed", "Tasnim", ["Reuters", "Tasnim"], id="en-citing"),
    pytest.param("Tasnim quoted the minister as saying the talks had failed.",
                 "the talks had failed", "the minister", ["Tasnim"], id="en-quoted-as-saying"),
    pytest.param("Tasnim: Talks with Ostrava have failed", "Talks with Ostrava have failed",
                 "Tasnim", ["Tasnim"], id="en-headline-colon"),
    pytest.param("A new survey found that most voters back the plan.",
                 "most voters back the plan", "A new survey", [], id="en-evidence-found"),
    # French, German, Spanish
    pytest.param("Selon l'agence Tasnim, les pourparlers ont échoué.",
                 "les pourparlers ont échoué", "l'agence Tasnim", ["Tasnim"], id="fr-selon"),
    pytest.param("Le ministre a déclaré que les pourparlers avaient échoué.",
                 "les pourparlers avaient échoué", "Le ministre", [], id="fr-a-declare-que"),
    pytest.param("Laut Tasnim sind die Gespräche gescheitert.", "sind die Gespräche gescheitert",
                 "Tasnim", ["Tasnim"], id="de-laut-without-comma"),
    pytest.param("Der Minister sagte, die Gespräche seien gescheitert.",
                 "die Gespräche seien gescheitert", "Der Minister", [], id="de-sagte"),
    pytest.param("Según la agencia Tasnim, las conversaciones fracasaron.",
                 "las conversaciones fracasaron", "la agencia Tasnim", ["Tasnim"], id="es-segun"),
    pytest.param("El ministro dijo que las conversaciones habían fracasado.",
                 "las conversaciones habían fracasado", "El ministro", [], id="es-dijo-que"),
    # Russian
    pytest.param("По словам министра, переговоры провалились.", "переговоры провалились",
                 "министра", [], id="ru-po-slovam"),
    pytest.param("Переговоры провалились, передает ТАСС.", "Переговоры провалились", "ТАСС",
                 ["ТАСС"], id="ru-peredaet"),
    pytest.param("Как сообщило агентство Тасним, переговоры сорвались.", "переговоры сорвались",
                 "агентство Тасним", ["Тасним"], id="ru-kak-soobshchilo"),
    pytest.param("В МИД Ирана заявили, что переговоры сорвались.", "переговоры сорвались",
                 "МИД Ирана", [], id="ru-v-ministerstve-zayavili"),
    # Arabic, Persian
    pytest.param("قال الوزير إن المحادثات فشلت.", "المحادثات فشلت", "الوزير", [],
                 id="ar-qala-inna"),
    pytest.param("نقلت وكالة تسنيم عن القائد قوله إن المحادثات فشلت.", "المحادثات فشلت",
                 "القائد", ["وكالة تسنيم"], id="ar-naqalat-an-qawlahu"),
    pytest.param("به گزارش خبرگزاری تسنیم، مذاکرات شکست خورد.", "مذاکرات شکست خورد",
                 "خبرگزاری تسنیم", ["خبرگزاری تسنیم"], id="fa-be-gozaresh"),
    pytest.param("وزیر گفت که مذاکرات شکست خورد.", "مذاکرات شکست خورد", "وزیر", [],
                 id="fa-goft-ke"),
    pytest.param("L'agence Tasnim a rapporté que les négociations avaient échoué.",
                 "les négociations avaient échoué", "L'agence Tasnim", ["Tasnim"],
                 id="fr-a-rapporte-que"),
    pytest.param("Die Agentur Tasnim meldete, die Gespräche seien gescheitert.",
                 "die Gespräche seien gescheitert", "Die Agentur Tasnim", ["Tasnim"],
                 id="de-meldete-comma"),
    # Chinese
    pytest.param("据新华社报道，谈判失败了。", "谈判失败了", "新华社", ["新华社"],
                 id="zh-ju-baodao"),
    pytest.param("新华社称谈判失败了。", "谈判失败了", "新华社", ["新华社"], id="zh-cheng"),
    pytest.param("新华社报道称，谈判失败了。", "谈判失败了", "新华社", ["新华社"],
                 id="zh-baodao-cheng"),
    pytest.param("环球时报援引消息人士的话说，谈判失败了。", "谈判失败了", "消息人士", ["环球时报"],
                 id="zh-yuanyin-de-hua-shuo"),
    pytest.param("伊朗塔斯尼姆通讯社报道，谈判失败了。", "谈判失败了", "伊朗塔斯尼姆通讯社",
                 ["塔斯尼姆通讯社"], id="zh-an-iranian-agency"),
]


@pytest.mark.parametrize(("text", "content", "source", "via"), ROWS)
def test_cue(text: str, content: str, source: str, via: list[str]) -> None:
    report = run(text)
    by_id = {m.id: m.text for m in report.mentions}
    attributed = [c for c in report.claims if c.kind == "attributed"]
    assert len(attributed) == 1, [(c.kind, c.text) for c in report.claims]
    (c,) = attributed
    assert c.text == content
    assert text[c.start : c.end] == content
    assert c.source is not None
    assert c.source.text == source
    assert text[c.source.start : c.source.end] == source
    assert [by_id[v] for v in c.via] == via
