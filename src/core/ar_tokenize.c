/*
 * src/core/ar_tokenize.c
 *
 * Word boundaries and light proclitic segmentation.  The segmentation
 * rules follow the usual light-stemming practice for Arabic search (strip a
 * conjunction only from words long enough to carry one, strip prepositions
 * only together with the article) and add two exception lists written for
 * news text: words whose first letter belongs to the stem, and words that
 * begin with ال without carrying the article.
 */
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <stdlib.h>
#include <string.h>

ArStatus
ArTokenize(const char *text, size_t len, ArWordFn fn, void *arg,
		   const ArEnv *env)
{
	const unsigned char *s = (const unsigned char *) text;
	size_t		i = 0;
	size_t		start = 0;
	bool		in_word = false;
	size_t		next_check = AR_INTERRUPT_STRIDE;

	while (i < len)
	{
		int			n;
		uint32_t	c;
		bool		w;

		ArInterruptPoint(env, i, &next_check);
		c = ArUtf8Decode(s + i, len - i, &n);
		w = ArInWord(c, in_word);
		if (w && !in_word)
		{
			start = i;
			in_word = true;
		}
		else if (!w && in_word)
		{
			ArStatus	rc = fn(arg, text, start, i - start);

			if (rc != AR_OK)
				return rc;
			in_word = false;
		}
		i += n;
	}
	if (in_word)
		return fn(arg, text, start, len - start);
	return AR_OK;
}

/* ---------------------------------------------------------------------
 * Exception lists, in the folded spelling of fold_letter() below.
 * --------------------------------------------------------------------- */

/*
 * Words whose initial و or ف belongs to the stem: a hand list (names and
 * words of diplomatic news) merged with the words src/model/stem_initial.py
 * finds in ANERcorp's training part and WikiFANE (CC BY-SA): ف or و words
 * whose rest is less than a tenth as frequent (فبراير, فرويد, وحدها).
 */
