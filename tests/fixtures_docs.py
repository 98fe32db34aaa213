"""Hand-built Documents for the store and query tests (independent of the extractor).

Two cities (开封市 in 河南, 聊城市 in 山东) and one county (泽州县 under 晋城市) with units
that share types across places, so every named query has rows to return.
"""

from __future__ import annotations

import copy
import hashlib

from fengong.ingest.model import (
    Assignment,
    Deadline,
    Document,
    Group,
    Jurisdiction,
    Person,
    Role,
    Target,
    Task,
    TaskPerson,
    Unit,
    stable_id,
)

TOPIC = "转供电改直供电"


def _unit(name: str, local: str, unit_type: str, jurisdiction: str, kind: str = "government") -> Unit:
    return Unit(
        id=stable_id(name, jurisdiction),
        name=name,
        local_name=local,
        unit_type=unit_type,
        kind=kind,
        collective=kind == "collective",
        jurisdiction=jurisdiction,
    )


def _task(
    doc_id: str,
    n: int,
    title: str,
    path: list[str],
    roles: list[tuple[Unit, Role]],
    *,
    deadline: Deadline | None = None,
    topics: tuple[str, ...] = (),
    category: str | None = None,
    status: str | None = None,
    people: tuple[TaskPerson, ...] = (),
) -> Task:
    ranks: dict[str, int] = {}
    assignments = []
    for unit, role in roles:
        ranks[role] = ranks.get(role, 0) + 1
        sentence = f"（{'牵头' if role == 'lead' else '责任'}单位：{unit.local_name}）"
        assignments.append(Assignment(unit.id, role, ranks[role], sentence, 100 * n, 100 * n + len(sentence)))
    return Task(
        id=stable_id(doc_id, "task", n),
        path=path,
        title=title,
        text=f"{title}。具体内容第{n}条，包括“引号”、逗号，和换行\n第二行。",
        category=category,
        deadline=deadline,
        assignments=assignments,
        topics=list(topics),
        status=status,
        start=100 * n,
        end=100 * n + 80,
        people=list(people),
    )


def _sha(*parts: str) -> str:
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def kaifeng() -> Document:
    """开封市: explicit 责任单位 lists (RESPONSIBLE_FOR ranks), a 5G target, a topic without a lead."""
    j = Jurisdiction("开封市", "city", None, "河南省")
    gx = _unit("开封市工业和信息化局", "市工业和信息化局", "工业和信息化局", "开封市")
    fg = _unit("开封市发展和改革委员会", "市发展改革委", "发展和改革委员会", "开封市")
    dl = _unit("国网开封供电公司", "国网开封供电公司", "供电公司", "开封市", "company")
    xq = _unit("各县区人民政府", "各县区人民政府", "县区人民政府", "开封市", "collective")
    doc_id = stable_id("kaifeng", "2020")
    tasks = [
        _task(
            doc_id, 1, "加快5G网络建设", ["二、重点任务", "（一）加快5G网络建设"],
            [(gx, "responsible"), (dl, "responsible"), (xq, "responsible")],
            deadline=Deadline("2020年年底前", "by", "2020-12-31"),
        ),
        _task(
            doc_id, 2, "推进转供电改直供电", ["二、重点任务", "（二）降低用电成本"],
            [(fg, "responsible"), (dl, "responsible")],
            deadline=Deadline("长期坚持", "ongoing"), topics=(TOPIC,),
        ),
        _task(doc_id, 3, "清理转供电加价", ["二、重点任务", "（三）清理加价"], [], topics=(TOPIC,)),
    ]  # fmt: skip
    return Document(
        id=doc_id,
        source="kaifeng.txt",
        sha256=_sha("kaifeng", "v1"),
        title="开封市加快5G产业发展三年行动计划",
        doc_number="汴政办〔2020〕30号",
        issuer="开封市人民政府办公室",
        date="2020-07-31",
        jurisdiction=j,
        tasks=tasks,
        units={u.id: u for u in (gx, fg, dl, xq)},
        targets=[
            Target("5G基站数量", 1500.0, "个", "2020-12-31", "5G基站数量达到1500个"),
            Target("5G用户", 300000.0, "户", "2020-12-31", "5G用户突破30万户"),
        ],
    )


