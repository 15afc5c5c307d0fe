/*
 * src/core/ar_tag_orgs_marks.c
 *
 * The organization rules that read the marks between words (quotes,
 * parentheses, dashes, colons, line breaks): a head noun before a quoted
 * name stays outside it (تنظيم «الدولة الإسلامية»), an acronym in quotes
 * or parentheses after the organization it abbreviates is one (يونيفيل,
 * قسد), and so is the same word elsewhere in the text (the document step,
 * ArDocOrgAcronymsLearn / ArDocOrgAcronymsApply), and the agency of a wire
 * dateline (أنقرة (الأناضول) –).  ArTagApplyOrgNames (ar_tag_orgs.c) runs
 * ArTagOrgMarks last.
 */
#include "ar_tag_orgs.h"

/*
 * Marks in text[a..b-1], between two words: DL_OPEN ( or « (DL_PAREN too
 * for (), DL_CLOSE ) or
 * », DL_QUOTE ", DL_DASH - – —, DL_COLON :, DL_LINE a line break, DL_OTHER
 * anything else but spaces.
 */
#define DL_OPEN 1
#define DL_CLOSE 2
#define DL_DASH 4
#define DL_COLON 8
#define DL_LINE 16
#define DL_OTHER 32
#define DL_QUOTE 64
#define DL_PAREN 128			/* ( itself (also DL_OPEN) */
#define DL_COMMA 256			/* , or ، */
#define DL_SLASH 512			/* / */
#define DATE_MAX 5				/* words of a date in a dateline */
#define AGENCY_MAX 4			/* words of an agency's name in a dateline */

static int
marks(const char *text, size_t a, size_t b)
{
	int			m = 0;

	for (size_t k = a; k < b; k++)
	{
		unsigned char c = (unsigned char) text[k];

		if (c == '"')
			m |= DL_QUOTE;
		else if (c == '(')
			m |= DL_OPEN | DL_PAREN;
		else if (c == ')')
			m |= DL_CLOSE;
		else if (c == '-')
			m |= DL_DASH;
		else if (c == ':')
			m |= DL_COLON;
		else if (c == '\n' || c == '\r')
			m |= DL_LINE;
		else if (c == ',')
			m |= DL_COMMA;
		else if (c == '/')
			m |= DL_SLASH;
		else if (c == 0xD8 && k + 1 < b && (unsigned char) text[k + 1] == 0x8C)
		{
			m |= DL_COMMA;		/* ، */
			k++;
		}
		else if (c == 0xC2 && k + 1 < b && ((unsigned char) text[k + 1] == 0xAB ||
											(unsigned char) text[k + 1] == 0xBB))
			m |= (unsigned char) text[++k] == 0xAB ? DL_OPEN : DL_CLOSE;	/* « » */
		else if (c == 0xE2 && k + 2 < b && (unsigned char) text[k + 1] == 0x80 &&
				 ((unsigned char) text[k + 2] == 0x93 || (unsigned char) text[k + 2] == 0x94))
		{
			m |= DL_DASH;		/* – — */
			k += 2;
		}
		else if (c != ' ' && c != '\t')
			m |= DL_OTHER;
	}
	return m;
}

/*
 * Is word k of ws alone in parentheses or quotes (in parentheses if paren):
 * an opening mark before it (after the closing quote of what comes before:
 * «...» (قسد)) and a closing one after it?
 */
static bool
bracketed(const char *text, const ArTagWords *ws, int k, bool paren)
{
	int			before;

	if (k < 1 || k + 1 >= ws->n)
		return false;
	before = marks(text, ws->w[k - 1].start + ws->w[k - 1].len, ws->w[k].start);
	return (before & (paren ? DL_PAREN : DL_OPEN)) &&
		!(before & ~(DL_OPEN | DL_PAREN | DL_CLOSE | DL_QUOTE)) &&
		(marks(text, ws->w[k].start + ws->w[k].len, ws->w[k + 1].start) &
		 (DL_CLOSE | DL_QUOTE));
}

/*
 * May untagged word i be an acronym: letters (no number: (2019)), no
 * clitic, not a title, nationality or head noun, not a particle or other
 * frequent word?
 */
static bool
may_be_acronym(Seg *s, int i)
{
	const WordInfo *w = info(s, i);

	return w->nclitics == 0 && !w->contracted && w->stemf.n >= 2 &&
		w->stemf.latin + w->stemf.arabic == w->stemf.n && w->stemf.digit == 0 &&
		!(s->feats->word_mask[i] & (AR_GAZ_TITLE | AR_GAZ_NISBA | HEADS)) &&
		!ArTagNotNameWord(w);
}

