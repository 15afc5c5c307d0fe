/*
 * src/similarity_gist.c
 *
 * GiST support for near-duplicate search on text (operator class
 * gist_arabic_ops, storage type arabic_gist_key).  A leaf key holds the
 * fingerprint of the indexed text (sorted unique int32 hashes, see
 * ar_shingle.h), or a signature of it when the fingerprint is long; an inner
 * key holds a signature: a fixed bitmap in which every hash below it sets
 * bit (hash mod AR_SIGBITS).  Every key also records the smallest and the
 * largest fingerprint size below it.
 *
 * For a query Q and any row R below a key, counting the hashes of Q whose
 * bit is set gives an upper bound u on |Q ∩ R| (exact on an array leaf).
 * With r = |R| in [minn, maxn] and I <= min(u, |Q|, r):
 *   ~=  Jaccard I / (|Q| + r - I)  is at most  c / (|Q| + r - c) for r >= c
 *       and r / |Q| for r <= c, where c = min(u, |Q|): so the bound is taken
 *       at r = c clamped into [minn, maxn];
 *   ~@> (row contains query) I / |Q|  is at most  min(c, maxn) / |Q|;
 *   <@~ (row inside query)   I / r    is at most  min(c, minn) / minn;
 *   <~> distance 1 - Jaccard is at least 1 - (the ~= bound).
 * A key is followed when its bound reaches the threshold (minus a margin
 * for the float4 rounding of the operators); the operators recheck every
 * candidate.  The distance on an array leaf is exact.
 */
#include "pg_arabic.h"

#include "access/gist.h"
#include "access/stratnum.h"
#include "ar_shingle.h"
#include "fmgr.h"
#include "miscadmin.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

/*
 * Signature length: 4096 bits (512 bytes), fixed.  News paragraphs have
 * about 40 shingles at the median and 145 at the 90th percentile, so a
 * leaf page (about 25 array keys) sums up some 1,500-2,000 hashes.  In
 * 4096 bits that sets about 35% of the bits, so a query of q hashes finds
 * about 0.35 q of its bits set in an unrelated leaf page: below the
 * 0.5 q (~=) and 0.7 q (~@>) that a match needs, so the downlinks to leaf
 * pages prune.  1024 or 2048 bits would be 60-85% full there and prune
 * little; 8192 bits would halve the fan-out of inner pages (7 keys) for
 * no gain.  Measured on 20,000 news paragraphs, 20 queries: 2048 bits
 * read 4 times the index pages of 4096 for ~= and took twice as long;
 * 8192 bits read 30% more pages than 4096, with a 12% larger index.
 * Higher levels saturate whatever the length: the pruning happens at the
 * level just above the leaves.
 */
#define AR_SIGBITS		4096
#define AR_SIGBYTES		(AR_SIGBITS / 8)
#define AR_SIGWORDS		(AR_SIGBYTES / sizeof(uint64))
#define AR_HASHBIT(h)	((uint32) (h) & (AR_SIGBITS - 1))

/*
 * A leaf keeps the exact array up to 1024 hashes (4 KiB; over 99% of news
 * paragraphs), so that leaves give exact scores and exact distances and
 * the long texts, whose recheck is the most expensive, are rechecked only
 * when their signature passes; longer fingerprints are stored as a
 * signature (with their size), which keeps every leaf tuple well below
 * the page size.  (With 512 instead, KNN over 20,000 news paragraphs
 * took 1.7 times as long, for rechecking the long ones.)
 */
#define AR_LEAF_MAX_HASHES	1024

/* Margin for the float4 rounding of the operators' scores. */
#define AR_BOUND_EPS	1e-6

#define AR_KEY_SIGN		0x0001	/* data is a signature, not an array */

typedef struct ArGistKey
{
	int32		vl_len_;		/* varlena header */
	uint16		flags;
	uint16		unused;
	int32		minn;			/* smallest fingerprint size below */
	int32		maxn;			/* largest fingerprint size below */
	char		data[FLEXIBLE_ARRAY_MEMBER];	/* int32[] or AR_SIGBYTES bits */
} ArGistKey;

