"""Model -> graph rows: pure functions from a ``Document`` to rows per label and relationship type.

Every node row carries its key and *all* schema properties (``None`` when absent) so
both stores receive uniformly shaped batches; empty strings become ``None`` so the two
stores (and the CSV-free bulk path) agree on "no value". Relationship rows are
``{"src": key, "dst": key, **props}``. Duplicates are dropped here (first wins), so the
stores may CREATE owned rows without MERGE.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fengong.graph.schema import NODES, RELS, ROLE_RELS
from fengong.ingest.bodies import find_bodies
from fengong.ingest.model import Document, Jurisdiction, Task, Unit, stable_id
from fengong.ingest.places import find_places
from fengong.ingest.resolve import community_of, signers, zone_of
from fengong.ingest.status import state_of
from fengong.ingest.terms import terms
from fengong.ingest.topics import load_topics
from fengong.ingest.vocab import role_vocab, unit_vocab

Row = dict[str, Any]

_LEVEL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("自治区", "province"),
    ("省", "province"),
    ("自治州", "city"),
    ("地区", "city"),
    ("盟", "city"),
    ("自治县", "county"),
    ("县", "county"),
    ("旗", "county"),
    ("区", "district"),
    ("市", "city"),  # county-level cities are indistinguishable by name; the document's own level wins
)
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


@dataclass(slots=True)
class GraphRows:
    """The rows one or more documents contribute, keyed by label / relationship type."""

    doc_ids: list[str] = field(default_factory=list)
    nodes: dict[str, list[Row]] = field(default_factory=lambda: {label: [] for label in NODES})
    rels: dict[str, list[Row]] = field(default_factory=lambda: {t: [] for t in RELS})

    def node_count(self) -> int:
        """Number of node rows."""
        return sum(len(v) for v in self.nodes.values())

    def rel_count(self) -> int:
        """Number of relationship rows."""
        return sum(len(v) for v in self.rels.values())


def guess_level(name: str) -> str | None:
    """The administrative level a place name suggests (None when unsure)."""
    if name in _MUNICIPALITIES:
        return "province"
    for suffix, level in _LEVEL_SUFFIXES:
        if name.endswith(suffix):
            return level
    return None


def _s(value: object) -> str | None:
    """Optional string: empty / whitespace-only becomes None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


# Every row of a label / type has every schema property (None when absent), built from these
# templates once per row (mapping runs for every document of a national corpus).
_NODE_KEY: dict[str, str] = {label: spec.key for label, spec in NODES.items()}
_NODE_EMPTY: dict[str, Row] = {label: dict.fromkeys(spec.written_names) for label, spec in NODES.items()}
_REL_EMPTY: dict[str, Row] = {t: dict.fromkeys(spec.prop_names) for t, spec in RELS.items()}
_PER_DOCUMENT: frozenset[str] = frozenset(t for t, spec in RELS.items() if spec.per_document)


def _node_row(label: str, key: str, props: dict[str, Any]) -> Row:
    row: Row = {_NODE_KEY[label]: key}
    row.update(_NODE_EMPTY[label])
    row.update(props)
    return row


def _rel_row(rel_type: str, src: str, dst: str, props: dict[str, Any]) -> Row:
    row: Row = {"src": src, "dst": dst}
    row.update(_REL_EMPTY[rel_type])
    row.update(props)
    return row


class _Collector:
    """Accumulates rows with first-wins de-duplication by identity."""

    def __init__(self, rows: GraphRows) -> None:
        self.rows = rows
        self._seen: set[tuple[str, ...]] = set()

    def node(self, label: str, key: str, **props: Any) -> None:
        ident = ("n", label, key)
        if ident not in self._seen:
            self._seen.add(ident)
            self.rows.nodes[label].append(_node_row(label, key, props))

    def rel(self, rel_type: str, src: str, dst: str, **props: Any) -> None:
        ident = ("r", rel_type, src, dst, (props.get("document") or "") if rel_type in _PER_DOCUMENT else "")
        if ident not in self._seen:
            self._seen.add(ident)
            self.rows.rels[rel_type].append(_rel_row(rel_type, src, dst, props))


