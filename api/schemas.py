"""Public response and request models of the HTTP API (separate from the graph's internals).

Every model carries an example so the OpenAPI schema shows what a real answer looks like.
"""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")
ParamValue = str | int | float | bool | list[str]


def _example(**example: Any) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


class ErrorOut(BaseModel):
    """Every error: a message saying what was wrong, and details when there are any."""

    message: str
    detail: Any = None
    model_config = _example(message="unknown query 'topic_lead'; known queries: topic_leads, …")


class HealthOut(BaseModel):
    """The store kind and how much it holds."""

    status: str
    store: str
    nodes: int
    relationships: int
    counts: dict[str, int]
    model_config = _example(
        status="ok", store="embedded", nodes=528, relationships=1183, counts={"Document": 5, "LEADS": 37}
    )


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` matching items, ``limit`` / ``offset`` as asked."""

    total: int
    limit: int
    offset: int
    items: list[T]


class DocumentOut(BaseModel):
    """A loaded document."""

    id: str
    title: str
    jurisdiction: str
    date: str
    doc_number: str
    issuer: str
    source: str
    tasks: int
    targets: int
    model_config = _example(
        id="f63b4dca2863b6da", title="聊城市加快推进5G产业发展实施方案", jurisdiction="聊城市", date="2020-05-21",
        doc_number="聊政办字〔2020〕28号", issuer="聊城市人民政府办公室", source="003_120f57233f54217d.txt",
        tasks=24, targets=13,
    )  # fmt: skip


class TaskUnitOut(BaseModel):
    """A unit on a task: role (lead / cooperate / responsible) and rank in its list."""

    unit: str
    role: str
    rank: int


class DocumentTaskOut(BaseModel):
    """A task of a document with its primary deadline and units."""

    id: str
    position: int
    title: str
    category: str
    deadline: str
    due_date: str
    units: list[TaskUnitOut]


class DocumentDetailOut(DocumentOut):
    """A document with its tasks in document order."""

    sha256: str
    task_list: list[DocumentTaskOut]


class UnitOut(BaseModel):
    """A unit (fully qualified name) with its type, kind and jurisdiction."""

    id: str
    name: str
    unit_type: str
    kind: str
    jurisdiction: str
    model_config = _example(
        id="67b64a5d241f5e85", name="聊城市工业和信息化局", unit_type="工业和信息化局", kind="government",
        jurisdiction="聊城市",
    )  # fmt: skip


class UnitWorkOut(BaseModel):
    """A task a unit holds, how the document assigns it (basis) and the sentence that says so."""

    basis: str
    role: str
    rank: int
    task: str
    document: str
    evidence: str


class PartnerOut(BaseModel):
    """A unit sharing tasks with another, and how many."""

    unit: str
    shared: int


class UnitDetailOut(UnitOut):
    """A unit with what it leads, cooperates on and is listed for, and with whom."""

    local_name: str
    collective: bool
    leads: int
    cooperates: int
    responsible: int
    work: list[UnitWorkOut]
    partners: list[PartnerOut]


class TaskOut(BaseModel):
    """A task with its document and primary deadline."""

    id: str
    title: str
    jurisdiction: str
    document: str
    document_id: str
    deadline: str
    deadline_kind: str
    due_date: str
    position: int


class TopicOut(BaseModel):
    """A topic of the topic file, with aliases and how many tasks / jurisdictions are about it."""

    name: str
    en: str
    aliases_zh: list[str]
    aliases_en: list[str]
    tasks: int
    jurisdictions: int
    model_config = _example(
        name="转供电改直供电", en="direct power supply conversion", aliases_zh=["转改直", "直供电"],
        aliases_en=["direct-power conversion"], tasks=4, jurisdictions=4,
    )  # fmt: skip


class ParamOut(BaseModel):
    """A named query's parameter."""

    name: str
    type: str
    required: bool
    default: ParamValue | None = None
    example: ParamValue | None = None


class NamedQueryOut(BaseModel):
    """A named question: description, parameters, notes and its Cypher."""

    name: str
    description: str
    params: list[ParamOut]
    notes: str
    cypher: str


class RunQueryIn(BaseModel):
    """Parameters of a named query (strings are converted to the declared types)."""

    params: dict[str, ParamValue] = Field(default_factory=dict, examples=[{"topic": "转供电改直供电"}])
    limit: int | None = Field(None, ge=1, le=10_000, description="Row cap (default: the server's)")


class RowsOut(BaseModel):
    """Query rows with their columns; ``truncated`` when the row cap cut them short."""

    columns: list[str]
    rows: list[dict[str, Any]]
    count: int
    truncated: bool


class CypherIn(BaseModel):
    """One read-only Cypher statement; values go in ``params`` (never into the text)."""

    query: str = Field(
        min_length=1,
        max_length=20_000,
        examples=["MATCH (u:Unit) WHERE u.jurisdiction = $j RETURN u.name AS name"],
    )
    params: dict[str, ParamValue | None] = Field(default_factory=dict, examples=[{"j": "聊城市"}])
    limit: int | None = Field(None, ge=1, description="Row cap (at most the server's cap)")
    timeout_s: float | None = Field(None, gt=0, description="Seconds (at most the server's limit)")


class InterpretationOut(BaseModel):
    """How the question was understood."""

    intent: str
    query: str
    params: dict[str, ParamValue]
    understood_as: str
    keep: dict[str, str]
    searched: list[str] = Field(
        default_factory=list, description="The Chinese words searched for in task texts"
    )


class GroupOut(BaseModel):
    """One group of an answer (a city, a unit, …): labelled lists (label = basis, deadline, metric, role)."""

    key: str
    items: dict[str, list[str]]


class EvidenceOut(BaseModel):
    """The sentence behind an answer line."""

    group: str
    unit: str
    basis: str
    task: str
    document: str
    sentence: str


class AnswerOut(BaseModel):
    """A question's interpretation, rows, grouped reading and evidence."""

    question: str
    interpretation: InterpretationOut
    columns: list[str]
    rows: list[dict[str, Any]]
    groups: list[GroupOut]
    evidence: list[EvidenceOut]
    truncated: bool = Field(description="More rows follow this page")
    notes: list[str] = Field(default_factory=list, description="What the answer left out or searched instead")
    offset: int = Field(0, description="The page's first row among the query's ordered rows")
    next_offset: int | None = Field(None, description="The offset of the next page; null on the last")
    model_config = _example(
        question="哪些部门在哪些城市牵头转供电改直供电",
        interpretation={
            "intent": "topic_leads", "query": "topic_leads", "params": {"topic": "转供电改直供电", "jurisdiction": ""},
            "understood_as": "who leads 转供电改直供电 (direct power supply conversion), per city: …", "keep": {},
        },
        columns=["city", "jurisdiction", "basis", "rank", "unit", "task", "document", "evidence"],
        rows=[],
        groups=[{"key": "聊城市", "items": {"stated lead": ["聊城市发展改革委", "聊城市市场监管局", "中国铁塔聊城分公司"]}}],
        evidence=[],
        truncated=False,
    )  # fmt: skip


class IngestOut(BaseModel):
    """What an upload did: its outcome (the words ``fengong ingest`` reports) and what it holds."""

    outcome: Literal["loaded", "replaced", "unchanged", "duplicate"] = Field(
        description="loaded: new; replaced: an edited text of a stored document replaced it; "
        "unchanged: already stored with this text; duplicate: this text is stored under another "
        "document id (document_id names it). Nothing is written for unchanged and duplicate."
    )
    document_id: str
    title: str
    jurisdiction: str
    tasks: int
    units: int
    nodes: int
    relationships: int
    warnings: list[str]


class MatrixTaskOut(BaseModel):
    """One task row of a matrix: cells by unit (牵头 / 配合 / 责任N), ranks and evidence sentences by unit."""

    document: str
    task: str
    cells: dict[str, str]
    ranks: dict[str, int]
    evidence: dict[str, str] = {}


class MatrixOut(BaseModel):
    """A responsibility matrix: units (columns, first-seen order) and tasks (rows, document order)."""

    title: str
    units: list[str]
    tasks: list[MatrixTaskOut]
