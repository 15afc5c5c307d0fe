/*
 * test/unit/test_tag_places.c
 *
 * Unit tests of ArTagApplyPlaces (src/core/ar_tag_places.c): town names of
 * two words whose first word is a head noun of a place (خان شيخون، معرة
 * النعمان، جسر الشغور), decided by the context of a place, and a direction
 * adjective after a place that follows a region noun (ريف حلب الشرقي), and
 * a word between a site's kind word and its adjective (قاعدة حميميم الجوية).
 * ArTagApplyKindPlaces: a place after its kind word (بلدة سرمدا), the
 * places listed after a plural or dual kind word.  Tags are set by hand,
 * the gazetteer is built here: no model is needed.
 */
#include "ar_env.h"
#include "ar_tagger.h"

#include "harness.h"
#include "tag_rules.h"

#include <string.h>

static void
run_places(const ArGaz *gaz, const ArTagFeats *fs, const char *text,
		   const ArTagWords *ws, int n, uint8_t *tags, int flags)
{
	(void) flags;
	ArTagApplyPlaces(gaz, fs, text, ws, 0, n, tags);
}

static void
run_kind_places(const ArGaz *gaz, const ArTagFeats *fs, const char *text,
				const ArTagWords *ws, int n, uint8_t *tags, int flags)
{
	(void) gaz;
	(void) flags;
	ArTagApplyKindPlaces(fs, text, ws, 0, n, tags);
}

#define places_case(...) rule_run(run_places, 0, __VA_ARGS__)
#define kind_case(...) rule_run(run_kind_places, 0, __VA_ARGS__)

/* Two-word town names after a head noun (خان، معرة، جسر، تل ...). */
static void
test_heads(void)
{
	static const char *const names[] = {"جسر الشغور", "الرئيس"};
	static const uint16_t masks[] = {AR_GAZ_LOC, AR_GAZ_TITLE};
	TestGaz		g;

	gaz_build(&g, names, masks, 2);
	places_case(&g.gaz, "مدرسة في معرة النعمان أمس", 5,
				(uint8_t[]) {0, 0, 0, B(P), 0},
				(uint8_t[]) {0, 0, B(L), I(L), 0},
				"a head noun and a name after في: one place (معرة النعمان, "
				"not the person النعمان)");
	places_case(&g.gaz, "في حمص وخان شيخون أمس", 5,
				(uint8_t[]) {0, B(L), B(P), I(P), 0},
				(uint8_t[]) {0, B(L), B(L), I(L), 0},
				"a pair read as a person after a place and و: a place");
	places_case(&g.gaz, "في إدلب وجسر الشغور", 4,
				(uint8_t[]) {0, B(L), 0, 0},
				(uint8_t[]) {0, B(L), B(L), I(L)},
				"an untagged pair after a place and و: a place");
	places_case(&g.gaz, "قصف قرب جسر الشغور أمس", 5,
				(uint8_t[]) {0, 0, 0, 0, 0},
				(uint8_t[]) {0, 0, B(L), I(L), 0},
				"an untagged gazetteer pair after قرب: a place");
	places_case(&g.gaz, "في وادي بردى وجبل الزاوية", 5,
				(uint8_t[]) {0, 0, B(P), 0, 0},
				(uint8_t[]) {0, B(L), I(L), B(L), I(L)},
				"a place, then another one joined by و");
	places_case(&g.gaz, "سيطرت على تل أبيض وحلب", 5,
				(uint8_t[]) {0, 0, 0, B(P), B(L)},
				(uint8_t[]) {0, 0, B(L), I(L), B(L)},
				"a place and و after the pair are a list too");
	places_case(&g.gaz, "وصل خان شيخون أمس", 4,
				(uint8_t[]) {0, B(P), I(P), 0},
				(uint8_t[]) {0, B(P), I(P), 0},
				"no context of a place: the tagger's reading stays");
	places_case(&g.gaz, "قال إن رأس المال في", 5,
				(uint8_t[]) {0, 0, 0, 0, 0},
				(uint8_t[]) {0, 0, 0, 0, 0},
				"a head noun and a common word are no place");
	places_case(&g.gaz, "في رأس المال والأسهم", 4,
				(uint8_t[]) {0, 0, 0, 0},
				(uint8_t[]) {0, 0, 0, 0},
				"... not even after في, unless listed or after a place");
	places_case(&g.gaz, "سكن في بيت الطالب أمس", 5,
				(uint8_t[]) {0, 0, 0, B(M), 0},
				(uint8_t[]) {0, 0, 0, B(M), 0},
				"a second word tagged MISC (or ORGANIZATION) alone stays");
	places_case(&g.gaz, "في بيت الرئيس محمد", 4,
				(uint8_t[]) {0, 0, 0, B(P)},
				(uint8_t[]) {0, 0, 0, B(P)},
				"no title after a head noun");
	places_case(&g.gaz, "في بيت وجبل لبنان", 4,
				(uint8_t[]) {0, 0, 0, B(L)},
				(uint8_t[]) {0, 0, 0, B(L)},
				"no head noun with و as the second word");
	places_case(&g.gaz, "في الجبل الأخضر", 3,
				(uint8_t[]) {0, 0, B(L)},
				(uint8_t[]) {0, 0, B(L)},
				"a head noun with the article is no head of a name");
	places_case(&g.gaz, "في خان شيخون العسكري", 4,
				(uint8_t[]) {0, B(P), I(P), I(P)},
				(uint8_t[]) {0, B(P), I(P), I(P)},
				"a person mention of three words is left alone");
}

