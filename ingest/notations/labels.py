"""Label lines: "责任单位：A、B", "〔牵头单位：A；责任单位：B〕", "（责任单位：A）" — a role label, a
colon and a unit list, bracketed or running to the end of its sentence. Labels from ``roles.yaml``;
a stop label (责任领导, 完成时限…) ends the list before it."""

from __future__ import annotations

import re
from functools import cache

from fengong.ingest.notations.brackets import brackets, find_top, matching_close
from fengong.ingest.notations.clauses import comma_parted, parse
from fengong.ingest.notations.roles import (
    Annotation,
    RoleList,
    Taken,
    first_is_lead_at,
    lead_separator,
    nothing_taken,
)
from fengong.ingest.status import state_labels
from fengong.ingest.units import clean, is_generic, parse_list, split_list
from fengong.ingest.vocab import alternation, role_vocab

NAME = "label"


_COLONS = "：:"


@cache
def _label_re() -> re.Pattern[str]:
    # (a state's label ends a unit list too: 牵头单位：市A；进度：85%；状态：滞后)
    all_words = list(dict.fromkeys([*role_vocab().labels, *role_vocab().stop_labels, *state_labels()]))
    words = alternation(all_words)
    pairs = role_vocab().label_brackets  # "【牵头单位】A、B": a label in brackets needs no colon
    opening = re.escape("".join(p[0] for p in pairs))
    closing = re.escape("".join(p[1] for p in pairs))
    firsts = re.escape("".join(sorted({w[0] for w in all_words}))) + opening
    # The look-ahead lets the engine pass over every place no label can start at in one test.
    return re.compile(
        rf"(?=[{firsts}])(?:(?P<label>{words})(?:{alternation(role_vocab().person_suffixes)})?"
        rf"\s*(?:[（(][^（()）]{{1,6}}[）)])?\s*[{_COLONS}]\s*"
        rf"|[{opening}]\s*(?P<blabel>{words})\s*[{closing}]\s*[{_COLONS}]?\s*)"
    )


def _label(m: re.Match[str]) -> str:
    return m["label"] or m["blabel"]


def _may_hold_labels(text: str) -> bool:
    """Every label is followed by a colon or enclosed in label brackets."""
    return any(c in text for c in _COLONS) or any(p[0] in text for p in role_vocab().label_brackets)


def _line_end(text: str, pos: int) -> int:
    """A list without brackets ends at its line's end or a full stop outside brackets."""
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    stop = find_top(text, "。", pos, end)
    return end if stop < 0 else stop


def _clause_before(text: str, label_at: int, base: int) -> tuple[int, Annotation] | None:
    """The bracket opening before a label that stands after a clause in it ("（A负责；配合：B）"):
    the bracket's position and the clause read, else None."""
    part_end = label_at
    while part_end > 0 and text[part_end - 1] in " \u3000":
        part_end -= 1
    if part_end == 0 or text[part_end - 1] not in "；;":
        return None
    open_at = max(text.rfind(ch, max(0, label_at - 60), part_end) for ch in brackets().open)
    if open_at < 0 or matching_close(text, open_at) < label_at:
        return None
    clause = parse(text[open_at + 1 : part_end - 1], base + open_at + 1, NAME, strict=False)
    return (open_at, clause) if clause is not None else None


