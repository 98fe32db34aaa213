"""``fengong ask "…"``: answer a question from the graph, showing how it was understood."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.tree import Tree

from fengong.api.console import make_console, note
from fengong.api.options import DataOpt, StoreOpt, open_or_exit


def _show(answer: object, empty_store: bool = False) -> None:
    from fengong.queries.ask import Answer

    assert isinstance(answer, Answer)
    console = make_console()
    i = answer.interpretation
    console.print(f"[bold]understood as[/bold] {i.understood_as}", highlight=False)
    console.print(f"[dim]query {i.query} {json.dumps(i.params, ensure_ascii=False)}[/dim]", highlight=False)
    if not answer.rows:
        if answer.offset:
            console.print(f"no rows past row {answer.offset}: the answer is shorter", style="yellow")
        elif empty_store:
            console.print(
                "no rows: the store holds no documents yet; load some with `fengong ingest FILES`",
                style="yellow",
            )
        else:
            console.print("no rows: the graph holds nothing matching this question", style="yellow")
        return
    for group in answer.groups:
        tree = Tree(f"[bold]{group.key}[/bold]")
        for label, values in group.items.items():
            branch = tree.add(f"[cyan]{label}[/cyan]")
            for value in values:
                branch.add(value)
        console.print(tree, highlight=False)
    if answer.evidence:
        console.print("[bold]evidence[/bold]")
        for e in answer.evidence:
            who = f"{e.unit} — " if e.unit else ""
            console.print(f"  [dim]{e.group}[/dim] {who}{e.sentence}", highlight=False, soft_wrap=True)
    first = answer.offset + 1
    span = f"rows {first}–{answer.offset + len(answer.rows)}"
    more = f"; more follow: --offset {answer.next_offset}" if answer.next_offset is not None else ""
    console.print(f"{span}{more}", style="dim", highlight=False)


def ask(
    question: Annotated[str, typer.Argument(help="A question in Chinese or English.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the answer as UTF-8 JSON.")] = False,
    # bounds as /ask: queries.ask.PAGE_ROWS rows, at most ANSWER_LIMIT, offset to MAX_OFFSET (not
    # imported: CLI start-up)
    limit: Annotated[int, typer.Option("--limit", min=1, max=2_000, help="Rows in the page.")] = 100,
    offset: Annotated[int, typer.Option("--offset", min=0, max=10_000, help="First row of the page.")] = 0,
    store: StoreOpt = None,
    data: DataOpt = None,
) -> None:
    """Answer a question (who leads / cooperates on a topic, what a unit does, what is due, targets).

    The question is mapped to a named query by fixed rules; one that cannot be mapped exits 2 with
    the kinds of questions that can be answered.
    """
    from fengong.graph.store import StoreError
    from fengong.queries.ask import NotUnderstood, answer, interpret

    err = make_console(stderr=True)

    def refuse(exc: NotUnderstood) -> typer.Exit:
        note("error", str(exc))
        err.print("I can answer:", highlight=False)
        for line in exc.capabilities:
            err.print(f"  • {line}", highlight=False)
        return typer.Exit(2)

    try:
        graph = open_or_exit(store, data, read_only=True)  # the question is read with the store's units
    except typer.Exit:
        try:  # no store: a question that cannot be read at all is still refused as such
            interpret(question)
        except NotUnderstood as exc:
            raise refuse(exc) from exc
        raise
    try:
        result = answer(graph, question, offset=offset, limit=limit)
        empty = not result.rows and graph.counts()["Document"] == 0
    except NotUnderstood as exc:
        raise refuse(exc) from exc
    except StoreError as exc:
        note("error", str(exc))
        raise typer.Exit(1) from exc
    finally:
        graph.close()
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2, default=str))
    else:
        _show(result, empty)


def register(app: typer.Typer) -> None:
    """Add the ask command to ``app``."""
    app.command("ask")(ask)
