"""The local web UI: same dicts as JSON and HTML, 404s, escaping, headers, loopback hosts."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from storyline.cli import DEMO_ARTICLES, cli
from storyline.store import open_store
from storyline.web import STORIES_PER_PAGE, allowed_hosts_for, create_app, stories_page

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db = tmp_path_factory.mktemp("web") / "news.db"
    CliRunner().invoke(cli, ["ingest", str(DEMO_ARTICLES), "--db", str(db)])
    return TestClient(create_app(str(db)), base_url="http://127.0.0.1:8765")


def test_index_lists_stories(client: TestClient) -> None:
    stories = client.get("/stories.json").json()["stories"]
    assert len(stories) == 2
    page = client.get("/")
    assert page.status_code == 200
    for story in stories:
        assert f'href="/story/{story["id"]}"' in page.text


def test_index_searches_stories_and_echoes_the_search_escaped(client: TestClient) -> None:
    stories = client.get("/stories.json").json()["stories"]
    bridge = next(s for s in stories if "bridge" in s["title"].lower())
    page = client.get("/", params={"q": "BRIDGE"})
    assert f'href="/story/{bridge["id"]}"' in page.text
    assert all(f'href="/story/{s["id"]}"' not in page.text for s in stories if s is not bridge)
    # "commuters" is only in another article's headline, not in the story's title.
    assert "commuters" not in bridge["title"].lower()
    assert f'href="/story/{bridge["id"]}"' in client.get("/", params={"q": "commuters"}).text
    # People, bodies and places named only in the articles' texts are found too.
    for named in ("Fenwick", "halvorsen steel", "DEI"):
        found = client.get("/", params={"q": named}).text
        assert f'href="/story/{bridge["id"]}"' in found, named
        assert all(f'href="/story/{s["id"]}"' not in found for s in stories if s is not bridge)
    assert "No story matches" in client.get("/", params={"q": 'Fenwick" OR "x*'}).text
    hostile = client.get("/", params={"q": "<b>x"})
    assert "&lt;b&gt;x" in hostile.text and "<b>x" not in hostile.text
    assert "No story matches" in hostile.text
    for odd in ("0", "abc", "-3"):  # the first page, not an error for a browser
        assert f'href="/story/{bridge["id"]}"' in client.get("/", params={"page": odd}).text
    past = client.get("/", params={"page": 9})
    assert past.status_code == 200 and 'No stories on this page: <a href="/?page=1">' in past.text


def _story(number: int, last: str | None, title: str = "Harbour story") -> dict[str, object]:
    return {"id": f"s{number}", "title": f"{title} {number}", "articles": ["a"] * (number % 3 + 1),
            "topic": f"s{number}", "outlets": ["Valley Herald"], "first": last, "last": last}


def test_index_pages_list_the_newest_stories_first() -> None:
    stories = [_story(n, f"2026-03-{n % 28 + 1:02d}T08:00:00Z") for n in range(150)]
    stories.append(_story(999, None))
    first = stories_page(stories, "", 1)
    assert len(first.stories) == STORIES_PER_PAGE and first.matching == 151
    assert first.stories[0]["last"] == "2026-03-28T08:00:00Z" and first.newer is None
    assert [s["last"] for s in first.stories] == sorted((s["last"] for s in first.stories),
                                                         reverse=True)
    second = stories_page(stories, "", 2)
    assert second.stories[-1]["id"] == "s999" and second.older is None  # undated last
    assert second.newer == "/?page=1"
    assert {s["id"] for s in first.stories} | {s["id"] for s in second.stories} == {
        s["id"] for s in stories}
    found = stories_page(stories + [_story(7000, None, "Ferry aground")], "ferry valley", 1)
    assert [s["id"] for s in found.stories] == ["s7000"] and found.older is None
    recount = stories_page(stories, "recount ordered", 1,
                           headlines={"s3": "Count halted. Hand recount ordered"})
    assert [s["id"] for s in recount.stories] == ["s3"]  # any headline of the story


@pytest.mark.parametrize("page", ["%C2%B2", "%D9%A3", "9" * 5000, "-1", "0", "abc", ""])
def test_odd_page_numbers_give_the_first_page(client: TestClient, page: str) -> None:
    response = client.get(f"/?page={page}")
    assert response.status_code == 200
    assert response.text == client.get("/?page=1").text


def test_the_kept_index_follows_new_stories(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first = DEMO_ARTICLES / "port-elsin-gazette.txt"
    CliRunner().invoke(cli, ["ingest", str(first), "--db", str(db)])
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1:8765")
    assert len(client.get("/stories.json").json()["stories"]) == 1
    CliRunner().invoke(cli, ["ingest", str(DEMO_ARTICLES), "--db", str(db)])
    assert len(client.get("/stories.json").json()["stories"]) == 2


def test_story_json_and_html(client: TestClient) -> None:
    story_id = client.get("/stories.json").json()["stories"][0]["id"]
    dossier = client.get(f"/story/{story_id}.json").json()
    assert dossier["story"]["id"] == story_id
    page = client.get(f"/story/{story_id}")
    assert page.status_code == 200
    assert dossier["story"]["title"].split()[0] in page.text
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert f'href="/story/{story_id}.json"' in page.text  # the same dossier as JSON


def test_unknown_story_is_404_without_the_store_path(client: TestClient) -> None:
    response = client.get("/story/nope.json")
    assert response.status_code == 404
    assert "news.db" not in response.text and "nope" in response.text


def test_unknown_story_page_is_an_html_404(client: TestClient) -> None:
    page = client.get("/story/<b>nope")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "&lt;b&gt;nope" in page.text and "<b>nope" not in page.text


def test_an_unknown_page_is_an_html_404_and_json_paths_stay_json(client: TestClient) -> None:
    page = client.get("/s1")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert 'href="/"' in page.text
    missing = client.get("/nothing.json")
    assert missing.status_code == 404 and missing.json() == {"detail": "Not Found"}


def test_json_routes_carry_the_security_headers(client: TestClient) -> None:
    response = client.get("/stories.json")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "default-src 'none'" in response.headers["content-security-policy"]


def test_foreign_host_header_is_refused(client: TestClient) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must get nothing."""
    assert client.get("/stories.json", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/stories.json", headers={"host": "localhost:8765"}).status_code == 200


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "LOCALHOST", "::1",
                                  "[::1]", "::ffff:127.0.0.1"])
