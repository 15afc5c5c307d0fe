/*
 * src/core/ar_tag_features.c
 *
 * The tagger's features: the word-cluster lookup, the document memory of
 * the second stage and the hashed features of each word of a sentence
 * segment (ArTagFeaturize).
 * src/model/train.c trains on exactly these.
 */
#include "ar_tag_internal.h"

#include "ar_unicode.h"

#include <string.h>

/* ---------------------------------------------------------------------
 * Word clusters
 * ---------------------------------------------------------------------
 */

const uint16_t *
ArClusterLookup(const ArClusters *cl, uint64_t key)
{
	int			lo = 0,
				hi = cl ? cl->n : 0;

	if (cl && cl->bucket)
	{
		lo = (int) cl->bucket[key >> (64 - AR_CLUSTER_BUCKET_BITS)];
		hi = (int) cl->bucket[(key >> (64 - AR_CLUSTER_BUCKET_BITS)) + 1];
	}
	if (cl)
		lo = lower_bound_u64(cl->key, lo, hi, key);
	return (cl && lo < cl->n && cl->key[lo] == key) ?
		cl->id + (size_t) lo * AR_CLUSTER_LEVELS : NULL;
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
	T_PREM1, T_PREP1, T_DOC, T_DOCALL, T_DOCM1, T_DOCP1, T_DOCBARE,
	T_CHAINH, T_CHAIN, T_CHAINHS,
	T_CL, T_CLM1, T_CLP1, T_CLBARE, T_CLM1CL0, T_CL0CLP1
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
 * the document memory, 10 from the word without its proclitic, 3 from the
 * organization chains, 4 per cluster level and 2 from the word clusters */
#define MAX_FEATS_PER_WORD (30 + 5 * AR_GAZ_NCLASSES + 12 + 1 + AR_GAZ_NCLASSES + 8 + 3 + \
							4 * AR_CLUSTER_LEVELS + 2)

/* words after a head noun that an organization chain reaches at most */
#define CHAIN_MAX 5

/*
 * Organization chains: a word of class ORG_HEAD (وزارة, الجيش, القوات,
 * also after a ب ل ك: بوزارة) or CHAIN_HEAD (الحكومة) and
 * the words after it, with no punctuation between, that can belong to its
 * name: a word with the article, or a NISBA, LOC, ORG or PNAME word of the
 * gazetteer (وزارة الخارجية التركية, مجلس الدوما الروسي), at most
 * CHAIN_MAX.  Sets head[i] (the head of word i's chain, -1: none) and, for a
 * head h, run[h] (the chain's words after it) and nis[h] (those up to the
 * last NISBA word, 0: none); a word ends one chain at most (the nearest
 * head before it).  Also sets feats->org_len[h]: nis[h] + 1 when nis[h] > 0.
 */
static void
org_chains(const ArGaz *gaz, const WordInfo *wi, const uint16_t *g1,
		   const int *gap, int n, int16_t *head, uint8_t *run, uint8_t *nis,
		   ArTagFeats *out)
{
	const uint16_t heads = AR_GAZ_ORG_HEAD | AR_GAZ_CHAIN_HEAD;

	for (int i = 0; i < n; i++)
	{
		head[i] = -1;
		run[i] = nis[i] = 0;
		out->org_len[i] = 0;
	}
	for (int h = 0; h < n; h++)
	{
		int			j;

		/* the head may carry a ب ل ك the stem keeps (بوزارة) */
		if (!(g1[h] & heads) &&
			!(wi[h].bare && (gaz_lookup(gaz, phrase_step(0, wi[h].bare)) & heads)))
			continue;
		for (j = h + 1; j < n && j - h <= CHAIN_MAX && gap[j] == 0; j++)
		{
			if (!(wi[j].article || wi[j].contracted ||
				  (g1[j] & (AR_GAZ_NISBA | AR_GAZ_LOC | AR_GAZ_ORG | AR_GAZ_PNAME))))
				break;
			if (g1[j] & heads)
				break;			/* the next head starts its own chain */
			head[j] = (int16_t) h;
			if (g1[j] & AR_GAZ_NISBA)
				nis[h] = (uint8_t) (j - h);
		}
		run[h] = (uint8_t) (j - h - 1);
		if (nis[h])
			out->org_len[h] = (uint8_t) (nis[h] + 1);
		h = j - 1;
	}
}

