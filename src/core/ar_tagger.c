/*
 * src/core/ar_tagger.c
 *
 * The named-entity tagger's words: splitting a text into words and sentence
 * segments, folding a word and computing its keys, and the gazetteer keys
 * of names.  The tagger is split by concern: ar_tag_features.c (document
 * memory, features), ar_tag_model.c (model image, decoding) and
 * ar_tag_extract.c (sure names, extraction); ar_tag_internal.h holds what
 * they share.  src/model/train.c trains on the same features.
 */
#include "ar_tag_internal.h"

#include "ar_entity_key.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <string.h>


static const char *const type_names[AR_ENT_NTYPES] = {
	"PERSON", "LOCATION", "ORGANIZATION", "MISC"
};

const char *
ArEntityTypeName(ArEntityType t)
{
	return (t >= 0 && t < AR_ENT_NTYPES) ? type_names[t] : "?";
}

static const char *const gaz_class_names[AR_GAZ_NCLASSES] = {
	"LOC", "PERS", "ORG", "MISC", "FIRST", "LAST", "TITLE", "ORG_HEAD", "LOC_CUE",
	"NISBA", "PNAME"
};

uint16_t
ArGazClass(const char *name, size_t len)
{
	for (int i = 0; i < AR_GAZ_NCLASSES; i++)
		if (strlen(gaz_class_names[i]) == len && memcmp(gaz_class_names[i], name, len) == 0)
			return (uint16_t) (1u << i);
	if (len == 10 && memcmp(name, "CHAIN_HEAD", 10) == 0)
		return AR_GAZ_CHAIN_HEAD;
	return 0;
}

/* ---------------------------------------------------------------------
 * Words and sentence segments
 * ---------------------------------------------------------------------
 */

typedef struct SplitState
{
	ArTagWords *words;
	const ArEnv *env;
} SplitState;

static ArStatus
collect_word(void *arg, const char *text, size_t start, size_t len)
{
	SplitState *st = arg;
	ArTagWords *ws = st->words;
	ArTagWord  *w;

	if (ws->n == ws->cap)
	{
		size_t		cap = ws->cap ? (size_t) ws->cap * 2 : 256;
		ArTagWord  *p;

		if (cap > (size_t) INT32_MAX / 2 || cap * sizeof(ArTagWord) > st->env->max_size)
			return AR_ERR_TOO_LARGE;
		p = st->env->realloc_fn(st->env->ctx, ws->w, cap * sizeof(ArTagWord));
		if (p == NULL)
			return AR_ERR_NOMEM;
		ws->w = p;
		ws->cap = (int) cap;
	}
	(void) text;
	w = &ws->w[ws->n++];
	w->start = (uint32_t) start;
	w->len = (uint32_t) len;
	w->sent_start = 0;
	return AR_OK;
}

/*
 * Where the cleaned form of word w starts (bytes from its start): after its
 * proclitics, at the article, or at the stem after لل (then *restore is
 * set: the cleaned form needs ال before it).
 */
static size_t
clean_off(const char *text, const ArTagWord *w, int *restore)
{
	ArWordSeg	seg;

	ArSegmentWord(text + w->start, w->len, &seg);
	*restore = seg.article_contracted;
	if (seg.article_contracted)
		return seg.stem_start;
	return seg.article ? seg.article_start : seg.stem_start;
}

/* Does text[a..b-1] (the gap between two words) end a sentence? */
static int
gap_ends_sentence(const char *text, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
	{
		unsigned char c = (unsigned char) text[i];

		if (c == '.' || c == '!' || c == '?' || c == '\n' || c == '\r')
			return 1;
		/* U+061F ARABIC QUESTION MARK: D8 9F; U+06D4 FULL STOP: DB 94 */
		if (i + 1 < b && ((c == 0xD8 && (unsigned char) text[i + 1] == 0x9F) ||
						  (c == 0xDB && (unsigned char) text[i + 1] == 0x94)))
			return 1;
	}
	return 0;
}

