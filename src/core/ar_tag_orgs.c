/*
 * src/core/ar_tag_orgs.c
 *
 * Organization names that the chains of ar_tag_features.c (a head noun, the
 * article words after it, up to a nationality adjective) do not reach, as
 * rules on the decoded tags of one sentence segment: a ministry named by a
 * genitive (وزارة خارجية روسيا), a ministry whose head is left out
 * (الخارجية الأمريكية), a party or force named by a noun and its adjective
 * (حزب الشعب الجمهوري, قوات الدعم السريع), the tails that complete a
 * name (الهلال الأحمر العربي السوري, منظمة الأمم المتحدة للطفولة, قوة
 * الأمم المتحدة المؤقتة في لبنان, الإدارة الذاتية لشمال وشرق سوريا), a
 * body named by a genitive (مكتب تنسيق الشؤون الإنسانية), and, the other
 * way, a chamber inside a title (رئيس مجلس النواب) and a head with an
 * adjective of reach that refers back (المنظمة الدولية); the rules that
 * read quotes, parentheses and datelines are in ar_tag_orgs_marks.c.  See
 * ArTagApplyOrgNames in ar_tagger.h.  The word lists here are general
 * vocabulary written for this project, not names.
 */
#include "ar_tag_orgs.h"

#define TAIL_MAX 4				/* words of a ل tail */

/* departments a ministry is named by (وزارة خارجية روسيا) */
static const char *const dept_words[] = {
	"خارجية", "داخلية", "دفاع", "عدل", "مالية", "صحة", "إعلام", "تعليم",
	"اقتصاد", "طاقة", "نفط", NULL
};

/* departments that stand for their ministry with the article (الخارجية) */
static const char *const elided_words[] = {"خارجية", "داخلية", "دفاع", "خزانة", NULL};

/*
 * words that name a body of another organization before its name (قوة
 * الأمم المتحدة, بعثة الأمم المتحدة), beside the gazetteer's head nouns
 */
static const char *const body_words[] = {
	"قوة", "بعثة", "مفوضية", "مكتب", "منظمة", "برنامج", "صندوق", "لجنة",
	NULL
};

/* heads of a ministry named by a genitive (and ORG_HEAD) */
static const char *const ministry_words[] = {"وزارة", NULL};

/* particles that end a genitive (لاغتياله في مخيم جنين) */
static const char *const particle_words[] = {
	"في", "من", "عن", "إلى", "على", "مع", "أن", "إن", "ان", "لا", "ما", "قد",
	"بعد", "قبل", "منذ", "حتى", "عند", "لدى", "ثم", "أو", NULL
};

/*
 * heads of a name made of a noun and its adjective (قوات الدعم السريع,
 * لجنة الاتصال العربية);
 * gazetteer head nouns (ORG_HEAD) too, which is checked first
 */
static const char *const named_heads[] = {
	"حزب", "قوات", "جبهة", "هيئة", "ائتلاف", "لجنة", "قيادة", NULL
};

/*
 * head nouns of bodies named by a genitive without the article (مكتب تنسيق
 * الشؤون الإنسانية, وحدات حماية الشعب), some of them missing from the
 * gazetteer's ORG_HEAD; not the heads that are also verbal nouns or things
 * (قيادة مركبة, إدارة شؤون الدولة, جهاز كشف المعادن, حركة مرور, تنظيم
 * ضربات القلب) or that a generic description follows (شركة صناعة
 * السيارات, مركز خدمة المشتركين), as seen on news text
 */
static const char *const genitive_heads[] = {
	"مكتب", "صندوق", "هيئة", "لجنة", "مفوضية", "مرصد", "ديوان", "وحدات",
	"محكمة", "مجلس", "اتحاد", "وكالة", NULL
};

/*
 * adjectives that describe a party or force rather than name it (حزب
 * الشعب الجمهوري المعارض), relative pronouns
 */