ArStatus
ArTagFeaturize(const ArGaz *gaz, const ArClusters *cl, const ArDocMem *doc,
			   const char *text,
			   size_t len, const ArTagWords *ws, int a, int b,
			   ArTagFeats *out, const ArEnv *env)
{
	const ArTagWord *words = ws->w;
	int			n = b - a;
	WordInfo	wi[AR_TAG_MAX_SENT + 4];
	uint16_t	gb[AR_TAG_MAX_SENT + 4];	/* gazetteer classes starting here */
	uint16_t	gi[AR_TAG_MAX_SENT + 4];	/* ... continuing here */
	uint16_t	g1[AR_TAG_MAX_SENT + 4];	/* single-word classes */
	const uint16_t *wc[AR_TAG_MAX_SENT + 4];	/* word clusters (NULL: none) */
	static const uint16_t latin[AR_CLUSTER_LEVELS] = {0};	/* a marker */
	int			gap[AR_TAG_MAX_SENT + 5];
	int16_t		chead[AR_TAG_MAX_SENT + 4];	/* organization chains */
	uint8_t		crun[AR_TAG_MAX_SENT + 4];
	uint8_t		cnis[AR_TAG_MAX_SENT + 4];
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
		ArTagWordInfo(text, &words[a + i], &wi[i]);
		/* words of Arabic letters and digits only: the table has no other */
		wc[i] = (wi[i].shape & 2) ? latin : ArClusterLookup(cl, wi[i].stem);
		out->sure_len[i] = 0;
		out->sure_mask[i] = 0;
		out->skel[i] = ArTagSkeleton(&wi[i]);
		out->stem[i] = wi[i].stem;	/* for ArTagApplyEvents */
		out->bare[i] = wi[i].bare;
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

	org_chains(gaz, wi, g1, gap, n, chead, crun, cnis, out);

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
		out->word_mask[i] = g1[i];
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
		/* chains of CHAIN_HEAD words are for ArTagApplyOrgChains only */
		if (crun[i] && (g1[i] & AR_GAZ_ORG_HEAD))
			f[k++] = feat(T_CHAINH, (uint64_t) (crun[i] | (cnis[i] << 4)));
		if (chead[i] >= 0 && (g1[chead[i]] & AR_GAZ_ORG_HEAD))
		{
			int			h = chead[i],
						d = i - h,
						kind = (g1[i] & AR_GAZ_NISBA) ? 1 : (g1[i] & AR_GAZ_LOC) ? 2 :
				(g1[i] & (AR_GAZ_ORG | AR_GAZ_PNAME)) ? 3 : 0;

			f[k++] = feat(T_CHAIN, (uint64_t) (d | (kind << 3) | ((d <= cnis[h]) << 5) |
											   ((d == crun[h]) << 6)));
			f[k++] = feat(T_CHAINHS, ArMix64(wi[h].stem) ^ (uint64_t) ((d <= cnis[h]) * 8 + (d == crun[h]) * 16 + (d > 3 ? 3 : d)));
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
		/*
		 * word clusters: the word's, its neighbours', at each level; none
		 * for a word of other letters (ANERcorp's few Latin words are
		 * mostly names: a class of them would tag English sentences), which
		 * counts as a sentence edge for its neighbours
		 */
		if (cl && cl->n && wc[i] != latin)
		{
			static const uint16_t none[AR_CLUSTER_LEVELS] = {0xFFFF, 0xFFFF, 0xFFFF};
			const uint16_t *c0 = wc[i] ? wc[i] : none,
					   *cm1 = i > 0 && wc[i - 1] != latin ? (wc[i - 1] ? wc[i - 1] : none) : NULL,
					   *cp1 = i + 1 < n && wc[i + 1] != latin ? (wc[i + 1] ? wc[i + 1] : none) : NULL;

			for (int l = 0; l < AR_CLUSTER_LEVELS; l++)
			{
				f[k++] = feat(T_CL, (uint64_t) l << 16 | c0[l]);
				f[k++] = feat(T_CLM1, cm1 ? (uint64_t) l << 16 | cm1[l] : 1u << 20);
				f[k++] = feat(T_CLP1, cp1 ? (uint64_t) l << 16 | cp1[l] : 1u << 20);
			}
			/* coarse class pairs; the word without its ب ل ك */
			f[k++] = feat(T_CLM1CL0, (uint64_t) (cm1 ? cm1[0] : 0x1FFFF) << 20 | c0[0]);
			f[k++] = feat(T_CL0CLP1, (uint64_t) (cp1 ? cp1[0] : 0x1FFFF) << 20 | c0[0]);
			if (w->bare)
			{
				const uint16_t *cb = ArClusterLookup(cl, w->bare);

				for (int l = 0; l < AR_CLUSTER_LEVELS; l++)
					f[k++] = feat(T_CLBARE, cb ? (uint64_t) l << 16 | cb[l] : 1u << 20);
			}
		}
		if (w->bare)
		{
			f[k++] = feat(T_BARE, w->bare);
			if (gaz && gaz->n)
			{
				uint16_t	m = gaz_lookup(gaz, phrase_step(0, w->bare));

				out->word_mask[i] |= m;
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

			ArTagWordInfo(text, &ws->w[a + i], &wi);
			rc = ArDocMemAdd(d, wi.stem, (uint8_t) (1u << (type * 2 + inside)), env);
			if (rc == AR_OK && wi.bare)
				rc = ArDocMemAdd(d, wi.bare, (uint8_t) (1u << (type * 2 + inside)), env);
		}
	return rc;
}

