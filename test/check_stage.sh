#!/bin/sh
# test/check_stage.sh: checks that the staged control file and module exist and,
# when we are root, that the "postgres" user (who runs the throwaway cluster)
# can read them; otherwise explains how to pick another STAGE.
set -eu
for f in "$@"; do
	[ -f "$f" ] || { echo "stage: $f was not installed" >&2; exit 1; }
	if [ "$(id -u)" = 0 ] && id postgres >/dev/null 2>&1; then
		runuser -u postgres -- test -r "$f" || {
			echo "stage: user postgres cannot read $f: a parent folder is not traversable;" \
				"pass STAGE=/tmp/some_dir (world-readable, outside the checkout)" >&2
			exit 1
		}
	fi
done