def _jurisdictions(c: _Collector, doc: Document) -> None:
    j: Jurisdiction | None = doc.jurisdiction
    if j is None:
        return
    province = _s(j.province)
    parent = _s(j.parent)
    c.node("Jurisdiction", j.name, level=_s(j.level) or guess_level(j.name), province=province)
    if parent and parent != j.name:
        c.node("Jurisdiction", parent, level=guess_level(parent) or "city", province=province)
        c.rel("PART_OF", j.name, parent)
    if province and province not in (j.name, parent):
        c.node("Jurisdiction", province, level="province", province=province)
        c.rel("PART_OF", parent or j.name, province)
    c.rel("ISSUED_IN", doc.id, j.name)


def _place_keys(doc: Document) -> dict[str, Any]:
    """What queries filter and group documents by, written with the document so that they need
    not walk ISSUED_IN / PART_OF for every document: ``places``, its jurisdiction and the places
    above it (as ``_jurisdictions`` links them), and ``city``, the city a county or district
    belongs to, else the jurisdiction itself. A national document has no place: its ``places``
    are the central bodies that issue it (国家医疗保障局 for 国家医疗保障局办公室), so that a
    question about "the NHSA's plan" keeps to it; a township's plan has the township first (the
    place table stops at counties), and a community's or village's plan the community before it."""
    j = doc.jurisdiction
    # a township's plan: the township first (江湾镇 of 江湾镇人民政府, 学院路街道 of 学院路街道办事处)
    sub = zone_of(doc.title or "", doc.issuer or "")
    town = [sub] if sub and sub.endswith(tuple(unit_vocab().township_endings)) else []
    # (a community's or village's own plan, 枫林社区居民委员会: the community before its street)
    community = community_of(doc.issuer or "")
    town = [community, *town] if community else town
    if j is None:
        head = (doc.title or "").split("关于", 1)[0] if "关于" in (doc.title or "") else ""
        issuers = [body.name for body, _, _ in find_bodies(f"{doc.issuer or ''}\n{head}")]
        return {"places": list(dict.fromkeys([*issuers, *town])), "city": None}
    parent, province = _s(j.parent), _s(j.province)
    # (a plan two governments issue together, 四川省人民政府办公厅、重庆市人民政府办公厅: each one's place)
    places = list(dict.fromkeys(p for p in (*town, j.name, parent, province, *_co_issuing(doc.issuer)) if p))
    in_city = parent and parent != j.name and (guess_level(parent) or "city") == "city"
    return {"places": places, "city": parent if in_city else j.name}


def _co_issuing(issuer: str | None) -> list[str]:
    """The places of a joint notice's signers, each named in full at its start (重庆市 of
    重庆市人民政府办公厅); none for one signer."""
    named = signers(issuer or "")
    if len(named) < 2:
        return []
    out = []
    for signer in named:
        found = find_places(signer)
        if found and found[0][1] == 0:
            out.append(found[0][0].name)
    return out


def _units(c: _Collector, doc: Document) -> None:
    province = _s(doc.jurisdiction.province) if doc.jurisdiction else None
    for unit in doc.units.values():
        jur = _s(unit.jurisdiction)
        c.node(
            "Unit",
            unit.id,
            name=_s(unit.name),
            local_name=_s(unit.local_name),
            full_name=unit.full_name,
            kind=_s(unit.kind),
            unit_type=_s(unit.unit_type),
            jurisdiction=jur,
            collective=bool(unit.collective),
        )
        if jur:
            # A place only units mention gets its level from its name; the document's own wins (first).
            c.node("Jurisdiction", jur, level=guess_level(jur), province=province)
            c.rel("IN", unit.id, jur)
        if _s(unit.unit_type):
            c.node("UnitType", unit.unit_type)
            c.rel("OF_TYPE", unit.id, unit.unit_type)


def _unit_ref(doc: Document, ref: str | None) -> Unit | None:
    """A unit by id or by any of its spellings in the document."""
    if not ref:
        return None
    if ref in doc.units:
        return doc.units[ref]
    for unit in doc.units.values():
        if ref in (unit.name, unit.local_name) or ref in unit.aliases:
            return unit
    return None


