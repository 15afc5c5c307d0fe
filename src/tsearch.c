/*
 * src/tsearch.c
 *
 * Full-text search: the arabic_search text search parser (start, token,
 * end, token types; PostgreSQL's prsd_headline serves ts_headline) and the
 * arabic_light dictionary template (init, lexize).  The parser returns the
 * words of the text as written and everything between them as blank
 * tokens; the dictionary turns a word into its lexeme with ArLexemes
 * (search normalization, proclitics, light stemmer, stop list).  Neither
 * reads the database locale, so results are the same under every lc_ctype.
 */
#include "pg_arabic.h"

#include "ar_stem.h"
#include "commands/defrem.h"
#include "fmgr.h"
#include "tsearch/ts_public.h"
#include "utils/builtins.h"

/* Token types; 12 is the default parser's "blank", which prsd_headline skips. */
#define TOKEN_BLANK 12

/* A blank token is cut before this many bytes (parsetext refuses >= 2047). */
#define MAX_BLANK 1024

typedef struct ParserState
{
	const char *text;
	size_t		len;
	size_t		pos;			/* next byte to return */
	size_t		word_start;		/* the next word, found ahead */
	size_t		word_end;
	int			word_kind;		/* 0: none found ahead / no word left */
	bool		looked;			/* word_* is valid for pos */
} ParserState;

/* arabic_search_start(internal, integer): the parser's state for a text */
PG_FUNCTION_INFO_V1(arabic_search_start);
Datum
arabic_search_start(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) palloc0(sizeof(ParserState));

	ArRequireUtf8();
	st->text = (const char *) PG_GETARG_POINTER(0);
	st->len = (size_t) PG_GETARG_INT32(1);
	PG_RETURN_POINTER(st);
}

/*
 * arabic_search_token(internal, internal, internal): the next token in
 * *t, *tlen (pointing into the text); returns its type, 0 at the end.
 */
PG_FUNCTION_INFO_V1(arabic_search_token);
Datum
arabic_search_token(PG_FUNCTION_ARGS)
{
	ParserState *st = (ParserState *) PG_GETARG_POINTER(0);
	char	  **t = (char **) PG_GETARG_POINTER(1);
	int		   *tlen = (int *) PG_GETARG_POINTER(2);
	size_t		end;

	if (st->pos >= st->len)
		PG_RETURN_INT32(0);
	if (!st->looked)
	{
		st->word_kind = ArNextWord(st->text, st->len, st->pos, &st->word_start,
								   &st->word_end, ArPgEnv());
		st->looked = true;
	}
	*t = (char *) st->text + st->pos;
	if (st->word_kind != 0 && st->word_start == st->pos)
	{
		*tlen = (int) (st->word_end - st->pos);
		st->pos = st->word_end;
		st->looked = false;
		PG_RETURN_INT32(st->word_kind);
	}
	/* the blank before the next word (or up to the end), in pieces */
	end = st->word_kind != 0 ? st->word_start : st->len;
	if (end - st->pos > MAX_BLANK)
	{
		end = st->pos + MAX_BLANK;
		while (end > st->pos && (st->text[end] & 0xC0) == 0x80)
			end--;				/* not inside a character */
	}
	*tlen = (int) (end - st->pos);
	st->pos = end;
	PG_RETURN_INT32(TOKEN_BLANK);
}

/* arabic_search_end(internal) */
PG_FUNCTION_INFO_V1(arabic_search_end);
Datum
arabic_search_end(PG_FUNCTION_ARGS)
{
	pfree(PG_GETARG_POINTER(0));
	PG_RETURN_VOID();
}

/* arabic_search_lextype(internal): the token types, ts_token_type() */
PG_FUNCTION_INFO_V1(arabic_search_lextype);
Datum
arabic_search_lextype(PG_FUNCTION_ARGS)
{
	static const struct
	{
		int			id;
		const char *alias;
		const char *descr;
	}			types[] = {
		{AR_WORD_ARABIC, "aword", "Word with Arabic letters"},
		{AR_WORD_OTHER, "word", "Word of other letters (Latin, ...)"},
		{AR_WORD_NUMBER, "number", "Number (ASCII or Arabic-Indic digits)"},
		{TOKEN_BLANK, "blank", "Space, punctuation and other symbols"},
	};
	int			n = lengthof(types);
	LexDescr   *d = (LexDescr *) palloc(sizeof(LexDescr) * (n + 1));

	for (int i = 0; i < n; i++)
	{
		d[i].lexid = types[i].id;
		d[i].alias = pstrdup(types[i].alias);
		d[i].descr = pstrdup(types[i].descr);
	}
	d[n].lexid = 0;
	PG_RETURN_POINTER(d);
}

