/*
 * src/model/train.c
 *
 * Trains the entity tagger of pg_arabic and writes its model image.
 *
 * Reads ANERcorp-style training data (one "token TAG" per line, BIO tags
 * over PERS, LOC, ORG and MISC, a blank line between sentences), turns each
 * sentence into text, splits it with the same code the extension uses
 * (src/core/ar_tagger.c), computes the same features, and trains a
 * structured averaged perceptron with Viterbi decoding.  The last
 * --test-fraction of the sentences is held out and never trained on; with
 * --dev the fraction before it is held out too and scored instead (for
 * choosing settings without looking at the test part).  The written image
 * is then loaded back through ArModelOpen and scored with the extension's
 * own decoder: exact-match entity precision, recall and F1 per type
 * (CoNLL style, over the tokenizer's words).
 *
 * Deterministic: a fixed shuffling seed, no threads, no clock.
 *
 *   train --data train.txt --gazetteer gazetteer.tsv --out model.bin
 *         [--epochs N] [--test-fraction F] [--dev] [--min-count N]
 *         [--report report.md]
 */
#include "ar_tagger.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const ArEnv *env;

static void
die(const char *fmt, const char *arg)
{
	fprintf(stderr, "train: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	exit(1);
}

static void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die("out of memory%s", "");
	return p;
}

/* ------------------------------------------------------------------ */
/* Reading the corpus                                                   */

typedef struct Sentence
{
	char	   *text;
	size_t		len;
	ArTagWords	words;
	uint8_t    *gold;			/* per word */
} Sentence;

static int
tag_of(const char *t)
{
	static const char *const names[] = {"PERS", "LOC", "ORG", "MISC"};

	if (strcmp(t, "O") == 0)
		return 0;
	if ((t[0] == 'B' || t[0] == 'I') && t[1] == '-')
		for (int k = 0; k < 4; k++)
			if (strcmp(t + 2, names[k]) == 0)
				return 1 + 2 * k + (t[0] == 'I');
	return -1;
}

/* Tokens of one sentence -> text, words and word-level gold tags. */
static void
finish_sentence(Sentence *s, char **tok, int *tags, int ntok)
{
	size_t		len = 0,
			   *tstart = xrealloc(NULL, sizeof(size_t) * (ntok + 1));
	ArStatus	rc;

	for (int i = 0; i < ntok; i++)
		len += strlen(tok[i]) + 1;
	s->text = xrealloc(NULL, len + 1);
	s->len = 0;
	for (int i = 0; i < ntok; i++)
	{
		size_t		n = strlen(tok[i]);

		if (i)
			s->text[s->len++] = ' ';
		tstart[i] = s->len;
		memcpy(s->text + s->len, tok[i], n);
		s->len += n;
	}
	tstart[ntok] = s->len + 1;
	s->text[s->len] = '\0';
	memset(&s->words, 0, sizeof(s->words));
	rc = ArTagSplit(s->text, s->len, &s->words, env);
	if (rc != AR_OK)
		die("cannot split a sentence: %s", ArStatusMessage(rc));
	s->gold = xrealloc(NULL, s->words.n + 1);
	for (int i = 0, t = 0; i < s->words.n; i++)
	{
		int			g;

		while (t + 1 < ntok && tstart[t + 1] <= s->words.w[i].start)
			t++;
		g = tags[t];
		/* a token split into several words: the later ones continue it */
		if (g && (g & 1) && i > 0 && s->words.w[i - 1].start >= tstart[t])
			g = g + 1;
		/* I-X after something else opens an entity; so does a segment start */
		if (g && !(g & 1) &&
			(i == 0 || s->words.w[i].sent_start ||
			 (s->gold[i - 1] != g && s->gold[i - 1] != g - 1)))
			g = g - 1;
		s->gold[i] = (uint8_t) g;
	}
	free(tstart);
}

