/*
 * test/fuzz/fuzz_stem.c
 *
 * libFuzzer target for the full-text search engine (src/core/ar_stem.c).
 * The input is scanned with ArNextWord as the arabic_search parser does.
 * Checked: words are non-empty, inside the text, in order, start on a
 * character boundary, and have a kind of 1-3; every word's lexemes are
 * valid UTF-8 and no longer than the word's normalization; and the
 * lexemes of a word equal those of its search-profile normalization (the
 * property that makes every folded spelling match).  The raw input is
 * also given to ArLexemes whole.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core \
 *          test/fuzz/fuzz_stem.c src/core/ar_*.c -licuuc -o /tmp/fuzz_stem
 */
#include "ar_normalize.h"
#include "ar_stem.h"
#include "ar_unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
fail(const char *why, const char *text, size_t len)
{
	fprintf(stderr, "fuzz_stem: %s (input of %zu bytes)\n", why, len);
	(void) text;
	abort();
}

/* True when s[0..len-1] is valid UTF-8 (no U+FFFD from the decoder). */
static bool
valid_utf8(const char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		int			n;
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + i, len - i, &n);

		if (c == AR_REPLACEMENT && !(n == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return false;
		i += n;
	}
	return true;
}

typedef struct Lex
{
	ArBuf		all;			/* lexemes joined by '|', stop words marked '*' */
	size_t		limit;			/* longest allowed lexeme */
	const ArEnv *env;
} Lex;

static ArStatus
on_lexeme(void *arg, const char *lex, size_t len, bool stop)
{
	Lex		   *l = (Lex *) arg;

	if (len > l->limit)
		fail("lexeme longer than the normalized token", lex, len);
	if (!valid_utf8(lex, len))
		fail("lexeme is not valid UTF-8", lex, len);
	if (ArBufAppend(&l->all, lex, len, l->env) != AR_OK ||
		(stop && ArBufAppend(&l->all, "*", 1, l->env) != AR_OK) ||
		ArBufAppend(&l->all, "|", 1, l->env) != AR_OK)
		fail("out of memory", lex, len);
	return AR_OK;
}

/* The lexemes of token as one string in l->all; returns the status. */
static ArStatus
lexemes(const char *token, size_t len, size_t limit, Lex *l)
{
	l->all.len = 0;
	l->limit = limit;
	return ArLexemes(token, len, on_lexeme, l, l->env);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	const ArEnv *env = ArMallocEnv();
	Lex			a = {{0}, 0, env},
				b = {{0}, 0, env};
	ArBuf		norm = {0};
	size_t		pos = 0,
				start,
				end;
	int			kind;

	while ((kind = ArNextWord(text, size, pos, &start, &end, env)) != 0)
	{
		int			n;

		if (kind < 1 || kind > 3)
			fail("unknown word kind", text, size);
		if (start < pos || end <= start || end > size)
			fail("word out of order or out of bounds", text, size);
		(void) ArUtf8Decode(data + start, size - start, &n);
		if (start + n > end)
			fail("word ends inside its first character", text, size);

		norm.len = 0;
		if (ArNormalize(text + start, end - start, AR_PROFILE_SEARCH, &norm, env) != AR_OK)
			fail("normalization failed", text, size);
		if (lexemes(text + start, end - start, norm.len, &a) != AR_OK)
			fail("ArLexemes failed on a word", text, size);
		if (norm.len > 0 && lexemes(norm.data, norm.len, norm.len, &b) != AR_OK)
			fail("ArLexemes failed on a normalized word", text, size);
		if (norm.len > 0 &&
			(a.all.len != b.all.len || memcmp(a.all.data, b.all.data, a.all.len) != 0))
			fail("a word and its search normalization give different lexemes", text, size);
		pos = end;
	}
	/* the whole input as one token (the dictionary may see anything) */
	norm.len = 0;
	if (ArNormalize(text, size, AR_PROFILE_SEARCH, &norm, env) != AR_OK ||
		lexemes(text, size, norm.len, &a) != AR_OK)
		fail("ArLexemes failed on the whole input", text, size);
	ArBufFree(&norm, env);
	ArBufFree(&a.all, env);
	ArBufFree(&b.all, env);
	return 0;
}
