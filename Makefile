# Solutions to Problems 2-5: the whole pipeline.
#
#   make deps    install the Debian packages the build and the tests need
#   make         tangle, compile, run every chapter in book mode, plot, weave,
#                and typeset build/book.pdf; the programs land in build/bin/
#   make check   run every test; the last line is "N passed, N failed"
#   make html    the HTML edition in build/html/ (open build/html/index.html)
#   make bench   time the build and the programs against this machine's best
#                (not part of make check); the table lands in build/bench/results.md
#   make clean   remove build/
#
# V=1 shows full commands.  make uses every core (-j$(nproc)) unless given -j.
# Everything generated lives under build/.

SHELL       := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DELETE_ON_ERROR:
.SUFFIXES:
MAKEFLAGS   += --no-builtin-rules --no-builtin-variables
# Use every core unless the command line says otherwise (make -j1 builds one
# step at a time) or asks to clean, which must not race with building.
# A make run by make (make watch) shares its parent's jobs instead.
ifeq ($(MAKELEVEL)$(filter -j%,$(MAKEFLAGS))$(filter clean,$(MAKECMDGOALS)),0)
MAKEFLAGS   += -j$(shell nproc 2>/dev/null || echo 1)
endif
# make clean together with other goals would run them side by side, and those
# goals would find their files up to date just before clean deletes them.
ifneq ($(filter clean,$(MAKECMDGOALS)),)
ifneq ($(filter-out clean,$(MAKECMDGOALS)),)
$(error make clean cannot share a command with other goals: run 'make clean', then 'make $(filter-out clean,$(MAKECMDGOALS))')
endif
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
LDLIBS   := -llapacke -llapack -lblas -lm -pthread
TEST_LDLIBS := -lcmocka

DEBS := make gcc noweb liblapacke-dev libopenblas-dev gnuplot-nox \
        texlive-latex-base texlive-latex-recommended texlive-fonts-recommended \
        lmodern latexmk texlive-binaries poppler-utils libcmocka-dev valgrind inotify-tools clang libclang-rt-14-dev \
        texlive-plain-generic texlive-extra-utils texlive-luatex libjs-mathjax fonts-mathjax fonts-texgyre \
        chromium

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

.PHONY: all deps check clean memcheck watch html
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
	$(Q)roots=$$(noroots $< | sed 's/^<<\(.*\)>>$$/\1/'); bad=0; \
	while read -r r; do [ -n "$$r" ] || continue; bad=1; \
	  n=$$(grep -nF -- "<<$$r>>=" $< | head -1 | cut -d: -f1); \
	  echo "$<:$$n: chunk <<$$r>> is defined here but never used" >&2; \
	done <<< "$$(grep -vE '\.([ch]|sh)$$' <<< "$$roots" || true)"; \
	for r in $$(grep -E '\.([ch]|sh)$$' <<< "$$roots"); do t=$(B)/src/$$r; \
	  L=-L; [ "$${r%.sh}" = "$$r" ] || L=; \
	  if ! notangle $$L -R"$$r" $< > $$t.new 2> $$t.err || [ -s $$t.err ]; then \
	    sed -n 's/^undefined chunk name: <<\(.*\)>>$$/\1/p' $$t.err | sort -u | \
	    while read -r u; do \
	      n=$$(grep -nF -- "<<$$u>>" $< | grep -vF -- "<<$$u>>=" | head -1 | cut -d: -f1); \
	      echo "$<:$$n: chunk <<$$u>> is used here but never defined" >&2; done; \
	    { grep -v '^undefined chunk name: ' $$t.err || true; } | sed "s|^|$<: |" >&2; \
	    rm -f $$t.new $$t.err; exit 1; fi; \
	  rm -f $$t.err; \
	  if [ -f $$t ] && cmp -s <(grep -v '^#line ' $$t.new) <(grep -v '^#line ' $$t); \
	  then rm -f $$t.new; else mv -f $$t.new $$t; fi; \
	done; \
	[ $$bad -eq 0 ]; touch $@
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
#
# Each run starts from an empty directory (but for the Try-it box, which the
# program makes, and may be writing as try.tex.tmp at the same time under -j),
# so an output that the experiments no longer write is missing
# and fails loudly, instead of being used from an older run.  When a claim
# fails, the book is deleted (a PDF whose claims tables say that every claim
# holds must not outlive the failure), and each failure is shown with the
# file, line and statement of the claim in the chapter's prose.
$(CHAPTERS:%=$(B)/out/%/stamp): $(B)/out/%/stamp: $(B)/exp/%
	$(call say,RUN,$*)
	$(Q)rm -f $@; mkdir -p $(@D); \
	find $(@D) -mindepth 1 -maxdepth 1 ! -name 'try.tex*' -exec rm -rf {} +; \
	st=0; OPENBLAS_NUM_THREADS=1 $< $(@D) 2> $(@D).stderr || st=$$?; \
	cat $(@D).stderr >&2; \
	if [ $$st -ne 0 ]; then rm -f $(B)/book.pdf; \
	  sed -n 's/^$*: claim failed: \([a-z0-9-]*\): \(.*\)$$/\1 \2/p' $(@D).stderr \
	  | while read -r id how; do perl -e "$$CLAIM_CONTEXT" book/$*.nw "$$id" "$$how"; done >&2; \
	  exit $$st; fi; \
	rm -f $(@D).stderr; touch $@

