#!/usr/bin/env bash
# make bench: the two speeds a reader feels, each measured against the best
# this machine does in the same run, printed as Markdown tables and written to
# build/bench/results.md.  Not part of make check: timings vary.
#
#   1. the programs (build/bench/bench, from tests/bench/bench.c): reading
#      CSV, computing, whole runs and their peak memory, on generated problems;
#   2. the build, on a copy of the tree in build/bench/tree (the reader's own
#      build/ is left alone): a clean make -j2, a make after a prose edit of
#      one chapter, after a code edit of each chapter, and with nothing to do.
#
# Environment: BUILD (build), CHAPTERS (the Makefile's), BENCH_RUNS (5 runs
# per measurement of the programs), BENCH_BUILD_RUNS (3 runs per measurement
# of the build), BENCH_PROSE (lsq: the chapter edited in prose), BENCH_ONLY
# (programs or build: measure only those), BENCH_KEEP=1 (keep the generated
# data and the copy of the tree).
set -euo pipefail
B=${BUILD:-build}
runs=${BENCH_RUNS:-5} bruns=${BENCH_BUILD_RUNS:-3} prose=${BENCH_PROSE:-lsq}
chapters=${CHAPTERS:-$(sed -n 's/^CHAPTERS *:= *//p' Makefile)}
out=$B/bench tree=$B/bench/tree log=$B/bench/build.log
load() { cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo unknown; }
load0=$(load)
mkdir -p "$out/data"
rm -f "$out"/{machine,programs,build}.md "$out/targets.tsv" "$out/results.md"
# The timed builds are make runs of their own, not part of this one.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES V