/*
 * 5. A one-word mention tagged MISC in quotes or parentheses, or an
 * untagged word that may be an acronym in parentheses (a quoted one is a
 * word: الجيش «عملية»), right after an organization, is its acronym: قوة الأمم المتحدة المؤقتة في لبنان «يونيفيل», قوات سوريا
 * الديمقراطية (قسد).
 */
static void
acronyms(Seg *s)
{
	for (int i = 1; i < s->n; i++)
	{
		bool		untagged = s->tags[i] == 0;

		if (s->tags[i - 1] == 0 || (s->tags[i - 1] - 1) / 2 != AR_ENT_ORGANIZATION ||
			(i + 1 < s->n && TAG_INSIDE(s->tags[i + 1])) ||
			(s->tags[i] != B_TAG(AR_ENT_MISC) && !(untagged && may_be_acronym(s, i))))
			continue;
		if (bracketed(s->text, s->ws, s->a + i, untagged))
			s->tags[i] = B_ORG;
	}
}

/*
 * The date after a dateline's place and a comma, from word e: up to
 * DATE_MAX words with a number among them and no mark between them but /
 * (١٢ تشرين الأول/أكتوبر), then an opening parenthesis.  Returns the word
 * after the parenthesis and sets *open to its marks, or returns e and
 * leaves *open as it is.
 */
static int
after_date(Seg *s, int e, int *open)
{
	bool		number = false;

	for (int g = e; g < s->n && g - e <= DATE_MAX; g++)
	{
		int			m;

		number |= info(s, g)->stemf.digit > 0;
		if (g + 1 >= s->n)
			break;
		m = marks(s->text, s->w[g].start + s->w[g].len, s->w[g + 1].start) &
			~(DL_QUOTE | DL_PAREN);
		if (m == DL_OPEN && number)
		{
			*open = m;
			return g + 1;
		}
		if (m & ~DL_SLASH)
			break;
	}
	return e;
}

/*
 * 7. The dateline of wire copy: at the start of the text or of a line, a
 * place, then the agency that sent the story, in parentheses and a dash
 * (أنقرة (الأناضول) –, بروكسل (أ ف ب) -; after a date too: جنيف، ١٢
 * تشرين الأول/أكتوبر (أ ف ب) -) or after a dash or a slash up to a colon
 * (القاهرة – أ ش أ:, بيروت – «الوكالة الوطنية للإعلام»:, بغداد/ واع:).  The agency is an
 * organization, whatever the words were tagged (الأناضول is also a place),
 * unless it is one word that the gazetteer knows as a place only: the
 * country of a city (موسكو (روسيا) - in a list of results).
 */
static void
datelines(Seg *s)
{
	const ArTagWord *all = s->ws->w;
	int			e,
				open,
				closer;

	if (s->n < 2 ||
		(s->a == 0 ? marks(s->text, 0, all[0].start) != 0 :
		 !(marks(s->text, all[s->a - 1].start + all[s->a - 1].len,
				 all[s->a].start) & DL_LINE)))
		return;
	if (s->tags[0] == B_TAG(AR_ENT_LOCATION))
		e = mention_end(s->tags, s->n, 0);
	else if (s->tags[0] == 0 && (s->feats->word_mask[0] & AR_GAZ_LOC))
		e = 1;
	else
		return;
	if (e >= s->n)
		return;
	open = marks(s->text, s->w[e - 1].start + s->w[e - 1].len, s->w[e].start) & ~(DL_QUOTE | DL_PAREN);
	if (open == DL_COMMA)
		e = after_date(s, e, &open);	/* جنيف، ١٢ تشرين الأول/أكتوبر (أ ف ب) - */
	if (open == DL_OPEN)
		closer = DL_CLOSE | DL_DASH;	/* (الأناضول) – */
	else if (open == DL_DASH || open == (DL_DASH | DL_OPEN) || open == DL_SLASH)
		closer = DL_COLON;		/* – أ ش أ:, بغداد/ واع: */
	else
		return;
	for (int f = e + 1; f <= e + AGENCY_MAX; f++)
	{
		int			next = s->a + f,
					m;

		if (next >= s->ws->n)
			return;
		m = marks(s->text, all[next - 1].start + all[next - 1].len, all[next].start) & ~(DL_QUOTE | DL_PAREN);
		if (TAG_INSIDE(s->tags[f - 1]) ? false :
			(s->tags[f - 1] == B_TAG(AR_ENT_PERSON) ||
			 (s->feats->word_mask[f - 1] & AR_GAZ_TITLE)))
			return;				/* no agency: بيروت - قال الرئيس: */
		if (m == 0 && f < s->n)
			continue;
		if (f == e + 1 && (s->feats->word_mask[e] & (AR_GAZ_LOC | AR_GAZ_ORG)) == AR_GAZ_LOC)
			return;				/* a city's country: موسكو (روسيا) - */
		if ((m & closer) == closer && !(m & DL_OPEN))
			set_org(s->tags, s->n, e, f);
		return;
	}
}

