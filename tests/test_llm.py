"""The optional LLM rewrite of the summary, against a fake server on 127.0.0.1 (no network).

Every rewritten sentence must be backed by the spans it cites; anything else falls back
to the extractive sentence, and a failing server costs the rewrite, never the brief.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner

from storyline import pipeline, report
from storyline.cli import DEMO_ARTICLES, cli
from storyline.llm import endpoint, parse_reply, rewrite_summary, unsupported
from storyline.models import Span, SummarySentence
from storyline.text import content_words
from tests.conftest import article

SCHEMA = json.loads((Path(__file__).resolve().parents[1] / "storyline" / "data" /
                     "dossier.schema.json").read_text())
WIRE = article("Mayor Ilse Varga of Dunmore said on Wednesday that the Kestrel River Bridge "
               "would stay closed for six months. The repairs will cost 4 million euros, the "
               "council said.", id="wire")
HERALD = article("The Kestrel River Bridge will remain closed for six months, Mayor Ilse Varga "
                 "said. Repairs are expected to cost 4 million euros.", id="herald",
                 outlet="Valley Herald")
ARTICLES = [WIRE, HERALD]


def _span(doc: Any, sentence: str) -> Span:
    start = doc.text.index(sentence)
    return Span(doc.id, start, start + len(sentence))


S1 = ("Mayor Ilse Varga of Dunmore said on Wednesday that the Kestrel River Bridge would stay "
      "closed for six months.")
S2 = "The repairs will cost 4 million euros, the council said."
SUMMARY = [
    SummarySentence(S1, (_span(WIRE, S1), _span(HERALD, "The Kestrel River Bridge will remain "
                                                "closed for six months, Mayor Ilse Varga said."))),
    SummarySentence(S2, (_span(WIRE, S2),
                         _span(HERALD, "Repairs are expected to cost 4 million euros."))),
]  # cite ids sent to the server: 1, 2 for the first sentence; 3, 4 for the second


@dataclass
class FakeLLM:
    """An OpenAI-compatible chat endpoint whose answer each test sets."""

    url: str = ""
    answer: Callable[[dict[str, Any]], tuple[int, bytes]] = lambda _body: (500, b"")
    delay: float = 0.0
    requests: list[tuple[str, dict[str, str], dict[str, Any]]] = field(default_factory=list)

    def reply(self, content: str | list[dict[str, Any]] | dict[str, Any]) -> None:
        """Answer every request with this message content (JSON-encoded unless a string)."""
        text = content if isinstance(content, str) else json.dumps(content)
        self.answer = lambda _body: (200, completion(text))


def completion(content: str) -> bytes:
    return json.dumps({"object": "chat.completion",
                       "choices": [{"index": 0, "message": {"role": "assistant",
                                                            "content": content}}]}).encode()


@pytest.fixture()
def llm(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeLLM]:
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY",
                 "all_proxy", "STORYLINE_LLM_KEY", "OPENAI_API_KEY", "STORYLINE_LLM_MODEL"):
        monkeypatch.delenv(name, raising=False)
    fake = FakeLLM()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            fake.requests.append((self.path, dict(self.headers), body))
            time.sleep(fake.delay)
            status, payload = fake.answer(body)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    yield fake
    server.shutdown()
    server.server_close()


def _rewrite(llm: FakeLLM, *, timeout: float = 10) -> Any:
    return rewrite_summary(SUMMARY, ARTICLES, url=llm.url, model="test-model", timeout=timeout)


def test_supported_rewrite_is_kept_with_the_spans_it_cites(
        llm: FakeLLM, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYLINE_LLM_KEY", "sk-test")
    llm.reply({"sentences": [
        {"id": 1, "text": "The Kestrel River Bridge will remain closed for six months, "
                          "Mayor Ilse Varga said.", "cites": [2]},
        {"id": 2, "text": "Repairs will cost 4 million euros.", "cites": [3, 4]}]})
    result = _rewrite(llm)
    assert result.method == "llm" and result.problems == ()
    first, second = result.sentences
    assert first == SummarySentence("The Kestrel River Bridge will remain closed for six "
                                    "months, Mayor Ilse Varga said.",
                                    (SUMMARY[0].citations[1],), "llm")
    assert second.citations == SUMMARY[1].citations and second.method == "llm"
    path, headers, body = llm.requests[0]
    assert path == "/v1/chat/completions"
    assert headers["Authorization"] == "Bearer sk-test"
    assert body["model"] == "test-model" and body["temperature"] == 0
    sent = json.loads(body["messages"][-1]["content"])["sentences"]
    assert [s["id"] for s in sent] == [1, 2]
    assert [c["cite"] for c in sent[1]["sources"]] == [3, 4]
    assert sent[1]["sources"][1]["text"] == "Repairs are expected to cost 4 million euros."


def test_the_key_falls_back_to_openai_api_key(llm: FakeLLM,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    llm.reply({"sentences": []})
    _rewrite(llm)
    assert "Authorization" not in llm.requests[-1][1]  # no key set: none sent
    monkeypatch.setenv("OPENAI_API_KEY", "sk-fictional-openai")
    _rewrite(llm)
    assert llm.requests[-1][1]["Authorization"] == "Bearer sk-fictional-openai"
    monkeypatch.setenv("STORYLINE_LLM_KEY", "sk-fictional-storyline")  # ours comes first
    _rewrite(llm)
    assert llm.requests[-1][1]["Authorization"] == "Bearer sk-fictional-storyline"


def test_the_cli_sends_the_model_named_by_option_or_environment(
        llm: FakeLLM, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    llm.reply({"sentences": []})
    source = tmp_path / "ferry.txt"
    source.write_text("The Wrenfold ferry sails again on Friday after a month in dock, harbour "
                      "master Odile Brask said. Tickets cost 4 euros.\n", encoding="utf-8")

    def model_sent(*args: str) -> str:
        result = CliRunner().invoke(cli, ["analyze", str(source), "--one-story", "--llm",
                                          llm.url, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return str(llm.requests[-1][2]["model"])

    assert model_sent() == pipeline.DEFAULT_LLM_MODEL
    monkeypatch.setenv("STORYLINE_LLM_MODEL", "harbour-13b")
    assert model_sent() == "harbour-13b"
    assert model_sent("--llm-model", "ferry-7b") == "ferry-7b"  # the option wins


@pytest.mark.parametrize(("rewrite", "cites", "unsupported_word"), [
    ("The Kestrel River Bridge will stay closed for eight months.", [1, 2], "eight"),
    ("The Kestrel River Bridge will stay closed for 6 months from 2027.", [1, 2], "2027"),
    ("Transport Minister Tomas Brandt said the bridge would stay closed.", [1, 2], "Brandt"),
    ("Mayor Ilse Vargas said the bridge would stay closed for six months.", [1, 2], "Vargas"),
    ("The Kestrel River Bridge will be demolished within six months.", [1, 2], "demolished"),
    ("The Kestrel River Bridge will not stay closed for six months.", [1, 2], "negation"),
    ("Mayor Ilse Varga of Dunmore said the bridge would stay closed.", [2], "Dunmore"),
])
def test_a_rewrite_its_cited_spans_do_not_support_is_dropped(
        llm: FakeLLM, rewrite: str, cites: list[int], unsupported_word: str) -> None:
    llm.reply({"sentences": [{"id": 1, "text": rewrite, "cites": cites},
                             {"id": 2, "text": "Repairs will cost 4 million euros.",
                              "cites": [3]}]})
    result = _rewrite(llm)
    assert result.method == "llm"
    assert result.sentences[0] == SUMMARY[0]  # the extractive sentence, unchanged
    assert result.sentences[1].method == "llm"
    assert result.sentences[1].citations == (SUMMARY[1].citations[0],)
    [problem] = result.problems
    assert problem.source == "llm" and problem.severity == "warning"
    assert "summary sentence 1" in problem.reason and unsupported_word in problem.reason


def test_a_rewrite_citing_another_sentences_span_is_dropped(llm: FakeLLM) -> None:
    llm.reply([{"id": 1, "text": S1, "cites": [1, 3]}, {"id": 2, "text": S2}])
    result = _rewrite(llm)
    assert result.sentences[0] == SUMMARY[0]
    assert result.sentences[1] == SummarySentence(S2, SUMMARY[1].citations, "llm")
    assert "[3]" in result.problems[0].reason


def test_fenced_reply_with_markers_and_without_ids_is_understood(llm: FakeLLM) -> None:
    llm.reply('<think>ids?</think>Here you go:\n```json\n[{"text": "Mayor Ilse Varga said '
              'the bridge will remain closed for six months. [2]"}, {"text": "Repairs will '
              'cost 4 million euros [3, 4]."}]\n```')
    result = _rewrite(llm)
    assert result.problems == ()
    assert [s.text for s in result.sentences] == [
        "Mayor Ilse Varga said the bridge will remain closed for six months.",
        "Repairs will cost 4 million euros."]
    assert result.sentences[0].citations == (SUMMARY[0].citations[1],)
    assert result.sentences[1].citations == SUMMARY[1].citations


def test_a_sentence_missing_from_the_reply_stays_extractive(llm: FakeLLM) -> None:
    llm.reply({"sentences": [{"id": "2", "text": "Repairs will cost 4 million euros."}]})
    result = _rewrite(llm)
    assert result.sentences[0] == SUMMARY[0]
    assert result.sentences[1].method == "llm"
    assert "no rewrite" in result.problems[0].reason


def test_superscript_ids_and_cites_do_not_crash_the_run(llm: FakeLLM) -> None:
    # "²".isdigit() is True but int("²") fails: such a reply must not end the analysis.
    llm.reply({"sentences": [{"id": "\u00b2", "text": "The bridge is closed.",
                              "cites": ["\u00b9"]}]})
    result = _rewrite(llm)
    assert result.sentences == tuple(SUMMARY)


@pytest.mark.parametrize("content", [
    "Sure! The bridge is closed.",
    '{"sentences": "The bridge is closed."}',
    '[{"txt": "The bridge is closed."}]',
    '{"sentences": [{"id": 1, "text": "The bridge is closed."',
    "[]",
])
def test_malformed_reply_keeps_the_extractive_summary(llm: FakeLLM, content: str) -> None:
    llm.reply(content)
    result = _rewrite(llm)
    assert result.method == "extractive"
    assert result.sentences == tuple(SUMMARY)
    [problem] = result.problems
    assert problem.source == "llm" and "kept the extractive summary" in problem.reason


@pytest.mark.parametrize(("status", "payload", "reason"), [
    (500, b'{"error": "model not loaded"}', "HTTP 500"),
    (401, b"", "HTTP 401"),
    (200, b"<html>not json</html>", "not a chat completion"),
    (200, b'{"choices": []}', "not a chat completion"),
])
def test_server_errors_keep_the_extractive_summary(llm: FakeLLM, status: int, payload: bytes,
                                                   reason: str) -> None:
    llm.answer = lambda _body: (status, payload)
    result = _rewrite(llm)
    assert result.method == "extractive" and result.sentences == tuple(SUMMARY)
    assert reason in result.problems[0].reason


def test_timeout_keeps_the_extractive_summary(llm: FakeLLM) -> None:
    llm.reply([{"id": 1, "text": S1}, {"id": 2, "text": S2}])
    llm.delay = 1.0
    started = time.monotonic()
    result = _rewrite(llm, timeout=0.2)
    assert time.monotonic() - started < 1.0
    assert result.method == "extractive" and result.sentences == tuple(SUMMARY)
    assert "request failed" in result.problems[0].reason


def test_unreachable_server_keeps_the_extractive_summary() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = rewrite_summary(SUMMARY, ARTICLES, url=f"http://127.0.0.1:{port}", model="m",
                             timeout=2)
    assert result.method == "extractive" and result.sentences == tuple(SUMMARY)
    assert "request failed" in result.problems[0].reason


def test_cli_reports_a_failed_llm_on_stderr() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(cli, [
        "analyze", str(DEMO_ARTICLES / "meridian-bridge-closed.txt"), "--one-story",
        "--llm", f"http://127.0.0.1:{port}"], catch_exceptions=False)
    assert result.exit_code == 0
    assert "storyline: warning" in result.stderr and "request failed" in result.stderr
    assert json.loads(result.stdout)["generator"]["summary"] == "extractive"


def test_a_redirect_is_refused_and_the_key_not_sent_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """urllib follows a 302 with every header, so a server (or anyone who can answer for
    it) could have the API key replayed to another host."""
    for name in ("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("STORYLINE_LLM_KEY", "sk-fictional-key")
    seen: list[str | None] = []

    class Elsewhere(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            seen.append(self.headers.get("Authorization"))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_GET  # noqa: N815 - http.server's name

        def log_message(self, *args: Any) -> None:
            pass

    other = ThreadingHTTPServer(("127.0.0.1", 0), Elsewhere)

    class Redirecting(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            self.rfile.read(int(self.headers["Content-Length"]))
            self.send_response(302)
            self.send_header("Location", f"http://localhost:{other.server_address[1]}/x")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    first = ThreadingHTTPServer(("127.0.0.1", 0), Redirecting)
    for server in (first, other):
        threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = rewrite_summary(SUMMARY, ARTICLES, model="m", timeout=5,
                                 url=f"http://127.0.0.1:{first.server_address[1]}")
    finally:
        for server in (first, other):
            server.shutdown()
            server.server_close()
    assert seen == []
    assert result.method == "extractive" and result.sentences == tuple(SUMMARY)
    assert "redirect" in result.problems[0].reason and "302" in result.problems[0].reason


def test_empty_summary_sends_nothing() -> None:
    result = rewrite_summary([], ARTICLES, url="http://127.0.0.1:9", model="m")
    assert result.sentences == () and result.problems == () and result.method == "extractive"


def test_support_check() -> None:
    cited = ["According to the Ministry of Transport, the repairs will take six months."]
    assert unsupported("Repairs will take 6 months, the Ministry of Transport said.", cited) == []
    assert unsupported("The ministry said repairing it takes six months.", cited) == []
    assert unsupported("Repairs will take seven months.", cited) == ["seven"]
    assert unsupported("The Ministry of Finance will pay for repairs.", cited) == [
        "Finance", "pay", "for"]
    assert unsupported("Repairs will not take six months.", cited) == ["(negation)"]
    assert unsupported("Repairs take months.", cited,
                       original="Repairs will not take six months.") == ["(negation)",
                                                                          "(modal verb)"]


# Fictional: every rewrite below uses only its span's words, and says something else.
VOTE = ("The council voted for the harbour plan after the storm. Petra Lindqvist defeated "
        "Jonas Berg in the mayoral vote. The ferry may close in June. More than 300 people "
        "signed the petition, Mayor Ilse Varga said.")


@pytest.mark.parametrize(("original", "rewrite", "found"), [
    ("The council voted for the harbour plan after the storm.",
     "The council voted against the harbour plan before the storm.", ["against", "before"]),
    ("Petra Lindqvist defeated Jonas Berg in the mayoral vote.",
     "Jonas Berg defeated Petra Lindqvist in the mayoral vote.",
     ["(jonas before petra)", "(jonas before lindqvist)", "(berg before petra)",
      "(berg before lindqvist)"]),
    ("The ferry may close in June.", "The ferry closed in June.", ["(modal verb)"]),
    ("The ferry may close in June.", "The ferry could close in June.", ["(modal verb)"]),
    ("More than 300 people signed the petition, Mayor Ilse Varga said.",
     "300 people signed the petition, Mayor Ilse Varga said.", ["(more 300)"]),
    ("More than 300 people signed the petition, Mayor Ilse Varga said.",
     "Fewer than 300 people signed the petition.", ["Fewer", "(more 300)"]),
])
def test_a_rewrite_of_the_spans_words_that_reverses_them_is_refused(
        original: str, rewrite: str, found: list[str]) -> None:
    assert unsupported(original, [VOTE], original=original) == []
    assert unsupported(rewrite, [VOTE], original=original) == found


@pytest.mark.parametrize("rewrite", [
    "The council voted for the plan after the storm.",  # shorter, same meaning
    "Mayor Ilse Varga said more than 300 people signed the petition.",  # speaker moved
    "In the mayoral vote, Petra Lindqvist defeated Jonas Berg.",
    "In June the ferry may close.",
])
def test_a_rewrite_that_keeps_the_meaning_passes_the_stricter_check(rewrite: str) -> None:
    assert unsupported(rewrite, [VOTE]) == []


def test_parse_reply_and_endpoint() -> None:
    assert parse_reply('{"sentences": [{"id": 1, "text": "A."}]}') == [{"id": 1, "text": "A."}]
    assert endpoint("http://h:1") == "http://h:1/v1/chat/completions"
    assert endpoint("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert endpoint("https://h/api/chat/completions") == "https://h/api/chat/completions"


DEFAULT_RUN = """
import sys
from pathlib import Path
from click.testing import CliRunner
from storyline.cli import cli

