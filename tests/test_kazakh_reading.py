"""Kazakh words that misled the reading (our sentences): «тарату» is to distribute (materials)
as well as to dissolve (an organisation); «шетелдік» alone is "foreign", not a person's status;
ө with і and none of ә ғ қ ң ұ һ is still Kazakh."""
from __future__ import annotations

import pytest

from analysis.pipeline import analyse_text

AS_OF = "2025-01-01"


def test_distributing_materials_is_not_dissolving_an_association():
    analysis = analyse_text("Интернетте бір жынысты қарым-қатынастарды насихаттайтын "
                            "материалдарды тарату шектеледі.\n", as_of=AS_OF)
    assert set(analysis.conflicts_iccpr) == {19, 26}
    assert "association" not in analysis.engages
    assert analysis.targets_group == "lgbt"


def test_dissolving_an_association_is_association():
    analysis = analyse_text("Қоғамдық бірлестікті тарату туралы шешімді сот қабылдайды.\n",
                            as_of=AS_OF)
    assert "association" in analysis.engages


def test_foreign_agents_are_a_label_not_foreigners():
    analysis = analyse_text("Шетелдік агенттер тізіліміне енгізілген үкіметтік емес ұйымдар өз "
                            "материалдарын таңбалауға міндетті.\n", as_of=AS_OF)
    assert 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "other"


