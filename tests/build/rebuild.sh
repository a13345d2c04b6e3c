#!/usr/bin/env bash
# Build tests on a temporary copy of the built tree: an edit rebuilds exactly what
# depends on it, and a broken edit fails loudly at the .nw line that caused it.
set -u
. tests/tap.sh
in_tree_copy
mk() { make "$@" > ../make.out 2>&1; }
steps() { grep -oE '^  [A-Z]+ ' ../make.out | tr -d ' ' | sort -u | tr '\n' ' '; }
ran()   { grep -qE "^  $1 +$2" ../make.out; }
sleep 1   # time stamps of the edits below must be newer than the build's

mk; mk
check "a second make with nothing changed does nothing" [ -z "$(steps)" ]

# A prose edit, and one that inserts lines (shifting every #line below it).
sed -i 's/^Problem~2 asks for the derivatives/Problem~2 asks for all the derivatives/' book/gradients.nw
mk; st=$?; s=$(steps)
check "prose edit: make succeeds" [ $st -eq 0 ]
check "prose edit: re-weaves and re-typesets ($s)" bash -c 'grep -q WEAVE <<< "$0" && grep -q LATEX <<< "$0"' "$s"
check "prose edit: no compile, run or plot" bash -c '! grep -qE "CC|LD|RUN|PLOT" <<< "$0"' "$s"
sed -i 's/^\\section{Notation: gradients are rows}/A new paragraph.\n\nAnd another.\n\n&/' book/gradients.nw
mk; s=$(steps)
check "prose lines inserted: still no compile, run or plot ($s)" bash -c '! grep -qE "CC|LD|RUN|PLOT" <<< "$0"' "$s"
check "the PDF has the new prose" bash -c 'pdftotext build/book.pdf - | grep -q "asks for all the derivatives"'

# A code edit in the chapter's experiments (build/exp/gradients): a number in a chunk.
old_dat=$(md5sum < build/out/gradients/steps.dat)
sed -i "s/\"1.4e-18\"/\"1.5e-18\"/" book/gradients.nw
mk; st=$?
check "code edit: make succeeds" [ $st -eq 0 ]
check "code edit: recompiles, re-runs, re-plots and re-typesets the chapter" \
  bash -c 'for s in "CC +build/src/gradients-book.c" "LD +build/exp/gradients" "RUN +gradients" \
                    "PLOT +figures/gradients-steps.gp" "LATEX"; do
    grep -qE "^  $s" ../make.out || exit 1; done'
check "code edit of the experiments: the method and the program are not rebuilt" \
  bash -c '! grep -qE "^  (CC +build/src/gradients(-cli|-main)?\.c|LD +build/bin/gradients|TRY +gradients)" ../make.out'
check "code edit: the library is not recompiled" bash -c '! grep -qE "^  CC +build/src/(mat|csv|err)\.c" ../make.out'
check "code edit: no other chapter is recompiled, re-run or re-plotted" \
  bash -c '! grep -E "^  (CC|LD|RUN|PLOT|TRY) " ../make.out | grep -v gradients | grep -q .'
check "code edit: the chapter's data changed" [ "$old_dat" != "$(md5sum < build/out/gradients/steps.dat)" ]
check "code edit: the figure is newer than the data" [ build/figures/gradients-steps.tex -nt build/out/gradients/steps.dat -o ! build/figures/gradients-steps.tex -ot build/out/gradients/steps.dat ]

# A code edit in the chapter's program (build/bin/gradients) rebuilds the program
# and its Try-it box, and does not re-run the experiments.
sed -i 's/"  --help       show this help\\n"/"  --help       show this help text\\n"/' book/gradients-program.nw
mk; st=$?
check "program edit: make succeeds" [ $st -eq 0 ]
check "program edit: recompiles and relinks the program, re-runs its Try-it box" \
  bash -c 'for s in "CC +build/src/gradients-cli.c" "LD +build/bin/gradients" "TRY +gradients"; do
    grep -qE "^  $s" ../make.out || exit 1; done'
check "program edit: the method and the experiments are not rebuilt or re-run" \
  bash -c '! grep -qE "^  (CC +build/src/gradients(-book)?\.c|LD +build/exp/gradients|RUN )" ../make.out'
check "program edit: the program has the new usage" bash -c 'build/bin/gradients --help | grep -q "show this help text"'

