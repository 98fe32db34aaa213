"""A Neo4j Browser guide of fengong's named questions, generated from queries/*.cypher.

Served at GET /guide and opened in Browser with ``:play http://127.0.0.1:8000/guide`` (Browser
must allow the host: ``browser.remote_content_hostname_whitelist=127.0.0.1`` in neo4j.conf).
Each slide sets example parameters with a runnable ``:params`` block, then runs the query.
"""

from __future__ import annotations

import html
import json
from typing import Any

from fengong.queries.named import NamedQuery, list_queries


def _cypher_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):  # a list parameter is a Cypher list, not its text
        return "[" + ", ".join(_cypher_value(v) for v in value) + "]"
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def params_command(query: NamedQuery) -> str:
    """A Browser ``:params`` command with each parameter's example, else its default."""
    values = {p.name: p.example if p.example is not None else p.default for p in query.params}
    inner = ", ".join(f"{name}: {_cypher_value(v)}" for name, v in values.items())
    return f":params {{{inner}}}"


def _slide(query: NamedQuery) -> str:
    params = "".join(
        f"<li><code>{html.escape(p.name)}</code> ({html.escape(p.type)}"
        f"{', required' if p.required else ', default ' + html.escape(repr(p.default))})</li>"
        for p in query.params
    )
    notes = f"<p class='notes'>{html.escape(query.notes)}</p>" if query.notes else ""
    set_params = (
        f'<p>Set example parameters:</p>\n<pre class="code runnable">{html.escape(params_command(query), quote=False)}</pre>\n'
        if query.params
        else ""
    )
    return (
        f'<slide class="row-fluid">\n<div class="col-sm-12">\n'
        f'<h3>{html.escape(query.name)}</h3>\n<p class="lead">{html.escape(query.description)}</p>\n'
        f"{'<ul>' + params + '</ul>' if params else ''}\n{notes}\n{set_params}"
        f'<p>Run it:</p>\n<pre class="code runnable">{html.escape(query.cypher, quote=False)}</pre>\n'
        f"</div>\n</slide>"
    )


def render_guide() -> str:
    """The guide as HTML in Neo4j Browser guide format (article.guide > carousel > slide)."""
    queries = list_queries()
    index = "".join(f"<li>{html.escape(q.name)}: {html.escape(q.description)}</li>" for q in queries)
    intro = (
        '<slide class="row-fluid">\n<div class="col-sm-12">\n<h3>fengong 分工: named questions</h3>\n'
        '<p class="lead">Who leads, cooperates on and is responsible for which task, where and by when. '
        "Each slide sets example parameters, then runs one named query from <code>queries/*.cypher</code>.</p>\n"
        f"<ol>{index}</ol>\n</div>\n</slide>"
    )
    slides = "\n".join([intro, *(_slide(q) for q in queries)])
    return f'<article class="guide">\n<carousel class="deck container-fluid">\n{slides}\n</carousel>\n</article>\n'
