/*
 * test/unit/test_tag_orgs.c
 *
 * Unit tests of the organization-name rules on decoded tags
 * (src/core/ar_tag_orgs.c, ArTagApplyOrgNames): a ministry without its
 * head noun, a ministry named by a genitive, a party named by a noun and
 * its adjective, the tails of a name (nationality adjectives, a ل genitive,
 * في and a place), an acronym after its organization, and a chamber inside
 * a title; each with the cases that must stay as they are.  Also
 * ArMentionResolve before a head noun (وحزب العمال).  Tags are set by
 * hand and the gazetteer is built here: no model is needed.
 */
#include "ar_env.h"
#include "ar_tagger.h"

#include "harness.h"
#include "tag_rules.h"

#include <stdlib.h>
#include <string.h>

/* The test gazetteer: names and their classes. */
static const char *const gaz_names[] = {
	"مصرية", "أمريكية", "تركية", "إيرانية", "سوري", "إسباني", "إسرائيلي",
	"وزير", "رئيس", "وزارة", "مجموعة", "قوات", "حزب", "جيش", "مجلس",
	"الأمم المتحدة", "أفريقيا", "لبنان", "روسيا", "إسبانيا", "لجنة",
	"البنك الدولي", "بنك", "سورية",
};
static const uint16_t gaz_masks[] = {
	AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_NISBA,
	AR_GAZ_NISBA, AR_GAZ_NISBA, AR_GAZ_TITLE, AR_GAZ_TITLE, AR_GAZ_ORG_HEAD,
	AR_GAZ_ORG_HEAD, AR_GAZ_ORG_HEAD, AR_GAZ_ORG_HEAD, AR_GAZ_ORG_HEAD,
	AR_GAZ_ORG_HEAD, AR_GAZ_ORG | AR_GAZ_SURE, AR_GAZ_LOC, AR_GAZ_LOC,
	AR_GAZ_LOC, AR_GAZ_LOC, AR_GAZ_ORG_HEAD,
	AR_GAZ_ORG | AR_GAZ_SURE, AR_GAZ_ORG_HEAD, AR_GAZ_NISBA,
};
static TestGaz tg;

/* ArTagApplyOrgNames as a TagRuleFn. */
static void
run_org_names(const ArGaz *gaz, const ArTagFeats *fs, const char *text,
			  const ArTagWords *ws, int n, uint8_t *tags, int flags)
{
	(void) gaz;
	ArTagApplyOrgNames(fs, text, ws, 0, n, tags, flags);
}

/*
 * Runs ArTagApplyOrgNames (with flags) over text, one segment of n words,
 * with tags in[], and compares with want[].
 */
static void
org_case(const char *text, int n, const uint8_t *in, const uint8_t *want,
		 int flags, const char *what)
{
	rule_run(run_org_names, flags, &tg.gaz, text, n, in, want, what);
}

static void
test_elided_heads(void)
{
	org_case("وأكدت الخارجية المصرية دعمها", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "الخارجية المصرية is the ministry");
	org_case("وأعلنت الدفاع التركية تحييد مسلحين", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "الدفاع التركية after a verb of the feminine is the ministry");
	org_case("وقال وزير الخارجية الأمريكية", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "after a title it is the title's department");
	org_case("وانتقد السياسة الخارجية الأمريكية", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "after a word with the article it is an adjective");
	org_case("وزادت ميزانية الدفاع الإيرانية", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "الدفاع after a noun: the adjective is the noun's");
	org_case("ونقل مصدر في الخارجية أن الوفد وصل", 7,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0}, 0,
			 "الخارجية alone is no name");
	org_case("وأكدت الخارجية المصرية دعمها", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "ANERcorp's convention leaves it untagged");
}

