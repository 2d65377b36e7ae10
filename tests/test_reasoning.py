"""Reasoning over hand-marked real clauses with the real knowledge base.

The clause texts are real: the 2024 petition's demands as UN experts and HRW quoted them, Russia's
KoAP art. 6.21, the 2025 Kazakh law as Parliament described it, the foreign-agents definition,
the UK Equality Act s. 13, the UK 20mph petition, the Alekseev and Macatė facts, ICCPR art. 20,
135-FZ's sanction for foreign nationals (Interfax's translation, data/cases/ru-2013-135fz.md),
and the Human Rights Committee's own sentence on blasphemy laws (CCPR/C/GC/34 para 48).
"""
from __future__ import annotations

import re
from datetime import date

import pytest

from analysis.models import Clause
from analysis.reasoning import (
    DOCUMENT, conflicts_iccpr, derive_verdict, kb_provisions, reason, worst_by_provision,
)
from analysis.signals import clause_signals, conditions_hold
from test_signals import (
    ARREST, EQUALITY_ACT, FOREIGN_AGENT, KOAP_621, KZ_2025_BAN, NOT_PROHIBITED, PETITION_DEMAND,
    SPEED_LIMIT,
)
from test_signals_kit import make_clause

HRW_DEMAND = make_clause(
    'A petition seen by Human Rights Watch calls on Kazakh authorities to introduce a law that '
    'would ban what it calls "overt and covert LGBT propaganda in Kazakhstan" and penalize such '
    'material in the name of "child protection."',
    [("ban", "measure", "ban"), ("propaganda", "expression", "propaganda"),
     ("LGBT", "group", "lgbt"), ("penalize", "penalty", "penalty"),
     ("material", "expression", "materials"), ("child protection", "aim", "children")],
    cid="p_2", kind="demand")
PETITION_TITLE = make_clause(
    "Мы против открытой и скрытой пропаганды ЛГБТ в Республике Казахстан!",
    [("пропаганды", "expression", "propaganda"), ("ЛГБТ", "group", "lgbt"),
     ("открытой и скрытой", "vague", "hidden")], cid="title", kind="demand", lang="ru")
PRIDE_REFUSAL = make_clause(
    "the refusal to permit the holding of a gay pride parade in the centre of Simferopol from "
    "11 a.m. to 1 p.m. on 21 April 2014 was an interference with the author's right of assembly",
    [("refusal to permit", "measure", "ban"), ("gay", "group", "lgbt"),
     ("pride parade", "expression", "events")], cid="p_3", kind="description")
BOOK_LABEL = make_clause(
    "Temporary suspension of children's fairy tale book depicting same-sex relationships and its "
    "subsequent labelling as harmful to children under the age of 14",
    [("suspension", "measure", "remove"), ("book", "channel", "books"),
     ("same-sex relationships", "group", "lgbt"), ("labelling", "measure", "label"),
     ("harmful", "vague", "harmful")], cid="p_4", kind="description")
FAMILY_AIM = make_clause(
    "the council also ruled that the government can enact laws that restrict citizens' rights "
    "to access and distribute information as part of its responsibility to 'defend marriage and "
    "family, motherhood, fatherhood and childhood.'",
    [("restrict", "measure", "restrict"), ("information", "expression", "information"),
     ("defend marriage and family", "aim", "family_values")], cid="p_6", kind="description")
FOREIGN_NATIONAL = make_clause(  # ru-2013 135-FZ as Interfax translated it (data/cases)
    "If the same actions have been carried out by a foreign national or a person without "
    "citizenship the fine will amount to between 4,000 and 5,000 rubles and the offender will be "
    "ousted from Russia",
    [("foreign national", "group", "other"), ("person without citizenship", "group", "other"),
     ("fine", "penalty", "fine"), ("ousted from", "penalty", "deportation")], cid="p_7")
WAR_PROPAGANDA = make_clause(
    "1. Any propaganda for war shall be prohibited by law.",
    [("propaganda", "expression", "propaganda"), ("prohibited", "measure", "ban")], cid="p_5")

