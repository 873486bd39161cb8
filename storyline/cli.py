"""The `storyline` command line: parse, call the library, print.

Goes in: command-line arguments. Comes out: dossiers on standard output or
in files, progress and input problems on standard error, and the exit codes
of DESIGN.md (0 when an article was analysed, 2 for usage errors, 1 otherwise).
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .ingest import one_line
from .models import DEFAULT_LLM_MODEL, LLM_SOURCE, InputError, StorylineError
from .store import list_story_headers, open_store, stories_with_words
from .summary import DEFAULT_WORDS

if TYPE_CHECKING:
    from .pipeline import IngestReport, Progress

# The pipeline and the report are imported by the commands that use them: loading the
# stages (spaCy among them) takes about a second that --version and --help need not pay.

DEMO_ARTICLES = Path(__file__).parent / "demo" / "articles"
FORMAT_CHOICE = click.Choice(["json", "md", "html", "all"])
F = TypeVar("F", bound=Callable[..., Any])


def handle_errors(func: F) -> F:
    """Turn library errors into clean messages with exit code 1."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except StorylineError as exc:
            raise click.ClickException(str(exc)) from exc
    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="storyline")
def cli() -> None:
    """Turn a pile of news articles into a sourced story dossier.

    \b
    Examples:
      storyline analyze articles/ --out out/
      storyline analyze feed.xml --one-story --format json > dossier.json
      cat items.jsonl | storyline analyze - --one-story --format md
      storyline ingest crawl/ --db news.db && storyline stories --db news.db
    """


SUMMARY_WORDS = click.option(
    "--summary-words", type=click.IntRange(min=1), default=DEFAULT_WORDS, show_default=True,
    help="Length of the brief in words.")


def _check_llm_url(_ctx: click.Context, _param: click.Parameter, url: str | None) -> str | None:
    if url is not None and not url.startswith(("http://", "https://")):
        raise click.BadParameter("give the server's http:// or https:// URL")
    return url


def llm_options(func: F) -> F:
    """The --llm and --llm-model options of commands that write a summary."""
    func = click.option("--llm-model", default=DEFAULT_LLM_MODEL, show_default=True,
                        envvar="STORYLINE_LLM_MODEL", metavar="NAME",
                        help="Model name sent to the --llm server ($STORYLINE_LLM_MODEL).")(func)
    return click.option(
        "--llm", "llm_url", default=None, metavar="URL", callback=_check_llm_url,
        help="Let an OpenAI-compatible server at URL rewrite the summary (off by default). "
             "A rewritten sentence its cited spans do not support is replaced by the "
             "extractive one. API key from $STORYLINE_LLM_KEY or $OPENAI_API_KEY.")(func)


def _report_error(error: InputError) -> None:
    label = "warning" if error.severity == "warning" else "skipped"
    # A file name can hold terminal escapes ("\x1b]0;..." retitles the window): one line.
    click.echo(f"storyline: {label} {one_line(error.source)}: {one_line(error.reason)}",
               err=True)


@contextmanager
def _progress(label: str) -> Iterator[Progress]:
    """A progress counter on standard error, only when it is a terminal."""
    if not sys.stderr.isatty():
        yield lambda _n: None
        return
    from rich.progress import Progress, SpinnerColumn, TextColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"),
                  TextColumn("{task.completed} articles"), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def advance(count: int) -> None:
            bar.advance(task, count)

        yield advance


def _ingest(store: Any, inputs: tuple[str, ...]) -> IngestReport:
    from . import pipeline

    with _progress("Reading") as advance:
        stdin = sys.stdin.buffer  # bytes: decoded as files are
        result = pipeline.ingest_inputs(store, inputs, progress=advance, stdin=stdin)
    for error in result.errors:
        _report_error(error)
    return result


@cli.command(name="analyze")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write files here.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default=None,
              help="Output format (default: json on stdout, all with --out).")
@click.option("--one-story", is_flag=True,
              help="Treat all inputs as one story (no clustering; with --db the stored "
                   "articles still join the store's stories).")
@click.option("--db", "db_path", type=click.Path(dir_okay=False), help="SQLite store to use.")
@click.option("--model", default=None,
              help="spaCy pipeline package (default: an installed en_core_web_* package).")
@SUMMARY_WORDS
@click.option("--dask", "dask_scheduler", default=None, metavar="SCHEDULER",
              help="Run the NLP on Dask: processes, threads, or a scheduler address.")
