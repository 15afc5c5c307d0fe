/*
 * src/core/ar_tag_model.c
 *
 * The model image (checked and indexed by ArModelOpen) and decoding: the
 * feature weights of a segment summed per tag, then Viterbi over BIO tags.
 */
#include "ar_tag_internal.h"

#include <math.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Model image
 * ---------------------------------------------------------------------
 *
 *   0  magic "PGARNER1"
 *   8  uint32 version, ntags, nfeat[0], nfeat[1], ngaz, ncl
 *  32  int32 trans[2][(ntags + 1) * ntags]   row 0: sentence start
 *      for each stage: uint64 feature keys[nfeat], ascending;
 *                      int16 weights[nfeat * ntags]; zero padding to 8
 *      uint64 gazetteer keys[ngaz], ascending
 *      uint16 gazetteer masks[ngaz]
 *      (zero padding to 8)
 *      uint64 word-cluster keys[ncl], ascending
 *      uint16 classes[ncl * AR_CLUSTER_LEVELS]
 *      (zero padding to 8)
 *      uint64 FNV-1a of everything before
 */
#define HDR_SIZE 32
#define TRANS_N ((AR_NTAGS + 1) * AR_NTAGS)
#define TRANS_SIZE (sizeof(int32_t) * TRANS_N * 2)
#define PAD8(x) (((x) + 7) & ~(size_t) 7)

typedef struct Stage
{
	double		trans[(AR_NTAGS + 1) * AR_NTAGS];	/* the image's, as double */
	const uint64_t *fkey;
	const int16_t *fw;
	int			nfeat;
	uint32_t   *slot;			/* open-addressing index: feature + 1, 0 empty */
	uint32_t	mask;
} Stage;

struct ArModel
{
	Stage		st[2];
	ArGaz		gaz;
	ArClusters	cl;
};

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t) p[0] | ((uint32_t) p[1] << 8) | ((uint32_t) p[2] << 16) |
		((uint32_t) p[3] << 24);
}

/* Are keys[0..n-1] strictly ascending? */
static int
ascending(const uint64_t *keys, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++)
		if (keys[i - 1] >= keys[i])
			return 0;
	return 1;
}

static void
model_release(ArModel *m, const ArEnv *env)
{
	for (int k = 0; k < 2; k++)
		if (m->st[k].slot)
			env->free_fn(env->ctx, m->st[k].slot);
	if (m->cl.bucket)
		env->free_fn(env->ctx, (void *) m->cl.bucket);
	env->free_fn(env->ctx, m);
}

const char *
ArModelOpen(const void *image, size_t len, ArModel **model, const ArEnv *env)
{
	const unsigned char *p = image;
	uint32_t	version,
				ntags,
				nfeat[2],
				ngaz,
				ncl;
	size_t		off,
				need;
	uint64_t	sum;
	ArModel    *m;

	*model = NULL;
	if (len < HDR_SIZE + TRANS_SIZE + 8 || memcmp(p, AR_MODEL_MAGIC, 8) != 0)
		return "not a pg_arabic model file (bad magic number or too short)";
	if (((uintptr_t) image & 7) != 0)
		return "model image is not 8-byte aligned";
	version = rd32(p + 8);
	ntags = rd32(p + 12);
	nfeat[0] = rd32(p + 16);
	nfeat[1] = rd32(p + 20);
	ngaz = rd32(p + 24);
	ncl = rd32(p + 28);
	if (version != AR_MODEL_VERSION)
		return "model file has an unsupported format version";
	if (ntags != AR_NTAGS || nfeat[0] > (1u << 26) || nfeat[1] > (1u << 26) ||
		ngaz > (1u << 26) || ncl > (1u << 24))
		return "model file header is inconsistent";
	need = HDR_SIZE + TRANS_SIZE;
	for (int k = 0; k < 2; k++)
		need = PAD8(need + (size_t) nfeat[k] * 8 + (size_t) nfeat[k] * AR_NTAGS * 2);
	need = PAD8(need + (size_t) ngaz * 8 + (size_t) ngaz * 2);
	need = PAD8(need + (size_t) ncl * 8 + (size_t) ncl * AR_CLUSTER_LEVELS * 2);
	if (need + 8 != len)
		return "model file is truncated or has trailing bytes";
	memcpy(&sum, p + need, 8);
	if (sum != ArFnv64(p, need))
		return "model file checksum does not match (the file is corrupted)";

	m = env->realloc_fn(env->ctx, NULL, sizeof(ArModel));
	if (m == NULL)
		return "out of memory loading the model";
	memset(m, 0, sizeof(ArModel));
	off = HDR_SIZE + TRANS_SIZE;
	for (int k = 0; k < 2; k++)
	{
		Stage	   *st = &m->st[k];
		size_t		nslots = 1024;

		for (int j = 0; j < TRANS_N; j++)
			st->trans[j] = ((const int32_t *) (p + HDR_SIZE))[k * TRANS_N + j];
		st->fkey = (const uint64_t *) (p + off);
		off += (size_t) nfeat[k] * 8;
		st->fw = (const int16_t *) (p + off);
		off = PAD8(off + (size_t) nfeat[k] * AR_NTAGS * 2);
		st->nfeat = (int) nfeat[k];
		if (!ascending(st->fkey, nfeat[k]))
		{
			model_release(m, env);
			return "model file feature table is not sorted";
		}
		while (nslots < (size_t) nfeat[k] * 2)
			nslots *= 2;
		st->slot = env->realloc_fn(env->ctx, NULL, nslots * sizeof(uint32_t));
		if (st->slot == NULL)
		{
			model_release(m, env);
			return "out of memory loading the model";
		}
		memset(st->slot, 0, nslots * sizeof(uint32_t));
		st->mask = (uint32_t) (nslots - 1);
		for (uint32_t i = 0; i < nfeat[k]; i++)
		{
			uint32_t	s = (uint32_t) (st->fkey[i] & st->mask);

			while (st->slot[s])
				s = (s + 1) & st->mask;
			st->slot[s] = i + 1;
		}
	}
	m->gaz.key = (const uint64_t *) (p + off);
	off += (size_t) ngaz * 8;
	m->gaz.mask = (const uint16_t *) (p + off);
	m->gaz.n = (int) ngaz;
	off = PAD8(off + (size_t) ngaz * 2);
	m->cl.key = (const uint64_t *) (p + off);
	off += (size_t) ncl * 8;
	m->cl.id = (const uint16_t *) (p + off);
	m->cl.n = (int) ncl;
	if (!ascending(m->gaz.key, ngaz) || !ascending(m->cl.key, ncl))
	{
		const char *why = !ascending(m->gaz.key, ngaz) ?
			"model file gazetteer is not sorted" : "model file word clusters are not sorted";

		model_release(m, env);
		return why;
	}
	/* where each bucket of keys (their top bits) starts, for the lookups */
	{
		uint32_t   *b = env->realloc_fn(env->ctx, NULL,
										sizeof(uint32_t) * ((1u << AR_CLUSTER_BUCKET_BITS) + 1));
		uint32_t	i = 0;

		if (b == NULL)
		{
			model_release(m, env);
			return "out of memory loading the model";
		}
		for (uint32_t t = 0; t <= (1u << AR_CLUSTER_BUCKET_BITS); t++)
		{
			while (i < ncl && (m->cl.key[i] >> (64 - AR_CLUSTER_BUCKET_BITS)) < t)
				i++;
			b[t] = i;
		}
		m->cl.bucket = b;
	}
	*model = m;
	return NULL;
}