BLASPHEMY_BANS = make_clause(  # CCPR/C/GC/34 para 48 (data/sources/intl/02_HRC_GC34_Article19.txt)
    "Prohibitions of displays of lack of respect for a religion or other belief system, including "
    "blasphemy laws, are incompatible with the Covenant, except in the specific circumstances "
    "envisaged in article 20, paragraph 2, of the Covenant.",
    [("Prohibitions", "measure", "ban"), ("lack of respect", "expression", "insult"),
     ("religion", "group", "religious"), ("blasphemy", "expression", "insult")],
    cid="p_8", kind="description")

# Three sentences of our own (no law on religion or adoption is among the bundled sources),
# written in the words such laws use, so that ICCPR art. 18(3) and art. 17's family test have
# clauses that raise them:
ADOPTION_BAN = make_clause(
    "Adoption of children by persons of non-traditional sexual orientation is prohibited.",
    [("non-traditional sexual orientation", "group", "lgbt"), ("prohibited", "measure", "ban"),
     ("non-traditional", "vague", "non_traditional")], cid="p_11")
MISSIONARY_BAN = make_clause(
    "Missionary activity without registration is prohibited.",
    [("registration", "measure", "refuse_registration"), ("prohibited", "measure", "ban")],
    cid="p_9")
RELIGION_SECURITY = make_clause(
    "Religious activity may be restricted in the interests of national security.",
    [("Religious", "group", "religious"), ("restricted", "measure", "restrict"),
     ("national security", "aim", "security")], cid="p_10")
# our own sentence in the words of lese-majesty laws (GC34 para 38 is concerned with them)
PRESIDENT_INSULT = make_clause(
    "Public insulting of the President is punishable by a fine.",
    [("insulting", "expression", "insult"), ("fine", "penalty", "fine")], cid="p_12")
# and in the words of memory laws (GC34 para 49)
HISTORY_DENIAL = make_clause(
    "Public denial of the genocide is punishable by imprisonment.",
    [("imprisonment", "penalty", "imprisonment")], cid="p_13")
# and in the words of penal defamation laws (GC34 para 47: never imprisonment)
PRISON_DEFAMATION = make_clause(
    "Defamation is punishable by imprisonment for up to two years.",
    [("Defamation", "expression", "insult"), ("imprisonment", "penalty", "imprisonment")],
    cid="p_14")
# and a measure that watches communications (art. 17, Toonen para 8.3)
INTERCEPTION = make_clause(
    "Operators shall enable the interception of all correspondence of their users.",
    [("interception", "measure", "surveil")], cid="p_15")

POOL: tuple[Clause, ...] = (
    PETITION_DEMAND, HRW_DEMAND, PETITION_TITLE, KOAP_621, KZ_2025_BAN, ARREST, FOREIGN_AGENT,
    EQUALITY_ACT, SPEED_LIMIT, PRIDE_REFUSAL, BOOK_LABEL, FAMILY_AIM, WAR_PROPAGANDA, NOT_PROHIBITED,
    FOREIGN_NATIONAL, BLASPHEMY_BANS, MISSIONARY_BAN, RELIGION_SECURITY,
    ADOPTION_BAN, PRESIDENT_INSULT, HISTORY_DENIAL, PRISON_DEFAMATION, INTERCEPTION,
)

UNIQUE = tuple(c.model_copy(update={"id": f"item_{i + 1}"}) for i, c in enumerate(POOL))
"""The pool as one document: distinct ids, as the annotator gives them."""

PETITION_META = {"kind": "petition", "jurisdiction": "KZ", "completeness": "quoted-fragments"}


@pytest.fixture(scope="module")
def kb():
    from analysis.framework import load_kb

    return load_kb()


def _table_signals(clause: Clause) -> frozenset[str]:
    # as if each clause were a petition's subject: admissibility is asked of the whole text
    return clause_signals(clause) | {"is_petition"}


def _all_tests(kb):
    return [(p, t) for p in kb_provisions(kb) for t in p.tests]


def test_every_test_has_a_real_clause_that_raises_it_and_one_that_does_not(kb):
    missing = []
    for provision, test in _all_tests(kb):
        raised = [c.id for c in POOL if conditions_hold(test.conditions, _table_signals(c))]
        quiet = [c.id for c in POOL if not conditions_hold(test.conditions, _table_signals(c))]
        if not raised or not quiet:
            missing.append((f"{provision.id}#{test.id}", raised, quiet))
    assert not missing, missing
    assert len(_all_tests(kb)) >= 15


