/*
 * src/model/clusters.c
 *
 * Word clusters for the entity tagger, from unlabelled text (make clusters
 * runs it on the Arabic Wikipedia text of ../shared/data/wiki).
 *
 * Reads text on standard input, one paragraph a line, and splits it into
 * words with the tagger's own code (ArTagSplit), so that a word's key is
 * the folded stem the tagger hashes (ArWordKeys: clitics and article off,
 * alef, yeh and teh marbuta folded).  The words seen at least --min-count
 * times (at most --vocab of them, the most frequent) are clustered by the
 * exchange algorithm over class bigrams in its predictive form (Uszkoreit
 * and Brants 2008), on both sides: a word's class is chosen to maximize
 *
 *   sum over (w, c) of N(w, c) log N(w, c)      w the word before, c the class
 * + sum over (c, u) of N(c, u) log N(c, u)      u the word after
 * - 2 * sum over c of N(c) log N(c)
 *
 * where the context words w and u are the --context most frequent words,
 * all rarer words one context, sentence edges another.  Words are visited
 * by frequency; each moves to the class that gains most (ties: the lower
 * class); a pass repeats until fewer than 0.1% of the words move or
 * --iterations passes.  Each granularity of --classes (say 64,256,1024) is
 * a separate clustering from the same start (word rank modulo K).
 *
 * Writes on standard output a first comment line naming the run, then one
 * line per clustered word of Arabic letters and digits (arabic_word): a written form of the word (the shortest seen,
 * then the first in byte order: its stem is the key), its count, and its
 * class at each granularity (classes numbered by their most frequent word).
 * Deterministic: no threads, no clock, no randomness; same input, same
 * bytes out.
 *
 *   xz -dc arwiki.txt.xz | clusters [--classes 64,256,1024] [--min-count 5]
 *        [--vocab 150000] [--context 10000] [--iterations 10] > clusters.tsv
 */
#include "ar_tagger.h"
#include "ar_unicode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_GRAN 4
#define EDGE UINT32_MAX			/* a sentence edge in the token stream */
#define FLOG_N (1 << 18)

static void
die(const char *msg)
{
	fprintf(stderr, "clusters: %s\n", msg);
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die("out of memory");
	return p;
}

/* ------------------------------------------------------------------ */
/* Vocabulary: stem key -> entry                                        */

typedef struct Entry
{
	uint64_t	key;
	uint64_t	count;
	uint32_t	form;			/* offset of the written form in the arena */
	uint32_t	formlen;
	uint32_t	rank;
} Entry;

static Entry *ent;
static uint32_t nent,
			capent;
static uint32_t *slot;			/* entry + 1, 0 empty */
static uint32_t smask;
static char *arena;
static size_t narena,
			caparena;

static uint32_t
arena_put(const char *s, size_t n)
{
	if (narena + n > caparena)
	{
		while (narena + n > caparena)
			caparena = caparena ? caparena * 2 : 1 << 22;
		arena = xrealloc(arena, caparena);
	}
	memcpy(arena + narena, s, n);
	narena += n;
	if (narena > UINT32_MAX)
		die("too much text");
	return (uint32_t) (narena - n);
}

static void
grow_slots(void)
{
	uint32_t	cap = smask ? (smask + 1) * 2 : 1 << 16;

	free(slot);
	slot = xrealloc(NULL, sizeof(uint32_t) * cap);
	memset(slot, 0, sizeof(uint32_t) * cap);
	smask = cap - 1;
	for (uint32_t i = 0; i < nent; i++)
	{
		uint32_t	s = (uint32_t) ArMix64(ent[i].key) & smask;

		while (slot[s])
			s = (s + 1) & smask;
		slot[s] = i + 1;
	}
}

/* The entry of stem key, added with the written form s[0..n-1] if new. */
static uint32_t
lookup(uint64_t key, const char *s, size_t n)
{
	uint32_t	h;
	Entry	   *e;

	if ((nent + 1) * 2 > smask)
		grow_slots();
	h = (uint32_t) ArMix64(key) & smask;
	while (slot[h] && ent[slot[h] - 1].key != key)
		h = (h + 1) & smask;
	if (slot[h] == 0)
	{
		if (nent == capent)
			ent = xrealloc(ent, sizeof(Entry) * (capent = capent ? capent * 2 : 1 << 16));
		e = &ent[nent];
		e->key = key;
		e->count = 0;
		e->form = arena_put(s, n);
		e->formlen = (uint32_t) n;
		slot[h] = ++nent;
	}
	e = &ent[slot[h] - 1];
	/* the shortest form, then the first in byte order */
	if (n < e->formlen ||
		(n == e->formlen && memcmp(s, arena + e->form, n) < 0))
	{
		memcpy(arena + e->form, s, n);
		e->formlen = (uint32_t) n;
	}
	e->count++;
	return slot[h] - 1;
}

