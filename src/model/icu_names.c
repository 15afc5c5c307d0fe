/*
 * src/model/icu_names.c
 *
 * Build-time helper of src/model/gazetteer.sh (not part of the extension).
 * It prints the Arabic place names ICU knows, normalizes name lines the way
 * the gazetteer stores them, and turns running text into the folded stem
 * keys the tagger looks words up by, for the script's word-frequency
 * filter.  Built by the script against ICU and the engine's tokenizer
 * (src/core/ar_tokenize.c), so the keys come from the same segmentation as
 * the tagger's.  Modes (one argument):
 *
 *   regions  "CODE<TAB>name" for every ISO 3166 country ICU lists and for
 *            the UN M.49 continents and subcontinents (uloc_getDisplayCountry
 *            with display locale "ar"); the world (001) is left out
 *   cities   "ZONE<TAB>name": the Arabic exemplar city of every canonical
 *            location time zone (date pattern "VVV")
 *   norm     stdin lines to stdout: NFC, without Arabic diacritics, tatweel
 *            and invisible format characters, without parenthesized parts,
 *            cut before the first comma ("Portland, Oregon" is Portland),
 *            hyphens and dashes as spaces, one space between words; a line
 *            that then holds anything but Arabic letters and spaces is
 *            dropped (and counted on stderr)
 *   keys     stdin text to stdout: one "KEY<TAB>A" line per word, KEY the
 *            folded stem (clitics and article removed, alef forms as ا, ى
 *            as ي, ة as ه; empty for a word that is not all Arabic) and A 1
 *            when the word carried the article; an empty line ends each
 *            input line (paragraph)
 *   namekeys stdin name lines to stdout: "name<TAB>KEY KEY ...<TAB>FLAGS"
 *            with the folded stem of each word, in order, and one flag per
 *            word: A the article was removed, C a proclitic (و ف ب ك ل) was
 *            removed, - neither; KEY and FLAGS are empty when a word is not
 *            all Arabic letters
 *
 * Output is a pure function of the input and the ICU version.  Any ICU or
 * I/O error ends the program with status 1 and a message.
 */
#include "../core/ar_env.h"
#include "../core/ar_tokenize.h"
#include "../core/ar_unicode.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uregion.h>
#include <unicode/ustring.h>

#define LINE_MAX_BYTES (1 << 20)
#define NAME_CAP 1024

static void
die(const char *what, UErrorCode status)
{
	fprintf(stderr, "icu_names: %s: %s\n", what, u_errorName(status));
	exit(1);
}

/* Writes a UTF-16 string as UTF-8 to stdout. */
static void
put_ustr(const UChar *s, int32_t len)
{
	char		buf[NAME_CAP * 4];
	int32_t		n;
	UErrorCode	status = U_ZERO_ERROR;

	u_strToUTF8(buf, sizeof(buf), &n, s, len, &status);
	if (U_FAILURE(status))
		die("u_strToUTF8", status);
	fwrite(buf, 1, n, stdout);
}

/* Prints one region's Arabic display name, if ICU has one in Arabic. */
static void
put_region(const char *code)
{
	char		loc[32];
	UChar		name[NAME_CAP];
	int32_t		len;
	UErrorCode	status = U_ZERO_ERROR;

	snprintf(loc, sizeof(loc), "und_%s", code);
	len = uloc_getDisplayCountry(loc, "ar", name, NAME_CAP, &status);
	if (U_FAILURE(status))
		die("uloc_getDisplayCountry", status);
	/* with no Arabic name ICU echoes the code: skip those */
	if (status == U_USING_DEFAULT_WARNING || len == 0)
		return;
	printf("%s\t", code);
	put_ustr(name, len);
	putchar('\n');
}

static void
mode_regions(void)
{
	const char *const *c;
	static const URegionType types[] = {URGN_CONTINENT, URGN_SUBCONTINENT};

	for (c = uloc_getISOCountries(); *c; c++)
		put_region(*c);
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++)
	{
		UErrorCode	status = U_ZERO_ERROR;
		UEnumeration *e = uregion_getAvailable(types[t], &status);
		const char *code;

		if (U_FAILURE(status))
			die("uregion_getAvailable", status);
		while ((code = uenum_next(e, NULL, &status)) != NULL)
			put_region(code);
		if (U_FAILURE(status))
			die("uenum_next", status);
		uenum_close(e);
	}
}

