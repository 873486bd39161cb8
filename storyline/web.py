"""A local web UI over one store.

Goes in: a store path. Comes out: an ASGI app whose routes call the library
and serve the same dict as JSON (`/stories.json`, `/story/<id>.json`) or as
the HTML page (`/`, `/story/<id>`). `storyline serve` binds it to 127.0.0.1.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import HTMLResponse, JSONResponse

from . import pipeline, report
from .models import StoryNotFound
from .store import open_store

SECURITY_HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
                    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def create_app(db_path: str, *, options: pipeline.AnalyzeOptions | None = None) -> FastAPI:
    """The web app for the store at `db_path` (opened per request, so ingest can run alongside)."""
    app = FastAPI(title="Storyline", docs_url=None, redoc_url=None, openapi_url=None)

    def story_dossier(story_id: str) -> dict[str, Any]:
        with open_store(db_path) as store:
            try:
                return pipeline.dossier_for_story(store, story_id, options=options)
            except StoryNotFound as exc:
                raise HTTPException(status_code=404, detail=str(exc)) from exc

    def index() -> dict[str, Any]:
        with open_store(db_path) as store:
            return pipeline.story_index(store)

    @app.get("/", response_class=HTMLResponse)
    def index_page() -> HTMLResponse:
        page = report.render_index_html(index(), link_prefix="/story/", link_suffix="")
        return HTMLResponse(page, headers=SECURITY_HEADERS)

    @app.get("/stories.json")
    def index_json() -> JSONResponse:
        return JSONResponse(index())

    @app.get("/story/{story_id}.json")
    def story_json(story_id: str) -> JSONResponse:
        return JSONResponse(story_dossier(story_id))

    @app.get("/story/{story_id}", response_class=HTMLResponse)
    def story_page(story_id: str) -> HTMLResponse:
        page = report.render_html(story_dossier(story_id), index_link="/")
        return HTMLResponse(page, headers=SECURITY_HEADERS)

    return app
