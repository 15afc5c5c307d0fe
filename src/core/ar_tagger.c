/*
 * src/core/ar_tagger.c
 *
 * The named-entity tagger: word splitting into sentence segments, feature
 * extraction, the model image reader and Viterbi decoding.  See
 * ar_tagger.h; src/model/train.c writes the images this file reads and
 * trains on the same features.
 */
#include "ar_tagger.h"

#include "ar_entity_key.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <string.h>

#define AR_TATWEEL_CP 0x0640

static const char *const type_names[AR_ENT_NTYPES] = {
	"PERSON", "LOCATION", "ORGANIZATION", "MISC"
};

const char *
ArEntityTypeName(ArEntityType t)
{
	return (t >= 0 && t < AR_ENT_NTYPES) ? type_names[t] : "?";
}

static const char *const gaz_class_names[AR_GAZ_NCLASSES] = {
	"LOC", "PERS", "ORG", "MISC", "FIRST", "LAST", "TITLE", "ORG_HEAD", "LOC_CUE"
};

uint16_t
ArGazClass(const char *name, size_t len)
{
	for (int i = 0; i < AR_GAZ_NCLASSES; i++)
		if (strlen(gaz_class_names[i]) == len && memcmp(gaz_class_names[i], name, len) == 0)
			return (uint16_t) (1u << i);
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

#define FOLD_MAX 64				/* code points kept of one word */

typedef struct Folded
{
	uint32_t	cp[FOLD_MAX];
	int			n;
	int			arabic;			/* counts by script, for the shape */
	int			latin;
	int			digit;
} Folded;

/*
 * Folds word bytes s[0..len-1]: drops diacritics, tatweel and joiners,
 * writes alef forms as ا, ى as ي, ة as ه, Farsi kaf/yeh as Arabic, digits
 * as ASCII and Latin in lower case.  Keeps the first FOLD_MAX code points;
 * reads at most AR_SEG_MAX_BYTES.
 */
static void
fold_word(const char *s, size_t len, Folded *out)
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

/* Hash of folded code points cp[a..b-1]. */
static inline uint64_t
hash_cps(const uint32_t *cp, int a, int b)
{
	uint64_t	h = AR_FNV_OFFSET;

	for (int i = a; i < b; i++)
		h = ArFnvStep(h, cp[i]);
	return h;
}

/* ---------------------------------------------------------------------
 * Gazetteer
 * ---------------------------------------------------------------------
 */

/* Combines the stem hashes of a phrase, in order. */
static inline uint64_t
phrase_step(uint64_t h, uint64_t stem)
{
	return ArMix64(h * 0x9E3779B97F4A7C15ULL + stem + 1);
}

typedef struct WordInfo
{
	uint64_t	word;			/* folded word as written (clitics and all) */
	uint64_t	stem;			/* folded stem: clitics and article removed */
	uint64_t	bare;			/* stem without a leading ب ل ك (0: none) */
	uint32_t	first_cp;		/* first letter of the folded word */
	int			nclitics;
	int			article;
	int			contracted;
	int			shape;
	Folded		stemf;
} WordInfo;

static void
word_info(const char *text, const ArTagWord *w, WordInfo *wi)
{
	ArWordSeg	seg;
	Folded		whole;
	int			len_bucket;

	ArSegmentWord(text + w->start, w->len, &seg);
	fold_word(text + w->start, w->len, &whole);
	fold_word(text + w->start + seg.stem_start, w->len - seg.stem_start, &wi->stemf);
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

			word_info(name, &ws.w[i], &wi);
			h = phrase_step(h, wi.stem);
		}
		*nwords = ws.n;
	}
	ArTagWordsFree(&ws, env);
	return h;
}

