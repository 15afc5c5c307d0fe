/*
 * src/core/ar_tag_events.c
 *
 * Named events, agreements and other MISC names made of a head noun and a
 * name (ArTagApplyEvents, run by ArTagApplyRules after the context rules):
 * اتفاق أوسلو، اتفاقية سايكس بيكو، صيغة أستانا، مؤتمر ميونيخ للأمن، مبادرة
 * البحر الأسود للحبوب، مبادرة السلام العربية، جائزة نوبل، قانون قيصر، حرب
 * أكتوبر، عيد الفطر، رؤية 2030، كوب ٢٧.  The tagger finds the name inside
 * (a place, a person) and leaves the head out, as ANERcorp annotates; the
 * news gold guideline (test/data/entities_gold.md, MISC) annotates the whole
 * name, flat.  A head noun before a common word only is not a name (مؤتمر
 * صحفي، اتفاق تاريخي), nor a descriptive event (اجتماعات آستانة، القمة
 * المقبلة في سوتشي: those heads are not in the list).
 */
#include "ar_tag_internal.h"

#include "ar_unicode.h"

#include <stdbool.h>
#include <string.h>


/* What may follow a head noun to make a name with it. */
enum
{
	EV_LOC = 0x001,				/* a place's name: اتفاق أوسلو */
	EV_PERS = 0x002,			/* a person's name: قانون قيصر */
	EV_MISC = 0x004,			/* another MISC name: اتفاقية سايكس بيكو */
	EV_NISBA = 0x008,			/* a noun with the article and a nationality
								 * adjective: مبادرة السلام العربية */
	EV_TAIL = 0x010,			/* then one word with لل: اتفاق باريس للمناخ */
	EV_NUM = 0x020,				/* a number right after it is a name: حرب
								 * 1967 (not a date after a name: حرب أكتوبر
								 * 1973 is حرب أكتوبر) */
	EV_NEED_NUM = 0x040,		/* there is no name without a number, which
								 * may also follow the name: رؤية 2030،
								 * رؤية السعودية 2030، كوب ٢٧ */
	EV_HOLIDAY = 0x080,			/* a holiday word with the article: عيد الفطر */
	EV_MONTH = 0x100,			/* a month: حرب أكتوبر */
	EV_QUOTE = 0x200,			/* a quoted name after it stands alone, as a
								 * MISC name: معاهدة «ستارت الجديدة» is
								 * ستارت الجديدة, خطة «سوريا 2030» is سوريا
								 * 2030 */
	EV_GRAND = 0x400,			/* then الكبرى: جائزة البحرين الكبرى */
	EV_ADJS = 0x800				/* then up to two adjectives: مهرجان كان
								 * السينمائي، منتدى دافوس الاقتصادي */
};

#define EV_AGREEMENT (EV_LOC | EV_PERS | EV_MISC | EV_NISBA | EV_TAIL | EV_QUOTE)

/*
 * Head nouns (written as in news, without the article: a head with the
 * article, الاتفاق النووي, is a description) and what they take.
 */
static const struct
{
	const char *word;
	uint16_t	takes;
}			heads[] = {
	{"اتفاق", EV_AGREEMENT},
	{"اتفاقية", EV_AGREEMENT},
	{"اتفاقيات", EV_AGREEMENT},
	{"معاهدة", EV_AGREEMENT},
	{"بروتوكول", EV_LOC | EV_TAIL | EV_QUOTE},
	{"تفاهمات", EV_LOC | EV_QUOTE},
	{"انتفاضة", EV_LOC | EV_MISC | EV_QUOTE},
	{"مبادرة", EV_LOC | EV_NISBA | EV_TAIL | EV_QUOTE},
	{"خطة", EV_QUOTE},			/* خطة العبادي is a description */
	{"صيغة", EV_LOC | EV_TAIL | EV_QUOTE},
	{"مسار", EV_LOC | EV_TAIL | EV_QUOTE},
	{"قانون", EV_PERS | EV_QUOTE},
	{"مؤتمر", EV_LOC | EV_TAIL | EV_QUOTE | EV_NISBA},
	{"منتدى", EV_LOC | EV_TAIL | EV_QUOTE | EV_ADJS | EV_NISBA},
	{"مهرجان", EV_LOC | EV_TAIL | EV_QUOTE | EV_ADJS | EV_NISBA},
	{"جائزة", EV_LOC | EV_PERS | EV_MISC | EV_TAIL | EV_QUOTE | EV_GRAND | EV_NISBA},
	{"كأس", EV_LOC | EV_PERS | EV_QUOTE | EV_NISBA},
	{"حرب", EV_LOC | EV_MONTH | EV_NUM | EV_QUOTE | EV_NISBA},
	{"عيد", EV_HOLIDAY},
	{"رؤية", EV_LOC | EV_NUM | EV_NEED_NUM},
	{"أجندة", EV_NUM | EV_NEED_NUM},
	{"كوب", EV_NUM | EV_NEED_NUM},	/* COP: كوب ماء is a cup */
	{"إكسبو", EV_NUM | EV_NEED_NUM},
};

