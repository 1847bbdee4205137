"""What every ``kg`` command shares: the group, its one error handler, shared options and
the lines a build ends with.

Each command module imports :data:`main` from here and registers itself on it;
:mod:`kg.cli` imports the command modules. No command module imports another.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from kg.errors import KGError, is_write_failure, write_failure

if TYPE_CHECKING:
    from kg.pipeline import BuildReport
    from kg.visualize.explore import EventFilter

#: The graph file formats ``--out`` takes, for help texts.
FORMATS = ".trig, .nq, .ttl, .jsonld"

F = TypeVar("F", bound=Callable[..., Any])


class KGGroup(click.Group):
    """A group that maps every :class:`~kg.errors.KGError` a command raises to one
    ``error:`` line, one ``TIP:`` line with the fix, and the exit status of the error's
    class (pypa/build's ``__main__``): one handler for all commands."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KGError as exc:
            click.secho(f"error: {exc}", fg="red", err=True)
            if exc.hint:
                click.echo(f"TIP: {exc.hint}", err=True)
            sys.exit(exc.exit_code)
        except OSError as exc:  # a disk full or a folder one may not write: one line too
            if not is_write_failure(exc):
                raise
            failure = write_failure(exc)
            click.secho(f"error: {failure}", fg="red", err=True)
            click.echo(f"TIP: {failure.hint}", err=True)
            sys.exit(failure.exit_code)


@click.group(cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="conflict-kg", prog_name="kg")
def main() -> None:
    """Turn conflict reporting into a knowledge graph: who did what to whom, where, when,
    and who says so."""


# -- the event filters of kg viz and kg map -----------------------------------------


def filter_options(func: F) -> F:
    """The event filters ``kg viz`` and ``kg map`` share; read them with :func:`event_filter`."""
    for option in reversed(
        [
            click.option("--actor", multiple=True, metavar="NAME",
                         help="Events whose agent or target is NAME (repeatable)."),
            click.option("--event-type", multiple=True, metavar="TYPE",
                         help="Events of TYPE, e.g. airstrike, shelling (repeatable)."),
            click.option("--since", metavar="DATE",
                         help="Events on or after DATE (2016, 2016-07)."),
            click.option("--until", metavar="DATE", help="Events on or before DATE."),
            click.option("--place", multiple=True, metavar="NAME",
                         help="Events at NAME or in the governorate NAME (repeatable)."),
            click.option("--source", multiple=True, metavar="NAME",
                         help="Events attributed to NAME or published by it (repeatable)."),
            click.option("--min-reports", type=click.IntRange(1), default=1, show_default=True,
                         help="Events told by at least N reports (merged by kg merge)."),
        ]
    ):  # fmt: skip
        func = option(func)
    return func


def event_filter(options: dict[str, Any]) -> EventFilter:
    """The :class:`~kg.visualize.explore.EventFilter` of the :func:`filter_options` given."""
    from kg.visualize.explore import EventFilter

    return EventFilter(
        actors=tuple(options["actor"]),
        event_types=tuple(options["event_type"]),
        since=options["since"],
        until=options["until"],
        places=tuple(options["place"]),
        sources=tuple(options["source"]),
        min_reports=options["min_reports"],
    )


# -- what a build prints ------------------------------------------------------------


def graph_summary(stats: dict[str, int]) -> str:
    """One line of a graph's :meth:`~kg.graph.KnowledgeGraph.stats`.

    >>> graph_summary({"articles": 1, "triples": 1060, "actors": 14, "places": 14,
    ...                "events": 7, "mentions": 77})
    '1 article(s), 1,060 triples, 14 actors, 14 places, 7 events, 77 mentions'
    """
    return (
        f"{stats['articles']} article(s), {stats['triples']:,} triples, "
        f"{stats['actors']} actors, {stats['places']} places, {stats['events']} events, "
        f"{stats['mentions']} mentions"
    )


def report_problems(report: BuildReport, *, unchanged: int = 0, rejected: int = 0) -> None:
    """Print the closing summary of a build on stderr: what was built, then every article,
    file or row skipped with its reason and every warning, one line each.

    ``unchanged`` articles (already in the store) count as ok; ``rejected`` ones (refused
    by the store, and listed among the skipped) do not.
    """
    ok = len(report.ok) - rejected + unchanged
    counts = f"{ok} ok" + (f" ({unchanged} unchanged)" if unchanged else "")
    counts += f", {len(report.skipped)} skipped"
    counts += f", {len(report.warnings)} warning" + ("" if len(report.warnings) == 1 else "s")
    colour = "yellow" if report.skipped or report.warnings else None
    click.secho(f"summary: {counts}", fg=colour, err=True)
    for origin, reason in report.skipped:
        line = f"{origin}: {reason}" if reason else origin
        click.secho(f"skipped: {one_line(line)}", fg="yellow", err=True)
    for warning in report.warnings:
        click.secho(f"warning: {one_line(warning)}", fg="yellow", err=True)


def one_line(text: str) -> str:
    r"""``text`` on one line, its control characters escaped: file names, headers and
    exception texts come from the input, and must neither break the line nor drive the
    terminal.

    >>> one_line("a.csv: no text column; its columns are: x\x1b[31m, y\nz")
    'a.csv: no text column; its columns are: x\\x1b[31m, y\\nz'
    """
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )
