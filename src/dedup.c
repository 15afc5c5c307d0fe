/*
 * src/dedup.c
 *
 * Near-duplicates at archive scale, as SQL building blocks that run as
 * ordinary joins and aggregates (and so in parallel, and pushed down on
 * Citus): the aggregate arabic_shingle_stats() (a fixed-size sketch of how
 * many fingerprints hold each shingle), arabic_similarity_keys() and
 * arabic_containment_keys() (the prefix-filter keys of one fingerprint in
 * the sketch's global order: rows that share no key cannot reach the
 * threshold), and the aggregate arabic_groups_agg() (pairs to groups as
 * they arrive, union-find).  The engine is src/core/ar_dedup.c.
 */
#include "pg_arabic.h"

#include <math.h>

#include "ar_dedup.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/typcache.h"

/* ---- arabic_shingle_stats(fingerprint int4[]) ---- */

static ArStats *
stats_state(FunctionCallInfo fcinfo, const char *fn)
{
	MemoryContext aggcontext;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s called in non-aggregate context", fn);
	if (PG_ARGISNULL(0))
	{
		ArStats    *st = MemoryContextAllocHuge(aggcontext, sizeof(ArStats));

		ArStatsInit(st);
		return st;
	}
	return (ArStats *) PG_GETARG_POINTER(0);
}

/* transition: adds one fingerprint; NULL fingerprints are skipped */
PG_FUNCTION_INFO_V1(arabic_shingle_stats_add);
Datum
arabic_shingle_stats_add(PG_FUNCTION_ARGS)
{
	ArStats    *st = stats_state(fcinfo, "arabic_shingle_stats_add");

	if (!PG_ARGISNULL(1))
	{
		int			n;
		const int32 *h = ArFingerprintArray(PG_GETARG_ARRAYTYPE_P(1), &n);

		ArStatsAdd(st, h, n);
	}
	PG_RETURN_POINTER(st);
}

/* combine: adds the second sketch into the first (parallel workers, shards) */
PG_FUNCTION_INFO_V1(arabic_shingle_stats_combine);
Datum
arabic_shingle_stats_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	ArStats    *st;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "arabic_shingle_stats_combine called in non-aggregate context");
	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();	/* no rows on either side */
		PG_RETURN_POINTER(PG_GETARG_POINTER(0));
	}
	if (PG_ARGISNULL(0))
	{
		st = MemoryContextAllocHuge(aggcontext, sizeof(ArStats));
		memcpy(st, PG_GETARG_POINTER(1), sizeof(ArStats));
		PG_RETURN_POINTER(st);
	}
	st = (ArStats *) PG_GETARG_POINTER(0);
	ArStatsMerge(st, (ArStats *) PG_GETARG_POINTER(1));
	PG_RETURN_POINTER(st);
}

/* final and serial function: the sketch as bytea, byte for byte */
PG_FUNCTION_INFO_V1(arabic_shingle_stats_serialize);
Datum
arabic_shingle_stats_serialize(PG_FUNCTION_ARGS)
{
	ArStats    *st = (ArStats *) PG_GETARG_POINTER(0);
	bytea	   *out = palloc(VARHDRSZ + sizeof(ArStats));

	SET_VARSIZE(out, VARHDRSZ + sizeof(ArStats));
	memcpy(VARDATA(out), st, sizeof(ArStats));
	PG_RETURN_BYTEA_P(out);
}

static void
check_stats_bytes(const void *p, size_t len)
{
	if (!ArStatsValid(p, len))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("argument stats is not a shingle sketch of this pg_arabic version (%zu bytes)", len),
				 errhint("Compute it with arabic_shingle_stats(fingerprint) over the same fingerprints.")));
}

PG_FUNCTION_INFO_V1(arabic_shingle_stats_deserialize);
Datum
arabic_shingle_stats_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext aggcontext;
	ArStats    *st;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "arabic_shingle_stats_deserialize called in non-aggregate context");
	check_stats_bytes(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	st = MemoryContextAllocHuge(aggcontext, sizeof(ArStats));
	memcpy(st, VARDATA_ANY(b), sizeof(ArStats));
	PG_RETURN_POINTER(st);
}

/* ---- the keys of one fingerprint ---- */

