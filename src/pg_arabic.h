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

#endif							/* PG_ARABIC_H */
