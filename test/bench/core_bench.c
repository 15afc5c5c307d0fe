/*
 * test/bench/core_bench.c
 *
 * Throughput of the normalization core (src/core, no PostgreSQL): reads a
 * file of paragraphs, one per line, and normalizes every line on its own
 * (as the SQL functions see one row at a time) under each profile, plus a
 * memcpy of every line into the same kind of output buffer as a baseline.
 * Each measurement runs over the whole file RUNS times and the median is
 * printed in MB/s of input and ns per line.  The same is then done with
 * every line prefixed by a word in Arabic presentation forms, which sends
 * every line down the ICU path (the "slow" columns).
 *
 * Build (run.sh does this): gcc -O2 -Isrc/core test/bench/core_bench.c
 *   src/core/<every .c file> -licuuc
 * Usage: core_bench FILE [RUNS]
 */
#include "ar_env.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "ﻋﺎﺟﻞ: " in presentation forms: forces the Unicode stage (NFC and NFKC) */
#define SLOW_PREFIX "\xEF\xBB\x8B\xEF\xBA\x8E\xEF\xBA\x9F\xEF\xBB\x9E: "

typedef struct Lines
{
	char	   *data;
	size_t	   *start;
	size_t	   *len;
	size_t		n;
	size_t		bytes;			/* sum of line lengths, newlines excluded */
} Lines;

static double
now_sec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void *
xmalloc(size_t n)
{
	void	   *p = malloc(n ? n : 1);

	if (p == NULL)
	{
		fprintf(stderr, "core_bench: out of memory\n");
		exit(2);
	}
	return p;
}

/* Reads path and splits it at newlines; prefix (may be "") starts each line. */
static void
read_lines(const char *path, const char *prefix, Lines *l)
{
	FILE	   *f = fopen(path, "rb");
	size_t		cap = 1 << 20,
				len = 0,
				plen = strlen(prefix),
				nlines = 0,
				pos;
	char	   *raw = xmalloc(cap);
	size_t		r;

	if (f == NULL)
	{
		perror(path);
		exit(2);
	}
	while ((r = fread(raw + len, 1, cap - len, f)) > 0)
	{
		len += r;
		if (len == cap)
		{
			cap *= 2;
			raw = realloc(raw, cap);
			if (raw == NULL)
				exit(2);
		}
	}
	fclose(f);
	for (size_t i = 0; i < len; i++)
		nlines += raw[i] == '\n';
	nlines += 1;
	l->data = xmalloc(len + nlines * plen + 1);
	l->start = xmalloc(nlines * sizeof(size_t));
	l->len = xmalloc(nlines * sizeof(size_t));
	l->n = 0;
	l->bytes = 0;
	pos = 0;
	for (size_t i = 0; i < len;)
	{
		size_t		j = i;

		while (j < len && raw[j] != '\n')
			j++;
		if (j > i)
		{
			l->start[l->n] = pos;
			memcpy(l->data + pos, prefix, plen);
			memcpy(l->data + pos + plen, raw + i, j - i);
			l->len[l->n] = plen + (j - i);
			pos += l->len[l->n];
			l->bytes += l->len[l->n];
			l->n++;
		}
		i = j + 1;
	}
	free(raw);
}

static int
cmp_double(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static size_t sink;

static ArStatus
count_word(void *arg, const char *text, size_t start, size_t len)
{
	(void) text;
	(void) start;
	(void) len;
	(*(size_t *) arg)++;
	return AR_OK;
}

/* mode: -1 memcpy, -2 search + tokenize, otherwise profile flags */
static double
one_pass(const Lines *l, long mode, ArBuf *out, const ArEnv *env)
{
	double		t0 = now_sec();

	for (size_t i = 0; i < l->n; i++)
	{
		const char *s = l->data + l->start[i];
		size_t		n = l->len[i];
		ArStatus	rc;

		out->len = 0;
		if (mode == -1)
		{
			if ((rc = ArBufReserve(out, n, env)) == AR_OK)
			{
				memcpy(out->data, s, n);
				out->len = n;
			}
		}
		else if (mode == -2)
		{
			size_t		words = 0;

			rc = ArNormalize(s, n, AR_PROFILE_SEARCH, out, env);
			if (rc == AR_OK)
				rc = ArTokenize(out->data, out->len, count_word, &words, env);
			sink += words;
		}
		else
			rc = ArNormalize(s, n, (uint32_t) mode, out, env);
		if (rc != AR_OK)
		{
			fprintf(stderr, "core_bench: line %zu: %s\n", i + 1,
					ArStatusMessage(rc));
			exit(2);
		}
		sink += out->len;
	}
	return now_sec() - t0;
}

static double
median_pass(const Lines *l, long mode, int runs)
{
	const ArEnv *env = ArMallocEnv();
	ArBuf		out = {0};
	double		t[64];

	one_pass(l, mode, &out, env);	/* warm up: caches, quick-check tables */
	for (int r = 0; r < runs; r++)
		t[r] = one_pass(l, mode, &out, env);
	ArBufFree(&out, env);
	qsort(t, runs, sizeof(double), cmp_double);
	return t[runs / 2];
}

int
main(int argc, char **argv)
{
	static const struct
	{
		const char *name;
		long		mode;
	}			modes[] = {
		{"memcpy (baseline)", -1},
		{"display", AR_PROFILE_DISPLAY},
		{"search", AR_PROFILE_SEARCH},
		{"camel", AR_PROFILE_CAMEL},
		{"search + tokenize", -2},
	};
	Lines		fast,
				slow;
	int			runs = argc > 2 ? atoi(argv[2]) : 5;

	if (argc < 2)
	{
		fprintf(stderr, "usage: %s FILE [RUNS]\n", argv[0]);
		return 2;
	}
	if (runs < 1 || runs > 64)
		runs = 5;
	read_lines(argv[1], "", &fast);
	read_lines(argv[1], SLOW_PREFIX, &slow);
	printf("core: %zu lines, %.1f MB as is; %.1f MB with the presentation-form prefix; "
		   "ICU %s; median of %d runs after one warm-up run\n",
		   fast.n, fast.bytes / 1e6, slow.bytes / 1e6, ArIcuVersion(), runs);
	printf("%-20s | %12s | %12s | %12s | %12s\n", "core function",
		   "as-is MB/s", "as-is ns/line", "slow MB/s", "slow ns/line");
	printf("%-20s-+-%12s-+-%12s-+-%12s-+-%12s\n", "--------------------",
		   "------------", "------------", "------------", "------------");
	for (size_t m = 0; m < sizeof(modes) / sizeof(modes[0]); m++)
	{
		double		tf = median_pass(&fast, modes[m].mode, runs);
		double		ts = median_pass(&slow, modes[m].mode, runs);

		printf("%-20s | %12.1f | %12.1f | %12.1f | %12.1f\n", modes[m].name,
			   fast.bytes / tf / 1e6, tf * 1e9 / fast.n,
			   slow.bytes / ts / 1e6, ts * 1e9 / slow.n);
		fflush(stdout);
	}
	return sink == 42 ? 1 : 0;
}
