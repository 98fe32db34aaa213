"""The shared vocabulary: the names that both ingest and questions know, behind one interface.

Extraction owns the data files (``ingest/data``: the division table, the lexicon of bodies, unit
abbreviations, the topic taxonomy) and their parsers; everything outside ingest (the question
grammar of ``fengong.queries``, the term index of ``fengong.graph``) reaches them through this
module only, so extraction internals can change without breaking questions.
"""

from __future__ import annotations

from fengong.ingest.bodies import Body, bodies, body_names, en_names, local_functions
from fengong.ingest.bodies import lookup as lookup_body
from fengong.ingest.deadlines import find_deadlines
from fengong.ingest.places import Place, all_by_pinyin, by_pinyin, find_places, opening_place, places
from fengong.ingest.places import lookup as lookup_place
from fengong.ingest.resolve import zone_own_name
from fengong.ingest.status import STATES, state_holding
from fengong.ingest.topics import Topic, load_topics, match_topic
from fengong.ingest.units import function_of, in_order, strip_conjunctions
from fengong.ingest.vocab import alternation, unit_vocab

__all__ = [
    "STATES",
    "Body",
    "Place",
    "Topic",
    "action_starts",
    "all_by_pinyin",
    "alternation",
    "bodies",
    "body_names",
    "by_pinyin",
    "en_names",
    "find_deadlines",
    "find_places",
    "function_of",
    "in_order",
    "load_topics",
    "local_functions",
    "lookup_body",
    "lookup_place",
    "match_topic",
    "matter_openings",
    "opening_place",
    "places",
    "role_words",
    "state_holding",
    "strip_conjunctions",
    "terms_of_phrase",
    "unit_vocab",
    "word_frequency",
    "word_pieces",
    "zone_own_name",
]


def word_frequency(word: str) -> int:
    """How common a Chinese word is (the segmenter's dictionary; vocabulary words count high)."""
    from fengong.ingest.terms import frequency

    return frequency(word)


def word_pieces(text: str) -> list[str]:
    """``text`` cut into words (ingest/terms.py's segmenter), every character kept."""
    from fengong.ingest.terms import pieces

    return pieces(text)


def terms_of_phrase(phrase: str) -> list[str]:
    """The term-index words a phrase is searched by (ingest/terms.py's ``query_terms``)."""
    from fengong.ingest.terms import query_terms

    return query_terms(phrase)


def role_words() -> dict[str, tuple[str, ...]]:
    """The words by which documents give a role (``ingest/data/roles.yaml``: clause verbs such as
    主办 / 协办 / 配合, and the markers of a lead inside a list), per role."""
    from fengong.ingest.vocab import role_vocab

    vocab = role_vocab()
    out: dict[str, list[str]] = {}
    for word, role in vocab.verbs.items():
        out.setdefault(role, []).append(word)
    out.setdefault("lead", []).extend(vocab.lead_markers)
    return {role: tuple(dict.fromkeys(words)) for role, words in out.items()}


def action_starts() -> tuple[str, ...]:
    """The words that open the work a clause assigns (推进, 培育, 建设…: ``ingest/data/roles.yaml``)."""
    from fengong.ingest.vocab import role_vocab

    return tuple(role_vocab().action_starts)


def matter_openings() -> tuple[str, ...]:
    """The words that open a matter's or a suggestion's title (关于X的事项, 关于X的建议:
    ``ingest/data/outline.yaml``)."""
    from fengong.ingest.vocab import load_yaml, words

    return tuple(words(load_yaml("outline.yaml"), "matter_openings", "outline.yaml"))


def lead_label_stems() -> tuple[str, ...]:
    """The words other than 牵头 by which documents label a lead (主责单位, 主办部门 -> 主责, 主办),
    from ``ingest/data/roles.yaml``: a question may use any of them for 牵头."""
    from fengong.ingest.vocab import role_vocab

    stems: dict[str, None] = {}
    for label, role in role_vocab().labels.items():
        stem = label.removesuffix("单位").removesuffix("部门")
        if role == "lead" and stem != label and "牵头" not in stem:
            stems.setdefault(stem, None)
    return tuple(stems)
