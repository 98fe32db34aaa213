"""The question vocabulary of ``fengong ask`` (``queries/data/ask.yaml``), read and validated once.

Unknown keys and malformed entries fail loudly with the file and the key named, so a typo in the
data file never silently changes what questions mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from fengong.vocabulary import STATES, lead_label_stems, role_words, state_holding

_FILE = "queries/data/ask.yaml"
_KEYS = {
    "roles", "intents", "before_words", "after_words", "months_en", "unit_types_en",
    "generic_unit_words", "places_en", "unit_stop_words", "metrics", "capabilities", "filler_words",
    "states", "who_words", "relative_years", "relative_months", "periods", "document_words", "negations", "abbreviations_en",
    "from_today", "task_role_words", "exact_state_words", "figure_words", "figure_pairs", "contact_words", "person_posts", "person_asks", "person_asks_before", "place_question_words", "recurring_words", "generic_modifiers", "joint_notice", "department_words_en", "alternatives", "amount_words", "due_today", "before_today", "any_state", "document_kind_en", "not_yet_due", "open_ended", "after_today",
    "only_taking_part", "sub_place_words_en", "document_name_ends", "plan_clause_openers", "plan_clause_ends",
    "capital_acronyms_en", "role_inclusion", "place_name_ends_en", "countable_en",
    "level_words", "phrase_tails", "opened_words", "word_places", "no_lead_patterns", "campaign_words",
    "list_words", "lead_labels",
}  # fmt: skip
ROLES = ("lead", "cooperate", "responsible", "any")

INTENTS = (
    "targets", "due", "unit_work", "people", "documents", "ranking", "workload", "overdue", "due_next",
    "compare", "places", "partners", "no_lead", "progress", "task_state", "shared",
)  # fmt: skip


class AskVocabularyError(ValueError):
    """``queries/data/ask.yaml`` is missing a key or has the wrong shape."""


@dataclass(frozen=True, slots=True)
class Words:
    """Chinese substrings and English whole-word phrases that mean one thing."""

    zh: tuple[str, ...]
    en: tuple[str, ...]

    def find_zh(self, text: str) -> str | None:
        """The longest Chinese word occurring in ``text``, not where its last character opens a word
        of the text's (推进中 in 推进中心城区…: 中心)."""
        hits = [w for w in self.zh if w in text and _standing(w, text)]
        return max(hits, key=len) if hits else None

    def find_en(self, words: str) -> str | None:
        """The longest English phrase occurring in ``words`` (normalised, space-padded); a ``*`` in
        a phrase stands for up to three words (past * deadline: past their completion deadline), a
        ``**`` for up to twelve (has the task ** been finished)."""
        found = []
        for w in self.en:
            if "*" not in w:
                if f" {w} " in words:
                    found.append(w)
            elif (m := _gap_re(w).search(words)) is not None:
                found.append(m.group().strip())  # (the words written, for a caller to mask)
        return max(found, key=len) if found else None

    def find(self, text: str, words: str) -> str | None:
        """A Chinese or English hit."""
        return self.find_zh(text) or self.find_en(words)


def _standing(word: str, text: str) -> bool:
    """Whether ``word`` occurs in ``text`` once at least with its last character not opening one of
    the words it is a part of (中 of 推进中 in 中心)."""
    opened = ask_vocab().opened_words
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if text[end - 1 : end + 1] not in opened:
            return True
        at = text.find(word, at + 1)
    return False


#: The words a gap in a phrase stands for: ``*`` a few (past * deadline), ``**`` a task's name and the
#: plan it is in (has ** been finished: has the task X in Y's plan been finished).
_GAPS = {"*": r"(?: \S+){0,3} ", "**": r"(?: \S+){0,12} "}


@cache
def _gap_re(phrase: str) -> re.Pattern[str]:
    """A phrase with ``*`` and ``**`` gaps as a pattern over space-padded words."""
    pieces = re.split(r"(\*\*|\*)", phrase)
    return re.compile(" " + "".join(_GAPS[p] if p in _GAPS else re.escape(p.strip()) for p in pieces) + " ")


@dataclass(frozen=True, slots=True)
class Period:
    """A part of a year asked about as a span: its words and its first and last month-day."""

    words: Words
    start: str  # MM-DD
    end: str