# An edit of the support library rebuilds every chapter.
sed -i 's|^double mat_dot(size_t n, const double \*x, const double \*y)$|& /* edited */|' chunks/mat.nw
mk; st=$?
check "library edit: every chapter program is relinked and re-run" \
  bash -c '[ $0 -eq 0 ] && grep -qE "^  CC +build/src/mat.c" ../make.out && grep -qE "^  RUN +gradients" ../make.out' $st

# Broken edits fail at the right place.
cp book/gradients.nw ../saved.nw
line=$(grep -n '^static void g_jacobian' book/gradients.nw | cut -d: -f1)
sed -i "$((line + 1))s/2.0 \* x\[k\]/2.0 * undefined_variable/" book/gradients.nw
mk; st=$?
check "a C error fails the build" [ $st -ne 0 ]
check "the compiler names book/gradients.nw:$((line + 1))" grep -qE "^book/gradients.nw:$((line + 1)):[0-9]+: error" ../make.out
cp ../saved.nw book/gradients.nw

sed -i 's/^<<Compute \[\[2x.A\]\] by column sums>>$/<<Compute [[2x'"'"'A]] by column sums misspelled>>/' book/gradients.nw
use=$(grep -n "^<<Compute \[\[2x'A\]\] by column sums misspelled>>$" book/gradients.nw | cut -d: -f1)
mk; st=$?
check "an undefined chunk fails the build with its name, file and line ($use)" \
  bash -c '[ $0 -ne 0 ] && grep -qF "book/gradients.nw:$1: chunk <<Compute [[2x'"'"'A]] by column sums misspelled>> is used here but never defined" ../make.out' $st "$use"
cp ../saved.nw book/gradients.nw

def=$(grep -n "^<<Compute \[\[2x'A\]\] by column sums>>=$" book/gradients.nw | cut -d: -f1)
sed -i "${def}s/column sums/colum sums/" book/gradients.nw
mk; st=$?
check "a misspelled chunk definition is named at its line ($def), and the chunk it should define at its use" \
  bash -c '[ $0 -ne 0 ] && grep -qF "book/gradients.nw:$1: chunk <<Compute [[2x'"'"'A]] by colum sums>> is defined here but never used" ../make.out \
    && grep -qE "^book/gradients.nw:[0-9]+: chunk <<Compute \[\[2x.A\]\] by column sums>> is used here but never defined" ../make.out' $st "$def"
cp ../saved.nw book/gradients.nw

printf '\n<<An orphan chunk>>=\nint orphan;\n@\n' >> book/gradients.nw
orphan=$(grep -n '^<<An orphan chunk>>=$' book/gradients.nw | cut -d: -f1)
mk; st=$?
check "a chunk defined but never used fails the build with its name, file and line" \
  bash -c '[ $0 -ne 0 ] && grep -q "^book/gradients.nw:$1: chunk <<An orphan chunk>> is defined here but never used" ../make.out' $st "$orphan"
cp ../saved.nw book/gradients.nw

line=$(grep -n '^\\section{Notation: gradients are rows}' book/gradients.nw | cut -d: -f1)
sed -i "${line}s/^/\\\\undefinedmacro /" book/gradients.nw
mk; st=$?
check "a LaTeX error fails the build at book/gradients.nw:$line" \
  bash -c '[ $0 -ne 0 ] && grep -q "^book/gradients.nw:$1: Undefined control sequence" ../make.out' $st $line
check "a LaTeX error shows the log's lines, not the whole log" [ "$(wc -l < ../make.out)" -lt 40 ]
cp ../saved.nw book/gradients.nw

line=$(grep -n '^\\section{Notation: gradients are rows}' book/gradients.nw | cut -d: -f1)
sed -i "$((line + 2))s/^/\\\\emph{an unclosed argument /" book/gradients.nw
mk; st=$?
check "an unclosed argument is reported at its .nw line ($((line + 2))), not at the file that inputs the chapter" \
  bash -c '[ $0 -ne 0 ] && grep -qE "^book/gradients.nw:$1: File ended while scanning use of .emph" ../make.out \
    && ! grep -q "chapters.tex" ../make.out' $st $((line + 2))
check "the LaTeX report has none of TeX's closing remarks" \
  bash -c '! grep -qE "Fatal error occurred|how much of TeX.s memory" ../make.out'
cp ../saved.nw book/gradients.nw

