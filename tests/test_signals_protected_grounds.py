"""Whom a prohibited harm is aimed at is protected, not targeted; disrespect for a religion is
not advocacy of religious hatred.

- A law punishing hatred, violence or discrimination *against* people on the grounds of their
  sexual orientation, religion or ethnicity protects them: no adverse distinction (ICCPR art.
  26), and the hatred it prohibits is the speech of art. 20(2).
- A law punishing insult of religious feelings or blasphemy restricts expression for its
  disrespect of a religion: "Prohibitions of displays of lack of respect for a religion or other
  belief system, including blasphemy laws, are incompatible with the Covenant, except in the
  specific circumstances envisaged in article 20, paragraph 2" (CCPR/C/GC/34 para 48); the
  believers it shields are not a group it targets.

The texts are written in the shape of criminal and administrative offences (Russian Criminal
Code art. 148(1) as amended in 2013 and Kazakh Criminal Code art. 174 are such offences); the
expected spans are marked inline: <p>…</p> a protected group word, <t>…</t> a targeted one.
"""
from __future__ import annotations

import re

import pytest

from analysis.nlp import annotate
from analysis.pipeline import analyse_text
from analysis.signals import clause_signals, shielded_groups
from analysis.text import document_from_text

AS_OF = "2025-01-01"
_MARK = re.compile(r"<(p|t)>(.*?)</\1>")


def _marked(marked: str) -> tuple[str, set[str], set[str]]:
    """The plain text and the words marked protected (<p>) and targeted (<t>)."""
    protected = {m.group(2) for m in _MARK.finditer(marked) if m.group(1) == "p"}
    targeted = {m.group(2) for m in _MARK.finditer(marked) if m.group(1) == "t"}
    return _MARK.sub(lambda m: m.group(2), marked), protected, targeted


def _groups(text: str):
    (clause,) = [c for c in annotate(document_from_text(text)).clauses if c.language]
    shielded = shielded_groups(clause)
    groups = [s for s in clause.spans if s.label == "group"]
    return clause, {s.text for s in groups if (s.start, s.end) in shielded}, \
        {s.text for s in groups if (s.start, s.end) not in shielded}


@pytest.mark.parametrize("marked", [
    "Incitement to hatred or violence against persons on the grounds of their "
    "<p>sexual orientation</p> or <p>gender identity</p> shall be punishable by a fine.",
    "Возбуждение ненависти либо вражды по признаку <p>сексуальной ориентации</p> наказывается "
    "штрафом.",
    "Розпалювання ворожнечі щодо <p>релігійних</p> меншин карається штрафом.",
])
def test_the_object_of_a_prohibited_harm_is_protected(marked):
    text, protected, _ = _marked(marked)
    clause, shielded, _ = _groups(text)
    assert shielded == protected
    assert "distinction" not in clause_signals(clause)
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr


@pytest.mark.parametrize("marked", [
    # two objects of one ban, joined by "and": the group is listed beside the harm, not its object
    "It is prohibited to disseminate propaganda of violence and <t>homosexuality</t> among minors.",
    "Запрещается пропаганда насилия и <t>гомосексуализма</t> среди несовершеннолетних.",
    # violence *by* a group is not violence against it
    "Propaganda of violence by <t>LGBT</t> activists shall be punishable by a fine.",
])
def test_a_group_listed_beside_a_harm_stays_targeted(marked):
    text, _, targeted = _marked(marked)
    clause, shielded, others = _groups(text)
    assert targeted <= others and not (targeted & shielded)
    assert "distinction" in clause_signals(clause)
    assert analyse_text(text + "\n", as_of=AS_OF).targets_group == "lgbt"


