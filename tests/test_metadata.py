"""Document metadata and jurisdictions read from the samples' heads."""

from __future__ import annotations

import json

import pytest

from fengong.ingest.pipeline import extract_path
from tests.conftest import OWN_DOCS, OWN_GOLD, SAMPLE_GOLD, SAMPLES

CASES = [(p, SAMPLE_GOLD / f"{p.name}.json") for p in sorted(SAMPLES.glob("*.txt"))]
# Heads the extractor does not read yet; strict, so that one read right fails until it is taken off.
NOT_YET = {
    "h_district_label_lines_caidian.txt": "the plan's title after the notice's",
    "i_prefecture_clauses_xiangxi.txt": "an autonomous prefecture (自治州) as the jurisdiction",
}
CASES += [
    pytest.param(p, OWN_GOLD / f"{p.name}.json", marks=pytest.mark.xfail(strict=True, reason=NOT_YET[p.name]))
    if p.name in NOT_YET
    else (p, OWN_GOLD / f"{p.name}.json")
    for p in sorted(OWN_DOCS.iterdir())
]


@pytest.mark.parametrize(("path", "gold_path"), CASES, ids=lambda x: getattr(x, "name", "")[:12])
def test_metadata_matches_gold(path, gold_path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    doc = extract_path(path)
    assert doc.title.replace(" ", "") == gold["title"].replace(" ", "")
    assert doc.doc_number == gold["doc_number"]
    assert doc.date == gold["date"]
    assert doc.issuer == gold["issuer"]
    j = gold["jurisdiction"]
    if j["name"]:
        assert doc.jurisdiction is not None
        assert (doc.jurisdiction.name, doc.jurisdiction.level) == (j["name"], j["level"])
        assert doc.jurisdiction.parent == j["parent"]
        assert doc.jurisdiction.province == j["province"]


def test_an_issuer_line_above_a_guanyu_line_is_part_of_the_title() -> None:
    """A report whose head is the issuer on its own line, then 关于…的报告: one title (the issuer
    heads the title as it would in one line); a title line after a non-issuer line stays alone."""
    from fengong.ingest.pipeline import extract_text

    head = (
        "宜昌市交通运输局\n关于2024年农村公路建设工作进展情况的报告\n\n宜交文〔2024〕58号\n\n市人民政府：\n"
    )
    doc = extract_text(head + "　　现将工作进展情况报告如下。\n", "report.txt")
    assert doc.title == "宜昌市交通运输局关于2024年农村公路建设工作进展情况的报告"
    assert doc.jurisdiction is not None and doc.jurisdiction.name == "宜昌市"
    other = extract_text("宜昌市2024年农村公路建设工作方案\n关于年度目标的说明\n", "plan.txt")
    assert other.title == "宜昌市2024年农村公路建设工作方案"


def test_a_notice_s_title_broken_after_guanyu_yinfa() -> None:
    """…关于印发 / 《X》的通知 over two lines: the plan's title X, and its place."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "安吉县人民政府办公室关于印发\n《安吉县城镇燃气安全专项整治深化提升工作任务分工》的通知\n\n"
        "一、全面排查燃气安全隐患。由县市场监管局牵头，县住建局参与，6月30日前完成。\n"
    )
    doc = extract_text(text, "notice.txt")
    assert doc.title == "安吉县城镇燃气安全专项整治深化提升工作任务分工"
    assert doc.jurisdiction is not None and doc.jurisdiction.name == "安吉县"


@pytest.mark.parametrize(
    "issuer", ["德州市卫生健康委员会", "临汾市生态环境保护委员会办公室", "宜昌市交通运输局"]
)
def test_an_issuer_line_above_a_plan_s_title_is_the_issuer_not_the_title(issuer: str) -> None:
    """A page headed by the issuer's name alone, then the plan's title: the title is the plan's
    (its words are what every task is about), the first line the issuer."""
    from fengong.ingest.pipeline import extract_text

    title = "宜昌市2024年农村公路建设重点任务分工"
    doc = extract_text(f"{issuer}\n{title}\n\n一、加快建设\n1.完善路网。（市交通运输局牵头）\n", "plan.txt")
    assert (doc.title, doc.issuer) == (title, issuer)
    alone = extract_text(f"{issuer}\n\n市人民政府：\n　　现将工作情况报告如下。\n", "alone.txt")
    assert alone.title == issuer  # nothing else to call the document


@pytest.mark.parametrize("issuer", ["国务院办公厅", "民政部", "中共中央办公厅"])
def test_a_central_body_s_document_has_no_place_of_its_own(issuer: str) -> None:
    """The places a central document's opening lines name are where it applies (or words that are
    also place names, 城区 of 阳泉市), not its jurisdiction."""
    from fengong.ingest.pipeline import extract_text

    text = (
        f"{issuer}关于加快完善社区服务网络的意见\n\n各省、自治区、直辖市人民政府：\n"
        "　　近年来，城区和农村社区服务设施不断增加，阳泉市等地开展了试点。\n"
    )
    assert extract_text(text, "opinion.txt").jurisdiction is None
    local = text.replace(issuer, "阳泉市人民政府办公室", 1)
    found = extract_text(local, "local.txt").jurisdiction
    assert found is not None and found.name == "阳泉市"


def test_central_bodies_signing_jointly_have_no_place_of_their_own() -> None:
    """Four ministries issuing together, their names one after another in the signature block:
    the document is the whole country's. A district named like a word (中区 in 集中区) is no
    jurisdiction either."""
    from fengong.ingest.pipeline import extract_text

    text = (
        "农业农村部　国家发展改革委　财政部　自然资源部\n关于印发《2024年高标准农田建设重点任务分工方案》的通知\n\n"
        "各省、自治区、直辖市农业农村厅：\n　　现印发给你们，请认真贯彻落实。\n\n农业农村部　　国家发展改革委\n"
        "财政部　　自然资源部\n2024年3月15日\n\n（一）开展酸化耕地治理。在南方酸化耕地集中区启动治理试点。由农业农村部牵头，"
        "自然资源部配合。\n"
    )
    assert extract_text(text, "joint.txt").jurisdiction is None
