/*
 * src/core/ar_tag_places.c
 *
 * Rules on the decoded tags for place names (ArTagApplyKindPlaces, run by
 * ArTagApplyRules after ArTagApplyPersons): a place's kind word without the
 * article (ريف، بلدة، مدينة، معبر ...) is outside the place's name, and an
 * untagged name after it is a place.  See ar_tagger.h.
 */
#include "ar_tag_internal.h"

#include <stdbool.h>
#include <string.h>


/*
 * Kind words of a place, without the article (the construct state: بلدة
 * سرمدا، معبر المصنع): singular ones, then the plural and dual ones, after
 * which a list of places joined by و follows (بلدات معرة النعمان وسراقب
 * وأريحا، معبري باب السلامة والراعي), then the kind words of a state,
 * outside the name as well (سلطنة عمان، دولة الإمارات).
 */
static const char *const place_kinds[] = {
	"ريف", "بلدة", "مدينة", "قرية", "محافظة", "معبر", "مخيم", "ناحية",
	"بلدات", "مدن", "قرى", "محافظات", "معابر", "مخيمات",
	"بلدتي", "مدينتي", "قريتي", "محافظتي", "معبري", "مخيمي",
	"سلطنة", "دولة", "إمارة", NULL
};
#define N_SINGLE_KINDS 8		/* the first entries */
#define N_DUAL_KINDS 14			/* from here on, duals: two places, and
								 * the second is one even where the
								 * tagger read a person (وجابر) */
#define N_NAME_KINDS 20			/* the last three only leave a place
								 * mention (سلطنة عمان is عمان): دولة
								 * القانون is no place */

/*
 * The index of stem (or bare, if not 0) in place_kinds, or -1.
 */
static int
place_kind(uint64_t stem, uint64_t bare)
{
	static uint64_t kinds[LIST_LEN(place_kinds)];
	static bool ready;
	const uint64_t *h = ArTagListHashes(place_kinds, kinds, &ready);

	for (int k = 0; k < (int) LIST_LEN(place_kinds); k++)
		if (h[k] == stem || (bare != 0 && h[k] == bare))
			return k;
	return -1;
}

/*
 * Common words that follow a kind word without being a place's name (بلدة
 * صغيرة، مدن أخرى، وغيرها; معبر حدودي is an adjective: see place_word).
 */
static const char *const after_kind[] = {
	"عدة", "أخرى", "اخرى", "واحدة", "كبيرة", "صغيرة", "جديدة", "قريبة",
	"مجاورة", "كاملة", "بأكملها", "نفسها", "غيرها", "سواها", "غير", "سوى",
	NULL
};

/*
 * Is the gap between words w[i-1] and w[i] white space and one bracket c
 * ('(' or ')')?
 */
static int
bracket_gap(const char *text, const ArTagWord *w, int i, char c)
{
	int			brackets = 0;

	for (size_t k = w[i - 1].start + w[i - 1].len; k < w[i].start; k++)
		if (text[k] == c)
			brackets++;
		else if (text[k] != ' ')
			return 0;
	return brackets == 1;
}

/* Does the folded stem end in ي or يه, as an adjective (حدودي، الحدودية)? */
static int
adjective_ending(const Folded *f)
{
	return f->n >= 4 && (f->cp[f->n - 1] == 0x064A ||
						 (f->cp[f->n - 2] == 0x064A && f->cp[f->n - 1] == 0x0647));
}

/*
 * Is word i, untagged, after a plain gap (in_list_after_wa 2: after a
 * closing bracket), a possible place name: Arabic,
 * two letters or more, no common word, no indefinite or definite
 * adjective in ي or ية (حدودي، الحدودية) unless in_list_after_wa (a word
 * with و in a list of places: والراعي)?
 */
