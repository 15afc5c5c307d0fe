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
#include "utils/memutils.h"
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

/*
 * The token array under construction, in its final form: an ArrayType
 * header (filled in at the end) followed by the elements, each a text
 * with a 4-byte header, padded to 4 bytes as array storage wants.  Growing
 * one buffer (repalloc_huge) instead of collecting a Datum, a palloc'd
 * text and an array copy per token keeps the peak near the array's size.
 */
typedef struct TokenArray
{
	ArBuf		buf;
	int			n;
	bool		fold_alef;
	size_t		consumed;		/* input bytes done, for the error detail */
} TokenArray;

#define TOKEN_ARRAY_HEADER ARR_OVERHEAD_NONULLS(1)

static void
token_array_too_large(TokenArray *ta, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
			 errmsg("arabic_tokens: the array of tokens would exceed %s", why),
			 errdetail("%d tokens from the first %zu bytes of the input.",
					   ta->n, ta->consumed),
			 errhint("Split the text, for example with arabic_paragraphs(), and call arabic_tokens() on each part.")));
}

static void
add_token(TokenArray *ta, const char *s, size_t len, bool clitic)
{
	size_t		elen = VARHDRSZ + len + (clitic ? 1 : 0);
	size_t		padded = INTALIGN(elen);
	ArStatus	rc;
	char	   *p;

	if (ta->n >= (int) MaxArraySize)
		token_array_too_large(ta, psprintf("%d elements, the maximum array size", (int) MaxArraySize));
	rc = ArBufReserve(&ta->buf, padded, ArPgEnv());
	if (rc == AR_ERR_TOO_LARGE)
		token_array_too_large(ta, "1 GB, the maximum size of a value");
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_tokens");
	p = ta->buf.data + ta->buf.len;
	SET_VARSIZE(p, elen);
	memcpy(p + VARHDRSZ, s, len);
	if (ta->fold_alef)
		ArFoldAlefInPlace(p + VARHDRSZ, len);
	if (clitic)
		p[VARHDRSZ + len] = '+';
	memset(p + elen, 0, padded - elen);
	ta->buf.len += padded;
	ta->n++;
}

/* Emits the proclitics, the article and the stem of one word. */
static ArStatus
collect_word(void *arg, const char *text, size_t start, size_t len)
{
	TokenArray *ta = (TokenArray *) arg;
	const char *w = text + start;
	ArWordSeg	seg;
	size_t		from = 0;

	ArSegmentWord(w, len, &seg);
	for (int i = 0; i < seg.nclitics; i++)
	{
		add_token(ta, w + from, seg.clitic_end[i] - from, true);
		from = seg.clitic_end[i];
	}
	if (seg.article)
	{
		if (seg.article_contracted)
			add_token(ta, "\xD8\xA7\xD9\x84", 4, true); /* ال */
		else
			add_token(ta, w + seg.article_start, seg.stem_start - seg.article_start, true);
	}
	add_token(ta, w + seg.stem_start, len - seg.stem_start, false);
	return AR_OK;
}

/*
 * The input is normalized and tokenized in pieces of about this many
 * bytes, each ending just after an ASCII space or line feed: no word spans
 * one, and no profile lets characters on its two sides affect each other
 * (a space is a normalization boundary, starts a new mark run and is no
 * emoji), so the tokens are those of the whole text.  Text with no space
 * for longer than this is one piece.
 */
#define TOKEN_PIECE_BYTES ((size_t) 256 * 1024)

/*
 * arabic_tokens(input text, profile text DEFAULT 'search') RETURNS text[]
 *
 * Normalizes input under the profile and returns its words, each proclitic
 * and article as its own element marked with a trailing '+' (وبالمدينة:
 * {و+,ب+,ال+,مدينه}).  Segmentation looks at the letters before the alef
 * fold, so أل and إل are never taken for the article; the alef fold is
 * then applied to every element.  Memory: the result array plus one
 * normalized piece (see README, Performance).
 */
PG_FUNCTION_INFO_V1(arabic_tokens);
Datum
arabic_tokens(PG_FUNCTION_ARGS)
{
	text	   *in = PG_GETARG_TEXT_PP(0);
	const char *s = VARDATA_ANY(in);
	size_t		len = VARSIZE_ANY_EXHDR(in);
	const ArProfile *p;
	uint32		flags;
	TokenArray	ta = {{0}};
	ArBuf		norm = {0};
	ArrayType  *result;
	ArStatus	rc;

	ArRequireUtf8();
	p = ArProfileFromText(PG_GETARG_TEXT_PP(1));
	flags = p->flags;
	ta.fold_alef = (flags & AR_F_ALEF) != 0;
	rc = ArBufReserve(&ta.buf, TOKEN_ARRAY_HEADER, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "arabic_tokens");
	ta.buf.len = TOKEN_ARRAY_HEADER;

	while (ta.consumed < len)
	{
		size_t		end = len;

		if (len - ta.consumed > TOKEN_PIECE_BYTES)
		{
			const char *sp = s + ta.consumed + TOKEN_PIECE_BYTES;
			const char *stop = s + len;

			while (sp < stop && *sp != ' ' && *sp != '\n')
				sp++;
			end = sp < stop ? (size_t) (sp - s) + 1 : len;
		}
		norm.len = 0;
		rc = ArNormalize(s + ta.consumed, end - ta.consumed, flags & ~AR_F_ALEF,
						 &norm, ArPgEnv());
		if (rc != AR_OK)
			ArReportStatus(rc, "Arabic normalization");
		rc = ArTokenize(norm.data, norm.len, collect_word, &ta, ArPgEnv());
		if (rc != AR_OK)
			ArReportStatus(rc, "Arabic tokenization");
		ta.consumed = end;
	}
	ArBufFree(&norm, ArPgEnv());
	if (ta.n == 0)
		PG_RETURN_ARRAYTYPE_P(construct_empty_array(TEXTOID));

	result = (ArrayType *) ta.buf.data;
	SET_VARSIZE(result, ta.buf.len);
	result->ndim = 1;
	result->dataoffset = 0;		/* no nulls */
	result->elemtype = TEXTOID;
	ARR_DIMS(result)[0] = ta.n;
	ARR_LBOUND(result)[0] = 1;
	PG_RETURN_ARRAYTYPE_P(result);
}
