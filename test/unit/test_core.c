/*
 * test/unit/test_core.c
 *
 * Unit tests of the PostgreSQL-free engine in src/core: UTF-8 decoding and
 * encoding, every fold flag and profile of ArNormalize (exact output bytes),
 * white space rules, the ICU stage against the fast path, chunking across
 * the 64 KiB chunk size, invalid UTF-8, the interrupt callback, max_size
 * and allocation failures, ArTokenize word boundaries and ArSegmentWord.
 * The harness (harness.h) prints "ok N - ..." / "not ok N - ..." with
 * got/expected as "#" lines, then "# N passed, N failed"; the exit status
 * is 1 when anything failed.  No timed assertions (see test/bench/).
 *
 * Expected strings are written with \u escapes (UTF-8 in the execution
 * character set); \x is used only where \u is not allowed (below U+00A0)
 * and is always closed by a string break so it cannot swallow the next
 * character.
 *
 * Build: gcc -O1 -g -Wall -Wextra -Werror -fsanitize=address,undefined \
 *          -Isrc/core test/unit/test_core.c src/core/ar_*.c -licuuc
 */
#include "ar_env.h"
#include "ar_normalize.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---------------------------------------------------------------------
 * Checks of byte strings and integers (check() is in harness.h)
 * --------------------------------------------------------------------- */

static void
dump_bytes(const char *label, const char *s, size_t len)
{
	size_t		shown = len > 96 ? 96 : len;

	printf("#   %s (%zu bytes):", label, len);
	for (size_t i = 0; i < shown; i++)
		printf(" %02X", (unsigned char) s[i]);
	if (shown < len)
		printf(" ...");
	printf("\n");
}

static bool
check_bytes(const char *got, size_t glen, const char *exp, size_t elen,
			const char *desc)
{
	bool		same = glen == elen && (elen == 0 || memcmp(got, exp, elen) == 0);

	if (!check(same, "%s", desc))
	{
		size_t		k = 0;

		while (k < glen && k < elen && got[k] == exp[k])
			k++;
		printf("#   first difference at byte %zu\n", k);
		dump_bytes("got     ", got, glen);
		dump_bytes("expected", exp, elen);
	}
	return same;
}

static bool
check_int(long long got, long long exp, const char *desc)
{
	if (!check(got == exp, "%s", desc))
	{
		printf("#   got      %lld (0x%llX)\n", got, got);
		printf("#   expected %lld (0x%llX)\n", exp, exp);
		return false;
	}
	return true;
}

/* ---------------------------------------------------------------------
 * Helpers
 * --------------------------------------------------------------------- */

/* Normalizes in[0..len-1]; the caller frees out with ArBufFree. */
static ArStatus
norm_len(const char *in, size_t len, uint32_t flags, ArBuf *out)
{
	memset(out, 0, sizeof(*out));
	return ArNormalize(in, len, flags, out, ArMallocEnv());
}

/* Checks that normalizing the C string in under flags gives exactly exp. */
static void
norm_is(const char *desc, const char *in, uint32_t flags, const char *exp)
{
	ArBuf		out;
	ArStatus	st = norm_len(in, strlen(in), flags, &out);

	if (st != AR_OK)
		check(false, "%s (status %s)", desc, ArStatusMessage(st));
	else
		check_bytes(out.data, out.len, exp, strlen(exp), desc);
	ArBufFree(&out, ArMallocEnv());
}

/* The same with explicit lengths (NUL bytes, invalid UTF-8). */
static void
norm_is_len(const char *desc, const char *in, size_t ilen, uint32_t flags,
			const char *exp, size_t elen)
{
	ArBuf		out;
	ArStatus	st = norm_len(in, ilen, flags, &out);

	if (st != AR_OK)
		check(false, "%s (status %s)", desc, ArStatusMessage(st));
	else
		check_bytes(out.data, out.len, exp, elen, desc);
	ArBufFree(&out, ArMallocEnv());
}

/* Two spellings of the same text normalize to the same bytes, and to exp. */
static void
norm_same(const char *desc, const char *a, const char *b, uint32_t flags,
		  const char *exp)
{
	ArBuf		oa,
				ob;
	char		d[256];

	norm_len(a, strlen(a), flags, &oa);
	norm_len(b, strlen(b), flags, &ob);
	snprintf(d, sizeof(d), "%s: both spellings agree", desc);
	check_bytes(oa.data, oa.len, ob.data, ob.len, d);
	snprintf(d, sizeof(d), "%s: expected bytes", desc);
	check_bytes(oa.data, oa.len, exp, strlen(exp), d);
	ArBufFree(&oa, ArMallocEnv());
	ArBufFree(&ob, ArMallocEnv());
}

/* A growable string for building long inputs. */
typedef struct Str
{
	char	   *p;
	size_t		len;
	size_t		cap;
} Str;

static void
str_add(Str *s, const char *bytes, size_t n)
{
	if (s->len + n + 1 > s->cap)
	{
		size_t		cap = s->cap ? s->cap : 1024;

		while (cap < s->len + n + 1)
			cap *= 2;
		s->p = realloc(s->p, cap);
		if (!s->p)
			abort();
		s->cap = cap;
	}
	memcpy(s->p + s->len, bytes, n);
	s->len += n;
	s->p[s->len] = '\0';
}

static void
str_adds(Str *s, const char *cstr)
{
	str_add(s, cstr, strlen(cstr));
}

/* ASCII filler of exactly n bytes: words of 1-7 letters, single spaces,
 * never starting or ending with a space. */
static void
str_filler(Str *s, size_t n)
{
	static const char pat[] = "lorem ipsum dolor sit amet consectetur adipiscing elit ";
	size_t		k = 0;

	for (size_t i = 0; i < n; i++)
	{
		char		c = pat[k++ % (sizeof(pat) - 1)];

		if (c == ' ' && (i == 0 || i + 1 == n))
			c = 'x';
		str_add(s, &c, 1);
	}
}

/* ---------------------------------------------------------------------
 * UTF-8 decoding and encoding
 * --------------------------------------------------------------------- */

static void
decode_is(const char *desc, const char *bytes, size_t len, uint32_t exp_cp,
		  int exp_n)
{
	/* an exact-size heap copy, so ASan sees any read past len */
	unsigned char *b = malloc(len);
	int			n = -1;
	uint32_t	cp;

	memcpy(b, bytes, len);
	cp = ArUtf8Decode(b, len, &n);
	if (!check(cp == exp_cp && n == exp_n, "ArUtf8Decode %s", desc))
		printf("#   got U+%04X n=%d, expected U+%04X n=%d\n",
			   (unsigned) cp, n, (unsigned) exp_cp, exp_n);
	free(b);
}

