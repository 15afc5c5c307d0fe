/*
 * src/core/ar_tag_orgs.h
 *
 * What the organization rules (ar_tag_orgs.c, ar_tag_orgs_marks.c) share
 * and nothing else includes: word lists compared by folded stem, one
 * sentence segment with the analyses of its words, and the step of
 * ar_tag_orgs_marks.c that ArTagApplyOrgNames runs.
 */
#ifndef AR_TAG_ORGS_H
#define AR_TAG_ORGS_H

#include "ar_tag_internal.h"

#include <stdbool.h>
#include <string.h>

#define B_ORG B_TAG(AR_ENT_ORGANIZATION)
#define HEADS (AR_GAZ_ORG_HEAD | AR_GAZ_CHAIN_HEAD)

/*
 * Word lists, compared with a word's folded stem (and the stem without a
 * ب ل ك).  A list ends with NULL; its hashes are computed on first use.
 */
#define LIST_MAX 32				/* words of a list at most (the rest ignored) */

typedef struct WordList
{
	const char *const *words;
	uint64_t	hash[LIST_MAX];
	bool		ready;
} WordList;

static inline bool
in_list(WordList *l, uint64_t h)
{
	if (!l->ready)
	{
		for (int k = 0; k < LIST_MAX && l->words[k]; k++)
		{
			Folded		f;

			ArTagFoldWord(l->words[k], strlen(l->words[k]), &f);
			l->hash[k] = hash_cps(f.cp, 0, f.n);
		}
		l->ready = true;
	}
	for (int k = 0; h != 0 && k < LIST_MAX && l->words[k]; k++)
		if (l->hash[k] == h)
			return true;
	return false;
}

/* One segment and the analyses of its words, computed when needed. */
typedef struct Seg
{
	const char *text;
	const ArTagWords *ws;		/* the text's words */
	const ArTagWord *w;			/* the segment's first word */
	int			a;				/* its index in ws */
	const ArTagFeats *feats;
	uint8_t    *tags;
	int			n;
	LazyWords	lw;
} Seg;

static inline const WordInfo *
info(Seg *s, int i)
{
	return lazy(&s->lw, i);
}

/* Is word i in list l, by its stem or its stem without ب ل ك? */
static inline bool
word_in(Seg *s, int i, WordList *l)
{
	const WordInfo *w = info(s, i);

	return in_list(l, w->stem) || in_list(l, w->bare);
}

/* Are words i-1 and i separated by white space only? */
static inline bool
plain(Seg *s, int i)
{
	return plain_gap(s->text, s->ws->w, s->a + i);
}

/* Does word i carry the article (or لل)? */
static inline bool
definite(Seg *s, int i)
{
	return info(s, i)->article || info(s, i)->contracted;
}

/* Makes words [s, e) one ORGANIZATION mention (what was there is taken in). */
static inline void
set_org(uint8_t *tags, int n, int s, int e)
{
	if (e < n && TAG_INSIDE(tags[e]))
		tags[e] = (uint8_t) (tags[e] - 1);	/* the rest of a cut mention */
	tags[s] = B_ORG;
	for (int j = s + 1; j < e; j++)
		tags[j] = I_TAG(AR_ENT_ORGANIZATION);
}

/*
 * The rules on marks between words (ar_tag_orgs_marks.c), in this order: a
 * head noun before a quoted name stays outside it (تنظيم «الدولة
 * الإسلامية»), an acronym after its organization (يونيفيل, قسد), the
 * agency of a wire dateline (أنقرة (الأناضول) –).
 */
extern void ArTagOrgMarks(Seg *s);

#endif							/* AR_TAG_ORGS_H */