@pytest.mark.parametrize("marked", [
    "Публичные действия, выражающие явное неуважение к обществу и совершенные в целях "
    "оскорбления <p>религиозных</p> чувств верующих, наказываются штрафом в размере до трехсот "
    "тысяч рублей либо лишением свободы на срок до одного года.",
    "Any person who publicly insults the <p>religious</p> feelings of believers shall be liable "
    "to a fine or imprisonment of up to one year.",
    "Публічна образа <p>релігійних</p> почуттів <p>віруючих</p> карається штрафом.",
    "<p>Діни</p> сезімдерді қорлағаны үшін айыппұл салынады.",
], ids=["ru", "en", "uk", "kk"])
def test_insulting_religious_feelings_is_a_blasphemy_offence(marked):
    text, protected, _ = _marked(marked)
    clause, shielded, _ = _groups(text)
    assert protected <= shielded
    signals = clause_signals(clause)
    assert {"restricts_expression", "disrespect_of_belief"} <= signals
    assert "distinction" not in signals
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert 19 in analysis.conflicts_iccpr and 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "none"
    (finding,) = [f for f in analysis.findings if f.clause_id == clause.id
                  and f.test_id == "respect_for_religion"]
    assert finding.status == "conflict"
    (gc34,) = [a for a in finding.authorities if a.id == "ccpr-c-gc-34/para_48"]
    assert "CCPR/C/GC/34" in gc34.citation and "48" in gc34.citation
    assert "blasphemy laws, are incompatible with the Covenant" in finding.rationale["en"]


def test_incitement_of_religious_discord_and_insult_of_religious_feelings():
    """The shape of Kazakh Criminal Code art. 174: incitement of discord (closed-list speech,
    ICCPR art. 20(2)) beside insult of religious feelings (off the list, GC34 para 48) and
    propaganda of superiority on the grounds of religion or origin, which protects those
    grounds."""
    text = ("Умышленные действия, направленные на возбуждение социальной, национальной, "
            "религиозной розни, на оскорбление национальной чести и достоинства либо "
            "религиозных чувств граждан, а равно пропаганда исключительности, превосходства "
            "либо неполноценности граждан по признаку их отношения к религии, национальной или "
            "расовой принадлежности, если эти деяния совершены публично, наказываются "
            "лишением свободы на срок от двух до семи лет.")
    clause, shielded, others = _groups(text)
    assert not others, f"groups read as targeted: {others}"
    signals = clause_signals(clause)
    assert "disrespect_of_belief" in signals and "closed_list_speech" not in signals
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible"
    assert 19 in analysis.conflicts_iccpr and 26 not in analysis.conflicts_iccpr
    assert analysis.targets_group == "none"


def test_religious_hatred_alone_stays_on_the_closed_list():
    """Advocacy of religious hatred that incites is what art. 20(2) requires States to prohibit:
    no blasphemy signal, and the ban is not a conflict with art. 19 by its aim."""
    text = ("Any advocacy of national, racial or religious hatred that constitutes incitement "
            "to discrimination, hostility or violence shall be prohibited by law.")
    clause, _, others = _groups(text)
    signals = clause_signals(clause)
    assert "disrespect_of_belief" not in signals
    assert not others
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.targets_group == "none"
    assert not any(f.test_id == "respect_for_religion" and f.status == "conflict"
                   for f in analysis.findings)


def test_the_national_fund_is_not_an_insult():
    """The Kazakh insult pattern is the stem «қорл» (қорлау, to insult), not «қор» (a fund)."""
    doc = annotate(document_from_text("Ұлттық қордың қаражаты бюджетке аударылады."))
    assert not [s for c in doc.clauses for s in c.spans if s.concept == "insult"]


@pytest.mark.parametrize("marked", [
    "A non-commercial organization that receives money and other property from foreign states, "
    "international and foreign organizations, foreign citizens and <p>stateless persons</p>, and "
    "carries out political activities, shall be included in the register of foreign "
    "representatives.",
    "Некоммерческая организация, получающая денежные средства и иное имущество от иностранных "
    "государств, иностранных граждан и <p>лиц без гражданства</p>, признается иностранным агентом.",
])
def test_the_givers_of_funds_are_not_the_persons_treated(marked):
    """A foreign-agent law's measure rests on where the money comes from: the foreign citizens and
    stateless persons who give it are not a status the law distinguishes (ICCPR art. 26); the
    organisations it labels are tested under arts. 19 and 22."""
    text, protected, _ = _marked(marked)
    clause, shielded, _ = _groups(text)
    assert protected <= shielded
    signals = clause_signals(clause)
    assert "distinction" not in signals
    assert {"designation", "reaches_association", "restricts_expression"} <= signals
    assert 26 not in analyse_text(text + "\n", as_of=AS_OF).conflicts_iccpr