static void
test_utf8(void)
{
	/* valid 1-4 byte sequences, including the ends of each range */
	decode_is("1 byte NUL", "\0", 1, 0x00, 1);
	decode_is("1 byte 'A'", "A", 1, 0x41, 1);
	decode_is("1 byte U+007F", "\x7F", 1, 0x7F, 1);
	decode_is("2 bytes U+0080", "\xC2\x80", 2, 0x80, 2);
	decode_is("2 bytes U+00E9", "\xC3\xA9", 2, 0xE9, 2);
	decode_is("2 bytes U+0627 alef", "\xD8\xA7", 2, 0x0627, 2);
	decode_is("2 bytes U+07FF", "\xDF\xBF", 2, 0x7FF, 2);
	decode_is("3 bytes U+0800", "\xE0\xA0\x80", 3, 0x800, 3);
	decode_is("3 bytes U+20AC euro", "\xE2\x82\xAC", 3, 0x20AC, 3);
	decode_is("3 bytes U+D7FF (last before surrogates)", "\xED\x9F\xBF", 3, 0xD7FF, 3);
	decode_is("3 bytes U+E000 (first after surrogates)", "\xEE\x80\x80", 3, 0xE000, 3);
	decode_is("3 bytes U+FDFD bismillah ligature", "\xEF\xB7\xBD", 3, 0xFDFD, 3);
	decode_is("3 bytes U+FFFF", "\xEF\xBF\xBF", 3, 0xFFFF, 3);
	decode_is("4 bytes U+10000", "\xF0\x90\x80\x80", 4, 0x10000, 4);
	decode_is("4 bytes U+1F600", "\xF0\x9F\x98\x80", 4, 0x1F600, 4);
	decode_is("4 bytes U+10FFFF", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4);
	decode_is("valid sequence followed by more bytes", "\xD8\xA7" "abc", 5, 0x0627, 2);

	/* overlong forms */
	decode_is("overlong C0 80 (NUL)", "\xC0\x80", 2, AR_REPLACEMENT, 1);
	decode_is("overlong C1 BF", "\xC1\xBF", 2, AR_REPLACEMENT, 1);
	decode_is("overlong E0 80 80", "\xE0\x80\x80", 3, AR_REPLACEMENT, 1);
	decode_is("overlong E0 9F BF (U+07FF)", "\xE0\x9F\xBF", 3, AR_REPLACEMENT, 1);
	decode_is("overlong F0 80 80 80", "\xF0\x80\x80\x80", 4, AR_REPLACEMENT, 1);
	decode_is("overlong F0 8F BF BF (U+FFFF)", "\xF0\x8F\xBF\xBF", 4, AR_REPLACEMENT, 1);

	/* surrogates */
	decode_is("surrogate ED A0 80 (U+D800)", "\xED\xA0\x80", 3, AR_REPLACEMENT, 1);
	decode_is("surrogate ED AF BF (U+DBFF)", "\xED\xAF\xBF", 3, AR_REPLACEMENT, 1);
	decode_is("surrogate ED B0 80 (U+DC00)", "\xED\xB0\x80", 3, AR_REPLACEMENT, 1);
	decode_is("surrogate ED BF BF (U+DFFF)", "\xED\xBF\xBF", 3, AR_REPLACEMENT, 1);

	/* above U+10FFFF and lead bytes that never occur */
	decode_is("F4 90 80 80 (U+110000)", "\xF4\x90\x80\x80", 4, AR_REPLACEMENT, 1);
	{
		int			bad = 0;

		for (int b = 0xF5; b <= 0xFF; b++)
		{
			unsigned char s[4] = {(unsigned char) b, 0x80, 0x80, 0x80};
			int			n = -1;

			if (ArUtf8Decode(s, 4, &n) != AR_REPLACEMENT || n != 1)
				bad++;
		}
		check_int(bad, 0, "ArUtf8Decode bytes F5..FF followed by continuations: U+FFFD, 1 byte each");
	}
	decode_is("lone continuation byte 80", "\x80", 1, AR_REPLACEMENT, 1);
	decode_is("lone continuation byte BF", "\xBF" "a", 2, AR_REPLACEMENT, 1);
	decode_is("lead C3 followed by ASCII", "\xC3" "A", 2, AR_REPLACEMENT, 1);
	decode_is("lead E2 with bad second continuation", "\xE2\x82" "A", 3, AR_REPLACEMENT, 1);
	decode_is("lead F0 with bad third continuation", "\xF0\x9F\x98" "A", 4, AR_REPLACEMENT, 1);

	/* truncated at the end of the buffer (exact-size heap buffer) */
	decode_is("truncated 2-byte C3 at end", "\xC3", 1, AR_REPLACEMENT, 1);
	decode_is("truncated 2-byte D8 at end", "\xD8", 1, AR_REPLACEMENT, 1);
	decode_is("truncated 3-byte E2 at end", "\xE2", 1, AR_REPLACEMENT, 1);
	decode_is("truncated 3-byte E2 82 at end", "\xE2\x82", 2, AR_REPLACEMENT, 1);
	decode_is("truncated 4-byte F0 9F at end", "\xF0\x9F", 2, AR_REPLACEMENT, 1);
	decode_is("truncated 4-byte F0 9F 98 at end", "\xF0\x9F\x98", 3, AR_REPLACEMENT, 1);
	{
		/* len shorter than the bytes in memory: must not look past len */
		const unsigned char s[] = {0xE2, 0x82, 0xAC, 0x00};
		int			n = -1;
		uint32_t	cp = ArUtf8Decode(s, 2, &n);

		check(cp == AR_REPLACEMENT && n == 1,
			  "ArUtf8Decode respects len even when a valid sequence continues in memory");
	}

	/* ArUtf8Encode: lengths at range ends, exact bytes, and round trips */
	{
		char		b[4];

		check(ArUtf8Encode(0x7F, b) == 1 && b[0] == 0x7F, "ArUtf8Encode U+007F is 1 byte");
		check(ArUtf8Encode(0x80, b) == 2 && memcmp(b, "\xC2\x80", 2) == 0,
			  "ArUtf8Encode U+0080 is C2 80");
		check(ArUtf8Encode(0x0627, b) == 2 && memcmp(b, "\xD8\xA7", 2) == 0,
			  "ArUtf8Encode U+0627 is D8 A7");
		check(ArUtf8Encode(0x7FF, b) == 2 && memcmp(b, "\xDF\xBF", 2) == 0,
			  "ArUtf8Encode U+07FF is DF BF");
		check(ArUtf8Encode(0x800, b) == 3 && memcmp(b, "\xE0\xA0\x80", 3) == 0,
			  "ArUtf8Encode U+0800 is E0 A0 80");
		check(ArUtf8Encode(0xFFFD, b) == 3 && memcmp(b, "\xEF\xBF\xBD", 3) == 0,
			  "ArUtf8Encode U+FFFD is EF BF BD");
		check(ArUtf8Encode(0x10000, b) == 4 && memcmp(b, "\xF0\x90\x80\x80", 4) == 0,
			  "ArUtf8Encode U+10000 is F0 90 80 80");
		check(ArUtf8Encode(0x10FFFF, b) == 4 && memcmp(b, "\xF4\x8F\xBF\xBF", 4) == 0,
			  "ArUtf8Encode U+10FFFF is F4 8F BF BF");
	}
	{
		long		bad = 0;
		uint32_t	first_bad = 0;

		for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		{
			unsigned char b[4];
			int			elen,
						n = -1;

			if (cp >= 0xD800 && cp <= 0xDFFF)
				continue;
			elen = ArUtf8Encode(cp, (char *) b);
			if (ArUtf8Decode(b, (size_t) elen, &n) != cp || n != elen)
			{
				if (bad++ == 0)
					first_bad = cp;
			}
		}
		if (!check_int(bad, 0, "ArUtf8Encode then ArUtf8Decode round-trips every scalar value"))
			printf("#   first failure U+%04X\n", (unsigned) first_bad);
	}
}

/* ---------------------------------------------------------------------
 * Folds one by one
 * --------------------------------------------------------------------- */

static void
test_flags(void)
{
	/* no flag: the text is copied */
	norm_is("flags 0: Arabic text with marks and tatweel is copied unchanged",
			"  \u0643\u064E\u062A\u0640\u0628  \u200B", 0,
			"  \u0643\u064E\u062A\u0640\u0628  \u200B");
	norm_is_len("flags 0: empty input gives empty output", "", 0, 0, "", 0);
	norm_is_len("flags 0: NUL bytes are kept", "a\0b", 3, 0, "a\0b", 3);

	/* AR_F_NFC */
	norm_is("NFC: alef + madda above (U+0653) composes to U+0622",
			"\u0627\u0653", AR_F_NFC, "\u0622");
	norm_is("NFC: yeh + hamza above (U+0654) composes to U+0626",
			"\u064A\u0654", AR_F_NFC, "\u0626");
	norm_is("NFC: alef + hamza below (U+0655) composes to U+0625",
			"\u0627\u0655", AR_F_NFC, "\u0625");
	norm_is("NFC: presentation forms (isolated alef U+FE8D, final beh U+FE90) fold",
			"\uFE8D\uFE90", AR_F_NFC, "\u0627\u0628");
	norm_is("NFC: lam-alef ligature U+FEFB becomes lam + alef",
			"\uFEFB", AR_F_NFC, "\u0644\u0627");
	norm_is("NFC: lam-alef with hamza above ligature U+FEF7 becomes lam + U+0623",
			"\uFEF7", AR_F_NFC, "\u0644\u0623");
	norm_is("NFC: Latin e + combining acute composes",
			"e\u0301", AR_F_NFC, "\u00E9");
	norm_is("NFC alone keeps ignorables, tatweel and spaces",
			" \u200B\u0640 a  b ", AR_F_NFC, " \u200B\u0640 a  b ");
	norm_is("NFC alone does not apply NFKC (U+2460 circled one stays)",
			"\u2460", AR_F_NFC, "\u2460");

	/* AR_F_NFKC_CAMEL */
	norm_is("NFKC_CAMEL: U+FDFD becomes CAMeL's bismillah spelling",
			"\uFDFD", AR_F_NFKC_CAMEL,
			"\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 "
			"\u0627\u0644\u0631\u062D\u0645\u0646 \u0627\u0644\u0631\u062D\u064A\u0645");
	norm_is("NFKC_CAMEL: U+FDFC rial sign becomes reh yeh alef lam",
			"\uFDFC", AR_F_NFKC_CAMEL, "\u0631\u064A\u0627\u0644");
	norm_is("NFKC_CAMEL: compatibility forms fold (U+2460 to 1, U+FEFB to lam alef)",
			"\u2460\uFEFB", AR_F_NFKC_CAMEL, "1\u0644\u0627");
	norm_is("NFKC_CAMEL: characters beyond U+FFFF (math bold A to A, emoji kept)",
			"\U0001D400\U0001F600", AR_F_NFKC_CAMEL, "A\U0001F600");
	norm_is("NFC: characters beyond U+FFFF survive the ICU stage",
			"\U0001F600\uFEFB\U00020000\U0010FFFD", AR_F_NFC,
			"\U0001F600\u0644\u0627\U00020000\U0010FFFD");
	norm_is("NFKC_CAMEL: alef + madda composes",
			"\u0627\u0653", AR_F_NFKC_CAMEL, "\u0622");

	/* AR_F_IGNORABLES */
	norm_is("IGNORABLES: ZWSP, ZWNJ, ZWJ, LRM, RLM, ALM, soft hyphen, BOM, isolates dropped",
			"a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff\u061Cg\u00ADh\uFEFFi\u2066j\u2069k\u202Bl\u2060m",
			AR_F_IGNORABLES, "abcdefghijklm");
	norm_is("IGNORABLES alone keeps tatweel and spaces",
			" \u0640 ", AR_F_IGNORABLES, " \u0640 ");

	/* AR_F_SPACES */
	norm_is("SPACES: runs of spaces and tabs collapse, text trimmed",
			"  a \t  b\t\t", AR_F_SPACES, "a b");
	norm_is("SPACES: NBSP, ideographic space, thin space, NNBSP are spaces",
			"a\u00A0\u3000b\u2009c\u202Fd", AR_F_SPACES, "a b c d");
	norm_is("SPACES: one line break kept",
			"a\nb", AR_F_SPACES, "a\nb");
	norm_is("SPACES: two line breaks (one blank line) kept",
			"a\n\nb", AR_F_SPACES, "a\n\nb");
	norm_is("SPACES: four line breaks become one blank line",
			"a\n\n\n\nb", AR_F_SPACES, "a\n\nb");
	norm_is("SPACES: CRLF counts as one line break",
			"a\r\nb", AR_F_SPACES, "a\nb");
	norm_is("SPACES: two CRLF keep one blank line",
			"a\r\n\r\nb", AR_F_SPACES, "a\n\nb");
	norm_is("SPACES: three CRLF become one blank line",
			"a\r\n\r\n\r\nb", AR_F_SPACES, "a\n\nb");
	norm_is("SPACES: lone CR is a line break",
			"a\rb", AR_F_SPACES, "a\nb");
	norm_is("SPACES: LF CR is two line breaks (only CR LF pairs)",
			"a\n\rb", AR_F_SPACES, "a\n\nb");
	norm_is("SPACES: NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR are line breaks",
			"a\xC2\x85" "b\u2028c\u2029d", AR_F_SPACES, "a\nb\nc\nd");
	norm_is("SPACES: spaces around a line break disappear",
			"a  \n  b", AR_F_SPACES, "a\nb");
	norm_is("SPACES: leading and trailing line breaks trimmed",
			"\n\r\n  a\n\n", AR_F_SPACES, "a");
	norm_is("SPACES: only white space gives empty output",
			" \t\n\r\n\u3000 ", AR_F_SPACES, "");

	/* AR_F_SPACES_FLAT */
	norm_is("SPACES_FLAT: line breaks, CRLF and tabs all become one space",
			"a\r\n\nb\t\u2028c", AR_F_SPACES_FLAT, "a b c");
	norm_is("SPACES_FLAT: trimmed",
			"\n  a  \r\n", AR_F_SPACES_FLAT, "a");

	/* AR_F_TATWEEL */
	norm_is("TATWEEL: kashida dropped",
			"\u0643\u0640\u0640\u0640\u062A\u0627\u0628", AR_F_TATWEEL,
			"\u0643\u062A\u0627\u0628");

	/* AR_F_DIACRITICS */
	norm_is("DIACRITICS: harakat, shadda, sukun, tanwin dropped",
			"\u0643\u064E\u062A\u0651\u064E\u0628\u064C \u0645\u0650\u0646\u0652",
			AR_F_DIACRITICS, "\u0643\u062A\u0628 \u0645\u0646");
	norm_is("DIACRITICS: superscript alef U+0670, U+0610, U+06D6, U+08F0 dropped",
			"\u0647\u0670\u0630\u0627\u0610\u06D6\u08F0", AR_F_DIACRITICS,
			"\u0647\u0630\u0627");
	norm_is("DIACRITICS: U+08E2 (format character) kept",
			"\u08E2", AR_F_DIACRITICS, "\u08E2");
	norm_is("DIACRITICS alone keeps tatweel and Latin marks",
			"\u0640e\u0301", AR_F_DIACRITICS, "\u0640e\u0301");

	/* AR_F_CAMEL_DIAC */
	norm_is("CAMEL_DIAC: U+064B-0652 and U+0670 dropped",
			"\u0643\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0670",
			AR_F_CAMEL_DIAC, "\u0643");
	norm_is("CAMEL_DIAC: U+0653, U+0610 and U+06D6 kept",
			"\u0627\u0653\u0610\u06D6", AR_F_CAMEL_DIAC, "\u0627\u0653\u0610\u06D6");

	/* AR_F_ALEF */
	norm_is("ALEF: hamza above/below, madda and wasla forms to bare alef",
			"\u0623\u0625\u0622\u0671\u0627", AR_F_ALEF,
			"\u0627\u0627\u0627\u0627\u0627");
	norm_is("ALEF leaves waw/yeh with hamza",
			"\u0624\u0626", AR_F_ALEF, "\u0624\u0626");

	/* AR_F_YEH */
	norm_is("YEH: alef maksura to yeh",
			"\u0639\u0644\u0649", AR_F_YEH, "\u0639\u0644\u064A");

	/* AR_F_TEH_MARBUTA */
	norm_is("TEH_MARBUTA: teh marbuta to heh",
			"\u0645\u062F\u0631\u0633\u0629", AR_F_TEH_MARBUTA,
			"\u0645\u062F\u0631\u0633\u0647");

	/* AR_F_HAMZA */
	norm_is("HAMZA: waw/yeh with hamza to waw/yeh, alef hamza to alef, madda kept",
			"\u0624\u0626\u0623\u0625\u0622\u0621", AR_F_HAMZA,
			"\u0648\u064A\u0627\u0627\u0622\u0621");

	/* AR_F_FARSI */
	norm_is("FARSI: keheh, farsi yeh, heh goal to Arabic kaf, yeh, heh",
			"\u06A9\u06CC\u06C1", AR_F_FARSI, "\u0643\u064A\u0647");

	/* AR_F_DIGITS */
	norm_is("DIGITS: Arabic-Indic and extended Arabic-Indic digits to ASCII",
			"\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669 \u06F0\u06F4\u06F9",
			AR_F_DIGITS, "0123456789 049");

	/* AR_F_PUNCT */
	norm_is("PUNCT: Arabic comma, semicolon, question mark, percent, decimal, full stop, thousands",
			"\u060C\u061B\u061F\u066A\u066B\u06D4\u066C", AR_F_PUNCT, ",;?%..,");
	norm_is("PUNCT: double quote styles to \"",
			"\u00AB\u00BB\u201C\u201D\u201E\uFF02", AR_F_PUNCT, "\"\"\"\"\"\"");
	norm_is("PUNCT: single quote styles to '",
			"\u2018\u2019\u201A\u2039\u203A\uFF07", AR_F_PUNCT, "''''''");

	/* AR_F_LATIN_LOWER */
	norm_is("LATIN_LOWER: ASCII, Latin-1, Latin Extended and fullwidth lower-cased",
			"ABC xY \u00C9\u00C0 \u0100\u1E9E \uFF21\uFF3A", AR_F_LATIN_LOWER,
			"abc xy \u00E9\u00E0 \u0101\u00DF \uFF41\uFF5A");
	norm_is("LATIN_LOWER leaves Greek, Cyrillic and Arabic alone",
			"\u03A3\u0416\u0627", AR_F_LATIN_LOWER, "\u03A3\u0416\u0627");

	/* single flags leave everything else untouched */
	norm_is("YEH alone leaves teh marbuta, alef forms and digits",
			"\u0629\u0623\u0661\u0649", AR_F_YEH, "\u0629\u0623\u0661\u064A");
}

