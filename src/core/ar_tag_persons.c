/*
 * src/core/ar_tag_persons.c
 *
 * Rules on the decoded tags that fix the edges of person and place names
 * (ArTagApplyPersons, run by ArTagApplyRules after the context rules): a
 * given name whose first letters look like the article (الكساندر,
 * اليزابيث), particles inside foreign names (أورسولا فون دير لاين), a name
 * that ends in a joiner (آل خليفة) or runs on into a verb (عباس
 * سيلقي), two names side by side read as one place (بيونغ يانغ سيول,
 * سورية الكساندر), two persons joined by و, titles at the start of a
 * person's name, and a person's name after a title phrase (وزير الدفاع
 * مرهف أبو قصرة، المبعوث الخاص إلى سوريا غير بيدرسن).  See ar_tagger.h.
 */
#include "ar_tag_internal.h"

#include <stdbool.h>
#include <string.h>

#define B_PER B_TAG(AR_ENT_PERSON)
#define I_PER I_TAG(AR_ENT_PERSON)
#define IS_PERS(tag) ((tag) == B_PER || (tag) == I_PER)

#define NAME_BITS (AR_GAZ_FIRST | AR_GAZ_LAST | AR_GAZ_PERS | AR_GAZ_PNAME)
#define NOT_PART_BITS (AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_ORG | AR_GAZ_MISC | \
					   AR_GAZ_ORG_HEAD | AR_GAZ_LOC_CUE | AR_GAZ_NISBA)

/*
 * Given names whose first letters are read as the article when written
 * without hamza (their hamza spellings ألكسندر, إليزابيث are in the
 * Wikidata tokens and match through the whole-word lookup below).
 */
static const char *const al_names[] = {
	"الكساندر", "الكسندر", "اليكساندر", "اليكسندر", "الكسندرا", "الكساندرا",
	"اليكسي", "الكسي", "اليكسيه", "الكسيس", "اليكس", "الكس", "اليزابيث",
	"اليزابيت", "الفريد", "البرت", "البيرت", "البرتو", "البيرتو",
	"الفونسو", "الونسو", "الساندرو", "اليساندرو", "اليخاندرو", "الفارو",
	"الينا", "اليسا", "اليكسا", NULL
};

/*
 * LazyWords that fold like such a name but are mostly something else (الآن
 * "now", الفرد "the individual", الين "the yen", الياس "despair"): never
 * taken for one.
 */
static const char *const al_words[] = {"الان", "الفرد", "الين", "الياس", NULL};

/* LazyWords that end a place's name (نيويورك سيتي, ميامي بيتش). */
static const char *const place_tails[] = {"سيتي", "بيتش", "تاون", "بارك", NULL};

/*
 * Particles inside European names (von, van, de, da, du, der, del, dos, le,
 * la): part of the name between two of its words.  لا is also the Arabic
 * "not": it counts only after another particle (دي لا).  (لو, "if", is
 * rarer after a name than in جان إيف لو دريان.)
 */
static const char *const particles[] = {
	"فون", "فان", "دي", "دا", "دو", "دير", "ديل", "دوس", "ديلا", "لو", "لا",
	NULL
};
#define N_WEAK_PARTICLES 1		/* the last entry: لا */


/*
 * Is word w, written with what looks like the article, a given name
 * (الكساندر: listed above, or its whole folded form is a person-name token,
 * as ألكسندر folds)?  1: listed; 2: a name token (ألكسندر, but also
 * إلدار for الدار "the house": a name only after a title or a place); 0:
 * not, or one of al_words.  Folds the word only when it starts with ا ل as
 * written (most words do not).
 */
static int
al_given_name(const ArGaz *gaz, const char *text, const ArTagWord *w)
{
	static uint64_t hash[LIST_LEN(al_names)],
				weak[LIST_LEN(al_words)];
	static bool ready,
				weak_ready;
	Folded		f;
	uint64_t	h;

	if (w->len < 6 || memcmp(text + w->start, "\xD8\xA7\xD9\x84", 4) != 0)
		return 0;
	ArTagFoldWord(text + w->start, w->len, &f);
	h = hash_cps(f.cp, 0, f.n);
	if (listed_word(al_words, weak, &weak_ready, LIST_LEN(al_words), h))
		return 0;
	if (listed_word(al_names, hash, &ready, LIST_LEN(al_names), h))
		return 1;
	return (gaz_lookup(gaz, phrase_step(0, h)) & (AR_GAZ_FIRST | AR_GAZ_PNAME)) ? 2 : 0;
}

/*
 * Verbs that follow a name in news, in their third person masculine
 * imperfect form (يلقي): in any imperfect person, with or without سـ
 * (سيلقي, ستلقي, تلقي), they end no name.
 */
