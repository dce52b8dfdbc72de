# The one entry point: `make test`, `make demo`, `make lint`, `make fmt`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export COLUMNS ?= 110

.PHONY: install test demo lint fmt clean bench fuzz

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
	@$(BIN)/gd report render --as-of 2020-11-30 --format html -o out/report-2020.html
	@$(BIN)/gd report render --as-of 2020-11-30 --format docx -o out/report-2020.docx
	@$(BIN)/gd checklist render --unit 县卫健局 --today 2020-11-20 --format docx -o out/checklist-health.docx
	@echo '$$ gd annual check --year 2020'
	@$(BIN)/gd annual check --year 2020
	@echo '$$ gd annual render --unit 县卫健局 --year 2020 | head -n 30'
	@$(BIN)/gd annual render --unit 县卫健局 --year 2020 | head -n 30
	@echo '  …'
	@$(BIN)/gd annual render --unit 县卫健局 --year 2020 --format docx -o out/annual-2020-health.docx
	@echo '$$ gd annual render --county --year 2020 --format docx -o out/annual-2020-county.docx'
	@$(BIN)/gd annual render --county --year 2020 --format docx -o out/annual-2020-county.docx
	@echo 'also written: out/report-2020.html, out/report-2020.docx, out/checklist-health.docx,'
	@echo '  out/annual-2020-health.docx, out/annual-2020-county.docx'

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

# Property tests on 10,000 generated examples each (make test runs a few hundred).
fuzz: $(STAMP)
	GD_FUZZ_EXAMPLES=10000 $(BIN)/python -m pytest tests/test_properties.py tests/plan/test_units.py tests/intake/test_phrases.py \
		tests/requests/test_register.py tests/requests/test_table3.py tests/workdays/test_calendar.py
