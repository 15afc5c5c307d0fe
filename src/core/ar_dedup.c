/*
 * src/core/ar_dedup.c
 *
 * The shingle-frequency sketch, the global prefix order and the union-find
 * of near-duplicates at archive scale.  See ar_dedup.h.
 */
#include "ar_dedup.h"
#include "ar_hash.h"

#include <stdlib.h>
#include <string.h>

/* One seed per sketch row. */
static const uint64_t stats_seed[AR_STATS_DEPTH] = {
	0x9e3779b97f4a7c15ULL, 0xc2b2ae3d27d4eb4fULL
};

static inline size_t
stats_slot(int row, int32_t h)
{
	return (size_t) (ArMix64((uint64_t) (uint32_t) h + stats_seed[row]) >>
					 (64 - AR_STATS_LOG2_WIDTH));
}

void
ArStatsInit(ArStats *st)
{
	memset(st, 0, sizeof(*st));
	st->magic = AR_STATS_MAGIC;
	st->version = AR_STATS_VERSION;
	st->depth = AR_STATS_DEPTH;
	st->log2_width = AR_STATS_LOG2_WIDTH;
}

void
ArStatsAdd(ArStats *st, const int32_t *h, int n)
{
	for (int i = 0; i < n; i++)
		for (int r = 0; r < AR_STATS_DEPTH; r++)
		{
			uint16_t   *c = &st->count[r][stats_slot(r, h[i])];

			if (*c < UINT16_MAX)
				(*c)++;
		}
	st->fingerprints++;
	st->shingles += n;
}

void
ArStatsMerge(ArStats *dst, const ArStats *src)
{
	for (int r = 0; r < AR_STATS_DEPTH; r++)
		for (size_t i = 0; i < AR_STATS_WIDTH; i++)
		{
			unsigned	s = (unsigned) dst->count[r][i] + src->count[r][i];

			dst->count[r][i] = (uint16_t) (s > UINT16_MAX ? UINT16_MAX : s);
		}
	dst->fingerprints += src->fingerprints;
	dst->shingles += src->shingles;
}

bool
ArStatsValid(const void *p, size_t len)
{
	ArStats		hdr;

	if (len != sizeof(ArStats))
		return false;
	memcpy(&hdr, p, offsetof(ArStats, count));
	return hdr.magic == AR_STATS_MAGIC && hdr.version == AR_STATS_VERSION &&
		hdr.depth == AR_STATS_DEPTH && hdr.log2_width == AR_STATS_LOG2_WIDTH &&
		hdr.fingerprints >= 0 && hdr.shingles >= 0;
}

unsigned
ArStatsEstimate(const ArStats *st, int32_t h)
{
	unsigned	m = UINT16_MAX;

	for (int r = 0; r < AR_STATS_DEPTH; r++)
	{
		unsigned	c = st->count[r][stats_slot(r, h)];

		if (c < m)
			m = c;
	}
	return m;
}

double
ArPrefixShare(double threshold)
{
	/*
	 * The operators compare (float4) score >= (float4) threshold: the
	 * float4 threshold may lie below the double one, and a score a few ulps
	 * below it may round up to it.  1e-6 covers both with room to spare.
	 */
	double		t = (double) (float) threshold;

	if (threshold < t)
		t = threshold;
	t *= 1.0 - 1e-6;
	return t < 0 ? 0 : (t > 1 ? 1 : t);
}

int
ArPrefixNeed(int n, double share)
{
	double		x;
	int			need;

	if (n <= 0)
		return 0;
	x = share * (double) n;
	need = (int) x;				/* ceil(x) without libm */
	if ((double) need < x)
		need++;
	return need < 1 ? 1 : (need > n ? n : need);
}

int
ArPrefixLength(int n, double share)
{
	int			len = n - ArPrefixNeed(n, share) + AR_PREFIX_SHARED;

	return len > n ? n : len;
}

int
ArPrefixMinShared(int n, double share)
{
	int			need = ArPrefixNeed(n, share);

	return need < AR_PREFIX_SHARED ? need : AR_PREFIX_SHARED;
}

static int
cmp_uint64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a;
	uint64_t	y = *(const uint64_t *) b;

	return (x > y) - (x < y);
}

