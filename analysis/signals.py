"""Clause signals: the legally relevant facts about one clause, as names tests can be written over.

Test conditions in ``data/framework/*.yaml`` are written over these names only (see
docs/CONTRACTS.md, "Clause signals"): ``{"all": [...], "any": [...], "none": [...]}``.
Signals are computed from ``Clause.kind`` and the annotated spans' ``label``/``concept``/
``negated``, so they work the same in every language; a few scope words that are not spans
(«полностью», "open and hidden") are matched on the clause text with the small word lists below.

Each signal can also name the words it rests on (:func:`signal_evidence`), so that a finding
quotes the clause's own words.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .models import Clause, Span

# --------------------------------------------------------------------------- vocabulary

AIM_SIGNALS: dict[str, str] = {
    "children": "aim_children",
    "morals": "aim_morals",
    "traditional_values": "aim_traditional_values",
    "family_values": "aim_family_values",
    "health": "aim_health",
    "security": "aim_security",
    "public_order": "aim_public_order",
    "rights_of_others": "aim_rights_of_others",
    "demography": "aim_demography",
    "safety": "aim_public_order",  # public safety: listed in ICCPR 21/22, read with public order
}

LISTED_AIMS = frozenset({"morals", "health", "security", "public_order", "rights_of_others",
                         "safety"})
"""ICCPR 19(3): respect of the rights or reputations of others; national security, public order,
public health or morals (CCPR/C/GC/34 paras 28-32). Children, traditional or family values and
demography are not on the list as such."""

SIGNALS: tuple[str, ...] = (
    "demand", "norm", "description",
    "measure", "penalty", "custodial_penalty", "criminal_penalty",
    "expression_object", "channel", "multiple_channels", "restricts_expression",
    "prior_restraint", "licensing", "designation", "blanket_scope", "total_ban",
    "targets_sogi", "targets_other_group", "distinction", "vague_term",
    *sorted(set(AIM_SIGNALS.values())), "aim_stated", "aim_listed",
    "reaches_assembly", "reaches_association", "reaches_privacy", "reaches_children",
    "reaches_religion", "reaches_family", "protective", "closed_list_speech", "unlisted_propaganda", "legal_ref",
    "disrespect_of_belief", "shields_the_state", "historical_opinion", "custodial_defamation",
    "surveillance", "restricts_assembly", "restricts_association",
    # document-level
    "is_petition", "thin_evidence",
)
"""Every name a condition may use (``total_ban`` added here: an explicitly unlimited ban)."""

COMMUNICATION_CHANNELS = frozenset({
    "media", "internet", "books", "film", "television", "social_networks", "smartphones",
    "advertising", "bookshops", "culture",
})
"""Channels of communication. ``school`` and ``public_places`` are places: a speed limit near a
school restricts no one's expression, so they count for scope but not for restricting speech."""

PRIOR_RESTRAINT = frozenset({"block", "censor", "require_approval", "remove"})
LICENSING = frozenset({"require_registration"})
"""Words that make an activity lawful only with the State's registration or permission ("without
registration", «незарегистрированных», «тіркеусіз»). Beside a ban or a penalty they make the
exercise of a freedom (worship, association, assembly) depend on prior permission: a defect on
the text's face for arts. 18(3), 21 and 22, as the onus to justify any restriction lies on the
authorities (CCPR/C/GC/37 para 36; GC22 para 8). Not censorship of speech (Constitution art.
20(1)): registering a community is not reviewing what it says."""
CUSTODIAL = frozenset({"arrest", "imprisonment", "death_penalty"})
CRIMINAL = frozenset({"criminal_liability", "imprisonment", "death_penalty"})
ASSEMBLY_OBJECTS = frozenset({"events", "assembly", "demonstration"})
GATHERINGS = frozenset({"assembly"})
"""Rallies, marches, pickets, parades: restricted as such they engage the freedom of peaceful
assembly (ICCPR art. 21), the specific right; not by themselves a restriction of speech under
art. 19 (Alekseev v. Russian Federation, CCPR/C/130/D/2727/2016, para 8: violations of arts. 21
and 26; Alekseev et al., CCPR/C/134/D/2943/2017, para 9.16: art. 19 not considered separately). Cultural events (concerts, festivals) are speech and gatherings both. A
"demonstration" beside rallies or marches is a protest, not a display."""
ASSOCIATION_MEASURES = frozenset({"refuse_registration"})
ASSOCIATION_PENALTIES = frozenset({"liquidation"})
ASSOCIATION_GROUPS = frozenset({"ngo", "foreign_agent", "religious_body"})
"""Organisations as such, and the statuses the law gives them. A law's treatment of religious
organisations as a class (registration, liquidation, a ban on the activity of unregistered
ones) is tested under freedom of association and of religion (ICCPR arts. 22 and 18(3);
GC22 para 8), not as a distinction between persons."""

_STATE_SPEECH = (r"(?:insult\w*|disrespect\w*|defam\w*|slander\w*|libel\w*|contempt|disaffection"
                 r"|criticis\w*|criticiz\w*|discredit\w*|desecrat\w*|оскорбл\w*|неуважени\w*"
                 r"|клевет\w*|дискредит\w*|надругательств\w*|поругани\w*|критик\w*"
                 r"|образ(?:а|и|у|ою|ити|ив\w*|лив\w*)\b"
                 r"|ображ\w*|неповаг\w*|наклеп\w*|наруг\w*|дискредитац\w*|қорла\w*|жала жаб\w*"
                 r"|hatred|hostility|ненавист\w*|вражд\w*|ворожнеч\w*)")
_STATE_TARGET = (r"(?:(?:the )?president\w*|head of (?:the )?state|(?:the )?government|(?:the )?authorities"
                 r"|state (?:bodies|organs|institutions|symbols|flag|emblem)|the state\b(?! of)|(?:the )?army"
                 r"|(?:the )?police|law enforcement|полиц\w*|поліці\w*|правоохранительн\w* орган\w*"
                 r"|armed forces|(?:public )?officials?|(?:the )?(?:national )?(?:flag|emblem|anthem)"
                 r"|(?:the )?monarch|(?:the )?king"
                 r"|президент\w*|глав\w* государств\w*|правительств\w*|орган\w* (?:государственной )?власти"
                 r"|власт(?:и|ям|ей)\b|государственн\w* (?:орган|символ|флаг|герб|гимн)\w*"
                 r"|(?<!иностранного )(?<!другого )государств[уао]\b"
                 r"|вооруж\w* сил\w*|арми\w*|должностн\w* лиц\w*|представител\w* власти"
                 r"|уряд\w*|орган\w* (?:державної )?влади|державн\w* (?:символ|прапор|герб|гімн)\w*"
                 r"|збройн\w* сил\w*|мемлекеттік рәміздер\w*|мемлекет басшы\w*)")
_STATE_SPEECH_STEMS = ("insult", "disrespect", "defam", "slander", "libel", "contempt", "disaffection",
                       "critici", "discredit", "desecrat", "оскорбл", "неуважени", "клевет",
                       "дискредит", "надругательств", "поругани", "критик", "образ", "ображ",
                       "неповаг", "наклеп", "наруг", "қорла", "жала жаб", "hatred", "hostility",
                       "ненавист", "вражд", "ворожнеч")
"""Stems one of which every match of :data:`STATE_SPEECH_RE` contains: a cheap pre-check."""
_HISTORY_STEMS = ("den", "justif", "condon", "trivial", "downplay", "отрицани", "оправдани",
                  "реабилитаци", "заперечен", "виправдан", "теріске")
STATE_SPEECH_RE = re.compile(
    rf"\b{_STATE_SPEECH}(?:[^\w.;!?]+[\w'-]+){{0,6}}?[^\w.;!?]+{_STATE_TARGET}"
    # Kazakh puts the object first: «Президентін көпшілік алдында қорлау»
    rf"|\b{_STATE_TARGET}(?:[^\w.;!?]+[\w'-]+){{0,2}}?[^\w.;!?]+(?:қорла\w*|жала жаб\w*)",
    re.IGNORECASE | re.UNICODE)
"""Insult, disrespect, defamation or criticism aimed at the State, its head, institutions,
officials or symbols ("insulting the President", «неуважение к … органам власти», «дискредитация
Вооруженных Сил», «Президентті қорлау»): the Covenant gives such expression particular value,
and "States parties should not prohibit criticism of institutions" (CCPR/C/GC/34 paras 38, 42).
Hatred "against the Government" is this, not the hatred of art. 20(2)."""

DEFAMATION_RE = re.compile(
    r"\b(?:defam\w*|libel\w*|slander\w*|diffam\w*|клевет\w*|наклеп\w*|жала жаб\w*|жала жап\w*)",
    re.IGNORECASE | re.UNICODE)
"""Defamation of a person («клевета», «наклеп», «жала жабу», "libel"). With a custodial
penalty it is a defect on the text's face: "imprisonment is never an appropriate penalty"
for it (CCPR/C/GC/34 para 47)."""
_DEFAMATION_STEMS = ("defam", "libel", "slander", "diffam", "клевет", "наклеп", "жала ж")

_MEMBERS_BEFORE_RE = re.compile(r"(?:член\w*|members? of|мүше\w*|учасник\w*)\s+$",
                                re.IGNORECASE | re.UNICODE)
"""Members of a religious body are persons singled out by their religion («членам религиозных
объединений запрещается работать в школах»), unlike the body itself."""
_GENERIC_RELIGION_RE = re.compile(
    r"(?:religio\w*|belief|faith|религи\w*|вероисповедани\w*|релігі\w*|віросповідан\w*"
    r"|дін|діни|дінге|дінн\w*|дінді|дінтану\w*|конфесси\w*|конфесі\w*|confessions?|denominations?)$",
    re.IGNORECASE | re.UNICODE)
"""Religion in general ("religious schools", «обучение религии», «діни»): a rule about it reaches
every faith alike (art. 18(3)); a faith named, its believers or "sects" single out persons."""
HISTORY_RE = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|justif\w*|condon\w*|trivialis\w*|trivializ\w*|downplay\w*"
    r"|отрицани\w*|оправдани\w*|реабилитаци\w*|заперечен\w*|виправдан\w*|теріске шығар\w*)"
    r"(?:[^\w.;!?]+[\w'-]+){0,8}?[^\w.;!?]+"
    r"(?:genocide|holocaust|crimes against humanity|war crimes|historical facts?|national socialism"
    r"|nazism|(?:totalitarian|nazi|communist|fascist|soviet) regimes?|истори\w* факт\w*"
    r"|факт\w*,? установленн\w*|геноцид\w*|холокост\w*|нацизм\w*|(?:тоталитарн|нацистск"
    r"|коммунистическ|фашистск)\w* режим\w*|злочинн\w* характер\w*|голодомор\w*"
    r"|(?:тоталітарн|нацистськ|комуністичн)\w* режим\w*|історичн\w* факт\w*|тарихи факті\w*)",
    re.IGNORECASE | re.UNICODE)
"""Opinions about the past that a law penalises: denial, justification, approval of historical
facts, regimes or crimes ("public denial of the criminal nature of the communist regime",
«отрицание фактов, установленных приговором Международного военного трибунала»):
CCPR/C/GC/34 para 49."""
_RELIGIOUS_PERSONS_RE = re.compile(
    r"\s+(?:leaders?|figures?|persons?|people|ministers?|clergy|preachers?|деятел\w*|лидер\w*"
    r"|служител\w*|лиц\w*|люд\w*|проповедник\w*|діяч\w*|лідер\w*|особ\w*|служител\w*"
    r"|қайраткер\w*|қызметкер\w*|басшы\w*)\b", re.IGNORECASE | re.UNICODE)


def _generic_religion(clause: Clause, g: Span) -> bool:
    """Whether a religious group word names religion in general ("religious schools", «обучение
    религии»), not persons singled out by it ("religious leaders", «религиозных деятелей»)."""
    return (_GENERIC_RELIGION_RE.match(g.text) is not None
            and _RELIGIOUS_PERSONS_RE.match(clause.text, g.end - clause.start) is None)


_DATA_PROTECTION_RE = re.compile(
    r"\b(?:processing of (?:personal|special categories of personal) data|personal data"
    r"|medical records?|health records?|health data|medical data|врачебн\w* тайн\w*|медицинск\w* тайн\w*"
    r"|лікарськ\w* таємниц\w*"
    r"|обработк\w* персональных данных|персональн\w* данн\w*|обробк\w* персональних даних"
    r"|персональн\w* дан\w*|дербес деректер\w*)", re.IGNORECASE | re.UNICODE)
_VICTIMS_BEFORE_RE = re.compile(
    r"\b(?:пострадавш\w*|потерпевш\w*|жертв\w*|постраждал\w*|потерпіл\w*|victims? of|victims?"
    r"|survivors? of|survivors?|зардап шеккен)\s+(?:[\w-]+,?\s+)?$", re.IGNORECASE | re.UNICODE)
"""Words naming the people after them as victims («для пострадавших женщин», "victims of
trafficking, women and girls"): a clause that helps victims protects them."""
MEANS_CHANNELS = frozenset({"internet", "smartphones"})
"""Channels that are also the means of ordinary crimes (fraud online, threats by phone)."""
DESIGNATION_GROUPS = frozenset({"foreign_agent"})
"""A statutory status that labels persons ("foreign agent"). The label is itself the measure: it
attaches a regime to persons for their activities, reaches their association and expression
(Ecodefence and Others v. Russia: Art. 11 read in the light of Art. 10) and their honour and
reputation (ICCPR art. 17)."""

# Scope words (not spans): "fully ban", "open and hidden propaganda", "in any form".
_TOTAL_PATTERNS = (
    r"\bfully\b", r"\bcompletely\b", r"\bentirely\b", r"\btotal(ly)?\b",
    r"\bopen and hidden\b", r"\bovert and covert\b", r"\bopen and concealed\b",
    r"\bin any form\b", r"\bany form(s)? of\b", r"\ball forms? of\b",
    r"полност", r"\bоткрыт\w* и скрыт\w*", r"\bявн\w* и скрыт\w*", r"в любой форме",
    r"любых форм", r"\bвсех форм",
    r"повністю", r"\bвідкрит\w* (і|й|та) прихован\w*", r"у будь-якій формі",
    r"толығымен", r"\bашық (және|әрі) жасырын", r"кез келген нысан",
)
_WIDE_PATTERNS = (
    r"\bany\b", r"\ball\b", r"\bevery\b", r"\bwhatsoever\b",
    r"\bлюб(ой|ая|ое|ые|ых|ую|ым)\b", r"\bвсе\b", r"\bвсех\b", r"\bвсякой\b",
    r"\bбудь-як\w*", r"\bвсі\b", r"\bусі\b",
    r"\bкез келген\b", r"\bбарлық\b",
)
_CHILDREN_PATTERNS = (
    r"\bchild(ren)?\b", r"\bminors?\b", r"\bjuveniles?\b", r"\badolescents?\b",
    r"\bдет(и|ей|ям|ьми|ях|ский|ская|ское|ские|ских)\b", r"\bребен\w*", r"\bребён\w*",
    r"\bнесовершеннолетн\w*", r"\bподрост\w*",
    r"\bдіт(и|ей|ям|ьми|ях)\b", r"\bдітям\b", r"\bнеповнолітн\w*", r"\bдитин\w*",
    r"\bбала(лар|ларға|лардың|ларды|ға|ны|ның)?\b", r"\bкәмелетке толмаған\w*",
    r"\bжасөспірім\w*",
)
_PRIVACY_PATTERNS = (
    r"\bprivate life\b", r"\bprivacy\b", r"\bpersonal data\b", r"\bfamily life\b",
    r"\bчастн\w* жизн\w*", r"\bличн\w* жизн\w*", r"\bперсональн\w* данн\w*",
    r"\bприватн\w* житт\w*", r"\bособист\w* житт\w*", r"\bперсональн\w* дан\w*",
    r"\bжеке өмір\w*", r"\bдербес дерек\w*",
    # the choice whether to have children («пропаганда отказа от деторождения», "childfree")
    r"\bотказ\w* от деторождени\w*", r"\bвідмов\w* від (?:народження|дітонародження)\w*",
    r"\bchild-?free\b", r"\bчайлдфри\b",
    # the secrecy of correspondence and communications
    r"\bтайн\w* (?:переписки|телефонных переговоров|связи|сообщений)", r"\bтаємниц\w* (?:листування|телефонних розмов)",
    r"\bsecrecy of (?:correspondence|communications)\b", r"\bхат алмасу құпиясы\w*",
    # identifying people by their faces or bodies, or users of a service by their identity
    r"\bfacial recognition\b", r"\bbiometric\w*", r"\bбиометри\w*", r"\bбіометри\w*",
    r"\bидентификаци\w* пользовател\w*", r"\bідентифікаці\w* користувач\w*",
    # watching and storing communications: mass surveillance, interception, decryption, message
    # traceability, retention of correspondence (art. 17: "correspondence")
    r"\bsurveillance\b", r"\bintercept\w*", r"\bdecrypt\w*", r"\bwiretap\w*",
    r"\btraceabilit\w*", r"\bfirst originator\b", r"\bcorrespondence\b", r"\bDNA\b",
    r"\bfingerprints?\b",
    r"\bпрослушивани\w*", r"\bперехват\w* (?:сообщени|переговор|информаци|звонк|переписк)\w*",
    r"\bслежк\w*", r"\bпереписк\w*", r"\bпрослуховуванн\w*",
    r"\bперехопленн\w* (?:повідомлен|розмов|інформаці|листуванн)\w*", r"\bстеженн\w*", r"\bлистуванн\w*",
)
_RELIGION_PATTERNS = (
    # teaching religion (ICCPR art. 18(1): "worship, observance, practice and teaching"; the
    # religious education of children: the liberty of parents in art. 18(4))
    r"\bобучени\w* (?:\w+ ){0,2}религи\w*", r"\bнавчанн\w* (?:\w+ ){0,2}релігі\w*",
    r"\bдінге оқыт\w*", r"\bдінге үйрет\w*",
    # the manifestation of religion or belief "in worship, observance, practice and teaching"
    # (ICCPR art. 18(1)), as laws on religion restrict it: missionary work, worship and rites,
    # religious literature and its expert review, dress, education, and the activity of
    # religious communities (CCPR/C/21/Rev.1/Add.4, GC22 para 8: limits only under art. 18(3))
    r"\bmissionar\w*", r"\bproselyti[sz]\w*", r"\bworship\w*", r"\bpray(?:s|ing|ers?)?\b",
    # a faith or community banned as such ("Ban the Jehovah's Witnesses", «запрет секты»)
    r"\bJehovah's Witnesses\b", r"\bsects?\b", r"\bСвидетел\w* Иеговы\b",
    r"\bсект(?:а|ы|у|ой|е|ам|ами|ах)?\b", r"\bсекти\b", r"\bсекталарды?\b",
    r"\breligious (?:activit\w*|literature|rites?|ceremon\w*|services?|education|teaching"
    r"|practices?|observance|clothing|dress|attire|garments?|meetings?|gatherings?|materials?"
    r"|associations?|organi[sz]ations?|communit\w*|groups?|expert\w*)\b",
    r"\bhijabs?\b", r"\bheadscar(?:f|ves)\b", r"\bniqabs?\b", r"\bnikabs?\b", r"\bbur(?:q|k|qu)as?\b", r"\bburkhas?\b",
    # places of worship, closed or banned as such
    r"\bmosques?\b", r"\bsynagogues?\b", r"\bмечет\w*", r"\bсинагог\w*", r"\bмолельн\w* дом\w*",
    r"\bмолитовн\w* будин\w*", r"\bмешіт\w*",
    # proselytism: converting believers from one faith to another, preaching one's faith
    r"\bпрозелитизм\w*", r"\bпрозелітизм\w*", r"\bpreach\w*", r"\bпроповед\w*", r"\bпроповід\w*",
    r"\bуағыз\w*", r"\bpropagat\w* (?:his|her|their|its|one's|the) (?:faith|religion|beliefs?)\b",
    r"\binvit\w* others to accept (?:his|her|their) faith\b",
    r"\bобращени\w* (?:\w+ ){0,3}?(?:в|к) (?:друг\w*|ин\w*) (?:вер|религи|конфесси)\w*",
    r"\bобращени\w* верующих\b", r"\bнаверненн\w* (?:\w+ ){0,3}?(?:до|в) (?:інш\w*) (?:вір|релігі|конфесі)\w*",
    r"\bмиссионер\w*", r"\bбогослужени\w*", r"\bмолитв\w*", r"\bнамаз\w*",
    r"\bрелигиозн\w* (?:деятельност|литератур|обряд|церемони|образовани|обучени|одежд|собрани"
    r"|мероприяти|материал|объединени|организаци|общин|групп|экспертиз)\w*",
    r"\bвероучени\w*", r"\bхиджаб\w*", r"\bникаб\w*", r"\bпарандж\w*",
    r"\bмісіонер\w*", r"\bбогослужінн\w*", r"\bмолит\w*",
    r"\bрелігійн\w* (?:діяльн|літератур|обряд|церемон|освіт|навчанн|одяг|зібран|заход|матеріал"
    r"|об.єднан|організац|громад|груп|експертиз)\w*",
    r"\bдіни (?:қызмет|әдебиет|бірлест|ұйым|рәсім|жора|білім|оқу|киім|топ|жиын|іс-шара"
    r"|материал|сараптам)\w*",
    r"\bмиссионерлік\w*", r"\bғибадат\w*",
    # places of worship built or kept («строительство мечетей», "construction of new mosques")
    *(rf"\b{act} of (?:new )?(?:mosques?|churches|church|temples?|synagogues?"
      rf"|places? of worship|prayer houses?)\b" for act in ("construction", "building", "opening")),
    r"\bстроительств\w* (?:новых )?(?:мечет|церкв|храм|синагог|культов|молитвенн)\w*",
    r"\bкультов\w* (?:здани|сооружени)\w*", r"\bбудівництв\w* (?:нових )?(?:мечет|церк|храм)\w*",
)
_FAMILY_PATTERNS = (
    # founding or keeping a family through the law: adoption, guardianship, foster care,
    # custody, parental rights (ICCPR art. 17(1): no "arbitrary or unlawful interference with
    # his ... family"). Not marriage: the Covenant's marriage clause (art. 23) is not in the
    # knowledge base, and "a union of a man and a woman" restricts no one by itself
    # "adopt" alone also means to take up ("encouraging minors to adopt … behaviour")
    r"\badopt(?:ions?|ive|ers?)\b", r"\badopt(?:s|ed|ing)? (?:\w+ ){0,2}?child\w*",
    r"\beligible to adopt\b", r"\bfrom adopting\b",
    r"\bmay not adopt\b", r"\bshall not adopt\b", r"\bcannot adopt\b",
    r"\bguardianship\b", r"\blegal guardians?\b", r"\bbe guardians?\b",
    r"\bguardians? of (?:a |the )?(?:child|minor)\w*",
    r"\bfoster (?:care|famil\w*|parents?|child\w*)\b",
    r"\bchild custody\b", r"\bcustody of (?:a |the |their |his |her )?(?:child|minor)\w*",
    r"\bparental (?:rights|responsibilit\w*|authority)\b",
    r"\bусыновлени\w*", r"\bусыновител\w*", r"\bусыновить\b", r"\bудочерени\w*",
    # not boards of trustees («опекунский совет», «попечительский совет»)
    r"\bопек(?:а|и|у|ой|е|ам|ами|ах)\b", r"\bопекун(?!ск)\w*", r"\bпопечительств\w*",
    r"\bприемн\w* (?:семь|родител)\w*",
    r"\bродительск\w* прав\w*",
    r"\bусиновленн\w*", r"\bусиновлювач\w*", r"\bусиновлюва\w*", r"\bусыновля\w*",
    r"\bопік(?:а|и|у|ою|і)\b", r"\bопікун(?!ськ)\w*",
    r"\bприйомн\w* (?:сім|батьк)\w*", r"\bбатьківськ\w* прав\w*",
    r"\bасырап ал\w*", r"\bбала асырап\w*", r"\bқорғаншы\w*",
    r"\bпатронат\w*", r"\bата-ана құқы\w*",
)
_HINDER_PATTERNS = tuple(rf"\b{p}\b" for p in (
    r"obstruct\w*", r"imped\w*", r"hinder\w*", r"disrupt\w*", r"interfer\w* with", r"compel\w*",
    r"coerc\w*", r"forc(?:e|es|ed|ing) (?:\w+ ){0,3}?to", r"dismiss\w*",
    r"den(?:y|ies|ied|ying|ial of) access", r"attacks? on", r"refus\w* to (?:employ|hire)",
    r"воспрепятств\w*", r"препятств\w*", r"помех\w*", r"срыв\w*", r"принужд\w*", r"принуди\w*",
    r"понужд\w*", r"увольн\w*", r"уволи\w*", r"нападени\w* на", r"отказ\w* в при[её]ме на работу",
    r"перешкод\w*", r"примушу\w*", r"примус\w*", r"звільн\w*", r"напад\w* на",
    r"відмов\w* у прийнятті на роботу", r"кедергі\w*", r"мәжбүрле\w*", r"күштеп",
    r"threat\w* to kill", r"угроз\w* убийств\w*", r"погроз\w* вбивств\w*"))