static const char *const verbs[] = {
	"يلقي", "يزور", "يعقد", "يلتقي", "يشارك", "يتوجه", "يصل", "يبحث",
	"يترأس", "يرأس", "يقوم", "يعود", "يجتمع", "يغادر", "يستقبل", "يوقع",
	"يحضر", "يتحدث", "يدلي", "يقدم", "يبدأ", "يكون", "يتولى", "يجري",
	"يلتقى", "يبقى", "يظل", "يتم", "يعلن", "يناقش", "يتناول", "يطلب",
	"يرافق", "يمثل", "يقود", "يسافر", "يشرح", "يعرض", "يواصل", "يخوض",
	"يعلق", "يرد", "يكشف", "يصدر", NULL
};

/*
 * Verbs of reporting and meeting in their third person masculine perfect
 * form (جدد): after a name, in the masculine or the feminine (جددت), as
 * written, they end it (قال إن عبد العاطي جدد موقف ...).  None is a name
 * part (no طالب، أمين، عادل).
 */
static const char *const past_verbs[] = {
	"جدد", "أكد", "شدد", "أعلن", "أشار", "أوضح", "أضاف", "دعا", "بحث",
	"التقى", "استقبل", "نفى", "اعتبر", "رحب", "حذر", "زار", "وصل", "غادر",
	"أعرب", "قال", "ناقش", "تلقى", "ترأس", "أجرى", "أبلغ", "تابع",
	"لفت", "نوه", "أشاد", "كشف", "أدان", "هنأ", "تسلم", "قدم", NULL
};

/*
 * 1: a strong particle, 2: لا, 0: none (word i of the segment, compared as
 * written: فإن is no فان).
 */
static int
particle_kind(const LazyWords *lw, int i)
{
	const ArTagWord *w = &lw->w[i];

	for (int k = 0; particles[k]; k++)
		if (strlen(particles[k]) == w->len &&
			memcmp(particles[k], lw->text + w->start, w->len) == 0)
			return k >= (int) (LIST_LEN(particles) - N_WEAK_PARTICLES) ? 2 : 1;
	return 0;
}

/*
 * May word i be a part of a person's name that the tagger left out: Arabic
 * letters only, no article, no conjunction, not a listed particle or
 * common word, no title, place or organization class, at least three
 * letters?
 */
static int
name_part(LazyWords *lw, const uint16_t *mask, int i)
{
	const WordInfo *w = lazy(lw, i);

	return (w->shape & 7) == 1 && !w->article && !w->contracted &&
		w->nclitics == 0 && w->stemf.n >= 3 &&
		!(mask[i] & NOT_PART_BITS) && !ArTagNotNameWord(w);
}

/*
 * Is word i, without clitics and with no name class, one of past_verbs, or
 * one of them with the feminine ت (جددت)?
 */
static int
past_verb(LazyWords *lw, const uint16_t *mask, int i)
{
	static uint64_t hash[LIST_LEN(past_verbs)];
	static bool ready;
	const WordInfo *w = lazy(lw, i);
	const Folded *f = &w->stemf;

	if (w->nclitics > 0 || w->article || (mask[i] & NAME_BITS) || f->n < 3)
		return 0;
	if (listed_word(past_verbs, hash, &ready, LIST_LEN(past_verbs), w->word))
		return 1;
	return f->n >= 4 && f->cp[f->n - 1] == 0x062A &&
		listed_word(past_verbs, hash, &ready, LIST_LEN(past_verbs), hash_cps(f->cp, 0, f->n - 1));
}

/*
 * Is word i one of the verbs above (or of past_verbs), in any imperfect person and with or
 * without سـ (سيلقي, ستعقد, يلقي, تعقد)?
 */
static int
listed_verb(LazyWords *lw, const uint16_t *mask, int i)
{
	static uint64_t hash[LIST_LEN(verbs)];
	static bool ready;
	const char *s = lw->text + lw->w[i].start;
	size_t		len = lw->w[i].len;
	int			fut = len >= 8 && memcmp(s, "\xD8\xB3", 2) == 0,	/* سـ */
				off = fut ? 1 : 0;
	const Folded *f;
	uint32_t	cp[FOLD_MAX];

	if (past_verb(lw, mask, i))
		return 1;
	if (!fut && !(len >= 6 && (memcmp(s, "\xD9\x8A", 2) == 0 ||	/* يـ */
							   memcmp(s, "\xD8\xAA", 2) == 0)))	/* تـ */
		return 0;
	f = &lazy(lw, i)->stemf;
	if (f->n < off + 3 || (fut && f->cp[0] != 0x0633) || (mask[i] & NAME_BITS) ||
		!(f->cp[off] == 0x064A || f->cp[off] == 0x062A || f->cp[off] == 0x0646 ||
		  f->cp[off] == 0x0627))
		return 0;
	/* the verb as its ي form: without سـ, ي for the prefix */
	memcpy(cp, f->cp + off, sizeof(uint32_t) * (size_t) (f->n - off));
	cp[0] = 0x064A;
	return listed_word(verbs, hash, &ready, LIST_LEN(verbs), hash_cps(cp, 0, f->n - off));
}

