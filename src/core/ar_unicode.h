/*
 * src/core/ar_unicode.h
 *
 * UTF-8 decoding and encoding, and the character classes of the Arabic
 * engine.  Classes come from fixed tables written here (not the database
 * locale), so every function built on them is a pure function of its input
 * and the ICU version.  Decoding never reads past the end of its buffer:
 * an invalid or truncated sequence decodes as U+FFFD and consumes one byte.
 */
#ifndef AR_UNICODE_H
#define AR_UNICODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define AR_REPLACEMENT 0xFFFD

/*
 * Decodes one code point at s[0..len-1] (len >= 1) and stores its byte
 * length in *n.  Overlong forms, surrogates and values above U+10FFFF give
 * U+FFFD with *n = 1.
 */
static inline uint32_t
ArUtf8Decode(const unsigned char *s, size_t len, int *n)
{
	uint32_t	c = s[0];

	if (c < 0x80)
	{
		*n = 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80)
	{
		*n = 2;
		return ((c & 0x1F) << 6) | (s[1] & 0x3F);
	}
	if (c >= 0xE0 && c <= 0xEF && len >= 3 &&
		(s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x0F) << 12) | ((uint32_t) (s[1] & 0x3F) << 6) | (s[2] & 0x3F);

		if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF))
		{
			*n = 3;
			return cp;
		}
	}
	else if (c >= 0xF0 && c <= 0xF4 && len >= 4 &&
			 (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
			 (s[3] & 0xC0) == 0x80)
	{
		uint32_t	cp = ((c & 0x07) << 18) | ((uint32_t) (s[1] & 0x3F) << 12) |
			((uint32_t) (s[2] & 0x3F) << 6) | (s[3] & 0x3F);

		if (cp >= 0x10000 && cp <= 0x10FFFF)
		{
			*n = 4;
			return cp;
		}
	}
	*n = 1;
	return AR_REPLACEMENT;
}

/* Encodes cp (a valid scalar value) into out[0..3]; returns the length. */
static inline int
ArUtf8Encode(uint32_t cp, char *out)
{
	if (cp < 0x80)
	{
		out[0] = (char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		out[0] = (char) (0xC0 | (cp >> 6));
		out[1] = (char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		out[0] = (char) (0xE0 | (cp >> 12));
		out[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char) (0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char) (0xF0 | (cp >> 18));
	out[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Tatweel (kashida), U+0640. */
#define AR_TATWEEL 0x0640

/*
 * Arabic diacritics removed by the search profile: harakat and other marks
 * U+064B-065F, superscript alef U+0670, Quranic annotation marks
 * U+0610-061A and U+06D6-06ED, extended Arabic marks U+08D3-08FF except
 * the format character U+08E2.
 */
static inline bool
ArIsDiacritic(uint32_t c)
{
	return (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
		(c >= 0x0610 && c <= 0x061A) || (c >= 0x06D6 && c <= 0x06ED) ||
		(c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

/* The diacritics CAMeL Tools' dediac_ar removes: U+064B-0652 and U+0670. */
static inline bool
ArIsCamelDiacritic(uint32_t c)
{
	return (c >= 0x064B && c <= 0x0652) || c == 0x0670;
}

/*
 * Invisible format characters: soft hyphen, Arabic letter mark, Mongolian
 * vowel separator, zero-width space/non-joiner/joiner, LRM and RLM, the
 * bidi embeddings and overrides U+202A-202E, word joiner and invisible
 * operators U+2060-2064, the bidi isolates U+2066-2069, and the BOM.
 */
static inline bool
ArIsIgnorable(uint32_t c)
{
	return c == 0x00AD || c == 0x061C || c == 0x180E ||
		(c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
		(c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069) ||
		c == 0xFEFF;
}

/* Horizontal white space of every kind (line breaks excluded). */
static inline bool
ArIsSpace(uint32_t c)
{
	return c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C || c == 0xA0 ||
		c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
		c == 0x205F || c == 0x3000;
}

/* Line breaks: LF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
static inline bool
ArIsLineBreak(uint32_t c)
{
	return c == 0x0A || c == 0x0D || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Arabic presentation forms and ligatures: U+FB50-FDFF and U+FE70-FEFF. */
static inline bool
ArIsPresentationForm(uint32_t c)
{
	return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

/* Arabic letter proper (hamza to yeh, and the extended letters). */
static inline bool
ArIsArabicLetter(uint32_t c)
{
	return (c >= 0x0621 && c <= 0x063F) || (c >= 0x0641 && c <= 0x064A) ||
		(c >= 0x066E && c <= 0x066F) || (c >= 0x0671 && c <= 0x06D3) ||
		c == 0x06D5 || (c >= 0x06EE && c <= 0x06EF) ||
		(c >= 0x06FA && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
		(c >= 0x08A0 && c <= 0x08C9);
}

/* The value 0-9 of an ASCII, Arabic-Indic or extended Arabic-Indic digit, else -1. */
static inline int
ArDigitValue(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (int) (c - '0');
	if (c >= 0x0660 && c <= 0x0669)
		return (int) (c - 0x0660);
	if (c >= 0x06F0 && c <= 0x06F9)
		return (int) (c - 0x06F0);
	return -1;
}

/*
 * The letter folds of the tagger's word forms and gazetteer names: alef
 * forms (آ أ إ ٱ) to ا, alef maksura and Farsi yeh (ى ی) to ي, teh marbuta
 * (ة) to ه, keheh (ک) to ك; other code points unchanged.
 */
static inline uint32_t
ArFoldLetter(uint32_t c)
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
		case 0x06A9:
			return 0x0643;
		default:
			return c;
	}
}

/*
 * True when c is part of a word for the tokenizer: a letter or digit of any
 * script (ICU's alphabetic and numeric properties), a combining mark, tatweel,
 * or ZWNJ/ZWJ.  ASCII and the Arabic block are answered without ICU.
 */
extern bool ArIsWordChar(uint32_t c);

/* Simple lower-casing of Latin-script letters (ASCII without ICU). */
extern uint32_t ArLatinLower(uint32_t c);

#endif							/* AR_UNICODE_H */