"""Acts against a practice or its people: a law that punishes obstructing worship, compelling
someone to take part in a rite, or dismissing a worker for religious dress protects the
practice («Воспрепятствование … совершению богослужений наказывается штрафом»); the practice
and the people named after such a word, up to the next punctuation, are protected, not
restricted (:func:`_hindered_regions`)."""


_GROUNDS_PATTERNS = (
    # "on the grounds of", the link between a treatment and the status it is based on
    r"\bon (?:the )?grounds? of\b", r"\bon the basis of\b", r"\bbased on\b",
    r"\bby reason of\b", r"\bbecause of\b",
    r"\bпо признак\w*", r"\bв зависимости от\b", r"\bпо мотивам\b", r"\bна основании\b",
    r"\bзалежно від\b", r"\bв залежності від\b", r"\bза ознак\w*", r"\bна підставі\b",
    r"\bнегізінде\b", r"\bбелгісі бойынша\b", r"\bсебебінен\b",
)
_CONDUCT_PATTERNS = (
    # consensual sexual conduct itself (Toonen v. Australia, para 8.3: a prohibition of
    # "private homosexual behaviour" interferes with privacy under ICCPR art. 17); where the
    # clause restricts speech *about* it ("propaganda of homosexuality (sodomy …)", Fedotova),
    # the conduct is the topic, not what is restricted (:func:`_compute`)
    r"\bhomosexual (?:acts?|behaviou?r|conduct|practices?)\b", r"\bsodomy\b", r"\bbuggery\b",
    r"\bsexual (?:intercourse|relations) between (?:men|women|persons of the same sex)\b",
    r"\bcarnal knowledge\b[^.;]{0,40}?\bof the same sex\b",
    # homosexuality itself as the offence ("commits the offence of homosexuality")
    r"\boffen[cs]es? of (?:aggravated )?homosexuality\b", r"\bcrimes? of (?:aggravated )?homosexuality\b",
    r"\bsexual (?:acts?|relations|intercourse|conduct)\b[^.;]{0,40}?\bof the same sex\b", r"\bsame-sex (?:sexual )?(?:acts?|conduct|intercourse)\b",
    r"\bполов\w* (?:сношени|отношени|акт|связ)\w*[^.;]{0,30}?\bодного пола\b",
    # the penal codes' older euphemisms for the same conduct (Tasmania's ss. 122-123, "the
    # prohibition against private homosexual behaviour" of Toonen, para 8.3; Botswana's s. 164;
    # Singapore's former s. 377A)
    r"\bagainst the order of nature\b", r"\bgross indecency\b",
    r"\bunnatural (?:offen[cs]es?|sexual (?:intercourse|acts?)|acts?|vice|carnal)\b",
    r"\bsexual intercourse (?:with|between) (?:another |any other |other )?(?:male|female)s?"
    r"(?: persons?)?\b",
    r"\bindecent (?:acts?|practices?|assault) (?:with|between|upon) (?:another |any other |other )?"
    r"(?:male|female)s?(?: persons?)?\b",
    r"\bполов\w* (?:потребност|сношени|связ)\w* мужчин\w* с мужчин\w*",
    r"\bмужеложств\w*", r"\bгомосексуальн\w* (?:акт|действи|поведени|сношени)\w*",
    r"\bмужолозтв\w*", r"\bгомосексуальн\w* (?:акт|ді[їяй]|поведінк)\w*",
    # a person's own gender identity: changing sex medically or in one's documents is part of
    # private life as homosexual conduct is (art. 17, read with Toonen paras 8.3 and 8.6)
    r"\bchang\w* (?:of )?(?:the |a person's |one's )?(?:sex|gender)\b", r"\bsex change\b",
    r"\bsex reassignment\b", r"\bgender reassignment\b", r"\bgender transition\b",
    r"\blegal gender recognition\b", r"\bgender-affirming (?:care|treatment|surgery)\b",
    r"\bсмен\w* пола\b", r"\bизменени\w* пола\b", r"\bперемен\w* пола\b",
    r"\bзмін\w* статі\b", r"\bзмінити стать\b",
    r"\bжынысын өзгерт\w*",
)
_CLOSED_LIST_PATTERNS = (
    # ICCPR art. 20 (war propaganda; advocacy of national, racial or religious hatred that
    # incites); Constitution art. 20(3) (forcible change of the constitutional system, violation
    # of the Republic's integrity, undermining state security, war, social, racial, national,
    # religious, class and clan superiority, cult of cruelty and violence). "Extremism",
    # "terrorism" and "separatism" are NOT on either list: such offences "should be clearly
    # defined" (CCPR/C/GC/34 para 46), so they stay vague terms for the legality test
    r"\bwar\b", r"\bviolence\b", r"\bsuperiority\b", r"\bcontempt for\b",
    r"\bracial\b", r"\bhatred\b", r"\benmity\b", r"\bcruelty\b",
    r"\bforcible change\b", r"\bviolent change\b",
    r"\bвойн\w*", r"\bнасили\w*", r"\bнасильственн\w* изменени\w*",
    r"\bпревосходств\w*",
    r"\bрозн\w*", r"\bвражд\w*", r"\bненавист\w*", r"\bжестокост\w*",
    r"\bвійн\w*", r"\bнасильств\w*",
    r"\bворожнеч\w*", r"\bненавист\w*",
    r"\bсоғыс\w*", r"\bзорлық\w*",
    # discord: the Kazakh and Russian codes' word for the hatred of art. 20(2) («рознь»,
    # «алауыздық», «араздық»), on the list only with a listed ground ("national discord"):
    # "discord between the government and the people" is no advocacy of hatred
    *(rf"\b{ground} discord\b" for ground in (
        "national", "racial", "religious", "ethnic", "inter-ethnic", "interethnic",
        "inter-religious", "interreligious", "interfaith")),
    *(rf"\b{ground}\s+(?:\w+\s+)?(?:алауыздық|араздық)\w*" for ground in (
        "ұлтаралық", "ұлттық", "нәсілдік", "діни", "дінаралық", "этникалық")),
)
_BELIEF_PATTERNS = (
    # what a "blasphemy" offence protects: a religion, its sacred things, believers' feelings
    # (CCPR/C/GC/34 para 48: "displays of lack of respect for a religion or other belief
    # system, including blasphemy laws")
    r"\breligious (?:feelings?|sentiments?|beliefs?|convictions?|symbols?|objects?)"
    r"(?: of (?:the )?believers)?\b",
    r"\bfeelings of (?:religious )?believers\b", r"\breligions?\b",
    r"\bobjects? of (?:religious )?(?:worship|veneration)\b",
    r"\bplaces? of (?:religious )?(?:worship|veneration)\b",
    r"\bпредмет\w* (?:религиозного )?(?:почитани|поклонени)\w*",
    r"\bобъект\w* (?:религиозного )?(?:почитани|поклонени)\w*",
    r"\bмест\w* (?:религиозного )?(?:почитани|поклонени|паломничеств)\w*",
    r"\bмест\w* отправлени\w* (?:религиозн\w* )?(?:культ|обряд)\w*",
    r"\bпредмет\w* (?:релігійного )?(?:шануванн|поклонінн)\w*",
    r"\bмісц\w* (?:релігійного )?(?:шануванн|поклонінн|паломництв)\w*",
    r"\bbelief systems?\b", r"\bblasphem\w*",
    # a faith's sacred things by name (Pakistan Penal Code ss. 295-B, 295-C)
    r"\bholy (?:prophet|quran|koran|book|name|scripture)s?\b",
    r"\bsacred (?:prophet|quran|koran|book|name|scripture)s?\b", r"\bprophet\b",
    r"\bquran\b", r"\bkoran\b", r"\bbible\b", r"\btorah\b",
    r"\bбогохульн\w*", r"\bкощунственн\w*", r"\bсвященн\w* (?:книг|писани)\w*",
    r"\bрелигиозн\w* (?:чувств|убеждени|символ|предмет)\w*(?: верующ\w*)?",
    r"\bчувств\w* верующ\w*",
    r"\bрелиги[июяей]\b", r"\bсвятотатств\w*", r"\bкощунств\w*", r"\bбогохульств\w*",
    r"\bрелігійн\w* (?:почутт|переконан|символ)\w*(?: віруюч\w*)?", r"\bпочутт\w* віруюч\w*",
    r"\bрелігі[їюя]\b", r"\bблюзнірств\w*",
    r"\bдіни (?:сезім|наным|сенім|құндылық)\w*", r"\bдін\w*",
)
_HARM_PATTERNS = (
    # harms a law protects people against: the people named as their object or ground are
    # protected by the clause, not treated adversely by it
    r"\bhatred\b", r"\bhostility\b", r"\benmity\b", r"\bviolence\b", r"\bdiscrimination\b",
    r"\bcontempt\b", r"\bagitation(?= against)",
    r"\bharassment\b", r"\bpersecution\b", r"\bsuperiority\b", r"\binferiority\b",
    r"\bhate\b", r"\bbullying\b", r"\bdiscord\b", r"\bалауыздық\w*", r"\bараздық\w*",
    r"\bexclusivity\b", r"\bпревосходств\w*", r"\bисключительност\w*", r"\bнеполноценност\w*",
    r"\bпереваг\w*", r"\bвинятковост\w*", r"\bнеповноцінност\w*", r"\bартықшылы\w*",
    r"\bненавист\w*", r"\bвражд\w*", r"\bрозн\w*", r"\bнасили\w*", r"\bдискриминац\w*",
    r"\bтравл\w*", r"\bпреследовани\w*", r"\btorture\b", r"\bill-treatment\b",
    r"\bkillings?\b", r"\bпытк\w*", r"\bубийств\w*", r"\bкатуванн\w*", r"\bвбивств\w*",
    # the destruction of a group ("justifying the destruction of any ethnic group")
    r"\bdestruction\b", r"\bextermination\b", r"\bуничтожени\w*", r"\bзнищенн\w*",
    r"\bазаптау\w*",
    # acts done to people that laws punish to protect them: battery, assault, abuse, and
    # "conversion" practices aimed at a person's orientation or identity
    r"\bbattery\b", r"\bassaults?\b", r"\babuse\b", r"\bconversion (?:therapy|practices?)\b",
    # the same acts as verbs with their victims as objects ("men who beat women"), and the
    # disclosure or processing of a person's orientation (privacy: art. 17)
    r"\bbeat(?:s|ing)?\b", r"\bstalk(?:s|ing|ed)?\b", r"\bharass(?:es|ing|ed)?\b",
    r"\bassault(?:s|ing|ed)\b", r"\babus(?:es|ing|ed)\b", r"\brap(?:es|ing|ed)\b",
    r"\bизбива\w*", r"\bизбил\w*",
    r"\bdisclos\w*", r"\bouting\b", r"\bprocessing of personal data\b",
    r"\bразглашени\w*", r"\bрозголошен\w*", r"\bобработк\w* персональных данных\b",
    r"\bпобо\w*", r"\bизбиени\w*", r"\bконверсионн\w* (?:терапи|практик)\w*",
    r"\bпобитт\w*", r"\bконверсійн\w* (?:терапі|практик)\w*",
    # "humiliation of dignity" of a person or group, named before its grounds («унижение
    # достоинства человека либо группы лиц по признакам пола, расы …», Criminal Code art. 282)
    r"\bунижени\w* (?:человеческого )?достоинств\w*(?: человека)?(?: (?:либо|или) группы лиц)?",
    r"\bприниженн\w* (?:людської )?гідност\w*(?: людини)?(?: (?:або|чи) групи осіб)?",
    r"\bhumiliation\b",
    r"\bворожнеч\w*", r"\bнасильств\w*", r"\bдискримінац\w*", r"\bцькуванн\w*",
    r"\bөшпенділ\w*", r"\bзорлық\w*", r"\bкемсіт\w*",
)
_LINK = (r"(?:against|towards?|directed at|aimed at|on (?:the )?grounds? of|on the basis of"
         r"|based on|by reason of|because of|on account of|with allusion to|revealing|к|ко|в отношении|по отношению к|против"
         r"|по признак\w*|по мотив\w*|на почве|щодо|проти|стосовно|за ознак\w*|залежно від|до"
         r"|related to|in connection with|в связи с|у зв'язку з|за|for)")
_LINK_HEAD = (r"(?:the|a|an|their|his|her|its|them|persons?|people|individuals?|those|others?|such"
              r"|groups? of|members? of|sections? of|групп\w* лиц|член\w*"
              r"|(?:national|racial|ethnic|religious|национальн\w*|расов\w*|этническ\w*"
              r"|религиозн\w*|національн\w*|етнічн\w*|релігійн\w*)(?:,|\s+(?:or|and|или|и|або|чи|і|та))?"
              r"|лиц\w*|граждан\w*|люд\w*|их|ос[іо]б\w*|громадян\w*|їх|інш\w*|друг\w*"
              r"|attitude|отношени\w*|принадлежност\w*|ставленн\w*|належност\w*|person's|persons'|one's)")
_HARM_LINK_RE = re.compile(
    rf"^\s*(?:(?!(?:and|or|и|или|либо|та|і|й|або|чи|және|немесе)\s)[^\W\d]+\s+){{0,3}}?"
    rf"(?:{_LINK}\s+(?:{_LINK_HEAD}\s+){{0,8}})+$",
    re.IGNORECASE | re.UNICODE)
"""The words between a harm and the group it is aimed at: a preposition or grounds phrase as the
last link, with only "persons", "their" and the like after it ("hatred or violence against
persons on the grounds of their", «ненависти к», «вражды по признаку»); a noun between ("violence
against children by homosexuals", «насилия по отношению к детям со стороны ЛГБТ») breaks it."""
_OBJECT_HARM_RE = re.compile(
    r"persecution|harassment|bullying|discrimination|травл|преследовани|дискриминац|переслідуванн"
    r"|цькуванн|дискримінац|torture|ill-treatment|killing|пытк|убийств|катуванн|вбивств"
    r"|battery|assault|abuse|conversion|побо|избиени|конверсионн|побитт|конверсійн"
    r"|beat|stalk|harass|abus|rap|избива|избил|disclos|outing|processing"
    r"|разглашени|розголошен|обработк|destruction|exterminat|уничтожени|знищенн|genocide|геноцид"
    r"|insult|defil|desecrat|оскорбл|образ|осквернен|осквернін",
    re.IGNORECASE | re.UNICODE)
"""Harms whose object may follow directly («травля ЛГБТ-подростков», "the persecution of LGBT
people"): a genitive or "of" links them to the people harmed. Not violence or hatred, where "of"
may name who commits it ("violence of LGBT activists")."""
_INSTRUMENTAL_RE = re.compile(r"(?:ами|ями|ом|ём|ем)[^\w]*$", re.IGNORECASE)
"""Russian/Ukrainian instrumental endings: «травля ЛГБТ-активистами» names who harasses, not
whom."""
_OF_GAP_RE = re.compile(
    r"^\s*(?:the\s+|(?:of|concerning|regarding|about)\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:(?:person|individual|natural person|data subject|employee|pupil)(?:'s|s')?\s+)?"
    r"|о\s+|об\s+)?(?:(?:какой-либо|какой-нибудь|любой|любых|всякой|будь-як\w*|any)\s+)?$",
    re.IGNORECASE | re.UNICODE)
