/*
 * src/core/ar_normalize.c
 *
 * The normalizer.  A text goes through two stages:
 *
 *  1. Unicode (only when a profile asks for it and the text needs it): the
 *     text is cut into chunks at normalization boundaries; in each chunk
 *     invisible characters and tatweel that the profile drops are removed
 *     first (so they cannot block composition), presentation forms are
 *     replaced by their compatibility decomposition (display/search) or
 *     CAMeL's two fixes are applied (camel), and ICU normalizes to NFC or
 *     NFKC.  Text whose characters are all quick-check "yes" with combining
 *     marks in canonical order skips this stage: that is most news text.
 *  2. Folds: one pass over the code points that drops or maps each one
 *     according to the flags and collapses white space.
 *
 *  3. Re-composition (NFC profiles, only after stage 1): a fold that drops
 *     a character can leave a base and a mark that NFC would combine (J +
 *     caron lower-cased to j + caron); the result is normalized to NFC once
 *     more so that every profile is idempotent.  The camel profile skips
 *     this: CAMeL Tools does not re-normalize after its folds.
 */
#include "ar_normalize.h"
#include "ar_unicode.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>

/* ---------------------------------------------------------------------
 * Profiles
 * --------------------------------------------------------------------- */

static const ArProfile profiles[] = {
	{"display", AR_PROFILE_DISPLAY,
	 "for storage and display: presentation forms and ligatures folded, "
	 "NFC (madda and hamza composed), tatweel, invisible and control "
	 "characters removed (ZWJ kept inside emoji), "
	 "spaces unified and collapsed, line breaks kept, trimmed; "
	 "letters and diacritics kept (at most 30 marks after a letter)"},
	{"search", AR_PROFILE_SEARCH,
	 "for matching and indexing: display, plus diacritics removed, "
	 "alef forms to bare alef, alef maksura to yeh, teh marbuta to heh, "
	 "Persian letters to Arabic, digits to ASCII, Arabic punctuation and "
	 "quote styles to ASCII, Latin lower-cased, all white space to one space"},
	{"camel", AR_PROFILE_CAMEL,
	 "byte-identical with CAMeL Tools: normalize_unicode (NFKC), dediac_ar, "
	 "normalize_alef_ar, normalize_alef_maksura_ar, normalize_teh_marbuta_ar"},
};

const ArProfile *
ArProfiles(int *count)
{
	*count = (int) (sizeof(profiles) / sizeof(profiles[0]));
	return profiles;
}

const ArProfile *
ArProfileLookup(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
	{
		if (strlen(profiles[i].name) == len &&
			memcmp(profiles[i].name, name, len) == 0)
			return &profiles[i];
	}
	return NULL;
}

const char *
ArProfileNames(void)
{
	return "display, search, camel";
}

const char *
ArIcuVersion(void)
{
	static char version[U_MAX_VERSION_STRING_LENGTH];
	UVersionInfo info;

	if (version[0] == '\0')
	{
		u_getVersion(info);
		u_versionToString(info, version);
	}
	return version;
}

/* ---------------------------------------------------------------------
 * Stage 1 helpers: quick check tables built from ICU, one 256-code-point
 * block at a time on first use.
 * --------------------------------------------------------------------- */

#define QC_NFC_NOT_YES	0x01	/* NFC quick check is No or Maybe */
#define QC_NFKC_NOT_YES	0x02	/* NFKC quick check is No or Maybe */
#define QC_READY		0x80

static uint8_t qc_table[0x10000];
static uint8_t ccc_table[0x10000];
static uint8_t ss_table[0x10000];
static bool qc_block_ready[256];

/*
 * Stream-safe information of a code point (UAX #15, section 13): how many
 * non-starters its full compatibility decomposition begins with (bits
 * 0-3) and ends with (bits 4-6), and SS_ALL when it is non-starters only
 * (a combining mark).  Counting these is what makes the mark-run cap
 * (AR_MAX_NONSTARTERS) invariant under NFC, NFKC and the folds.
 */
#define SS_LEAD(i)	((int) ((i) & 0x0F))
#define SS_TRAIL(i)	((int) (((i) >> 4) & 0x07))
#define SS_ALL		0x80

static uint8_t
ss_compute(uint32_t c)
{
	UErrorCode	err = U_ZERO_ERROR;
	const UNormalizer2 *nfkd = unorm2_getNFKDInstance(&err);
	UChar		dec[64];
	uint8_t		ccc[64];
	int32_t		n = -1;
	int			k = 0;
	int			lead = 0;
	int			trail = 0;

	if (U_SUCCESS(err))
		n = unorm2_getDecomposition(nfkd, (UChar32) c, dec, 64, &err);
	if (U_FAILURE(err) || n <= 0)
		ccc[k++] = u_getCombiningClass((UChar32) c);
	else
	{
		for (int32_t i = 0; i < n; i++)
		{
			uint32_t	d = dec[i];

			if (d >= 0xD800 && d <= 0xDBFF && i + 1 < n)
				d = 0x10000 + ((d - 0xD800) << 10) + (dec[++i] - 0xDC00);
			ccc[k++] = u_getCombiningClass((UChar32) d);
		}
	}
	while (lead < k && ccc[lead] != 0)
		lead++;
	while (trail < k && ccc[k - 1 - trail] != 0)
		trail++;
	if (lead == k)
		return (uint8_t) (SS_ALL | (lead > 15 ? 15 : lead) | ((lead > 7 ? 7 : lead) << 4));
	return (uint8_t) ((lead > 15 ? 15 : lead) | ((trail > 7 ? 7 : trail) << 4));
}

