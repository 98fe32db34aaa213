"""Generate a realistic corpus of task-division documents (text files) from the samples:
other cities and counties, shuffled tasks, inconsistent unit spellings, GBK files, broken
table rows, impossible dates and duplicates under other names.

    .venv/bin/python bench/gen_documents.py OUT_DIR --count 1000 [--seed 7]

Every variant is a real document the extractor must read: the place names are swapped
consistently (city, its short name, the county and its parent city), so jurisdictions, unit
names and deadlines stay coherent.
"""

from __future__ import annotations

import argparse
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from fengong.ingest.metadata import read_metadata
from fengong.ingest.outline import split_lines
from fengong.ingest.places import Place, places

ROOT = Path(__file__).resolve().parents[1]
# Spellings a real corpus mixes for one body (the extractor must resolve each pair to one unit).
RESPELL = [
    ("工业和信息化局", "工信局"),
    ("发展和改革委员会", "发展和改革局"),
    ("住房和城乡建设局", "住建局"),
    ("卫生健康委", "卫健委"),
    ("文化广电和旅游局", "文化广电旅游局"),
]


@dataclass(frozen=True)
class Template:
    """A sample, the places it names and its title (variants get their own title)."""

    name: str
    text: str
    place: Place
    title: str = ""


def _short(name: str) -> str:
    for suffix in ("市", "县", "区"):
        if name.endswith(suffix) and len(name) > 2:
            return name[: -len(suffix)]
    return name


def load_templates() -> list[Template]:
    """The bundled samples with the jurisdiction each one reads as."""
    out = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        meta = read_metadata(split_lines(text), text)
        if meta.jurisdiction is None:
            continue
        table = places()
        place = next(p for p in table.by_name[meta.jurisdiction.name])
        out.append(Template(path.stem, text, place, meta.title))
    return out


def _targets(level: str) -> list[Place]:
    table = places()
    pool = [
        p for ps in table.by_name.values() for p in ps if p.level == level and p.city and len(p.name) >= 3
    ]
    if level == "city":
        pool = [p for ps in table.by_name.values() for p in ps if p.level == "city" and p.province]
    return sorted(pool, key=lambda p: p.adcode)


def relocate(t: Template, to: Place) -> str:
    """The template's text with its places replaced by ``to`` (and ``to``'s city)."""
    text = t.text
    pairs = [(t.place.name, to.name), (_short(t.place.name), _short(to.name))]
    if t.place.city and to.city:
        pairs += [(t.place.city, to.city), (_short(t.place.city), _short(to.city))]
    if t.place.province and to.province:
        pairs.append((t.place.province, to.province))
    # Longest first, through placeholders, so 晋城市 -> X does not touch a later replacement.
    pairs.sort(key=lambda p: len(p[0]), reverse=True)
    for i, (old, _) in enumerate(pairs):
        text = text.replace(old, f"\x00{i}\x00")
    for i, (_, new) in enumerate(pairs):
        text = text.replace(f"\x00{i}\x00", new)
    return text


def add_noise(text: str, rng: random.Random) -> str:
    """Inconsistent spellings, an impossible date, a broken table row, shuffled items."""
    for full, short in RESPELL:
        if full in text and rng.random() < 0.5:
            # Respell some mentions only: one document, two spellings of one body.
            parts = text.split(full)
            text = parts[0] + "".join((short if rng.random() < 0.3 else full) + p for p in parts[1:])
    if rng.random() < 0.3:
        text = re.sub(
            r"(\d{1,2})月底前",
            lambda m: f"{m.group(1)}月31日前" if m.group(1) in ["4", "6", "9", "11"] else m.group(0),
            text,
            count=1,
        )
    lines = text.split("\n")
    rows = [i for i, ln in enumerate(lines) if ln.count("\t") >= 4 and ln[:1].isdigit()]
    if rows and rng.random() < 0.5:
        i = rng.choice(rows)
        cut = rng.randrange(len(lines[i]) // 2, len(lines[i]))
        lines[i : i + 1] = [lines[i][:cut], lines[i][cut:]]
    return "\n".join(lines)


def generate(count: int, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) for ``count`` documents; about 5% are duplicates under another name."""
    rng = random.Random(seed)
    templates = load_templates()
    cities, counties = _targets("city"), _targets("county")
    made: list[tuple[str, bytes]] = []
    for n in range(count):
        if made and rng.random() < 0.05:
            name, data = rng.choice(made)
            yield f"{n:06d}_dup_of_{name}", data
            continue
        t = templates[n % len(templates)]
        to = rng.choice(counties if t.place.level in ("county", "district") else cities)
        text = relocate(t, to)
        if t.title:
            # One document per variant: a real corpus has many plans per place, each its own title.
            title = relocate(Template(t.name, t.title, t.place), to)
            text = text.replace(title, f"{title}（第{n + 1}号）")
        text = add_noise(text, rng)
        encoding = "gb18030" if rng.random() < 0.2 else "utf-8"
        data = text.encode(encoding, errors="replace")
        name = f"{n:06d}_{t.name[:3]}_{to.adcode}.txt"
        if len(made) < 200:
            made.append((name, data))
        yield name, data


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    for name, data in generate(args.count, args.seed):
        (args.out / name).write_bytes(data)
        total += len(data)
    print(f"{args.count} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