/* ---------------------------------------------------------------------
 * Profiles
 * --------------------------------------------------------------------- */

static void
test_profiles(void)
{
	/* display: keeps letters and diacritics */
	norm_is("display: marks kept, tatweel/ZWNJ dropped, spaces collapsed, trimmed",
			"  \u0645\u064E\u0631\u0652\u062D\u064E\u0640\u0640\u0628\u064B\u0627 \u200C  "
			"\u0628\u0650\u0643\u064F\u0645\u0652  ",
			AR_PROFILE_DISPLAY,
			"\u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627 "
			"\u0628\u0650\u0643\u064F\u0645\u0652");
	norm_is("display: hamza, teh marbuta, alef maksura, digits and punctuation kept",
			"\u0623\u0647\u0644\u0627\u064B \u0625\u0644\u0649 \u0627\u0644\u0645\u062F\u0631\u0633\u0629\u060C \u0662\u0660\u0662\u0664\u061F",
			AR_PROFILE_DISPLAY,
			"\u0623\u0647\u0644\u0627\u064B \u0625\u0644\u0649 \u0627\u0644\u0645\u062F\u0631\u0633\u0629\u060C \u0662\u0660\u0662\u0664\u061F");
	norm_is("display: presentation forms and lam-alef ligature folded",
			"\uFEE3\uFEAE\uFEA3\uFE92\uFE8E \uFEFB", AR_PROFILE_DISPLAY,
			"\u0645\u0631\u062D\u0628\u0627 \u0644\u0627");
	norm_is("display: line breaks kept, at most one blank line, CRLF as one",
			" \u0633\u0637\u0631 \r\n\r\n\r\n\r\n \u0622\u062E\u0631 \n\u062B\u0627\u0644\u062B\n",
			AR_PROFILE_DISPLAY,
			"\u0633\u0637\u0631\n\n\u0622\u062E\u0631\n\u062B\u0627\u0644\u062B");
	norm_is("display: Latin case kept",
			"Hello WORLD", AR_PROFILE_DISPLAY, "Hello WORLD");

	/* search */
	norm_is("search: diacritics, tatweel dropped; alef, yeh, teh marbuta folded",
			"\u0623\u064E\u0647\u0652\u0644\u064B\u0627 \u0625\u0650\u0644\u064E\u0649 "
			"\u0627\u0644\u0652\u0645\u064E\u062F\u0652\u0631\u064E\u0633\u064E\u0640\u0629\u0650",
			AR_PROFILE_SEARCH,
			"\u0627\u0647\u0644\u0627 \u0627\u0644\u064A \u0627\u0644\u0645\u062F\u0631\u0633\u0647");
	norm_is("search: digits to ASCII, punctuation and quotes to ASCII, Latin lower",
			"\u00AB\u0633\u0646\u0629 \u0662\u0660\u0662\u0664\u00BB\u060C HELLO\u061F",
			AR_PROFILE_SEARCH,
			"\"\u0633\u0646\u0647 2024\", hello?");
	norm_is("search: Persian letters folded",
			"\u06A9\u062A\u0627\u0628 \u0641\u0627\u0631\u0633\u06CC",
			AR_PROFILE_SEARCH, "\u0643\u062A\u0627\u0628 \u0641\u0627\u0631\u0633\u064A");
	norm_is("search: all white space flattened to one space and trimmed",
			"\r\n \u0633\u0637\u0631\r\n\r\n\t\u0622\u062E\u0631\u2029 ",
			AR_PROFILE_SEARCH, "\u0633\u0637\u0631 \u0627\u062E\u0631");
	norm_is("search: hamza on waw/yeh kept (HAMZA is not in the profile)",
			"\u0645\u0624\u062A\u0645\u0631 \u0631\u0626\u064A\u0633",
			AR_PROFILE_SEARCH, "\u0645\u0624\u062A\u0645\u0631 \u0631\u0626\u064A\u0633");
	norm_is("search: presentation forms folded then searched (U+FEF7 to lam alef)",
			"\uFEF7\uFE8E", AR_PROFILE_SEARCH, "\u0644\u0627\u0627");

	/* camel */
	norm_is("camel: dediac, alef, alef maksura, teh marbuta; bismillah ligature",
			"\u0625\u0650\u0644\u064E\u0649 \u0627\u0644\u0652\u0645\u064E\u062F\u0652\u0631\u064E\u0633\u064E\u0629\u0650 \uFDFD",
			AR_PROFILE_CAMEL,
			"\u0627\u0644\u064A \u0627\u0644\u0645\u062F\u0631\u0633\u0647 "
			"\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 \u0627\u0644\u0631\u062D\u0645\u0646 \u0627\u0644\u0631\u062D\u064A\u0645");
	norm_is("camel: no white-space handling, tatweel and ZWNJ kept, digits kept",
			" \u0643\u0640\u062A\u200C\u0628  \u0661 ", AR_PROFILE_CAMEL,
			" \u0643\u0640\u062A\u200C\u0628  \u0661 ");
	norm_is("camel: Quranic marks (U+06D6) and U+0653 not removed by dediac_ar",
			"\u0628\u06D6\u0653", AR_PROFILE_CAMEL, "\u0628\u06D6\u0653");
	norm_is("camel: NFKC folds U+2460 and fullwidth A (no lower-casing)",
			"\u2460\uFF21", AR_PROFILE_CAMEL, "1A");

	/* arabic_normalize_unicode */
	norm_is("AR_STEP_UNICODE: NFC, ignorables and spaces; tatweel kept",
			" \u0627\u0653\u200B\u0640  x ", AR_STEP_UNICODE, "\u0622\u0640 x");

	/* the profile table */
	{
		int			count = 0;
		const ArProfile *p = ArProfiles(&count);
		const ArProfile *s = ArProfileLookup("search", 6);

		check_int(count, 3, "ArProfiles has three profiles");
		check(count == 3 && strcmp(p[0].name, "display") == 0 &&
			  p[0].flags == AR_PROFILE_DISPLAY && strcmp(p[2].name, "camel") == 0 &&
			  p[2].flags == AR_PROFILE_CAMEL, "ArProfiles: display first, camel last, flags match");
		check(s && s->flags == AR_PROFILE_SEARCH, "ArProfileLookup(\"search\") finds the search flags");
		check(ArProfileLookup("Search", 6) == NULL && ArProfileLookup("sear", 4) == NULL &&
			  ArProfileLookup("searchx", 7) == NULL,
			  "ArProfileLookup is exact and case-sensitive");
		check(ArProfileLookup("display, search", 7) != NULL,
			  "ArProfileLookup uses len, not the NUL terminator");
		check(ArIcuVersion()[0] >= '1' && ArIcuVersion()[0] <= '9', "ArIcuVersion: %s", ArIcuVersion());
		check(strcmp(ArStatusMessage(AR_ERR_TOO_LARGE), "result would exceed the maximum allowed size") == 0 &&
			  strcmp(ArStatusMessage(AR_OK), "ok") == 0,
			  "ArStatusMessage gives lowercase messages");
	}
}