static void
test_genitives(void)
{
	org_case("وقالت وزارة خارجية روسيا إن", 5,
			 (uint8_t[]) {0, 0, 0, B(L), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "وزارة خارجية روسيا is one organization, the place inside");
	org_case("وأعلنت وزارة دفاع النظام السوري مقتل", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0}, 0,
			 "وزارة دفاع النظام takes the nationality adjective after it");
	org_case("وقال وزير خارجية روسيا إن", 5,
			 (uint8_t[]) {0, 0, 0, B(L), 0},
			 (uint8_t[]) {0, 0, 0, B(L), 0}, 0,
			 "وزير خارجية روسيا is a title: روسيا stays a place");
	org_case("دعا حزب الشعب الجمهوري المعارض إلى", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0}, 0,
			 "حزب الشعب الجمهوري, without the describing المعارض");
	org_case("وعقد حزب النهضة مؤتمرا صحفيا", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "a party is named by one noun: حزب النهضة");
	org_case("فاز حزب البناء والتنمية بالمقعد", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "or by two joined by و");
	org_case("وانتقد حزب الرئيس قرار الحكومة", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, 0,
			 "but not by a title: حزب الرئيس");
	org_case("وانتشرت قوات الاحتلال في المدينة", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, 0,
			 "a force is not named by one noun: قوات الاحتلال");
	org_case("تقدمت قوات الجيش المنتشرة في المدينة", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "a participle describes the force: no name");
	org_case("قاتلت قوات الرئيس السابق في المدينة", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "قوات الرئيس السابق: a title after the head, no name");
}

static void
test_tails(void)
{
	org_case("من الهلال الأحمر العربي السوري دخل", 6,
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0}, 0,
			 "a name takes its tail of nisba adjectives");
	org_case("وفاز برشلونة الإسباني", 3,
			 (uint8_t[]) {0, B(O), 0},
			 (uint8_t[]) {0, B(O), 0}, 0,
			 "but a one-word name is not described by it");
	org_case("وقالت منظمة الأمم المتحدة للطفولة إن", 6,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0}, 0,
			 "a head before a known organization takes a لل genitive");
	org_case("تمديد ولاية قوة الأمم المتحدة المؤقتة في لبنان «يونيفيل» لعام", 10,
			 (uint8_t[]) {0, 0, 0, B(O), I(O), 0, 0, B(L), B(M), 0},
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), I(O), I(O), I(O), B(O), 0}, 0,
			 "a body word, an adjective and في a place; the acronym after it");
	org_case("هددت المجموعة الاقتصادية لدول غرب أفريقيا بالتدخل", 7,
			 (uint8_t[]) {0, 0, 0, 0, 0, B(L), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), I(O), 0}, 0,
			 "a head with an adjective takes a genitive that ends in a place");
	org_case("وأرسلت القوات الحكومية للسيطرة على المدينة", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "but not one without a place or organization (a purpose)");
	org_case("نفذها الجيش الإسرائيلي لاغتياله في مخيم جنين", 7,
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0, B(L)},
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0, B(L)}, 0,
			 "a ل word with a pronoun is no genitive of the name");
	org_case("وقالت منظمة الأمم المتحدة للطفولة إن", 6,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "ANERcorp's convention leaves the tail out");
}