static int
place_word(LazyWords *lw, const uint16_t *mask, const uint8_t *tags, int i,
		   int in_list_after_wa)
{
	static uint64_t hash[LIST_LEN(after_kind)];
	static bool ready;
	const WordInfo *w = lazy(lw, i);
	const Folded *f = &w->stemf;

	if (tags[i] != 0 || (in_list_after_wa == 2 ? !bracket_gap(lw->text, lw->w, i, ')') :
						 !plain_gap(lw->text, lw->w, i)) || (w->shape & 7) != 1 ||
		f->n < 2 || ArTagNotNameWord(w) ||
		(mask[i] & (AR_GAZ_TITLE | AR_GAZ_ORG_HEAD | AR_GAZ_NISBA)) ||
		listed_word(after_kind, hash, &ready, LIST_LEN(after_kind), w->stem) ||
		place_kind(w->stem, 0) >= 0)
		return 0;				/* ريف المحافظة: a kind word again */
	return in_list_after_wa || !adjective_ending(f);
}

void
ArTagApplyKindPlaces(const ArTagFeats *feats, const char *text,
					 const ArTagWords *ws, int a, int b, uint8_t *tags)
{
	const uint16_t *mask = feats->word_mask;
	const uint8_t B_LOC = B_TAG(AR_ENT_LOCATION),
				I_LOC = I_TAG(AR_ENT_LOCATION);
	int			n = b - a;
	LazyWords	lw;

	if (n < 2 || n > AR_TAG_MAX_SENT || feats->n != n)
		return;
	lazy_init(&lw, text, ws->w + a, n);
	for (int i = 0; i + 1 < n; i++)
	{
		int			k,
					j,
					bracket;
		const WordInfo *w;

		/* a kind word, untagged or the start of a place mention */
		if (tags[i] != 0 && tags[i] != B_LOC)
			continue;
		if ((k = place_kind(feats->stem[i], feats->bare[i])) < 0 ||
			lazy(&lw, i)->article)
			continue;
		if (!plain_gap(text, lw.w, i + 1))
			continue;
		/* a kind word after it (قرى بريف القنيطرة) is read at its own turn */
		if (place_kind(feats->stem[i + 1], feats->bare[i + 1]) >= 0 &&
			!lazy(&lw, i + 1)->article)
			continue;
		if (tags[i] == B_LOC && tags[i + 1] == I_LOC)
		{
			/* ريف حلب read as one place: the kind word goes */
			tags[i] = 0;
			tags[i + 1] = B_LOC;
			j = mention_end(tags, n, i + 1);
		}
		else if (tags[i + 1] == B_LOC)
		{
			tags[i] = 0;
			j = mention_end(tags, n, i + 1);
		}
		else if (k < N_NAME_KINDS && place_word(&lw, mask, tags, i + 1, 0))
		{
			/* a name of two words: a word without the article, then one with it */
			w = lazy(&lw, i + 1);
			j = i + 2;
			if (!w->article && w->nclitics == 0 && j < n && place_word(&lw, mask, tags, j, 0) &&
				lazy(&lw, j)->article && !lazy(&lw, j)->contracted &&
				lazy(&lw, j)->nclitics == 0)
				j++;
			if (tags[i] == B_LOC && mention_end(tags, n, i) == i + 1)
				tags[i] = 0;
			else if (tags[i] != 0)
				continue;
			set_mention(tags, i + 1, j, AR_ENT_LOCATION);
		}
		else
			continue;
		/*
		 * after a plural or dual kind word, the places joined by و, past a
		 * place's other name in brackets (مدينتي عين العرب (كوباني) والطبقة)
		 */
		bracket = 0;
		while (k >= N_SINGLE_KINDS && k < N_NAME_KINDS && j < n)
		{
			w = lazy(&lw, j);
			if (!bracket && tags[j] == B_LOC && bracket_gap(text, lw.w, j, '('))
			{
				int			e = mention_end(tags, n, j);

				if (e >= n || !bracket_gap(text, lw.w, e, ')'))
					break;
				j = e;
				bracket = 2;
				continue;
			}
			if ((tags[j] == B_LOC || (k >= N_DUAL_KINDS && tags[j] == B_TAG(AR_ENT_PERSON))) &&
				w->first_cp == 0x0648 && w->nclitics > 0)
			{
				/* the second of two places (معبري نصيب وجابر) is one */
				int			e = mention_end(tags, n, j);

				set_mention(tags, j, e, AR_ENT_LOCATION);
				j = e;
				if (k >= N_DUAL_KINDS)
					break;
				continue;
			}
			if (!(w->first_cp == 0x0648 && w->nclitics > 0 && w->stemf.n >= 3 &&
				  place_word(&lw, mask, tags, j, bracket ? 2 : 1)))
				break;
			tags[j++] = B_LOC;
			if (k >= N_DUAL_KINDS)
				break;
		}
		i = j - 1;
	}
}