def find(text: str, base: int = 0, taken: Taken = nothing_taken) -> list[Annotation]:
    """Every labelled annotation in ``text``; offsets shifted by ``base``."""
    if not _may_hold_labels(text):
        return []
    labels = role_vocab().labels
    opening = brackets().open
    person_labels = role_vocab().person_labels
    # (市商务局（责任人：王立新）: a person's label in brackets beside a unit does not end its list)
    matches = [
        m
        for m in _label_re().finditer(text)
        if not (m["label"] in person_labels and m.start() > 0 and text[m.start() - 1] in opening)
    ]
    # 逗号前为牵头单位 (or 分号前): a responsible list's comma (or semicolon) parts its roles
    separator = lead_separator(text)
    out: list[Annotation] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        k = m.start()
        while k > 0 and text[k - 1] in " \u3000":
            k -= 1
        if m["label"] and k > 0 and text[k - 1] in opening:
            open_at = k - 1
            group_end = matching_close(text, open_at)
            span_start, span_end = open_at, min(group_end + 1, len(text))
        else:
            open_at = -1
            group_end = _line_end(text, m.end())
            span_start, span_end = m.start(), group_end
        group = [m]
        j = i + 1
        while j < len(matches) and matches[j].start() < group_end:
            group.append(matches[j])
            j += 1
        if open_at < 0:
            # Unbracketed, the annotation ends at a stop label: "完成时限：2021年底" after it is the
            # task's own words, not part of the unit list.
            span_end = next((gm.start() for gm in group if _label(gm) not in labels), span_end)
        lists: list[RoleList] = []
        lead_in = _clause_before(text, m.start(), base) if open_at < 0 and m["label"] else None
        if lead_in is not None:
            # （市农业农村局负责；配合：各镇人民政府）: the clause before the label, in its bracket
            start_at, clause = lead_in
            lists.extend(clause.lists)
            span_start = start_at
            close = matching_close(text, start_at)
            # (a stop label in the bracket, （A牵头，B配合；完成时限：X）, is the annotation's too: the
            # bracket ends it, where it closes)
            closed = close < len(text) and text[close] in brackets().close
            span_end = close + 1 if closed else min(span_end, close)
            group_end = min(group_end, span_end)
        for n, gm in enumerate(group):
            if _label(gm) not in labels:  # a stop label such as 责任领导 ends the list before it
                continue
            stop = group[n + 1].start() if n + 1 < len(group) else group_end
            full_stop = find_top(text, "。", gm.end(), stop)
            if full_stop >= 0:
                stop = full_stop  # after a full stop, a note on the list ("排在第一位的为牵头单位")
            body = text[gm.end() : stop].rstrip(
                "；;，,。 \u3000｜|"
            )  # (a field bar parts labels: A｜配合单位：B)
            clause = (
                parse(body, base + gm.end(), NAME, strict=False)
                if labels[_label(gm)] == "responsible"
                else None
            )
            if clause is not None and any(rl.role != "responsible" for rl in clause.lists):
                lists.extend(clause.lists)  # 责任单位：A牵头，B、C按职责分工负责 says its own roles
                continue
            role = labels[_label(gm)]
            shared = _shared_duty_note(body)
            if shared is not None:
                # 牵头单位：县A、县B、县C（按职责分工负责）: several units sharing it by duty, none leads
                # alone (nor the first listed, where the first listed leads); they carry it together
                body = body[:shared].rstrip()
                if role == "lead" and len(split_list(body)) > 1:
                    role = "responsible"
            trailing = _trailing_clause(body, base + gm.end())
            if trailing is not None:
                # 牵头单位：市科技局（市工业和信息化局配合）: the label's units, then a clause in brackets
                # naming their partners
                cut, clause = trailing
                body = body[:cut].rstrip()
                lists.extend(clause.lists)
            mentions = parse_list(body, base + gm.end())
            parted = (
                comma_parted(body, base + gm.end(), mentions, separator)
                if separator and labels[_label(gm)] == "responsible"
                else None
            )
            if parted:
                lists.extend(parted)
            elif mentions and not _NOTATION_NOTE.search(body):
                # (责任单位：标明“牵头”的为牵头单位，负责统筹推进…: a note on the notation, no list)
                first = split_list(body)[:1]
                opens_generic = bool(first) and is_generic(clean(first[0][0]))
                lists.append(RoleList(role, mentions, opens_generic, shared is not None))
        if lists:
            declared = first_is_lead_at(text, span_start, span_end) >= 0
            out.append(
                Annotation(
                    lists, base + span_start, base + span_end, text[span_start:span_end], NAME, declared
                )
            )
        i = j
    return out


#: Words that make a label's words a note on how the document marks roles (标明“牵头”的为牵头单位).
#: (a quoted mark: a list's own bracket may say 排名第一的为牵头单位, which is no note on the notation)
_NOTATION_NOTE = re.compile(r"[“\"「][^”\"」]{1,8}[”\"」]的(?:为|是)(?:牵头|配合|协办|参与|责任|主办)")


def _shared_duty_note(body: str) -> int | None:
    """Where a bracket closing a label's list opens when it only says the units share the work by
    duty (（按职责分工负责）, （分别负责）), else ``None``."""
    if not body or body[-1] not in brackets().close:
        return None
    open_at = max(body.rfind(ch) for ch in brackets().open)
    if open_at <= 0 or matching_close(body, open_at) != len(body) - 1:
        return None
    inner = body[open_at + 1 : -1]
    vocab = role_vocab()
    if len(inner) > _NOTE_MAX or not any(w in inner for w in vocab.shared_duty_words):
        return None
    if any(inner.endswith(v) for v, r in vocab.verbs.items() if r != "responsible"):
        return None  # (（共同牵头）: joint leads, each a lead)
    return open_at if not split_list(inner)[1:] else None


_NOTE_MAX = 10  # (按照职责分工负责: a note, not a list of units)


def _trailing_clause(body: str, base: int) -> tuple[int, Annotation] | None:
    """A bracket closing a label's list that is a role clause of its own ((市工业和信息化局配合)):
    where it opens and the clause read; ``None`` when the list ends otherwise or the bracket names
    no other role (a remark, a person, a lead mark)."""
    if not body or body[-1] not in brackets().close:
        return None
    open_at = max(body.rfind(ch) for ch in brackets().open)
    if open_at <= 0 or matching_close(body, open_at) != len(body) - 1:
        return None
    clause = parse(body[open_at + 1 : -1], base + open_at + 1, NAME, strict=True)
    if clause is None or not clause.lists or all(rl.role == "lead" for rl in clause.lists):
        return None
    return open_at, clause
