/*
 * test/unit/tag_rules.h
 *
 * What the unit tests of the rules on decoded tags share (test_tag_names.c,
 * test_tag_events.c, test_tag_orgs.c): tag macros, a small gazetteer built
 * in the test, and a driver that splits a text into one segment, sets its
 * tags by hand, runs a rule and compares the tags it leaves with the wanted
 * ones, word by word when they differ.  No model is needed.  Include after
 * harness.h; the test sets env before the first case.
 */
#ifndef TAG_RULES_H
#define TAG_RULES_H

#include "ar_env.h"
#include "ar_tagger.h"

#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const ArEnv *env;

#define B(t) ((uint8_t) (1 + 2 * (t)))
#define I(t) ((uint8_t) (2 + 2 * (t)))
#define P AR_ENT_PERSON
#define L AR_ENT_LOCATION
#define O AR_ENT_ORGANIZATION
#define M AR_ENT_MISC

/* A gazetteer of up to 32 phrases and their classes, sorted by key. */
#define TEST_GAZ_MAX 32
typedef struct TestGaz
{
	uint64_t	key[TEST_GAZ_MAX];
	uint16_t	mask[TEST_GAZ_MAX];
	ArGaz		gaz;
} TestGaz;

static void
gaz_build(TestGaz *g, const char *const *names, const uint16_t *masks, int n)
{
	if (n > TEST_GAZ_MAX)
	{
		printf("Bail out! test gazetteer of %d entries (at most %d)\n", n, TEST_GAZ_MAX);
		exit(1);
	}
	for (int i = 0; i < n; i++)
	{
		int			nw;
		uint64_t	k = ArGazPhraseKey(names[i], strlen(names[i]), &nw, env);
		int			j = i;

		while (j > 0 && g->key[j - 1] > k)
		{
			g->key[j] = g->key[j - 1];
			g->mask[j] = g->mask[j - 1];
			j--;
		}
		g->key[j] = k;
		g->mask[j] = masks[i];
	}
	g->gaz.key = g->key;
	g->gaz.mask = g->mask;
	g->gaz.n = n;
}

/* Splits text into ws and checks that it has n words. */
static bool
split_n(const char *text, int n, const char *what, ArTagWords *ws)
{
	ArTagSplit(text, strlen(text), ws, env);
	if (check(ws->n == n, "%s: %d words (got %d)", what, n, ws->n))
		return true;
	ArTagWordsFree(ws, env);
	return false;
}

/* Checks the rewritten tags[0..n-1] against want[], word by word if not. */
static void
check_tags(int ok, const uint8_t *tags, const uint8_t *want, int n,
		   const char *what)
{
	ok &= memcmp(tags, want, (size_t) n) == 0;
	check(ok, "%s", what);
	if (!ok)
		for (int i = 0; i < n; i++)
			printf("#   word %d: got %d, want %d\n", i, tags[i], want[i]);
}

/* A rule under test, run over the whole segment (words 0..n-1). */
typedef void (*TagRuleFn) (const ArGaz *gaz, const ArTagFeats *fs,
						   const char *text, const ArTagWords *ws, int n,
						   uint8_t *tags, int flags);

/*
 * Runs rule (with flags) over text, one segment of n words, with tags in[],
 * and compares with want[].
 */
static void
rule_run(TagRuleFn rule, int flags, const ArGaz *gaz, const char *text, int n,
		 const uint8_t *in, const uint8_t *want, const char *what)
{
	ArTagWords	ws = {0};
	ArTagFeats	fs = {0};
	uint8_t		tags[16];

	if (n > (int) sizeof(tags))
	{
		check(0, "%s: %d words (at most %d in a test)", what, n, (int) sizeof(tags));
		return;
	}
	if (!split_n(text, n, what, &ws))
		return;
	memcpy(tags, in, (size_t) n);
	ArTagFeaturize(gaz, NULL, NULL, text, strlen(text), &ws, 0, n, &fs, env);
	rule(gaz, &fs, text, &ws, n, tags, flags);
	ArTagFeatsFree(&fs, env);
	check_tags(1, tags, want, n, what);
	ArTagWordsFree(&ws, env);
}

#endif							/* TAG_RULES_H */