/*
 * The words of the longest listed place that starts the mention at word i
 * and ends inside it: a sure place name, or a gazetteer place of two words
 * or more; 0: none.
 */
static int
place_len(const ArGaz *gaz, const ArTagFeats *feats, LazyWords *lw,
		  const uint8_t *tags, int n, int i)
{
	int			best = ArTagClassType(feats->sure_mask[i]) == AR_ENT_LOCATION ?
		feats->sure_len[i] : 0;
	uint64_t	h = phrase_step(0, lazy(lw, i)->stem);

	for (int L = 2; L <= AR_GAZ_MAXWORDS && i + L <= n && TAG_INSIDE(tags[i + L - 1]); L++)
	{
		h = phrase_step(h, lazy(lw, i + L - 1)->stem);
		if (L > best && (gaz_lookup(gaz, h) & AR_GAZ_LOC))
			best = L;
	}
	return best;
}

/*
 * Are the words of the mention before word i (inside it) a listed place
 * (a gazetteer LOC phrase)?
 */
static int
listed_place(const ArGaz *gaz, LazyWords *lw, const uint8_t *tags, int i)
{
	int			s = i - 1;
	uint64_t	h = 0;

	while (s > 0 && TAG_INSIDE(tags[s]))
		s--;
	if (i - s > AR_GAZ_MAXWORDS)
		return 0;
	for (int q = s; q < i; q++)
		h = phrase_step(h, lazy(lw, q)->stem);
	return (gaz_lookup(gaz, h) & AR_GAZ_LOC) != 0;
}

/*
 * Is word i a word with the article whose stem, without a final ان or ين,
 * is a title of the gazetteer (الوزيران، الرئيسين: two office holders)?
 */
static int
title_dual(const ArGaz *gaz, LazyWords *lw, int i)
{
	const WordInfo *w = lazy(lw, i);
	const Folded *f = &w->stemf;

	if (!w->article || f->n < 5 || f->cp[f->n - 1] != 0x0646 ||
		(f->cp[f->n - 2] != 0x0627 && f->cp[f->n - 2] != 0x064A))
		return 0;
	return (gaz_lookup(gaz, phrase_step(0, hash_cps(f->cp, 0, f->n - 2))) &
			AR_GAZ_TITLE) != 0;
}

/*
 * LazyWords [i, j) are a person's name (j > i): tags them so, with what follows
 * them, a person mention (made part of this one) or, after one word, one
 * word that may be a name part.  Returns the end of the name.
 */
static int
person_at(LazyWords *lw, const uint16_t *mask, uint8_t *tags, int n, int i, int j)
{
	set_mention(tags, i, j, AR_ENT_PERSON);
	if (j < n && tags[j] == B_PER && plain_gap(lw->text, lw->w, j))
	{
		tags[j] = I_PER;
		j = mention_end(tags, n, j);
	}
	else if (j == i + 1 && j < n && tags[j] == 0 && plain_gap(lw->text, lw->w, j) &&
			 name_part(lw, mask, j) && !listed_verb(lw, mask, j))
		tags[j++] = I_PER;
	return j;
}

/* ---- names after a title phrase ---- */

/*
 * Nouns of an office or a role that stand before a person's name like the
 * titles of the gazetteer (TITLE) but are not among them, as their stems
 * (with or without the article): المسؤولة، الممثلة العليا، المفوضة، القيادي،
 * رجل الأعمال، العماد.
 */
static const char *const role_words[] = {
	"مسؤول", "مسؤولة", "ممثل", "ممثلة", "مفوض", "مفوضة", "قيادي",
	"قيادية", "مساعد", "معاون", "معاونة", "منسق", "منسقة",
	"مقرر", "مقررة", "موفد", "موفدة", "وسيط", "رجل", "سيدة", "ناشط",
	"ناشطة", "خبير", "خبيرة", "محلل", "محللة", "باحث", "باحثة", "عماد",
	"زعيمة", "قائدة", "عضو", "مرشح", "مرشحة", "حاكم", "محافظ", "مرشد",
	"مدعي", "نائبة", "رئيسة", NULL
};

/*
 * Words that end a name after a title phrase (a clause goes on: قال X إن،
 * أكد X أن) as written or as their stem; prepositions and other particles
 * are ArTagNotNameWord.
 */
static const char *const clause_words[] = {
	"إن", "أن", "إنه", "أنه", "بأن", "وأن", "وإن", NULL
};

/*
 * Particles that need a complement (غير "other than", بين "between"): in a
 * name they stand before its other words or before the end of the clause
 * (غير بيدرسن، وانغ ون بين إن), where no particle can stand.
 */
static const char *const complement_words[] = {"غير", "بين", NULL};

/* The prepositions inside a title phrase (المبعوث إلى سوريا). */
static const char *const title_preps[] = {"إلى", "في", "لدى", "عن", "من", NULL};