def test_a_loopback_bind_answers_loopback_names_only(host: str) -> None:
    allowed = allowed_hosts_for(host)
    assert "*" not in allowed and "evil.example" not in allowed
    assert {"127.0.0.1", "localhost", host.lower()} <= set(allowed)
    bound = host.strip("[]")
    header = f"[{bound}]:8000" if ":" in bound else f"{bound}:8000"  # as a browser sends it
    app = TestClient(create_app(":memory:", allowed_hosts=allowed))
    assert app.get("/nothing.json", headers={"host": header}).status_code == 404  # let in
    assert app.get("/nothing.json", headers={"host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.4.20", "10.0.0.7",
                                  "wrenfold-harbour.example"])
def test_a_network_bind_answers_any_host(host: str) -> None:
    assert allowed_hosts_for(host) == ["*"]


def _serve(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
           *args: str) -> tuple[dict[str, object], object]:
    """Run `serve` with uvicorn.run replaced: what it was asked to serve, and the result."""
    import socket

    import uvicorn

    served: dict[str, object] = {}

    def run(app: object, **kwargs: object) -> None:
        served.update(kwargs, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    db = tmp_path / "news.db"
    open_store(db).close()
    with socket.socket() as probe:  # a port free now, as the command binds it to check
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port), *args])
    assert result.exit_code == 0, result.output
    assert served["port"] == port
    return served, result


def test_serve_binds_localhost_by_default_and_refuses_foreign_hosts(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    served, result = _serve(monkeypatch, tmp_path)
    assert served["host"] == "127.0.0.1"
    app = TestClient(served["app"], base_url="http://127.0.0.1:8765")  # type: ignore[arg-type]
    assert app.get("/stories.json").status_code == 200
    assert app.get("/stories.json", headers={"host": "localhost:8765"}).status_code == 200
    assert app.get("/stories.json", headers={"host": "evil.example"}).status_code == 400
    assert "warning" not in result.stderr


def test_serving_a_network_address_warns(monkeypatch: pytest.MonkeyPatch,
                                         tmp_path: Path) -> None:
    served, result = _serve(monkeypatch, tmp_path, "--host", "0.0.0.0")
    assert served["host"] == "0.0.0.0"
    assert "warning 0.0.0.0 is not a loopback address" in result.stderr
    _served, loopback = _serve(monkeypatch, tmp_path, "--host", "127.0.0.2")
    assert "warning" not in loopback.stderr


def test_serve_needs_an_existing_store(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2


def test_serve_refuses_a_file_that_is_not_a_store_before_serving(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Wrenfold harbour notes, not a database.\n" * 20)
    result = CliRunner().invoke(cli, ["serve", "--db", str(path), "--port", "1"])
    assert result.exit_code == 1
    assert "file is not a database" in result.output and "serving" not in result.output
    assert "Traceback" not in result.output


def test_a_store_spoiled_while_serving_is_a_503_without_its_path(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    CliRunner().invoke(cli, ["ingest", str(DEMO_ARTICLES / "meridian-bridge-closed.txt"),
                             "--db", str(db)])
    app = TestClient(create_app(str(db)), base_url="http://127.0.0.1:8765")
    assert app.get("/").status_code == 200
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.write_text("Wrenfold harbour notes, not a database.\n" * 20)
    for path in ("/", "/stories.json", "/story/s1"):
        response = app.get(path)
        assert response.status_code == 503, path
        assert "cannot be read" in response.text and str(tmp_path) not in response.text


def test_serve_on_a_busy_port_is_a_clear_error(tmp_path: Path) -> None:
    import socket

    db = tmp_path / "news.db"
    CliRunner().invoke(cli, ["ingest", str(DEMO_ARTICLES / "meridian-bridge-closed.txt"),
                             "--db", str(db)])
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--port", str(port)])
    assert result.exit_code == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.output
    assert "serving" not in result.output


def test_pages_escape_article_text(tmp_path: Path) -> None:
    hostile = tmp_path / "in" / "evil.txt"
    hostile.parent.mkdir()
    hostile.write_text("Title: <script>alert(1)</script> Wren bridge\nOutlet: <b>Bad</b> Post\n\n"
                       "Mayor Ilse Varga said the Wren bridge <img src=x onerror=alert(2)> "
                       "would reopen on Friday.\n", encoding="utf-8")
    db = tmp_path / "news.db"
    CliRunner().invoke(cli, ["ingest", str(hostile.parent), "--db", str(db)])
    client = TestClient(create_app(str(db)), base_url="http://127.0.0.1:8765")
    [story] = client.get("/stories.json").json()["stories"]
    for page in (client.get("/").text, client.get(f"/story/{story['id']}").text):
        assert "<script>alert" not in page and "<img src=x" not in page
        assert "<b>Bad</b>" not in page
        assert "&lt;script&gt;" in page