#define AR_KEY_HDRSZ	offsetof(ArGistKey, data)
#define KEY_IS_SIGN(k)	(((k)->flags & AR_KEY_SIGN) != 0)
#define KEY_ARR(k)		((int32 *) (k)->data)
#define KEY_NARR(k)		((int) ((VARSIZE(k) - AR_KEY_HDRSZ) / sizeof(int32)))
#define KEY_SIGN(k)		((uint64 *) (k)->data)

#define DatumGetArGistKey(d)	((ArGistKey *) DatumGetPointer(d))

/* Sets the bit of every hash of h[0..n-1] in sig. */
static void
sign_hashes(uint64 *sig, const int32 *h, int n)
{
	for (int i = 0; i < n; i++)
	{
		uint32		b = AR_HASHBIT(h[i]);

		sig[b / 64] |= UINT64CONST(1) << (b % 64);
	}
}

/* ORs the bits of key k (array or signature) into sig. */
static void
sign_key(uint64 *sig, const ArGistKey *k)
{
	if (KEY_IS_SIGN(k))
	{
		const uint64 *s = KEY_SIGN(k);

		for (int i = 0; i < (int) AR_SIGWORDS; i++)
			sig[i] |= s[i];
	}
	else
		sign_hashes(sig, KEY_ARR(k), KEY_NARR(k));
}

/* A new zeroed signature key in the current memory context. */
static ArGistKey *
new_sign_key(int32 minn, int32 maxn)
{
	ArGistKey  *k = palloc0(AR_KEY_HDRSZ + AR_SIGBYTES);

	SET_VARSIZE(k, AR_KEY_HDRSZ + AR_SIGBYTES);
	k->flags = AR_KEY_SIGN;
	k->minn = minn;
	k->maxn = maxn;
	return k;
}

/* The leaf key of a fingerprint (array or signature), palloc'd. */
static ArGistKey *
leaf_key(const int32 *h, int n)
{
	ArGistKey  *k;

	if (n > AR_LEAF_MAX_HASHES)
	{
		k = new_sign_key(n, n);
		sign_hashes(KEY_SIGN(k), h, n);
		return k;
	}
	k = palloc0(AR_KEY_HDRSZ + sizeof(int32) * n);
	SET_VARSIZE(k, AR_KEY_HDRSZ + sizeof(int32) * n);
	k->minn = k->maxn = n;
	if (n > 0)
		memcpy(KEY_ARR(k), h, sizeof(int32) * n);
	return k;
}

static int
hamming(const uint64 *a, const uint64 *b)
{
	int			d = 0;

	for (int i = 0; i < (int) AR_SIGWORDS; i++)
		d += pg_popcount64(a[i] ^ b[i]);
	return d;
}

/*
 * The query side: its fingerprint and the bit of each hash, cached in
 * fn_extra (fn_mcxt) for as long as the query bytes stay the same.
 */
typedef struct QueryCache
{
	char	   *bytes;
	size_t		len;
	int			n;
	int32	   *h;
	uint16	   *bit;
} QueryCache;

static QueryCache *
query_cache(FunctionCallInfo fcinfo, text *query)
{
	const char *data = VARDATA_ANY(query);
	size_t		len = VARSIZE_ANY_EXHDR(query);
	QueryCache *qc = (QueryCache *) fcinfo->flinfo->fn_extra;
	MemoryContext old;
	ArFingerprint fp;

	if (qc != NULL && qc->len == len && memcmp(qc->bytes, data, len) == 0)
		return qc;

	old = MemoryContextSwitchTo(fcinfo->flinfo->fn_mcxt);
	if (qc == NULL)
		qc = fcinfo->flinfo->fn_extra = palloc0(sizeof(QueryCache));
	else
	{
		pfree(qc->bytes);
		if (qc->h)
			pfree(qc->h);
		pfree(qc->bit);
	}
	ArFingerprintDatum(query, &fp);
	qc->bytes = palloc(len + 1);
	memcpy(qc->bytes, data, len);
	qc->len = len;
	qc->n = fp.n;
	qc->h = fp.h;
	qc->bit = palloc(sizeof(uint16) * (fp.n > 0 ? fp.n : 1));
	for (int i = 0; i < fp.n; i++)
		qc->bit[i] = (uint16) AR_HASHBIT(fp.h[i]);
	MemoryContextSwitchTo(old);
	return qc;
}