void
ArPrefixOrder(const int32_t *h, int n, const ArStats *st, int32_t *out,
			  uint64_t *work)
{
	/* sort key: estimate in the high half, the hash as unsigned below */
	for (int i = 0; i < n; i++)
		work[i] = ((uint64_t) (st ? ArStatsEstimate(st, h[i]) : 0) << 32) |
			((uint32_t) h[i] ^ 0x80000000u);
	qsort(work, (size_t) n, sizeof(uint64_t), cmp_uint64);
	for (int i = 0; i < n; i++)
		out[i] = (int32_t) ((uint32_t) work[i] ^ 0x80000000u);
}

/* ---- groups ---- */

static inline uint32_t
slot_hash(int64_t id)
{
	return (uint32_t) ArMix64((uint64_t) id);
}

/* Grows the id/parent arrays and the table so that one more id fits. */
static ArStatus
groups_grow(ArGroups *g, const ArEnv *env)
{
	size_t		cap = g->cap ? (size_t) g->cap * 2 : 1024;
	size_t		tsize = cap * 2;
	int64_t    *id;
	int32_t    *parent;
	int32_t    *table;

	if (cap > (size_t) INT32_MAX / 4 || tsize * sizeof(int32_t) > env->max_size ||
		cap * sizeof(int64_t) > env->max_size)
		return AR_ERR_TOO_LARGE;
	id = env->realloc_fn(env->ctx, g->id, cap * sizeof(int64_t));
	if (id == NULL)
		return AR_ERR_NOMEM;
	g->id = id;
	parent = env->realloc_fn(env->ctx, g->parent, cap * sizeof(int32_t));
	if (parent == NULL)
		return AR_ERR_NOMEM;
	g->parent = parent;
	table = env->realloc_fn(env->ctx, NULL, tsize * sizeof(int32_t));
	if (table == NULL)
		return AR_ERR_NOMEM;
	memset(table, 0, tsize * sizeof(int32_t));
	for (int i = 0; i < g->n; i++)
	{
		size_t		s = slot_hash(g->id[i]) & (tsize - 1);

		while (table[s] != 0)
			s = (s + 1) & (tsize - 1);
		table[s] = i + 1;
	}
	if (g->table)
		env->free_fn(env->ctx, g->table);
	g->table = table;
	g->cap = (int) cap;
	g->table_size = (int) tsize;
	return AR_OK;
}

/* The slot of id, added when new; -1 when out of memory (*rc says why). */
static int
groups_slot(ArGroups *g, int64_t id, ArStatus *rc, const ArEnv *env)
{
	size_t		s;

	if (g->n == g->cap && (*rc = groups_grow(g, env)) != AR_OK)
		return -1;
	s = slot_hash(id) & ((size_t) g->table_size - 1);
	while (g->table[s] != 0)
	{
		int			i = g->table[s] - 1;

		if (g->id[i] == id)
			return i;
		s = (s + 1) & ((size_t) g->table_size - 1);
	}
	g->id[g->n] = id;
	g->parent[g->n] = g->n;
	g->table[s] = g->n + 1;
	return g->n++;
}

static int
groups_find(ArGroups *g, int i)
{
	while (g->parent[i] != i)
	{
		g->parent[i] = g->parent[g->parent[i]];
		i = g->parent[i];
	}
	return i;
}

ArStatus
ArGroupsAdd(ArGroups *g, int64_t a, int64_t b, const ArEnv *env)
{
	ArStatus	rc = AR_OK;
	int			ia = groups_slot(g, a, &rc, env);
	int			ib;

	if (ia < 0)
		return rc;
	ib = groups_slot(g, b, &rc, env);
	if (ib < 0)
		return rc;
	ia = groups_find(g, ia);
	ib = groups_find(g, ib);
	/* the root with the smaller id stays the root */
	if (ia != ib)
	{
		if (g->id[ia] < g->id[ib])
			g->parent[ib] = ia;
		else
			g->parent[ia] = ib;
	}
	return AR_OK;
}

int64_t
ArGroupsRoot(ArGroups *g, int i)
{
	return g->id[groups_find(g, i)];
}

size_t
ArGroupsBytes(const ArGroups *g)
{
	return (size_t) g->cap * (sizeof(int64_t) + sizeof(int32_t)) +
		(size_t) g->table_size * sizeof(int32_t);
}

void
ArGroupsFree(ArGroups *g, const ArEnv *env)
{
	if (g->id)
		env->free_fn(env->ctx, g->id);
	if (g->parent)
		env->free_fn(env->ctx, g->parent);
	if (g->table)
		env->free_fn(env->ctx, g->table);
	memset(g, 0, sizeof(*g));
}