/*
 * WikiFANE's fine classes -> our tags' types (0 PERS, 1 LOC, 2 ORG), or -1
 * for classes whose ANERcorp counterpart is unclear (facilities, groups of
 * people, products, vehicles, weapons...): sentences with those are skipped.
 */
static int
wikifane_type(const char *cls)
{
	static const char *const pers[] = {"Politician", "Religious_PER", "Artist", "Other_PER",
		"Scientist", "Athlete", "Businessperson", "Engineer", "Lawyer", "Police", NULL};
	static const char *const loc[] = {"Population-Center", "Nation", "Water-Body",
		"State-or-Province", "Continent", "Land-Region-Natural", "GPE-Cluster",
	"County-or-District", NULL};
	static const char *const org[] = {"Government", "Commercial", "Non-Governmental",
		"Educational", "Media", "Sports", "Religious_ORG", "Medical-Science", "Entertainment", NULL};
	const char *const *lists[3] = {pers, loc, org};

	for (int t = 0; t < 3; t++)
		for (int i = 0; lists[t][i]; i++)
			if (strcmp(cls, lists[t][i]) == 0)
				return t;
	return -1;
}

/* Removes U+FEFF and U+200E from s, in place. */
static void
strip_marks(char *s)
{
	char	   *o = s;

	for (char *p = s; *p;)
	{
		if ((unsigned char) p[0] == 0xEF && (unsigned char) p[1] == 0xBB && (unsigned char) p[2] == 0xBF)
			p += 3;
		else if ((unsigned char) p[0] == 0xE2 && (unsigned char) p[1] == 0x80 && (unsigned char) p[2] == 0x8E)
			p += 3;
		else
			*o++ = *p++;
	}
	*o = '\0';
}

/*
 * A WikiFANE line "token<TAB>B-Class" -> token and our tag; -2 for a class
 * we do not map.  A lone و is glued to the next token, as ANERcorp writes it.
 */
static int
wikifane_tag(char *line, char **tok)
{
	char	   *tab = strchr(line, '\t');
	int			t;

	if (tab == NULL)
		return -3;
	*tab = '\0';
	strip_marks(line);
	*tok = line;
	if (strcmp(tab + 1, "O") == 0)
		return 0;
	if ((tab[1] != 'B' && tab[1] != 'I') || tab[2] != '-')
		return -3;
	if ((t = wikifane_type(tab + 3)) < 0)
		return -2;
	return 1 + 2 * t + (tab[1] == 'I');
}

static Sentence *
read_corpus(const char *path, int *nsent, int wikifane)
{
	FILE	   *fp = fopen(path, "r");
	char		line[4096];
	char	  **tok = NULL;
	int		   *tags = NULL,
				ntok = 0,
				captok = 0,
				n = 0,
				cap = 0;
	Sentence   *ss = NULL;
	int			skip = 0,
				glue = 0;

	if (fp == NULL)
		die("cannot open %s", path);
	for (;;)
	{
		char	   *got = fgets(line, sizeof(line), fp);
		char	   *sp;
		size_t		l;
		int			tag_of_override;

		if (got)
		{
			l = strlen(line);
			while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
				line[--l] = '\0';
		}
		if (got == NULL || line[0] == '\0' || (wikifane && line[0] == '\t'))
		{
			if (ntok && !skip)
			{
				if (n == cap)
					ss = xrealloc(ss, sizeof(Sentence) * (cap = cap ? cap * 2 : 1024));
				finish_sentence(&ss[n++], tok, tags, ntok);
			}
			for (int i = 0; i < ntok; i++)
				free(tok[i]);
			ntok = 0;
			skip = glue = 0;
			if (got == NULL)
				break;
			continue;
		}
		if (wikifane)
		{
			char	   *word;
			int			t = wikifane_tag(line, &word);

			if (t == -3)
				die("bad WikiFANE line: %s", line);
			if (t == -2)
			{
				skip = 1;
				continue;
			}
			if (word[0] == '\0')
				continue;
			if (glue)
			{
				char	   *w = xrealloc(NULL, strlen(word) + 3);

				sprintf(w, "\xD9\x88%s", word);	/* و + word */
				free(tok[ntok - 1]);
				tok[ntok - 1] = w;
				tags[ntok - 1] = t;
				glue = 0;
				continue;
			}
			glue = strcmp(word, "\xD9\x88") == 0;
			memmove(line, word, strlen(word) + 1);
			sp = line + strlen(line);
			*sp = ' ';
			sp[1] = '\0';
			tag_of_override = t;
		}
		else
		{
			sp = strrchr(line, ' ');
			if (sp == NULL || tag_of(sp + 1) < 0)
				die("bad line (expected \"token TAG\"): %s", line);
			tag_of_override = tag_of(sp + 1);
		}
		*sp = '\0';
		if (ntok == captok)
		{
			captok = captok ? captok * 2 : 256;
			tok = xrealloc(tok, sizeof(char *) * captok);
			tags = xrealloc(tags, sizeof(int) * captok);
		}
		tok[ntok] = strdup(line);
		tags[ntok++] = tag_of_override;
	}
	fclose(fp);
	free(tok);
	free(tags);
	*nsent = n;
	return ss;
}