folder = Path(sys.argv[1])
(folder / "ferry.txt").write_text("Title: Ferry sails\\n\\nThe Wrenfold ferry sails again on "
                                  "Friday, harbour master Pim Ostra said on Monday.\\n")
db = str(folder / "news.db")
for args in (["analyze", str(folder / "ferry.txt"), "--db", db, "--one-story"],
             ["show", "s1", "--db", db, "--format", "md"]):
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Wrenfold" in result.stdout
assert "storyline.llm" not in sys.modules, "the LLM code was imported without --llm"
"""


def test_default_run_does_not_load_the_llm_module(tmp_path: Path) -> None:
    # A fresh interpreter: in this one the other tests have imported storyline.llm.
    subprocess.run([sys.executable, "-c", DEFAULT_RUN, str(tmp_path)], check=True)


def _demo_rewriter(body: dict[str, Any]) -> tuple[int, bytes]:
    """Odd sentences: another outlet's wording of the fact, citing that span only.
    Even sentences: the original plus an invented figure."""
    sentences = json.loads(body["messages"][-1]["content"])["sentences"]
    out = []
    for s in sentences:
        source = s["sources"][-1]
        if s["id"] % 2:
            out.append({"id": s["id"], "text": source["text"], "cites": [source["cite"]]})
        else:
            out.append({"id": s["id"], "text": s["text"] + " Officials counted 987 lorries."})
    return 200, completion(json.dumps({"sentences": out}))


def _analyze(*args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["analyze", str(DEMO_ARTICLES), "--format", "json", *args],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    dossiers = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return next(d for d in dossiers if "Bridge" in d["story"]["title"])


@pytest.mark.slow
def test_cli_llm_option_end_to_end_and_cache(llm: FakeLLM, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    plain = _analyze("--db", db)
    assert plain["generator"]["summary"] == "extractive"
    assert {s["method"] for s in plain["summary"]} == {"extractive"}

    llm.answer = _demo_rewriter
    rewritten = _analyze("--db", db, "--llm", llm.url + "/v1", "--llm-model", "fake-7b")
    assert llm.requests, "the cached extractive dossier was served instead"
    jsonschema.validate(rewritten, SCHEMA)
    assert rewritten["generator"]["summary"] == "llm"
    assert rewritten["generator"]["llm_model"] == "fake-7b"
    texts = {a["id"]: a["text"] for a in rewritten["articles"]}
    methods = [s["method"] for s in rewritten["summary"]]
    assert methods[::2] == ["llm"] * len(methods[::2])
    assert set(methods[1::2]) <= {"extractive"}
    for sentence in rewritten["summary"]:
        cited = " ".join(texts[c["article"]][c["start"]:c["end"]]
                         for c in sentence["citations"])
        assert set(content_words(sentence["text"])) <= set(content_words(cited))
        assert "987" not in sentence["text"]
    dropped = [e for e in rewritten["errors"] if e["source"] == "llm"]
    assert len(dropped) == len(methods[1::2]) and all("987" in e["reason"] for e in dropped)
    note = f"{methods.count('llm')} of {len(methods)} sentences rewritten by fake-7b"
    assert note in report.render(rewritten, "md") and note in report.render(rewritten, "html")
    assert "rewritten by" not in report.render(plain, "md")

    asked = len(llm.requests)
    assert _analyze("--db", db, "--llm", llm.url + "/v1", "--llm-model", "fake-7b") == rewritten
    assert len(llm.requests) == asked  # served from the cache

    llm.answer = lambda _body: (503, b"")
    failed = _analyze("--db", db, "--llm", llm.url, "--llm-model", "other")
    assert failed["generator"]["summary"] == "extractive"
    assert failed["summary"] == plain["summary"]
    assert any("HTTP 503" in e["reason"] for e in failed["errors"])
    _analyze("--db", db, "--llm", llm.url, "--llm-model", "other")
    assert len(llm.requests) > asked + 2, "a failed rewrite must not be cached"


def test_llm_option_needs_an_http_url() -> None:
    result = CliRunner().invoke(cli, ["analyze", "x.txt", "--llm", "localhost:8080"])
    assert result.exit_code == 2 and "http://" in result.output