/* Does word i start with ال, as the article or not (الله)? */
static bool
with_al(Seg *s, int i)
{
	const Folded *f = &info(s, i)->stemf;

	return definite(s, i) || (f->n > 2 && f->cp[0] == 0x0627 && f->cp[1] == 0x0644);
}

/*
 * 10. A head noun without the article before a quoted name stays outside it,
 * as the guideline has it (تنظيم «الدولة الإسلامية» is الدولة الإسلامية,
 * like حركة «حماس»): an organization whose first word is such a head and
 * whose other words are all inside the quotes loses its first word,
 * unless what is quoted is one word with the article (حزب «الله»).
 */
static void
quoted_names(Seg *s)
{
	for (int i = 0; i + 1 < s->n; i++)
	{
		int			e,
					open,
					close;

		if (s->tags[i] != B_ORG)
			continue;
		e = mention_end(s->tags, s->n, i);
		if (e - i < 2 || !(s->feats->word_mask[i] & HEADS) || definite(s, i) ||
			s->a + e >= s->ws->n || (e - i == 2 && with_al(s, i + 1)))
		{
			i = e - 1;
			continue;
		}
		open = marks(s->text, s->w[i].start + s->w[i].len, s->w[i + 1].start);
		close = marks(s->text, s->w[e - 1].start + s->w[e - 1].len,
					  s->ws->w[s->a + e].start);
		if (((open & DL_OPEN) && !(open & DL_PAREN) && (close & DL_CLOSE)) ||
			(open == DL_QUOTE && (close & DL_QUOTE)))
		{
			bool		inside = true;

			for (int k = i + 2; k < e && inside; k++)
				inside = plain(s, k);
			if (inside)
			{
				s->tags[i] = 0;
				s->tags[i + 1] = B_ORG;
			}
		}
		i = e - 1;
	}
}

void
ArTagOrgMarks(Seg *s)
{
	quoted_names(s);
	acronyms(s);
	datelines(s);
}

/*
 * The document step of acronyms: the memory key of an acronym found after
 * its organization, by its spelling skeleton; KEY_ACRONYM(0) tells that the
 * text has one.
 */
#define KEY_ACRONYM(skel) (ArMix64((uint64_t) (skel) ^ 0x6163726F6E796D73ULL))

ArStatus
ArDocOrgAcronymsLearn(ArDocMem *d, const char *text, const ArTagWords *ws,
					  int a, int b, const uint32_t *skel, const uint8_t *tags,
					  const ArEnv *env)
{
	ArStatus	rc = AR_OK;
	int			n = b - a;

	for (int i = 1; rc == AR_OK && i < n; i++)
		if (tags[i] == B_ORG && (i + 1 == n || !TAG_INSIDE(tags[i + 1])) &&
			tags[i - 1] != 0 && (tags[i - 1] - 1) / 2 == AR_ENT_ORGANIZATION &&
			bracketed(text, ws, a + i, false))
		{
			rc = ArDocMemAdd(d, KEY_ACRONYM(skel[i]), 1, env);
			if (rc == AR_OK)
				rc = ArDocMemAdd(d, KEY_ACRONYM(0), 1, env);
		}
	return rc;
}

void
ArDocOrgAcronymsApply(const ArDocMem *d, const ArTagWords *ws, int a, int b,
					  const uint32_t *skel, uint8_t *tags)
{
	int			n = b - a;

	(void) ws;
	(void) a;
	if (d == NULL || d->n == 0 || !ArDocMemGet(d, KEY_ACRONYM(0)))
		return;
	for (int i = 0; i < n; i++)
		if ((tags[i] == 0 || ((tags[i] & 1) && (i + 1 == n || !TAG_INSIDE(tags[i + 1])))) &&
			ArDocMemGet(d, KEY_ACRONYM(skel[i])))
			tags[i] = B_ORG;
}