def test_the_2024_petition_conflicts_with_iccpr_19_26_and_constitution_14_20(kb):
    r = reason([PETITION_TITLE, PETITION_DEMAND, HRW_DEMAND], kb, as_of=date(2024, 5, 29),
               metadata=PETITION_META)
    worst = worst_by_provision(r.findings)
    assert worst["iccpr/art_19__para_3"] == "conflict"
    assert worst["iccpr/art_26"] == "conflict"
    assert worst["kz-const-1995/art_14"] == "conflict"
    assert "conflict" in {s for p, s in worst.items() if p.startswith("kz-const-1995/art_20")}
    assert {19, 26} <= set(conflicts_iccpr(worst))
    assert derive_verdict(worst, r.findings) == "incompatible"
    adm = r.admissibility
    assert adm.applicable and adm.answer == "inadmissible"
    assert adm.verification == "secondary-quote"
    assert "should not have been" in adm.grounds["en"]
    assert adm.findings
    # the 2015 Constitutional Council resolution on a similar ban is on the record
    assert any(f.provision_id.startswith("kz-cc-2015") and f.status == "conflict"
               for f in r.findings)
    # thin evidence (quoted fragments) lowers confidence
    full = reason([PETITION_DEMAND], kb, as_of=date(2024, 5, 29),
                  metadata={**PETITION_META, "completeness": "full"})
    fid = "p_1/iccpr/art_26#non_discrimination"
    thin_conf = {f.id: f.confidence for f in r.findings}[fid]
    full_conf = {f.id: f.confidence for f in full.findings}[fid]
    assert thin_conf < full_conf


def test_after_july_2026_the_constitution_needs_review_not_the_1995_text(kb):
    r = reason([PETITION_DEMAND], kb, as_of=date(2026, 8, 1), metadata=PETITION_META)
    const = [f for f in r.findings if f.provision_id.startswith("kz-const-1995/")]
    assert const and all(f.status == "needs_review" for f in const)
    assert all("not in the knowledge base" in f.rationale["en"] for f in const)
    worst = worst_by_provision(r.findings)
    assert worst["iccpr/art_26"] == "conflict"  # the Covenant is unaffected
    assert any("missing" in w for w in r.warnings)


def test_equality_act_clause_is_protective_and_compatible(kb):
    r = reason([EQUALITY_ACT], kb, as_of=date(2010, 6, 30),
               metadata={"jurisdiction": "United Kingdom", "completeness": "full"})
    worst = worst_by_provision(r.findings)
    assert "conflict" not in worst.values() and "concern" not in worst.values()
    assert worst["iccpr/art_26"] == "compatible"
    assert derive_verdict(worst, r.findings) == "compatible"
    assert r.admissibility.answer == "not_applicable"
    doc26 = next(f for f in r.findings if f.id == "document/iccpr/art_26#non_discrimination")
    assert "checked" in doc26.rationale["en"]


def test_speed_limit_petition_restricts_no_right(kb):
    r = reason([SPEED_LIMIT], kb, as_of=date(2023, 6, 30),
               metadata={"jurisdiction": "United Kingdom (England)", "kind": "petition",
                         "completeness": "full"})
    worst = worst_by_provision(r.findings)
    assert set(worst.values()) <= {"not_engaged", "compatible"}
    assert derive_verdict(worst, r.findings) == "compatible"
    assert conflicts_iccpr(worst) == ()
    # Kazakh law is not applied to a UK petition, and says so
    assert r.admissibility.answer == "not_applicable"
    assert any(f.provision_id.startswith("kz-const") and "not applied" in f.rationale["en"]
               for f in r.findings)


def test_foreign_agents_definition_conflicts_with_17_19_22(kb):
    r = reason([FOREIGN_AGENT], kb, as_of=date(2022, 6, 30),
               metadata={"jurisdiction": "Russian Federation", "completeness": "excerpt"})
    assert {17, 19, 22} <= set(conflicts_iccpr(worst_by_provision(r.findings)))


def test_kz_2025_ban_conflicts_with_19_and_26_but_not_21_22(kb):
    r = reason([KZ_2025_BAN, ARREST.model_copy(update={"id": "p_2"})], kb, as_of=date(2025, 6, 30),
               metadata={"jurisdiction": "Kazakhstan", "completeness": "quoted-fragments"})
    arts = set(conflicts_iccpr(worst_by_provision(r.findings)))
    assert {19, 26} <= arts and not arts & {21, 22}


