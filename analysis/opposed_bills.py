"""Read what a petition says an opposed bill would do as the bill's content, not as its demand.

A petition against a bill usually names the bill in one sentence and describes it in the next:

    We call on the President not to sign the Anti-Homosexuality Bill. The bill would punish
    people for who they love and ban the so-called promotion of homosexuality.

    Просим не подписывать законопроект о запрете пропаганды. Законопроект запрещает …

Read alone, the second sentence is a description of a ban, and a ban is what the reasoning
tests. Read with the first, it is what the authors ask the State *not* to enact: asking for
that is itself protected expression and restricts no one. :func:`read_opposed_bills` gives the
reasoning a reading copy of each such description, with its measures, penalties and vague terms marked
as negated; the clauses the brief shows are unchanged. Only a description whose subject is the
bill ("The bill would …", «Законопроект запрещает …», «Цей закон передбачає …») after the
author's own demand or statement against a bill (a portal's title in the infinitive, «Отменить
закон …», is one) counts (and, before a demand that points back to
it, "The law restricts …. We ask to repeal this law.") (not a report that others opposed it): a law's own text (its norms, a repeal clause), or a
report that describes a law without opposing it, is read as it stands.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from .models import Clause
from .signals import AUTHOR_VOICE_RE, NOT_BEFORE_RE, THIS_BILL, UNDO_WORDS

_BILL = (r"(?:bill|draft law|law|legislation|amendments?|act|законопроект\w*|закон\w*|поправк\w*"
         r"|законопроєкт\w*|заң\w*|заң жобасы\w*)")
_OPPOSES_BILL_RE = re.compile(
    rf"\b(?:{UNDO_WORDS}|oppose[sd]?|opposing|withdraw\w*"
    r"|(?:are|is|am|stand|speak out|protest|campaign(?:ing)?) against"
    r"|отозвать|отменить|против|відкликати|скасувати|проти|қайтарып алу\w*|қарсы\w*)"
    rf"\b[^.!?]{{0,60}}?\b{_BILL}", re.IGNORECASE | re.UNICODE)
"""A clause that opposes a bill: "not to sign the Anti-Homosexuality Bill", "we oppose the
bill", «Просим не подписывать закон …», «Мы против законопроекта …»."""
_DESCRIBES_BILL_RE = re.compile(
    r"^\W*(?:(?:however|in particular|moreover|also|further),?\s+)?"
    r"(?:(?:it|the|this|that|such an?|the proposed|the draft|этот|данный|такой|указанный"
    r"|предлагаемый|цей|такий|даний|зазначений|бұл|осы)\s+)?"
    # an adjective before the bill and its number or date after it: «Федеральные законы
    # № 374-ФЗ и № 375-ФЗ от 6 июля 2016 года обязывают …»
    rf"(?:[\w-]+\s+)?(?:draft\s+)?{_BILL}(?:\s*\([^)]*\))?(?:\s+[^\s.!?;:,]+){{0,12}}?\s+"
    r"(?:would|will|could|seeks|aims|provides|bans|prohibits|criminali[sz]es|introduces|makes"
    r"|requires?|obliges?|forces?|обязыва\w*|обяж\w*|расширя\w*|зобов'язу\w*|міндеттейді"
    r"|punishes|imposes|restricts|limits|also|предусматрива\w*|запрещает|запретит|вводит|введ[её]т"
    r"|позволит|ограничива\w*|ограничит|обмежу\w*|шектейді"
    r"|криминализ\w*|наказыва\w*|также|передбача\w*|забороняє|заборонить|запроваджу\w*|також"
    r"|тыйым салады|көздейді|приведёт|приведет|привести|призведе|призвести|lead|leads|станет|стане)\b"
    r"|^\W*it\s+would\b", re.IGNORECASE | re.UNICODE)
"""A clause whose subject is the bill and whose verb says what it does ("The bill would ban …",
«Законопроект запрещает …»), or "It would …" right after."""


_THIS_BILL_RE = re.compile(rf"{THIS_BILL}|\bthe\s+(?:draft\s+)?(?:bill|law|act)\b",
                           re.IGNORECASE | re.UNICODE)
_OPPOSES_IT_RE = re.compile(
    rf"\b(?:{UNDO_WORDS}|отозвать|відкликати|withdraw)\s+(?:его|её|її|його|it|them|их|їх)\b",
    re.IGNORECASE | re.UNICODE)
