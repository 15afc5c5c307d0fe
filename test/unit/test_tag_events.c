/*
 * test/unit/test_tag_events.c
 *
 * Unit tests of the event rule (src/core/ar_tag_events.c): a head noun and
 * the name after it make one MISC name (اتفاقية سايكس بيكو، صيغة أستانا،
 * مبادرة البحر الأسود للحبوب، عيد الفطر، رؤية 2030، كوب ٢٧), and what is
 * not one (مؤتمر صحفي، اتفاق روسيا وتركيا، اتفاق إيران النووي، اجتماعات
 * آستانة).  The tags the tagger would give are set by hand and the
 * gazetteer is built here: no model is needed.
 */
#include "ar_env.h"
#include "ar_tagger.h"

#include "harness.h"
#include "tag_rules.h"

#include <stdlib.h>
#include <string.h>

/* The gazetteer of the tests: a few words with their classes. */
static const char *const gaz_names[] = {"الروسي", "التركية", "المالي", "الرئيس", "الجمهورية"};
static const uint16_t gaz_masks[] = {AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_NISBA | AR_GAZ_LOC,
AR_GAZ_TITLE, AR_GAZ_ORG_HEAD};
static TestGaz tg;

/* ArTagApplyRules as a TagRuleFn: the rules after decoding, in order. */
static void
run_rules(const ArGaz *gaz, const ArTagFeats *fs, const char *text,
		  const ArTagWords *ws, int n, uint8_t *tags, int flags)
{
	uint64_t	kind_keys[AR_TAG_NKIND] = {0};

	ArTagApplyRules(gaz, kind_keys, fs, text, ws, 0, n, tags, flags, env);
}

#define CASE(text, n, in, want, what) \
	rule_run(run_rules, 0, &tg.gaz, text, n, (const uint8_t[]) in, (const uint8_t[]) want, what)
#define T(...) {__VA_ARGS__}

static void
test_names(void)
{
	CASE("لاجتماع صيغة أستانا", 3, T(0, 0, B(L)), T(0, B(M), I(M)),
		 "a head noun and a place are one MISC name (صيغة أستانا)");
	CASE("بموجب اتفاقية سايكس بيكو بين", 5, T(0, 0, B(M), I(M), 0),
		 T(0, B(M), I(M), I(M), 0),
		 "... and a MISC name (اتفاقية سايكس بيكو)");
	CASE("بموجب قانون قيصر على", 4, T(0, 0, B(P), 0), T(0, B(M), I(M), 0),
		 "... and a person's name (قانون قيصر)");
	CASE("يبحثان ومبادرة البحر الأسود للحبوب", 5, T(0, 0, B(L), I(L), 0),
		 T(0, B(M), I(M), I(M), I(M)),
		 "a name of two words and a لل tail (مبادرة البحر الأسود للحبوب)");
	CASE("تنفيذ اتفاق باريس للمناخ", 4, T(0, B(M), I(M), 0),
		 T(0, B(M), I(M), I(M)),
		 "a MISC name the tagger began on a head takes the لل tail");
	CASE("في منتدى الدوحة ومنتدى دافوس", 5, T(0, 0, B(L), B(M), I(M)),
		 T(0, B(M), I(M), B(M), I(M)),
		 "two event names joined by و");
	CASE("فاز في جائزة البحرين الكبرى", 5, T(0, 0, 0, B(L), 0),
		 T(0, 0, B(M), I(M), I(M)),
		 "a Grand Prix takes الكبرى");
	CASE("منذ حرب الخليج الثانية", 4, T(0, 0, B(L), 0),
		 T(0, B(M), I(M), I(M)),
		 "an ordinal after the name is part of it");
	CASE("التزامهما باتفاق سوتشي", 3, T(0, 0, B(L)), T(0, B(M), I(M)),
		 "a head with ب before it (باتفاق سوتشي)");
	CASE("في مهرجان القاهرة السينمائي الدولي أمس", 6, T(0, 0, B(L), 0, 0, 0),
		 T(0, B(M), I(M), I(M), I(M), 0),
		 "a festival takes two adjectives after the place");
	CASE("وقعت بروتوكول كيوتو للمناخ", 4, T(0, 0, B(L), 0),
		 T(0, B(M), I(M), I(M)),
		 "a protocol and a لل tail (بروتوكول كيوتو للمناخ)");
}

