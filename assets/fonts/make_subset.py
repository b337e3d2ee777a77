#!/usr/bin/env python3
"""Build NotoSansSC-Subset.otf, the Chinese fallback font bundled with the app
(and, with --bold, NotoSansSC-Bold-Subset.otf, its bold face for the headings of
the printed disclosure).

What
    Extracts the Simplified Chinese face ("Noto Sans CJK SC", Regular) from the
    Noto Sans CJK OpenType collection (.ttc) and subsets it with
    fontTools.subset to:

      * ASCII                                   U+0020-007E
      * Latin-1 supplement (punctuation, etc.)  U+00A0-00FF
      * General punctuation                     U+2000-206F
      * Letterlike / number forms / arrows      U+2100-21FF
      * Mathematical operators (>= <= != ...)   U+2200-22FF
      * Enclosed alphanumerics (circled 1, 2)   U+2460-24FF
      * Box drawing / blocks / geometric shapes U+2500-25FF
      * CJK symbols and punctuation             U+3000-303F
      * Half-width and full-width forms         U+FF00-FFEF
      * every character of GB2312 (all valid 2-byte sequences 0xA1A1-0xF7FE
        decoded with Python's 'gb2312' codec: 7445 characters, including the
        6763 hanzi)
      * every character occurring in the given text files (by default the
        project's seed documents /work/shared/seed/*.txt and
        /work/shared/DOMAIN.md), so rare characters in real documents are
        covered.

    Glyph outlines are kept unchanged (CFF), hinting is dropped, and fontTools'
    default set of layout features is kept (kern, liga, ccmp, locl, vert, ...).
    The GSUB/GPOS language systems for Japanese, Korean and Traditional
    Chinese (JAN, KOR, ZHT, ZHH) are removed first, keeping only the default
    and ZHS ones: otherwise 'locl' drags in ~5,800 alternate glyphs
    (Japanese/Korean/Traditional forms of shared hanzi) that Simplified
    Chinese text never shows, nearly doubling the file (2.8 MB -> 1.7 MB).
    Shaping for default-language and zh-Hans text is unchanged; use
    --keep-all-languages to keep them anyway. (egui itself does no full
    OpenType shaping, so it never applies 'locl' anyway.)
    Code points requested but absent from the face are silently skipped (and
    counted in the summary).

Why
    egui ships no CJK glyphs, and target machines (e.g. a bare Windows or Linux
    install) may have no CJK system font, so Chinese text would render as
    boxes. The full SC face is ~16 MB; this subset covers everything a
    Simplified Chinese government budget document realistically uses in
    under 2 MB, small enough to embed with include_bytes!.

Usage
    pip install fonttools
    apt-get install fonts-noto-cjk      # Debian/Ubuntu; provides --source
    python3 assets/fonts/make_subset.py

    python3 assets/fonts/make_subset.py --bold   # the bold face

    Options: --bold, --source PATH.ttc, --face-name NAME, --output PATH,
    --text-file PATH (repeatable; replaces the default seed files),
    --keep-all-languages.

    The output is deterministic for a given source font, fontTools version and
    text files (head.modified is copied from the source, not set to "now").
"""

import argparse
import glob
import hashlib
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

DEFAULT_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
BOLD_SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
DEFAULT_FACE_NAME = "Noto Sans CJK SC"
HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUTPUT = os.path.join(HERE, "NotoSansSC-Subset.otf")
BOLD_OUTPUT = os.path.join(HERE, "NotoSansSC-Bold-Subset.otf")
DEFAULT_TEXT_GLOBS = ["/work/shared/seed/*.txt", "/work/shared/DOMAIN.md"]

# Inclusive code point ranges always kept.
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement
    (0x2000, 0x206F),  # General punctuation
    (0x2100, 0x21FF),  # Letterlike symbols, number forms, arrows
    (0x2200, 0x22FF),  # Mathematical operators
    (0x2460, 0x24FF),  # Enclosed alphanumerics
    (0x2500, 0x25FF),  # Box drawing, block elements, geometric shapes
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # Half-width and full-width forms
]


def gb2312_codepoints():
    """All characters of GB2312, from every decodable byte pair A1A1-F7FE."""
    cps = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                ch = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            cps.update(ord(c) for c in ch)
    return cps


def text_codepoints(paths):
    """Every printable character occurring in the given UTF-8 text files."""
    cps = set()
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            cps.update(ord(c) for c in fh.read())
    # Control characters (tab, newline, ...) need no glyph.
    return {cp for cp in cps if cp >= 0x20 and not 0x7F <= cp < 0xA0}


def face_names(font):
    name = font["name"]
    family = name.getDebugName(16) or name.getDebugName(1)
    return family, name.getDebugName(6)


