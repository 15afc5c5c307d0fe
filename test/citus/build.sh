#!/bin/bash
# test/citus/build.sh: builds Citus once from ../shared/deps/citus-<version>.tar.gz
# into a cache outside the checkout and prints the cache folder (a DESTDIR
# install tree: <cache>/root/usr/lib/postgresql/15/lib/citus.so, ...).
#
# The cache is keyed by the archive's checksum and the server's version, and
# rebuilt only when missing (or when an earlier build did not finish: the
# folder gets its "done" mark last).  Build dependencies come from Debian
# through test/deps.sh.  Exit status 3 (and no output) when the archive is
# absent, so callers can skip; other failures exit 1 with the reason on stderr.
#
# Environment: PG_CONFIG, CITUS_ARCHIVE (default ../shared/deps/citus-13.2.2.tar.gz),
# CITUS_CACHE_BASE (default /var/tmp).
set -eu -o pipefail
cd "$(dirname "$0")/../.."

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
CITUS_VERSION=13.2.2
CITUS_ARCHIVE=${CITUS_ARCHIVE:-${PG_ARABIC_SHARED:-$(pwd)/../shared}/deps/citus-$CITUS_VERSION.tar.gz}
[ -f "$CITUS_ARCHIVE" ] || exit 3

sum=$(cksum <"$CITUS_ARCHIVE" | cut -d' ' -f1)
pgv=$("$PG_CONFIG" --version | awk '{print $2}')
CACHE=${CITUS_CACHE_BASE:-/var/tmp}/pg_arabic_citus-$CITUS_VERSION-pg$pgv-$sum
# one build at a time: a second "make test" waits for the first one's build
exec 9>"$CACHE.lock"
flock 9
if [ -f "$CACHE/done" ]; then
	echo "$CACHE"
	exit 0
fi

# Citus's build needs these beyond the extension's own (see ../shared/deps/README.md).
CITUS_DEPS="libkrb5-dev liblz4-dev libzstd-dev autoconf flex bison"
EXTRA_DEPS="$CITUS_DEPS" sh test/deps.sh >&2 || { echo "citus build: could not install $CITUS_DEPS" >&2; exit 1; }

rm -rf "$CACHE"
mkdir -p "$CACHE"
work=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_citus_build.XXXXXX")
trap 'rm -rf "$work"' EXIT
tar xzf "$CITUS_ARCHIVE" -C "$work"
src="$work/citus-$CITUS_VERSION"
# PostgreSQL 15.x (x >= 14) declares have_createdb_privilege() itself; Citus's
# static copy of that name clashes with it.  Rename Citus's (definition, the
# PG >= 16 #define and the one call).
sed -i 's/\bhave_createdb_privilege\b/citus_have_createdb_privilege/g' \
	"$src/src/include/pg_version_compat.h"
sed -i 's/#define citus_have_createdb_privilege() citus_have_createdb_privilege()/#define citus_have_createdb_privilege() have_createdb_privilege()/' \
	"$src/src/include/pg_version_compat.h"
sed -i 's/!have_createdb_privilege()/!citus_have_createdb_privilege()/' \
	"$src/src/backend/distributed/commands/serialize_distributed_ddls.c"
start=$(date +%s)
(
	cd "$src"
	./configure --without-libcurl PG_CONFIG="$PG_CONFIG" >"$work/configure.log" 2>&1 ||
		{ tail -n 30 "$work/configure.log" >&2; exit 1; }
	# -j1: the machine's two cores are shared (set CITUS_JOBS=2 on a machine of your own)
	make -j"${CITUS_JOBS:-1}" >"$work/make.log" 2>&1 || { tail -n 40 "$work/make.log" >&2; exit 1; }
	make install DESTDIR="$CACHE/root" >"$work/install.log" 2>&1 || { tail -n 30 "$work/install.log" >&2; exit 1; }
)
chmod -R a+rX "$CACHE"
echo "built in $(( $(date +%s) - start )) s with make -j${CITUS_JOBS:-1} ($(nproc) cores)" >"$CACHE/done"
echo "citus build: $(cat "$CACHE/done") into $CACHE" >&2
echo "$CACHE"