static void
test_titles_acronyms(void)
{
	org_case("يلتقي رئيس مجلس النواب نبيه بري", 6,
			 (uint8_t[]) {0, 0, B(O), I(O), B(P), I(P)},
			 (uint8_t[]) {0, 0, 0, 0, B(P), I(P)}, 0,
			 "رئيس مجلس النواب is a title, no organization");
	org_case("يلتقي رئيس مجلس النواب نبيه بري", 6,
			 (uint8_t[]) {0, 0, B(O), I(O), B(P), I(P)},
			 (uint8_t[]) {0, 0, 0, 0, B(P), I(P)}, AR_RULES_NO_ORG_CHAINS,
			 "in ANERcorp's convention too");
	org_case("قال رئيس مجلس الأمن إن", 5,
			 (uint8_t[]) {0, 0, B(O), I(O), 0},
			 (uint8_t[]) {0, 0, B(O), I(O), 0}, 0,
			 "a council with a name of its own stays");
	org_case("قال مجلس النواب إن", 4,
			 (uint8_t[]) {0, B(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "and so does the chamber without a title");
	org_case("وفاز برشلونة (إسبانيا) أمس", 4,
			 (uint8_t[]) {0, B(O), B(L), 0},
			 (uint8_t[]) {0, B(O), B(L), 0}, 0,
			 "a place in parentheses after a club is no acronym");
	org_case("بتقديرات \"وول ستريت\" الأنموذجية البالغة", 5,
			 (uint8_t[]) {0, B(O), I(O), B(M), 0},
			 (uint8_t[]) {0, B(O), I(O), B(M), 0}, 0,
			 "a word after a closing quote is not in quotes");
	org_case("أعلن الجيش الإسرائيلي «عملية» جديدة", 5,
			 (uint8_t[]) {0, B(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "an untagged quoted word stays untagged");
}

/* The cleaned form of a mention leaves و before a head noun out. */
static void
test_resolve(void)
{
	static const char *const texts[] = {"وحزب العمال", "وليد العمال"};
	static const size_t want[] = {2, 0};	/* bytes of و, or none */

	for (int k = 0; k < 2; k++)
	{
		ArTagWords	ws = {0};
		ArMention	m = {AR_ENT_ORGANIZATION, 0, 2, 0, 0, 0, 0};

		ArTagSplit(texts[k], strlen(texts[k]), &ws, env);
		ArMentionResolve(&tg.gaz, texts[k], &ws, &m, 1);
		check(m.first_off == want[k], "%s: the mention starts at byte %zu (got %zu)",
			  texts[k], want[k], m.first_off);
		ArTagWordsFree(&ws, env);
	}
}

/*
 * A committee named by a noun and its adjective, like a party or a force;
 * not with an adjective that describes it.
 */
static void
test_committees(void)
{
	org_case("في إطار لجنة الاتصال العربية", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, B(O), I(O), I(O)}, 0,
			 "a committee, a noun and its adjective");
	org_case("في إطار لجنة الاتصال الجديدة", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, 0,
			 "a describing adjective: no organization");
	org_case("في إطار لجنة الاتصال أمس", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, 0,
			 "a committee and one noun (only a party is named so)");
}

/*
 * A head with the article and an adjective of rank or reach takes a ل
 * tail of any kind (the office it is for); after another adjective only a
 * tail that holds a place or organization.
 */
static void
test_office_tails(void)
{
	org_case("وأعلن المجلس الأعلى للقضاء قرارا", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "a head, an adjective of rank and a لل tail");
	org_case("وسلمهم إلى المجموعة العامة للأمن العام أمس", 7,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), I(O), 0}, 0,
			 "a لل tail and its adjective");
	org_case("إلى المجموعة العامة للجوازات الأخوة أمس", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0}, 0,
			 "a word after the لل tail that is no adjective of rank or nisba stays out");
	org_case("وأرسلت القوات الحكومية للسيطرة على المدينة", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "another adjective and a ل of purpose: no organization");
	org_case("وأعلن المجلس الأعلى للقضاء قرارا", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "not in ANERcorp's convention");
}

/*
 * Two organizations joined by و: a listed name after و that reaches the
 * end of the mention starts an organization of its own; a name joined by و
 * inside stays whole.
 */
static void
test_joined(void)
{
	org_case("وفد من منظمة الصحة والأمم المتحدة", 6,
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, 0, B(O), I(O), B(O), I(O)}, 0,
			 "a listed name after و, cut by the tagger, is a second organization");
	org_case("وفد من منظمة الصحة والأمم المتحدة", 6,
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, 0, B(O), I(O), B(O), I(O)}, AR_RULES_NO_ORG_CHAINS,
			 "the same in ANERcorp's convention");
	org_case("وفد من منظمة الصحة والأمم المتحدة", 6,
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), I(O)},
			 (uint8_t[]) {0, 0, B(O), I(O), B(O), I(O)}, 0,
			 "a listed name after و that ends the mention: a second organization");
	org_case("وفد من منظمة الصحة والأمم", 5,
			 (uint8_t[]) {0, 0, B(O), I(O), I(O)},
			 (uint8_t[]) {0, 0, B(O), I(O), I(O)}, 0,
			 "one word of a listed name after و: left whole");
	org_case("فاز حزب العدالة والتنمية", 4,
			 (uint8_t[]) {0, B(O), I(O), I(O)},
			 (uint8_t[]) {0, B(O), I(O), I(O)}, 0,
			 "a party whose name is joined by و stays whole");
}

