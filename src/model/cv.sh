#!/bin/bash
# src/model/cv.sh: cross-validation of the tagger on the training part of
# ANERcorp (all but the held-out last 10%).  Each of the nine 10% blocks is
# scored once by a model trained on the other eight (train --dev --fold B);
# prints entity-level F1 per type, micro-averaged over the nine blocks, and
# each block's F1.  One block scores about 400 sentences, so a difference
# between two settings on one block is mostly noise; over nine it is not.
#
# usage: src/model/cv.sh TRAIN_ARGS...   (make model-cv passes make model's)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
seq 0 8 | xargs -P "${CV_JOBS:-2}" -I{} sh -c \
  '"$0/train" "$@" --dev --fold {} --out "'"$out"'/m{}" --report "'"$out"'/r{}.md" > "'"$out"'/log{}" 2>&1 || { cat "'"$out"'/log{}" >&2; exit 255; }' \
  "$here" "$@"
awk '
  /^First stage/ { done[FILENAME] = 1 }
  /^\| / && !done[FILENAME] && $2 != "type" && $2 !~ /^-/ {
    t = $2; gsub(/\*/, "", t); g = $4; p = $6; r = $10
    G[t] += g; P[t] += p; T[t] += int(r * g + 0.5)
    if (t == "all") f[FILENAME] = (g + p) ? 2 * int(r * g + 0.5) / (g + p) : 0
  }
  END {
    printf "cross-validation, 9 blocks of the training part (micro-averaged F1):\n"
    n = split("PERSON LOCATION ORGANIZATION MISC all", order, " ")
    for (i = 1; i <= n; i++) { t = order[i]; printf "  %-12s %.3f\n", t, (G[t] + P[t]) ? 2 * T[t] / (G[t] + P[t]) : 0 }
    printf "  per block:"; for (k = 0; k < 9; k++) printf " %.3f", f[ARGV[k + 1]]; printf "\n"
  }' $(for k in 0 1 2 3 4 5 6 7 8; do echo "$out/r$k.md"; done)