/*
 * The sketch of argument 1, parsed once per call site.  A statement passes
 * one sketch for every row (the prefix filter needs one global order), so
 * the last one is kept in fn_mcxt and recognized without reading its 4 MB
 * again: a TOAST pointer by its bytes (it names the stored value), an
 * in-memory value by its address, its size and its header (the counts of
 * fingerprints and shingles it summed).
 */
typedef struct StatsCache
{
	const void *raw;			/* the argument's address */
	char		toast[32];		/* a TOAST pointer's bytes */
	Size		toast_len;
	ArStats    *st;
} StatsCache;

static const ArStats *
cached_stats(FunctionCallInfo fcinfo, int argno)
{
	struct varlena *raw = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(argno));
	StatsCache *c = (StatsCache *) fcinfo->flinfo->fn_extra;
	bytea	   *b;

	if (c == NULL)
		c = fcinfo->flinfo->fn_extra =
			MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(StatsCache));
	if (c->st != NULL)
	{
		if (VARATT_IS_EXTERNAL(raw))
		{
			if (c->toast_len == VARSIZE_EXTERNAL(raw) &&
				memcmp(c->toast, raw, c->toast_len) == 0)
				return c->st;
		}
		else if (c->toast_len == 0 && c->raw == raw &&
				 VARSIZE_ANY_EXHDR(raw) == sizeof(ArStats) &&
				 memcmp(VARDATA_ANY(raw), c->st, offsetof(ArStats, count)) == 0)
			return c->st;
	}

	b = PG_GETARG_BYTEA_PP(argno);
	check_stats_bytes(VARDATA_ANY(b), VARSIZE_ANY_EXHDR(b));
	if (c->st == NULL)
		c->st = MemoryContextAllocHuge(fcinfo->flinfo->fn_mcxt, sizeof(ArStats));
	memcpy(c->st, VARDATA_ANY(b), sizeof(ArStats));
	c->raw = raw;
	c->toast_len = 0;
	if (VARATT_IS_EXTERNAL(raw) && VARSIZE_EXTERNAL(raw) <= sizeof(c->toast))
	{
		c->toast_len = VARSIZE_EXTERNAL(raw);
		memcpy(c->toast, raw, c->toast_len);
	}
	else if (VARATT_IS_EXTERNAL(raw))
		c->raw = NULL;			/* never matches: parsed again next row */
	return c->st;
}

static double
threshold_arg(FunctionCallInfo fcinfo, int argno)
{
	float4		t = PG_GETARG_FLOAT4(argno);

	if (isnan(t) || t < 0 || t > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("threshold must be between 0 and 1, not %g", (double) t),
				 errhint("Pass the threshold the pairs are checked with, e.g. 0.5 for similarity, 0.7 for containment.")));
	return (double) t;
}

/*
 * The hashes of the fingerprint of argument 0 in the global order of the
 * sketch of argument 1 (palloc'd); *n gets their number.
 */
static int32 *
ordered_fingerprint(FunctionCallInfo fcinfo, int *n)
{
	const int32 *h = ArFingerprintArray(PG_GETARG_ARRAYTYPE_P(0), n);
	const ArStats *st = cached_stats(fcinfo, 1);
	int32	   *out = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(int32) * (*n > 0 ? *n : 1));
	uint64	   *work = MemoryContextAllocHuge(CurrentMemoryContext, sizeof(uint64) * (*n > 0 ? *n : 1));

	ArPrefixOrder(h, *n, st, out, (uint64_t *) work);
	pfree(work);
	return out;
}

/*
 * arabic_similarity_keys(fingerprint int4[], stats bytea, threshold real)
 *     RETURNS TABLE(key int4, indexed bool, min_shared int4)
 *
 * The probe prefix of the fingerprint in the sketch's order (ArPrefixLength
 * at share t), each key flagged indexed when it is also in the shorter index
 * prefix (share 2t/(1+t)).  Two fingerprints x, y with (|x|, id) <
 * (|y|, id) and similarity >= t have at least min_shared of x's indexed
 * keys among y's keys (AllPairs' bound: their overlap is at least
 * 2t/(1+t)|x| and at least t|y|, and both prefixes begin with the same
 * common hashes).
 */