static void
test_words(void)
{
	CASE("بحلول عيد الفطر", 3, T(0, 0, 0), T(0, B(M), I(M)),
		 "a holiday (عيد الفطر)");
	CASE("وعيد الأضحى المبارك", 3, T(0, 0, 0), T(B(M), I(M), 0),
		 "... with و before it, without the adjective after it");
	CASE("احتفل بعيد ميلاده", 3, T(0, 0, 0), T(0, 0, 0),
		 "... not a birthday (عيد ميلاده)");
	CASE("في ذكرى حرب أكتوبر 1973", 5, T(0, 0, 0, 0, 0),
		 T(0, 0, B(M), I(M), 0),
		 "a war named by a month; the year after it is a date");
	CASE("منذ حرب 1967", 3, T(0, 0, 0), T(0, B(M), I(M)),
		 "a war named by its year");
	CASE("أكد أن رؤية 2030 ماضية", 5, T(0, 0, 0, 0, 0),
		 T(0, 0, B(M), I(M), 0),
		 "a number that is part of the name (رؤية 2030)");
	CASE("أهداف رؤية السعودية ٢٠٣٠", 4, T(0, 0, B(L), 0),
		 T(0, B(M), I(M), I(M)),
		 "... after a place, in Arabic-Indic digits");
	CASE("قالت رؤية السعودية", 3, T(0, 0, B(L)), T(0, 0, B(L)),
		 "... but رؤية without a number is no name");
	CASE("أعمال قمة المناخ «كوب ٢٧» وسط", 6, T(0, 0, 0, 0, 0, 0),
		 T(0, 0, 0, B(M), I(M), 0),
		 "كوب and a number (COP 27)");
	CASE("شرب كوب ماء", 3, T(0, 0, 0), T(0, 0, 0),
		 "... كوب without one is a cup");
	CASE("لمعرض «إكسبو 2030» في", 4, T(0, B(L), 0, 0), T(0, B(M), I(M), 0),
		 "إكسبو alone as another type and a number are MISC");
	CASE("معرض إكسبو دبي", 3, T(0, B(L), 0), T(0, B(L), 0),
		 "... without a number it stays as tagged");
	CASE("وتطبيق مبادرة السلام العربية", 4, T(0, 0, 0, 0),
		 T(0, B(M), I(M), I(M)),
		 "a head, a noun and a bloc adjective (مبادرة السلام العربية)");
	CASE("اتفاقية التجارة التركية", 3, T(0, 0, 0), T(B(M), I(M), I(M)),
		 "... or a nationality adjective of the gazetteer");
	CASE("أطلق مبادرة الرئيس الروسي", 4, T(0, 0, 0, 0), T(0, 0, 0, 0),
		 "... not after a title (مبادرة الرئيس الروسي)");
	CASE("وقع اتفاق الإنقاذ المالي", 4, T(0, 0, 0, 0), T(0, 0, 0, 0),
		 "... nor with المالي (financial)");
	CASE("وفاز بكأس الأمم الأوروبية", 4, T(0, 0, 0, 0), T(0, B(M), I(M), I(M)),
		 "... after a cup too (كأس الأمم الأوروبية)");
	CASE("افتتح مؤتمر القمة العربية", 4, T(0, 0, 0, 0), T(0, 0, 0, 0),
		 "... not a summit (مؤتمر القمة العربية is a description)");
	CASE("انسحبت من معاهدة «ستارت الجديدة» للحد", 6, T(0, 0, 0, B(M), 0, 0),
		 T(0, 0, 0, B(M), I(M), 0),
		 "a quoted MISC name after a head stands alone, whole");
	CASE("انسحبت من معاهدة «ستارت الجديدة»", 5, T(0, 0, 0, B(M), 0),
		 T(0, 0, 0, B(M), I(M)),
		 "... also at the end of the text, where the quote closes");
	CASE("وقعت معاهدة «ستارت» الجديدة", 4, T(0, 0, B(M), 0),
		 T(0, 0, B(M), 0),
		 "... and only up to the closing quote");
	CASE("أعلنت خطة «سوريا 2030» للتعافي", 5, T(0, 0, B(L), 0, 0),
		 T(0, 0, B(M), I(M), 0),
		 "... and so does a quoted place with a number");
	CASE("ضمن مسار «أستانا» للحل", 4, T(0, 0, B(L), 0), T(0, 0, B(L), 0),
		 "... but a place alone in the quotes stays a place");
	CASE("ذكرى حرب تشرين التحريرية", 4, T(0, 0, 0, 0), T(0, B(M), I(M), 0),
		 "a war named by a month, before an adjective");
	CASE("خطة «تاريخية» جديدة", 3, T(0, 0, 0), T(0, 0, 0),
		 "... a quoted common word is no name");
}

static void
test_not_names(void)
{
	CASE("عقد مؤتمر صحفي", 3, T(0, 0, 0), T(0, 0, 0),
		 "a head before a common word is no name (مؤتمر صحفي)");
	CASE("بعد اتفاق روسيا وتركيا", 4, T(0, 0, B(L), B(L)),
		 T(0, 0, B(L), B(L)),
		 "two parties joined by و are no name (اتفاق روسيا وتركيا)");
	CASE("أدى اتفاق إيران النووي", 4, T(0, 0, B(L), 0), T(0, 0, B(L), 0),
		 "a place and an adjective after it are a description");
	CASE("ملف الحرب في أوكرانيا", 4, T(0, 0, 0, B(L)), T(0, 0, 0, B(L)),
		 "a head with the article is no name (الحرب في أوكرانيا)");
	CASE("وتبحث اجتماعات آستانة", 3, T(0, 0, B(L)), T(0, 0, B(L)),
		 "descriptive events keep the place alone (اجتماعات آستانة)");
	CASE("خطة العبادي للإصلاح", 3, T(0, B(P), 0), T(0, B(P), 0),
		 "a plan of a person is a description (خطة العبادي)");
	CASE("افتتاح مؤتمر الأمم المتحدة", 4, T(0, 0, B(O), I(O)),
		 T(0, 0, B(O), I(O)),
		 "an organization after a head stays one");
	CASE("عند حرب أوكرانيا", 3, T(0, B(P), I(P)), T(0, B(P), I(P)),
		 "a head inside another mention stays in it");
	rule_run(run_rules, AR_RULES_NO_EVENTS, &tg.gaz, "لاجتماع صيغة أستانا", 3,
			 (const uint8_t[]) {0, 0, B(L)}, (const uint8_t[]) {0, 0, B(L)},
			 "AR_RULES_NO_EVENTS (ANERcorp's convention) leaves the place alone");
}

