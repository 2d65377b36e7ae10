# The two commands of the README: `make brief` and `make test`. Both set everything up on a
# fresh machine and are quick and idempotent on a second run.
SHELL := /bin/bash
PYTHON_BOOT ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
INPUT ?= data/petitions/kz-2024-lgbt-propaganda
OUT ?= reports/kz-2024-lgbt-propaganda
LANG_OUT ?= en

.PHONY: setup sysdeps brief test check-sources clean bench

setup: sysdeps $(STAMP)

sysdeps:
	@bash scripts/system_deps.sh

$(STAMP): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON_BOOT) -m venv $(VENV)
	@echo "petition-lens: installing Python packages into $(VENV) (first run only)"
	@set -o pipefail; $(PY) -m pip install -q --disable-pip-version-check -r requirements.txt 2>&1 | { grep -v "is ignored: it is neither" || true; }
	@$(PY) -c "import os, site; open(os.path.join(site.getsitepackages()[0], 'petition_lens.pth'), 'w').write(os.getcwd() + '\n')"
	@$(PY) -m ipykernel install --prefix $(VENV) --name python3 >/dev/null
	@touch $(STAMP)

check-sources: setup
	@$(PY) -m analysis check-sources

brief: setup
	@$(PY) -m analysis check-sources
	@$(PY) scripts/run_brief.py --input $(INPUT) --out $(OUT) --lang $(LANG_OUT)

test: setup
	@$(PY) -m pytest --nbmake tests notebooks

bench: setup
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) reports .pytest_cache