PG_FUNCTION_INFO_V1(arabic_similarity_keys);
Datum
arabic_similarity_keys(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	double		t = ArPrefixShare(threshold_arg(fcinfo, 2));
	int			n;
	int32	   *h = ordered_fingerprint(fcinfo, &n);
	int			probe = ArPrefixLength(n, t);
	int			indexed = ArPrefixLength(n, 2 * t / (1 + t));
	int			min_shared = ArPrefixMinShared(n, t);

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < probe; i++)
	{
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = Int32GetDatum(h[i]);
		values[1] = BoolGetDatum(i < indexed);
		values[2] = Int32GetDatum(min_shared);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 0x3FFF) == 0x3FFF)
			CHECK_FOR_INTERRUPTS();
	}
	return (Datum) 0;
}

/*
 * arabic_containment_keys(fingerprint int4[], stats bytea, threshold real)
 *     RETURNS TABLE(key int4, min_shared int4)
 *
 * The prefix of the fingerprint a in the sketch's order (ArPrefixLength at
 * share c): a stands inside b at containment >= c only if at least
 * min_shared of these keys are hashes of b.
 */
PG_FUNCTION_INFO_V1(arabic_containment_keys);
Datum
arabic_containment_keys(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	double		c = ArPrefixShare(threshold_arg(fcinfo, 2));
	int			n;
	int32	   *h = ordered_fingerprint(fcinfo, &n);
	int			len = ArPrefixLength(n, c);
	int			min_shared = ArPrefixMinShared(n, c);

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < len; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = Int32GetDatum(h[i]);
		values[1] = Int32GetDatum(min_shared);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		if ((i & 0x3FFF) == 0x3FFF)
			CHECK_FOR_INTERRUPTS();
	}
	return (Datum) 0;
}

/* ---- arabic_groups_agg(a bigint, b bigint) ---- */

/* An engine environment allocating in the aggregate's context. */
typedef struct GroupsState
{
	ArEnv		env;
	ArGroups	g;
} GroupsState;

static void *
agg_realloc(void *ctx, void *ptr, size_t size)
{
	if (ptr == NULL)
		return MemoryContextAllocHuge((MemoryContext) ctx, size);
	return repalloc_huge(ptr, size);
}

static void
agg_free(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

static GroupsState *
groups_new(MemoryContext cxt)
{
	GroupsState *s = MemoryContextAllocZero(cxt, sizeof(GroupsState));

	s->env = *ArPgEnv();
	s->env.realloc_fn = agg_realloc;
	s->env.free_fn = agg_free;
	s->env.ctx = cxt;
	s->env.max_size = MaxAllocHugeSize;
	return s;
}

static void
groups_add(GroupsState *s, int64 a, int64 b)
{
	ArStatus	rc = ArGroupsAdd(&s->g, a, b, &s->env);

	if (rc == AR_ERR_TOO_LARGE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("arabic_groups_agg: too many ids (%d) in one group set", s->g.n),
				 errhint("Group the pairs of one part of the table at a time.")));
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_groups_agg");
}

static GroupsState *
groups_state(FunctionCallInfo fcinfo, const char *fn, MemoryContext *cxt)
{
	if (!AggCheckCallContext(fcinfo, cxt))
		elog(ERROR, "%s called in non-aggregate context", fn);
	return PG_ARGISNULL(0) ? NULL : (GroupsState *) PG_GETARG_POINTER(0);
}

/* transition: one pair; a pair with a NULL id is skipped */
PG_FUNCTION_INFO_V1(arabic_groups_add);
Datum
arabic_groups_add(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	GroupsState *s = groups_state(fcinfo, "arabic_groups_add", &cxt);

	if (s == NULL)
		s = groups_new(cxt);
	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
		groups_add(s, PG_GETARG_INT64(1), PG_GETARG_INT64(2));
	PG_RETURN_POINTER(s);
}

