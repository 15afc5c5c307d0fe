/*
 * src/core/ar_dedup.h
 *
 * Near-duplicates at archive scale: the pieces of an all-pairs join that
 * does not look up row by row.  Prefix filtering: order every fingerprint
 * by one global order (rarest shingle first), keep the first
 * |x| - ceil(t * |x|) + 1 hashes, and two fingerprints whose overlap
 * reaches t * |x| share a hash of their prefixes.  The order comes from a
 * shingle-frequency sketch (a fixed-size count-min sketch, mergeable, so
 * it can be summed over parallel workers or Citus shards); whatever the
 * sketch says, the order is the same for every row, so the filter stays
 * exact and only its speed depends on the sketch.  Also a union-find over
 * 64-bit ids that turns pairs into groups as they arrive.
 */
#ifndef AR_DEDUP_H
#define AR_DEDUP_H

#include "ar_env.h"

/* ---- shingle-frequency sketch ---- */

#define AR_STATS_DEPTH		2
#define AR_STATS_LOG2_WIDTH 20
#define AR_STATS_WIDTH		((size_t) 1 << AR_STATS_LOG2_WIDTH)
#define AR_STATS_MAGIC		0x53534441u /* "ADSS" little-endian */
#define AR_STATS_VERSION	1

/*
 * The sketch as it is stored (and serialized byte for byte): a header and
 * AR_STATS_DEPTH rows of AR_STATS_WIDTH saturating 16-bit counters.  The
 * estimated number of fingerprints holding hash h is the smallest of its
 * counters (never below the true count, up to 65535).
 */
typedef struct ArStats
{
	uint32_t	magic;
	uint32_t	version;
	uint32_t	depth;
	uint32_t	log2_width;
	int64_t		fingerprints;	/* fingerprints added */
	int64_t		shingles;		/* hashes added */
	uint16_t	count[AR_STATS_DEPTH][AR_STATS_WIDTH];
} ArStats;

/* Empties a sketch (writes the header). */
extern void ArStatsInit(ArStats *st);

/* Adds one fingerprint (sorted, duplicate-free hashes). */
extern void ArStatsAdd(ArStats *st, const int32_t *h, int n);

/* Adds the counts of src into dst (both valid). */
extern void ArStatsMerge(ArStats *dst, const ArStats *src);

/* true when the bytes [p, p+len) are a sketch of this layout. */
extern bool ArStatsValid(const void *p, size_t len);

/* The estimated number of fingerprints holding h. */
extern unsigned ArStatsEstimate(const ArStats *st, int32_t h);

/* ---- prefixes ---- */

/*
 * The share of a fingerprint's hashes two near-duplicates must share for a
 * score to reach threshold, lowered by a hair so that a float4 score that
 * rounds up to the threshold is never missed.
 */
extern double ArPrefixShare(double threshold);

/*
 * Prefixes are one hash longer than the classic |x| - ceil(share |x|) + 1,
 * so that two fingerprints that reach the threshold share at least
 * AR_PREFIX_SHARED prefix hashes (or all their common hashes when fewer
 * are required): counting shared keys then removes most chance candidates
 * before any score is computed.
 */
#define AR_PREFIX_SHARED 2

/*
 * The number of hashes a partner must share with a fingerprint of n
 * hashes: ceil(share * n), at least 1 (a score of 0 never matches), at
 * most n; 0 when n is 0.
 */
extern int	ArPrefixNeed(int n, double share);

/* The prefix length: n - ArPrefixNeed(n, share) + AR_PREFIX_SHARED, at most n. */
extern int	ArPrefixLength(int n, double share);

/* How many prefix hashes two partners share at least: min(need, AR_PREFIX_SHARED). */
extern int	ArPrefixMinShared(int n, double share);

/*
 * Writes to out[0..n-1] the hashes h[0..n-1] in the global order: smallest
 * estimated frequency first, ties by hash value.  st may be NULL (order by
 * hash value alone).  out must not alias h.  work must hold n elements of
 * scratch space (uint64_t).
 */
extern void ArPrefixOrder(const int32_t *h, int n, const ArStats *st,
						  int32_t *out, uint64_t *work);

/* ---- groups: union-find over 64-bit ids ---- */

typedef struct ArGroups
{
	int64_t    *id;				/* id of each slot, in order of arrival */
	int32_t    *parent;			/* union-find parent slot */
	int32_t    *table;			/* open addressing: slot + 1, 0 = empty */
	int			n;				/* ids seen */
	int			cap;			/* room in id and parent */
	int			table_size;		/* a power of two, at least 2 * cap */
} ArGroups;

/* Adds the pair (a, b): both ids, in one group. */
extern ArStatus ArGroupsAdd(ArGroups *g, int64_t a, int64_t b, const ArEnv *env);

/* The group of slot i: the smallest id of its component. */
extern int64_t ArGroupsRoot(ArGroups *g, int i);

/* Bytes held by g (for memory reports). */
extern size_t ArGroupsBytes(const ArGroups *g);

extern void ArGroupsFree(ArGroups *g, const ArEnv *env);

#endif							/* AR_DEDUP_H */
