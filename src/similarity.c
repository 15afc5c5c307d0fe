/*
 * src/similarity.c
 *
 * Near-duplicate paragraphs: arabic_fingerprint(), arabic_similarity(),
 * arabic_containment() on text and on stored fingerprints, the operators
 * ~= (similar at pg_arabic.similarity_threshold), <~> (distance),
 * <@~ and ~@> (inside / contains at pg_arabic.containment_threshold), and
 * arabic_paragraphs().  Fingerprints of repeated arguments (the constant
 * side of a query) are cached per call site.
 */
#include "pg_arabic.h"

#include "ar_shingle.h"
#include "ar_unicode.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "nodes/primnodes.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

double		ar_similarity_threshold = AR_DEFAULT_SIMILARITY_THRESHOLD;
double		ar_containment_threshold = AR_DEFAULT_CONTAINMENT_THRESHOLD;

double
ArStrategyThreshold(uint16 strategy, const char *opclass)
{
	switch (strategy)
	{
		case AR_STRATEGY_SIMILAR:
			return ArSettingValue(&ar_similarity_threshold);
		case AR_STRATEGY_CONTAINS:
		case AR_STRATEGY_INSIDE:
			return ArSettingValue(&ar_containment_threshold);
		default:
			elog(ERROR, "%s: unrecognized strategy number %d", opclass, strategy);
	}
	return 0.0;					/* keep the compiler quiet */
}

/* Fingerprint of a text in the current memory context. */
void
ArFingerprintDatum(text *t, ArFingerprint *fp)
{
	ArStatus	rc;

	ArRequireUtf8();
	memset(fp, 0, sizeof(*fp));
	rc = ArFingerprintText(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), fp, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "Arabic fingerprint");
}

/* The cache of one argument: its bytes and fingerprint, in fn_mcxt. */
typedef struct FpCacheEntry
{
	bool		valid;
	bool		stable;			/* the argument is a constant (arg_is_const) */
	char	   *bytes;
	size_t		len;
	ArFingerprint fp;
} FpCacheEntry;

typedef struct FpCache
{
	FpCacheEntry arg[2];
} FpCache;

/*
 * Whether argument argno of the call is a constant of the query text: then
 * it is the same on every row of this call site.  Only a Const counts, not
 * get_fn_expr_arg_stable()'s external parameters: PL/pgSQL evaluates a
 * simple expression such as `x := arabic_similarity(a, b)` with one
 * expression state across calls, its variables as parameters that change.
 */
static bool
arg_is_const(FmgrInfo *flinfo, int argno)
{
	Node	   *expr = flinfo->fn_expr;
	List	   *args;

	if (expr == NULL)
		return false;
	if (IsA(expr, FuncExpr))
		args = ((FuncExpr *) expr)->args;
	else if (IsA(expr, OpExpr))
		args = ((OpExpr *) expr)->args;
	else
		return false;
	return argno < list_length(args) && IsA(list_nth(args, argno), Const);
}

/*
 * Varying arguments longer than this are not cached.  Up to it, a copy of
 * the last value (one per argument and call site) is kept, which costs a
 * memcpy per new value and saves the fingerprint (a hundred times the
 * work) whenever the value repeats: the outer side of a nested loop, or a
 * subquery's value, `col <@~ (SELECT body FROM ... WHERE id = 5)`.
 */
#define FP_CACHE_MAX_BYTES (16 * 1024 * 1024)

/*
 * The fingerprint of argument argno (0 or 1), cached per call site in
 * fn_mcxt.  An argument the planner knows stays the same for the whole
 * query (a constant: arg_is_const) is
 * fingerprinted once whatever its size and never compared again, so the
 * constant side of `col ~= '...'` costs once even for a 1 MB document.
 * Other arguments are cached up to FP_CACHE_MAX_BYTES and reused while
 * their bytes repeat.  The fingerprint
 * is computed in the current (per-row) memory context and only the result
 * is copied into the cache; an uncached fingerprint is returned in
 * *scratch and lives in the current context.
 */