/* ---------------------------------------------------------------------
 * ICU stage against the fast path
 * --------------------------------------------------------------------- */

static void
test_icu_vs_fast(void)
{
	norm_same("decomposed vs precomposed madda (display)",
			  "\u0622\u062E\u0631", "\u0627\u0653\u062E\u0631", AR_PROFILE_DISPLAY,
			  "\u0622\u062E\u0631");
	norm_same("decomposed vs precomposed madda (search)",
			  "\u0622\u062E\u0631", "\u0627\u0653\u062E\u0631", AR_PROFILE_SEARCH,
			  "\u0627\u062E\u0631");
	norm_same("decomposed vs precomposed hamza on yeh (display)",
			  "\u0631\u0626\u064A\u0633", "\u0631\u064A\u0654\u064A\u0633", AR_PROFILE_DISPLAY,
			  "\u0631\u0626\u064A\u0633");
	norm_same("decomposed vs precomposed hamza on alef (camel)",
			  "\u0623\u0645\u0629", "\u0627\u0654\u0645\u0629", AR_PROFILE_CAMEL,
			  "\u0627\u0645\u0647");
	norm_same("presentation forms vs plain letters (display)",
			  "\u0645\u0631\u062D\u0628\u0627", "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E",
			  AR_PROFILE_DISPLAY, "\u0645\u0631\u062D\u0628\u0627");
	norm_same("presentation forms vs plain letters (search)",
			  "\u0633\u0644\u0627\u0645", "\uFEB3\uFEFC\uFEE1", AR_PROFILE_SEARCH,
			  "\u0633\u0644\u0627\u0645");
	norm_same("presentation forms vs plain letters (camel)",
			  "\u0633\u0644\u0627\u0645", "\uFEB3\uFEFC\uFEE1", AR_PROFILE_CAMEL,
			  "\u0633\u0644\u0627\u0645");
	/* shadda U+0651 has ccc 33, fatha U+064E ccc 30: canonical order is fatha, shadda */
	norm_same("shadda after fatha vs shadda before fatha (display)",
			  "\u0631\u064E\u0628\u064E\u0651", "\u0631\u064E\u0628\u0651\u064E",
			  AR_PROFILE_DISPLAY, "\u0631\u064E\u0628\u064E\u0651");
	norm_same("shadda after fatha vs shadda before fatha (search)",
			  "\u0631\u064E\u0628\u064E\u0651", "\u0631\u064E\u0628\u0651\u064E",
			  AR_PROFILE_SEARCH, "\u0631\u0628");
	norm_same("kasra+shadda in either order (NFC alone)",
			  "\u0628\u0650\u0651", "\u0628\u0651\u0650", AR_F_NFC, "\u0628\u0650\u0651");
	norm_same("tatweel between alef and madda does not block composition (display)",
			  "\u0622", "\u0627\u0640\u0653", AR_PROFILE_DISPLAY, "\u0622");
	norm_same("ZWJ between alef and madda does not block composition (display)",
			  "\u0622", "\u0627\u200D\u0653", AR_PROFILE_DISPLAY, "\u0622");

	/* text that takes the ICU path because of one character elsewhere
	 * normalizes the rest exactly as the fast path does */
	{
		const char *t = "  \u0645\u064E\u0631\u0652\u062D\u064E\u0628\u064B\u0627\r\n\r\n\r\n"
			"\u0628\u0650\u0643\u064F\u0645\u0652 \u0641\u064A\u0640\u0640 \u0627\u0644\u0645\u062F\u0631\u0633\u0629 HELLO \u0661\u0662 ";
		uint32_t	profs[3] = {AR_PROFILE_DISPLAY, AR_PROFILE_SEARCH, AR_PROFILE_CAMEL};
		const char *names[3] = {"display", "search", "camel"};

		for (int i = 0; i < 3; i++)
		{
			Str			a = {0},
						b = {0};
			ArBuf		fast,
						icu,
						lig;
			char		d[160];

			/* fast: T + " x" ; icu: T + " " + U+FEFB;  expect fast minus "x" plus norm(U+FEFB) */
			str_adds(&a, t);
			str_adds(&a, " x");
			str_adds(&b, t);
			str_adds(&b, " \uFEFB");
			norm_len(a.p, a.len, profs[i], &fast);
			norm_len(b.p, b.len, profs[i], &icu);
			norm_len("\uFEFB", 3, profs[i], &lig);
			snprintf(d, sizeof(d), "%s: text on the ICU path (a ligature at the end) matches the fast path elsewhere", names[i]);
			check(fast.len >= 1 && icu.len == fast.len - 1 + lig.len &&
				  memcmp(fast.data, icu.data, fast.len - 1) == 0 &&
				  memcmp(icu.data + fast.len - 1, lig.data, lig.len) == 0, "%s", d);
			ArBufFree(&fast, ArMallocEnv());
			ArBufFree(&icu, ArMallocEnv());
			ArBufFree(&lig, ArMallocEnv());
			free(a.p);
			free(b.p);
		}
	}
}

/* ---------------------------------------------------------------------
 * Chunking at 64 KiB
 * --------------------------------------------------------------------- */

/*
 * Builds filler(p) + piece + " tail" + filler(q), normalizes it under flags
 * and compares with filler(p) + expected + " tail" + filler(q).  With p close
 * to 65536 the piece straddles the place where the first chunk may end.
 */
static bool
chunk_case(size_t p, const char *piece, const char *expected, uint32_t flags)
{
	Str			in = {0},
				exp = {0};
	ArBuf		out;
	ArStatus	st;
	bool		same;

	str_filler(&in, p);
	str_adds(&in, piece);
	str_adds(&in, " tail ");
	str_filler(&in, 3000);
	str_filler(&exp, p);
	str_adds(&exp, expected);
	str_adds(&exp, " tail ");
	str_filler(&exp, 3000);
	st = norm_len(in.p, in.len, flags, &out);
	same = st == AR_OK && out.len == exp.len && memcmp(out.data, exp.p, exp.len) == 0;
	if (!same)
	{
		size_t		k = 0;

		while (k < out.len && k < exp.len && out.data[k] == exp.p[k])
			k++;
		printf("#   prefix %zu: status %d, got %zu bytes, expected %zu, first difference at %zu\n",
			   p, (int) st, out.len, exp.len, k);
		if (k < out.len)
			dump_bytes("got near difference", out.data + k, out.len - k > 16 ? 16 : out.len - k);
		if (k < exp.len)
			dump_bytes("expected near difference", exp.p + k, exp.len - k > 16 ? 16 : exp.len - k);
	}
	ArBufFree(&out, ArMallocEnv());
	free(in.p);
	free(exp.p);
	return same;
}