static void
qc_fill_block(uint32_t block)
{
	for (uint32_t c = block << 8; c < ((block + 1) << 8); c++)
	{
		uint8_t		f = QC_READY;

		if (u_getIntPropertyValue((UChar32) c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
			f |= QC_NFC_NOT_YES;
		if (u_getIntPropertyValue((UChar32) c, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES)
			f |= QC_NFKC_NOT_YES;
		qc_table[c] = f;
		ccc_table[c] = u_getCombiningClass((UChar32) c);
		ss_table[c] = ss_compute(c);
	}
	qc_block_ready[block] = true;
}

/* Stream-safe information (SS_LEAD, SS_TRAIL, SS_ALL) of any code point. */
static inline uint8_t
ss_lookup(uint32_t c)
{
	if (c < 0x10000)
	{
		if (!qc_block_ready[c >> 8])
			qc_fill_block(c >> 8);
		return ss_table[c];
	}
	return ss_compute(c);
}

/*
 * The mark-run cap.  run counts the non-starters since the last starter
 * (in decomposed form); a character that would take it past
 * AR_MAX_NONSTARTERS is refused (cap_next gives -1; the caller keeps its
 * count), so at most AR_MAX_NONSTARTERS combining marks follow any starter.  Unicode's
 * stream-safe text format uses the same count (and the same 30).
 */
static inline int
run_add(int run, uint8_t info)
{
	return (info & SS_ALL) ? run + SS_LEAD(info) : SS_TRAIL(info);
}

/* The count after a character with info, or -1 when it passes the cap. */
static inline int
cap_next(int run, uint8_t info)
{
	if (info == 0)
		return 0;				/* a starter that decomposes to starters */
	if (run + SS_LEAD(info) > AR_MAX_NONSTARTERS)
		return -1;
	return run_add(run, info);
}

/* Quick check flags and combining class of any code point. */
static inline uint8_t
qc_lookup(uint32_t c, uint8_t *ccc)
{
	if (c < 0x10000)
	{
		if (!qc_block_ready[c >> 8])
			qc_fill_block(c >> 8);
		*ccc = ccc_table[c];
		return qc_table[c];
	}
	else
	{
		uint8_t		f = QC_READY;

		if (u_getIntPropertyValue((UChar32) c, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
			f |= QC_NFC_NOT_YES;
		if (u_getIntPropertyValue((UChar32) c, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES)
			f |= QC_NFKC_NOT_YES;
		*ccc = u_getCombiningClass((UChar32) c);
		return f;
	}
}

/* ---------------------------------------------------------------------
 * Stage 2: folds
 * --------------------------------------------------------------------- */

#define FOLD_DROP 0xFFFFFFFFu

/*
 * C0 and C1 control characters other than tab, the line breaks and the two
 * that ArIsSpace counts as white space (VT, FF): what AR_F_IGNORABLES
 * removes besides the invisible format characters.
 */
static inline bool
is_dropped_control(uint32_t c)
{
	return (c < 0x20 && !(c >= 0x09 && c <= 0x0D)) ||
		(c >= 0x7F && c <= 0x9F && c != 0x85);
}

#define ZWJ 0x200D

/* May c stand before a ZWJ of an emoji sequence (👨‍👩, 👩🏽‍💻, 🏳️‍🌈)? */
static bool
emoji_before_zwj(uint32_t c)
{
	return c == 0xFE0F ||
		u_hasBinaryProperty((UChar32) c, UCHAR_EXTENDED_PICTOGRAPHIC) ||
		u_hasBinaryProperty((UChar32) c, UCHAR_EMOJI_MODIFIER);
}

/*
 * True when a ZWJ between prev (the last character kept before it, 0 for
 * none) and the text at next[0..left-1] joins an emoji sequence: prev is a
 * pictograph, an emoji modifier or VS16, and the next character is a
 * pictograph.  Such a ZWJ is kept by AR_F_IGNORABLES; every other goes.
 */
static bool
zwj_in_emoji(uint32_t prev, const unsigned char *next, size_t left)
{
	int			n;

	if (prev == 0 || left == 0 || !emoji_before_zwj(prev))
		return false;
	return u_hasBinaryProperty((UChar32) ArUtf8Decode(next, left, &n),
							   UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* The last code point of the UTF-8 text s[0..len-1] (len > 0). */
static uint32_t
last_code_point(const char *s, size_t len)
{
	size_t		i = len - 1;
	int			n;

	while (i > 0 && len - i < 4 && ((unsigned char) s[i] & 0xC0) == 0x80)
		i--;
	return ArUtf8Decode((const unsigned char *) s + i, len - i, &n);
}

/* The image of c under the folds in flags, or FOLD_DROP. */
static inline uint32_t
fold_char(uint32_t c, uint32_t f)
{
	if ((f & AR_F_IGNORABLES) && is_dropped_control(c))
		return FOLD_DROP;
	if (c < 0x80)
		return ((f & AR_F_LATIN_LOWER) && c >= 'A' && c <= 'Z') ? c + 32 : c;
	if ((f & AR_F_IGNORABLES) && ArIsIgnorable(c))
		return FOLD_DROP;
	if ((f & AR_F_TATWEEL) && c == AR_TATWEEL)
		return FOLD_DROP;
	if ((f & AR_F_DIACRITICS) && ArIsDiacritic(c))
		return FOLD_DROP;
	if ((f & AR_F_CAMEL_DIAC) && ArIsCamelDiacritic(c))
		return FOLD_DROP;
	if (c >= 0x0600 && c <= 0x06FF)
	{
		switch (c)
		{
			case 0x0622:		/* alef with madda above */
			case 0x0671:		/* alef wasla */
				return (f & AR_F_ALEF) ? 0x0627 : c;
			case 0x0623:		/* alef with hamza above */
			case 0x0625:		/* alef with hamza below */
				return (f & (AR_F_ALEF | AR_F_HAMZA)) ? 0x0627 : c;
			case 0x0624:		/* waw with hamza above */
				return (f & AR_F_HAMZA) ? 0x0648 : c;
			case 0x0626:		/* yeh with hamza above */
				return (f & AR_F_HAMZA) ? 0x064A : c;
			case 0x0649:		/* alef maksura */
				return (f & AR_F_YEH) ? 0x064A : c;
			case 0x0629:		/* teh marbuta */
				return (f & AR_F_TEH_MARBUTA) ? 0x0647 : c;
			case 0x06A9:		/* keheh */
				return (f & AR_F_FARSI) ? 0x0643 : c;
			case 0x06CC:		/* farsi yeh */
				return (f & AR_F_FARSI) ? 0x064A : c;
			case 0x06C1:		/* heh goal */
				return (f & AR_F_FARSI) ? 0x0647 : c;
			case 0x060C:		/* arabic comma */
			case 0x066C:		/* arabic thousands separator */
				return (f & AR_F_PUNCT) ? ',' : c;
			case 0x061B:		/* arabic semicolon */
				return (f & AR_F_PUNCT) ? ';' : c;
			case 0x061F:		/* arabic question mark */
				return (f & AR_F_PUNCT) ? '?' : c;
			case 0x066A:		/* arabic percent sign */
				return (f & AR_F_PUNCT) ? '%' : c;
			case 0x066B:		/* arabic decimal separator */
			case 0x06D4:		/* arabic full stop */
				return (f & AR_F_PUNCT) ? '.' : c;
			default:
				if ((f & AR_F_DIGITS) && ArDigitValue(c) >= 0)
					return '0' + (uint32_t) ArDigitValue(c);
				return c;
		}
	}
	if (f & AR_F_PUNCT)
	{
		switch (c)
		{
			case 0x00AB:		/* « */
			case 0x00BB:		/* » */
			case 0x201C:		/* “ */
			case 0x201D:		/* ” */
			case 0x201E:		/* „ */
			case 0x201F:		/* ‟ */
			case 0x2033:		/* ″ */
			case 0x2036:		/* ‶ */
			case 0x301D:		/* 〝 */
			case 0x301E:		/* 〞 */
			case 0x301F:		/* 〟 */
			case 0xFF02:		/* ＂ */
				return '"';
			case 0x2018:		/* ‘ */
			case 0x2019:		/* ’ */
			case 0x201A:		/* ‚ */
			case 0x201B:		/* ‛ */
			case 0x2032:		/* ′ */
			case 0x2035:		/* ‵ */
			case 0x2039:		/* ‹ */
			case 0x203A:		/* › */
			case 0xFF07:		/* ＇ */
				return '\'';
			default:
				break;
		}
	}
	if (f & AR_F_LATIN_LOWER)
		return ArLatinLower(c);
	return c;
}

/*
 * Per-profile lookup tables for the two hot ranges: ASCII and the Arabic
 * block U+0600-06FF (two-byte sequences D8-DB xx).  Built from fold_char()
 * and the quick-check tables the first time a flag combination is used.
 */
#define MAP_DROP	0xFFFF
#define INFO_QC_BAD	0x01		/* the Unicode stage may change this character */
#define INFO_WS		0x02		/* white space handled by the white space rules */
#define INFO_DROP	0x04		/* an ASCII character the folds drop */
#define INFO_MARK	0x08		/* combining class or stream-safe count not 0 */

typedef struct FoldTables
{
	uint32_t	flags;
	bool		ready;
	uint8_t		ascii[128];		/* image of each ASCII byte */
	uint8_t		ascii_info[128];
	uint16_t	arabic[256];	/* image of U+0600 + i, or MAP_DROP */
	uint8_t		arabic_info[256];
	uint8_t		arabic_ccc[256];
	uint8_t		arabic_ss[256]; /* stream-safe information (ss_lookup) */
} FoldTables;

static FoldTables tables_cache[16];

static const FoldTables *
fold_tables(uint32_t flags)
{
	uint8_t		bad = (flags & AR_F_NFKC_CAMEL) ? QC_NFKC_NOT_YES :
		(flags & AR_F_NFC) ? QC_NFC_NOT_YES : 0;
	bool		ws = (flags & (AR_F_SPACES | AR_F_SPACES_FLAT)) != 0;
	FoldTables *t = NULL;

	for (int k = 0; k < 16; k++)
	{
		if (tables_cache[k].ready && tables_cache[k].flags == flags)
			return &tables_cache[k];
		if (!tables_cache[k].ready && t == NULL)
			t = &tables_cache[k];
	}
	if (t == NULL)
		t = &tables_cache[flags % 16];	/* evict: tables are cheap to rebuild */
	t->ready = false;
	for (uint32_t c = 0; c < 128; c++)
	{
		uint32_t	m = fold_char(c, flags);

		t->ascii[c] = m == FOLD_DROP ? 0 : (uint8_t) m;
		t->ascii_info[c] = (ws && (ArIsSpace(c) || ArIsLineBreak(c))) ? INFO_WS :
			m == FOLD_DROP ? INFO_DROP : 0;
	}
	for (uint32_t i = 0; i < 256; i++)
	{
		uint32_t	c = 0x0600 + i;
		uint32_t	m = fold_char(c, flags);
		uint8_t		ccc;

		t->arabic[i] = m == FOLD_DROP ? MAP_DROP : (uint16_t) m;
		t->arabic_info[i] = (qc_lookup(c, &ccc) & bad) ? INFO_QC_BAD : 0;
		t->arabic_ccc[i] = ccc;
		t->arabic_ss[i] = ss_lookup(c);
		if (ccc != 0 || t->arabic_ss[i] != 0)
			t->arabic_info[i] |= INFO_MARK;
	}
	t->flags = flags;
	t->ready = true;
	return t;
}

/* White space state carried across the chunks of one text. */
typedef struct FoldState
{
	bool		started;		/* something visible was emitted */
	bool		pending_space;
	int			pending_breaks; /* line breaks seen since the last output */
	bool		after_cr;		/* the last white space was a CR */
	bool		after_icu;		/* input comes from the Unicode stage, which
								 * already decided each ZWJ */
} FoldState;

#define AR_NEED_UNICODE ((ArStatus) -1)


/*
 * fold_run appends the folds of s[0..len-1] to out.  With white space flags
 * the text is trimmed: white space before the first visible character and
 * after the last is never emitted.
 *
 * With check set, it also decides whether the Unicode stage would change
 * the text, and returns AR_NEED_UNICODE as soon as it would (out is then
 * left with a partial result for the caller to discard).  The stage is
 * needed for a character that is not quick-check "yes" (whether or not the
 * folds drop it), combining marks out of canonical order among the
 * characters the folds keep (dropped ones are transparent, so marks that a
 * dropped character separated are compared), a presentation form (NFC
 * profiles) or U+FDFD (camel).  Text that passes comes out of the folds in
 * NFC.
 */
static ArStatus
fold_run(const unsigned char *s, size_t len, uint32_t flags, bool check,
		 FoldState *st, ArBuf *out, const ArEnv *env)
{
	const FoldTables *t = fold_tables(flags);
	uint8_t		bad = (flags & AR_F_NFKC_CAMEL) ? QC_NFKC_NOT_YES : QC_NFC_NOT_YES;
	bool		flat = (flags & AR_F_SPACES_FLAT) != 0;
	bool		started = st->started;
	bool		pending_space = st->pending_space;
	int			pending_breaks = st->pending_breaks;
	bool		after_cr = st->after_cr;
	uint8_t		last_ccc = 0;
	int			run = 0;		/* kept non-starters since the last starter */
	size_t		i = 0;
	size_t		next_check = AR_INTERRUPT_STRIDE;
	size_t		olen;			/* out->len and out->cap, kept in registers */
	size_t		ocap;
	ArStatus	rc = AR_OK;

	/* most folds keep or shrink the text: try to make room for all of it */
	(void) ArBufReserve(out, len, env);
	olen = out->len;
	ocap = out->cap;

	while (i < len)
	{
		uint32_t	c;
		int			n;
		size_t		need;

		ArInterruptPoint(env, i, &next_check);
		if (s[i] < 0x80)
		{
			c = s[i++];
			if (t->ascii_info[c] & (INFO_WS | INFO_DROP))
			{
				if (t->ascii_info[c] & INFO_WS)
					goto white_space;
				continue;
			}
			c = t->ascii[c];
			last_ccc = 0;
			run = 0;
		}
		else if (s[i] >= 0xD8 && s[i] <= 0xDB && i + 1 < len &&
				 (s[i + 1] & 0xC0) == 0x80)
		{
			uint32_t	k = ((uint32_t) (s[i] & 0x03) << 6) | (s[i + 1] & 0x3F);

			i += 2;
			if (check && (t->arabic_info[k] & INFO_QC_BAD))
			{
				rc = AR_NEED_UNICODE;
				break;
			}
			if (t->arabic[k] == MAP_DROP)
				continue;
			if (check && (t->arabic_info[k] & INFO_MARK))
			{
				/* a mark, or a letter that decomposes to one (أ) */
				if ((run = cap_next(run, t->arabic_ss[k])) < 0 ||
					(t->arabic_ccc[k] && t->arabic_ccc[k] < last_ccc))
				{
					rc = AR_NEED_UNICODE;
					break;
				}
				last_ccc = t->arabic_ccc[k];
			}
			else
			{
				last_ccc = 0;
				run = 0;
			}
			c = t->arabic[k];
		}
		else
		{
			uint32_t	m;

			c = ArUtf8Decode(s + i, len - i, &n);
			i += n;
			if ((flags & (AR_F_SPACES | AR_F_SPACES_FLAT)) &&
				(ArIsSpace(c) || ArIsLineBreak(c)))
				goto white_space;
			if (c == ZWJ && (flags & AR_F_IGNORABLES))
			{
				/* kept inside an emoji sequence (see zwj_in_emoji) */
				if (!st->after_icu &&
					(!started || pending_space || pending_breaks ||
					 !zwj_in_emoji(last_code_point(out->data, olen), s + i, len - i)))
					continue;
				m = c;
				last_ccc = 0;
				run = 0;
			}
			else if (check)
			{
				uint8_t		ccc;

				if ((qc_lookup(c, &ccc) & bad) ||
					((flags & AR_F_NFC) && ArIsPresentationForm(c)) ||
					((flags & AR_F_NFKC_CAMEL) && c == 0xFDFD))
				{
					rc = AR_NEED_UNICODE;
					break;
				}
				m = fold_char(c, flags);
				if (m == FOLD_DROP)
					continue;
				if (ccc != 0 && ccc < last_ccc)
				{
					rc = AR_NEED_UNICODE;
					break;
				}
				if ((run = cap_next(run, ss_lookup(c))) < 0)
				{
					rc = AR_NEED_UNICODE;
					break;
				}
				last_ccc = ccc;
			}
			else
			{
				m = fold_char(c, flags);
				if (m == FOLD_DROP)
					continue;
			}
			c = m;
		}

		/* emit pending white space, then c (at most 2 + 4 bytes) */
		if (ocap - olen >= 8)
			need = 0;
		else
			need = (c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4) +
				(started ? (pending_breaks ? (size_t) pending_breaks : pending_space) : 0);
		if (ocap - olen < need)
		{
			out->len = olen;
			if (ArBufReserve(out, need + (len - i), env) != AR_OK &&
				(rc = ArBufReserve(out, need, env)) != AR_OK)
				break;
			ocap = out->cap;
		}
		if ((pending_breaks | pending_space) && started)
		{
			if (pending_breaks)
			{
				out->data[olen++] = '\n';
				if (pending_breaks > 1)
					out->data[olen++] = '\n';
			}
			else
				out->data[olen++] = ' ';
		}
		pending_breaks = 0;
		pending_space = false;
		after_cr = false;
		started = true;
		if (c < 0x80)
			out->data[olen++] = (char) c;
		else
			olen += ArUtf8Encode(c, out->data + olen);
		continue;

white_space:
		if (flat || ArIsSpace(c))
			pending_space = true;
		else if (!(c == '\n' && after_cr) && pending_breaks < 2)
			pending_breaks++;
		after_cr = (c == '\r');
		last_ccc = 0;
		run = 0;
	}
	out->len = olen;
	st->started = started;
	st->pending_space = pending_space;
	st->pending_breaks = pending_breaks;
	st->after_cr = after_cr;
	return rc;
}

/* True when the Unicode stage would change s (see fold_run). */
static bool
needs_unicode_stage(const unsigned char *s, size_t len, uint32_t flags,
					const ArEnv *env)
{
	ArBuf		scratch = {0};
	FoldState	st = {0};
	ArStatus	rc = fold_run(s, len, flags, true, &st, &scratch, env);

	ArBufFree(&scratch, env);
	return rc == AR_NEED_UNICODE;
}

/* ---------------------------------------------------------------------
 * Stage 1: the Unicode stage, chunk by chunk
 * --------------------------------------------------------------------- */

typedef struct U16Buf
{
	UChar	   *data;
	int32_t		len;
	int32_t		cap;
} U16Buf;

static ArStatus
u16_reserve(U16Buf *b, size_t extra, const ArEnv *env)
{
	size_t		need = (size_t) b->len + extra;
	size_t		cap;
	UChar	   *p;

	if (need <= (size_t) b->cap)
		return AR_OK;
	cap = b->cap ? (size_t) b->cap * 2 : 1024;
	while (cap < need)
		cap *= 2;
	if (cap > (size_t) INT32_MAX / 2 || cap * sizeof(UChar) > env->max_size)
		return AR_ERR_TOO_LARGE;
	p = env->realloc_fn(env->ctx, b->data, cap * sizeof(UChar));
	if (p == NULL)
		return AR_ERR_NOMEM;
	b->data = p;
	b->cap = (int32_t) cap;
	return AR_OK;
}

static inline void
u16_put(U16Buf *b, uint32_t c)
{
	if (c < 0x10000)
		b->data[b->len++] = (UChar) c;
	else
	{
		b->data[b->len++] = (UChar) (0xD7C0 + (c >> 10));
		b->data[b->len++] = (UChar) (0xDC00 | (c & 0x3FF));
	}
}

static ArStatus
u16_put_utf8(U16Buf *b, const char *s, const ArEnv *env)
{
	size_t		len = strlen(s);
	size_t		i = 0;
	ArStatus	rc;

	if ((rc = u16_reserve(b, len, env)) != AR_OK)
		return rc;
	while (i < len)
	{
		int			n;

		u16_put(b, ArUtf8Decode((const unsigned char *) s + i, len - i, &n));
		i += n;
	}
	return AR_OK;
}

/* Does the Unicode stage remove c before ICU sees it? */
static inline bool
dropped_before_icu(uint32_t c, uint32_t flags)
{
	return ((flags & AR_F_IGNORABLES) && (ArIsIgnorable(c) || is_dropped_control(c))) ||
		((flags & AR_F_TATWEEL) && c == AR_TATWEEL);
}

/*
 * Appends code point c to the ICU input with the profile's replacements: a
 * presentation form by its compatibility decomposition (NFC profiles),
 * U+FDFC and U+FDFD by CAMeL's spellings (camel).
 */
static ArStatus
u16_put_replaced(U16Buf *b, uint32_t c, uint32_t flags,
				 const UNormalizer2 *nfkc, const ArEnv *env)
{
	ArStatus	rc;

	if ((flags & AR_F_NFC) && ArIsPresentationForm(c))
	{
		UChar		dec[32];
		UErrorCode	err = U_ZERO_ERROR;
		int32_t		dlen = unorm2_getDecomposition(nfkc, (UChar32) c, dec, 32, &err);

		if (U_SUCCESS(err) && dlen > 0)
		{
			if ((rc = u16_reserve(b, (size_t) dlen, env)) != AR_OK)
				return rc;
			memcpy(b->data + b->len, dec, dlen * sizeof(UChar));
			b->len += dlen;
			return AR_OK;
		}
	}
	else if ((flags & AR_F_NFKC_CAMEL) && (c == 0xFDFC || c == 0xFDFD))
	{
		/* CAMeL's normalize_unicode replaces these two before NFKC */
		return u16_put_utf8(b, c == 0xFDFC ? "\xD8\xB1\xD9\x8A\xD8\xA7\xD9\x84" :
							"\xD8\xA8\xD8\xB3\xD9\x85 \xD8\xA7\xD9\x84\xD9\x84\xD9\x87 "
							"\xD8\xA7\xD9\x84\xD8\xB1\xD8\xAD\xD9\x85\xD9\x86 "
							"\xD8\xA7\xD9\x84\xD8\xB1\xD8\xAD\xD9\x8A\xD9\x85", env);
	}
	if ((rc = u16_reserve(b, 2, env)) != AR_OK)
		return rc;
	u16_put(b, c);
	return AR_OK;
}

/* Appends the UTF-8 form of u[0..len-1] to out. */
static ArStatus
u16_to_utf8(const UChar *u, int32_t len, ArBuf *out, const ArEnv *env)
{
	ArStatus	rc;

	if ((rc = ArBufReserve(out, (size_t) len * 3, env)) != AR_OK)
		return rc;
	for (int32_t i = 0; i < len; i++)
	{
		uint32_t	c = u[i];

		if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len &&
			u[i + 1] >= 0xDC00 && u[i + 1] <= 0xDFFF)
		{
			c = 0x10000 + ((c - 0xD800) << 10) + (u[i + 1] - 0xDC00);
			i++;
		}
		else if (c >= 0xD800 && c <= 0xDFFF)
			c = AR_REPLACEMENT;
		out->len += ArUtf8Encode(c, out->data + out->len);
	}
	return AR_OK;
}

/*
 * One piece of ICU input: normalized by ICU, converted to UTF-8 and folded
 * onto out.  src is emptied.
 */
static ArStatus
flush_piece(const UNormalizer2 *norm, U16Buf *src, U16Buf *dst, ArBuf *mid,
			uint32_t flags, FoldState *st, ArBuf *out, const ArEnv *env)
{
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		n;
	ArStatus	rc;

	if (src->len == 0)
		return AR_OK;
	ArCheckInterrupts(env);
	dst->len = 0;
	if ((rc = u16_reserve(dst, (size_t) src->len * 2 + 16, env)) != AR_OK)
		return rc;
	n = unorm2_normalize(norm, src->data, src->len, dst->data, dst->cap, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR)
	{
		if ((rc = u16_reserve(dst, (size_t) n + 16, env)) != AR_OK)
			return rc;
		err = U_ZERO_ERROR;
		n = unorm2_normalize(norm, src->data, src->len, dst->data, dst->cap, &err);
	}
	if (U_FAILURE(err))
		return AR_ERR_ICU;
	src->len = 0;
	mid->len = 0;
	if ((rc = u16_to_utf8(dst->data, n, mid, env)) != AR_OK)
		return rc;
	return fold_run((const unsigned char *) mid->data, mid->len, flags, false, st, out, env);
}

/*
 * The Unicode stage and the folds over the whole text, in pieces: the text
 * is read one code point at a time into an ICU input buffer, without what
 * the profile removes before ICU (invisible characters, controls, tatweel;
 * a ZWJ only outside emoji sequences), with the profile's replacements, and
 * with the mark-run cap (cap_next): a combining mark that follows
 * AR_MAX_NONSTARTERS others after the same starter is dropped.  Two counts
 * decide that: marks the folds keep (run_keep, what the output shows) and
 * every mark ICU would see (run_icu; a mark the folds drop anyway goes
 * once that count is full), so no ICU call ever reorders a run longer than
 * 2 * AR_MAX_NONSTARTERS.  The buffer goes to ICU (flush_piece) once it
 * holds PIECE_UNITS code units and the next character starts a new
 * normalization segment, or regardless at PIECE_MAX_UNITS (only a text
 * with no segment boundary in 128K characters, which real text never has,
 * sees that cut).  So every ICU call is bounded, and the interrupt
 * callback runs between calls and every AR_INTERRUPT_STRIDE input bytes.
 */
#define PIECE_UNITS		((int32_t) 32 * 1024)
#define PIECE_MAX_UNITS	((int32_t) 128 * 1024)

static ArStatus
unicode_stage_and_folds(const unsigned char *s, size_t len, uint32_t flags,
						ArBuf *out, const ArEnv *env)
{
	UErrorCode	err = U_ZERO_ERROR;
	const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&err);
	const UNormalizer2 *norm = (flags & AR_F_NFKC_CAMEL) ? nfkc :
		unorm2_getNFCInstance(&err);
	U16Buf		src = {0};
	U16Buf		dst = {0};
	ArBuf		mid = {0};
	FoldState	st = {0};
	ArStatus	rc = AR_OK;
	size_t		i = 0;
	size_t		next_check = AR_INTERRUPT_STRIDE;
	int			run_keep = 0;
	int			run_icu = 0;
	uint32_t	prev = 0;		/* last code point kept and not folded away */
	const FoldTables *t = fold_tables(flags);

	if (U_FAILURE(err))
		return AR_ERR_ICU;
	st.after_icu = true;
	/* UTF-16 takes at most one unit per UTF-8 byte; replacements reserve more */
	if ((rc = u16_reserve(&src, (len < (size_t) PIECE_MAX_UNITS ? len : (size_t) PIECE_MAX_UNITS) + 64,
						  env)) != AR_OK)
		return rc;

	while (i < len && rc == AR_OK)
	{
		int			n;
		uint32_t	c;
		uint8_t		ss;
		bool		folded_away;
		int			nk;

		ArInterruptPoint(env, i, &next_check);
		if (s[i] < 0x80)
		{
			/* ASCII: a starter with a boundary before it, never replaced */
			c = s[i++];
			if (t->ascii_info[c] & INFO_DROP)
				continue;		/* a control the profile removes */
			run_keep = run_icu = 0;
			prev = c;
			if (src.len >= PIECE_UNITS)
				rc = flush_piece(norm, &src, &dst, &mid, flags, &st, out, env);
			if (src.len >= src.cap && rc == AR_OK)
				rc = u16_reserve(&src, 64, env);
			if (rc != AR_OK)
				break;
			src.data[src.len++] = (UChar) c;
			continue;
		}
		if (s[i] >= 0xD8 && s[i] <= 0xDB && i + 1 < len && (s[i + 1] & 0xC0) == 0x80)
		{
			/* the Arabic block, from the tables, unless the folds drop it */
			uint32_t	k = ((uint32_t) (s[i] & 0x03) << 6) | (s[i + 1] & 0x3F);

			if (t->arabic[k] != MAP_DROP)
			{
				c = 0x0600 + k;
				i += 2;
				if ((nk = cap_next(run_keep, t->arabic_ss[k])) < 0)
					continue;
				run_keep = nk;
				run_icu = run_add(run_icu, t->arabic_ss[k]);
				prev = c;
				if (src.len >= PIECE_MAX_UNITS ||
					(src.len >= PIECE_UNITS && unorm2_hasBoundaryBefore(norm, (UChar32) c)))
					rc = flush_piece(norm, &src, &dst, &mid, flags, &st, out, env);
				if (src.len >= src.cap && rc == AR_OK)
					rc = u16_reserve(&src, 64, env);
				if (rc != AR_OK)
					break;
				src.data[src.len++] = (UChar) c;
				continue;
			}
		}
		c = ArUtf8Decode(s + i, len - i, &n);
		i += n;
		if (dropped_before_icu(c, flags) &&
			!(c == ZWJ && (flags & AR_F_IGNORABLES) && zwj_in_emoji(prev, s + i, len - i)))
			continue;
		ss = ss_lookup(c);
		folded_away = c != ZWJ && fold_char(c, flags) == FOLD_DROP;
		if (!folded_away)
		{
			if ((nk = cap_next(run_keep, ss)) < 0)
				continue;
			run_keep = nk;
		}
		else if (run_icu + SS_LEAD(ss) > AR_MAX_NONSTARTERS)
			continue;
		run_icu = run_add(run_icu, ss);
		if (!folded_away)
			prev = c;

		if (src.len >= PIECE_MAX_UNITS ||
			(src.len >= PIECE_UNITS && unorm2_hasBoundaryBefore(norm, (UChar32) c)))
			rc = flush_piece(norm, &src, &dst, &mid, flags, &st, out, env);
		if (rc == AR_OK)
			rc = u16_put_replaced(&src, c, flags, nfkc, env);
	}
	if (rc == AR_OK)
		rc = flush_piece(norm, &src, &dst, &mid, flags, &st, out, env);
	if (src.data)
		env->free_fn(env->ctx, src.data);
	if (dst.data)
		env->free_fn(env->ctx, dst.data);
	ArBufFree(&mid, env);
	return rc;
}

/*
 * Normalizes out->data[from..] to NFC again when the folds left it
 * unnormalized (see stage 3 above).
 */
static ArStatus
recompose(ArBuf *out, size_t from, const ArEnv *env)
{
	ArBuf		tmp = {0};
	ArStatus	rc;

	if (out->len == from)
		return AR_OK;			/* nothing came out (out->data may be NULL) */
	if (!needs_unicode_stage((const unsigned char *) out->data + from,
							 out->len - from, AR_F_NFC, env))
		return AR_OK;
	rc = ArBufAppend(&tmp, out->data + from, out->len - from, env);
	if (rc == AR_OK)
	{
		out->len = from;
		rc = unicode_stage_and_folds((const unsigned char *) tmp.data, tmp.len,
									 AR_F_NFC, out, env);
	}
	ArBufFree(&tmp, env);
	return rc;
}

ArStatus
ArNormalize(const char *in, size_t len, uint32_t flags, ArBuf *out,
			const ArEnv *env)
{
	const unsigned char *s = (const unsigned char *) in;
	FoldState	st = {0};
	size_t		from = out->len;
	ArStatus	rc;

	/* one pass that folds and checks; restart through ICU when needed */
	rc = fold_run(s, len, flags, (flags & (AR_F_NFC | AR_F_NFKC_CAMEL)) != 0,
				  &st, out, env);
	if (rc != AR_NEED_UNICODE)
		return rc;
	out->len = from;
	rc = unicode_stage_and_folds(s, len, flags, out, env);
	if (rc == AR_OK && (flags & AR_F_NFC) && flags != AR_F_NFC)
		rc = recompose(out, from, env);
	return rc;
}

void
ArFoldAlefInPlace(char *s, size_t len)
{
	unsigned char *u = (unsigned char *) s;

	/* D8 and D9 are lead bytes in valid UTF-8: no false match mid-character */
	for (size_t i = 0; i + 1 < len; i++)
	{
		if (u[i] == 0xD8 && (u[i + 1] == 0xA2 || u[i + 1] == 0xA3 || u[i + 1] == 0xA5))
			u[++i] = 0xA7;		/* U+0622 U+0623 U+0625 to U+0627 */
		else if (u[i] == 0xD9 && u[i + 1] == 0xB1)
		{
			u[i] = 0xD8;		/* U+0671 to U+0627 */
			u[++i] = 0xA7;
		}
	}
}
