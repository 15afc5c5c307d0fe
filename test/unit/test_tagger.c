/*
 * test/unit/test_tagger.c
 *
 * Unit tests of the entity tagger in src/core/ar_tag*.c: sentence
 * segments, cleaned mention forms (proclitics, ال restored after لل,
 * diacritics), gazetteer phrase keys, the model image checks (bad magic,
 * truncation, a flipped byte, misalignment), the word-cluster section
 * (lookups by stem, the features it adds, an unsorted or oversized
 * section refused), and extraction with the
 * committed model src/model/pg_arabic_ner.model on sentences whose
 * entities are unambiguous, on text without Arabic, on empty text and on
 * 1 MB of text (the interrupt callback must run).  The harness is
 * harness.h; run from the repository root (make unit).
 */
#include "ar_env.h"
#include "ar_tagger.h"

#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_PATH "src/model/pg_arabic_ner.model"

static const ArEnv *env;

/* ------------------------------------------------------------------ */

static void
test_split(void)
{
	ArTagWords	ws = {0};
	const char *t = "\u0642\u0627\u0644 \u0628\u0648\u062A\u064A\u0646. "
		"\u0648\u0623\u0636\u0627\u0641\u061F \u0646\u0639\u0645\n\u0644\u0627";

	check(ArTagSplit(t, strlen(t), &ws, env) == AR_OK && ws.n == 5,
		  "five words (got %d)", ws.n);
	check(ws.w[0].sent_start && !ws.w[1].sent_start && ws.w[2].sent_start &&
		  ws.w[3].sent_start && ws.w[4].sent_start,
		  "segments start after '.', '\u061F' and a line break");
	ArTagWordsFree(&ws, env);

	{
		/* 450 words without punctuation: cut every AR_TAG_MAX_SENT words */
		char		buf[450 * 9 + 1];
		int			starts = 0;

		buf[0] = '\0';
		for (int i = 0; i < 450; i++)
			strcat(buf, "\u0643\u0644\u0645\u0629 ");
		check(ArTagSplit(buf, strlen(buf), &ws, env) == AR_OK && ws.n == 450, "450 words");
		for (int i = 0; i < ws.n; i++)
			starts += ws.w[i].sent_start;
		check(starts == 3 && ws.w[200].sent_start && ws.w[400].sent_start,
			  "a run without punctuation is cut every %d words", AR_TAG_MAX_SENT);
		ArTagWordsFree(&ws, env);

		/* the word list is 8 bytes a word and refuses to pass max_size */
		{
			ArEnv		small = *env;

			check(sizeof(ArTagWord) == 8, "a word takes 8 bytes in the list (%zu)",
				  sizeof(ArTagWord));
			small.max_size = 256 * sizeof(ArTagWord);
			check(ArTagSplit(buf, strlen(buf), &ws, &small) == AR_ERR_TOO_LARGE,
				  "450 words with room for 256: AR_ERR_TOO_LARGE, not a partial list");
			ArTagWordsFree(&ws, env);
			ws = (ArTagWords) {0};
		}
	}
}

/* The cleaned form of word k of t, as a one-word mention. */
static void
clean_word(const char *t, int k, char *out, size_t cap)
{
	ArTagWords	ws = {0};
	ArBuf		b = {0};
	ArMention	m = {0};

	out[0] = '\0';
	if (ArTagSplit(t, strlen(t), &ws, env) != AR_OK || k >= ws.n)
		return;
	m.first = k;
	m.nwords = 1;
	ArMentionResolve(NULL, t, &ws, &m, 0);
	if (ArMentionClean(t, &ws, &m, &b, env) == AR_OK && b.len < cap)
	{
		memcpy(out, b.data, b.len);
		out[b.len] = '\0';
	}
	ArBufFree(&b, env);
	ArTagWordsFree(&ws, env);
}