static const char *const stem_initial[] = {
	"فؤاد", "فئات", "فئه", "فائده", "فائز", "فائض", "فائقه", "فابيو", "فاتح",
	"فاثي", "فادحه", "فادي", "فارس", "فاره", "فاروق", "فازت", "فاسكو",
	"فاسو", "فاسيلي", "فاشله", "فاشن", "فاضح", "فاطمه", "فاعليه", "فاقت",
	"فالح", "فالديمير", "فالنسيا", "فاليتا", "فاليري", "فانتوم", "فانسان",
	"فانكوفر", "فانواتو", "فاينال", "فبراير", "فتاه", "فتح", "فتحات", "فتحه",
	"فتحوا", "فتحي", "فترات", "فتره", "فتنه", "فخاريه", "فخري", "فراس",
	"فرانس", "فرانسوا", "فرانسيسكو", "فرانك", "فرانكفورت", "فرتادو",
	"فرجينيا", "فرد", "فرسان", "فرساي", "فرصه", "فرض", "فرضت", "فرضيه",
	"فرع", "فرعين", "فرق", "فرقه", "فرناندو", "فرنجيه", "فرنسا", "فرنسي",
	"فرنسيه", "فرنسيين", "فروع", "فرويد", "فريتاون", "فريد", "فريدريش",
	"فريدريك", "فريدمان", "فريده", "فريضه", "فريق", "فريقا", "فريقه",
	"فريولي", "فساد", "فشلت", "فشلوا", "فصائل", "فصل", "فصيل", "فضاء",
	"فضائل", "فضائي", "فضائيه", "فضلا", "فضلت", "فضيحه", "فعاله", "فعاليات",
	"فعل", "فعلا", "فعلت", "فعلوا", "فقد", "فقدان", "فقر", "فقط", "فقيره",
	"فكر", "فكره", "فلاديفوستوك", "فلاديمير", "فلامينغو", "فلبين", "فلسطين",
	"فلسطيني", "فلسطينيه", "فلسطينيون", "فلسطينيين", "فلكيا", "فلوريدا",
	"فناء", "فنان", "فنانه", "فنانين", "فندق", "فنزويلا", "فنسبري", "فنلندا",
	"فني", "فنيا", "فهد", "فهرنهايت", "فهم", "فواز", "فوجئ", "فورا", "فوربس",
	"فورت", "فورتسبورغ", "فورد", "فوري", "فوز", "فوزا", "فوزه", "فوزي",
	"فوق", "فوكس", "فوكوشيما", "فولتا", "فولتن", "فولغوغراد", "فولوديمير",
	"فوهه", "فيبي", "فيتنام", "فيجي", "فيدرالي", "فيديريكا", "فيرارا",
	"فيراري", "فيربانكس", "فيرتشايلد", "فيرجسون", "فيرجين", "فيرجينيا",
	"فيرساي", "فيروز", "فيروس", "فيسبوك", "فيصل", "فيضان", "فيضانات", "فيفا",
	"فيكتور", "فيكتوريا", "فيلادلفيا", "فيلار", "فيلق", "فيلم", "فيلما",
	"فيلمي", "فيلنيوس", "فيليب", "فيليبي", "فيما", "فينوس", "فينيرا", "فيها",
	"فييتنام", "فييري", "فيينا", "وائل", "واجبات", "واجه", "واجهات", "واجهت",
	"واجهه", "واحد", "واحده", "وادي", "وارسو", "وارن", "واسط", "واسطه",
	"واسع", "واسعا", "واسعه", "واشنطن", "واشنطون", "واصلت", "واضح", "واضحا",
	"واضحه", "واضع", "وافره", "وافقت", "واقع", "واقعه", "والتر", "والد",
	"والدت", "والده", "والدي", "والدين", "والي", "وانغ", "وباء", "وتيره",
	"وثائق", "وثيقه", "وجبه", "وجدت", "وجدوا", "وجه", "وجهت", "وجهه",
	"وجهها", "وجود", "وحدات", "وحده", "وحدها", "وديع", "وراء", "وردت",
	"ورشه", "ورقه", "وزارات", "وزارتي", "وزاره", "وزراء", "وزن", "وزير",
	"وزيرا", "وزيره", "وزيري", "وسائل", "وسام", "وسط", "وسيله", "وصف",
	"وصفوا", "وصل", "وصلت", "وصلوا", "وصول", "وصولا", "وصوله", "وضاح", "وضع",
	"وضعت", "وضعه", "وضوح", "وطاه", "وطن", "وطني", "وطنيا", "وطنيه", "وظائف",
	"وظيفه", "وعود", "وفاه", "وفدا", "وفق", "وفقا", "وفود", "وقائع", "وقت",
	"وقتا", "وقتها", "وقع", "وقعت", "وقف", "وقفا", "وقفه", "وقود", "وكالات",
	"وكاله", "وكلاء", "وكيل", "ولاء", "ولاده", "ولاه", "ولايات", "ولايه",
	"ولدت", "ولدوا", "ولفغانغ", "ولي", "وليا", "وليام", "وليد", "وليم",
	"وهران", "ويست", "ويلز", "ويلسون", "ويليام", "ويليامز", "ويندي",
};

/*
 * Words that begin with ب, ك or ل and the article's letters but are names
 * written whole (كاليفورنيا is not ك + ال + يفورنيا).
 */
static const char *const keep_whole[] = {
	"كاليفورنيا", "كالفورنيا", "كاليدونيا", "كالابريا", "كالديرون", "كالغاري",
	"كالكوتا", "كاليغرا", "كالينينغراد", "باليرمو", "بالبو", "بالتيمور",
	"بالاك", "بالما", "بالو", "بالانس",
};

