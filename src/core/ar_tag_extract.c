/*
 * src/core/ar_tag_extract.c
 *
 * Extraction: the two stages run over a text, the always-tagged (sure)
 * names applied after decoding, and the mentions resolved and cleaned.
 */
#include "ar_tag_internal.h"

#include "ar_entity_key.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <string.h>

int
ArTagClassType(uint16_t mask)
{
	static const struct
	{
		uint16_t	bit;
		ArEntityType type;
	}			order[] = {
		{AR_GAZ_ORG, AR_ENT_ORGANIZATION}, {AR_GAZ_MISC, AR_ENT_MISC},
		{AR_GAZ_LOC, AR_ENT_LOCATION}, {AR_GAZ_PERS, AR_ENT_PERSON},
	};

	for (size_t k = 0; k < sizeof(order) / sizeof(order[0]); k++)
		if (mask & order[k].bit)
			return order[k].type;
	return -1;
}

void
ArTagApplySure(const ArGaz *gaz, const ArTagFeats *feats, uint8_t *tags)
{
	int			n = feats->n;

	if (gaz == NULL || gaz->n == 0 || n < 1 || n > AR_TAG_MAX_SENT)
		return;
	for (int i = 0; i < n;)
	{
		int			best = feats->sure_len[i];
		uint16_t	mask = feats->sure_mask[i];

		if (best)
		{
			/*
			 * Mentions of the tagger that run into the name from outside
			 * (words a..i-1 and i+best..b-1): an organization, event or
			 * longer place keeps the name as the tagger has it; a person's
			 * name does not contain one, so such a person mention goes.
			 */
			int			a = i,
						b = i + best;

			while (a > 0 && tags[a] != 0 && !(tags[a] & 1))
				a--;
			while (b < n && tags[b] != 0 && !(tags[b] & 1))
				b++;
			if ((a < i && tags[a] != 1 + 2 * AR_ENT_PERSON) ||
				(b > i + best && tags[b - 1] != 2 + 2 * AR_ENT_PERSON))
				best = 0;
			else
				memset(tags + a, 0, (size_t) (b - a));
		}
		if (best)
		{
			int			type = ArTagClassType(mask);

			if (type >= 0)
			{
				tags[i] = (uint8_t) (1 + 2 * type);
				for (int j = i + 1; j < i + best; j++)
					tags[j] = (uint8_t) (2 + 2 * type);
			}
			i += best;
			continue;
		}
		i++;
	}
}

void
ArTagApplyOrgChains(const ArTagFeats *feats, uint8_t *tags)
{
	const uint8_t b_org = 1 + 2 * AR_ENT_ORGANIZATION,
				i_org = 2 + 2 * AR_ENT_ORGANIZATION;
	int			n = feats->n;

	if (n < 1 || n > AR_TAG_MAX_SENT)
		return;
	for (int h = 0; h < n; h++)
	{
		int			len = feats->org_len[h],
					a = h,
					b = h + len;

		if (len < 2 || b > n)
			continue;
		/* a mention running into the chain from before or after it */
		if (tags[h] != 0 && !(tags[h] & 1))
		{
			while (a > 0 && tags[a] != 0 && !(tags[a] & 1))
				a--;
			if (tags[a] != b_org)
				continue;		/* inside a longer name of another type */
		}
		while (b < n && tags[b] != 0 && !(tags[b] & 1))
			b++;
		if (b > h + len && tags[b - 1] != i_org)
			continue;
		tags[a] = b_org;
		for (int j = a + 1; j < b; j++)
			tags[j] = i_org;
		h = b - 1;
	}
}

#define ORG_HEADS (AR_GAZ_ORG_HEAD | AR_GAZ_CHAIN_HEAD)
#define NAME_CLASSES (AR_GAZ_LOC | AR_GAZ_PERS | AR_GAZ_ORG | AR_GAZ_MISC | \
					  AR_GAZ_FIRST | AR_GAZ_LAST)

/* The end of the sentence segment that starts at word a. */
static int
segment_end(const ArTagWords *ws, int a)
{
	int			b = a + 1;

	while (b < ws->n && !ws->w[b].sent_start)
		b++;
	return b;
}

/*
 * Kind words that stay outside an organization or other name when the name
 * stands alone after them (the gold guideline, test/data/entities_gold.md,
 * and ANERcorp agree): وكالة «تاس» is تاس, بطولة كأس العالم is كأس العالم,
 * but وكالة الأنباء السعودية keeps its first word.
 */
static const char *const kind_words[AR_TAG_NKIND] = {
	"وكالة", "صحيفة", "جريدة", "قناة", "حركة", "شركة", "بطولة", "معرض",
	"قمة", "دورة"
};
#define N_KIND_WORDS ((size_t) AR_TAG_NKIND)

