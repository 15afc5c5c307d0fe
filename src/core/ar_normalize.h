/*
 * src/core/ar_normalize.h
 *
 * The Arabic normalizer: a set of independent folds (flags) and the named
 * profiles built from them.  One call runs the Unicode stage through ICU
 * only when the text needs it, then every character fold in a single pass.
 */
#ifndef AR_NORMALIZE_H
#define AR_NORMALIZE_H

#include "ar_env.h"

/* Unicode stage (at most one of the first two) */
#define AR_F_NFC			(1u << 0)	/* NFC, presentation forms folded */
#define AR_F_NFKC_CAMEL		(1u << 1)	/* NFKC with CAMeL's two fixes */
/* character folds */
#define AR_F_IGNORABLES		(1u << 2)	/* drop zero-width and bidi controls and
										 * C0/C1 controls (not tab or line
										 * breaks); ZWJ kept inside emoji */
#define AR_F_SPACES			(1u << 3)	/* spaces collapsed, line breaks kept, trim */
#define AR_F_SPACES_FLAT	(1u << 4)	/* all white space to one space, trim */
#define AR_F_TATWEEL		(1u << 5)	/* drop tatweel */
#define AR_F_DIACRITICS		(1u << 6)	/* drop Arabic diacritics (ArIsDiacritic) */
#define AR_F_CAMEL_DIAC		(1u << 7)	/* drop U+064B-0652, U+0670 */
#define AR_F_ALEF			(1u << 8)	/* أ إ آ ٱ to ا */
#define AR_F_YEH			(1u << 9)	/* ى to ي */
#define AR_F_TEH_MARBUTA	(1u << 10)	/* ة to ه */
#define AR_F_HAMZA			(1u << 11)	/* ؤ to و, ئ to ي, أ إ to ا */
#define AR_F_FARSI			(1u << 12)	/* ک ی ہ to ك ي ه */
#define AR_F_DIGITS			(1u << 13)	/* Arabic-Indic digits to ASCII */
#define AR_F_PUNCT			(1u << 14)	/* Arabic punctuation, quote styles */
#define AR_F_LATIN_LOWER	(1u << 15)	/* Latin letters to lower case */

#define AR_PROFILE_DISPLAY \
	(AR_F_NFC | AR_F_IGNORABLES | AR_F_SPACES | AR_F_TATWEEL)
#define AR_PROFILE_SEARCH \
	(AR_F_NFC | AR_F_IGNORABLES | AR_F_SPACES_FLAT | AR_F_TATWEEL | \
	 AR_F_DIACRITICS | AR_F_ALEF | AR_F_YEH | AR_F_TEH_MARBUTA | \
	 AR_F_FARSI | AR_F_DIGITS | AR_F_PUNCT | AR_F_LATIN_LOWER)
#define AR_PROFILE_CAMEL \
	(AR_F_NFKC_CAMEL | AR_F_CAMEL_DIAC | AR_F_ALEF | AR_F_YEH | \
	 AR_F_TEH_MARBUTA)
/* arabic_normalize_unicode(): the Unicode part of display */
#define AR_STEP_UNICODE		(AR_F_NFC | AR_F_IGNORABLES | AR_F_SPACES)

typedef struct ArProfile
{
	const char *name;
	uint32_t	flags;
	const char *description;
} ArProfile;

/* The profiles, in display order; *count receives their number. */
extern const ArProfile *ArProfiles(int *count);

/* The profile called name (exact, case-sensitive), or NULL. */
extern const ArProfile *ArProfileLookup(const char *name, size_t len);

/* "display, search, camel": for error messages. */
extern const char *ArProfileNames(void);

/*
 * The mark-run cap: at most this many combining marks (non-starters, as
 * Unicode's stream-safe text format counts them) follow one starter in the
 * output of a profile with a Unicode stage; further marks are dropped.  No
 * real text comes near it; it bounds the work of every ICU call.
 */
#define AR_MAX_NONSTARTERS 30

/*
 * ArNormalize appends the normalization of in[0..len-1] under flags to out
 * (which the caller owns and frees through env).  Invalid UTF-8 bytes come
 * out as U+FFFD.  Time and extra memory are linear in len; env's interrupt
 * callback runs every AR_INTERRUPT_STRIDE bytes.
 */
extern ArStatus ArNormalize(const char *in, size_t len, uint32_t flags,
							ArBuf *out, const ArEnv *env);

/*
 * ArFoldAlefInPlace applies AR_F_ALEF to the valid UTF-8 text s[0..len-1]
 * in place: أ إ آ ٱ become ا, which has the same length, so the text keeps
 * its length.  Same result as ArNormalize with AR_F_ALEF alone.
 */
extern void ArFoldAlefInPlace(char *s, size_t len);

/* The ICU version string, e.g. "72.1". */
extern const char *ArIcuVersion(void);

#endif							/* AR_NORMALIZE_H */
