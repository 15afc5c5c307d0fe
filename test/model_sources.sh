#!/bin/bash
# test/model_sources.sh: the committed entity model and the lists it is
# trained with are what their generators give today.  Regenerates, into a
# temporary folder,
#   src/model/gazetteer.tsv       (src/model/gazetteer.sh, about 25 s)
#   src/model/gazetteer_open.tsv  (src/model/gazetteer_open.py, about 5 s)
#   src/model/pg_arabic_ner.model (make model, about 10 s)
#   src/model/accuracy.md         (its report)
# and compares each with the committed file byte for byte.  The generators
# run the tokenizer of src/core, so a tokenizer change that moves the word
# statistics or the training data fails here instead of leaving a list or a
# model that no command reproduces.  Word clusters (make clusters, 3
# minutes) are left out.
# Needs the development data of ../shared/data (PG_ARABIC_SHARED); without
# it prints "model-sources: skipped" and exits 0.
# Last line: "# model-sources: N passed, N failed"; exit status 1 on a failure.
set -u -o pipefail
cd "$(dirname "$0")/.."
MAKE=${MAKE:-make}
shared=${PG_ARABIC_SHARED:-}
if [ -z "$shared" ] || [ ! -f "$shared/data/anercorp/train.txt" ] ||
	[ ! -f "$shared/data/news/news_paragraphs.txt.xz" ] || [ ! -d "$shared/data/gazetteers" ]; then
	echo "model-sources: skipped (no ../shared/data: the generators need the development data)"
	exit 0
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pg_arabic_model_sources.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0 n=0
check() {	# check DESCRIPTION COMMITTED GENERATED
	n=$((n + 1))
	if [ -s "$3" ] && cmp -s "$2" "$3"; then
		echo "ok $n - $1"; pass=$((pass + 1))
	else
		echo "not ok $n - $1: $3 differs from the committed $2"
		diff "$2" "$3" 2>/dev/null | head -n 10 | sed 's/^/#   /'
		echo "#   regenerate it, read the difference and commit it with the retrained model"
		fail=$((fail + 1))
	fi
}
GAZ_DATA="$shared/data" sh src/model/gazetteer.sh "$tmp/gazetteer.tsv" 2>"$tmp/gazetteer.log" ||
	tail -n 5 "$tmp/gazetteer.log"
check "src/model/gazetteer.sh reproduces src/model/gazetteer.tsv" src/model/gazetteer.tsv "$tmp/gazetteer.tsv"
GAZ_DATA="$shared/data" python3 src/model/gazetteer_open.py "$tmp/gazetteer_open.tsv" 2>"$tmp/open.log" ||
	tail -n 5 "$tmp/open.log"
check "src/model/gazetteer_open.py reproduces src/model/gazetteer_open.tsv" src/model/gazetteer_open.tsv "$tmp/gazetteer_open.tsv"
$MAKE --no-print-directory -s model MODEL="$tmp/pg_arabic_ner.model" MODEL_ARGS="--report $tmp/accuracy.md" \
	>"$tmp/model.log" 2>&1 || tail -n 5 "$tmp/model.log"
check "make model reproduces src/model/pg_arabic_ner.model" src/model/pg_arabic_ner.model "$tmp/pg_arabic_ner.model"
check "make model reproduces its report src/model/accuracy.md" src/model/accuracy.md "$tmp/accuracy.md"
echo "# model-sources: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
