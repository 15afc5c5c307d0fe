#!/bin/sh
# test/deps.sh: installs the Debian packages pg_arabic needs to build and test,
# only those missing (no apt call at all when everything is present).
# Uses sudo when not root; fails with a clear message when neither works.
set -eu

PG_MAJOR=${PG_MAJOR:-15}
# Required: server (includes contrib on Debian 12), headers/PGXS, pg_virtualenv, ICU, toolchain.
REQUIRED="postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR postgresql-common libicu-dev pkg-config gcc make xz-utils"
# EXTRA_DEPS: more required packages for one caller (test/citus/build.sh: Citus's build).
REQUIRED="$REQUIRED ${EXTRA_DEPS:-}"
# Optional: clang with libFuzzer (make fuzz); a failure to install them is only a warning.
OPTIONAL="clang libclang-rt-14-dev"

missing() {
	for p in "$@"; do
		s=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
		[ "$s" = "install ok installed" ] || printf '%s ' "$p"
	done
}

command -v dpkg-query >/dev/null 2>&1 || { echo "deps: not a Debian system (no dpkg-query); install by hand: $REQUIRED" >&2; exit 1; }

need=$(missing $REQUIRED)
want=$(missing $OPTIONAL)
[ -z "$need$want" ] && exit 0

if [ "$(id -u)" = 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	SUDO="sudo -n"
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
	SUDO=sudo
else
	echo "deps: missing packages: $need$want" >&2
	echo "deps: need root or sudo to install them; ask an administrator to run: apt-get install -y $need$want" >&2
	[ -z "$need" ] && exit 0    # only optional ones missing: carry on without them
	exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "deps: installing $need$want"
$SUDO apt-get update -qq >/dev/null || echo "deps: warning: apt-get update failed" >&2
if [ -n "$need" ]; then
	$SUDO apt-get install -y -qq --no-install-recommends $need >/dev/null
	still=$(missing $need)
	[ -z "$still" ] || { echo "deps: could not install: $still" >&2; exit 1; }
fi
if [ -n "$want" ]; then
	$SUDO apt-get install -y -qq --no-install-recommends $want >/dev/null 2>&1 ||
		echo "deps: warning: could not install optional $want (make fuzz will be skipped)" >&2
fi
echo "deps: done"
