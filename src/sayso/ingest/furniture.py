"""Page furniture among the paragraphs an HTML extractor kept, set apart with a reason.

An extractor's main-content guess often keeps some of the page's furniture: share and
"Tweet this" links, comment counts, "Related:" and "Read more" teasers, newsletter promos,
editors' notes. A paragraph is furniture when

1. the plain-text cleaner's template lexicon says so
   (:func:`sayso.ingest.plaintext.junk_category`: the whole paragraph is a share line, a
   menu entry, a comment prompt, a newsletter promo, a correction or editor's note...), or
2. the page's markup puts it in a box made for furniture: the paragraph's element, or one of
   its nearest ancestors, has a class (or, for an ancestor, an id) naming one (``share``,
   ``comments``, ``newsletter``, ``trending``, ``outbrain``...). A box that holds most of the
   page's prose is the story's own, whatever its name (``story-share-enabled``). Boxes named
   ``related``, ``recommended``, ``promo`` or ``rail`` hold teasers: there only a paragraph
   that is not a full sentence of prose goes, since sites give such names to boxes inside
   stories too; or
3. it comes after the story has ended: after the last paragraph inside the story's box
   (the deepest box holding most of the prose), once a share bar, a comment section, a
   newsletter or subscription box or a copyright line has been passed, whatever lies outside
   that box is more of the page (a rail of other headlines with their teasers). A menu word
   or an inline "See also: ..." does not end a story: sections may follow them.

Class names are split into words (``shareLinks`` → share, links; ``most-popular`` → most,
popular) and matched whole, so ``read-more`` or ``shared-content`` never match. On the WCXB
article pages (HTML word F1 of the paragraphs kept) rules 1-2 took even pages from 0.9401 to
0.9403 and odd pages from 0.9331 to 0.9348, rule 3 odd pages to 0.9356 (even unchanged;
ended by any furniture at all, it cost even pages 0.0006); a looser list of names (``ad``,
``nav``, ``social``, ``popular``, ``breadcrumb``...), or dropping every box outside the
story's main container, took away more article text than furniture.

What is found is returned as a reason, so the reader keeps it as ``Removed``, never drops it
silently.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from sayso.ingest.plaintext import junk_category

_WORDS_OF_NAME = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_FURNITURE_NAMES = frozenset(
    {
        "share", "sharing", "comment", "comments", "newsletter", "newsletters", "subscribe",
        "paywall", "cookie", "consent", "outbrain", "taboola", "reprints", "reprint", "trending",
        "related", "recommended", "recommendations", "promo", "rail",
    }
)  # fmt: skip
_TEASER_NAMES = frozenset({"related", "recommended", "recommendations", "promo", "rail"})
_STORY_TAGS = frozenset({"body", "html", "article", "main"})
_ANCESTORS = 6
"""How far up from a paragraph's element boxes are looked at."""
_STORY_SHARE = 0.5
"""A box holding over half of the prose the page's fullest box holds is the story's."""
_PROSE = re.compile(r"""[.!?…]["'”’)\]]*$""")
_WORD = re.compile(r"\w+")
_PROSE_MIN_WORDS = 10
_INVISIBLE = frozenset({"script", "style", "head", "noscript", "template"})
_HEAD_WORDS = 6
# Furniture that only comes after a story's end: share bars, comments, newsletter and
# subscription boxes, copyright lines (a menu word or an inline "See also" does not).
_ENDS_STORY = re.compile(
    r"\((?:share|comments|comment_meta|copyright|newsletter|paywall)\)"
    r"|\((?:share|sharing|comment|comments|newsletter|newsletters|subscribe|outbrain|taboola|"
    r"reprints|reprint|trending) box\)"
)


