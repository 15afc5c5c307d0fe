/*
 * src/similarity_gin.c
 *
 * GIN support for near-duplicate search on text (operator class
 * gin_arabic_ops): the keys of a text are the int4 hashes of its
 * fingerprint.  A query can only match rows that share enough keys with it:
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

static Datum *
fingerprint_keys(text *t, int32 *nentries)
{
	ArFingerprint fp;
	Datum	   *keys;

	ArFingerprintDatum(t, &fp);
	*nentries = fp.n;
	if (fp.n == 0)
		return NULL;
	keys = palloc(sizeof(Datum) * fp.n);
	for (int i = 0; i < fp.n; i++)
		keys[i] = Int32GetDatum(fp.h[i]);
	return keys;
}

PG_FUNCTION_INFO_V1(gin_arabic_extract_value);
Datum
gin_arabic_extract_value(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);

	PG_RETURN_POINTER(fingerprint_keys(PG_GETARG_TEXT_PP(0), nentries));
}

PG_FUNCTION_INFO_V1(gin_arabic_extract_query);
Datum
gin_arabic_extract_query(PG_FUNCTION_ARGS)
{
	int32	   *nentries = (int32 *) PG_GETARG_POINTER(1);
	StrategyNumber strategy = PG_GETARG_UINT16(2);
	int32	   *searchMode = (int32 *) PG_GETARG_POINTER(6);

	if (strategy != AR_STRATEGY_SIMILAR && strategy != AR_STRATEGY_CONTAINS &&
		strategy != AR_STRATEGY_INSIDE)
		elog(ERROR, "gin_arabic_ops: unrecognized strategy number %d", strategy);
	*searchMode = GIN_SEARCH_MODE_DEFAULT;
	/* no keys: the query has no words and matches nothing */
	PG_RETURN_POINTER(fingerprint_keys(PG_GETARG_TEXT_PP(0), nentries));
}

/* How many of the nkeys query keys a row needs to be a candidate. */
static int32
keys_needed(StrategyNumber strategy, int32 nkeys)
{
	double		t;
	int32		need;

	switch (strategy)
	{
		case AR_STRATEGY_SIMILAR:
			t = ar_similarity_threshold;
			break;
		case AR_STRATEGY_CONTAINS:
			t = ar_containment_threshold;
			break;
		default:
			return 1;
	}
	/* float4 rounding in the operators: stay one key on the safe side */
	need = (int32) floor(t * nkeys - 1e-6);
	return need < 1 ? 1 : need;
}

PG_FUNCTION_INFO_V1(gin_arabic_consistent);
Datum
gin_arabic_consistent(PG_FUNCTION_ARGS)
{
	bool	   *check = (bool *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(5);
	int32		found = 0;

	for (int32 i = 0; i < nkeys; i++)
		if (check[i])
			found++;
	*recheck = true;
	PG_RETURN_BOOL(found >= keys_needed(strategy, nkeys));
}

PG_FUNCTION_INFO_V1(gin_arabic_triconsistent);
Datum
gin_arabic_triconsistent(PG_FUNCTION_ARGS)
{
	GinTernaryValue *check = (GinTernaryValue *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = PG_GETARG_UINT16(1);
	int32		nkeys = PG_GETARG_INT32(3);
	int32		possible = 0;

	for (int32 i = 0; i < nkeys; i++)
		if (check[i] != GIN_FALSE)
			possible++;
	PG_RETURN_GIN_TERNARY_VALUE(possible >= keys_needed(strategy, nkeys) ?
								GIN_MAYBE : GIN_FALSE);
}