static const ArFingerprint *
cached_fingerprint(FunctionCallInfo fcinfo, int argno, ArFingerprint *scratch)
{
	FpCache    *cache = (FpCache *) fcinfo->flinfo->fn_extra;
	FpCacheEntry *e;
	text	   *t;
	const char *data;
	size_t		len;
	bool		stable;

	if (cache == NULL)
		cache = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(FpCache));
	e = &cache->arg[argno];
	if (e->valid && e->stable)
		return &e->fp;			/* before detoasting it again */
	t = PG_GETARG_TEXT_PP(argno);
	data = VARDATA_ANY(t);
	len = VARSIZE_ANY_EXHDR(t);
	if (e->valid && e->len == len && memcmp(e->bytes, data, len) == 0)
		return &e->fp;

	stable = arg_is_const(fcinfo->flinfo, argno);
	ArFingerprintDatum(t, scratch);
	if (len > FP_CACHE_MAX_BYTES && !stable)
		return scratch;

	if (e->valid)
	{
		pfree(e->bytes);
		if (e->fp.h)
			pfree(e->fp.h);
		e->valid = false;
	}
	/* a stable argument is never compared again: keep no copy of it */
	e->stable = stable;
	e->bytes = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, stable ? 1 : len + 1);
	if (!stable)
		memcpy(e->bytes, data, len);
	e->len = len;
	e->fp.n = e->fp.cap = scratch->n;
	e->fp.h = NULL;
	if (scratch->n > 0)
	{
		e->fp.h = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt,
									 sizeof(int32) * scratch->n);
		memcpy(e->fp.h, scratch->h, sizeof(int32) * scratch->n);
	}
	e->valid = true;
	return &e->fp;
}

static ArrayType *
fingerprint_array(const ArFingerprint *fp)
{
	Datum	   *d = palloc(sizeof(Datum) * (fp->n > 0 ? fp->n : 1));

	for (int i = 0; i < fp->n; i++)
		d[i] = Int32GetDatum(fp->h[i]);
	return construct_array(d, fp->n, INT4OID, sizeof(int32), true, TYPALIGN_INT);
}

/*
 * The elements of a fingerprint array, sorted and unique: a pointer into
 * the array itself when it already is (what arabic_fingerprint() returns,
 * so comparing stored fingerprints copies nothing), else a sorted copy in
 * the current memory context.  Errors on NULL elements or two dimensions.
 */
const int32 *
ArFingerprintArray(ArrayType *a, int *n)
{
	int32	   *h;
	const int32 *data;
	int			count;
	bool		sorted = true;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("a fingerprint must be a one-dimensional int4 array"),
				 errhint("Compute it with arabic_fingerprint(text).")));
	if (array_contains_nulls(a))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("a fingerprint must not contain NULL elements"),
				 errhint("Compute it with arabic_fingerprint(text).")));
	count = ArrayGetNItems(ARR_NDIM(a), ARR_DIMS(a));
	data = (const int32 *) ARR_DATA_PTR(a);
	for (int i = 1; i < count && sorted; i++)
		sorted = data[i - 1] < data[i];
	*n = count;
	if (sorted)
		return data;
	h = palloc(sizeof(int32) * count);
	memcpy(h, data, sizeof(int32) * count);
	*n = ArSortUnique(h, count);
	return h;
}

PG_FUNCTION_INFO_V1(arabic_fingerprint);
Datum
arabic_fingerprint(PG_FUNCTION_ARGS)
{
	ArFingerprint fp;

	ArFingerprintDatum(PG_GETARG_TEXT_PP(0), &fp);
	PG_RETURN_ARRAYTYPE_P(fingerprint_array(&fp));
}

static double
text_similarity(FunctionCallInfo fcinfo)
{
	ArFingerprint sa,
				sb;
	const ArFingerprint *a = cached_fingerprint(fcinfo, 0, &sa);
	const ArFingerprint *b = cached_fingerprint(fcinfo, 1, &sb);

	return ArSimilarity(a->h, a->n, b->h, b->n);
}

static double
text_containment(FunctionCallInfo fcinfo, int inner, int outer)
{
	ArFingerprint sa,
				sb;
	const ArFingerprint *a = cached_fingerprint(fcinfo, inner, &sa);
	const ArFingerprint *b = cached_fingerprint(fcinfo, outer, &sb);

	return ArContainment(a->h, a->n, b->h, b->n);
}

PG_FUNCTION_INFO_V1(arabic_similarity);
Datum
arabic_similarity(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4((float4) text_similarity(fcinfo));
}

PG_FUNCTION_INFO_V1(arabic_containment);
Datum
arabic_containment(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4((float4) text_containment(fcinfo, 0, 1));
}

/* A score of two stored fingerprints (arguments 0 and 1). */
static float4
fingerprint_score(FunctionCallInfo fcinfo,
				  double (*score) (const int32_t *, int, const int32_t *, int))
{
	int			na,
				nb;
	const int32 *a = ArFingerprintArray(PG_GETARG_ARRAYTYPE_P(0), &na);
	const int32 *b = ArFingerprintArray(PG_GETARG_ARRAYTYPE_P(1), &nb);

	return (float4) score(a, na, b, nb);
}

