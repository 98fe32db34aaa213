"""The canonical model: the only thing that crosses from ``fengong.ingest`` to ``fengong.graph``.

Plain dataclasses (cheap to build on the hot path, ``dataclasses.asdict`` for JSON).
Ids are deterministic so loading the same document twice changes nothing.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["lead", "cooperate", "responsible"]
DeadlineKind = Literal["by", "period", "recurring", "ongoing"]
UnitKind = Literal["government", "party", "company", "collective", "other"]

ROLES: tuple[Role, ...] = ("lead", "cooperate", "responsible")


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic id: the sha1 of the parts joined by a separator."""
    raw = "\x1f".join(map(str, parts))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:length]


def level_char_of(name: str, level: str = "") -> str:
    """The level character a place's own documents put before its units' names."""
    if name[-1:] in ("市", "县", "区", "省", "州", "盟", "旗"):
        return name[-1]
    return {"city": "市", "county": "县", "district": "区", "province": "省"}.get(level, "")


@dataclass(slots=True)
class Jurisdiction:
    """A place that issues or receives tasks: province, city, county or district."""

    name: str
    level: str  # province / city / county / district
    parent: str | None = None  # the enclosing city (for a county / district)
    province: str | None = None

    @property
    def level_char(self) -> str:
        """The one-character prefix a document uses for its own units: 市 / 县 / 区 / 省, or 州 / 盟 /
        旗 as the name ends (a county-level city such as 高平市 writes 市X局 for its own bureaus)."""
        return level_char_of(self.name, self.level)


@dataclass(slots=True)
class Deadline:
    """When a task is due. ``date`` is ISO for kind ``by``, otherwise None; ``until`` is a
    ``period``'s last day when its end is a date (2028年4月—6月: 2028-06-30), the day its work is
    due by (the gold format keeps a period's ``date`` null, so it is a field of its own)."""

    text: str
    kind: DeadlineKind
    date: str | None = None
    start: int | None = None  # character offsets in the document text
    end: int | None = None
    until: str | None = None

    @property
    def key(self) -> str:
        """The graph key: deadlines with the same kind, date and words are one node."""
        return stable_id(self.kind, self.date or "", self.text)


@dataclass(slots=True)
class Unit:
    """A body that can be assigned work, resolved within one document."""

    id: str
    name: str  # fully qualified: 聊城市工业和信息化局
    local_name: str  # as the document writes it, prefix distributed: 市工业和信息化局
    unit_type: str  # the function across places: 工业和信息化局
    kind: UnitKind
    collective: bool
    jurisdiction: str | None  # Jurisdiction.name the unit belongs to
    aliases: list[str] = field(default_factory=list)  # other spellings in the same document
    # the name with its function spelled out where the document writes a short form of it
    # (湖南省发展改革委 -> 湖南省发展和改革委员会); '' where the name already spells it
    full_name: str = ""


@dataclass(slots=True)
class Assignment:
    """One (unit, role) on one task, with the sentence that says so."""

    unit_id: str
    role: Role
    rank: int  # 1-based position within its list, in document order
    evidence: str
    start: int
    end: int


def _rank(a: Assignment) -> int:
    return a.rank


@dataclass(slots=True)
class TaskPerson:
    """A person a document names in charge of a task (责任人：李四, a 包村领导 column), under its label."""

    name: str
    label: str  # the document's word for the part: 责任人, 包村领导, 牵头省领导


@dataclass(slots=True)
class Task:
    """A unit of work the document assigns to units or gives a deadline."""

    id: str
    path: list[str]
    title: str
    text: str
    category: str | None = None
    deadline: Deadline | None = None
    other_deadlines: list[Deadline] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    progress: str | None = None  # 落实情况 of a progress report
    status: str | None = None  # the state a progress report gives it, in its words (已完成, 滞后)
    start: int = 0
    end: int = 0
    people: list[TaskPerson] = field(default_factory=list)

    def units(self, role: Role) -> list[str]:
        """Unit ids holding ``role`` on this task, in document order."""
        # Filtered before the (stable) sort: the same order, fewer to sort.
        return [a.unit_id for a in sorted((a for a in self.assignments if a.role == role), key=_rank)]


@dataclass(slots=True)
class Target:
    """A quantified goal the document sets (or reports on)."""

    metric: str
    value: float
    unit: str
    due: str | None
    text: str
    status: str = "planned"  # planned / achieved / in progress
    start: int = 0
    end: int = 0


@dataclass(slots=True)
class Person:
    """A named member of a group (leading group, 工作专班) with position and role."""

    name: str
    position: str
    group: str
    role: str  # 组长 / 副组长 / 成员 / 办公室主任
    unit: str | None = None  # the unit the position belongs to


@dataclass(slots=True)
class Group:
    """A leading group or task force, and the unit its office sits in."""

    name: str
    office_at: str | None = None


@dataclass(slots=True)
class Duty:
    """A standing duty statement attached to a unit (县教育局负责……)."""

    unit_id: str
    text: str
    start: int
    end: int


@dataclass(slots=True)
class TopicMention:
    """A topic the document names outside its tasks (a paragraph that assigns nobody)."""

    topic: str
    evidence: str
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """Everything read from one document."""

    id: str
    source: str  # the input file's base name
    sha256: str
    title: str
    doc_number: str | None = None
    issuer: str | None = None
    date: str | None = None
    jurisdiction: Jurisdiction | None = None
    tasks: list[Task] = field(default_factory=list)
    units: dict[str, Unit] = field(default_factory=dict)  # by unit id
    targets: list[Target] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    duties: list[Duty] = field(default_factory=list)
    topic_mentions: list[TopicMention] = field(default_factory=list)
    # the topics the title names as the whole document's (a plan on 粮食安全): each task is on them
    themes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    text: str = ""  # the normalised text all offsets refer to

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """A JSON-ready dict (the full text only when asked for)."""
        data = asdict(self)
        if not with_text:
            data.pop("text")
        return data