static void
mode_cities(void)
{
	UErrorCode	status = U_ZERO_ERROR;
	UEnumeration *zones;
	const UChar *zone;
	int32_t		zlen;
	static const UChar pattern[] = {'V', 'V', 'V', 0};

	zones = ucal_openTimeZoneIDEnumeration(UCAL_ZONE_TYPE_CANONICAL_LOCATION,
										   NULL, NULL, &status);
	if (U_FAILURE(status))
		die("ucal_openTimeZoneIDEnumeration", status);
	while ((zone = uenum_unext(zones, &zlen, &status)) != NULL)
	{
		UDateFormat *fmt;
		UChar		name[NAME_CAP];
		int32_t		len;

		fmt = udat_open(UDAT_PATTERN, UDAT_PATTERN, "ar", zone, zlen,
						pattern, -1, &status);
		if (U_FAILURE(status))
			die("udat_open", status);
		/* a fixed instant: the exemplar city does not depend on it */
		len = udat_format(fmt, 0.0, name, NAME_CAP, NULL, &status);
		if (U_FAILURE(status))
			die("udat_format", status);
		udat_close(fmt);
		put_ustr(zone, zlen);
		putchar('\t');
		put_ustr(name, len);
		putchar('\n');
	}
	if (U_FAILURE(status))
		die("uenum_unext", status);
	uenum_close(zones);
}

/* Hyphen-minus and the Unicode hyphens and dashes U+2010-2015. */
static int
is_dash(uint32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015);
}

/*
 * Normalizes one name (UTF-8, NUL-terminated, no line break) into out
 * (at least 4 * strlen(in) + 1 bytes), as the norm mode describes.
 * Returns 1 when the result is a non-empty run of Arabic letters and single
 * spaces, else 0.
 */
static int
norm_name(const char *in, char *out)
{
	static UChar u[LINE_MAX_BYTES],
				nfc[LINE_MAX_BYTES];
	static char utf8[LINE_MAX_BYTES * 3];
	const UNormalizer2 *n2;
	UErrorCode	status = U_ZERO_ERROR;
	int32_t		ulen,
				nlen,
				blen;
	size_t		o = 0;
	int			pending_space = 0,
				depth = 0,
				ok = 1;

	n2 = unorm2_getNFCInstance(&status);
	if (U_FAILURE(status))
		die("unorm2_getNFCInstance", status);
	u_strFromUTF8(u, LINE_MAX_BYTES, &ulen, in, -1, &status);
	if (U_FAILURE(status))
		die("u_strFromUTF8 (is the input UTF-8?)", status);
	nlen = unorm2_normalize(n2, u, ulen, nfc, LINE_MAX_BYTES, &status);
	if (U_FAILURE(status))
		die("unorm2_normalize", status);
	u_strToUTF8(utf8, sizeof(utf8), &blen, nfc, nlen, &status);
	if (U_FAILURE(status))
		die("u_strToUTF8", status);

	for (int32_t i = 0; i < blen;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) utf8 + i,
									 blen - i, &nb);

		i += nb;
		if (c == ',' || c == 0x060C)	/* "X, Y": the name is X */
			break;
		if (c == '(')
		{
			depth++;
			continue;
		}
		if (c == ')' && depth > 0)
		{
			depth--;
			pending_space = o > 0;
			continue;
		}
		if (depth > 0 || ArIsDiacritic(c) || c == AR_TATWEEL || ArIsIgnorable(c))
			continue;
		if (ArIsSpace(c) || ArIsLineBreak(c) || is_dash(c))
		{
			pending_space = o > 0;
			continue;
		}
		if (!ArIsArabicLetter(c))
			ok = 0;
		if (pending_space)
			out[o++] = ' ';
		pending_space = 0;
		o += ArUtf8Encode(c, out + o);
	}
	out[o] = '\0';
	return ok && depth == 0 && o > 0;
}

static int
read_line(char *buf, size_t cap)
{
	size_t		l;

	if (fgets(buf, cap, stdin) == NULL)
		return 0;
	l = strlen(buf);
	if (l == cap - 1 && buf[l - 1] != '\n')
	{
		fprintf(stderr, "icu_names: input line longer than %zu bytes\n", cap - 2);
		exit(1);
	}
	while (l && (buf[l - 1] == '\n' || buf[l - 1] == '\r'))
		buf[--l] = '\0';
	return 1;
}

static void
mode_norm(void)
{
	static char line[LINE_MAX_BYTES],
				out[LINE_MAX_BYTES * 4];
	long		kept = 0,
				dropped = 0;

	while (read_line(line, sizeof(line)))
	{
		if (norm_name(line, out))
		{
			puts(out);
			kept++;
		}
		else if (line[0] != '\0')
			dropped++;
	}
	fprintf(stderr, "icu_names norm: %ld kept, %ld dropped (not Arabic letters only)\n",
			kept, dropped);
}