def _first_leads(task: Task, doc: Document, states_leads: bool) -> bool:
    """Whether the task's first-listed 责任单位 reads as its lead by convention: the task states no
    lead and either names one responsible body alone (由A负责, A负责，B配合) or its document states
    no lead anywhere (a plan of 责任单位 lists only). A plan that writes 牵头 where it means a lead
    gives none by list order elsewhere; a class of bodies (各乡镇人民政府) leads only a task given to it
    alone, never by its place in a list."""
    stated, responsible = _leads_and_responsible(task, doc)
    if stated or not responsible:
        return False
    if len(responsible) == 1:
        return _carries(task, doc, responsible[0])
    return not doc.units[responsible[0]].collective and not states_leads


def _leads_and_responsible(task: Task, doc: Document) -> tuple[bool, list[str]]:
    """Whether the task states a lead, and its responsible units' ids in document order."""
    named = [a for a in task.assignments if a.unit_id in doc.units]
    responsible = list(dict.fromkeys(a.unit_id for a in named if a.role == "responsible"))
    return any(a.role == "lead" for a in named), responsible


def _one_body(task: Task, doc: Document) -> bool:
    """Whether the task states no lead and names one responsible body alone (由A负责, A负责，B配合),
    or one class of bodies alone (各乡镇人民政府负责: each township carries its own part): it is
    carried, and no task without a lead. A class given a share by duty (各省级民政部门按职责分工负责)
    leads nothing; a catch-all (各有关部门) is no unit and names no one."""
    stated, responsible = _leads_and_responsible(task, doc)
    return not stated and len(responsible) == 1 and _carries(task, doc, responsible[0])


def _carries(task: Task, doc: Document, unit_id: str) -> bool:
    """Whether the unit, named alone as responsible, carries the task: a body always, a class of
    bodies (not every office of the issuer at once: 各司局) unless its clause gives it a share by duty
    (各省级民政部门按职责分工负责) or shares the task with a catch-all that names no one
    (各乡镇人民政府、县直有关单位负责)."""
    if not doc.units[unit_id].collective:
        return True
    if doc.units[unit_id].local_name.endswith(tuple(role_vocab().every_office)):
        return False  # (各司局, 各科室: every office of the issuer at once names no one to carry it)
    duty, catch_alls = role_vocab().shared_duty_words, unit_vocab().collective_suffixes
    for a in task.assignments:
        if a.unit_id != unit_id:
            continue
        # a share by duty anywhere in the sentence (责任单位：各市州人民政府，省直有关单位按职责分工
        # 负责); a catch-all only in the unit's own clause (not 各乡镇负责，县直有关部门配合)
        clause = _list_around(doc.text, a.start, a.end) if doc.text else a.evidence
        if any(w in a.evidence for w in duty) or any(w in clause for w in catch_alls):
            return False
    return True


def shared_words() -> list[str]:
    """Words that, in a class of bodies' clause, share the task out: a share by duty (按职责分工,
    分别) or a catch-all beside it (有关单位). (A graph opened without the flags is filled by the
    sentence that holds them: graph/plan.py ``FILL_ONE_BODY``.)"""
    return [*role_vocab().shared_duty_words, *unit_vocab().collective_suffixes]


_CLAUSE_EDGES = "，,；;。（(）)\n"


def _list_around(text: str, start: int, end: int) -> str:
    """The clause holding start..end with the comma-parted clauses beside it that name no role
    (责任单位：各市州人民政府，省直有关单位: one list), not those that do (各乡镇负责，县直有关部门配合)."""
    lo, hi = _clause_span(text, start, end)
    while hi < len(text) and text[hi] in "，,":
        nxt_lo, nxt_hi = _clause_span(text, hi + 1, hi + 1)
        if nxt_hi <= nxt_lo or _names_role(text[nxt_lo:nxt_hi]):
            break
        hi = nxt_hi
    while lo > 0 and text[lo - 1] in "，,":
        prev_lo, prev_hi = _clause_span(text, lo - 1, lo - 1)
        if prev_hi <= prev_lo or _names_role(text[prev_lo:prev_hi]):
            break
        lo = prev_lo
    return text[lo:hi]