static uint16_t
gaz_lookup(const ArGaz *gaz, uint64_t key)
{
	int			lo = 0,
				hi = gaz ? gaz->n : 0;

	while (lo < hi)
	{
		int			mid = lo + (hi - lo) / 2;

		if (gaz->key[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (gaz && lo < gaz->n && gaz->key[lo] == key) ? gaz->mask[lo] : 0;
}

/* ---------------------------------------------------------------------
 * Document memory
 * ---------------------------------------------------------------------
 */

ArStatus
ArDocMemAdd(ArDocMem *d, uint64_t stem, uint8_t bits, const ArEnv *env)
{
	uint32_t	s;

	if (stem == 0)
		stem = 1;
	if ((d->n + 1) * 2 > d->cap)
	{
		uint32_t	cap = d->cap ? d->cap * 2 : 256;
		uint64_t   *k = env->realloc_fn(env->ctx, NULL, (size_t) cap * sizeof(uint64_t));
		uint8_t    *b = k ? env->realloc_fn(env->ctx, NULL, cap) : NULL;

		if (b == NULL)
		{
			if (k)
				env->free_fn(env->ctx, k);
			return AR_ERR_NOMEM;
		}
		memset(k, 0, (size_t) cap * sizeof(uint64_t));
		for (uint32_t i = 0; i < d->cap; i++)
			if (d->key[i])
			{
				s = (uint32_t) ArMix64(d->key[i]) & (cap - 1);
				while (k[s])
					s = (s + 1) & (cap - 1);
				k[s] = d->key[i];
				b[s] = d->bits[i];
			}
		if (d->key)
		{
			env->free_fn(env->ctx, d->key);
			env->free_fn(env->ctx, d->bits);
		}
		d->key = k;
		d->bits = b;
		d->cap = cap;
	}
	s = (uint32_t) ArMix64(stem) & (d->cap - 1);
	while (d->key[s] && d->key[s] != stem)
		s = (s + 1) & (d->cap - 1);
	if (!d->key[s])
	{
		d->key[s] = stem;
		d->bits[s] = 0;
		d->n++;
	}
	d->bits[s] |= bits;
	return AR_OK;
}

uint8_t
ArDocMemGet(const ArDocMem *d, uint64_t stem)
{
	uint32_t	s;

	if (d == NULL || d->cap == 0)
		return 0;
	if (stem == 0)
		stem = 1;
	s = (uint32_t) ArMix64(stem) & (d->cap - 1);
	while (d->key[s])
	{
		if (d->key[s] == stem)
			return d->bits[s];
		s = (s + 1) & (d->cap - 1);
	}
	return 0;
}

void
ArDocMemReset(ArDocMem *d)
{
	if (d->cap)
		memset(d->key, 0, (size_t) d->cap * sizeof(uint64_t));
	d->n = 0;
}

void
ArDocMemFree(ArDocMem *d, const ArEnv *env)
{
	if (d->key)
	{
		env->free_fn(env->ctx, d->key);
		env->free_fn(env->ctx, d->bits);
	}
	memset(d, 0, sizeof(*d));
}

/* ---------------------------------------------------------------------
 * Features
 * ---------------------------------------------------------------------
 */

enum
{
	T_BIAS = 1, T_W0, T_S0, T_SM1, T_SP1, T_SM2, T_SP2, T_WM1, T_WP1,
	T_SM1S0, T_S0SP1, T_PRE, T_SUF, T_SEG, T_SHAPE, T_GAPB, T_GAPA,
	T_GAZ, T_GAZM1, T_GAZP1, T_SENT, T_SEGM1, T_BARE, T_GAZBARE,
	T_SHAPEM1, T_SHAPEP1, T_WM1W0, T_GAZM2, T_SUFM1, T_SUFP1, T_SM1SP1,
	T_PREM1, T_PREP1, T_DOC, T_DOCALL, T_DOCM1, T_DOCP1, T_DOCBARE
};

static inline uint64_t
feat(int tmpl, uint64_t v)
{
	uint64_t	k = ArMix64(((uint64_t) tmpl << 56) ^ ArMix64(v + (uint64_t) tmpl));

	return k ? k : 1;
}

/* Punctuation classes of the gap text[a..b-1]. */
enum
{
	G_COMMA = 1, G_STOP = 2, G_COLON = 4, G_QUOTE = 8, G_OPEN = 16,
	G_CLOSE = 32, G_DASH = 64, G_OTHER = 128, G_EDGE = 256
};

static int
gap_class(const char *text, size_t a, size_t b)
{
	int			cls = 0;

	for (size_t i = a; i < b;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) text + i, b - i, &nb);

		i += nb;
		if (ArIsSpace(c) || ArIsIgnorable(c))
			continue;
		switch (c)
		{
			case ',':
			case 0x060C:
				cls |= G_COMMA;
				break;
			case '.':
			case '!':
			case '?':
			case 0x061F:
			case 0x06D4:
				cls |= G_STOP;
				break;
			case ':':
			case ';':
			case 0x061B:
				cls |= G_COLON;
				break;
			case '"':
			case '\'':
			case 0x00AB:
			case 0x00BB:
			case 0x201C:
			case 0x201D:
			case 0x2018:
			case 0x2019:
				cls |= G_QUOTE;
				break;
			case '(':
			case '[':
			case '{':
				cls |= G_OPEN;
				break;
			case ')':
			case ']':
			case '}':
				cls |= G_CLOSE;
				break;
			case '-':
			case 0x2013:
			case 0x2014:
				cls |= G_DASH;
				break;
			default:
				cls |= G_OTHER;
		}
	}
	return cls;
}

static ArStatus
feats_reserve(ArTagFeats *out, size_t need, const ArEnv *env)
{
	if (need > out->fcap)
	{
		size_t		cap = out->fcap ? out->fcap : 1024;
		uint64_t   *p;

		while (cap < need)
			cap *= 2;
		if (cap * sizeof(uint64_t) > env->max_size)
			return AR_ERR_TOO_LARGE;
		p = env->realloc_fn(env->ctx, out->f, cap * sizeof(uint64_t));
		if (p == NULL)
			return AR_ERR_NOMEM;
		out->f = p;
		out->fcap = cap;
	}
	return AR_OK;
}

/* at most: 30 word and context features, 5 per gazetteer class, 12 from
 * the document memory, 10 from the word without its proclitic */
#define MAX_FEATS_PER_WORD (30 + 5 * AR_GAZ_NCLASSES + 12 + 1 + AR_GAZ_NCLASSES + 8)

ArStatus
ArTagFeaturize(const ArGaz *gaz, const ArDocMem *doc, const char *text,
			   size_t len, const ArTagWords *ws, int a, int b,
			   ArTagFeats *out, const ArEnv *env)
{
	const ArTagWord *words = ws->w;
	int			n = b - a;
	WordInfo	wi[AR_TAG_MAX_SENT + 4];
	uint16_t	gb[AR_TAG_MAX_SENT + 4];	/* gazetteer classes starting here */
	uint16_t	gi[AR_TAG_MAX_SENT + 4];	/* ... continuing here */
	uint16_t	g1[AR_TAG_MAX_SENT + 4];	/* single-word classes */
	int			gap[AR_TAG_MAX_SENT + 5];
	size_t		nf = 0;
	ArStatus	rc;

	if (n < 0 || n > AR_TAG_MAX_SENT)
		return AR_ERR_TOO_LARGE;
	out->n = n;
	if (n + 1 > out->ocap)
	{
		int			cap = AR_TAG_MAX_SENT + 1;
		int		   *p = env->realloc_fn(env->ctx, out->off, cap * sizeof(int));

		if (p == NULL)
			return AR_ERR_NOMEM;
		out->off = p;
		out->ocap = cap;
	}
	rc = feats_reserve(out, (size_t) n * MAX_FEATS_PER_WORD + 1, env);
	if (rc != AR_OK)
		return rc;

	for (int i = 0; i < n; i++)
	{
		word_info(text, &words[a + i], &wi[i]);
		out->sure_len[i] = 0;
		out->sure_mask[i] = 0;
		gb[i] = gi[i] = g1[i] = 0;
	}
	/* gap[i]: before word i; gap[n]: after the last word */
	for (int i = 0; i <= n; i++)
	{
		size_t		ga = i == 0 ? (a > 0 ? words[a - 1].start + words[a - 1].len : 0)
			: words[a + i - 1].start + words[a + i - 1].len;
		size_t		gz = i < n ? words[a + i].start
			: words[a + n - 1].start + words[a + n - 1].len;

		if (i == n)
		{
			/* up to the next word (of the next segment) or the end */
			gap[i] = gap_class(text, gz, b < ws->n ? words[b].start : len) | G_EDGE;
			continue;
		}
		gap[i] = gap_class(text, ga, gz);
	}
	/* gazetteer phrases: every match, every length */
	if (gaz && gaz->n)
		for (int i = 0; i < n; i++)
		{
			uint64_t	h = 0;

			for (int L = 1; L <= AR_GAZ_MAXWORDS && i + L <= n; L++)
			{
				uint16_t	m;

				h = phrase_step(h, wi[i + L - 1].stem);
				m = gaz_lookup(gaz, h);
				if (!m)
					continue;
				if (m & AR_GAZ_SURE)
				{
					out->sure_len[i] = (uint8_t) L;
					out->sure_mask[i] = m;
				}
				if (L == 1)
					g1[i] |= m;
				gb[i] |= m;
				for (int j = i + 1; j < i + L; j++)
					gi[j] |= m;
			}
		}

	/* sure names whose first word carries a ب ل ك (لمجموعة العشرين, بحلب) */
	if (gaz && gaz->n)
		for (int i = 0; i < n; i++)
		{
			uint64_t	h = 0;

			if (wi[i].bare == 0)
				continue;
			for (int L = 1; L <= AR_GAZ_MAXWORDS && i + L <= n; L++)
			{
				uint16_t	m;

				h = phrase_step(h, L == 1 ? wi[i].bare : wi[i + L - 1].stem);
				m = gaz_lookup(gaz, h);
				if ((m & AR_GAZ_SURE) && L > out->sure_len[i])
				{
					out->sure_len[i] = (uint8_t) L;
					out->sure_mask[i] = m;
				}
			}
		}

	for (int i = 0; i < n; i++)
	{
		const WordInfo *w = &wi[i];
		uint64_t	sm1 = i > 0 ? wi[i - 1].stem : 1,
					sm2 = i > 1 ? wi[i - 2].stem : 2,
					sp1 = i + 1 < n ? wi[i + 1].stem : 3,
					sp2 = i + 2 < n ? wi[i + 2].stem : 4,
					wm1 = i > 0 ? wi[i - 1].word : 1,
					wp1 = i + 1 < n ? wi[i + 1].word : 3;
		const Folded *sf = &w->stemf;
		uint64_t   *f = out->f + nf;
		int			k = 0;

		out->off[i] = (int) nf;
		f[k++] = feat(T_BIAS, 0);
		f[k++] = feat(T_W0, w->word);
		f[k++] = feat(T_S0, w->stem);
		f[k++] = feat(T_SM1, sm1);
		f[k++] = feat(T_SP1, sp1);
		f[k++] = feat(T_SM2, sm2);
		f[k++] = feat(T_SP2, sp2);
		f[k++] = feat(T_WM1, wm1);
		f[k++] = feat(T_WP1, wp1);
		f[k++] = feat(T_SM1S0, ArMix64(sm1) ^ w->stem);
		f[k++] = feat(T_S0SP1, ArMix64(w->stem) ^ sp1);
		f[k++] = feat(T_WM1W0, ArMix64(wm1) ^ w->word);
		for (int L = 1; L <= 4 && L < sf->n; L++)
		{
			f[k++] = feat(T_PRE, hash_cps(sf->cp, 0, L) + L);
			f[k++] = feat(T_SUF, hash_cps(sf->cp, sf->n - L, sf->n) + L);
		}
		if (i > 0 && wi[i - 1].stemf.n >= 2)
			f[k++] = feat(T_SUFM1, hash_cps(wi[i - 1].stemf.cp, wi[i - 1].stemf.n - 2, wi[i - 1].stemf.n));
		if (i + 1 < n && wi[i + 1].stemf.n >= 2)
			f[k++] = feat(T_SUFP1, hash_cps(wi[i + 1].stemf.cp, wi[i + 1].stemf.n - 2, wi[i + 1].stemf.n));
		f[k++] = feat(T_SEG, (uint64_t) w->nclitics | ((uint64_t) w->article << 4) |
					  ((uint64_t) w->contracted << 5) |
					  ((uint64_t) (w->nclitics ? w->first_cp : 0) << 8));
		if (i > 0)
			f[k++] = feat(T_SEGM1, (uint64_t) wi[i - 1].nclitics |
						  ((uint64_t) wi[i - 1].article << 4));
		f[k++] = feat(T_SHAPE, (uint64_t) w->shape);
		f[k++] = feat(T_SHAPEM1, i > 0 ? (uint64_t) wi[i - 1].shape : 999);
		f[k++] = feat(T_SHAPEP1, i + 1 < n ? (uint64_t) wi[i + 1].shape : 999);
		f[k++] = feat(T_GAPB, (uint64_t) gap[i]);
		f[k++] = feat(T_GAPA, (uint64_t) gap[i + 1]);
		if (i == 0)
			f[k++] = feat(T_SENT, 1);
		for (int c = 0; c < AR_GAZ_NCLASSES; c++)
		{
			uint16_t	bit = (uint16_t) (1u << c);

			if (gb[i] & bit)
				f[k++] = feat(T_GAZ, (uint64_t) c * 4 + 1);
			if (gi[i] & bit)
				f[k++] = feat(T_GAZ, (uint64_t) c * 4 + 2);
			if (i > 0 && (g1[i - 1] & bit))
				f[k++] = feat(T_GAZM1, (uint64_t) c);
			if (i > 1 && (g1[i - 2] & bit))
				f[k++] = feat(T_GAZM2, (uint64_t) c);
			if (i + 1 < n && (g1[i + 1] & bit))
				f[k++] = feat(T_GAZP1, (uint64_t) c);
		}
		if (doc)
		{
			uint8_t		d0 = ArDocMemGet(doc, w->stem);

			for (int c = 0; c < 8; c++)
				if (d0 & (1u << c))
					f[k++] = feat(T_DOC, (uint64_t) c);
			f[k++] = feat(T_DOCALL, d0);
			f[k++] = feat(T_DOCM1, i > 0 ? ArDocMemGet(doc, wi[i - 1].stem) : 999);
			f[k++] = feat(T_DOCP1, i + 1 < n ? ArDocMemGet(doc, wi[i + 1].stem) : 999);
			if (w->bare)
				f[k++] = feat(T_DOCBARE, ArDocMemGet(doc, w->bare));
		}
		if (w->bare)
		{
			f[k++] = feat(T_BARE, w->bare);
			if (gaz && gaz->n)
			{
				uint16_t	m = gaz_lookup(gaz, phrase_step(0, w->bare));

				for (int c = 0; c < AR_GAZ_NCLASSES; c++)
					if (m & (1u << c))
						f[k++] = feat(T_GAZBARE, (uint64_t) c);
			}
		}
		nf += (size_t) k;
	}
	out->off[n] = (int) nf;
	return AR_OK;
}

void
ArTagFeatsFree(ArTagFeats *feats, const ArEnv *env)
{
	if (feats->f)
		env->free_fn(env->ctx, feats->f);
	if (feats->off)
		env->free_fn(env->ctx, feats->off);
	memset(feats, 0, sizeof(*feats));
}

ArStatus
ArDocMemLearn(ArDocMem *d, const char *text, const ArTagWords *ws, int a,
			  int b, const uint8_t *tags, const ArEnv *env)
{
	ArStatus	rc = AR_OK;

	for (int i = 0; rc == AR_OK && i < b - a; i++)
		if (tags[i])
		{
			WordInfo	wi;
			int			type = (tags[i] - 1) / 2;
			int			inside = !(tags[i] & 1);

			word_info(text, &ws->w[a + i], &wi);
			rc = ArDocMemAdd(d, wi.stem, (uint8_t) (1u << (type * 2 + inside)), env);
			if (rc == AR_OK && wi.bare)
				rc = ArDocMemAdd(d, wi.bare, (uint8_t) (1u << (type * 2 + inside)), env);
		}
	return rc;
}

/* ---------------------------------------------------------------------
 * Model image
 * ---------------------------------------------------------------------
 *
 *   0  magic "PGARNER1"
 *   8  uint32 version, ntags, nfeat[0], nfeat[1], ngaz, reserved
 *  32  int32 trans[2][(ntags + 1) * ntags]   row 0: sentence start
 *      for each stage: uint64 feature keys[nfeat], ascending;
 *                      int16 weights[nfeat * ntags]; zero padding to 8
 *      uint64 gazetteer keys[ngaz], ascending
 *      uint16 gazetteer masks[ngaz]
 *      (zero padding to 8)
 *      uint64 FNV-1a of everything before
 */
#define HDR_SIZE 32
#define TRANS_N ((AR_NTAGS + 1) * AR_NTAGS)
#define TRANS_SIZE (sizeof(int32_t) * TRANS_N * 2)
#define PAD8(x) (((x) + 7) & ~(size_t) 7)

typedef struct Stage
{
	double		trans[(AR_NTAGS + 1) * AR_NTAGS];	/* the image's, as double */
	const uint64_t *fkey;
	const int16_t *fw;
	int			nfeat;
	uint32_t   *slot;			/* open-addressing index: feature + 1, 0 empty */
	uint32_t	mask;
} Stage;

struct ArModel
{
	Stage		st[2];
	ArGaz		gaz;
};

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) |
		((uint32_t) p[3] << 24);
}

