/*
 * src/core/ar_tag_names.c
 *
 * Rules that run on the decoded tags: the context rules of one sentence
 * segment (a person's name split in two or missing its first part, names
 * that are also adjectives, English sentences) and the document step that
 * finds a name the tagger found once at its other mentions in the same
 * text, in another spelling or shortened to the family name.  See
 * ArTagApplyContext and ArDocNamesLearn / ArDocNamesApply in ar_tagger.h.
 */
#include "ar_tag_internal.h"

#include <stdbool.h>
#include <string.h>

#define IS_PERS(tag) ((tag) == B_TAG(AR_ENT_PERSON) || (tag) == I_TAG(AR_ENT_PERSON))

/* The gazetteer classes of a word alone (its stem, or without ب ل ك). */
static uint16_t
word_classes(const ArGaz *gaz, const WordInfo *wi)
{
	uint16_t	m = gaz_lookup(gaz, phrase_step(0, wi->stem));

	if (wi->bare)
		m |= gaz_lookup(gaz, phrase_step(0, wi->bare));
	return m;
}

/* Script of a word as written: 1 Arabic letters, 2 Latin only, 0 neither. */
static int
word_script(const char *text, const ArTagWord *w)
{
	int			latin = 0;

	for (size_t k = w->start; k < w->start + w->len; k++)
	{
		unsigned char c = (unsigned char) text[k];

		if ((c >= 0xD8 && c <= 0xDB) ||
			(c == 0xEF && k + 1 < w->start + w->len &&
			 (unsigned char) text[k + 1] >= 0xAD && (unsigned char) text[k + 1] <= 0xBB))
			return 1;			/* U+0600-06FF, presentation forms FB50-FEFF */
		latin |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	}
	return latin ? 2 : 0;
}

/*
 * Particles and other frequent words that stand between a title and a
 * name without being part of it ("قال الرئيس الأمريكي إن ...").
 */
static const char *const not_name_words[] = {
	"إن", "أن", "إنه", "أنه", "قد", "لم", "لن", "لا", "ما", "من", "في", "عن",
	"على", "مع", "إلى", "هو", "هي", "كان", "كانت", "أمس", "يوم", "بعد",
	"قبل", "خلال", "عبر", "حول", "كل", "بين", "منذ", "ثم", "أو", "أيضا",
	"نفسه", "الذي", "التي", "عند", "لدى", "حيث", "إذ", "غير", "سابقا", "مثل",
	"أي", "هذا", "هذه", "ذلك", "تلك", "الأول", "الثاني", "الثالث", "الرابع",
	"الدين", "الله", "الرحمن", NULL
};

/* Words that join the next one into one part of a name (عبد الناصر). */
static const char *const joiners[] = {"عبد", "أبو", "أبي", "بن", "ابن", "آل", "بنت", NULL};


const uint64_t *
ArTagListHashes(const char *const *words, uint64_t *hash, bool *ready)
{
	if (!*ready)
	{
		for (int k = 0; words[k]; k++)
		{
			Folded		f;

			ArTagFoldWord(words[k], strlen(words[k]), &f);
			hash[k] = hash_cps(f.cp, 0, f.n);
		}
		*ready = true;
	}
	return hash;
}

int
ArTagNotNameWord(const WordInfo *wi)
{
	static uint64_t hash[LIST_LEN(not_name_words)];
	static bool ready;
	const uint64_t *h = ArTagListHashes(not_name_words, hash, &ready);

	for (size_t k = 0; k < LIST_LEN(not_name_words); k++)
		if (h[k] == wi->word || h[k] == wi->stem)
			return 1;
	return 0;
}

/* Clears the mention that starts at word i (tags[i] is a B- tag). */
static void
clear_mention(uint8_t *tags, int n, int i)
{
	tags[i++] = 0;
	while (i < n && tags[i] != 0 && !(tags[i] & 1))
		tags[i++] = 0;
}

/* Does the folded stem end in ي or يه (a nisba adjective: الإيراني)? */
static int
nisba_ending(const Folded *f)
{
	return (f->n >= 3 && f->cp[f->n - 1] == 0x064A) ||
		(f->n >= 4 && f->cp[f->n - 2] == 0x064A && f->cp[f->n - 1] == 0x0647);
}

