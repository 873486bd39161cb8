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
from .text import (
    MONTH_NAMES,
    STOPWORDS,
    WEEKDAYS,
    WORD_RE,
    crude_stem,
    is_negated,
    words,
)

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
    span word with the same crude stem ("closing" = "closed"). A sentence made of the
    spans' words can still say the opposite, so: negation must be kept (the rewrite is
    negated exactly when `original`, else the spans, is); the rewrite keeps the
    original's modals ("may", "would"; up to tense: "will" for "would") and adds none its
    spans lack; a preposition or comparative that carries meaning ("against", "before",
    "more") must be in the spans, and one that qualifies a number of the original ("more
    than 300") stays with it; and two names or numbers must come in an order a span gives
    them ("Berg defeated Lindqvist" is not "Lindqvist defeated Berg", so a passive rewrite
    is refused too). A speaker's name beside "said" may move.
    """
    source = [_word(t) for span in cited for t in WORD_RE.findall(span)]
    exact = set(source)
    stems = {crude_stem(w) for w in source}
    lower_stems = {crude_stem(_word(t)) for span in cited for t in WORD_RE.findall(span)
                   if not t[0].isupper()}
    missing = []
    for position, token in enumerate(WORD_RE.findall(text)):
        word = _word(token)
        if word[:1].isdigit() or word in MEANING_WORDS:
            supported = word in exact
        elif word in STOPWORDS:
            continue
        elif token[0].isupper() and (position or crude_stem(word) not in lower_stems):
            supported = word in exact  # a name: no stemming ("Vargas" is not "Varga")
        else:
            supported = len(word) <= 2 or crude_stem(word) in stems
        if not supported:
            missing.append(token)
    reference = original or " ".join(cited)
    if is_negated(text) != is_negated(reference):
        missing.append("(negation)")
    if not _modals(original) <= _modals(text) <= _modals(" ".join(cited)):
        missing.append("(modal verb)")
    missing += [f"({word} {number})" for word, number in _qualified(original)
                if number in words(text) and (word, number) not in _qualified(text)]
    missing += [f"({first} before {then})"
                for first, then in _out_of_order(text, cited, lower_stems)]
    return missing


# Function words that turn a statement round: "voted for/against", "before/after the
# storm", "more/fewer than 300". The stop-word list skips them; a rewrite may use one only
# where its spans do.
MEANING_WORDS = frozenset({
    "for", "against", "before", "after", "above", "below", "over", "under", "more", "less",
    "fewer", "most", "least", "than", "without", "until", "since", "despite", "except",
    "up", "down", "off", "between", "within", "beyond", "nearly", "almost"})
# Words that qualify the number after them: "more than 300", "at least 40", "nearly 12".
QUALIFIERS = frozenset({"more", "less", "fewer", "over", "under", "above", "below", "least",
                        "most", "nearly", "almost", "about", "around", "up"})
# Modal verbs by meaning; the past form of one is the same (reported speech: "the mayor
# said the bridge would stay closed" for "will stay closed").
MODALS = {"will": "will", "would": "will", "won't": "will", "wouldn't": "will",
          "can": "can", "could": "can", "cannot": "can", "can't": "can", "couldn't": "can",
          "may": "may", "might": "may", "must": "must", "mustn't": "must",
          "shall": "should", "should": "should", "shouldn't": "should"}


def _modals(text: str) -> set[str]:
    return {MODALS.get(w, "will" if w.endswith("'ll") else "") for w in words(text)} - {""}


def _qualified(text: str) -> set[tuple[str, str]]:
    """(qualifier, number) for a number one of `QUALIFIERS` stands before by up to two
    words: ("more", "300") from "more than 300"."""
    said = words(text)
    return {(word, said[j]) for i, word in enumerate(said) if word in QUALIFIERS
            for j in range(i + 1, min(i + 3, len(said))) if said[j][:1].isdigit()}


def _out_of_order(text: str, cited: Sequence[str], lower: set[str]
                  ) -> list[tuple[str, str]]:
    """Pairs of the rewrite's names and numbers that a span holds both of, but never in
    the rewrite's order. Weekdays and months move freely ("On Tuesday, ..."). `lower`:
    the stems the spans use in lower case (a first word among them is no name)."""
    spans = [_markers(span, lower) for span in cited]
    own = _markers(text, lower)
    wrong = []
    for i, first in enumerate(own):
        for then in dict.fromkeys(own[i + 1:]):
            holding = [m for m in spans if first in m and then in m and first != then]
            if holding and not any(m.index(first) < len(m) - 1 - m[::-1].index(then)
                                   for m in holding):
                wrong.append((first, then))
    return list(dict.fromkeys(wrong))


def _markers(text: str, lower: set[str]) -> list[str]:
    """A text's names (capitalised words; the first only when not a word of `lower`) and
    numbers, in order; not the names of a speaker next to a speech verb ("Mayor Ilse Varga
    said" opens or closes a sentence as a writer likes)."""
    tokens = WORD_RE.findall(text)
    said = [_word(t) for t in tokens]
    named = [t[0].isupper() and w not in WEEKDAYS | MONTH_NAMES and w not in STOPWORDS and
             (i > 0 or crude_stem(w) not in lower)
             for i, (t, w) in enumerate(zip(tokens, said, strict=True))]
    speaker: set[int] = set()
    for i, word in enumerate(said):
        if word in ATTRIBUTION_WORDS:
            for step in (-1, 1):
                j = i + step + (step if word == "according" else 0)  # "according to X"
                while 0 <= j < len(said) and (named[j] or said[j] in NAME_LINKS and
                                              0 <= j + step < len(said) and named[j + step]):
                    speaker.add(j)
                    j += step
    return [w for i, w in enumerate(said)
            if i not in speaker and (w[:1].isdigit() or named[i])]


NAME_LINKS = frozenset({"of", "the", "for"})  # "the Ministry of Transport said"
ATTRIBUTION_WORDS = frozenset({"said", "says", "say", "told", "tells", "added", "adds",
                               "according", "announced", "stated", "explained", "noted",
                               "warned", "confirmed", "claimed", "wrote", "writes"})


def _post(url: str, body: dict[str, Any], *, timeout: float) -> str:
    """POST a chat request; the reply's message content."""
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    key = os.environ.get("STORYLINE_LLM_KEY") or os.environ.get("OPENAI_API_KEY")
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers=headers,
                                     method="POST")
    try:
        with _OPENER.open(request, timeout=timeout) as response:
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


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Refuses every redirect: urllib would replay the request, API key included, to
    whatever host the server names (another origin, or plain http)."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        fp.close()
        raise LLMError(f"the LLM server answered HTTP {code}, a redirect to {newurl}; "
                       "redirects are refused (give the final URL to --llm)")


_OPENER = urllib.request.build_opener(_NoRedirects)


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
