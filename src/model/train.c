/*
 * src/model/train.c
 *
 * Trains the entity tagger of pg_arabic and writes its model image
 * (src/model/train_data.c reads the inputs; train.h is what they share).
 *
 * Reads ANERcorp-style training data (one "token TAG" per line, BIO tags
 * over PERS, LOC, ORG and MISC, a blank line between sentences), turns each
 * sentence into text, splits it with the same code the extension uses
 * (src/core/ar_tag_features.c), computes the same features, and trains a
 * structured averaged perceptron with Viterbi decoding.  The last
 * --test-fraction of the sentences is held out and never trained on; with
 * --dev the fraction before it is held out too and scored instead (for
 * choosing settings without looking at the test part); --fold B (with
 * --dev) scores block B of the training part's 10% blocks instead, for
 * cross-validation.  The written image
 * is then loaded back through ArModelOpen and scored with the extension's
 * own decoder: exact-match entity precision, recall and F1 per type
 * (CoNLL style, over the tokenizer's words), with the organization chains
 * and the event names applied as the extension applies them
 * (ArTagApplyOrgChains, ArTagApplyEvents) and, in a third table, without
 * them (ANERcorp's convention; --no-org-chains scores only so).
 *
 * Deterministic: a fixed shuffling seed, no threads, no clock.
 *
 *   train --data train.txt --gazetteer gazetteer.tsv [--gazetteer more.tsv]
 *         [--sure-gazetteer names.tsv] [--sure-words places.tsv]
 *         [--clusters clusters.tsv]
 *         [--context-words names.tsv]
 *         --out model.bin [--epochs N] [--test-fraction F] [--dev [--fold B]]
 *         [--min-count N] [--no-org-chains]
 *         [--report report.md]
 */
#include "train.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const ArEnv *env;

void
die(const char *fmt, const char *arg)
{
	fprintf(stderr, "train: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n");
	exit(1);
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die("out of memory%s", "");
	return p;
}

/* ------------------------------------------------------------------ */
/* Segments with features                                               */

typedef struct Segment
{
	int			sent;			/* sentence index */
	int			a;				/* first word in the sentence */
	int			n;
	int		   *off;
	uint8_t    *gold;
	int32_t    *fidx;			/* feature indices, -1 unknown */
	uint8_t    *pred;			/* first-stage prediction (jackknifed) */
} Segment;

typedef struct SegList
{
	Segment    *s;
	int			n;
	int			cap;
} SegList;

static int	feat_index(uint64_t key, int add);
static int *fcount;
static ArClusters *clusters;	/* --clusters, or NULL */

/*
 * Appends the segments of sentence si to L, with features under doc (NULL:
 * first stage); add: register unseen features (training) or map them to -1.
 */
static void
featurize_sentence(const ArGaz *gaz, const ArDocMem *doc, Sentence *ss, int si,
				   SegList *L, int add)
{
	static ArTagFeats fs;
	Sentence   *s = &ss[si];

	for (int a = 0; a < s->words.n;)
	{
		int			b = a + 1;
		Segment    *g;
		ArStatus	rc;

		while (b < s->words.n && !s->words.w[b].sent_start)
			b++;
		rc = ArTagFeaturize(gaz, clusters, doc, s->text, s->len, &s->words, a, b, &fs, env);
		if (rc != AR_OK)
			die("featurize: %s", ArStatusMessage(rc));
		if (L->n == L->cap)
			L->s = xrealloc(L->s, sizeof(Segment) * (L->cap = L->cap ? L->cap * 2 : 4096));
		g = &L->s[L->n++];
		g->sent = si;
		g->a = a;
		g->n = b - a;
		g->off = xrealloc(NULL, sizeof(int) * (g->n + 1));
		memcpy(g->off, fs.off, sizeof(int) * (g->n + 1));
		g->fidx = xrealloc(NULL, sizeof(int32_t) * (fs.off[g->n] + 1));
		for (int k = 0; k < fs.off[g->n]; k++)
		{
			g->fidx[k] = feat_index(fs.f[k], add);
			if (add)
				fcount[g->fidx[k]]++;
		}
		g->gold = xrealloc(NULL, g->n);
		memcpy(g->gold, s->gold + a, g->n);
		g->pred = xrealloc(NULL, g->n);
		memset(g->pred, 0, g->n);
		a = b;
	}
}

