from __future__ import annotations

import pytest

from dateline.clean.language import detect_language

# Short paragraphs written for these tests, one per language.
SAMPLES = {
    "en": "The minister met the army chief on Wednesday to discuss defence cooperation.",
    "it": "Il ministro ha incontrato mercoledì il capo dell’esercito per discutere della difesa.",
    "fr": "Le ministre a rencontré mercredi le chef de l’armée pour parler de la coopération.",
    "es": "El ministro se reunió el miércoles con el jefe del ejército para hablar de defensa.",
    "de": "Der Minister traf am Mittwoch den Armeechef, um über die Zusammenarbeit zu sprechen.",
    "pt": "O ministro reuniu-se na quarta-feira com o chefe do exército para discutir a defesa.",
    "ru": "Министр в среду встретился с начальником армии, чтобы обсудить оборонное сотрудничество.",
    "uk": "Міністр у середу зустрівся з командувачем армії, щоб обговорити оборонну співпрацю.",
    "pl": "Minister spotkał się w środę z szefem armii, aby omówić współpracę obronną.",
    "nl": "De minister ontmoette woensdag de legerleider om de samenwerking op defensiegebied te bespreken.",
    "tr": "Bakan çarşamba günü ordu komutanıyla savunma işbirliğini görüşmek için bir araya geldi.",
    "ar": "التقى الوزير يوم الأربعاء بقائد الجيش لمناقشة التعاون الدفاعي بين البلدين.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_short_paragraphs(lang):
    guess, score = detect_language(SAMPLES[lang])
    assert guess == lang
    assert 0.0 < score <= 1.0


@pytest.mark.parametrize("text", [
    "", "Reuters", "12 345 678", "Lucia Giannini, ANSA", "https://example.org/a/very/long/path",
])
def test_too_short_gives_none(text):
    assert detect_language(text) == (None, 0.0)


def test_all_caps_text():
    text = "IL GOVERNO HA APPROVATO LA LEGGE SUL BILANCIO DOPO UN LUNGO DIBATTITO"
    assert detect_language(text)[0] == "it"