/* Upper bound on |Q ∩ R| for every R below key k; exact on an array. */
static int
common_upper(const QueryCache *qc, const ArGistKey *k)
{
	const uint64 *s;
	int			c = 0;

	if (!KEY_IS_SIGN(k))
		return ArIntersectCount(qc->h, qc->n, KEY_ARR(k), KEY_NARR(k));
	s = KEY_SIGN(k);
	for (int i = 0; i < qc->n; i++)
		if (s[qc->bit[i] / 64] & (UINT64CONST(1) << (qc->bit[i] % 64)))
			c++;
	return c;
}

/*
 * Upper bound on the score of strategy for any row below k, given u, an
 * upper bound on |Q ∩ R|.  Rows without shingles score 0.
 */
static double
score_upper(StrategyNumber strategy, int q, int u, const ArGistKey *k)
{
	int			minn = Max(k->minn, 1);
	int			maxn = k->maxn;
	int			c = Min(u, q);

	if (q == 0 || maxn == 0 || c == 0)
		return 0.0;
	switch (strategy)
	{
		case AR_STRATEGY_SIMILAR:
		case AR_STRATEGY_DISTANCE:
			{
				int			r = Min(Max(c, minn), maxn);

				return r <= c ? (double) r / q : (double) c / (q + r - c);
			}
		case AR_STRATEGY_CONTAINS:
			return (double) Min(c, maxn) / q;
		case AR_STRATEGY_INSIDE:
			return (double) Min(c, minn) / minn;
		default:
			elog(ERROR, "gist_arabic_ops: unrecognized strategy number %d", strategy);
	}
	return 0.0;					/* keep the compiler quiet */
}

PG_FUNCTION_INFO_V1(arabic_gist_key_in);
Datum
arabic_gist_key_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("arabic_gist_key is internal"),
			 errdetail("Values of this type exist only inside gist_arabic_ops indexes.")));
	PG_RETURN_VOID();
}

/* Prints "array n=N", or "signature n=MIN..MAX bits=B". */
PG_FUNCTION_INFO_V1(arabic_gist_key_out);
Datum
arabic_gist_key_out(PG_FUNCTION_ARGS)
{
	ArGistKey  *k = DatumGetArGistKey(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)));

	if (!KEY_IS_SIGN(k))
		PG_RETURN_CSTRING(psprintf("array n=%d", KEY_NARR(k)));
	PG_RETURN_CSTRING(psprintf("signature n=%d..%d bits=%d", k->minn, k->maxn,
							   (int) pg_popcount((const char *) KEY_SIGN(k), AR_SIGBYTES)));
}

/* Leaf entries (text) become fingerprint keys; inner keys pass through. */
PG_FUNCTION_INFO_V1(gist_arabic_compress);
Datum
gist_arabic_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *ret;
	ArFingerprint fp;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	ArFingerprintDatum(DatumGetTextPP(entry->key), &fp);
	ret = palloc(sizeof(GISTENTRY));
	gistentryinit(*ret, PointerGetDatum(leaf_key(fp.h, fp.n)),
				  entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(ret);
}

PG_FUNCTION_INFO_V1(gist_arabic_decompress);
Datum
gist_arabic_decompress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	struct varlena *key = PG_DETOAST_DATUM(entry->key);
	GISTENTRY  *ret;

	if (key == (struct varlena *) DatumGetPointer(entry->key))
		PG_RETURN_POINTER(entry);
	ret = palloc(sizeof(GISTENTRY));
	gistentryinit(*ret, PointerGetDatum(key), entry->rel, entry->page,
				  entry->offset, false);
	PG_RETURN_POINTER(ret);
}