static void
model_release(ArModel *m, const ArEnv *env)
{
	for (int k = 0; k < 2; k++)
		if (m->st[k].slot)
			env->free_fn(env->ctx, m->st[k].slot);
	env->free_fn(env->ctx, m);
}

const char *
ArModelOpen(const void *image, size_t len, ArModel **model, const ArEnv *env)
{
	const unsigned char *p = image;
	uint32_t	version,
				ntags,
				nfeat[2],
				ngaz;
	size_t		off,
				need;
	uint64_t	sum;
	ArModel    *m;

	*model = NULL;
	if (len < HDR_SIZE + TRANS_SIZE + 8 || memcmp(p, AR_MODEL_MAGIC, 8) != 0)
		return "not a pg_arabic model file (bad magic number or too short)";
	if (((uintptr_t) image & 7) != 0)
		return "model image is not 8-byte aligned";
	version = rd32(p + 8);
	ntags = rd32(p + 12);
	nfeat[0] = rd32(p + 16);
	nfeat[1] = rd32(p + 20);
	ngaz = rd32(p + 24);
	if (version != AR_MODEL_VERSION)
		return "model file has an unsupported format version";
	if (ntags != AR_NTAGS || nfeat[0] > (1u << 26) || nfeat[1] > (1u << 26) ||
		ngaz > (1u << 26))
		return "model file header is inconsistent";
	need = HDR_SIZE + TRANS_SIZE;
	for (int k = 0; k < 2; k++)
		need = PAD8(need + (size_t) nfeat[k] * 8 + (size_t) nfeat[k] * AR_NTAGS * 2);
	need = PAD8(need + (size_t) ngaz * 8 + (size_t) ngaz * 2);
	if (need + 8 != len)
		return "model file is truncated or has trailing bytes";
	memcpy(&sum, p + need, 8);
	if (sum != ArFnv64(p, need))
		return "model file checksum does not match (the file is corrupted)";

	m = env->realloc_fn(env->ctx, NULL, sizeof(ArModel));
	if (m == NULL)
		return "out of memory loading the model";
	memset(m, 0, sizeof(ArModel));
	off = HDR_SIZE + TRANS_SIZE;
	for (int k = 0; k < 2; k++)
	{
		Stage	   *st = &m->st[k];
		size_t		nslots = 1024;

		for (int j = 0; j < TRANS_N; j++)
			st->trans[j] = ((const int32_t *) (p + HDR_SIZE))[k * TRANS_N + j];
		st->fkey = (const uint64_t *) (p + off);
		off += (size_t) nfeat[k] * 8;
		st->fw = (const int16_t *) (p + off);
		off = PAD8(off + (size_t) nfeat[k] * AR_NTAGS * 2);
		st->nfeat = (int) nfeat[k];
		for (uint32_t i = 1; i < nfeat[k]; i++)
			if (st->fkey[i - 1] >= st->fkey[i])
			{
				model_release(m, env);
				return "model file feature table is not sorted";
			}
		while (nslots < (size_t) nfeat[k] * 2)
			nslots *= 2;
		st->slot = env->realloc_fn(env->ctx, NULL, nslots * sizeof(uint32_t));
		if (st->slot == NULL)
		{
			model_release(m, env);
			return "out of memory loading the model";
		}
		memset(st->slot, 0, nslots * sizeof(uint32_t));
		st->mask = (uint32_t) (nslots - 1);
		for (uint32_t i = 0; i < nfeat[k]; i++)
		{
			uint32_t	s = (uint32_t) (st->fkey[i] & st->mask);

			while (st->slot[s])
				s = (s + 1) & st->mask;
			st->slot[s] = i + 1;
		}
	}
	m->gaz.key = (const uint64_t *) (p + off);
	off += (size_t) ngaz * 8;
	m->gaz.mask = (const uint16_t *) (p + off);
	m->gaz.n = (int) ngaz;
	for (uint32_t i = 1; i < ngaz; i++)
		if (m->gaz.key[i - 1] >= m->gaz.key[i])
		{
			model_release(m, env);
			return "model file gazetteer is not sorted";
		}
	*model = m;
	return NULL;
}