def liaocheng() -> Document:
    """聊城市: 牵头单位 + 责任单位 (LEADS + COOPERATES), a 工作专班 roster."""
    j = Jurisdiction("聊城市", "city", None, "山东省")
    gx = _unit("聊城市工业和信息化局", "市工业和信息化局", "工业和信息化局", "聊城市")
    fg = _unit("聊城市发展和改革委员会", "市发展改革委", "发展和改革委员会", "聊城市")
    sj = _unit("聊城市市场监督管理局", "市市场监管局", "市场监督管理局", "聊城市")
    doc_id = stable_id("liaocheng", "2021")
    tasks = [
        _task(
            doc_id, 1, "开展转供电环节清理规范", ["一、工作任务", "（一）转供电清理"],
            [(fg, "lead"), (sj, "cooperate"), (gx, "cooperate")],
            deadline=Deadline("2021年6月30日前", "by", "2021-06-30"), topics=(TOPIC,), category="电价",
        ),
        _task(
            doc_id, 2, "推动工业企业降本", ["一、工作任务", "（二）企业降本"],
            [(gx, "lead"), (fg, "cooperate")],
            deadline=Deadline("每季度", "recurring"), category="成本",
        ),
    ]  # fmt: skip
    return Document(
        id=doc_id,
        source="liaocheng.txt",
        sha256=_sha("liaocheng", "v1"),
        title="聊城市降低企业用电成本工作方案",
        doc_number=None,
        issuer="聊城市人民政府",
        date="2021-03-01",
        jurisdiction=j,
        tasks=tasks,
        units={u.id: u for u in (gx, fg, sj)},
        targets=[Target("工业用电成本降低", 5.0, "%", "2021-12-31", "工业用电成本降低5%")],
        people=[
            Person("张三", "市政府副市长", "聊城市降电价工作专班", "组长"),
            Person("李四", "市发展改革委主任", "聊城市降电价工作专班", "副组长", fg.id),
        ],
        groups=[Group("聊城市降电价工作专班", fg.id)],
    )


def zezhou() -> Document:
    """泽州县 (晋城市, 山西): table rows with 牵头/配合 columns, a leading group whose head is also
    named in charge of a task."""
    j = Jurisdiction("泽州县", "county", "晋城市", "山西省")
    gx = _unit("泽州县工业和信息化局", "县工信局", "工业和信息化局", "泽州县")
    jy = _unit("泽州县教育局", "县教育局", "教育局", "泽州县")
    fg = _unit("泽州县发展和改革局", "县发改局", "发展和改革委员会", "泽州县")
    doc_id = stable_id("zezhou", "2022")
    tasks = [
        _task(
            doc_id, 1, "转供电主体清理", ["重点任务", "1"],
            [(fg, "lead"), (gx, "cooperate")],
            deadline=Deadline("2022年6月31日前", "by", "2022-06-30"), topics=(TOPIC,),
        ),
        _task(
            doc_id, 2, "校园用电改造", ["重点任务", "2"], [(jy, "lead"), (gx, "cooperate"), (fg, "cooperate")],
            deadline=Deadline("2022年6月31日前", "by", "2022-06-30"), status="正在推进",
            people=(TaskPerson("王五", "责任领导"),),
        ),
    ]  # fmt: skip
    return Document(
        id=doc_id,
        source="zezhou.txt",
        sha256=_sha("zezhou", "v1"),
        title="泽州县优化营商环境重点任务分工",
        issuer="泽州县人民政府办公室",
        date="2022-04-01",
        jurisdiction=j,
        tasks=tasks,
        units={u.id: u for u in (gx, jy, fg)},
        people=[Person("王五", "县长", "泽州县优化营商环境领导小组", "组长")],
        groups=[Group("泽州县优化营商环境领导小组", "县发改局")],
    )


def all_docs() -> list[Document]:
    """The three fixture documents in loading order."""
    return [kaifeng(), liaocheng(), zezhou()]


def edited(doc: Document) -> Document:
    """A new version of ``doc``: first task dropped, one task retitled, a new target, a new sha."""
    new = copy.deepcopy(doc)
    new.sha256 = _sha(doc.sha256, "edited")
    new.tasks = new.tasks[1:]
    if new.tasks:
        new.tasks[0].title = new.tasks[0].title + "（修订）"
        new.tasks[0].deadline = Deadline("2030年底前", "by", "2030-12-31")
    new.targets = [*new.targets, Target("新指标", 1.0, "项", None, "新增指标1项")]
    return new
