#!/bin/sh
# test/run_tap.sh LABEL FILE...: runs each test program (a unit-test binary, or
# a Perl TAP script when it ends in .pl), keeps its full output in FILE.log,
# shows only failures, and counts the TAP-like lines ("ok N - ...",
# "not ok N - ...").  A program that is missing (did not compile), or that exits
# nonzero without any "not ok" line (a crash, a sanitizer report, a die),
# counts as one failure.
# Last line: "# LABEL: N passed, N failed"; exit status 1 when anything failed.
set -u
label=$1
shift
: "${ASAN_OPTIONS:=detect_leaks=1:abort_on_error=0:halt_on_error=1}"
: "${UBSAN_OPTIONS:=print_stacktrace=1:halt_on_error=1}"
export ASAN_OPTIONS UBSAN_OPTIONS

total_pass=0
total_fail=0
[ $# -eq 0 ] && echo "$label: no tests yet"
for prog in "$@"; do
	case $prog in
	*.pl) log="${LOGDIR:-$(dirname "$prog")}/$(basename "$prog" .pl).log"
		set -- perl -I "$(dirname "$prog")" "$prog" ;;
	*) log="$prog.log"
		set -- "./$prog" ;;
	esac
	if [ ! -f "$prog" ]; then
		echo "$label: $prog did not compile (see the errors above)"
		total_fail=$((total_fail + 1))
		continue
	fi
	"$@" >"$log" 2>&1
	rc=$?
	pass=$(grep -c '^ok ' "$log")
	fail=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		fail=1
		echo "$label: $prog exited with status $rc without a 'not ok' line; end of $log:"
		tail -n 30 "$log" | sed 's/^/    /'
	fi
	if [ "$fail" -gt 0 ]; then
		# each failure with the diagnostics that follow it ("#   Failed test ...")
		awk '/^not ok / { p = 1; print; next } p && /^#/ { print; next } { p = 0 }' "$log" |
			head -n 80 | sed 's/^/    /'
	fi
	echo "$label: $(basename "$prog"): $pass passed, $fail failed"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done
echo "# $label: $total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
