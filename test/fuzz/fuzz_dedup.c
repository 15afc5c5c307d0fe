/*
 * test/fuzz/fuzz_dedup.c
 *
 * libFuzzer target for src/core/ar_dedup.c.  The input is split at its
 * first 0xFF byte into two texts a and b (no 0xFF: b is a).  Both are
 * fingerprinted; a sketch counts them (and, from the input's last byte, a
 * few extra copies of a, so that orders vary); for thresholds taken from
 * the input the prefix-filter guarantee must hold: when the similarity of
 * a and b reaches t, the index prefix of the smaller and the probe prefix
 * of the other share at least min_shared keys, and when a stands inside b
 * at c, a's prefix has at least min_shared keys in b.  The order is a
 * permutation of the fingerprint.  Then the input bytes, read as pairs of
 * small ids, go through the union-find groups, which must agree with a
 * naive labelling.
 *
 * Build: make fuzz, or clang -g -O1 -fsanitize=fuzzer,address,undefined
 *          -Isrc/core test/fuzz/fuzz_dedup.c src/core/ar_*.c -licuuc
 */
#include "ar_dedup.h"
#include "ar_shingle.h"
#include "fuzz_input.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
check(int ok, const char *what)
{
	if (!ok)
	{
		fprintf(stderr, "fuzz_dedup: %s\n", what);
		abort();
	}
}

static int
count_in(const int32_t *keys, int nkeys, const int32_t *set, int nset)
{
	int			c = 0;

	for (int i = 0; i < nkeys; i++)
		for (int j = 0; j < nset; j++)
			if (keys[i] == set[j])
			{
				c++;
				break;
			}
	return c;
}

static int
cmp_i32(const void *x, const void *y)
{
	int32_t		a = *(const int32_t *) x,
				b = *(const int32_t *) y;

	return (a > b) - (a < b);
}

static ArStats stats;

static void
check_filter(const ArFingerprint *fa, const ArFingerprint *fb, double threshold)
{
	int32_t    *oa = malloc(sizeof(int32_t) * (fa->n + 1));
	int32_t    *ob = malloc(sizeof(int32_t) * (fb->n + 1));
	int32_t    *sorted = malloc(sizeof(int32_t) * (fa->n + 1));
	uint64_t   *work = malloc(sizeof(uint64_t) * (fa->n + fb->n + 1));
	double		t = ArPrefixShare(threshold);
	double		sim = ArSimilarity(fa->h, fa->n, fb->h, fb->n);
	double		inside = ArContainment(fa->h, fa->n, fb->h, fb->n);

	check(oa && ob && sorted && work, "malloc");
	ArPrefixOrder(fa->h, fa->n, &stats, oa, work);
	ArPrefixOrder(fb->h, fb->n, &stats, ob, work);
	memcpy(sorted, oa, sizeof(int32_t) * fa->n);
	qsort(sorted, fa->n, sizeof(int32_t), cmp_i32);
	check(fa->n == 0 || memcmp(sorted, fa->h, sizeof(int32_t) * fa->n) == 0,
		  "the order is not a permutation of the fingerprint");
	check(ArPrefixLength(fa->n, t) <= fa->n && (fa->n == 0 || ArPrefixLength(fa->n, t) >= 1),
		  "prefix length out of range");

	if ((float) sim > 0 && (float) sim >= (float) threshold)
	{
		int			small = fa->n <= fb->n;
		const int32_t *x = small ? oa : ob,
				   *y = small ? ob : oa;
		int			nx = small ? fa->n : fb->n,
					ny = small ? fb->n : fa->n;

		check(count_in(x, ArPrefixLength(nx, 2 * t / (1 + t)), y, ArPrefixLength(ny, t)) >=
			  ArPrefixMinShared(nx, t), "similar pair without enough shared prefix keys");
	}
	if ((float) inside > 0 && (float) inside >= (float) threshold)
		check(count_in(oa, ArPrefixLength(fa->n, t), fb->h, fb->n) >= ArPrefixMinShared(fa->n, t),
			  "contained pair without enough prefix keys in the other");
	free(oa);
	free(ob);
	free(sorted);
	free(work);
}

static void
check_groups(const unsigned char *data, size_t size)
{
	const ArEnv *env = ArMallocEnv();
	ArGroups	g = {0};
	int			label[64];
	int			seen[64] = {0};
	size_t		npairs = size / 2 > 512 ? 512 : size / 2;

	for (int i = 0; i < 64; i++)
		label[i] = i;
	for (size_t p = 0; p < npairs; p++)
	{
		int			a = data[2 * p] % 64,
					b = data[2 * p + 1] % 64;
		int			la,
					lb;

		check(ArGroupsAdd(&g, a, b, env) == AR_OK, "ArGroupsAdd failed");
		seen[a] = seen[b] = 1;
		/* naive: relabel the larger label to the smaller everywhere */
		la = label[a];
		lb = label[b];
		if (la != lb)
		{
			int			lo = la < lb ? la : lb,
						hi = la < lb ? lb : la;

			for (int i = 0; i < 64; i++)
				if (label[i] == hi)
					label[i] = lo;
		}
	}
	{
		int			n = 0;

		for (int i = 0; i < 64; i++)
			n += seen[i];
		check(g.n == n, "groups: wrong number of ids");
	}
	for (int i = 0; i < g.n; i++)
	{
		int64_t		id = g.id[i];
		int			smallest = 64;

		/* the group is the smallest id seen with the same label */
		for (int j = 0; j < 64; j++)
			if (seen[j] && label[j] == label[id] && j < smallest)
				smallest = j;
		check(ArGroupsRoot(&g, i) == smallest, "groups: wrong group");
	}
	ArGroupsFree(&g, env);
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
				fb = {0};
	double		thresholds[] = {0.0, 0.3, 0.5, 0.7, 1.0, 0};

	check(ArFingerprintText(a, alen, &fa, env) == AR_OK, "fingerprint a failed");
	check(ArFingerprintText(b, blen, &fb, env) == AR_OK, "fingerprint b failed");

	ArStatsInit(&stats);
	ArStatsAdd(&stats, fa.h, fa.n);
	ArStatsAdd(&stats, fb.h, fb.n);
	for (int i = 0; size > 0 && i < data[size - 1] % 4; i++)
		ArStatsAdd(&stats, fa.h, fa.n / 2);
	thresholds[5] = size > 0 ? data[0] / 255.0 : 0.42;
	for (int i = 0; i < 6; i++)
	{
		check_filter(&fa, &fb, thresholds[i]);
		check_filter(&fb, &fa, thresholds[i]);
	}
	check_groups(data, size);

	ArFingerprintFree(&fa, env);
	ArFingerprintFree(&fb, env);
	return 0;
}