/* Is there an opening quote in text[a..b-1]? */
static int
has_quote(const char *text, size_t a, size_t b)
{
	for (size_t i = a; i < b;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) text + i, b - i, &nb);

		i += (size_t) nb;
		if (c == '"' || c == '\'' || c == 0x00AB || c == 0x201C || c == 0x2018)
			return 1;
	}
	return 0;
}

/*
 * Does mention m (an organization or other name of two words or more) start
 * with a kind word before a name that stands alone: quoted, or listed in the
 * gazetteer with the mention's type?  keys: the phrase keys of kind_words.
 */
static int
kind_word_first(const ArGaz *gaz, const char *text, const ArTagWords *ws,
				const ArMention *m, const uint64_t *keys)
{
	uint64_t	stem,
				bare,
				h = 0;
	size_t		skip;
	int			kind = 0;
	uint16_t	bit = m->type == AR_ENT_ORGANIZATION ? AR_GAZ_ORG : AR_GAZ_MISC;

	ArWordKeys(text, &ws->w[m->first], &stem, &bare, &skip);
	for (size_t k = 0; k < N_KIND_WORDS && !kind; k++)
		kind = keys[k] == phrase_step(0, stem) ||
			(bare && keys[k] == phrase_step(0, bare));	/* لوكالة */
	if (!kind)
		return 0;
	if (has_quote(text, ws->w[m->first].start + ws->w[m->first].len,
				  ws->w[m->first + 1].start))
		return 1;
	if (m->nwords - 1 > AR_GAZ_MAXWORDS)
		return 0;
	for (int k = m->first + 1; k < m->first + m->nwords; k++)
	{
		ArWordKeys(text, &ws->w[k], &stem, &bare, &skip);
		h = phrase_step(h, stem);
	}
	return (gaz_lookup(gaz, h) & bit) != 0;
}

void
ArTagApplyKindWords(const ArGaz *gaz, uint64_t *keys, const char *text,
					const ArTagWords *ws, int a, int b, uint8_t *tags,
					const ArEnv *env)
{
	for (int i = 0; i + 1 < b - a; i++)
	{
		ArMention	m;
		int			j;

		if (tags[i] != 1 + 2 * AR_ENT_ORGANIZATION && tags[i] != 1 + 2 * AR_ENT_MISC)
			continue;
		if (tags[i + 1] != tags[i] + 1)
			continue;
		j = i + 2;
		while (j < b - a && tags[j] == tags[i] + 1)
			j++;
		if (keys[0] == 0)
			for (size_t k = 0; k < N_KIND_WORDS; k++)
			{
				int			nw;

				keys[k] = ArGazPhraseKey(kind_words[k], strlen(kind_words[k]), &nw, env);
			}
		m.type = (ArEntityType) ((tags[i] - 1) / 2);
		m.first = a + i;
		m.nwords = j - i;
		if (kind_word_first(gaz, text, ws, &m, keys))
		{
			tags[i + 1] = tags[i];
			tags[i] = 0;
		}
		i = j - 1;
	}
}

void
ArTagApplyRules(const ArGaz *gaz, uint64_t *kind_keys, const ArTagFeats *feats,
				const char *text, const ArTagWords *ws, int a, int b,
				uint8_t *tags, int flags, const ArEnv *env)
{
	ArTagApplySure(gaz, feats, tags);
	if (!(flags & AR_RULES_NO_ORG_CHAINS))
		ArTagApplyOrgChains(feats, tags);
	ArTagApplyContext(feats, text, ws, a, b, tags);
	ArTagApplyPersons(gaz, feats, text, ws, a, b, tags);
	ArTagApplyKindPlaces(feats, text, ws, a, b, tags);
	ArTagApplyPlaces(gaz, feats, text, ws, a, b, tags);
	if (!(flags & AR_RULES_NO_EVENTS))
		ArTagApplyEvents(feats, text, ws, a, b, tags);
	ArTagApplyOrgNames(feats, text, ws, a, b, tags, flags);
	ArTagApplyKindWords(gaz, kind_keys, text, ws, a, b, tags, env);
}

