"""The state a progress report gives a task: ``（已完成）`` / ``（滞后）`` closing its title, or the
word its progress paragraph opens with (进展情况：滞后。…).

A progress report (进展情况的报告) repeats the plan's tasks and says after each how far it got.
The words are data (``ingest/data/status.yaml``); a parenthesis holding anything else is part of
the title (``（试行）``, ``（含高新区）``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fengong.ingest.vocab import VocabularyError, alternation, load_yaml, words

#: The states, in the order a reader weighs them.
STATES: tuple[str, ...] = ("done", "in progress", "behind", "not started")
#: The brackets a report puts a state word in (（已完成）, 【已办结】, 〔滞后〕, [完成]).
_OPEN, _CLOSE = r"[（(【\[〔]", r"[）)】\]〕]"


@cache
def _vocab() -> tuple[re.Pattern[str], dict[str, str]]:
    name = "status.yaml"
    data = load_yaml(name)
    unknown = sorted(set(data) - set(STATES))
    if unknown:
        raise VocabularyError(
            f"ingest/data/{name}: unknown states {unknown}; the states: {', '.join(STATES)}"
        )
    state_of: dict[str, str] = {}
    for state in STATES:
        for word in words(data, state, name):
            if state_of.setdefault(word, state) != state:
                raise VocabularyError(f"ingest/data/{name}: {word!r} is under two states")
    closing = re.compile(rf"\s*{_OPEN}\s*(?P<word>{alternation(list(state_of))})\s*{_CLOSE}\s*$")
    return closing, state_of


@cache
def _opening() -> re.Pattern[str]:
    # the word alone before a stop, or in brackets: 已完成。… / 滞后，… / （正在推进）… / 【已办结】…
    # (完成了… or 推进中遇到… say more than a state and are not read as one; the word may close its
    # line, a report's field: 进展情况：进度滞后\n完成进度：55%)
    state_words = _state_words()
    return re.compile(
        # (a note in brackets may follow the word: 已完成（提前）。 / 进度滞后（原因：…）。)
        # (a share may close the word: 已完成60%, a state cell that is done at 100% alone)
        rf"^\s*(?:{_OPEN}\s*(?P<inner>{state_words})\s*{_CLOSE}|(?P<word>(?:{state_words})(?:{_SHARE_TAIL})?)[ \t\u3000]*"
        rf"(?:[（(][^（）()\n]{{1,120}}[）)])?[ \t\u3000]*(?:[。，；,;：:！!\n]|$))"
    )


@cache
def _reasoned() -> re.Pattern[str]:
    """A progress paragraph that is a state word and its reason in brackets (滞后（航道疏浚工程环评批复
    晚于预期）), a report's cell; not a title, which may open with such a word (完成（新建）…)."""
    return re.compile(
        rf"^\s*(?P<word>{alternation(list(_vocab()[1]))})\s*{_OPEN}[^（）()]{{1,80}}{_CLOSE}\s*$"
    )


def split_status(title: str) -> tuple[str, str | None]:
    """``title`` without a state in brackets that closes it (…（已完成）) or opens it (【已完成】…), and
    the state's word (``None`` without one)."""
    closing, _ = _vocab()
    m = closing.search(title)
    if m is not None and m.start() > 0:  # a title that is nothing but the state stays as it is
        return title[: m.start()], m.group("word")
    opening = _opening().match(title)
    if opening is not None and opening.group("inner") and title[opening.end() :].strip():
        return title[opening.end() :].lstrip(), opening.group("inner")
    return title, None


def status_after_title(text: str, title: str) -> str | None:
    """The state in brackets right after the title's full stop (建立快速响应机制。（已完成）), else
    ``None``: the report closes the task's first sentence with it instead of its title."""
    if not title or not text.startswith(title):
        return None
    m = _after_title().match(text, len(title))
    return m.group("word") if m else None


@cache
def _after_title() -> re.Pattern[str]:
    state_words = _state_words()
    return re.compile(rf"[。.]?[ \t\u3000]*{_OPEN}[ \t\u3000]*(?P<word>{state_words})[ \t\u3000]*{_CLOSE}")