void
ArModelFree(ArModel *model, const ArEnv *env)
{
	if (model)
		model_release(model, env);
}

const ArGaz *
ArModelGaz(const ArModel *model)
{
	return &model->gaz;
}

int
ArModelFeatureCount(const ArModel *model)
{
	return model->st[0].nfeat + model->st[1].nfeat;
}

static inline const int16_t *
model_weights(const Stage *m, uint64_t key)
{
	uint32_t	s = (uint32_t) (key & m->mask);

	for (;;)
	{
		uint32_t	v = m->slot[s];

		if (v == 0)
			return NULL;
		if (m->fkey[v - 1] == key)
			return m->fw + (size_t) (v - 1) * AR_NTAGS;
		s = (s + 1) & m->mask;
	}
}

/* May tag b follow tag a (a = -1: sentence start)? I-X only after B-X/I-X. */
static inline int
allowed(int a, int b)
{
	if (b == 0 || (b & 1))
		return 1;
	return a > 0 && (a + 1) / 2 == b / 2;
}

int
ArTagAllowed(int a, int b)
{
	return allowed(a, b);
}

void
ArViterbi(int n, const double *em, const double *trans, uint8_t *tags)
{
	double		score[AR_NTAGS],
				next[AR_NTAGS];
	uint8_t		back[AR_TAG_MAX_SENT][AR_NTAGS];
	int			t = 0;

	if (n <= 0 || n > AR_TAG_MAX_SENT)
		return;
	for (int i = 0; i < n; i++)
	{
		for (t = 0; t < AR_NTAGS; t++)
		{
			double		best = -1e301;
			int			arg = 0;

			if (i == 0)
			{
				next[t] = allowed(-1, t) ? em[t] + trans[t] : -1e300;
				back[i][t] = 0;
				continue;
			}
			for (int s = 0; s < AR_NTAGS; s++)
			{
				double		v;

				if (!allowed(s, t))
					continue;
				v = score[s] + trans[(s + 1) * AR_NTAGS + t];
				if (v > best)
				{
					best = v;
					arg = s;
				}
			}
			next[t] = best + em[i * AR_NTAGS + t];
			back[i][t] = (uint8_t) arg;
		}
		memcpy(score, next, sizeof(score));
	}
	t = 0;
	for (int s = 1; s < AR_NTAGS; s++)
		if (score[s] > score[t])
			t = s;
	for (int i = n - 1; i >= 0; i--)
	{
		tags[i] = (uint8_t) t;
		t = back[i][t];
	}
}

