#!/usr/bin/env python3
"""Rewrites the key table of docs/configuration.md from agent/.../config/Option.java (the single source of the keys).
Run after adding or changing an option:  python3 docs/tools/options-table.py
ConfigurationDocTest fails the build when a key is missing from the document."""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]
src = (root / "agent/src/main/java/dev/secretagent/agent/config/Option.java").read_text()
rows = re.findall(r'^\s+[A-Z_0-9]+\("([^"]+)", (Type\.[A-Za-z_]+(?:\([^)]*\))?), (null|"[^"]*"), '
                  r'"((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)', src, re.M)
lines = ["| key | type | default | what it does | example | environment variable |",
         "| --- | --- | --- | --- | --- | --- |"]
for key, typ, dflt, help_, ex in rows:
    t = typ.replace("Type.", "")
    m = re.match(r"enumOf\((.*)\)", t)
    t = " \\| ".join(x.strip().strip('"') for x in m.group(1).split(",")) if m else t.lower().replace("_", " ")
    d = "—" if dflt == "null" else "`" + dflt.strip('"') + "`"
    env = "SECRETAGENT_" + key.replace(".", "_").upper()
    lines.append(f"| `{key}` | {t} | {d} | {help_} | `{ex}` | `{env}` |")
doc = root / "docs/configuration.md"
text = doc.read_text()
start = text.index("| key | type |")
end = text.index("\n\n", start)
doc.write_text(text[:start] + "\n".join(lines) + text[end:])
print(f"{len(rows)} keys written to {doc.relative_to(root)}")