/* Does the folded stem end in a pronoun suffix ها، هم، هما، كم (أحدها)? */
static int
pronoun_suffix(const Folded *f)
{
	int			n = f->n;

	if (n >= 5 && f->cp[n - 3] == 0x0647 && f->cp[n - 2] == 0x0645 && f->cp[n - 1] == 0x0627)
		return 1;
	return n >= 4 && ((f->cp[n - 2] == 0x0647 && (f->cp[n - 1] == 0x0627 || f->cp[n - 1] == 0x0645)) ||
					  (f->cp[n - 2] == 0x0643 && f->cp[n - 1] == 0x0645));
}

/* Does the folded stem end in ية (an adjective: الأهلية، الجنوبية)? */
static int
nisba_fem(const Folded *f)
{
	return f->n >= 4 && f->cp[f->n - 2] == 0x064A && f->cp[f->n - 1] == 0x0647;
}

/* Does the folded stem end in ات (a plural: التبريكات، التدريبات)? */
static int
fem_plural(const Folded *f)
{
	return f->n >= 4 && f->cp[f->n - 2] == 0x0627 && f->cp[f->n - 1] == 0x062A;
}

/*
 * Is word i (its folded stem and classes) a title: of the gazetteer, or a
 * role word?
 */
static int
title_word(LazyWords *lw, uint64_t stem, uint16_t mask, int i)
{
	static uint64_t hash[LIST_LEN(role_words)];
	static bool ready;
	const ArTagWord *w = &lw->w[i];

	/* أمام "in front of" folds as إمام */
	if (w->len == 8 && memcmp(lw->text + w->start, "أمام", 8) == 0)
		return 0;
	return ((mask & AR_GAZ_TITLE) && !(mask & NAME_BITS)) ||
		listed_word(role_words, hash, &ready, LIST_LEN(role_words), stem);
}

/* Is word i one of complement_words? */
static int
complement_word(LazyWords *lw, int i)
{
	static uint64_t hash[LIST_LEN(complement_words)];
	static bool ready;

	return listed_word(complement_words, hash, &ready, LIST_LEN(complement_words),
				   lazy(lw, i)->word);
}

/* Is the gap before word i only quotes (لـ«قسد» مظلوم) or white space? */
static int
quote_gap(const LazyWords *lw, int i)
{
	size_t		a = lw->w[i - 1].start + lw->w[i - 1].len;

	for (size_t k = a; k < lw->w[i].start; k++)
	{
		unsigned char c = (unsigned char) lw->text[k];

		if (c == ' ' || c == '"')
			continue;
		/* « » (C2 AB, C2 BB), “ ” (E2 80 9C, E2 80 9D) */
		if (c == 0xC2 && k + 1 < lw->w[i].start &&
			((unsigned char) lw->text[k + 1] == 0xAB || (unsigned char) lw->text[k + 1] == 0xBB))
		{
			k++;
			continue;
		}
		if (c == 0xE2 && k + 2 < lw->w[i].start && (unsigned char) lw->text[k + 1] == 0x80 &&
			((unsigned char) lw->text[k + 2] == 0x9C || (unsigned char) lw->text[k + 2] == 0x9D))
		{
			k += 2;
			continue;
		}
		return 0;
	}
	return 1;
}

/* Is the gap before word i a comma or a full stop (، , . ؛) and spaces? */
static int
comma_gap(const LazyWords *lw, int i)
{
	size_t		a = lw->w[i - 1].start + lw->w[i - 1].len;
	int			marks = 0;

	for (size_t k = a; k < lw->w[i].start; k++)
	{
		unsigned char c = (unsigned char) lw->text[k];

		if (c == ' ')
			continue;
		if (c == ',' || c == '.')
			marks++;
		else if (c == 0xD8 && k + 1 < lw->w[i].start &&
				 ((unsigned char) lw->text[k + 1] == 0x8C || (unsigned char) lw->text[k + 1] == 0x9B))
		{
			marks++;			/* ، ؛ */
			k++;
		}
		else
			return 0;
	}
	return marks > 0;
}

/* Does word i carry a tanween mark (وفداً: an indefinite noun)? */
static int
has_tanween(const LazyWords *lw, int i)
{
	const char *s = lw->text + lw->w[i].start;

	for (size_t k = 0; k + 1 < lw->w[i].len; k++)
		if ((unsigned char) s[k] == 0xD9 &&
			(unsigned char) s[k + 1] >= 0x8B && (unsigned char) s[k + 1] <= 0x8D)
			return 1;
	return 0;
}

/*
 * How word s ends a name after a title phrase: 2 (a clause or a sentence
 * goes on: the end of the segment, punctuation before it, إن/أن, a
 * particle, a listed verb, a word with و), 1 (a word with the article, or
 * another mention: a name that says it is one ends there), 0 (none).
 */