def closing_status(progress: str | None) -> str | None:
    """The state in brackets that closes a progress paragraph (…正在进行幕墙施工。【推进中】), else
    ``None``."""
    closing, _ = _vocab()
    m = closing.search(progress or "") or _reasoned_closing().search(progress or "")
    return m.group("word") if m and m.start() > 0 else None


@cache
def _reasoned_closing() -> re.Pattern[str]:
    """A state word and its reason after a colon in the brackets closing a paragraph (…（未销号：1所
    幼儿园消防验收未通过））."""
    return re.compile(
        rf"{_OPEN}\s*(?P<word>{_state_words()})\s*[：:][^（）()\n]{{1,120}}(?:[（(][^（）()\n]*[）)][^（）()\n]*)*{_CLOSE}\s*$"
    )


def finished_clause(progress: str | None) -> str | None:
    """The done word the last clause of an account says, unnegated (…新增智慧导览等功能，该项任务已完成。):
    the account's own word that the task is done, else ``None``."""
    clause = re.split(r"[，,。；;！!\n]", (progress or "").rstrip("。；;！! \t\u3000\n"))[-1].strip()
    m = _task_done().fullmatch(clause)
    if m is None:
        return None
    word = m.group("word")
    bare = re.sub("^已经?", "", word)  # (已全部完成: 全部完成)
    return word if "done" in (_vocab()[1].get(word), _vocab()[1].get(bare)) else None


@cache
def _task_done() -> re.Pattern[str]:
    """A clause saying the task itself is done (该项任务已完成, 任务已全部完成, 已完成), not a part of it
    (前期工作已完成)."""
    data = load_yaml("outline.yaml")
    pointers = words(data, "task_pointers", "outline.yaml") + words(data, "task_wholes", "outline.yaml")
    return re.compile(
        rf"(?:(?:{alternation(pointers)})?(?:{_task_nouns()}))?(?:目前|现)?"
        r"(?P<word>(?:已经|已)?(?:全部|全面|如期|按期|提前)?(?:完成|办结|完工|建成|落实))"
    )


@cache
def _task_nouns() -> str:
    """What a report calls a task (任务, 工作, 事项…), as an alternation."""
    return alternation(words(load_yaml("outline.yaml"), "section_state_nouns", "outline.yaml"))


def opening_status(progress: str | None) -> str | None:
    """The state word a progress paragraph opens with (进展情况：滞后。原计划…), else ``None``."""
    m = _opening().match(progress or "")
    if m is None:
        m = _reasoned().match(progress or "")
        return m.group("word") if m else None
    return m.group("inner") or m.group("word")


@cache
def state_labels() -> tuple[str, ...]:
    """The labels a report writes before a task's state (进度状态, 状态, 完成率)."""
    return tuple(words(load_yaml("outline.yaml"), "state_labels", "outline.yaml"))


@cache
def _labelled() -> tuple[tuple[str, ...], re.Pattern[str]]:
    labels = state_labels()
    state_words = _state_words()
    return labels, re.compile(
        # (a share done may come first: 完成率：85%，滞后; the label may follow another clause or
        # sentence of the line: 计划完成时间：9月底；状态：推进中 / …进展：…。状态：滞后; or another
        # field of the line, parted by spaces that the task's text no longer holds: X　牵头单位：市A
        # 完成时限：2028年6月底前　完成情况：已完成（2028年5月）)
        # (the label may stand in brackets instead of before a colon: 【状态】按期推进)
        rf"[ \t\u3000]*(?:(?:{alternation(list(labels))})[ \t\u3000]*[：:]|[【［\[〔](?:{alternation(list(labels))})[】］\]〕])"
        rf"[ \t\u3000]*"
        # (or a share and the state's word in brackets after it: 完成进度：55%（红）)
        rf"(?:\d{{1,3}}(?:\.\d+)?[ \t\u3000]*[%％][ \t\u3000]*[，,、；;。（(【]?[ \t\u3000]*)?(?P<word>{state_words})"
        # (a note may follow the word in brackets: 已完成（提前）, 推进中（绿灯）, 已完成（2028年5月）,
        # 滞后（原因：…）; then the line's end, a stop, the next field's bracketed label: 未完成【存在问题】…,
        # or the bracket holding the fields: （牵头单位：市A；进度：40%；状态：滞后）)
        # (two notes at most: 已办结（A类）（承诺办结时限：2028年5月底前）)
        rf"[ \t\u3000]*(?:{_OPEN}[^（）()【】\n]{{1,80}}{_CLOSE}){{0,2}}[ \t\u3000]*(?:[。；;，,]|$|(?=[【［\[〔）)]))",
        re.MULTILINE,
    )


