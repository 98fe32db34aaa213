"""A Chinese spaCy pipeline for free text: jieba segmentation with the project's vocabularies, and an
entity ruler for units (ORG), places (GPE), dates (DATE) and topics (TOPIC).

It is built lazily and once (jieba's dictionary costs about a second) and it is slow next to the
regex extractors (jieba segments roughly 0.2 M chars/s), so the hot path does not use it: call it on
short free text (a roster line, a duty statement, a question). ``zh_core_web_sm`` is used when it is
installed as a real spaCy package; it is never required.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

import spacy
from spacy.language import Language

from fengong.ingest.places import places
from fengong.ingest.topics import load_topics
from fengong.ingest.vocab import unit_vocab

_HAN = r"\u4e00-\u9fff"
_WORD_FREQ = 200_000  # high enough that a vocabulary word beats jieba's own split of it
_SP: dict[str, Any] = {"IS_SPACE": True, "OP": "*"}  # converted text has spaces around digits
_RECURRING = ["每年", "每季度", "每月", "每半年", "每周", "按月", "按季度", "按年", "按周", "按半年"]


def _unit_words() -> set[str]:
    """Unit spellings and functions (工信局, 工业和信息化局) and multi-character unit suffixes."""
    units = unit_vocab()
    words = set(units.abbreviations) | set(units.abbreviations.values())
    words |= {s for s in units.gov_suffixes + units.company_suffixes if len(s) >= 3}
    return {w for w in words if len(w) >= 2}


def _place_words() -> set[str]:
    return {name for name in places().by_name if len(name) >= 2}


def _topic_words() -> set[str]:
    return {w for t in load_topics() for w in (t.name, *t.aliases_zh) if len(w) >= 2}


def user_words() -> dict[str, str]:
    """Every vocabulary word the segmenter must keep whole, with its entity label."""
    words = {w: "GPE" for w in _place_words()}
    words.update({w: "TOPIC" for w in _topic_words()})
    words.update({w: "ORG" for w in _unit_words()})
    words.update({w: "DATE" for w in _RECURRING})
    return words


def _jieba_tokenizer(words: dict[str, str]) -> Any:
    """A private jieba tokenizer with the user dictionary (the global one stays untouched)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    for word in sorted(words):
        tokenizer.add_word(word, freq=_WORD_FREQ)
    return tokenizer


def _date_patterns() -> list[dict[str, Any]]:
    year_words = ["年", "年底", "年末", "年初", "年内", "年中"]
    year = [{"TEXT": {"REGEX": r"^(19|20)\d{2}$"}}, _SP, {"TEXT": {"IN": year_words}}]
    year_one = [{"TEXT": {"REGEX": r"^(19|20)\d{2}年$"}}]
    month_words = ["月", "月底", "月末", "月份", "月初", "月中"]
    month = [_SP, {"TEXT": {"REGEX": r"^(1[0-2]|0?[1-9])$"}}, _SP, {"TEXT": {"IN": month_words}}]
    day = [_SP, {"TEXT": {"REGEX": r"^([12]\d|3[01]|0?[1-9])$"}}, _SP, {"TEXT": {"IN": ["日", "号"]}}]
    tail = [
        {
            "TEXT": {"IN": ["年底", "年末", "底", "末", "初", "前", "以前", "之前", "上旬", "中旬", "下旬"]},
            "OP": "*",
        }
    ]
    to = [{"TEXT": {"IN": ["到", "至", "在", "截至", "于"]}, "OP": "?"}, _SP]
    shapes = []
    for y in (year, year_one):
        shapes += [to + y + tail, to + y + month + tail, to + y + month + day + tail]
    shapes += [month[1:] + tail, month[1:] + day + tail]
    shapes.append([{"TEXT": {"IN": ["年底", "年末", "年内", "今年底"]}}, {"TEXT": {"IN": ["前"]}, "OP": "?"}])
    shapes.append([{"TEXT": {"IN": _RECURRING}}])
    return [{"label": "DATE", "pattern": p} for p in shapes]


