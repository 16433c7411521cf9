"""``nlp.add_pipe("sayso")``: sayso as a component of a spaCy pipeline you already run.

Registered under spaCy's ``spacy_factories`` entry point, so installing sayso is enough::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("sayso")            # last: it reads the parse and entities made before it
    doc = nlp(text)
    doc._.sayso                      # the ArticleResult of doc.text

The component runs sayso's stages on the Doc your pipeline made (it needs a tagger, a parser
and NER before it) and sets ``doc._.sayso``. The article is ``doc.text`` as it is: no page junk
is set apart and no caption found, since the Doc's tokens keep their offsets; the result's
spans are offsets into ``doc.text``. ``config={"stages": [...]}`` picks the stages.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from sayso.ingest.article import make_article, make_source
from sayso.nlp.components import DEFAULT_STAGES
from sayso.pipeline import Pipeline

EXTENSION = "sayso"
DOC_LOCATION = "<spacy doc>"


class SaysoComponent:
    """Sets ``doc._.sayso`` to the ArticleResult of the Doc's text."""

    def __init__(self, nlp: Language, name: str, stages: tuple[str, ...]) -> None:
        if not Doc.has_extension(EXTENSION):
            Doc.set_extension(EXTENSION, default=None)
        self.name = name
        self._pipeline = Pipeline(stages=stages)
        package = f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}"
        self._described = self._pipeline.describe_stages(nlp.meta, package)

    def __call__(self, doc: Doc) -> Doc:
        article = make_article(doc.text, make_source(DOC_LOCATION, "text"))
        doc._.set(EXTENSION, self._pipeline.analyze_doc(article, doc, self._described))
        return doc


@Language.factory(
    EXTENSION,
    default_config={"stages": None},
    assigns=[f"doc._.{EXTENSION}"],
    requires=["token.dep", "token.tag", "doc.ents"],
)
def make_sayso(nlp: Language, name: str, stages: list[str] | None) -> SaysoComponent:
    """The factory spaCy calls for ``nlp.add_pipe("sayso")``."""
    return SaysoComponent(nlp, name, tuple(stages or DEFAULT_STAGES))
