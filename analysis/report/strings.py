"""Fixed strings of the brief, the charts and the letters in the two output languages.

Only fixed wording lives here. Legal texts, rationales, recommendations and addressees come
from the knowledge base and the findings (never written into templates), so that a reviewer can
check every sentence the brief attributes to a source.
"""
from __future__ import annotations

from collections.abc import Mapping

LANGS: tuple[str, ...] = ("en", "ru")

_EN: dict[str, str] = {
    "brief_title": "Legal analysis",
    "running_header": "petition-lens legal analysis",
    "toc": "Contents",
    "page": "Page",
    "not_legal_advice": "This analysis supports legal work; it is not legal advice. "
    "Every finding should be checked by a lawyer before it is relied on.",
    "exec_summary": "Executive summary",
    "verdict": "Overall assessment",
    "key_findings": "Key findings",
    "no_key_findings": "No conflict or concern was found.",
    "recommendations": "Recommendations",
    "recommendations_intro": "Recommendations (source: {source}):",
    "scope": "Scope",
    "scope_text": "Text analysed",
    "scope_title": "Title",
    "scope_file": "File",
    "scope_languages": "Languages",
    "scope_completeness": "Completeness of the text",
    "scope_standards": "Standards applied",
    "scope_as_of": "Law applied as of",
    "scope_metadata": "Details of the input",
    "scope_skipped": "Parts not analysed",
    "scope_warnings": "Warnings",
    "findings": "Findings",
    "findings_intro": "{n} findings are reported: on {m} clauses and on the instrument as a "
    "whole. The clauses are quoted once, with the words the analysis relies on highlighted. "
    "The reasoning and the authorities are then given once for each provision and test, from "
    "the finding on the instrument as a whole (or else on the strongest clause); each row of "
    "its table applies that reasoning to the words of one clause. Each finding's own reasoning "
    "text is in findings.csv and in the comments of the Word version.",
    "clauses_examined": "The clauses that raised findings",
    "raised_under": "Raised under",
    "nothing_raised": "Checked, nothing raised",
    "by_test": "Findings by provision and test",
    "raised_on": "Raised on",
    "finding_id": "Finding id",
    "finding_id_after": "Finding id, after «{clause}/»",
    "lead_reasoning": "Reasoning (finding {id})",
    "not_raised_elsewhere": "Checked and not raised on {n} other clauses.",
    "tests_not_raised": "Tests checked and raised nowhere",
    "tests_not_raised_line": "{statuses}",
    "on_n_clauses": "{status} on {n}",
    "annex_provisions": "Texts of the provisions applied",
    "annex_authorities": "Authorities cited: the passages relied on",
    "provision_text_link": "text",
    "rejected_by_reviewer": "rejected by the reviewer",
    "holding": "Holding (our words)",
    "clause": "Clause",
    "whole_instrument": "The instrument as a whole",
    "provision": "Provision",
    "provision_text": "Text of the provision",
    "provisions_applied": "Provisions applied and their text",
    "provision_text_unavailable": "The text of this provision for the date applied is not in "
    "the knowledge base.",
    "test": "Test",
    "status": "Status",
    "severity": "Severity",
    "confidence": "Confidence",
    "reasoning": "Reasoning",
    "evidence": "Words relied on",
    "authorities": "Authorities",
    "machine_finding": "Machine finding",
    "reviewer_decision": "Reviewer decision",
    "not_reviewed": "Not reviewed yet",
    "audit_trail": "Audit trail",
    "audit_machine": "{date}: petition-lens raised {status} (confidence {confidence})",
    "audit_review": "{date}: {reviewer} — {decision}",
    "reviewer_note": "Reviewer's note",
    "edited_rationale": "Reasoning as edited by the reviewer",
    "checked_not_raised": "Checked and not raised",
    "verification": "Verification",
    "source": "Source",
    "admissibility": "Admissibility under the petitions law",
    "admissibility_answer": "Answer",
    "admissibility_rests_on": "Rests on the findings",
    "precedents": "Precedents",
    "no_precedents": "No comparable precedent was matched.",
    "similarity": "Similarity",
    "outcome": "Outcome",
    "shared_concepts": "Shared features",
    "annex": "Annex",
    "annex_text": "Annotated text",
    "annex_sources": "Sources and their verification",
    "legend": "Legend of highlighted words",
    "charts": "Charts",
    "provenance": "Provenance",
    "prov_sha256": "Input SHA-256",
    "prov_kb": "Knowledge-base version",
    "prov_package": "petition-lens version",
    "prov_parameters": "Parameters",
    "prov_as_of": "Date applied (also the date of this brief)",
    "stale_reviews": "Reviewer decisions whose finding no longer exists",
    "chart_matrix": "Clauses and provisions: status of each test",
    "chart_scorecard": "ICCPR art. 19(3) three-part test and art. 26",
    "chart_rights": "Findings by right and severity (after review)",
    "chart_timeline": "Timeline",
    "chart_signatures": "Signatures and thresholds",
    "chart_signatures_count": "Signatures",
    "chart_findings_count": "Number of findings",
    "chart_not_assessed": "not assessed",
    "sc_legality": "Provided by law, precise",
    "sc_aim": "Legitimate aim (closed list)",
    "sc_necessity": "Necessary and proportionate",
    "sc_nondiscrimination": "Non-discrimination (art. 26)",
    "draft_banner": "DRAFT from UNREVIEWED machine findings: no reviewer has checked these "
    "findings yet. Have a lawyer review them before sending this letter.",
    "placeholder_name": "[Your full name]",
    "placeholder_org": "[Your organisation, if any]",
    "placeholder_address": "[Your postal address]",
    "placeholder_email": "[Your e-mail]",
    "placeholder_date": "[Date]",
    "placeholder_signature": "[Signature or electronic signature]",
    "placeholder_recipient": "[Name and title of the member of parliament or of the ministry]",
    "placeholder_country": "[your country]",
    "unknown": "unknown",
    "none": "none",
    "yes": "yes",
    "no": "no",
}