def _periods(value: Any) -> tuple[Period, ...]:
    if not isinstance(value, list):
        raise AskVocabularyError(f"{_FILE}: periods must be a list")
    out = []
    for i, entry in enumerate(value, 1):
        where = f"periods #{i}"
        if not isinstance(entry, dict) or set(entry) != {"zh", "en", "from", "to"}:
            raise AskVocabularyError(f"{_FILE}: {where} must have the keys zh, en, from and to")
        if not all(re.fullmatch(r"\d{2}-\d{2}", str(entry[k])) for k in ("from", "to")):
            raise AskVocabularyError(f"{_FILE}: {where}: from and to must be MM-DD")
        out.append(
            Period(
                _words({"zh": entry["zh"], "en": entry["en"]}, where), str(entry["from"]), str(entry["to"])
            )
        )
    return tuple(out)


def _relative_years(value: Any, key: str = "relative_years") -> dict[str, int]:
    if not isinstance(value, dict) or set(value) - {"zh", "en"}:
        raise AskVocabularyError(f"{_FILE}: {key} must be a mapping with keys zh and en")
    out: dict[str, int] = {}
    for lang, words in value.items():
        if not isinstance(words, dict) or not all(isinstance(v, int) for v in words.values()):
            raise AskVocabularyError(f"{_FILE}: {key}.{lang} must map words to whole numbers")
        out.update({(str(k) if lang == "zh" else norm_en(str(k)).strip()): int(v) for k, v in words.items()})
    return out


@dataclass(frozen=True)
class AskVocab:
    """Everything ``queries/ask.py`` reads from the data file."""

    roles: dict[str, Words]
    intents: dict[str, Words]
    states: dict[str, Words]
    before: Words
    after: Words
    months_en: dict[str, int]
    unit_types_en: dict[str, str]  # English phrase -> UnitType
    generic_unit_words: Words
    places_en: dict[str, str]  # pinyin -> Chinese place name
    unit_stop_words: tuple[str, ...]
    metrics: dict[str, tuple[str, ...]]  # Chinese metric word -> English aliases
    capabilities: tuple[str, ...]
    filler: Words  # words that name nothing to search for
    who: Words  # words that ask for units
    relative_years: dict[str, int]  # 今年 / next year -> years from today's
    periods: tuple[Period, ...]  # quarters and halves of a year
    document_words: Words  # words naming a document (…方案里, the … plan)
    document_name_ends: Words  # words after a topic that end a document's name (the port report in …)
    plan_clause_openers: Words  # in / under: an English clause naming the plan asked about opens
    plan_clause_ends: Words  # who / which …: the question after that clause begins
    negations: Words  # words before a role word that deny it (而非牵头, rather than lead)
    only_taking_part: Words  # 只参与 / only take part: every role but the lead
    sub_place_words_en: dict[str, tuple[str, ...]]  # 乡 -> township: a sub-county place's ending in English
    place_name_ends_en: dict[str, tuple[str, ...]]  # 岛 -> island: a zone's own name's last word in English
    countable_en: frozenset[str]  # how many tasks / bureaus: what the graph counts (else a figure)
    level_words: tuple[str, ...]  # 县城, 市场: a level's character in a word, not closing a place's name
    phrase_tails: tuple[str, ...]  # 项目, 工作: a noun put after a task's words (建设X项目)
    opened_words: frozenset[str]  # 中心: a word a vocabulary word's last character may open
    word_places: frozenset[str]  # 城区, 郊区: places whose names are common words
    lead_labels: dict[str, str]  # 第一责任单位 -> 牵头单位: a document's label naming the lead
    no_lead_patterns: tuple[re.Pattern[str], ...]  # 没有明确具体的负责司局: asks for tasks without a lead
    abbreviations_en: dict[str, str] = field(default_factory=dict)  # ip -> intellectual property
    capital_acronyms_en: dict[str, str] = field(default_factory=dict)  # MOST -> the ministry's name
    role_inclusion: Words = Words((), ())  # 含 / including: every role beside "any role"
    from_today: Words = Words((), ())  # 从今天到年底: due from today, not before it
    # a part of a report's word asked for by itself (基本完成, 阶段性), with the question's words
    exact_state_words: dict[str, Words] = field(default_factory=dict)
    relative_months: dict[str, int] = field(default_factory=dict)  # 本月 / next month -> months from today's
    task_role_words: tuple[str, ...] = ()  # a document's role words that a question uses as task words (统筹)
    figure_words: Words = Words((), ())  # words asking for a figure no task gives (增速是多少)
    contact_words: Words = Words((), ())  # words asking for contact details (电话, phone number)
    person_posts: Words = Words((), ())  # posts people hold (局长, mayor)
    person_asks: Words = Words((), ())  # words asking who holds one (是谁, name of)
    person_asks_before: Words = Words((), ())  # the same, written before the post (哪位镇领导)
    place_question_words: Words = Words((), ())  # 哪些地方 / which places, with no role word: places
    figure_pairs: tuple[tuple[str, str], ...] = ()  # 实际 … 多少: a figure asked wherever they stand
    # 季 -> 每季度, quarterly: how often work recurs, by the word its deadline holds
    recurring: dict[str, Words] = field(default_factory=dict)
    generic_modifiers: tuple[str, ...] = ()  # 重点, 重要: beside a topic's words, nothing narrower
    joint_notice: Words = Words((), ())  # 等{n}部门 / and {n} other departments: a joint notice's signers
    department_words_en: tuple[str, ...] = ()  # a central body's department (department, division)
    alternatives: Words = Words((), ())  # 或 / or: two alternatives asked about at once
    amount_words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # money / counters after 多少
    due_today: Words = Words((), ())  # 今天到期 / due today: the tasks due on today's date
    before_today: Words = Words((), ())  # 今天之前 / before today: due by yesterday
    after_today: Words = Words((), ())  # 今天之后 / after today: due from tomorrow
    any_state: Words = Words((), ())  # 不论是否办结 / regardless of completion: done tasks too
    not_yet_due: Words = Words((), ())  # 还没到期 / not yet due: from today on
    open_ended: Words = Words((), ())  # 长期性 / no fixed deadline: recurring or ongoing tasks
    campaign_words: tuple[str, ...] = ()  # 攻坚行动中，: a campaign named at the start, as a plan is
    list_words: Words = Words((), ())  # the supervision items: a list of any subject its topic titles
    document_kind_en: frozenset[str] = frozenset()  # joint, draft: how a plan was issued
    document_roles: dict[str, Words] = field(default_factory=dict)  # role words of documents only