# A claim that fails stops the build and says which, by how much.
sed -i 's/cs_worst, cs_tol, e);/cs_worst, 0.0, e);/' book/gradients.nw
mk; st=$?
check "a failed claim fails the build" [ $st -ne 0 ]
check "and prints the claim, its measured error and its tolerance" \
  grep -qE "^gradients: claim failed: steps-complex-flat: measured [0-9.e+-]+ > tolerance 0$" ../make.out
check "and leaves no stamp that a later make would take as done" [ ! -e build/out/gradients/stamp ]
check "and leaves no book that says every claim holds" [ ! -e build/book.pdf ]
cline=$(grep -n '\\claim{steps-complex-flat}' book/gradients.nw | cut -d: -f1)
check "and shows the claim's statement at its .nw line ($cline)" \
  grep -qE "^book/gradients.nw:$cline: claim steps-complex-flat failed \(measured [0-9.e+-]+ > tolerance 0\): ." ../make.out
cp ../saved.nw book/gradients.nw

# A program that dies halfway leaves no output a later make would trust.
sed -i '/^static int sweep_steps(rep \*r, err \*e)$/{n;s/^{$/{ abort();/}' book/gradients.nw
mk; st=$?
check "experiments that crash fail the build" \
  bash -c '[ $0 -ne 0 ] && [ ! -e build/out/gradients/stamp ] && grep -qE "^  RUN +gradients" ../make.out' $st
check "and leaves no half-written file" bash -c '! ls build/out/gradients | grep -qvE "^[a-z-]+\.(tex|txt|dat)$"'
cp ../saved.nw book/gradients.nw
mk; st=$?
check "after the fix, make finishes the job" [ $st -eq 0 -a -s build/book.pdf -a -e build/out/gradients/stamp ]

# Outputs: one the experiments stop writing fails the build; deleted ones are
# made again.
grep -q '"steps-optima.dat"' book/gradients.nw || echo "rebuild.sh: no steps-optima.dat in book/gradients.nw" >&2
sed -i 's/"steps-optima.dat"/"steps-optima-renamed.dat"/' book/gradients.nw
mk; st=$?
check "an output the experiments no longer write fails the build (no stale copy is used)" \
  bash -c '[ $0 -ne 0 ] && [ ! -e build/out/gradients/steps-optima.dat ]' $st
cp ../saved.nw book/gradients.nw
mk
rm -rf build/out/ridge
mk; st=$?
check "a deleted output directory is made again" \
  bash -c '[ $0 -eq 0 ] && grep -qE "^  RUN +ridge" ../make.out && [ -e build/out/ridge/stamp ]' $st
rm -f build/figures/lsq-minnorm.tex build/figures/lsq-minnorm.pdf
mk; st=$?
check "a deleted figure is plotted again" \
  bash -c '[ $0 -eq 0 ] && grep -qE "^  PLOT +figures/lsq-minnorm.gp" ../make.out && [ -s build/figures/lsq-minnorm.pdf ]' $st
make -j2 clean all > ../make.out 2>&1; st=$?
check "make -j2 clean all refuses, with a message, and deletes nothing" \
  bash -c '[ $0 -eq 2 ] && grep -q "make clean cannot share a command with other goals" ../make.out && [ -s build/book.pdf ]' $st

# make watch rebuilds after a save, and keeps watching.
if command -v inotifywait > /dev/null; then
  setsid make watch > ../watch.out 2>&1 & wpid=$!
  waits() { grep -c "WATCH   waiting" ../watch.out 2>/dev/null || echo 0; }
  for i in $(seq 1 60); do [ "$(waits)" -ge 1 ] && break; sleep 0.5; done
  sleep 1
  sed -i 's/^Problem~2 asks for all the derivatives/Problem~2 asks for every derivative/' book/gradients.nw
  for i in $(seq 1 120); do [ "$(waits)" -ge 2 ] && break; sleep 0.5; done
  kill -- -$wpid 2> /dev/null; wait $wpid 2> /dev/null
  check "make watch re-weaves and re-typesets after a save" \
    bash -c '[ "$(grep -c "WATCH   waiting" ../watch.out)" -ge 2 ] && grep -q "WEAVE   book/gradients.nw" ../watch.out'
  check "make watch runs make without the jobserver warning (-j forced in makefile)" bash -c '! grep -q "forced in makefile" ../watch.out'
else
  ok "make watch # SKIP inotifywait is not installed (make deps)"
fi
echo "1..$n"