/*
 * Is s[0..n-1] a word of Arabic letters and digits (no other script)?  The
 * tagger looks up the classes of those only: Latin words cluster together
 * in Wikipedia, and ANERcorp's few Latin words are mostly names, so a class
 * of them would tag any English sentence.
 */
static int
arabic_word(const char *s, size_t n)
{
	for (size_t i = 0; i < n;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + i, n - i, &nb);

		i += (size_t) nb;
		if (c == 0x200C || c == 0x200D)
			continue;
		if ((c < 0x0600 || c > 0x06FF) && ArDigitValue(c) < 0)
			return 0;
	}
	return 1;
}

static int
cmp_rank(const void *a, const void *b)
{
	const Entry *x = *(const Entry *const *) a,
			   *y = *(const Entry *const *) b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

/* ------------------------------------------------------------------ */
/* Contexts of each clustered word, both sides                          */

typedef struct Side
{
	uint32_t   *off;			/* word v's contexts: [off[v], off[v+1]) */
	uint32_t   *ctx;
	uint32_t   *n;
} Side;

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t	x = *(const uint64_t *) a,
				y = *(const uint64_t *) b;

	return x < y ? -1 : x > y;
}

/* pairs: (v << 32 | ctx), sorted here, turned into the CSR lists of side */
static void
build_side(uint64_t *pairs, size_t np, uint32_t nv, Side *side)
{
	size_t		k = 0;

	qsort(pairs, np, sizeof(uint64_t), cmp_u64);
	side->off = xrealloc(NULL, sizeof(uint32_t) * (nv + 1));
	side->ctx = xrealloc(NULL, sizeof(uint32_t) * (np + 1));
	side->n = xrealloc(NULL, sizeof(uint32_t) * (np + 1));
	memset(side->off, 0, sizeof(uint32_t) * (nv + 1));
	for (size_t i = 0; i < np;)
	{
		size_t		j = i;

		while (j < np && pairs[j] == pairs[i])
			j++;
		side->ctx[k] = (uint32_t) pairs[i];
		side->n[k] = (uint32_t) (j - i);
		side->off[(pairs[i] >> 32) + 1]++;
		k++;
		i = j;
	}
	for (uint32_t v = 0; v < nv; v++)
		side->off[v + 1] += side->off[v];
}

/* ------------------------------------------------------------------ */
/* The exchange algorithm                                               */

static double flog[FLOG_N];		/* x log x */

static inline double
xlogx(uint64_t x)
{
	return x < FLOG_N ? flog[x] : (double) x * log((double) x);
}

/* Adds sign * v's contexts to the class counts of side s (rows of K). */
static void
move_counts(const Side *s, uint32_t v, int32_t *N, uint32_t K, uint32_t c, int sign)
{
	for (uint32_t e = s->off[v]; e < s->off[v + 1]; e++)
		N[(size_t) s->ctx[e] * K + c] += sign * (int32_t) s->n[e];
}

/* gain[c] += what v's contexts on side s add to the first sum in class c */
static void
side_gain(const Side *s, uint32_t v, const int32_t *N, uint32_t K, double *gain)
{
	double		base = 0;

	for (uint32_t e = s->off[v]; e < s->off[v + 1]; e++)
	{
		const int32_t *row = N + (size_t) s->ctx[e] * K;
		uint32_t	n = s->n[e];
		double		fn = xlogx(n);

		base += fn;
		for (uint32_t c = 0; c < K; c++)
			if (row[c])
				gain[c] += xlogx((uint64_t) row[c] + n) - xlogx((uint64_t) row[c]) - fn;
	}
	for (uint32_t c = 0; c < K; c++)
		gain[c] += base;
}