/* ------------------------------------------------------------------ */
/* Gazetteer                                                            */

typedef struct GazEntry
{
	uint64_t	key;
	uint16_t	mask;
} GazEntry;

static int
cmp_gaz(const void *a, const void *b)
{
	uint64_t	x = ((const GazEntry *) a)->key,
				y = ((const GazEntry *) b)->key;

	return x < y ? -1 : x > y;
}

static GazEntry *
read_gazetteer(const char *path, int *ngaz)
{
	FILE	   *fp;
	char		line[4096];
	GazEntry   *g = NULL;
	int			n = 0,
				cap = 0,
				out = 0;

	*ngaz = 0;
	if (path == NULL)
		return NULL;
	if ((fp = fopen(path, "r")) == NULL)
		die("cannot open %s", path);
	while (fgets(line, sizeof(line), fp))
	{
		size_t		l = strlen(line);
		char	   *tab;
		uint16_t	cls;
		int			nw;
		uint64_t	key;

		while (l && (line[l - 1] == '\n' || line[l - 1] == '\r'))
			line[--l] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if ((tab = strchr(line, '\t')) == NULL ||
			(cls = ArGazClass(line, (size_t) (tab - line))) == 0)
			die("bad gazetteer line: %s", line);
		key = ArGazPhraseKey(tab + 1, strlen(tab + 1), &nw, env);
		if (nw == 0)
			continue;
		if (n == cap)
			g = xrealloc(g, sizeof(GazEntry) * (cap = cap ? cap * 2 : 4096));
		g[n].key = key;
		g[n++].mask = cls;
	}
	fclose(fp);
	qsort(g, n, sizeof(GazEntry), cmp_gaz);
	for (int i = 0; i < n; i++)
	{
		if (out > 0 && g[out - 1].key == g[i].key)
			g[out - 1].mask |= g[i].mask;
		else
			g[out++] = g[i];
	}
	*ngaz = out;
	return g;
}

/* ------------------------------------------------------------------ */
/* Segments with features                                               */

typedef struct Segment
{
	int			n;
	uint64_t   *f;
	int		   *off;
	uint8_t    *gold;
	int32_t    *fidx;			/* feature indices, -1 unknown */
} Segment;

static Segment *segs;
static int	nsegs;
static int	capsegs;

