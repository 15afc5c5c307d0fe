/*
 * test/fuzz/fuzz_entities.c
 *
 * libFuzzer target for the tokenizer-plus-tagger path: ArExtract with the
 * committed model (src/model/pg_arabic_ner.model, read once; run from the
 * repository root, as make fuzz does), then ArMentionClean on every
 * mention.  Checked: mentions come left to right without overlapping, each
 * covers whole words inside the text (start at its first word, end at its
 * last word's end, 1 to AR_TAG_MAX_SENT words), its type is one of the four,
 * the cleaned form starts inside the first word, and the cleaned form is
 * non-empty valid UTF-8 without a leading or trailing space.  The
 * interrupt callback must run at least once per sentence segment.  Then
 * the user gazetteer's spelling keys of every word and of the whole input
 * as a name (ArWordSpellingKeys, ArGazSpellingPhraseKey).
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core \
 *          test/fuzz/fuzz_entities.c src/core/ar_*.c -licuuc -o /tmp/fuzz_entities
 */
#include "ar_tagger.h"
#include "ar_unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ArModel *model;
static char *image;
static int	interrupts;
static ArEnv env;

static void
count_interrupt(void *ctx)
{
	(void) ctx;
	interrupts++;
}

int			LLVMFuzzerInitialize(int *argc, char ***argv);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	FILE	   *fp = fopen("src/model/pg_arabic_ner.model", "rb");
	long		n;
	const char *why;

	(void) argc;
	(void) argv;
	env = *ArMallocEnv();
	env.check_interrupts = count_interrupt;
	if (fp == NULL)
	{
		fprintf(stderr, "fuzz_entities: run from the repository root (src/model/pg_arabic_ner.model)\n");
		abort();
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	image = aligned_alloc(8, ((size_t) n + 15) & ~(size_t) 7);
	if (image == NULL || fread(image, 1, (size_t) n, fp) != (size_t) n)
		abort();
	fclose(fp);
	if ((why = ArModelOpen(image, (size_t) n, &model, &env)) != NULL)
	{
		fprintf(stderr, "fuzz_entities: %s\n", why);
		abort();
	}
	return 0;
}

typedef struct State
{
	const char *text;
	size_t		len;
	const ArTagWords *ws;
	size_t		last_end;
	int			last_word;
} State;

static int
valid_utf8(const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + i, n - i, &nb);

		if (c == 0xFFFD && !(n - i >= 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
			return 0;
		i += (size_t) nb;
	}
	return 1;
}

static ArStatus
on_mention(void *arg, const ArMention *m)
{
	State	   *st = arg;
	const ArTagWords *ws = st->ws;
	ArBuf		b = {0};

	if (m->type < 0 || m->type >= AR_ENT_NTYPES || m->nwords < 1 ||
		m->nwords > AR_TAG_MAX_SENT || m->first < 0 || m->first + m->nwords > ws->n)
		abort();
	if (m->first < st->last_word || m->start < st->last_end)
		abort();				/* out of order or overlapping */
	if (m->start != ws->w[m->first].start ||
		m->end != ws->w[m->first + m->nwords - 1].start + ws->w[m->first + m->nwords - 1].len ||
		m->end > st->len || m->start >= m->end)
		abort();
	if (m->first_off > ws->w[m->first].len || (m->restore != 0 && m->restore != 1))
		abort();
	if (ArMentionClean(st->text, ws, m, &b, &env) != AR_OK)
		abort();
	if (b.len == 0 || !valid_utf8(b.data, b.len) || b.data[0] == ' ' || b.data[b.len - 1] == ' ')
	{
		/* a word made only of marks cleans to nothing: allowed for one word */
		if (!(b.len == 0 && m->nwords == 1))
			abort();
	}
	ArBufFree(&b, &env);
	st->last_end = m->end;
	st->last_word = m->first + m->nwords;
	return AR_OK;
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ArTagWords	ws = {0};
	State		st = {(const char *) data, size, &ws, 0, 0};
	int			segments = 0;

	interrupts = 0;
	if (ArExtract(model, (const char *) data, size, &ws, on_mention, &st, &env) != AR_OK)
		abort();
	for (int i = 0; i < ws.n; i++)
		segments += ws.w[i].sent_start;
	if (interrupts < segments)
		abort();
	/* the user gazetteer's spelling keys: every word, and the text as a name */
	{
		ArBuf		scratch[2] = {{0}};
		int			nw;

		for (int i = 0; i < ws.n; i++)
		{
			uint64_t	k,
						b;

			if (ArWordSpellingKeys((const char *) data, &ws.w[i], 1, &k, &b, scratch, &env) != AR_OK ||
				k == 0)
				abort();
		}
		(void) ArGazSpellingPhraseKey((const char *) data, size, &nw, &env);
		if (nw < 0 || nw > AR_GAZ_MAXWORDS)
			abort();
		ArBufFree(&scratch[0], &env);
		ArBufFree(&scratch[1], &env);
	}
	ArTagWordsFree(&ws, &env);
	return 0;
}
