# vitae: the two everyday commands are `make run` and `make test`.
GO       ?= go
FUZZTIME ?= 100000x
EXAMPLES := $(wildcard examples/*.yaml)

.PHONY: all build run test check unit race fuzz bench bench-check schema clean gallery

all: build

# One static binary: without cgo nothing is loaded at start (the dynamic
# loader and libc cost 3–4 ms a run) and it runs on any Linux of its arch.
# The preview's HTTP server and the photo fetcher need no HTTP/2: without it
# the binary is 0.8 MB smaller (decisions/0008).
build:
	CGO_ENABLED=0 $(GO) build -tags nethttpomithttp2 -o vitae ./cmd/vitae

# Render every example into out/.
run: build
	./vitae validate --strict $(EXAMPLES)
	./vitae render $(EXAMPLES) --format $(FORMATS) --out out

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

# Whole-process figures against the peers installed here (tools/bench), then
# the Go benchmarks with allocations.
bench: build
	$(GO) run ./tools/bench
	$(GO) test -run '^$$' -bench . -benchmem ./...

# What CI runs of the benchmarks: that they still run, not how fast.
bench-check: build
	$(GO) run ./tools/bench -quick -peers=false
	$(GO) test -run '^$$' -bench . -benchtime=1x ./...

# Regenerate schema/vitae.schema.json from the Go types.
schema:
	$(GO) test ./schema -run TestSchemaFileMatchesTypes -update

clean:
	rm -rf out vitae

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