/* The dictionary's options. */
typedef struct StemDict
{
	bool		stopwords;		/* drop stop words (StopWords = true) */
} StemDict;

/* arabic_light_init(internal): reads the options, StopWords = true|false */
PG_FUNCTION_INFO_V1(arabic_light_init);
Datum
arabic_light_init(PG_FUNCTION_ARGS)
{
	List	   *options = (List *) PG_GETARG_POINTER(0);
	StemDict   *d = (StemDict *) palloc0(sizeof(StemDict));
	ListCell   *l;

	ArRequireUtf8();
	d->stopwords = true;
	foreach(l, options)
	{
		DefElem    *def = (DefElem *) lfirst(l);

		if (strcmp(def->defname, "stopwords") == 0)
			d->stopwords = defGetBoolean(def);
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unrecognized arabic_light option \"%s\"", def->defname),
					 errhint("The only option is StopWords = true or false.")));
	}
	PG_RETURN_POINTER(d);
}

typedef struct LexList
{
	TSLexeme   *lex;
	int			n;
	int			cap;
	bool	   *stop;			/* stop[i]: lex[i] is a stop word */
	int			words;			/* words seen */
} LexList;

static ArStatus
collect_lexeme(void *arg, const char *lex, size_t len, bool stop)
{
	LexList    *ll = (LexList *) arg;

	if (ll->n + 1 >= ll->cap)
	{
		if ((Size) ll->cap * 2 * sizeof(TSLexeme) > MaxAllocSize)
			ereport(ERROR,
					(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
					 errmsg("arabic_light: too many words in one token"),
					 errhint("Give ts_lexize one word, or use to_tsvector for running text.")));
		ll->cap *= 2;
		ll->lex = (TSLexeme *) repalloc(ll->lex, sizeof(TSLexeme) * ll->cap);
		ll->stop = (bool *) repalloc(ll->stop, sizeof(bool) * ll->cap);
	}
	ll->words++;
	if (len == 0 || len >= MAXSTRLEN)
		return AR_OK;			/* nothing to index, as PostgreSQL skips long words */
	ll->lex[ll->n].lexeme = pnstrdup(lex, len);
	ll->stop[ll->n] = stop;
	ll->n++;
	return AR_OK;
}

/*
 * arabic_light_lexize(internal, internal, internal, internal): the lexemes
 * of one token.  A token of one word gives its lexeme, or none for a stop
 * word (positions still count it).  A token that normalizes to several
 * words (the ligature U+FDFA) gives one lexeme per word at consecutive
 * positions, stop words included, so that phrase queries written out in
 * full match it.
 */
PG_FUNCTION_INFO_V1(arabic_light_lexize);
Datum
arabic_light_lexize(PG_FUNCTION_ARGS)
{
	StemDict   *d = (StemDict *) PG_GETARG_POINTER(0);
	char	   *in = (char *) PG_GETARG_POINTER(1);
	int32		len = PG_GETARG_INT32(2);
	LexList		ll;
	ArStatus	rc;
	int			k = 0;

	ll.cap = 4;
	ll.n = 0;
	ll.words = 0;
	ll.lex = (TSLexeme *) palloc(sizeof(TSLexeme) * ll.cap);
	ll.stop = (bool *) palloc(sizeof(bool) * ll.cap);
	rc = ArLexemes(in, (size_t) len, collect_lexeme, &ll, ArPgEnv());
	if (rc != AR_OK)
		ArReportStatus(rc, "Arabic stemming");
	for (int i = 0; i < ll.n; i++)
	{
		char	   *lexeme = ll.lex[i].lexeme;

		if (ll.stop[i] && ll.words == 1 && d->stopwords)
		{
			pfree(lexeme);
			continue;
		}
		memset(&ll.lex[k], 0, sizeof(TSLexeme));
		ll.lex[k].lexeme = lexeme;
		ll.lex[k].flags = k > 0 ? TSL_ADDPOS : 0;
		k++;
	}
	memset(&ll.lex[k], 0, sizeof(TSLexeme));
	pfree(ll.stop);
	PG_RETURN_POINTER(ll.lex);
}