/* A direction adjective after a place that follows a region noun. */
static void
test_directions(void)
{
	TestGaz		g;

	gaz_build(&g, NULL, NULL, 0);
	places_case(&g.gaz, "قصف في ريف حلب الشرقي", 5,
				(uint8_t[]) {0, 0, 0, B(L), I(L)},
				(uint8_t[]) {0, 0, 0, B(L), 0},
				"ريف حلب الشرقي: الشرقي is ريف's, the place is حلب");
	places_case(&g.gaz, "انفجار بريف إدلب الجنوبي", 4,
				(uint8_t[]) {0, 0, B(L), I(L)},
				(uint8_t[]) {0, 0, B(L), 0},
				"... also with ب on the region noun");
	places_case(&g.gaz, "في أحياء حلب الشرقية", 4,
				(uint8_t[]) {0, 0, B(L), I(L)},
				(uint8_t[]) {0, 0, B(L), 0},
				"... and after أحياء, feminine");
	places_case(&g.gaz, "في الضفة الغربية", 3,
				(uint8_t[]) {0, B(L), I(L)},
				(uint8_t[]) {0, B(L), I(L)},
				"a name ending in a direction adjective stays whole");
	places_case(&g.gaz, "على الضفة الغربية لنهر الفرات", 5,
				(uint8_t[]) {0, B(L), I(L), 0, B(L)},
				(uint8_t[]) {0, 0, 0, 0, B(L)},
				"the bank of a river (الضفة الغربية لنهر) is no place");
	places_case(&g.gaz, "على الضفة الشرقية للنهر", 4,
				(uint8_t[]) {0, B(L), I(L), 0},
				(uint8_t[]) {0, 0, 0, 0},
				"... also before للنهر");
	places_case(&g.gaz, "زار الضفة الغربية لنقل رسالة", 5,
				(uint8_t[]) {0, B(L), I(L), 0, 0},
				(uint8_t[]) {0, B(L), I(L), 0, 0},
				"the West Bank before another word with ل stays");
	places_case(&g.gaz, "في شرق القدس الشرقية", 4,
				(uint8_t[]) {0, 0, B(L), I(L)},
				(uint8_t[]) {0, 0, B(L), I(L)},
				"... also after a direction noun (no region noun)");
}

