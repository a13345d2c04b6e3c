# Shared helpers for the shell tests: each check prints one TAP line,
# "ok N - what" or "not ok N - what", which tests/run counts.
n=0
ok()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }

# expect_usage_error WHAT PATTERN CMD...: CMD must exit 2, print nothing on
# stdout, and print exactly one line on stderr that matches the extended regex
# PATTERN.
expect_usage_error() {
  local what=$1 pattern=$2; shift 2
  local out err st
  out=$(mktemp) err=$(mktemp)
  "$@" > "$out" 2> "$err"; st=$?
  if [ $st -eq 2 ] && [ ! -s "$out" ] && [ "$(wc -l < "$err")" -eq 1 ] \
     && grep -qE -- "$pattern" "$err"; then
    ok "$what"
  else
    not_ok "$what" "exit $st (want 2), stdout $(wc -c < "$out") bytes (want 0)" \
      "stderr: $(head -c 300 "$err")" "want stderr matching: $pattern"
  fi
  rm -f "$out" "$err"
}

# in_tree_copy: continue in a temporary copy of the built tree (removed on
# exit), without its .git, where make runs as an author's make, not as a child
# of make check's.
in_tree_copy() {
  unset MAKEFLAGS MFLAGS MAKELEVEL
  W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
  cp -a . "$W/tree" && cd "$W/tree" || exit 1
  rm -rf .git
}