static const char *const describing[] = {
	"حاكم", "حاكمة", "معارض", "معارضة", "جديد", "جديدة", "حالي", "حالية",
	"سابق", "سابقة", "محظور", "منحل", "ذي", "تي", "الذي", "التي", "أول",
	"أولى", "ثاني", "ثانية", "ثالث", "ثالثة", "موالي", "موالية", "تابع",
	"تابعة", "مخلوع", "أخرى", "آخر", NULL
};

/* heads named by one noun (حزب النهضة) */
static const char *const party_words[] = {"حزب", NULL};

/* nouns after قوات that describe rather than name (قوات النظام) */
static const char *const not_named_nouns[] = {
	"نظام", "احتلال", "تمرد", "معارضة", NULL
};

/* adjectives of rank that name a body with its head (الرئاسة العامة) */
static const char *const rank_words[] = {
	"عام", "عامة", "أعلى", "عليا", "سامية", "مؤقتة", "مشتركة", NULL
};

/*
 * adjectives of rank or reach after which a head with the article takes a
 * ل tail of any kind: the office it is for (المجلس الأعلى للقضاء, الهيئة
 * العامة للاستثمار, الوكالة الوطنية للإعلام; not the purpose of القوات
 * الحكومية للسيطرة)
 */
static const char *const office_words[] = {
	"عام", "عامة", "أعلى", "عليا", "وطني", "وطنية", NULL
};

/* chambers named by their members (مجلس النواب, مجلس الوزراء) */
static const char *const chamber_words[] = {
	"نواب", "وزراء", "شيوخ", "شعب", "أمة", "شورى", "إدارة", "أمناء", "نقابة",
	NULL
};

/* ل words that start no part of a name (للمرة, لمدة, لعام) */
static const char *const not_tail[] = {
	"مرة", "مدة", "فترة", "عام", "سنة", "شهر", "يوم", "أسبوع", "عدة", "ذلك",
	"هذا", "هذه", "كل", "أن", "أنه", "غرض", "أجل", NULL
};

/*
 * adjectives of reach that make a head with the article a back-reference,
 * not a name (المنظمة الدولية, الهيئة الأممية: the organization named
 * before)
 */
static const char *const reach_words[] = {"دولي", "دولية", "أممي", "أممية", NULL};

/* words after which الدفاع is the ministry (أعلنت الدفاع التركية) */
static const char *const before_ministry[] = {
	"في", "من", "عن", "إن", "أن", "باسم", "بلسان", "مع", "على", "إلى", "بيان",
	NULL
};

static WordList depts = {dept_words, {0}, false},
			elided = {elided_words, {0}, false},
			bodies = {body_words, {0}, false},
			named = {named_heads, {0}, false},
			describes = {describing, {0}, false},
			not_tails = {not_tail, {0}, false},
			before_min = {before_ministry, {0}, false},
			chambers = {chamber_words, {0}, false},
			ministries = {ministry_words, {0}, false},
			particles = {particle_words, {0}, false},
			ranks = {rank_words, {0}, false},
			offices = {office_words, {0}, false},
			not_named = {not_named_nouns, {0}, false},
			parties = {party_words, {0}, false},
			reaches = {reach_words, {0}, false},
			gen_heads = {genitive_heads, {0}, false};

/* Is word i, untagged, after a plain gap, a nationality adjective with the article? */
static bool
nisba_after(Seg *s, int i)
{
	return i < s->n && s->tags[i] == 0 && (s->feats->word_mask[i] & AR_GAZ_NISBA) &&
		definite(s, i) && plain(s, i);
}

/* Is word i an adjective of the nisba form (the article, ending in ي or ية)? */
static bool
nisba_form(Seg *s, int i)
{
	const Folded *f = &info(s, i)->stemf;

	return info(s, i)->article &&
		((f->n >= 3 && f->cp[f->n - 1] == 0x064A) ||
		 (f->n >= 4 && f->cp[f->n - 2] == 0x064A && f->cp[f->n - 1] == 0x0647));
}