def _names_role(clause: str) -> bool:
    """Whether a clause says a role (负责, 配合, 牵头…), as a clause of its own does."""
    vocab = role_vocab()
    return any(w in clause for w in (*vocab.verbs, *vocab.partner_words, "负责", "参与"))


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause of ``text`` holding the words at start..end (between commas, stops, brackets)."""
    lo, hi = _clause_span(text, start, end)
    return text[lo:hi]


def _clause_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding start..end begins and ends (its edge characters excluded)."""
    lo = max((text.rfind(ch, 0, start) for ch in _CLAUSE_EDGES), default=-1) + 1
    his = [i for i in (text.find(ch, end) for ch in _CLAUSE_EDGES) if i >= 0]
    return lo, min(his, default=len(text))


def _tasks(c: _Collector, doc: Document, topic_en: Mapping[str, str]) -> None:
    # A task is about what its document's title says (every task of a digital-economy plan is on
    # the digital economy): the title's words are every task's words too (segmented once).
    title_words = set(terms(doc.title))
    states_leads = any(a.role == "lead" and a.unit_id in doc.units for t in doc.tasks for a in t.assignments)
    scope = doc.jurisdiction.name if doc.jurisdiction else doc.id  # (a person's, as in _people)
    jur = doc.jurisdiction.name if doc.jurisdiction else None
    for task in doc.tasks:
        c.node(
            "Task",
            task.id,
            title=_s(task.title),
            text=_s(task.text),
            category=_s(task.category),
            progress=_s(task.progress),
            document=doc.id,
            path=[p for p in task.path if p],
            start=int(task.start),
            end=int(task.end),
            # stated leads (LEADS edges): queries tell a first-listed 责任单位 from a lead by it
            leads=len({a.unit_id for a in task.assignments if a.unit_id in doc.units and a.role == "lead"}),
            units=len(
                {a.unit_id for a in task.assignments if a.unit_id in doc.units and a.role in ROLE_RELS}
            ),
            first_leads=_first_leads(task, doc, states_leads),
            one_body=_one_body(task, doc),
            topics=[n for n in dict.fromkeys(task.topics) if _s(n)],  # the ABOUT topics, for filters
            status=state_of(task.status),
            status_text=_s(task.status),
            due_kind=task.deadline.kind if task.deadline else "",
            # a window's last day (2028年4月—6月) is the date its work is due by
            due_date=(task.deadline.date or task.deadline.until or "") if task.deadline else "",
            due_text=(task.deadline.text or "") if task.deadline else "",
        )
        c.rel("HAS_TASK", doc.id, task.id)
        # (the people it names in charge: a person of the document's place, as its rosters' are)
        for person in task.people:
            pid = stable_id("person", scope, person.name)
            c.node("Person", pid, name=person.name, jurisdiction=jur)
            c.rel("IN_CHARGE_OF", pid, task.id, label=person.label)
        deadlines = ([task.deadline] if task.deadline else []) + list(task.other_deadlines)
        for i, dl in enumerate(deadlines):
            c.node("Deadline", dl.key, kind=dl.kind, date=_s(dl.date), text=_s(dl.text))
            c.rel("DUE", task.id, dl.key, is_primary=(i == 0 and task.deadline is not None))
        for name in task.topics:
            if _s(name):
                c.node("Topic", name, en=topic_en.get(name) or None)
                c.rel("ABOUT", task.id, name)
        # (a table's category cell names what its rows are about: 基础设施 over 完善雪场交通接驳)
        for word in sorted(title_words.union(terms(task.title, task.text, task.category or ""))):
            c.node("Term", word)
            c.rel("HAS_TERM", task.id, word)
        for a in sorted(task.assignments, key=lambda a: (a.rank, a.start)):
            if a.unit_id not in doc.units or a.role not in ROLE_RELS:
                continue  # an assignment to an unresolved unit has nothing to point at
            c.rel(
                ROLE_RELS[a.role],
                a.unit_id,
                task.id,
                role=a.role,
                document=doc.id,
                evidence=_s(a.evidence),
                rank=int(a.rank),
                start=int(a.start),
                end=int(a.end),
            )


def _mentions(c: _Collector, doc: Document, topic_en: Mapping[str, str]) -> None:
    for m in doc.topic_mentions:
        if _s(m.topic):
            c.node("Topic", m.topic, en=topic_en.get(m.topic) or None)
            c.rel("MENTIONS", doc.id, m.topic, evidence=_s(m.evidence), start=int(m.start), end=int(m.end))


def target_id(doc_id: str, index: int) -> str:
    """Deterministic Target key: the document id and the target's position in it."""
    return stable_id(doc_id, "target", index)