static int
name_stop(LazyWords *lw, const uint16_t *mask, const uint8_t *tags, int n, int s)
{
	static uint64_t hash[LIST_LEN(clause_words)];
	static bool ready;
	const WordInfo *w;

	if (s == n || !plain_gap(lw->text, lw->w, s))
		return 2;
	w = lazy(lw, s);
	if (listed_word(clause_words, hash, &ready, LIST_LEN(clause_words), w->word))
		return 3;
	if (listed_verb(lw, mask, s) || (w->first_cp == 0x0648 && w->nclitics > 0))
		return 2;
	if (ArTagNotNameWord(w))
	{
		/* غير and بين before a word of a name are part of it */
		if (complement_word(lw, s) && s + 1 < n && name_stop(lw, mask, tags, n, s + 1) == 0)
			return 0;
		return complement_word(lw, s) ? 0 : 2;
	}
	if ((w->article && !w->contracted) || (tags[s] & 1))
		return 1;
	return 0;
}

/*
 * Is word i, the last of the name [c, s) of two words or more, written
 * with ك before what reads as the article (كالاس: كـ "like" and the
 * article before the end of a clause is no Arabic)?
 */
static int
kal_last(const WordInfo *w, int c, int s, int i)
{
	return i == s - 1 && s - c >= 2 && w->article && w->nclitics == 1 &&
		w->first_cp == 0x0643;
}

/*
 * May word i (of the name [c, s)) be a part of a person's name after a
 * title phrase: Arabic letters, no tanween, no listed verb; no article
 * unless it is the last of two words or more or follows a joiner (عبد
 * الكريم); no title, place or organization class, no clitic, no pronoun
 * suffix ه and no particle (but غير and بين: see name_stop) unless the
 * gazetteer or the tagger says it is a name.
 */
static int
title_name_word(LazyWords *lw, const uint16_t *mask, const uint8_t *tags,
				int c, int s, int i)
{
	const WordInfo *w = lazy(lw, i);
	const ArTagWord *tw = &lw->w[i];
	int			known = (mask[i] & NAME_BITS) || tags[i] != 0;

	if ((w->shape & 7) != 1 || w->stemf.n < 2 || has_tanween(lw, i) ||
		w->contracted || listed_verb(lw, mask, i))
		return 0;
	if (w->article && (!((i == s - 1 && s - c >= 2) ||
						 (i > c && ArTagJoinsNext(lazy(lw, i - 1)))) ||
					   nisba_fem(&w->stemf) || fem_plural(&w->stemf)))
		return 0;
	if (ArTagNotNameWord(w))
	{
		/* علي is a name, على and إلى are not */
		if (known && memcmp(lw->text + tw->start + tw->len - 2, "\xD9\x8A", 2) == 0)
			return 1;
		return complement_word(lw, i) && s - c >= 2;
	}
	if (known)
		return !(mask[i] & (AR_GAZ_TITLE | AR_GAZ_NISBA)) &&
			(w->nclitics == 0 || tags[i] != 0);
	/* an imperfect verb (تدعى، يرى), a pronoun suffix (أحدها، بلادهم) */
	if (!w->article && ((w->stemf.n >= 3 && w->stemf.cp[0] == 0x064A) ||
						(w->stemf.n >= 4 && w->stemf.cp[0] == 0x062A) ||
						pronoun_suffix(&w->stemf)))
		return 0;
	return (w->nclitics == 0 || kal_last(w, c, s, i)) && !(mask[i] & NOT_PART_BITS) &&
		!(w->stemf.n >= 3 && !w->article && tw->len >= 2 &&
		  memcmp(lw->text + tw->start + tw->len - 2, "\xD9\x87", 2) == 0);
}

/*
 * Is word i, after the words of a name that say they are one, unlike its
 * last part: it starts with a letter that may be a clitic (و ب ل ك:
 * وفي، بالرصيفة، لقاء) or ends in an accusative ا (أولا، مرارا) or in ى
 * (أخرى), or has fewer than three letters?
 */
static int
after_word_unlike(LazyWords *lw, int i)
{
	const WordInfo *w = lazy(lw, i);
	const Folded *f = &w->stemf;
	uint32_t	c0 = w->first_cp;
	const ArTagWord *tw = &lw->w[i];

	if (complement_word(lw, i))
		return 0;
	return f->n < 3 || c0 == 0x0648 || c0 == 0x0628 || c0 == 0x0644 ||
		c0 == 0x0643 || f->cp[f->n - 1] == 0x0627 ||
		(tw->len >= 2 && memcmp(lw->text + tw->start + tw->len - 2, "\xD9\x89", 2) == 0);	/* ى: أخرى */
}

/*
 * Does a title phrase end at word p: a title (الرئيس ماكرون), or a word
 * with the article or of a place or organization mention at the end of a
 * phrase that starts with a title, over words with the article, mentions
 * other than persons, the prepositions of titles (إلى، في، لدى، باسم) and
 * nouns in construct before them (رئيس وفد المعارضة, المسؤول في الإدارة
 * الذاتية لشمال وشرق سوريا), at most eight words?  1: a title at p, 2: a
 * longer phrase, 0: none.
 */