/*
 * The end of the nationality adjectives from word i on, with the adjectives
 * of the same form (the article, ending in ي or ية) before the last one:
 * العربي السوري.  i if none.
 */
static int
nisba_tail(Seg *s, int i)
{
	int			end = i;

	for (int k = i; k < s->n && k - i < 3 && s->tags[k] == 0 && plain(s, k) &&
		 info(s, k)->article && info(s, k)->nclitics == 0; k++)
	{
		if (s->feats->word_mask[k] & AR_GAZ_NISBA)
			end = k + 1;
		else if (!nisba_form(s, k))
			break;
	}
	return end;
}

/*
 * Makes words [h, e) and the nationality adjectives after them one
 * ORGANIZATION mention; returns its end.
 */
static int
org_with_nisbas(Seg *s, int h, int e)
{
	while (nisba_after(s, e))
		e++;
	set_org(s->tags, s->n, h, e);
	return e;
}

/* Is word i a mention of a place or an organization, or a listed one? */
static bool
place_or_org(Seg *s, int i)
{
	uint8_t		t = s->tags[i];

	return t == B_TAG(AR_ENT_LOCATION) || t == B_ORG ||
		(t == 0 && (s->feats->word_mask[i] & (AR_GAZ_LOC | AR_GAZ_ORG)));
}

/* The end of word i's mention if it is one, else i + 1. */
static int
word_or_mention_end(Seg *s, int i)
{
	return (s->tags[i] & 1) ? mention_end(s->tags, s->n, i) : i + 1;
}

/*
 * 0. Two organizations joined by و read as one: inside an ORGANIZATION
 * mention, a word with و and the article that starts a sure organization
 * name of two words or more reaching the mention's end (or past it) begins
 * a second organization (ومنظمة الصحة العالمية والهلال الأحمر العربي
 * السوري, منظمة الصحة العالمية والصليب الأحمر: الهلال الأحمر and الصليب
 * الأحمر are listed).  A name whose parts are joined by و stays whole (حزب
 * العدالة والتنمية: no listed name starts at والتنمية).
 */
static void
joined_orgs(Seg *s)
{
	const ArTagFeats *f = s->feats;

	for (int i = 0; i < s->n; i++)
	{
		int			e;

		if (s->tags[i] != B_ORG)
			continue;
		e = mention_end(s->tags, s->n, i);
		for (int k = i + 1; k < e; k++)
		{
			const WordInfo *w = info(s, k);

			if (w->article && w->nclitics == 1 && w->first_cp == 0x0648 &&
				f->sure_len[k] > 1 && k + f->sure_len[k] >= e &&
				(f->sure_mask[k] & AR_GAZ_ORG) && plain(s, k))
			{
				set_org(s->tags, s->n, k, k + f->sure_len[k]);
				e = k;
				break;
			}
		}
		i = e - 1;
	}
}

/*
 * 1. A department with the article for its ministry, before a feminine
 * nationality adjective (الخارجية الأمريكية, الدفاع التركية), unless a
 * title, a head noun or a word with the article comes before it (وزير
 * الخارجية الأمريكي, السياسة الخارجية الأمريكية); الدفاع only after a
 * verb of the feminine (أعلنت) or a particle (in ميزانية الدفاع الإيرانية
 * the adjective is the noun's).
 */
