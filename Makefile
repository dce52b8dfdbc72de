# The one entry point: `make test`, `make demo`, `make lint`, `make fmt`, `make docs-check`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export COLUMNS ?= 110

.PHONY: install test demo lint fmt clean bench fuzz docs-check

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -c 'import sys; assert sys.version_info >= (3, 11), "gd needs Python >= 3.11"'
	$(BIN)/python -m pip install -q --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

test: $(STAMP)
	$(BIN)/python -m pytest

demo: $(STAMP)
	@echo '$$ gd validate'
	@$(BIN)/gd validate
	@echo
	@echo '$$ gd tasks --unit 县卫健局'
	@$(BIN)/gd tasks --unit 县卫健局
	@echo '$$ gd due --before 2020-11-30 --today 2020-10-08'
	@$(BIN)/gd due --before 2020-11-30 --today 2020-10-08
	@echo '$$ gd due --unit 县卫健局 --today 2020-11-20'
	@$(BIN)/gd due --unit 县卫健局 --today 2020-11-20
	@echo '$$ gd progress show --unit 县卫健局'
	@$(BIN)/gd progress show --unit 县卫健局
	@echo '$$ gd progress show'
	@$(BIN)/gd progress show
	@echo '$$ gd workdays add 2020-09-25 20    # 20 working days after a request received on Friday 25 September'
	@$(BIN)/gd workdays add 2020-09-25 20
	@echo '$$ gd requests show health-2020-001 --today 2020-11-30'
	@$(BIN)/gd requests show health-2020-001 --today 2020-11-30
	@echo '$$ gd requests due --today 2020-11-20'
	@$(BIN)/gd requests due --today 2020-11-20
	@echo '$$ gd report render --as-of 2020-11-30 | head -n 40'
	@$(BIN)/gd report render --as-of 2020-11-30 | head -n 40
	@echo '  …'
	@echo '$$ gd report render --as-of 2020-11-30 --format docx --script simplified -o out/report-2020.docx'
	@$(BIN)/gd report render --as-of 2020-11-30 --format docx --script simplified -o out/report-2020.docx
	@echo '$$ gd report render --as-of 2020-11-30 --format html -o out/report-2020.html'
	@$(BIN)/gd report render --as-of 2020-11-30 --format html -o out/report-2020.html
	@echo '$$ gd checklist render --unit 县卫健局 --today 2020-11-20 --format docx --script simplified -o out/checklist-health.docx'
	@$(BIN)/gd checklist render --unit 县卫健局 --today 2020-11-20 --format docx --script simplified -o out/checklist-health.docx
	@echo '$$ gd report render --unit 县卫健局 --as-of 2020-11-30 -o out/report-health.md'
	@$(BIN)/gd report render --unit 县卫健局 --as-of 2020-11-30 -o out/report-health.md
	@echo '$$ gd plan render --format docx -o out/notice-2020.docx    # the plan as the notice that issues it'
	@$(BIN)/gd plan render --format docx -o out/notice-2020.docx
	@echo '$$ gd import out/notice-2020.docx --force -o out/notice-2020-read-back.yaml    # and read back'
	@$(BIN)/gd import out/notice-2020.docx --force -o out/notice-2020-read-back.yaml
	@echo '$$ gd annual check --year 2020'
	@$(BIN)/gd annual check --year 2020
	@echo '$$ gd annual render --unit 县卫健局 --year 2020 | head -n 30'
	@$(BIN)/gd annual render --unit 县卫健局 --year 2020 | head -n 30
	@echo '  …'
	@echo '$$ gd annual render --county --year 2020 --format docx -o out/annual-2020-county.docx'
	@$(BIN)/gd annual render --unit 县卫健局 --year 2020 --format docx -o out/annual-2020-health.docx
	@$(BIN)/gd annual render --county --year 2020 --format docx -o out/annual-2020-county.docx
	@echo '$$ gd export --format sqlite -o out/plan-2020.sqlite    # for SQL: docs/export.md'
	@$(BIN)/gd export --format sqlite -o out/plan-2020.sqlite
	@echo '$$ gd export --format xlsx -o out/plan-2020.xlsx    # for Excel and WPS'
	@$(BIN)/gd export --format xlsx -o out/plan-2020.xlsx
	@echo 'also written: out/report-2020.html, out/report-2020.docx, out/checklist-health.docx,'
	@echo '  out/report-health.md, out/notice-2020.docx, out/annual-2020-health.docx, out/annual-2020-county.docx,'
	@echo '  out/plan-2020.sqlite, out/plan-2020.xlsx'

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks
	$(BIN)/ruff format --check src tests scripts benchmarks
	$(BIN)/mypy

fmt: $(STAMP)
	$(BIN)/ruff format src tests scripts benchmarks
	$(BIN)/ruff check --fix src tests scripts benchmarks

clean:
	rm -rf $(VENV) .pytest_cache build dist

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# Every Word document gd writes, converted to PDF by LibreOffice and checked page by page
# (tests/documents/test_pdf_output.py); the PDFs and a PNG of each page go to out/docs-check/.
SOFFICE ?= soffice
docs-check: $(STAMP)
	@if command -v $(SOFFICE) >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1; then \
		rm -rf out/docs-check; \
		GD_DOCS_CHECK=$(CURDIR)/out/docs-check $(BIN)/python -m pytest tests/documents/test_pdf_output.py \
			&& echo "PDFs and page images: out/docs-check/"; \
	else \
		echo "LibreOffice not installed: skipped (apt-get install libreoffice-writer poppler-utils fonts-noto-cjk)"; \
	fi

# Property tests on 10,000 generated examples each (make test runs a few hundred).
fuzz: $(STAMP)
	GD_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_properties.py tests/plan/test_units.py tests/intake/test_phrases.py \
		tests/requests/test_register.py tests/requests/test_table3.py tests/workdays/test_calendar.py tests/test_dates.py
