/*
 * src/pg_arabic.c
 *
 * Module entry point and the glue every SQL-facing file uses: _PG_init, the
 * palloc-backed engine environment, the UTF-8 check, profile look-up, error
 * reports, and the version functions arabic_version() and
 * arabic_icu_version().
 */
#include "pg_arabic.h"

#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

PG_MODULE_MAGIC;

#define PG_ARABIC_VERSION "1.1"

void		_PG_init(void);

/*
 * The threshold settings, and for each the value it had as a placeholder
 * when the library loaded if PostgreSQL had to refuse it.
 *
 * A pg_arabic.* value given before the library is loaded (postgresql.conf,
 * ALTER SYSTEM, ALTER DATABASE or ALTER ROLE ... SET in a session that had
 * not loaded it) cannot be checked when it is set.  When the library then
 * loads, PostgreSQL only warns about an invalid one and uses the default;
 * pg_arabic remembers it and every use of the setting is an error until a
 * valid value is SET (or RESET) in the session, so a wrong setting never
 * silently changes results.
 */
typedef struct ArSetting
{
	const char *name;
	double	   *var;
	double		boot;
	const char *desc;
	const char *long_desc;
	char	   *refused;		/* invalid placeholder value, or NULL */
} ArSetting;

static ArSetting settings[2] = {
	{"pg_arabic.similarity_threshold", &ar_similarity_threshold,
		AR_DEFAULT_SIMILARITY_THRESHOLD,
		"Similarity at or above which the ~= operator holds.",
	"Jaccard similarity of word-shingle fingerprints, between 0 and 1.", NULL},
	{"pg_arabic.containment_threshold", &ar_containment_threshold,
		AR_DEFAULT_CONTAINMENT_THRESHOLD,
		"Containment at or above which the <@~ and ~@> operators hold.",
	"Share of the shorter text's word shingles found in the other text, between 0 and 1.", NULL},
};

/*
 * A value was SET or RESET in the session: forget a refused one, and note
 * whether Citus sends it to the workers (src/citus.c).
 */
static void
assign_similarity(double newval, void *extra)
{
	(void) newval;
	(void) extra;
	settings[0].refused = NULL;
	ArCitusSettingAssigned(settings[0].name);
}

static void
assign_containment(double newval, void *extra)
{
	(void) newval;
	(void) extra;
	settings[1].refused = NULL;
	ArCitusSettingAssigned(settings[1].name);
}

void
_PG_init(void)
{
	/* first: it may refuse to load, and nothing must be defined by then */
	ArCitusInit();
	for (int i = 0; i < (int) lengthof(settings); i++)
	{
		ArSetting  *st = &settings[i];
		const char *placeholder = GetConfigOption(st->name, true, false);
		char	   *before = NULL;
		double		v;

		/* a copy: defining the setting frees the placeholder's value */
		if (placeholder != NULL)
			before = MemoryContextStrdup(TopMemoryContext, placeholder);
		DefineCustomRealVariable(st->name, st->desc, st->long_desc, st->var,
								 st->boot, 0.0, 1.0, PGC_USERSET, 0,
								 NULL, i == 0 ? assign_similarity : assign_containment, NULL);
		if (before != NULL &&
			!(parse_real(before, &v, 0, NULL) && v >= 0.0 && v <= 1.0))
			st->refused = before;
		else if (before != NULL)
			pfree(before);
	}
	MarkGUCPrefixReserved("pg_arabic");
}

/*
 * ArSettingValue returns the value of a threshold setting (var is
 * &ar_similarity_threshold or &ar_containment_threshold), or raises an
 * error when PostgreSQL refused the value it was given before the library
 * loaded.
 */
