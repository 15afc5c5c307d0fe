#!/usr/bin/env python3
"""Lists words whose initial و or ف belongs to the stem, from word counts.

A folded word W of four letters or more that starts with و or ف is listed
when it occurs at least MIN times and W without its first letter (alone or
with the article) occurs less than a tenth as often: فبراير (براير never
occurs), فرنسا, وزير; not وقال (قال is common).  Counts come from the
training part of ANERcorp (all but the last 10% of sentences, the held-out
part is not read) and WikiFANE's text, both CC BY-SA.  The output, C string
literals, was merged by hand into stem_initial[] in src/core/ar_tokenize.c.

usage: stem_initial.py ANERCORP_TRAIN_TXT WIKIFANE_TXT [MIN]
"""
import collections
import re
import sys


def fold(w):
    w = re.sub('[\u064B-\u0652\u0640\u0670]', '', w)
    w = re.sub('[أإآٱ]', 'ا', w)
    return w.replace('ى', 'ي').replace('ة', 'ه')


def main():
    aner, wiki = sys.argv[1], sys.argv[2]
    least = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    word = re.compile('[\u0621-\u064A\u0640\u064B-\u0652]+')
    counts = collections.Counter()
    sentences = open(aner, encoding='utf-8').read().split('\n\n')
    sentences = [s for s in sentences if s.strip()]
    keep = len(sentences) - int(len(sentences) * 0.1 + 0.5)
    for s in sentences[:keep]:
        for line in s.split('\n'):
            tok = line.split(' ')[0]
            if word.fullmatch(tok):
                counts[fold(tok)] += 1
    for line in open(wiki, encoding='utf-8-sig', errors='replace'):
        tok = line.replace('\u200e', '').split('\t')[0].strip()
        if word.fullmatch(tok):
            counts[fold(tok)] += 1
    out = []
    for w, n in counts.items():
        if n < least or len(w) < 4 or w[0] not in 'وف':
            continue
        rest = w[1:]
        alt = counts[rest] + (counts[rest[2:]] if rest.startswith('ال') else counts['ال' + rest])
        if alt * 10 < n:
            out.append(w)
    for w in sorted(out):
        print('"%s",' % w)


if __name__ == '__main__':
    main()
