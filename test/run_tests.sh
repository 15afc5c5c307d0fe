#!/bin/bash
# test/run_tests.sh: the body of "make test".  Builds the extension, stages
# it, runs the unit tests, checks that the entity model and its lists are
# what their generators give (test/model_sources.sh), then the pg_regress and isolation suites and the TAP scripts
# (test/t/*.pl) in a throwaway PostgreSQL cluster (pg_virtualenv) that loads
# the staged install via extension_destdir, after checking that the backend
# really maps the staged pg_arabic.so.  Prints one final line
# "N passed, N failed" (each regress test, unit assertion and TAP assertion
# counts) and exits nonzero when anything failed.
# Expects from the Makefile: MAKE, STAGE, STAGE_BASE, PG_CONFIG, PG_MAJOR,
# PG_ARABIC_SHARED, PG_ARABIC_CONFORMANCE.
set -u -o pipefail
cd "$(dirname "$0")/.."

MAKE=${MAKE:-make}
PG_MAJOR=${PG_MAJOR:-15}
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$PG_MAJOR/bin/pg_config}
: "${STAGE:?STAGE must be set (run through make test)}"
M="$MAKE --no-print-directory"

LOGDIR=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_test.XXXXXX")
trap 'rm -rf "$LOGDIR" "$STAGE"' EXIT

