/*
 * test/fuzz/fuzz_tokenize.c
 *
 * libFuzzer target for ArTokenize and ArSegmentWord.  The input is
 * tokenized (with an interrupt callback that counts its calls) and every
 * word is segmented.  Checked: words are non-empty, inside the text, in
 * order and non-overlapping, start and end on character boundaries (the
 * positions ArUtf8Decode steps through from the start of the text, so a
 * stray continuation byte is a character of its own); the
 * segmentation has 0-2 proclitics whose ends strictly increase, and
 * clitic ends <= article_start <= stem_start <= word length, all on
 * character boundaries; a word without the article has its article_start
 * equal to its stem_start.  The raw input is also segmented as one "word"
 * (ArSegmentWord must never read outside what it is given).  A callback
 * that stops the scan must stop it.
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core \
 *          test/fuzz/fuzz_tokenize.c src/core/ar_*.c -licuuc -o /tmp/fuzz_tokenize
 */
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* at[i]: i is where a character starts when decoding from 0 (at[len] too) */
static unsigned char *at;

static void
mark_boundaries(const char *text, size_t len)
{
	size_t		i = 0;

	free(at);
	at = calloc(len + 1, 1);
	if (!at)
		abort();
	while (i < len)
	{
		int			n;

		at[i] = 1;
		(void) ArUtf8Decode((const unsigned char *) text + i, len - i, &n);
		i += n;
	}
	at[len] = 1;
}

typedef struct Scan
{
	const char *text;
	size_t		len;
	size_t		prev_end;
	size_t		nwords;
	size_t		stop_after;		/* 0: never stop */
} Scan;

static void
fail(const char *why, const char *text, size_t len)
{
	fprintf(stderr, "%s; input (%zu bytes):", why, len);
	for (size_t i = 0; i < len; i++)
		fprintf(stderr, " %02X", (unsigned char) text[i]);
	fprintf(stderr, "\n");
	abort();
}

/* off (relative to w, which lies inside text) is a character start */
static int
boundary(const char *w, const char *text, size_t off)
{
	return at[(size_t) (w - text) + off];
}

static void
check_segment(const char *w, size_t len, const char *text, size_t tlen)
{
	ArWordSeg	seg;
	size_t		prev = 0;

	/* poison so that unset fields show up */
	memset(&seg, 0xA5, sizeof(seg));
	ArSegmentWord(w, len, &seg);
	if (seg.nclitics < 0 || seg.nclitics > 2)
		fail("nclitics out of range", text, tlen);
	for (int i = 0; i < seg.nclitics; i++)
	{
		if (seg.clitic_end[i] <= prev || seg.clitic_end[i] > len ||
			!boundary(w, text, seg.clitic_end[i]))
			fail("clitic_end not increasing, out of the word or inside a character",
				 text, tlen);
		prev = seg.clitic_end[i];
	}
	if (seg.article != 0 && seg.article != 1)
		fail("article not 0/1", text, tlen);
	if (seg.article_contracted != 0 && seg.article_contracted != 1)
		fail("article_contracted not 0/1", text, tlen);
	if (seg.article_contracted && !seg.article)
		fail("contracted article without article", text, tlen);
	if (!(prev <= seg.article_start && seg.article_start <= seg.stem_start &&
		  seg.stem_start <= len))
		fail("offsets not ordered: clitic_end <= article_start <= stem_start <= len",
			 text, tlen);
	if (!boundary(w, text, seg.article_start) || !boundary(w, text, seg.stem_start))
		fail("article_start or stem_start inside a character", text, tlen);
	if (!seg.article && seg.article_start != seg.stem_start)
		fail("no article but article_start != stem_start", text, tlen);
	if (seg.article && seg.stem_start == seg.article_start)
		fail("article of zero length", text, tlen);
}

static ArStatus
on_word(void *arg, const char *text, size_t start, size_t len)
{
	Scan	   *sc = arg;

	if (text != sc->text)
		fail("callback got another text pointer", sc->text, sc->len);
	if (len == 0 || start > sc->len || len > sc->len - start)
		fail("word empty or outside the text", sc->text, sc->len);
	if (start < sc->prev_end)
		fail("words overlap or go backwards", sc->text, sc->len);
	if (sc->nwords > 0 && start == sc->prev_end)
		fail("two words without a separator between them", sc->text, sc->len);
	if (!boundary(text, text, start) || !boundary(text, text, start + len))
		fail("word boundary inside a character", sc->text, sc->len);
	sc->prev_end = start + len;
	sc->nwords++;

	check_segment(text + start, len, sc->text, sc->len);

	if (sc->stop_after && sc->nwords == sc->stop_after)
		return AR_ERR_TOO_LARGE;	/* any non-OK status */
	return AR_OK;
}

static void
count_interrupt(void *ctx)
{
	(*(size_t *) ctx)++;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *) data;
	size_t		interrupts = 0;
	ArEnv		env = *ArMallocEnv();
	Scan		sc = {text, size, 0, 0, 0};
	size_t		all;

	mark_boundaries(text, size);
	env.check_interrupts = count_interrupt;
	env.ctx = &interrupts;

	if (ArTokenize(text, size, on_word, &sc, &env) != AR_OK)
		fail("ArTokenize failed without a failing callback", text, size);
	all = sc.nwords;

	/* stopping after the first word returns the callback's status */
	if (all > 0)
	{
		Scan		stop = {text, size, 0, 0, 1};

		if (ArTokenize(text, size, on_word, &stop, &env) != AR_ERR_TOO_LARGE ||
			stop.nwords != 1)
			fail("a failing callback did not stop the scan", text, size);
	}

	/* the raw bytes as one word: any input must be safe */
	check_segment(text, size, text, size);
	return 0;
}