def _targets(c: _Collector, doc: Document) -> None:
    for i, t in enumerate(doc.targets):
        tid = target_id(doc.id, i)
        c.node(
            "Target",
            tid,
            metric=_s(t.metric),
            value=float(t.value),
            unit=_s(t.unit),
            due=_s(t.due),
            text=_s(t.text),
            status=_s(t.status),
            document=doc.id,
        )
        c.rel("SETS", doc.id, tid)


def _people(c: _Collector, doc: Document) -> None:
    # People and groups are identified within the document's jurisdiction: two 张伟 in two
    # cities are two people, the same 领导小组 named by two documents of one county is one group.
    scope = doc.jurisdiction.name if doc.jurisdiction else doc.id
    jur = doc.jurisdiction.name if doc.jurisdiction else None
    group_ids: dict[str, str] = {}
    for g in doc.groups:
        gid = stable_id("group", scope, g.name)
        group_ids[g.name] = gid
        c.node("Group", gid, name=_s(g.name), jurisdiction=jur)
        office = _unit_ref(doc, g.office_at)
        if office is not None:
            c.rel("OFFICE_AT", gid, office.id, document=doc.id)
    for p in doc.people:
        if not _s(p.name) or not _s(p.group):
            continue
        gid = group_ids.get(p.group) or stable_id("group", scope, p.group)
        if p.group not in group_ids:
            group_ids[p.group] = gid
            c.node("Group", gid, name=_s(p.group), jurisdiction=jur)
        pid = stable_id("person", scope, p.name)
        c.node("Person", pid, name=_s(p.name), jurisdiction=jur)
        c.rel("MEMBER_OF", pid, gid, document=doc.id, role=_s(p.role), position=_s(p.position))


def document_rows(
    doc: Document, topic_en: Mapping[str, str] | None = None, into: GraphRows | None = None
) -> GraphRows:
    """The graph rows of one document (appended to ``into`` when given).

    ``topic_en`` maps a topic name to its English label (empty mapping: ``en`` stays None).
    Duty statements are not mapped (they stay in the model and the JSONL output).
    """
    rows = into if into is not None else GraphRows()
    c = _Collector(rows)
    rows.doc_ids.append(doc.id)
    c.node(
        "Document",
        doc.id,
        title=_s(doc.title),
        doc_number=_s(doc.doc_number),
        issuer=_s(doc.issuer),
        date=_s(doc.date),
        source=_s(doc.source),
        sha256=doc.sha256,
        jurisdiction=doc.jurisdiction.name if doc.jurisdiction else None,
        **_place_keys(doc),
        topics=list(doc.themes),
    )
    _jurisdictions(c, doc)
    _units(c, doc)
    _tasks(c, doc, topic_en or {})
    _mentions(c, doc, topic_en or {})
    _targets(c, doc)
    _people(c, doc)
    return rows


def merge_rows(parts: Iterable[GraphRows]) -> GraphRows:
    """Concatenate several documents' rows, as if they were loaded one after another.

    A shared node seen again takes the later document's non-empty properties (the stores'
    ``SET n.p = coalesce(r.p, n.p)``); a relationship seen again is dropped.
    """
    out = GraphRows()
    node_at: dict[tuple[str, object], Row] = {}
    seen: set[tuple[object, ...]] = set()
    for part in parts:
        out.doc_ids.extend(part.doc_ids)
        for label, node_rows in part.nodes.items():
            key = NODES[label].key
            for row in node_rows:
                earlier = node_at.get((label, row[key]))
                if earlier is None:
                    node_at[(label, row[key])] = new_row = dict(row)
                    out.nodes[label].append(new_row)
                else:
                    earlier.update({k: v for k, v in row.items() if v is not None})
        for rel_type, rel_rows in part.rels.items():
            spec = RELS[rel_type]
            for row in rel_rows:
                doc = (row.get("document") or "") if spec.recreated else ""
                ident = ("r", rel_type, row["src"], row["dst"], doc)
                if ident not in seen:
                    seen.add(ident)
                    out.rels[rel_type].append(row)
    return out


def topic_labels() -> dict[str, str]:
    """Topic name -> English label, from the topic taxonomy (a broken taxonomy file raises)."""
    return {t.name: t.en for t in load_topics() if t.en}
