"""Speech cues: the words that give what follows or precedes them to someone who said it.

Goes in: one parsed token.
Comes out: whether it is a speech cue (`_is_cue`: a speech verb, a phrasal cue such as
"shot back", "according to", "as X put it"), and the word lists that grade cues: every
speech verb, plain attributions, weak cues of thought, and the verbs that report speech
with a content clause. Shared by `quotes` (direct and partial quotes) and `reported`
(reported speech), so neither imports the other's rules.
"""

from __future__ import annotations

from spacy.tokens import Token

SPEECH_VERBS = {
    "say", "tell", "add", "state", "announce", "warn", "claim", "insist", "argue", "explain",
    "note", "ask", "reply", "respond", "write", "declare", "confirm", "deny", "admit",
    "acknowledge", "suggest", "predict", "promise", "vow", "pledge", "call", "describe",
    "urge", "stress", "emphasize", "emphasise", "remark", "comment", "conclude", "tweet",
    "post", "report", "testify", "recall", "joke", "shout", "concede", "maintain", "contend",
    "assert", "observe", "caution", "reiterate", "complain", "lament", "boast", "allege",
    "accuse", "question", "answer", "agree", "disagree", "propose", "recommend", "estimate",
    "believe", "think", "hope", "fear", "signal", "indicate", "mutter",
    "quip", "told", "continue", "counter", "charge", "order", "demand", "plead", "inform",
    "blast", "chant", "criticize", "criticise", "condemn", "liken", "label", "proclaim",
    "attack", "slam", "praise", "brand", "dismiss", "mock", "scoff", "retort", "exclaim",
    "reveal", "highlight", "concur", "recount", "yell", "scream", "whisper", "cry",
    "read",  # '"...," reads a statement from the ministry'
    "repeat", "muse", "wonder", "marvel", "sigh", "snap", "gush", "interject", "chime",
    # Cues the tuning annotations hold that the list lacked ('"Go home," Dahl barked').
    "assure", "denounce", "decry", "bark", "exhort", "confess", "grouse", "grumble", "chide",
    "scold", "opine", "gripe", "implore", "confide", "bellow", "holler",
}
# Verbs that are cues with a particle: "shot back", "pointed out", "weighed in".
PHRASAL_CUES = {"shoot": "back", "fire": "back", "hit": "back", "push": "back", "point": "out",
                "lash": "out", "speak": "out", "weigh": "in", "go": "on"}
# Verbs that only attribute words, with no stance of their own.
PLAIN_CUES = {"say", "add", "write", "tell", "continue", "explain", "note", "state"}
# Cues of a thought, not of words: no reported speech of their own (`reported`).
THOUGHT_CUES = {"think", "believe", "hope", "fear", "wonder"}
# Cues of thought rather than speech: used only when nothing better is near.
WEAK_CUES = {"think", "believe", "hope", "fear", "answer", "question", "continue", "order"}
# Verbs that introduce reported speech with a content clause ("said that ..."). Not
# "continue": after a quote it attributes ('"...," she continued'), but a clause it governs
# is what goes on, not what anyone said ("the pier will continue to sink").
INDIRECT_VERBS = SPEECH_VERBS - {"call", "describe", "ask", "order", "question", "read",
                                 "continue"}


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according" and token.i + 1 < len(token.doc) and \
            token.doc[token.i + 1].lower_ == "to":
        return True
    if token.lemma_ == "put" and _as_put_it(token):
        return True
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ in {"amod", "compound"}:
        return False
    lemma = token.lemma_.lower()
    particle = PHRASAL_CUES.get(lemma)
    if particle is not None:
        return any(c.dep_ in {"prt", "advmod"} and c.lower_ == particle for c in token.children)
    return lemma in SPEECH_VERBS


def _as_put_it(token: Token) -> bool:
    """ '"...," as Lena Marsh put it': "put it" after "as" quotes the subject's words."""
    children = {c.lower_: c.dep_ for c in token.children}
    return children.get("it") == "dobj" and children.get("as") in {"mark", "advmod", "prep"}