#define N_HEADS (sizeof(heads) / sizeof(heads[0]))

/* Holidays: the word after عيد, with the article (عيد الفطر). */
static const char *const holidays[] = {
	"الفطر", "الأضحى", "الميلاد", "الفصح", "القيامة", "الغطاس", "الشكر",
	"العمال", "الأم", "الحب", "النوروز", "النيروز", "الاستقلال", "الجلاء",
	"العرش", "النصر", "المعلم", NULL
};

/* Months that name a war (حرب أكتوبر، حرب تموز، حرب حزيران). */
static const char *const months[] = {
	"أكتوبر", "تشرين", "يونيو", "حزيران", "يوليو", "تموز", "رمضان", NULL
};

/*
 * Adjectives after the name that belong to it: ordinals (حرب الخليج
 * الثانية، مؤتمر جنيف الثاني) and, after جائزة, الكبرى (a Grand Prix:
 * جائزة البحرين الكبرى; the first entry).
 */
static const char *const name_adjs[] = {
	"الكبرى", "الأول", "الأولى", "الثاني", "الثانية", "الثالث", "الثالثة",
	"الرابع", "الرابعة", NULL
};

/*
 * Nationality adjectives of the gazetteer that are mostly something else,
 * and nouns that make a description before one (مؤتمر القمة العربية is a
 * summit, as قمة مجموعة العشرين).
 */
static const char *const not_nisba[] = {"مالي", "مالية", NULL};
static const char *const not_genitive[] = {"القمة", "الاجتماع", NULL};

/*
 * Adjectives of a region or a bloc that close a name like a nationality
 * adjective (the gazetteer's NISBA class has the countries'): مبادرة السلام
 * العربية.
 */
static const char *const blocs[] = {
	"عربي", "عربية", "خليجي", "خليجية", "أوروبي", "أوروبية", "إسلامي",
	"إسلامية", "أفريقي", "أفريقية", "إفريقي", "إفريقية", "آسيوي", "آسيوية",
	NULL
};

/* Word stems (as ArTagWordInfo folds them) of a NULL-terminated list. */
static void
stems_of(const char *const *words, uint64_t *out)
{
	for (int k = 0; words[k]; k++)
	{
		ArTagWord	w = {0, (uint32_t) strlen(words[k]), 0};
		WordInfo	wi;

		ArTagWordInfo(words[k], &w, &wi);
		out[k] = wi.stem;
	}
}


static uint64_t head_stem[N_HEADS];
static uint64_t holiday_stem[LIST_LEN(holidays)];
static uint64_t month_stem[LIST_LEN(months)];
static uint64_t bloc_stem[LIST_LEN(blocs)];
static uint64_t adj_stem[LIST_LEN(name_adjs)];
static uint64_t not_nisba_stem[LIST_LEN(not_nisba)];
static uint64_t not_gen_stem[LIST_LEN(not_genitive)];
static bool lists_ready;

static void
lists_init(void)
{
	const char *hw[N_HEADS + 1];

	if (lists_ready)
		return;
	for (size_t k = 0; k < N_HEADS; k++)
		hw[k] = heads[k].word;
	hw[N_HEADS] = NULL;
	stems_of(hw, head_stem);
	stems_of(holidays, holiday_stem);
	stems_of(months, month_stem);
	stems_of(blocs, bloc_stem);
	stems_of(name_adjs, adj_stem);
	stems_of(not_nisba, not_nisba_stem);
	stems_of(not_genitive, not_gen_stem);
	lists_ready = true;
}

static int
in_list(const uint64_t *stems, size_t n, uint64_t stem)
{
	for (size_t k = 0; k < n; k++)
		if (stems[k] == stem)
			return 1;
	return 0;
}