/* A word between a site's kind word and an adjective that closes its name. */
static void
test_sites(void)
{
	TestGaz		g;

	gaz_build(&g, NULL, NULL, 0);
	places_case(&g.gaz, "مستقبل قاعدة حميميم الجوية في", 5,
				(uint8_t[]) {0, 0, 0, 0, 0},
				(uint8_t[]) {0, 0, B(L), 0, 0},
				"قاعدة X الجوية: X is a place");
	places_case(&g.gaz, "هبطت في مطار المزة العسكري", 5,
				(uint8_t[]) {0, 0, 0, 0, 0},
				(uint8_t[]) {0, 0, 0, B(L), 0},
				"مطار X العسكري: also a word with the article");
	places_case(&g.gaz, "أقامت قاعدة عسكرية جوية", 4,
				(uint8_t[]) {0, 0, 0, 0},
				(uint8_t[]) {0, 0, 0, 0},
				"no adjective in ي or ية as the name");
	places_case(&g.gaz, "قاعدة حميميم الروسية", 3,
				(uint8_t[]) {0, 0, 0},
				(uint8_t[]) {0, 0, 0},
				"no closing adjective of a site: no place (the tagger decides)");
	places_case(&g.gaz, "قاعدة حميميم الجوية", 3,
				(uint8_t[]) {0, B(O), 0},
				(uint8_t[]) {0, B(O), 0},
				"a word the tagger tagged keeps its tag");
}