static void
free_segments(SegList *L)
{
	for (int i = 0; i < L->n; i++)
	{
		free(L->s[i].off);
		free(L->s[i].fidx);
		free(L->s[i].gold);
		free(L->s[i].pred);
	}
	free(L->s);
	memset(L, 0, sizeof(*L));
}

/* ------------------------------------------------------------------ */
/* Feature table: key -> index                                          */

static uint64_t *tkeys;
static int32_t *tslot;
static uint32_t tmask;
static int	nfeat;
static int	capfeat;

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
#define TN ((NT + 1) * NT)

static float *W;				/* [nfeat][NT]; averaged after train() */
static double *U;				/* averaging sums */
static size_t wsize;
static double TW[TN];
static double TU[TN];

static void
viterbi(const Segment *g, uint8_t *out)
{
	static double em[AR_TAG_MAX_SENT * NT];

	for (int i = 0; i < g->n; i++)
	{
		double	   *e = em + i * NT;

		memset(e, 0, sizeof(double) * NT);
		for (int k = g->off[i]; k < g->off[i + 1]; k++)
		{
			int			j = g->fidx[k];

			if (j >= 0 && (size_t) j < wsize)
				for (int t = 0; t < NT; t++)
					e[t] += W[(size_t) j * NT + t];
		}
	}
	ArViterbi(g->n, em, TW, out);
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

static uint64_t rng;

static uint32_t
next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t) (rng >> 32);
}

/*
 * Trains on the segments of L whose sentence is not in [skip_a, skip_b),
 * from zero weights, and leaves the averaged weights in W and TW.
 */
static void
train(SegList *L, int skip_a, int skip_b, int epochs, const char *what)
{
	int		   *order = xrealloc(NULL, sizeof(int) * (L->n + 1));
	int			n = 0;
	double		c = 1;
	uint8_t		pred[AR_TAG_MAX_SENT];

	if (wsize < (size_t) nfeat)
	{
		free(W);
		free(U);
		wsize = (size_t) nfeat;
		W = malloc(wsize * NT * sizeof(float));
		U = malloc(wsize * NT * sizeof(double));
		if (W == NULL || U == NULL)
			die("out of memory%s", "");
	}
	memset(W, 0, wsize * NT * sizeof(float));
	memset(U, 0, wsize * NT * sizeof(double));
	memset(TW, 0, sizeof(TW));
	memset(TU, 0, sizeof(TU));
	rng = 0x2545F4914F6CDD1DULL;
	for (int i = 0; i < L->n; i++)
		if (L->s[i].sent < skip_a || L->s[i].sent >= skip_b)
			order[n++] = i;
	for (int e = 0; e < epochs; e++)
	{
		long		errs = 0;

		for (int i = n - 1; i > 0; i--)
		{
			int			j = (int) (next_rand() % (uint32_t) (i + 1)),
						t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int i = 0; i < n; i++)
		{
			Segment    *g = &L->s[order[i]];

			viterbi(g, pred);
			if (memcmp(pred, g->gold, g->n) != 0)
			{
				update(g, g->gold, 1.0, c);
				update(g, pred, -1.0, c);
				errs++;
			}
			c += 1;
		}
		if (e == epochs - 1)
			fprintf(stderr, "train: %s: %d segments, last epoch %ld wrong\n", what, n, errs);
	}
	for (size_t j = 0; j < wsize * NT; j++)
		W[j] = (float) (W[j] - U[j] / c);
	for (int j = 0; j < TN; j++)
		TW[j] = TW[j] - TU[j] / c;
	free(order);
}