static void
elided_heads(Seg *s)
{
	for (int i = 0; i + 1 < s->n; i++)
	{
		const Folded *adj;
		int			p = i - 1;

		if (s->tags[i] != 0 || !nisba_after(s, i + 1) || !definite(s, i) ||
			!in_list(&elided, info(s, i)->stem))
			continue;
		adj = &info(s, i + 1)->stemf;
		if (adj->n < 2 || adj->cp[adj->n - 1] != 0x0647)	/* ة */
			continue;
		if (p >= 0 && plain(s, i) &&
			((s->feats->word_mask[p] & (AR_GAZ_TITLE | HEADS)) || definite(s, p)))
			continue;
		if (info(s, i)->stemf.cp[0] == 0x062F && p >= 0 && plain(s, i))	/* دفاع */
		{
			const Folded *pf = &info(s, p)->stemf;

			if (!word_in(s, p, &before_min) &&
				!(pf->n >= 3 && pf->cp[pf->n - 1] == 0x062A))	/* ...ت */
				continue;
		}
		set_org(s->tags, s->n, i, i + 2);
		i++;
	}
}

/*
 * 2. A head noun without the article, a department and what it belongs to
 * (a place or organization, or a word with the article), then nationality
 * adjectives: وزارة خارجية روسيا, وزارة دفاع النظام السوري.  A title is
 * no head (وزير خارجية روسيا is a function; روسيا stays a place).
 */
static void
genitive_ministries(Seg *s)
{
	for (int h = 0; h + 2 < s->n; h++)
	{
		int			x = h + 2,
					e;

		if (s->tags[h] != 0 || !(s->feats->word_mask[h] & AR_GAZ_ORG_HEAD) ||
			!word_in(s, h, &ministries) || definite(s, h) || s->tags[h + 1] != 0 || !plain(s, h + 1) ||
			definite(s, h + 1) || !in_list(&depts, info(s, h + 1)->stem) ||
			!plain(s, x))
			continue;
		if (place_or_org(s, x))
			e = word_or_mention_end(s, x);
		else if (s->tags[x] == 0 && definite(s, x))
			e = x + 1;
		else
			continue;
		h = org_with_nisbas(s, h, e) - 1;
	}
}

/*
 * Is word i, untagged, after a plain gap, a word with the article and no
 * other clitic that can name (not a title, place or person; not listed as
 * describing; an adjective, adj, not a participle: قوات الجيش المنتشرة)?
 * conj: a و before the article may be there too (العدالة والتنمية).
 */
static bool
naming_word(Seg *s, int i, bool conj, bool adj)
{
	const WordInfo *w;

	if (i >= s->n || s->tags[i] != 0 || !plain(s, i) ||
		(s->feats->word_mask[i] & (AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_PERS)))
		return false;
	w = info(s, i);
	if (!w->article || w->contracted ||
		(w->nclitics && !(conj && w->nclitics == 1 && w->first_cp == 0x0648)))
		return false;
	return !in_list(&describes, w->stem) && !in_list(&describes, w->word) &&
		!(adj && w->stemf.cp[0] == 0x0645 && !nisba_form(s, i) &&
		  !in_list(&ranks, w->stem));
}

/*
 * 3. A party or force named by a noun and its adjective, both with the
 * article: حزب الشعب الجمهوري, قوات الدعم السريع (not a title: قوات
 * الرئيس السابق; not a describing adjective: حزب الشعب المعارض; not
 * قوات النظام); a party also by one noun or two joined by و (حزب
 * النهضة, حزب العدالة والتنمية).
 */
static void
named_bodies(Seg *s)
{
	for (int h = 0; h + 1 < s->n; h++)
	{
		int			e;

		if (s->tags[h] != 0 || !(s->feats->word_mask[h] & AR_GAZ_ORG_HEAD) ||
			definite(s, h) || !word_in(s, h, &named) || !naming_word(s, h + 1, false, false) ||
			in_list(&not_named, info(s, h + 1)->stem))
			continue;
		if (naming_word(s, h + 2, false, true) ||
			(word_in(s, h, &parties) && naming_word(s, h + 2, true, false)))
			e = h + 3;
		else if (word_in(s, h, &parties))
			e = h + 2;
		else
			continue;
		h = org_with_nisbas(s, h, e) - 1;
	}
}