/* A place after its kind word (ArTagApplyKindPlaces). */
static void
test_kind_places(void)
{
	static const char *const names[] = {"الحدودي", "وزير"};
	static const uint16_t masks[] = {AR_GAZ_NISBA, AR_GAZ_TITLE};
	TestGaz		g;

	gaz_build(&g, names, masks, 2);
	kind_case(&g.gaz, "انفجار في بلدة سرمدا أمس", 5,
			  (uint8_t[]) {0, 0, 0, 0, 0},
			  (uint8_t[]) {0, 0, 0, B(L), 0},
			  "an untagged word after a kind word is a place");
	kind_case(&g.gaz, "عند معبر المصنع سبعة", 4,
			  (uint8_t[]) {0, 0, 0, 0},
			  (uint8_t[]) {0, 0, B(L), 0},
			  "... also a word with the article (معبر المصنع)");
	kind_case(&g.gaz, "قريبة من معبر باب الهوى وفي", 6,
			  (uint8_t[]) {0, 0, 0, 0, 0, 0},
			  (uint8_t[]) {0, 0, 0, B(L), I(L), 0},
			  "a word without the article and one with it are one name");
	kind_case(&g.gaz, "انفجار عبوة بريف ادلب الشمالي", 5,
			  (uint8_t[]) {0, 0, B(L), 0, 0},
			  (uint8_t[]) {0, 0, 0, B(L), 0},
			  "the kind word alone taken for the place gives its tag to the name, "
			  "not to an adjective");
	kind_case(&g.gaz, "وفي ريف حلب الشرقي", 4,
			  (uint8_t[]) {0, B(L), I(L), 0},
			  (uint8_t[]) {0, 0, B(L), 0},
			  "a place mention that starts with a kind word loses it");
	kind_case(&g.gaz, "وزير خارجية سلطنة عمان", 4,
			  (uint8_t[]) {0, 0, B(L), I(L)},
			  (uint8_t[]) {0, 0, 0, B(L)},
			  "... also a state's kind word (سلطنة عمان)");
	kind_case(&g.gaz, "ائتلاف دولة القانون", 3,
			  (uint8_t[]) {0, 0, 0},
			  (uint8_t[]) {0, 0, 0},
			  "no place after a state's kind word that the tagger did not find");
	kind_case(&g.gaz, "وكانت بلدات معرة النعمان وسراقب وأريحا قد", 7,
			  (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
			  (uint8_t[]) {0, 0, B(L), I(L), B(L), B(L), 0},
			  "after a plural kind word, the words with و are places");
	kind_case(&g.gaz, "عبرت معبري باب السلامة والراعي نحو", 6,
			  (uint8_t[]) {0, 0, 0, 0, 0, 0},
			  (uint8_t[]) {0, 0, B(L), I(L), B(L), 0},
			  "... after a dual, one ending in ي too");
	kind_case(&g.gaz, "عبر معبري نصيب وجابر ثم", 5,
			  (uint8_t[]) {0, 0, 0, B(P), 0},
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  "after a dual, the second word with و is a place, even read as a person");
	kind_case(&g.gaz, "في ريف المحافظة الجنوبي", 4,
			  (uint8_t[]) {0, 0, 0, 0},
			  (uint8_t[]) {0, 0, 0, 0},
			  "a kind word after a kind word is no place (ريف المحافظة)");
	kind_case(&g.gaz, "في بلدة سرمدا وقرية", 4,
			  (uint8_t[]) {0, 0, 0, 0},
			  (uint8_t[]) {0, 0, B(L), 0},
			  "no list after a singular kind word");
	kind_case(&g.gaz, "دمرت مدن أخرى و", 4,
			  (uint8_t[]) {0, 0, 0, 0},
			  (uint8_t[]) {0, 0, 0, 0},
			  "a common word after a kind word is no place");
	kind_case(&g.gaz, "عند معبر حدودي مع", 4,
			  (uint8_t[]) {0, 0, 0, 0},
			  (uint8_t[]) {0, 0, 0, 0},
			  "nor an adjective in ي");
	kind_case(&g.gaz, "زار المدينة القديمة", 3,
			  (uint8_t[]) {0, 0, 0},
			  (uint8_t[]) {0, 0, 0},
			  "a kind word with the article is a description");
	kind_case(&g.gaz, "محافظة وزير الداخلية", 3,
			  (uint8_t[]) {0, 0, 0},
			  (uint8_t[]) {0, 0, 0},
			  "nor a title after a kind word");
	kind_case(&g.gaz, "بلدية مدينة غزة", 3,
			  (uint8_t[]) {B(O), I(O), I(O)},
			  (uint8_t[]) {B(O), I(O), I(O)},
			  "a kind word inside another mention stays there");
}

/*
 * ArTagApplyKindPlaces: the list of places after a plural or dual kind word
 * goes on past a place's other name in brackets.
 */
static void
test_kind_brackets(void)
{
	TestGaz		g;

	gaz_build(&g, NULL, NULL, 0);
	kind_case(&g.gaz, "في مدينتي عين العرب (كوباني) والطبقة.", 6,
			  (uint8_t[]) {0, 0, B(L), I(L), B(L), 0},
			  (uint8_t[]) {0, 0, B(L), I(L), B(L), B(L)},
			  "after a dual kind word, a name in brackets, then the second place");
	kind_case(&g.gaz, "في مدينتي حلب (كوباني والطبقة", 5,
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  "no closing bracket: the list ends");
	kind_case(&g.gaz, "في مدينة حلب (كوباني) والطبقة", 5,
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  "no list after a singular kind word");
	kind_case(&g.gaz, "في مدن حلب (كوباني) وغيرها", 5,
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  "after the brackets, a common word with و is no place");
	kind_case(&g.gaz, "في قرى بريف القنيطرة الجنوبي", 5,
			  (uint8_t[]) {0, 0, B(L), I(L), 0},
			  (uint8_t[]) {0, 0, 0, B(L), 0},
			  "a kind word after a plural one (قرى بريف) is a kind word too: ريف goes");
	kind_case(&g.gaz, "في قرى بريف القنيطرة الجنوبي", 5,
			  (uint8_t[]) {0, 0, B(L), B(L), 0},
			  (uint8_t[]) {0, 0, 0, B(L), 0},
			  "... also where the tagger read بريف as a place of its own");
}

/* The head nouns, for ArMentionResolve (ودير الزور loses its و). */
static void
test_is_head(void)
{
	const char *const heads[] = {"دير", "خان", "معرة", "جسر", "تل", "وادي"};
	const char *const not_heads[] = {"مدينة", "حلب", "جزيرة"};

	for (size_t k = 0; k < sizeof(heads) / sizeof(heads[0]); k++)
	{
		ArTagWord	w = {0, (uint32_t) strlen(heads[k]), 1};
		uint64_t	stem,
					bare;
		size_t		skip;

		ArWordKeys(heads[k], &w, &stem, &bare, &skip);
		check(ArTagIsPlaceHead(stem), "%s is a head noun of a place", heads[k]);
	}
	for (size_t k = 0; k < sizeof(not_heads) / sizeof(not_heads[0]); k++)
	{
		ArTagWord	w = {0, (uint32_t) strlen(not_heads[k]), 1};
		uint64_t	stem,
					bare;
		size_t		skip;

		ArWordKeys(not_heads[k], &w, &stem, &bare, &skip);
		check(!ArTagIsPlaceHead(stem), "%s is no head noun", not_heads[k]);
	}
}

int
main(void)
{
	env = ArMallocEnv();
	test_heads();
	test_directions();
	test_sites();
	test_kind_places();
	test_kind_brackets();
	test_is_head();
	return harness_done();
}
