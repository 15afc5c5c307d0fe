#!/usr/bin/env python3
"""test/check_width.py [MAX] < text: prints the lines wider than MAX (default
100) terminal columns, counting combining marks and invisible controls as 0
and East Asian wide characters as 2; exits 1 when there are any.  make demo
runs its output through this so that the demo fits a 100-column terminal."""
import sys
import unicodedata

limit = int(sys.argv[1]) if len(sys.argv) > 1 else 100


def width(line):
    w = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


bad = 0
for n, line in enumerate(sys.stdin.buffer.read().decode("utf-8", "replace").splitlines(), 1):
    if width(line) > limit:
        bad += 1
        print(f"line {n}: {width(line)} columns: {line[:60]}...", file=sys.stderr)
sys.exit(1 if bad else 0)