static int
title_phrase_end(LazyWords *lw, const uint16_t *mask, const uint8_t *is_title,
				 const uint8_t *tags, int p)
{
	static uint64_t hash[LIST_LEN(title_preps)];
	static bool ready;

	if (p < 0 || IS_PERS(tags[p]))
		return 0;
	if (is_title[p])
		return 1;
	/* باسم، باسمها: "in the name of" (المتحدث باسمها) */
	if (!(tags[p] != 0 || lazy(lw, p)->article ||
		  (lw->w[p].len >= 8 && memcmp(lw->text + lw->w[p].start, "باسم", 8) == 0)))
		return 0;
	for (int q = p - 1; q >= 0 && q >= p - 8; q--)
	{
		const WordInfo *w = lazy(lw, q);

		if (!quote_gap(lw, q + 1) || IS_PERS(tags[q]))
			return 0;
		if (is_title[q])
			return 2;
		if (listed_verb(lw, mask, q) || (w->shape & 7) != 1)
			return 0;
		if (ArTagNotNameWord(w) &&
			!listed_word(title_preps, hash, &ready, LIST_LEN(title_preps), w->word))
			return 0;
	}
	return 0;
}

/*
 * Names after a title phrase: the last words before the end of a clause
 * (name_stop) that follow a title phrase (title_phrase_end) are a person's
 * name, when they may be (title_name_word), a mention of the tagger inside
 * them is a person or one of another type that the gazetteer does not
 * list, and the gazetteer or the tagger says one of them is a name, or
 * (no article, a clause ends after them) two words, or one word right after
 * a title before punctuation (الرئيس ماكرون،).  The shortest such name
 * wins.
 */
static void
title_names(const ArTagFeats *feats, LazyWords *lw, uint8_t *tags, int n)
{
	const uint16_t *mask = feats->word_mask;
	uint8_t		is_title[AR_TAG_MAX_SENT];
	int			last_title = -1;

	for (int i = 0; i < n; i++)
		is_title[i] = (uint8_t) title_word(lw, feats->stem[i], mask[i], i);
	for (int s = 1; s <= n; s++)
	{
		int			stop;

		/* a title at most eight words before the name of up to four */
		if (s >= 2 && is_title[s - 2])
			last_title = s - 2;
		if (last_title < 0 || last_title < s - 14 ||
			(s < n && TAG_INSIDE(tags[s])))
			continue;
		if ((stop = name_stop(lw, mask, tags, n, s)) == 0)
			continue;
		for (int c = s - 1; c >= 1 && c >= s - 4; c--)
		{
			int			ok = 1,
						first_ev = -1,
						last_ev = -1,
						mentions = 0,
						persons = 0,
						other = 0,
						tagged_len = 0,
						after;

			for (int i = c; i < s && ok; i++)
			{
				ok = title_name_word(lw, mask, tags, c, s, i) &&
					(i == c || plain_gap(lw->text, lw->w, i));
				/* a mention of another type: on words no list knows, no ال */
				if (ok && tags[i] != 0 && !IS_PERS(tags[i]))
					ok = stop >= 2 && !(mask[i] & (NOT_PART_BITS | AR_GAZ_SURE)) &&
						ArTagClassType(mask[i]) < 0 && feats->sure_len[i] == 0 &&
						!(lw->w[i].len >= 4 &&
						  memcmp(lw->text + lw->w[i].start, "\xD8\xA7\xD9\x84", 4) == 0);
				if ((mask[i] & NAME_BITS) || tags[i] != 0)
				{
					if (first_ev < 0)
						first_ev = i;
					last_ev = i;
				}
				if (tags[i] & 1)
				{
					mentions++;
					tagged_len = mention_end(tags, n, i) - i;
				}
				persons |= IS_PERS(tags[i]);
				other |= tags[i] != 0 && !IS_PERS(tags[i]);
			}
			/* no mention runs into the name from before it */
			if (ok && first_ev < 0 && !TAG_INSIDE(tags[c]) && quote_gap(lw, c))
			{
				int			bare = 1;

				for (int i = c; i < s; i++)
				{
					const Folded *f = &lazy(lw, i)->stemf;

					bare &= !lazy(lw, i)->article && !after_word_unlike(lw, i) &&
						!complement_word(lw, i) &&
						(s - c == 1 || (f->cp[f->n - 1] != 0x0647 &&
										!(f->n >= 4 && (f->cp[0] == 0x0633 || f->cp[0] == 0x064A ||
														f->cp[0] == 0x062A))));
				}
				if (bare && ((s - c == 2 && stop == 3 &&
							  title_phrase_end(lw, mask, is_title, tags, c - 1)) ||
							 (s - c == 1 && (mask[c - 1] & AR_GAZ_TITLE) &&
							  lazy(lw, c - 1)->article && lazy(lw, c)->stemf.n >= 3 &&
							  lazy(lw, c)->stemf.cp[lazy(lw, c)->stemf.n - 1] != 0x0647 &&
							  s < n && comma_gap(lw, s))))
				{
					set_mention(tags, c, s, AR_ENT_PERSON);
					break;
				}
			}
			if (!ok || first_ev < 0 || mentions > 1 || TAG_INSIDE(tags[c]) ||
				!quote_gap(lw, c) || first_ev > c + 1)
				continue;
			/*
			 * words after the last one that says it is a name: two after a
			 * gazetteer name (مرهف أبو قصرة), none after a name of two words
			 * or more that the tagger found, one after a name of one word
			 * at the end of a clause (جوزاف عون،)
			 */
			after = s - 1 - last_ev;
			if (after > 0 && complement_word(lw, s - 1))
				after--;
			if (tags[last_ev] != 0 ? after > (tagged_len == 1 && stop >= 2) :
				after > 1 + (after == 2 && ArTagJoinsNext(lazy(lw, last_ev + 1))))
				continue;
			for (int i = last_ev + 1; i < s && ok; i++)
			{
				const Folded *f = &lazy(lw, i)->stemf;

				ok = !after_word_unlike(lw, i) ||
					(stop >= 2 && kal_last(lazy(lw, i), c, s, i));
				/* after a name the tagger found: no article, no ة (بوتين رسالة) */
				if (tags[last_ev] != 0 && !complement_word(lw, i) &&
					!kal_last(lazy(lw, i), c, s, i))
					ok &= !lazy(lw, i)->article && f->cp[f->n - 1] != 0x0647;
			}
			/*
			 * before them only غير (غير بيدرسن); one word alone is a name
			 * the tagger found; a word with the article ends a name the
			 * tagger found in part (عبد الكريم عمر الحكومة); a mention of
			 * another type is in a name of two words or more, or alone
			 * before إن/أن (دوبرافكا شويتسا إن)
			 */
			if (!ok || (first_ev > c && !complement_word(lw, c)) ||
				(s - c == 1 && tags[c] == 0) || (stop == 1 && !persons) ||
				(other && ((mask[c - 1] & AR_GAZ_ORG_HEAD) || s - c < 2 ||
						   (tags[c] != 0 && mention_end(tags, n, c) == s && stop != 3))))
				continue;
			if (title_phrase_end(lw, mask, is_title, tags, c - 1) == 0)
				continue;
			set_mention(tags, c, s, AR_ENT_PERSON);
			break;
		}
	}
}
/* ---- end of names after a title phrase ---- */