/*
 * Does word i end, as written, in ه (a pronoun: لاغتياله; ة is a feminine
 * noun) or ا (an adverb: لاحقا)?
 */
static bool
pronoun_or_adverb(Seg *s, int i)
{
	const unsigned char *p = (const unsigned char *) s->text + s->w[i].start;
	size_t		n = s->w[i].len;

	return n >= 2 && ((p[n - 2] == 0xD9 && (p[n - 1] == 0x87 || p[n - 1] == 0x8B)) ||
					  (p[n - 2] == 0xD8 && p[n - 1] == 0xA7));	/* ه, tanween, ا */
}

/*
 * 11. A head noun of genitive_heads without the article, a noun without it and a word with the
 * article (or a place or organization) it belongs to, then adjectives of
 * the nisba form or of rank and nationality adjectives: مكتب تنسيق الشؤون
 * الإنسانية, وحدات حماية الشعب, هيئة تحرير الشام.  Not a title, place,
 * person, nationality, place's kind word or head noun in the middle (مكتب
 * رئيس الوزراء, أمانة منطقة الرياض), no describing adjective (وحدات
 * جديدة), no chamber (مجلس إدارة الشركة) or department (وزارة خارجية
 * روسيا: 2); no clitic on the middle words (وحدات جديدة بالضفة).
 */
static void
genitive_bodies(Seg *s)
{
	const ArTagFeats *f = s->feats;

	for (int h = 0; h + 2 < s->n; h++)
	{
		int			x = h + 2,
					e;
		const WordInfo *m;

		if (s->tags[h] != 0 ||
			!(in_list(&gen_heads, f->stem[h]) || in_list(&gen_heads, f->bare[h])) ||
			definite(s, h) ||
			info(s, h)->nclitics > 1 || s->tags[h + 1] != 0 || !plain(s, h + 1) ||
			!plain(s, x))
			continue;
		m = info(s, h + 1);
		if (m->article || m->contracted || m->nclitics || m->bare || m->stemf.n < 3 ||
			(f->word_mask[h + 1] & (AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_PERS | AR_GAZ_NISBA |
									AR_GAZ_FIRST | AR_GAZ_LOC_CUE | HEADS)) ||
			word_in(s, h + 1, &particles) || word_in(s, h + 1, &chambers) ||
			word_in(s, h + 1, &depts) || word_in(s, h + 1, &describes) ||
			pronoun_or_adverb(s, h + 1) || ArTagNotNameWord(m) || info(s, x)->nclitics)
			continue;
		if (place_or_org(s, x))
			e = word_or_mention_end(s, x);
		else if (s->tags[x] == 0 && info(s, x)->article && info(s, x)->nclitics == 0 &&
				 !(f->word_mask[x] & (AR_GAZ_TITLE | AR_GAZ_PERS | AR_GAZ_NISBA)) &&
				 !in_list(&describes, info(s, x)->stem))
			e = x + 1;
		else
			continue;
		while (e < s->n && e - x < 3 && s->tags[e] == 0 && plain(s, e) &&
			   info(s, e)->article && info(s, e)->nclitics == 0 &&
			   !(f->word_mask[e] & AR_GAZ_NISBA) &&
			   (nisba_form(s, e) || in_list(&ranks, info(s, e)->stem)))
			e++;
		h = org_with_nisbas(s, h, e) - 1;
	}
}

/* Has word i و as its only clitic and no article (وشرق in لشمال وشرق سوريا)? */
static bool
and_noun(Seg *s, int i)
{
	const WordInfo *w = info(s, i);

	return w->nclitics == 1 && w->first_cp == 0x0648 && !w->article && !w->contracted;
}

/*
 * The ل tail that starts at word i: لل and a noun with the adjectives after
 * it (للطاقة الذرية), or ل, a noun without the article, more of them, and
 * the word with the article or the place they end in, with its adjectives
 * (لدول غرب أفريقيا, لشؤون اللاجئين).  Returns its end, or i (none);
 * *named tells whether it holds a place or organization.
 */