static void
test_clean(void)
{
	char		got[256];

	clean_word("\u0648\u0628\u0648\u062A\u064A\u0646", 0, got, sizeof(got));
	check_str(got, "\u0628\u0648\u062A\u064A\u0646", "\u0648\u0628\u0648\u062A\u064A\u0646 -> \u0628\u0648\u062A\u064A\u0646 (conjunction removed)");
	clean_word("\u0644\u0644\u0633\u0641\u0627\u0631\u0629", 0, got, sizeof(got));
	check_str(got, "\u0627\u0644\u0633\u0641\u0627\u0631\u0629", "\u0644\u0644\u0633\u0641\u0627\u0631\u0629 -> \u0627\u0644\u0633\u0641\u0627\u0631\u0629 (article restored)");
	clean_word("\u0628\u0627\u0644\u0642\u0627\u0647\u0631\u0629", 0, got, sizeof(got));
	check_str(got, "\u0627\u0644\u0642\u0627\u0647\u0631\u0629", "\u0628\u0627\u0644\u0642\u0627\u0647\u0631\u0629 -> \u0627\u0644\u0642\u0627\u0647\u0631\u0629 (preposition removed, article kept)");
	clean_word("\u0648\u064E\u0627\u0644\u0652\u0640\u0642\u064F\u062F\u0633", 0, got, sizeof(got));
	check_str(got, "\u0627\u0644\u0642\u062F\u0633", "diacritics and tatweel dropped");
	clean_word("\u0648\u0632\u064A\u0631", 0, got, sizeof(got));
	check_str(got, "\u0648\u0632\u064A\u0631", "\u0648\u0632\u064A\u0631 keeps its first letter");
	clean_word("\u0648\u0627\u0646\u063A", 0, got, sizeof(got));
	check_str(got, "\u0648\u0627\u0646\u063A", "\u0648\u0627\u0646\u063A stays whole: fewer than four letters would remain");
	clean_word("كالاس", 0, got, sizeof(got));
	check_str(got, "كالاس", "كالاس stays whole: two letters after a preposition and the article are no name");
	clean_word("بالسويد", 0, got, sizeof(got));
	check_str(got, "السويد", "بالسويد -> السويد (four letters after the article: the preposition goes)");
	clean_word("NATO", 0, got, sizeof(got));
	check_str(got, "NATO", "Latin words are kept as written");

	{
		/* two words: one space, the second word's conjunction stays */
		const char *t = "\u0645\u0646 \u0644\u0644\u0623\u0645\u0645  \u0627\u0644\u0645\u062A\u062D\u062F\u0629";
		ArTagWords	ws = {0};
		ArBuf		b = {0};
		ArMention	m = {0};

		ArTagSplit(t, strlen(t), &ws, env);
		m.first = 1;
		m.nwords = 2;
		ArMentionResolve(NULL, t, &ws, &m, 0);
		ArMentionClean(t, &ws, &m, &b, env);
		check(b.len == strlen("\u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062A\u062D\u062F\u0629") &&
			  memcmp(b.data, "\u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062A\u062D\u062F\u0629", b.len) == 0,
			  "\u0644\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062A\u062D\u062F\u0629 -> \u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062A\u062D\u062F\u0629, one space");
		ArBufFree(&b, env);
		ArTagWordsFree(&ws, env);
	}
	{
		/* words after the first are kept whole: لل inside a name stays */
		const char *t = "\u0627\u0644\u0648\u0643\u0627\u0644\u0629 \u0627\u0644\u062F\u0648\u0644\u064A\u0629 \u0644\u0644\u0637\u0627\u0642\u0629 \u0627\u0644\u0630\u0631\u064A\u0629";
		ArTagWords	ws = {0};
		ArBuf		b = {0};
		ArMention	m = {0};

		ArTagSplit(t, strlen(t), &ws, env);
		m.first = 0;
		m.nwords = 4;
		ArMentionResolve(NULL, t, &ws, &m, 0);
		ArMentionClean(t, &ws, &m, &b, env);
		check(b.len == strlen(t) && memcmp(b.data, t, b.len) == 0,
			  "\u0627\u0644\u0648\u0643\u0627\u0644\u0629 \u0627\u0644\u062F\u0648\u0644\u064A\u0629 \u0644\u0644\u0637\u0627\u0642\u0629 \u0627\u0644\u0630\u0631\u064A\u0629 is kept as written");
		ArBufFree(&b, env);
		ArTagWordsFree(&ws, env);
	}
}

