"""Whether a reported pair states a claim, or attributes only an attitude.

PolNeAR annotates as attributions both what someone says is so ("said that taxes will rise",
"announced a ceasefire") and what someone wants, asks, judges, knows or talks about ("called
for a vote", "wants to run", "criticised the plan", "knows the risks"), sayings the sentence
negates ("did not deny that ...") and sayings that have not happened ("will argue that ...",
"plans to announce that ..."). A reader checking claims needs the first kind apart: such a pair
becomes an ``indirect`` statement, the others ``attitude`` statements (kept, so the record
says who wanted or judged what, but not offered as claims).

A pair states a claim when its content is a proposition the cue presents as the speaker's:

* a finite clause ("said (that) X"), a parenthetical ("X, she said") or "according to";
* the noun-phrase, gerund or infinitive object of an assertive verb ("denied wrongdoing",
  "reported 40 deaths", "claimed to be innocent", "admitted to lying": ``assertive_verbs.txt``);
* the infinitive of a commissive verb ("pledged to cut taxes": ``commissive_verbs.txt``);
* the clause of a noun of saying ("the claim that X"; "a pledge to X" for commissive nouns).

It is no claim when

* the cue is negated ("did not say that ...", "no one thinks ..."), carries a modal ("will
  argue", "could say") or is an infinitive that does not report a saying ("plans to announce
  that ...", "nice to think ...", "to say X is absurd"; verbs of beginning and going on still
  report: "went on to say that ...", ``aspectual_verbs.txt``; so does a purpose infinitive,
  "called reporters in to announce that ...");
* the clause asks ("asked how he was", "wondered whether ..."), orders in the subjunctive
  ("demanded that it be passed"), has no verb ("found him guilty") or is an infinitive ("allows
  each publisher to set prices") under a verb that is not assertive or commissive;
* the verb presents the clause as a fact the writer vouches for ("scientists know X",
  ``factive_verbs.txt``), states a wish ("hopes it can resume", ``desire_verbs.txt``), is
  "be" ("the bottom line is that ...") or a raising verb with no speaker ("it seems that ...");
* the speaker is the writer ("we fear ...", "I think ..."): the outlet's own voice;
* the cue is a participle of a verb that is no saying, set after its clause ("unveiled a
  laptop, betting that buyers will pay more"): the writer's reading of a motive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sayso.statements.lexicons import Lexicons, lemma_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

_CLAUSE_RELATIONS = frozenset({"ccomp", "parataxis", "according-to"})
_OBJECT_RELATIONS = frozenset({"dobj", "xcomp", "prep:to"})
"""How an assertive verb's object can hang: "denied wrongdoing", "denied having ...",
"admitted to lying"; not "admitted as much by agreeing ..." (``prep:by`` is a means)."""
_QUESTION_MARKS = frozenset({"whether", "if"})
_QUESTION_WORDS = frozenset(
    {"how", "why", "what", "when", "where", "who", "whom", "whose", "which", "whether"}
)
_MODALS = frozenset(
    {"will", "would", "could", "might", "may", "should", "must", "can", "shall", "'ll", "'d"}
)
_WRITER = frozenset({"i", "we"})
ASKING_VERBS = frozenset({"ask", "wonder", "inquire", "enquire", "query", "question"})
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})
HEARSAY_VERBS = frozenset({"say", "report", "allege", "rumour", "rumor", "believe", "think"})
"""Verbs whose passive with an infinitive reports what others say ("was said to have fled")."""


def reduced_hearsay(cue: Token, relation: str, clause: Token | None) -> bool:
    """ "with coach Xabi Alonso said to be an admirer", "Arsenal, said to be monitoring him,
    ...": a verb of saying with "to be"/"to have" and no auxiliary, hanging in another clause
    (the parser often makes it a reported clause: "claims ..., with Lenz said to be ..."), is
    the passive cut short: others say it of the phrase before, which says nothing. (A
    sentence's own verb, "He said to be careful", is left alone: that one speaks.)"""
    if relation != "xcomp" or clause is None or cue.tag_ not in ("VBD", "VBN"):
        return False
    if cue.lemma_.lower() not in HEARSAY_VERBS - {"believe", "think"}:
        return False  # "what supporters believe to be his strength": active, they believe it
    if cue.dep_ == "ROOT" or any(c.dep_ in ("aux", "auxpass") for c in cue.children):
        return False
    doc = cue.doc
    if clause.i < cue.i + 2 or doc[cue.i + 1].lower_ != "to":
        return False
    return doc[cue.i + 2].lemma_.lower() in ("be", "have")  # "to be keen", "to be monitoring"


def states_claim(cue: Token, relation: str, clause: Token | None, lexicons: Lexicons) -> bool:
    """Whether ``cue`` presents ``clause`` (its child under ``relation``) as someone's claim.

    ``clause`` is None for a parenthetical and for "according to", whose content is the
    sentence around the cue.
    """
    forms = lemma_forms(cue)
    if _negated(cue) or _unrealised(cue, lexicons) or _by_writer(cue):
        return False
    if _in_a_mood(cue, lexicons) or _motive(cue, lexicons):
        return False
    if forms & (lexicons.factive_verbs | lexicons.desire_verbs) or "be" in forms:
        return False
    if clause is None:
        return True
    if _asks(cue, clause):
        return False
    if cue.pos_ == "NOUN":
        # "the claim that ...": a clause with its own subject; "a pledge to ...": a commitment.
        return bool(forms & lexicons.commissive_verbs) if _infinitive(clause) else True
    if relation in _CLAUSE_RELATIONS and not _infinitive(clause):
        if forms & lexicons.raising_verbs:
            return False  # "it seems (that) ...": the writer's hedge, nobody's claim
        if clause.left_edge.lower_ == "what" and not forms & lexicons.cue_verbs:
            return False  # "embrace what has been called X": a thing, not a proposition
        return clause.pos_ in ("VERB", "AUX") and not _subjunctive(clause)
    if relation in ("xcomp", "ccomp") and forms & lexicons.commissive_verbs:
        return True
    if relation == "xcomp" and any(c.dep_ == "auxpass" for c in cue.children):
        return bool(forms & HEARSAY_VERBS)  # "he was said to have fled": hearsay
    if reduced_hearsay(cue, relation, clause):
        return True  # "with Alonso said to be an admirer"
    if relation == "dobj" and _misparsed_clause(clause):
        return True  # "say there is growing anger": a clause the parser took for an object
    return relation in _OBJECT_RELATIONS | {"ccomp"} and bool(forms & lexicons.assertive_verbs)


def _negated(cue: Token) -> bool:
    """ "did not say", "never claimed", "no one thinks", "nobody believes", "without saying"."""
    if any(child.dep_ == "neg" for child in cue.children):
        return True
    if cue.dep_ == "pcomp" and cue.head.lower_ == "without":
        return True
    subject = next((c for c in cue.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in ("nobody", "noone"):
        return True
    return subject.lower_ == "one" and any(c.lower_ == "no" for c in subject.children)


def _unrealised(cue: Token, lexicons: Lexicons) -> bool:
    """A saying that has not happened: "will argue", "plans to announce", "to say X is ..."."""
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.children):
        return True
    if not _infinitive(cue):
        return False
    if cue.dep_ == "advcl":
        # A purpose infinitive reports ("called reporters in to announce ..."); one hanging
        # from a verb with no subject is a subject clause misparsed ("To say X, ignore Y is
        # absurd"): nobody says it.
        return not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.head.children)
    head = cue.head.lemma_.lower()
    # "went on to say", "appeared to suggest" report; "plans to say" does not.
    return cue.dep_ != "xcomp" or (
        head not in lexicons.aspectual_verbs and head not in lexicons.raising_verbs
    )


def _in_a_mood(cue: Token, lexicons: Lexicons) -> bool:
    """A participle cue hanging from a saying that has not happened or is denied ("can report
    on it, pointing out where ...", "did not speak, arguing that ..."): it has not happened
    either."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or cue.head.i == cue.i:
        return False
    return _negated(cue.head) or any(
        c.dep_ == "aux" and c.lower_ in _MODALS for c in cue.head.children
    )


def _motive(cue: Token, lexicons: Lexicons) -> bool:
    """A participle of a verb that is no saying, set after the clause it hangs from with no
    subject of its own ("unveiled a laptop, betting that buyers will pay more", "raised rates,
    believing inflation would last"): the writer's reading of why the subject acted, not
    something the subject is reported to have said. A participle of saying still reports
    ("resigned, saying he was tired")."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or cue.i < cue.head.i:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    said = lexicons.cue_verbs | lexicons.assertive_verbs | lexicons.commissive_verbs
    return not lemma_forms(cue) & said


def _by_writer(cue: Token) -> bool:
    """ "we fear ...", "I think ...": the writer speaks, so the sentence is the outlet's."""
    return any(c.dep_ == "nsubj" and c.lower_ in _WRITER for c in cue.children)


def _asks(cue: Token, clause: Token) -> bool:
    """Whether a clause is an indirect question: "whether she would run", "(asked) how he was".

    A wh-clause asks only under a verb of asking; under others it is content ("explained why
    the plan failed", "the crash shows how fragile the system is").
    """
    if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKS for c in clause.children):
        return True
    first = clause.left_edge
    wh = first.lower_ in _QUESTION_WORDS and first.tag_ in ("WRB", "WP", "WDT", "WP$", "IN")
    return wh and bool(lemma_forms(cue) & ASKING_VERBS)


def _misparsed_clause(phrase: Token) -> bool:
    """Whether a noun phrase holds a finite verb outside any relative clause: a clause the
    parser made an object ("say [there is growing anger]")."""
    for token in phrase.subtree:
        if token.tag_ not in _FINITE_TAGS or token.i == phrase.i:
            continue
        walk = token
        while walk.i != phrase.i and walk.dep_ not in ("relcl", "acl", "advcl", "ccomp"):
            walk = walk.head
        if walk.i == phrase.i:
            return True
    return False


def _subjunctive(clause: Token) -> bool:
    """A mandative subjunctive: "(demanded) that it be passed", "(urged) that he resign"."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if _infinitive(clause) or subject is None:
        return False
    auxiliaries = [c for c in clause.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ in ("do", "does", "did") for a in auxiliaries):
        return False
    if clause.tag_ == "VB":
        # "that he resign"; with a plural subject the base form is the present ("they go").
        return subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it")
    return any(a.lower_ == "be" and a.tag_ == "VB" for a in auxiliaries)  # "that it be passed"


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