/* ------------------------------------------------------------------ */
/* The image                                                            */

typedef struct Kept
{
	uint64_t	key;
	int16_t		w[NT];
} Kept;

typedef struct StageOut
{
	Kept	   *k;
	int			n;
	int32_t		trans[TN];
} StageOut;

static int
cmp_kept(const void *a, const void *b)
{
	uint64_t	x = ((const Kept *) a)->key,
				y = ((const Kept *) b)->key;

	return x < y ? -1 : x > y;
}

/* Quantizes the averaged weights in W/TW (features seen >= min_count). */
static void
export_stage(StageOut *o, int min_count)
{
	double		maxabs = 0,
				scale;

	for (size_t j = 0; j < (size_t) nfeat * NT; j++)
		if (fcount[j / NT] >= min_count && fabs(W[j]) > maxabs)
			maxabs = fabs(W[j]);
	for (int j = 0; j < TN; j++)
		if (fabs(TW[j]) > maxabs)
			maxabs = fabs(TW[j]);
	scale = maxabs > 0 ? 32000.0 / maxabs : 1.0;
	o->k = xrealloc(NULL, sizeof(Kept) * (nfeat + 1));
	o->n = 0;
	for (int j = 0; j < nfeat; j++)
	{
		int			nz = 0;

		if (fcount[j] < min_count)
			continue;
		for (int t = 0; t < NT; t++)
		{
			long		q = lround(W[(size_t) j * NT + t] * scale);

			o->k[o->n].w[t] = (int16_t) (q > 32767 ? 32767 : q < -32767 ? -32767 : q);
			nz |= o->k[o->n].w[t] != 0;
		}
		if (nz)
			o->k[o->n++].key = tkeys[j];
	}
	qsort(o->k, o->n, sizeof(Kept), cmp_kept);
	for (int j = 0; j < TN; j++)
		o->trans[j] = (int32_t) lround(TW[j] * scale);
}

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

static unsigned char *
build_image(const StageOut *st, const GazEntry *gaz, int ngaz,
			const ArClusters *cl, size_t *image_len)
{
	unsigned char *buf = NULL;
	size_t		len = 0,
				cap = 0;
	uint32_t	hdr[6];
	uint64_t	sum;

	put(&buf, &len, &cap, AR_MODEL_MAGIC, 8);
	hdr[0] = AR_MODEL_VERSION;
	hdr[1] = NT;
	hdr[2] = (uint32_t) st[0].n;
	hdr[3] = (uint32_t) st[1].n;
	hdr[4] = (uint32_t) ngaz;
	hdr[5] = cl ? (uint32_t) cl->n : 0;
	put(&buf, &len, &cap, hdr, sizeof(hdr));
	for (int k = 0; k < 2; k++)
		put(&buf, &len, &cap, st[k].trans, sizeof(st[k].trans));
	for (int k = 0; k < 2; k++)
	{
		for (int i = 0; i < st[k].n; i++)
			put(&buf, &len, &cap, &st[k].k[i].key, 8);
		for (int i = 0; i < st[k].n; i++)
			put(&buf, &len, &cap, st[k].k[i].w, sizeof(st[k].k[i].w));
		pad8(&buf, &len, &cap);
	}
	for (int i = 0; i < ngaz; i++)
		put(&buf, &len, &cap, &gaz[i].key, 8);
	for (int i = 0; i < ngaz; i++)
		put(&buf, &len, &cap, &gaz[i].mask, 2);
	pad8(&buf, &len, &cap);
	if (cl)
	{
		put(&buf, &len, &cap, cl->key, sizeof(uint64_t) * cl->n);
		put(&buf, &len, &cap, cl->id, sizeof(uint16_t) * AR_CLUSTER_LEVELS * cl->n);
		pad8(&buf, &len, &cap);
	}
	sum = ArFnv64(buf, len);
	put(&buf, &len, &cap, &sum, 8);
	*image_len = len;
	return buf;
}

