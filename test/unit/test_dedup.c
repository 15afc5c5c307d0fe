/*
 * test/unit/test_dedup.c
 *
 * Unit tests of src/core/ar_dedup.c: the shingle sketch (never below the
 * true count, merge = adding, the serialized form checked), prefix lengths
 * and the float4 margin, the global order, the prefix-filter guarantee on
 * random sets (every pair that reaches the threshold shares at least
 * min_shared prefix keys), and the union-find groups.
 */
#include "ar_dedup.h"
#include "ar_shingle.h"
#include "harness.h"

#include <stdlib.h>

static ArStats *
new_stats(void)
{
	ArStats    *st = malloc(sizeof(ArStats));

	ArStatsInit(st);
	return st;
}

/* A small deterministic generator (xorshift). */
static uint32_t rng = 2463534242u;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static int
cmp_i32(const void *a, const void *b)
{
	int32_t		x = *(const int32_t *) a,
				y = *(const int32_t *) b;

	return (x > y) - (x < y);
}

/* A random sorted set of n values from 0..universe-1. */
static int
random_set(int32_t *h, int n, int universe)
{
	int			k = 0;

	for (int i = 0; i < n; i++)
		h[i] = (int32_t) (next_rand() % (uint32_t) universe) - universe / 2;
	qsort(h, n, sizeof(int32_t), cmp_i32);
	for (int i = 0; i < n; i++)
		if (k == 0 || h[i] != h[k - 1])
			h[k++] = h[i];
	return k;
}

/* How many of a[0..na-1] are in b[0..nb-1] (both unsorted, small). */
static int
shared_keys(const int32_t *a, int na, const int32_t *b, int nb)
{
	int			c = 0;

	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (a[i] == b[j])
			{
				c++;
				break;
			}
	return c;
}

static void
test_stats(void)
{
	ArStats    *a = new_stats();
	ArStats    *b = new_stats();
	int32_t		h1[] = {-5, 3, 70000, 123456789};
	int32_t		h2[] = {3, 8};
	bool		never_below = true;

	for (int i = 0; i < 10; i++)
		ArStatsAdd(a, h1, 4);
	ArStatsAdd(b, h2, 2);
	check(ArStatsEstimate(a, 3) >= 10 && ArStatsEstimate(a, -5) >= 10,
		  "sketch: a hash added 10 times is estimated at least 10");
	check(ArStatsEstimate(a, 3) == 10, "sketch: an uncrowded sketch counts exactly");
	ArStatsMerge(a, b);
	check(ArStatsEstimate(a, 3) == 11 && ArStatsEstimate(a, 8) == 1,
		  "sketch: merging adds the counts (3: 11, 8: 1)");
	check(a->fingerprints == 11 && a->shingles == 42, "sketch: merging adds the totals");
	check(ArStatsValid(a, sizeof(ArStats)), "sketch: valid");
	check(!ArStatsValid(a, sizeof(ArStats) - 1), "sketch: a short buffer is not a sketch");
	a->magic ^= 1;
	check(!ArStatsValid(a, sizeof(ArStats)), "sketch: a wrong magic is not a sketch");
	a->magic ^= 1;

	/* crowded: 200,000 random hashes, never an estimate below the truth */
	ArStatsInit(b);
	for (int i = 0; i < 200000; i++)
	{
		int32_t		v = (int32_t) (i % 5000) * 7919;

		ArStatsAdd(b, &v, 1);
	}
	for (int i = 0; i < 5000; i++)
		if (ArStatsEstimate(b, (int32_t) i * 7919) < 40)
			never_below = false;
	check(never_below, "sketch: estimates are never below the true count (5,000 hashes x 40)");

	/* saturating counters */
	ArStatsInit(b);
	for (int i = 0; i < 70000; i++)
		ArStatsAdd(b, h2, 1);
	check(ArStatsEstimate(b, 3) == UINT16_MAX, "sketch: counters saturate at 65535");
	ArStatsMerge(b, b);
	check(ArStatsEstimate(b, 3) == UINT16_MAX, "sketch: merging saturates too");
	free(a);
	free(b);
}