ArStatus
ArTagDecode(const ArModel *model, int stage, const ArTagFeats *feats,
			uint8_t *tags, const ArEnv *env)
{
	const Stage *st = &model->st[stage ? 1 : 0];
	int			n = feats->n;
	double		em[AR_TAG_MAX_SENT * AR_NTAGS];

	(void) env;
	if (n <= 0)
		return AR_OK;
	if (n > AR_TAG_MAX_SENT)
		return AR_ERR_TOO_LARGE;
	for (int i = 0; i < n; i++)
	{
		int64_t		sum[AR_NTAGS] = {0};

		for (int k = feats->off[i]; k < feats->off[i + 1]; k++)
		{
			const int16_t *w = model_weights(st, feats->f[k]);

			if (w)
				for (int t = 0; t < AR_NTAGS; t++)
					sum[t] += w[t];
		}
		for (int t = 0; t < AR_NTAGS; t++)
			em[i * AR_NTAGS + t] = (double) sum[t];
	}
	ArViterbi(n, em, st->trans, tags);
	return AR_OK;
}

/* ---------------------------------------------------------------------
 * Extraction
 * ---------------------------------------------------------------------
 */

/* Bytes of the first letter of s[0..n-1] and the marks after it. */
static size_t
first_letter_bytes(const char *s, size_t n)
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

	word_info(text, w, &wi);
	*stem = wi.stem;
	*bare = wi.bare;
	off = wi.bare ? clean_off(text, w, &restore) : 0;
	*bare_skip = wi.bare ? first_letter_bytes(text + w->start + off, w->len - off) : 0;
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
		size_t		skip = first_letter_bytes(form, n);

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