static int
l_tail(Seg *s, int i, bool *named)
{
	const WordInfo *w;
	int			e;

	*named = false;
	if (i >= s->n || !plain(s, i) || s->tags[i] != 0)
		return i;
	w = info(s, i);
	if (pronoun_or_adverb(s, i))
		return i;
	if (w->contracted)
	{
		if (in_list(&not_tails, w->stem))
			return i;
		e = i + 1;
	}
	else if (w->bare && w->stemf.cp[0] == 0x0644 && !w->article && w->nclitics == 0 &&
			 w->stemf.cp[1] != 0x064A && !in_list(&not_tails, w->bare) &&
			 !(w->stemf.cp[1] == 0x062A && w->stemf.n == 5))	/* verbs: ليكون, لتكون */
	{
		e = i + 1;
		while (e < s->n && e - i < TAIL_MAX && plain(s, e) && s->tags[e] == 0 &&
			   !definite(s, e) && !(s->feats->word_mask[e] & AR_GAZ_LOC) &&
			   (info(s, e)->nclitics == 0 || and_noun(s, e)) &&
			   !word_in(s, e, &particles) && !pronoun_or_adverb(s, e))
			e++;
		if (e >= s->n || e - i >= TAIL_MAX || !plain(s, e))
			return i;
		if (place_or_org(s, e))
		{
			*named = true;
			e = word_or_mention_end(s, e);
		}
		else if (s->tags[e] == 0 && definite(s, e))
			e++;
		else
			return i;
	}
	else
		return i;
	/* adjectives: one of any form after لل (للصليب الأحمر), else nisba forms */
	if (w->contracted && e < s->n && e - i < TAIL_MAX && s->tags[e] == 0 &&
		plain(s, e) && info(s, e)->article && info(s, e)->nclitics == 0)
		e++;
	while (e < s->n && e - i < TAIL_MAX && s->tags[e] == 0 && plain(s, e) &&
		   nisba_form(s, e) && info(s, e)->nclitics == 0)
		e++;
	return e;
}

/* Is word i, after a plain gap, في followed by a place's mention?  Its end, or i. */
static int
fi_place(Seg *s, int i)
{
	const WordInfo *w;

	if (i + 1 >= s->n || s->tags[i] != 0 || !plain(s, i) || !plain(s, i + 1) ||
		s->tags[i + 1] != B_TAG(AR_ENT_LOCATION))
		return i;
	w = info(s, i);
	if (w->stemf.n != 2 || w->nclitics || w->stemf.cp[0] != 0x0641 ||
		w->stemf.cp[1] != 0x064A)	/* في */
		return i;
	return mention_end(s->tags, s->n, i + 1);
}

/*
 * 4. Tails.  An organization takes the nationality adjectives after it
 * (الهلال الأحمر العربي السوري).  A head noun or body word before a known
 * organization (منظمة الأمم المتحدة, قوة الأمم المتحدة), or a head noun
 * with the article and adjectives (المجموعة الاقتصادية), takes adjectives
 * and then a ل tail (للطفولة, لتنسيق الشؤون الإنسانية; after the second
 * kind only one that holds a place or organization, لدول غرب أفريقيا,
 * unless the adjective is one of rank or reach: المجلس الأعلى للقضاء) or
 * في and a place (المؤقتة في لبنان); a head noun before a known
 * organization is taken only with such a tail.
 */