/* Does the folded stem end in a pronoun suffix ها or هم (خارجيتها)? */
static int
pronoun_suffix(const Folded *f)
{
	return f->n >= 4 && f->cp[f->n - 2] == 0x0647 &&
		(f->cp[f->n - 1] == 0x0627 || f->cp[f->n - 1] == 0x0645);
}

void
ArTagApplyContext(const ArTagFeats *feats, const char *text,
				  const ArTagWords *ws, int a, int b, uint8_t *tags)
{
	const uint16_t *mask = feats->word_mask;
	int			n = b - a;
	int			latin = 0,
				arabic = 0;
	LazyWords	lw;

	if (n < 1 || n > AR_TAG_MAX_SENT || feats->n != n)
		return;
	lazy_init(&lw, text, ws->w + a, n);
	for (int i = 0; i < n; i++)
	{
		int			script = word_script(text, &ws->w[a + i]);

		latin += script == 2;
		arabic += script == 1;
	}

	for (int i = 0; i < n; i++)
	{
		/* 1. an English sentence: its Latin-script mentions go */
		if (latin > arabic)
		{
			if (tags[i] & 1)
			{
				int			j = i,
							any_arabic = 0;

				do
					any_arabic |= word_script(text, &ws->w[a + j]) == 1;
				while (++j < n && tags[j] != 0 && !(tags[j] & 1));
				if (!any_arabic)
					clear_mention(tags, n, i);
			}
			continue;
		}

		/*
		 * 2. two person mentions side by side are one name, and so are two
		 * with a bare title word between them (حسين أمير عبد اللهيان)
		 */
		if (tags[i] == B_TAG(AR_ENT_PERSON) && i > 0 && IS_PERS(tags[i - 1]) &&
			lazy(&lw, i)->nclitics == 0 && plain_gap(text, ws->w, a + i))
			tags[i] = I_TAG(AR_ENT_PERSON);
		if (tags[i] == B_TAG(AR_ENT_PERSON) && i > 1 && tags[i - 1] == 0 &&
			IS_PERS(tags[i - 2]) && (mask[i - 1] & AR_GAZ_TITLE) &&
			lazy(&lw, i)->nclitics == 0 && lazy(&lw, i - 1)->nclitics == 0 &&
			!lazy(&lw, i - 1)->article &&
			plain_gap(text, ws->w, a + i) && plain_gap(text, ws->w, a + i - 1))
			tags[i - 1] = tags[i] = I_TAG(AR_ENT_PERSON);

		/*
		 * 3. a person's name does not end in a word with a preposition
		 * before the article (جمال عبد الناصر بالاتفاق)
		 */
		if (tags[i] == I_TAG(AR_ENT_PERSON) &&
			(i + 1 == n || tags[i + 1] != I_TAG(AR_ENT_PERSON)))
		{
			const WordInfo *w = lazy(&lw, i);

			if (w->contracted || (w->article && w->nclitics > 0 &&
								  (w->first_cp == 0x0628 || w->first_cp == 0x0644 ||
								   w->first_cp == 0x0643)))
				tags[i] = 0;
		}

		/*
		 * 4. a name of two words or more after a title or a nisba adjective
		 * (الرئيس الصيني شي جين بينغ): the bare word between them is its
		 * first part, unless the name starts with a listed given name or
		 * that word is a particle, a gazetteer place, title or
		 * organization, or has a pronoun suffix (وزير خارجيتها سيرغي)
		 */
		if (tags[i] == B_TAG(AR_ENT_PERSON) && i >= 2 && tags[i - 1] == 0 &&
			i + 1 < n && tags[i + 1] == I_TAG(AR_ENT_PERSON) &&
			!(mask[i] & AR_GAZ_FIRST) &&
			!(mask[i - 1] & (AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_ORG | AR_GAZ_MISC |
							 AR_GAZ_ORG_HEAD | AR_GAZ_LOC_CUE)) &&
			plain_gap(text, ws->w, a + i) && plain_gap(text, ws->w, a + i - 1))
		{
			const WordInfo *w = lazy(&lw, i - 1),
					   *before = lazy(&lw, i - 2);

			if (w->nclitics == 0 && !w->article && (w->shape & 3) == 1 &&
				((mask[i - 2] & AR_GAZ_TITLE) ||
				 (before->article && nisba_ending(&before->stemf))) &&
				!pronoun_suffix(&w->stemf) && !ArTagNotNameWord(w))
			{
				tags[i - 1] = B_TAG(AR_ENT_PERSON);
				tags[i] = I_TAG(AR_ENT_PERSON);
			}
		}

		/*
		 * 5. a name that is also an adjective (السعودية، سورية) or a very
		 * frequent name (داعش), not inside a longer mention: a name unless
		 * a word with the article follows another one (الحكومة السورية,
		 * القوات السعودية) or it has the article and the name not (سورية:
		 * السورية is always the adjective)
		 */
		if ((mask[i] & AR_GAZ_CONTEXT) &&
			(tags[i] == 0 || ((tags[i] & 1) && (i + 1 == n || !(tags[i + 1] != 0 && !(tags[i + 1] & 1))))))
		{
			const WordInfo *w = lazy(&lw, i);

			if (!w->article != !(mask[i] & AR_GAZ_CONTEXT_DEF) ||
				(w->article && i > 0 && lazy(&lw, i - 1)->article &&
				 plain_gap(text, ws->w, a + i)))
				tags[i] = 0;
			else if (tags[i] == 0 && ArTagClassType(mask[i]) >= 0)
				tags[i] = B_TAG(ArTagClassType(mask[i]));
		}
	}
}

