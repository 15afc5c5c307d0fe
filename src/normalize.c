/*
 * src/normalize.c
 *
 * SQL functions of the normalization family: arabic_normalize() with its
 * profiles, one function per fold step, arabic_profiles(), and
 * arabic_tokens(), the tokenizer the other capabilities build on.
 */
#include "pg_arabic.h"

#include "ar_tokenize.h"
#include "catalog/pg_type.h"
#include "fmgr.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"

/* arabic_normalize(input text, profile text DEFAULT 'search') */
PG_FUNCTION_INFO_V1(arabic_normalize);
Datum
arabic_normalize(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const ArProfile *p;

	ArRequireUtf8();
	p = ArProfileFromText(PG_GETARG_TEXT_PP(1));
	PG_RETURN_TEXT_P(ArNormalizeText(in, p->flags));
}

/* One SQL function per fold: each applies exactly the flags named. */
#define AR_STEP_FUNCTION(name, flags) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	ArRequireUtf8(); \
	PG_RETURN_TEXT_P(ArNormalizeText(PG_GETARG_TEXT_PP(0), (flags))); \
}

AR_STEP_FUNCTION(arabic_normalize_unicode, AR_STEP_UNICODE)
AR_STEP_FUNCTION(arabic_strip_diacritics, AR_F_DIACRITICS)
AR_STEP_FUNCTION(arabic_strip_tatweel, AR_F_TATWEEL)
AR_STEP_FUNCTION(arabic_normalize_alef, AR_F_ALEF)
AR_STEP_FUNCTION(arabic_normalize_yeh, AR_F_YEH)
AR_STEP_FUNCTION(arabic_normalize_teh_marbuta, AR_F_TEH_MARBUTA)
AR_STEP_FUNCTION(arabic_normalize_hamza, AR_F_HAMZA)
AR_STEP_FUNCTION(arabic_normalize_farsi, AR_F_FARSI)
AR_STEP_FUNCTION(arabic_normalize_digits, AR_F_DIGITS)
AR_STEP_FUNCTION(arabic_normalize_punctuation, AR_F_PUNCT)

/* arabic_profiles() RETURNS TABLE(profile text, description text) */
PG_FUNCTION_INFO_V1(arabic_profiles);
Datum
arabic_profiles(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int			n;
	const ArProfile *p = ArProfiles(&n);

	InitMaterializedSRF(fcinfo, 0);
	for (int i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};

		values[0] = CStringGetTextDatum(p[i].name);
		values[1] = CStringGetTextDatum(p[i].description);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

typedef struct TokenCollector
{
	ArrayBuildState *astate;
} TokenCollector;

static void
add_token(TokenCollector *tc, const char *s, size_t len, bool clitic)
{
	text	   *t = (text *) palloc(VARHDRSZ + len + 1);

	memcpy(VARDATA(t), s, len);
	if (clitic)
		VARDATA(t)[len++] = '+';
	SET_VARSIZE(t, VARHDRSZ + len);
	tc->astate = accumArrayResult(tc->astate, PointerGetDatum(t), false,
								  TEXTOID, CurrentMemoryContext);
}

/* Emits the proclitics, the article and the stem of one word. */
static ArStatus
collect_word(void *arg, const char *text, size_t start, size_t len)
{
	TokenCollector *tc = (TokenCollector *) arg;
	const char *w = text + start;
	ArWordSeg	seg;
	size_t		from = 0;

	ArSegmentWord(w, len, &seg);
	for (int i = 0; i < seg.nclitics; i++)
	{
		add_token(tc, w + from, seg.clitic_end[i] - from, true);
		from = seg.clitic_end[i];
	}
	if (seg.article)
	{
		if (seg.article_contracted)
			add_token(tc, "\xD8\xA7\xD9\x84", 4, true); /* ال */
		else
			add_token(tc, w + seg.article_start, seg.stem_start - seg.article_start, true);
	}
	add_token(tc, w + seg.stem_start, len - seg.stem_start, false);
	return AR_OK;
}

/*
 * arabic_tokens(input text, profile text DEFAULT 'search') RETURNS text[]
 *
 * Normalizes input under the profile and returns its words, each proclitic
 * and article as its own element marked with a trailing '+' (وبالمدينة:
 * {و+,ب+,ال+,مدينه}).  Segmentation looks at the letters before the alef
 * fold, so أل and إل are never taken for the article; the alef fold is
 * then applied to every element.
 */
PG_FUNCTION_INFO_V1(arabic_tokens);
Datum
arabic_tokens(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const ArProfile *p;
	uint32		flags;
	text	   *norm;
	TokenCollector tc = {NULL};
	ArStatus	rc;

	ArRequireUtf8();
	p = ArProfileFromText(PG_GETARG_TEXT_PP(1));
	flags = p->flags;
	norm = ArNormalizeText(in, flags & ~AR_F_ALEF);
	rc = ArTokenize(VARDATA_ANY(norm), VARSIZE_ANY_EXHDR(norm), collect_word,
					&tc, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "Arabic tokenization");
	if (tc.astate == NULL)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));
	if (flags & AR_F_ALEF)
	{
		for (int i = 0; i < tc.astate->nelems; i++)
		{
			text	   *t = DatumGetTextPP(tc.astate->dvalues[i]);

			tc.astate->dvalues[i] = PointerGetDatum(ArNormalizeText(t, AR_F_ALEF));
		}
	}
	PG_RETURN_DATUM(makeArrayResult(tc.astate, CurrentMemoryContext));
}