static void
featurize_sentence(const ArGaz *gaz, Sentence *s, int *first_seg)
{
	ArTagFeats	fs = {0};

	*first_seg = nsegs;
	for (int a = 0; a < s->words.n;)
	{
		int			b = a + 1;
		Segment    *g;
		ArStatus	rc;

		while (b < s->words.n && !s->words.w[b].sent_start)
			b++;
		rc = ArTagFeaturize(gaz, s->text, s->len, &s->words, a, b, &fs, env);
		if (rc != AR_OK)
			die("featurize: %s", ArStatusMessage(rc));
		if (nsegs == capsegs)
			segs = xrealloc(segs, sizeof(Segment) * (capsegs = capsegs ? capsegs * 2 : 4096));
		g = &segs[nsegs++];
		g->n = b - a;
		g->off = xrealloc(NULL, sizeof(int) * (g->n + 1));
		memcpy(g->off, fs.off, sizeof(int) * (g->n + 1));
		g->f = xrealloc(NULL, sizeof(uint64_t) * fs.off[g->n]);
		memcpy(g->f, fs.f, sizeof(uint64_t) * fs.off[g->n]);
		g->gold = xrealloc(NULL, g->n);
		memcpy(g->gold, s->gold + a, g->n);
		g->fidx = NULL;
		a = b;
	}
	ArTagFeatsFree(&fs, env);
}

/* ------------------------------------------------------------------ */
/* Feature table: key -> index                                          */

static uint64_t *tkeys;
static int32_t *tslot;
static uint32_t tmask;
static int	nfeat;
static int	capfeat;
static int *fcount;

static int
feat_index(uint64_t key, int add)
{
	uint32_t	s;

	if (tslot == NULL && !add)
		return -1;
	if (add && (tslot == NULL || (size_t) nfeat * 2 >= (size_t) tmask + 1))
	{
		uint32_t	nslots = tmask ? (tmask + 1) * 2 : 1u << 20;

		free(tslot);
		tslot = xrealloc(NULL, sizeof(int32_t) * nslots);
		memset(tslot, 0xff, sizeof(int32_t) * nslots);
		tmask = nslots - 1;
		for (int i = 0; i < nfeat; i++)
		{
			s = (uint32_t) (tkeys[i] & tmask);
			while (tslot[s] >= 0)
				s = (s + 1) & tmask;
			tslot[s] = i;
		}
	}
	s = (uint32_t) (key & tmask);
	while (tslot[s] >= 0)
	{
		if (tkeys[tslot[s]] == key)
			return tslot[s];
		s = (s + 1) & tmask;
	}
	if (!add)
		return -1;
	if (nfeat == capfeat)
	{
		capfeat = capfeat ? capfeat * 2 : 1 << 20;
		tkeys = xrealloc(tkeys, sizeof(uint64_t) * capfeat);
		fcount = xrealloc(fcount, sizeof(int) * capfeat);
	}
	tkeys[nfeat] = key;
	fcount[nfeat] = 0;
	tslot[s] = nfeat;
	return nfeat++;
}

/* ------------------------------------------------------------------ */
/* Perceptron                                                           */

#define NT AR_NTAGS

static float *W;				/* [nfeat][NT] */
static double *U;				/* averaging sums */
static double TW[(NT + 1) * NT];
static double TU[(NT + 1) * NT];

static inline int
allowed(int a, int b)
{
	if (b == 0 || (b & 1))
		return 1;
	return a > 0 && (a + 1) / 2 == b / 2;
}

static void
viterbi(const Segment *g, uint8_t *out)
{
	double		score[NT],
				next[NT];
	static uint8_t back[AR_TAG_MAX_SENT][NT];

	for (int i = 0; i < g->n; i++)
	{
		double		em[NT] = {0};

		for (int k = g->off[i]; k < g->off[i + 1]; k++)
		{
			int			j = g->fidx[k];

			if (j >= 0)
				for (int t = 0; t < NT; t++)
					em[t] += W[(size_t) j * NT + t];
		}
		for (int t = 0; t < NT; t++)
		{
			if (i == 0)
			{
				next[t] = allowed(-1, t) ? em[t] + TW[t] : -1e300;
				continue;
			}
			{
				double		best = -1e301;
				int			arg = 0;

				for (int s = 0; s < NT; s++)
				{
					double		v;

					if (!allowed(s, t))
						continue;
					v = score[s] + TW[(s + 1) * NT + t];
					if (v > best)
					{
						best = v;
						arg = s;
					}
				}
				next[t] = best + em[t];
				back[i][t] = (uint8_t) arg;
			}
		}
		memcpy(score, next, sizeof(score));
	}
	{
		int			t = 0;

		for (int s = 1; s < NT; s++)
			if (score[s] > score[t])
				t = s;
		for (int i = g->n - 1; i >= 0; i--)
		{
			out[i] = (uint8_t) t;
			t = back[i][t];
		}
	}
}