ArStatus
ArExtract(const ArModel *model, const char *text, size_t len,
		  ArTagWords *ws, ArMentionFn fn, void *arg, const ArEnv *env)
{
	ArTagFeats	fs = {0};
	ArDocMem	doc = {0},
				names = {0};
	uint8_t    *all = NULL;
	uint8_t    *tags;
	uint32_t   *skel = NULL;
	ArStatus	rc;
	const ArGaz *gaz = ArModelGaz(model);
	uint64_t	kind_keys[AR_TAG_NKIND] = {0};	/* computed at the first use */

	rc = ArTagSplit(text, len, ws, env);
	/*
	 * Each pass runs over the sentence segments [a, b): the words from one
	 * with sent_start to the next one.
	 */
	/* the tags and spelling skeletons of every word (5 bytes a word) */
	if (rc == AR_OK && ws->n > 0)
	{
		if ((size_t) ws->n * 5 > env->max_size)
			rc = AR_ERR_TOO_LARGE;
		else if ((all = env->realloc_fn(env->ctx, NULL, (size_t) ws->n)) == NULL ||
				 (skel = env->realloc_fn(env->ctx, NULL, (size_t) ws->n * sizeof(uint32_t))) == NULL)
			rc = AR_ERR_NOMEM;
	}
	/* first pass: fill the document memory */
	for (int a = 0, b; rc == AR_OK && a < ws->n; a = b)
	{
		b = segment_end(ws, a);
		ArCheckInterrupts(env);
		rc = ArTagFeaturize(gaz, ArModelClusters(model), NULL, text, len, ws, a, b, &fs, env);
		if (rc == AR_OK)
			rc = ArTagDecode(model, 0, &fs, all + a, env);
		if (rc == AR_OK)
			rc = ArDocMemLearn(&doc, text, ws, a, b, all + a, env);
	}
	/* second pass: tag with it, then the rules; learn the names found */
	for (int a = 0, b; rc == AR_OK && a < ws->n; a = b)
	{
		b = segment_end(ws, a);
		ArCheckInterrupts(env);
		tags = all + a;
		rc = ArTagFeaturize(gaz, ArModelClusters(model), &doc, text, len, ws, a, b, &fs, env);
		if (rc == AR_OK)
			rc = ArTagDecode(model, 1, &fs, tags, env);
		if (rc == AR_OK)
		{
			ArTagApplyRules(gaz, kind_keys, &fs, text, ws, a, b, tags, 0, env);
			memcpy(skel + a, fs.skel, sizeof(uint32_t) * (size_t) (b - a));
			rc = ArDocNamesLearn(&names, gaz, text, ws, a, b, skel + a, tags, env);
			if (rc == AR_OK)
				rc = ArDocOrgAcronymsLearn(&names, text, ws, a, b, skel + a, tags, env);
		}
	}
	/* the names found elsewhere in the text, then the mentions */
	for (int a = 0, b; rc == AR_OK && a < ws->n; a = b)
	{
		b = segment_end(ws, a);
		ArCheckInterrupts(env);
		tags = all + a;
		ArDocNamesApply(&names, gaz, text, ws, a, b, skel + a, tags);
		ArDocOrgAcronymsApply(&names, ws, a, b, skel + a, tags);
		for (int i = 0; rc == AR_OK && i < b - a;)
		{
			ArMention	m;
			int			j;
			uint64_t	stem,
						bare;
			size_t		skip;

			if (tags[i] == 0 || !(tags[i] & 1))
			{
				i++;
				continue;
			}
			j = i + 1;
			while (j < b - a && tags[j] == tags[i] + 1)
				j++;
			m.type = (ArEntityType) ((tags[i] - 1) / 2);
			m.first = a + i;
			m.nwords = j - i;
			i = j;
			/* no titles inside person names */
			while (m.type == AR_ENT_PERSON && m.nwords > 1)
			{
				ArWordKeys(text, &ws->w[m.first], &stem, &bare, &skip);
				if (!(gaz_lookup(gaz, phrase_step(0, stem)) & AR_GAZ_TITLE))
					break;
				m.first++;
				m.nwords--;
			}
			ArMentionResolve(gaz, text, ws, &m, 1);
			m.start = ws->w[m.first].start;
			m.end = ws->w[m.first + m.nwords - 1].start + ws->w[m.first + m.nwords - 1].len;
			rc = fn(arg, &m);
		}
	}
	if (all)
		env->free_fn(env->ctx, all);
	if (skel)
		env->free_fn(env->ctx, skel);
	ArDocMemFree(&names, env);
	ArTagFeatsFree(&fs, env);
	ArDocMemFree(&doc, env);
	return rc;
}