/* ---- ArTagApplyPlaces: place names of two words, edges of places ---- */

/*
 * Nouns that form the first word of a town's or a site's name of two words
 * (خان شيخون، معرة النعمان، جسر الشغور، دير الزور، عين العرب، رأس العين،
 * تل أبيض، كفر نبل، بيت جن، جبل الزاوية، وادي بردى، سد تشرين).  Each is
 * also a common noun (عين "eye", رأس "head"): the pair is a place only
 * where the context says so (see pair_context).
 */
static const char *const place_heads[] = {
	"خان", "معرة", "جسر", "دير", "عين", "رأس", "راس", "تل", "تلة", "كفر",
	"بيت", "جبل", "وادي", "بئر", "خربة", "مرج", "قلعة", "سد", NULL
};

/*
 * Words before a place (في بلدة ..., قرب ..., ريف ...): prepositions of
 * place and nouns of a region or a direction, as the stem of the word
 * before (without و).
 */
static const char *const place_cues[] = {
	"في", "من", "إلى", "الى", "قرب", "نحو", "عند", "داخل", "حول", "بين",
	"باتجاه", "محيط", "أطراف", "اطراف", "ضواحي", "شمال", "جنوب", "شرق",
	"غرب", "شمالي", "جنوبي", "شرقي", "غربي", "مناطق", "منطقة", "مدن",
	"بلدات", "قرى", NULL
};

/*
 * Direction adjectives (with the article, their stems here): after a place
 * that follows ريف (ريف حلب الشرقي) they belong to ريف, not to the place.
 */
static const char *const directions[] = {
	"شرقي", "غربي", "شمالي", "جنوبي", "شرقيه", "غربيه", "شماليه", "جنوبيه",
	NULL
};

/*
 * Nouns of a region around a place (ريف، بادية، أطراف، ضواحي، أحياء):
 * a direction adjective after the place that follows them is theirs.
 */
static const char *const region_nouns[] = {
	"ريف", "بادية", "أطراف", "اطراف", "ضواحي", "أحياء", "احياء", "محيط",
	"أرياف", "ارياف", NULL
};

/*
 * Kind words of a military or transport site (قاعدة، مطار، ميناء) and the
 * adjectives that close the site's name (الجوية، العسكرية، الدولي): between
 * them, a word no list knows is a place (قاعدة حميميم الجوية).
 */
static const char *const sites[] = {
	"قاعدة", "مطار", "ميناء", "مرفأ", "معسكر", NULL
};
static const char *const site_adjectives[] = {
	"جويه", "جوي", "عسكريه", "عسكري", "بحريه", "بحري", "دولي", "دوليه",
	NULL
};

/* A bank (الضفة) and the river or canal after it (لنهر، للنهر، للقناة). */
static const char *const banks[] = {"ضفة", NULL};
static const char *const rivers[] = {"نهر", "قناة", NULL};

