"""A realistic benchmark corpus: variants of the five samples' extracted Documents.

Each variant moves a sample to another (synthetic) city or county: its units are renamed
into the new place (so ids change and units are shared by the documents of one place),
the order of units within each task's lists is shuffled (ranks change), and task titles
are varied. Deterministic for a given seed.
"""

from __future__ import annotations

import copy
import hashlib
import random
from collections.abc import Sequence
from pathlib import Path

from fengong.ingest.model import Document, Jurisdiction, Unit, stable_id

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
_A = "安宝北昌长东丰福广海和华淮吉江金靖康乐临龙隆茂梅南宁平普清庆瑞山上韶泰通威文武西祥新信兴阳永玉元云章肇镇中"
_B = "安城川丰峰阜冈和河湖华江康乐陵林宁平浦清泉山沙水台田西溪兴阳源州"
_PROVINCES = ("河南省", "湖南省", "山东省", "山西省", "河北省", "江西省", "安徽省", "四川省")
_VERBS = ("持续", "全面", "加快", "深入", "稳步", "统筹")


def place_names(count: int, seed: int = 7) -> list[tuple[str, str, str | None, str]]:
    """``count`` distinct synthetic places: (name, level, parent city or None, province)."""
    rng = random.Random(seed)
    stems = [a + b for a in _A for b in _B if a != b]
    rng.shuffle(stems)
    out: list[tuple[str, str, str | None, str]] = []
    for i, stem in enumerate(stems[:count]):
        province = _PROVINCES[i % len(_PROVINCES)]
        if i % 3 == 2 and out:
            parent = out[i - 1][0] if out[i - 1][1] == "city" else out[i - 2][0]
            out.append((stem + "县", "county", parent, province))
        else:
            out.append((stem + "市", "city", None, province))
    return out


def load_samples(paths: Sequence[Path] | None = None) -> list[Document]:
    """The samples' Documents, extracted by ``fengong.ingest.pipeline``."""
    from fengong.ingest.pipeline import extract_path

    return [extract_path(p) for p in (paths or sorted(SAMPLES.glob("*.txt")))]


def _rename(text: str, old: str, new: str) -> str:
    return text.replace(old, new) if old else text


def variant(base: Document, place: tuple[str, str, str | None, str], n: int, rng: random.Random) -> Document:
    """``base`` moved to ``place`` as the ``n``-th variant."""
    name, level, parent, province = place
    old = base.jurisdiction.name if base.jurisdiction else ""
    doc = copy.deepcopy(base)
    doc.jurisdiction = Jurisdiction(name, level, parent, province)
    doc.title = _rename(doc.title, old, name)
    doc.source = f"variant-{n:06d}-{base.source}"
    doc.id = stable_id("bench", base.id, n)
    doc.sha256 = hashlib.sha256(f"{base.sha256}:{n}".encode()).hexdigest()
    units: dict[str, Unit] = {}
    new_id: dict[str, str] = {}
    for unit in doc.units.values():
        jur = name if unit.jurisdiction == old else unit.jurisdiction
        uname = _rename(unit.name, old, name)
        uid = stable_id(uname, jur or "")
        new_id[unit.id] = uid
        units[uid] = Unit(
            uid, uname, unit.local_name, unit.unit_type, unit.kind, unit.collective, jur, unit.aliases
        )
    doc.units = units
    for i, task in enumerate(doc.tasks):
        task.id = stable_id(doc.id, "task", i)
        task.title = f"{rng.choice(_VERBS)}{task.title}" if rng.random() < 0.5 else task.title
        by_role: dict[str, list] = {}
        for a in task.assignments:
            a.unit_id = new_id.get(a.unit_id, a.unit_id)
            by_role.setdefault(a.role, []).append(a)
        for group in by_role.values():
            rng.shuffle(group)  # another document, another order of the same units
            for rank, a in enumerate(group, 1):
                a.rank = rank
    for p in doc.people:
        p.group = _rename(p.group, old, name)
    for g in doc.groups:
        g.name = _rename(g.name, old, name)
    return doc


def make_corpus(count: int, seed: int = 7, bases: Sequence[Document] | None = None) -> list[Document]:
    """``count`` documents: variants of the samples spread over count // 4 places."""
    bases = list(bases) if bases is not None else load_samples()
    rng = random.Random(seed)
    places = place_names(max(1, count // 4), seed)
    return [
        variant(bases[i % len(bases)], places[(i // len(bases)) % len(places)], i, rng) for i in range(count)
    ]
