#!/bin/sh
# test/run_fuzz.sh: builds each test/fuzz/fuzz_NAME.c with libFuzzer (clang,
# address and undefined sanitizers) together with src/core/*.c, then runs it
# for FUZZ_SECONDS seconds on test/fuzz/corpus_NAME (kept between runs; the
# committed seeds in test/fuzz/seeds/ and test/fuzz/seeds_NAME/, if any, are
# read too).  Crashes
# land in test/fuzz/crash-NAME-*.  Skips with a message when libFuzzer is
# missing.  Usage: run_fuzz.sh fuzz_a.c fuzz_b.c -- core1.c core2.c
set -u
CC=${FUZZ_CC:-clang}
SECONDS_EACH=${FUZZ_SECONDS:-60}
FLAGS="-g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined ${FUZZ_CFLAGS:-}"

targets=
while [ $# -gt 0 ] && [ "$1" != -- ]; do targets="$targets $1"; shift; done
[ $# -gt 0 ] && shift
core="$*"

if [ -z "$targets" ]; then
	echo "fuzz: no test/fuzz/fuzz_*.c yet; nothing to run"
	exit 0
fi
probe=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_fuzzprobe.XXXXXX")
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n){(void)d;(void)n;return 0;}\n' >"$probe/p.c"
if ! command -v "$CC" >/dev/null 2>&1 || ! "$CC" -fsanitize=fuzzer "$probe/p.c" -o "$probe/p" 2>/dev/null; then
	rm -rf "$probe"
	echo "fuzz: skipped: $CC with libFuzzer is not available (make deps installs clang and libclang-rt-14-dev)"
	exit 0
fi
rm -rf "$probe"

status=0
for src in $targets; do
	bin=${src%.c}
	name=$(basename "$bin")
	name=${name#fuzz_}
	dir=$(dirname "$src")
	echo "fuzz: building $bin"
	# shellcheck disable=SC2086
	$CC $FLAGS -o "$bin" "$src" $core ${FUZZ_LIBS:-} || { status=1; continue; }
	corpus="$dir/corpus_$name"
	mkdir -p "$corpus"
	seeds=
	[ -d "$dir/seeds" ] && seeds=" $dir/seeds"
	[ -d "$dir/seeds_$name" ] && seeds="$seeds $dir/seeds_$name"
	log="$bin.log"
	echo "fuzz: running $name for ${SECONDS_EACH}s (corpus $corpus${seeds:+, seeds$seeds}; log $log)"
	# shellcheck disable=SC2086
	"./$bin" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$dir/crash-$name-" -print_final_stats=1 "$corpus" $seeds >"$log" 2>&1
	rc=$?
	if [ "$rc" -eq 0 ]; then
		echo "fuzz: $name ok: $(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}') runs, corpus $(ls "$corpus" | wc -l) files"
	else
		status=1
		echo "fuzz: $name FAILED (status $rc); report (full log $log):"
		# the report: the target's own last words (up to 5 lines), 25 lines
		# from the error on, and where the input was saved
		grep -vE '^(#[0-9]+|INFO:|stat::|MS: |Done [0-9]+ runs)|^[[:space:]]+NEW_FUNC' "$log" |
			awk '!n && /ERROR:|runtime error|deadly signal|ALARM|out-of-memory/ {
					n = 1; for (i = c - 5; i < c; i++) if (i >= 0) print b[i % 5] }
				!n { b[c++ % 5] = $0 } n && n++ <= 25' | sed 's/^/    /'
		grep 'Test unit written' "$log" | sed 's/^/    /'
	fi
done
[ "$status" -eq 0 ] && echo "fuzz: all targets ran clean" || echo "fuzz: failures above"
exit "$status"