/* The cleaned form of mention (type, first, nwords) of text. */
static void
clean_case(const char *text, ArEntityType type, int first, int nwords,
		   const char *want, const char *what)
{
	ArTagWords	ws = {0};
	ArMention	m = {0};
	ArBuf		b = {0};
	char		got[256] = "";

	ArTagSplit(text, strlen(text), &ws, env);
	m.type = type;
	m.first = first;
	m.nwords = nwords;
	ArMentionResolve(&tg.gaz, text, &ws, &m, 1);
	if (ArMentionClean(text, &ws, &m, &b, env) == AR_OK && b.len < sizeof(got))
	{
		memcpy(got, b.data, b.len);
		got[b.len] = '\0';
	}
	check_str(got, want, what);
	ArBufFree(&b, env);
	ArTagWordsFree(&ws, env);
}

static void
test_clean(void)
{
	ArTagWords	ws = {0};
	ArTagFeats	fs = {0};
	const char *t = "اتفاقية حرب الحرب";

	ArTagSplit(t, strlen(t), &ws, env);
	ArTagFeaturize(NULL, NULL, NULL, t, strlen(t), &ws, 0, ws.n, &fs, env);
	check(ws.n == 3 && ArTagIsEventHead(fs.stem[0]) && ArTagIsEventHead(fs.stem[1]) &&
		  ArTagIsEventHead(fs.stem[2]),
		  "ArTagIsEventHead knows اتفاقية and حرب, with the article too (the rule checks it)");
	ArTagFeatsFree(&fs, env);
	ArTagWordsFree(&ws, env);

	clean_case("وعيد الأضحى", AR_ENT_MISC, 0, 2, "عيد الأضحى",
			   "an event name loses the و before its head");
	clean_case("ولحرب أكتوبر", AR_ENT_MISC, 0, 2, "حرب أكتوبر",
			   "... and و ل");
	clean_case("وعيد", AR_ENT_PERSON, 0, 1, "وعيد",
			   "a one-word name of three letters keeps its و (وعيد, not an event)");
}

/* A quoted title that starts with a head noun is one MISC name, whole. */
static void
test_quoted_titles(void)
{
	CASE("بموجب \"قانون قيصر\"، وسبل", 4, T(0, 0, 0, 0), T(0, B(M), I(M), 0),
		 "a quoted law (\"قانون قيصر\"), the tagger found nothing in it");
	CASE("الواردة في «اتفاق ١٠ آذار». وكانت", 6, T(0, 0, 0, 0, B(L), 0),
		 T(0, 0, B(M), I(M), I(M), 0),
		 "a quoted agreement with a number and a month");
	CASE("تنفيذ \"معاهدة الشراكة الاستراتيجية الشاملة\" الموقعة", 6,
		 T(0, 0, 0, 0, 0, 0), T(0, B(M), I(M), I(M), I(M), 0),
		 "a quoted treaty of four words");
	CASE("تنفيذ \"معاهدة الشراكة\" الموقعة", 4, T(0, B(M), 0, 0),
		 T(0, B(M), I(M), 0), "a MISC mention the tagger began on the head");
	CASE("قال \"اتفاق جيد\" أمس", 4, T(0, 0, 0, 0), T(0, B(M), I(M), 0),
		 "(a common word in such quotes is taken too: the quotes make the title)");
	CASE("بموجب قانون الطوارئ المعمول", 4, T(0, 0, 0, 0), T(0, 0, 0, 0),
		 "no quotes: a head and a common noun stay as they were");
	CASE("\"اتفاق واحد من أصل ستة أو سبعة\"", 7, T(0, 0, 0, 0, 0, 0, 0),
		 T(0, 0, 0, 0, 0, 0, 0), "quotes that close after more than five words");
	CASE("\"اتفاق على أن\" ثم", 4, T(0, 0, 0, 0), T(0, 0, 0, 0),
		 "a particle inside the quotes: a quoted phrase, no title");
}

int
main(void)
{
	env = ArMallocEnv();
	gaz_build(&tg, gaz_names, gaz_masks, (int) (sizeof(gaz_masks) / sizeof(gaz_masks[0])));
	test_names();
	test_words();
	test_not_names();
	test_clean();
	test_quoted_titles();
	return harness_done();
}
