# Solutions to Problems 2-5: the whole pipeline.
#
#   make deps    install the Debian packages the build and the tests need
#   make         tangle, compile, run every chapter in book mode, plot, weave,
#                and typeset build/book.pdf; the programs land in build/bin/
#   make check   run every test; the last line is "N passed, N failed"
#   make bench   time the build and the programs against this machine's best
#                (not part of make check); the table lands in build/bench/results.md
#   make clean   remove build/
#
# V=1 shows full commands.  make uses every core (-j$(nproc)) unless given -j.
# Everything generated lives under build/.

SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
MAKEFLAGS   += --no-builtin-rules --no-builtin-variables
# Use every core unless the command line says otherwise (make -j1 builds one
# step at a time) or asks to clean, which must not race with building.
ifeq ($(filter -j%,$(MAKEFLAGS))$(filter clean,$(MAKECMDGOALS)),)
MAKEFLAGS   += -j$(shell nproc 2>/dev/null || echo 1)
endif

# ---- what the book is made of ------------------------------------------------
# Chapters in book order.  Chapter NAME is book/NAME.nw, its solution (Part I),
# whose method tangles to NAME.h and NAME.c and whose experiments to NAME-book.c
# (the program build/exp/NAME, run to make the chapter's outputs), and
# book/NAME-program.nw, its program (Part II), which tangles to NAME-cli.h,
# NAME-cli.c, NAME-main.c (the reader's tool build/bin/NAME) and NAME-try.sh
# (the commands of its Try-it box).
CHAPTERS := gradients lsq ridge relu-elbow
DEPS_ridge := lsq
# The objects that hold a chapter's method and the methods it builds on, for
# its program, its experiments and its tests.
methods = $(foreach c,$(1) $(DEPS_$(1)),$(B)/obj/$(c).o)
# Support-library modules: chunks/NAME.nw tangles to NAME.h and NAME.c.
MODULES  := err mat rng csv out rep cli la

B        := build
CC       := cc
CFLAGS   := -std=c11 -O2 -g -ffp-contract=off -Wall -Wextra -pedantic -Werror -Wshadow \
            -Wstrict-prototypes
# make check SANITIZE=1: every program and test built with AddressSanitizer and
# UndefinedBehaviorSanitizer in build/sanitize/, and the suite run against them.
ifeq ($(SANITIZE),1)
  B      := build/sanitize
  CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
endif
CPPFLAGS := -I$(B)/src
LDLIBS   := -llapacke -llapack -lblas -lm
TEST_LDLIBS := -lcmocka

DEBS := make gcc noweb liblapacke-dev libopenblas-dev gnuplot-nox \
        texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
        lmodern latexmk poppler-utils libcmocka-dev valgrind inotify-tools clang libclang-rt-14-dev

# A reproducible book: the PDF's dates come from the last commit, and pdfTeX is
# told to use them (book/book.tex also fixes the trailer ID and drops the
# inclusion metadata of figures, which carries their own creation dates).
export SOURCE_DATE_EPOCH := $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export FORCE_SOURCE_DATE := 1

ifeq ($(V),1)
  Q :=
  say :=
else
  Q := @
  say = @printf '  %-7s %s\n' '$(1)' '$(2)';
endif

LIB_NW    := $(MODULES:%=chunks/%.nw)
BOOK_NW   := $(CHAPTERS:%=book/%.nw) $(CHAPTERS:%=book/%-program.nw)
BOOK_FILES := $(CHAPTERS) $(CHAPTERS:%=%-program)
LIB_OBJS  := $(MODULES:%=$(B)/obj/%.o)
LIB       := $(B)/lib/libbook.a
PROGRAMS  := $(CHAPTERS:%=$(B)/bin/%)
EXPERIMENTS := $(CHAPTERS:%=$(B)/exp/%)
STAMPS    := $(MODULES:%=$(B)/src/%.tangled) $(BOOK_FILES:%=$(B)/src/%.tangled)
WOVEN     := $(BOOK_FILES:%=$(B)/tex/%.tex) $(MODULES:%=$(B)/tex/%.tex)

.PHONY: all deps check clean memcheck watch
all: $(B)/book.pdf $(PROGRAMS) $(EXPERIMENTS)

# ---- dependencies --------------------------------------------------------------
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
deps:
	@if dpkg -s $(DEBS) >/dev/null 2>&1; then echo "  DEPS    all installed"; else \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	    --no-install-recommends $(DEBS); fi