def find_face_index(source, face_name):
    """Index of the face in the collection whose family name is face_name."""
    collection = TTCollection(source, lazy=True)
    matches = []
    for index, font in enumerate(collection.fonts):
        family, psname = face_names(font)
        print(f"  face {index}: {family!r} ({psname})")
        if family == face_name:
            matches.append(index)
    collection.close()
    if len(matches) != 1:
        sys.exit(f"error: expected exactly one face named {face_name!r} in "
                 f"{source}, found {len(matches)}")
    return matches[0]


def keep_only_langsys(font, keep=("ZHS ",)):
    """Drop GSUB/GPOS LangSys records other than `keep` (the default LangSys
    of each script is always kept). The subsetter then prunes the features,
    lookups and glyphs that only those language systems referenced."""
    for tag in ("GSUB", "GPOS"):
        if tag not in font:
            continue
        for rec in font[tag].table.ScriptList.ScriptRecord:
            script = rec.Script
            script.LangSysRecord = [r for r in script.LangSysRecord
                                    if r.LangSysTag in keep]
            script.LangSysCount = len(script.LangSysRecord)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bold", action="store_true",
                    help="the Bold face: source %s, output %s (the same subset of "
                         "code points)" % (BOLD_SOURCE, os.path.basename(BOLD_OUTPUT)))
    ap.add_argument("--source", default=None,
                    help="Noto Sans CJK .ttc collection (default: %s)" % DEFAULT_SOURCE)
    ap.add_argument("--face-name", default=DEFAULT_FACE_NAME,
                    help="family name of the face to extract (default: %(default)s)")
    ap.add_argument("--output", default=None,
                    help="output .otf (default: %s)" % DEFAULT_OUTPUT)
    ap.add_argument("--text-file", action="append", default=None,
                    help="UTF-8 text file whose characters must be covered; "
                         "repeatable (default: %s)" % " ".join(DEFAULT_TEXT_GLOBS))
    ap.add_argument("--keep-all-languages", action="store_true",
                    help="keep the JAN/KOR/ZHT/ZHH language systems and their "
                         "locale-specific glyphs (about 1.1 MB more)")
    args = ap.parse_args()
    if args.source is None:
        args.source = BOLD_SOURCE if args.bold else DEFAULT_SOURCE
    if args.output is None:
        args.output = BOLD_OUTPUT if args.bold else DEFAULT_OUTPUT

    if args.text_file is None:
        text_files = sorted(p for g in DEFAULT_TEXT_GLOBS for p in glob.glob(g))
        if not text_files:
            print("warning: none of the default text files exist; only the "
                  "fixed ranges and GB2312 are included", file=sys.stderr)
    else:
        text_files = args.text_file

    print(f"source: {args.source}")
    index = find_face_index(args.source, args.face_name)
    print(f"using face {index}: {args.face_name!r}")

    wanted = set()
    for lo, hi in RANGES:
        wanted.update(range(lo, hi + 1))
    n_ranges = len(wanted)
    gb = gb2312_codepoints()
    wanted |= gb
    from_text = text_codepoints(text_files)
    text_only = from_text - wanted
    wanted |= from_text
    print(f"requested code points: {len(wanted)} "
          f"(ranges {n_ranges}, GB2312 {len(gb)}, from {len(text_files)} text "
          f"file(s) {len(from_text)} of which {len(text_only)} not otherwise included)")

    font = TTFont(args.source, fontNumber=index, recalcTimestamp=False)
    available = set(font.getBestCmap())
    missing = wanted - available
    missing_text = sorted(from_text - available)
    if missing_text:
        print("warning: characters from the text files not in the font: "
              + " ".join(f"U+{cp:04X}" for cp in missing_text), file=sys.stderr)

    if not args.keep_all_languages:
        keep_only_langsys(font)

    options = subset.Options()
    options.hinting = False              # --no-hinting
    options.desubroutinize = False       # keep CFF subroutines (smaller file)
    options.notdef_outline = True        # visible box for unknown glyphs
    options.name_IDs = ["*"]             # keep copyright, licence, URLs
    options.layout_features = subset.Options().layout_features  # defaults
    options.drop_tables += ["DSIG"]

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(wanted & available))
    subsetter.subset(font)
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    font.save(args.output)
    font.close()

    check = TTFont(args.output)
    n_glyphs = len(check.getGlyphOrder())
    n_cps = len(check.getBestCmap())
    check.close()
    size = os.path.getsize(args.output)
    with open(args.output, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    print(f"skipped (not in font): {len(missing)} code points")
    print(f"output: {args.output}")
    print(f"glyphs: {n_glyphs}, code points: {n_cps}")
    print(f"size: {size} bytes ({size / 1024 / 1024:.2f} MiB)")
    print(f"sha256: {digest}")


if __name__ == "__main__":
    main()