def _org_patterns(unit_words: set[str], place_words: set[str]) -> list[dict[str, Any]]:
    units = unit_vocab()
    levels = list(units.level_prefixes)
    multi = sorted(
        {s for s in units.gov_suffixes + units.company_suffixes if len(s) >= 2}, key=len, reverse=True
    )
    not_units = sorted(set(multi) | _topic_words())  # a bare suffix (分公司) or a topic is no unit
    not_words = "布局|格局|大局|全局|结局|开局|变局|破局|常委"
    suffix_token = rf"^(?!.*(?:{not_words})$)[{_HAN}A-Za-z0-9]{{1,14}}(?:{'|'.join(multi)})$"
    short_token = rf"^(?!.*(?:{not_words})$)[{_HAN}]{{2,12}}[局委办厅]$"  # 教育局, 网信办 (3+ chars)
    words = sorted(unit_words - set(multi))
    qualifiers = sorted(set(levels) | place_words | {"市委", "县委", "区委", "省委"})
    prefix = [{"TEXT": {"IN": qualifiers}, "OP": "?"}]
    han = {"TEXT": {"REGEX": rf"^[{_HAN}]+$"}, "OP": "{0,4}"}
    companies = sorted({s for s in units.company_suffixes + units.collective_suffixes if len(s) >= 2})
    shapes = [
        [*prefix, {"TEXT": {"IN": words}}],
        [{"TEXT": {"IN": qualifiers}}, han, {"TEXT": {"IN": multi}}],  # 县 住房 和 城乡建设 管理局
        [*prefix, {"TEXT": {"REGEX": suffix_token, "NOT_IN": not_units}}],
        [*prefix, {"TEXT": {"REGEX": short_token, "NOT_IN": not_units}}],
        [{"TEXT": {"IN": ["各", "全体", "其他"]}}, han, {"TEXT": {"IN": [*companies, "政府", "人民政府"]}}],
        [{"TEXT": {"IN": sorted(set(units.own_qualifiers) | place_words)}}, han, {"TEXT": {"IN": companies}}],
    ]
    return [{"label": "ORG", "pattern": p} for p in shapes]


@cache
def get_nlp() -> Language:
    """The shared pipeline (built on first use): tokenizer with user dictionary + entity ruler."""
    words = user_words()
    if spacy.util.is_package("zh_core_web_sm"):
        nlp = spacy.load("zh_core_web_sm")
        tokenizer: Any = nlp.tokenizer
        if getattr(tokenizer, "segmenter", None) == "pkuseg":
            tokenizer.pkuseg_update_user_dict(sorted(words))
    else:
        # spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}}) works too, but it
        # initialises jieba's global dictionary (~0.6 s) only for us to replace it: start from the
        # character segmenter and switch it to a private jieba tokenizer holding the user dictionary.
        nlp = spacy.blank("zh")
        tokenizer = nlp.tokenizer
        tokenizer.segmenter = "jieba"
        tokenizer.jieba_seg = _jieba_tokenizer(words)
    before = "ner" if "ner" in nlp.pipe_names else None  # a model's NER fills what the rules leave
    ruler: Any = nlp.add_pipe("entity_ruler", before=before, config={"overwrite_ents": True})
    patterns: list[dict[str, Any]] = []
    patterns += [{"label": "TOPIC", "pattern": w} for w, label in words.items() if label == "TOPIC"]
    patterns += [{"label": "GPE", "pattern": w} for w, label in words.items() if label == "GPE"]
    patterns += _org_patterns({w for w, label in words.items() if label == "ORG"}, _place_words())
    patterns += _date_patterns()
    ruler.add_patterns(patterns)
    return nlp


def segment(text: str) -> list[str]:
    """The words of ``text`` as the pipeline's segmenter cuts them."""
    return [t.text for t in get_nlp().make_doc(text)]


def entities(text: str) -> list[tuple[str, str, int, int]]:
    """Entities of ``text`` as (label, text, start, end); labels ORG, GPE, DATE, TOPIC (+ model labels)."""
    doc = get_nlp()(text)
    return [(ent.label_, ent.text, ent.start_char, ent.end_char) for ent in doc.ents]
