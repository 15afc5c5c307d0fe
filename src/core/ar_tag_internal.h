/*
 * src/core/ar_tag_internal.h
 *
 * What the tagger's files (ar_tagger.c, ar_tag_features.c, ar_tag_model.c,
 * ar_tag_extract.c, ar_tag_names.c, ar_tag_events.c) share and nothing else includes: the folded form of a
 * word, the analysis of a word the features and keys are computed from, and
 * the gazetteer's phrase hashing and lookup.
 */
#ifndef AR_TAG_INTERNAL_H
#define AR_TAG_INTERNAL_H

#include "ar_tagger.h"

#include <stdbool.h>
#include <string.h>

#define AR_TATWEEL_CP 0x0640

#define FOLD_MAX 64				/* code points kept of one word */

typedef struct Folded
{
	uint32_t	cp[FOLD_MAX];
	int			n;
	int			arabic;			/* counts by script, for the shape */
	int			latin;
	int			digit;
} Folded;

/*
 * Folds word bytes s[0..len-1]: drops diacritics, tatweel and joiners,
 * writes alef forms as ا, ى as ي, ة as ه, Farsi kaf/yeh as Arabic, digits
 * as ASCII and Latin in lower case.  Keeps the first FOLD_MAX code points;
 * reads at most AR_SEG_MAX_BYTES.
 */
extern void ArTagFoldWord(const char *s, size_t len, Folded *out);

/* Hash of folded code points cp[a..b-1]. */
static inline uint64_t
hash_cps(const uint32_t *cp, int a, int b)
{
	uint64_t	h = AR_FNV_OFFSET;

	for (int i = a; i < b; i++)
		h = ArFnvStep(h, cp[i]);
	return h;
}

/* Combines the stem hashes of a phrase, in order. */
static inline uint64_t
phrase_step(uint64_t h, uint64_t stem)
{
	return ArMix64(h * 0x9E3779B97F4A7C15ULL + stem + 1);
}

typedef struct WordInfo
{
	uint64_t	word;			/* folded word as written (clitics and all) */
	uint64_t	stem;			/* folded stem: clitics and article removed */
	uint64_t	bare;			/* stem without a leading ب ل ك (0: none) */
	uint32_t	first_cp;		/* first letter of the folded word */
	int			nclitics;
	int			article;
	int			contracted;
	int			shape;
	Folded		stemf;
} WordInfo;

/* The analysis of word w of text (segmentation, folded word and stem). */
extern void ArTagWordInfo(const char *text, const ArTagWord *w, WordInfo *wi);

/*
 * The spelling skeleton of a word (its folded stem as arabic_entity_key()
 * compares names, and whether it has the article), for the document step
 * (ar_tag_names.c).
 */
extern uint32_t ArTagSkeleton(const WordInfo *wi);

/*
 * The entity type a gazetteer mask names (ORG, MISC, LOC, PERS: the first
 * it has), or -1.
 */
extern int	ArTagClassType(uint16_t mask);

/*
 * Word lists of the rules (ar_tag_names.c): the hashes of the folded words of
 * a NULL-terminated list (as WordInfo's word and stem hash them), computed
 * into hash on the first call (*ready then true); whether a word, as
 * written or without its proclitics, is a particle or other frequent word
 * that is no part of a name (إن, قد, الذي ...); whether its stem is a word
 * that joins the next one into one part of a name (عبد, أبو, بن, آل ...).
 */
extern const uint64_t *ArTagListHashes(const char *const *words, uint64_t *hash,
									   bool *ready);
extern int	ArTagNotNameWord(const WordInfo *wi);
extern int	ArTagJoinsNext(const WordInfo *wi);

/* The number of words of a NULL-terminated static list. */
#define LIST_LEN(l) (sizeof(l) / sizeof((l)[0]) - 1)

/*
 * Is the folded word h (WordInfo.word) in the list of n words whose hashes
 * ArTagListHashes keeps in hash?  1 + its index, or 0.
 */
static inline int
listed_word(const char *const *words, uint64_t *hash, bool *ready, size_t n,
			uint64_t h)
{
	const uint64_t *l = ArTagListHashes(words, hash, ready);

	for (size_t k = 0; k < n; k++)
		if (l[k] == h)
			return (int) k + 1;
	return 0;
}

/*
 * The analyses of a sentence segment's words, computed when a rule needs
 * one (the rules of ar_tag_names.c, ar_tag_persons.c, ar_tag_events.c and
 * ar_tag_orgs.c); lazy_init
 * prepares it for the n words from w (the segment's first word) on.
 */
typedef struct LazyWords
{
	const char *text;
	const ArTagWord *w;
	uint8_t		done[AR_TAG_MAX_SENT];
	WordInfo	wi[AR_TAG_MAX_SENT];
} LazyWords;

static inline void
lazy_init(LazyWords *lw, const char *text, const ArTagWord *w, int n)
{
	lw->text = text;
	lw->w = w;
	memset(lw->done, 0, (size_t) n);
}

static inline const WordInfo *
lazy(LazyWords *lw, int i)
{
	if (!lw->done[i])
	{
		ArTagWordInfo(lw->text, &lw->w[i], &lw->wi[i]);
		lw->done[i] = 1;
	}
	return &lw->wi[i];
}

/* Bytes of the first letter of s[0..n-1] and the marks after it. */
extern size_t ArTagFirstLetterBytes(const char *s, size_t n);

/*
 * Tags of the rules on decoded tags (ar_tag_names.c, ar_tag_events.c,
 * ar_tag_orgs.c, ar_tag_persons.c): 0 outside, 1 + 2t the first word of a
 * mention of type t, 2 + 2t a word inside it.
 */
#define B_TAG(t) ((uint8_t) (1 + 2 * (t)))
#define I_TAG(t) ((uint8_t) (2 + 2 * (t)))
#define TAG_INSIDE(tag) ((tag) != 0 && !((tag) & 1))

/* The end of the mention that starts at word i: the inside tags after it. */
static inline int
mention_end(const uint8_t *tags, int n, int i)
{
	int			j = i + 1;

	while (j < n && TAG_INSIDE(tags[j]))
		j++;
	return j;
}

/* Tags words [i, j) as one mention of type t. */
static inline void
set_mention(uint8_t *tags, int i, int j, int t)
{
	tags[i] = B_TAG(t);
	for (int k = i + 1; k < j; k++)
		tags[k] = I_TAG(t);
}

/* The first i in [lo, hi) with keys[i] >= key (ascending keys), or hi. */
static inline int
lower_bound_u64(const uint64_t *keys, int lo, int hi, uint64_t key)
{
	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (keys[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The classes of gazetteer phrase key, or 0. */
static inline uint16_t
gaz_lookup(const ArGaz *gaz, uint64_t key)
{
	int			lo = gaz ? lower_bound_u64(gaz->key, 0, gaz->n, key) : 0;

	return (gaz && lo < gaz->n && gaz->key[lo] == key) ? gaz->mask[lo] : 0;
}

/*
 * For the rules on decoded tags (ar_tag_names.c, ar_tag_orgs.c): is the gap
 * between words w[i-1] and w[i] white space only?
 */
static inline int
plain_gap(const char *text, const ArTagWord *w, int i)
{
	size_t		a = w[i - 1].start + w[i - 1].len;

	for (size_t k = a; k < w[i].start; k++)
		if (text[k] != ' ')
			return 0;
	return 1;
}

#endif							/* AR_TAG_INTERNAL_H */