void
ArTagApplySure(const ArGaz *gaz, const ArTagFeats *feats, uint8_t *tags)
{
	static const struct
	{
		uint16_t	bit;
		ArEntityType type;
	}			order[] = {
		{AR_GAZ_ORG, AR_ENT_ORGANIZATION}, {AR_GAZ_MISC, AR_ENT_MISC},
		{AR_GAZ_LOC, AR_ENT_LOCATION}, {AR_GAZ_PERS, AR_ENT_PERSON},
	};
	int			n = feats->n;

	if (gaz == NULL || gaz->n == 0 || n < 1 || n > AR_TAG_MAX_SENT)
		return;
	for (int i = 0; i < n;)
	{
		int			best = feats->sure_len[i];
		uint16_t	mask = feats->sure_mask[i];

		if (best)
		{
			/*
			 * Mentions of the tagger that run into the name from outside
			 * (words a..i-1 and i+best..b-1): an organization, event or
			 * longer place keeps the name as the tagger has it; a person's
			 * name does not contain one, so such a person mention goes.
			 */
			int			a = i,
						b = i + best;

			while (a > 0 && tags[a] != 0 && !(tags[a] & 1))
				a--;
			while (b < n && tags[b] != 0 && !(tags[b] & 1))
				b++;
			if ((a < i && tags[a] != 1 + 2 * AR_ENT_PERSON) ||
				(b > i + best && tags[b - 1] != 2 + 2 * AR_ENT_PERSON))
				best = 0;
			else
				memset(tags + a, 0, (size_t) (b - a));
		}
		if (best)
		{
			for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
				if (mask & order[k].bit)
				{
					tags[i] = (uint8_t) (1 + 2 * order[k].type);
					for (int j = i + 1; j < i + best; j++)
						tags[j] = (uint8_t) (2 + 2 * order[k].type);
					break;
				}
			i += best;
			continue;
		}
		i++;
	}
}