def labelled_status(text: str | None) -> str | None:
    """The state a labelled line of a task's text gives (进度状态：已完成), else ``None``."""
    labels, pattern = _labelled()
    if not text or not any(label in text for label in labels):
        return None  # a plan's task holds no label: no regex over its text (it starts with a look-around)
    m = pattern.search(text)
    if m is None:
        return None
    # (超序时，已全面完成，100%: a pace, then the word that it is done; the task is done)
    then = _then_state().match(text, m.end())
    if then is not None and state_of(then.group("word")) == "done":
        return then.group("word")
    return m.group("word")


@cache
def _then_state() -> re.Pattern[str]:
    """A state's word opening the next clause of the line."""
    return re.compile(
        rf"[ \t\u3000]*(?P<word>{alternation(list(_vocab()[1]))})(?=[，,。；;（(]|$)", re.MULTILINE
    )


def line_opening_status(text: str | None) -> str | None:
    """The state in brackets opening a line of a task's text after its first (…完成时限：6月底前\n
    【黄灯】进度滞后。…), or alone closing it (…（进度：85%）。推进中): the report's account of the task,
    untitled; else ``None``."""
    if not text or "\n" not in text:
        return None
    for line in text.split("\n")[1:]:
        m = _opening().match(line)
        if m is not None and m.group("inner"):
            return m.group("inner")
        closing = _closing_sentence().search(line)
        if closing is not None:
            return closing.group("word")  # …（进度：85%）。推进中: the last sentence is the state alone
    return None


def said_of_task(text: str | None) -> str | None:
    """The state a report's sentence says of the task itself (目前该项工作已完成。/ 该项工作正在推进。/
    该项工作进度滞后，原因是…), the last such sentence's; else ``None``."""
    if not text or not any(p in text for p in _task_pointers()):
        return None
    found = list(_task_said().finditer(text))
    return found[-1].group("word") if found else None


@cache
def _task_pointers() -> tuple[str, ...]:
    return tuple(words(load_yaml("outline.yaml"), "task_pointers", "outline.yaml"))


@cache
def _task_said() -> re.Pattern[str]:
    return re.compile(
        rf"(?:目前|现)?(?:{alternation(list(_task_pointers()))})(?:{_task_nouns()})(?:目前|现)?(?:进度|进展)?"
        rf"(?P<word>{_state_words()})(?=[，,。；;（(]|$)",
        re.MULTILINE,
    )


@cache
def _closing_sentence() -> re.Pattern[str]:
    state_words = _state_words()
    return re.compile(rf"[。；;）)][ \t\u3000]*(?P<word>{state_words})[ \t\u3000]*[。.]?[ \t\u3000]*$")


def section_status(path: list[str]) -> str | None:
    """The state a report's section heading gives every task under it (一、已完成的任务 / 三、进展滞后
    的任务), else ``None``."""
    for heading in path[:-1]:
        m = _section_state().match(heading)
        if m is not None:
            return m.group("word")
    return None


@cache
def _section_state() -> re.Pattern[str]:
    state_words = _state_words()
    things = _task_nouns()
    # (a count may close the heading: 一、已完成的任务（4项）; and a heading may be the state alone,
    # with its count or without: 一、已完成（5项）, 三、进度滞后)
    return re.compile(rf"^(?P<word>{state_words})(?:的?(?:{things}))?(?:[（(][^（）()]{{1,8}}[）)])?$")


def state_of(word: str | None) -> str | None:
    """The state (done / in progress / behind / not started) a status word names; a share done
    (完成进度：100%) is done at 100% and in progress below it."""
    if not word:
        return None
    share = _SHARE.fullmatch(word)
    closing = _CLOSING_SHARE.search(word)
    if closing is not None and share is None:
        said = word[: closing.start()].strip()
        if _vocab()[1].get(said) != "done":
            return _vocab()[1].get(said)  # (滞后30%: behind, whatever its share)
        share = closing  # (已完成60%: done so far, so in progress)
    if share is not None:
        return "done" if float(share.group(1)) >= 100 else "in progress"
    return _vocab()[1].get(word)