void
ArMentionResolve(const ArGaz *gaz, const char *text, const ArTagWords *ws,
				 ArMention *m, int use_bare)
{
	const ArTagWord *w = &ws->w[m->first];
	ArWordSeg	seg;
	WordInfo	wi;

	ArSegmentWord(text + w->start, w->len, &seg);
	ArTagWordInfo(text, w, &wi);
	m->restore = 0;
	if (seg.article_contracted)
	{
		m->first_off = seg.stem_start;
		m->restore = 1;
	}
	else if (seg.article && seg.nclitics == 1 && seg.clitic_end[0] == seg.article_start &&
			 wi.stemf.n <= 2 && m->type != AR_ENT_MISC)
	{
		/*
		 * ب ك ل and the article before two letters: a name the segmenter
		 * split (كالاس is not ك + الاس); no name of two letters follows a
		 * preposition and the article
		 */
		m->first_off = 0;
		return;
	}
	else if (seg.article)
		m->first_off = seg.article_start;
	else
		m->first_off = seg.stem_start;

	/* a و the segmenter left on a place's head noun (وتل أبيض) goes */
	if (!seg.article && seg.nclitics == 0 && m->type == AR_ENT_LOCATION && m->nwords > 1 &&
		ArTagPlaceHeadConj(text, w) > 0)
		m->first_off = ArTagPlaceHeadConj(text, w);
	/* a conjunction directly before the stem: is it part of the name? */
	if (!seg.article && seg.nclitics == 1)
	{
		Folded		whole;
		uint16_t	gw,
					gr;

		ArTagFoldWord(text + w->start, w->len, &whole);
		gw = gaz_lookup(gaz, phrase_step(0, hash_cps(whole.cp, 0, whole.n)));
		gr = gaz_lookup(gaz, phrase_step(0, wi.stem));
		/*
		 * ف before a name is rare in news, و common; a head noun counts as
		 * a name here (وحزب الله is حزب الله), an event's head or a
		 * place's (ودير الزور) does not
		 */
		if ((gw & (NAME_CLASSES | ORG_HEADS)) ||
			(!(gr & (NAME_CLASSES | ORG_HEADS)) && (wi.stemf.n < 4 || whole.cp[0] == 0x0641) &&
			 !(m->type == AR_ENT_MISC && m->nwords > 1 && ArTagIsEventHead(wi.stem)) &&
			 !(m->type == AR_ENT_LOCATION && m->nwords > 1 && ArTagIsPlaceHead(wi.stem))))
		{
			m->first_off = 0;
			return;
		}
	}
	/*
	 * ب ل ك before a gazetteer name: the first word alone or the whole
	 * mention (لمجموعة العشرين) is a name without the letter, not with it
	 */
	if (use_bare && wi.bare)
	{
		uint64_t	hs = phrase_step(0, wi.stem),
					hb = phrase_step(0, wi.bare);
		uint16_t	gs = gaz_lookup(gaz, hs),
					gb = gaz_lookup(gaz, hb);

		if (m->nwords > 1 && m->nwords <= AR_GAZ_MAXWORDS)
		{
			for (int k = 1; k < m->nwords; k++)
			{
				WordInfo	wk;

				ArTagWordInfo(text, &ws->w[m->first + k], &wk);
				hs = phrase_step(hs, wk.stem);
				hb = phrase_step(hb, wk.stem);
			}
			gs |= gaz_lookup(gaz, hs);
			gb |= gaz_lookup(gaz, hb);
		}
		/*
		 * a sure name without the letter wins over a name with it (WikiFANE
		 * also lists لحركة حماس as written), and so does a head noun
		 * (بوزارة الدفاع الروسية, لحرب أكتوبر)
		 */
		if ((!(gs & NAME_CLASSES) && (gb & NAME_CLASSES)) ||
			((gb & AR_GAZ_SURE) && !(gs & AR_GAZ_SURE)) ||
			(!(gaz_lookup(gaz, phrase_step(0, wi.stem)) & ORG_HEADS) &&
			 (gaz_lookup(gaz, phrase_step(0, wi.bare)) & ORG_HEADS)) ||
			(m->type == AR_ENT_MISC && m->nwords > 1 &&
			 !ArTagIsEventHead(wi.stem) && ArTagIsEventHead(wi.bare)))
			m->first_off += ArTagFirstLetterBytes(text + w->start + m->first_off,
											   w->len - m->first_off);
	}
}

ArStatus
ArMentionClean(const char *text, const ArTagWords *words, const ArMention *m,
			   ArBuf *out, const ArEnv *env)
{
	ArStatus	rc = AR_OK;

	for (int i = m->first; rc == AR_OK && i < m->first + m->nwords; i++)
	{
		const ArTagWord *w = &words->w[i];
		size_t		off = i == m->first ? m->first_off : 0;
		const char *s = text + w->start + off;
		size_t		n = w->len - off;

		if (i > m->first)
			rc = ArBufAppend(out, " ", 1, env);
		if (rc == AR_OK && i == m->first && m->restore)
			rc = ArBufAppend(out, "\xD8\xA7\xD9\x84", 4, env);	/* ال */
		for (size_t k = 0; rc == AR_OK && k < n;)
		{
			int			nb;
			uint32_t	c = ArUtf8Decode((const unsigned char *) s + k, n - k, &nb);

			if (!(ArIsDiacritic(c) || c == AR_TATWEEL_CP || c == 0x200C ||
				  c == 0x200D || ArIsIgnorable(c)))
				rc = ArBufAppend(out, s + k, (size_t) nb, env);
			k += nb;
		}
	}
	return rc;
}