static void
tails(Seg *s)
{
	const ArTagFeats *f = s->feats;

	for (int i = 0; i < s->n; i++)
	{
		int			st = i,
					e,
					k,
					end;
		bool		inner,
					named;

		if (s->tags[i] == B_ORG)
		{
			e = mention_end(s->tags, s->n, i);
			/* not a name and its description: ريال مدريد الإسباني */
			if (e - i >= 2 && definite(s, e - 1))
				e = nisba_tail(s, e);
			set_org(s->tags, s->n, i, e);
			/* a body word before it, or a head and a known organization */
			if (i > 0 && s->tags[i - 1] == 0 && plain(s, i) && !definite(s, i - 1) &&
				word_in(s, i - 1, &bodies))
				st = i - 1;
			inner = st < i || (e - i >= 3 &&
							   ((f->word_mask[i] & AR_GAZ_ORG_HEAD) || word_in(s, i, &bodies)) &&
							   f->sure_len[i + 1] > 0 && i + 1 + f->sure_len[i + 1] <= e &&
							   (f->sure_mask[i + 1] & AR_GAZ_ORG));
		}
		else if (s->tags[i] == 0 && (f->word_mask[i] & AR_GAZ_ORG_HEAD) &&
				 definite(s, i) && i + 1 < s->n &&
				 s->tags[i + 1] == 0 && info(s, i + 1)->article &&
				 !(f->word_mask[i + 1] & AR_GAZ_NISBA) && plain(s, i + 1) &&
				 (nisba_form(s, i + 1) || in_list(&ranks, info(s, i + 1)->stem)) &&
				 !in_list(&describes, info(s, i + 1)->stem))
		{
			e = i + 2;
			inner = false;
		}
		else
			continue;
		/* adjectives without nationality, then a ل tail or في and a place */
		k = e;
		while (k < s->n && k - e < 2 && s->tags[k] == 0 && plain(s, k) &&
			   info(s, k)->article && info(s, k)->nclitics == 0)
			k++;
		end = l_tail(s, k, &named);
		if (s->tags[i] == B_ORG ? !inner :
			!named && !(k == i + 2 && word_in(s, i + 1, &offices)))
			end = k;			/* see above */
		else if (s->tags[i] != B_ORG && !named && end - 1 > k && info(s, k)->contracted &&
				 !nisba_form(s, end - 1) && !in_list(&ranks, info(s, end - 1)->stem))
			end--;				/* an office's adjective: not للجوازات الأخوة */
		if (end == k && inner && k > e)
			end = fi_place(s, k);	/* after an adjective: not شركة فولكس فاغن في البرازيل */
		if (end > k)
			set_org(s->tags, s->n, st, end);
		else
			st = i;
		if (s->tags[st] == B_ORG)
			i = mention_end(s->tags, s->n, st) - 1;
	}
}

/*
 * 8. A head noun with the article and an adjective of reach alone (المنظمة
 * الدولية, الوكالة الدولية, المنظمة الأممية) refers back to an
 * organization named before, as the guideline has it: no mention, unless
 * the gazetteer lists it as a sure name (البنك الدولي).  Not in
 * ANERcorp's convention, which tags المنظمة الدولية.
 */
static void
back_references(Seg *s)
{
	const ArTagFeats *f = s->feats;

	for (int i = 0; i + 1 < s->n; i++)
		if (s->tags[i] == B_ORG && s->tags[i + 1] == I_TAG(AR_ENT_ORGANIZATION) &&
			(i + 2 == s->n || !TAG_INSIDE(s->tags[i + 2])) &&
			(f->word_mask[i] & HEADS) && info(s, i)->article &&
			info(s, i + 1)->article && info(s, i + 1)->nclitics == 0 &&
			in_list(&reaches, info(s, i + 1)->stem) &&
			!(f->sure_len[i] >= 2 && (f->sure_mask[i] & AR_GAZ_ORG)))
			s->tags[i] = s->tags[i + 1] = 0;
}

/*
 * Are words [l, e) a ل noun without the article and nouns without it or
 * with و only (لشمال وشرق, لدول غرب)?
 */
static bool
construct_from(Seg *s, int l, int e)
{
	for (int k = l; k < e; k++)
		if (definite(s, k) || (k > l && info(s, k)->nclitics && !and_noun(s, k)) ||
			word_in(s, k, &particles))
			return false;
	return true;
}