_RU: dict[str, str] = {
    "brief_title": "Правовой анализ",
    "running_header": "petition-lens: правовой анализ",
    "toc": "Содержание",
    "page": "Стр.",
    "not_legal_advice": "Этот анализ помогает юридической работе, но не является юридической "
    "консультацией. Каждый вывод должен проверить юрист, прежде чем на него опираться.",
    "exec_summary": "Резюме",
    "verdict": "Общая оценка",
    "key_findings": "Основные выводы",
    "no_key_findings": "Противоречий и сомнений не выявлено.",
    "recommendations": "Рекомендации",
    "recommendations_intro": "Рекомендации (источник: {source}; дословно, на языке источника):",
    "scope": "Предмет анализа",
    "scope_text": "Проанализированный текст",
    "scope_title": "Название",
    "scope_file": "Файл",
    "scope_languages": "Языки",
    "scope_completeness": "Полнота текста",
    "scope_standards": "Применённые стандарты",
    "scope_as_of": "Право применено по состоянию на",
    "scope_metadata": "Сведения о документе",
    "scope_skipped": "Непроанализированные части",
    "scope_warnings": "Предупреждения",
    "findings": "Выводы",
    "findings_intro": "Выводов: {n} — по {m} пунктам и по документу в целом. Пункты "
    "приведены один раз, слова, на которые опирается анализ, выделены. Затем обоснование и "
    "источники толкования даны один раз для каждой нормы и критерия — по выводу о документе в "
    "целом (или о самом серьёзном пункте); каждая строка таблицы применяет это обоснование к "
    "словам одного пункта. Обоснование каждого вывода полностью приведено в findings.csv и в "
    "примечаниях версии Word.",
    "clauses_examined": "Пункты, по которым есть выводы",
    "raised_under": "Выводы по нормам",
    "nothing_raised": "Проверено, выводов нет",
    "by_test": "Выводы по нормам и критериям",
    "raised_on": "Где выявлено",
    "finding_id": "Идентификатор вывода",
    "finding_id_after": "Идентификатор вывода после «{clause}/»",
    "lead_reasoning": "Обоснование (вывод {id})",
    "not_raised_elsewhere": "Проверено и не выявлено ещё в {n} пунктах.",
    "tests_not_raised": "Критерии, проверенные без выводов",
    "tests_not_raised_line": "{statuses}",
    "on_n_clauses": "{status}: {n}",
    "annex_provisions": "Тексты применённых норм",
    "annex_authorities": "Источники толкования: цитируемые положения",
    "provision_text_link": "текст",
    "rejected_by_reviewer": "отклонено проверяющим",
    "holding": "Вывод источника (нашими словами)",
    "clause": "Пункт",
    "whole_instrument": "Документ в целом",
    "provision": "Норма",
    "provision_text": "Текст нормы",
    "provisions_applied": "Применённые нормы и их текст",
    "provision_text_unavailable": "Текста этой нормы на применённую дату нет в базе знаний.",
    "test": "Критерий",
    "status": "Статус",
    "severity": "Серьёзность",
    "confidence": "Уверенность",
    "reasoning": "Обоснование",
    "evidence": "Слова, на которые опирается вывод",
    "authorities": "Источники толкования",
    "machine_finding": "Машинный вывод",
    "reviewer_decision": "Решение проверяющего",
    "not_reviewed": "Ещё не проверено",
    "audit_trail": "Журнал проверки",
    "audit_machine": "{date}: petition-lens: {status} (уверенность {confidence})",
    "audit_review": "{date}: {reviewer} — {decision}",
    "reviewer_note": "Примечание проверяющего",
    "edited_rationale": "Обоснование в редакции проверяющего",
    "checked_not_raised": "Проверено, нарушений не выявлено",
    "verification": "Достоверность",
    "source": "Источник",
    "admissibility": "Допустимость по закону о петициях",
    "admissibility_answer": "Ответ",
    "admissibility_rests_on": "Основано на выводах",
    "precedents": "Прецеденты",
    "no_precedents": "Сопоставимых прецедентов не найдено.",
    "similarity": "Сходство",
    "outcome": "Результат",
    "shared_concepts": "Общие признаки",
    "annex": "Приложение",
    "annex_text": "Размеченный текст",
    "annex_sources": "Источники и их достоверность",
    "legend": "Условные обозначения",
    "charts": "Диаграммы",
    "provenance": "Происхождение",
    "prov_sha256": "SHA-256 входного файла",
    "prov_kb": "Версия базы знаний",
    "prov_package": "Версия petition-lens",
    "prov_parameters": "Параметры",
    "prov_as_of": "Применённая дата (она же дата справки)",
    "stale_reviews": "Решения проверяющего, вывод для которых больше не существует",
    "chart_matrix": "Пункты и нормы: статус каждого критерия",
    "chart_scorecard": "МПГПП ст. 19(3): трёхчастный тест и ст. 26",
    "chart_rights": "Выводы по правам и серьёзности (после проверки)",
    "chart_timeline": "Хронология",
    "chart_signatures": "Подписи и пороги",
    "chart_signatures_count": "Подписи",
    "chart_findings_count": "Число выводов",
    "chart_not_assessed": "не оценивалось",
    "sc_legality": "Предусмотрено законом, точность",
    "sc_aim": "Законная цель (закрытый перечень)",
    "sc_necessity": "Необходимость и соразмерность",
    "sc_nondiscrimination": "Недискриминация (ст. 26)",
    "draft_banner": "ПРОЕКТ на основе НЕПРОВЕРЕННЫХ машинных выводов: ни один проверяющий их "
    "ещё не проверил. Пусть юрист проверит их до отправки письма.",
    "placeholder_name": "[Ваши фамилия, имя]",
    "placeholder_org": "[Ваша организация, если есть]",
    "placeholder_address": "[Ваш почтовый адрес]",
    "placeholder_email": "[Ваш e-mail]",
    "placeholder_date": "[Дата]",
    "placeholder_signature": "[Подпись или электронная подпись]",
    "placeholder_recipient": "[Имя и должность депутата или название министерства]",
    "placeholder_country": "[ваша страна]",
    "unknown": "неизвестно",
    "none": "нет",
    "yes": "да",
    "no": "нет",
}

