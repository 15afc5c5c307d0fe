/*
 * src/core/ar_entity_key.c
 *
 * The join key of a name (ArEntityKey; the rule is in ar_entity_key.h).
 * Words are folded into code point arrays, عبد/أبو joined with the next
 * word, then doubled letters, endings and medial vowel letters of names that
 * are not in the native-name table are reduced.
 */
#include "ar_entity_key.h"
#include "ar_tokenize.h"
#include "ar_unicode.h"

#include <stdlib.h>
#include <string.h>

#include "ar_names.h"

#define KEY_WORD_MAX 128		/* code points kept of one (joined) word */

typedef struct KWord
{
	uint32_t	cp[KEY_WORD_MAX];
	int			n;
} KWord;

/* Folds one code point (step 1); 0 drops it. */
static uint32_t
fold_cp(uint32_t c)
{
	int			d;

	if (ArIsDiacritic(c) || c == 0x0640 || c == 0x200C || c == 0x200D ||
		ArIsIgnorable(c) || c == 0x0621)
		return 0;
	switch (c)
	{
		case 0x0622:
		case 0x0623:
		case 0x0625:
		case 0x0671:
			return 0x0627;		/* ا */
		case 0x0649:
		case 0x06CC:
		case 0x0626:
			return 0x064A;		/* ي */
		case 0x0629:
			return 0x0647;		/* ه */
		case 0x0624:
			return 0x0648;		/* و */
		case 0x06A9:
			return 0x0643;		/* ک -> ك */
		case 0x06AF:
		case 0x0686:
			return 0x062C;		/* گ چ -> ج */
		case 0x06A4:
			return 0x0641;		/* ڤ -> ف */
		case 0x067E:
			return 0x0628;		/* پ -> ب */
		case 0x0698:
			return 0x0632;		/* ژ -> ز */
	}
	if ((d = ArDigitValue(c)) >= 0)
		return '0' + (uint32_t) d;
	return ArLatinLower(c);
}

static void
fold_word(const char *s, size_t len, KWord *w)
{
	w->n = 0;
	for (size_t i = 0; i < len;)
	{
		int			nb;
		uint32_t	c = fold_cp(ArUtf8Decode((const unsigned char *) s + i, len - i, &nb));

		i += (size_t) nb;
		if (c && w->n < KEY_WORD_MAX)
			w->cp[w->n++] = c;
	}
}

static int
is_vowel(uint32_t c)
{
	return c == 0x0627 || c == 0x0648 || c == 0x064A;
}

/* ------------------------------------------------------------------ */
/* The native-name table, folded and sorted at first use               */

typedef struct NameEntry
{
	uint32_t	cp[24];
	int			n;
} NameEntry;

static NameEntry *names;
static int	nnames;

static int
cmp_name(const void *a, const void *b)
{
	const NameEntry *x = a,
			   *y = b;

	for (int i = 0; i < x->n && i < y->n; i++)
		if (x->cp[i] != y->cp[i])
			return x->cp[i] < y->cp[i] ? -1 : 1;
	return x->n - y->n;
}

/* Step 3 in place: a run of one letter counts once. */
static void
collapse(KWord *w)
{
	int			o = 0;

	for (int i = 0; i < w->n; i++)
		if (o == 0 || w->cp[o - 1] != w->cp[i])
			w->cp[o++] = w->cp[i];
	w->n = o;
}

/* Step 4 in place: a final يه or يا is written ي. */
static void
ending(KWord *w)
{
	if (w->n >= 4 && w->cp[w->n - 2] == 0x064A &&
		(w->cp[w->n - 1] == 0x0647 || w->cp[w->n - 1] == 0x0627))
		w->n--;
}

static int
load_names(void)
{
	int			count = (int) (sizeof(ar_native_names) / sizeof(ar_native_names[0]));
	NameEntry  *t;

	if (names)
		return 1;
	t = malloc(sizeof(NameEntry) * (size_t) count);
	if (t == NULL)
		return 0;
	for (int i = 0; i < count; i++)
	{
		KWord		w;

		fold_word(ar_native_names[i], strlen(ar_native_names[i]), &w);
		collapse(&w);
		ending(&w);
		t[i].n = w.n > 24 ? 24 : w.n;
		memcpy(t[i].cp, w.cp, sizeof(uint32_t) * (size_t) t[i].n);
	}
	qsort(t, (size_t) count, sizeof(NameEntry), cmp_name);
	nnames = count;
	names = t;
	return 1;
}