/* Words that begin with ال (after folding) without carrying the article. */
static const char *const not_article[] = {
	"الله", "اللهم", "الذي", "التي", "الذين", "اللذان", "اللذين", "اللتان",
	"اللتين", "اللاتي", "اللواتي", "اللائي", "الا", "الي", "اليه", "اليها",
	"اليهم", "اليك", "الينا", "الف", "الفا", "الفي", "الاف", "الماني",
	"المانيا", "المانيه", "الغاء", "الزام", "الزامي", "الكتروني",
	"الكترونيه", "الكترونيا", "الات", "اليات", "البانيا",
	"الباني", "الاسكا",
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static const char *stem_initial_sorted[sizeof(stem_initial) / sizeof(stem_initial[0])];
static const char *not_article_sorted[sizeof(not_article) / sizeof(not_article[0])];
static const char *keep_whole_sorted[sizeof(keep_whole) / sizeof(keep_whole[0])];
static bool lists_ready;

static void
lists_init(void)
{
	memcpy(stem_initial_sorted, stem_initial, sizeof(stem_initial));
	qsort(stem_initial_sorted, sizeof(stem_initial) / sizeof(stem_initial[0]),
		  sizeof(char *), cmp_str);
	memcpy(not_article_sorted, not_article, sizeof(not_article));
	qsort(not_article_sorted, sizeof(not_article) / sizeof(not_article[0]),
		  sizeof(char *), cmp_str);
	memcpy(keep_whole_sorted, keep_whole, sizeof(keep_whole));
	qsort(keep_whole_sorted, sizeof(keep_whole) / sizeof(keep_whole[0]),
		  sizeof(char *), cmp_str);
	lists_ready = true;
}

static bool
in_list(const char *const *sorted, size_t n, const char *key)
{
	return bsearch(&key, sorted, n, sizeof(char *), cmp_str) != NULL;
}

/* Suffixes (pronouns, plural and dual endings) tried when looking up a stem. */
static const char *const suffixes[] = {
	"هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ات", "ون", "ين", "ان",
	"يه", "ه", "ك", "ي",
};

/*
 * True when the folded word is in the stem-initial list, as it is or once
 * one suffix is removed (فرقها, وزيرها, وكالات), leaving two letters or more.
 */
static bool
stem_initial_match(char *folded_word)
{
	size_t		len = strlen(folded_word);

	if (in_list(stem_initial_sorted, sizeof(stem_initial) / sizeof(char *), folded_word))
		return true;
	for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++)
	{
		size_t		sl = strlen(suffixes[k]);

		/* every letter here is two bytes: keep at least three letters */
		if (len >= sl + 6 && memcmp(folded_word + len - sl, suffixes[k], sl) == 0)
		{
			char		saved = folded_word[len - sl];
			bool		found;

			folded_word[len - sl] = '\0';
			found = in_list(stem_initial_sorted, sizeof(stem_initial) / sizeof(char *),
							folded_word);
			folded_word[len - sl] = saved;
			if (found)
				return true;
		}
	}
	return false;
}

/*
 * Letter folding for list look-ups: alef forms, alef maksura, teh marbuta.
 * Unlike ArFoldLetter it leaves keheh (ک) alone: segmentation feeds the
 * IMMUTABLE stems and fingerprints, which stored indexes depend on.
 */
static uint32_t
fold_letter(uint32_t c)
{
	switch (c)
	{
		case 0x0622:
		case 0x0623:
		case 0x0625:
		case 0x0671:
			return 0x0627;
		case 0x0649:
		case 0x06CC:
			return 0x064A;
		case 0x0629:
			return 0x0647;
		default:
			return c;
	}
}

#define MAX_LETTERS 64
#define ALEF	0x0627
#define WASLA	0x0671
#define LAM		0x0644
#define WAW		0x0648
#define FEH		0x0641
#define BEH		0x0628
#define KAF		0x0643

typedef struct Letters
{
	int			n;
	uint32_t	cp[MAX_LETTERS];	/* as written */
	size_t		start[MAX_LETTERS + 1]; /* byte offset; start[n] = word end */
} Letters;

