/*
 * src/core/ar_shingle.h
 *
 * Paragraph fingerprints for near-duplicate detection.  A fingerprint is
 * the sorted set of 32-bit hashes of the word shingles of a text: the text
 * is normalized with the search profile, tokenized, every word reduced to
 * its stem (proclitics and article dropped), and each pair of consecutive
 * stems hashed.  A text of one word has the hash of that word alone.  Two
 * scores are computed from fingerprints: similarity (Jaccard) and
 * containment (the share of one set found in the other).
 */
#ifndef AR_SHINGLE_H
#define AR_SHINGLE_H

#include "ar_env.h"

typedef struct ArFingerprint
{
	int32_t    *h;				/* sorted ascending, no duplicates */
	int			n;
	int			cap;
} ArFingerprint;

/*
 * ArFingerprintText computes the fingerprint of text[0..len-1] into fp
 * (whose storage the caller frees through env with ArFingerprintFree).
 * Time and memory are linear in len.
 */
extern ArStatus ArFingerprintText(const char *text, size_t len,
								  ArFingerprint *fp, const ArEnv *env);

extern void ArFingerprintFree(ArFingerprint *fp, const ArEnv *env);

/* Sorts h[0..n-1] and removes duplicates; returns the new count. */
extern int	ArSortUnique(int32_t *h, int n);

/* |A ∩ B| for two sorted duplicate-free arrays. */
extern int	ArIntersectCount(const int32_t *a, int na, const int32_t *b, int nb);

/*
 * Jaccard similarity |A ∩ B| / |A ∪ B|; 0 when either set is empty (a text
 * without words is similar to nothing).
 */
extern double ArSimilarity(const int32_t *a, int na, const int32_t *b, int nb);

/* |A ∩ B| / |A|: how much of A stands in B; 0 when A is empty. */
extern double ArContainment(const int32_t *a, int na, const int32_t *b, int nb);

#endif							/* AR_SHINGLE_H */
