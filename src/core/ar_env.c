/*
 * src/core/ar_env.c
 *
 * The growable buffer and the malloc-backed environment used by the unit
 * tests, fuzzers and benchmarks (the extension supplies its own, see
 * src/pg_arabic.c).
 */
#include "ar_env.h"

#include <stdlib.h>

static void *
malloc_realloc(void *ctx, void *ptr, size_t size)
{
	(void) ctx;
	return realloc(ptr, size);
}

static void
malloc_free(void *ctx, void *ptr)
{
	(void) ctx;
	free(ptr);
}

static const ArEnv malloc_env = {
	.realloc_fn = malloc_realloc,
	.free_fn = malloc_free,
	.check_interrupts = NULL,
	.ctx = NULL,
	.max_size = (size_t) 1 << 34,
};

/*
 * ArMallocEnv returns a shared, read-only environment backed by malloc with
 * a 16 GiB cap and no interrupt callback.
 */
const ArEnv *
ArMallocEnv(void)
{
	return &malloc_env;
}

/*
 * ArBufReserve grows buf so that extra more bytes fit after buf->len.  The
 * capacity at least doubles so appends are amortised O(1).  Returns
 * AR_ERR_TOO_LARGE when the result would pass env->max_size, AR_ERR_NOMEM
 * when the allocator fails; buf is unchanged then.
 */
ArStatus
ArBufReserve(ArBuf *buf, size_t extra, const ArEnv *env)
{
	size_t		need;
	size_t		cap;
	char	   *p;

	if (extra > env->max_size || buf->len > env->max_size - extra)
		return AR_ERR_TOO_LARGE;
	need = buf->len + extra;
	if (need <= buf->cap)
		return AR_OK;
	cap = buf->cap ? buf->cap : 64;
	while (cap < need)
		cap = (cap > env->max_size / 2) ? env->max_size : cap * 2;
	if (cap > env->max_size)
		cap = env->max_size;	/* need <= max_size was checked above */
	p = env->realloc_fn(env->ctx, buf->data, cap);
	if (p == NULL)
		return AR_ERR_NOMEM;
	buf->data = p;
	buf->cap = cap;
	return AR_OK;
}

void
ArBufFree(ArBuf *buf, const ArEnv *env)
{
	if (buf->data)
		env->free_fn(env->ctx, buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}

const char *
ArStatusMessage(ArStatus status)
{
	switch (status)
	{
		case AR_OK:
			return "ok";
		case AR_ERR_NOMEM:
			return "out of memory";
		case AR_ERR_TOO_LARGE:
			return "result would exceed the maximum allowed size";
		case AR_ERR_ICU:
			return "ICU normalization failed";
	}
	return "unknown error";
}
