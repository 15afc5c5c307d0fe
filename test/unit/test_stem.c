/*
 * test/unit/test_stem.c
 *
 * Unit tests of src/core/ar_stem.c, the engine of the arabic_search text
 * search configuration: the parser's word scanner (boundaries, kinds,
 * invisible characters inside words), the stop list, the light stemmer,
 * and ArLexemes (spelling variants give one lexeme, a ligature of several
 * words gives several, long input runs the interrupt callback).  The
 * harness is harness.h; run from the repository root (make unit).
 */
#include "ar_env.h"
#include "ar_stem.h"

#include "harness.h"

#include <stdlib.h>
#include <string.h>

static const ArEnv *env;

/* The words ArNextWord finds, as "kind:word|kind:word|". */
static void
scan(const char *text, char *out, size_t cap)
{
	size_t		pos = 0,
				o = 0,
				start,
				end;
	int			kind;

	out[0] = '\0';
	while ((kind = ArNextWord(text, strlen(text), pos, &start, &end, env)) != 0)
	{
		o += snprintf(out + o, cap - o, "%d:%.*s|", kind, (int) (end - start), text + start);
		pos = end;
	}
}

static void
test_scanner(void)
{
	char		got[512];

	scan("«الـرئـيـسُ»، قال: OPEC ٢٠٢٤ iPhone15", got, sizeof(got));
	check_str(got, "1:الـرئـيـسُ|1:قال|2:OPEC|3:٢٠٢٤|2:iPhone15|",
			  "punctuation separates words; marks and tatweel stay inside; kinds");
	/* RLM (U+200F) and soft hyphen (U+00AD) inside a word, RLM at its end */
	scan("مد\u200Fينة مد\u00ADينة\u200F ك", got, sizeof(got));
	check_str(got, "1:مد\u200Fينة|1:مد\u00ADينة|1:ك|",
			  "invisible characters inside a word belong to it, not at its end");
	scan("\u064Eـكتب", got, sizeof(got));
	check_str(got, "1:كتب|", "a mark or tatweel does not start a word");
	scan("  ،، ", got, sizeof(got));
	check_str(got, "", "no word in punctuation and spaces");
	scan("ﻻ", got, sizeof(got));
	check_str(got, "1:ﻻ|", "a presentation form is an Arabic word");
}

static void
test_stop_words(void)
{
	const char *stops[] = {"في", "من", "الي", "ان", "الذي", "هذه", "وفي", "فان", "وهذا"};
	const char *kept[] = {"علي", "وزير", "ولي", "قال", "فيلم", "و1"};

	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		check(ArIsStopWord(stops[i], strlen(stops[i])), "stop word %s", stops[i]);
	for (size_t i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		check(!ArIsStopWord(kept[i], strlen(kept[i])), "not a stop word: %s", kept[i]);
}

static void
stem_is(const char *word, const char *exp)
{
	char		out[256];
	size_t		n = ArStemWord(word, strlen(word), out);

	out[n] = '\0';
	check_str(out, exp, word);
}

static void
test_stemmer(void)
{
	/* proclitics and article (after the alef fold) */
	stem_is("وبالمدينه", "مدين");
	stem_is("للمدينه", "مدين");
	stem_is("الكسندر", "كسندر");
	stem_is("المانيا", "المان");	/* not the article: the tokenizer's list */
	/* suffixes */
	stem_is("مدينتها", "مدين");
	stem_is("الانتخابات", "انتخاب");
	stem_is("انتخاباتها", "انتخاب");
	stem_is("الفلسطينيين", "فلسط");
	stem_is("فلسطين", "فلسط");
	stem_is("سوريا", "سور");
	stem_is("سوريه", "سور");
	stem_is("السوريون", "سور");
	stem_is("لبناني", "لبنان");
	stem_is("حقوقهم", "حقوق");
	stem_is("حكومته", "حكوم");
	/* what stays */
	stem_is("قوات", "قوات");
	stem_is("تفاهم", "تفاهم");
	stem_is("بيته", "بيت");
	stem_is("الله", "الله");
	stem_is("لبنان", "لبنان");
	stem_is("opec", "opec");
	stem_is("2024", "2024");
	stem_is("كوفيد19", "كوفيد19");
}

typedef struct Collected
{
	char		s[1024];
	size_t		len;
} Collected;

static ArStatus
collect(void *arg, const char *lex, size_t len, bool stop)
{
	Collected  *c = (Collected *) arg;

	if (c->len + len + 3 < sizeof(c->s))
	{
		memcpy(c->s + c->len, lex, len);
		c->len += len;
		if (stop)
			c->s[c->len++] = '*';
		c->s[c->len++] = '|';
		c->s[c->len] = '\0';
	}
	return AR_OK;
}

static void
lexemes_are(const char *token, const char *exp)
{
	Collected	c = {{0}, 0};

	check(ArLexemes(token, strlen(token), collect, &c, env) == AR_OK, "ArLexemes %s runs", token);
	check_str(c.s, exp, token);
}

static void
test_lexemes(void)
{
	/* spellings the search profile folds */
	lexemes_are("ألكسندر", "كسندر|");
	lexemes_are("الكسندر", "كسندر|");
	lexemes_are("سوتشى", "سوتش|");
	lexemes_are("سوتشي", "سوتش|");
	lexemes_are("الـرئـيـسُ", "رئيس|");
	lexemes_are("ﺳﻼﻡ", "سلام|");
	lexemes_are("٢٠٢٤", "2024|");
	lexemes_are("OPEC", "opec|");
	lexemes_are("مد\u200Fينة", "مدين|");
	/* stop words are reported as such */
	lexemes_are("فى", "في*|");
	lexemes_are("إلى", "الي*|");
	/* one ligature, four words */
	lexemes_are("ﷺ", "صلي|الله|علي*|سلم|");
	/* nothing left */
	lexemes_are("ﹰ", "");
}

static int	interrupts;

static void
count_interrupt(void *ctx)
{
	(void) ctx;
	interrupts++;
}

static void
test_long(void)
{
	size_t		n = 200000;
	const char *w = "مدينة ";
	size_t		wl = strlen(w);
	char	   *text = malloc(n * wl + 1);
	ArEnv		e = *ArMallocEnv();
	size_t		pos = 0,
				start,
				end,
				words = 0;

	for (size_t i = 0; i < n; i++)
		memcpy(text + i * wl, w, wl);
	text[n * wl] = '\0';
	e.check_interrupts = count_interrupt;
	interrupts = 0;
	while (ArNextWord(text, n * wl, pos, &start, &end, &e) != 0)
	{
		words++;
		pos = end;
	}
	check(words == n, "ArNextWord finds 200,000 words in 2.2 MB (got %zu)", words);
	/* one word of 2.2 MB: the scan itself must check for interrupts */
	for (size_t i = 0; i < n * wl; i++)
		if (text[i] == ' ')
			text[i] = 'a';
	interrupts = 0;
	check(ArNextWord(text, n * wl, 0, &start, &end, &e) == AR_WORD_ARABIC &&
		  end - start == n * wl && interrupts > 0,
		  "one 2.2 MB word: found whole, interrupt callback ran %d times", interrupts);
	free(text);
}

int
main(void)
{
	env = ArMallocEnv();
	test_scanner();
	test_stop_words();
	test_stemmer();
	test_lexemes();
	test_long();
	return harness_done();
}
