"""A local web UI over one store.

Goes in: a store path. Comes out: an ASGI app whose routes call the library
and serve the same dict as JSON (`/stories.json`, `/story/<id>.json`) or as
the HTML page (`/`, `/story/<id>`); the index page lists the newest stories first,
searchable (`?q=`: headlines, outlets and the words of the articles) and a hundred a
page (`?page=`). `storyline serve` binds it to 127.0.0.1
and then answers only requests addressed to a loopback name, so a web page the
user visits cannot read the store through DNS rebinding.
"""

from __future__ import annotations

import html
import ipaddress
import sys
from collections.abc import Awaitable, Callable, Sequence
from typing import Any
from urllib.parse import quote

from fastapi import FastAPI, HTTPException, Request, Response
from fastapi.responses import HTMLResponse, JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from . import pipeline, report
from .models import StoreProblem, StoryNotFound
from .store import list_story_headers, open_store, stories_with_words, story_generation

SECURITY_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
STORIES_PER_PAGE = 100


def is_loopback(host: str) -> bool:
    """Whether an address to bind keeps the UI on this machine: "localhost" or a loopback
    address (127.0.0.0/8, ::1, ::ffff:127.0.0.1); another name may resolve anywhere."""
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host.removeprefix("[").removesuffix("]"))
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped  # Python 3.11's is_loopback does not look inside
    return address.is_loopback


def allowed_hosts_for(bind_host: str) -> list[str]:
    """Host headers to answer: loopback names (and the address bound) when bound to
    loopback, else any."""
    if is_loopback(bind_host):
        bound = bind_host.lower().removeprefix("[").removesuffix("]")
        # A browser writes an IPv6 address in brackets: "Host: [::ffff:127.0.0.1]:8000".
        return list(dict.fromkeys([*LOOPBACK_HOSTS, bound, f"[{bound}]" if ":" in bound
                                   else bound]))
    return ["*"]  # the user chose to serve a network; they name the host themselves


def create_app(db_path: str, *, options: pipeline.AnalyzeOptions | None = None,
               allowed_hosts: Sequence[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The web app for the store at `db_path` (opened per request, so ingest can run alongside)."""
    app = FastAPI(title="Storyline", docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def not_found_page(request: Request, exc: StarletteHTTPException) -> Response:
        """A page for the browser where there is none ("/s1"); JSON paths keep JSON."""
        if exc.status_code != 404 or request.url.path.endswith(".json"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return _not_found(str(exc.detail) if exc.detail != "Not Found" else "no such page")

    @app.exception_handler(StoreProblem)
    async def store_gone(request: Request, exc: StoreProblem) -> Response:
        """The store was replaced or spoiled while serving: say so, not "500" (and not
        its path on disk, which str(exc) names)."""
        message = "the story store cannot be read; see the server's log"
        print(f"storyline: {exc}", file=sys.stderr)
        if request.url.path.endswith(".json"):
            return JSONResponse({"detail": message}, status_code=503)
        return HTMLResponse(f"<!DOCTYPE html><title>Store unavailable</title><p>{message}.</p>",
                            status_code=503)

    def story_dossier(story_id: str) -> dict[str, Any]:
        with open_store(db_path, create=False) as store:
            try:
                return pipeline.dossier_for_story(store, story_id, options=options)
            except StoryNotFound as exc:
                # Not str(exc): it names the store's path on disk.
                raise HTTPException(status_code=404, detail=f"no story {story_id!r}") from exc

    kept: dict[str, Any] = {}  # the index, while the stories stay as they were

    def index() -> dict[str, Any]:
        with open_store(db_path, create=False) as store:
            generation = story_generation(store)
            if kept.get("generation") != generation:
                headers = list_story_headers(store)
                kept.update(generation=generation, index=pipeline.index_of(headers),
                            headlines=pipeline.headlines_of(headers))
            return dict(kept["index"])

    @app.get("/", response_class=HTMLResponse)
    def index_page(q: str = "", page: str = "1") -> HTMLResponse:
        stories = index()
        named = set()
        if q.strip():
            with open_store(db_path, create=False) as store:
                named = stories_with_words(store, q)
        shown = stories_page(stories["stories"], q, _page_number(page),
                             headlines=kept.get("headlines", {}), named=named)
        return HTMLResponse(report.render_index_html(stories, link_prefix="/story/",
                                                     link_suffix="", page=shown))

    @app.get("/stories.json")
    def index_json() -> JSONResponse:
        return JSONResponse(index())

    @app.get("/story/{story_id}.json")
    def story_json(story_id: str) -> JSONResponse:
        return JSONResponse(story_dossier(story_id))

    @app.get("/story/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        dossier = story_dossier(story_id)  # an unknown story: the HTML 404 of not_found_page
        return HTMLResponse(report.render_html(
            dossier, index_link="/", json_link=f"/story/{quote(story_id, safe='')}.json"))

    return app


def stories_page(stories: Sequence[dict[str, Any]], query: str, number: int, *,
                 headlines: dict[str, str] | None = None,
                 named: set[str] | None = None) -> report.IndexPage:
    """One page of the stories index, newest first.

    Args:
        stories: the index's stories (`pipeline.story_index`).
        query: words that a story's title, headlines, outlets or id must all hold ("" for
            all), or one of its articles' texts (`named`).
        number: the page, from 1; past the last one, an empty page linking to the last.
        headlines: story id -> every headline of its articles, searched too.
        named: ids of the stories with an article holding every word of the query
            (`store.stories_with_words`).
    """
    matching = pipeline.matching_stories(report.newest_first(stories), query,
                                         headlines=headlines or {}, named=named or set())
    start = (number - 1) * STORIES_PER_PAGE
    search = f"q={quote(query)}&" if query else ""
    last = max(1, -(-len(matching) // STORIES_PER_PAGE))
    return report.IndexPage(
        tuple(matching[start:start + STORIES_PER_PAGE]), len(matching), query,
        newer=f"/?{search}page={min(number, last + 1) - 1}" if number > 1 else None,
        older=f"/?{search}page={number + 1}" if start + STORIES_PER_PAGE < len(matching)
        else None,
        last=f"/?{search}page={last}" if number > last else None)


MAX_PAGE_DIGITS = 9  # a billion pages of a hundred stories is more than any store holds


def _page_number(page: str) -> int:
    """The page asked for, from 1; anything else ("0", "abc", "\u00b2", 5,000 digits) is the
    first. ASCII digits only: str.isdigit() also takes "\u00b2", which int() refuses."""
    if not page.isascii() or not page.isdigit() or len(page) > MAX_PAGE_DIGITS:
        return 1
    return int(page) or 1


def _not_found(message: str) -> HTMLResponse:
    return HTMLResponse(f"<!DOCTYPE html><title>Not found</title><p>{html.escape(message)}. "
                        '<a href="/">All stories</a></p>', status_code=404)