static void
test_gaz_keys(void)
{
	int			n1,
				n2,
				n3;
	uint64_t	a = ArGazPhraseKey("\u0627\u0644\u0642\u0627\u0647\u0631\u0629", strlen("\u0627\u0644\u0642\u0627\u0647\u0631\u0629"), &n1, env);
	uint64_t	b = ArGazPhraseKey("\u0628\u0627\u0644\u0642\u0627\u0647\u0631\u0647", strlen("\u0628\u0627\u0644\u0642\u0627\u0647\u0631\u0647"), &n2, env);
	uint64_t	c = ArGazPhraseKey("\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0627\u0644\u062C\u062F\u064A\u062F\u0629", strlen("\u0627\u0644\u0642\u0627\u0647\u0631\u0629 \u0627\u0644\u062C\u062F\u064A\u062F\u0629"), &n3, env);

	check(n1 == 1 && n2 == 1 && a == b, "phrase keys ignore the article, a preposition before it and \u0629/\u0647");
	check(n3 == 2 && c != a, "a two-word phrase has its own key");
	ArGazPhraseKey("", 0, &n1, env);
	check(n1 == 0, "an empty name has no words");
	ArGazPhraseKey("\u0623 \u0628 \u062A \u062B \u062C \u062D \u062E", strlen("\u0623 \u0628 \u062A \u062B \u062C \u062D \u062E"), &n1, env);
	check(n1 == 0, "names longer than %d words are not keyed", AR_GAZ_MAXWORDS);
	check(ArGazClass("LOC", 3) == AR_GAZ_LOC && ArGazClass("TITLE", 5) == AR_GAZ_TITLE &&
		  ArGazClass("LO", 2) == 0, "gazetteer class names");
	{
		/* ألكسندر لافرنتيف, الكساندر لافرينتييف, محمد سعد, محمد سعيد */
		const char *v1 = "\u0623\u0644\u0643\u0633\u0646\u062F\u0631 \u0644\u0627\u0641\u0631\u0646\u062A\u064A\u0641";
		const char *v2 = "\u0627\u0644\u0643\u0627\u0633\u0627\u0646\u062F\u0631 \u0644\u0627\u0641\u0631\u064A\u0646\u062A\u064A\u064A\u0641";
		const char *d1 = "\u0645\u062D\u0645\u062F \u0633\u0639\u062F";
		const char *d2 = "\u0645\u062D\u0645\u062F \u0633\u0639\u064A\u062F";
		uint64_t	k1 = ArGazSpellingPhraseKey(v1, strlen(v1), &n1, env),
					k2 = ArGazSpellingPhraseKey(v2, strlen(v2), &n2, env),
					k3 = ArGazSpellingPhraseKey(d1, strlen(d1), &n3, env),
					k4;
		int			n4;

		k4 = ArGazSpellingPhraseKey(d2, strlen(d2), &n4, env);
		check(n1 == 2 && n2 == 2 && k1 == k2 && k1 != 0,
			  "spelling phrase keys: two spellings of one name agree");
		check(n3 == 2 && n4 == 2 && k3 != k4, "spelling phrase keys: two names stay apart");
		check(k1 != ArGazPhraseKey(v1, strlen(v1), &n1, env),
			  "spelling keys and stem keys are different key spaces");
	}
}

/*
 * A sure gazetteer phrase becomes one mention of its class, unless a
 * mention the tagger found crosses its edges.
 */