/*
 * The agency of a dateline: after a place at the start of the text or a
 * line, in parentheses or between a dash and a colon, whatever it was
 * tagged; not a title or a person there, nor later in the text.
 */
static void
test_datelines(void)
{
	org_case("أنقرة (الأناضول) – قال الوزير", 4,
			 (uint8_t[]) {B(L), B(L), 0, 0},
			 (uint8_t[]) {B(L), B(O), 0, 0}, 0,
			 "an agency in parentheses after the place, tagged as a place");
	org_case("بروكسل (أ ف ب) - وافق الوزراء", 6,
			 (uint8_t[]) {B(L), 0, 0, 0, 0, 0},
			 (uint8_t[]) {B(L), B(O), I(O), I(O), 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "an agency of three letters in parentheses (either convention)");
	org_case("القاهرة – أ ش أ: أكد الأمين", 6,
			 (uint8_t[]) {B(L), 0, 0, 0, 0, 0},
			 (uint8_t[]) {B(L), B(O), I(O), I(O), 0, 0}, 0,
			 "an agency between a dash and a colon");
	org_case("بيروت – «الوكالة الوطنية للإعلام»: بحث", 5,
			 (uint8_t[]) {B(L), 0, 0, 0, 0},
			 (uint8_t[]) {B(L), B(O), I(O), I(O), 0}, 0,
			 "an agency in quotes between a dash and a colon");
	org_case("بيروت – \"الوكالة الوطنية\": بحث", 4,
			 (uint8_t[]) {B(L), 0, 0, 0},
			 (uint8_t[]) {B(L), B(O), I(O), 0}, 0,
			 "an agency in straight quotes between a dash and a colon");
	org_case("لبنان – وفد الوزارة: وصل", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "a place of the gazetteer, untagged, starts a dateline too");
	org_case("بيروت - قال رئيس الحكومة: نعم", 5,
			 (uint8_t[]) {B(L), 0, 0, 0, 0},
			 (uint8_t[]) {B(L), 0, 0, 0, 0}, 0,
			 "a title after the dash: no agency");
	org_case("بيروت - قال سعيد: نعم", 4,
			 (uint8_t[]) {B(L), 0, B(P), 0},
			 (uint8_t[]) {B(L), 0, B(P), 0}, 0,
			 "a person after the dash: no agency");
	org_case("وقال في بيروت (الأناضول) أمس", 5,
			 (uint8_t[]) {0, 0, B(L), B(L), 0},
			 (uint8_t[]) {0, 0, B(L), B(L), 0}, 0,
			 "a place and parentheses later in the text: no dateline");
	org_case("بيروت (عاصمة لبنان الجميلة جدا جدا) مدينة", 7,
			 (uint8_t[]) {B(L), 0, B(L), 0, 0, 0, 0},
			 (uint8_t[]) {B(L), 0, B(L), 0, 0, 0, 0}, 0,
			 "parentheses longer than an agency's name: no agency");
	org_case("بيروت (عاصمة لبنان) مدينة", 4,
			 (uint8_t[]) {B(L), 0, B(L), 0},
			 (uint8_t[]) {B(L), 0, B(L), 0}, 0,
			 "parentheses without a dash after them: no agency");
	org_case("موسكو (روسيا) - هامبورغ", 3,
			 (uint8_t[]) {B(L), B(L), 0},
			 (uint8_t[]) {B(L), B(L), 0}, 0,
			 "a place of the gazetteer in parentheses: a city's country, no agency");
}

/* An untagged word in parentheses after an organization is its acronym. */
static void
test_untagged_acronyms(void)
{
	org_case("أعلنت قوات سوريا الديمقراطية (قسد) مقتل قيادي", 7,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), B(O), 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "an untagged word in parentheses after an organization");
	org_case("اشتبكت مع «قوات سوريا الديمقراطية» (قسد) أمس", 7,
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), 0, 0},
			 (uint8_t[]) {0, 0, B(O), I(O), I(O), B(O), 0}, 0,
			 "after the closing quote of the organization");
	org_case("وقال الجيش اللبناني (2019) إن", 5,
			 (uint8_t[]) {0, B(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "a number is no acronym");
	org_case("وقال الجيش اللبناني (أمس) إن", 5,
			 (uint8_t[]) {0, B(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "a frequent word that is no part of a name is no acronym");
	org_case("وقال الجيش اللبناني (في بيان) إن", 6,
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0}, 0,
			 "two words in parentheses are no acronym");
	org_case("وقال الوزير (قسد) إن", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "no organization before the parentheses: no acronym");
}

/* A head with the article and an adjective of reach alone refers back. */
static void
test_back_references(void)
{
	org_case("وقالت اللجنة الدولية إن الوضع خطير", 6,
			 (uint8_t[]) {0, B(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "اللجنة الدولية alone refers back to a named organization");
	org_case("وقالت اللجنة الأممية إن", 4,
			 (uint8_t[]) {0, B(O), I(O), 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "so does اللجنة الأممية");
	org_case("وقالت اللجنة الأممية إن", 4,
			 (uint8_t[]) {0, B(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, AR_RULES_NO_ORG_CHAINS,
			 "but not in ANERcorp's convention, which tags it");
	org_case("وقال البنك الدولي إن", 4,
			 (uint8_t[]) {0, B(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "a sure name of the gazetteer stays");
	org_case("وقالت اللجنة الأولمبية الدولية إن", 5,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "a name of three words stays");
	org_case("وقالت لجنة دولية إن", 4,
			 (uint8_t[]) {0, B(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "(without the article the rule does not apply)");
}

/* A ل tail the tagger cut short before a place or a و word. */
static void
test_cut_tails(void)
{
	org_case("وأعلنت الإدارة الذاتية لشمال وشرق لبنان تعطيل الدوام", 8,
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), B(L), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), I(O), 0, 0}, 0,
			 "a ل genitive without the article takes the place after it");
	org_case("وأعلنت الإدارة الذاتية لشمال وشرق لبنان تعطيل الدوام", 8,
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), B(L), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), B(L), 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "(not in ANERcorp's convention)");
	org_case("وانتشر الجيش اللبناني قرب لبنان", 5,
			 (uint8_t[]) {0, B(O), I(O), 0, B(L)},
			 (uint8_t[]) {0, B(O), I(O), 0, B(L)}, 0,
			 "no ل genitive in the organization: the place stays");
	org_case("وأعلنت الإدارة الذاتية لشمال المنطقة لبنان", 6,
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), B(L)},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), B(L)}, 0,
			 "a genitive that ends with the article is complete");
	org_case("وأكد الائتلاف الوطني لقوى الثورة والمعارضة السورية أن", 8,
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), I(O), I(O), 0}, 0,
			 "a ل genitive takes a noun joined by و and its adjective");
	org_case("وقالت لجنة الأمم المتحدة للاجئين والجيش السوري إن", 8,
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0, 0, 0}, 0,
			 "but not a head noun after و: another body");
}