/*
 * 9. A ل tail that the tagger cut short: an organization with a ل word after
 * its first word whose last word is a noun without the article that needs
 * its genitive takes the place after it (الإدارة الذاتية لشمال وشرق
 * سوريا), and one whose last word has the article takes a word with و and
 * the article joined to it and its nisba adjectives (الائتلاف الوطني لقوى
 * الثورة والمعارضة السورية; not a head noun: والحكومة السورية is another
 * body).
 */
static void
cut_tails(Seg *s)
{
	const ArTagFeats *f = s->feats;

	for (int i = 0; i < s->n; i++)
	{
		int			e,
					l = 0;

		if (s->tags[i] != B_ORG)
			continue;
		e = mention_end(s->tags, s->n, i);
		for (int k = i + 1; k < e && !l; k++)
			if (info(s, k)->contracted ||
				(info(s, k)->bare && info(s, k)->stemf.cp[0] == 0x0644 && !info(s, k)->article))
				l = k;
		if (l == 0 || e >= s->n || !plain(s, e))
		{
			i = e - 1;
			continue;
		}
		if (!definite(s, e - 1) && construct_from(s, l, e) &&
			(s->tags[e] == B_TAG(AR_ENT_LOCATION) ||
			 (s->tags[e] == 0 && (f->word_mask[e] & AR_GAZ_LOC))))
			set_org(s->tags, s->n, i, word_or_mention_end(s, e));
		else if (definite(s, e - 1) && s->tags[e] == 0 && info(s, e)->article &&
				 info(s, e)->nclitics == 1 && info(s, e)->first_cp == 0x0648 &&
				 !(f->word_mask[e] & (HEADS | AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_PERS |
									  AR_GAZ_ORG | AR_GAZ_NISBA)))
			set_org(s->tags, s->n, i, nisba_tail(s, e + 1));
		i = mention_end(s->tags, s->n, i) - 1;
	}
}

/*
 * 6. A head noun and a chamber named by its members right after a title is
 * the department of the title, no organization (رئيس مجلس النواب, as the
 * guideline has it); a body with a name of its own is one (رئيس مجلس
 * الأمن).
 */
static void
title_departments(Seg *s)
{
	for (int i = 1; i + 1 < s->n; i++)
		if (s->tags[i] == B_ORG && s->tags[i + 1] == I_TAG(AR_ENT_ORGANIZATION) &&
			(i + 2 == s->n || !TAG_INSIDE(s->tags[i + 2])) &&
			s->tags[i - 1] == 0 && (s->feats->word_mask[i - 1] & AR_GAZ_TITLE) &&
			(s->feats->word_mask[i] & AR_GAZ_ORG_HEAD) && plain(s, i) &&
			!definite(s, i) && info(s, i + 1)->article &&
			in_list(&chambers, info(s, i + 1)->stem))
			s->tags[i] = s->tags[i + 1] = 0;
}

void
ArTagApplyOrgNames(const ArTagFeats *feats, const char *text,
				   const ArTagWords *ws, int a, int b, uint8_t *tags, int flags)
{
	Seg			s;

	if (b - a < 1 || b - a > AR_TAG_MAX_SENT || feats->n != b - a)
		return;
	s.text = text;
	s.ws = ws;
	s.w = ws->w + a;
	s.a = a;
	s.feats = feats;
	s.tags = tags;
	s.n = b - a;
	lazy_init(&s.lw, text, s.w, s.n);
	joined_orgs(&s);
	if (!(flags & AR_RULES_NO_ORG_CHAINS))
	{
		elided_heads(&s);
		genitive_ministries(&s);
		named_bodies(&s);
		genitive_bodies(&s);
		tails(&s);
		cut_tails(&s);
	}
	title_departments(&s);
	if (!(flags & AR_RULES_NO_ORG_CHAINS))
		back_references(&s);
	ArTagOrgMarks(&s);
}