_SHARE = re.compile(r"(\d{1,3}(?:\.\d+)?)[%％]")
_CLOSING_SHARE = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)[%％]$")
#: A share closing a state word (已完成60%).
_SHARE_TAIL = r"[ \t\u3000]*\d{1,3}(?:\.\d+)?[%％]"


def lone_state(line: str) -> str | None:
    """The state word of a line that is nothing but it in brackets (【推进中】), else ``None``."""
    m = _lone_re().fullmatch(line.strip())
    return m.group("word") if m else None


@cache
def _lone_re() -> re.Pattern[str]:
    state_words = _state_words()
    return re.compile(rf"{_OPEN}\s*(?P<word>{state_words})\s*{_CLOSE}")


def closing_mark(text: str, legend: dict[str, str]) -> str | None:
    """The state a legend's symbol closing one of the task's lines gives it (…进展：已全部完工。√,
    where “√”表示已完成): the symbol after a sentence's end, never a word of the line."""
    symbols = sorted((s for s in legend if not re.search("[\u4e00-\u9fff]", s)), key=len, reverse=True)
    if not symbols:
        return None
    for line in text.split("\n"):
        line = line.rstrip(" \t\u3000")
        sym = next((s for s in symbols if line.endswith(s)), None)
        if sym is None:
            continue
        before = line[: -len(sym)].rstrip(" \t\u3000")
        if before and before[-1] in _CLOSING_ENDS:
            return legend[sym]
    return None


#: What stands before a state's symbol closing a line: the end of its sentence or bracket.
_CLOSING_ENDS = "。；;！!）)】"


def state_legend(text: str) -> dict[str, str]:
    """The state words a report's legend gives its symbols (“✔”表示已完成，“△”表示推进中): a state
    cell holding a symbol says the word. Empty when the document declares none."""
    found: dict[str, str] = {}
    by_line: dict[int, list[tuple[str, str]]] = {}
    for m in _symbol_pair_re().finditer(text):
        # (a line of symbols each before its word: 进度标注说明：●已完成 ◐推进中 ○未启动; not a row)
        by_line.setdefault(text.rfind("\n", 0, m.start()), []).append((m["sym"], m["word"]))
    for start, pairs in by_line.items():
        end = text.find("\n", start + 1)
        if len(pairs) >= _LEGEND_PAIRS and not re.search(
            r"[|｜\t]", text[start + 1 : end if end >= 0 else None]
        ):
            found.update(pairs)
    if "100" in text:  # (the word a full share is given: 完成进度达到100%的项目为“已完成”)
        found.update((m["sym"], m["word"]) for m in _share_legend_re().finditer(text))
        rest = _share_rest_re().search(text) if found else None
        if rest is not None:  # (…为已完成，其余均为推进中: the word of every share short of it)
            found[SHARE_SHORT] = rest["word"]
    if not any(w in text for w in legend_verbs()):
        return found
    found.update((m["sym"], m["word"]) for m in _legend_re().finditer(text))
    # (a light named in quotes: “红灯”表示项目进度“滞后”)
    found.update((m["sym"], m["word"]) for m in _quoted_legend_re().finditer(text))
    # (a mark in brackets: 标注（绿）的为已完成，标注（黄）的为正常推进)
    found.update((m["mark"], m["word"]) for m in _bracket_legend_re().finditer(text))
    return found


@cache
def legend_verbs() -> tuple[str, ...]:
    """The verbs of a report's legend between its symbol and its state (“✔”表示已完成)."""
    return tuple(words(load_yaml("outline.yaml"), "legend_verbs", "outline.yaml"))


@cache
def matrix_legend_verbs() -> tuple[str, ...]:
    """The verbs of a matrix's legend between its sign and its role (●为牵头单位)."""
    return tuple(words(load_yaml("outline.yaml"), "matrix_legend_verbs", "outline.yaml"))


