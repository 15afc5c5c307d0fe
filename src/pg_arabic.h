/*
 * src/pg_arabic.h
 *
 * Glue shared by the SQL-facing files: the engine environment backed by
 * palloc and CHECK_FOR_INTERRUPTS, the UTF-8 database check, profile look-up
 * and the error report for an engine status.
 */
#ifndef PG_ARABIC_H
#define PG_ARABIC_H

#include "postgres.h"

#include "ar_env.h"
#include "ar_normalize.h"

/* The environment for engine calls in the current memory context. */
extern const ArEnv *ArPgEnv(void);

/* Errors out unless the database encoding is UTF8. */
extern void ArRequireUtf8(void);

/* The profile named by t, or an error listing the valid ones. */
extern const ArProfile *ArProfileFromText(text *t);

/* Raises the error for a failed engine call; what says what was running. */
extern void ArReportStatus(ArStatus status, const char *what) pg_attribute_noreturn();

/* Normalizes a text datum under flags into a new palloc'd text. */
extern text *ArNormalizeText(text *in, uint32 flags);

/* Same on a raw buffer; returns a palloc'd text. */
extern text *ArNormalizeBytes(const char *data, size_t len, uint32 flags);

/* Near-duplicate settings (pg_arabic.similarity_threshold and friends). */
#define AR_DEFAULT_SIMILARITY_THRESHOLD 0.5
#define AR_DEFAULT_CONTAINMENT_THRESHOLD 0.7
extern double ar_similarity_threshold;
extern double ar_containment_threshold;

/*
 * The value of a threshold setting (&ar_similarity_threshold or
 * &ar_containment_threshold); an error if its value was refused when the
 * library loaded.
 */
extern double ArSettingValue(const double *var);

/* Citus (src/citus.c): the checks of distributed queries, from _PG_init */
extern void ArCitusInit(void);
/* a threshold was given a value (its assign hook) */
extern void ArCitusSettingAssigned(const char *name);
/* the gazetteer's statement trigger ran in this transaction */
extern void ArGazetteerChanged(void);

/* Operator strategies shared by the GIN and GiST operator classes. */
#define AR_STRATEGY_SIMILAR		1	/* ~=  */
#define AR_STRATEGY_CONTAINS	2	/* ~@> : indexed text contains the query */
#define AR_STRATEGY_INSIDE		3	/* <@~ : indexed text stands inside the query */
#define AR_STRATEGY_DISTANCE	4	/* <~> */

/*
 * The threshold setting a boolean strategy compares with (similarity for
 * ~=, containment for ~@> and <@~); an error naming opclass otherwise.
 */
extern double ArStrategyThreshold(uint16 strategy, const char *opclass);

struct ArFingerprint;
/* The fingerprint of a text in the current memory context, or an error. */
extern void ArFingerprintDatum(text *t, struct ArFingerprint *fp);

struct ArrayType;
/*
 * The hashes of a stored fingerprint (int4[]), sorted and unique: into the
 * array when it already is, else a sorted copy; an error on NULL elements
 * or more than one dimension.
 */
extern const int32 *ArFingerprintArray(struct ArrayType *a, int *n);

#endif							/* PG_ARABIC_H */