void
ArModelFree(ArModel *model, const ArEnv *env)
{
	if (model)
		model_release(model, env);
}

const ArGaz *
ArModelGaz(const ArModel *model)
{
	return &model->gaz;
}

const ArClusters *
ArModelClusters(const ArModel *model)
{
	return &model->cl;
}

int
ArModelFeatureCount(const ArModel *model)
{
	return model->st[0].nfeat + model->st[1].nfeat;
}

static inline const int16_t *
model_weights(const Stage *m, uint64_t key)
{
	uint32_t	s = (uint32_t) (key & m->mask);

	for (;;)
	{
		uint32_t	v = m->slot[s];

		if (v == 0)
			return NULL;
		if (m->fkey[v - 1] == key)
			return m->fw + (size_t) (v - 1) * AR_NTAGS;
		s = (s + 1) & m->mask;
	}
}

/* May tag b follow tag a (a = -1: sentence start)? I-X only after B-X/I-X. */
static inline int
allowed(int a, int b)
{
	if (b == 0 || (b & 1))
		return 1;
	return a > 0 && (a + 1) / 2 == b / 2;
}

int
ArTagAllowed(int a, int b)
{
	return allowed(a, b);
}

void
ArViterbi(int n, const double *em, const double *trans, uint8_t *tags)
{
	double		score[AR_NTAGS],
				next[AR_NTAGS];
	uint8_t		back[AR_TAG_MAX_SENT][AR_NTAGS];
	int			t = 0;

	if (n <= 0 || n > AR_TAG_MAX_SENT)
		return;
	for (int i = 0; i < n; i++)
	{
		for (t = 0; t < AR_NTAGS; t++)
		{
			double		best = -1e301;
			int			arg = 0;

			if (i == 0)
			{
				next[t] = allowed(-1, t) ? em[t] + trans[t] : -1e300;
				back[i][t] = 0;
				continue;
			}
			for (int s = 0; s < AR_NTAGS; s++)
			{
				double		v;

				if (!allowed(s, t))
					continue;
				v = score[s] + trans[(s + 1) * AR_NTAGS + t];
				if (v > best)
				{
					best = v;
					arg = s;
				}
			}
			next[t] = best + em[i * AR_NTAGS + t];
			back[i][t] = (uint8_t) arg;
		}
		memcpy(score, next, sizeof(score));
	}
	t = 0;
	for (int s = 1; s < AR_NTAGS; s++)
		if (score[s] > score[t])
			t = s;
	for (int i = n - 1; i >= 0; i--)
	{
		tags[i] = (uint8_t) t;
		t = back[i][t];
	}
}

ArStatus
ArTagDecode(const ArModel *model, int stage, const ArTagFeats *feats,
			uint8_t *tags, const ArEnv *env)
{
	const Stage *st = &model->st[stage ? 1 : 0];
	int			n = feats->n;
	double		em[AR_TAG_MAX_SENT * AR_NTAGS];

	(void) env;
	if (n <= 0)
		return AR_OK;
	if (n > AR_TAG_MAX_SENT)
		return AR_ERR_TOO_LARGE;
	for (int i = 0; i < n; i++)
	{
		int64_t		sum[AR_NTAGS] = {0};

		for (int k = feats->off[i]; k < feats->off[i + 1]; k++)
		{
			const int16_t *w = model_weights(st, feats->f[k]);

			if (w)
				for (int t = 0; t < AR_NTAGS; t++)
					sum[t] += w[t];
		}
		for (int t = 0; t < AR_NTAGS; t++)
			em[i * AR_NTAGS + t] = (double) sum[t];
	}
	ArViterbi(n, em, st->trans, tags);
	return AR_OK;
}