# The first LaTeX error of a log, at the .nw file and line that caused it: the
# woven file build/tex/X.tex has the lines of X.nw, so only the name changes.
# An argument that never ends (an unclosed \\emph{) is noticed only at the end
# of the woven file, in the list that inputs it; its line is found from the
# start of the argument, which the log shows after "Runaway argument?".  TeX's
# closing remarks (the fatal-error line, the memory statistics) are left out.
define latex_error
my @log = do { open(my $$in, "<", $$ARGV[0]) or exit 1; <$$in> };
chomp @log;
sub source { my ($$t) = @_; $$t =~ s{^\./}{};
  return $$t unless $$t =~ m{^build/(?:sanitize/)?tex/(.*)\.tex$$};
  for my $$d ("book", "chunks") { return "$$d/$$1.nw" if -e "$$d/$$1.nw"; } $$t }
for my $$i (0 .. $$#log) {
  next unless $$log[$$i] =~ /^(\S+?):(\d+): (.*)$$/ or $$log[$$i] =~ /^! /;
  my ($$file, $$line, $$msg) = ($$1, $$2, $$3);
  $$msg = $$log[$$i] unless defined $$file;
  if (defined $$file && $$file =~ m{build/(?:sanitize/)?tex/(chapters|programs|library)\.tex$$}) {
    my @list = do { open(my $$l, "<", $$file) or (); <$$l> };
    ($$file) = ($$list[$$line - 1] // "") =~ /\\input\{([^}]*)\}/;
    $$file = source("$$file.tex"); $$line = undef;
    my ($$cmd) = $$msg =~ /scanning use of (\\\w+)/;
    if ($$i >= 2 && $$log[$$i - 2] eq "Runaway argument?") {
      my ($$start) = $$log[$$i - 1] =~ /^\{?\s*([^\\{}]{1,40})/;
      $$start =~ s/\s+$$// if defined $$start;
      my @nw = do { open(my $$n, "<", $$file) or (); <$$n> };
      for my $$k (0 .. $$#nw) {
        next unless defined $$start && index($$nw[$$k], $$start) >= 0;
        next if defined $$cmd && index($$nw[$$k], "$$cmd\{$$start") < 0
                && grep { index($$_, "$$cmd\{$$start") >= 0 } @nw;
        $$line = $$k + 1; last;
      }
      $$msg .= " (an argument that starts here is never closed)";
    }
  } elsif (defined $$file) { $$file = source($$file); }
  print defined $$file ? "$$file:" . (defined $$line ? "$$line:" : "") . " $$msg\n" : "$$msg\n";
  for my $$k ($$i + 1 .. $$i + 4) {
    last if $$k > $$#log or $$log[$$k] =~ /^(\S+?:\d+: +==> Fatal error|Here is how much|No pages of output)/;
    print "$$log[$$k]\n";
  }
  exit 0;
}
exit 1;
endef
export LATEX_ERROR := $(latex_error)

# The place of a failed claim in the prose: FILE ID HOW prints
# FILE:LINE: claim ID failed (HOW): its statement, from \claim{ID}{statement}.
define claim_context
my ($$file, $$id, $$how) = @ARGV;
open(my $$in, "<", $$file) or exit 0;
local $$/; my $$text = <$$in>;
if ($$text !~ /\\claim\{\Q$$id\E\}\{/g) {
  print "$$file: claim $$id failed ($$how); the prose never states it\n"; exit 0;
}
my ($$start, $$depth) = (pos($$text), 1);
my $$line = 1 + (substr($$text, 0, $$start) =~ tr/\n//);
my $$i = $$start;
while ($$depth > 0 && $$i < length $$text) {
  my $$c = substr($$text, $$i++, 1);
  $$depth++ if $$c eq "{"; $$depth-- if $$c eq "}";
}
(my $$statement = substr($$text, $$start, $$i - $$start - 1)) =~ s/\s+/ /g;
print "$$file:$$line: claim $$id failed ($$how): $$statement\n";
endef
export CLAIM_CONTEXT := $(claim_context)

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
# gnuplot only warns when a data file is missing and plots the rest; here that
# fails the figure, since the experiments stopped writing what it shows.
define figure_rules
FIGS_$(1) := $$(patsubst figures/%.gp,$(B)/figures/%.tex,$$(wildcard figures/$(1)-*.gp))
$$(FIGS_$(1)): $(B)/figures/%.tex: figures/%.gp figures/style.gp $(B)/out/$(1)/stamp | $(B)/figures
	$$(call say,PLOT,$$<)
	$$(Q)gnuplot -e "data='$(B)/out/$(1)/'; out='$(B)/figures/$$*'" figures/style.gp $$< \
	  2> $(B)/figures/$$*.log || { cat $(B)/figures/$$*.log >&2; exit 1; }; \
	cat $(B)/figures/$$*.log >&2; \
	if grep -q 'Cannot find or open file' $(B)/figures/$$*.log; then \
	  echo "$$<: a data file is missing: the experiments of $(1) no longer write it" >&2; \
	  rm -f $$@; exit 1; fi
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
# Keep the per-file stamps (make would delete them as intermediate files); no
# target is secondary wholesale, so a deleted output is always made again.
.SECONDARY: $(WOVEN:%.tex=%.defs.stamp)
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
# settle; every pass starts from the preamble dumped as a format (see the
# author's loop below; -g when the format changed, which latexmk cannot see).  On an error the recipe prints the error lines, mapped back to the .nw
# file, instead of the whole log; an undefined or doubly defined reference is an
# error too (two chapters' claims with one id would link to the same row).
BOOK_INPUTS := book/book.tex book/latexmkrc $(wildcard book/*.tex) book/references.bib $(WOVEN) \
               $(B)/tex/chapters.tex $(B)/tex/programs.tex $(B)/tex/library.tex $(FIGURES) \
               $(CHAPTERS:%=$(B)/out/%/stamp) $(CHAPTERS:%=$(B)/out/%/try.tex)
$(B)/book.pdf: $(BOOK_INPUTS) $(B)/book-preamble.fmt
	$(call say,LATEX,$@)
	$(Q)if ! TEXFORMATS=$(B): BOOK_FORMAT=book-preamble latexmk $(if $(filter $(B)/book-preamble.fmt,$?),-g) \
	     -r book/latexmkrc -pdf -outdir=$(B) -interaction=nonstopmode -synctex=1 \
	     -halt-on-error -file-line-error book/book.tex > $(B)/latexmk.out 2>&1; then \
	  perl -e "$$LATEX_ERROR" $(B)/book.log >&2 || tail -20 $(B)/latexmk.out >&2; exit 1; fi
	$(call synctex_nw,$(B)/book.synctex.gz)
	$(Q)if grep -E 'undefined references|Reference .* undefined|Citation .* undefined|multiply defined' \
	     $(B)/book.log >&2; then echo "$@: undefined or duplicate references (see $(B)/book.log)" >&2; \
	     exit 1; fi
	$(Q)touch $@  # latexmk leaves the PDF alone when no input's content changed

# ---- the author's loop: SyncTeX and chapter previews ---------------------------------
# SyncTeX that speaks .nw: pdflatex records the woven files (build/tex/X.tex) in
# build/book.synctex.gz, beside the PDF (the PDF itself is unchanged, and stays
# byte-reproducible).  Their lines are the lines of X.nw, so only the names
# change: each becomes book/X.nw or chunks/X.nw, kept in the form pdflatex
# writes (/abs/path/./book/X.nw), which synctex matches with a relative
# book/X.nw as well as with the absolute name.
define synctex_names
s{^(Input:\d+:.*/\./)build/(?:sanitize/)?tex/([^/]+)\.tex$$}{
  my ($$p, $$n) = ($$1, $$2);
  -e "book/$$n.nw" ? "$${p}book/$$n.nw" : -e "chunks/$$n.nw" ? "$${p}chunks/$$n.nw" : $$&
}e;
endef
export SYNCTEX_NAMES := $(synctex_names)
define synctex_nw
	$(Q)zcat $(1) | perl -pe "$$SYNCTEX_NAMES" | gzip -1 -n > $(1).tmp && mv -f $(1).tmp $(1)
endef

# make preview CHAPTER=NAME: what the chapter needs brought up to date (its
# program, outputs, figures and woven file; for NAME-program, its Try-it box),
# then the chapter alone typeset by book/preview.tex into build/preview/NAME.pdf,
# numbered and paged as in the last full build, whose labels (build/book.aux)
# resolve its references to the rest of the book.  NAME is any file of book/:
# a solution (lsq) or a program (lsq-program).  The full book is built first if
# it was never built.  One pdflatex pass, and a second only when the chapter's
# own labels moved; a LaTeX error is shown at its .nw line, as for the book.
.PHONY: preview
ifneq ($(filter preview,$(MAKECMDGOALS)),)
ifeq ($(filter $(CHAPTER),$(BOOK_FILES)),)
$(error make preview CHAPTER=NAME: NAME is one of $(BOOK_FILES))
endif
endif
preview: $(B)/preview/$(CHAPTER).pdf $(B)/bin/$(patsubst %-program,%,$(CHAPTER))
# preview_rule FILE CHAPTER VALUES: the preview of book/FILE.nw, part of CHAPTER.
define preview_rule
$(B)/preview/$(1).pdf: $(B)/tex/$(1).tex book/preview.tex $(B)/book-preamble.fmt \
    $(B)/out/$(2)/stamp $(FIGS_$(2)) $(if $(3),$(B)/out/$(2)/try.tex) $(wildcard $(B)/book.aux) \
    | $(if $(wildcard $(B)/book.aux),,$(B)/book.pdf) $(B)/preview
	$$(call say,PREVIEW,$$@)
	$$(Q)P=$(B)/preview/$(1); prefix=$$$$(grep -o -m1 'NW[A-Za-z0-9]*-' $(B)/tex/$(1).tex || echo NONE-); \
	grep -E '^\\(newlabel|newsublabel|bibcite|nwixadd)\{' $(B)/book.aux \
	  | { grep -vE "^\\\\nwixadd\{.*\}\{$$$$prefix[^}]*\}$$$$" || :; } > $$$$P-refs.aux; \
	read -r num page < <(sed -n 's/^\\newlabel{ch:$(1)}{{\([0-9]*\)}{\([0-9]*\)}.*/\1 \2/p' $(B)/book.aux; echo 1 1); \
	for pass in 1 2 3; do \
	  cp -f $$$$P.aux $$$$P.aux.old 2> /dev/null || :; \
	  if ! TEXFORMATS=$(B): pdftex -fmt=book-preamble -synctex=1 -interaction=nonstopmode -halt-on-error -file-line-error \
	      -output-directory=$(B)/preview -jobname=$(1) \
	      "\def\previewfile{$(1)}\def\previewchapter{$$$$num}\def\previewpage{$$$$page}\def\previewvalues{$(3)}\input{book/preview}" \
	      > $$$$P.stdout 2>&1; then \
	    perl -e "$$$$LATEX_ERROR" $$$$P.log >&2 || tail -20 $$$$P.stdout >&2; \
	    rm -f $$$$P.pdf $$$$P.aux.old; exit 1; fi; \
	  cmp -s $$$$P.aux $$$$P.aux.old && break; \
	done; rm -f $$$$P.aux.old
	$$(call synctex_nw,$$(basename $$@).synctex.gz)
endef
$(foreach c,$(CHAPTERS),$(eval $(call preview_rule,$(c),$(c),)))
$(foreach c,$(CHAPTERS),$(eval $(call preview_rule,$(c)-program,$(c),\input{$(B)/out/$(c)/values.tex})))
# The class and the preamble, loaded once and dumped as a format that every
# pass of the book and of a preview starts from (it defines \bookpreamble, which
# tells book/book.tex and book/preview.tex not to read them again).
$(B)/book-preamble.fmt: book/preamble.tex book/macros.tex
	$(call say,FORMAT,$@)
	$(Q)mkdir -p $(B); printf '%s\n' '\documentclass[11pt,a4paper,openany]{book}' '\input{book/preamble}' \
	  '\def\bookpreamble{}' '\dump' > $(B)/book-preamble.tex; \
	if ! pdftex -ini -interaction=nonstopmode -halt-on-error -file-line-error -jobname=book-preamble \
	    -output-directory=$(B) '&pdflatex' $(B)/book-preamble.tex > $(B)/book-preamble.stdout 2>&1; \
	then perl -e "$$LATEX_ERROR" $(B)/book-preamble.log >&2 || tail -20 $(B)/book-preamble.stdout >&2; \
	  exit 1; fi
$(B)/preview:
	$(Q)mkdir -p $@

# ---- the HTML edition -----------------------------------------------------------------
# make html: build/html/, a page per part, chapter and appendix, from the same
# LaTeX as the PDF, by tex4ht (make4ht, from TeX Live): it runs LaTeX itself,
# so every macro, table, claims table and Try-it box of the book is read as the
# PDF reads it, and it writes the mathematics as MathML, which MathJax (Debian's,
# copied into build/html/mathjax) typesets in any browser.  The configuration
# is book/html.cfg, the filters that add the navigation and the figures'
# alternative text book/html.mk4, the style sheet book/html.css.
# tex4ht runs in build/html-work/, on copies of the woven chapters and of
# book/*.tex in which \T is written out as ^{\top}: tex4ht's MathML sees a
# superscript only where the ^ is in the text (see book/html.cfg).  The copies
# keep every line where it was, so an error is reported at its .nw line.  The
# labels of the PDF's last run (build/book.aux) give the chunks the PDF's
# numbers, so the PDF is built first; its bibliography and identifier index
# (with \T written out) are used as they are.  Each page is copied into
# build/html/ only when its text changed: a prose edit replaces one page.
HTML      := $(B)/html
HTW       := $(B)/html-work
MATHJAX   := /usr/share/javascript/mathjax
MATHJAX_PARTS := MathJax.js config/MML_CHTML.js extensions jax/input/MathML \
                 jax/output/CommonHTML jax/element localization/en fonts/HTML-CSS/TeX/woff
PAGELLA   := /usr/share/texmf/fonts/opentype/public/tex-gyre
HTML_FONTS := $(patsubst %,$(HTML)/fonts/texgyrepagella-%.otf,regular italic bold bolditalic)
HTML_FIGS := $(patsubst $(B)/figures/%.tex,$(HTML)/figures/%.svg,$(FIGURES))
HTML_BOOK := $(filter-out book/macros.tex book/preamble.tex,$(wildcard book/*.tex))
HTML_LISTS := $(B)/tex/chapters.tex $(B)/tex/programs.tex $(B)/tex/library.tex
HTML_SRC  := $(HTML_BOOK:%=$(HTW)/%) $(HTW)/book/macros.tex $(HTW)/book/preamble.tex \
             $(patsubst $(B)/%,$(HTW)/build/%,$(WOVEN) $(HTML_LISTS)) \
             $(HTW)/book/html.cfg $(HTW)/book/html.mk4
# \T as ^{\top}, where it is the macro: not followed by a letter, and not
# preceded by an odd run of backslashes (the \\ of a backslash in woven code).
HTML_UNMACRO_PL := s/(?<!\\)((?:\\\\)*)\\T(?![A-Za-z@])/$$1^{\\top}/g
HTML_UNMACRO = perl -pe '$(HTML_UNMACRO_PL)' $< > $@.tmp && mv -f $@.tmp $@

html: $(HTML)/.stamp

$(HTML_BOOK:%=$(HTW)/%): $(HTW)/book/%.tex: book/%.tex Makefile | $(HTW)/book
	$(Q)$(HTML_UNMACRO)
$(patsubst $(B)/%,$(HTW)/build/%,$(WOVEN) $(HTML_LISTS)): $(HTW)/build/tex/%.tex: $(B)/tex/%.tex Makefile | $(HTW)/build/tex
	$(Q)$(HTML_UNMACRO)
$(HTW)/book/macros.tex $(HTW)/book/preamble.tex $(HTW)/book/html.cfg $(HTW)/book/html.mk4: $(HTW)/book/%: book/% | $(HTW)/book
	$(Q)cp -f $< $@
$(HTW)/book $(HTW)/build/tex $(HTW)/figures $(HTML)/figures $(HTML)/fonts:
	$(Q)mkdir -p $@
# The programs' outputs (tables, claims, values, Try-it boxes) are read where
# make wrote them.
$(HTW)/build/out: | $(HTW)/build/tex
	$(Q)ln -sfn $(CURDIR)/$(B)/out $@

# make4ht -m latex (one LaTeX pass), from a clean slate, three times or until
# a pass leaves the .aux and the .4tc as it found them; then make4ht -m pages
# (tex4ht, and the filters of book/html.mk4).  Always from a clean slate:
# tex4ht's record of where a table's \multicolumn cells fall (in the .xref)
# shifts a little on every pass and never settles, so the pages would depend
# on how many builds came before.
$(HTW)/index.html: $(HTML_SRC) $(B)/book.pdf | $(HTW)/build/out
	$(call say,HTML,$(HTML))
	$(Q)cp -f $(B)/book.bbl $(HTW)/index.bbl; perl -pe '$(HTML_UNMACRO_PL)' $(B)/book.nwi > $(HTW)/index.nwi; \
	grep -E '^\\newsublabel\{' $(B)/book.aux > $(HTW)/pdf-sublabels.tex; \
	grep -E '^\\newlabel\{' $(B)/book.aux > $(HTW)/pdf-labels.tex; \
	state() { { cat $(HTW)/index.aux $(HTW)/index.4tc 2> /dev/null || :; } | cksum; }; \
	m4h() { (cd $(HTW) && make4ht -f html5-common_domfilters -m $$1 -j index -c book/html.cfg -e book/html.mk4 \
	         book/book.tex "" "" "" "-interaction=nonstopmode -halt-on-error -file-line-error" > make4ht.out 2>&1); }; \
	rm -f $(HTW)/index.{aux,xref,4tc,4ct,lg,tmp,idv,dvi}; \
	for pass in 1 2 3 4 5 6 7; do before=$$(state); ok=1; m4h latex || ok=0; \
	  if perl -e "$$LATEX_ERROR" $(HTW)/index.log >&2; then exit 1; fi; \
	  if [ $$ok = 0 ]; then tail -20 $(HTW)/make4ht.out >&2; exit 1; fi; \
	  [ $$pass -lt 3 ] || [ "$$(state)" != "$$before" ] || break; \
	  [ $$pass -lt 7 ] || { echo "$@: the cross-references do not settle in 7 passes" >&2; exit 1; }; \
	done; \
	m4h pages || { tail -20 $(HTW)/make4ht.out >&2; exit 1; }; \
	if grep -E 'WARNING.*(DOM parsing|failed)|Unbalanced Tag|\[ERROR\]' $(HTW)/make4ht.out >&2; then \
	  echo "$@: tex4ht wrote a page that is not well-formed (see $(HTW)/make4ht.out)" >&2; exit 1; fi; \
	if grep -E 'undefined references|Reference .* undefined|Citation .* undefined' $(HTW)/index.log >&2; then \
	  echo "$@: undefined references (see $(HTW)/index.log)" >&2; exit 1; fi

# A figure: the cairolatex output of its gnuplot script, the very files the
# PDF includes, typeset alone in the book's fonts (book/html-figure.tex), as SVG.
$(HTML_FIGS): $(HTML)/figures/%.svg: $(B)/figures/%.tex book/html-figure.tex book/macros.tex \
    | $(HTW)/figures $(HTML)/figures
	$(call say,SVG,$@)
	$(Q)if ! pdflatex -interaction=nonstopmode -halt-on-error -file-line-error -output-directory=$(HTW)/figures \
	     -jobname=$* '\def\bookfigurename{$*}\input{book/html-figure}' > $(HTW)/figures/$*.stdout 2>&1; \
	then perl -e "$$LATEX_ERROR" $(HTW)/figures/$*.log >&2 || tail -20 $(HTW)/figures/$*.stdout >&2; exit 1; fi; \
	pdftocairo -svg $(HTW)/figures/$*.pdf $@.tmp && mv -f $@.tmp $@

$(HTML_FONTS): $(HTML)/fonts/%: $(PAGELLA)/% | $(HTML)/fonts
	$(Q)cp -f $< $@
$(HTML)/mathjax/.stamp:
	$(call say,COPY,$(MATHJAX))
	$(Q)rm -rf $(HTML)/mathjax; for p in $(MATHJAX_PARTS); do mkdir -p $(HTML)/mathjax/$$(dirname $$p); \
	  cp -rL $(MATHJAX)/$$p $(HTML)/mathjax/$$p; done; touch $@
$(HTML)/book-html.css: book/html.css
	$(Q)mkdir -p $(HTML); cp -f $< $@

# Each page and tex4ht's style sheet, copied when its text changed.
$(HTML)/.stamp: $(HTW)/index.html $(HTML_FIGS) $(HTML_FONTS) $(HTML)/mathjax/.stamp $(HTML)/book-html.css
	$(Q)n=0; for f in $(HTW)/index*.html; do t=$(HTML)/$${f##*/}; \
	  cmp -s $$f $$t || { cp -f $$f $$t; n=$$((n + 1)); }; done; \
	cmp -s $(HTW)/index.css $(HTML)/index.css || cp -f $(HTW)/index.css $(HTML)/index.css; \
	for t in $(HTML)/index*.html; do [ -e $(HTW)/$${t##*/} ] || rm -f $$t; done; \
	echo "  PAGES   $$n of $$(ls $(HTW)/index*.html | wc -l) changed in $(HTML)/"; touch $@

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
	@while :; do $(MAKE) --no-print-directory $(if $(CHAPTER),preview CHAPTER=$(CHAPTER),all) || echo "  FAILED: fix the error above and save again"; \
	  echo "  WATCH   waiting for a change in book/ chunks/ figures/ Makefile"; \
	  inotifywait -qq -r -e close_write,moved_to,create,delete book chunks figures Makefile; done

# ---- new-chapter: make new-chapter NAME=name starts a chapter from book/template/:
# its solution and its program (.nw), a figure, a unit test and a command-line
# test, and adds it to CHAPTERS.  It builds and passes make check as it is.
NEW_FILES = book/$(NAME).nw book/$(NAME)-program.nw figures/$(NAME)-loss.gp \
            tests/unit/test_$(NAME).c tests/cli/$(NAME).sh
.PHONY: new-chapter
new-chapter:
	@name='$(NAME)'; \
	if ! [[ "$$name" =~ ^[a-z][a-z0-9-]*[a-z0-9]$$ ]]; then \
	  echo "make new-chapter NAME=name: a name of lower-case letters, digits and hyphens" >&2; exit 2; fi; \
	for f in $(NEW_FILES); do \
	  if [ -e "$$f" ]; then echo "make new-chapter: $$f exists already" >&2; exit 2; fi; done; \
	if grep -qw -- "$$name" <<< "$(CHAPTERS) $(MODULES)"; then \
	  echo "make new-chapter: $$name is a chapter or module already" >&2; exit 2; fi; \
	id=$${name//-/_}; upper=$${id^^}; macro=$${name//[^a-z]/}; \
	fill() { sed -e "s/@NAME@/$$name/g" -e "s/@ID@/$$id/g" -e "s/@UPPER@/$$upper/g" \
	             -e "s/@MACRO@/$$macro/g" "book/template/$$1" > "$$2"; echo "  NEW     $$2"; }; \
	fill chapter.nw book/$$name.nw; fill program.nw book/$$name-program.nw; \
	fill loss.gp figures/$$name-loss.gp; fill test.c tests/unit/test_$$name.c; \
	fill cli.sh tests/cli/$$name.sh; chmod +x tests/cli/$$name.sh; \
	sed -i "s/^CHAPTERS := .*/& $$name/" Makefile; echo "  NEW     $$name added to CHAPTERS in the Makefile"; \
	echo "Next: make, then make check.  Then make it yours (README.md, Editing a chapter):"; \
	echo "  book/$$name.nw          the problem, its parts (label part:...), Checking the solution"; \
	echo "  book/$$name-program.nw  the program: options, checks, main, the Try-it commands"; \
	echo "  and the lists kept by hand: the bad-input table (tests/cli/bad-input.sh),"; \
	echo "  the option-parser fuzz target (tests/fuzz/fuzz_options.c), Solutions at a"; \
	echo "  glance (book/glance.tex), the headings of tests/build/pdf.sh and README.md."

clean:
	rm -rf $(B)