/* ---------------------------------------------------------------------
 * Names across a document
 * ---------------------------------------------------------------------
 */

uint32_t
ArTagSkeleton(const WordInfo *wi)
{
	const Folded *f = &wi->stemf;
	uint64_t	h = AR_FNV_OFFSET;
	int			n = f->n;
	uint32_t	prev = 0;

	/* three letters or fewer: the stem as it is (آلة is not إله) */
	if (n <= 3)
		return (uint32_t) ArMix64(wi->stem + 2 + (uint64_t) wi->article);
	/* a final يه or يا as ي (سيرغيه, سوريا) */
	if (f->cp[n - 2] == 0x064A && (f->cp[n - 1] == 0x0647 || f->cp[n - 1] == 0x0627))
		n--;
	for (int i = 0; i < n; i++)
	{
		uint32_t	c = f->cp[i];

		if (c == 0x063A && f->n >= 5)
			c = 0x062C;			/* غ as ج */
		if (i > 0 && i < n - 1 && (c == 0x0627 || c == 0x0648 || c == 0x064A))
			continue;			/* vowel letters inside */
		if (c != prev)
			h = ArFnvStep(h, c);	/* a doubled letter once */
		prev = c;
	}
	return (uint32_t) ArMix64(h + (uint64_t) wi->article);
}

void
ArTagSkeletons(const char *text, const ArTagWords *ws, int a, int b,
			   uint32_t *skel)
{
	for (int i = a; i < b; i++)
	{
		WordInfo	wi;

		ArTagWordInfo(text, &ws->w[i], &wi);
		skel[i - a] = ArTagSkeleton(&wi);
	}
}

/* Keys of the names memory: a word of a name, a whole name. */
#define KEY_WORD(skel) (ArMix64((uint64_t) (skel) ^ 0x6E616D65776F7264ULL))
#define KEY_NAME(h) (ArMix64((h) ^ 0x6E616D6570687261ULL))
#define KEY_UNTAGGED(skel) (ArMix64((uint64_t) (skel) ^ 0x756E746167676564ULL))
#define KEY_PERSON(skel) (ArMix64((uint64_t) (skel) ^ 0x706572736F6E7321ULL))
#define KEY_TYPE(h, t) (ArMix64((h) ^ 0x74797065636F756EULL ^ (uint64_t) (t) << 56))

/*
 * Counts up to 64 under a key of d, in eight bytes of the memory (keys
 * key + 1, ..., key + 8) that fill one after the other: a byte counts k when
 * its bits 0..k-1 are set (a memory that only ever sets bits can count that
 * way).
 */
#define COUNT_MAX 64

static ArStatus
count_up(ArDocMem *d, uint64_t key, const ArEnv *env)
{
	for (uint64_t level = 1; level <= COUNT_MAX / 8; level++)
	{
		uint8_t		bits = ArDocMemGet(d, key + level);

		if (bits != 0xFF)
			return ArDocMemAdd(d, key + level, (uint8_t) (bits << 1 | 1), env);
	}
	return AR_OK;
}