# ---- tangling --------------------------------------------------------------------
# Every root chunk of a .nw file must be a file name (NAME.c, NAME.h or NAME.sh);
# any other root is a chunk that is defined but never used, usually a misspelled
# name.  Shell scripts are tangled without #line directives.
# notangle -L writes #line directives, so the compiler reports errors at the .nw
# line.  A tangled file is replaced only when its code changed: a prose edit that
# merely shifts the #line numbers keeps the old file and its time stamp, so nothing
# recompiles (the next code edit refreshes the numbers along with the code, so a
# compiler message always points at the right line).  The .tangled stamp records
# the run.
define tangle
	$(call say,TANGLE,$<)
	$(Q)roots=$$(noroots $< | sed 's/^<<\(.*\)>>$$/\1/'); \
	files=$$(grep -E '\.([ch]|sh)$$' <<< "$$roots"); \
	for r in $$files; do t=$(B)/src/$$r; L=-L; [ "$${r%.sh}" = "$$r" ] || L=; \
	  if ! notangle $$L -R"$$r" $< > $$t.new 2> $$t.err || [ -s $$t.err ]; then \
	    sed "s|^|$<: |" $$t.err >&2; rm -f $$t.new $$t.err; exit 1; fi; \
	  rm -f $$t.err; \
	  if [ -f $$t ] && cmp -s <(grep -v '^#line ' $$t.new) <(grep -v '^#line ' $$t); \
	  then rm -f $$t.new; else mv -f $$t.new $$t; fi; \
	done; \
	{ grep -vE '\.([ch]|sh)$$' <<< "$$roots" || true; } | while read -r r; do [ -n "$$r" ] || continue; \
	  echo "$<: chunk <<$$r>> is defined but never used" >&2; exit 1; done; \
	touch $@
endef

$(B)/src/%.tangled: chunks/%.nw | $(B)/src
	$(tangle)
$(B)/src/%.tangled: book/%.nw | $(B)/src
	$(tangle)
# The tangled files are by-products of the stamps; make re-reads their times.
define sources
$(1): $(2) ;
endef
$(foreach m,$(MODULES),$(eval $(call sources,$(B)/src/$(m).c $(B)/src/$(m).h,$(B)/src/$(m).tangled)))
$(eval $(call sources,$(B)/src/exp-main.c,$(B)/src/rep.tangled))
$(foreach c,$(CHAPTERS),$(eval $(call sources,$(B)/src/$(c).h $(B)/src/$(c).c $(B)/src/$(c)-book.c,\
  $(B)/src/$(c).tangled)))
$(foreach c,$(CHAPTERS),$(eval $(call sources,$(B)/src/$(c)-cli.h $(B)/src/$(c)-cli.c \
  $(B)/src/$(c)-main.c $(B)/src/$(c)-try.sh,$(B)/src/$(c)-program.tangled)))

# ---- compiling -----------------------------------------------------------------
# -MMD records the headers each object includes; every object also waits for all
# tangling so the headers exist on the first build.
$(B)/obj/%.o: $(B)/src/%.c | $(STAMPS) $(B)/obj
	$(call say,CC,$<)
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<
$(LIB): $(LIB_OBJS) | $(B)/lib
	$(call say,AR,$@)
	$(Q)rm -f $@ && ar rcs $@ $^

# A chapter that builds on another names it: DEPS_ridge := lsq links the
# method of lsq into ridge's program, experiments and tests.
define link
	$$(call say,LD,$$@)
	$$(Q)$$(CC) $$(CFLAGS) -o $$@ $$(filter %.o,$$^) $$(LIB) $$(LDLIBS)
endef
define chapter
$(B)/bin/$(1): $(B)/obj/$(1)-main.o $(B)/obj/$(1)-cli.o $(call methods,$(1)) $(LIB) | $(B)/bin
$(link)
$(B)/exp/$(1): $(B)/obj/$(1)-book.o $(call methods,$(1)) $(B)/obj/exp-main.o $(LIB) | $(B)/exp
$(link)
endef
$(foreach c,$(CHAPTERS),$(eval $(call chapter,$(c))))
.SECONDEXPANSION:

