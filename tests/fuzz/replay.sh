#!/usr/bin/env bash
# make check: replay every fuzz corpus file (tests/fuzz/corpus/TARGET/*)
# through its target, compiled without libFuzzer.
set -u
B=${BUILD:-build}
n=0
for t in csv number options; do
  n=$((n + 1))
  if out=$("$B/tests/replay_$t" tests/fuzz/corpus/$t/* 2>&1); then
    echo "ok $n - $t: $(sed -n 's/^ok 1 - //p' <<< "$out")"
  else
    echo "not ok $n - $t: a corpus input crashed the target"; sed 's/^/#   /' <<< "$out" | tail -5
  fi
done
echo "1..$n"