static int
count_of(const ArDocMem *d, uint64_t key)
{
	int			k = 0;

	for (uint64_t level = 1; level <= COUNT_MAX / 8; level++)
	{
		uint8_t		bits = ArDocMemGet(d, key + level);

		while (bits & 1)
		{
			k++;
			bits >>= 1;
		}
		if (k < (int) (8 * level))
			break;
	}
	return k;
}

/* Bits of a word key. */
#define PN_ALONE 1				/* a person mention of this one word */
#define PN_LAST 2				/* the last word of a person's name */
#define PN_FIRST 4				/* the first word of a person's name */
#define PN_OTHER 8				/* a word of a mention of another type */

int
ArTagJoinsNext(const WordInfo *wi)
{
	static uint64_t hash[LIST_LEN(joiners)];
	static bool ready;
	const uint64_t *h = ArTagListHashes(joiners, hash, &ready);

	for (size_t k = 0; k < LIST_LEN(joiners); k++)
		if (h[k] == wi->stem)
			return 1;
	return 0;
}

/* May a word stand alone for a person's name (not a title, a place ...)? */
static int
may_stand_alone(const ArGaz *gaz, const WordInfo *wi)
{
	return wi->stemf.n >= 3 && (wi->shape & 1) &&
		!(word_classes(gaz, wi) & (AR_GAZ_TITLE | AR_GAZ_LOC | AR_GAZ_ORG |
								   AR_GAZ_MISC | AR_GAZ_ORG_HEAD |
								   AR_GAZ_LOC_CUE)) &&
		!ArTagNotNameWord(wi);
}

ArStatus
ArDocNamesLearn(ArDocMem *d, const ArGaz *gaz, const char *text,
				const ArTagWords *ws, int a, int b, const uint32_t *skel,
				const uint8_t *tags, const ArEnv *env)
{
	ArStatus	rc = AR_OK;
	int			n = b - a;

	/* how often each word was left untagged, and tagged as a person's name */
	for (int i = 0; rc == AR_OK && i < n; i++)
		if (tags[i] == 0)
			rc = count_up(d, KEY_UNTAGGED(skel[i]), env);
		else if (IS_PERS(tags[i]))
			rc = count_up(d, KEY_PERSON(skel[i]), env);

	for (int i = 0; rc == AR_OK && i < n;)
	{
		int			j = i + 1,
					type;
		uint64_t	h = 0;

		if (!(tags[i] & 1))
		{
			i++;
			continue;
		}
		type = (tags[i] - 1) / 2;
		while (j < n && tags[j] == I_TAG(type))
			j++;
		if (j - i > AR_GAZ_MAXWORDS)
		{
			i = j;
			continue;
		}
		for (int k = i; k < j; k++)
			h = phrase_step(h, skel[k]);
		rc = count_up(d, KEY_TYPE(h, type), env);
		if (rc == AR_OK && j - i >= 2)
			rc = ArDocMemAdd(d, KEY_NAME(h), (uint8_t) (1u << type), env);
		if (type != AR_ENT_PERSON)
			for (int k = i; rc == AR_OK && k < j; k++)
				rc = ArDocMemAdd(d, KEY_WORD(skel[k]), PN_OTHER, env);
		else if (rc == AR_OK)
		{
			WordInfo	first,
						last,
						prev;

			ArTagWordInfo(text, &ws->w[a + i], &first);
			if (j - i == 1)
			{
				if (may_stand_alone(gaz, &first))
					rc = ArDocMemAdd(d, KEY_WORD(skel[i]), PN_ALONE, env);
			}
			else
			{
				ArTagWordInfo(text, &ws->w[a + j - 1], &last);
				ArTagWordInfo(text, &ws->w[a + j - 2], &prev);
				if (may_stand_alone(gaz, &last) && !ArTagJoinsNext(&prev))
					rc = ArDocMemAdd(d, KEY_WORD(skel[j - 1]), PN_LAST, env);
				if (rc == AR_OK && !ArTagJoinsNext(&first))
					rc = ArDocMemAdd(d, KEY_WORD(skel[i]), PN_FIRST, env);
			}
		}
		i = j;
	}
	return rc;
}