#define NAME_CLASSES (AR_GAZ_LOC | AR_GAZ_PERS | AR_GAZ_ORG | AR_GAZ_MISC | \
					  AR_GAZ_FIRST | AR_GAZ_LAST)

ArStatus
ArExtract(const ArModel *model, const char *text, size_t len,
		  ArTagWords *ws, ArMentionFn fn, void *arg, const ArEnv *env)
{
	ArTagFeats	fs = {0};
	ArDocMem	doc = {0};
	uint8_t		tags[AR_TAG_MAX_SENT];
	ArStatus	rc;

	rc = ArTagSplit(text, len, ws, env);
	/* first pass: fill the document memory */
	for (int a = 0; rc == AR_OK && a < ws->n;)
	{
		int			b = a + 1;

		while (b < ws->n && !ws->w[b].sent_start)
			b++;
		ArCheckInterrupts(env);
		rc = ArTagFeaturize(&model->gaz, NULL, text, len, ws, a, b, &fs, env);
		if (rc == AR_OK)
			rc = ArTagDecode(model, 0, &fs, tags, env);
		if (rc == AR_OK)
			rc = ArDocMemLearn(&doc, text, ws, a, b, tags, env);
		a = b;
	}
	/* second pass: tag with it */
	for (int a = 0; rc == AR_OK && a < ws->n;)
	{
		int			b = a + 1;

		while (b < ws->n && !ws->w[b].sent_start)
			b++;
		ArCheckInterrupts(env);
		rc = ArTagFeaturize(&model->gaz, &doc, text, len, ws, a, b, &fs, env);
		if (rc == AR_OK)
			rc = ArTagDecode(model, 1, &fs, tags, env);
		if (rc == AR_OK)
			ArTagApplySure(&model->gaz, &fs, tags);
		for (int i = 0; rc == AR_OK && i < b - a;)
		{
			ArMention	m;
			int			j;
			uint64_t	stem,
						bare;
			size_t		skip;

			if (tags[i] == 0 || !(tags[i] & 1))
			{
				i++;
				continue;
			}
			j = i + 1;
			while (j < b - a && tags[j] == tags[i] + 1)
				j++;
			m.type = (ArEntityType) ((tags[i] - 1) / 2);
			m.first = a + i;
			m.nwords = j - i;
			i = j;
			/* no titles inside person names */
			while (m.type == AR_ENT_PERSON && m.nwords > 1)
			{
				ArWordKeys(text, &ws->w[m.first], &stem, &bare, &skip);
				if (!(gaz_lookup(&model->gaz, phrase_step(0, stem)) & AR_GAZ_TITLE))
					break;
				m.first++;
				m.nwords--;
			}
			ArMentionResolve(&model->gaz, text, ws, &m, 1);
			m.start = ws->w[m.first].start;
			m.end = ws->w[m.first + m.nwords - 1].start + ws->w[m.first + m.nwords - 1].len;
			rc = fn(arg, &m);
		}
		a = b;
	}
	ArTagFeatsFree(&fs, env);
	ArDocMemFree(&doc, env);
	return rc;
}