double
ArSettingValue(const double *var)
{
	for (int i = 0; i < (int) lengthof(settings); i++)
		if (settings[i].var == var && settings[i].refused != NULL)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid value for parameter \"%s\": \"%s\"",
							settings[i].name, settings[i].refused),
					 errdetail("The value was set before pg_arabic was loaded (postgresql.conf, ALTER SYSTEM, ALTER DATABASE or ALTER ROLE); it must be a number between 0 and 1."),
					 errhint("Correct it (for example ALTER DATABASE ... RESET %s), or SET %s in this session.",
							 settings[i].name, settings[i].name)));
	return *var;
}

static void *
pg_realloc_fn(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	if (ptr == NULL)
		return MemoryContextAllocHuge(CurrentMemoryContext, size);
	return repalloc_huge(ptr, size);
}

static void
pg_free_fn(void *ctx, void *ptr)
{
	(void) ctx;
	pfree(ptr);
}

static void
pg_check_interrupts(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
}

static const ArEnv pg_env = {
	.realloc_fn = pg_realloc_fn,
	.free_fn = pg_free_fn,
	.check_interrupts = pg_check_interrupts,
	.ctx = NULL,
	/* a text value can hold at most 1 GB including its header */
	.max_size = MaxAllocSize - VARHDRSZ,
};

/*
 * ArPgEnv returns the environment for engine calls: memory comes from
 * CurrentMemoryContext (so an error or a cancel frees it), long loops call
 * CHECK_FOR_INTERRUPTS, and no buffer may outgrow a text value.
 */
const ArEnv *
ArPgEnv(void)
{
	return &pg_env;
}

void
ArRequireUtf8(void)
{
	if (GetDatabaseEncoding() != PG_UTF8)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("pg_arabic requires a UTF8 database, but this database uses %s",
						GetDatabaseEncodingName()),
				 errhint("Create the database with ENCODING 'UTF8' (for example CREATE DATABASE news ENCODING 'UTF8' TEMPLATE template0) and use pg_arabic there.")));
}

const ArProfile *
ArProfileFromText(text *t)
{
	const ArProfile *p = ArProfileLookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (p == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown normalization profile \"%s\"", text_to_cstring(t)),
				 errhint("Valid profiles are: %s. See SELECT * FROM arabic_profiles().",
						 ArProfileNames())));
	return p;
}

void
ArReportStatus(ArStatus status, const char *what)
{
	if (status == AR_ERR_TOO_LARGE)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("%s: result would exceed the maximum text size of 1 GB", what),
				 errhint("Split the value into smaller pieces, for example with arabic_paragraphs() or substr().")));
	if (status == AR_ERR_NOMEM)
		ereport(ERROR,
				(errcode(ERRCODE_OUT_OF_MEMORY),
				 errmsg("%s: out of memory", what)));
	ereport(ERROR,
			(errcode(ERRCODE_INTERNAL_ERROR),
			 errmsg("%s: %s", what, ArStatusMessage(status)),
			 errdetail("ICU version %s.", ArIcuVersion())));
}

text *
ArNormalizeBytes(const char *data, size_t len, uint32 flags)
{
	ArBuf		out = {0};
	ArStatus	rc;
	text	   *result;

	/* reserve the header in front so the result needs no copy */
	rc = ArBufReserve(&out, VARHDRSZ + len, ArPgEnv());
	if (rc == AR_OK)
	{
		out.len = VARHDRSZ;
		rc = ArNormalize(data, len, flags, &out, ArPgEnv());
	}
	if (rc != AR_OK)
		ArReportStatus(rc, "Arabic normalization");
	result = (text *) out.data;
	SET_VARSIZE(result, out.len);
	return result;
}

text *
ArNormalizeText(text *in, uint32 flags)
{
	return ArNormalizeBytes(VARDATA_ANY(in), VARSIZE_ANY_EXHDR(in), flags);
}

PG_FUNCTION_INFO_V1(arabic_version);
Datum
arabic_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(PG_ARABIC_VERSION));
}

PG_FUNCTION_INFO_V1(arabic_icu_version);
Datum
arabic_icu_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(ArIcuVersion()));
}