def norm_en(text: str) -> str:
    """Lower-case English words separated by single spaces, padded with spaces for phrase lookups."""
    # _ stays: the vocabulary marks where a unit stands with it (assist _), as masked questions do
    # a possessive is its name (Qiandongnan's heritage plan: qiandongnan), not a word "s"
    text = re.sub(r"(?<=[a-z])['’]s\b", "", text.lower())
    # a pinyin name's apostrophe parts syllables, not words (Daxing'anling: daxinganling, Xi'an: xian)
    text = re.sub(r"(?<=[a-z])['’](?=[aeo])", "", text)
    return " " + " ".join(re.sub(r"[^0-9a-z\u4e00-\u9fff+_]+", " ", text).split()) + " "


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise AskVocabularyError(f"{_FILE}: {where} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _words(value: Any, where: str) -> Words:
    if not isinstance(value, dict) or set(value) - {"zh", "en"}:
        raise AskVocabularyError(f"{_FILE}: {where} must be a mapping with keys zh and en")
    # (a * gap stays: past * deadline; and a ** gap, has ** been finished)
    en = tuple(
        "".join(
            f" {piece} " if piece in _GAPS else norm_en(piece).strip() for piece in re.split(r"(\*\*|\*)", w)
        ).strip()
        for w in _strings(value.get("en", []), f"{where}.en")
    )
    return Words(_strings(value.get("zh", []), f"{where}.zh"), en)


def _named(value: Any, names: tuple[str, ...], where: str) -> dict[str, Words]:
    if not isinstance(value, dict) or set(value) != set(names):
        raise AskVocabularyError(f"{_FILE}: {where} must have exactly the keys {', '.join(names)}")
    return {name: _words(value[name], f"{where}.{name}") for name in names}


def _pairs(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(w, str) and w.strip() for w in p)
        for p in value
    ):
        raise AskVocabularyError(f"{_FILE}: {where} must be a list of [first, second] word pairs")
    return tuple((str(a).strip(), str(b).strip()) for a, b in value)


def _with_lead_stems(intents: dict[str, Words]) -> dict[str, Words]:
    """The no-lead words also with each other lead label of the documents (没有主责单位 as 没有牵头单位)."""
    words = intents["no_lead"]
    more = [w.replace("牵头", stem) for w in words.zh if "牵头" in w for stem in lead_label_stems()]
    return {**intents, "no_lead": Words(tuple(dict.fromkeys([*words.zh, *more])), words.en)}


#: English body words a name may put first ("bureau of finance") or last ("finance bureau").
BODY_WORDS_EN = frozenset(("bureau", "commission", "department", "administration", "office", "committee"))


