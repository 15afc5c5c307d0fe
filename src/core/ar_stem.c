/*
 * src/core/ar_stem.c
 *
 * The engine of the arabic_search text search configuration: the parser's
 * word scanner, the stop list and the light stemmer of the arabic_stem
 * dictionary, and ArLexemes, which runs normalization, segmentation,
 * stop list and stemmer over one token.  The stemmer is light in the sense
 * of the Arabic retrieval literature (affixes removed by rule, no roots):
 * proclitics and the article as the tokenizer splits them, then a short
 * ordered list of suffixes, each removed only from a word long enough to
 * keep a stem of a stated length.  See ArStemWord for the rules.
 */
#include "ar_stem.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <stdlib.h>
#include <string.h>

int
ArNextWord(const char *text, size_t len, size_t from, size_t *start,
		   size_t *end, const ArEnv *env)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = from;
	size_t		next_check = from + AR_INTERRUPT_STRIDE;
	size_t		last = 0;		/* end of the last word character */
	bool		in_word = false;
	bool		arabic = false;
	bool		letter = false;

	while (i < len)
	{
		int			n;
		uint32_t	c;

		if (i >= next_check)
		{
			ArCheckInterrupts(env);
			next_check = i + AR_INTERRUPT_STRIDE;
		}
		c = ArUtf8Decode(s + i, len - i, &n);
		if (ArInWord(c, in_word))
		{
			if (!in_word)
			{
				*start = i;
				in_word = true;
			}
			if (ArIsArabicLetter(c) || ArIsPresentationForm(c))
				arabic = true;
			else if (ArDigitValue(c) < 0 && !ArIsDiacritic(c) &&
					 c != AR_TATWEEL && c != 0x200C && c != 0x200D)
				letter = true;
			last = i + n;
		}
		else if (!(in_word && ArIsIgnorable(c)))
		{
			/* an invisible character inside a word is part of it */
			if (in_word)
				break;
		}
		i += n;
	}
	if (!in_word)
		return 0;
	*end = last;
	return arabic ? AR_WORD_ARABIC : letter ? AR_WORD_OTHER : AR_WORD_NUMBER;
}

/* ---------------------------------------------------------------------
 * Stop list, in the spelling of the search profile (أ إ آ → ا, ى → ي,
 * ة → ه).  Written for this project: prepositions, conjunctions,
 * particles, pronouns, demonstratives and relatives, auxiliaries and
 * the common combinations of a preposition with a pronoun or a
 * demonstrative.  Not on it: علي, which is both على and the name Ali
 * once the search profile has folded ى.
 * --------------------------------------------------------------------- */
static const char *const stop_words[] = {
	"و", "ف", "ب", "ل", "ك", "يا",
	"في", "من", "الي", "عن", "مع", "منذ", "عند", "لدي", "نحو", "ضد",
	"دون", "بين", "خلال", "حول", "عبر", "تحت", "فوق", "قبل", "بعد", "امام",
	"ضمن", "حتي", "سوي",
	"ان", "انه", "انها", "انهم", "انما", "لان", "لانه", "بان", "كان",
	"كانت", "كانوا", "يكون", "تكون", "ليس", "ليست", "قد", "لقد", "سوف",
	"تم", "لا", "لم", "لن", "ما", "هل", "بل", "ثم", "او", "ام", "اما",
	"الا", "لكن", "لكنه", "لو", "لولا", "كي", "لكي", "اذا", "اذ", "حيث",
	"كما", "بما", "مما", "عما", "فيما", "لما", "ربما", "عندما", "بينما",
	"حين", "كيف", "لماذا", "ماذا", "متي", "اين", "هنا", "هناك", "الان",
	"ايضا", "فقط", "كل", "بعض", "غير", "اي", "مثل", "هكذا",
	"هو", "هي", "هم", "هما", "هن", "نحن", "انا", "انت", "انتم",
	"هذا", "هذه", "هذان", "هاتان", "ذلك", "تلك", "هؤلاء", "اولئك",
	"لذلك", "بذلك", "كذلك", "لهذا", "بهذا", "لهذه", "بهذه",
	"الذي", "التي", "الذين", "اللذان", "اللذين", "اللتان", "اللتين",
	"اللواتي", "اللاتي", "اللائي",
	"منه", "منها", "منهم", "فيه", "فيها", "فيهم", "عليه", "عليها",
	"عليهم", "اليه", "اليها", "اليهم", "عنه", "عنها", "عنهم", "له", "لها",
	"لهم", "به", "بها", "بهم",
};

#define N_STOP (sizeof(stop_words) / sizeof(stop_words[0]))

static const char *stop_sorted[N_STOP];
static size_t n_stop_sorted;

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Sorts the list once and drops repeats. */
static void
stop_init(void)
{
	memcpy(stop_sorted, stop_words, sizeof(stop_words));
	qsort(stop_sorted, N_STOP, sizeof(char *), cmp_str);
	n_stop_sorted = 0;
	for (size_t i = 0; i < N_STOP; i++)
		if (n_stop_sorted == 0 ||
			strcmp(stop_sorted[n_stop_sorted - 1], stop_sorted[i]) != 0)
			stop_sorted[n_stop_sorted++] = stop_sorted[i];
}

static bool
in_stop_list(const char *word, size_t len)
{
	char		key[32];
	const char *k = key;

	if (len >= sizeof(key))
		return false;			/* longer than any entry */
	memcpy(key, word, len);
	key[len] = '\0';
	if (n_stop_sorted == 0)
		stop_init();
	return bsearch(&k, stop_sorted, n_stop_sorted, sizeof(char *), cmp_str) != NULL;
}

