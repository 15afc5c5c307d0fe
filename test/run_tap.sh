#!/bin/sh
# test/run_unit.sh: runs each unit-test binary given as argument, keeps its full
# output in <binary>.log, shows only failures, and counts the TAP-like lines
# ("ok N - ...", "not ok N - ...").  A test that did not compile, or a binary
# that exits nonzero without any "not ok" line (a crash, a sanitizer report),
# counts as one failure.
# Last line: "# unit: N passed, N failed"; exit status 1 when anything failed.
set -u
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0:halt_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

total_pass=0
total_fail=0
if [ $# -eq 0 ]; then
	echo "unit: no test/unit/test_*.c yet"
fi
for bin in "$@"; do
	log="$bin.log"
	if [ ! -x "$bin" ]; then
		echo "unit: $bin did not compile (see the errors above)"
		total_fail=$((total_fail + 1))
		continue
	fi
	"./$bin" >"$log" 2>&1
	rc=$?
	pass=$(grep -c '^ok ' "$log")
	fail=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1
		echo "unit: $bin exited with status $rc without a 'not ok' line; end of $log:"
		tail -n 30 "$log" | sed 's/^/    /'
	fi
	grep '^not ok ' "$log" | head -n 50 | sed 's/^/    /'
	echo "unit: $(basename "$bin"): $pass passed, $fail failed"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done
echo "# unit: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
