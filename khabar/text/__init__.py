"""Text layer: language, boilerplate, glued stories, metadata, sentences (raw offsets)."""

from __future__ import annotations

from khabar.model import Analysis, Document, Reject, Sentence, Story


def analyse(doc: Document) -> Analysis | Reject:
    """Analyse one document (stub: one story, one sentence per line, Persian unless ي/ة)."""
    lang = "ar" if ("\u064a" in doc.text or "\u0629" in doc.text) else "fa"
    story = Story(0, 0, len(doc.text), doc.pub_date)
    pos = 0
    for i, line in enumerate(doc.text.split("\n")):
        if line.strip():
            story.sentences.append(Sentence(len(story.sentences), pos, pos + len(line), 0))
        pos += len(line) + 1
    return Analysis(doc=doc, lang=lang, stories=[story], pub_date=doc.pub_date)
