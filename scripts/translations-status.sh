#!/bin/sh
# Per language: finished / unfinished messages of translations/genrescope_*.ts, and which ones are
# unfinished (context: source). Exit 1 if any message is unfinished, empty, obsolete or vanished.
# Refresh the .ts from the code first: cmake --build build --target update_translations
# Fill them: add the texts to scripts/translations/translation_table.py and run
# scripts/translations/fill_translations.py, then update_translations again.
set -eu
cd "$(dirname "$0")/.."
exec python3 - translations/genrescope_*.ts <<'PY'
import sys
import xml.etree.ElementTree as ET

bad = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    finished, todo = 0, []
    for context in root.findall("context"):
        name = context.find("name").text
        for message in context.findall("message"):
            translation = message.find("translation")
            kind = translation.get("type")
            forms = [f.text for f in translation.findall("numerusform")] if message.get("numerus") == "yes" \
                else [translation.text]
            if kind is None and all(f and f.strip() for f in forms):
                finished += 1
            else:
                todo.append((kind or "empty", name, message.find("source").text))
    language = root.get("language")
    print(f"{path} ({language}): {finished} finished, {len(todo)} unfinished")
    for kind, name, source in todo:
        print(f"  [{kind}] {name}: {source!r}")
    bad += len(todo)
sys.exit(1 if bad else 0)
PY