def test_thin_text_with_nothing_raised_is_not_a_confident_compatible(kb):
    fragment = make_clause("In February 2015, the draft law passed the Senate.", [],
                           kind="description")
    r = reason([fragment], kb, as_of=date(2015, 6, 30),
               metadata={"completeness": "quoted-fragments", "jurisdiction": "Kazakhstan"})
    worst = worst_by_provision(r.findings)
    assert derive_verdict(worst, r.findings) == "needs_review"


def test_a_thin_demand_that_restricts_nothing_is_compatible_at_low_confidence(kb):
    # a paraphrased petition whose request touches no right: the verdict is on what we have,
    # not a confident one ("never a confident verdict from nothing")
    demand = make_clause("The petition asks the council to repair the road to the village "
                         "school before winter.", [], kind="demand")
    r = reason([demand], kb, as_of=date(2023, 6, 30),
               metadata={"completeness": "paraphrase", "jurisdiction": "Kazakhstan"})
    worst = worst_by_provision(r.findings)
    assert derive_verdict(worst, r.findings) == "compatible"
    doc = [f for f in r.findings if f.clause_id == DOCUMENT and f.status == "compatible"]
    assert doc and max(f.confidence for f in doc) <= 0.5
    assert all("check the full text" in f.rationale["en"] for f in doc)


def _quotes(text: str) -> list[str]:
    out = []
    for q in re.findall(r"«(.+?)»", text, flags=re.S):
        out.extend(part.strip() for part in q.split("» … «"))
    return out


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_every_rationale_quotes_its_clause_and_every_authority_resolves(kb):
    clauses = list(UNIQUE)
    r = reason(clauses, kb, as_of=date(2024, 5, 29), metadata=PETITION_META)
    texts = {c.id: _norm(c.text) for c in clauses}
    every = " ".join(texts.values())
    checked = 0
    for f in r.findings:
        assert set(f.rationale) == {"en", "ru"}
        for lang, text in f.rationale.items():
            quotes = _quotes(text)
            # the template's own quoted authority words are also in «»: at least one quote
            # must be the clause's own words
            target = every if f.clause_id == DOCUMENT else texts[f.clause_id]
            assert any(_norm(q) in target for q in quotes if q), (f.id, lang, text)
            checked += 1
        for ref in f.authorities:
            authority = kb.authority(ref.id)
            if authority.paragraph:
                assert f"para {authority.paragraph}" in ref.citation
            assert ref.verification == authority.verification
        for span in f.evidence:
            if f.clause_id != DOCUMENT:
                c = next(c for c in clauses if c.id == f.clause_id)
                assert c.text[span.start - c.start:span.end - c.start] == span.text
    assert checked > 100


def test_finding_ids_are_stable_and_reasoning_is_deterministic(kb):
    a = reason(list(UNIQUE), kb, as_of=date(2024, 5, 29), metadata=PETITION_META)
    b = reason(list(UNIQUE), kb, as_of=date(2024, 5, 29), metadata=PETITION_META)
    assert a.findings == b.findings
    ids = [f.id for f in a.findings]
    assert len(ids) == len(set(ids))
    assert "item_1/iccpr/art_19__para_3#legality" in ids


def test_another_status_is_reasoned_on_its_own_terms(kb):
    # 135-FZ's sanction for foreign nationals: art. 26 is raised by the general test (GC18
    # paras 12-13), not by the sexual-orientation test and its 'propaganda of homosexuality' words
    findings = reason([FOREIGN_NATIONAL], kb, as_of=date(2014, 1, 1)).findings
    by_id = {f.id: f for f in findings}
    other = by_id["p_7/iccpr/art_26#non_discrimination_other_status"]
    sogi = by_id["p_7/iccpr/art_26#non_discrimination"]
    assert other.status == "conflict" and sogi.status in ("not_engaged", "compatible")
    assert "homosexuality" not in other.rationale["en"]
    assert '"foreign national"' in other.rationale["en"]
    assert {a.id for a in other.authorities} == {"ccpr-gc-18/para_12", "ccpr-gc-18/para_13"}
