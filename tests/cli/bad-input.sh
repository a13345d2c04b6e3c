#!/usr/bin/env bash
# One table of bad input, run against every program: each case must exit 2
# with one line on stderr naming the program (and the file and line where there
# is one), print nothing on stdout, and leave no file behind.  A new program
# joins by adding a line to PROGRAMS: its name, how its first matrix file is
# passed ({} stands for it), a good file of that matrix for the cases that
# modify good data, and optionally a filter that turns the good file into one of
# the wrong shape (default: keep two rows, which no longer match the other file).
set -u
. tests/tap.sh
B=${BUILD:-build}
T=$(mktemp -d); trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
PROGRAMS=(
  "gradients|--A {} --x book/data/x.csv|book/data/A.csv"
  "lsq|{} book/data/lsq-y.csv|book/data/lsq-X.csv"
  "ridge|--lambda 1 {} book/data/lsq-y.csv|book/data/lsq-X.csv"
  "relu-elbow|train --steps 1000 --data {}|tests/data/relu-xy.csv|cut -d, -f1"
)
# case name | file content (printf format) | regex the message must match after "prog: FILE"
CASES=(
  "empty file||: no data"
  "only comments|# a comment\n\n   # another\n|: no data"
  "ragged rows|1,2,3\n4,5\n|:2: expected 3 numbers, found 2"
  "non-numeric field|1,2,3\n4,x,6\n|:2: field 2 is not a number"
  "NaN|1,2,3\n4,NaN,6\n|:2: field 2 is not finite"
  "Inf|1,2,3\n4,5,-inf\n|:2: field 3 is not finite"
  "1e400|1e400,2,3\n|:1: field 1 is out of range"
  "trailing garbage|1,2,3\n4,5,6 and more\n|:2: field 3 is not a number"
  "header mixing names and numbers|a,2,c\n1,2,3\n|:1: the first line mixes numbers and names: field 1 is \"a\""
  "named field not a number|a,b,c\n1,2,3\n4,x,6\n|:3: field 'b' \\(column 2\\) is not a number"
  "only a header|a,b,c\n|: no data: the file is empty or holds only a header row"
  "header wider than the rows|a,b\n1,2,3\n|:2: the header names 2 columns, but this row has 3"
  "pandas index column|,a,b\n0,1,2\n|:1: the header row has an empty name \\(an index column"
  "decimal comma|1,5;2;3\n|:1: field 1 is \"1,5\": a decimal comma\\?"
  "mixed delimiters|1,2,3\n4\t5\t6\n|:2: field 1 is \"4\\\\x095\\\\x096\": a tab in a file delimited by commas"
  "CR-only line ends|1,2,3\r4,5,6\r|:1: a carriage return inside a line: old Mac"
  "unclosed quote|\"1,2,3\n|:1: a quoted field has no closing quote"
  "quoted non-number|1,2,3\n4,\"x\",6\n|:2: field 2 is not a number: \"x\""
  "NUL byte|1,2,3\n4,\\0005,6\n|:2: contains a NUL byte"
)
expect_bad() {  # what, message regex, command...
  local what=$1 re=$2; shift 2
  local before after; before=$(ls -A "$T" | wc -l)
  expect_usage_error "$what" "$re" "$@"
  after=$(ls -A "$T" | wc -l)
  [ "$before" -eq "$after" ] || not_ok "$what: left a file behind"
}
for p in "${PROGRAMS[@]}"; do
  IFS='|' read -r prog args good reshape <<< "$p"
  run() { local f=$1; shift; local a=${args//\{\}/$f}; "$B/bin/$prog" $a "$@"; }
  for c in "${CASES[@]}"; do
    IFS='|' read -r name content re <<< "$c"
    f="$T/$prog-${name// /-}.csv"; printf "$content" > "$f"
    expect_bad "$prog: $name" "^$prog: $f$re" run "$f"
    rm -f "$f"
  done
  expect_bad "$prog: missing file" "^$prog: $T/none.csv: cannot open" run "$T/none.csv"
  if [ "$(id -u)" != 0 ]; then
    printf '1\n' > "$T/locked.csv"; chmod 000 "$T/locked.csv"
    expect_bad "$prog: unreadable file" "^$prog: $T/locked.csv: cannot open: Permission denied" run "$T/locked.csv"
    rm -f "$T/locked.csv"
  else
    ok "$prog: unreadable file # SKIP root can read anything"
  fi
  mkdir "$T/dir.csv"; expect_bad "$prog: a directory" "^$prog: $T/dir.csv: cannot read" run "$T/dir.csv"; rmdir "$T/dir.csv"
  awk 'BEGIN { for (i = 0; i < 150000; i++) printf "%s1", (i ? "," : ""); print "" }' > "$T/wide.csv"
  expect_bad "$prog: a 1 MB line (a matrix of the wrong shape)" "^$prog: " run "$T/wide.csv"
  rm -f "$T/wide.csv"
  sed 's/$/\r/' "$good" > "$T/crlf.csv"
  out=$(run "$T/crlf.csv" 2>/dev/null); st=$?; ref=$(run "$good" 2>/dev/null)
  check "$prog: CRLF line ends are accepted" [ $st -eq 0 -a "$out" = "$ref" ]
  rm -f "$T/crlf.csv"
  grep -v '^#' "$good" | ${reshape:-head -2} > "$T/short.csv"
  expect_bad "$prog: shapes that do not match between files" "^$prog: " run "$T/short.csv"
  rm -f "$T/short.csv"
  expect_bad "$prog: unknown option" "^$prog: unknown option --bogus" run "$good" --bogus
  expect_bad "$prog: standard output that cannot be written" "^$prog: cannot write standard output" \
    bash -c "\"$B/bin/$prog\" ${args//\{\}/$good} > /dev/full"
done
for v in nan inf -1 1e400 abc ""; do
  expect_bad "lsq: --rcond '$v'" "^lsq: --rcond: " "$B/bin/lsq" --rcond "$v" book/data/lsq-X.csv book/data/lsq-y.csv
done
echo "1..$n"