/* Quotes in the gap text[a..b-1]: bit 1 an opening one, bit 2 a closing one. */
static int
gap_quotes(const char *text, size_t a, size_t b)
{
	int			q = 0;

	for (size_t i = a; i < b;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) text + i, b - i, &nb);

		i += (size_t) nb;
		if (c == 0x00AB || c == 0x201C || c == 0x2018)
			q |= 1;
		else if (c == 0x00BB || c == 0x201D || c == 0x2019)
			q |= 2;
		else if (c == '"' || c == '\'')
			q |= 3;				/* either */
		else if (!ArIsSpace(c) && !ArIsIgnorable(c))
			q |= 4;				/* other punctuation */
	}
	return q;
}

/* Is the gap before word i of the segment spaces only? */
static int
plain(const LazyWords *ew, int i)
{
	return gap_quotes(ew->text, ew->w[i - 1].start + ew->w[i - 1].len,
					  ew->w[i].start) == 0;
}

/* Is word i a number of one to four digits (2030, ٢٧)? */
static int
is_number(LazyWords *ew, int i)
{
	const WordInfo *w = lazy(ew, i);

	return (w->shape & 7) == 4 && (w->shape >> 3) <= 3;
}

/*
 * Does a nationality or bloc adjective follow a noun with the article after
 * head word h (مبادرة السلام العربية، كأس الأمم الأوروبية)?  Not after a
 * title, a head noun of an organization or of an event (مبادرة الرئيس
 * الروسي، اتفاق المبادرة الخليجية), a summit or a meeting (مؤتمر القمة
 * العربية), nor a nationality that is mostly a common adjective (المالي).
 */
static int
nisba_after(LazyWords *ew, const ArTagFeats *feats, const uint8_t *tags, int n,
			int h)
{
	const WordInfo *g,
			   *a;

	if (h + 2 >= n || tags[h + 1] != 0 || tags[h + 2] != 0 ||
		!plain(ew, h + 2))
		return 0;
	g = lazy(ew, h + 1);
	a = lazy(ew, h + 2);
	if (!g->article || g->contracted || !a->article || a->contracted ||
		(feats->word_mask[h + 1] & (AR_GAZ_NISBA | AR_GAZ_TITLE | AR_GAZ_ORG_HEAD |
									 AR_GAZ_CHAIN_HEAD | AR_GAZ_LOC_CUE)) ||
		in_list(head_stem, N_HEADS, g->stem) ||
		in_list(not_gen_stem, LIST_LEN(not_genitive), g->stem) ||
		in_list(not_nisba_stem, LIST_LEN(not_nisba), a->stem))
		return 0;
	return (feats->word_mask[h + 2] & AR_GAZ_NISBA) ||
		in_list(bloc_stem, LIST_LEN(blocs), a->stem);
}

/*
 * Is the word an adjective with the article (a stem of three letters or
 * more ending in ي or ية: النووي), which makes the phrase before it a
 * description?
 */
static int
adjective(const WordInfo *w)
{
	const Folded *f = &w->stemf;

	return w->article && !w->contracted &&
		((f->n >= 3 && f->cp[f->n - 1] == 0x064A) ||
		 (f->n >= 4 && f->cp[f->n - 2] == 0x064A && f->cp[f->n - 1] == 0x0647));
}

/*
 * The end of the mention that starts at word i (tags[i] is a B- tag): the
 * inside tags of its own type after it.
 */
static int
typed_mention_end(const uint8_t *tags, int n, int i)
{
	int			j = i + 1;

	while (j < n && tags[j] == tags[i] + 1)
		j++;
	return j;
}

/*
 * A quoted MISC name after head word h: «...» over words h+1..k (at most
 * four) whose first word begins a mention of the tagger that ends inside
 * the quotes: a MISC name, or a place or a person's name with more words
 * after it (خطة «سوريا 2030»); nw: the words from the segment's first to the end of
 * the text.  Returns k + 1, or 0.
 */