static void
test_prefix_lengths(void)
{
	double		t = ArPrefixShare(0.5);

	check(t < 0.5 && t > 0.4999, "share: just below 0.5 (%.9f)", t);
	check(ArPrefixShare(0.7) < (double) 0.7f, "share: below the float4 of 0.7");
	check(ArPrefixShare(-1) == 0 && ArPrefixShare(2) <= 1, "share: clamped to 0..1");
	check(ArPrefixNeed(0, t) == 0 && ArPrefixLength(0, t) == 0, "prefix: empty fingerprint, no keys");
	check(ArPrefixNeed(1, t) == 1 && ArPrefixLength(1, t) == 1, "prefix: one hash, one key");
	check(ArPrefixNeed(10, t) == 5 && ArPrefixLength(10, t) == 7,
		  "prefix: 10 hashes at 0.5 need 5, prefix 7");
	check(ArPrefixNeed(10, ArPrefixShare(0.7)) == 7 && ArPrefixLength(10, ArPrefixShare(0.7)) == 5,
		  "prefix: 10 hashes at 0.7 need 7, prefix 5");
	check(ArPrefixMinShared(1, t) == 1 && ArPrefixMinShared(10, t) == 2,
		  "prefix: min shared is min(need, 2)");
	check(ArPrefixNeed(10, 0) == 1 && ArPrefixLength(10, 0) == 10,
		  "prefix: threshold 0 (any shared hash) keeps every hash");
	check(ArPrefixNeed(10, 1) == 10 && ArPrefixLength(10, 1) == 2,
		  "prefix: threshold 1 keeps two hashes");
}

static void
test_order(void)
{
	ArStats    *st = new_stats();
	int32_t		common[] = {1, 2};
	int32_t		h[] = {-7, 1, 2, 9, 400};
	int32_t		out[5];
	uint64_t	work[5];

	for (int i = 0; i < 5; i++)
		ArStatsAdd(st, common, 2);
	ArStatsAdd(st, &h[3], 1);
	ArPrefixOrder(h, 5, st, out, work);
	/* -7 and 400 unseen (0), 9 once, 1 and 2 five times */
	check(out[0] == -7 && out[1] == 400 && out[2] == 9 && out[3] == 1 && out[4] == 2,
		  "order: rarest first, ties by hash (%d %d %d %d %d)", out[0], out[1], out[2], out[3], out[4]);
	ArPrefixOrder(h, 5, NULL, out, work);
	check(out[0] == -7 && out[4] == 400, "order: without a sketch, by hash value");
	free(st);
}

/*
 * The guarantee the SQL join relies on, on random sets that overlap a lot:
 * similarity >= t means the index prefix of the smaller set and the probe
 * prefix of the other share at least min_shared keys; containment >= c
 * means the prefix of a has at least min_shared keys in b.
 */