static void
test_sure(void)
{
	/* صندوق النقد الدولي يقرض مصر */
	const char *t = "\u0635\u0646\u062F\u0648\u0642 \u0627\u0644\u0646\u0642\u062F \u0627\u0644\u062F\u0648\u0644\u064A \u064A\u0642\u0631\u0636 \u0645\u0635\u0631";
	const char *name = "\u0635\u0646\u062F\u0648\u0642 \u0627\u0644\u0646\u0642\u062F \u0627\u0644\u062F\u0648\u0644\u064A";
	ArTagWords	ws = {0};
	ArTagFeats	fs = {0};
	int			nw;
	uint64_t	key = ArGazPhraseKey(name, strlen(name), &nw, env);
	uint16_t	mask = AR_GAZ_ORG | AR_GAZ_SURE;
	ArGaz		gaz = {&key, &mask, 1};
	const int	B_ORG = 1 + 2 * AR_ENT_ORGANIZATION,
				I_ORG = B_ORG + 1,
				B_LOC = 1 + 2 * AR_ENT_LOCATION,
				I_LOC = B_LOC + 1,
				B_PER = 1 + 2 * AR_ENT_PERSON;
	uint8_t		tags[5];

	ArTagSplit(t, strlen(t), &ws, env);
	ArTagFeaturize(&gaz, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
	memcpy(tags, (uint8_t[]) {0, B_LOC, 0, 0, B_LOC}, 5);
	ArTagApplySure(&gaz, &fs, tags);
	check(ws.n == 5 && tags[0] == B_ORG && tags[1] == I_ORG && tags[2] == I_ORG &&
		  tags[3] == 0 && tags[4] == B_LOC,
		  "a sure name replaces the mentions inside it and leaves the others");
	memcpy(tags, (uint8_t[]) {0, 0, 0, 0, B_PER}, 5);
	tags[2] = B_LOC;
	tags[3] = I_LOC;
	ArTagApplySure(&gaz, &fs, tags);
	check(tags[0] == 0 && tags[1] == 0 && tags[2] == B_LOC && tags[3] == I_LOC,
		  "a mention crossing the sure name's end keeps it untouched");
	mask = AR_GAZ_ORG;
	ArTagFeaturize(&gaz, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
	memset(tags, 0, 5);
	ArTagApplySure(&gaz, &fs, tags);
	check(tags[0] == 0 && tags[1] == 0 && tags[2] == 0,
		  "a gazetteer name without the sure bit is only a feature");

	/* a sure name of one word (مصر) */
	key = ArGazPhraseKey(t + strlen(t) - 6, 6, &nw, env);
	mask = AR_GAZ_LOC | AR_GAZ_SURE;
	ArTagFeaturize(&gaz, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
	memset(tags, 0, 5);
	ArTagApplySure(&gaz, &fs, tags);
	check(nw == 1 && tags[3] == 0 && tags[4] == B_LOC,
		  "a sure name of one word is tagged");
	tags[3] = B_ORG;
	tags[4] = I_ORG;
	ArTagApplySure(&gaz, &fs, tags);
	check(tags[3] == B_ORG && tags[4] == I_ORG,
		  "a sure word inside a longer mention stays in it");
	tags[3] = B_PER;
	tags[4] = B_PER + 1;
	ArTagApplySure(&gaz, &fs, tags);
	check(tags[3] == 0 && tags[4] == B_LOC,
		  "a person mention running into a sure word goes");
	ArTagFeatsFree(&fs, env);
	ArTagWordsFree(&ws, env);
}

/*
 * Organization chains: a head noun and the words after it up to a
 * nationality adjective become one ORGANIZATION mention (ArTagApplyOrgChains
 * over the chains ArTagFeaturize marks), a place inside included; a person
 * mention crossing a chain leaves it alone; punctuation ends a chain.
 */
static void
test_org_chains(void)
{
	/* قالت وزارة الخارجية التركية إن الجيش اللبناني والقوات الروسية في سوريا */
	const char *t = "\u0642\u0627\u0644\u062A \u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062E\u0627\u0631\u062C\u064A\u0629 \u0627\u0644\u062A\u0631\u0643\u064A\u0629 \u0625\u0646 \u0627\u0644\u062C\u064A\u0634 \u0627\u0644\u0644\u0628\u0646\u0627\u0646\u064A \u0648\u0627\u0644\u0642\u0648\u0627\u062A \u0627\u0644\u0631\u0648\u0633\u064A\u0629 \u0641\u064A \u0633\u0648\u0631\u064A\u0627";
	/* وزارة الخارجية، التركية */
	const char *t2 = "\u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062E\u0627\u0631\u062C\u064A\u0629\u060C \u0627\u0644\u062A\u0631\u0643\u064A\u0629";
	static const char *const names[] = {
		"\u0648\u0632\u0627\u0631\u0629",	/* وزارة */
		"\u062C\u064A\u0634",	/* جيش */
		"\u0642\u0648\u0627\u062A",	/* قوات */
		"\u062A\u0631\u0643\u064A\u0629",	/* تركية */
		"\u0644\u0628\u0646\u0627\u0646\u064A",	/* لبناني */
		"\u0631\u0648\u0633\u064A\u0629",	/* روسية */
		"\u0633\u0648\u0631\u064A\u0627",	/* سوريا */
	};
	static const uint16_t classes[] = {
		AR_GAZ_ORG_HEAD, AR_GAZ_ORG_HEAD, AR_GAZ_ORG_HEAD, AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_LOC
	};
	enum
	{
		NN = sizeof(names) / sizeof(names[0])
	};
	uint64_t	key[NN];
	uint16_t	mask[NN];
	ArGaz		gaz = {key, mask, NN};
	ArTagWords	ws = {0};
	ArTagFeats	fs = {0};
	const int	B_ORG = 1 + 2 * AR_ENT_ORGANIZATION,
				I_ORG = B_ORG + 1,
				B_LOC = 1 + 2 * AR_ENT_LOCATION,
				B_PER = 1 + 2 * AR_ENT_PERSON,
				I_PER = B_PER + 1;
	uint8_t		tags[11];
	int			nw;

	/* the gazetteer's keys ascending, as the lookup requires */
	for (int i = 0; i < NN; i++)
	{
		uint64_t	k = ArGazPhraseKey(names[i], strlen(names[i]), &nw, env);
		int			j = i;

		while (j > 0 && key[j - 1] > k)
		{
			key[j] = key[j - 1];
			mask[j] = mask[j - 1];
			j--;
		}
		key[j] = k;
		mask[j] = classes[i];
	}
	ArTagSplit(t, strlen(t), &ws, env);
	ArTagFeaturize(&gaz, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
	check(ws.n == 11 && fs.org_len[1] == 3 && fs.org_len[5] == 2 && fs.org_len[7] == 2 &&
		  fs.org_len[0] == 0 && fs.org_len[2] == 0 && fs.org_len[9] == 0,
		  "chains: head noun to the nationality adjective (%d %d %d)",
		  fs.org_len[1], fs.org_len[5], fs.org_len[7]);
	memset(tags, 0, sizeof(tags));
	tags[3] = B_LOC;
	tags[10] = B_LOC;
	ArTagApplyOrgChains(&fs, tags);
	check(tags[0] == 0 && tags[1] == B_ORG && tags[2] == I_ORG && tags[3] == I_ORG &&
		  tags[4] == 0 && tags[5] == B_ORG && tags[6] == I_ORG &&
		  tags[7] == B_ORG && tags[8] == I_ORG && tags[9] == 0 && tags[10] == B_LOC,
		  "each chain is one organization, a place inside it too; the place after it stays");
	memset(tags, 0, sizeof(tags));
	tags[6] = B_PER;
	tags[7] = I_PER;
	ArTagApplyOrgChains(&fs, tags);
	check(tags[1] == B_ORG && tags[5] == 0 && tags[6] == B_PER && tags[7] == I_PER && tags[8] == 0,
		  "a person mention crossing two chains leaves both alone");
	memset(tags, 0, sizeof(tags));
	tags[0] = B_ORG;
	tags[1] = I_ORG;
	ArTagApplyOrgChains(&fs, tags);
	check(tags[0] == B_ORG && tags[1] == I_ORG && tags[2] == I_ORG && tags[3] == I_ORG && tags[4] == 0,
		  "an organization running into a chain from before takes the chain in");

	ArTagSplit(t2, strlen(t2), &ws, env);
	ArTagFeaturize(&gaz, NULL, NULL, t2, strlen(t2), &ws, 0, ws.n, &fs, env);
	memset(tags, 0, sizeof(tags));
	ArTagApplyOrgChains(&fs, tags);
	check(ws.n == 3 && fs.org_len[0] == 0 && tags[0] == 0 && tags[2] == 0,
		  "a comma ends a chain");
	ArTagFeatsFree(&fs, env);
	ArTagWordsFree(&ws, env);
}

/* ------------------------------------------------------------------ */

static char *
read_file(const char *path, size_t *len)
{
	FILE	   *fp = fopen(path, "rb");
	char	   *buf;
	long		n;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	fseek(fp, 0, SEEK_SET);
	/* 8-byte aligned, as palloc gives it */
	buf = aligned_alloc(8, ((size_t) n + 15) & ~(size_t) 7);
	if (buf == NULL || fread(buf, 1, (size_t) n, fp) != (size_t) n)
	{
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	*len = (size_t) n;
	return buf;
}

static void
test_model_checks(const char *image, size_t len)
{
	ArModel    *m;
	const char *why;
	char	   *copy = aligned_alloc(8, (len + 15) & ~(size_t) 7);

	memcpy(copy, image, len);
	why = ArModelOpen(copy, len - 8, &m, env);
	check(why && strstr(why, "truncated") && m == NULL, "a truncated image is refused (%s)", why ? why : "accepted");
	copy[len / 2] ^= 0x40;
	why = ArModelOpen(copy, len, &m, env);
	check(why && strstr(why, "checksum") && m == NULL, "a flipped byte is refused (%s)", why ? why : "accepted");
	memcpy(copy, image, len);
	copy[0] = 'X';
	why = ArModelOpen(copy, len, &m, env);
	check(why && strstr(why, "not a pg_arabic model") != NULL, "a bad magic number is refused (%s)", why ? why : "accepted");
	why = ArModelOpen("PGAR", 4, &m, env);
	check(why != NULL, "a 4-byte file is refused");
	free(copy);
}

/* The stem key of one word, as the tagger and the cluster table key it. */
static uint64_t
stem_key(const char *word)
{
	ArTagWords	ws = {0};
	uint64_t	stem = 0,
				bare;
	size_t		skip;

	if (ArTagSplit(word, strlen(word), &ws, env) == AR_OK && ws.n == 1)
		ArWordKeys(word, &ws.w[0], &stem, &bare, &skip);
	ArTagWordsFree(&ws, env);
	return stem;
}

/*
 * The word-cluster section of the committed model: lookups by stem key, and
 * ArModelOpen's checks of the section (an unsorted table, a count that
 * passes the end of the image).
 */
static void
test_clusters(const ArModel *m, const char *image, size_t len)
{
	const ArClusters *cl = ArModelClusters(m);
	const uint16_t *london = ArClusterLookup(cl, stem_key("لندن")),
			   *paris = ArClusterLookup(cl, stem_key("باريس")),
			   *wlondon = ArClusterLookup(cl, stem_key("ولندن")),
			   *said = ArClusterLookup(cl, stem_key("قال"));
	char	   *copy = aligned_alloc(8, (len + 15) & ~(size_t) 7);
	uint32_t	ncl;
	size_t		off;
	uint64_t	k,
				sum;
	ArModel    *bad;
	const char *why;

	check(cl->n > 50000, "the model carries word clusters (%d words)", cl->n);
	check(london && paris && said, "لندن, باريس and قال have classes");
	check(wlondon == london, "ولندن is looked up by its stem, لندن");
	if (london && paris && said)
	{
		check(london[AR_CLUSTER_LEVELS - 1] == paris[AR_CLUSTER_LEVELS - 1],
			  "لندن and باريس share their finest class (%d, %d)",
			  london[AR_CLUSTER_LEVELS - 1], paris[AR_CLUSTER_LEVELS - 1]);
		check(london[0] != said[0], "لندن and قال differ in the coarsest class (%d, %d)",
			  london[0], said[0]);
	}
	check(ArClusterLookup(cl, stem_key("كككككككك")) == NULL, "an unseen word has no class");
	check(ArClusterLookup(NULL, stem_key("لندن")) == NULL, "no table: no class");
	{
		/* every key is found, through ArModelOpen's buckets and without */
		ArClusters	flat = *cl;
		int			found = 0,
					absent = 0;

		flat.bucket = NULL;
		for (int i = 0; i < cl->n; i++)
		{
			const uint16_t *want = cl->id + (size_t) i * AR_CLUSTER_LEVELS;

			found += ArClusterLookup(cl, cl->key[i]) == want &&
				ArClusterLookup(&flat, cl->key[i]) == want;
			absent += ArClusterLookup(cl, cl->key[i] + 1) == NULL ||
				(i + 1 < cl->n && cl->key[i + 1] == cl->key[i] + 1);
		}
		check(cl->bucket != NULL && found == cl->n && absent == cl->n,
			  "each of the %d keys is found, its neighbours not (%d, %d)", cl->n, found, absent);
	}
	{
		/* 11 cluster features a word (the class of the word and of its two
		 * neighbours at 3 levels, two coarse pairs), 3 more for a ب ل ك word */
		const char *t = "وصل الوزير بلندن أمس";
		ArTagWords	ws = {0};
		ArTagFeats	fs = {0};
		int			without;

		ArTagSplit(t, strlen(t), &ws, env);
		ArTagFeaturize(NULL, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
		without = fs.off[fs.n];
		ArTagFeaturize(NULL, cl, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
		check(fs.off[fs.n] - without == 4 * 11 + 3,
			  "the clusters add 11 features a word and 3 for بلندن (%d)", fs.off[fs.n] - without);
		ArTagFeatsFree(&fs, env);
		ArTagWordsFree(&ws, env);
	}

	/* the section ends the image, before the checksum: keys, classes, padding */
	memcpy(&ncl, image + 28, 4);
	off = len - 8 - (((size_t) ncl * (8 + 2 * AR_CLUSTER_LEVELS) + 7) & ~(size_t) 7);
	memcpy(copy, image, len);
	memcpy(&k, copy + off, 8);
	memcpy(copy + off, copy + off + 8, 8);
	memcpy(copy + off + 8, &k, 8);
	sum = ArFnv64(copy, len - 8);
	memcpy(copy + len - 8, &sum, 8);
	why = ArModelOpen(copy, len, &bad, env);
	check(why && strstr(why, "clusters are not sorted") && bad == NULL,
		  "an unsorted cluster table is refused (%s)", why ? why : "accepted");
	memcpy(copy, image, len);
	ncl += 1;
	memcpy(copy + 28, &ncl, 4);
	why = ArModelOpen(copy, len, &bad, env);
	check(why && strstr(why, "truncated") && bad == NULL,
		  "a cluster count past the end is refused (%s)", why ? why : "accepted");
	ncl = 1u << 30;
	memcpy(copy + 28, &ncl, 4);
	why = ArModelOpen(copy, len, &bad, env);
	check(why && strstr(why, "inconsistent") && bad == NULL,
		  "a huge cluster count is refused (%s)", why ? why : "accepted");
	free(copy);
}

typedef struct Got
{
	char		text[1024];
	int			n;
	size_t		bytes;
	const char *src;
	const ArTagWords *ws;
} Got;

static ArStatus
got_mention(void *arg, const ArMention *m)
{
	Got		   *g = arg;
	ArBuf		b = {0};
	char		one[512];

	g->n++;
	if (ArMentionClean(g->src, g->ws, m, &b, env) != AR_OK || b.len >= 400)
		return AR_OK;
	memcpy(one, b.data, b.len);
	one[b.len] = '\0';
	ArBufFree(&b, env);
	if (strlen(g->text) + strlen(one) + 20 < sizeof(g->text))
	{
		if (g->text[0])
			strcat(g->text, "|");
		strcat(g->text, ArEntityTypeName(m->type));
		strcat(g->text, ":");
		strcat(g->text, one);
	}
	g->bytes += m->end - m->start;
	return AR_OK;
}

static Got
extract(const ArModel *m, const char *t)
{
	Got			g;
	ArTagWords	ws = {0};
	ArStatus	rc;

	memset(&g, 0, sizeof(g));
	g.src = t;
	g.ws = &ws;
	rc = ArExtract(m, t, strlen(t), &ws, got_mention, &g, env);
	if (rc != AR_OK)
		snprintf(g.text, sizeof(g.text), "error %d", (int) rc);
	ArTagWordsFree(&ws, env);
	return g;
}

static int	interrupts;

static void
count_interrupts(void *ctx)
{
	(void) ctx;
	interrupts++;
}

static void
test_extract(const ArModel *m)
{
	Got			g;

	g = extract(m, "");
	check(g.n == 0 && g.text[0] == '\0', "empty text: no mentions");
	g = extract(m, "The quick brown fox, 2024.");
	check(g.n == 0, "text without Arabic: no mentions (got %d: %s)", g.n, g.text);
	g = extract(m, "\u060C\u061F \u00AB\u00BB ... !!");
	check(g.n == 0, "punctuation only: no mentions");

	g = extract(m, "\u0648\u0635\u0644 \u0627\u0644\u0631\u0626\u064A\u0633 \u0627\u0644\u0641\u0631\u0646\u0633\u064A \u0625\u064A\u0645\u0627\u0646\u0648\u064A\u0644 \u0645\u0627\u0643\u0631\u0648\u0646 \u0625\u0644\u0649 \u0628\u063A\u062F\u0627\u062F \u0627\u0644\u064A\u0648\u0645 .");
	check_str(g.text, "PERSON:\u0625\u064A\u0645\u0627\u0646\u0648\u064A\u0644 \u0645\u0627\u0643\u0631\u0648\u0646|LOCATION:\u0628\u063A\u062F\u0627\u062F",
			  "a titled person and a city; the title is not part of the name");
	g = extract(m, "\u0648\u0642\u0627\u0644 \u0645\u062A\u062D\u062F\u062B \u0628\u0627\u0633\u0645 \u0648\u0632\u0627\u0631\u0629 \u0627\u0644\u062E\u0627\u0631\u062C\u064A\u0629 \u0627\u0644\u0623\u0645\u0631\u064A\u0643\u064A\u0629 \u0625\u0646 \u0648\u0627\u0634\u0646\u0637\u0646 \u0633\u062A\u0631\u0633\u0644 \u0648\u0641\u062F\u0627 \u0625\u0644\u0649 \u0627\u0644\u0642\u0627\u0647\u0631\u0629 .");
	check(strstr(g.text, "LOCATION:\u0648\u0627\u0634\u0646\u0637\u0646") && strstr(g.text, "LOCATION:\u0627\u0644\u0642\u0627\u0647\u0631\u0629"),
		  "two capitals found: %s", g.text);

	{
		/* about 1 MB: linear, bounded, interruptible */
		const char *s = "\u0648\u0635\u0644 \u0627\u0644\u0631\u0626\u064A\u0633 \u0625\u0644\u0649 \u0628\u063A\u062F\u0627\u062F \u0627\u0644\u064A\u0648\u0645 \u0644\u0625\u062C\u0631\u0627\u0621 \u0645\u062D\u0627\u062F\u062B\u0627\u062A . ";
		size_t		sl = strlen(s),
					reps = (1 << 20) / sl;
		char	   *big = malloc(sl * reps + 1);
		ArEnv		e = *env;
		ArTagWords	ws = {0};
		Got			g2;

		for (size_t i = 0; i < reps; i++)
			memcpy(big + i * sl, s, sl);
		big[sl * reps] = '\0';
		e.check_interrupts = count_interrupts;
		memset(&g2, 0, sizeof(g2));
		g2.src = big;
		g2.ws = &ws;
		interrupts = 0;
		check(ArExtract(m, big, sl * reps, &ws, got_mention, &g2, &e) == AR_OK,
			  "1 MB of text is tagged");
		check(g2.n == (int) reps, "one mention per repeated sentence (%d of %zu)", g2.n, reps);
		check(interrupts >= (int) reps, "the interrupt callback ran %d times", interrupts);
		ArTagWordsFree(&ws, env);
		free(big);
	}
}

int
main(void)
{
	size_t		len;
	char	   *image;
	ArModel    *m = NULL;
	const char *why;

	env = ArMallocEnv();
	test_split();
	test_clean();
	test_gaz_keys();
	test_sure();
	test_org_chains();

	image = read_file(MODEL_PATH, &len);
	if (check(image != NULL, "the committed model %s is readable", MODEL_PATH))
	{
		why = ArModelOpen(image, len, &m, env);
		if (check(why == NULL, "the committed model loads (%s)", why ? why : "ok"))
		{
			check(ArModelFeatureCount(m) > 10000 && ArModelGaz(m)->n > 1000,
				  "it has features (%d) and a gazetteer (%d keys)",
				  ArModelFeatureCount(m), ArModelGaz(m)->n);
			test_model_checks(image, len);
			test_clusters(m, image, len);
			test_extract(m);
			ArModelFree(m, env);
		}
		free(image);
	}
	return harness_done();
}