static int
quoted_name(LazyWords *ew, int nw, const uint8_t *tags, int n, int h)
{
	int			end;

	if (h + 1 >= n || !(tags[h + 1] & 1) ||
		!(gap_quotes(ew->text, ew->w[h].start + ew->w[h].len,
					 ew->w[h + 1].start) & 1))
		return 0;
	end = typed_mention_end(tags, n, h + 1);
	/* a place or a person's name alone in the quotes stays what it is */
	if (tags[h + 1] != B_TAG(AR_ENT_MISC))
		end++;
	for (int k = h + 1; k < n && k <= h + 4; k++)
	{
		/* the text's last word: what follows it can only close the quote */
		int			q = k + 1 < nw ?
			gap_quotes(ew->text, ew->w[k].start + ew->w[k].len, ew->w[k + 1].start) : 2;

		if (k >= end && tags[k] != 0)
			return 0;			/* another mention inside */
		if (q & 2)
			return k + 1 >= end ? k + 1 : 0;
		if (q)
			return 0;
	}
	return 0;
}

/*
 * The punctuation next to a word in the gap text[a..b-1]: its last mark
 * (last != 0: the one right before the next word) or its first (right
 * after the previous word); 0 if the gap is spaces only.
 */
static uint32_t
gap_mark(const char *text, size_t a, size_t b, int last)
{
	uint32_t	m = 0;

	for (size_t i = a; i < b;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) text + i, b - i, &nb);

		i += (size_t) nb;
		if (ArIsSpace(c) || ArIsIgnorable(c))
			continue;
		m = c;
		if (!last)
			break;
	}
	return m;
}

/*
 * A quoted title that begins with head word h: "قانون قيصر"، «اتفاق ١٠
 * آذار»، "معاهدة الشراكة الاستراتيجية الشاملة": an opening quote right
 * before the head, then one to five words with spaces only between them and
 * a closing quote right after the last, where no mention runs on past the
 * quote and no word is a particle (ArTagNotNameWord: "اتفاق على أن" is a
 * quoted phrase).  prev: the end of the word before the head in the text (0 if
 * none); nw: the words from the segment's first to the end of the text.
 * Returns the index after the title's last word, or 0.
 */
static int
quoted_title(LazyWords *ew, int nw, const uint8_t *tags, int n, int h,
			 size_t prev)
{
	uint32_t	m = gap_mark(ew->text, prev, ew->w[h].start, 1);

	if (m != 0x00AB && m != 0x201C && m != '"')
		return 0;
	for (int k = h + 1; k < n && k <= h + 5; k++)
	{
		size_t		e = ew->w[k].start + ew->w[k].len;

		if (ArTagNotNameWord(lazy(ew, k)))
			return 0;			/* "اتفاق على أن": a quoted phrase */
		m = k + 1 < nw ? gap_mark(ew->text, e, ew->w[k + 1].start, 0) : 0;
		if (m == 0x00BB || m == 0x201D || m == '"')
			return (k + 1 < n && TAG_INSIDE(tags[k + 1])) ? 0 : k + 1;
		if (m != 0)
			return 0;
	}
	return 0;
}

int
ArTagIsEventHead(uint64_t stem)
{
	lists_init();
	return in_list(head_stem, N_HEADS, stem);
}