/* combine: every id of the second state joins its group in the first */
PG_FUNCTION_INFO_V1(arabic_groups_combine);
Datum
arabic_groups_combine(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	GroupsState *s = groups_state(fcinfo, "arabic_groups_combine", &cxt);
	GroupsState *o = PG_ARGISNULL(1) ? NULL : (GroupsState *) PG_GETARG_POINTER(1);

	if (o == NULL)
	{
		if (s == NULL)
			PG_RETURN_NULL();	/* no pairs on either side */
		PG_RETURN_POINTER(s);
	}
	if (s == NULL)
		s = groups_new(cxt);
	for (int i = 0; i < o->g.n; i++)
	{
		groups_add(s, o->g.id[i], ArGroupsRoot(&o->g, i));
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	PG_RETURN_POINTER(s);
}

/* serial: (id, group) pairs as int8 values */
PG_FUNCTION_INFO_V1(arabic_groups_serialize);
Datum
arabic_groups_serialize(PG_FUNCTION_ARGS)
{
	GroupsState *s = (GroupsState *) PG_GETARG_POINTER(0);
	Size		len = (Size) s->g.n * 2 * sizeof(int64);
	bytea	   *out;
	int64	   *v;

	if (len > MaxAllocSize - VARHDRSZ)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("arabic_groups_agg: too many ids (%d) to pass between workers", s->g.n),
				 errhint("Group the pairs of one part of the table at a time, or set max_parallel_workers_per_gather = 0.")));
	out = palloc(VARHDRSZ + len);
	SET_VARSIZE(out, VARHDRSZ + len);
	v = (int64 *) VARDATA(out);
	for (int i = 0; i < s->g.n; i++)
	{
		v[2 * i] = s->g.id[i];
		v[2 * i + 1] = ArGroupsRoot(&s->g, i);
	}
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(arabic_groups_deserialize);
Datum
arabic_groups_deserialize(PG_FUNCTION_ARGS)
{
	bytea	   *b = PG_GETARG_BYTEA_PP(0);
	MemoryContext cxt;
	GroupsState *s;
	Size		len = VARSIZE_ANY_EXHDR(b);
	int64		pair[2];

	if (!AggCheckCallContext(fcinfo, &cxt))
		elog(ERROR, "arabic_groups_deserialize called in non-aggregate context");
	if (len % (2 * sizeof(int64)) != 0)
		elog(ERROR, "arabic_groups_deserialize: %zu bytes is not a list of pairs", len);
	s = groups_new(cxt);
	for (Size off = 0; off < len; off += sizeof(pair))
	{
		memcpy(pair, VARDATA_ANY(b) + off, sizeof(pair));
		groups_add(s, pair[0], pair[1]);
	}
	PG_RETURN_POINTER(s);
}

static int
cmp_member(const void *a, const void *b)
{
	int64		x = ((const int64 *) a)[0];
	int64		y = ((const int64 *) b)[0];

	return (x > y) - (x < y);
}

/*
 * final: an arabic_group_member[] of every id seen, with the smallest id of
 * its group, sorted by id; NULL when no pair was seen
 */
PG_FUNCTION_INFO_V1(arabic_groups_final);
Datum
arabic_groups_final(PG_FUNCTION_ARGS)
{
	MemoryContext cxt;
	GroupsState *s = groups_state(fcinfo, "arabic_groups_final", &cxt);
	Oid			rowtype;
	TupleDesc	desc;
	int64	   *m;
	Datum	   *elems;
	int16		typlen;
	bool		typbyval;
	char		typalign;
	Oid			member_oid;

	if (s == NULL || s->g.n == 0)
		PG_RETURN_NULL();
	if ((Size) s->g.n * 64 > MaxAllocSize)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("arabic_groups_agg: %d ids do not fit in one array", s->g.n),
				 errhint("Group the pairs of one part of the table at a time.")));
	rowtype = get_fn_expr_rettype(fcinfo->flinfo);
	member_oid = get_element_type(rowtype);
	if (!OidIsValid(member_oid))
		elog(ERROR, "arabic_groups_final: the result type is not an array");
	desc = lookup_rowtype_tupdesc_copy(member_oid, -1);
	desc = BlessTupleDesc(desc);

	m = palloc(sizeof(int64) * 2 * s->g.n);
	for (int i = 0; i < s->g.n; i++)
	{
		m[2 * i] = s->g.id[i];
		m[2 * i + 1] = ArGroupsRoot(&s->g, i);
	}
	qsort(m, s->g.n, 2 * sizeof(int64), cmp_member);
	elems = palloc(sizeof(Datum) * s->g.n);
	for (int i = 0; i < s->g.n; i++)
	{
		Datum		values[2] = {Int64GetDatum(m[2 * i]), Int64GetDatum(m[2 * i + 1])};
		bool		nulls[2] = {false, false};

		elems[i] = HeapTupleGetDatum(heap_form_tuple(desc, values, nulls));
		if ((i & 0xFFFF) == 0xFFFF)
			CHECK_FOR_INTERRUPTS();
	}
	get_typlenbyvalalign(member_oid, &typlen, &typbyval, &typalign);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, s->g.n, member_oid, typlen, typbyval, typalign));
}