static void
update(const Segment *g, const uint8_t *tags, double delta, double c)
{
	for (int i = 0; i < g->n; i++)
	{
		int			t = tags[i];
		int			prev = i == 0 ? 0 : tags[i - 1] + 1;

		for (int k = g->off[i]; k < g->off[i + 1]; k++)
		{
			int			j = g->fidx[k];

			if (j < 0)
				continue;
			W[(size_t) j * NT + t] += (float) delta;
			U[(size_t) j * NT + t] += c * delta;
		}
		TW[prev * NT + t] += delta;
		TU[prev * NT + t] += c * delta;
	}
}

static uint64_t rng = 0x2545F4914F6CDD1DULL;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t) (rng >> 32);
}

/* ------------------------------------------------------------------ */
/* Writing the image                                                    */

static void
put(unsigned char **buf, size_t *len, size_t *cap, const void *p, size_t n)
{
	if (*len + n > *cap)
	{
		while (*len + n > *cap)
			*cap = *cap ? *cap * 2 : 1 << 20;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, p, n);
	*len += n;
}

static void
pad8(unsigned char **buf, size_t *len, size_t *cap)
{
	static const unsigned char z[8] = {0};

	if (*len % 8)
		put(buf, len, cap, z, 8 - *len % 8);
}

typedef struct Kept
{
	uint64_t	key;
	int16_t		w[NT];
} Kept;

static int
cmp_kept(const void *a, const void *b)
{
	uint64_t	x = ((const Kept *) a)->key,
				y = ((const Kept *) b)->key;

	return x < y ? -1 : x > y;
}

static unsigned char *
build_image(double c, const GazEntry *gaz, int ngaz, int min_count,
			size_t *image_len, int *kept_out)
{
	double		maxabs = 0;
	double		scale;
	Kept	   *kept = xrealloc(NULL, sizeof(Kept) * (nfeat + 1));
	int			nk = 0;
	unsigned char *buf = NULL;
	size_t		len = 0,
				cap = 0;
	uint32_t	hdr[6];
	uint64_t	sum;

	for (size_t j = 0; j < (size_t) nfeat * NT; j++)
	{
		double		a = fabs(W[j] - U[j] / c);

		if (fcount[j / NT] >= min_count && a > maxabs)
			maxabs = a;
	}
	for (int j = 0; j < (NT + 1) * NT; j++)
		if (fabs(TW[j] - TU[j] / c) > maxabs)
			maxabs = fabs(TW[j] - TU[j] / c);
	scale = maxabs > 0 ? 32000.0 / maxabs : 1.0;
	for (int j = 0; j < nfeat; j++)
	{
		int			nz = 0;

		if (fcount[j] < min_count)
			continue;
		for (int t = 0; t < NT; t++)
		{
			double		v = (W[(size_t) j * NT + t] - U[(size_t) j * NT + t] / c) * scale;
			long		q = lround(v);

			kept[nk].w[t] = (int16_t) (q > 32767 ? 32767 : q < -32767 ? -32767 : q);
			nz |= kept[nk].w[t] != 0;
		}
		if (nz)
			kept[nk++].key = tkeys[j];
	}
	qsort(kept, nk, sizeof(Kept), cmp_kept);

	put(&buf, &len, &cap, AR_MODEL_MAGIC, 8);
	hdr[0] = AR_MODEL_VERSION;
	hdr[1] = NT;
	hdr[2] = (uint32_t) nk;
	hdr[3] = (uint32_t) ngaz;
	hdr[4] = 1;
	hdr[5] = 0;
	put(&buf, &len, &cap, hdr, sizeof(hdr));
	for (int j = 0; j < (NT + 1) * NT; j++)
	{
		int32_t		q = (int32_t) lround((TW[j] - TU[j] / c) * scale);

		put(&buf, &len, &cap, &q, 4);
	}
	for (int i = 0; i < nk; i++)
		put(&buf, &len, &cap, &kept[i].key, 8);
	for (int i = 0; i < nk; i++)
		put(&buf, &len, &cap, kept[i].w, sizeof(kept[i].w));
	pad8(&buf, &len, &cap);
	for (int i = 0; i < ngaz; i++)
		put(&buf, &len, &cap, &gaz[i].key, 8);
	for (int i = 0; i < ngaz; i++)
		put(&buf, &len, &cap, &gaz[i].mask, 2);
	pad8(&buf, &len, &cap);
	sum = ArFnv64(buf, len);
	put(&buf, &len, &cap, &sum, 8);
	free(kept);
	*image_len = len;
	*kept_out = nk;
	return buf;
}