/* A head noun without the article before a quoted name stays outside it. */
static void
test_quoted_names(void)
{
	org_case("وقتل قيادي في حزب «الدولة الإسلامية» أمس", 7,
			 (uint8_t[]) {0, 0, 0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, 0, 0, 0, B(O), I(O), 0}, AR_RULES_NO_ORG_CHAINS,
			 "a head before a quoted name of two words (either convention)");
	org_case("وقال حزب \"العمال الكردستاني\" إن", 5,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, 0, B(O), I(O), 0}, 0,
			 "straight quotes too");
	org_case("وقال حزب «الله» اللبناني إن", 5,
			 (uint8_t[]) {0, B(O), I(O), 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0, 0}, 0,
			 "one quoted word with ال: the name needs its head");
	org_case("وقال حزب «العمال» الكردستاني إن", 5,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "the name goes on past the quotes: it stays whole");
	org_case("وقال حزب العمال الكردستاني إن", 5,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "no quotes: it stays whole");
	org_case("وقالت «الجيش السوري الحر» إن", 5,
			 (uint8_t[]) {0, B(O), I(O), I(O), 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), 0}, 0,
			 "a head inside the quotes stays");
}

/* A head noun, a noun without the article and the word it belongs to. */
static void
test_genitive_bodies(void)
{
	org_case("وقال مكتب تنسيق الشؤون الإنسانية إن", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), I(O), I(O), 0}, 0,
			 "a head, a noun, a noun with the article and an adjective");
	org_case("في إشارة إلى وحدات حماية الشعب، التي", 7,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, B(O), I(O), I(O), 0}, 0,
			 "a plural head (وحدات)");
	org_case("وقال مكتب تنسيق الشؤون الإنسانية إن", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "(not in ANERcorp's convention)");
	org_case("وصدر عن مكتب وزير الخارجية بيان", 6,
			 (uint8_t[]) {0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0, 0}, 0,
			 "a title in the middle: the office of a function");
	org_case("واجتمع مجلس إدارة الشركة أمس", 5,
			 (uint8_t[]) {0, 0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0, 0}, 0,
			 "a chamber in the middle (مجلس إدارة)");
	org_case("ووصلت وحدات أخرى الحدود", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "a describing adjective in the middle");
	org_case("وتقدم جهاز كشف المعادن", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "a head that is also a thing (جهاز) is not one of these heads");
	org_case("وأعلنت لجنة شؤون بالمدينة", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "a clitic on the last word ends it");
}

