#!/usr/bin/env python3
"""Every string the desktop shows is translated: lupdate reads the sources into copies of the .ts files
(so a new or changed tr() string shows up as unfinished), and each copy must come out complete, with the
same placeholders (%1, %n, ...) as its source text.

  check_translations.py LUPDATE SOURCE_ROOT TS_FILE...
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PLACEHOLDER = re.compile(r"%(?:\d+|n)")


def main():
    lupdate, root, ts_files = sys.argv[1], sys.argv[2], sys.argv[3:]
    problems = []
    with tempfile.TemporaryDirectory() as scratch:
        copies = []
        for ts in ts_files:
            copy = os.path.join(scratch, os.path.basename(ts))
            shutil.copy(ts, copy)
            copies.append(copy)
        sources = [os.path.join(root, "src", part) for part in ("tray", "app", "desktop", "browser/webauthux")]
        subprocess.run([lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", *copies],
                       check=True)
        for copy in copies:
            language = os.path.basename(copy)
            messages = 0
            for context in ET.parse(copy).getroot().iter("context"):
                name = context.findtext("name")
                for message in context.iter("message"):
                    messages += 1
                    source = message.findtext("source")
                    translation = message.find("translation")
                    forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
                    if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                        problems.append("%s: %s: untranslated: %r" % (language, name, source))
                        continue
                    wanted = sorted(set(PLACEHOLDER.findall(source)))
                    for form in forms:
                        if sorted(set(PLACEHOLDER.findall(form))) != wanted:
                            problems.append("%s: %s: placeholders of %r differ in %r" % (language, name, source, form))
            print("%s: %d messages" % (language, messages))
    for problem in problems:
        print(problem)
    if problems:
        print("%d problems; run `cmake --build BUILD --target update_translations` and translate" % len(problems))
        return 1
    print("all translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