@llm_options
@handle_errors
def analyze_cli(inputs: tuple[str, ...], out_dir: str | None, fmt: str | None, one_story: bool,
                db_path: str | None, model: str | None, summary_words: int,
                dask_scheduler: str | None, llm_url: str | None, llm_model: str) -> None:
    """Analyse articles into dossiers.

    INPUT is a file, a directory (recursive) or - for JSONL on standard input.

    Example: storyline analyze articles/ --out out/
    """
    from . import pipeline

    fmt = fmt or ("all" if out_dir else "json")
    if fmt in {"all"} and not out_dir:
        raise click.UsageError("--format all needs --out DIR")
    options = pipeline.AnalyzeOptions(model=model, summary_words=summary_words,
                                      dask=dask_scheduler, llm=llm_url, llm_model=llm_model)
    with open_store(db_path) as store:
        ingested = _ingest(store, inputs)
        if not ingested.articles:
            raise click.ClickException("no article could be read from the inputs")
        with _progress("Analysing") as advance:
            dossiers = pipeline.analyze(store, ingested, options=options, one_story=one_story,
                                        progress=advance)
        index = pipeline.index_for(dossiers, topics=pipeline.story_topics(store))
    _report_stage_problems(dossiers)
    # With a store, stories this run did not touch still exist: their folders stay.
    _emit(dossiers, index, fmt=fmt, out_dir=out_dir, one_story=one_story,
          prune=db_path is None)


def _report_stage_problems(dossiers: list[dict[str, Any]]) -> None:
    """What went wrong after reading (a stage failing on an article, the --llm server),
    which the dossiers record, also on standard error; input problems are told on read."""
    for dossier in dossiers:
        for error in dossier["errors"]:
            if error["source"] == LLM_SOURCE or error.get("stage") == "analysis":
                click.echo(f"storyline: warning {dossier['story']['id']} "
                           f"{one_line(error['source'])}: {one_line(error['reason'])}",
                           err=True)


def _emit(dossiers: list[dict[str, Any]], index: dict[str, Any], *, fmt: str,
          out_dir: str | None, one_story: bool, prune: bool = True) -> None:
    from . import report

    if out_dir:
        written = report.write_outputs(dossiers, index, Path(out_dir), fmt=fmt,
                                       one_story=one_story, prune=prune)
        if one_story and fmt == "all":  # every format, not just the page last written
            names = ", ".join(f"dossier.{report.EXTENSIONS[name]}" for name in report.FORMATS)
            click.echo(f"storyline: wrote {names} in {written.parent}", err=True)
        else:
            click.echo(f"storyline: wrote {written}", err=True)
        return
    if fmt == "json" and not one_story:
        for dossier in dossiers:
            click.echo(json.dumps(dossier, ensure_ascii=False))
        return
    if fmt == "html" and len(dossiers) > 1:
        raise click.UsageError("several stories found: use --out DIR for HTML, or --one-story")
    for dossier in dossiers:
        click.echo(report.render(dossier, fmt))


@cli.command(name="ingest")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False),
              help="SQLite store (created when missing).")
@handle_errors
def ingest_cli(inputs: tuple[str, ...], db_path: str) -> None:
    """Add articles to a store and sort them into stories.

    Re-running on the same input changes nothing.

    Example: storyline ingest crawl/ --db news.db
    """
    from . import pipeline, report

    with open_store(db_path) as store, _progress("Reading") as advance:
        stdin = sys.stdin.buffer  # bytes: decoded as files are
        ingested = pipeline.ingest_into_stories(store, inputs, progress=advance, stdin=stdin)
    for error in ingested.errors:
        _report_error(error)
    stories = len(ingested.stories)
    warnings = sum(e.severity == "warning" for e in ingested.errors)
    new = ingested.new  # rows this run inserted, whatever another ingest did meanwhile
    click.echo(f"storyline: {report.count(ingested.articles, 'article')} in "
               f"{'1 story' if stories == 1 else f'{stories} stories'}"
               f" ({new} new, {ingested.articles - new} already stored), "
               f"{report.count(len(ingested.errors) - warnings, 'problem')}, "
               f"{report.count(warnings, 'warning')}", err=True)
    if not ingested.articles:
        sys.exit(1)


@cli.command(name="stories")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--search", default=None, metavar="WORDS",
              help="Only stories holding every word: in an article's headline or text, or "
                   "in the story's title or outlets (as the web UI's search).")
@handle_errors
def stories_cli(db_path: str, fmt: str, search: str | None) -> None:
    """List the stories in a store.

    One line per story: id, article count, first .. last date, title, outlets and
    topic (the id of the oldest story on the same subject; a story alone in its topic
    names itself).

    Example: storyline stories --db news.db --search "Varga"
    """
    from . import pipeline, report

    with open_store(db_path, create=False) as store:
        headers = list_story_headers(store)
        index = pipeline.index_of(headers)
        if search and search.strip():  # as the web UI's search box finds them
            index = {**index, "stories": pipeline.matching_stories(
                index["stories"], search, headlines=pipeline.headlines_of(headers),
                named=stories_with_words(store, search))}
    if fmt == "json":
        click.echo(json.dumps(index, ensure_ascii=False, indent=2))
        return
    if search and not index["stories"]:
        click.echo(f"storyline: no story matches {search!r}", err=True)
    for story in index["stories"]:
        outlets = ", ".join(map(one_line, story["outlets"])) or "no outlet named"
        click.echo(f"{story['id']}\t{report.count(len(story['articles']), 'article')}\t"
                   f"{report.days(story['first'], story['last'])}"
                   f"\t{one_line(story['title'])}"  # a store written before controls
                   # were taken out at ingest may still hold them
                   f"\t[{outlets}]\ttopic {story['topic']}")