#: Symbol-and-word pairs a line needs to be read as a legend without a verb (●已完成 ◐推进中).
_LEGEND_PAIRS = 2
#: A symbol: one or two characters that are no word (✔, △, ●, √), quoted or not.
_SYMBOL = r"[“\"「]?(?P<sym>[^\w\s“”\"「」，,。；;：:、（）()|｜=＝]{1,2})[”\"」]?"


@cache
def _symbol_pair_re() -> re.Pattern[str]:
    """A symbol, then (after =, ： or nothing) a state word: ●已完成, ◐=推进中."""
    state_words = _state_words()
    return re.compile(rf"{_SYMBOL}\s*[=＝:：]?\s*(?P<word>{state_words})")


@cache
def _state_words() -> str:
    """Every state word of the vocabulary as one alternation, for the legend patterns."""
    return alternation(list(_vocab()[1]))


@cache
def _bracket_legend_re() -> re.Pattern[str]:
    state_words = _state_words()
    return re.compile(
        rf"[（(](?P<mark>[^（）()\s，,。；;]{{1,3}})[）)]\s*(?:的为|的是|表示|代表)\s*(?P<word>{state_words})"
    )


@cache
def _quoted_legend_re() -> re.Pattern[str]:
    """A quoted mark of words (“红灯”), a legend verb, a few words, then the state word it names."""
    state_words = _state_words()
    return re.compile(
        rf"[“\"](?P<sym>[^”\"，,。；;\s]{{1,4}})[”\"]\s*(?:{alternation(list(legend_verbs()))})"
        rf"[\u4e00-\u9fff]{{0,6}}?[“\"]?(?P<word>{state_words})(?![\u4e00-\u9fff])"
    )


#: The legend's key for the word it gives every share short of 100% (其余均为推进中).
SHARE_SHORT = "<100%"


@cache
def _share_rest_re() -> re.Pattern[str]:
    """其余均为“推进中” right after a full share's word: the word of every other share."""
    return re.compile(
        rf"100[%％][^。；;\n]{{0,16}}?[，,]\s*其[余他](?:的|各项)?(?:均|都|一律)?(?:为|视为|是)[“\"]?(?P<word>{_state_words()})"
    )


@cache
def _share_legend_re() -> re.Pattern[str]:
    """100% [的项目] 为 “已完成”: the state word a report gives a task done in full."""
    state_words = _state_words()
    return re.compile(
        # (not 未达到100%的项目为“推进中”, the word of every share short of it)
        r"(?<!未达到)(?<!未达)(?<!不足)(?<!低于)(?<!未满)(?<!不到)"
        rf"(?P<sym>100[%％])的?(?:项目|任务|事项)?[，,]?(?:为|即为|视为|是)[“\"]?(?P<word>{state_words})[”\"]?"
    )


@cache
def _legend_re() -> re.Pattern[str]:
    state_words = _state_words()
    return re.compile(rf"{_SYMBOL}\s*(?:{alternation(list(legend_verbs()))})\s*(?P<word>{state_words})")


def schedule_status(text: str | None) -> str | None:
    """The state a report's yes-or-no schedule line and its share done give a task (是否按期：否（滞后）,
    完成进度：100%): the word in brackets after a no, else 未按期; else a share of 100%; else 按期 after
    a yes; else the share. ``None`` when the task's text holds neither line."""
    if not text:
        return None
    labels = _schedule_labels()
    share = labels.share.search(text)
    answer = labels.schedule.search(text)
    return schedule_state(
        answer.group("answer") if answer else None,
        answer.group("word") if answer else None,
        share.group("share") if share else None,
    )


def schedule_state(answer: str | None, word: str | None, share: str | None) -> str | None:
    """The state a yes-or-no schedule answer (是 / 否, with a word in brackets after a no) and a share
    done give a task: a share of 100% done (finished, late or not), else the no's word or 未按期,
    else 按期 after a yes, else the share; ``None`` when there is neither."""
    labels = _schedule_labels()
    if share and state_of(share) == "done":
        return share
    if answer in labels.no:
        return word or labels.no_word
    if answer in labels.yes:
        return labels.yes_word
    return share or None


