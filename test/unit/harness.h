/*
 * test/unit/harness.h
 *
 * The unit tests' tiny harness: check() prints "ok N - ..." or
 * "not ok N - ..." (TAP), check_str() adds got/expected as "#" lines, and
 * harness_done() prints "# N passed, N failed" and gives the exit status.
 * Each test program includes it once.
 */
#ifndef UNIT_HARNESS_H
#define UNIT_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int	n_run;
static int	n_failed;

static inline bool
check(bool cond, const char *fmt,...)
{
	va_list		ap;

	n_run++;
	printf("%s %d - ", cond ? "ok" : "not ok", n_run);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		n_failed++;
	return cond;
}

static inline bool
check_str(const char *got, const char *exp, const char *desc)
{
	if (!check(strcmp(got, exp) == 0, "%s", desc))
	{
		printf("#   got:      \"%s\"\n", got);
		printf("#   expected: \"%s\"\n", exp);
		return false;
	}
	return true;
}

/* Prints the summary line; the exit status of the test program. */
static inline int
harness_done(void)
{
	printf("# %d passed, %d failed\n", n_run - n_failed, n_failed);
	return n_failed ? 1 : 0;
}

#endif							/* UNIT_HARNESS_H */