static int
is_native(const uint32_t *cp, int n)
{
	NameEntry	key;

	if (n > 24 || !load_names())
		return 0;
	key.n = n;
	memcpy(key.cp, cp, sizeof(uint32_t) * (size_t) n);
	return bsearch(&key, names, (size_t) nnames, sizeof(NameEntry), cmp_name) != NULL;
}

/* Steps 3-5 on one (joined) word, in place. */
static void
reduce(KWord *w)
{
	int			o,
				n,
				article;
	int			letters = 0;

	collapse(w);
	ending(w);
	for (int i = 0; i < w->n; i++)
		letters += w->cp[i] >= 0x0600 && w->cp[i] <= 0x06FF;
	/* غ -> ج in longer words (transliterated g) */
	if (letters >= 5)
		for (int i = 0; i < w->n; i++)
			if (w->cp[i] == 0x063A)
				w->cp[i] = 0x062C;
	if (letters < 3 || letters != w->n)
		return;					/* short, or not all Arabic letters */
	/* a listed name keeps its vowels, with or without the article */
	article = w->n > 4 && w->cp[0] == 0x0627 && w->cp[1] == 0x0644;
	if (is_native(w->cp, w->n) || (article && is_native(w->cp + 2, w->n - 2)))
		return;
	n = w->n;
	o = 1;
	for (int i = 1; i < n - 1; i++)
		if (!is_vowel(w->cp[i]))
			w->cp[o++] = w->cp[i];
	w->cp[o++] = w->cp[n - 1];
	w->n = o;
	collapse(w);
}

/* Appends w to out, after a space unless it is the key's first word. */
static ArStatus
append_word(ArBuf *out, size_t start_len, const KWord *w, const ArEnv *env)
{
	ArStatus	rc = AR_OK;

	if (w->n == 0)
		return AR_OK;
	if (out->len > start_len)
		rc = ArBufAppend(out, " ", 1, env);
	for (int i = 0; rc == AR_OK && i < w->n; i++)
	{
		char		buf[4];
		int			nb = ArUtf8Encode(w->cp[i], buf);

		rc = ArBufAppend(out, buf, (size_t) nb, env);
	}
	return rc;
}

typedef struct KeyState
{
	ArBuf	   *out;
	const ArEnv *env;
	KWord		pending;		/* عبد or أبو waiting for the next word */
	int			has_pending;
	size_t		start_len;
} KeyState;

static int
is_joiner(const KWord *w)
{
	static const uint32_t abd[] = {0x0639, 0x0628, 0x062F};	/* عبد */
	static const uint32_t abu[] = {0x0627, 0x0628, 0x0648};	/* ابو */

	return w->n == 3 && (memcmp(w->cp, abd, sizeof(abd)) == 0 ||
						 memcmp(w->cp, abu, sizeof(abu)) == 0);
}

static ArStatus
key_word(void *arg, const char *text, size_t start, size_t len)
{
	KeyState   *st = arg;
	KWord		w;

	fold_word(text + start, len, &w);
	if (w.n == 0)
		return AR_OK;
	if (st->has_pending)
	{
		KWord		j = st->pending;

		for (int i = 0; i < w.n && j.n < KEY_WORD_MAX; i++)
			j.cp[j.n++] = w.cp[i];
		st->has_pending = 0;
		reduce(&j);
		return append_word(st->out, st->start_len, &j, st->env);
	}
	if (is_joiner(&w))
	{
		st->pending = w;
		st->has_pending = 1;
		return AR_OK;
	}
	reduce(&w);
	return append_word(st->out, st->start_len, &w, st->env);
}

ArStatus
ArEntityKey(const char *in, size_t len, ArBuf *out, const ArEnv *env)
{
	KeyState	st;
	ArStatus	rc;

	memset(&st, 0, sizeof(st));
	st.out = out;
	st.env = env;
	st.start_len = out->len;
	rc = ArTokenize(in, len, key_word, &st, env);
	if (rc == AR_OK && st.has_pending)
	{
		reduce(&st.pending);
		rc = append_word(out, st.start_len, &st.pending, env);
	}
	return rc;
}
