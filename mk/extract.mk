# Issue 6: from report text to proposed seed rows (see README, "Add a report in three steps").
#   make extract FILE=path/to/report.txt [PART=R2] [OUT=dir] [ARGS="--report-id x --prefix y"]
#   make eval-extract   precision and recall of the extractor on the labelled set
ifeq ($(.DEFAULT_GOAL),)
.DEFAULT_GOAL := help
endif

.PHONY: extract eval-extract

extract: $(INSTALLED)
	@test -n "$(FILE)" || { echo "usage: make extract FILE=path/to/report.txt [PART=R2] [OUT=dir] [ARGS=...]"; exit 2; }
	$(BIN)/python -m extractor "$(FILE)" $(if $(PART),--part $(PART)) $(if $(OUT),--out "$(OUT)") $(ARGS)

eval-extract: $(INSTALLED)
	$(BIN)/python -m extractor.evaluate
