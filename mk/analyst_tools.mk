# Analyst tools (included by the Makefile; docs/excel.md and docs/evidence.md):
#   make evidence        the Evidence project in bi/evidence: npm ci, its sources from the published
#                        warehouse ($(DB)), then a strict build into bi/evidence/build
#   make evidence-dev    Evidence's own development server (http://localhost:3000) on the same sources
#   make test-evidence   make evidence, then the pytest test (-m evidence) that renders the built pages
#                        in headless Chromium and compares their numbers with the marts
# The Excel workbook needs no target of its own: every publish writes exports/market_sizing.xlsx.
.PHONY: evidence evidence-sources evidence-dev test-evidence

EVIDENCE_DIR := bi/evidence
EVIDENCE_LOGS := target/evidence
# npm writes this file at the end of every install: newer than package-lock.json means installed.
EVIDENCE_INSTALLED := $(EVIDENCE_DIR)/node_modules/.package-lock.json
# The DuckDB connector joins the file name onto the source folder, so it gets a relative path.
EVIDENCE_SOURCE_DIR := $(EVIDENCE_DIR)/sources/market_sizing
EVIDENCE_DB = $(shell realpath -m --relative-to=$(EVIDENCE_SOURCE_DIR) "$(DB)")
# Evidence reports a failing query in its output and may still exit 0 (even build:strict):
# these lines fail the target.
EVIDENCE_ERRORS := Error in Query|\[ERROR\]|✖|Error:|Build failed

$(EVIDENCE_INSTALLED): $(EVIDENCE_DIR)/package.json $(EVIDENCE_DIR)/package-lock.json
	cd $(EVIDENCE_DIR) && npm ci --prefer-offline --no-audit --no-fund

evidence-sources: $(EVIDENCE_INSTALLED) ## Evidence: query the published warehouse into its sources (bi/evidence)
	@test -f "$(DB)" || { echo "$(DB) not found: run make build first (Evidence reads the published warehouse)"; exit 1; }
	@mkdir -p $(EVIDENCE_LOGS)
	set -o pipefail; cd $(EVIDENCE_DIR) && EVIDENCE_SOURCE__market_sizing__filename="$(EVIDENCE_DB)" \
		npm run sources 2>&1 | tee $(CURDIR)/$(EVIDENCE_LOGS)/sources.log
	@! grep -n -E '$(EVIDENCE_ERRORS)' $(EVIDENCE_LOGS)/sources.log || { echo "Evidence sources failed: see $(EVIDENCE_LOGS)/sources.log"; exit 1; }

evidence: evidence-sources ## build the Evidence project (bi/evidence) offline; fails on any query error in its logs
	set -o pipefail; cd $(EVIDENCE_DIR) && npm run build:strict 2>&1 | tee $(CURDIR)/$(EVIDENCE_LOGS)/build.log
	@! grep -n -E '$(EVIDENCE_ERRORS)' $(EVIDENCE_LOGS)/build.log || { echo "Evidence build failed: see $(EVIDENCE_LOGS)/build.log"; exit 1; }
	@test -f $(EVIDENCE_DIR)/build/index.html || { echo "no $(EVIDENCE_DIR)/build/index.html"; exit 1; }

evidence-dev: evidence-sources ## the Evidence dev server on the published warehouse
	cd $(EVIDENCE_DIR) && npm run dev

test-evidence: evidence $(INSTALLED) ## build Evidence and check its pages against the marts in headless Chromium
	MARKET_SIZING_DB="$(DB)" $(BIN)/pytest -m evidence
