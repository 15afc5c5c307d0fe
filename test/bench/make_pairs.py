#!/usr/bin/env python3
"""test/bench/make_pairs.py: a near-duplicate evaluation set built from other text.

Reads the SaudiNewsNet paragraphs (one per line, .txt or .txt.xz; consecutive
lines mostly come from the same article) and writes about 2,000 labelled
paragraph pairs in PostgreSQL COPY text format with a header, the same
columns as ../shared/data/neardup/pairs_dev.tsv: id, a, b, label, kind.

Positives (label 1) are a paragraph and a rewrite made here: diacritics,
tatweel, alef/hamza, alef maksura, teh marbuta, all three letter variants,
invisible characters, digit, quote, punctuation and whitespace styles, one
or two word substitutions or deletions, a lead-in, an attribution suffix,
several of these at once (mixed), and the paragraph inside a merge with one
or two neighbouring paragraphs (containment, containment_edit: a is the
short side).  Negatives (label 0): the next paragraph of the file
(neg_neighbour, usually the same article), two paragraphs far apart that
share a rare word (neg_same_topic), a paragraph against a merge of its
neighbours without it (neg_merged_neighbours), and random pairs
(neg_random).  Negatives sharing a run of 8 identical words after a crude
orthographic fold (copies in the corpus, e.g. one agency story in two
outlets) are left out; the count goes to stderr.

Python 3 standard library only; deterministic for a given seed and input.
Usage: make_pairs.py NEWS_FILE [--seed N] [--out FILE]
"""
import argparse
import collections
import lzma
import random
import re
import sys

DIAC = [chr(c) for c in (0x064E, 0x064F, 0x0650, 0x0652, 0x0651, 0x064B, 0x064D, 0x064C)]
TATWEEL = "\u0640"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
WORD = re.compile(r"\S+")
INVISIBLE = ["\u200c", "\u200d", "\u200e", "\u200f", "\u00ad", "\u2060", "\ufeff"]
LEADINS = ["وبحسب البيان: ", "وقالت الوكالة إن ", "وفي التفاصيل، ", "من جهته، ",
           "وأفادت مصادر مطلعة بأن ", "عاجل: ", "وذكرت وكالة الأنباء السعودية أن ",
           "الرياض - واس: "]
SUFFIXES = [" بحسب ما أفادت وكالة الأنباء السعودية (واس).", " وفقا لوكالة رويترز.",
            " بحسب ما نقلت صحيفة الحياة.", " (أ ف ب)", " حسب ما أوردت قناة العربية.",
            " وفق ما ذكرته الوكالة."]


def words_of(p):
    return p.split(" ")


def arabic_ratio(p):
    n = len(p.replace(" ", ""))
    return len(ARABIC_LETTER.findall(p)) / n if n else 0


# --- rewrites: each takes (rng, text) and returns text ------------------------

def on_words(rng, p, share, fn, cond=lambda w: True):
    ws = words_of(p)
    return " ".join(fn(w) if cond(w) and rng.random() < share else w for w in ws)


def add_diacritics(rng, p):
    def vocalize(w):
        out = []
        for ch in w:
            out.append(ch)
            if ARABIC_LETTER.match(ch) and ch not in "اأإآى" and rng.random() < 0.5:
                out.append(rng.choice(DIAC))
        return "".join(out)
    return on_words(rng, p, rng.choice([0.2, 0.4, 0.8]), vocalize)


def add_tatweel(rng, p):
    def stretch(w):
        # between two joining letters, never after a non-joining one
        idx = [i for i in range(1, len(w) - 1)
               if ARABIC_LETTER.match(w[i]) and ARABIC_LETTER.match(w[i + 1])
               and w[i] not in "اأإآدذرزوؤءة"]
        if not idx:
            return w
        i = rng.choice(idx)
        return w[:i + 1] + TATWEEL * rng.randint(1, 4) + w[i + 1:]
    return on_words(rng, p, rng.choice([0.05, 0.15, 0.3]), stretch)


def alef_hamza(rng, p):
    if rng.random() < 0.7:    # hamza dropped, as in much web text
        return on_words(rng, p, 0.9, lambda w: re.sub("[أإآ]", "ا", w))
    # hamza added where it does not belong (initial bare alef, not the article)
    return on_words(rng, p, 0.8, lambda w: rng.choice("أإ") + w[1:],
                    lambda w: w.startswith("ا") and not w.startswith("ال"))


def alef_maksura(rng, p):
    if rng.random() < 0.7:
        return re.sub(r"ي(?=[\s\.,،:؛\"»)]|$)", "ى", p)
    return re.sub(r"ى(?=[\s\.,،:؛\"»)]|$)", "ي", p)


def teh_marbuta(rng, p):
    return re.sub(r"ة(?=[\s\.,،:؛\"»)]|$)", "ه", p)


