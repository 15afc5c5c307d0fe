/*
 * test/fuzz/fuzz_normalize.c
 *
 * libFuzzer target for ArNormalize.  Every input runs through the three
 * profiles and each of the sixteen single flags, plus one combination of
 * flags taken from the first two bytes, under environments that vary with
 * the first byte: the plain malloc environment, one with a small max_size,
 * and one whose allocator fails after a number of calls.  Checked:
 *   - the status is AR_OK, or AR_ERR_TOO_LARGE / AR_ERR_NOMEM only under the
 *     environment that can cause it, and the output never exceeds max_size;
 *   - the output is valid UTF-8 (invalid input bytes come out as U+FFFD, so
 *     this must hold for every input, valid or not);
 *   - the search and display profiles are idempotent: search(search(x))
 *     == search(x), and the same for display.  (Not camel: it mirrors
 *     CAMeL Tools, whose folds after NFKC are not idempotent either, e.g.
 *     U+0623 U+0654 gives U+0627 U+0654, which NFKC composes again.)  With FUZZ_IDEMPOTENCE=report in the environment an idempotence failure
 *     is printed (hex of the shortest failing input so far) instead of
 *     aborting, so a long run can go on looking for other faults after the
 *     known one is reported.  The default aborts.
 * ASan reports overflows and, at exit, leaks (the failing allocator checks
 * that error paths free what they allocated).
 *
 * Build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core \
 *          test/fuzz/fuzz_normalize.c src/core/ar_*.c -licuuc -o /tmp/fuzz_normalize
 */
#include "ar_normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strict UTF-8 validation, written independently of ArUtf8Decode. */
static int
valid_utf8(const unsigned char *s, size_t len)
{
	size_t		i = 0;

	while (i < len)
	{
		unsigned char c = s[i];
		size_t		n;
		uint32_t	cp;

		if (c < 0x80)
		{
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF)
			n = 2, cp = c & 0x1F;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3, cp = c & 0x0F;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4, cp = c & 0x07;
		else
			return 0;
		if (len - i < n)
			return 0;
		for (size_t k = 1; k < n; k++)
		{
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
			cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += n;
	}
	return 1;
}

/* An allocator that fails once its budget of calls is spent. */
typedef struct FailCtx
{
	int			left;
} FailCtx;

static void *
fail_realloc(void *ctx, void *ptr, size_t size)
{
	FailCtx    *f = ctx;

	if (f->left <= 0)
		return NULL;
	f->left--;
	return realloc(ptr, size);
}

static void
fail_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static void
dump_hex(const char *what, const uint8_t *d, size_t n)
{
	fprintf(stderr, "%s (%zu bytes):", what, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, " %02X", d[i]);
	fprintf(stderr, "\n");
}

static void
run_one(const uint8_t *data, size_t size, uint32_t flags, const ArEnv *env,
		int may_fail)
{
	ArBuf		out = {0};
	ArStatus	st = ArNormalize((const char *) data, size, flags, &out, env);

	if (st != AR_OK &&
		!(may_fail && (st == AR_ERR_TOO_LARGE || st == AR_ERR_NOMEM)))
	{
		fprintf(stderr, "flags 0x%x: unexpected status %d (%s)\n",
				flags, (int) st, ArStatusMessage(st));
		dump_hex("input", data, size);
		abort();
	}
	if (out.len > env->max_size)
	{
		fprintf(stderr, "flags 0x%x: output %zu bytes > max_size %zu\n",
				flags, out.len, env->max_size);
		abort();
	}
	if (st == AR_OK && !valid_utf8((const unsigned char *) out.data, out.len))
	{
		fprintf(stderr, "flags 0x%x: output is not valid UTF-8\n", flags);
		dump_hex("input", data, size);
		dump_hex("output", (const uint8_t *) out.data, out.len);
		abort();
	}
	ArBufFree(&out, env);
}

static void
check_idempotent(const uint8_t *data, size_t size, uint32_t profile,
				 const char *name, size_t *shortest)
{
	static int	mode = -1;		/* 0 abort, 1 report */
	const ArEnv *env = ArMallocEnv();
	ArBuf		once = {0};
	ArBuf		twice = {0};

	if (mode < 0)
	{
		const char *m = getenv("FUZZ_IDEMPOTENCE");

		mode = (m && strcmp(m, "report") == 0) ? 1 : 0;
	}
	if (ArNormalize((const char *) data, size, profile, &once, env) != AR_OK ||
		ArNormalize(once.data ? once.data : "", once.len, profile,
					&twice, env) != AR_OK)
		abort();
	if (once.len != twice.len ||
		(once.len && memcmp(once.data, twice.data, once.len) != 0))
	{
		if (mode == 0 || size < *shortest)
		{
			fprintf(stderr, "%s profile not idempotent\n", name);
			dump_hex("input", data, size);
			dump_hex("once", (const uint8_t *) once.data, once.len);
			dump_hex("twice", (const uint8_t *) twice.data, twice.len);
			*shortest = size;
		}
		if (mode == 0)
			abort();
	}
	ArBufFree(&once, env);
	ArBufFree(&twice, env);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t profiles[] = {
		AR_PROFILE_DISPLAY, AR_PROFILE_SEARCH, AR_PROFILE_CAMEL, AR_STEP_UNICODE
	};
	ArEnv		env = *ArMallocEnv();
	FailCtx		fail = {0};
	int			may_fail = 0;
	uint8_t		sel = size > 0 ? data[0] : 0;

	/* the first byte picks the environment for this input */
	switch (sel & 0x07)
	{
		case 0:				/* small max_size */
			env.max_size = 1 + (size_t) (size > 1 ? data[1] : 0) * 4;
			may_fail = 1;
			break;
		case 1:				/* allocator fails after a few calls */
			fail.left = (sel >> 3) & 0x07;
			env.realloc_fn = fail_realloc;
			env.free_fn = fail_free;
			env.ctx = &fail;
			may_fail = 1;
			break;
		default:
			break;
	}

	for (size_t i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++)
	{
		fail.left = (sel >> 3) & 0x07;
		run_one(data, size, profiles[i], &env, may_fail);
	}
	for (int bit = 0; bit < 16; bit++)
	{
		fail.left = (sel >> 3) & 0x07;
		run_one(data, size, 1u << bit, &env, may_fail);
	}
	/* a combination chosen by the first two bytes, over the rest */
	if (size >= 2)
	{
		uint32_t	flags = ((uint32_t) data[0] << 8 | data[1]) & 0xFFFF;

		/* the header allows at most one of the two Unicode stages */
		if ((flags & (AR_F_NFC | AR_F_NFKC_CAMEL)) == (AR_F_NFC | AR_F_NFKC_CAMEL))
			flags &= ~(uint32_t) AR_F_NFKC_CAMEL;
		fail.left = (sel >> 3) & 0x07;
		run_one(data + 2, size - 2, flags, &env, may_fail);
	}

	{
		static size_t shortest_search = (size_t) -1;
		static size_t shortest_display = (size_t) -1;

		check_idempotent(data, size, AR_PROFILE_SEARCH, "search", &shortest_search);
		check_idempotent(data, size, AR_PROFILE_DISPLAY, "display", &shortest_display);
	}
	return 0;
}