PG_FUNCTION_INFO_V1(arabic_similarity_fp);
Datum
arabic_similarity_fp(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(fingerprint_score(fcinfo, ArSimilarity));
}

PG_FUNCTION_INFO_V1(arabic_containment_fp);
Datum
arabic_containment_fp(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(fingerprint_score(fcinfo, ArContainment));
}

/*
 * The one rounding rule of the operators: the score is rounded to real
 * (float4), exactly as the functions return it, and compared with the
 * setting (a double) the way PostgreSQL compares real with double
 * precision.  So `a ~= b` is exactly `arabic_similarity(a, b) >= 0.5`
 * written in SQL (where 0.5 is the setting), and likewise for
 * containment; a score whose real rounds below the setting (7/10 is
 * 0.699999988 as a real) does not pass 0.7.  A score of 0 never matches,
 * whatever the threshold: texts that share no shingle are not
 * near-duplicates (and an index could not find them).
 */
static bool
passes(double score, double threshold)
{
	float4		s = (float4) score;

	return s > 0 && (double) s >= threshold;
}

PG_FUNCTION_INFO_V1(arabic_similar_op);
Datum
arabic_similar_op(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(passes(text_similarity(fcinfo), ArStrategyThreshold(AR_STRATEGY_SIMILAR, "~=")));
}

PG_FUNCTION_INFO_V1(arabic_distance);
Datum
arabic_distance(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT4(1.0f - (float4) text_similarity(fcinfo));
}

/* a <@~ b: a stands inside b */
PG_FUNCTION_INFO_V1(arabic_inside_op);
Datum
arabic_inside_op(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(passes(text_containment(fcinfo, 0, 1), ArStrategyThreshold(AR_STRATEGY_INSIDE, "<@~")));
}

/* a ~@> b: a contains b */
PG_FUNCTION_INFO_V1(arabic_contains_op);
Datum
arabic_contains_op(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(passes(text_containment(fcinfo, 1, 0), ArStrategyThreshold(AR_STRATEGY_CONTAINS, "~@>")));
}

/* Bullet markers that start a new paragraph wherever they stand. */
static bool
is_bullet(uint32 c)
{
	return c == 0x2022 || c == 0x25CF || c == 0x25AA || c == 0x25A0 ||
		c == 0x25E6 || c == 0x2023 || c == 0x2043 || c == 0x25BA ||
		c == 0x25B6 || c == 0x27A2 || c == 0x2219;
}

/*
 * arabic_paragraphs(doc text) RETURNS TABLE(n int, paragraph text)
 *
 * Splits at line breaks (LF, CR, CR LF, NEL, U+2028, U+2029) and bullet
 * markers (• ● ▪ ■ ◦ ‣ ⁃ ► ▶ ➢ ∙), trims white space and invisible
 * controls at both ends of each piece, drops empty pieces and numbers the
 * rest from 1.  The paragraphs are returned as written otherwise.
 */