/* ------------------------------------------------------------------ */
/* Scoring with the extension's decoder                                 */

typedef struct Counts
{
	long		tp[AR_ENT_NTYPES],
				fp[AR_ENT_NTYPES],
				fn[AR_ENT_NTYPES];
} Counts;

/* Entities of a tag sequence: start, end (exclusive), type. */
static int
spans(const uint8_t *tags, int n, int (*out)[3])
{
	int			k = 0;

	for (int i = 0; i < n;)
	{
		int			j;

		if (tags[i] == 0 || !(tags[i] & 1))
		{
			i++;
			continue;
		}
		j = i + 1;
		while (j < n && tags[j] == tags[i] + 1)
			j++;
		out[k][0] = i;
		out[k][1] = j;
		out[k][2] = (tags[i] - 1) / 2;
		k++;
		i = j;
	}
	return k;
}

static void
score_sentences(const ArModel *m, Sentence *ss, int a, int b, Counts *c)
{
	ArTagFeats	fs = {0};
	uint8_t		tags[AR_TAG_MAX_SENT];
	int			gs[AR_TAG_MAX_SENT][3],
				ps[AR_TAG_MAX_SENT][3];

	memset(c, 0, sizeof(*c));
	for (int si = a; si < b; si++)
	{
		Sentence   *s = &ss[si];

		for (int x = 0; x < s->words.n;)
		{
			int			y = x + 1,
						ng,
						np;

			while (y < s->words.n && !s->words.w[y].sent_start)
				y++;
			if (ArTagFeaturize(ArModelGaz(m), s->text, s->len, &s->words, x, y, &fs, env) != AR_OK ||
				ArTagDecode(m, &fs, tags, env) != AR_OK)
				die("decode failed%s", "");
			ng = spans(s->gold + x, y - x, gs);
			np = spans(tags, y - x, ps);
			for (int i = 0; i < np; i++)
			{
				int			hit = 0;

				for (int j = 0; j < ng && !hit; j++)
					hit = gs[j][0] == ps[i][0] && gs[j][1] == ps[i][1] && gs[j][2] == ps[i][2];
				if (hit)
					c->tp[ps[i][2]]++;
				else
					c->fp[ps[i][2]]++;
			}
			for (int j = 0; j < ng; j++)
			{
				int			hit = 0;

				for (int i = 0; i < np && !hit; i++)
					hit = gs[j][0] == ps[i][0] && gs[j][1] == ps[i][1] && gs[j][2] == ps[i][2];
				if (!hit)
					c->fn[gs[j][2]]++;
			}
			x = y;
		}
	}
	ArTagFeatsFree(&fs, env);
}