static void
test_chunking(void)
{
	const size_t K64 = (size_t) 64 * 1024;
	struct
	{
		const char *what;
		const char *piece;
		const char *expected;
		uint32_t	flags;
	}			cases[] = {
		{"decomposed madda (display)", " \u0627\u0653\u0628", " \u0622\u0628", AR_PROFILE_DISPLAY},
		{"decomposed madda (search)", " \u0627\u0653\u0628", " \u0627\u0628", AR_PROFILE_SEARCH},
		{"presentation forms (display)", " \uFEE3\uFEAE\uFEA3\uFE92\uFE8E", " \u0645\u0631\u062D\u0628\u0627", AR_PROFILE_DISPLAY},
		/* the whole mark sequence is sorted by combining class (stable) */
		{"shadda before fatha, twice (display)", " \u0628\u0651\u064E\u0651\u064E", " \u0628\u064E\u064E\u0651\u0651", AR_PROFILE_DISPLAY},
		{"tatweel and ZWJ inside a madda (display)", " \u0627\u0640\u200D\u0640\u0653", " \u0622", AR_PROFILE_DISPLAY},
		{"a 4-byte character, then a madda (surrogate pairs in the ICU stage)", " \U0001F600\U0001F600\u0627\u0653", " \U0001F600\U0001F600\u0622", AR_PROFILE_DISPLAY},
		{"Latin e + acute (NFC only)", " e\u0301e\u0301", " \u00E9\u00E9", AR_F_NFC},
		{"bismillah ligature (camel)", " \uFDFD",
			" \u0628\u0633\u0645 \u0627\u0644\u0644\u0647 \u0627\u0644\u0631\u062D\u0645\u0646 \u0627\u0644\u0631\u062D\u064A\u0645",
		AR_PROFILE_CAMEL},
	};

	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++)
	{
		int			bad = 0;

		/* every prefix length from 16 bytes before to 16 bytes after 64 KiB */
		for (size_t p = K64 - 16; p <= K64 + 16; p++)
			if (!chunk_case(p, cases[c].piece, cases[c].expected, cases[c].flags))
				bad++;
		check_int(bad, 0, cases[c].what);
	}

	/* the text longer than two chunks, several ICU spots, compared with
	 * the concatenation of the pieces normalized one by one */
	{
		Str			in = {0};
		Str			exp = {0};
		ArBuf		out;
		int			pieces = 0;

		for (size_t target = K64 - 5; target < 4 * K64; target += K64 + 3)
		{
			ArBuf		part;
			Str			one = {0};

			/* one piece: filler up to the spot, then madda, ligature, marks */
			str_filler(&one, target - in.len);
			str_adds(&one, " \u0627\u0653\uFEFB\u0628\u0651\u064E ");
			str_add(&in, one.p, one.len);
			norm_len(one.p, one.len, AR_PROFILE_DISPLAY, &part);
			if (pieces++)
				str_adds(&exp, " ");
			str_add(&exp, part.data, part.len);
			ArBufFree(&part, ArMallocEnv());
			free(one.p);
		}
		norm_len(in.p, in.len, AR_PROFILE_DISPLAY, &out);
		check(out.len == exp.len && memcmp(out.data, exp.p, exp.len) == 0,
			  "a 260 KiB text with ICU spots near each 64 KiB mark equals the pieces normalized one by one (%d pieces)",
			  pieces);
		ArBufFree(&out, ArMallocEnv());
		free(in.p);
		free(exp.p);
	}

	/* white space state carried across a chunk end: CR at 64 KiB - 1, LF at
	 * 64 KiB, and a run of line breaks across it */
	{
		int			bad = 0;

		for (size_t p = K64 - 8; p <= K64 + 8; p++)
		{
			Str			in = {0},
						exp = {0};
			ArBuf		out;

			str_filler(&in, p);
			str_adds(&in, "\r\n\r\n\r\n \u0627\u0653");
			str_filler(&exp, p);
			str_adds(&exp, "\n\n\u0622");
			/* the madda sends the whole text through the ICU stage */
			norm_len(in.p, in.len, AR_PROFILE_DISPLAY, &out);
			if (!(out.len == exp.len && memcmp(out.data, exp.p, exp.len) == 0))
				bad++;
			ArBufFree(&out, ArMallocEnv());
			free(in.p);
			free(exp.p);
		}
		check_int(bad, 0, "CRLF and blank-line limit across the 64 KiB chunk end (display, ICU path)");
	}

	/* a long run with no normalization boundary (marks only) keeps its
	 * first AR_MAX_NONSTARTERS marks, put in canonical order */
	{
		Str			in = {0},
					exp = {0};
		ArBuf		out;

		str_adds(&in, "\u0627");
		for (int i = 0; i < 40000; i++)
			str_adds(&in, "\u0651\u064E");	/* shadda, fatha: out of order */
		str_adds(&exp, "\u0627");
		for (int i = 0; i < AR_MAX_NONSTARTERS / 2; i++)
			str_adds(&exp, "\u064E");
		for (int i = 0; i < AR_MAX_NONSTARTERS / 2; i++)
			str_adds(&exp, "\u0651");
		norm_len(in.p, in.len, AR_F_NFC, &out);
		check(out.len == exp.len && memcmp(out.data, exp.p, exp.len) == 0,
			  "160 KB of combining marks on one letter: the first 30 kept, in canonical order");
		ArBufFree(&out, ArMallocEnv());
		free(in.p);
		free(exp.p);
	}
}

/* ---------------------------------------------------------------------
 * Invalid UTF-8
 * --------------------------------------------------------------------- */

#define FFFD "\xEF\xBF\xBD"

static void
test_invalid(void)
{
	static const char in[] = "a\xFF" "b\xC0\x80" "c\xED\xA0\x80" "d\xF4\x90\x80\x80" "e\xE2\x82";
	static const char exp[] = "a" FFFD "b" FFFD FFFD "c" FFFD FFFD FFFD "d" FFFD FFFD FFFD FFFD "e" FFFD FFFD;
	uint32_t	profs[4] = {0, AR_PROFILE_DISPLAY, AR_PROFILE_SEARCH, AR_PROFILE_CAMEL};
	const char *names[4] = {"flags 0", "display", "search", "camel"};

	for (int i = 0; i < 4; i++)
	{
		char		d[128];

		snprintf(d, sizeof(d), "invalid UTF-8 comes out as U+FFFD, one per bad byte (%s)", names[i]);
		norm_is_len(d, in, sizeof(in) - 1, profs[i], exp, sizeof(exp) - 1);
	}
	norm_is_len("invalid UTF-8 on the ICU path (with a decomposed madda) comes out as U+FFFD",
				"\xFF\xD8\xA7\xD9\x93\xC3", 6, AR_PROFILE_DISPLAY,
				FFFD "\xD8\xA2" FFFD, 8);
	norm_is_len("truncated alef at the very end gives U+FFFD",
				"\xD8\xA7\xD8", 3, AR_PROFILE_SEARCH, "\xD8\xA7" FFFD, 5);
	norm_is_len("a stray continuation byte between Arabic letters",
				"\xD8\xA7\xA7\xD8\xA8", 5, AR_PROFILE_DISPLAY, "\xD8\xA7" FFFD "\xD8\xA8", 7);
}

/* ---------------------------------------------------------------------
 * Environment: interrupts, max_size, allocation failures
 * --------------------------------------------------------------------- */

static void
count_calls(void *ctx)
{
	(*(size_t *) ctx)++;
}

static ArStatus
count_word(void *arg, const char *text, size_t start, size_t len)
{
	(void) text;
	(void) start;
	(void) len;
	(*(size_t *) arg)++;
	return AR_OK;
}

static void
test_interrupts(void)
{
	const size_t len = 20 * AR_INTERRUPT_STRIDE + 123;
	const size_t min_calls = len / AR_INTERRUPT_STRIDE - 1;
	Str			fast = {0},
				icu = {0};
	size_t		calls;
	size_t		words = 0;
	ArEnv		env = *ArMallocEnv();
	ArBuf		out = {0};

	str_filler(&fast, len);
	str_filler(&icu, len - 4);
	str_adds(&icu, " \uFEFB");	/* forces the ICU path */
	env.check_interrupts = count_calls;
	env.ctx = &calls;

	calls = 0;
	ArNormalize(fast.p, fast.len, AR_PROFILE_SEARCH, &out, &env);
	check(calls >= min_calls, "interrupt callback runs at least len/STRIDE - 1 times on the fast path (%zu >= %zu)",
		  calls, min_calls);
	ArBufFree(&out, &env);

	calls = 0;
	ArNormalize(icu.p, icu.len, AR_PROFILE_DISPLAY, &out, &env);
	check(calls >= min_calls, "interrupt callback runs at least len/STRIDE - 1 times on the ICU path (%zu >= %zu)",
		  calls, min_calls);
	ArBufFree(&out, &env);

	calls = 0;
	ArNormalize(icu.p, icu.len, AR_PROFILE_CAMEL, &out, &env);
	check(calls >= min_calls, "interrupt callback runs at least len/STRIDE - 1 times with camel (%zu >= %zu)",
		  calls, min_calls);
	ArBufFree(&out, &env);

	calls = 0;
	ArTokenize(fast.p, fast.len, count_word, &words, &env);
	check(calls >= min_calls && words > 1000,
		  "interrupt callback runs at least len/STRIDE - 1 times in ArTokenize (%zu >= %zu)",
		  calls, min_calls);

	free(fast.p);
	free(icu.p);
}

static void
test_max_size(void)
{
	ArEnv		env = *ArMallocEnv();
	Str			big = {0},
				big_icu = {0};
	ArBuf		out = {0};
	ArStatus	st;

	str_filler(&big, 1000);
	str_filler(&big_icu, 1000);
	str_adds(&big_icu, "\u0627\u0653");

	env.max_size = 200;
	st = ArNormalize(big.p, big.len, AR_PROFILE_SEARCH, &out, &env);
	check(st == AR_ERR_TOO_LARGE && out.len <= 200,
		  "max_size 200, 1000-byte output: AR_ERR_TOO_LARGE, nothing past max_size (status %d, len %zu)",
		  (int) st, out.len);
	ArBufFree(&out, &env);

	st = ArNormalize(big_icu.p, big_icu.len, AR_PROFILE_DISPLAY, &out, &env);
	check(st == AR_ERR_TOO_LARGE && out.len <= 200,
		  "max_size 200, ICU path: AR_ERR_TOO_LARGE (status %d, len %zu)", (int) st, out.len);
	ArBufFree(&out, &env);

	/* the output outgrows the input (each bad byte becomes 3 bytes) */
	{
		char		bad[100];

		memset(bad, 0xFF, sizeof(bad));
		env.max_size = 200;
		st = ArNormalize(bad, sizeof(bad), 0, &out, &env);
		check(st == AR_ERR_TOO_LARGE && out.len <= 200 && out.cap <= 200,
			  "max_size 200, 100 invalid bytes (300-byte output): AR_ERR_TOO_LARGE, len and capacity within max_size (status %d, len %zu, cap %zu)",
			  (int) st, out.len, out.cap);
		ArBufFree(&out, &env);

		/*
		 * Regression: fold_pass used to reserve room for the worst case of
		 * one character (6 bytes) before each append, so a result ending
		 * within 5 bytes of max_size was refused (fixed by 09fd2eb).
		 */
		env.max_size = 300;
		st = ArNormalize(bad, sizeof(bad), 0, &out, &env);
		check(st == AR_OK && out.len == 300,
			  "max_size 300, 100 invalid bytes: a 300-byte result exactly fits (status %d, len %zu)",
			  (int) st, out.len);
		ArBufFree(&out, &env);
	}

	/* appending to a buffer that already holds data counts what is there */
	{
		env.max_size = 1100;
		st = ArNormalize(big.p, big.len, AR_PROFILE_DISPLAY, &out, &env);
		check(st == AR_OK && out.len == 1000, "max_size 1100: a 1000-byte result fits");
		st = ArNormalize(big.p, big.len, AR_PROFILE_DISPLAY, &out, &env);
		check(st == AR_ERR_TOO_LARGE && out.len <= 1100,
			  "max_size 1100: appending another 1000 bytes gives AR_ERR_TOO_LARGE (status %d, len %zu)",
			  (int) st, out.len);
		ArBufFree(&out, &env);
	}

	/* ArBufReserve directly */
	{
		ArBuf		b = {0};

		env.max_size = 1000;
		check(ArBufReserve(&b, 1000, &env) == AR_OK && b.cap >= 1000 && b.cap <= 1000,
			  "ArBufReserve: exactly max_size is allowed and the capacity stops there");
		b.len = 1000;
		check(ArBufReserve(&b, 1, &env) == AR_ERR_TOO_LARGE && b.len == 1000,
			  "ArBufReserve: one byte more is AR_ERR_TOO_LARGE, buffer unchanged");
		check(ArBufReserve(&b, SIZE_MAX, &env) == AR_ERR_TOO_LARGE,
			  "ArBufReserve: SIZE_MAX extra does not wrap around");
		ArBufFree(&b, &env);
		check(b.data == NULL && b.len == 0 && b.cap == 0, "ArBufFree empties the buffer");
	}

	/*
	 * Regression: a max_size below 64 used to refuse even a 2-byte result,
	 * because fold_pass reserved at least 64 bytes up front (fixed by
	 * 09fd2eb).
	 */
	{
		env.max_size = 16;
		st = ArNormalize("ab", 2, AR_PROFILE_SEARCH, &out, &env);
		check(st == AR_OK && out.len == 2 && memcmp(out.data, "ab", 2) == 0,
			  "max_size 16: a 2-byte result fits (status %d)",
			  (int) st);
		ArBufFree(&out, &env);
	}

	free(big.p);
	free(big_icu.p);
}