"""A demand against a bill named by a pronoun ("We ask you to reject it", «просим не принимать
его»): only the bill described just before is meant."""
"""An opposed bill named by pointing back ("repeal this law", "withdraw the Bill", «отменить
этот закон»)."""
_AUTHOR_VOICE_RE = AUTHOR_VOICE_RE
_PAST_RE = re.compile(r"\b(?:repealed|rejected|vetoed|withdrew|withdrawn|opposed|отменил\w*"
                      r"|отклонил\w*|скасува\w*|відхилил\w*)\b", re.IGNORECASE | re.UNICODE)
"""A repeal or rejection already done ("We repealed the old law"): nothing is opposed now."""
_PRONOUN_START_RE = re.compile(r"^\W*(?:it|он|она|оно|він|вона|воно|ол)\s", re.IGNORECASE | re.UNICODE)
_BILL_STEMS = ("bill", "law", "legislation", "amendment", "act", "закон", "поправк", "заң")


def _mentions_a_bill(text: str) -> bool:
    """A cheap pre-check for :data:`_OPPOSES_BILL_RE` (most clauses name no bill)."""
    low = text.lower()
    return any(stem in low for stem in _BILL_STEMS)


_DESCRIBED = frozenset({"measure", "penalty", "vague"})
"""What a description of an opposed bill says the bill would do, in the bill's words or the
author's ("the so-called promotion"): none of it is the text's own restriction."""


def read_opposed_bills(clauses: Sequence[Clause]) -> list[Clause]:
    """``clauses`` with each description of an opposed bill (module docstring) replaced by a
    reading copy whose measures, penalties and vague terms are negated. Other clauses are returned as
    they are."""
    out = list(clauses)
    opposing = described = False
    for j, clause in enumerate(out):
        # «Цей закон забороняє …» reads as a norm by its verb; after a demand not to sign the
        # law it describes that law; "It …", «Он …» right after such a description goes on
        # describing it
        if opposing and clause.kind != "demand" and (
                _DESCRIBES_BILL_RE.match(clause.text)
                or (described and _PRONOUN_START_RE.match(clause.text))):
            described = True
            out[j] = _as_described(clause)
            continue
        described = False
        oppose = (not opposing and clause.kind != "norm" and _mentions_a_bill(clause.text)
                  and _OPPOSES_BILL_RE.search(clause.text))
        if not oppose and clause.kind == "demand" and j > 0:
            it = _OPPOSES_IT_RE.search(clause.text)
            if it is not None and _AUTHOR_VOICE_RE.search(clause.text):
                # "The bill would … . We ask you to reject it.": the descriptions just before
                k = j - 1
                while k >= 0 and out[k].kind != "demand" and _DESCRIBES_BILL_RE.match(out[k].text):
                    out[k] = _as_described(out[k])
                    k -= 1
                continue
        if (oppose and (_AUTHOR_VOICE_RE.search(clause.text) or _opens_a_demand(clause, oppose))
                and not NOT_BEFORE_RE.search(clause.text, max(0, oppose.start() - 25), oppose.start())
                and not _PAST_RE.search(clause.text, oppose.start(), oppose.end() + 12)):
            opposing = True  # a petition or a report opposes; a law's own repeal clause does not
            if _THIS_BILL_RE.search(clause.text):
                # "The law restricts missionary work. We ask to repeal this law.": the
                # descriptions just before are that law's content too
                k = j - 1
                while k >= 0 and out[k].kind != "demand" and _DESCRIBES_BILL_RE.match(out[k].text):
                    out[k] = _as_described(out[k])
                    k -= 1
    return out


_IN_THE_BILL_RE = re.compile(rf"\b(?:в|во|из|у|на|с|from|in|of|to)\s+(?:[\w-]+\s+)?{_BILL}$",
                            re.IGNORECASE | re.UNICODE)


def _opens_a_demand(clause: Clause, oppose: re.Match[str]) -> bool:
    """Whether a demand clause opens with the undoing ("Отменить «закон Яровой»", a petition's
    title, «1. Признать утратившими силу …»): the author's own demand, in the infinitive the
    portals' titles use, with no "we" to show it."""
    if clause.kind != "demand" or len(
            re.sub(r"^\W*(?:\d+[.)]\s*)?", "", clause.text[:oppose.start()]).split()) > 1:
        return False
    # the law is what is undone, not where: «Отменить возрастной ценз в законе о запрете …»
    # undoes an exception of the law, that is, extends its ban
    return _IN_THE_BILL_RE.search(oppose.group(0)) is None


def _as_described(clause: Clause) -> Clause:
    return clause.model_copy(update={"spans": tuple(
        s.model_copy(update={"negated": True}) if s.label in _DESCRIBED else s
        for s in clause.spans)})