ArStatus
ArTagSplit(const char *text, size_t len, ArTagWords *words, const ArEnv *env)
{
	SplitState	st = {words, env};
	ArStatus	rc;
	int			run = 0;

	words->n = 0;
	if (len > AR_TAG_MAX_TEXT)
		return AR_ERR_TOO_LARGE;
	rc = ArTokenize(text, len, collect_word, &st, env);
	if (rc != AR_OK)
		return rc;
	for (int i = 0; i < words->n; i++)
	{
		ArTagWord  *w = &words->w[i];

		if (i == 0 || run >= AR_TAG_MAX_SENT ||
			gap_ends_sentence(text, words->w[i - 1].start + words->w[i - 1].len, w->start))
		{
			w->sent_start = 1;
			run = 0;
		}
		run++;
	}
	return AR_OK;
}

void
ArTagWordsFree(ArTagWords *words, const ArEnv *env)
{
	if (words->w)
		env->free_fn(env->ctx, words->w);
	words->w = NULL;
	words->n = words->cap = 0;
}

/* ---------------------------------------------------------------------
 * Folding: the form features and gazetteer keys are computed from
 * ---------------------------------------------------------------------
 */


/*
 * ArTagFoldWord: see ar_tag_internal.h.
 */
void
ArTagFoldWord(const char *s, size_t len, Folded *out)
{
	out->n = out->arabic = out->latin = out->digit = 0;
	if (len > AR_SEG_MAX_BYTES)
		len = AR_SEG_MAX_BYTES;
	for (size_t i = 0; i < len;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + i, len - i, &nb);
		int			d;

		i += nb;
		if (ArIsDiacritic(c) || c == AR_TATWEEL_CP || c == 0x200C || c == 0x200D)
			continue;
		c = ArFoldLetter(c);
		if ((d = ArDigitValue(c)) >= 0)
		{
			c = '0' + d;
			out->digit++;
		}
		else if (c >= 0x0600 && c <= 0x06FF)
			out->arabic++;
		else
		{
			c = ArLatinLower(c);
			out->latin++;
		}
		if (out->n < FOLD_MAX)
			out->cp[out->n++] = c;
	}
}


/* ---------------------------------------------------------------------
 * Gazetteer
 * ---------------------------------------------------------------------
 */



void
ArTagWordInfo(const char *text, const ArTagWord *w, WordInfo *wi)
{
	ArWordSeg	seg;
	Folded		whole;
	int			len_bucket;

	ArSegmentWord(text + w->start, w->len, &seg);
	ArTagFoldWord(text + w->start, w->len, &whole);
	ArTagFoldWord(text + w->start + seg.stem_start, w->len - seg.stem_start, &wi->stemf);
	wi->word = hash_cps(whole.cp, 0, whole.n);
	wi->stem = hash_cps(wi->stemf.cp, 0, wi->stemf.n);
	wi->first_cp = whole.n ? whole.cp[0] : 0;
	wi->nclitics = seg.nclitics;
	wi->article = seg.article;
	wi->contracted = seg.article_contracted;
	wi->bare = 0;
	if (!seg.article && wi->stemf.n >= 4 &&
		(wi->stemf.cp[0] == 0x0628 || wi->stemf.cp[0] == 0x0644 ||
		 wi->stemf.cp[0] == 0x0643))
		wi->bare = hash_cps(wi->stemf.cp, 1, wi->stemf.n);
	len_bucket = whole.n <= 2 ? whole.n : whole.n <= 4 ? 3 : whole.n <= 6 ? 4 : 5;
	wi->shape = (whole.arabic ? 1 : 0) | (whole.latin ? 2 : 0) |
		(whole.digit ? 4 : 0) | (len_bucket << 3);
}

uint64_t
ArGazPhraseKey(const char *name, size_t len, int *nwords, const ArEnv *env)
{
	ArTagWords	ws = {0};
	uint64_t	h = 0;

	*nwords = 0;
	if (ArTokenize(name, len, collect_word, &(SplitState) {&ws, env}, env) != AR_OK)
	{
		ArTagWordsFree(&ws, env);
		return 0;
	}
	if (ws.n > 0 && ws.n <= AR_GAZ_MAXWORDS)
	{
		for (int i = 0; i < ws.n; i++)
		{
			WordInfo	wi;

			ArTagWordInfo(name, &ws.w[i], &wi);
			h = phrase_step(h, wi.stem);
		}
		*nwords = ws.n;
	}
	ArTagWordsFree(&ws, env);
	return h;
}


