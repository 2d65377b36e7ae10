"""Kazakh words that misled the reading (our sentences): «тарату» is to distribute (materials)
as well as to dissolve (an organisation); «шетелдік» alone is "foreign", not a person's status;
ө with і and none of ә ғ қ ң ұ һ is still Kazakh."""
from __future__ import annotations

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