def orthography_mix(rng, p):
    return teh_marbuta(rng, alef_maksura(rng, alef_hamza(rng, p)))


def invisible(rng, p):
    out = []
    for ch in p:
        out.append(ch)
        if rng.random() < (0.08 if ch == " " else 0.01):
            out.append(rng.choice(INVISIBLE))
    return "".join(out)


def digits(rng, p):
    if re.search("[0-9]", p):
        return p.translate(str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪"))
    return p.translate(str.maketrans("٠١٢٣٤٥٦٧٨٩٪", "0123456789%"))


def quotes(rng, p):
    style = rng.choice([("«", "»"), ("“", "”"), ('"', '"')])
    p = re.sub(r"[«“]", style[0], p)
    p = re.sub(r"[»”]", style[1], p)
    return re.sub(r'"([^"]*)"', style[0] + r"\1" + style[1], p)


def punctuation(rng, p):
    if "،" in p or "؛" in p or "؟" in p:
        return p.replace("،", ",").replace("؛", ";").replace("؟", "?")
    return re.sub(r"\s*,\s*", "، ", p).replace(";", "؛").replace("?", "؟")


def whitespace(rng, p):
    ws = words_of(p)
    seps = [rng.choice([" ", " ", " ", "  ", "\u00a0", "\n", " \r\n"]) for _ in ws[1:]]
    return (rng.choice(["", " ", "\n"]) + ws[0] + "".join(s + w for s, w in zip(seps, ws[1:]))
            + rng.choice(["", "  ", "\n"]))


def word_edit(rng, p, vocab):
    ws = words_of(p)
    for _ in range(rng.randint(1, 2)):
        i = rng.randrange(len(ws))
        if rng.random() < 0.3 and ws[i].startswith("و") and len(ws[i]) > 3:
            ws[i] = ws[i][1:]                  # the clitic و dropped
        else:
            ws[i] = rng.choice(vocab)
    return " ".join(ws)


def word_drop(rng, p):
    ws = words_of(p)
    for _ in range(rng.randint(1, 2)):
        if len(ws) > 3:
            del ws[rng.randrange(len(ws))]
    return " ".join(ws)


def leadin(rng, p):
    return rng.choice(LEADINS) + p


def suffix(rng, p):
    return p.rstrip(" .") + rng.choice(SUFFIXES)


def merge(rng, p, others):
    parts = list(others)
    parts.insert(rng.randint(0, len(parts)), p)
    return " ".join(parts)


# -----------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("news")
    ap.add_argument("--seed", type=int, default=20150101)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()

    opener = lzma.open if args.news.endswith(".xz") else open
    with opener(args.news, "rt", encoding="utf-8") as f:
        lines = [ln.rstrip("\n") for ln in f]
    rng = random.Random(args.seed)

    def good(i):
        p = lines[i]
        n = p.count(" ") + 1
        return 15 <= n <= 90 and "\t" not in p and "\\" not in p and arabic_ratio(p) > 0.7

    ok = [i for i in range(len(lines)) if good(i)]
    okset = set(ok)

    # vocabulary for word substitutions: frequent words of a sample
    cnt = collections.Counter()
    for i in ok[::50]:
        cnt.update(w for w in words_of(lines[i]) if ARABIC_LETTER.match(w))
    vocab = [w for w, _ in cnt.most_common(3000)]

    # rare words (document frequency 3..12, letters only, not starting with ال / و)
    df = collections.Counter()
    for i in ok:
        df.update(set(w for w in words_of(lines[i])
                      if len(w) >= 5 and re.fullmatch("[\u0621-\u064A]+", w)
                      and not w.startswith(("ال", "و"))))
    rare = collections.defaultdict(list)
    for i in ok:
        for w in set(words_of(lines[i])):
            if 3 <= df.get(w, 0) <= 12:
                rare[w].append(i)
    rare_words = sorted(rare)

    def fold(p):
        # a crude orthographic fold of our own (not pg_arabic's), words only
        p = re.sub("[\u064B-\u0652\u0670\u0640\u200b-\u200f\u00ad\u2060\ufeff]", "", p)
        p = p.translate(str.maketrans("أإآٱىة٠١٢٣٤٥٦٧٨٩", "اااايه0123456789"))
        return re.findall(r"\w+", p)

    def copy_run(a, b, k=8):
        wa, wb = fold(a), fold(b)
        grams = set(tuple(wa[i:i + k]) for i in range(len(wa) - k + 1))
        return any(tuple(wb[i:i + k]) in grams for i in range(len(wb) - k + 1))

    used = set()

    def pick(cond=lambda p: True):
        for _ in range(10000):
            i = rng.choice(ok)
            if i not in used and cond(lines[i]):
                used.add(i)
                return i
        raise SystemExit("make_pairs.py: no paragraph fits")

    def neighbours(i, n):
        # the n following paragraphs (or preceding ones), all usable
        fwd = [j for j in range(i + 1, i + 1 + n)]
        bwd = [j for j in range(i - n, i)]
        for cand in (fwd, bwd):
            if all(j in okset for j in cand):
                return cand
        return None

    pairs = []
    dropped = collections.Counter()

    def add(a, b, label, kind):
        if rng.random() < 0.5 and not kind.startswith(("containment", "neg_merged")):
            a, b = b, a
        pairs.append((a, b, label, kind))

    simple = [
        ("diacritics", 60, add_diacritics, None),
        ("tatweel", 40, add_tatweel, None),
        ("alef_hamza", 40, alef_hamza, lambda p: re.search("[أإآ]", p)),
        ("alef_maksura", 30, alef_maksura, lambda p: re.search(r"[يى](\s|$)", p)),
        ("teh_marbuta", 30, teh_marbuta, lambda p: re.search(r"ة(\s|$)", p)),
        ("orthography_mix", 45, orthography_mix, lambda p: re.search(r"ة(\s|$)", p)),
        ("invisible_chars", 30, invisible, None),
        ("digits", 25, digits, lambda p: re.search("[0-9]", p)),
        ("quotes", 25, quotes, lambda p: re.search("[«\"“]", p)),
        ("punctuation", 25, punctuation, lambda p: re.search("[،,؛؟]", p)),
        ("whitespace", 25, whitespace, None),
        ("word_edit", 45, lambda r, p: word_edit(r, p, vocab), None),
        ("word_drop", 45, word_drop, None),
        ("leadin", 40, leadin, None),
        ("attribution_suffix", 35, suffix, None),
    ]
    for kind, n, fn, cond in simple:
        for _ in range(n):
            i = pick(cond or (lambda p: True))
            add(lines[i], fn(rng, lines[i]), 1, kind)

    pool = [add_diacritics, add_tatweel, alef_hamza, alef_maksura, teh_marbuta,
            invisible, digits, quotes, punctuation, whitespace,
            lambda r, p: word_edit(r, p, vocab), word_drop, leadin, suffix]
    for _ in range(80):
        i = pick()
        b = lines[i]
        for fn in rng.sample(pool, rng.randint(3, 5)):
            b = fn(rng, b)
        add(lines[i], b, 1, "mixed")

    for kind, n in (("containment", 65), ("containment_edit", 45)):
        made = 0
        while made < n:
            i = pick()
            nb = neighbours(i, rng.randint(1, 2))
            if nb is None:
                continue
            inner = lines[i]
            if kind == "containment_edit":
                for fn in rng.sample(pool[:10], 2) + [rng.choice([word_drop, lambda r, p: word_edit(r, p, vocab)])]:
                    inner = fn(rng, inner)
            pairs.append((lines[i], merge(rng, inner, [lines[j] for j in nb]), 1, kind))
            made += 1

    def neg(kind, n, make):
        made = 0
        while made < n:
            ab = make()
            if ab is None:
                continue
            a, b = ab
            if a == b or copy_run(a, b):
                dropped[kind] += 1
                continue
            add(a, b, 0, kind)
            made += 1

    def neighbour():
        i = pick()
        return (lines[i], lines[i + 1]) if i + 1 in okset else None

    def same_topic():
        w = rng.choice(rare_words)
        i, j = rng.sample(rare[w], 2)
        if abs(i - j) <= 30:             # far apart: another article
            return None
        return lines[i], lines[j]

    def merged():
        i = pick()
        nb = neighbours(i, rng.randint(2, 3))
        if nb is None or len(nb) < 2:
            return None
        return lines[i], " ".join(lines[j] for j in nb)

    def random_pair():
        return lines[rng.choice(ok)], lines[rng.choice(ok)]

    neg("neg_neighbour", 400, neighbour)
    neg("neg_same_topic", 400, same_topic)
    neg("neg_merged_neighbours", 200, merged)
    neg("neg_random", 300, random_pair)

    def esc(s):
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")

    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8")
    out.write("id\ta\tb\tlabel\tkind\n")
    for k, (a, b, label, kind) in enumerate(pairs, 1):
        out.write("o%05d\t%s\t%s\t%d\t%s\n" % (k, esc(a), esc(b), label, kind))
    if out is not sys.stdout:
        out.close()
    print("make_pairs.py: %d pairs (%d positive) from %d paragraphs, seed %d; "
          "negatives left out as corpus copies (8-word run shared after folding): %s"
          % (len(pairs), sum(p[2] for p in pairs), len(lines), args.seed,
             dict(sorted(dropped.items())) or "none"), file=sys.stderr)


if __name__ == "__main__":
    main()
