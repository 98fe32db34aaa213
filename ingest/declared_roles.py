"""Roles a document declares for its own words: 注明“负责”或者“牵头”的司局为牵头司局 makes a unit that
is said to 负责 its task the task's lead in that document, where FORMAT.md would read it as merely
responsible (no lead named). The declaration is the document's; nothing changes without it."""

from __future__ import annotations

import re
from functools import cache

from fengong.ingest.tasks import RawTask
from fengong.ingest.vocab import alternation, role_vocab


@cache
def _declaration_re() -> re.Pattern[str]:
    """注明/标注/标明 + quoted words (joined by 或者, 和, 、) + [字样]的 + [a kind of body] + 为 + a lead label."""
    v = role_vocab()
    leads = [w for w, r in v.labels.items() if r == "lead"]
    return re.compile(
        r"(?:注明|标注|标明|写明|注有|标有)(?P<words>(?:[“\"][^”\"，。；]{1,4}[”\"](?:或者|或|和|及|、)?){1,4})"
        rf"(?:字样)?的(?:[\u4e00-\u9fff]{{0,4}}?)?为(?:{alternation(leads)})"
    )


def declared_lead_words(text: str) -> frozenset[str]:
    """The verbs a document declares mark its leads besides 牵头 (注明“负责”或者“牵头”的司局为牵头
    司局: 负责); empty when it declares none."""
    v = role_vocab()
    out: set[str] = set()
    for m in _declaration_re().finditer(text):
        for word in re.findall(r"[“\"]([^”\"]+)[”\"]", m["words"]):
            if v.verbs.get(word) == "responsible":
                out.add(word)
    return frozenset(out)


def declared_leads(tasks: list[RawTask], text: str) -> None:
    """Where the document declares a verb marks its leads (负责), a task's responsible units said to
    do so in a clause naming no lead become its leads."""
    words = declared_lead_words(text)
    if not words:
        return
    labels = tuple(w for w, r in role_vocab().labels.items() if r == "responsible")
    for task in tasks:
        responsible = task.roles.get("responsible") or []
        if not responsible or task.roles.get("lead"):
            continue
        evidence = [task.evidence.get(m.start, "") for m in responsible]
        if all(_said(e, words) and not any(lb in e for lb in labels) for e in evidence):
            task.roles["lead"] = responsible
            task.roles["responsible"] = []


#: Words before 负责 that make it a shared duty (按职责分工负责), not the mark the declaration names.
_SHARED_BEFORE = ("职责分工", "按职责", "分别", "共同")


def _said(evidence: str, words: frozenset[str]) -> bool:
    """Whether ``evidence`` says a declared word of its units, not as a shared duty (A、B按职责分工负责)."""
    for word in words:
        at = evidence.find(word)
        while at >= 0:
            if not evidence[:at].endswith(_SHARED_BEFORE):
                return True
            at = evidence.find(word, at + 1)
    return False
