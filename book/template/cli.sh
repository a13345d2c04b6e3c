#!/usr/bin/env bash
# Command-line tests of build/bin/@NAME@ and of its experiments build/exp/@NAME@.
set -u
. tests/tap.sh
P=${BUILD:-build}/bin/@NAME@
X=${BUILD:-build}/exp/@NAME@
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
out=$($P --help); st=$?
check "--help exits 0 and shows the usage" bash -c '[ $0 -eq 0 ] && grep -q "^usage: @NAME@ FILE" <<< "$1"' $st "$out"
printf '1\n2\n6\n' > "$T/x.csv"
check "the mean of 1, 2, 6 is 3" [ "$($P "$T/x.csv")" = 3 ]
check "standard input is read as -" [ "$($P - < "$T/x.csv")" = 3 ]
printf '1\nx\n' > "$T/bad.csv"
expect_usage_error "a field that is not a number names the file and line" "^@NAME@: .*bad.csv:2: " $P "$T/bad.csv"
expect_usage_error "no file" "^@NAME@: expected one FILE" $P
expect_usage_error "an unknown option" "^@NAME@: unknown option --nope" $P --nope x
out=$($X "$T/book"); st=$?
check "the experiments succeed and report their claims" bash -c '[ $0 -eq 0 ] && grep -qE "^@NAME@: (1 claim holds|[0-9]+ claims hold)$" <<< "$1"' $st "$out"
expect_usage_error "the experiments refuse an impossible directory" "^@NAME@: " $X /dev/null/x
echo "1..$n"