def parse_vocab(data: Any) -> AskVocab:
    """Validate the parsed YAML; errors name the file and the key."""
    if not isinstance(data, dict):
        raise AskVocabularyError(f"{_FILE}: expected a mapping at the top level")
    missing, unknown = _KEYS - set(data), set(data) - _KEYS
    if missing or unknown:
        raise AskVocabularyError(f"{_FILE}: missing keys {sorted(missing)}, unknown keys {sorted(unknown)}")
    months = data["months_en"]
    if not isinstance(months, dict) or not all(isinstance(v, int) and 1 <= v <= 12 for v in months.values()):
        raise AskVocabularyError(f"{_FILE}: months_en must map names to 1..12")
    unit_types: dict[str, str] = {}
    for unit_type, phrases in (data["unit_types_en"] or {}).items():
        for phrase in _strings(phrases, f"unit_types_en.{unit_type}"):
            key = norm_en(phrase).strip()
            unit_types[key] = str(unit_type)
            # the official order too: ecology and environment bureau = bureau of ecology and environment
            *words, body = key.split()
            if words and words[-1] != "of" and body in BODY_WORDS_EN:
                unit_types.setdefault(f"{body} of {' '.join(words)}", str(unit_type))
    places = data["places_en"]
    if not isinstance(places, dict) or not all(isinstance(v, str) for v in places.values()):
        raise AskVocabularyError(f"{_FILE}: places_en must map names to Chinese place names")
    metrics_raw = data["metrics"]
    if not isinstance(metrics_raw, dict):
        raise AskVocabularyError(f"{_FILE}: metrics must map Chinese words to English aliases")
    metrics = {
        str(k): tuple(norm_en(a).strip() for a in _strings(v, f"metrics.{k}")) for k, v in metrics_raw.items()
    }
    return AskVocab(
        roles=_named(data["roles"], ROLES, "roles"),
        intents=_with_lead_stems(_named(data["intents"], INTENTS, "intents")),
        states=_named(data["states"], STATES, "states"),
        before=_words(data["before_words"], "before_words"),
        after=_words(data["after_words"], "after_words"),
        months_en={str(k).lower(): int(v) for k, v in months.items()},
        unit_types_en=unit_types,
        generic_unit_words=_words(data["generic_unit_words"], "generic_unit_words"),
        places_en={str(k).lower(): v for k, v in places.items()},
        unit_stop_words=_strings(data["unit_stop_words"], "unit_stop_words"),
        metrics=metrics,
        capabilities=_strings(data["capabilities"], "capabilities"),
        filler=_words(data["filler_words"], "filler_words"),
        who=_words(data["who_words"], "who_words"),
        relative_years=_relative_years(data["relative_years"]),
        relative_months=_relative_years(data["relative_months"], "relative_months"),
        periods=_periods(data["periods"]),
        document_words=_words(data["document_words"], "document_words"),
        document_name_ends=_words(data["document_name_ends"], "document_name_ends"),
        plan_clause_openers=_words(data["plan_clause_openers"], "plan_clause_openers"),
        plan_clause_ends=_words(data["plan_clause_ends"], "plan_clause_ends"),
        negations=_words(data["negations"], "negations"),
        only_taking_part=_words(data["only_taking_part"], "only_taking_part"),
        role_inclusion=_words(data["role_inclusion"], "role_inclusion"),
        sub_place_words_en=_string_lists(data["sub_place_words_en"], "sub_place_words_en"),
        place_name_ends_en=_string_lists(data["place_name_ends_en"], "place_name_ends_en"),
        countable_en=frozenset(_strings(data["countable_en"], "countable_en")),
        level_words=_strings(data["level_words"], "level_words"),
        phrase_tails=_strings(data["phrase_tails"], "phrase_tails"),
        opened_words=frozenset(_strings(data["opened_words"], "opened_words")),
        word_places=frozenset(_strings(data["word_places"], "word_places")),
        lead_labels=_lead_labels(data["lead_labels"]),
        no_lead_patterns=tuple(
            re.compile(p)
            for lang in ("zh", "en")
            for p in _strings(data["no_lead_patterns"][lang], "no_lead_patterns")
        ),
        abbreviations_en=_abbreviations(data["abbreviations_en"]),
        capital_acronyms_en=_capital_acronyms(data["capital_acronyms_en"]),
        from_today=_words(data["from_today"], "from_today"),
        exact_state_words=_exact_states(data["exact_state_words"]),
        task_role_words=_strings(data["task_role_words"], "task_role_words"),
        figure_words=_words(data["figure_words"], "figure_words"),
        contact_words=_words(data["contact_words"], "contact_words"),
        person_posts=_words(data["person_posts"], "person_posts"),
        person_asks=_words(data["person_asks"], "person_asks"),
        person_asks_before=_words(data["person_asks_before"], "person_asks_before"),
        place_question_words=_words(data["place_question_words"], "place_question_words"),
        figure_pairs=_pairs(data["figure_pairs"], "figure_pairs"),
        recurring=_recurring(data["recurring_words"]),
        generic_modifiers=_strings(data["generic_modifiers"], "generic_modifiers"),
        joint_notice=_words(data["joint_notice"], "joint_notice"),
        department_words_en=_strings(data["department_words_en"], "department_words_en"),
        alternatives=_words(data["alternatives"], "alternatives"),
        amount_words=_string_lists(data["amount_words"], "amount_words"),
        due_today=_words(data["due_today"], "due_today"),
        before_today=_words(data["before_today"], "before_today"),
        after_today=_words(data["after_today"], "after_today"),
        any_state=_words(data["any_state"], "any_state"),
        not_yet_due=_words(data["not_yet_due"], "not_yet_due"),
        open_ended=_words(data["open_ended"], "open_ended"),
        campaign_words=tuple(_strings(data["campaign_words"], "campaign_words")),
        list_words=_words(data["list_words"], "list_words"),
        document_kind_en=frozenset(_strings(data["document_kind_en"], "document_kind_en")),
    )