def test_protecting_children_from_a_group_is_no_source_of_funds():
    text, _, targeted = _marked("Protect children from <t>LGBT</t> propaganda in the media.")
    clause, shielded, others = _groups(text)
    assert targeted <= others and not shielded


# An independent review found these shapes misread by the first version of the rules above
# (our sentences, in the shapes of bans, hate-speech and anti-discrimination clauses).

@pytest.mark.parametrize("text", [
    "Propaganda of violence against children by homosexuals is punishable by a fine.",
    "Запрещается пропаганда насилия по отношению к детям со стороны ЛГБТ-сообщества.",
    "It is prohibited to disseminate information that promotes violence towards children, such "
    "as materials depicting homosexuality.",
    "Materials inciting hatred against believers, propaganda of homosexuality and paedophilia "
    "shall be banned.",
    "Homosexual harassment of minors is punishable by imprisonment.",
    "Organizations receiving funds from foreign sources and promoting homosexuality shall be "
    "banned.",
])
def test_a_harm_or_funding_word_nearby_does_not_shield_a_targeted_group(text):
    """The link to a harm is a preposition right before the group ("violence against
    persons"); a noun between ("against children by homosexuals"), a ground-less adjective
    ("homosexual harassment"), or a second object after the givers of funds breaks it."""
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible", text
    assert 26 in analysis.conflicts_iccpr
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "Advocacy of religious hatred that constitutes incitement to discrimination, hostility or "
    "violence, including insulting the religious feelings of believers with intent to incite "
    "violence against them, is punishable by imprisonment.",
    "Публичные призывы к насилию в отношении верующих, сопряженные с оскорблением их "
    "религиозных чувств, наказываются лишением свободы.",
])
def test_insult_as_part_of_incitement_is_not_a_blasphemy_offence(text):
    """GC34 para 48 excepts "the specific circumstances envisaged in article 20, paragraph 2"."""
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert not [f for f in analysis.findings if f.test_id == "respect_for_religion"
                and f.status == "conflict"]
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [
    "Public insult of a person on grounds of race, nationality or religion is punishable by a "
    "fine.",
    "Harassment, including insulting conduct related to a person's religion or belief, in the "
    "workplace is prohibited.",
    "Insulting the sacred symbols of the State, the flag and the anthem, is punishable by a fine.",
    "Public insult of a public official, unless made in good faith, is punishable by a fine.",
])
def test_insults_that_are_not_about_a_religion_as_such(text):
    """A person's religion as a ground of protection, state symbols, "good faith": not
    blasphemy, and no religious group targeted."""
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert not [f for f in analysis.findings if f.test_id == "respect_for_religion"
                and f.status == "conflict"], text
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [
    "We call on Parliament to repeal the ban on so-called LGBT propaganda.",
    "Требуем отменить запрет на так называемую пропаганду ЛГБТ.",
    "Закликаємо скасувати заборону ЛГБТ-маршів.",
], ids=["en", "ru", "uk"])
def test_a_demand_to_repeal_a_ban_restricts_nothing(text):
    """Repealing a ban opposes the ban; it is not a call to restrict its object."""
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "compatible"
    assert not analysis.conflicts_iccpr
    assert analysis.targets_group == "none"