void
ArDocNamesApply(const ArDocMem *d, const ArGaz *gaz, const char *text,
				const ArTagWords *ws, int a, int b, const uint32_t *skel,
				uint8_t *tags)
{
	int			n = b - a;

	if (d == NULL || d->n == 0 || n < 1 || n > AR_TAG_MAX_SENT)
		return;
	for (int i = 0; i < n;)
	{
		int			best = 0,
					best_type = 0;
		uint64_t	h;
		uint8_t		bits;

		if (tags[i] & 1)
		{
			/* a mention takes the type the text gives it most often */
			int			j = i + 1,
						type = (tags[i] - 1) / 2,
						best_n;

			h = phrase_step(0, skel[i]);
			while (j < n && tags[j] == tags[i] + 1)
				h = phrase_step(h, skel[j++]);
			best_type = type;
			best_n = count_of(d, KEY_TYPE(h, type));
			for (int t = 0; t < AR_ENT_NTYPES && j - i <= AR_GAZ_MAXWORDS; t++)
			{
				int			c = count_of(d, KEY_TYPE(h, t));

				if (c > best_n)
				{
					best_n = c;
					best_type = t;
				}
			}
			for (int k = i; k < j && best_type != type; k++)
				tags[k] = k == i ? B_TAG(best_type) : I_TAG(best_type);
			i = j;
			continue;
		}
		if (tags[i] != 0)
		{
			i++;
			continue;
		}
		/*
		 * a whole name of the text, in any spelling; the words after the
		 * first may hold a mention of the tagger that it contains (جين
		 * بينغ in شي جين بينغ)
		 */
		h = phrase_step(0, skel[i]);
		for (int L = 2; L <= AR_GAZ_MAXWORDS && i + L <= n; L++)
		{
			h = phrase_step(h, skel[i + L - 1]);
			if (!plain_gap(text, ws->w, a + i + L - 1))
				break;
			if (i + L < n && tags[i + L] != 0 && !(tags[i + L] & 1))
				continue;		/* a mention runs on past the name */
			bits = ArDocMemGet(d, KEY_NAME(h));
			for (int t = 0; t < AR_ENT_NTYPES; t++)
				if (bits == (1u << t))
				{
					best = L;
					best_type = t;
				}
		}
		/* a person's name alone or its last part (the family name) */
		bits = best ? 0 : ArDocMemGet(d, KEY_WORD(skel[i]));
		/*
		 * ... not a word the tagger left untagged more than twice as often
		 * as it tagged it, plus two (a common word it once took for a name:
		 * الذين, مليون; counts stop at COUNT_MAX)
		 */
		if ((bits & (PN_ALONE | PN_LAST)) && !(bits & PN_OTHER) &&
			count_of(d, KEY_UNTAGGED(skel[i])) <= 2 * count_of(d, KEY_PERSON(skel[i])) + 2)
		{
			WordInfo	wi,
						prev;

			ArTagWordInfo(text, &ws->w[a + i], &wi);
			if (wi.article && i > 0)
				ArTagWordInfo(text, &ws->w[a + i - 1], &prev);
			/* not an adjective after a noun: الأسبوع الثاني */
			if (may_stand_alone(gaz, &wi) && !(wi.article && i > 0 && prev.article))
			{
				best = 1;
				best_type = AR_ENT_PERSON;
				/*
				 * ... with its first name before it: the first word of a
				 * person's name in the text, or a listed given name or
				 * person-name token (PNAME) when no conjunction stands
				 * between them
				 */
				if (i > 0 && tags[i - 1] == 0 && plain_gap(text, ws->w, a + i))
				{
					ArTagWordInfo(text, &ws->w[a + i - 1], &prev);
					if ((ArDocMemGet(d, KEY_WORD(skel[i - 1])) & PN_FIRST) ||
						(prev.nclitics == 0 && !prev.article && wi.nclitics == 0 &&
						 (word_classes(gaz, &prev) & (AR_GAZ_FIRST | AR_GAZ_PNAME))))
					{
						i--;
						best = 2;
					}
				}
			}
		}
		if (best == 0)
		{
			i++;
			continue;
		}
		tags[i] = B_TAG(best_type);
		for (int k = i + 1; k < i + best; k++)
			tags[k] = I_TAG(best_type);
		i += best;
	}
}
