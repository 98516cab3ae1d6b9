# The extractor (src/market_sizing/extract): from a report's document to reviewed seed rows
# (docs/adding-reports.md).
#   make add-report FILE=report.pdf REPORT=acme_widget_2025 PUBLISHER="Acme" URL=https://... DATE=2026-11-27
#                   [MARKET=market_id] [GEOGRAPHY=region_id] [TITLE=...] [EDITION=2025] [VIA="publisher page"]
#                   [PUBLISHED=YYYY-MM-DD] [PREFIX=acme25]   -> target/review/<REPORT>/ to review
#   make accept-report REVIEW=target/review/<REPORT>        appends the reviewed rows to seeds/, then: make build

.PHONY: add-report accept-report eval-extract extract

EXTRACT := $(BIN)/python -m market_sizing.extract
opt = $(if $(2),--$(1) "$(2)")

add-report: $(INSTALLED) ## propose a report's seed rows from FILE (.txt, .html, .pdf) into target/review/REPORT
	@test -n "$(FILE)" || { echo "usage: make add-report FILE=report.txt|.html|.pdf REPORT=id PUBLISHER=... URL=... DATE=YYYY-MM-DD [MARKET=... GEOGRAPHY=... TITLE=... EDITION=... VIA=... PUBLISHED=... PREFIX=...]"; exit 2; }
	$(EXTRACT) "$(FILE)" $(call opt,report-id,$(REPORT)) $(call opt,prefix,$(PREFIX)) \
		$(call opt,market,$(MARKET)) $(call opt,geography,$(GEOGRAPHY)) $(call opt,publisher,$(PUBLISHER)) \
		$(call opt,title,$(TITLE)) $(call opt,url,$(URL)) $(call opt,accessed-on,$(DATE)) \
		$(call opt,edition,$(EDITION)) $(call opt,published-via,$(or $(VIA),publisher page)) \
		$(call opt,published-on,$(PUBLISHED)) $(call opt,source-document,$(FILE))

accept-report: $(INSTALLED) ## append a reviewed proposal (REVIEW=target/review/<id>) to seeds/, then make build
	@test -n "$(REVIEW)" || { echo "usage: make accept-report REVIEW=target/review/<report_id>"; exit 2; }
	$(BIN)/python -m market_sizing.extract.accept "$(REVIEW)"

eval-extract: $(INSTALLED) ## the extractor's precision and recall per kind on the labelled corpus (dev, test)
	$(BIN)/python -m market_sizing.extract.evaluate

extract: $(INSTALLED) ## the extractor alone on FILE, options in ARGS (ARGS=--help lists them)
	@test -n "$(FILE)" || { echo "usage: make extract FILE=report.txt|.html|.pdf [ARGS=...]"; exit 2; }
	$(EXTRACT) "$(FILE)" $(ARGS)