STATUS: dict[str, dict[str, str]] = {
    "en": {
        "conflict": "conflict", "concern": "concern", "needs_review": "needs review",
        "compatible": "compatible", "not_engaged": "not engaged",
    },
    "ru": {
        "conflict": "противоречие", "concern": "сомнение", "needs_review": "нужна проверка",
        "compatible": "совместимо", "not_engaged": "не затронуто",
    },
}

SEVERITY: dict[str, dict[str, str]] = {
    "en": {"high": "high", "medium": "medium", "low": "low", "none": "none"},
    "ru": {"high": "высокая", "medium": "средняя", "low": "низкая", "none": "нет"},
}

VERDICT: dict[str, dict[str, str]] = {
    "en": {
        "incompatible": "Incompatible with the standards applied",
        "compatible": "Compatible with the standards applied",
        "mixed": "Partly compatible: some clauses conflict with the standards applied",
        "needs_review": "Needs review: the machine could not reach a conclusion",
    },
    "ru": {
        "incompatible": "Не совместимо с применёнными стандартами",
        "compatible": "Совместимо с применёнными стандартами",
        "mixed": "Частично совместимо: отдельные пункты противоречат стандартам",
        "needs_review": "Нужна проверка: машина не пришла к выводу",
    },
}

ADMISSIBILITY: dict[str, dict[str, str]] = {
    "en": {
        "inadmissible": "should not have been accepted for consideration",
        "admissible": "no ground to refuse consideration was found",
        "needs_review": "needs review",
        "not_applicable": "not applicable (the text is not a petition)",
    },
    "ru": {
        "inadmissible": "не должна была приниматься к рассмотрению",
        "admissible": "оснований для отказа в рассмотрении не выявлено",
        "needs_review": "нужна проверка",
        "not_applicable": "не применимо (текст не является петицией)",
    },
}