def _recurring(value: Any) -> dict[str, Words]:
    if not isinstance(value, dict):
        raise AskVocabularyError(f"{_FILE}: recurring_words must map a deadline's word to its question words")
    return {str(k): _words(v, f"recurring_words.{k}") for k, v in value.items()}


def _exact_states(value: Any) -> dict[str, Words]:
    if not isinstance(value, dict):
        raise AskVocabularyError(f"{_FILE}: exact_state_words must map a report's word to its question words")
    out = {str(k): _words(v, f"exact_state_words.{k}") for k, v in value.items()}
    for word in out:
        if state_holding(word) is None:
            raise AskVocabularyError(
                f"{_FILE}: exact_state_words.{word} is part of no state word of status.yaml"
            )
    return out


def _string_lists(value: Any, where: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
        raise AskVocabularyError(f"{_FILE}: {where} must map words to lists of words")
    return {k: _strings(v, f"{where}.{k}") for k, v in value.items()}


def _lead_labels(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise AskVocabularyError(f"{_FILE}: lead_labels must map labels to the lead's label")
    return dict(value)


def _capital_acronyms(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and k.isupper() and isinstance(v, str) and v.strip() for k, v in value.items()
    ):
        raise AskVocabularyError(f"{_FILE}: capital_acronyms_en must map acronyms in capitals to names")
    return {k: v.strip() for k, v in value.items()}


def _abbreviations(value: Any) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
        raise AskVocabularyError(f"{_FILE}: abbreviations_en must map abbreviations to their words")
    return {norm_en(str(k)).strip(): norm_en(v).strip() for k, v in value.items()}


def expand_abbreviations(words: str) -> str:
    """``words`` (as ``norm_en`` writes them) with each abbreviation of ``abbreviations_en`` spelt out."""
    for short, full in ask_vocab().abbreviations_en.items():
        words = words.replace(f" {short} ", f" {full} ")
    return words


def document_roles(roles: dict[str, Words], document: dict[str, tuple[str, ...]]) -> dict[str, Words]:
    """The words documents give each role by (a table's 主办 / 协办 columns are asked about as
    谁主办 / 哪些单位协办) that the question vocabulary ``roles`` lacks; a word it gives another role
    keeps that (参与 asks for any role, though a document's 参与 assigns cooperation)."""
    claimed = {w for words in roles.values() for w in words.zh}
    return {role: Words(tuple(w for w in document.get(role, ()) if w not in claimed), ()) for role in roles}


def _without_task_words(
    document: dict[str, tuple[str, ...]], words: tuple[str, ...]
) -> dict[str, tuple[str, ...]]:
    """The documents' role words less those a question uses as the task's own words (统筹)."""
    return {role: tuple(w for w in found if w not in words) for role, found in document.items()}


@cache
def ask_vocab() -> AskVocab:
    """The vocabulary of ``queries/data/ask.yaml`` (read and validated once), with the role words of
    the documents beside its own (asked after them: 负责加强统筹协调和督促指导 asks who is
    responsible, though 指导 is a document's word for cooperating)."""
    text = resources.files("fengong.queries").joinpath("data", "ask.yaml").read_text(encoding="utf-8")
    vocab = parse_vocab(yaml.safe_load(text))
    document = _without_task_words(role_words(), vocab.task_role_words)
    return replace(vocab, document_roles=document_roles(vocab.roles, document))