-include $(wildcard $(B)/obj/*.d)

# ---- running the chapters in book mode -------------------------------------------
# Each program writes its outputs atomically into build/out/NAME/; the stamp is
# touched only when the run succeeded (every claim held).  BLAS runs on one
# thread: the book's matrices are small, so threads cost more than they give
# (and fight the other jobs of make -j), and one thread gives the same bits
# whatever the number of cores.
define run_experiments
$(B)/out/$(1)/stamp: $(B)/exp/$(1)
	$$(call say,RUN,$(1))
	$$(Q)rm -f $$@; mkdir -p $$(@D) && OPENBLAS_NUM_THREADS=1 $$< $$(@D) && touch $$@
endef
$(foreach c,$(CHAPTERS),$(eval $(call run_experiments,$(c))))

# A "Try it" box: the documented commands of a chapter's program (its root
# NAME-try.sh, one command a line), run from the top of the tree exactly as a
# reader types them, each with its real output.
TRY_INPUTS    := $(wildcard book/data/*.csv)
$(CHAPTERS:%=$(B)/out/%/try.tex): $(B)/out/%/try.tex: $(B)/src/%-try.sh $(B)/bin/% $(TRY_INPUTS)
	$(call say,TRY,$*)
	$(Q)mkdir -p $(@D); \
	{ echo '\begin{Verbatim}[frame=single,framesep=2mm,fontsize=\small]'; \
	  grep -vE '^[[:space:]]*(#|$$)' $< | while IFS= read -r cmd; do \
	    echo "\$$ $$cmd"; bash -c "$$cmd" < /dev/null; done; \
	  echo '\end{Verbatim}'; } > $@.tmp; mv $@.tmp $@


# ---- figures -------------------------------------------------------------------------
# figures/CHAPTER-*.gp plots data of build/out/CHAPTER/; cairolatex writes a .tex
# with the labels (typeset by LaTeX in the book's fonts) and a .pdf with the lines.
define figure_rules
FIGS_$(1) := $$(patsubst figures/%.gp,$(B)/figures/%.tex,$$(wildcard figures/$(1)-*.gp))
$$(FIGS_$(1)): $(B)/figures/%.tex: figures/%.gp figures/style.gp $(B)/out/$(1)/stamp | $(B)/figures
	$$(call say,PLOT,$$<)
	$$(Q)gnuplot -e "data='$(B)/out/$(1)/'; out='$(B)/figures/$$*'" figures/style.gp $$<
endef
$(foreach c,$(CHAPTERS),$(eval $(call figure_rules,$(c))))
FIGURES := $(foreach c,$(CHAPTERS),$(FIGS_$(c)))

# ---- weaving -------------------------------------------------------------------------
# Each file is woven on its own (-n), so a LaTeX error at line N of build/tex/X.tex
# is at line N of X.nw, and an edit re-weaves one file.  The identifiers defined
# anywhere (nodefs) are pooled in all.defs so that every file indexes them all.
# Each file's own list, NAME.defs, is replaced only when it changed, so a prose
# edit rereads one file and leaves all.defs, and the other files, alone.
$(B)/tex/%.defs.stamp: book/%.nw | $(B)/tex
	$(Q)nodefs $< | cpif $(B)/tex/$*.defs; touch $@
$(B)/tex/%.defs.stamp: chunks/%.nw | $(B)/tex
	$(Q)nodefs $< | cpif $(B)/tex/$*.defs; touch $@
$(B)/tex/%.defs: $(B)/tex/%.defs.stamp ;
$(B)/tex/defs.stamp: $(BOOK_FILES:%=$(B)/tex/%.defs) $(MODULES:%=$(B)/tex/%.defs)
	$(call say,DEFS,all.defs)
	$(Q)LC_ALL=C sort -u $^ | cpif $(B)/tex/all.defs; touch $@
$(B)/tex/all.defs: $(B)/tex/defs.stamp ;

# The lists of chapters and library sections for book/book.tex: the solutions
# (Part I), the programs (Part II) and the library (the appendix).
$(B)/tex/chapters.tex: Makefile | $(B)/tex
	$(Q)printf '\\input{$(B)/tex/%s}\n' $(CHAPTERS) | cpif $@
$(B)/tex/programs.tex: Makefile | $(B)/tex
	$(Q){ echo '\part{The programs}\label{part:programs}'; \
	  $(foreach c,$(CHAPTERS),echo '\input{$(B)/tex/$(c)-program}';) } | cpif $@
$(B)/tex/library.tex: Makefile | $(B)/tex
	$(Q)printf '\\input{$(B)/tex/%s}\n' $(MODULES) | cpif $@

$(B)/tex/%.tex: book/%.nw $(B)/tex/all.defs
	$(call say,WEAVE,$<)
	$(Q)noweave -n -indexfrom $(B)/tex/all.defs $< > $@
$(B)/tex/%.tex: chunks/%.nw $(B)/tex/all.defs
	$(call say,WEAVE,$<)
	$(Q)noweave -n -indexfrom $(B)/tex/all.defs $< > $@

# ---- typesetting -----------------------------------------------------------------------
# latexmk reruns pdflatex (and noindex, see book/latexmkrc) until cross-references
# settle.  On an error the recipe prints the error lines, mapped back to the .nw
# file, instead of the whole log; an undefined or doubly defined reference is an
# error too (two chapters' claims with one id would link to the same row).
TEX_TO_NW := $(foreach c,$(BOOK_FILES),-e 's|^$(B)/tex/$(c)\.tex:|book/$(c).nw:|') \
             $(foreach m,$(MODULES),-e 's|^$(B)/tex/$(m)\.tex:|chunks/$(m).nw:|')
BOOK_INPUTS := book/book.tex book/latexmkrc $(wildcard book/*.tex) book/references.bib $(WOVEN) \
               $(B)/tex/chapters.tex $(B)/tex/programs.tex $(B)/tex/library.tex $(FIGURES) \
               $(CHAPTERS:%=$(B)/out/%/stamp) $(CHAPTERS:%=$(B)/out/%/try.tex)
$(B)/book.pdf: $(BOOK_INPUTS)
	$(call say,LATEX,$@)
	$(Q)if ! latexmk -r book/latexmkrc -pdf -outdir=$(B) -interaction=nonstopmode \
	     -halt-on-error -file-line-error book/book.tex > $(B)/latexmk.out 2>&1; then \
	  { grep -A4 -E '^[^ ]*:[0-9]+: |^! ' $(B)/book.log || tail -20 $(B)/latexmk.out; } \
	    | sed -E -e 's|^\./||' $(TEX_TO_NW) >&2; exit 1; fi
	$(Q)if grep -E 'undefined references|Reference .* undefined|Citation .* undefined|multiply defined' \
	     $(B)/book.log >&2; then echo "$@: undefined or duplicate references (see $(B)/book.log)" >&2; \
	     exit 1; fi
	$(Q)touch $@  # latexmk leaves the PDF alone when no input's content changed

# ---- directories, tests, cleaning --------------------------------------------------------
$(B)/src $(B)/obj $(B)/lib $(B)/bin $(B)/exp $(B)/tex $(B)/figures:
	$(Q)mkdir -p $@

include tests/tests.mk

# ---- memcheck: every program under valgrind, in book mode, on the Try-it data,
# and on bad input; any memory error or leak of our own fails (exit status 9).
MEMCHECK := valgrind --quiet --error-exitcode=9 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect
memcheck: $(PROGRAMS) $(EXPERIMENTS) $(CHAPTERS:%=$(B)/src/%-try.sh)
	$(Q)expect2() { "$$@" > /dev/null 2>&1 && return 1; [ $$? -eq 2 ]; }; \
	for c in $(CHAPTERS); do \
	  echo "  MEMCHECK $$c"; \
	  $(MEMCHECK) $(B)/exp/$$c $(B)/memcheck/$$c > /dev/null; \
	  expect2 $(MEMCHECK) $(B)/exp/$$c /dev/null/x; \
	  expect2 $(MEMCHECK) $(B)/exp/$$c; \
	  $(MEMCHECK) $(B)/bin/$$c --help > /dev/null; \
	  expect2 $(MEMCHECK) $(B)/bin/$$c --no-such-option; \
	  grep -vE '^[[:space:]]*(#|$$)' $(B)/src/$$c-try.sh | while IFS= read -r cmd; do \
	    bash -c "$(MEMCHECK) $$cmd" > /dev/null < /dev/null || exit 1; done; \
	done; \
	$(MEMCHECK) $(B)/bin/relu-elbow train --units 5 --steps 2000 --every 500 --data tests/data/relu-xy.csv > /dev/null; \
	expect2 $(MEMCHECK) $(B)/bin/relu-elbow train --lr 1e300 --steps 100; \
	expect2 $(MEMCHECK) $(B)/bin/relu-elbow train --data book/data/lsq-X.csv; \
	expect2 $(MEMCHECK) $(B)/bin/gradients --A tests/data/rank1-X.csv --x book/data/x.csv; \
	expect2 $(MEMCHECK) $(B)/bin/lsq --method qr tests/data/rank1-X.csv tests/data/rank1-y.csv; \
	echo "  MEMCHECK clean: no memory error, no leak"

# ---- watch: rebuild whenever a source is saved, until interrupted.
watch:
	@command -v inotifywait > /dev/null || { echo "make watch needs inotifywait: make deps" >&2; exit 2; }
	@while :; do $(MAKE) --no-print-directory all || echo "  FAILED: fix the error above and save again"; \
	  echo "  WATCH   waiting for a change in book/ chunks/ figures/ Makefile"; \
	  inotifywait -qq -r -e close_write,moved_to,create,delete book chunks figures Makefile; done

clean:
	rm -rf $(B)