void
ArTagApplyPersons(const ArGaz *gaz, const ArTagFeats *feats, const char *text,
				  const ArTagWords *ws, int a, int b, uint8_t *tags)
{
	static uint64_t tails[LIST_LEN(place_tails)];
	static bool tails_ready;
	const uint16_t *mask = feats->word_mask;
	int			n = b - a;
	LazyWords	lw;

	if (n < 1 || n > AR_TAG_MAX_SENT || feats->n != n)
		return;
	lazy_init(&lw, text, ws->w + a, n);

	/*
	 * 0. a person mention of one word with the article that is the dual or
	 * plural of a title (الوزيران، الرئيسين) names no one
	 */
	for (int i = 0; i < n; i++)
		if (tags[i] == B_PER && (i + 1 == n || !TAG_INSIDE(tags[i + 1])) &&
			title_dual(gaz, &lw, i))
			tags[i] = 0;

	for (int i = 0; i < n; i++)
	{
		int			j,
					k,
					al;

		/*
		 * 1. a place mention that runs on past a listed place (a sure name,
		 * or a gazetteer place of two words or more) into a word without
		 * the article (بيونغ يانغ سيول, نيويورك ولاس فيغاس), or into a
		 * person's name of two words or more that starts with a given name:
		 * two names
		 */
		if (tags[i] == B_TAG(AR_ENT_LOCATION) &&
			(k = i + place_len(gaz, feats, &lw, tags, n, i)) > i &&
			(j = mention_end(tags, n, i)) > k)
		{
			const WordInfo *w = lazy(&lw, k);

			if (w->stemf.n < 3 || ArTagNotNameWord(w))
				continue;
			if (al_given_name(gaz, text, &lw.w[k]) == 1 ||
				(j - k >= 2 && w->nclitics == 0 && !w->article &&
				 !(mask[k] & AR_GAZ_LOC) && (mask[k] & (AR_GAZ_FIRST | AR_GAZ_PNAME))))
				i = person_at(&lw, mask, tags, n, k, j) - 1;
			else if (!w->article && !w->contracted && !w->bare &&
					 !listed_word(place_tails, tails, &tails_ready, LIST_LEN(place_tails), w->word))
			{
				set_mention(tags, k, j, AR_ENT_LOCATION);
				i = j - 1;
			}
			continue;
		}

		/*
		 * 2. a given name read as having the article (الكساندر) ends a
		 * place mention it was put in after a listed place (سورية
		 * الكساندر; not بورت اليزابيث), and a listed one starts a name
		 * when a person's name or a name part follows it; either after a
		 * title with the article (الملكة اليزابيث; مدير الدار is a noun
		 * before its complement)
		 */
		if (tags[i] == I_TAG(AR_ENT_LOCATION) && al_given_name(gaz, text, &lw.w[i]) &&
			listed_place(gaz, &lw, tags, i))
			i = person_at(&lw, mask, tags, n, i, mention_end(tags, n, i)) - 1;
		else if (tags[i] == 0 && i + 1 < n &&
				 (tags[i + 1] == B_PER || tags[i + 1] == 0) &&
				 (al = al_given_name(gaz, text, &lw.w[i])) && plain_gap(lw.text, lw.w, i + 1) &&
				 ((al == 1 && (tags[i + 1] == B_PER || name_part(&lw, mask, i + 1))) ||
				  (i > 0 && (mask[i - 1] & AR_GAZ_TITLE) && lazy(&lw, i - 1)->article)))
			i = person_at(&lw, mask, tags, n, i, i + 1) - 1;
	}

	/* 8. a name after a title phrase */
	title_names(feats, &lw, tags, n);

	for (int i = 0; i < n; i++)
	{
		int			j,
					k,
					p;

		if (tags[i] != B_PER)
			continue;
		j = mention_end(tags, n, i);

		/* 3. no title at the start of a person's name (اللورد جون بيرت) */
		while (j - i > 1 && (mask[i] & AR_GAZ_TITLE) && !(mask[i] & NAME_BITS))
		{
			tags[i++] = 0;
			tags[i] = B_PER;
		}

		/*
		 * 4. particles of a foreign name (those the tagger took in at the
		 * end of the name, then those after it) and the word after them
		 * (أورسولا فون دير لاين): part of the name, also where the tagger
		 * left that word out or tagged it alone as something else
		 */
		p = j;
		while (p - 1 > i && particle_kind(&lw, p - 1) == 1)
			p--;
		for (k = j; k < n && tags[k] == 0 && plain_gap(lw.text, lw.w, k); k++)
		{
			int			kind = particle_kind(&lw, k);

			if (!(kind == 1 || (kind == 2 && (p < j || k > j))))
				break;
		}
		if ((p < j || k > j) && k < n && plain_gap(lw.text, lw.w, k) &&
			(tags[k] == 0 || (tags[k] & 1 && mention_end(tags, n, k) == k + 1 &&
							  feats->sure_len[k] == 0)) &&
			(lazy(&lw, k)->shape & 7) == 1 && !lazy(&lw, k)->article &&
			memcmp(text + lw.w[k].start + lw.w[k].len - 2, "\xD8\xA9", 2) != 0 &&	/* no ة */
			!ArTagNotNameWord(lazy(&lw, k)) && !listed_verb(&lw, mask, k))
		{
			for (int q = i + 1; q <= k; q++)
				tags[q] = I_PER;
			j = k + 1;
		}

		/*
		 * 5. a name does not end in a joiner (حمد بن عيسى آل خليفة): the
		 * word after it is part of it, unless it has a pronoun suffix (ابن
		 * أخيه)
		 */
		if (j - i > 1 && j < n && ArTagJoinsNext(lazy(&lw, j - 1)) && plain_gap(lw.text, lw.w, j) &&
			(tags[j] == 0 || tags[j] == B_PER))
		{
			const WordInfo *w = lazy(&lw, j);

			const ArTagWord *tw = &lw.w[j];
			int			ha = tw->len >= 2 &&
				memcmp(text + tw->start + tw->len - 2, "\xD9\x87", 2) == 0;	/* ends in ه, not ة */

			if ((w->shape & 7) == 1 && !ArTagNotNameWord(w) &&
				!(w->stemf.n >= 3 && ha && !w->article))
			{
				tags[j] = I_PER;
				j = mention_end(tags, n, j);
			}
		}

		/* 6. nor in a listed verb (عباس سيلقي, عباس يلقي) */
		if (j - i > 1 && listed_verb(&lw, mask, j - 1))
			tags[--j] = 0;

		/*
		 * 7. a word with و inside a person's name starts another name when
		 * it is a listed name or has the article (الحسن والحسين)
		 */
		for (k = i + 1; k < j; k++)
		{
			const WordInfo *w;

			if (lw.w[k].len < 2 || memcmp(text + lw.w[k].start, "\xD9\x88", 2) != 0)
				continue;		/* no و */
			w = lazy(&lw, k);
			if (w->nclitics == 1 && w->first_cp == 0x0648 &&
				((w->article && w->stemf.n >= 4) || (w->stemf.n >= 3 && (mask[k] & AR_GAZ_FIRST))))
			{
				/* ... without a nationality adjective (والباكستاني نواز شريف) */
				if ((mask[k] & AR_GAZ_NISBA) && k + 1 < j)
					tags[k++] = 0;
				tags[k] = B_PER;
			}
		}
		i = j - 1;
	}
}
