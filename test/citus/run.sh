#!/bin/bash
# test/citus/run.sh: the Citus suite of "make test".  Builds Citus once into a
# cache (test/citus/build.sh), starts a coordinator and two workers on free
# localhost ports from a staged pg_arabic plus the cached Citus, runs the
# pg_regress tests of test/citus/schedule against the coordinator, and stops
# and removes every server and folder it started, also on failure or interrupt.
#
# Prints "citus: skipped, ..." and exits 0 when the Citus archive is absent.
# Expects STAGE (the staged pg_arabic install) and PG_CONFIG; as root the
# servers run as the postgres user.
set -u -o pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
: "${STAGE:?STAGE must be set (run through make test)}"
BINDIR=$("$PG_CONFIG" --bindir)
PGXS_DIR=$(dirname "$(dirname "$(dirname "$("$PG_CONFIG" --pgxs)")")")
PG_REGRESS=$PGXS_DIR/src/test/regress/pg_regress

t0=$(date +%s)
cache=$(bash test/citus/build.sh)
rc=$?
if [ "$rc" -eq 3 ]; then
	echo "citus: skipped, no Citus archive (../shared/deps/citus-13.2.2.tar.gz); the Citus suite did not run"
	exit 0
elif [ "$rc" -ne 0 ] || [ -z "$cache" ]; then
	echo "citus: FAILED to build Citus (status $rc)"
	exit 1
fi
t1=$(date +%s)
echo "citus: Citus 13.2.2 from $cache ($(cat "$cache/done"); this run: $((t1 - t0)) s)"

# A coordinator and worker 1 (the suite adds worker 2 itself: a node added
# after pg_arabic), database "regression", 8 shards a table.
. test/citus/cluster.sh
citus_cluster_up "$cache" regression 8 1 || exit 1
t2=$(date +%s)
echo "citus: coordinator and two workers up in $((t2 - t1)) s"

export PG_ARABIC_CITUS_W2_PORT=$PORT_w2
export PG_ARABIC_SHARED=${PG_ARABIC_SHARED:-}
# The servers' user may not enter the checkout: the suite runs from a copy.
mkdir -p "$BASE/out" "$BASE/suite"
cp -r test/citus/sql test/citus/expected test/citus/schedule test/data/sample_corpus.sql "$BASE/suite/"
mkdir -p "$BASE/suite/dedup"
cp test/dedup/citus_*.sql "$BASE/suite/dedup/"
[ "$(id -u)" = 0 ] && chown -R postgres: "$BASE/out" "$BASE/suite"
as_pg env PG_ARABIC_CITUS_W2_PORT="$PORT_w2" PG_ARABIC_SHARED="${PG_ARABIC_SHARED:-}" \
	PG_ARABIC_CITUS_CORPUS="$BASE/suite/sample_corpus.sql" PG_ARABIC_CITUS_DEDUP="$BASE/suite/dedup" \
	"$PG_REGRESS" --use-existing --host=127.0.0.1 --port="$PORT_coord" --user=postgres \
	--dbname=regression --inputdir="$BASE/suite" --outputdir="$BASE/out" \
	--schedule="$BASE/suite/schedule" --bindir="$BINDIR"
rc=$?

# pg_arabic refuses to load on a Citus server that does not preload it after
# citus (its checks of distributed queries would be missing): worker 2 with
# citus alone, then with the two in the wrong order.  Counted like a test.
preload_check() {
	local want='pg_arabic must be preloaded after citus on a Citus server' out
	sed -i "s/^shared_preload_libraries = .*/shared_preload_libraries = 'citus'/" "$BASE/w2/postgresql.auto.conf"
	as_pg "$BINDIR/pg_ctl" -D "$BASE/w2" -l "$BASE/w2.log" -w -t 60 restart >/dev/null 2>&1 || return 1
	out=$(q "$PORT_w2" regression "SELECT arabic_normalize('x')" 2>&1)
	grep -q "$want" <<<"$out" || { echo "$out"; return 1; }
	as_pg "$BINDIR/pg_ctl" -D "$BASE/w2" -m fast -w stop >/dev/null 2>&1
	sed -i "s/^shared_preload_libraries = .*/shared_preload_libraries = 'pg_arabic,citus'/" "$BASE/w2/postgresql.auto.conf"
	: >"$BASE/w2.log"
	! as_pg "$BINDIR/pg_ctl" -D "$BASE/w2" -l "$BASE/w2.log" -w -t 60 start >/dev/null 2>&1 || return 1
	grep -q "$want" "$BASE/w2.log" || { tail -n 5 "$BASE/w2.log"; return 1; }
}
if preload_check; then
	echo "test citus_preload_required          ... ok"
else
	echo "test citus_preload_required          ... FAILED"
	rc=1
fi
# results/ beside the inputs, for reading (never copied into expected/ unread)
rm -rf test/citus/results
cp -r "$BASE/out/results" test/citus/results 2>/dev/null
if [ -s "$BASE/out/regression.diffs" ]; then
	rm -rf "$ROOT/test/citus/regression.diffs"
	cp "$BASE/out/regression.diffs" "$ROOT/test/citus/regression.diffs"
	echo "citus: differences in $ROOT/test/citus/regression.diffs (first 150 lines):"
	head -n 150 "$BASE/out/regression.diffs"
fi
echo "citus: suite ran in $(( $(date +%s) - t2 )) s; Citus part $(( $(date +%s) - t0 )) s in all"
exit $rc
