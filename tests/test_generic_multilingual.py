"""Generic references and disclosures in the languages the registry's grammar covers."""

from __future__ import annotations

import pytest

import provenance


@pytest.mark.parametrize(("text", "surface", "state", "country"), [
    pytest.param("Selon les médias d'État iraniens, les négociations ont échoué.",
                 "médias d'État iraniens", True, "IR", id="fr"),
    pytest.param("Según los medios estatales venezolanos, el diálogo fracasó.",
                 "medios estatales venezolanos", True, "VE", id="es"),
    pytest.param("Die iranischen Staatsmedien berichteten, die Gespräche seien gescheitert.",
                 "iranischen Staatsmedien", True, "IR", id="de"),
    pytest.param("Как сообщают иранские государственные СМИ, переговоры провалились.",
                 "иранские государственные СМИ", True, "IR", id="ru"),
    pytest.param("ذكرت وسائل الإعلام الرسمية الإيرانية أن المحادثات فشلت.",
                 "وسائل الإعلام الرسمية الإيرانية", True, "IR", id="ar"),
    pytest.param("به گزارش رسانه\u200cهای دولتی ایران، مذاکرات شکست خورد.",
                 "رسانه\u200cهای دولتی ایران", True, "IR", id="fa"),
    pytest.param("据伊朗官方媒体报道，谈判失败。", "伊朗官方媒体", True, "IR", id="zh"),
    pytest.param("Iranian media said the talks failed.", "Iranian media", None, "IR", id="en-vague"),
    pytest.param("В иранских СМИ сообщили о взрыве.", "иранских СМИ", None, "IR", id="ru-vague"),
])
def test_generic_references(text: str, surface: str, state: bool | None, country: str) -> None:
    (m,) = provenance.check(text).mentions
    assert (m.text, m.kind, m.state_affiliated, m.country) == (surface, "generic", state, country)
    assert m.disclosed is bool(state)


@pytest.mark.parametrize("text", [
    pytest.param("L'agence Tasnim, proche des Gardiens de la révolution, a démenti.", id="fr"),
    pytest.param("La agencia Tasnim, vinculada a la Guardia Revolucionaria, lo negó.", id="es"),
    pytest.param("Агентство Tasnim, близкое к КСИР, опровергло эти сообщения.", id="ru"),
    pytest.param("خبرگزاری تسنیم وابسته به سپاه پاسداران این خبر را تکذیب کرد.", id="fa"),
])
def test_disclosures(text: str) -> None:
    tasnim = [m for m in provenance.check(text).mentions if m.outlet and m.outlet.id == "ir.tasnim"]
    assert tasnim
    assert all(m.disclosed for m in tasnim)


@pytest.mark.parametrize(("text", "surface"), [
    pytest.param("Selon les médias locaux, l'attaque a fait trois morts.", "médias locaux",
                 id="fr"),
    pytest.param("Según los medios locales, hubo tres muertos.", "medios locales", id="es"),
    pytest.param("Lokale Medien berichteten über den Angriff.", "Lokale Medien", id="de"),
    pytest.param("Ausländische Medien berichteten darüber.", "Ausländische Medien", id="de-2"),
])
def test_scopes(text: str, surface: str) -> None:
    (m,) = provenance.check(text).mentions
    assert (m.text, m.kind, m.state_affiliated, m.country) == (surface, "generic", None, None)