PG_FUNCTION_INFO_V1(gist_arabic_consistent);
Datum
gist_arabic_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	text	   *query = PG_GETARG_TEXT_PP(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	ArGistKey  *key = DatumGetArGistKey(entry->key);
	double		t = ArStrategyThreshold(strategy, "gist_arabic_ops");
	QueryCache *qc = query_cache(fcinfo, query);
	double		bound;

	*recheck = true;
	bound = score_upper(strategy, qc->n, common_upper(qc, key), key);
	/* the operators never match a score of 0 */
	PG_RETURN_BOOL(bound > 0 && bound >= t - AR_BOUND_EPS);
}

/*
 * Distance: exact (as arabic_distance() computes it) on an array leaf,
 * otherwise a lower bound with *recheck set.
 */
PG_FUNCTION_INFO_V1(gist_arabic_distance);
Datum
gist_arabic_distance(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	text	   *query = PG_GETARG_TEXT_PP(1);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	ArGistKey  *key = DatumGetArGistKey(entry->key);
	QueryCache *qc;
	double		d;

	if (strategy != AR_STRATEGY_DISTANCE)
		elog(ERROR, "gist_arabic_ops: unrecognized strategy number %d", strategy);
	qc = query_cache(fcinfo, query);
	if (GIST_LEAF(entry) && !KEY_IS_SIGN(key))
	{
		*recheck = false;
		PG_RETURN_FLOAT8((double) (1.0f - (float4) ArSimilarity(qc->h, qc->n,
																 KEY_ARR(key), KEY_NARR(key))));
	}
	if (GIST_LEAF(entry))
		*recheck = true;
	d = 1.0 - score_upper(AR_STRATEGY_DISTANCE, qc->n, common_upper(qc, key), key)
		- AR_BOUND_EPS;
	PG_RETURN_FLOAT8(d > 0 ? d : 0.0);
}

/* The signature of all entries, with the range of their sizes. */
PG_FUNCTION_INFO_V1(gist_arabic_union);
Datum
gist_arabic_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *size = (int *) PG_GETARG_POINTER(1);
	ArGistKey  *u = new_sign_key(PG_INT32_MAX, 0);

	for (int i = 0; i < entryvec->n; i++)
	{
		ArGistKey  *k = DatumGetArGistKey(entryvec->vector[i].key);

		sign_key(KEY_SIGN(u), k);
		u->minn = Min(u->minn, k->minn);
		u->maxn = Max(u->maxn, k->maxn);
	}
	if (entryvec->n == 0)
		u->minn = 0;
	*size = VARSIZE(u);
	PG_RETURN_POINTER(u);
}

PG_FUNCTION_INFO_V1(gist_arabic_same);
Datum
gist_arabic_same(PG_FUNCTION_ARGS)
{
	ArGistKey  *a = DatumGetArGistKey(PG_GETARG_DATUM(0));
	ArGistKey  *b = DatumGetArGistKey(PG_GETARG_DATUM(1));
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = VARSIZE(a) == VARSIZE(b) && a->flags == b->flags &&
		a->minn == b->minn && a->maxn == b->maxn &&
		memcmp(a->data, b->data, VARSIZE(a) - AR_KEY_HDRSZ) == 0;
	PG_RETURN_POINTER(result);
}

/*
 * Penalty of adding new below orig: the Hamming distance of their
 * signatures, which prefers subtrees that share the new key's bits and
 * are not saturated.
 */
PG_FUNCTION_INFO_V1(gist_arabic_penalty);
Datum
gist_arabic_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *origentry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *newentry = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *penalty = (float *) PG_GETARG_POINTER(2);
	ArGistKey  *orig = DatumGetArGistKey(origentry->key);
	ArGistKey  *new = DatumGetArGistKey(newentry->key);
	uint64		so[AR_SIGWORDS];
	uint64		sn[AR_SIGWORDS];

	memset(so, 0, sizeof(so));
	memset(sn, 0, sizeof(sn));
	sign_key(so, orig);
	sign_key(sn, new);
	*penalty = (float) hamming(so, sn);
	PG_RETURN_POINTER(penalty);
}

/* One entry during picksplit: its signature and its distance gap. */
typedef struct SplitItem
{
	OffsetNumber off;
	int			gap;			/* |d(seed left) - d(seed right)| */
} SplitItem;