DECISION: dict[str, dict[str, str]] = {
    "en": {"accept": "accepted", "reject": "rejected", "edit": "accepted with edits"},
    "ru": {"accept": "принято", "reject": "отклонено", "edit": "принято с правками"},
}

VERIFICATION: dict[str, dict[str, str]] = {
    "en": {
        "official": "official text",
        "unofficial-translation": "unofficial translation",
        "secondary-quote": "quoted in a secondary source",
        "summary": "summary, not the wording",
    },
    "ru": {
        "official": "официальный текст",
        "unofficial-translation": "неофициальный перевод",
        "secondary-quote": "цитата по вторичному источнику",
        "summary": "пересказ, не дословный текст",
    },
}

COMPLETENESS: dict[str, dict[str, str]] = {
    "en": {
        "full": "full text", "excerpt": "excerpt", "quoted-fragments": "quoted fragments only",
        "paraphrase": "paraphrase only, not the wording", "unknown": "unknown",
    },
    "ru": {
        "full": "полный текст", "excerpt": "выдержка", "quoted-fragments": "только цитаты",
        "paraphrase": "только пересказ, не дословный текст", "unknown": "неизвестно",
    },
}

SPAN_LABEL: dict[str, dict[str, str]] = {
    "en": {
        "measure": "restriction", "penalty": "penalty", "expression": "expression",
        "channel": "channel", "group": "targeted group", "aim": "stated aim",
        "vague": "vague term", "protective": "protective", "legal_ref": "legal reference",
        "practice": "protected practice",
    },
    "ru": {
        "measure": "ограничение", "penalty": "наказание", "expression": "выражение мнения",
        "channel": "канал", "group": "группа", "aim": "заявленная цель",
        "vague": "размытый термин", "protective": "защитная норма", "legal_ref": "ссылка на норму",
        "practice": "защищаемая практика",
    },
}

TEST_NAME: dict[str, dict[str, str]] = {
    "en": {
        "engagement": "right engaged", "legality": "provided by law (legality)",
        "legitimate_aim": "legitimate aim", "necessity": "necessity",
        "proportionality": "proportionality",
        "necessity_proportionality": "necessity and proportionality",
        "non_discrimination": "non-discrimination", "closed_list": "closed list of banned speech",
        "treaty_priority": "priority of ratified treaties", "admissibility": "admissibility",
        "precedent": "domestic precedent", "non_restrictable": "rights that may not be restricted",
        "censorship": "prohibition of censorship", "excluded_topic": "excluded topic",
        "family": "family life", "family_necessity": "family life: necessity",
        "permissible_grounds": "permissible grounds", "respect_for_religion":
        "respect for religion (blasphemy)",
    },
    "ru": {
        "engagement": "затрагивается право", "legality": "предусмотрено законом (правовая "
        "определённость)", "legitimate_aim": "законная цель", "necessity": "необходимость",
        "proportionality": "соразмерность",
        "necessity_proportionality": "необходимость и соразмерность",
        "non_discrimination": "недискриминация",
        "closed_list": "закрытый перечень запрещённых высказываний",
        "treaty_priority": "приоритет ратифицированных договоров", "admissibility": "допустимость",
        "precedent": "национальный прецедент",
        "non_restrictable": "права, не подлежащие ограничению",
        "censorship": "запрет цензуры", "excluded_topic": "исключённая тема",
        "family": "семейная жизнь", "family_necessity": "семейная жизнь: необходимость",
        "permissible_grounds": "допустимые основания", "respect_for_religion":
        "уважение к религии (богохульство)",
    },
}
"""Short names of the tests (by test id, else by kind) for tables and headings."""

RIGHT: dict[str, dict[str, str]] = {
    "en": {
        "expression": "expression", "equality": "equality", "assembly": "assembly",
        "association": "association", "privacy": "privacy", "family": "family",
        "children": "children", "religion": "religion", "other": "other",
    },
    "ru": {
        "expression": "выражение мнений", "equality": "равенство", "assembly": "собрания",
        "association": "объединения", "privacy": "частная жизнь", "family": "семья",
        "children": "дети", "religion": "религия", "other": "другое",
    },
}