def test_a_ban_on_foreign_citizens_assembling_is_a_distinction():
    analysis = analyse_text("Шетел азаматтарына жиналыстар өткізуге тыйым салынады.\n",
                            as_of=AS_OF)
    assert analysis.input.languages == ("kk",)
    assert {21, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "other"


def test_a_kazakh_title_without_kazakh_letters_is_kazakh():
    """«ЛГБТ насихатына тыйым салу туралы петиция» has none of ә ғ қ ң ө ұ ү һ і: in a Kazakh
    petition its words («туралы», «тыйым», «салу») make it Kazakh, so that its ban is read."""
    from analysis.nlp import annotate
    from analysis.text import document_from_text

    text = ("ЛГБТ насихатына тыйым салу туралы петиция.\n\n"
            "Біз балаларымызды дәстүрлі емес құндылықтардан қорғауды сұраймыз. БАҚ пен "
            "интернетте ЛГБТ насихатын таратқаны үшін әкімшілік жауапкершілік енгізу қажет.\n")
    annotated = annotate(document_from_text(text))
    title = annotated.clauses[0]
    assert title.text.startswith("ЛГБТ насихатына") and title.language == "kk"
    assert {(s.label, s.text) for s in title.spans} >= {
        ("expression", "насихатына"), ("measure", "тыйым салу")}
    demand = [c for c in annotated.clauses if "жауапкершілік" in c.text][0]
    assert ("penalty", "әкімшілік жауапкершілік") in {(s.label, s.text) for s in demand.spans}
    analysis = analyse_text(text, as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_a_russian_clause_in_a_kazakh_document_stays_russian():
    from analysis.nlp import annotate
    from analysis.text import document_from_text

    text = ("Біз ЛГБТ насихатына қарсымыз.\n\n"
            "Мы против пропаганды ЛГБТ в школах.\n")
    langs = [c.language for c in annotate(document_from_text(text)).clauses]
    assert langs == ["kk", "ru"]


def test_a_kazakh_sentence_with_only_i_and_y_is_kazakh():
    """«Біз ЛГБТ насихатына тыйым салуды талап етеміз.» has і and ы but none of ә ғ қ ң ө ұ ү
    һ: Russian has no і, Ukrainian no ы, and its words are Kazakh."""
    analysis = analyse_text("Біз ЛГБТ насихатына тыйым салуды талап етеміз.\n", as_of=AS_OF)
    assert analysis.input.languages == ("kk",)
    assert analysis.verdict == "incompatible"
    assert {19, 26} <= set(analysis.conflicts_iccpr)
    assert analysis.targets_group == "lgbt"


def test_a_demand_to_ban_discrimination_against_lgbt_people_protects_them():
    """Kazakh puts the object before the harm: «ЛГБТ адамдарды кемсітуге» (discriminating LGBT
    people), «оларға қарсы зорлық-зомбылыққа» (violence against them): a ban on these protects."""
    analysis = analyse_text("Біз ЛГБТ адамдарды кемсітуге және оларға қарсы "
                            "зорлық-зомбылыққа тыйым салуды талап етеміз.\n", as_of=AS_OF)
    assert analysis.verdict == "compatible"
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr


def test_lgbt_propaganda_said_to_lead_to_violence_is_still_targeted():
    """«ЛГБТ насихаты зорлық-зомбылыққа әкеледі» (LGBT propaganda leads to violence): the group
    qualifies the propaganda a ban is demanded on; it is not whom the violence is aimed at."""
    analysis = analyse_text("ЛГБТ насихаты зорлық-зомбылыққа әкеледі, сондықтан оған тыйым "
                            "салу керек.\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text, lang", [
    # two Kazakh-only forms («тыйым», «салынады»), no Russian-only one: Kazakh on its own
    ("Мектептерде хиджаб киюге тыйым салынады.", "kk"),
    ("ЛГБТ насихатына тыйым салынады.", "kk"),
    # one Kazakh-looking form among Russian words stays Russian
    ("Ата и мать пришли на собрание.", "ru"),
])
def test_a_short_kazakh_clause_without_kazakh_letters_is_kazakh_by_its_words(text, lang):
    from analysis.nlp import annotate
    from analysis.text import document_from_text

    (clause,) = [c for c in annotate(document_from_text(text)).clauses if c.language]
    assert clause.language == lang


def test_kazakh_nouns_ending_in_ma_are_not_negative_verbs():
    # «сараптамасының» (expert review), «жарнамасына» (advertising): the -ма is the noun's own
    from analysis.pipeline import analyse_text
    a = analyse_text("Діни әдебиетті тарату дінтану сараптамасының оң қорытындысы болған жағдайда "
                     "ғана жүзеге асырылады.\n", as_of="2025-01-01")
    assert 18 in a.conflicts_iccpr
    a = analyse_text("ЛГБТ жарнамасына тыйым салынады.\n", as_of="2025-01-01")
    assert {19, 26} <= set(a.conflicts_iccpr)


def test_a_kazakh_ban_on_restricting_rights_is_a_guarantee():
    # Constitution art. 39(3): «… құқықтарын шектеуге жол берілмейді»
    from analysis.pipeline import analyse_text
    a = analyse_text("Саяси себептер бойынша азаматтардың құқықтарын шектеуге жол берілмейді.\n",
                     as_of="2025-01-01")
    assert not a.conflicts_iccpr and a.targets_group == "none"


def test_a_kazakh_request_not_to_adopt_a_ban_restricts_nothing():
    from analysis.pipeline import analyse_text
    for text in ("ЛГБТ насихатына тыйым салатын заң жобасын қабылдамаңыздар.",
                 "Дәстүрлі емес жыныстық бағдарды насихаттауға тыйым салатын түзетулерді "
                 "қабылдамаңыздар."):
        a = analyse_text(text + "\n", as_of="2025-01-01")
        assert not a.conflicts_iccpr, text


def test_not_through_censorship_negates_censorship():
    # «… цензура … арқылы емес, білім арқылы» ("not through censorship but through education")
    from analysis.nlp import annotate
    from analysis.text import document_from_text
    text = "Балаларды қорғау цензура мен қудалау арқылы емес, білім арқылы жүзеге асуы керек.\n"
    (clause,) = [c for c in annotate(document_from_text(text)).clauses if c.language]
    censor = [s for s in clause.spans if s.concept == "censor"]
    assert censor and all(s.negated for s in censor)
