#!/usr/bin/env python3
"""Fill translations/genrescope_{de,es}.ts from the tables in translation_table.py.

Usage: scripts/translations/fill_translations.py [--overwrite]
Every message whose source text is in the table gets its translation and loses type="unfinished"
(existing finished translations are kept unless --overwrite). A table entry is rejected when its
placeholders (%1..%99, %n, %v, %m) or rich-text tags differ from the source, or when a numerus
entry does not have one form per plural form of the language. Messages still missing are printed.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from translation_table import TABLE, CONTEXT_TABLE  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
LANGUAGES = {"de": 0, "es": 1}
PLURAL_FORMS = {"de": 2, "es": 2}
PLACEHOLDER = re.compile(r"%(?:\d+|n|v|m)")
TAG = re.compile(r"</?([a-zA-Z0-9]+)")


def signature(text):
    return sorted(PLACEHOLDER.findall(text)), sorted(TAG.findall(text))


def check(source, translation, where):
    if signature(source) != signature(translation):
        raise SystemExit(f"{where}: placeholders or tags differ\n  source: {source!r}\n  translation: {translation!r}")


def fill(lang, overwrite):
    path = os.path.join(ROOT, "translations", f"genrescope_{lang}.ts")
    tree = ET.parse(path)
    index = LANGUAGES[lang]
    missing = []
    for context in tree.getroot().findall("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            source = message.find("source").text or ""
            translation = message.find("translation")
            entry = CONTEXT_TABLE.get((name, source)) or TABLE.get(source)
            finished = translation.get("type") is None
            if entry is None:
                if not finished:
                    missing.append((name, source))
                continue
            if finished and not overwrite:
                continue
            value = entry[index]
            where = f"{lang} {name}: {source[:60]!r}"
            if message.get("numerus") == "yes":
                if not isinstance(value, list) or len(value) != PLURAL_FORMS[lang]:
                    raise SystemExit(f"{where}: needs {PLURAL_FORMS[lang]} plural forms")
                for f in translation.findall("numerusform"):
                    translation.remove(f)
                translation.text = None
                for form in value:
                    check(source, form, where)
                    ET.SubElement(translation, "numerusform").text = form
            else:
                if not isinstance(value, str) or not value:
                    raise SystemExit(f"{where}: needs one non-empty string")
                check(source, value, where)
                translation.text = value
            translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with open(path, "w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(tree.getroot(), encoding="unicode"))
        out.write("\n")
    for name, source in missing:
        print(f"{lang}: missing {name}: {source!r}")
    return len(missing)


if __name__ == "__main__":
    overwrite = "--overwrite" in sys.argv
    left = sum(fill(lang, overwrite) for lang in LANGUAGES)
    sys.exit(1 if left else 0)