PG_FUNCTION_INFO_V1(arabic_paragraphs);
Datum
arabic_paragraphs(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	const unsigned char *s = (const unsigned char *) VARDATA_ANY(doc);
	size_t		len = VARSIZE_ANY_EXHDR(doc);
	size_t		i = 0;
	size_t		start = 0;
	int32		n = 0;

	ArRequireUtf8();
	InitMaterializedSRF(fcinfo, 0);
	while (start <= len)
	{
		size_t		end = start;
		size_t		next;
		size_t		a,
					b;

		/* find the end of this piece */
		i = start;
		for (;;)
		{
			int			w;
			uint32		c;

			if (i >= len)
			{
				end = next = len + 1;
				break;
			}
			c = ArUtf8Decode(s + i, len - i, &w);
			if (ArIsLineBreak(c) || is_bullet(c))
			{
				end = i;
				next = i + w;
				break;
			}
			i += w;
			if ((i & 0xFFFF) < (size_t) w)
				CHECK_FOR_INTERRUPTS();
		}
		if (end > len)
			end = len;
		/* trim */
		a = start;
		b = end;
		while (a < b)
		{
			int			w;
			uint32		c = ArUtf8Decode(s + a, b - a, &w);

			if (!(ArIsSpace(c) || ArIsIgnorable(c)))
				break;
			a += w;
		}
		while (b > a)
		{
			size_t		k = b - 1;
			int			w;
			uint32		c;

			while (k > a && (s[k] & 0xC0) == 0x80)
				k--;
			c = ArUtf8Decode(s + k, b - k, &w);
			if (!(ArIsSpace(c) || ArIsIgnorable(c)))
				break;
			b = k;
		}
		if (b > a)
		{
			Datum		values[2];
			bool		nulls[2] = {false, false};

			values[0] = Int32GetDatum(++n);
			values[1] = PointerGetDatum(cstring_to_text_with_len((const char *) s + a, (int) (b - a)));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
		start = next;
	}
	return (Datum) 0;
}

static int
cmp_int64(const void *a, const void *b)
{
	int64		x = *(const int64 *) a;
	int64		y = *(const int64 *) b;

	return (x > y) - (x < y);
}

static int
uf_find(int *parent, int i)
{
	while (parent[i] != i)
	{
		parent[i] = parent[parent[i]];
		i = parent[i];
	}
	return i;
}

static int64 *
int8_array_values(ArrayType *a, int *n, const char *argname)
{
	Datum	   *d;
	bool	   *nulls;
	int64	   *v;

	if (ARR_NDIM(a) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("argument %s must be a one-dimensional array", argname)));
	deconstruct_array(a, INT8OID, sizeof(int64), FLOAT8PASSBYVAL, TYPALIGN_DOUBLE,
					  &d, &nulls, n);
	v = palloc(sizeof(int64) * (*n > 0 ? *n : 1));
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("argument %s contains a NULL at position %d", argname, i + 1),
					 errhint("Filter out pairs with a NULL id before aggregating them.")));
		v[i] = DatumGetInt64(d[i]);
	}
	return v;
}

/*
 * arabic_duplicate_groups(a bigint[], b bigint[])
 *     RETURNS TABLE(id bigint, group_id bigint)
 *
 * The connected components of the graph whose edges are the pairs
 * (a[i], b[i]): each id that appears in a pair, with the smallest id of its
 * component as group_id (the group's representative).  Union-find with path
 * halving after sorting the ids: O(n log n) for n pairs.
 */
PG_FUNCTION_INFO_V1(arabic_duplicate_groups);
Datum
arabic_duplicate_groups(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			na,
				nb,
				nids;
	int64	   *a = int8_array_values(PG_GETARG_ARRAYTYPE_P(0), &na, "a");
	int64	   *b = int8_array_values(PG_GETARG_ARRAYTYPE_P(1), &nb, "b");
	int64	   *ids;
	int		   *parent;

	if (na != nb)
		ereport(ERROR,
				(errcode(ERRCODE_ARRAY_SUBSCRIPT_ERROR),
				 errmsg("arrays a and b must have the same length, not %d and %d", na, nb),
				 errhint("Pass the two columns of one set of pairs, e.g. array_agg(a ORDER BY a, b) and array_agg(b ORDER BY a, b).")));
	InitMaterializedSRF(fcinfo, 0);
	if (na == 0)
		return (Datum) 0;
	if ((Size) na * 2 > MaxAllocSize / sizeof(int64))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("too many pairs: %d", na)));
	ids = palloc(sizeof(int64) * na * 2);
	memcpy(ids, a, sizeof(int64) * na);
	memcpy(ids + na, b, sizeof(int64) * na);
	qsort(ids, na * 2, sizeof(int64), cmp_int64);
	nids = 0;
	for (int i = 0; i < na * 2; i++)
		if (i == 0 || ids[i] != ids[nids - 1])
			ids[nids++] = ids[i];
	parent = palloc(sizeof(int) * nids);
	for (int i = 0; i < nids; i++)
		parent[i] = i;
	for (int i = 0; i < na; i++)
	{
		int64	   *pa = bsearch(&a[i], ids, nids, sizeof(int64), cmp_int64);
		int64	   *pb = bsearch(&b[i], ids, nids, sizeof(int64), cmp_int64);
		int			ra = uf_find(parent, (int) (pa - ids));
		int			rb = uf_find(parent, (int) (pb - ids));

		/* the smaller index (= smaller id) becomes the root */
		if (ra < rb)
			parent[rb] = ra;
		else if (rb < ra)
			parent[ra] = rb;
		if ((i & 0xFFFF) == 0)
			CHECK_FOR_INTERRUPTS();
	}
	for (int i = 0; i < nids; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int64GetDatum(ids[i]);
		values[1] = Int64GetDatum(ids[uf_find(parent, i)]);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
