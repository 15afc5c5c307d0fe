/*
 * test/fuzz/fuzz_fingerprint.c
 *
 * libFuzzer target for the near-duplicate feature extraction: ArFingerprintText
 * and the scores computed from it.  The input is split at its first 0xFF
 * byte into two texts a and b (no 0xFF: b is a).  Checked: fingerprints are
 * sorted and duplicate-free; similarity is symmetric and in [0, 1], 1 for a
 * text with itself unless it has no words (then 0); containment is in
 * [0, 1] and a text with words is wholly contained in itself; the
 * concatenation "a \n b" fingerprints cleanly too; a failing allocator and
 * a tiny max_size give an error status, never a crash.
 *
 * Build: make fuzz, or clang -g -O1 -fsanitize=fuzzer,address,undefined
 *          -Isrc/core test/fuzz/fuzz_fingerprint.c src/core/ar_*.c -licuuc
 */
#include "ar_shingle.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int	fail_after;

static void *
failing_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	if (fail_after-- <= 0)
		return NULL;
	return realloc(ptr, size);
}

static void
plain_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static void
check(int ok, const char *what)
{
	if (!ok)
	{
		fprintf(stderr, "fuzz_fingerprint: %s\n", what);
		abort();
	}
}

static void
check_sorted(const ArFingerprint *fp)
{
	for (int i = 1; i < fp->n; i++)
		check(fp->h[i - 1] < fp->h[i], "fingerprint not sorted and unique");
}

int			LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const ArEnv *env = ArMallocEnv();
	FuzzTexts	in = fuzz_split(data, size);
	const char *a = in.a,
			   *b = in.b;
	size_t		alen = in.alen,
				blen = in.blen;
	ArFingerprint fa = {0},
				fb = {0},
				fab = {0};
	char	   *ab;
	double		s;

	check(ArFingerprintText(a, alen, &fa, env) == AR_OK, "fingerprint a failed");
	check(ArFingerprintText(b, blen, &fb, env) == AR_OK, "fingerprint b failed");
	check_sorted(&fa);
	check_sorted(&fb);

	s = ArSimilarity(fa.h, fa.n, fb.h, fb.n);
	check(s >= 0 && s <= 1, "similarity out of range");
	check(s == ArSimilarity(fb.h, fb.n, fa.h, fa.n), "similarity not symmetric");
	check(ArSimilarity(fa.h, fa.n, fa.h, fa.n) == (fa.n ? 1.0 : 0.0),
		  "similarity with itself is not 1 (or 0 without words)");
	s = ArContainment(fa.h, fa.n, fb.h, fb.n);
	check(s >= 0 && s <= 1, "containment out of range");
	check(ArContainment(fa.h, fa.n, fa.h, fa.n) == (fa.n ? 1.0 : 0.0),
		  "containment in itself is not 1 (or 0 without words)");

	/* the concatenation of both texts */
	ab = malloc(alen + blen + 2);
	check(ab != NULL, "malloc");
	memcpy(ab, a, alen);
	ab[alen] = '\n';
	memcpy(ab + alen + 1, b, blen);
	check(ArFingerprintText(ab, alen + blen + 1, &fab, env) == AR_OK, "fingerprint a+b failed");
	check_sorted(&fab);
	free(ab);

	/* allocation failures and a small max_size: an error, never a crash */
	{
		ArEnv		failing = *env;
		ArFingerprint ff = {0};

		failing.realloc_fn = failing_realloc;
		failing.free_fn = plain_free;
		fail_after = size % 5;
		(void) ArFingerprintText(a, alen, &ff, &failing);
		ArFingerprintFree(&ff, &failing);
		failing = *env;
		failing.max_size = size % 97;
		(void) ArFingerprintText(a, alen, &ff, &failing);
		ArFingerprintFree(&ff, env);
	}

	ArFingerprintFree(&fa, env);
	ArFingerprintFree(&fb, env);
	ArFingerprintFree(&fab, env);
	return 0;
}