static void
test_prefix_filter(void)
{
	ArStats    *st = new_stats();
	int32_t		a[80],
				b[80],
				oa[80],
				ob[80];
	uint64_t	work[80];
	int			pairs_sim = 0,
				pairs_inside = 0,
				missed = 0;

	/* a sketch with some frequent values */
	for (int i = 0; i < 3000; i++)
	{
		int			n = random_set(a, 1 + (int) (next_rand() % 60), 300);

		ArStatsAdd(st, a, n);
	}
	for (int iter = 0; iter < 200000; iter++)
	{
		int			na = random_set(a, 1 + (int) (next_rand() % 40), 120);
		int			nb = random_set(b, 1 + (int) (next_rand() % 40), 120);

		/* every other pair: b is a with a few hashes dropped and added */
		if (iter % 2 == 0)
		{
			int			drop = (int) (next_rand() % 5);

			nb = 0;
			for (int i = 0; i < na; i++)
				if ((int) (next_rand() % 8) >= drop)
					b[nb++] = a[i];
			for (int add = (int) (next_rand() % 6); add > 0 && nb < 80; add--)
				b[nb++] = (int32_t) (next_rand() % 120) - 60;
			qsort(b, nb, sizeof(int32_t), cmp_i32);
			{
				int			k = 0;

				for (int i = 0; i < nb; i++)
					if (k == 0 || b[i] != b[k - 1])
						b[k++] = b[i];
				nb = k;
			}
			if (nb == 0)
				b[nb++] = a[0];
		}
		int			o = ArIntersectCount(a, na, b, nb);
		double		sim = (double) o / (na + nb - o);
		double		ts[] = {0.3, 0.5, 0.8};

		ArPrefixOrder(a, na, st, oa, work);
		ArPrefixOrder(b, nb, st, ob, work);
		for (int k = 0; k < 3; k++)
		{
			double		t = ArPrefixShare(ts[k]);
			bool		a_small = na < nb || (na == nb && iter % 2 == 0);
			const int32_t *x = a_small ? oa : ob,
					   *y = a_small ? ob : oa;
			int			nx = a_small ? na : nb,
						ny = a_small ? nb : na;

			if ((float) sim >= (float) ts[k] && o > 0)
			{
				pairs_sim++;
				if (shared_keys(x, ArPrefixLength(nx, 2 * t / (1 + t)), y, ArPrefixLength(ny, t)) <
					ArPrefixMinShared(nx, t))
					missed++;
			}
			if ((float) ((double) o / na) >= (float) ts[k] && o > 0)
			{
				pairs_inside++;
				if (shared_keys(oa, ArPrefixLength(na, t), ob, nb) < ArPrefixMinShared(na, t))
					missed++;
			}
		}
	}
	check(pairs_sim > 1000 && pairs_inside > 1000,
		  "prefix filter: enough qualifying pairs tried (%d similar, %d inside)", pairs_sim, pairs_inside);
	check(missed == 0, "prefix filter: no qualifying pair misses its keys (%d missed)", missed);
	free(st);
}

static void
test_groups(void)
{
	const ArEnv *env = ArMallocEnv();
	ArGroups	g = {0};
	bool		ok = true;

	check(ArGroupsAdd(&g, 10, 20, env) == AR_OK, "groups: add a pair");
	ArGroupsAdd(&g, 30, 40, env);
	ArGroupsAdd(&g, 40, 5, env);
	ArGroupsAdd(&g, 20, 40, env);
	ArGroupsAdd(&g, 7, 7, env);
	check(g.n == 6, "groups: six ids (%d)", g.n);
	for (int i = 0; i < g.n; i++)
		if (ArGroupsRoot(&g, i) != (g.id[i] == 7 ? 7 : 5))
			ok = false;
	check(ok, "groups: chains meet in the smallest id; a self-pair is its own group");

	/* 300,000 ids in a long reversed chain, then growth of the table */
	ArGroupsFree(&g, env);
	for (int64_t i = 300000; i >= 1; i--)
		ArGroupsAdd(&g, i, i + 1, env);
	ok = g.n == 300001;
	for (int i = 0; i < g.n && ok; i++)
		ok = ArGroupsRoot(&g, i) == 1;
	check(ok, "groups: a chain of 300,000 pairs is one group of id 1");
	check(ArGroupsBytes(&g) < (size_t) g.n * 40, "groups: under 40 bytes per id (%zu for %d)",
		  ArGroupsBytes(&g), g.n);

	/* extreme ids */
	ArGroupsFree(&g, env);
	ArGroupsAdd(&g, INT64_MAX, INT64_MIN, env);
	check(ArGroupsRoot(&g, 0) == INT64_MIN, "groups: extreme ids");
	ArGroupsFree(&g, env);

	/* a tiny max_size: an error status, not a crash */
	{
		ArEnv		small = *env;

		small.max_size = 100;
		check(ArGroupsAdd(&g, 1, 2, &small) == AR_ERR_TOO_LARGE, "groups: over max_size is an error");
		ArGroupsFree(&g, env);
	}
}

int
main(void)
{
	test_stats();
	test_prefix_lengths();
	test_order();
	test_prefix_filter();
	test_groups();
	return harness_done();
}