_GROUND_HARM_RE = re.compile(
    r"hatred|hostility|enmity|discriminat|superiority|inferiority|exclusivity|ненавист|вражд|розн"
    r"|дискримин|превосходств|исключительност|неполноценност|ворожнеч|дискримін|переваг"
    r"|винятковост|неповноцінност|өшпенділ|кемсіт|артықшылы|discord|алауыздық|араздық",
    re.IGNORECASE | re.UNICODE)
"""Harms named by their ground, whose adjective is that ground ("religious hatred", «расовая
дискриминация»); "homosexual harassment", "homosexual violence" name who does it."""
_KK_AGAINST_RE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}(?:қарсы\s+(?:[\w-]+\s+){0,1})?$",
                            re.IGNORECASE)
"""Kazakh puts the object before the harm: «ЛГБТ адамдарды кемсіту» (discriminating LGBT
people), «оларға қарсы зорлық-зомбылық» (violence against them): at most two words between,
with «қарсы» (against) or without it."""
_SOURCE_RE = re.compile(
    r"\b(?:receiv\w*|accept\w*|obtain\w*|funds?|funding|funded|financ\w*|money|property"
    r"|assets|donations?|grants?|получ\w*|финансир\w*|средств\w*|имуществ\w*|пожертвовани\w*"
    r"|отриму\w*|одержу\w*|фінансу\w*|кошт\w*|майн\w*|пожертв\w*)\b"
    r"[^.;:!?]{0,160}\b(?P<frm>from|от|від)\b(?P<givers>[^.;:!?]{0,160})$",
    re.IGNORECASE | re.UNICODE)
"""Text before a group word naming it as where money or property comes from ("receives money
and other property from foreign states, … foreign citizens and stateless persons"): the
givers are the source the law's measure rests on, not the persons it treats."""
_SOURCE_STOP_RE = re.compile(
    r"\b(?:by|as well as|which|who|that|а также|со стороны|котор\w*|і також|а також|з боку"
    r"|як\w*|тарапынан)\b", re.IGNORECASE | re.UNICODE)
"""Between "from" and a group: words that end the list of givers ("…from foreign sources, as
well as LGBT organisations", "receipt of funds from abroad by religious associations")."""
_HARM_REACH = 80
"""How far after a harm word ("hatred … against", «ненависти … к») its object may be named."""

_LIST_GAP_RE = re.compile(
    r"^\s*(?:[^\W\d][\w-]*)?(?:\s*(?:,|;|\bor\b|\band\b|\band/or\b|\bили\b|\bи\b|\bлибо\b|\bа также\b|"
    r"\bабо\b|\bчи\b|\bі\b|\bй\b|\bта\b|\bжәне\b|\bнемесе\b)\s*(?:[^\W\d][\w-]*)?)*\s*$",
    re.IGNORECASE | re.UNICODE)
"""The words between a group word and a closed-list word when both are items of one coordinated
list: only commas and conjunctions, each followed by at most one word ("national, racial or
religious hatred"; «войны, социального, расового ... превосходства»). "Religious
organisations promoting war" is not such a list: "organisations promoting" are two words
without a conjunction."""
_OPPOSITION_RE = re.compile(
    r"\b(?:against|oppose[sd]?|opposing|say no to|condemn(?:s|ed|ing)?|alarms? (?:over|about)"
    r"|concerns? (?:over|about)|concerned (?:that|about|over|at|by)"
    r"|criticis(?:e|es|ed)|criticiz(?:e|es|ed))\b"
    r"|\bпротив\b|\bпроти\b|\bқарсы(?:мыз|пыз)?\b"
    # a demand to investigate a detention or a ban opposes it
    r"|\binvestigat(?:e|es|ing|ion into)\b|\bрасследова\w*|\bрозслідува\w*|\brelease\b"
    r"|\bосужда\w*|\bзасуджу\w*|\bобеспокоенность\b|\bстурбованість\b"
    r"|\bобеспокоен[аыо]?\b|\bстурбован(?:ий|а|і|о)?\b|\bкритику(?:ет|ют|ем)\b"
    r"|\bкритику(?:є|ють)\b|\bалаңдаушылық білдір\w*",
    re.IGNORECASE | re.UNICODE)
_OPPOSITION_REACH = 60
"""A petition's demand often names what it wants banned only by opposing it: «Мы против
открытой и скрытой пропаганды ЛГБТ», "We are against LGBT propaganda", «ЛГБТ насихатына
қарсымыз». In a demand, opposition to an expression object is a call to restrict it; opposition
to a measure ("against the ban on Pride events") is the opposite, a call not to restrict. The
object must follow the opposition word closely (Kazakh: precede it, «қарсы» is a postposition)."""


_OFFENDER_BEFORE_RE = re.compile(r"\b(?:who|whoever|кто|хто|які|который|которые|який)\s+$",
                                 re.IGNORECASE | re.UNICODE)
"""The subject of an offence right before an opposition word: "anyone who criticises …",
«тот, кто критикует …» (the criticism is what is punished, not the author's voice)."""
_AUTHORS_WHO_RE = re.compile(r"\b(?:us|we|мы|ми|нас)\s+(?:\w+\s+)?$|\b(?:of us|из нас|з нас)\s+who\s+$",
                             re.IGNORECASE | re.UNICODE)
_INVESTIGATE_RE = re.compile(r"investigat|расследова|розслідува|releas", re.IGNORECASE)
_THAT_RE = re.compile(r"\s*(?:тем|тим)?\s*,\s*(?:что|що)\b", re.IGNORECASE | re.UNICODE)
_STATED_OPPOSITION_RE = re.compile(
    r"\b(?:oppose[sd]?|opposing|say no to|(?:are|am|is|remain) (?:firmly |strongly )?against"
    r"|condemn(?:s|ed|ing)?|alarms? (?:over|about)|concerns? (?:over|about)"
    r"|concerned (?:that|about|over|at|by)|criticis(?:e|es|ed)|criticiz(?:e|es|ed))\b"
    # the noun only as voiced: «выражает обеспокоенность», not «в связи с обеспокоенностью
    # общества запрещается …», where the concern is the ban's motive
    r"|\bосужда\w*|\bзасуджу\w*|\b(?:выража|выразил|высказ)\w* (?:\w+ )?обеспокоенность\b"
    r"|\b(?:висловлю|висловив|висловил)\w* (?:\w+ )?стурбованість\b"
    r"|\bобеспокоен[аыо]?\b|\bстурбован(?:ий|а|і|о)?\b|\bкритику(?:ет|ют|ем)\b"
    r"|\bкритику(?:є|ють)\b|\bалаңдаушылық білдір\w*"
    r"|\bвыступа\w* против\b|\bвиступа\w* проти\b|\bпротесту\w* (?:против|проти)\b"
    r"|\bprotest(?:s|ed|ing)? against\b|\bқарсы(?:мыз|пыз|мын|пын)\b|\bқарсы шығ\w*",
    re.IGNORECASE | re.UNICODE)
"""Outside a demand, only a stated opposition ("we oppose", «выступаем против») opposes a
measure: "against" and «против» alone are mostly prepositions there ("crimes against minors")."""
UNDO_WORDS = (
    r"repeal\w*|reject\w*|(?:not to|not|never) sign|veto\w*|(?:not to|not) adopt"
    r"|не подпис\w*|(?:наложи\w* )?вето на|отклон\w*|не принима\w*|не принять"
    r"|не підпис\w*|(?:накласти )?вето на|відхил\w*|не ухвалю\w*"
    r"|қабылдама\w*|қол қоймау\w*|қол қоймаңыз\w*"
    r"|блокуван\w* прийняття|заблокувати прийняття|блокирован\w* принятия|заблокировать принятие"
    r"|block(?:ing)? the adoption of")
"""Words that undo a law or refuse to make one ("repeal", "not to sign", "veto", «отклонить»,
«не підписувати», «қабылдамаңыздар»): the core shared by :data:`_REPEAL_RE`,
:data:`_SEND_BACK_RE` and ``analysis.opposed_bills``, each adding the words of its own use."""
_REPEAL_RE = re.compile(
    rf"\b(?:{UNDO_WORDS}|abolish\w*|abolition|revok\w*|revocation|rescind\w*|lift(?:s|ed|ing)?"
    r"|(?:put )?an end to|отмен\w*|упраздн\w*|скасу\w*|күшін жо[юй]\w*|алып таста\w*)\b",
    re.IGNORECASE | re.UNICODE)
"""Words that undo a measure: "repeal the ban on LGBT propaganda", «отменить запрет», «скасувати
заборону», «… заңның күшін жоюды» (Kazakh: after the law it undoes). They oppose the measure
that is their direct object (:func:`_direct_object_gap`); in a demand, abolishing an expression
object ("abolish LGBT propaganda") is a call to restrict it, like «Мы против …»."""
_REPEALED_RE = re.compile(
    r"\b(?:is|are|shall be|be|was|were|has been|have been)\s+(?:hereby\s+)?"
    r"(?:repealed|abolished|revoked|rescinded|lifted|deleted)\b"
    # a court's declaration of nullity ("section 13, which makes …, is void")
    r"|\b(?:is|are|was|were)\s+(?:hereby\s+)?(?:declared\s+)?(?:null and void|void|invalid"
    r"|unconstitutional|of no force and effect|struck down|read down)\b"
    r"|\b(?:признан\w*|признать)\s+(?:\w+\s+)?(?:неконституционн\w*|не соответствующ\w* Конституции)"
    r"|\b(?:визнан\w*|визнати)\s+(?:\w+\s+)?(?:неконституційн\w*|таким\w*, що не відповіда\w* Конституції)"
    r"|\b(?:shall\s+)?cease[sd]?\s+to\s+have\s+effect\b"
    r"|\bутрачива\w*\s+силу\b|\bутратил\w*\s+силу\b|\bутративш\w*\s+силу\b"
    r"|\bотменя(?:ется|ются)\b|\bвтрача\w*\s+чинність\b|\bвтрати\w*\s+чинність\b"
    r"|\bскасову(?:ється|ються)\b|\bкүші\s+жойылсын\b|\bкүшін\s+жойған\s+деп\s+танылсын\b",
    re.IGNORECASE | re.UNICODE)
"""A repeal in the passive, after what it repeals ("The prohibition on promoting homosexuality
is repealed", "Section 2A … shall cease to have effect", «… утрачивает силу»): every measure and
penalty the clause names before it is what it undoes."""
_COORDINATED_RE = re.compile(r"^\s*(?:и|или|либо|і|й|та|або|чи|and|or|және|немесе)\s*$",
                             re.IGNORECASE | re.UNICODE)
_GUARANTEED_AGAINST = frozenset({"censor", "restrict", "close", "block"})
"""Restrictions a guarantee bans («цензура запрещается», «закрытие СМИ … запрещается»)."""
_BANNABLE = frozenset({"ban", "remove", "block", "censor", "restrict"})
_BAN_OF_BAN_GAP_RE = re.compile(
    r"\s*(?:the\s+)?(?:practice|use|imposition|introduction)\s+of\s+$", re.IGNORECASE)
"""Between a ban and the ban it prohibits: "prohibiting the practice of banning books"."""
_WITHOUT_BEFORE_RE = re.compile(
    r"\b(?:without|free from|free of|без|без будь-яких|без каких-либо)\s+(?:any\s+|external\s+|undue\s+"
    r"|каких-либо\s+|всяких\s+|будь-яких\s+)?$", re.IGNORECASE | re.UNICODE)
"""Right before a measure, words that rule it out ("without limitation", «без ограничений»)."""
_NOT_IMPOSED_RE = re.compile(
    r"\b(?:shall|may|must|can|will)\s+not\s+be\s+(?:imposed|applied|used)\b|\bcannot\s+be\s+imposed\b"
    r"|\bне\s+(?:применя|назнача)(?:ется|ются)\b|\bне\s+может\s+быть\s+назначен\w*"
    r"|\bне\s+(?:застосову|признача)(?:ється|ються)\b|\bне\s+може\s+бути\s+призначен\w*"
    r"|\bқолданылмайды\b|\bтағайындалмайды\b", re.IGNORECASE | re.UNICODE)
"""A penalty or measure ruled out after it is named («… не применяется», "… shall not be
imposed")."""
UNDO_PROVISIONS = (
    r"\b(?:remov\w*|repeal\w*|scrap\w*|drop\w*|abolish\w*|withdraw\w*|delet\w*)\s+"
    r"(?:the\s+|all\s+|these\s+)?(?:following\s+)?(?:new\s+|draconian\s+)?(?:anti-[\w-]+\s+)?"
    r"(?:measures?|laws?|provisions?|powers?|legislation|clauses?|sections?|amendments?|rules?"
    r"|restrictions?)\b")
_UNDO_ANTI_RE = re.compile(UNDO_PROVISIONS, re.IGNORECASE | re.UNICODE)
"""Removing or repealing measures, provisions or "anti-…" laws ("Remove anti-protest measures
from the bill", "remove provisions for:"): the object undone is a restriction, so the verb
restricts nothing."""
DECLARED_REPEAL = (
    r"\b(?:призна(?:ть|ются|ется|н\w*)|считать)\s+утративш\w*\s+силу\b"
    r"|\bвизна(?:ти|ються|ється|н\w*)\s+так\w*,?\s+що\s+втрати\w*\s+чинність\b"
    r"|\b(?:the following|these)\b[^.;:]{0,60}\b(?:are|is|shall be)\s+(?:hereby\s+)?repealed\b")
_DECLARED_REPEALED_RE = re.compile(DECLARED_REPEAL, re.IGNORECASE | re.UNICODE)
"""The drafting formula that declares laws repealed *before* naming them («Признать утратившими
силу: …», «Визнати такими, що втратили чинність, закони …, якими було запроваджено …», "The
following enactments are repealed:"): every measure, penalty or status named after it is what
the clause undoes."""
_OPPOSED_BILL_RE = re.compile(
    r"\s*(?:this|the|that|these|those|a|its|их|этот|этого|данн\w*|цей|цього|даний|осы)?\s*"
    r"(?:(?!repeal|abolition|отмен|скасуван|упразднени)[\w-]+\s+){0,6}?"
    r"(?:bills?|laws?|acts?|amendments?|proposals?|codes?|sections?\s+\w+"
    r"|articles?|законопроект\w*|закон\w*|поправк\w*|законопроєкт\w*|заң\w*|кодекс\w*"
    r"|стать\w*|статт\w*|норм\w*|положени\w*)"
    r"(?:\s+\d{4})?\s*(?:\([^)]{0,40}\)\s*)?,?\s*"
    r"(?P<rel>which|that|as it|because it|since it|котор\w*|який|яка|які|яке|що|оскільки"
    r"|banning|prohibiting|criminali[sz]ing|restricting|introducing|imposing"
    r"|\w+(?:ющ|ящ|ащ|ущ)(?:ий|ая|ее|ие|его|ей|их|ую|ими|ем|им)"
    r"|\w+(?:юч|яч|уч|ач)(?:ий|а|е|і|ого|ої|их))\b",
    re.IGNORECASE | re.UNICODE)
"""An opposition word whose object is a bill or law, followed by what it would do ("We oppose
this bill, which would ban …", «Мы против законопроекта, который запрещает …»): the measures and
penalties of that relative clause are what is opposed."""
_SAVING_RE = re.compile(
    r"\bnothing in this (?:act|law|section|part|code|chapter|article|bill)\b[^.;]{0,40}?"
    r"\b(?:construed|interpreted|taken|read) as (?:restricting|limiting|prohibiting|preventing"
    r"|affecting|derogating)"
    # "Libraries shall be protected against attempts to ban or remove books"
    r"|\bprotected (?:against|from) (?:any )?(?:attempts?|efforts?|moves?) to\b"
    r"|\bзащищ\w* от (?:попыт\w*|посягательств\w*)\b|\bзахищ\w* від (?:спроб\w*|посягань)\b"
    r"|\bничто в настоящ\w+ (?:закон\w*|стать\w*|кодекс\w*)[^.;]{0,40}?\bтолкова\w* как "
    r"(?:ограничени|запрет|умалени)\w*"
    r"|\bніщо в (?:цьому|цій) (?:закон\w*|статт\w*|кодекс\w*)[^.;]{0,40}?\bтлумач\w* як "
    r"(?:обмежен|заборон)\w*"
    # a guarantee, not a prohibition: "No one shall be punished for …" (a prohibition reads
    # "No person shall publish …")
    r"|^\W*(?:no one|no person|nobody)\s+(?:shall|may|can|will|must)\s+(?:\w+\s+)?be\s+"
    r"(?:punished|prosecuted|subjected|held|penali[sz]ed|fined|arrested|detained|persecuted"
    r"|discriminated|deprived|compelled|forced)"
    r"|^\W*(?:никто|ніхто)\s+не\s+(?:может|должен|можуть|може|повинен)\s+(?:\w+\s+)?"
    r"(?:быть|бути)\s+(?:\w+\s+)?(?:привлеч|подверг|наказ|преследова|лишен|принужд"
    r"|притягн|покаран|підда|переслідува|позбавлен|примушен)\w*",
    re.IGNORECASE | re.UNICODE)
_SEGMENT_BREAK_RE = re.compile(
    r";|,\s*(?:but|and|however|while|whereas|а|но|однако|и|при этом|але|та|і|а також|а также"
    r"|бірақ|ал)\b|\.\s", re.IGNORECASE | re.UNICODE)
"""Where a coordinated part of a sentence begins: a saving, a repeal or an opposed bill reaches
no further ("No one shall be punished for peaceful protest, but rallies … are banned")."""
_REPEALABLE_RE = re.compile(
    r"\b(?:laws?|acts?|articles?|sections?|paragraphs?|provisions?|prohibitions?|bans?|rules?"
    r"|regulations?|amendments?|decrees?|orders?|закон\w*|стать\w*|пункт\w*|част\w*|норм\w*"
    r"|положени\w*|запрет\w*|постановлени\w*|указ\w*|приказ\w*|поправк\w*|статт\w*|заборон\w*"
    r"|заң\w*|бап\w*|тармақ\w*|тыйым)\b", re.IGNORECASE | re.UNICODE)
"""A saving clause or guarantee whose measures and penalties are what the text rules out
("Nothing in this Act shall be construed as restricting …", "No one shall be punished for …",
«Никто не может быть подвергнут …»): they restrict no one."""
_SHIELD_FROM_RE = re.compile(
    r"\b(?:protect\w*|shield\w*|safeguard\w*|defend\w*|оградить|огради\w*|ограждени\w*"
    r"|защит\w*|защищ\w*|захища\w*|уберечь|убереч\w*|оберега\w*|захист\w*|захисти\w*|вберегти|уберегти"
    r"|убезпеч\w*)\b([^.;:!?]{0,60}?)\b(?:from|от|від)\s",
    re.IGNORECASE | re.UNICODE)
"""A demand to protect someone *from* speech («Защитить детей от ЛГБТ-пропаганды», "Protect our
children from LGBT propaganda", «Захистіть дітей від пропаганди ЛГБТ») asks for that speech to
be restricted, as «Мы против … пропаганды» does. Not when the people protected are a group
("protect LGBT people from hate speech"): that protects them."""
_KK_SHIELD_RE = re.compile(r"(?:нан|нен|дан|ден|тан|тен)\s+(?:\w+\s+){0,2}?(қорға\w*)",
                           re.IGNORECASE | re.UNICODE)
"""Kazakh: the object in the ablative before «қорғау» («ЛГБТ насихатынан қорғау»)."""
_LAW_AFTER_RE = re.compile(r"\s*(?:law|act|bill|закон\w*|законопроект\w*|заң\w*)\b",
                           re.IGNORECASE | re.UNICODE)
_CONJUNCTION_WORDS = frozenset(
    "and or but nor и или либо а но та і й або чи але және немесе".split())
_GAP_PREPOSITIONS = frozenset("on of о об на про щодо относительно".split())
_LAW_WORD_RE = re.compile(
    r"(?:law|act|article|section|amendment|provision|bill|закон|стать|поправ|положени|норм"
    r"|законопроект|статт|законодавств)", re.IGNORECASE | re.UNICODE)


AUTHOR_VOICE_RE = re.compile(
    r"\b(?:we|us|our|I)\b|\b(?:мы|нас|наш\w*|я|просим|прошу|призываем|требуем|обращаемся"
    r"|ми|просимо|закликаємо|вимагаємо|звертаємося|біз|сұраймыз|шақырамыз|өтінеміз"
    r"|талап етеміз)\b|(?:^\W*|[:!]\s*)(?:do not|don't|reject|stop|veto|не подписывайте|отклоните"
    r"|не принимайте|не підписуйте|відхиліть|не ухвалюйте)\b"
    r"|\bthis (?:bill|act|law)\b|\bнастоящ\w+ (?:закон\w*|законопроект\w*)|\bцей закон\w*",
    re.IGNORECASE | re.UNICODE)