@cli.command(name="show")
@click.argument("story_id")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=FORMAT_CHOICE, default=None,
              help="Output format (default: json on stdout, all with --out).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Write files here.")
@click.option("--model", default=None, help="spaCy pipeline package.")
@SUMMARY_WORDS
@llm_options
@handle_errors
def show_cli(story_id: str, db_path: str, fmt: str | None, out_dir: str | None,
             model: str | None, summary_words: int, llm_url: str | None,
             llm_model: str) -> None:
    """Write one stored story's dossier (cached until the story changes).

    Example: storyline show s1 --db news.db --format html > s1.html
    """
    from . import pipeline

    fmt = fmt or ("all" if out_dir else "json")
    if fmt == "all" and not out_dir:
        raise click.UsageError("--format all needs --out DIR")
    options = pipeline.AnalyzeOptions(model=model, summary_words=summary_words, llm=llm_url,
                                      llm_model=llm_model)
    with open_store(db_path, create=False) as store:
        dossier = pipeline.dossier_for_story(store, story_id, options=options)
    _report_stage_problems([dossier])
    _emit([dossier], pipeline.index_for([dossier]), fmt=fmt, out_dir=out_dir, one_story=True)


@cli.command(name="quotes")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--one-story", is_flag=True,
              help="Treat all inputs as one story (speakers found across all of them).")
@click.option("--model", default=None, help="spaCy pipeline package.")
@handle_errors
def quotes_cli(inputs: tuple[str, ...], one_story: bool, model: str | None) -> None:
    """Print every quote with its speaker as JSONL (one object per quote).

    The inputs are sorted into stories first, as `analyze` does, and a speaker ("the
    company", "he") is looked for only in the quote's own story.

    Example: storyline quotes article.txt
    """
    from . import pipeline

    with open_store(None) as store:
        ingested = _ingest(store, inputs)
        story_of = None if one_story else pipeline.update_stories(store, ingested.articles)
    if not ingested.articles:
        raise click.ClickException("no article could be read from the inputs")
    for quote in pipeline.quotes_for(ingested.articles, story_of=story_of,
                                     options=pipeline.AnalyzeOptions(model=model)):
        click.echo(json.dumps(quote, ensure_ascii=False))


@cli.command(name="timeline")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["text", "jsonl"]), default="text",
              show_default=True)
@click.option("--model", default=None, help="spaCy pipeline package.")
@handle_errors
def timeline_cli(inputs: tuple[str, ...], fmt: str, model: str | None) -> None:
    """Print the dated events of the inputs, treated as one story, in date order.

    Example: storyline timeline articles/ --format jsonl
    """
    from . import pipeline, report

    with open_store(None) as store:
        ingested = _ingest(store, inputs)
    if not ingested.articles:
        raise click.ClickException("no article could be read from the inputs")
    events = pipeline.timeline_for(ingested.articles,
                                   options=pipeline.AnalyzeOptions(model=model))
    for event in events:
        if fmt == "jsonl":
            click.echo(json.dumps(event, ensure_ascii=False))
        else:
            click.echo(report.event_line(event))


@cli.command(name="serve")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the default keeps the UI on this machine.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@handle_errors
def serve_cli(db_path: str, host: str, port: int) -> None:
    """Browse a store's stories in a local web UI.

    Example: storyline serve --db news.db
    """
    import socket

    import uvicorn

    from .web import allowed_hosts_for, create_app, is_loopback

    open_store(db_path, create=False).close()  # not a store: say so before serving
    # Bind first, so a busy port is a clear error (exit 1) before anything is announced.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            sock.bind((host, port))
        except OSError as exc:
            raise click.ClickException(
                f"cannot serve on {host}:{port}: {exc.strerror or exc}") from exc
    click.echo(f"storyline: serving {db_path} on http://{host}:{port}/", err=True)
    if not is_loopback(host):  # allowed, but a reader should know who else can read
        click.echo(f"storyline: warning {host} is not a loopback address: anyone who can "
                   "reach this machine can read the store", err=True)
    app = create_app(db_path, allowed_hosts=allowed_hosts_for(host))
    uvicorn.run(app, host=host, port=port, log_level="warning")


@cli.command(name="demo")
@click.option("--out", "out_dir", default="demo-output", show_default=True,
              type=click.Path(file_okay=False))
@handle_errors
def demo_cli(out_dir: str) -> None:
    """Analyse the bundled fictional demo corpus into the --out folder.

    Example: storyline demo --out demo-output
    """
    from . import pipeline, report

    with open_store(None) as store:
        ingested = _ingest(store, (str(DEMO_ARTICLES),))
        dossiers = pipeline.analyze(store, ingested, options=pipeline.AnalyzeOptions())
        index = pipeline.index_for(dossiers, topics=pipeline.story_topics(store))
    report.write_outputs(dossiers, index, Path(out_dir), fmt="all", one_story=False)
    click.echo(f"Analysed {len(ingested.articles)} demo articles into {len(dossiers)} stories.")
    click.echo(f"Open {Path(out_dir) / 'index.html'} in a browser; dossiers are in "
               f"{out_dir}/<story>/dossier.json|md|html.")