/*
 * The folding of the tagger's gazetteer keys (src/core/ar_tagger.c,
 * fold_word), applied to Arabic letters: drops diacritics, tatweel and
 * joiners, writes alef forms as ا, ى and Farsi yeh as ي, ة as ه, Farsi kaf
 * as ك.  Writes UTF-8 to out (4 * len + 1 bytes); returns 0 when the word
 * holds anything but Arabic letters and marks (not a key).
 */
static int
fold_stem(const char *s, size_t len, char *out)
{
	size_t		o = 0;

	for (size_t i = 0; i < len;)
	{
		int			nb;
		uint32_t	c = ArUtf8Decode((const unsigned char *) s + i, len - i, &nb);

		i += nb;
		if (ArIsDiacritic(c) || c == AR_TATWEEL || c == 0x200C || c == 0x200D)
			continue;
		if (!ArIsArabicLetter(c))
			return 0;
		c = ArFoldLetter(c);
		o += ArUtf8Encode(c, out + o);
	}
	out[o] = '\0';
	return o > 0;
}

typedef struct KeyState
{
	int			names;			/* namekeys: space-separated, no flag */
	int			nwords;
	int			bad;			/* namekeys: a word is not Arabic */
	char		buf[LINE_MAX_BYTES];
	size_t		len;
	char		flags[LINE_MAX_BYTES];
	size_t		nflags;
} KeyState;

static ArStatus
key_word(void *arg, const char *text, size_t start, size_t len)
{
	KeyState   *st = arg;
	ArWordSeg	seg;
	char		key[4 * 256 + 1];

	if (len > 256)
	{
		st->bad = 1;
		if (!st->names)
			printf("\t0\n");
		return AR_OK;
	}
	ArSegmentWord(text + start, len, &seg);
	if (!fold_stem(text + start + seg.stem_start, len - seg.stem_start, key))
	{
		st->bad = 1;
		if (!st->names)
			printf("\t0\n");
		return AR_OK;
	}
	if (st->names)
	{
		size_t		k = strlen(key);

		if (st->len + k + 2 >= sizeof(st->buf) || st->nflags + 2 >= sizeof(st->flags))
			return AR_ERR_TOO_LARGE;
		if (st->nwords++)
			st->buf[st->len++] = ' ';
		memcpy(st->buf + st->len, key, k);
		st->len += k;
		st->flags[st->nflags++] = (seg.nclitics > 0 || seg.article_contracted) ? 'C' :
			seg.article ? 'A' : '-';
	}
	else
		printf("%s\t%d\n", key, seg.article);
	return AR_OK;
}

static void
mode_keys(int names)
{
	static char line[LINE_MAX_BYTES];
	static KeyState st;

	st.names = names;
	while (read_line(line, sizeof(line)))
	{
		ArStatus	rc;

		st.nwords = st.bad = 0;
		st.len = st.nflags = 0;
		rc = ArTokenize(line, strlen(line), key_word, &st, ArMallocEnv());
		if (rc != AR_OK)
		{
			fprintf(stderr, "icu_names: %s\n", ArStatusMessage(rc));
			exit(1);
		}
		if (names)
		{
			st.buf[st.len] = '\0';
			st.flags[st.nflags] = '\0';
			printf("%s\t%s\t%s\n", line, st.bad ? "" : st.buf,
				   st.bad ? "" : st.flags);
		}
		else
			putchar('\n');
	}
}

int
main(int argc, char **argv)
{
	if (argc != 2)
	{
		fprintf(stderr, "usage: icu_names regions|cities|norm|keys|namekeys\n");
		return 2;
	}
	if (strcmp(argv[1], "regions") == 0)
		mode_regions();
	else if (strcmp(argv[1], "cities") == 0)
		mode_cities();
	else if (strcmp(argv[1], "norm") == 0)
		mode_norm();
	else if (strcmp(argv[1], "keys") == 0)
		mode_keys(0);
	else if (strcmp(argv[1], "namekeys") == 0)
		mode_keys(1);
	else
	{
		fprintf(stderr, "icu_names: unknown mode %s\n", argv[1]);
		return 2;
	}
	if (fflush(stdout) != 0 || ferror(stdout))
	{
		perror("icu_names: stdout");
		return 1;
	}
	return 0;
}
