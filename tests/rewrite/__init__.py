"""Proof by rewriting: documents with known gold rewritten in other notations that keep their
meaning, each with its gold derived exactly.

- ``model``: a ``Sample`` (name, text, gold, base, kinds) and the checks a rewritten gold must pass.
- ``kinds``: the registry of rewrite kinds (``KINDS``, in ``ORDER``), each a small named function
  ``(sample, random.Random) -> Sample | None`` in ``labels``, ``lead``, ``swaps``, ``layout``,
  ``prose``; ``mixed`` chains several. Vocabulary in ``data/rewrites.yaml``.
- ``corpus``: the base documents (``base_samples``), the seeded generator (``generate``), the
  extractor's output for a sample (``extract``) and the scorer's figures per kind
  (``score_samples``, with ``eval/score.py``).

``tests/test_rewrites.py`` runs a sample in CI; ``bench/rewrite_bench.py`` the whole corpus.
"""