void
ArMentionResolve(const ArGaz *gaz, const char *text, const ArTagWords *ws,
				 ArMention *m, int use_bare)
{
	const ArTagWord *w = &ws->w[m->first];
	ArWordSeg	seg;
	WordInfo	wi;

	ArSegmentWord(text + w->start, w->len, &seg);
	word_info(text, w, &wi);
	m->restore = 0;
	if (seg.article_contracted)
	{
		m->first_off = seg.stem_start;
		m->restore = 1;
	}
	else if (seg.article)
		m->first_off = seg.article_start;
	else
		m->first_off = seg.stem_start;

	/* a conjunction directly before the stem: is it part of the name? */
	if (!seg.article && seg.nclitics == 1)
	{
		Folded		whole;
		uint16_t	gw,
					gr;

		fold_word(text + w->start, w->len, &whole);
		gw = gaz_lookup(gaz, phrase_step(0, hash_cps(whole.cp, 0, whole.n)));
		gr = gaz_lookup(gaz, phrase_step(0, wi.stem));
		/* ف before a name is rare in news, و common */
		if ((gw & NAME_CLASSES) ||
			(!(gr & NAME_CLASSES) && (wi.stemf.n < 4 || whole.cp[0] == 0x0641)))
		{
			m->first_off = 0;
			return;
		}
	}
	/*
	 * ب ل ك before a gazetteer name: the first word alone or the whole
	 * mention (لمجموعة العشرين) is a name without the letter, not with it
	 */
	if (use_bare && wi.bare)
	{
		uint64_t	hs = phrase_step(0, wi.stem),
					hb = phrase_step(0, wi.bare);
		uint16_t	gs = gaz_lookup(gaz, hs),
					gb = gaz_lookup(gaz, hb);

		if (m->nwords > 1 && m->nwords <= AR_GAZ_MAXWORDS)
		{
			for (int k = 1; k < m->nwords; k++)
			{
				WordInfo	wk;

				word_info(text, &ws->w[m->first + k], &wk);
				hs = phrase_step(hs, wk.stem);
				hb = phrase_step(hb, wk.stem);
			}
			gs |= gaz_lookup(gaz, hs);
			gb |= gaz_lookup(gaz, hb);
		}
		/*
		 * a sure name without the letter wins over a name with it (WikiFANE
		 * also lists لحركة حماس as written)
		 */
		if ((!(gs & NAME_CLASSES) && (gb & NAME_CLASSES)) ||
			((gb & AR_GAZ_SURE) && !(gs & AR_GAZ_SURE)))
			m->first_off += first_letter_bytes(text + w->start + m->first_off,
											   w->len - m->first_off);
	}
}

ArStatus
ArMentionClean(const char *text, const ArTagWords *words, const ArMention *m,
			   ArBuf *out, const ArEnv *env)
{
	ArStatus	rc = AR_OK;

	for (int i = m->first; rc == AR_OK && i < m->first + m->nwords; i++)
	{
		const ArTagWord *w = &words->w[i];
		size_t		off = i == m->first ? m->first_off : 0;
		const char *s = text + w->start + off;
		size_t		n = w->len - off;

		if (i > m->first)
			rc = ArBufAppend(out, " ", 1, env);
		if (rc == AR_OK && i == m->first && m->restore)
			rc = ArBufAppend(out, "\xD8\xA7\xD9\x84", 4, env);	/* ال */
		for (size_t k = 0; rc == AR_OK && k < n;)
		{
			int			nb;
			uint32_t	c = ArUtf8Decode((const unsigned char *) s + k, n - k, &nb);

			if (!(ArIsDiacritic(c) || c == AR_TATWEEL_CP || c == 0x200C ||
				  c == 0x200D || ArIsIgnorable(c)))
				rc = ArBufAppend(out, s + k, (size_t) nb, env);
			k += nb;
		}
	}
	return rc;
}