"""The author's own voice: "we call on …", «Просим …», «Сұраймыз», an imperative, or the
instrument itself ("This Bill seeks to repeal …"). A report that others opposed or rejected a
law ("Human Rights Watch criticised the law, which bans …", «Парламент отклонил поправки к
закону, который запрещает …») still describes the law, which is what such a text is assessed
for."""
NOT_BEFORE_RE = re.compile(r"(?:\bне|\bnot(?: to)?|\bdon't|\bdo not|\bnever|\bні|\bпротив|\bпроти"
                            r"|\boppose[sd]?(?: the)?|\bagainst(?: the)?)\s+(?:[\w-]+\s+)?$",
                            re.IGNORECASE | re.UNICODE)
"""A negation just before an undoing or opposing verb («не отклонять», "not to reject"): the
author asks for the opposite."""
_DEMAND_AFTER_RE = re.compile(
    r";|,?\s*(?:and|but|и|а|но|та|і|але)\s+(?:we\s+|мы\s+|ми\s+)?(?:demand|call|ask|urge|want"
    r"|require|требуем|просим|призываем|хотим|вимагаємо|просимо|закликаємо)\w*"
    # a new demand in the infinitive: «…, которыми введена блокировка, и запретить ЛГБТ-пропаганду»
    r"|,?\s+(?:и|а также|та|і|й|and(?: to)?)\s+(?:также\s+|також\s+|also\s+)?"
    r"(?=(?:запрет|ввест|установ|заборон|запровад|встанов|ликвид|закры|ban\b|prohibit|outlaw"
    r"|introduce|criminali[sz]e|impose)\w*)",
    re.IGNORECASE | re.UNICODE)


def _relative_end(text: str, start: int) -> int:
    """Where the relative clause describing an opposed bill, or the reach of a repeal formula or
    a saving, ends: at the author's own demand that follows ("…, which would only fine it, and
    demand a law that bans it", «…, и запретить …») or a ";"."""
    stop = _DEMAND_AFTER_RE.search(text, start)
    return stop.start() if stop else len(text)


def _direct_object_gap(gap: str) -> bool:
    """Whether the words between an undoing word and a measure leave the measure its direct
    object: a few words (adjectives, "so-called", a number), no conjunction or punctuation, and
    a preposition only after the law or article that holds the ban ("repeal the discriminatory
    2013 ban", «отменить так называемый закон о запрете»); "lift the moratorium on the ban"
    undoes the moratorium."""
    words = gap.split()
    if len(words) > 6 or any(w.lower() in _CONJUNCTION_WORDS or _PUNCT_RE.search(w)
                             for w in words):
        return False
    return all(i > 0 and _LAW_WORD_RE.match(words[i - 1])
               for i, w in enumerate(words) if w.lower() in _GAP_PREPOSITIONS)


_KK_REPEAL_GAP_RE = re.compile(r"^\s*(?:\w*(?:атын|етін|йтын|йтін|уды|уді|ды|ді)\s+|салу\s+)?(?:туралы\s+)?"
                               r"(?:(?:заң|бұйрық|қаулы|ереже|норма)\w*\s+)?(?:жоба\w*\s+|бап\w*\s+|түзету\w*\s+)?$",
                               re.IGNORECASE | re.UNICODE)
_PUNCT_RE = re.compile(r"[,;:.!?()]")
"""An opposition word governs words up to the next punctuation: "against violence, and for a
ban on propaganda" opposes violence only."""
_STRUCK_DOWN = r"struck down|strikes down|strike down|invalidated"
"""A court undoing a law, reported in anyone's voice."""
_SEND_BACK_RE = re.compile(
    rf"\b(?:{UNDO_WORDS}|abolish\w*|revok\w*|rescind\w*|отмен\w*|скасу\w*|вернуть|возвратить"
    r"|верните|return|send back|повернути|поверніть|отозвать|отзовите|withdraw|відкликати"
    rf"|{_STRUCK_DOWN})\b(?:\s+(?:в|во|to|до)\s+(?:\w+\s+){0,2}?"
    r"(?:парламент\w*|мажилис\w*|сенат\w*|parliament|верховн\w* рад\w*))?", re.IGNORECASE | re.UNICODE)
"""Undoing or sending back a law described by a relative clause (:data:`_OPPOSED_BILL_RE`)."""
THIS_BILL = (
    r"\b(?:this|that|these|those|the said|этот|эти|этого|этих|данн\w*|указанн\w*|цей|ці|цього|цих"
    r"|зазначен\w*|осы|бұл)\s+(?:draft\s+)?(?:\w+\s+)?(?:bills?|laws?|acts?|законопроект\w*|закон\w*"
    r"|законопроєкт\w*|заң\w*)")
"""A bill named by pointing back ("this bill", «этот законопроект», «отменить этот закон»)."""
_THIS_BILL_RE = re.compile(rf"\s+(?:the\s+(?:draft\s+)?(?:bill|law)\b|{THIS_BILL})",
                           re.IGNORECASE | re.UNICODE)