/* An allocator that fails after a given number of successful calls. */
typedef struct FailAlloc
{
	int			left;
	int			calls;
	long		live;			/* allocations not yet freed */
} FailAlloc;

static void *
fail_realloc(void *ctx, void *ptr, size_t size)
{
	FailAlloc  *f = ctx;
	void	   *p;

	f->calls++;
	if (f->left <= 0)
		return NULL;
	f->left--;
	p = realloc(ptr, size);
	if (p && !ptr)
		f->live++;
	return p;
}

static void
fail_free(void *ctx, void *ptr)
{
	FailAlloc  *f = ctx;

	f->live--;
	free(ptr);
}

static void
nomem_case(const char *what, const char *in, size_t len, uint32_t flags)
{
	FailAlloc	f;
	ArEnv		env = *ArMallocEnv();
	int			budget;
	int			nomem = 0,
				wrong = 0,
				leaks = 0;
	ArStatus	st = AR_ERR_NOMEM;
	ArBuf		ref;

	norm_len(in, len, flags, &ref);
	env.realloc_fn = fail_realloc;
	env.free_fn = fail_free;
	env.ctx = &f;
	for (budget = 0; budget < 200 && st != AR_OK; budget++)
	{
		ArBuf		out = {0};

		memset(&f, 0, sizeof(f));
		f.left = budget;
		st = ArNormalize(in, len, flags, &out, &env);
		if (st == AR_ERR_NOMEM)
			nomem++;
		else if (st != AR_OK || out.len != ref.len || memcmp(out.data, ref.data, ref.len) != 0)
			wrong++;
		ArBufFree(&out, &env);
		if (f.live != 0)
			leaks++;
	}
	check(st == AR_OK && nomem >= 1 && wrong == 0 && leaks == 0,
		  "%s: allocator failing at each call in turn gives AR_ERR_NOMEM (%d times), then the right result; nothing leaked",
		  what, nomem);
	ArBufFree(&ref, ArMallocEnv());
}

static void
test_nomem(void)
{
	Str			big = {0};

	nomem_case("fast path", "\u0643\u0640\u062A\u0627\u0628", 10, AR_PROFILE_SEARCH);
	nomem_case("ICU path (display)", "\u0627\u0653 \uFEFB \u0628\u0651\u064E", 16, AR_PROFILE_DISPLAY);
	nomem_case("ICU path (camel, bismillah)", "x \uFDFD y", 7, AR_PROFILE_CAMEL);
	str_filler(&big, 3 * 64 * 1024);
	str_adds(&big, "\u0627\u0653");
	nomem_case("ICU path, three chunks", big.p, big.len, AR_PROFILE_SEARCH);
	free(big.p);
}

/* ---------------------------------------------------------------------
 * Tokenizer
 * --------------------------------------------------------------------- */

typedef struct Words
{
	int			n;
	char		list[1024];		/* words joined by '|' */
	size_t		starts[32];
} Words;

static ArStatus
collect_word(void *arg, const char *text, size_t start, size_t len)
{
	Words	   *w = arg;
	size_t		used = strlen(w->list);

	if (w->n < 32)
		w->starts[w->n] = start;
	if (w->n > 0 && used + 1 < sizeof(w->list))
		w->list[used++] = '|';
	if (used + len < sizeof(w->list))
	{
		memcpy(w->list + used, text + start, len);
		w->list[used + len] = '\0';
	}
	w->n++;
	return AR_OK;
}

static void
tokens_are(const char *desc, const char *text, size_t len, const char *exp)
{
	Words		w;
	ArStatus	st;

	memset(&w, 0, sizeof(w));
	st = ArTokenize(text, len, collect_word, &w, ArMallocEnv());
	if (!check(st == AR_OK && strcmp(w.list, exp) == 0, "ArTokenize %s", desc))
	{
		printf("#   got      \"%s\" (%d words)\n", w.list, w.n);
		printf("#   expected \"%s\"\n", exp);
	}
}

static ArStatus
stop_at_second(void *arg, const char *text, size_t start, size_t len)
{
	(void) text;
	(void) start;
	(void) len;
	return ++(*(int *) arg) == 2 ? AR_ERR_NOMEM : AR_OK;
}

static void
test_tokenize(void)
{
	const char *s;

	tokens_are("Latin words and punctuation", "Hello, world! (ok)", 18, "Hello|world|ok");
	s = "\u0630\u0647\u0628 \u0627\u0644\u0648\u0644\u062F \u0625\u0644\u0649 \u0627\u0644\u0645\u062F\u0631\u0633\u0629.";
	tokens_are("Arabic sentence with a full stop", s, strlen(s),
			   "\u0630\u0647\u0628|\u0627\u0644\u0648\u0644\u062F|\u0625\u0644\u0649|\u0627\u0644\u0645\u062F\u0631\u0633\u0629");
	s = "\u0643\u062A\u0627\u0628\u060C\u0642\u0644\u0645\u061F\u0646\u0639\u0645\u061B\u0644\u0627";
	tokens_are("Arabic comma, question mark and semicolon separate words", s, strlen(s),
			   "\u0643\u062A\u0627\u0628|\u0642\u0644\u0645|\u0646\u0639\u0645|\u0644\u0627");
	s = "abc123 \u0663\u0664\u0665 2024\u06F1";
	tokens_are("ASCII and Arabic-Indic digits are word characters", s, strlen(s),
			   "abc123|\u0663\u0664\u0665|2024\u06F1");
	s = "\u0643\u064E\u062A\u064E\u0628\u064E \u0627\u0644\u0652\u0648\u064E\u0644\u064E\u062F\u064F";
	tokens_are("diacritics stay inside words", s, strlen(s),
			   "\u0643\u064E\u062A\u064E\u0628\u064E|\u0627\u0644\u0652\u0648\u064E\u0644\u064E\u062F\u064F");
	s = "\u0643\u0640\u0640\u062A\u0627\u0628 \u0640\u0640";
	tokens_are("tatweel inside a word kept, tatweel alone is no word", s, strlen(s),
			   "\u0643\u0640\u0640\u062A\u0627\u0628");
	s = "\u0645\u064A\u200C\u062E\u0648\u0627\u0647\u0645 \u200C\u0627\u0628";
	tokens_are("ZWNJ inside a word kept; a leading ZWNJ does not start one", s, strlen(s),
			   "\u0645\u064A\u200C\u062E\u0648\u0627\u0647\u0645|\u0627\u0628");
	s = " \u064E\u0643\u062A\u0628";
	tokens_are("a leading fatha does not start a word", s, strlen(s), "\u0643\u062A\u0628");
	tokens_are("invalid bytes separate words", "ab\xFF" "cd\xC0\x80" "ef\xD8", 10, "ab|cd|ef");
	tokens_are("a literal U+FFFD separates words", "ab" FFFD "cd", 7, "ab|cd");
	s = "iPhone\u0661\u0662 \u00C9t\u00E9 \u0416\u0443\u043A e\u0301";
	tokens_are("Latin + Arabic digits, accented Latin, Cyrillic, Latin with combining mark", s, strlen(s),
			   "iPhone\u0661\u0662|\u00C9t\u00E9|\u0416\u0443\u043A|e\u0301");
	s = "\u00AB\u0645\u0635\u0631\u00BB - \u0627\u0644\u0642\u0627\u0647\u0631\u0629: 10%";
	tokens_are("quotes, dash, colon and percent separate", s, strlen(s),
			   "\u0645\u0635\u0631|\u0627\u0644\u0642\u0627\u0647\u0631\u0629|10");
	s = "\U0001D400\U0001D401 \U00020000\U00020001 \U0001F600 x";
	tokens_are("letters beyond U+FFFF are word characters, an emoji is not", s, strlen(s),
			   "\U0001D400\U0001D401|\U00020000\U00020001|x");
	tokens_are("empty text has no words", "", 0, "");
	tokens_are("white space and punctuation only", " \t\n.,;!?", 8, "");
	{
		Words		w;

		memset(&w, 0, sizeof(w));
		s = "  \u0628\u064A\u062A x\u0627";
		ArTokenize(s, strlen(s), collect_word, &w, ArMallocEnv());
		check(w.n == 2 && w.starts[0] == 2 && w.starts[1] == 9,
			  "ArTokenize passes byte offsets of each word");
	}
	{
		int			n = 0;
		ArStatus	st = ArTokenize("a b c d", 7, stop_at_second, &n, ArMallocEnv());

		check(st == AR_ERR_NOMEM && n == 2,
			  "ArTokenize stops at the first non-OK callback status and returns it");
	}
}

/* ---------------------------------------------------------------------
 * Segmentation
 * --------------------------------------------------------------------- */

/*
 * Checks ArSegmentWord(word) against the expected fields.  Offsets are
 * given in bytes; for unmarked Arabic words a letter is two bytes.
 */