/* Datelines with a date after the place, or a slash. */
static void
test_dated_datelines(void)
{
	org_case("جنيف، ١٢ تشرين الأول/أكتوبر (أ ف ب) - أعلن المبعوث", 10,
			 (uint8_t[]) {B(L), 0, 0, 0, 0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {B(L), 0, 0, 0, 0, B(O), I(O), I(O), 0, 0}, 0,
			 "a date after the place and a comma, then the agency");
	org_case("بغداد/ واع: اعلنت الوزارة", 4,
			 (uint8_t[]) {B(L), 0, 0, 0},
			 (uint8_t[]) {B(L), B(O), 0, 0}, AR_RULES_NO_ORG_CHAINS,
			 "an agency between a slash and a colon (either convention)");
	org_case("بيروت، في 12 آذار (مارس) الجاري قال", 7,
			 (uint8_t[]) {B(L), 0, 0, 0, 0, 0, 0},
			 (uint8_t[]) {B(L), 0, 0, 0, 0, 0, 0}, 0,
			 "parentheses after a date without a dash: no agency");
	org_case("بيروت، لبنان (الأناضول) - قال", 4,
			 (uint8_t[]) {B(L), B(L), B(L), 0},
			 (uint8_t[]) {B(L), B(L), B(L), 0}, 0,
			 "no number after the comma: no date, no agency");
}

/* The treasury stands for its ministry as the other departments do. */
static void
test_treasury(void)
{
	org_case("وفرضت الخزانة الأمريكية عقوبات", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, B(O), I(O), 0}, 0,
			 "الخزانة الأمريكية is the ministry");
	org_case("وقال وزير الخزانة الأمريكية", 4,
			 (uint8_t[]) {0, 0, 0, 0},
			 (uint8_t[]) {0, 0, 0, 0}, 0,
			 "after a title it is the title's department");
}

int
main(void)
{
	env = ArMallocEnv();
	gaz_build(&tg, gaz_names, gaz_masks, (int) (sizeof(gaz_masks) / sizeof(gaz_masks[0])));
	test_elided_heads();
	test_genitives();
	test_tails();
	test_titles_acronyms();
	test_resolve();
	test_datelines();
	test_joined();
	test_office_tails();
	test_committees();
	test_untagged_acronyms();
	test_back_references();
	test_cut_tails();
	test_quoted_names();
	test_genitive_bodies();
	test_dated_datelines();
	test_treasury();
	return harness_done();
}