static int
cmp_gap_desc(const void *a, const void *b)
{
	int			x = ((const SplitItem *) a)->gap;
	int			y = ((const SplitItem *) b)->gap;

	return (x < y) - (x > y);
}

/*
 * Guttman's quadratic split on signatures: the two entries furthest apart
 * (Hamming distance) seed the two sides; the others, those with the most
 * marked preference first, go to the side whose union is nearer, unless
 * that side already holds three quarters of the entries.
 */
PG_FUNCTION_INFO_V1(gist_arabic_picksplit);
Datum
gist_arabic_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff - FirstOffsetNumber + 1;
	int			limit = Max((3 * n) / 4, 1);
	uint64	   *sigs;
	SplitItem  *items;
	int			nitems = 0;
	OffsetNumber seed_l = FirstOffsetNumber,
				seed_r = FirstOffsetNumber + 1;
	int			worst = -1;
	ArGistKey  *ul,
			   *ur;

#define SIG_OF(off)	(sigs + (Size) ((off) - FirstOffsetNumber) * AR_SIGWORDS)
#define KEY_OF(off)	DatumGetArGistKey(entryvec->vector[(off)].key)

	sigs = palloc0((Size) n * AR_SIGBYTES);
	for (OffsetNumber i = FirstOffsetNumber; i <= maxoff; i++)
		sign_key(SIG_OF(i), KEY_OF(i));

	for (OffsetNumber i = FirstOffsetNumber; i < maxoff; i++)
	{
		CHECK_FOR_INTERRUPTS();
		for (OffsetNumber j = i + 1; j <= maxoff; j++)
		{
			int			d = hamming(SIG_OF(i), SIG_OF(j));

			if (d > worst)
			{
				worst = d;
				seed_l = i;
				seed_r = j;
			}
		}
	}

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;

	ul = new_sign_key(KEY_OF(seed_l)->minn, KEY_OF(seed_l)->maxn);
	ur = new_sign_key(KEY_OF(seed_r)->minn, KEY_OF(seed_r)->maxn);
	sign_key(KEY_SIGN(ul), KEY_OF(seed_l));
	sign_key(KEY_SIGN(ur), KEY_OF(seed_r));
	v->spl_left[v->spl_nleft++] = seed_l;
	v->spl_right[v->spl_nright++] = seed_r;

	items = palloc(sizeof(SplitItem) * n);
	for (OffsetNumber i = FirstOffsetNumber; i <= maxoff; i++)
	{
		if (i == seed_l || i == seed_r)
			continue;
		items[nitems].off = i;
		items[nitems].gap = abs(hamming(SIG_OF(i), KEY_SIGN(ul)) -
								hamming(SIG_OF(i), KEY_SIGN(ur)));
		nitems++;
	}
	qsort(items, nitems, sizeof(SplitItem), cmp_gap_desc);

	for (int i = 0; i < nitems; i++)
	{
		OffsetNumber off = items[i].off;
		ArGistKey  *k = KEY_OF(off);
		int			dl,
					dr;
		bool		left;

		CHECK_FOR_INTERRUPTS();
		dl = hamming(SIG_OF(off), KEY_SIGN(ul));
		dr = hamming(SIG_OF(off), KEY_SIGN(ur));
		if (v->spl_nleft >= limit)
			left = false;
		else if (v->spl_nright >= limit)
			left = true;
		else if (dl != dr)
			left = dl < dr;
		else
			left = v->spl_nleft <= v->spl_nright;

		if (left)
		{
			v->spl_left[v->spl_nleft++] = off;
			sign_key(KEY_SIGN(ul), k);
			ul->minn = Min(ul->minn, k->minn);
			ul->maxn = Max(ul->maxn, k->maxn);
		}
		else
		{
			v->spl_right[v->spl_nright++] = off;
			sign_key(KEY_SIGN(ur), k);
			ur->minn = Min(ur->minn, k->minn);
			ur->maxn = Max(ur->maxn, k->maxn);
		}
	}
#undef SIG_OF
#undef KEY_OF

	v->spl_ldatum = PointerGetDatum(ul);
	v->spl_rdatum = PointerGetDatum(ur);
	PG_RETURN_POINTER(v);
}