/* و (D9 88) and ف (D9 81) as the first two bytes */
#define IS_CONJ(p) ((unsigned char) (p)[0] == 0xD9 && \
					((unsigned char) (p)[1] == 0x88 || (unsigned char) (p)[1] == 0x81))

/*
 * A stop word is on the list as it is, or is و or ف followed by a listed
 * word of two letters or more (وفي, فان, وهذا).
 */
bool
ArIsStopWord(const char *word, size_t len)
{
	if (in_stop_list(word, len))
		return true;
	return len >= 6 && IS_CONJ(word) && in_stop_list(word + 2, len - 2);
}

/* ---------------------------------------------------------------------
 * The light stemmer
 * --------------------------------------------------------------------- */

#define MAX_STEM_LETTERS 64
#define TEH		0x062A
#define ALEF	0x0627

/*
 * The suffixes, tried in this order, and how many letters must remain
 * after each: pronouns ها and هم; plural and dual endings ات, ون, ين,
 * ان; the relative adjective and country endings يه (ية after the fold)
 * and يا; then ه (teh marbuta after the fold, or the pronoun) and ي.
 */
typedef struct Suffix
{
	uint32_t	c[2];			/* last letter in c[1]; c[0] = 0 for one letter */
	int			min_stem;		/* letters that must remain */
	bool		pronoun;		/* a pronoun: a teh before it was teh marbuta */
} Suffix;

static const Suffix suffixes[] = {
	{{0x0647, 0x0627}, 3, true},	/* ها */
	{{0x0647, 0x0645}, 4, true},	/* هم */
	{{0x0627, 0x062A}, 3, false},	/* ات */
	{{0x0648, 0x0646}, 4, false},	/* ون */
	{{0x064A, 0x0646}, 3, false},	/* ين */
	{{0x0627, 0x0646}, 4, false},	/* ان */
	{{0x064A, 0x0647}, 3, false},	/* يه */
	{{0x064A, 0x0627}, 3, false},	/* يا */
	{{0, 0x0647}, 3, true},		/* ه */
	{{0, 0x064A}, 3, false},	/* ي */
};

/* Words the stemmer leaves alone (after proclitics and article). */
static bool
keep_whole(const uint32_t *cp, int n)
{
	/* الله and اللهم: ال here is not the article and ه not a suffix */
	return n >= 4 && cp[0] == ALEF && cp[1] == 0x0644 && cp[2] == 0x0644 &&
		cp[3] == 0x0647;
}

/*
 * Removes suffixes from the letters cp[0..*n-1], at most four times, each
 * time the first suffix of the list that the word ends with and that
 * leaves enough letters.  After a pronoun, a final ت that is not part of
 * ات was a teh marbuta (مدينتها → مدينت → مدين, like مدينة → مدين).
 */
static void
strip_suffixes(const uint32_t *cp, int *n)
{
	int			len = *n;

	if (keep_whole(cp, len))
		return;
	for (int round = 0; round < 4; round++)
	{
		const Suffix *hit = NULL;

		for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++)
		{
			const Suffix *s = &suffixes[k];
			int			sl = s->c[0] ? 2 : 1;

			if (len - sl >= s->min_stem && cp[len - 1] == s->c[1] &&
				(sl == 1 || cp[len - 2] == s->c[0]))
			{
				hit = s;
				len -= sl;
				break;
			}
		}
		if (hit == NULL)
			break;
		if (hit->pronoun && len >= 4 && cp[len - 1] == TEH && cp[len - 2] != ALEF)
			len--;
	}
	*n = len;
}

size_t
ArStemWord(const char *word, size_t len, char *out)
{
	const unsigned char *s = (const unsigned char *) word;
	ArWordSeg	seg;
	uint32_t	cp[MAX_STEM_LETTERS];
	int			n = 0;
	size_t		i;
	size_t		o = 0;

	ArSegmentWord(word, len, &seg);
	/* the stem's letters; anything but an Arabic letter keeps it whole */
	for (i = seg.stem_start; i < len;)
	{
		int			b;
		uint32_t	c = ArUtf8Decode(s + i, len - i, &b);

		if (!ArIsArabicLetter(c) || n == MAX_STEM_LETTERS)
			break;
		cp[n++] = c;
		i += b;
	}
	if (i < len)
	{
		memcpy(out, word + seg.stem_start, len - seg.stem_start);
		return len - seg.stem_start;
	}
	strip_suffixes(cp, &n);
	for (int k = 0; k < n; k++)
		o += ArUtf8Encode(cp[k], out + o);
	return o;
}

/* ---------------------------------------------------------------------
 * Lexemes of a token
 * --------------------------------------------------------------------- */

typedef struct LexState
{
	ArLexemeFn	fn;
	void	   *arg;
	const ArEnv *env;
	char	   *buf;			/* room for the longest word */
} LexState;

static ArStatus
lex_word(void *arg, const char *text, size_t start, size_t len)
{
	LexState   *st = (LexState *) arg;
	size_t		n = ArStemWord(text + start, len, st->buf);

	return st->fn(st->arg, st->buf, n, ArIsStopWord(text + start, len));
}

ArStatus
ArLexemes(const char *token, size_t len, ArLexemeFn fn, void *arg,
		  const ArEnv *env)
{
	ArBuf		norm = {0};
	LexState	st = {fn, arg, env, NULL};
	ArStatus	rc;

	rc = ArNormalize(token, len, AR_PROFILE_SEARCH, &norm, env);
	if (rc == AR_OK && norm.len > 0)
	{
		st.buf = env->realloc_fn(env->ctx, NULL, norm.len);
		if (st.buf == NULL)
			rc = AR_ERR_NOMEM;
		else
		{
			rc = ArTokenize(norm.data, norm.len, lex_word, &st, env);
			env->free_fn(env->ctx, st.buf);
		}
	}
	ArBufFree(&norm, env);
	return rc;
}