void
ArTagApplyEvents(const ArTagFeats *feats, const char *text,
				 const ArTagWords *ws, int a, int b, uint8_t *tags)
{
	int			n = b - a;
	LazyWords	ew;

	if (n < 2 || n > AR_TAG_MAX_SENT || feats->n != n)
		return;
	lists_init();
	lazy_init(&ew, text, ws->w + a, n);
	for (int i = 0; i + 1 < n; i++)
	{
		size_t		k;
		uint16_t	takes;
		const WordInfo *h;
		int			j = 0,
					num = 0,
					by_name = 0;
		uint8_t		ti;

		/* the head as written or after ب ل ك (باتفاق، لحرب) */
		for (k = 0; k < N_HEADS && head_stem[k] != feats->stem[i]; k++)
			;
		if (k == N_HEADS && feats->bare[i])
			for (k = 0; k < N_HEADS && head_stem[k] != feats->bare[i]; k++)
				;
		if (k == N_HEADS)
			continue;
		takes = heads[k].takes;
		ti = tags[i];
		/* إكسبو or كوب alone, of another type: before a number, MISC */
		if ((takes & EV_NEED_NUM) && (ti & 1) && ti != B_TAG(AR_ENT_MISC) &&
			tags[i + 1] != ti + 1)
			ti = 0;
		if (ti != 0 && ti != B_TAG(AR_ENT_MISC))
			continue;
		h = lazy(&ew, i);
		if (h->article || h->contracted)
			continue;

		/* "قانون قيصر": a quoted title that starts with the head, whole */
		if ((takes & EV_QUOTE) && (ti == 0 || ti == B_TAG(AR_ENT_MISC)) &&
			(j = quoted_title(&ew, ws->n - a, tags, n, i,
							  a + i > 0 ? ws->w[a + i - 1].start + ws->w[a + i - 1].len : 0)) > 0)
		{
			tags[i] = B_TAG(AR_ENT_MISC);
			for (int x = i + 1; x < j; x++)
				tags[x] = I_TAG(AR_ENT_MISC);
			i = j - 1;
			continue;
		}

		/* معاهدة «ستارت الجديدة»: the quoted name alone */
		if (ti == 0 && (takes & EV_QUOTE) &&
			(j = quoted_name(&ew, ws->n - a, tags, n, i)) > 0)
		{
			tags[i + 1] = B_TAG(AR_ENT_MISC);
			for (int x = i + 2; x < j; x++)
				tags[x] = I_TAG(AR_ENT_MISC);
			i = j - 1;
			continue;
		}
		if (!plain(&ew, i + 1))
			continue;
		if (ti == B_TAG(AR_ENT_MISC))
			j = typed_mention_end(tags, n, i);	/* the tagger's: حرب أكتوبر */
		else if (tags[i + 1] & 1)
		{
			int			t = (tags[i + 1] - 1) / 2;

			if ((t == AR_ENT_LOCATION && (takes & EV_LOC)) ||
				(t == AR_ENT_PERSON && (takes & EV_PERS)) ||
				(t == AR_ENT_MISC && (takes & EV_MISC)))
			{
				j = typed_mention_end(tags, n, i + 1);
				by_name = 1;
			}
		}
		else if (tags[i + 1] == 0)
		{
			const WordInfo *w1 = lazy(&ew, i + 1);

			if ((takes & EV_HOLIDAY) && w1->article && !w1->contracted &&
				in_list(holiday_stem, LIST_LEN(holidays), w1->stem))
				j = i + 2;
			else if ((takes & EV_MONTH) && !w1->article &&
					 in_list(month_stem, LIST_LEN(months), w1->stem))
				j = i + 2;
			else if ((takes & EV_NUM) && is_number(&ew, i + 1))
			{
				j = i + 2;
				num = 1;
			}
			else if ((takes & EV_NISBA) && i + 2 < n && nisba_after(&ew, feats, tags, n, i))
				j = i + 3;
		}
		if (j == 0)
			continue;
		/* a number that belongs to the name, then a لل tail */
		if (!num && (takes & EV_NEED_NUM) && j < n && tags[j] == 0 && plain(&ew, j) &&
			is_number(&ew, j))
		{
			j++;
			num = 1;
		}
		if ((takes & EV_NEED_NUM) && !num)
			continue;
		if (j < n && tags[j] == 0 && plain(&ew, j) && lazy(&ew, j)->article &&
			!lazy(&ew, j)->contracted &&
			in_list(adj_stem + ((takes & EV_GRAND) ? 0 : 1),
					LIST_LEN(name_adjs) - ((takes & EV_GRAND) ? 0 : 1), lazy(&ew, j)->stem))
			j++;
		else if ((takes & EV_TAIL) && j < n && tags[j] == 0 && plain(&ew, j) &&
				 lazy(&ew, j)->contracted)
			j++;
		else if ((takes & EV_ADJS) && !num)
		{
			for (int x = 0; x < 2 && j < n && tags[j] == 0 && plain(&ew, j) &&
				 adjective(lazy(&ew, j)); x++)
				j++;
		}
		else if (by_name && j < n && tags[j] == 0 && plain(&ew, j) &&
				 adjective(lazy(&ew, j)))
			continue;			/* اتفاق إيران النووي: a description */
		/* اتفاق روسيا وتركيا: two parties, not a name */
		if (j < n && (tags[j] & 1) && tags[j] == tags[i + 1] &&
			lazy(&ew, j)->nclitics > 0 && lazy(&ew, j)->first_cp == 0x0648)
			continue;
		tags[i] = B_TAG(AR_ENT_MISC);
		for (int x = i + 1; x < j; x++)
			tags[x] = I_TAG(AR_ENT_MISC);
		i = j - 1;
	}
}
