/*
 * test/unit/test_tag_persons.c
 *
 * Unit tests of the person rules of src/core/ar_tag_persons.c that came
 * with the fourth round of issue 10: a person's name after a title phrase
 * (ArTagApplyPersons, step 8): the words between a title phrase (a title
 * or a role word, its adjectives, genitives, prepositions and the places
 * and organizations in it) and the end of the clause are a name when one of
 * them says it is one; each with the cases that must stay as they are.
 * Tags are set by hand and the gazetteer is built here: no model is needed.
 */
#include "ar_env.h"
#include "ar_tagger.h"

#include "harness.h"
#include "tag_rules.h"

#include <stdlib.h>
#include <string.h>

/* The test gazetteer: names and their classes. */
static const char *const gaz_names[] = {
	"وزير", "رئيس", "المبعوث", "الرئيس", "مرهف", "بيدرسن", "كايا", "هادي",
	"علي", "سامر", "سوريا", "محمد", "الدفاع", "وفد", "المتحدث", "قائد",
};
static const uint16_t gaz_masks[] = {
	AR_GAZ_TITLE, AR_GAZ_TITLE, AR_GAZ_TITLE, AR_GAZ_TITLE, AR_GAZ_FIRST,
	AR_GAZ_PNAME, AR_GAZ_PNAME, AR_GAZ_PERS, AR_GAZ_PERS, AR_GAZ_PNAME | AR_GAZ_FIRST,
	AR_GAZ_LOC, AR_GAZ_FIRST, 0, AR_GAZ_ORG, AR_GAZ_TITLE, AR_GAZ_TITLE,
};
#define N_GAZ ((int) (sizeof(gaz_names) / sizeof(gaz_names[0])))

static void
run_persons(const ArGaz *gaz, const ArTagFeats *fs, const char *text,
			const ArTagWords *ws, int n, uint8_t *tags, int flags)
{
	(void) flags;
	ArTagApplyPersons(gaz, fs, text, ws, 0, n, tags);
}

#define persons_case(...) rule_run(run_persons, 0, __VA_ARGS__)

static void
test_title_names(void)
{
	TestGaz		g;

	gaz_build(&g, gaz_names, gaz_masks, N_GAZ);

	/* names the tagger left out */
	persons_case(&g.gaz, "استقبل وزير الدفاع مرهف أبو قصرة، في", 7,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, B(P), I(P), I(P), 0},
				 "a given name and a kunya after a title and its genitive, before a comma");
	persons_case(&g.gaz, "قال رئيس وفد المعارضة هادي البحرة إن", 7,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, B(P), I(P), 0},
				 "... after a noun in construct, the last word with the article, before إن");
	persons_case(&g.gaz, "وتحدث القيادي علي العريض عن الأوضاع", 6,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, B(P), I(P), 0, 0},
				 "... after a role word that is no gazetteer title (القيادي), علي with ي");
	persons_case(&g.gaz, "بينهم رجل الأعمال السوري سامر فوز.", 6,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, B(P), I(P)},
				 "... after رجل الأعمال and an adjective, at the end of the sentence");

	/* names the tagger found in part or with another type */
	persons_case(&g.gaz, "أعلن المبعوث الخاص إلى سوريا غير بيدرسن أمس", 8,
				 (uint8_t[]) {0, 0, 0, 0, B(L), 0, B(P), 0},
				 (uint8_t[]) {0, 0, 0, 0, B(L), B(P), I(P), 0},
				 "غير before a name after a title phrase with a place is part of it");
	persons_case(&g.gaz, "وقال المتحدث باسمها وانغ ون بين إن", 7,
				 (uint8_t[]) {0, 0, 0, B(P), I(P), 0, 0},
				 (uint8_t[]) {0, 0, 0, B(P), I(P), I(P), 0},
				 "... and so is بين before إن");
	persons_case(&g.gaz, "وقالت المفوضة الأوروبية دوبرافكا شويتسا إن", 6,
				 (uint8_t[]) {0, 0, 0, B(L), I(L), 0},
				 (uint8_t[]) {0, 0, 0, B(P), I(P), 0},
				 "a place mention of unlisted words after a role word is a person");
	persons_case(&g.gaz, "وقالت المسؤولة في التكتل كايا كالاس إن", 7,
				 (uint8_t[]) {0, 0, 0, 0, 0, B(O), 0},
				 (uint8_t[]) {0, 0, 0, 0, B(P), I(P), 0},
				 "... and so is a name token and a word with كال read as an organization");

	/* names no list knows */
	persons_case(&g.gaz, "وقال القائد العام لـ«قسد» مظلوم عبدي إن", 8,
				 (uint8_t[]) {0, 0, 0, 0, B(O), 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, B(O), B(P), I(P), 0},
				 "two unknown words after a title phrase, before إن");
	persons_case(&g.gaz, "والتقى في باريس الرئيس ماكرون، وبحثا", 6,
				 (uint8_t[]) {0, 0, B(L), 0, 0, 0},
				 (uint8_t[]) {0, 0, B(L), 0, B(P), 0},
				 "one unknown word after a title with the article, before a comma");
	persons_case(&g.gaz, "وتحدث الرئيس مطولا، ثم", 4,
				 (uint8_t[]) {0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0},
				 "... not an adverb in ا");
	persons_case(&g.gaz, "وأكد وزير الدفاع ضرورة قصوى أن", 6,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 "... nor two unknown words in ة before أن");

	/* what stays */
	persons_case(&g.gaz, "وقال وزير الدفاع إن", 4,
				 (uint8_t[]) {0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0},
				 "a title phrase without a name is no name");
	persons_case(&g.gaz, "وأكد وزير الدفاع ضرورة التهدئة، أمس", 6,
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, 0, 0},
				 "... nor its object when no word of it is a name");
	persons_case(&g.gaz, "وحثت وزير الدفاع على الحل،", 5,
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 "على is no علي");
	persons_case(&g.gaz, "وقال المبعوث إلى سوريا إن", 5,
				 (uint8_t[]) {0, 0, 0, B(L), 0},
				 (uint8_t[]) {0, 0, 0, B(L), 0},
				 "a listed place at the end of a title phrase stays a place");
	persons_case(&g.gaz, "وصل مرهف أبو قصرة، أمس", 5,
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 "no title before them, no name");
	persons_case(&g.gaz, "وقال الرئيس محمد عباس مرارا إن", 6,
				 (uint8_t[]) {0, 0, B(P), I(P), 0, 0},
				 (uint8_t[]) {0, 0, B(P), I(P), 0, 0},
				 "a name of two words the tagger found takes no word after it");
	persons_case(&g.gaz, "وقال رئيس وفد المعارضة، أمس", 5,
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 (uint8_t[]) {0, 0, 0, 0, 0},
				 "an organization word (وفد) is no name");
}

int
main(void)
{
	env = ArMallocEnv();
	test_title_names();
	return harness_done();
}
