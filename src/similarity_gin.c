/*
 * src/similarity_gin.c
 *
 * GIN support for near-duplicate search on text (operator class
 * gin_arabic_ops): the keys of a text are the int4 hashes of its
 * fingerprint, reduced to AR_GIN_KEY_BITS bits (see below).  A query can
 * only match rows that share enough hashes with it:
 *   ~=  (Jaccard >= t):        |Q ∩ R| >= t |Q ∪ R| >= t |Q|
 *   ~@> (row contains query):  |Q ∩ R| >= t |Q|
 *   <@~ (row inside query):    |Q ∩ R| >= 1 (|R| is not known here)
 * so consistent() counts the query keys present and every candidate is
 * rechecked with the operator itself.
 */
#include "pg_arabic.h"

#include "access/gin.h"
#include "access/stratnum.h"
#include "ar_shingle.h"
#include "fmgr.h"
#include "utils/builtins.h"

#include <math.h>

/*
 * GIN keys are the fingerprint hashes reduced to AR_GIN_KEY_BITS bits.
 * Full 32-bit hashes are nearly all distinct, so every key would carry a
 * posting list of one row and the index would outgrow the table (34 MB for
 * an 11 MB table of 20,000 news paragraphs).  With 2^12 keys the posting
 * lists are long and compress well: on 100,000 paragraphs 16 bits give
 * 28 MB, 14 bits 22 MB, 12 bits 17 MB and 10 bits 12 MB, against 53 MB for
 * gin_trgm_ops.  A row must still share about threshold x |Q| keys with a
 * query to be a candidate, which chance collisions do not provide unless
 * the query is only a few words long (then up to a few percent of rows are
 * rechecked); 10 bits would make long merged paragraphs candidates for
 * everything.  keys_needed() accounts for the hashes a reduction merges.
 */
#ifndef AR_GIN_KEY_BITS
#define AR_GIN_KEY_BITS 12
#endif
#define AR_GIN_KEY_MASK ((1u << AR_GIN_KEY_BITS) - 1)

static int
cmp_datum_int32(const void *a, const void *b)
{
	int32		x = DatumGetInt32(*(const Datum *) a);
	int32		y = DatumGetInt32(*(const Datum *) b);

	return (x > y) - (x < y);
}

/*
 * The keys of a text; *nhashes receives the size of its fingerprint before
 * the reduction.
 */
static Datum *
fingerprint_keys(text *t, int32 *nentries, int32 *nhashes)
{
	ArFingerprint fp;
	Datum	   *keys;
	int			n = 0;

	ArFingerprintDatum(t, &fp);
	*nhashes = fp.n;
	*nentries = 0;
	if (fp.n == 0)
		return NULL;
	keys = palloc(sizeof(Datum) * fp.n);
	for (int i = 0; i < fp.n; i++)
		keys[i] = Int32GetDatum((int32) ((uint32) fp.h[i] & AR_GIN_KEY_MASK));
	qsort(keys, fp.n, sizeof(Datum), cmp_datum_int32);
	for (int i = 0; i < fp.n; i++)
		if (n == 0 || DatumGetInt32(keys[i]) != DatumGetInt32(keys[n - 1]))
			keys[n++] = keys[i];
	*nentries = n;
	return keys;
}

PG_FUNCTION_INFO_V1(gin_arabic_extract_value);
Datum
gin_arabic_extract_value(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	int32		nhashes;

	PG_RETURN_POINTER(fingerprint_keys(PG_GETARG_TEXT_PP(0), nentries, &nhashes));
}

PG_FUNCTION_INFO_V1(gin_arabic_extract_query);
Datum
gin_arabic_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	Pointer   **extra_data = (Pointer **) PG_GETARG_POINTER(4);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);
	int32	   *nhashes = palloc(sizeof(int32));
	Datum	   *keys;

	if (strategy != AR_STRATEGY_SIMILAR && strategy != AR_STRATEGY_CONTAINS &&
		strategy != AR_STRATEGY_INSIDE)
		elog(ERROR, "gin_arabic_ops: unrecognized strategy number %d", strategy);
	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	/* no keys: the query has no words and matches nothing */
	keys = fingerprint_keys(PG_GETARG_TEXT_PP(0), nentries, nhashes);
	/* every key carries the query's fingerprint size for consistent() */
	if (*nentries > 0)
	{
		*extra_data = palloc(sizeof(Pointer) * *nentries);
		for (int32 i = 0; i < *nentries; i++)
			(*extra_data)[i] = (Pointer) nhashes;
	}
	PG_RETURN_POINTER(keys);
}

/*
 * How many of the nkeys query keys a row needs to be a candidate, for a
 * query whose fingerprint had nhashes hashes.  A row sharing s hashes with
 * the query shares at least s - (nhashes - nkeys) keys: the reduction can
 * only merge that many of them.
 */
static int32
keys_needed(StrategyNumber strategy, int32 nkeys, int32 nhashes)
{
	double		t;
	int32		need;

	/* <@~: the row's size is unknown here, one shared key is all we know */
	if (strategy == AR_STRATEGY_INSIDE)
		return 1;
	t = ArStrategyThreshold(strategy, "gin_arabic_ops");
	/* float4 rounding in the operators: stay one hash on the safe side */
	need = (int32) floor(t * nhashes - 1e-6) - (nhashes - nkeys);
	return need < 1 ? 1 : need;
}

static int32
query_hashes(Pointer *extra_data, int32 nkeys)
{
	return (extra_data && nkeys > 0) ? *(int32 *) extra_data[0] : nkeys;
}

PG_FUNCTION_INFO_V1(gin_arabic_consistent);
Datum
gin_arabic_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	int32		found = 0;

	for (int32 i = 0; i < nkeys; i++)
		if (check[i])
			found++;
	*recheck = true;
	PG_RETURN_BOOL(found >= keys_needed(strategy, nkeys, query_hashes(extra_data, nkeys)));
}

PG_FUNCTION_INFO_V1(gin_arabic_triconsistent);
Datum
gin_arabic_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	Pointer    *extra_data = (Pointer *) PG_GETARG_POINTER(4);
	int32		possible = 0;

	for (int32 i = 0; i < nkeys; i++)
		if (check[i] != GIN_FALSE)
			possible++;
	PG_RETURN_GIN_TERNARY_VALUE(possible >= keys_needed(strategy, nkeys,
														query_hashes(extra_data, nkeys)) ?
								GIN_MAYBE : GIN_FALSE);
}