@pytest.mark.parametrize("text", [
    "Hate speech against LGBT people is punishable by a fine.",
    "The persecution of LGBT people must be punished.",
    "Травля ЛГБТ-подростков в школах наказывается штрафом.",
    "Умисні дії, спрямовані на розпалювання національної, расової чи релігійної ворожнечі, "
    "караються штрафом.",
], ids=["hate-speech", "persecution-of", "genitive", "uk-chy"])
def test_more_shapes_of_protecting_the_people_harmed(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.targets_group == "none"
    assert 26 not in analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [
    "We demand criminal liability for violence against children and for LGBT propaganda.",
    "Запрещаются пропаганда ЛГБТ и дискриминация христиан.",
], ids=["and-for", "coordinated-across-a-harm"])
def test_a_conjunction_does_not_carry_protection_to_a_targeted_group(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.targets_group == "lgbt"
    assert 26 in analysis.conflicts_iccpr


# Third review round (our sentences): an undoing word opposes only its direct object; the
# doer of a harm in the instrumental case is not its object; a grounds list is all grounds.

@pytest.mark.parametrize("text", [
    "We demand to put an end to gay propaganda and ban it by law.",
    "Требуем отменить гей-парады и запретить пропаганду ЛГБТ.",
    "We call on Parliament to lift the moratorium on the ban of LGBT propaganda.",
    "We demand that Parliament repeal the Equality Act and prohibit the promotion of "
    "homosexuality to minors.",
    "We demand to abolish LGBT propaganda in schools.",
    "Требуем отменить регистрацию ЛГБТ-организаций.",
    "Требуем прекратить травлю ЛГБТ-активистами верующих и запретить их деятельность.",
])
def test_undoing_words_and_doers_do_not_clear_a_restriction(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible", text
    assert 26 in analysis.conflicts_iccpr
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "We demand to abolish the LGBT propaganda ban.",
    "Discrimination on grounds of sex, religion, political opinion, age or sexual orientation "
    "is prohibited.",
    "Запрещается дискриминация по признаку пола, расы, языка, религиозных убеждений, возраста, "
    "сексуальной ориентации.",
])
def test_opposing_a_ban_and_listing_grounds_restrict_no_one(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "compatible", text
    assert analysis.targets_group == "none"


# Fourth review round (our sentences): a grounds list ends at the first word that is no
# ground; an undoing word keeps its object across adjectives and the law that holds the ban.

@pytest.mark.parametrize("text", [
    "Discrimination on grounds of religion and propaganda of homosexuality are prohibited.",
    "Дискриминация по признаку религии, а также пропаганда ЛГБТ запрещены.",
    "It is prohibited to discriminate on grounds of religion and to distribute LGBT propaganda.",
])
def test_a_second_banned_object_after_a_grounds_list_is_banned(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "incompatible", text
    assert analysis.targets_group == "lgbt"


@pytest.mark.parametrize("text", [
    "We demand to repeal the discriminatory 2013 ban on LGBT propaganda.",
    "Требуем отменить так называемый закон о запрете пропаганды ЛГБТ.",
    "Требуем упразднить запрет пропаганды ЛГБТ.",
    "Скасувати дискримінаційну заборону пропаганди ЛГБТ.",
])
def test_repealing_a_qualified_ban_restricts_nothing(text):
    analysis = analyse_text(text + "\n", as_of=AS_OF)
    assert analysis.verdict == "compatible", text
    assert not analysis.conflicts_iccpr


@pytest.mark.parametrize("text", [  # our sentences, in the words of such demands and laws
    "Ban conversion therapy for LGBT people and make it a criminal offence.",
    "Ввести уголовную ответственность за побои в отношении женщин.",
])
def test_punishing_an_act_done_to_a_group_protects_it(text):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert a.targets_group == "none" and 26 not in a.conflicts_iccpr


@pytest.mark.parametrize("text, group", [
    # a classification of information as harmful to minors is the restriction itself
    ("Public information which has a detrimental effect on minors shall include information "
     "which promotes homosexuality.", "lgbt"),
    ("К информации, причиняющей вред здоровью и (или) развитию детей, относится информация, "
     "пропагандирующая нетрадиционные сексуальные отношения.", "lgbt"),
])
def test_classifying_a_groups_speech_as_harmful_to_minors_restricts_it(text, group):
    a = analyse_text(text + "\n", as_of=AS_OF)
    assert {19, 26} <= set(a.conflicts_iccpr) and a.targets_group == group


def test_harm_to_childrens_health_is_a_defined_category_not_a_vague_term():
    a = analyse_text("К информации, причиняющей вред здоровью детей, относится информация, "
                     "побуждающая детей к совершению действий, угрожающих их жизни.\n",
                     as_of=AS_OF)
    assert not a.conflicts_iccpr and "причиняющей вред" not in a.vague_terms