def sift_paragraphs(paragraphs: list[str], root: Any) -> list[str | None]:
    """For each paragraph (text with white space collapsed), why it is furniture, or None.

    ``root`` is the page's parsed tree (``lxml.html``), where each paragraph's element is
    looked up by its text.
    """
    elements = _elements_by_text(root, set(paragraphs))
    # The boxes that hold most of the page's prose are the story's: a name like furniture on
    # them (a site's "story-share-enabled" wrapper) does not make them furniture.
    held: Counter[Any] = Counter()
    for text in paragraphs:
        if _is_prose(text) and text in elements:
            words = len(_WORD.findall(text))
            held.update(dict.fromkeys(elements[text].iterancestors(), words))
    most = max(held.values(), default=0)
    story = {box for box, words in held.items() if words > _STORY_SHARE * most}
    reasons: list[str | None] = []
    for text in paragraphs:
        category = junk_category(text)
        if category is not None:
            reasons.append(f"page junk ({category})")
            continue
        element = elements.get(text)
        box = _furniture_box(element, text, story) if element is not None else None
        reasons.append(f"page furniture ({box} box)" if box else None)
    return _after_the_story(paragraphs, elements, story, reasons)


def _after_the_story(
    paragraphs: list[str], elements: dict[str, Any], story: set[Any], reasons: list[str | None]
) -> list[str | None]:
    """Past the story's end (its last paragraph inside the story's box) and past furniture
    after it, what lies outside that box is more of the page: teasers, other headlines."""
    if not story:
        return reasons
    box = max(story, key=lambda b: sum(1 for _ in b.iterancestors()))
    inside = [
        p in elements and (elements[p] is box or box in set(elements[p].iterancestors()))
        for p in paragraphs
    ]
    if True not in inside:
        return reasons
    last = len(inside) - 1 - inside[::-1].index(True)
    out = list(reasons)
    furnished = False
    for i in range(last + 1, len(paragraphs)):
        reason = out[i]
        if reason is not None:
            furnished = furnished or bool(_ENDS_STORY.search(reason))
        elif furnished and paragraphs[i] in elements and not inside[i]:
            out[i] = "page furniture (after the story)"
    return out


def _elements_by_text(root: Any, wanted: set[str]) -> dict[str, Any]:
    """The innermost element whose whole text is each wanted paragraph.

    Each paragraph is looked for from the text nodes that start with its first word, up
    through their ancestors while these hold no more text than the paragraph: a page's big
    containers are never read whole.
    """
    by_first_word: dict[str, list[tuple[str, Any]]] = {}
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in _INVISIBLE:
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            words = text.split(maxsplit=_HEAD_WORDS) if text else []
            if words and owner is not None:
                head = " ".join(words[:_HEAD_WORDS])
                by_first_word.setdefault(words[0], []).append((head, owner))
    found: dict[str, Any] = {}
    for paragraph in wanted:
        first = paragraph.split(maxsplit=1)
        for head, start in by_first_word.get(first[0], ()) if first else ():
            if not paragraph.startswith(head):
                continue
            node = start
            while node is not None and isinstance(node.tag, str):
                text = " ".join(node.text_content().split())
                if text == paragraph:
                    found[paragraph] = node
                    break
                if len(text) > len(paragraph) or node.tag in _STORY_TAGS:
                    break
                node = node.getparent()
            if paragraph in found:
                break
    return found


def _furniture_box(element: Any, text: str, story: set[Any]) -> str | None:
    prose = _is_prose(text)
    node = element
    for depth in range(_ANCESTORS):
        if node is None or not isinstance(node.tag, str) or node.tag in _STORY_TAGS:
            return None
        if depth > 0 and node in story:
            return None
        names = _names(node, with_id=depth > 0) & _FURNITURE_NAMES
        if names and not (prose and names <= _TEASER_NAMES):
            return sorted(names)[0]
        node = node.getparent()
    return None


def _is_prose(text: str) -> bool:
    return len(_WORD.findall(text)) >= _PROSE_MIN_WORDS and bool(_PROSE.search(text))


def _names(element: Any, *, with_id: bool) -> set[str]:
    """The words of an element's class names (and id): ``shareLinks`` → {share, links}."""
    attributes = ("class", "id") if with_id else ("class",)
    return {
        word.lower()
        for attribute in attributes
        for word in _WORDS_OF_NAME.findall(element.get(attribute) or "")
    }
