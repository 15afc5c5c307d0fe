/*
 * src/core/ar_shingle.c
 *
 * Fingerprints (sets of hashed stem bigrams) and the similarity and
 * containment scores computed from them.  See ar_shingle.h.
 */
#include "ar_shingle.h"
#include "ar_hash.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"

#include <stdlib.h>
#include <string.h>

/*
 * 64-bit FNV-1a of a stem, with the alef forms أ إ آ ٱ hashed as ا (the
 * text was normalized without the alef fold so that segmentation could
 * tell أل from the article).
 */
static inline uint64_t
hash_stem(const char *s, size_t len)
{
	uint64_t	h = AR_FNV_OFFSET;

	for (size_t i = 0; i < len; i++)
	{
		unsigned char b = (unsigned char) s[i];

		/* U+0622, U+0623, U+0625 are D8 A2/A3/A5; U+0671 is D9 B1 */
		if (i + 1 < len &&
			((b == 0xD8 && (s[i + 1] == (char) 0xA2 || s[i + 1] == (char) 0xA3 ||
							s[i + 1] == (char) 0xA5)) ||
			 (b == 0xD9 && s[i + 1] == (char) 0xB1)))
		{
			h = ArFnvStep(ArFnvStep(h, 0xD8), 0xA7);
			i++;
			continue;
		}
		h = ArFnvStep(h, b);
	}
	return h;
}

typedef struct ShingleState
{
	ArFingerprint *fp;
	const ArEnv *env;
	uint64_t	prev;			/* hash of the previous stem */
	int			nstems;
	ArStatus	rc;
} ShingleState;

static ArStatus
fp_push(ArFingerprint *fp, int32_t v, const ArEnv *env)
{
	if (fp->n == fp->cap)
	{
		size_t		cap = fp->cap ? (size_t) fp->cap * 2 : 64;
		int32_t    *p;

		if (cap > (size_t) INT32_MAX / 2 || cap * sizeof(int32_t) > env->max_size)
			return AR_ERR_TOO_LARGE;
		p = env->realloc_fn(env->ctx, fp->h, cap * sizeof(int32_t));
		if (p == NULL)
			return AR_ERR_NOMEM;
		fp->h = p;
		fp->cap = (int) cap;
	}
	fp->h[fp->n++] = v;
	return AR_OK;
}

static ArStatus
shingle_word(void *arg, const char *text, size_t start, size_t len)
{
	ShingleState *st = (ShingleState *) arg;
	ArWordSeg	seg;
	uint64_t	h;
	ArStatus	rc = AR_OK;

	ArSegmentWord(text + start, len, &seg);
	h = hash_stem(text + start + seg.stem_start, len - seg.stem_start);
	if (st->nstems > 0)
		rc = fp_push(st->fp, (int32_t) (uint32_t) ArMix64(st->prev * 31 + h), st->env);
	st->prev = h;
	st->nstems++;
	return rc;
}

ArStatus
ArFingerprintText(const char *text, size_t len, ArFingerprint *fp,
				  const ArEnv *env)
{
	ArBuf		norm = {0};
	ShingleState st = {fp, env, 0, 0, AR_OK};
	ArStatus	rc;

	fp->n = 0;
	/* the alef fold comes after segmentation, as in arabic_tokens() */
	rc = ArNormalize(text, len, AR_PROFILE_SEARCH & ~AR_F_ALEF, &norm, env);
	if (rc == AR_OK)
		rc = ArTokenize(norm.data, norm.len, shingle_word, &st, env);
	if (rc == AR_OK && st.nstems == 1)
		rc = fp_push(fp, (int32_t) (uint32_t) ArMix64(st.prev), env);
	ArBufFree(&norm, env);
	if (rc == AR_OK)
		fp->n = ArSortUnique(fp->h, fp->n);
	return rc;
}

void
ArFingerprintFree(ArFingerprint *fp, const ArEnv *env)
{
	if (fp->h)
		env->free_fn(env->ctx, fp->h);
	fp->h = NULL;
	fp->n = fp->cap = 0;
}

static int
cmp_int32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a;
	int32_t		y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

int
ArSortUnique(int32_t *h, int n)
{
	int			k = 0;

	if (n <= 1)
		return n;
	qsort(h, n, sizeof(int32_t), cmp_int32);
	for (int i = 1; i < n; i++)
		if (h[i] != h[k])
			h[++k] = h[i];
	return k + 1;
}

int
ArIntersectCount(const int32_t *a, int na, const int32_t *b, int nb)
{
	int			i = 0,
				j = 0,
				c = 0;

	while (i < na && j < nb)
	{
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
		{
			c++;
			i++;
			j++;
		}
	}
	return c;
}

double
ArSimilarity(const int32_t *a, int na, const int32_t *b, int nb)
{
	int			inter;

	if (na == 0 || nb == 0)
		return 0.0;
	inter = ArIntersectCount(a, na, b, nb);
	return (double) inter / (double) (na + nb - inter);
}

double
ArContainment(const int32_t *a, int na, const int32_t *b, int nb)
{
	if (na == 0 || nb == 0)
		return 0.0;
	return (double) ArIntersectCount(a, na, b, nb) / (double) na;
}