passed=0 failed=0 skipped=0
summary() {
	local line="$passed passed, $failed failed"
	[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
	echo "$line"
	[ "$failed" -eq 0 ]
	exit $?
}
step() { echo; echo "== $*"; }

# 1. Build and stage (a build failure ends the run as one failure).
step "build"
if $M -s all; then
	echo "built pg_arabic.so"
else
	echo "build failed"; failed=1; summary
fi
step "stage into $STAGE"
if ! $M -s stage; then
	echo "staging failed"; failed=1; summary
fi

# 2. Unit tests of src/core.
step "unit tests"
$M -s unit 2>&1 | tee "$LOGDIR/unit.log"
unit_rc=$?
read -r up uf < <(sed -n 's/^# unit: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$LOGDIR/unit.log" | tail -n 1)
if [ -z "${up:-}" ]; then
	echo "unit tests did not run to the end (status $unit_rc)"
	up=0 uf=1
elif [ "$unit_rc" -ne 0 ] && [ "$uf" -eq 0 ]; then
	uf=1
fi
passed=$((passed + up)) failed=$((failed + uf))

# 2b. The model's lists and the model are what their generators give
# (skipped without ../shared/data).
step "model sources (gazetteers and model regenerated and compared)"
MAKE="$MAKE" bash test/model_sources.sh 2>&1 | tee "$LOGDIR/model_sources.log"
read -r mp mf < <(sed -n 's/^# model-sources: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$LOGDIR/model_sources.log" | tail -n 1)
if grep -q '^model-sources: skipped' "$LOGDIR/model_sources.log"; then
	mp=0 mf=0 skipped=$((skipped + 1))
elif [ -z "${mp:-}" ]; then
	echo "model sources check did not run to the end"
	mp=0 mf=1
fi
passed=$((passed + mp)) failed=$((failed + mf))

# 3. pg_regress in a throwaway cluster.
step "pg_regress in a throwaway PostgreSQL $PG_MAJOR (extension_destdir=$STAGE)"
rm -rf results regression.diffs regression.out output_iso
# As root the server runs as postgres: give it a readable copy of the
# conformance table when the checkout's neighbourhood is closed to it.
if [ "$(id -u)" = 0 ] && [ -n "${PG_ARABIC_CONFORMANCE:-}" ] &&
	! runuser -u postgres -- test -r "$PG_ARABIC_CONFORMANCE" 2>/dev/null; then
	mkdir -p "$STAGE/shared"
	cp "$PG_ARABIC_CONFORMANCE" "$STAGE/shared/conformance.tsv"
	chmod -R a+rX "$STAGE/shared"
	export PG_ARABIC_CONFORMANCE="$STAGE/shared/conformance.tsv"
fi
echo "PG_ARABIC_SHARED=${PG_ARABIC_SHARED:-}"
echo "PG_ARABIC_CONFORMANCE=${PG_ARABIC_CONFORMANCE:-}"
export EXPECTED_SO="$STAGE$($PG_CONFIG --pkglibdir)/pg_arabic.so"
export M
TMPDIR=${STAGE_BASE:-/tmp} pg_virtualenv -t -v "$PG_MAJOR" -o "extension_destdir=$STAGE" bash test/regress_in_cluster.sh \
	2>&1 | tee "$LOGDIR/regress.log"
reg_rc=$?
rp=$(grep -cE '^(test +)?[[:space:]]*[^[:space:]]+[[:space:]]+\.\.\. ok( |$)' "$LOGDIR/regress.log")
rf=$(grep -cE '^(test +)?[[:space:]]*[^[:space:]]+[[:space:]]+\.\.\. FAILED( |$)' "$LOGDIR/regress.log")
ri=$(grep -cE '^(test +)?[[:space:]]*[^[:space:]]+[[:space:]]+\.\.\. failed \(ignored\)' "$LOGDIR/regress.log")
read -r tp tf < <(sed -n 's/^# tap: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' "$LOGDIR/regress.log" | tail -n 1)
tp=${tp:-0} tf=${tf:-0}
if grep -q '^stage-check: FAILED' "$LOGDIR/regress.log"; then
	rf=$((rf + 1))
fi
if [ "$reg_rc" -ne 0 ] && [ "$rf" -eq 0 ] && [ "$tf" -eq 0 ]; then
	echo "pg_regress did not complete (status $reg_rc)"
	rf=1
fi
for d in regression.diffs output_iso/regression.diffs; do
	if [ -s "$d" ]; then
		step "$d (first 200 lines; full file: $PWD/$d)"
		head -n 200 "$d"
	fi
done
passed=$((passed + rp + tp)) failed=$((failed + rf + tf)) skipped=$((skipped + ri))

# 4. The Citus suite: a coordinator and two workers (test/citus/run.sh);
# skipped, and said so, without ../shared/deps/citus-13.2.2.tar.gz.
step "Citus suite (coordinator and two workers)"
STAGE="$STAGE" STAGE_BASE="${STAGE_BASE:-/tmp}" PG_CONFIG="$PG_CONFIG" bash test/citus/run.sh 2>&1 | tee "$LOGDIR/citus.log"
citus_rc=$?
cp=$(grep -cE '^(test +)?[[:space:]]*[^[:space:]]+[[:space:]]+\.\.\. ok( |$)' "$LOGDIR/citus.log")
cf=$(grep -cE '^(test +)?[[:space:]]*[^[:space:]]+[[:space:]]+\.\.\. FAILED( |$)' "$LOGDIR/citus.log")
if grep -q '^citus: skipped' "$LOGDIR/citus.log"; then
	skipped=$((skipped + 1))
elif [ "$citus_rc" -ne 0 ] && [ "$cf" -eq 0 ]; then
	echo "Citus suite did not complete (status $citus_rc)"
	cf=1
fi
passed=$((passed + cp)) failed=$((failed + cf))

# 5. Leave nothing behind: the staging install goes (make stage makes it
# anew), and that it went is one more check.
rm -rf "$STAGE"
if [ -e "$STAGE" ]; then
	echo "cleanup: FAILED, $STAGE is still there"; failed=$((failed + 1))
else
	echo "cleanup: ok, removed $STAGE"; passed=$((passed + 1))
fi
echo
echo "unit: $up passed, $uf failed; model sources: $mp passed, $mf failed; regress: $rp passed, $rf failed$( [ "$ri" -gt 0 ] && echo ", $ri ignored")$( [ $((tp + tf)) -gt 0 ] && echo "; tap: $tp passed, $tf failed"); citus: $cp passed, $cf failed"
summary