/* The folded spelling of letters[from..n-1] in buf (NUL-terminated). */
static const char *
folded(const Letters *l, int from, char *buf)
{
	size_t		o = 0;

	for (int i = from; i < l->n; i++)
		o += ArUtf8Encode(fold_letter(l->cp[i]), buf + o);
	buf[o] = '\0';
	return buf;
}

static bool
is_article_at(const Letters *l, int i)
{
	return i + 1 < l->n && (l->cp[i] == ALEF || l->cp[i] == WASLA) &&
		l->cp[i + 1] == LAM;
}

void
ArSegmentWord(const char *word, size_t len, ArWordSeg *seg)
{
	const unsigned char *s = (const unsigned char *) word;
	Letters		l;
	char		buf[MAX_LETTERS * 4 + 1];
	size_t		i = 0;
	int			k = 0;

	memset(seg, 0, sizeof(*seg));
	if (len > AR_SEG_MAX_BYTES)
		return;					/* too long to be a real word: whole */
	if (!lists_ready)
		lists_init();

	/* collect the letters; marks and tatweel stay with the letter before */
	l.n = 0;
	while (i < len)
	{
		int			n;
		uint32_t	c = ArUtf8Decode(s + i, len - i, &n);

		if (ArIsArabicLetter(c))
		{
			if (l.n == MAX_LETTERS)
				return;			/* too long to be a segmentable word */
			l.start[l.n] = i;
			l.cp[l.n++] = c;
		}
		else if (!(ArIsDiacritic(c) || c == AR_TATWEEL || c == 0x200C ||
				   c == 0x200D))
			return;				/* digits or another script: leave whole */
		i += n;
	}
	l.start[l.n] = len;
	if (l.n < 3)
		return;

	/* conjunction */
	if ((l.cp[0] == WAW || l.cp[0] == FEH) && l.n >= 4 &&
		!stem_initial_match((char *) folded(&l, 0, buf)))
	{
		seg->clitic_end[seg->nclitics++] = l.start[1];
		k = 1;
	}

	/* names written whole */
	if (in_list(keep_whole_sorted, sizeof(keep_whole) / sizeof(char *),
				folded(&l, k, buf)))
	{
		seg->article_start = seg->stem_start = l.start[k];
		return;
	}

	/* preposition with the article: بال كال لال, or لل */
	if ((l.cp[k] == BEH || l.cp[k] == KAF || l.cp[k] == LAM) &&
		is_article_at(&l, k + 1) && l.n - (k + 3) >= 2)
	{
		if (in_list(not_article_sorted, sizeof(not_article) / sizeof(char *),
					folded(&l, k + 1, buf)))
		{
			/* بالله, كالذي: the preposition, then a word kept whole */
			seg->clitic_end[seg->nclitics++] = l.start[k + 1];
			seg->article_start = seg->stem_start = l.start[k + 1];
			return;
		}
		seg->clitic_end[seg->nclitics++] = l.start[k + 1];
		seg->article = 1;
		seg->article_start = l.start[k + 1];
		seg->stem_start = l.start[k + 3];
		return;
	}
	if (l.cp[k] == LAM && k + 1 < l.n && l.cp[k + 1] == LAM &&
		l.n - (k + 2) >= 2)
	{
		seg->clitic_end[seg->nclitics++] = l.start[k + 1];
		seg->article = 1;
		seg->article_contracted = 1;
		seg->article_start = l.start[k + 1];
		seg->stem_start = l.start[k + 2];
		return;
	}
	/* the article alone */
	if (is_article_at(&l, k) && l.n - (k + 2) >= 2 &&
		!in_list(not_article_sorted, sizeof(not_article) / sizeof(char *),
				 folded(&l, k, buf)))
	{
		seg->article = 1;
		seg->article_start = l.start[k];
		seg->stem_start = l.start[k + 2];
		return;
	}
	seg->article_start = seg->stem_start = l.start[k];
}