median() {
  sort -g | awk '{a[NR] = $1}
    END {print NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

# timed_make ARGS: make ARGS in the tree copy, each line of its output stamped
# with the time into $log, between a START and an END line; prints the wall
# time.  LaTeX is the last step of every build that runs it, so the time from
# its LATEX line to the END is LaTeX's.
timed_make() {
  echo "$EPOCHREALTIME START" > "$log"
  if ! (cd "$tree" && make "$@" 2>&1) | while IFS= read -r line; do
         printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >> "$log"; then
    echo "bench: make $* failed in $tree:" >&2; tail -20 "$log" >&2; exit 1
  fi
  echo "$EPOCHREALTIME END" >> "$log"
  awk '$2 == "START" {t0 = $1} $2 == "END" {printf "%.3f\n", $1 - t0}' "$log"
}
latex_time() {
  awk '$2 == "LATEX" || $2 == "PREVIEW" {t = $1} $2 == "END" {printf "%.2f s\n", t ? $1 - t : 0}' "$log"
}
passes() { if grep -q ' PREVIEW ' "$log"; then echo '1 or 2'; else grep -c '^Run number' "$tree/build/latexmk.out" || true; fi; }
steps() {
  awk '$2 ~ /^[A-Z]+$/ && $2 != "START" && $2 != "END" {print $2}' "$log" \
    | sort -u | tr '\n' ' '
}

# row NAME GOAL LATEX PASSES STEPS TIMES...: a row of the build table, and
# the verdict on the target GOAL (seconds; none if empty).
row() {
  local name=$1 goal=$2 latex=$3 npass=$4 st=$5; shift 5
  local med verdict=""; med=$(printf '%s\n' "$@" | median)
  if [ -n "$goal" ]; then
    verdict=$(awk -v m="$med" -v g="$goal" 'BEGIN {print m <= g ? "met" : "**missed**"}')
    printf '%s\t<= %s s\t%.3g s\t%s\n' "$name" "$goal" "$med" "$verdict" >> "$out/targets.tsv"
    verdict="<= $goal s: $verdict"
  fi
  printf '| %s | %.2f s | %s | %s | %s | %s | %s |\n' "$name" "$med" "$*" \
    "$latex" "$npass" "$st" "$verdict" >> "$out/build.md"
}

# edit_rebuild NAME GOAL FILE EDITED MUST MUSTNOT [ARGS]: install the edited
# and the original FILE in turn (each is an edit), timing make ARGS after each;
# the steps it runs must include every word of MUST and none of MUSTNOT.
edit_rebuild() {
  local name=$1 goal=$2 file=$3 edited=$4 must=$5 mustnot=$6; shift 6
  local orig=$out/orig.nw times=() lat np st
  cp "$tree/$file" "$orig"
  for ((r = 0; r < bruns; r++)); do
    sleep 1   # a time stamp newer than the last build's
    if ((r % 2 == 0)); then cp "$edited" "$tree/$file"; else cp "$orig" "$tree/$file"; fi
    times+=("$(timed_make "$@")")
    lat=$(latex_time); np=$(passes); st=$(steps)
    for w in $must; do
      grep -qw "$w" <<< "$st" || { echo "bench: $name did not run $w ($st)" >&2; exit 1; }
    done
    for w in $mustnot; do
      ! grep -qw "$w" <<< "$st" || { echo "bench: $name ran $w ($st)" >&2; exit 1; }
    done
  done
  cp "$orig" "$tree/$file"; timed_make > /dev/null; rm -f "$orig"
  row "$name" "$goal" "$lat" "$np" "$st" "${times[@]}"
}

bench_build() {
  rm -rf "$tree"; mkdir -p "$tree"
  tar -c --exclude=./build --exclude=./.git . | tar -x -C "$tree"
  printf '%s\n' "| build | median | runs | LaTeX | pdflatex passes | steps | target |" \
    "|---|--:|--:|--:|--:|---|---|" > "$out/build.md"
  local times=() lat np
  for ((r = 0; r < bruns; r++)); do
    rm -rf "$tree/build"
    times+=("$(timed_make -j2)"); lat=$(latex_time); np=$(passes)
  done
  row "clean \`make -j2\`" 15 "$lat" "$np" "$(steps)" "${times[@]}"
  times=()
  for ((r = 0; r < runs; r++)); do times+=("$(timed_make)"); done
  row "\`make\` with nothing to do" "" "" "" "none" "${times[@]}"

  # A prose edit: the first line of text after the chapter heading.
  awk '/^<<.*>>=$/ {code = 1} /^@( |$)/ {code = 0}
       !done && !code && seen && /^[A-Za-z]/ {$0 = "Indeed, " $0; done = 1}
       /^\\chapter/ {seen = 1} {print}' "$tree/book/$prose.nw" > "$out/edited.nw"
  ! cmp -s "$out/edited.nw" "$tree/book/$prose.nw" \
    || { echo "bench: no prose line in book/$prose.nw" >&2; exit 1; }
  edit_rebuild "prose edit of book/$prose.nw, \`make\`" 3 "book/$prose.nw" \
    "$out/edited.nw" "WEAVE LATEX" "CC LD RUN PLOT"
  # The same edit previewed: that chapter alone, once its first preview exists.
  timed_make preview CHAPTER="$prose" > /dev/null
  edit_rebuild "prose edit of book/$prose.nw, \`make preview CHAPTER=$prose\`" 1.5 \
    "book/$prose.nw" "$out/edited.nw" "WEAVE PREVIEW" "CC LD RUN PLOT LATEX" preview CHAPTER="$prose"

  # A code edit of each chapter: a comment line at the top of its program;
  # and, for the chapter others build on (the most to redo), with make -j2.
  for c in $chapters; do
    sed "/^<<$c\\.c>>=\$/a /* edited by make bench */" "$tree/book/$c.nw" > "$out/edited.nw"
    ! cmp -s "$out/edited.nw" "$tree/book/$c.nw" \
      || { echo "bench: no <<$c.c>> in book/$c.nw" >&2; exit 1; }
    edit_rebuild "code edit of book/$c.nw, \`make\`" 5 "book/$c.nw" \
      "$out/edited.nw" "CC LD RUN LATEX" ""
    if grep -q "^DEPS_[a-z-]* *:=.*\b$c\b" Makefile; then
      edit_rebuild "code edit of book/$c.nw, \`make -j2\`" "" "book/$c.nw" \
        "$out/edited.nw" "CC LD RUN LATEX" "" -j2
    fi
  done
  rm -f "$out/edited.nw"
}

if [ "${BENCH_ONLY:-}" != build ]; then
  echo "  BENCH   the programs, $runs runs each (a few minutes)" >&2
  "$B/bench/bench" "$out" "$B/bin" book/data "$runs"
fi
if [ "${BENCH_ONLY:-}" != programs ]; then
  echo "  BENCH   the build, $bruns runs each, on a copy of the tree in $tree" >&2
  bench_build
fi

# ---- the report ---------------------------------------------------------------------
section() { if [ -f "$1" ]; then cat "$1"; else echo "(not measured in this run)"; fi; }
{
  echo "## How fast is it: \`make bench\`"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') at" \
       "$(git describe --always --dirty 2>/dev/null || echo 'an unknown commit')," \
       "with a load average (1 min) of $load0 before and $(load) after: on" \
       "$(nproc 2>/dev/null || echo '?') cores, anything well above 0 means" \
       "other work shared the machine, and the times are pessimistic."
  echo
  section "$out/machine.md"
  echo
  echo "### The build"
  echo
  echo "On a copy of the tree: a clean build is \`make -j2\` after removing" \
       "build/, an edit is followed by \`make\`; the median of $bruns runs" \
       "($runs with nothing to do).  LaTeX: from the LATEX step to the end," \
       "and the pdflatex passes, of the last run."
  echo
  section "$out/build.md"
  echo
  section "$out/programs.md"
  echo
  echo "### Targets"
  echo
  echo "| target | goal | measured | |"
  echo "|---|---|--:|---|"
  [ ! -f "$out/targets.tsv" ] \
    || awk -F'\t' '{printf "| %s | %s | %s | %s |\n", $1, $2, $3, $4}' "$out/targets.tsv"
} > "$out/results.md"
[ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$tree" "$out/data"
cat "$out/results.md"
echo "  BENCH   written to $out/results.md" >&2