static void
seg_is(const char *desc, const char *word, int nclitics, size_t ce0, size_t ce1,
	   int article, int contracted, size_t article_start, size_t stem_start)
{
	ArWordSeg	g;

	memset(&g, 0x5A, sizeof(g));
	ArSegmentWord(word, strlen(word), &g);
	if (!check(g.nclitics == nclitics &&
			   (nclitics < 1 || g.clitic_end[0] == ce0) &&
			   (nclitics < 2 || g.clitic_end[1] == ce1) &&
			   g.article == article && g.article_contracted == contracted &&
			   g.article_start == article_start && g.stem_start == stem_start,
			   "ArSegmentWord %s", desc))
	{
		printf("#   got      nclitics %d, clitic_end {%zu, %zu}, article %d, contracted %d, article_start %zu, stem_start %zu\n",
			   g.nclitics, g.nclitics > 0 ? g.clitic_end[0] : 0, g.nclitics > 1 ? g.clitic_end[1] : 0,
			   g.article, g.article_contracted, g.article_start, g.stem_start);
		printf("#   expected nclitics %d, clitic_end {%zu, %zu}, article %d, contracted %d, article_start %zu, stem_start %zu\n",
			   nclitics, ce0, ce1, article, contracted, article_start, stem_start);
	}
}

static void
test_segment(void)
{
	/* و ب ال مدينة */
	seg_is("\u0648\u0628\u0627\u0644\u0645\u062F\u064A\u0646\u0629 (wa + bi + al + madina)",
		   "\u0648\u0628\u0627\u0644\u0645\u062F\u064A\u0646\u0629", 2, 2, 4, 1, 0, 4, 8);
	/* ل لـ سفارة */
	seg_is("\u0644\u0644\u0633\u0641\u0627\u0631\u0629 (li + contracted article + safara)",
		   "\u0644\u0644\u0633\u0641\u0627\u0631\u0629", 1, 2, 0, 1, 1, 2, 4);
	seg_is("\u0648\u0627\u0644\u0645\u062F\u064A\u0646\u0629 (wa + al + madina)",
		   "\u0648\u0627\u0644\u0645\u062F\u064A\u0646\u0629", 1, 2, 0, 1, 0, 2, 6);
	seg_is("\u0641\u0642\u0627\u0644 (fa + qala)",
		   "\u0641\u0642\u0627\u0644", 1, 2, 0, 0, 0, 2, 2);
	seg_is("\u0648\u0632\u064A\u0631 (wazir: whole)",
		   "\u0648\u0632\u064A\u0631", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0648\u0632\u064A\u0631\u0629 (wazira: listed as wazirh after folding, whole)",
		   "\u0648\u0632\u064A\u0631\u0629", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0641\u0631\u0646\u0633\u0627 (faransa: whole)",
		   "\u0641\u0631\u0646\u0633\u0627", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0623\u0644\u0645\u0627\u0646\u064A\u0627 (almaniya with hamza: not the article, whole)",
		   "\u0623\u0644\u0645\u0627\u0646\u064A\u0627", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0627\u0644\u0645\u0627\u0646\u064A\u0627 (almaniya with bare alef: listed, whole)",
		   "\u0627\u0644\u0645\u0627\u0646\u064A\u0627", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0627\u0644\u0645\u062F\u064A\u0646\u0629 (al + madina)",
		   "\u0627\u0644\u0645\u062F\u064A\u0646\u0629", 0, 0, 0, 1, 0, 0, 4);
	seg_is("\u0671\u0644\u0645\u062F\u064A\u0646\u0629 (alef wasla + l + madina)",
		   "\u0671\u0644\u0645\u062F\u064A\u0646\u0629", 0, 0, 0, 1, 0, 0, 4);
	seg_is("\u0627\u0644\u0644\u0647 (Allah: whole)",
		   "\u0627\u0644\u0644\u0647", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0627\u0644\u0630\u064A (alladhi: whole)",
		   "\u0627\u0644\u0630\u064A", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0628\u0627\u0644\u0644\u0647 (bi + Allah, no article)",
		   "\u0628\u0627\u0644\u0644\u0647", 1, 2, 0, 0, 0, 2, 2);
	seg_is("\u0648\u0644\u062F (walad: too short, whole)",
		   "\u0648\u0644\u062F", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0641\u064A\u0647 (fihi: too short, whole)",
		   "\u0641\u064A\u0647", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0627\u0644\u0628 (al + one letter: too short for the article, whole)",
		   "\u0627\u0644\u0628", 0, 0, 0, 0, 0, 0, 0);
	seg_is("\u0628\u0627\u0644\u0628\u064A\u062A (bi + al + bayt)",
		   "\u0628\u0627\u0644\u0628\u064A\u062A", 1, 2, 0, 1, 0, 2, 6);
	seg_is("\u0643\u0627\u0644\u0628\u062D\u0631 (ka + al + bahr)",
		   "\u0643\u0627\u0644\u0628\u062D\u0631", 1, 2, 0, 1, 0, 2, 6);
	seg_is("\u0641\u0644\u0644\u0633\u0641\u0627\u0631\u0629 (fa + li + contracted article + safara)",
		   "\u0641\u0644\u0644\u0633\u0641\u0627\u0631\u0629", 2, 2, 4, 1, 1, 4, 6);
	/* و َ ب ِ ا ل ْ م َ د ِ ي ن َ ة ِ: each mark stays with the letter before it */
	seg_is("\u0648\u064E\u0628\u0650\u0627\u0644\u0652\u0645\u064E\u062F\u0650\u064A\u0646\u064E\u0629\u0650 (with diacritics)",
		   "\u0648\u064E\u0628\u0650\u0627\u0644\u0652\u0645\u064E\u062F\u0650\u064A\u0646\u064E\u0629\u0650",
		   2, 4, 8, 1, 0, 8, 14);
	seg_is("\u0648\u0640\u0627\u0644\u0640\u0645\u062F\u064A\u0646\u0629 (tatweel stays with the letter before)",
		   "\u0648\u0640\u0627\u0644\u0640\u0645\u062F\u064A\u0646\u0629", 1, 4, 0, 1, 0, 4, 10);
	seg_is("Latin word (whole)", "walmadina", 0, 0, 0, 0, 0, 0, 0);
	seg_is("digits (whole)", "2024", 0, 0, 0, 0, 0, 0, 0);
	seg_is("Arabic-Indic digits (whole)", "\u0662\u0660\u0662\u0664", 0, 0, 0, 0, 0, 0, 0);
	seg_is("Arabic letters with a Latin letter (whole)",
		   "\u0648\u0627\u0644\u0645x", 0, 0, 0, 0, 0, 0, 0);
	seg_is("empty word", "", 0, 0, 0, 0, 0, 0, 0);
	{
		Str			w = {0};
		ArWordSeg	g;

		str_adds(&w, "\u0648\u0628\u0627\u0644");
		for (int i = 0; i < 96; i++)
			str_adds(&w, "\u0645");
		memset(&g, 0x5A, sizeof(g));
		ArSegmentWord(w.p, w.len, &g);
		check(g.nclitics == 0 && g.article == 0 && g.article_contracted == 0 &&
			  g.article_start == 0 && g.stem_start == 0,
			  "ArSegmentWord a 100-letter word: no crash, whole");
		free(w.p);
	}
}

/* ---------------------------------------------------------------------
 * Search idempotence
 * --------------------------------------------------------------------- */

/*
 * search(search(x)) == search(x) and display(display(x)) == display(x).
 * Regressions: a fold after NFC used to create a new composition (J + caron
 * lower-cased to j + caron, which NFC composes to U+01F0; e + U+06DD +
 * acute, where dropping the Quranic mark U+06DD unblocks e + acute), and in
 * display the tatweel of a presentation form's decomposition (U+FE7B is
 * tatweel + kasra) was dropped after NFC, leaving marks out of canonical
 * order (fuzz_normalize found 0610 FE7B).  Fixed in src by 09fd2eb.
 */
/* ---------------------------------------------------------------------
 * Hardening: the mark-run cap, controls, ZWJ in emoji sequences
 * --------------------------------------------------------------------- */

/* head, then unit repeated n times, then tail, in s (emptied first). */
static void
str_repeat(Str *s, const char *head, const char *unit, size_t n, const char *tail)
{
	s->len = 0;
	str_adds(s, head);
	for (size_t i = 0; i < n; i++)
		str_adds(s, unit);
	str_adds(s, tail);
}

/* normalizing s under flags gives the same bytes as normalizing it twice */
static void
idempotent_is(const char *desc, const char *in, size_t len, uint32_t flags)
{
	ArBuf		once,
				twice;

	norm_len(in, len, flags, &once);
	norm_len(once.data ? once.data : "", once.len, flags, &twice);
	check_bytes(twice.data, twice.len, once.data, once.len, desc);
	ArBufFree(&once, ArMallocEnv());
	ArBufFree(&twice, ArMallocEnv());
}

