"""Optional LLM rewrite of the extractive brief, checked sentence by sentence.

Goes in: the extractive `SummarySentence`s, the story's articles (to read the cited
spans) and the URL of any OpenAI-compatible server (`POST /v1/chat/completions`).
The request carries each sentence with its id and its cited span texts, numbered
("cite" ids); the model must answer with JSON, one sentence per input id:
`{"sentences": [{"id": 1, "text": "...", "cites": [2, 3]}]}` (inline `[2]` markers
count as cites too).

Comes out: a `Rewrite`. Each rewritten sentence is kept, citing the spans it names
(all of its input sentence's spans when it names none), only when `unsupported()`
finds nothing in it that those spans lack; otherwise the extractive sentence stays in
its place, so the brief never loses a sentence to the model. A rewrite that cites a
span of another sentence is dropped the same way. A timeout, an HTTP error or a reply
that is not such JSON keeps the whole extractive brief. Every drop and failure is a
warning for the dossier's `errors`.

Standard library only, so the `llm` extra adds nothing; the pipeline imports this
module only when `--llm` is given. The API key comes from `$STORYLINE_LLM_KEY` or
`$OPENAI_API_KEY` and is never written anywhere.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import urllib.error
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .models import LLM_SOURCE, Article, InputError, Span, SummarySentence
from .text import STOPWORDS, WORD_RE, crude_stem, is_negated, words

TIMEOUT = 120.0  # seconds per request; a local model on a CPU is slow
MAX_REPLY = 1_000_000  # bytes read from the server at most
SOURCE = LLM_SOURCE  # the `source` of this module's warnings in the dossier's errors
MARKER_RE = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
INSTRUCTIONS = """\
You edit a news brief. The user sends JSON: {"sentences": [{"id": 1, "text": "...", \
"sources": [{"cite": 3, "text": "..."}]}]}. Each sentence was copied from its first \
source; the other sources are independent reports of the same fact.
Rewrite each sentence so that the brief reads as one clear, neutral text: shorter where \
possible, without datelines or repetition, with clear references.
Rules: exactly one output sentence per input sentence, with the same id, in the same \
order. Say only what that sentence's own sources say. Use the sources' words; copy \
names, numbers and dates exactly; add no fact, opinion or word the sources lack.
Reply with JSON only: {"sentences": [{"id": 1, "text": "...", "cites": [3]}]}, where \
"cites" lists the cite numbers of the sources the sentence relies on."""


class LLMError(Exception):
    """The server could not be reached, failed, or sent an unusable reply."""


@dataclass(frozen=True, slots=True)
class Rewrite:
    """The brief after the LLM pass and what went wrong on the way."""

    sentences: tuple[SummarySentence, ...]
    problems: tuple[InputError, ...]
    method: str  # "llm" when the server's reply was used, else "extractive"


def rewrite_summary(summary: Sequence[SummarySentence], articles: Sequence[Article], *,
                    url: str, model: str, timeout: float = TIMEOUT) -> Rewrite:
    """Ask the server to rewrite the brief; keep only rewrites their citations support.

    Args:
        summary: the extractive brief (each sentence cites spans of `articles`).
        articles: the story's articles, to read the cited spans from.
        url: the server's base URL (`http://host:port`, `.../v1` or the full endpoint).
        model: the model name sent with the request.
        timeout: seconds to wait for the reply.

    Returns:
        The checked brief, one sentence per input sentence, with warnings.
    """
    if not summary:
        return Rewrite((), (), "extractive")
    texts = {a.id: a.text for a in articles}
    messages, cites = build_messages(summary, texts)
    try:
        reply = _post(endpoint(url), {"model": model, "temperature": 0, "messages": messages},
                      timeout=timeout)
        items = parse_reply(reply)
    except LLMError as exc:
        return Rewrite(tuple(summary), (_warning(f"{exc}; kept the extractive summary"),),
                       "extractive")
    by_id = _match(items, len(summary))
    kept: list[SummarySentence] = []
    problems: list[InputError] = []
    for index, sentence in enumerate(summary, start=1):
        checked, problem = _check(sentence, by_id.get(index), cites[index - 1], texts)
        kept.append(checked)
        if problem:
            problems.append(_warning(f"summary sentence {index}: {problem}; "
                                     "kept the extractive sentence"))
    return Rewrite(tuple(kept), tuple(problems), "llm")


def endpoint(url: str) -> str:
    """The chat completions URL for a base URL, a `/v1` URL or the endpoint itself."""
    url = url.rstrip("/")
    if url.endswith("/chat/completions"):
        return url
    return url + ("/chat/completions" if url.endswith("/v1") else "/v1/chat/completions")


def build_messages(summary: Sequence[SummarySentence], texts: Mapping[str, str]
                   ) -> tuple[list[dict[str, str]], list[dict[int, Span]]]:
    """The chat messages for a brief, and each sentence's cite ids with their spans."""
    sentences: list[dict[str, Any]] = []
    cites: list[dict[int, Span]] = []
    number = 0
    for index, sentence in enumerate(summary, start=1):
        own: dict[int, Span] = {}
        for span in sentence.citations:
            number += 1
            own[number] = span
        cites.append(own)
        sentences.append({"id": index, "text": sentence.text,
                          "sources": [{"cite": k, "text": _span_text(texts, s)}
                                      for k, s in own.items()]})
    user = json.dumps({"sentences": sentences}, ensure_ascii=False)
    return [{"role": "system", "content": INSTRUCTIONS}, {"role": "user", "content": user}], cites