/* ------------------------------------------------------------------ */
/* Document windows                                                     */

/*
 * Fills doc with the first-stage predictions of the sentences within
 * window of si, inside [lo, hi) (ANERcorp has no document boundaries; a
 * window of neighbouring sentences stands in for the article).
 */
static void
window_doc(ArDocMem *doc, Sentence *ss, uint8_t **pred, int si, int lo, int hi, int window)
{
	int			a = si - window < lo ? lo : si - window,
				b = si + window + 1 > hi ? hi : si + window + 1;

	ArDocMemReset(doc);
	for (int k = a; k < b; k++)
		if (ArDocMemLearn(doc, ss[k].text, &ss[k].words, 0, ss[k].words.n, pred[k], env) != AR_OK)
			die("out of memory%s", "");
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
count_spans(const uint8_t *gold, const uint8_t *pred, int n, Counts *c)
{
	static int	gs[1 << 14][3],
				ps[1 << 14][3];
	int			ng = spans(gold, n, gs),
				np = spans(pred, n, ps);

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
}

/*
 * Tags sentences [a, b) with the model image, as ArExtract does (first
 * stage, document memory over the window, second stage with the sure names
 * and the context rules, then the names of the window found at their other
 * mentions) and counts entity matches of the first stage and of the end.
 */
static FILE *errors_fp;			/* --errors: wrong sentences, for engineers */

#define NO_CHAINS_TITLE "Without the organization chains (ArTagApplyOrgChains) and the event names " \
	"(ArTagApplyEvents; --no-org-chains scores so), " \
	"in ANERcorp's convention, which leaves a head noun and a nationality adjective untagged " \
	"(الجيش الإسرائيلي, وكالة الأنباء القطرية) and the head noun of an event out (اتفاقية مدريد):"

static void
score_sentences(const ArModel *m, Sentence *ss, int a, int b, int window,
				int chains, Counts *c1, Counts *c2)
{
	ArTagFeats	fs = {0};
	ArDocMem	doc = {0};
	uint8_t   **pred = xrealloc(NULL, sizeof(uint8_t *) * (b + 1)),
			  **fin = xrealloc(NULL, sizeof(uint8_t *) * (b + 1));
	uint32_t  **skel = xrealloc(NULL, sizeof(uint32_t *) * (b + 1));
	const ArGaz *gaz = ArModelGaz(m);
	uint64_t	kind_keys[AR_TAG_NKIND] = {0};

	memset(c1, 0, sizeof(*c1));
	memset(c2, 0, sizeof(*c2));
	for (int stage = 0; stage < 2; stage++)
		for (int si = a; si < b; si++)
		{
			Sentence   *s = &ss[si];
			uint8_t    *tags = xrealloc(NULL, s->words.n + 1);

			if (stage == 1)
			{
				window_doc(&doc, ss, pred, si, a, b, window);
				skel[si] = xrealloc(NULL, sizeof(uint32_t) * (s->words.n + 1));
			}
			for (int x = 0; x < s->words.n;)
			{
				int			y = x + 1;

				while (y < s->words.n && !s->words.w[y].sent_start)
					y++;
				if (ArTagFeaturize(gaz, ArModelClusters(m), stage ? &doc : NULL, s->text, s->len,
								   &s->words, x, y, &fs, env) != AR_OK ||
					ArTagDecode(m, stage, &fs, tags + x, env) != AR_OK)
					die("decode failed%s", "");
				if (stage == 1)
				{
					ArTagApplyRules(gaz, kind_keys, &fs, s->text, &s->words, x, y, tags + x,
									chains ? 0 : AR_RULES_NO_ORG_CHAINS | AR_RULES_NO_EVENTS, env);
					memcpy(skel[si] + x, fs.skel, sizeof(uint32_t) * (y - x));
				}
				x = y;
			}
			if (stage == 0)
			{
				count_spans(s->gold, tags, s->words.n, c1);
				pred[si] = tags;
			}
			else
				fin[si] = tags;
		}
	/* the names of the window at their other mentions */
	for (int si = a; si < b; si++)
	{
		Sentence   *s = &ss[si];
		int			lo = si - window < a ? a : si - window,
					hi = si + window + 1 > b ? b : si + window + 1;
		uint8_t    *tags = xrealloc(NULL, s->words.n + 1);

		ArDocMemReset(&doc);
		for (int k = lo; k < hi; k++)
			if (ArDocNamesLearn(&doc, gaz, ss[k].text, &ss[k].words, 0, ss[k].words.n,
								skel[k], fin[k], env) != AR_OK)
				die("out of memory%s", "");
		memcpy(tags, fin[si], s->words.n);
		for (int x = 0; x < s->words.n;)
		{
			int			y = x + 1;

			while (y < s->words.n && !s->words.w[y].sent_start)
				y++;
			ArDocNamesApply(&doc, gaz, s->text, &s->words, x, y, skel[si] + x, tags + x);
			x = y;
		}
		count_spans(s->gold, tags, s->words.n, c2);
		if (errors_fp && memcmp(s->gold, tags, s->words.n) != 0)
		{
			/* one line per word of a wrong sentence: word gold pred */
			fprintf(errors_fp, "#\n");
			for (int i = 0; i < s->words.n; i++)
				fprintf(errors_fp, "%.*s\t%d\t%d%s\n", (int) s->words.w[i].len,
						s->text + s->words.w[i].start, s->gold[i], tags[i],
						s->gold[i] != tags[i] ? "\t<<<" : "");
		}
		free(tags);
	}
	for (int si = a; si < b; si++)
	{
		free(pred[si]);
		free(fin[si]);
		free(skel[si]);
	}
	free(pred);
	free(fin);
	free(skel);
	ArTagFeatsFree(&fs, env);
	ArDocMemFree(&doc, env);
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
	const char *gazpath[MAX_GAZ_FILES];
	int			gazsure[MAX_GAZ_FILES];
	int			fold = -1;
	int			ngazpath = 0;
	const char *data = NULL,
			   *outpath = NULL,
			   *reportpath = NULL,
			   *extra = NULL,
			   *clusterpath = NULL,
			   *wikinames = NULL;
	int			epochs = 12,
				dev = 0,
				min_count = 1,
				folds = 5,
				window = 10;
	double		test_fraction = 0.1;
	Sentence   *ss;
	int			nsent,
				ngaz,
				ntest,
				ntrain,
				nanercorp;
	GazEntry   *gaz;
	uint64_t   *gkeys;
	uint16_t   *gmasks;
	ArGaz		tgaz;
	SegList		L1 = {0},
				L2 = {0};
	uint8_t   **pred;
	StageOut	st[2];
	unsigned char *image;
	size_t		image_len;
	ArModel    *model;
	const char *why;
	Counts		c0,
				c1,
				c2,
				c3;
	int			org_chains = 1;
	FILE	   *fp;
	ArDocMem	doc = {0};

	env = ArMallocEnv();
	for (int i = 1; i < argc; i++)
	{
		if (strcmp(argv[i], "--dev") == 0)
			dev = 1;
		else if (strcmp(argv[i], "--no-org-chains") == 0)
			org_chains = 0;
		else if (i + 1 >= argc)
			die("missing value after %s", argv[i]);
		else if (strcmp(argv[i], "--data") == 0)
			data = argv[++i];
		else if (strcmp(argv[i], "--gazetteer") == 0 || strcmp(argv[i], "--sure-gazetteer") == 0 ||
				 strcmp(argv[i], "--sure-words") == 0 || strcmp(argv[i], "--context-words") == 0)
		{
			if (ngazpath == MAX_GAZ_FILES)
				die("at most %s gazetteer files", "8");
			gazsure[ngazpath] = strcmp(argv[i], "--gazetteer") == 0 ? GAZ_FEATURE :
				strcmp(argv[i], "--sure-gazetteer") == 0 ? GAZ_SURE_PHRASES :
				strcmp(argv[i], "--context-words") == 0 ? GAZ_CONTEXT : GAZ_SURE_ALL;
			gazpath[ngazpath++] = argv[++i];
		}
		else if (strcmp(argv[i], "--out") == 0)
			outpath = argv[++i];
		else if (strcmp(argv[i], "--wikifane-names") == 0)
			wikinames = argv[++i];
		else if (strcmp(argv[i], "--clusters") == 0)
			clusterpath = argv[++i];
		else if (strcmp(argv[i], "--extra") == 0)
			extra = argv[++i];
		else if (strcmp(argv[i], "--errors") == 0)
		{
			if ((errors_fp = fopen(argv[++i], "w")) == NULL)
				die("cannot write %s", argv[i]);
		}
		else if (strcmp(argv[i], "--report") == 0)
			reportpath = argv[++i];
		else if (strcmp(argv[i], "--epochs") == 0)
			epochs = atoi(argv[++i]);
		else if (strcmp(argv[i], "--folds") == 0)
			folds = atoi(argv[++i]);
		else if (strcmp(argv[i], "--window") == 0)
			window = atoi(argv[++i]);
		else if (strcmp(argv[i], "--min-count") == 0)
			min_count = atoi(argv[++i]);
		else if (strcmp(argv[i], "--fold") == 0)
			fold = atoi(argv[++i]);
		else if (strcmp(argv[i], "--test-fraction") == 0)
			test_fraction = atof(argv[++i]);
		else
			die("unknown option %s", argv[i]);
	}
	if (data == NULL || outpath == NULL || folds < 2 || epochs < 1)
		die("usage: train --data FILE --out MODEL [--gazetteer TSV] [--sure-gazetteer TSV] [--sure-words TSV] [--context-words TSV] [--epochs N] [--folds N] [--window N] [--dev [--fold B]] [--test-fraction F] [--min-count N] [--wikifane-names WIKIFANE] [--clusters TSV] [--extra WIKIFANE] [--errors FILE] [--report FILE] [--no-org-chains]%s", "");

	ss = read_corpus(data, &nsent, 0);
	nanercorp = nsent;
	ntest = (int) (nsent * test_fraction + 0.5);
	ntrain = nsent - ntest - (dev ? ntest : 0);
	if (dev && fold >= 0 && (fold + 1) * ntest <= ntrain)
	{
		/* cross-validation: block `fold` of the training part becomes the development part */
		Sentence   *tmp = xrealloc(NULL, sizeof(Sentence) * ntest);

		memcpy(tmp, ss + fold * ntest, sizeof(Sentence) * ntest);
		memmove(ss + fold * ntest, ss + (fold + 1) * ntest, sizeof(Sentence) * (ntrain - (fold + 1) * ntest));
		memmove(ss + ntrain - ntest, ss + ntrain, sizeof(Sentence) * ntest);
		memcpy(ss + ntrain, tmp, sizeof(Sentence) * ntest);
		free(tmp);
	}
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
	gaz = read_gazetteer(gazpath, gazsure, ngazpath, wikinames, &ngaz);
	if (clusterpath)
		clusters = read_clusters(clusterpath);
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

	/* 1. first stage, jackknifed: predictions on training sentences */
	for (int i = 0; i < ntrain; i++)
		featurize_sentence(&tgaz, NULL, ss, i, &L1, 1);
	pred = xrealloc(NULL, sizeof(uint8_t *) * (nsent + 1));
	for (int i = 0; i < ntrain; i++)
		pred[i] = xrealloc(NULL, ss[i].words.n + 1);
	for (int f = 0; f < folds; f++)
	{
		int			a = (int) ((long) ntrain * f / folds),
					b = (int) ((long) ntrain * (f + 1) / folds);
		char		what[64];

		snprintf(what, sizeof(what), "stage 1, fold %d of %d", f + 1, folds);
		train(&L1, a, b, epochs, what);
		for (int i = 0; i < L1.n; i++)
			if (L1.s[i].sent >= a && L1.s[i].sent < b)
			{
				viterbi(&L1.s[i], L1.s[i].pred);
				memcpy(pred[L1.s[i].sent] + L1.s[i].a, L1.s[i].pred, L1.s[i].n);
			}
	}

	/* 2. second stage on document windows of those predictions */
	for (int i = 0; i < ntrain; i++)
	{
		window_doc(&doc, ss, pred, i, 0, ntrain, window);
		featurize_sentence(&tgaz, &doc, ss, i, &L2, 1);
	}
	train(&L2, -1, -1, epochs, "stage 2");
	export_stage(&st[1], min_count);

	/* 3. first stage on everything */
	train(&L1, -1, -1, epochs, "stage 1");
	export_stage(&st[0], min_count);

	image = build_image(st, gaz, ngaz, clusters, &image_len);
	if ((fp = fopen(outpath, "wb")) == NULL ||
		fwrite(image, 1, image_len, fp) != image_len || fclose(fp) != 0)
		die("cannot write %s", outpath);
	fprintf(stderr, "train: wrote %s: %zu bytes, %d + %d features (of %d seen)\n",
			outpath, image_len, st[0].n, st[1].n, nfeat);

	/* 4. score through the extension's own loader and decoder */
	if ((why = ArModelOpen(image, image_len, &model, env)) != NULL)
		die("the written model does not load: %s", why);
	{
		int			a = ntrain,
					b = ntrain + ntest;
		char		title[512];

		score_sentences(model, ss, a, b, window, org_chains, &c1, &c2);
		if (org_chains)
			score_sentences(model, ss, a, b, window, 0, &c0, &c3);
		if (dev && fold >= 0)
			snprintf(title, sizeof(title),
					 "Entity-level scores (exact match, CoNLL style) on cross-validation block %d of ANERcorp train.txt: "
					 "sentences %d-%d (%d sentences), never trained on. Trained on the rest of sentences 1-%d; "
					 "%d epochs, %d folds, document window %d sentences.",
					 fold, fold * ntest + 1, (fold + 1) * ntest, ntest, nanercorp - ntest,
					 epochs, folds, window);
		else
			snprintf(title, sizeof(title),
					 "Entity-level scores (exact match, CoNLL style) on the %s of ANERcorp train.txt: "
					 "sentences %d-%d of %d (%d sentences), never trained on. Trained on sentences 1-%d%s; "
					 "%d epochs, %d folds, document window %d sentences.",
					 dev ? "development part" : "held-out last 10%", a + 1 - (ntrain - (nanercorp - ntest - (dev ? ntest : 0))),
					 b - (ntrain - (nanercorp - ntest - (dev ? ntest : 0))), nanercorp, ntest,
					 nanercorp - ntest - (dev ? ntest : 0), extra ? " plus the extra sentences" : "",
					 epochs, folds, window);
		report(stdout, &c2, title);
		report(stdout, &c1, "First stage alone (no document memory), for comparison:");
		if (org_chains)
			report(stdout, &c3, NO_CHAINS_TITLE);
		if (reportpath)
		{
			FILE	   *rp = fopen(reportpath, "w");

			if (rp == NULL)
				die("cannot write %s", reportpath);
			report(rp, &c2, title);
			report(rp, &c1, "First stage alone (no document memory), for comparison:");
			if (org_chains)
				report(rp, &c3, NO_CHAINS_TITLE);
			fclose(rp);
		}
	}
	ArModelFree(model, env);
	ArDocMemFree(&doc, env);
	free_segments(&L1);
	free_segments(&L2);
	free(image);
	return 0;
}