static void
exchange(const Side *L, const Side *R, const uint64_t *cnt, uint32_t nv,
		 uint32_t nctx, uint32_t K, int iterations, uint32_t *cls)
{
	int32_t    *NL = xrealloc(NULL, sizeof(int32_t) * nctx * K),
			   *NR = xrealloc(NULL, sizeof(int32_t) * nctx * K);
	int64_t    *Nc = xrealloc(NULL, sizeof(int64_t) * K);
	double	   *gain = xrealloc(NULL, sizeof(double) * K);

	memset(NL, 0, sizeof(int32_t) * nctx * K);
	memset(NR, 0, sizeof(int32_t) * nctx * K);
	memset(Nc, 0, sizeof(int64_t) * K);
	for (uint32_t v = 0; v < nv; v++)
	{
		cls[v] = v % K;
		move_counts(L, v, NL, K, cls[v], 1);
		move_counts(R, v, NR, K, cls[v], 1);
		Nc[cls[v]] += (int64_t) cnt[v];
	}
	for (int it = 1; it <= iterations; it++)
	{
		uint32_t	moved = 0;

		for (uint32_t v = 0; v < nv; v++)
		{
			uint32_t	old = cls[v],
						best = 0;

			move_counts(L, v, NL, K, old, -1);
			move_counts(R, v, NR, K, old, -1);
			Nc[old] -= (int64_t) cnt[v];
			for (uint32_t c = 0; c < K; c++)
				gain[c] = -2 * (xlogx((uint64_t) Nc[c] + cnt[v]) - xlogx((uint64_t) Nc[c]));
			side_gain(L, v, NL, K, gain);
			side_gain(R, v, NR, K, gain);
			for (uint32_t c = 1; c < K; c++)
				if (gain[c] > gain[best])
					best = c;
			/* stay unless another class gains more */
			if (gain[old] >= gain[best])
				best = old;
			cls[v] = best;
			moved += best != old;
			move_counts(L, v, NL, K, best, 1);
			move_counts(R, v, NR, K, best, 1);
			Nc[best] += (int64_t) cnt[v];
		}
		fprintf(stderr, "clusters: %u classes, pass %d: %u of %u words moved\n", K, it, moved, nv);
		if (moved * 1000.0 < nv)
			break;
	}
	/* number the classes by their most frequent word */
	{
		uint32_t   *map = xrealloc(NULL, sizeof(uint32_t) * K),
					next = 0;

		for (uint32_t c = 0; c < K; c++)
			map[c] = UINT32_MAX;
		for (uint32_t v = 0; v < nv; v++)
		{
			if (map[cls[v]] == UINT32_MAX)
				map[cls[v]] = next++;
			cls[v] = map[cls[v]];
		}
		free(map);
	}
	free(NL);
	free(NR);
	free(Nc);
	free(gain);
}

/* ------------------------------------------------------------------ */