_LAW_ON_BEFORE_RE = re.compile(
    r"\b(?:закон\w*|законопроект\w*|законопроєкт\w*|bill|law|act)\s+(?:о|об|про|on|about)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE | re.UNICODE)
_STRUCK_DOWN_RE = re.compile(rf"\b(?:{_STRUCK_DOWN})\b", re.IGNORECASE)
_REPEAL_NOUNS = frozenset({"repeal", "abolition", "revocation", "lifting"})
_PASSIVE_GAP_RE = re.compile(r"^\s*(?:(?:being|to|be|is|are|was|were|getting)\s+){0,2}$",
                             re.IGNORECASE)
"""Between an object and its measure in a passive phrase: "against propaganda being banned"."""


def _opposition(clause: Clause, p: "_Parts") -> tuple[list[Evidence], list[Span]]:
    """(opposition words that call for a restriction of an expression object, measures the
    clause opposes).

    An opposition word governs the nearest annotated object after it (Kazakh «қарсы»: before
    it, a postposition). A measure so governed is opposed, in any clause: «Мы против запрета
    пропаганды», "We oppose the proposed ban on LGBT propaganda", "against propaganda being
    banned" (an object followed by its measure in the passive) restrict nothing. An expression
    object so governed is, in a demand only, what the demand wants restricted («Мы против
    открытой и скрытой пропаганды ЛГБТ»). Only the nearest object counts, so "against
    violence, and for a ban on propaganda" keeps its ban."""
    calls: list[Evidence] = []
    opposed: list[Span] = []
    objects = p.expression + p.measures + p.penalties
    if not objects and not p.designations:
        return calls, opposed  # nothing to oppose or to call for
    text = clause.text
    demand = clause.kind == "demand"
    for m in _OPPOSITION_RE.finditer(text):
        a, b = clause.start + m.start(), clause.start + m.end()
        if not demand and not _STATED_OPPOSITION_RE.search(text, max(0, m.start() - 30), m.end()):
            continue  # "crimes against minors", "the fight against terrorism": no one opposes
        if p.penalties and _OFFENDER_BEFORE_RE.search(text, max(0, m.start() - 12), m.start()) \
                and not _AUTHORS_WHO_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "Anyone who criticises the government shall be fined": the offence
        if _INVESTIGATE_RE.match(m.group(0)):
            # "investigate the detention of …": it opposes a measure or penalty named right
            # after it, and calls for nothing ("investigate LGBT organisations and ban …" asks
            # for the ban)
            nxt = min((x for x in objects if x.start >= b), key=lambda x: x.start, default=None)
            if nxt is not None and nxt.label in ("measure", "penalty") and len(
                    text[m.end():nxt.start - clause.start].split()) <= 3 and not _PUNCT_RE.search(
                    text, m.end(), nxt.start - clause.start) and not any(
                    b <= x.start and x.end <= nxt.start for x in clause.spans) and not re.search(
                    r"\b(?:and|и|і|й|та|және)\b", text[m.end():nxt.start - clause.start]):
                opposed.extend(x for x in p.measures + p.penalties
                               if x.start < nxt.end and nxt.start < x.end)
            continue
        if m.group(0).lower().startswith(("қарсы", "алаңдаушылық")):
            cut = max((e.end() for e in _PUNCT_RE.finditer(text, 0, m.start())), default=0)
            lo = max(clause.start + cut, a - _OPPOSITION_REACH)
            near = [s for s in objects if s.start >= lo and s.end <= a]
            target = max(near, key=lambda s: s.end, default=None)
        else:
            that = _THAT_RE.match(text, m.end())  # «обеспокоен тем, что …», "concerned that"
            if that is not None:
                b = clause.start + that.end()
            bill = _OPPOSED_BILL_RE.match(text, b - clause.start)
            if bill is not None and not AUTHOR_VOICE_RE.search(text):
                # someone else's criticism reaches only its own object, not a whole relative
                # clause ("HRW criticised the law, which bans …" still describes the law)
                bill = None
            if bill is not None:
                # "We oppose this bill, which would ban …": all it would do is opposed
                end = _relative_end(text, bill.end())
                opposed.extend(s for s in p.measures + p.penalties
                               if clause.start + bill.start("rel") <= s.start < clause.start + end)
                continue
            stop = _PUNCT_RE.search(text, b - clause.start)
            hi = min(clause.start + stop.start() if stop else clause.end, b + _OPPOSITION_REACH)
            near = [s for s in objects if b <= s.start < hi]
            target = min(near, key=lambda s: s.start, default=None)
            if target is not None and target.label != "measure":
                passive = [s for s in p.measures if s.start >= target.end and _PASSIVE_GAP_RE.match(
                    text[target.end - clause.start:s.start - clause.start])]
                target = passive[0] if passive else target
        if target is None:
            continue
        if target.label in ("measure", "penalty"):  # with its shorter or longer matches
            opposed.extend(s for s in p.measures + p.penalties
                           if s.start < target.end and target.start < s.end)
        elif demand:
            calls.append(Evidence(a, b, m.group(0)))
    if p.expression or p.measures or p.penalties:
        shield_calls, shield_opposed = _shielding_calls(clause, p)
        if demand:
            calls.extend(shield_calls)
        opposed.extend(shield_opposed)
    bans = [s for s in p.measures if s.concept == "ban"]
    for c in (s for s in p.measures if s.concept in _GUARANTEED_AGAINST) if bans else ():
        # "prohibits censorship", «запрещает цензуру», «Цензура запрещается», «Закрытие СМИ
        # без решения суда запрещается»: the ban is of the restriction, which protects speech
        # (Constitution art. 20(1))
        for b in bans:
            lo, hi = (b.end, c.start) if b.end <= c.start else (c.end, b.start)
            # with the censored channels between: «Цензура средств массовой информации
            # запрещается», «Цензура и монополизация СМИ не допускаются»; or other restrictions
            # banned with it: «Цензура СМИ и блокировка сайтов запрещаются»
            between = [x for x in clause.spans if lo <= x.start and x.end <= hi]
            if 0 <= hi - lo <= 12 or (hi - lo <= 70 and b.start > c.start and all(
                    x.label in ("channel", "expression") or (
                        x.label == "measure" and x.concept in _GUARANTEED_AGAINST)
                    for x in between)):
                gap = text[lo - clause.start:hi - clause.start]
                if b.end <= c.start and _COORDINATED_RE.match(gap):
                    continue  # «Запретить и заблокировать Telegram»: two restrictions
                if not _PUNCT_RE.search(gap):
                    opposed.extend((b, c))
    for b in bans:
        # "prohibiting the practice of banning books": a ban whose object is a ban or removal
        nxt = next((s for s in p.measures if s.start >= b.end and s.concept in _BANNABLE
                    and not (s.start < b.end)), None)
        if nxt is not None and _BAN_OF_BAN_GAP_RE.match(text[b.end - clause.start:nxt.start - clause.start]):
            opposed.extend((b, nxt))
    if p.measures or p.penalties:
        saving = _SAVING_RE.search(text)
        if saving is not None:
            stop = _SEGMENT_BREAK_RE.search(text, saving.end())
            hi = clause.start + min(stop.start() if stop else len(text),
                                    _relative_end(text, saving.end()))
            opposed.extend(s for s in p.measures + p.penalties
                           if clause.start + saving.start() <= s.start < hi)
        for m in _REPEALED_RE.finditer(text):
            # what is repealed is the subject of its own segment ("…, and article 12 … is
            # repealed" undoes article 12, not the ban before it), and only a law, a provision or
            # a prohibition ("their licences shall be revoked" is a penalty, not a repeal)
            lo = max((b.end() for b in _SEGMENT_BREAK_RE.finditer(text, 0, m.start())), default=0)
            if not _REPEALABLE_RE.search(text, lo, m.start()):
                continue
            opposed.extend(s for s in p.measures + p.penalties
                           if clause.start + lo <= s.start and s.end <= clause.start + m.start())
        for s in p.measures:
            # "to acquire materials without external limitation", «без каких-либо ограничений»:
            # the measure is ruled out (not "without registration", which is the licensing
            # regime itself)
            if s.concept not in LICENSING and _WITHOUT_BEFORE_RE.search(
                    text, max(0, s.start - clause.start - 30), s.start - clause.start):
                opposed.append(s)
        for m in _NOT_IMPOSED_RE.finditer(text):
            # «Лишение свободы за клевету не применяется», "Imprisonment shall not be imposed
            # for defamation": the penalty named before is ruled out
            lo = max((b.end() for b in _SEGMENT_BREAK_RE.finditer(text, 0, m.start())), default=0)
            opposed.extend(s for s in p.measures + p.penalties
                           if clause.start + lo <= s.start and s.end <= clause.start + m.start())
        for m in _UNDO_ANTI_RE.finditer(text):
            # "Remove anti-protest measures": what is removed is itself a restriction
            opposed.extend(s for s in p.measures if clause.start + m.start() <= s.start
                           and s.end <= clause.start + m.end())
        declared = _DECLARED_REPEALED_RE.search(text)
        if declared is not None:
            # «Признать утратившими силу … законы, которыми введена …»: what follows the
            # formula is what it repeals
            end = clause.start + _relative_end(text, declared.end())
            opposed.extend(s for s in p.measures + p.penalties + p.designations
                           if clause.start + declared.end() <= s.start < end)
    for m in _SEND_BACK_RE.finditer(text) if p.designations and (
            demand or AUTHOR_VOICE_RE.search(text) is not None) else ():
        # "reject the bill on foreign agents", «відхилити законопроект про реєстр іноземних
        # агентів»: the status is the subject of the bill undone, given to no one
        if NOT_BEFORE_RE.search(text, max(0, m.start() - 25), m.start()):
            continue
        opposed.extend(d for d in p.designations if d.start >= clause.start + m.end()
                       and _LAW_ON_BEFORE_RE.search(text, max(0, d.start - clause.start - 40),
                                                    d.start - clause.start))
        opposed.extend(x for x in p.measures if x.start >= clause.start + m.end()
                       and x.concept == "label"
                       and _LAW_ON_BEFORE_RE.search(text, max(0, x.start - clause.start - 40),
                                                    x.start - clause.start))
    # a court's striking down is reported in anyone's voice ("In 2018 the Supreme Court struck
    # down Section 377, which criminalised …")
    sending_back = (p.measures or p.penalties) and (
        demand or AUTHOR_VOICE_RE.search(text) is not None or _STRUCK_DOWN_RE.search(text) is not None)
    for m in _SEND_BACK_RE.finditer(text) if sending_back else ():
        if NOT_BEFORE_RE.search(text, max(0, m.start() - 25), m.start()):
            continue  # «не отклонять законопроект»: the author wants it passed
        # "repeal section 377A …, which makes it an offence …", «вернуть в Парламент закон,
        # который запрещает …»: what the law undone or sent back does is opposed
        bill = _OPPOSED_BILL_RE.match(text, m.end())
        if bill is not None:
            end = _relative_end(text, bill.end())
            opposed.extend(s for s in p.measures + p.penalties
                           if clause.start + bill.start("rel") <= s.start < clause.start + end)
        if _THIS_BILL_RE.match(text, m.end()):
            # «… вводит закон о цензуре, поэтому требуем отозвать этот законопроект»: the
            # author's name for the bill withdrawn («закон о цензуре») is no demand for it
            opposed.extend(s for s in p.measures if s.end <= clause.start + m.start()
                           and _LAW_ON_BEFORE_RE.search(text, max(0, s.start - clause.start - 40),
                                                        s.start - clause.start))
    if p.measures or p.penalties or (demand and p.expression):
        for m in _REPEAL_RE.finditer(text):
            if NOT_BEFORE_RE.search(text, max(0, m.start() - 25), m.start()):
                continue  # "not to repeal the ban": the ban stays
            a, b = clause.start + m.start(), clause.start + m.end()
            if m.group(0).lower().startswith(("күшін", "қол", "қабылдама", "алып таста")):
                near = [s for s in p.measures if a - 2 * _OPPOSITION_REACH <= s.start
                        and s.end <= a and not (s.start < b and a < s.end)]
                target = max(near, key=lambda s: s.end, default=None)
                if target is not None and not _KK_REPEAL_GAP_RE.match(
                        text[target.end - clause.start:m.start()]):
                    target = None
                if target is not None:
                    # undoing a ban, the undoing word is no restriction itself: «… заңның
                    # күшін жоюды» ("to repeal the law"), «… тыйым салуды алып тастауды»
                    opposed.extend(s for s in p.measures if s.start < b and a < s.end)
            else:
                near = [s for s in (p.measures + p.penalties + p.expression if demand
                                    else p.measures + p.penalties)
                        if b <= s.start < b + _OPPOSITION_REACH]
                target = min(near, key=lambda s: s.start, default=None)
                if target is not None:
                    gap = text[m.end():target.start - clause.start]
                    if m.group(0).lower() in _REPEAL_NOUNS:
                        gap = re.sub(r"^\s*of\b", "", gap)  # "Repeal of prohibition on …"
                    for g in p.groups:  # "abolish LGBT propaganda": the group qualifies it
                        if b <= g.start and g.end <= target.start:
                            gap = gap.replace(text[g.start - clause.start:g.end - clause.start], "")
                    if not _direct_object_gap(gap):
                        target = None  # not its direct object: "put an end to X and ban it"
                if target is not None and target.label == "penalty":
                    # «отменить уголовную ответственность за клевету»: the penalty undone
                    opposed.extend(s for s in p.measures + p.penalties
                                   if s.start < target.end and target.start < s.end)
                    continue
                if target is not None and target.label != "measure":
                    head = [x for x in p.measures if 0 <= x.start - target.end <= 2]
                    if head:  # "abolish the LGBT propaganda ban": the ban is the object
                        target = head[0]
                    elif _LAW_AFTER_RE.match(text, target.end - clause.start):
                        continue  # "repeal the so-called LGBT propaganda law": the law
                if target is not None and target.label != "measure":
                    # a demand to abolish an expression object («упразднить пропаганду»,
                    # "abolish LGBT propaganda") calls for restricting it
                    calls.append(Evidence(a, b, m.group(0)))
                    continue
            if target is not None:
                opposed.extend(s for s in p.measures + p.penalties
                               if s.start < target.end and target.start < s.end)
    return calls, opposed


def _shielding_calls(clause: Clause, p: "_Parts") -> tuple[list[Evidence], list[Span]]:
    """(protection words of a demand to protect people from speech, measures or penalties
    protected against) (:data:`_SHIELD_FROM_RE`): the nearest expression object after "from"
    (before «қорғау» in Kazakh) is what a demand wants restricted; a measure there is what the
    text protects people from ("protect journalists from censorship", «защитить блогеров от
    блокировки»), which restricts no one. Protecting a group, or protecting from a harm ("from
    violence and hate speech"), calls for nothing."""
    text, base = clause.text, clause.start
    out: list[Evidence] = []
    shielded: list[Span] = []
    if clause.language != "kk" and _SHIELD_FROM_RE.search(text) is None:
        return out, shielded  # most clauses protect no one from anything
    harms: list[tuple[int, int]] | None = None

    def harmless(lo: int, hi: int) -> bool:
        nonlocal harms
        if harms is None:
            harms = [(e.start, e.end) for e in _matches(clause, HARM_RE)] + [
                (x.start, x.end) for x in clause.spans if x.label == "protective"]
        return not any(lo <= a and b <= hi for a, b in harms)

    for m in _SHIELD_FROM_RE.finditer(text):
        a, who, b = base + m.start(), (base + m.start(1), base + m.end(1)), base + m.end()
        # "protect LGBT people from …": the group is protected (checked below)
        stop = _PUNCT_RE.search(text, m.end())
        hi = min(base + stop.start() if stop else clause.end, b + _OPPOSITION_REACH,
                 base + _relative_end(text, m.end()))  # «… от посягательств и запретить …»
        near = [x for x in p.expression + p.measures + p.penalties if b <= x.start < hi]
        target = min(near, key=lambda x: x.start, default=None)
        if target is not None and target.label != "expression":
            shielded.extend(x for x in p.measures + p.penalties
                            if x.start < target.end and target.start < x.end)
            continue
        if any(who[0] <= g.start and g.end <= who[1] for g in p.groups):
            continue
        if target is not None and harmless(b, target.end):
            verb = text[m.start():m.start(1)].rstrip()
            out.append(Evidence(a, a + len(verb), verb))
    if clause.language == "kk":
        for x in p.expression:  # the ablative ending closes the object's own word
            k = _KK_SHIELD_RE.search(text, x.start - base, x.end - base + 40)
            if k is not None and k.start() >= x.end - base - 3 and harmless(x.start, x.end):
                out.append(Evidence(base + k.start(1), base + k.end(1), k.group(1)))
                break
    return out, shielded


PROPAGANDA_EXPRESSION = frozenset({"propaganda", "agitation"})
PROPAGANDA_VAGUE = frozenset({"propaganda", "promotion", "imposing", "cultivation"})
"""Propaganda, agitation and promotion-type concepts: what Constitution art. 20(3) speaks of
("propaganda or agitation"). Its object decides whether the restriction is on the closed list."""
OBJECT_VAGUE = frozenset({"non_traditional", "ideology", "foreign_influence", "harmful"})
"""Vague terms that name the *object* of restricted speech: where one of them remains, the
propaganda is (also) of something not on the closed list."""
_PETITION_PATTERNS = (
    r"\bpetition\w*\b", r"\bпетици\w*", r"\bпетиці\w*",
)


_DEFINITION_PATTERNS = (
    # "X is understood as / means / is defined as ...": the law's own definition of a term
    r"\b(?:is|are) understood as\b", r"\bshall mean\b", r"(?<!\bby )\bmeans\b",
    r"\b(?:is|are) defined as\b",
    r"\bпонима(?:ется|ются)\b", r"\bозначает\b", r"\bрозуміють?ся\b", r"\bрозуміється\b",
    r"\bозначає\b", r"\bдеп түсініледі\b", r"\bдегеніміз\b",
    # «Влияние — "оказание воздействия" ...», «1) иностранный агент – лицо ...»: a term at the
    # head of the clause, a spaced dash, its definition (the usual form in Russian-language law)
    r"^\s*(?:\d+[.)]\s*)?[«\"']?[^\W\d][\w\s«»\"'-]{0,80}?\s[—–]\s",
)
DEFINITION_RE = re.compile("|".join(f"(?:{p})" for p in _DEFINITION_PATTERNS),
                           re.IGNORECASE | re.UNICODE)


def defines_scope(clause: Clause) -> bool:
    """Whether the clause sets the scope of a restriction: a demand, a clause with a
    (non-negated) measure, penalty or statutory designation, or a norm that defines a term.

    Only there does a vague term matter for legality: a restriction must be "provided by law"
    in terms precise enough for a person to regulate their conduct (ICCPR art. 19(3);
    CCPR/C/GC/34 para 25; Nepomnyashchiy v. Russia, CCPR/C/123/D/2318/2013, para 7.7). The
    same word in a petition's narrative («модно», «нездорові») or a law's background defines
    nothing."""
    if clause.kind == "demand":
        return True
    for s in clause.spans:
        if not s.negated and (s.label in ("measure", "penalty") or (
                s.label == "group" and s.concept in DESIGNATION_GROUPS)):
            return True
    return clause.kind == "norm" and DEFINITION_RE.search(clause.text) is not None


def _first_letter(pattern: str) -> str:
    body = pattern[2:] if pattern.startswith(r"\b") else pattern
    if not body[:1].isalpha():
        raise ValueError(f"a signal pattern must start with a letter (or \\b and a letter): "
                         f"{pattern!r}")
    return body[0].lower()


def _compile(patterns: Sequence[str]) -> re.Pattern[str]:
    """One case-insensitive alternation, guarded by a lookahead on the letters the patterns
    can start with: the same matches, but most positions fail on one character-class test
    instead of trying every alternative (2-3x faster on real clauses)."""
    letters = "".join(sorted({_first_letter(p) for p in patterns}))
    body = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(f"(?=[{letters}])(?:{body})", re.IGNORECASE | re.UNICODE)


TOTAL_RE = _compile(_TOTAL_PATTERNS)
WIDE_RE = _compile(_WIDE_PATTERNS)
CHILDREN_RE = _compile(_CHILDREN_PATTERNS)
PRIVACY_RE = _compile(_PRIVACY_PATTERNS)
RELIGION_RE = _compile(_RELIGION_PATTERNS)
FAMILY_RE = _compile(_FAMILY_PATTERNS)
_HINDER_RE = _compile(_HINDER_PATTERNS)
_NOT_WORSHIP_RE = re.compile(
    r"\s+for\s+(?:an?\s+|the\s+)?(?:injunction|relief|order|judgment|declaration|interim)",
    re.IGNORECASE)
"""A court "prayer for relief" or "prayer for an injunction" is no worship."""
CONDUCT_RE = _compile(_CONDUCT_PATTERNS)
CLOSED_LIST_RE = _compile(_CLOSED_LIST_PATTERNS)
BELIEF_RE = _compile(_BELIEF_PATTERNS)
HARM_RE = _compile(_HARM_PATTERNS)
PETITION_RE = _compile(_PETITION_PATTERNS)
GROUNDS_RE = _compile(_GROUNDS_PATTERNS)
_SCOPE_WORDS_RE = re.compile("|".join(f"(?:{r.pattern})"
                                      for r in (PRIVACY_RE, CONDUCT_RE, CHILDREN_RE)),
                             re.IGNORECASE | re.UNICODE)
"""Whether a clause has any privacy or children word at all: one scan instead of two for the
many clauses with neither (the same matches where there is one: each is then scanned for)."""

THIN_COMPLETENESS = frozenset({"quoted-fragments", "paraphrase", "summary", "fragments"})


# --------------------------------------------------------------------------- evidence


class Evidence(NamedTuple):
    """Words of a clause that a signal rests on: an annotated span, or a matched scope word.

    A named tuple, not a frozen dataclass: some 40 are made per clause, and a frozen
    dataclass's ``__init__`` (one ``object.__setattr__`` per field) was a fifth of the
    signals' cost in batch screening."""

    start: int  # offset in the original text
    end: int
    text: str
    span: Span | None = None


def _matches(clause: Clause, pattern: re.Pattern[str]) -> list[Evidence]:
    return [
        Evidence(clause.start + m.start(), clause.start + m.end(), m.group(0))
        for m in pattern.finditer(clause.text)
    ]


def _as_evidence(spans: Iterable[Span]) -> list[Evidence]:
    return [Evidence(s.start, s.end, s.text, s) for s in spans]


@dataclass(frozen=True)
class _Parts:
    measures: list[Span]
    penalties: list[Span]
    expression: list[Span]
    channels: list[Span]
    groups: list[Span]
    designations: list[Span]
    aims: list[Span]
    vague: list[Span]
    protective: list[Span]
    legal_refs: list[Span]
    practices: list[Span]


PROTECTED_HARMS = frozenset({"non_discrimination", "protection_from_violence"})
"""Protective concepts that name a harm: a ban on them protects («Дискриминация по признаку …
запрещается», "Discrimination on the grounds of sexual orientation … is prohibited")."""
_SPEECH_OBJECTS = frozenset({"propaganda", "agitation", "advertising", "symbols", "materials"})


_GROUND_WORD_RE = re.compile(
    r"(?:opinion|belief|conviction|views|убеждени|мнени|взгляд|переконан|погляд|сенім|наным)",
    re.IGNORECASE | re.UNICODE)
"""Words of a grounds list that the lexicon also knows as speech ("political opinion",
«политических убеждений»)."""


_DEFINES_RE = re.compile(
    r"^\s*(?:[\w.)]+\s+)?[«\"]?[\w\s-]{0,40}?[»\"]?\s*(?:\([^)]{0,40}\)\s*)?(?:[-–—]|\bmeans\b|\bshall mean\b|\bis defined as\b|\brefers to\b|\bозначає\b"
    r"|\bозначает\b|\bпонимается\b|\bрозуміється\b|\bдегеніміз\b|\bдеп\b)", re.IGNORECASE | re.UNICODE)


def defines_a_harm(clause: Clause) -> bool:
    """Whether the clause is a definition of discrimination or another protective harm
    («дискримінація — ситуація, за якої особа … за ознаками раси … зазнає обмеження …»,
    "'discrimination' means any distinction …"): its grounds are protected and the restriction
    it describes is the harm defined, not a measure (CCPR/C/GC/18 para 7)."""
    harms = [x for x in clause.spans if x.label == "protective" and not x.negated
             and x.concept in PROTECTED_HARMS]
    if not harms:
        return False
    first = min(harms, key=lambda x: x.start)
    head = clause.text[:first.end - clause.start + 60]
    m = _DEFINES_RE.match(head)
    return m is not None and first.start - clause.start <= m.end() and (
        m.end() >= first.end - clause.start)


def protects_a_practice(clause: Clause) -> bool:
    """Whether the clause names an act against a practice or its people (obstructing,
    compelling, dismissing, threatening: :data:`_HINDER_RE`), which a law that punishes it
    protects."""
    return _HINDER_RE.search(clause.text) is not None


_LIST_GOES_ON_RE = re.compile(
    r"\s*(?:других|иных|інших|and other|other|та інших|и других)\b",
    re.IGNORECASE | re.UNICODE)
"""The words after a comma that carry a list on rather than end it («богослужений, других
религиозных обрядов»); not «а также», "as well as", which may start a new item of the ban."""


def _hindered_regions(clause: Clause) -> list[tuple[int, int]]:
    """(start, end) of what follows an act against a practice (:data:`_HINDER_RE`) up to the
    next punctuation or 80 characters: the practice and the people it protects."""
    text, base = clause.text, clause.start
    out = []
    for m in _HINDER_RE.finditer(text):
        if clause.language == "kk":  # the object comes first: «… қызметіне кедергі келтіру»
            cut = max((e.end() for e in _PUNCT_RE.finditer(text, 0, m.start())), default=0)
            out.append((base + max(cut, m.start() - 80), base + m.start()))
            continue
        stop = _STOP_RE.search(text, m.end())
        # a comma that goes on with the list («богослужений, других религиозных обрядов») does
        # not end what is hindered
        reach, comma = m.end() + 80, -1
        for c in re.finditer(",", text[m.end():]):
            if not _LIST_GOES_ON_RE.match(text, m.end() + c.end()):
                comma = m.end() + c.start()
                break
            reach = max(reach, m.end() + c.end() + 60)
        # the next ban starts a proposition of its own: «… принуждать … и запрещается
        # миссионерская деятельность» restricts the missionary work
        ban = min((x.start - base for x in clause.spans
                   if x.label in ("measure", "penalty") and not x.negated
                   and x.start >= base + m.end()), default=-1)
        end = min([len(text), reach] + [x for x in (stop.start() if stop else -1, comma,
                                                           ban) if x >= 0])
        out.append((base + m.end(), base + end))
    return out


def grounds_regions(clause: Clause) -> list[tuple[int, int]]:
    """(start, end) of the grounds lists that follow a protective harm or a hatred: in "Discrimination on
    grounds of sex, religion, political opinion, age or sexual orientation is prohibited" every
    word from "sex" to "orientation" names a protected ground ("political opinion" is no speech
    the clause restricts). A list ends at the clause's measure or at ".", ";" or ":"."""
    text, base = clause.text, clause.start
    out: list[tuple[int, int]] = []
    kk_grounds = clause.language == "kk" and _KK_GROUNDS_AFTER_RE.search(text) is not None
    if GROUNDS_RE.search(text) is None and not kk_grounds:
        return out  # no "on grounds of" at all: most clauses
    ends = [h.end for h in clause.spans
            if h.label == "protective" and not h.negated and h.concept in PROTECTED_HARMS]
    # the hatred of hate-speech offences too: «возбуждение ненависти либо вражды по признакам
    # пола, расы, национальности, языка …» lists grounds, «пола» and «языка» included
    hatreds = _matches(clause, HARM_RE)
    ends += [e.end for e in hatreds]
    for h_end in sorted(set(ends)):
        lo = max(0, h_end - base)
        # the grounds phrase may close the protective words themselves («ограничение прав …
        # по мотивам»)
        m = GROUNDS_RE.search(text, max(0, lo - 25), min(len(text), lo + 60))
        if m is not None and m.end() < lo:
            m = GROUNDS_RE.search(text, lo, min(len(text), lo + 60))
        if m is None or len(text[lo:m.start()].split()) > 4 or _STOP_RE.search(text, lo, m.start()):
            continue
        stop = _STOP_RE.search(text, m.end())
        end = base + (stop.start() if stop else len(text))
        start = base + m.end()
        # the list ends at the ban, or at the first word that is no ground ("… on grounds of
        # religion and propaganda of homosexuality are prohibited": the propaganda is banned)
        end = min([end] + [x.start for x in clause.spans if x.start >= start and (
            (x.label == "measure" and not x.negated)
            or (x.label not in ("group", "protective") and not _GROUND_WORD_RE.match(x.text)))])
        if end > start and (start, end) not in out:
            out.append((start, end))
    # the grounds may qualify the words before the hatred they advocate: "words based on race
    # or religion that demonstrate a clear intention … to promote hatred" (South Africa's
    # Equality Act s. 10 as the Constitutional Court read it)
    for m in GROUNDS_RE.finditer(text) if hatreds else ():
        stop = _STOP_RE.search(text, m.end())
        limit = stop.start() if stop else len(text)
        harm = next((h for h in hatreds
                     if m.end() < h.start - base <= min(limit, m.end() + 160)), None)
        if harm is None or any(a <= base + m.end() < b for a, b in out):
            continue
        start = base + m.end()
        end = min([base + limit] + [x.start for x in clause.spans if x.start >= start and (
            (x.label == "measure" and not x.negated)
            or (x.label not in ("group", "protective") and not _GROUND_WORD_RE.match(x.text)))])
        if end > start and any(g.label == "group" and start <= g.start and g.end <= end
                               for g in clause.spans) and (start, end) not in out:
            out.append((start, end))
    # Kazakh puts the grounds before the harm and closes them with a postposition: «Шығу
    # тегіне, … нәсіліне, ұлтына … байланысты адамның … құқықтары мен бостандықтарын тікелей
    # немесе жанама шектеу» (Criminal Code art. 145); the list runs back from the postposition
    # to the sentence's previous stop
    # only in an offence (the equality offence punishes; «… байланысты … шектеу қажет» asks
    # for a restriction "related to" the group)
    offence = kk_grounds and clause.kind != "demand" and any(
        x.label == "penalty" and not x.negated for x in clause.spans)
    for h in clause.spans if offence else ():
        if h.label != "protective" or h.negated or h.concept not in PROTECTED_HARMS:
            continue
        hi = h.start - base
        m = None
        for m in _KK_GROUNDS_AFTER_RE.finditer(text, max(0, hi - 300), hi):
            pass
        if m is None or len(text[m.end():hi].split()) > 4 or _STOP_RE.search(text, m.end(), hi):
            continue
        stops = [x.end() for x in _STOP_RE.finditer(text, 0, m.start())]
        start, end = base + (stops[-1] if stops else 0), base + m.start()
        if any(g.label == "group" and start <= g.start and g.end <= end for g in clause.spans) \
                and (start, end) not in out:
            out.append((start, end))
    return out


def _bans_the_harm(measure: Span, spans: Sequence[Span],
                   regions: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether a ban's object is a harm the clause protects against: a non-negated
    discrimination/violence span and the ban word are next to each other in the clause, with
    only the grounds (group spans) between them, and the clause restricts no speech object or
    vague term of its own. The grounds named are then protected characteristics, not a group
    the clause treats adversely (ICCPR art. 26; CCPR/C/GC/18 para 12: art. 26 protects against
    discrimination in any field regulated by public authorities)."""
    if measure.concept not in ("ban", "restrict", "criminalise"):
        return False
    live = [s for s in spans if not s.negated]
    shields = [(p.start, p.end) for p in live if p.label == "protective"]
    live = [s for s in live if s.label == "protective"
            or not any(a <= s.start and s.end <= b for a, b in shields)]
    if any((s.label == "vague" or (s.label == "expression" and s.concept in _SPEECH_OBJECTS))
           and not any(a <= s.start and s.end <= b for a, b in regions) for s in live):
        return False
    order = sorted(live, key=lambda s: (s.start, s.end))
    i = next((k for k, s in enumerate(order) if s is measure), None)
    if i is None:
        return False
    for step in (-1, 1):
        k = i + step
        # over the grounds, and over the ban's own longer or shorter matches («тыйым»,
        # «тыйым салуды»)
        # and over the field the harm is in ("discrimination in adoption on grounds of …")
        while 0 <= k < len(order) and (order[k].label in ("group", "practice") or (
                order[k].label == "expression" and order[k].concept in INSULT_OBJECTS) or any(
                a <= order[k].start and order[k].end <= b for a, b in regions) or (
                order[k].start < measure.end and measure.start < order[k].end)):
            k += step
        if 0 <= k < len(order) and order[k].label == "protective" \
                and order[k].concept in PROTECTED_HARMS:
            return True
    return False


INSULT_OBJECTS = frozenset({"insult"})
_STOP_RE = re.compile(r"[.;:!?]")
_KK_GROUNDS_AFTER_RE = re.compile(
    r"\b(?:байланысты|негізінде|белгісі бойынша|белгілері бойынша|себебінен|себепті)\b",
    re.IGNORECASE | re.UNICODE)
"""Kazakh postpositions that close a grounds list («… ұлтына байланысты», «… белгісі
бойынша»)."""
_PERSONAL_GROUND_RE = re.compile(
    r"(?:on (?:the )?grounds? of|on the basis of|based on|because of|related to|a person's"
    r"|по признак\w*|по мотив\w*|в связи с|за ознак\w*|у зв'язку з|через|негізінде)[^.;:!?]{0,60}$",
    re.IGNORECASE | re.UNICODE)
"""Before a religion word: it is a person's ground of protection, not the object of a blasphemy
offence ("insult of a person on grounds of race, nationality or religion", "insulting conduct
related to a person's religion")."""
_CONFINED_AFTER_RE = re.compile(
    r"[^.;!?]{0,120}?\b(?:with (?:the )?intent(?:ion)? to incite|in order to incite"
    r"|(?:с целью|в целях) (?:возбуждени|разжигани|подстрекательств)\w*"
    r"|з метою (?:розпалювання|підбурювання))", re.IGNORECASE | re.UNICODE)
_CONFINED_BEFORE_RE = re.compile(
    r"(?:combined with|coupled with|together with|сопряженн\w* с|соединенн\w* с"
    r"|поєднан\w* з)\s+(?:\w+\s+){0,2}$", re.IGNORECASE | re.UNICODE)
"""An insult of religious feelings that is part of incitement ("… insulting their religious
feelings with intent to incite violence against them", «призывы к насилию …, сопряженные с
оскорблением их религиозных чувств») is the speech ICCPR art. 20(2) addresses: GC34 para 48
excepts it from the incompatibility of blasphemy laws."""


def _disrespect_of_belief(clause: Clause, insults: Sequence[Span], protected_only: bool = False
                          ) -> list[Evidence]:
    """Evidence that the clause restricts displays of disrespect for a religion or belief: an
    insult word whose object is a religion, its sacred things or believers' feelings ("insults
    the religious feelings of believers", «оскорбление … религиозных чувств граждан»), or a
    word for blasphemy itself. Such prohibitions "are incompatible with the Covenant, except in
    the specific circumstances envisaged in article 20, paragraph 2" (CCPR/C/GC/34 para 48).
    The object follows the insult word within one phrase; in Kazakh it precedes it («діни
    сезімдерін қорлағаны»). A religion named as a person's ground ("insult of a person on
    grounds of … religion") is not such an object, and an insult that is part of incitement
    (:data:`_CONFINED_AFTER_RE`) is art. 20(2) speech, not disrespect as such; with
    ``protected_only`` the latter still counts (its religious words name what is protected)."""
    beliefs = _matches(clause, BELIEF_RE)
    if not beliefs:
        return []
    text, base = clause.text, clause.start
    out: list[Evidence] = []
    for ins in insults:
        confined = bool(_CONFINED_AFTER_RE.match(text, ins.end - base) or _CONFINED_BEFORE_RE.search(
            text, max(0, ins.start - base - 60), ins.start - base))
        linked = []
        for b in beliefs:
            if _PERSONAL_GROUND_RE.search(text, max(0, b.start - base - 80), b.start - base):
                continue
            if b.start < ins.end and ins.start < b.end:
                linked.append(b)  # "blasphemy", «кощунство»: the word names both
            elif b.start >= ins.end:
                gap = text[ins.end - base:b.start - base]
                if len(gap) <= _HARM_REACH and not _STOP_RE.search(gap):
                    linked.append(b)
            elif clause.language == "kk":
                gap = text[b.end - base:ins.start - base]
                if len(gap) <= 30 and not _STOP_RE.search(gap) and "," not in gap:
                    linked.append(b)
        if linked and (protected_only or not confined):
            out += _as_evidence([ins]) + linked
    return out


def _named_as_giver(clause: Clause, g: Span) -> bool:
    """Whether group word ``g`` is among the givers after "receives money … from" (:data:`_SOURCE_RE`):
    the list of givers holds no other annotated words ("…from foreign sources and promoting
    homosexuality") and no word that ends it (:data:`_SOURCE_STOP_RE`)."""
    base = clause.start
    m = _SOURCE_RE.search(clause.text, max(0, g.start - base - 240), g.start - base)
    if m is None or _SOURCE_STOP_RE.search(m.group("givers")):
        return False
    frm = base + m.end("frm")
    return not any(frm <= s.start and s.end <= g.start and s.label != "group"
                   for s in clause.spans)


def _protected_groups(clause: Clause, groups: Sequence[Span], belief: Sequence[Evidence],
                      insults: Sequence[Span]) -> frozenset[tuple[int, int]]:
    """Group words that name whom a harm the clause prohibits or punishes is aimed at: the
    object of hatred, violence, discrimination or insult ("incitement to hatred or violence
    against persons on the grounds of their sexual orientation or gender identity", «вражды
    по признаку … религии», «ненависти к ЛГБТ») or the religion a blasphemy offence protects.
    Such a clause protects those people; it does not single them out for adverse treatment
    (ICCPR art. 26; art. 20(2) names the grounds of the hatred States must prohibit). The link
    is a preposition or grounds phrase within one phrase after the harm word, with no
    conjunction in between: "propaganda of violence and homosexuality" lists two objects of a
    ban and protects no one. A group coordinated with a protected one ("sexual orientation or
    gender identity") is protected too. The givers of the money or property a measure rests
    on ("receives money … from foreign citizens and stateless persons", :data:`_SOURCE_RE`)
    are not treated by it either."""
    text, base = clause.text, clause.start
    harms = _matches(clause, HARM_RE) + _as_evidence(insults)
    protected: set[tuple[int, int]] = set()
    ordered = sorted(groups, key=lambda g: (g.start, g.end))
    if defines_a_harm(clause) or _DATA_PROTECTION_RE.search(text):
        # a definition of discrimination names grounds; a data-protection rule names the
        # categories of data it protects ("personal data revealing … sexual orientation")
        return frozenset((g.start, g.end) for g in groups)
    regions = grounds_regions(clause) + _hindered_regions(clause)
    for g in ordered:
        if any(a <= g.start and g.end <= b for a, b in regions):
            protected.add((g.start, g.end))  # a ground listed after a protective harm
            continue
        if any(g.start < b.end and b.start < g.end for b in belief):
            protected.add((g.start, g.end))
            continue
        if _VICTIMS_BEFORE_RE.search(text, max(0, g.start - base - 30), g.start - base):
            protected.add((g.start, g.end))  # «кризисные центры для пострадавших женщин»
            continue
        if _named_as_giver(clause, g):
            protected.add((g.start, g.end))  # a source of funds, not a person treated
            continue
        for h in harms:
            if g.end <= h.start and not text[g.end - base:h.start - base].strip():
                if _GROUND_HARM_RE.match(h.text):
                    protected.add((g.start, g.end))  # its adjective: "religious hatred"
                    break
                continue
            if h.end <= g.start:
                gap = text[h.end - base:g.start - base]
                if len(gap) <= _HARM_REACH and (_HARM_LINK_RE.match(gap) or (
                        _OBJECT_HARM_RE.match(h.text) and _OF_GAP_RE.match(gap)
                        and not _INSTRUMENTAL_RE.search(
                            text[g.start - base:].split(maxsplit=1)[0]))):
                    protected.add((g.start, g.end))
                    break
            elif clause.language == "kk" and g.end <= h.start:
                # only plain words between: in «ЛГБТ насихаты зорлық-зомбылыққа әкеледі»
                # (LGBT propaganda leads to violence) the group qualifies the propaganda
                if _KK_AGAINST_RE.match(text[g.end - base:h.start - base]) and not any(
                        g.end <= s.start and s.end <= h.start and s.label != "group"
                        for s in clause.spans):
                    protected.add((g.start, g.end))
                    break
    grew = bool(protected)
    while grew:  # along a coordinated list, both ways: "national, racial or religious hatred"
        grew = False
        for a, b in zip(ordered, ordered[1:]):
            ka, kb = (a.start, a.end), (b.start, b.end)
            if (ka in protected) != (kb in protected) \
                    and _LIST_GAP_RE.match(text[a.end - base:b.start - base]) \
                    and not any(a.end <= s.start and s.end <= b.start and s.label != "group"
                                for s in clause.spans):
                protected.update((ka, kb))
                grew = True
    return frozenset(protected)


def _without_elaborations(clause: Clause, measures: list[Span], spans: Sequence[Span]
                          ) -> list[Span]:
    """In a clause that bans a harm it protects against (:func:`_bans_the_harm`), a
    restriction "on the grounds of" a status, named after that harm, spells the harm out:
    «Забороняється будь-яка дискримінація …, зокрема … пряме або непряме обмеження прав
    працівників залежно від … сексуальної орієнтації» prohibits restricting rights on those
    grounds; it restricts no one. Discrimination is "any distinction, exclusion, restriction or
    preference which is based on any ground" (CCPR/C/GC/18 para 7). Only a restriction after
    the harm's first mention and followed by a grounds phrase («залежно від», "on the grounds
    of") before the next status is read so: "discrimination is prohibited, but the rights of
    LGBT people are restricted" still restricts."""
    harms = [p.start for p in spans if p.label == "protective" and not p.negated
             and p.concept in PROTECTED_HARMS]
    if not harms:
        return measures
    first = min(harms)
    groups = sorted(g.start for g in spans if g.label == "group" and not g.negated)
    kept = []
    for m in measures:
        if m.concept == "restrict" and m.start > first:
            status = next((g for g in groups if g >= m.end), None)
            if status is not None:
                between = clause.text[m.end - clause.start:status - clause.start]
                if GROUNDS_RE.search(between):
                    continue
        kept.append(m)
    return kept


_OCCUPATION_RE = re.compile(r"(?:journalist|blogger|журналист|журналіст|блогер|тілші)", re.IGNORECASE)
"""A profession a speech law addresses ("journalists", «блогер»): restricting what it publishes
is tested under art. 19; it is no status of a person under art. 26 (a political opinion is:
"opposition", "activists" stay groups)."""
_TO_INFORMATION_RE = re.compile(r"\s+(?:к|до)\s+(?:публичной\s+|публічної\s+)?(?:информации|інформації)\b"
                                r"|\s+to\s+(?:public\s+)?information\b", re.IGNORECASE | re.UNICODE)
_WORSHIP_PLACE_RE = re.compile(r"(?:mosque|synagogue|мечет|синагог|молельн|молитвенн|молитовн|мешіт)",
                               re.IGNORECASE | re.UNICODE)
_LOCATED_IN_RE = re.compile(
    r"\b(?:in|at|inside|within|в|во|у|на)\s+(?:[^\W\d_]+(?:\s*,\s*|\s+(?:and|or|и|или|і|та|й)\s+))*$",
    re.IGNORECASE | re.UNICODE)
"""Before a place of worship, where something happens ("LGBT propaganda in schools and mosques"),
not the worship restricted."""
_PUT_IN_RE = re.compile(
    r"\b(?:put|placed?|sent|send|committed|held|detained|locked|заключ\w*|помещ\w*|посад\w*"
    r"|направ\w*|поміщ\w*|ув.язн\w*|тримати|содерж\w*)\b", re.IGNORECASE | re.UNICODE)
"""Before "in prison", someone put there: a sentence, not the place where services are held."""
_GRANT_VERB_RE = re.compile(
    r"^(?:согласовать|согласуйте|разрешить|разрешите|погодити|погодьте|дозволити|дозвольте"
    r"|approve|allow|permit|grant|келісу|рұқсат беру)\b", re.IGNORECASE | re.UNICODE)
_BELIEFS_BEFORE_RE = re.compile(r"\b(?:beliefs?|convictions?|conscience|faith|religion|views|tenets)\s+$",
                                re.IGNORECASE)
_DEVICES = frozenset({"smartphones"})
_FORMING_RE = re.compile(r"(?:формирова|формирует|формиру|формува|формуван|формує)\w*$",
                         re.IGNORECASE | re.UNICODE)
_FORMED_IN_PEOPLE_RE = re.compile(
    r"\s+(?:[^\W\d_]+\s+){0,2}?(?:у|в|среди|серед|привлекательн|привабл|положительн|позитивн"
    r"|нетрадиционн|нетрадиційн|установ|уявлен|представлен|интерес|інтерес|общественн|громадськ"
    r"|мнени|думк|отношени|ставлен|искаженн|спотворен|сексуальн|ценност|цінност)\w*",
    re.IGNORECASE | re.UNICODE)
_UK_MEASURES_BEFORE_RE = re.compile(
    r"(?:обмежувальн|спеціальн|запобіжн|превентивн|необхідн|відповідн|економічн|санкційн|вжит|вжива"
    r"|вжиття|застосув|організаційн|профілактичн|правов|законодавч|комплекс|інших|персональн)\w*"
    r"(?:\s+[^\W\d_]+){0,3}\s+$", re.IGNORECASE | re.UNICODE)
_UK_MEASURES_AFTER_RE = re.compile(r"\s*(?:\(санкц|щодо\b|з метою\b|для запобігання|безпеки\b"
                                   r"|впливу\b|реагування\b)", re.IGNORECASE | re.UNICODE)
_ELECTION_RE = re.compile(
    r"\b(?:выбор\w*|предвыборн\w*|избирательн\w*|вибор\w*|передвиборн\w*|сайлау\w*|election\w*"
    r"|electoral|referend\w*|референдум\w*|кандидат\w*|candidate\w*)", re.IGNORECASE | re.UNICODE)
_AGITATION_RE = re.compile(r"(?:агитац|агітац|үгіт|agitation|campaign)", re.IGNORECASE)


def _election_campaign(clause: Clause, s: Span) -> bool:
    """Whether agitation span ``s`` is an election's campaign: an election word right before it
    («предвыборная агитация», «сайлауалды үгіт», "election campaigning")."""
    lo = s.start - clause.start
    return bool(_AGITATION_RE.match(s.text)) and _ELECTION_RE.search(
        clause.text, max(0, lo - 25), lo) is not None
_PERSONAL_DATA_NEAR_RE = re.compile(
    r"personal data|персональн\w* данн\w*|персональн\w* дан\w*|дербес дерек\w*",
    re.IGNORECASE | re.UNICODE)
_BLOCKED_PROCEDURE_RE = re.compile(
    r"\s+(?:the\s+)?(?:adoption|passage|passing|vote|voting|прийняття|ухвалення|голосування"
    r"|принятия|голосования|рассмотрения|розгляду)\b", re.IGNORECASE | re.UNICODE)
_OUTLETS = frozenset({"social_networks", "internet", "media", "television", "film", "books"})
_OUTLET_MODIFIES_RE = re.compile(
    r"^(?:-(?:продаж|торгов|магазин|реклам|казино|ставк|sales|shop|advert|casino|gambl)"
    r"|\s+(?:advertising|advertisements?|ads|sales?|продаж\w*|реклам\w*|on (?:government|official"
    r"|state|work|public)\s+(?:devices|phones|computers)|на (?:служебных|государственных|рабочих)"
    r"\s+\w+|(?:со|с|зі|з|with|containing|featuring|showing)\s+(?:сцен\w*|scenes?|content|"
    r"\w+\s+scenes?)|(?:\S+\s+){0,4}?(?:детям|дітям|children|minors|несовершеннолетним"
    r"|неповнолітнім)\s+(?:до|under|below)\s+\d))", re.IGNORECASE | re.UNICODE)
_PREPOSITIONS = frozenset({
    "в", "во", "на", "у", "через", "по", "для", "при", "за", "из", "от", "із", "з", "від", "до",
    "среди", "серед", "между", "між", "под", "під", "о", "об", "про", "к", "с", "со",
    "in", "on", "at", "via", "through", "for", "by", "within", "into", "across", "over", "among",
    "about", "from", "to", "with", "of"})
_OUTLET_GAP_RE = re.compile(
    r"^\s*(?:(?:the|a|an|this|that|these|those|этот|эту|это|этого|эти|цей|цю|ці|цього"
    r"|показ\w*|демонстраци\w*|прокат\w*|трансляці\w*|трансляци\w*|мовлення|вещание"
    r"|работу|роботу|деятельность|діяльність|showing of|screening of|distribution of"
    r"|operation of|activity of|доступ\w* к|доступ\w* до|access to)\s+)*[\"«“']?\s*$",
    re.IGNORECASE | re.UNICODE)
"""Between a ban and the outlet it bans whole: "Ban the newspaper …", «запретить показ фильма»,
«заборонити соціальну мережу TikTok»; not a preposition («запретить в СМИ пропаганду» bans the
propaganda)."""


def _whole_outlet_bans(clause: Clause, measures: Sequence[Span]) -> list[Span]:
    """Bans and closures whose object is a whole outlet (a social network, a site, a newspaper,
    a channel, a film, a book) rather than some content in it: like blocking a site, a prior
    restraint; "generic bans on the operation of certain sites and systems are not compatible
    with paragraph 3" (CCPR/C/GC/34 para 43)."""
    out = []
    for m in measures:
        if m.concept not in ("ban", "close"):
            continue
        # over the showing or broadcast of it («показ», "screening"), itself a span; a measure
        # next is what the ban bans («Запрещается цензура и закрытие газет»)
        nxt = min((x for x in clause.spans if x.start >= m.end
                   and not (x.label == "expression" and _OUTLET_GAP_RE.match(f" {x.text} "))),
                  key=lambda x: (x.start, -x.end), default=None)
        if nxt is None or nxt.label != "channel" or nxt.concept not in _OUTLETS or any(
                x.label == "expression" and x.start < nxt.end and nxt.start < x.end
                for x in clause.spans):
            continue  # not a verb of speech the lexicon also knows as a channel ("publish")
        after = clause.text[nxt.end - clause.start:]
        if _OUTLET_MODIFIES_RE.match(after) or any(
                x.start >= nxt.end and x.start - nxt.end <= 2 and x.label in ("expression", "channel")
                and x.concept in ("advertising",) for x in clause.spans):
            # the outlet qualifies what is banned ("television advertising of junk food",
            # «интернет-продажу алкоголя») or the ban has a scope ("TikTok on government
            # devices", «фильмов со сценами насилия детям до 16 лет»)
            continue
        gap = clause.text[m.end - clause.start:nxt.start - clause.start]
        words = re.findall(r"[^\W\d_][\w'’-]*", gap)
        # or a few words that qualify it («заборону популярної соціальної мережі»,
        # «Заборона використання соціальної мережі»), with no preposition among them
        if _OUTLET_GAP_RE.match(gap) or (len(words) <= 3 and not _PUNCT_RE.search(gap) and not any(
                w.lower() in _PREPOSITIONS for w in words)):
            out.append(m)
    return out


_AS_BEFORE_RE = re.compile(
    # the addressee: «обращаемся к вам, как к …», «звертаємося до Вас як до …»
    r"(?i:\b(?:как|як)\s+(?:к|до)\s+(?:[^\W\d_]+,?\s+){0,3}$)"
    # the authors: «мы, как православные …», "we, as Muslim parents", "As Muslim parents, we …"
    r"|(?i:\b(?:мы|ми|я|we|I)\s*,?\s+(?:как|як|as)\s+(?:a\s+|an\s+)?(?:[^\W\d_]+,?\s+){0,2}$)"
    r"|(?P<opening>(?:^|[.!?]\s+)(?:As|Как|Як)\s+(?:a\s+|an\s+)?(?:[^\W\d_]+\s+){0,2}$)", re.UNICODE)
_FINITE_VERB_RE = re.compile(r"\b(?:keep|keeps|hold|holds|are|is|have|has|do|does|preach|preaches"
                             r"|continue|continues|will|\w+ют|\w+ят|\w+ет|\w+ит)\b", re.UNICODE)
_ROLE_CLOSES_RE = re.compile(r"[^\W\d_]*(?:\s+[^\W\d_]+){0,3}\s*,", re.UNICODE)
"""After a sentence-opening "As Muslim parents" or «Как православные верующие», the comma that
closes the role; "As LGBT activists keep holding rallies, …" gives a cause, not a role."""


def _self_described(clause: Clause, g: Span) -> bool:
    """Whether group word ``g`` says who the author or the addressee is, after «как»,
    «як», "as" («Обращаемся к вам, как к православному человеку», "As Muslim parents, we ask"):
    the people who ask, not the people the demand is aimed at. Not "such as" or «таких как»,
    which list whom a rule covers."""
    lo = g.start - clause.start
    window = clause.text[max(0, lo - 60):lo].lower()
    if "как" not in window and "як" not in window and "as" not in window:
        return False  # most group words: no role word before them
    m = _AS_BEFORE_RE.search(clause.text, max(0, lo - 60), lo)
    # only words between: «квалифицировать как пропаганду гомосексуализма» names the speech
    if m is None or any(clause.start + m.start() <= s.start and s.end <= g.start
                        and s.label != "group" for s in clause.spans):
        return False
    if m.group("opening"):
        close = _ROLE_CLOSES_RE.match(clause.text, g.end - clause.start)
        return close is not None and not _FINITE_VERB_RE.search(close.group(0))
    return True


_PRIVACY_HARMED_RE = re.compile(
    r"\b(?:disturb\w*|violat\w*|infring\w*|invad\w*|invasion of|interfer\w* with|breach\w*"
    r"|нарушени\w*|наруша\w*|нарушит\w*|вмешательств\w* в|посягательств\w* на|порушенн\w*"
    r"|поруш\w*|втручанн\w* в|посяганн\w* на|бұзу\w*|қол сұғу\w*)"
    r"(?:\s+(?:the|a|an|of|or|and|any|his|her|their|person's|persons'|другого|іншої|иного)\b"
    r"|\s+[^\W\d_]+,?){0,6}\s*$", re.IGNORECASE | re.UNICODE)
"""Before a privacy word, a harm done to it ("disturbs the peace, quiet or right of privacy of
any person", «нарушение неприкосновенности частной жизни»): an offence that protects privacy
does not interfere with it (art. 17(2): "the protection of the law against such interference")."""
_OFFICIALS_RE = re.compile(
    r"\b(?:data|information|details|records|сведени\w*|данн\w*|дан\w*|інформаці\w*)\s+"
    r"(?:(?:of|about|on|о|об|про|щодо)\s+)?(?:[^\W\d_]+\s+){0,2}?(?:officials?|politicians?"
    r"|public figures?|должностн\w*|чиновник\w*|посадов\w*|депутат\w*|лауазымды)",
    re.IGNORECASE | re.UNICODE)
"""The people whose "personal data" a speech ban may shield from scrutiny, not protect."""
_SOLD_TO_BEFORE_RE = re.compile(
    r"\b(?:sale|sell\w*|sold|supply\w*|serv(?:e|es|ed|ing)|provid\w*|offer\w*)\b[^.;]{0,80}?"
    r"\bto\s+(?:a\s+|any\s+)?(?:persons?|individuals?|customers?|anyone|children|minors|people)"
    r"(?:\s+who\s+(?:is|are|has|have)(?:\s+not)?)?(?:\s+(?:reached|attained))?\s+(?:under|below|the)?\s*"
    r"(?:the\s+)?(?:\d{1,2}\s+years\s+of\s+)?$", re.IGNORECASE)
_AGE_NUMBER_RE = re.compile(r"\s+of\s+(?:(\d{1,2})|([a-z]+))", re.IGNORECASE)
_AGE_WORDS = {"twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
              "seventeen": 17, "eighteen": 18}
_UNDER_AGE_RE = re.compile(
    r"\b(?:under|below|(?:not|never)\s+(?:yet\s+)?(?:reached|attained))\s+the\s+$", re.IGNORECASE)
_UNDER_AGE_BEFORE_RE = re.compile(r"\b(?:under|below)\s+(?P<n>\d{1,2}|[a-z]+)\s+years\s+of\s+$",
                                  re.IGNORECASE)


def _age_threshold(clause: Clause, g: Span) -> bool:
    """Whether the group word "age" names children by an age limit ("a girl under the age of
    18"): a child-protection offence names whom it protects so; age as a ground ("on grounds of
    age", "persons over the age of 50") names a status of persons (art. 26)."""
    lo, hi = g.start - clause.start, g.end - clause.start
    if g.text.lower() != "age":
        return False
    before = _UNDER_AGE_BEFORE_RE.search(clause.text, max(0, lo - 30), lo)
    if before is not None:  # "under 18 years of age"
        number = before.group("n")
    elif _UNDER_AGE_RE.search(clause.text, max(0, lo - 30), lo) is not None:
        n = _AGE_NUMBER_RE.match(clause.text, hi)  # "under the age of 18"
        number = (n.group(1) or n.group(2)) if n else ""
    else:
        return False
    years = int(number) if number.isdigit() else _AGE_WORDS.get(number.lower(), 99)
    if years <= 21 and _SOLD_TO_BEFORE_RE.search(clause.text, max(0, lo - 120), lo):
        return True  # "the sale of tobacco to persons under 21 years of age": whom it protects
    # a child's age (at most 18), in an offence that names the children it protects, not a
    # rule that restricts them ("persons under the age of 25 shall not be allowed to …")
    return years <= 18 and any(x.label == "penalty" and not x.negated for x in clause.spans) and not any(
        x.label == "measure" and not x.negated for x in clause.spans)


_FAITH_DRESS_RE = re.compile(
    r"(?:hijab|niqa?a?b|nikab|burq?a|burka|chador|хиджаб|никаб|паранджа|хіджаб|нікаб|паранджу|паранджи)",
    re.IGNORECASE | re.UNICODE)
"""The dress of one faith ("hijab", «никаб»), not religious dress in general."""
EXCEPTION_WORDS = (
    r"\b(?:except(?:\s+for)?|with the exception of|other than|за исключением|кроме(?!\s+того)"
    r"|за винятком|крім(?!\s+того))\b|\bқоспағанда\b")
_EXCEPTION_WORD_RE = re.compile(EXCEPTION_WORDS, re.IGNORECASE | re.UNICODE)
"""Words that open exceptions ("except for", «за исключением», «кроме»), not «кроме того»
("moreover")."""
_EXCEPTION_END_RE = re.compile(
    r"[,;.!?]|\n"
    r"|\s(?:may|shall|must|can|cannot|вправе|может|могут|должн\w*|можуть|може|повинн\w*)\b",
    re.IGNORECASE | re.UNICODE)
"""Where the exceptions end: a comma (unless what follows describes the exempted: «лиц,
принимающих участие …»), so also before a new clause («, а публичные мероприятия …»), or the modal of the rule they interrupt ("No person other than a registered missionary may
carry out …", «Никто, кроме зарегистрированных миссионеров, не вправе …»)."""


def _exempted_region(clause: Clause, by: Mapping[str, list[Span]]) -> tuple[int, int] | None:
    """(start, end), in document offsets, of the exceptions to a ban or penalty stated before
    them ("… is prohibited, except for …", «Запрещается …, за исключением …»), up to the end of
    the sentence or a semicolon; None if there is none. Exceptions to a permission ("marriage is
    allowed except for same-sex couples") are the ones excluded, and stay."""
    text = clause.text
    m = _EXCEPTION_WORD_RE.search(text)
    if m is None:
        return None
    first = clause.start + m.start()
    kazakh = clause.language == "kk"  # «… қоспағанда, … тыйым салынады»: the ban comes after
    if not any((x.start >= clause.start + m.end() if kazakh else x.start < first)
               and (x.label == "penalty" or x.concept == "ban")
               for label in ("measure", "penalty") for x in by.get(label, ())):
        return None
    if kazakh:  # and the exceptions before the word, from the comma or sentence start before
        cut = max((e.end() for e in re.finditer(r"[,;.!?\n]", text[:m.start()])), default=0)
        return clause.start + cut, clause.start + m.end()
    stop = _EXCEPTION_END_RE.search(text, m.end())
    while stop is not None and stop.group(0) == "," and _QUALIFIER_AFTER_RE.match(text, stop.end()):
        # «за исключением лиц, принимающих участие в …»: the exempted are described on
        stop = _EXCEPTION_END_RE.search(text, stop.end())
    return first, clause.start + (stop.start() if stop else len(text))


_QUALIFIER_AFTER_RE = re.compile(
    r"\s*(?:\w+(?:ющ|ящ|ащ|ущ|вш|емы|имы|енн|анн)\w*|котор\w*|які\w*|який|яка|who|which|that)\b",
    re.IGNORECASE | re.UNICODE)


_MONTH_CONTEXT_RE = re.compile(
    r"(?:\d\s*|\b(?:in|on|of|since|until|till|by|from|early|late|mid-?|end of|beginning of)\s+)March\b"
    r"|(?<![A-Z]\w\w )(?<!'s )(?<![A-Z]\w )(?<![A-Z]\w\w\w )(?<![A-Z]\w\w\w\w )\bMarch\s*\d")
""""March" as a date ("17 March", "in March", "March 2025"): the month, not a march; "Women's
March 2025" and "LGBT March 2024" (a name before it) are marches."""


_ADDRESSEE_AFTER_RE = re.compile(
    r"\s*[–—-]?\s*(?:в размере|у розмірі|в розмірі|in the amount|\w*\s*мөлшерінде)", re.IGNORECASE)
_ADDRESSEE_BEFORE_RE = re.compile(
    r"(?:штраф\w*|ответственност\w*|відповідальн\w*|fine[sd]?)\s+(?:на|для|on|for)\s+[^.;]{0,160}$",
    re.IGNORECASE | re.UNICODE)


def _fined_addressee(clause: Clause, group: Span) -> bool:
    """Whether an organisation is named as one of the addressees of a fine («влечет штраф на
    физических лиц …, на должностных лиц, некоммерческие организации – в размере …»), as the
    administrative codes list them in every article: the fine is the offence's penalty for
    whoever commits it, not a restriction of associations."""
    lo, hi = group.start - clause.start, group.end - clause.start
    return bool(_ADDRESSEE_AFTER_RE.match(clause.text, hi)
                or _ADDRESSEE_BEFORE_RE.search(clause.text, max(0, lo - 200), lo))


def _parts(clause: Clause) -> _Parts:
    """The clause's non-negated spans by label, in text order (one pass over the spans)."""
    by: dict[str, list[Span]] = {}
    for s in clause.spans:
        if not s.negated:
            by.setdefault(s.label, []).append(s)
    if "measure" in by and "penalty" in by:
        # a measure word inside a penalty is the penalty's own wording: «ограничение свободы»
        # (restriction of liberty, a criminal sentence) restricts no speech
        pens = [(x.start, x.end) for x in by["penalty"]]
        by["measure"] = [m for m in by["measure"]
                         if not any(a <= m.start and m.end <= b and (a, b) != (m.start, m.end)
                                    for a, b in pens)]
    if "protective" in by:
        # a measure word inside a protective phrase is that phrase's own wording, not a
        # restriction: «Цензура запрещается» ("censorship shall be prohibited", Constitution
        # art. 20(1)) guarantees speech; "prohibit any discrimination" protects equality
        shields = [(p.start, p.end) for p in by["protective"]]
        # likewise a word of a protective term of art: "indirect" in "indirect discrimination"
        # is not the vague "indirect" (hidden) propaganda of a ban
        for label in ("measure", "penalty", "vague"):
            if label in by:
                by[label] = [m for m in by[label]
                             if not any(a <= m.start and m.end <= b for a, b in shields)]
        if "measure" in by and defines_a_harm(clause):
            by["measure"] = []  # the restriction the definition describes is the harm
        if "measure" in by:
            regions = grounds_regions(clause)
            kept = [m for m in by["measure"] if not _bans_the_harm(m, clause.spans, regions)]
            if len(kept) < len(by["measure"]):
                kept = _without_elaborations(clause, kept, clause.spans)
            by["measure"] = kept
    if "measure" in by or "penalty" in by:
        exempt = _exempted_region(clause, by)
        if exempt is not None:
            # "Wearing face coverings in public places is prohibited, except for participants
            # in cultural events": the exempted are not what the ban restricts
            lo, hi = exempt
            for label in ("expression", "group", "practice", "channel", "measure"):
                if label in by:
                    by[label] = [x for x in by[label] if not lo <= x.start < hi]
    if "expression" in by and "channel" in by:
        # a word of a channel's name is not what is restricted: «білім» (education) in «білім
        # беру ұйымдарында» ("in educational institutions")
        chans = [(c.start, c.end) for c in by["channel"]]
        by["expression"] = [e for e in by["expression"] if not any(
            a <= e.start and e.end <= b and (a, b) != (e.start, e.end) for a, b in chans)]
    if "measure" in by:
        # "blocking the adoption of the bill", «блокування прийняття законопроекту»: a protest
        # against a law, not the blocking of content
        # "blocking of personal data", «блокирование персональных данных», «дербес деректерді
        # бұғаттау»: a step of data processing (data-protection laws), not a site blocked
        by["measure"] = [m for m in by["measure"] if not (
            m.concept == "block" and (
                _BLOCKED_PROCEDURE_RE.match(clause.text, m.end - clause.start)
                or _PERSONAL_DATA_NEAR_RE.search(clause.text, max(0, m.start - clause.start - 30),
                                                 min(len(clause.text), m.end - clause.start + 40))))]
    if "measure" in by:
        # «ограничение доступа к информации» in an access-to-information law is the limit on a
        # right of access (secrecy), not a site blocked
        by["measure"] = [m.model_copy(update={"concept": "restrict"}) if (
            m.concept == "block" and _TO_INFORMATION_RE.match(clause.text, m.end - clause.start))
            else m for m in by["measure"]]
    if "penalty" in by:
        # "religious services in prisons": a place, not a sentence
        by["penalty"] = [x for x in by["penalty"] if not (
            x.concept == "imprisonment" and _LOCATED_IN_RE.search(
                clause.text, max(0, x.start - clause.start - 60), x.start - clause.start)
            and not _PUT_IN_RE.search(clause.text, max(0, x.start - clause.start - 40),
                                      x.start - clause.start))]
    if "measure" in by and clause.kind == "demand":
        # «Просим согласовать проведение марша», "approve the rally": asking that permission be
        # given, not for a permission regime
        by["measure"] = [m for m in by["measure"] if not (
            m.concept == "require_approval" and _GRANT_VERB_RE.match(m.text))]
    if "measure" in by and clause.kind != "demand":
        # "Do not allow the Pride march" asks for a ban; "the minister's beliefs do not allow
        # the minister to solemnise the marriage" states a fact
        by["measure"] = [m for m in by["measure"] if not (
            m.text.lower() in ("do not allow", "don't allow", "do not permit")
            and _BELIEFS_BEFORE_RE.search(clause.text, max(0, m.start - clause.start - 40),
                                          m.start - clause.start))]
    if "expression" in by and clause.language == "uk":
        # «заходи» as measures: «обмежувальних заходів (санкцій)», «вжити заходів щодо …»
        by["expression"] = [e for e in by["expression"] if not (
            e.concept == "events" and e.text.lower().startswith(("захід", "заход"))
            and (_UK_MEASURES_BEFORE_RE.search(clause.text, max(0, e.start - clause.start - 40),
                                               e.start - clause.start)
                 or _UK_MEASURES_AFTER_RE.match(clause.text, e.end - clause.start)))]
    if "vague" in by:
        # «формирование» promotes only something formed in people: «формирование у
        # несовершеннолетних … установок»; «формування класів» forms classes
        by["vague"] = [v for v in by["vague"] if not (
            v.concept == "promotion" and _FORMING_RE.match(v.text)
            and not _FORMED_IN_PEOPLE_RE.match(clause.text, v.end - clause.start))]
    if "vague" in by and _ELECTION_RE.search(clause.text):
        # «предвыборная агитация», «сайлауалды үгіт», "election campaigning": the campaign of an
        # election, a defined activity of the electoral law, not the vague "propaganda" of a ban
        # («Агитация за бойкот выборов» names what the campaign says: still restricted)
        by["vague"] = [v for v in by["vague"] if not (
            v.concept == "propaganda" and _election_campaign(clause, v))]
    if "expression" in by:
        # the month, not a protest: "On 17 March", "in March 2025"
        by["expression"] = [e for e in by["expression"] if not (
            e.text == "March" and _MONTH_CONTEXT_RE.search(
                clause.text[max(0, e.start - clause.start - 12):e.end - clause.start + 6]))]
    groups = by.get("group", [])
    return _Parts(
        measures=by.get("measure", []),
        penalties=by.get("penalty", []),
        expression=by.get("expression", []),
        channels=by.get("channel", []),
        groups=groups,
        designations=[g for g in groups if g.concept in DESIGNATION_GROUPS],
        aims=by.get("aim", []),
        vague=by.get("vague", []),
        protective=by.get("protective", []),
        legal_refs=by.get("legal_ref", []),
        practices=by.get("practice", []),
    )


def _listed_with(clause: Clause, span: Span, closed: Sequence[Evidence]) -> bool:
    """Whether ``span`` is one of the closed list's own items or grounds: it overlaps a
    closed-list word ("extremism"), or it and a closed-list word are items of one coordinated
    list ("national, racial or religious hatred", "advocating war, social, racial ...")."""
    text, base = clause.text, clause.start
    for ev in closed:
        if span.start < ev.end and ev.start < span.end:
            return True
        if span.end <= ev.start:
            gap = text[span.end - base:ev.start - base]
        elif ev.end <= span.start:
            gap = text[ev.end - base:span.start - base]
        else:
            continue
        if len(gap) <= 120 and _LIST_GAP_RE.match(gap):
            return True
    return False


_WAR_WORD_RE = re.compile(r"(?:war|войн|війн|соғыс)", re.IGNORECASE | re.UNICODE)
_ANTI_WORDS_RE = re.compile(
    r"against|end|stop|anti|против|проти|прекра|оконча|останов|припин|заверш", re.IGNORECASE)
_AGAINST_WAR_RE = re.compile(
    r"(?:\bagainst|\bend(?:ing)?(?: of| to)?|\bstop(?:ping)?|\banti-?|\bпротив|\bпроти"
    r"|\bпрекращени\w*|\bпрекратить|\bокончани\w*|\bостановк\w*|\bостановить|\bприпиненн\w*"
    r"|\bприпинити|\bзавершенн\w*)(?: the)?\s*$", re.IGNORECASE | re.UNICODE)


def closed_list_reading(clause: Clause, p: "_Parts | None" = None,
                        protected: frozenset[tuple[int, int]] = frozenset()
                        ) -> tuple[list[Evidence], frozenset[tuple[int, int]], bool]:
    """How a clause's speech relates to the closed lists of ICCPR art. 20 and Constitution
    art. 20(3): (closed-list words, spans that are the list's own items or grounds, whether the
    restricted propaganda also has an object *not* on the list).

    On the list: national, racial or religious words qualifying "hatred" or "superiority" are
    the protected grounds of the prohibited speech, not a group the clause treats adversely
    (ICCPR art. 20(2): "advocacy of national, racial or religious hatred"); "propaganda for
    war" is the Covenant's own term for speech States must prohibit (art. 20(1); CCPR/C/GC/34
    paras 50-52), not a vague one. An object off the list remains where the clause also names
    a sexual orientation or gender identity, another group, or a vague object ("non-traditional",
    "ideology", "harmful"). Groups in ``protected`` (:func:`_protected_groups`: the people the
    hatred is aimed at, "hatred against persons on the grounds of their sexual orientation")
    are the list's grounds too."""
    p = p if p is not None else _parts(clause)
    if not (p.expression or p.vague):
        return [], frozenset(), False
    closed = _matches(clause, CLOSED_LIST_RE)
    if closed and _ANTI_WORDS_RE.search(clause.text):
        # "calls against the war", «призывы к прекращению войны»: speech for peace is not
        # the propaganda for war of art. 20(1)
        closed = [e for e in closed if not (_WAR_WORD_RE.match(e.text) and _AGAINST_WAR_RE.search(
            clause.text, max(0, e.start - clause.start - 40), e.start - clause.start))]
    if not closed:
        return [], frozenset(), False
    listed = frozenset((s.start, s.end) for s in p.groups + p.vague
                       if s.concept not in PROPAGANDA_VAGUE and _listed_with(clause, s, closed))
    unlisted = any((g.start, g.end) not in protected
                   and (g.concept == "lgbt" or ((g.start, g.end) not in listed
                                                and g.concept not in DESIGNATION_GROUPS))
                   for g in p.groups)
    unlisted = unlisted or any(v.concept in OBJECT_VAGUE and (v.start, v.end) not in listed
                               for v in p.vague)
    return closed, listed, unlisted


def shielded_groups(clause: Clause) -> frozenset[tuple[int, int]]:
    """(start, end) of the clause's group words that name a protected ground, not a group the
    clause treats adversely: the people a prohibited harm is aimed at (:func:`_protected_groups`)
    and, except sexual orientation and gender identity, the grounds of closed-list speech
    ("racial or religious hatred": :func:`closed_list_reading`), as :func:`_compute` reads
    them; organisations named as the addressees of a fine (:func:`_fined_addressee`); and the
    author or addressee described by a group word («как к православному человеку»:
    :func:`_self_described`)."""
    p = _parts(clause)
    if not p.groups:
        return frozenset()
    insults = [s for s in p.expression if s.concept in INSULT_OBJECTS]
    belief = _disrespect_of_belief(clause, insults, protected_only=True) if insults else []
    protected = _protected_groups(clause, p.groups, belief, insults)
    _, listed, _ = closed_list_reading(clause, p, protected)
    return protected | frozenset((g.start, g.end) for g in p.groups
                                 if (g.concept != "lgbt" and (g.start, g.end) in listed)
                                 or (g.concept in ASSOCIATION_GROUPS and _fined_addressee(clause, g))
                                 or _self_described(clause, g))


def _compute(clause: Clause) -> dict[str, list[Evidence]]:
    """Signal name -> the evidence it rests on (every present signal has an entry)."""
    if not clause.spans:
        # nothing annotated (a third of real clauses): only the scope words matched in the
        # text itself can hold; the same result as the full pass below, which finds no
        # measure, object, group or opposition target in such a clause
        bare: dict[str, list[Evidence]] = {clause.kind: []}
        if _SCOPE_WORDS_RE.search(clause.text) is None:
            return bare
        privacy = _matches(clause, PRIVACY_RE) + _matches(clause, CONDUCT_RE)
        if privacy:
            bare["reaches_privacy"] = privacy
        children = _matches(clause, CHILDREN_RE)
        if children:
            bare["reaches_children"] = children
        return bare
    p = _parts(clause)
    out: dict[str, list[Evidence]] = {}

    def put(name: str, ev: Iterable[Evidence]) -> None:
        out.setdefault(name, []).extend(ev)

    out[clause.kind] = []
    insults = [s for s in p.expression if s.concept in INSULT_OBJECTS]
    belief = _disrespect_of_belief(clause, insults) if insults else []
    protected = (_protected_groups(clause, p.groups, _disrespect_of_belief(
        clause, insults, protected_only=True) if insults else [], insults) if p.groups
                 else frozenset())
    closed, listed, off_list = closed_list_reading(clause, p, protected)
    # disrespect for a religion is not advocacy of religious hatred: off the closed list
    # (CCPR/C/GC/34 para 48), even beside listed speech (Criminal Code art. 174's "insult of
    # religious feelings" next to "incitement of religious discord")
    low = clause.text.lower()
    state = (_matches(clause, STATE_SPEECH_RE)
             if (closed or p.expression or p.vague or p.penalties or p.measures)
             and any(stem in low for stem in _STATE_SPEECH_STEMS) else [])
    on_list = bool(closed) and not off_list and not belief and not state
    calls, opposed = _opposition(clause, p)
    if opposed:  # an opposed penalty ("criticised the fines imposed on …") punishes no one
        # and a repealed status («статус … іноземного агента» after «визнати такими, що
        # втратили чинність») is given to no one
        p = replace(p, penalties=[s for s in p.penalties if s not in opposed],
                    designations=[d for d in p.designations if d not in opposed])
    measures = [s for s in p.measures if s not in opposed]
    restricting = measures + p.designations
    if restricting or calls:
        put("measure", _as_evidence(restricting) + calls)
    if p.penalties:
        put("penalty", _as_evidence(p.penalties))
    cust = [s for s in p.penalties if s.concept in CUSTODIAL]
    if cust:
        put("custodial_penalty", _as_evidence(cust))
    if cust and not on_list and any(stem in low for stem in _DEFAMATION_STEMS):
        defamation = _matches(clause, DEFAMATION_RE)
        if defamation:  # GC34 para 47: no prison for defamation, whatever else the law says
            put("custodial_defamation", defamation + _as_evidence(cust))
    crim = [s for s in p.penalties if s.concept in CRIMINAL]
    if crim:
        put("criminal_penalty", _as_evidence(crim))
    if p.expression:
        put("expression_object", _as_evidence(p.expression))
    if p.channels:
        put("channel", _as_evidence(p.channels))
    if len({s.concept for s in p.channels}) >= 2:
        put("multiple_channels", _as_evidence(p.channels))

    adverse = bool(restricting or p.penalties or calls)
    comm = [s for s in p.channels if s.concept in COMMUNICATION_CHANNELS]
    gatherings = any(s.concept in GATHERINGS for s in p.expression)
    speech = [s for s in p.expression if s.concept not in GATHERINGS
              and not (gatherings and s.concept == "demonstration")] if gatherings else p.expression
    # "it is prohibited to promote homosexuality": promotion is speech though only the vague
    # span names it
    speech = speech + [v for v in p.vague if v.concept in PROPAGANDA_VAGUE and not any(
        e.start <= v.start < e.end or v.start <= e.start < v.end for e in speech)]
    if (speech or comm) and protects_a_practice(clause):
        # "Threats to kill a journalist …", «воспрепятствование … деятельности журналистов»:
        # the journalists and what they publish are protected by the penalty
        hindered = _hindered_regions(clause)
        speech = [s for s in speech if not any(a <= s.start < b for a, b in hindered)]
        comm = [s for s in comm if not any(a <= s.start < b for a, b in hindered)]
    if speech and _DATA_PROTECTION_RE.search(clause.text) and not _OFFICIALS_RE.search(clause.text):
        # "Processing of personal data revealing … political opinions … shall be prohibited":
        # the opinions are categories of data the clause protects (art. 17), not speech
        speech = [s for s in speech if s.concept in PROPAGANDA_EXPRESSION]
        if not speech:
            comm = []  # "must not post the personal data of children on social media"
    # denying or justifying the past is speech, whatever word names it (GC34 para 49)
    history = (_matches(clause, HISTORY_RE) if adverse and not on_list
               and any(stem in low for stem in _HISTORY_STEMS) else [])
    if comm and not speech and all(s.concept in _DEVICES for s in comm):
        # using a phone while driving, phones in class: a device, not what is said with it
        comm = []
    if comm and not speech and not restricting and all(s.concept in MEANS_CHANNELS for s in comm):
        # "fraud committed using the Internet is punished": the network is the means of a
        # crime; the mass media are publishing itself ("such actions … with the use of mass
        # media … will be fined": the speech offence of the clause before)
        comm = []
    if adverse and (speech or comm or state or history):
        put("restricts_expression", _as_evidence(restricting + p.penalties) + calls
            + _as_evidence(speech + comm) + state + history)
    elif p.designations:
        put("restricts_expression", _as_evidence(p.designations))
    prior = [s for s in measures if s.concept in PRIOR_RESTRAINT] + _whole_outlet_bans(
        clause, measures)
    if prior:
        put("prior_restraint", _as_evidence(prior))
    licence = [s for s in measures if s.concept in LICENSING]
    # registering a car or a medicine is no permission to exercise a freedom: only where the
    # clause names people, a practice, a gathering or the media
    licence = licence if (p.groups or p.practices or any(
        x.concept in ASSEMBLY_OBJECTS for x in p.expression) or any(
        c.concept == "media" for c in p.channels)) else []
    if licence and (p.penalties or len(licence) < len(restricting)):
        # only where something forbids or punishes the unlicensed activity: "registration is
        # carried out by the Ministry" or "unregistered groups may meet" forbid nothing
        put("licensing", _as_evidence(licence))
    if p.designations:
        # a status the law attaches to persons ("foreign agent"): whatever its wording, the State
        # must show why the label is needed (the necessity test is raised: GC34 para 35)
        put("designation", _as_evidence(p.designations))
    watching = [m for m in measures if m.concept == "surveil"]
    if watching:
        # watching, intercepting or storing communications interferes with privacy and
        # correspondence (art. 17), which must be "reasonable in the circumstances" (Toonen,
        # para 8.3)
        put("surveillance", _as_evidence(watching))

    total = _matches(clause, TOTAL_RE) if adverse else []
    wide = _matches(clause, WIDE_RE) if adverse else []
    # a list of channels is not overbreadth: "through the internet, television or print media"
    # says where the speech is restricted, not that all of it is: our reading of "must not be
    # overbroad" (GC34 para 34), whose test is the restriction's object and words of scope
    if adverse and (total or wide):
        put("blanket_scope", total + wide)
    # "any propaganda for war" is what ICCPR art. 20(1) itself requires States to prohibit:
    # an unlimited ban of speech on the closed list is no defect (GC34 paras 50-52)
    if adverse and total and not on_list:
        put("total_ban", total)

    # "propaganda for war", "extremism" on a closed list: the Covenant's and the
    # Constitution's own terms for the listed speech, not vague ones (closed_list_reading)
    vague = [v for v in p.vague if (v.start, v.end) not in listed
             and not (on_list and v.concept in PROPAGANDA_VAGUE)
             and not (v.concept == "harmful" and _harm_named(v, p.aims))]
    protective_only = bool(p.protective) and not adverse
    # a clause that only opposes a measure («Ми проти заборони так званої пропаганди ЛГБТ»)
    # restricts nothing: its words ("so-called") are the author's, not a restriction's scope
    if opposed and not adverse:
        vague = []
    if not protective_only:
        # a group named where nothing restricts or stigmatises it (a demand to recognise
        # same-sex partnerships) is not treated adversely: no distinction to justify
        sogi = [g for g in p.groups if g.concept == "lgbt" and (g.start, g.end) not in protected
                and not _self_described(clause, g)]
        if sogi and (adverse or vague):
            put("targets_sogi", _as_evidence(sogi))
        # a status the law itself creates ("foreign agent") is a measure, not a protected
        # characteristic: it reaches association and privacy, not art. 26 by itself; the same
        # for organisations as such (NGOs): a law's treatment of them is tested under freedom
        # of association (ICCPR art. 22), not as a personal status under art. 26
        # the grounds of closed-list speech ("racial or religious hatred") are protected
        # characteristics, not a group the clause treats adversely (closed_list_reading)
        # the religious adjective of a practice or a religious body ("religious literature",
        # «религиозных объединений») says which activity is regulated, for every faith alike;
        # a faith named, its believers or "sects" single out persons (GC18 para 12)
        others = [g for g in p.groups if g.concept != "lgbt"
                  and (g.concept not in ASSOCIATION_GROUPS or (
                      g.concept == "religious_body" and _MEMBERS_BEFORE_RE.search(
                          clause.text, max(0, g.start - clause.start - 20), g.start - clause.start)))
                  and (g.start, g.end) not in listed
                  and (g.start, g.end) not in protected
                  and not (g.concept == "religious" and _generic_religion(clause, g))
                  and not _OCCUPATION_RE.match(g.text)
                  and not _age_threshold(clause, g)
                  and not _self_described(clause, g)]
        if others and (adverse or any(v.concept not in PROPAGANDA_VAGUE for v in vague)):
            put("targets_other_group", _as_evidence(others))
        # the dress of one faith named in a ban or penalty (the hijab, the niqab) singles out
        # its believers, unlike "religious dress" in general: restrictions "may not be imposed
        # for discriminatory purposes or applied in a discriminatory manner" (GC22 para 8)
        dress = [x for x in p.practices if x.concept == "religion"
                 and _FAITH_DRESS_RE.match(x.text)] if adverse and p.practices else []
        if dress and protects_a_practice(clause):
            # «Запрещается принуждать женщин к ношению никаба», "dismissal for wearing a
            # hijab": the wearers are protected
            hindered = _hindered_regions(clause)
            dress = [x for x in dress if not any(a <= x.start < b for a, b in hindered)]
        if dress:
            put("targets_other_group", _as_evidence(dress))
        if "targets_sogi" in out or "targets_other_group" in out:
            put("distinction", out.get("targets_sogi", []) + out.get("targets_other_group", []))
    if vague:
        put("vague_term", _as_evidence(vague))

    for aim in p.aims:
        name = AIM_SIGNALS.get(aim.concept)
        if name:
            put(name, _as_evidence([aim]))
    if p.aims:
        put("aim_stated", _as_evidence(p.aims))
    listed = [a for a in p.aims if a.concept in LISTED_AIMS]
    if listed:
        put("aim_listed", _as_evidence(listed))

    # "display" or «демонстрация» alone is showing something, a protest only beside rallies
    assembly = [s for s in p.expression if s.concept in ASSEMBLY_OBJECTS
                and (s.concept != "demonstration" or gatherings)]
    # An explicitly unlimited ban ("fully", "open and hidden") on a group's expression covers its
    # public events and its organisations too: such "propaganda" bans were the ground for
    # refusing LGBT events (Alekseev v. Russia, CCPR/C/130/D/2727/2016, paras 7.13-7.15).
    sweeping = total if (total and p.expression and "distinction" in out) else []
    if assembly or sweeping:
        put("reaches_assembly", _as_evidence(assembly) + sweeping)
    assoc = ([s for s in p.groups if s.concept in ASSOCIATION_GROUPS
              and (s.start, s.end) not in protected and not _fined_addressee(clause, s)]
             + [s for s in measures if s.concept in ASSOCIATION_MEASURES]
             + [s for s in p.penalties if s.concept in ASSOCIATION_PENALTIES])
    if assoc or sweeping:
        put("reaches_association", _as_evidence(assoc) + sweeping)
    if "measure" in out or "penalty" in out:
        # what a petition may not ask for (the petitions law's bar): a gathering or an
        # association restricted, not one named in a request to allow or protect it ("Просим
        # разрешить проведение парада")
        for reach, restricted in (("reaches_assembly", "restricts_assembly"),
                                  ("reaches_association", "restricts_association")):
            if reach in out:
                put(restricted, out[reach])
    scoped = _SCOPE_WORDS_RE.search(clause.text) is not None
    # an offence of harming privacy protects it; "… that violates the secrecy of correspondence"
    # said of a duty to store messages is the author's charge of an interference
    shields_privacy = bool(p.penalties) and not any(m.concept == "surveil" for m in measures)
    privacy = ([e for e in _matches(clause, PRIVACY_RE) if not (
                   shields_privacy and _PRIVACY_HARMED_RE.search(
                       clause.text, max(0, e.start - clause.start - 50), e.start - clause.start))]
               + (_matches(clause, CONDUCT_RE) if not p.expression else [])) if scoped else []
    if privacy or p.designations:
        put("reaches_privacy", privacy + _as_evidence(p.designations))
    # a restriction of religious manifestation (art. 18(3)); not the religion a blasphemy
    # offence shields (``belief``), nor a ground the clause protects ("discrimination of
    # religious associations is prohibited")
    # a blasphemy offence restricts speech about a religion, not its practice (GC34 para 48)
    if adverse and not protective_only:
        shields = [(g.start, g.end) for g in p.groups if (g.start, g.end) in protected]
        shields += _hindered_regions(clause)
        religion = [] if belief else [
            m for m in _matches(clause, RELIGION_RE) + _as_evidence(
                [x for x in p.practices if x.concept == "religion"]
                + [g for g in p.groups if g.concept == "religious_body"])
            if not any(a < m.end and m.start < b for a, b in shields)
            and not _NOT_WORSHIP_RE.match(clause.text, m.end - clause.start)
            and not (_WORSHIP_PLACE_RE.match(m.text) and _LOCATED_IN_RE.search(
                clause.text, max(0, m.start - clause.start - 60), m.start - clause.start))]
        if religion:
            put("reaches_religion", religion)
        family = [m for m in _matches(clause, FAMILY_RE) + _as_evidence(
            [x for x in p.practices if x.concept == "family"])
            if not any(a < m.end and m.start < b for a, b in shields)]
        if family:
            put("reaches_family", family)
    children = (_matches(clause, CHILDREN_RE) if scoped else []) + _as_evidence(
        [a for a in p.aims if a.concept == "children"])
    if children:
        put("reaches_children", children)
    if p.protective:
        put("protective", _as_evidence(p.protective))
    if on_list:
        put("closed_list_speech", closed)
    if belief and adverse:
        put("disrespect_of_belief", belief)
    if state and adverse:
        put("shields_the_state", state)
    if history:
        put("historical_opinion", history)
    propaganda = ([s for s in p.expression if s.concept in PROPAGANDA_EXPRESSION]
                  + [v for v in p.vague if v.concept in PROPAGANDA_VAGUE])
    if propaganda and _ELECTION_RE.search(clause.text):
        # an election campaign is no "propaganda or agitation" of art. 20(3)'s kind
        propaganda = [s for s in propaganda if not _election_campaign(clause, s)]
    if propaganda and not on_list:
        put("unlisted_propaganda", _as_evidence(propaganda))
    if p.legal_refs:
        put("legal_ref", _as_evidence(p.legal_refs))
    return out


_NAMED_HARMS = frozenset({"health", "children"})


def _harm_named(vague: Span, aims: Sequence[Span]) -> bool:
    """Whether a "harmful" word says what harm it means: «причиняющей вред здоровью и (или)
    развитию детей», "detrimental effect on minors". Harm to children's health and development
    is the category such laws define; "harmful content" or «деструктивный» alone is the vague
    term (legality: CCPR/C/GC/34 para 25)."""
    return any(a.concept in _NAMED_HARMS and a.start < vague.end + 25 and a.end > vague.start
               for a in aims)


def clause_evidence(clause: Clause) -> dict[str, list[Evidence]]:
    """Every signal that holds for the clause -> the evidence it rests on.

    Compute it once per clause and pass it to :func:`evidence_of`: the reasoning asks some
    30 tests of each clause, and each would otherwise recompute the same signals.
    """
    return _compute(clause)


def clause_signals(clause: Clause) -> frozenset[str]:
    """The signal names (docs/CONTRACTS.md) that hold for one clause."""
    return frozenset(_compute(clause))


def evidence_of(found: Mapping[str, Sequence[Evidence]], names: Iterable[str]
                ) -> tuple[Evidence, ...]:
    """:func:`signal_evidence` over signals already computed by :func:`clause_evidence`."""
    seen: dict[tuple[int, int], Evidence] = {}
    for name in names:
        for ev in found.get(name, ()):
            key = (ev.start, ev.end)
            if key not in seen or (seen[key].span is None and ev.span is not None):
                seen[key] = ev
    return tuple(sorted(seen.values(), key=lambda e: (e.start, e.end)))


def signal_evidence(clause: Clause, names: Iterable[str]) -> tuple[Evidence, ...]:
    """The clause's words that the given signals rest on, de-duplicated, in text order."""
    return evidence_of(_compute(clause), names)


def is_petition(clauses: Sequence[Clause], metadata: Mapping[str, object] | None) -> bool:
    """A petition by its metadata (kind/instrument/type) or by demand clauses that call
    themselves a petition (the petitions law applies only to petitions)."""
    meta = metadata or {}
    for key in ("kind", "type", "instrument", "document_type", "title"):
        value = meta.get(key)
        if isinstance(value, str) and PETITION_RE.search(value):
            return True
    texts = [c.text for c in clauses if c.kind == "demand" or c.id == "title"]
    return any(PETITION_RE.search(t) for t in texts)


def _says_paraphrase(meta: Mapping[str, object]) -> bool:
    value = meta.get("paraphrase")
    if isinstance(value, bool):
        return value
    return str(value or "").strip().lower().startswith(("yes", "largely", "true"))


def completeness_of(metadata: Mapping[str, object] | None) -> str:
    """Normalise the completeness stated in the input's metadata (shared/eval README)."""
    meta = metadata or {}
    raw = meta.get("completeness") or meta.get("text_completeness")
    value = str(raw).strip().lower() if raw else ""
    if not value:
        return "paraphrase" if _says_paraphrase(meta) else "unknown"
    if "paraphrase" in value or "summary" in value:
        return "paraphrase"
    if "fragment" in value:
        return "quoted-fragments"
    if value.startswith("full") or value in {"complete", "verbatim"}:
        return "full"
    if "excerpt" in value or "partial" in value:
        return "excerpt"
    return value.split()[0] if value.split() else "unknown"


def document_signals(clauses: Sequence[Clause], metadata: Mapping[str, object] | None,
                     completeness: str | None = None, *,
                     clause_sigs: Mapping[str, frozenset[str]] | None = None) -> frozenset[str]:
    """Signals of the instrument as a whole: the union of the clauses', ``is_petition`` and
    ``thin_evidence`` (paraphrase or fragments only, or nothing but descriptions).

    ``clause_sigs`` (clause id -> signals) reuses signals already computed."""
    out: set[str] = set()
    for clause in clauses:
        known = clause_sigs.get(clause.id) if clause_sigs is not None else None
        out |= known if known is not None else clause_signals(clause)
    if is_petition(clauses, metadata):
        out.add("is_petition")
    comp = completeness or completeness_of(metadata)
    only_descriptions = bool(clauses) and all(c.kind == "description" for c in clauses)
    if comp in THIN_COMPLETENESS or only_descriptions:
        out.add("thin_evidence")
    return frozenset(out)


# --------------------------------------------------------------------------- conditions

CONDITION_KEYS = ("all", "any", "none")


def check_conditions(conditions: Mapping[str, Sequence[str]], *, where: str = "") -> None:
    """Raise ValueError for an unknown key or signal name (a typo must not silently never fire)."""
    for key, names in conditions.items():
        if key not in CONDITION_KEYS:
            raise ValueError(f"{where}: unknown condition key {key!r} (use all/any/none)")
        for name in names:
            if name not in SIGNALS:
                raise ValueError(f"{where}: unknown signal {name!r} in conditions.{key}")


def conditions_hold(conditions: Mapping[str, Sequence[str]], signals: frozenset[str]) -> bool:
    """``all`` must all hold, at least one of ``any`` (if given), none of ``none``.

    Empty conditions never hold: a test with no conditions is never raised by accident.
    """
    if not any(conditions.get(k) for k in CONDITION_KEYS):
        return False
    if not all(s in signals for s in conditions.get("all", ())):
        return False
    anys = conditions.get("any", ())
    if anys and not any(s in signals for s in anys):
        return False
    return not any(s in signals for s in conditions.get("none", ()))


def condition_names(conditions: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Signals a condition relies on positively (``all`` + ``any``), for the evidence."""
    names: list[str] = []
    for key in ("all", "any"):
        for n in conditions.get(key, ()):
            if n not in names:
                names.append(n)
    return tuple(names)
