"""Raw tasks (a task before its units are resolved) and the text helpers every notation reader
uses to cut a task's words out of the outline. The readers themselves live in ``notations``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fengong.ingest.deadlines import Found
from fengong.ingest.notations.roles import Annotation, assign_roles
from fengong.ingest.outline import Block
from fengong.ingest.units import Mention

# A run of spaces goes when a Chinese (or full-width) character stands right before or after it.
# Written to start with the space itself: the regex engine skips ahead only to a pattern's first
# character class, and a pattern that starts with a look-behind is tried at every position.
_CJK = "\u4e00-\u9fff\uff00-\uffef"
_SPACES = " \t\u3000"
_CJK_SPACES = re.compile(rf"[{_SPACES}](?:(?<=[{_CJK}].)[{_SPACES}]*|[{_SPACES}]*(?=[{_CJK}]))")
_QUOTED = re.compile(r"(“[^“”\n]{1,40}”)")
_TITLE_NOISE = re.compile(r"[\s“”\"'‘’《》「」\[\]【】（）()、，,。.：:；;！!？?·]")


@dataclass(slots=True)
class RawTask:
    """A task before its units are resolved."""

    path: list[str]
    title: str
    text: str
    start: int
    end: int
    deadline: Found | None = None
    other_deadlines: list[Found] = field(default_factory=list)
    roles: dict[str, list[Mention]] = field(default_factory=dict)
    evidence: dict[int, str] = field(default_factory=dict)  # mention start -> evidence text
    category: str | None = None
    progress: str | None = None
    status: str | None = None  # a report table's state cell (已完成, 滞后)
    people: list[tuple[str, str]] = field(default_factory=list)  # (name, label): a 责任人 column's


def compact(text: str) -> str:
    """Spaces between Chinese characters are conversion artefacts: drop them, except inside
    quotation marks, where a space parts the words of a slogan ("治违禁 控药残 促提升")."""
    if all(ch not in text for ch in _SPACES):
        return text.strip()  # nothing to drop (substring tests are faster than one scan)
    if "“" not in text:
        return _CJK_SPACES.sub("", text).strip()
    parts = _QUOTED.split(text)  # odd parts are quoted, kept as written
    return "".join(p if i % 2 else _CJK_SPACES.sub("", p) for i, p in enumerate(parts)).strip()


def title_key(title: str) -> str:
    """A title reduced to its words, for joining an attachment's headings to the body's."""
    return _TITLE_NOISE.sub("", title)


def statement_of(block: Block, annotations: list[Annotation]) -> str:
    """The block's own words before any progress report, annotations cut out."""
    lines = block.lines if block.progress_at is None else block.lines[: block.progress_at]
    if not lines:
        return ""
    start, end = lines[0].start, lines[-1].end
    spans = sorted((a.start, a.end) for a in annotations if start <= a.start < end)
    pieces, pos = [], start
    for s, e in spans:
        pieces.append((pos, s))
        pos = max(pos, e)
    pieces.append((pos, end))
    return "".join(block_text_between(block, s, e) for s, e in pieces if e > s).strip()


def block_text_between(block: Block, start: int, end: int) -> str:
    """The block's words between two document offsets (lines joined by newlines)."""
    out = []
    for ln in block.lines:
        s, e = max(start, ln.start), min(end, ln.end)
        if e > s:
            out.append(ln.text[s - ln.start : e - ln.start])
    return "\n".join(out)


def strip_marker(text: str, block: Block) -> str:
    """The block's words without its outline number ("（一）", "1．")."""
    head = block.lines[0].text
    if block.marker and text.startswith(head):
        rest = text[len(head) :]
        return (block.heading + rest).strip()
    if block.marker and head.endswith(block.heading):
        number = head[: len(head) - len(block.heading)]
        if number and text.startswith(number):
            return text[len(number) :].strip()
    return text


def roles_from(
    annotations: list[Annotation], first_is_lead: bool, task: RawTask, rest_cooperate: bool = False
) -> None:
    """Give ``task`` the roles its annotations name (the one role function) and their evidence.
    ``rest_cooperate`` (其余为配合单位) speaks of labelled 责任单位 lists, not of prose (由A负责)."""
    rest_cooperate = rest_cooperate and all(a.kind == "label" for a in annotations)
    task.roles = assign_roles((rl for a in annotations for rl in a.lists), first_is_lead, rest_cooperate)
    for a in annotations:
        evidence = compact(a.evidence)
        for rl in a.lists:
            for m in rl.mentions:
                task.evidence[m.start] = evidence