/* ---------------------------------------------------------------------
 * Extraction
 * ---------------------------------------------------------------------
 */

/* ArTagFirstLetterBytes: see ar_tag_internal.h. */
size_t
ArTagFirstLetterBytes(const char *s, size_t n)
{
	size_t		k = 0;
	int			nb;

	(void) ArUtf8Decode((const unsigned char *) s, n, &nb);
	k = (size_t) nb;
	while (k < n && k < AR_SEG_MAX_BYTES)
	{
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + k, n - k, &nb);

		if (!(ArIsDiacritic(c) || c == AR_TATWEEL_CP || c == 0x200C || c == 0x200D))
			break;
		k += (size_t) nb;
	}
	return k;
}

void
ArWordKeys(const char *text, const ArTagWord *w, uint64_t *stem,
		   uint64_t *bare, size_t *bare_skip)
{
	WordInfo	wi;
	int			restore;
	size_t		off;

	ArTagWordInfo(text, w, &wi);
	*stem = wi.stem;
	*bare = wi.bare;
	off = wi.bare ? clean_off(text, w, &restore) : 0;
	*bare_skip = wi.bare ? ArTagFirstLetterBytes(text + w->start + off, w->len - off) : 0;
}

/* FNV-1a of bytes, never 0 */
static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t	h = ArFnv64(s, n);

	return h ? h : 1;
}

ArStatus
ArWordSpellingKeys(const char *text, const ArTagWord *w, int has_bare,
				   uint64_t *key, uint64_t *bare, ArBuf scratch[2],
				   const ArEnv *env)
{
	int			restore;
	size_t		off = clean_off(text, w, &restore);
	const char *form = text + w->start + off;
	size_t		n = w->len - off;
	ArStatus	rc;

	/* a word over AR_SEG_MAX_BYTES is keyed by its first AR_SEG_MAX_BYTES */
	if (n > AR_SEG_MAX_BYTES)
	{
		n = AR_SEG_MAX_BYTES;
		while (n > 0 && ((unsigned char) form[n] & 0xC0) == 0x80)
			n--;
	}

	*key = *bare = 0;
	scratch[0].len = scratch[1].len = 0;
	if (restore &&
		(rc = ArBufAppend(&scratch[0], "\xD8\xA7\xD9\x84", 4, env)) != AR_OK)
		return rc;
	if ((rc = ArBufAppend(&scratch[0], form, n, env)) != AR_OK ||
		(rc = ArEntityKey(scratch[0].data, scratch[0].len, &scratch[1], env)) != AR_OK)
		return rc;
	*key = hash_bytes(scratch[1].data, scratch[1].len);
	if (has_bare && !restore)
	{
		size_t		skip = ArTagFirstLetterBytes(form, n);

		scratch[1].len = 0;
		if ((rc = ArEntityKey(form + skip, n - skip, &scratch[1], env)) != AR_OK)
			return rc;
		*bare = hash_bytes(scratch[1].data, scratch[1].len);
	}
	return AR_OK;
}

uint64_t
ArGazSpellingPhraseKey(const char *name, size_t len, int *nwords,
					   const ArEnv *env)
{
	ArTagWords	ws = {0};
	ArBuf		scratch[2] = {{0}};
	uint64_t	h = 0;

	*nwords = 0;
	if (ArTokenize(name, len, collect_word, &(SplitState) {&ws, env}, env) == AR_OK &&
		ws.n >= 1 && ws.n <= AR_GAZ_MAXWORDS)
	{
		int			i;

		for (i = 0; i < ws.n; i++)
		{
			uint64_t	k,
						b;

			if (ArWordSpellingKeys(name, &ws.w[i], 0, &k, &b, scratch, env) != AR_OK)
				break;
			h = phrase_step(h, k);
		}
		if (i == ws.n)
			*nwords = ws.n;
	}
	ArBufFree(&scratch[0], env);
	ArBufFree(&scratch[1], env);
	ArTagWordsFree(&ws, env);
	return *nwords ? h : 0;
}

uint64_t
ArGazStep(uint64_t h, uint64_t stem)
{
	return phrase_step(h, stem);
}

uint16_t
ArGazLookup(const ArGaz *gaz, uint64_t key)
{
	return gaz_lookup(gaz, key);
}

