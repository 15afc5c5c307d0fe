/*
 * src/core/ar_env.h
 *
 * The environment the Arabic engine runs in: how it allocates memory, how
 * large a buffer may grow, and how it lets its caller interrupt a long run.
 * The engine has no PostgreSQL header; the extension passes palloc-backed
 * callbacks, the unit tests, fuzzers and benchmarks pass malloc-backed ones.
 * Also the growable output buffer every engine function writes into.
 */
#ifndef AR_ENV_H
#define AR_ENV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ArStatus
{
	AR_OK = 0,
	AR_ERR_NOMEM,				/* the allocator returned NULL */
	AR_ERR_TOO_LARGE,			/* a buffer would exceed ArEnv.max_size */
	AR_ERR_ICU					/* ICU reported an error */
} ArStatus;

typedef struct ArEnv
{
	/* realloc semantics: ptr NULL allocates; never called with size 0 */
	void	   *(*realloc_fn) (void *ctx, void *ptr, size_t size);
	void		(*free_fn) (void *ctx, void *ptr);
	/* called every few tens of kilobytes of input; may not return (longjmp) */
	void		(*check_interrupts) (void *ctx);
	void	   *ctx;
	size_t		max_size;		/* largest buffer the caller accepts */
} ArEnv;

/* A growable byte buffer owned by the caller through env's allocator. */
typedef struct ArBuf
{
	char	   *data;
	size_t		len;
	size_t		cap;
} ArBuf;

/* How many input bytes pass between two check_interrupts calls. */
#define AR_INTERRUPT_STRIDE ((size_t) 64 * 1024)

/* A malloc-backed environment for programs outside PostgreSQL. */
extern const ArEnv *ArMallocEnv(void);

/* Makes room for extra more bytes in buf; AR_OK or an error status. */
extern ArStatus ArBufReserve(ArBuf *buf, size_t extra, const ArEnv *env);

/* Frees buf's storage through env and empties it. */
extern void ArBufFree(ArBuf *buf, const ArEnv *env);

/* A message for a status, for callers' error reports. */
extern const char *ArStatusMessage(ArStatus status);

static inline void
ArCheckInterrupts(const ArEnv *env)
{
	if (env->check_interrupts)
		env->check_interrupts(env->ctx);
}

/*
 * For loops over long input: runs the interrupt callback once pos has
 * reached *next, then sets *next AR_INTERRUPT_STRIDE bytes further.
 */
static inline void
ArInterruptPoint(const ArEnv *env, size_t pos, size_t *next)
{
	if (pos >= *next)
	{
		ArCheckInterrupts(env);
		*next = pos + AR_INTERRUPT_STRIDE;
	}
}

/* Appends n bytes; the fast path is inlined. */
static inline ArStatus
ArBufAppend(ArBuf *buf, const char *bytes, size_t n, const ArEnv *env)
{
	if (buf->cap - buf->len < n)
	{
		ArStatus	st = ArBufReserve(buf, n, env);

		if (st != AR_OK)
			return st;
	}
	for (size_t i = 0; i < n; i++)
		buf->data[buf->len + i] = bytes[i];
	buf->len += n;
	return AR_OK;
}

#endif							/* AR_ENV_H */
