/*
 * src/core/ar_unicode.c
 *
 * Character classes that need ICU beyond the fixed tables of ar_unicode.h:
 * word characters of any script and Latin lower-casing.  Both answer ASCII
 * and the Arabic block without calling ICU.
 */
#include "ar_unicode.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

bool
ArIsWordChar(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	if (c >= 0x0600 && c <= 0x06FF)
	{
		/* letters, marks, tatweel and digits; not punctuation or symbols */
		return ArIsArabicLetter(c) || ArIsDiacritic(c) || c == AR_TATWEEL ||
			ArDigitValue(c) >= 0 || (c >= 0x06E5 && c <= 0x06E6);
	}
	if (c == 0x200C || c == 0x200D)
		return true;
	return u_hasBinaryProperty((UChar32) c, UCHAR_ALPHABETIC) ||
		u_isdigit((UChar32) c) ||
		(U_GET_GC_MASK((UChar32) c) & U_GC_M_MASK) != 0;
}

uint32_t
ArLatinLower(uint32_t c)
{
	UErrorCode	err = U_ZERO_ERROR;

	if (c < 0x80)
		return (c >= 'A' && c <= 'Z') ? c + 32 : c;
	/* Latin-1, Latin Extended A/B/Additional/C/D/E, fullwidth */
	if (!((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF) ||
		  (c >= 0x2C60 && c <= 0x2C7F) || (c >= 0xA720 && c <= 0xA7FF) ||
		  (c >= 0xFF21 && c <= 0xFF3A)))
		return c;
	if (uscript_getScript((UChar32) c, &err) != USCRIPT_LATIN || U_FAILURE(err))
		return c;
	return (uint32_t) u_tolower((UChar32) c);
}