static void
test_hardening(void)
{
	Str			in = {0},
				exp = {0};
	ArBuf		out;
	ArEnv		env = *ArMallocEnv();
	size_t		calls = 0;

	/* at most AR_MAX_NONSTARTERS marks after a starter, in every profile
	 * with a Unicode stage; the fast path and the ICU path agree */
	str_repeat(&in, "\u0628", "\u0650", 40, "");
	str_repeat(&exp, "\u0628", "\u0650", 30, "");
	norm_is("cap: beh + 40 kasras keeps 30 (display, fast path)", in.p, AR_PROFILE_DISPLAY, exp.p);
	str_repeat(&in, "\uFEFB \u0628", "\u0650", 40, "");
	str_repeat(&exp, "\u0644\u0627 \u0628", "\u0650", 30, "");
	norm_is("cap: beh + 40 kasras keeps 30 (display, ICU path)", in.p, AR_PROFILE_DISPLAY, exp.p);
	str_repeat(&in, "\u0628", "\u0650", 30, "");
	norm_is("cap: exactly 30 kasras are all kept", in.p, AR_PROFILE_DISPLAY, in.p);
	str_repeat(&in, "\u0628", "\u0650", 40, "\u0628\u0650 x");
	str_repeat(&exp, "\u0628", "\u0650", 30, "\u0628\u0650 x");
	norm_is("cap: counting starts again at the next letter", in.p, AR_PROFILE_DISPLAY, exp.p);
	/* kasra (class 32) and fatha (class 30) interleaved: the 30 kept are
	 * the first 30 as written, then put in canonical order */
	str_repeat(&in, "\u0628", "\u0650\u064E", 128000, "");
	str_repeat(&exp, "\u0628", "\u064E", 15, "");
	for (int i = 0; i < 15; i++)
		str_adds(&exp, "\u0650");
	norm_is("cap: 256,000 kasra-fatha pairs give beh + 15 fathas + 15 kasras (display)",
			in.p, AR_PROFILE_DISPLAY, exp.p);
	norm_is("cap: the same run under search drops every mark", in.p, AR_PROFILE_SEARCH, "\u0628");
	norm_is("cap: the same run under camel drops every mark", in.p, AR_PROFILE_CAMEL, "\u0628");
	env.check_interrupts = count_calls;
	env.ctx = &calls;
	memset(&out, 0, sizeof(out));
	ArNormalize(in.p, in.len, AR_PROFILE_DISPLAY, &out, &env);
	check(calls >= in.len / AR_INTERRUPT_STRIDE - 1,
		  "cap: the interrupt callback runs along a 1 MB mark run (%zu calls)", calls);
	ArBufFree(&out, &env);
	idempotent_is("cap: display is idempotent on the long mark run", in.p, in.len, AR_PROFILE_DISPLAY);
	/* Latin: a + 40 acutes is a-acute (which carries one) + 29 acutes */
	str_repeat(&in, "a", "\u0301", 40, "");
	str_repeat(&exp, "\u00E1", "\u0301", 29, "");
	norm_is("cap: a + 40 acute accents gives U+00E1 + 29 (search)", in.p, AR_PROFILE_SEARCH, exp.p);
	idempotent_is("cap: search is idempotent on Latin marks", in.p, in.len, AR_PROFILE_SEARCH);
	/* marks the folds drop count towards ICU's bound, not the output's */
	str_repeat(&in, "a", "\u0301\u0650", 40, "");
	str_repeat(&exp, "\u00E1", "\u0301", 29, "");
	norm_is("cap: acutes mixed with kasras under search keep 30 acutes", in.p, AR_PROFILE_SEARCH, exp.p);
	idempotent_is("cap: search is idempotent on mixed marks", in.p, in.len, AR_PROFILE_SEARCH);
	str_repeat(&in, "\u0628", "\u0651\u06DD\u064E", 40, "");
	idempotent_is("cap: search is idempotent when a dropped starter (U+06DD) splits the run",
				  in.p, in.len, AR_PROFILE_SEARCH);
	idempotent_is("cap: display is idempotent on the same", in.p, in.len, AR_PROFILE_DISPLAY);
	/* steps without a Unicode stage are linear already and keep every mark */
	str_repeat(&in, "\u0628", "\u0650", 40, "");
	norm_is("cap: not applied without a Unicode stage (tatweel step)", in.p, AR_F_TATWEEL, in.p);

	/* everything dropped before ICU: nothing comes out, nothing is read
	 * from the still unallocated output (found by fuzz_fingerprint) */
	norm_is("empty output: a BOM alone (dropped before ICU) under display", "\uFEFF",
			AR_PROFILE_DISPLAY, "");
	norm_is("empty output: BOM, BEL and ZWSP under search", "\uFEFF\x07\u200B",
			AR_PROFILE_SEARCH, "");

	/* C0/C1 controls: dropped by display and search, kept by camel */
	norm_is("controls: BEL ESC DEL U+0080 U+009F dropped, tab and line break kept (display)",
			"a\x07" "b\x1B" "c\x7F" "d\xC2\x80" "e\xC2\x9F" "f\tg\nh", AR_PROFILE_DISPLAY, "abcdef g\nh");
	norm_is("controls: U+001C-001F dropped (search)", "a\x1C" "b\x1F" "c", AR_PROFILE_SEARCH, "abc");
	norm_is("controls: NEL is a line break (display)", "a\xC2\x85" "b", AR_PROFILE_DISPLAY, "a\nb");
	norm_is("controls: camel keeps BEL (as CAMeL Tools does)", "a\x07" "b", AR_PROFILE_CAMEL, "a\x07" "b");
	norm_is("controls: dropped on the ICU path too", "a\x07\uFEFB", AR_PROFILE_DISPLAY, "a\u0644\u0627");

	/* ZWJ kept inside emoji sequences, dropped elsewhere */
	norm_is("ZWJ: family emoji keeps its ZWJs (display)",
			"\U0001F468\u200D\U0001F469\u200D\U0001F467", AR_PROFILE_DISPLAY,
			"\U0001F468\u200D\U0001F469\u200D\U0001F467");
	norm_is("ZWJ: after a skin tone modifier (search)",
			"\U0001F469\U0001F3FD\u200D\U0001F4BB", AR_PROFILE_SEARCH,
			"\U0001F469\U0001F3FD\u200D\U0001F4BB");
	norm_is("ZWJ: after VS16 (rainbow flag)",
			"\U0001F3F3\uFE0F\u200D\U0001F308", AR_PROFILE_DISPLAY,
			"\U0001F3F3\uFE0F\u200D\U0001F308");
	norm_is("ZWJ: on the ICU path too",
			"\uFEFB \U0001F468\u200D\U0001F469", AR_PROFILE_DISPLAY,
			"\u0644\u0627 \U0001F468\u200D\U0001F469");
	norm_is("ZWJ: between Arabic letters dropped", "\u0645\u200D\u0631", AR_PROFILE_DISPLAY,
			"\u0645\u0631");
	norm_is("ZWJ: between an emoji and a letter dropped", "\U0001F468\u200Dx", AR_PROFILE_DISPLAY,
			"\U0001F468x");
	norm_is("ZWJ: at the end dropped", "\U0001F468\u200D", AR_PROFILE_DISPLAY, "\U0001F468");
	norm_is("ZWJ: after a space dropped", "\U0001F468 \u200D\U0001F469", AR_PROFILE_DISPLAY,
			"\U0001F468 \U0001F469");
	norm_is("ZWJ: two in a row keep one", "\U0001F468\u200D\u200D\U0001F469", AR_PROFILE_DISPLAY,
			"\U0001F468\u200D\U0001F469");
	norm_is("ZWJ: camel keeps every ZWJ", "\u0645\u200D\u0631", AR_PROFILE_CAMEL,
			"\u0645\u200D\u0631");
	{
		const char *zin = "\U0001F468\u200D\u200D\U0001F469 \U0001F468\x07\u200D\U0001F469 x\u200D\U0001F469";

		idempotent_is("ZWJ: display is idempotent", zin, strlen(zin), AR_PROFILE_DISPLAY);
		idempotent_is("ZWJ: search is idempotent", zin, strlen(zin), AR_PROFILE_SEARCH);
	}
	/* a word over AR_SEG_MAX_BYTES is not segmented (bounded work per word) */
	{
		ArWordSeg	seg;

		str_repeat(&in, "\u0648\u0628\u0627\u0644\u0645\u062F\u064A\u0646\u0629", "\u0640",
				   (AR_SEG_MAX_BYTES - 18) / 2, "");
		ArSegmentWord(in.p, in.len, &seg);
		check(in.len <= AR_SEG_MAX_BYTES && seg.nclitics == 2 && seg.article == 1,
			  "segment: wa + bi + al + madina with tatweel up to %d bytes still splits", AR_SEG_MAX_BYTES);
		str_adds(&in, "\u0640");
		ArSegmentWord(in.p, in.len, &seg);
		check(in.len > AR_SEG_MAX_BYTES && seg.nclitics == 0 && seg.article == 0 && seg.stem_start == 0,
			  "segment: the same word over %d bytes stays whole", AR_SEG_MAX_BYTES);
	}
	free(in.p);
	free(exp.p);
}

static void
test_idempotence(void)
{
	/* expected bytes where the fix decides them */
	norm_is("search: J + caron gives U+01F0 (NFC after lower-casing)",
			"J\u030C", AR_PROFILE_SEARCH, "\u01F0");
	norm_is("search: e + U+06DD + acute gives U+00E9 (NFC after dropping the mark)",
			"e\u06DD\u0301", AR_PROFILE_SEARCH, "\u00E9");
	norm_is("display: U+0610 + U+FE7B gives kasra then U+0610 (canonical order)",
			"\u0610\uFE7B", AR_PROFILE_DISPLAY, "\u0650\u0610");

	const char *inputs[] = {
		"\u0623\u064E\u0647\u0652\u0644\u064B\u0627 \uFEFB \u0627\u0653 \u0628\u0651\u064E HELLO \u0661",
		"\u00C9COLE \u0130stanbul \u00AB\u0642\u0648\u0644\u00BB",
		"e\u0640\u0301 \u0627\u200D\u0653",
		"J\u030C",
		"e\u06DD\u0301",
		"\u0610\uFE7B",
		"\u0628\u0651\uFE77",
	};
	const uint32_t profs[] = {
		AR_PROFILE_SEARCH, AR_PROFILE_SEARCH, AR_PROFILE_SEARCH, AR_PROFILE_SEARCH,
		AR_PROFILE_SEARCH, AR_PROFILE_DISPLAY, AR_PROFILE_DISPLAY,
	};
	const char *names[] = {
		"Arabic text with a ligature, madda, marks, Latin, digit",
		"Latin capitals with accents, dotted I, guillemets",
		"tatweel and ZWJ removed before composing",
		"J + combining caron (once gave j + U+030C, again U+01F0)",
		"e + U+06DD + combining acute (once gave e + U+0301, again U+00E9)",
		"U+0610 + kasra medial form U+FE7B (display; once gave 0610 0650, again 0650 0610)",
		"beh + shadda + fatha medial form U+FE77 (display)",
	};

	for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++)
	{
		ArBuf		once,
					twice;
		char		d[256];

		norm_len(inputs[i], strlen(inputs[i]), profs[i], &once);
		norm_len(once.data ? once.data : "", once.len, profs[i], &twice);
		snprintf(d, sizeof(d), "%s is idempotent: %s",
				 profs[i] == AR_PROFILE_SEARCH ? "search" : "display", names[i]);
		check_bytes(twice.data, twice.len, once.data, once.len, d);
		ArBufFree(&once, ArMallocEnv());
		ArBufFree(&twice, ArMallocEnv());
	}
}

int
main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_utf8();
	test_flags();
	test_profiles();
	test_icu_vs_fast();
	test_chunking();
	test_invalid();
	test_interrupts();
	test_max_size();
	test_nomem();
	test_tokenize();
	test_segment();
	test_idempotence();
	test_hardening();
	return harness_done();
}
