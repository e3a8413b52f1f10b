# backprop: build, test, demo and package the Octave package.
#   make test   install what is missing, build, run the C and Octave tests
#   make demo   install what is missing, build, install privately, showcase
#   make dist   target/backprop-<version>.tar.gz for pkg install
#   make install   pkg install the tarball into your own Octave
#   make doc    rerun doc/examples, refresh the pages' numbers and figures
#   make bench  time bp_train and the teaching loop against pure Octave
#   make fuzz, make check-memory   hostile input and valgrind
#   make check-versions   make test on other Debian releases, in chroots
#   make check-windows    every src/*.c compiled for Windows (MinGW-w64)

VERSION := $(shell sed -n 's/^Version: *//p' DESCRIPTION)
TARBALL := target/backprop-$(VERSION).tar.gz
PKG_PREFIX := $(CURDIR)/target/pkg
OCTAVE := tools/run-octave
# Octave code that points pkg at the private prefix inside the tree.
PKG_SETUP := pkg ("prefix", "$(PKG_PREFIX)", "$(PKG_PREFIX)"); \
             pkg ("local_list", "$(PKG_PREFIX)/octave_packages");
# ... and loads the package from there.
LOAD := $(PKG_SETUP) pkg load backprop;
# What a user types to load that copy: the private list comes first (a
# list of one's own is replaced for the session).
USER_LOAD := pkg ("local_list", "$(PKG_PREFIX)/octave_packages"); pkg load backprop

BUILD_DEPS := octave octave-dev libgsl-dev libopenblas-dev zlib1g-dev
# Octave 7 draws no axes, even through gnuplot, without FreeSans.
# python3 runs tools/check-continuations.
TEST_DEPS := $(BUILD_DEPS) gnuplot-nox fonts-dejavu-core fonts-freefont-otf \
             python3-minimal
DEMO_DEPS := $(TEST_DEPS)

SOURCES := DESCRIPTION COPYING INDEX NEWS README.md \
           $(shell find inst src doc -type f ! -name '*.o' ! -name '*.a' \
                   ! -name '*.mex' ! -name '*.oct' 2>/dev/null)

all: build

deps:
	tools/install-deps $(TEST_DEPS)

build: deps
	$(MAKE) -C src

# ---- packaging

dist: $(TARBALL)

$(TARBALL): $(SOURCES)
	mkdir -p target
	rm -rf target/backprop-$(VERSION)
	mkdir -p target/backprop-$(VERSION)
	cp -r --parents $(SOURCES) target/backprop-$(VERSION)/
	tar -C target -czf $@ backprop-$(VERSION)
	rm -rf target/backprop-$(VERSION)
	@echo "made $@"

# Install into a private package prefix inside the tree.
target/pkg/installed: $(TARBALL)
	rm -rf $(PKG_PREFIX)
	mkdir -p $(PKG_PREFIX)
	$(OCTAVE) --eval '$(PKG_SETUP) pkg ("install", "-local", "$(TARBALL)");'
	touch $@

install-local: deps target/pkg/installed

install: deps $(TARBALL)
	$(OCTAVE) --eval 'pkg ("install", "$(TARBALL)");'

# ---- tests

tests/c/test_core: tests/c/test_core.c tests/c/test_train.c \
  tests/c/test_system.c tests/c/test_util.c tests/c/test_util.h \
  src/bp.h src/bp_run.h src/bp_system.h build
	$(MAKE) -C src libbpcore.a
	$(shell mkoctfile -p CC) -std=c99 -O2 -Wall -Wextra -Isrc \
	  $(filter %.c,$^) src/libbpcore.a $$(gsl-config --libs-without-cblas) \
	  $$(mkoctfile -p BLAS_LIBS) -o $@

c-test: tests/c/test_core
	mkdir -p target
	tests/c/test_core | tee target/c-tests.log

# The Fashion-MNIST slides of doc/teaching.md need Debian's data set; the
# page's numbers are compared only when it is there.
FASHION := tools/install-deps dataset-fashion-mnist || echo "dataset-fashion-mnist \
	  could not be installed: the Fashion-MNIST slides use generated images"

# Octave 11 flags a bare newline inside parentheses (it sets lastwarn,
# which tests read); every .m file is checked before the tests run.
# glibc keeps freed blocks in a per-thread cache that mallinfo2 counts as
# in use; with Debian unstable's glibc 2.43 and Octave 11.3 it held enough
# to look like a leak of 20 to 50 bytes a call to
# tests/test_memory_error_paths.m, so the tests run with that cache off
# and the heap figures are exact.
TEST_ENV := GLIBC_TUNABLES=$${GLIBC_TUNABLES:+$$GLIBC_TUNABLES:}glibc.malloc.tcache_count=0

test: deps c-test install-local
	tools/check-continuations $$(find inst tests doc demo -name '*.m')
	$(FASHION)
	$(TEST_ENV) $(OCTAVE) --eval '$(LOAD) cd tests; run_tests ("../target/c-tests.log");'

# ---- showcase

demo: install-local
	tools/install-deps $(DEMO_DEPS)
	tools/install-deps dataset-fashion-mnist || echo "dataset-fashion-mnist \
	  could not be installed: the demo will say so and train on generated data"
	$(OCTAVE) --eval '$(LOAD) addpath ("demo"); chain_rule_showcase; fashion_mnist;'
	@echo
	@echo "The package the demo used is installed in $(PKG_PREFIX)."
	@echo "To load it in your own Octave session (a plain 'pkg load backprop' would load"
	@echo "another installed copy, or none), type:"
	@echo '  $(USER_LOAD)'

# ---- documentation: rerun the example scripts, refresh pages and figures

doc: install-local
	$(FASHION)
	$(OCTAVE) --eval '$(LOAD) addpath ("doc"); doc_sync ("update");'

# ---- robustness: hostile arguments to every public function, each batch of
# calls in a child Octave so that crashes and hangs are seen; FUZZ_SAMPLE=N
# runs a seeded sample of N calls (FUZZ_SEED=S).

fuzz: install-local
	FUZZ_SETUP='$(LOAD)' tests/fuzz/run_fuzz.sh \
	  --sample $(or $(FUZZ_SAMPLE),0) --seed $(or $(FUZZ_SEED),1)

# ---- memory: valgrind's memcheck over the C unit tests and over an Octave
# session that takes every gateway through its error paths

check-memory: c-test
	tools/install-deps valgrind
	tools/check-memory

# ---- speed (reported, never asserted)

bench: install-local
	$(OCTAVE) --eval '$(LOAD) addpath ("tests/bench"); run_bench;' \
	  | tee target/bench.txt

# ---- portability
# make test natively and in Debian 13 and unstable root file systems, which
# are built once and cached in /var/cache/backprop-versions (or
# $BACKPROP_VERSIONS_CACHE); one table, one log per release in
# target/check-versions.  Tests HEAD; WORKTREE=1 tests the working tree,
# SUITES="trixie" limits the releases.  Needs root.

check-versions:
	tools/check-versions $(if $(filter 1 yes true,$(WORKTREE)),--worktree) $(SUITES)

# Every C file through the MinGW-w64 cross compiler (syntax only, nothing
# is linked): what a Windows build would meet first.

check-windows:
	tools/check-windows

clean:
	$(MAKE) -C src clean
	rm -rf target tests/c/test_core

.PHONY: all deps build dist install-local install c-test test demo doc fuzz check-memory bench \
        check-versions check-windows clean