def parse_reply(content: str) -> list[dict[str, Any]]:
    """The sentence objects of a reply: bare JSON, fenced in ``` or after a <think> block.

    Raises:
        LLMError: when there is no JSON list of objects with a string `text`.
    """
    text = re.sub(r"<think>.*?</think>", "", content, flags=re.S)
    fenced = re.search(r"```(?:json)?\s*(.*?)```", text, flags=re.S)
    text = fenced.group(1) if fenced else text
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        raise LLMError("the LLM reply holds no JSON")
    try:
        data, _ = json.JSONDecoder().raw_decode(text[min(starts):])
    except ValueError as exc:
        raise LLMError(f"the LLM reply is not valid JSON ({exc})") from exc
    items = data.get("sentences") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items or not all(
            isinstance(i, dict) and isinstance(i.get("text"), str) for i in items):
        raise LLMError("the LLM reply is not a list of sentences with text")
    return items


def unsupported(text: str, cited: Sequence[str], *, original: str = "") -> list[str]:
    """What in `text` its cited spans do not back; an empty list means supported.

    Numbers (digits or number words) must occur in the spans with the same value, and
    capitalised words (names) as the same word, case aside; other content words need a
    span word with the same crude stem ("closing" = "closed"). Negation must be kept:
    the rewrite is negated exactly when `original` (else the spans) is.
    """
    source = [_word(t) for span in cited for t in WORD_RE.findall(span)]
    exact = set(source)
    stems = {crude_stem(w) for w in source}
    lower_stems = {crude_stem(_word(t)) for span in cited for t in WORD_RE.findall(span)
                   if not t[0].isupper()}
    missing = []
    for position, token in enumerate(WORD_RE.findall(text)):
        word = _word(token)
        if word[:1].isdigit():
            supported = word in exact
        elif word in STOPWORDS:
            continue
        elif token[0].isupper() and (position or crude_stem(word) not in lower_stems):
            supported = word in exact  # a name: no stemming ("Vargas" is not "Varga")
        else:
            supported = len(word) <= 2 or crude_stem(word) in stems
        if not supported:
            missing.append(token)
    if is_negated(text) != is_negated(original or " ".join(cited)):
        missing.append("(negation)")
    return missing


def _post(url: str, body: dict[str, Any], *, timeout: float) -> str:
    """POST a chat request; the reply's message content."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    key = os.environ.get("STORYLINE_LLM_KEY") or os.environ.get("OPENAI_API_KEY")
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers,
                                     method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read(MAX_REPLY)
    except urllib.error.HTTPError as exc:
        raise LLMError(f"the LLM server answered HTTP {exc.code}") from exc
    except (OSError, http.client.HTTPException) as exc:  # refused, timed out, cut off
        reason = getattr(exc, "reason", None) or exc
        raise LLMError(f"the LLM request failed ({reason})") from exc
    try:
        content = json.loads(raw)["choices"][0]["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError) as exc:
        raise LLMError("the LLM server's answer is not a chat completion") from exc
    if not isinstance(content, str):
        raise LLMError("the LLM server's answer has no message text")
    return content


def _is_number(value: object) -> bool:
    # str.isdigit() accepts "²", which int() then rejects; only ASCII digits count.
    return re.fullmatch(r"[0-9]{1,6}", str(value).strip()) is not None


def _match(items: Sequence[dict[str, Any]], count: int) -> dict[int, dict[str, Any]]:
    """Reply items by input sentence number: by their `id`, else by position."""
    by_id = {int(i["id"]): i for i in items
             if isinstance(i.get("id"), int | str) and _is_number(i["id"])}
    if by_id or len(items) != count:
        return by_id
    return dict(enumerate(items, start=1))


def _check(sentence: SummarySentence, item: dict[str, Any] | None, own: dict[int, Span],
           texts: Mapping[str, str]) -> tuple[SummarySentence, str | None]:
    """The rewrite when its cited spans support it, else the extractive sentence and why."""
    if item is None:
        return sentence, "no rewrite in the reply"
    named = [int(n) for group in MARKER_RE.findall(item["text"]) for n in group.split(",")]
    raw = item.get("cites")
    named += [int(c) for c in raw if _is_number(c)] if isinstance(raw, list) else []
    text = " ".join(MARKER_RE.sub("", item["text"]).split())
    foreign = sorted(set(named) - set(own))
    if foreign:
        return sentence, f"rewrite dropped, it cites {foreign}, not this sentence's sources"
    spans = tuple(s for k, s in own.items() if k in named) or tuple(own.values())
    missing = unsupported(text, [_span_text(texts, s) for s in spans], original=sentence.text)
    if not text or missing:
        found = ", ".join(missing[:5]) or "empty text"
        return sentence, f"rewrite dropped, not in its cited spans: {found}"
    return replace(sentence, text=text, citations=spans, method="llm"), None


def _span_text(texts: Mapping[str, str], span: Span) -> str:
    return texts.get(span.article, "")[span.start:span.end]


def _word(token: str) -> str:
    return words(token)[0].removesuffix("'s")


def _warning(reason: str) -> InputError:
    return InputError(SOURCE, reason, "warning", "llm")