LETTER: dict[str, dict[str, str]] = {
    "en": {
        "complaint_title": "Complaint: request to reject the petition",
        "complaint_to": "To",
        "complaint_subject": "Subject: request to reject the petition «{title}»",
        "complaint_opening": "Dear Sir or Madam,",
        "complaint_body": "I am writing to ask you to reject the petition «{title}». Its "
        "subject could lead to violations of human rights and freedoms, and it conflicts with "
        "the provisions of the Constitution and of the international treaties listed below.",
        "complaint_findings": "The analysis of the petition's text found the following:",
        "complaint_admissibility": "Admissibility under the petitions law:",
        "complaint_recommendations": "I also ask the Government to act on the following "
        "recommendations:",
        "complaint_closing": "I ask you to reject the petition and to inform me of your "
        "decision.",
        "mp_title": "Letter to a member of parliament or a ministry of foreign affairs",
        "mp_subject": "Subject: concern about the petition «{title}»",
        "mp_opening": "Dear [Name],",
        "mp_body": "I am writing to inform you of the petition «{title}», which is being "
        "considered by the authorities, and to ask you to raise the concern it causes.",
        "mp_findings": "An analysis of the petition's text found the following:",
        "mp_asks": "The appeal ({source}) asks:",
        "mp_recommendations": "Please also support these recommendations:",
        "mp_closing": "Thank you for your attention to this matter.",
        "sincerely": "Yours faithfully,",
        "sources_note": "Findings cite the provision and the authority; each source's "
        "verification level is given in the brief.",
        "status_word": "status",
    },
    "ru": {
        "complaint_title": "Жалоба: просьба отклонить петицию",
        "complaint_to": "Кому",
        "complaint_subject": "Тема: просьба отклонить петицию «{title}»",
        "complaint_opening": "Уважаемые господа!",
        "complaint_body": "Прошу отклонить петицию «{title}». Её предмет может привести к "
        "нарушению прав и свобод человека, и она противоречит перечисленным ниже нормам "
        "Конституции и международных договоров.",
        "complaint_findings": "Анализ текста петиции показал следующее:",
        "complaint_admissibility": "Допустимость по закону о петициях:",
        "complaint_recommendations": "Также прошу Правительство выполнить следующие рекомендации "
        "(дословно, на языке обращения):",
        "complaint_closing": "Прошу отклонить петицию и сообщить мне о принятом решении.",
        "mp_title": "Письмо депутату или министерству иностранных дел",
        "mp_subject": "Тема: обеспокоенность петицией «{title}»",
        "mp_opening": "Уважаемый(ая) [Имя]!",
        "mp_body": "Сообщаю вам о петиции «{title}», которую рассматривают органы власти, и "
        "прошу выразить обеспокоенность ею.",
        "mp_findings": "Анализ текста петиции показал следующее:",
        "mp_asks": "Обращение ({source}) просит:",
        "mp_recommendations": "Прошу также поддержать следующие рекомендации (дословно, на языке "
        "обращения):",
        "mp_closing": "Благодарю за внимание к этому вопросу.",
        "sincerely": "С уважением,",
        "sources_note": "Выводы ссылаются на норму и источник толкования; достоверность каждого "
        "источника указана в справке.",
        "status_word": "статус",
    },
}

_TABLES: dict[str, dict[str, str]] = {"en": _EN, "ru": _RU}


def check_lang(lang: str) -> str:
    """Return ``lang`` if it is an output language, else raise a plain :class:`InputError`."""
    if lang not in LANGS:
        from ..errors import InputError

        raise InputError(
            f"the output language {lang!r} is not available",
            where="--lang",
            hint="use --lang en or --lang ru",
        )
    return lang


def t(lang: str, key: str, **fmt: object) -> str:
    """A fixed string in ``lang``; ``fmt`` fills its ``{placeholders}``."""
    text = _TABLES[lang][key]
    return text.format(**fmt) if fmt else text


def pick(table: Mapping[str, Mapping[str, str]], lang: str, key: str) -> str:
    """Look ``key`` up in one of the vocabularies above, falling back to the key itself."""
    return table.get(lang, {}).get(key, key)


def localised(value: object, lang: str) -> str:
    """Text in ``lang`` from a ``{lang: text}`` mapping (en, then any, as fallback)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        for key in (lang, "en", "ru"):
            if value.get(key):
                return str(value[key])
        for v in value.values():
            if v:
                return str(v)
        return ""
    return str(value)