static void
report(FILE *out, const Counts *c, const char *title)
{
	long		tp = 0,
				fp = 0,
				fn = 0;

	fprintf(out, "%s\n\n| type | gold | predicted | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|\n", title);
	for (int t = 0; t <= AR_ENT_NTYPES; t++)
	{
		long		a = t < AR_ENT_NTYPES ? c->tp[t] : tp,
					b = t < AR_ENT_NTYPES ? c->fp[t] : fp,
					d = t < AR_ENT_NTYPES ? c->fn[t] : fn;
		double		p = a + b ? (double) a / (a + b) : 0,
					r = a + d ? (double) a / (a + d) : 0,
					f = p + r > 0 ? 2 * p * r / (p + r) : 0;

		fprintf(out, "| %s | %ld | %ld | %.3f | %.3f | %.3f |\n",
				t < AR_ENT_NTYPES ? ArEntityTypeName((ArEntityType) t) : "**all**",
				a + d, a + b, p, r, f);
		if (t < AR_ENT_NTYPES)
		{
			tp += c->tp[t];
			fp += c->fp[t];
			fn += c->fn[t];
		}
	}
	fprintf(out, "\n");
}

/* ------------------------------------------------------------------ */

int
main(int argc, char **argv)
{
	const char *data = NULL,
			   *gazpath = NULL,
			   *outpath = NULL,
			   *reportpath = NULL,
			   *extra = NULL;
	int			epochs = 12,
				dev = 0,
				min_count = 1;
	double		test_fraction = 0.1;
	Sentence   *ss;
	int			nsent,
				ngaz,
				ntest,
				ntrain,
				nkept;
	GazEntry   *gaz;
	uint64_t   *gkeys;
	uint16_t   *gmasks;
	ArGaz		tgaz;
	int		   *seg_first;
	int			train_segs;
	int		   *order;
	double		c = 1;
	unsigned char *image;
	size_t		image_len;
	ArModel    *model;
	const char *why;
	Counts		counts;
	FILE	   *fp;

	env = ArMallocEnv();
	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--dev") == 0)
			dev = 1;
		else if (i + 1 >= argc)
			die("missing value after %s", argv[i]);
		else if (strcmp(argv[i], "--data") == 0)
			data = argv[++i];
		else if (strcmp(argv[i], "--gazetteer") == 0)
			gazpath = argv[++i];
		else if (strcmp(argv[i], "--out") == 0)
			outpath = argv[++i];
		else if (strcmp(argv[i], "--extra") == 0)
			extra = argv[++i];
		else if (strcmp(argv[i], "--report") == 0)
			reportpath = argv[++i];
		else if (strcmp(argv[i], "--epochs") == 0)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-count") == 0)
			min_count = atoi(argv[++i]);
		else if (strcmp(argv[i], "--test-fraction") == 0)
			test_fraction = atof(argv[++i]);
		else
			die("unknown option %s", argv[i]);
	}
	if (data == NULL || outpath == NULL)
		die("usage: train --data FILE --out MODEL [--gazetteer TSV] [--epochs N] [--dev] [--test-fraction F] [--min-count N] [--report FILE]%s", "");

	ss = read_corpus(data, &nsent, 0);
	ntest = (int) (nsent * test_fraction + 0.5);
	ntrain = nsent - ntest - (dev ? ntest : 0);
	if (extra)
	{
		int			nextra;
		Sentence   *xs = read_corpus(extra, &nextra, 1);

		/* extra sentences train only: they go before the held-out parts */
		ss = xrealloc(ss, sizeof(Sentence) * (nsent + nextra));
		memmove(ss + ntrain + nextra, ss + ntrain, sizeof(Sentence) * (nsent - ntrain));
		memcpy(ss + ntrain, xs, sizeof(Sentence) * nextra);
		free(xs);
		fprintf(stderr, "train: %d extra training sentences from %s\n", nextra, extra);
		ntrain += nextra;
		nsent += nextra;
	}
	gaz = read_gazetteer(gazpath, &ngaz);
	gkeys = xrealloc(NULL, sizeof(uint64_t) * (ngaz + 1));
	gmasks = xrealloc(NULL, sizeof(uint16_t) * (ngaz + 1));
	for (int i = 0; i < ngaz; i++)
	{
		gkeys[i] = gaz[i].key;
		gmasks[i] = gaz[i].mask;
	}
	tgaz.key = gkeys;
	tgaz.mask = gmasks;
	tgaz.n = ngaz;
	fprintf(stderr, "train: %d sentences: %d for training, %d %s; gazetteer %d keys\n",
			nsent, ntrain, ntest, dev ? "for development (then the test part, unused)" : "held out for the test", ngaz);

	seg_first = xrealloc(NULL, sizeof(int) * (ntrain + 1));
	for (int i = 0; i < ntrain; i++)
		featurize_sentence(&tgaz, &ss[i], &seg_first[i]);
	train_segs = nsegs;
	for (int i = 0; i < train_segs; i++)
	{
		Segment    *g = &segs[i];

		g->fidx = xrealloc(NULL, sizeof(int32_t) * (g->off[g->n] + 1));
		for (int k = 0; k < g->off[g->n]; k++)
		{
			g->fidx[k] = feat_index(g->f[k], 1);
			fcount[g->fidx[k]]++;
		}
	}
	fprintf(stderr, "train: %d segments, %d distinct features\n", train_segs, nfeat);
	W = calloc((size_t) nfeat * NT, sizeof(float));
	U = calloc((size_t) nfeat * NT, sizeof(double));
	if (W == NULL || U == NULL)
		die("out of memory%s", "");

	order = xrealloc(NULL, sizeof(int) * (train_segs + 1));
	for (int i = 0; i < train_segs; i++)
		order[i] = i;
	for (int e = 0; e < epochs; e++)
	{
		long		errs = 0;
		uint8_t		pred[AR_TAG_MAX_SENT];

		for (int i = train_segs - 1; i > 0; i--)
		{
			int			j = (int) (next_rand() % (uint32_t) (i + 1)),
						t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int i = 0; i < train_segs; i++)
		{
			Segment    *g = &segs[order[i]];

			viterbi(g, pred);
			if (memcmp(pred, g->gold, g->n) != 0)
			{
				update(g, g->gold, 1.0, c);
				update(g, pred, -1.0, c);
				errs++;
			}
			c += 1;
		}
		fprintf(stderr, "train: epoch %d: %ld of %d segments wrong\n", e + 1, errs, train_segs);
	}

	image = build_image(c, gaz, ngaz, min_count, &image_len, &nkept);
	if ((fp = fopen(outpath, "wb")) == NULL ||
		fwrite(image, 1, image_len, fp) != image_len || fclose(fp) != 0)
		die("cannot write %s", outpath);
	fprintf(stderr, "train: wrote %s: %zu bytes, %d features kept of %d\n",
			outpath, image_len, nkept, nfeat);

	/* Score through the extension's own loader and decoder. */
	if ((why = ArModelOpen(image, image_len, &model, env)) != NULL)
		die("the written model does not load: %s", why);
	{
		int			a = ntrain,
					b = ntrain + ntest;
		char		title[256];

		score_sentences(model, ss, a, b, &counts);
		snprintf(title, sizeof(title),
				 "Entity-level scores (exact match) on the %s: sentences %d-%d of %d (%d sentences), trained on sentences 1-%d, %d epochs",
				 dev ? "development part" : "held-out test part", a + 1, b, nsent, ntest, ntrain, epochs);
		report(stdout, &counts, title);
		if (reportpath)
		{
			FILE	   *rp = fopen(reportpath, "w");

			if (rp == NULL)
				die("cannot write %s", reportpath);
			report(rp, &counts, title);
			fclose(rp);
		}
	}
	ArModelFree(model, env);
	free(image);
	return 0;
}