int
main(int argc, char **argv)
{
	const ArEnv *env = ArMallocEnv();
	uint32_t	gran[MAX_GRAN] = {64, 256, 1024};
	int			ngran = 3,
				iterations = 10;
	uint64_t	min_count = 5;
	uint32_t	max_vocab = 150000,
				max_ctx = 10000,
				nv,
				nctx,
				*stream = NULL;
	size_t		nstream = 0,
				capstream = 0,
				nwords = 0;
	char	   *line = NULL;
	size_t		linecap = 0;
	ssize_t		linelen;
	ArTagWords	ws = {0};
	Entry	  **order;
	uint32_t   *rank_of,
			   *cls[MAX_GRAN];
	uint64_t   *pairs,
			   *cnt;
	size_t		npl = 0,
				npr = 0;
	Side		L,
				R;

	for (int i = 1; i < argc; i++)
	{
		if (i + 1 >= argc)
			die("missing value after an option");
		if (strcmp(argv[i], "--classes") == 0)
		{
			char	   *p = argv[++i];

			ngran = 0;
			while (*p && ngran < MAX_GRAN)
			{
				gran[ngran++] = (uint32_t) strtoul(p, &p, 10);
				if (*p == ',')
					p++;
			}
		}
		else if (strcmp(argv[i], "--min-count") == 0)
			min_count = strtoull(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--vocab") == 0)
			max_vocab = (uint32_t) strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--context") == 0)
			max_ctx = (uint32_t) strtoul(argv[++i], NULL, 10);
		else if (strcmp(argv[i], "--iterations") == 0)
			iterations = atoi(argv[++i]);
		else
			die("usage: clusters [--classes K1,K2,...] [--min-count N] [--vocab N] [--context N] [--iterations N] < text > clusters.tsv");
	}
	for (int g = 0; g < ngran; g++)
		if (gran[g] < 2 || gran[g] > 65535)
			die("--classes: each granularity between 2 and 65535");
	for (uint32_t x = 1; x < FLOG_N; x++)
		flog[x] = (double) x * log((double) x);

	/* 1. words -> entries, the text as a stream of entries and edges */
	while ((linelen = getline(&line, &linecap, stdin)) > 0)
	{
		ArStatus	rc = ArTagSplit(line, (size_t) linelen, &ws, env);

		if (rc != AR_OK)
			die(ArStatusMessage(rc));
		if (nstream + ws.n * 2 + 2 > capstream)
		{
			while (nstream + ws.n * 2 + 2 > capstream)
				capstream = capstream ? capstream * 2 : 1 << 20;
			stream = xrealloc(stream, sizeof(uint32_t) * capstream);
		}
		for (int i = 0; i < ws.n; i++)
		{
			uint64_t	stem,
						bare;
			size_t		skip;

			if (ws.w[i].sent_start)
				stream[nstream++] = EDGE;
			ArWordKeys(line, &ws.w[i], &stem, &bare, &skip);
			stream[nstream++] = lookup(stem, line + ws.w[i].start, ws.w[i].len);
		}
		nwords += (size_t) ws.n;
	}
	if (nstream == capstream)
		stream = xrealloc(stream, sizeof(uint32_t) * ++capstream);
	stream[nstream++] = EDGE;
	free(line);
	ArTagWordsFree(&ws, env);

	/* 2. ranks; the clustered words and the context words */
	order = xrealloc(NULL, sizeof(Entry *) * (nent + 1));
	for (uint32_t i = 0; i < nent; i++)
		order[i] = &ent[i];
	qsort(order, nent, sizeof(Entry *), cmp_rank);
	for (uint32_t r = 0; r < nent; r++)
		order[r]->rank = r;
	nv = 0;
	while (nv < nent && nv < max_vocab && order[nv]->count >= min_count)
		nv++;
	nctx = (max_ctx < nv ? max_ctx : nv) + 2;	/* + rarer words + edge */
	fprintf(stderr, "clusters: %zu words, %u distinct stems, %u clustered (seen %llu times or more), %u contexts\n",
			nwords, nent, nv, (unsigned long long) (nv ? order[nv - 1]->count : 0), nctx);
	rank_of = xrealloc(NULL, sizeof(uint32_t) * (nent + 1));
	for (uint32_t i = 0; i < nent; i++)
		rank_of[i] = ent[i].rank;
	cnt = xrealloc(NULL, sizeof(uint64_t) * (nv + 1));
	for (uint32_t v = 0; v < nv; v++)
		cnt[v] = order[v]->count;

	/* 3. (word, context) pairs on each side */
	pairs = xrealloc(NULL, sizeof(uint64_t) * (nwords + 1));
	for (int side = 0; side < 2; side++)
	{
		size_t		np = 0;

		for (size_t i = 0; i < nstream; i++)
		{
			uint32_t	v,
						c,
						o;

			if (stream[i] == EDGE || (v = rank_of[stream[i]]) >= nv)
				continue;
			/* there is always an edge before the first word and after the last */
			o = stream[side == 0 ? i - 1 : i + 1];
			c = o == EDGE ? nctx - 1 : rank_of[o] < nctx - 2 ? rank_of[o] : nctx - 2;
			pairs[np++] = (uint64_t) v << 32 | c;
		}
		build_side(pairs, np, nv, side == 0 ? &L : &R);
		if (side == 0)
			npl = L.off[nv];
		else
			npr = R.off[nv];
	}
	free(pairs);
	free(stream);
	fprintf(stderr, "clusters: %zu left and %zu right (word, context) pairs\n", npl, npr);

	/* 4. cluster at each granularity */
	for (int g = 0; g < ngran; g++)
	{
		cls[g] = xrealloc(NULL, sizeof(uint32_t) * (nv + 1));
		exchange(&L, &R, cnt, nv, nctx, gran[g], iterations, cls[g]);
	}

	/* 5. the table */
	printf("# generated by src/model/clusters.c (classes");
	for (int g = 0; g < ngran; g++)
		printf("%c%u", g ? ',' : ' ', gran[g]);
	printf(", min-count %llu, vocab %u, context %u, iterations %d) from %zu words; do not edit\n",
		   (unsigned long long) min_count, max_vocab, max_ctx, iterations, nwords);
	for (uint32_t v = 0; v < nv; v++)
	{
		if (!arabic_word(arena + order[v]->form, order[v]->formlen))
			continue;
		fwrite(arena + order[v]->form, 1, order[v]->formlen, stdout);
		printf("\t%llu", (unsigned long long) cnt[v]);
		for (int g = 0; g < ngran; g++)
			printf("\t%u", cls[g][v]);
		putchar('\n');
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		die("cannot write the table");
	return 0;
}