/* Is stem (a folded stem hash) in the list? */
#define STEM_IN(list, stem) \
	do_stem_in(list, list##_hash, &list##_ready, LIST_LEN(list), stem)
static uint64_t banks_hash[LIST_LEN(banks)],
			rivers_hash[LIST_LEN(rivers)];
static bool banks_ready,
			rivers_ready;
static uint64_t sites_hash[LIST_LEN(sites)],
			site_adjectives_hash[LIST_LEN(site_adjectives)];
static bool sites_ready,
			site_adjectives_ready;
static uint64_t place_heads_hash[LIST_LEN(place_heads)],
			place_cues_hash[LIST_LEN(place_cues)],
			directions_hash[LIST_LEN(directions)],
			region_nouns_hash[LIST_LEN(region_nouns)];
static bool place_heads_ready,
			place_cues_ready,
			directions_ready,
			region_nouns_ready;

static int
do_stem_in(const char *const *words, uint64_t *hash, bool *ready, size_t n,
		   uint64_t stem)
{
	return listed_word(words, hash, ready, n, stem) != 0;
}

int
ArTagIsPlaceHead(uint64_t stem)
{
	return STEM_IN(place_heads, stem);
}

size_t
ArTagPlaceHeadConj(const char *text, const ArTagWord *w)
{
	Folded		f;

	if (w->len < 6 || memcmp(text + w->start, "\xD9\x88", 2) != 0)	/* و */
		return 0;
	ArTagFoldWord(text + w->start, w->len, &f);
	if (f.n != 3 || !STEM_IN(place_heads, hash_cps(f.cp, 1, f.n)))
		return 0;
	return ArTagFirstLetterBytes(text + w->start, w->len);
}

/*
 * Is word i a head noun of a place (its stem, or its letters after a و the
 * segmenter left on a short one: وتل)?  2 for the latter.
 */
static int
head_at(LazyWords *lw, const ArTagFeats *feats, int i)
{
	if (STEM_IN(place_heads, feats->stem[i]))
		return 1;
	return ArTagPlaceHeadConj(lw->text, &lw->w[i]) > 0 ? 2 : 0;
}

/*
 * May word i be the second word of a place's name after a head noun:
 * Arabic, two letters or more, no particle or common word, no title, head
 * of an organization or nationality adjective, no kind word, no head
 * again, no conjunction before it?
 */
static int
second_word(LazyWords *lw, const uint16_t *mask, int i)
{
	const WordInfo *w = lazy(lw, i);

	return plain_gap(lw->text, lw->w, i) && (w->shape & 7) == 1 &&
		w->stemf.n >= 2 && !w->contracted && w->nclitics == 0 &&
		!ArTagNotNameWord(w) &&
		!(mask[i] & (AR_GAZ_TITLE | AR_GAZ_ORG_HEAD | AR_GAZ_NISBA)) &&
		place_kind(w->stem, 0) < 0 && !STEM_IN(place_heads, w->stem);
}

/*
 * Is the pair of words [i, i+2) in the context of a place: word i has a
 * و and the mention before it, up to word i-1, is a place (a list of
 * places), or the words after the pair are و and a place; or the word
 * before is a preposition of place, a kind word or a region (في، قرب،
 * ريف، بلدة ...), or word i has ب (بجسر الشغور)?
 */
static int
pair_context(LazyWords *lw, const uint8_t *tags, int n, int i)
{
	const uint8_t B_LOC = B_TAG(AR_ENT_LOCATION);
	const WordInfo *w = lazy(lw, i);
	int			wa = w->first_cp == 0x0648 &&
		(w->nclitics > 0 || ArTagPlaceHeadConj(lw->text, &lw->w[i]) > 0);

	if (wa && i > 0)
	{
		int			s = i - 1;

		while (s > 0 && TAG_INSIDE(tags[s]))
			s--;
		if (tags[s] == B_LOC)
			return 1;
	}
	if (i + 2 < n && tags[i + 2] == B_LOC && lazy(lw, i + 2)->first_cp == 0x0648 &&
		lazy(lw, i + 2)->nclitics > 0)
		return 1;
	if (w->nclitics > 0 && (w->first_cp == 0x0628 || w->first_cp == 0x0644) && w->bare == 0)
		return 1;				/* بجسر، لخان: a clitic ب or ل taken off */
	if (i == 0 || !plain_gap(lw->text, lw->w, i))
		return 0;
	w = lazy(lw, i - 1);
	return !w->article && (STEM_IN(place_cues, w->stem) || place_kind(w->stem, w->bare) >= 0 ||
						   STEM_IN(region_nouns, w->stem));
}

void
ArTagApplyPlaces(const ArGaz *gaz, const ArTagFeats *feats, const char *text,
				 const ArTagWords *ws, int a, int b, uint8_t *tags)
{
	const uint16_t *mask = feats->word_mask;
	const uint8_t B_LOC = B_TAG(AR_ENT_LOCATION),
				B_PER = B_TAG(AR_ENT_PERSON);
	int			n = b - a;
	LazyWords	lw;

	if (n < 2 || n > AR_TAG_MAX_SENT || feats->n != n)
		return;
	lazy_init(&lw, text, ws->w + a, n);
	for (int i = 0; i + 1 < n; i++)
	{
		const WordInfo *w;
		int			e,
					head,
					listed;

		if (!(tags[i] == 0 || tags[i] == B_PER) || !(head = head_at(&lw, feats, i)))
			continue;
		w = lazy(&lw, i);
		if (w->article || w->contracted || !second_word(&lw, mask, i + 1))
			continue;
		listed = (gaz_lookup(gaz, phrase_step(phrase_step(0, feats->stem[i]),
											  feats->stem[i + 1])) & AR_GAZ_LOC) != 0;
		e = tags[i] == B_PER ? mention_end(tags, n, i) : 0;

		/*
		 * 1. a person mention of the two words (خان شيخون), 2. the second
		 * word alone a person or a place (معرة النعمان: النعمان a person;
		 * not بيت الطالب with MISC الطالب), 3. both
		 * untagged and the pair a listed place (جسر الشغور) or in a list
		 * of places: in the context of a place, a place
		 */
		if (!((tags[i] == B_PER && e == i + 2) ||
			  (tags[i] == 0 && (tags[i + 1] == B_PER || tags[i + 1] == B_LOC) &&
			   mention_end(tags, n, i + 1) == i + 2) ||
			  (tags[i] == 0 && tags[i + 1] == 0)))
			continue;
		if (!pair_context(&lw, tags, n, i))
			continue;
		if (tags[i] == 0 && tags[i + 1] == 0 && !listed &&
			!(w->first_cp == 0x0648 && (w->nclitics > 0 || head == 2) && i > 0 &&
			  tags[i - 1] != 0))
			continue;
		set_mention(tags, i, i + 2, AR_ENT_LOCATION);
		i++;
	}

	/*
	 * 4. an untagged word between the kind word of a site and an
	 * adjective that closes its name, with the article (قاعدة حميميم
	 * الجوية, مطار المزة العسكري): a place
	 */
	for (int i = 0; i + 2 < n; i++)
	{
		if (tags[i] != 0 || tags[i + 1] != 0 || tags[i + 2] != 0 ||
			!STEM_IN(sites, feats->stem[i]) || lazy(&lw, i)->article ||
			!STEM_IN(site_adjectives, feats->stem[i + 2]) || !lazy(&lw, i + 2)->article ||
			!plain_gap(text, lw.w, i + 2) || !second_word(&lw, mask, i + 1))
			continue;
		if (adjective_ending(&lazy(&lw, i + 1)->stemf))
			continue;			/* an adjective in ي or ية: قاعدة عسكرية جوية */
		tags[i + 1] = B_LOC;
		i += 2;
	}

	/*
	 * 5. a bank of a river (الضفة الغربية لنهر الفرات: the river's bank,
	 * not the West Bank) is no place: الضفة and a direction adjective
	 * before ل with نهر or النهر
	 */
	for (int i = 0; i + 2 < n; i++)
	{
		const WordInfo *w;

		if (tags[i] != B_LOC || mention_end(tags, n, i) != i + 2 ||
			!lazy(&lw, i)->article || !STEM_IN(banks, feats->stem[i]) ||
			!STEM_IN(directions, feats->stem[i + 1]) || !plain_gap(text, lw.w, i + 2))
			continue;
		w = lazy(&lw, i + 2);
		if (w->first_cp == 0x0644 &&
			((w->nclitics > 0 && STEM_IN(rivers, w->stem)) ||
			 (w->bare != 0 && STEM_IN(rivers, w->bare))))
			tags[i] = tags[i + 1] = 0;
	}

	/*
	 * 6. a direction adjective at the end of a place after a region noun
	 * (ريف حلب الشرقي is ريف حلب, الشرقي of ريف) is no part of the place
	 */
	for (int i = 1; i + 1 < n; i++)
	{
		int			e,
					prev;

		if (tags[i] != B_LOC || (e = mention_end(tags, n, i)) < i + 2 ||
			!lazy(&lw, e - 1)->article || !STEM_IN(directions, feats->stem[e - 1]))
			continue;
		prev = STEM_IN(region_nouns, feats->stem[i - 1]) ||
			(feats->bare[i - 1] != 0 && STEM_IN(region_nouns, feats->bare[i - 1]));
		if (prev && !lazy(&lw, i - 1)->article)
			tags[e - 1] = 0;
		i = e - 1;
	}
}