def completion_status(text: str | None) -> str | None:
    """The state a report's line of the day a task was finished gives it (实际完成时间：2028年6月 ->
    已完成; 实际完成时间：未完成（原因：…） -> 未完成), else ``None``."""
    if not text:
        return None
    m = _completion_re().search(text)
    if m is None:
        return None
    value = m.group("value")
    if _DATE_START.match(value):
        return _schedule_labels().done_words[0]
    return opening_status(value)


@cache
def _completion_re() -> re.Pattern[str]:
    labels = alternation(words(load_yaml("outline.yaml"), "completion_labels", "outline.yaml"))
    return re.compile(rf"(?:{labels})[ \t\u3000]*[：:][ \t\u3000]*(?P<value>[^\n]*)")


#: A value that is a date (2028年6月, 2028-06-20, 6月18日).
_DATE_START = re.compile(r"(?:(?:19|20)\d{2}\s*(?:年|[-./])\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*日)")


def done_flag_status(answer: str) -> str | None:
    """A 是否完成 cell as the state word it stands for: yes 已完成, no 未完成; else ``None``."""
    labels = _schedule_labels()
    if answer in labels.yes:
        return labels.done_words[0]
    if answer in labels.no:
        return labels.done_words[1]
    return None


def done_word() -> str:
    """The word a report's column of yes-or-no or of the day done gives a done task (已完成)."""
    return _schedule_labels().done_words[0]


def lag_flag_status(answer: str) -> str | None:
    """A 是否滞后 cell as the state it gives: yes 滞后 (outline.yaml's lag_flag_word); else ``None``."""
    if answer in _schedule_labels().yes:
        return words(load_yaml("outline.yaml"), "lag_flag_word", "outline.yaml")[0]
    return None


@cache
def tick_marks() -> frozenset[str]:
    """The marks that tick a report's state column (√ under 推进中)."""
    return frozenset(words(load_yaml("outline.yaml"), "tick_marks", "outline.yaml"))


@cache
def matrix_marks() -> frozenset[str]:
    """The signs a responsibility matrix's cells hold (● under 市财政局), whatever role each gives."""
    return frozenset(words(load_yaml("outline.yaml"), "matrix_marks", "outline.yaml"))


@dataclass(frozen=True)
class _ScheduleLabels:
    schedule: re.Pattern[str]  # 是否按期：否（滞后）
    share: re.Pattern[str]  # 完成进度：60%
    yes: tuple[str, ...]
    no: tuple[str, ...]
    no_word: str  # the state word a bare no stands for (未按期)
    yes_word: str  # and a yes (按期)
    done_words: tuple[str, str]  # a 是否完成 column's yes and no (已完成, 未完成)


@cache
def _schedule_labels() -> _ScheduleLabels:
    data = load_yaml("outline.yaml")
    schedule = alternation(words(data, "schedule_labels", "outline.yaml"))
    yes, no = words(data, "schedule_yes", "outline.yaml"), words(data, "schedule_no", "outline.yaml")
    share = alternation(words(data, "share_labels", "outline.yaml"))
    done = words(data, "done_flag_words", "outline.yaml")
    if len(done) != 2 or any(w not in _vocab()[1] for w in done):
        raise VocabularyError("ingest/data/outline.yaml: done_flag_words must be two state words (yes, no)")
    state_words = _state_words()
    space = r"[ \t\u3000]*"
    return _ScheduleLabels(
        re.compile(
            rf"(?:{schedule}){space}[：:]{space}(?P<answer>{alternation([*yes, *no])})"
            rf"(?:{space}{_OPEN}{space}(?P<word>{state_words}){space}{_CLOSE})?"
        ),
        # (完成率：60% / 完成率为60% / 完成率60%: the label's share, with or without its colon)
        re.compile(rf"(?:{share}){space}(?:[：:]|为|达到|达)?{space}(?P<share>\d{{1,3}}(?:\.\d+)?[%％])"),
        tuple(yes),
        tuple(no),
        words(data, "schedule_no_word", "outline.yaml")[0],
        words(data, "schedule_yes_word", "outline.yaml")[0],
        (done[0], done[1]),
    )


def state_holding(part: str) -> str | None:
    """The state of the first status word (in the states' order) holding ``part`` (阶段性 -> the state
    of 已完成阶段性任务), else ``None``."""
    table = _vocab()[1]
    return next((state for state in STATES for w, s in table.items() if s == state and part in w), None)
