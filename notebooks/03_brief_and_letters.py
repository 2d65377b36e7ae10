# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 3. The brief and the letters
#
# This notebook writes the brief in every format from the same findings: HTML (open it in a
# browser), PDF (the HTML printed), Word (each finding as a comment on its clause, so a
# colleague can answer in Word), Markdown, the findings as CSV (for a spreadsheet) and JSON
# (for another program), the charts and the letters.
#
# The brief follows the structure of published legal analyses of Kazakh draft laws: executive
# summary, scope, findings clause by clause, recommendations, an annex with the annotated text
# and the sources with their verification levels, and a provenance footer (input checksum,
# knowledge-base version, date of the law applied).
#
# It supports legal analysis; it is not legal advice. Read it before you send or publish it.

# %% tags=["parameters"]
input_path = "../data/petitions/kz-2024-lgbt-propaganda"
output_lang = "en"
as_of = None
out_dir = "../reports/kz-2024-lgbt-propaganda"
review_path = None

# %% [markdown]
# ## Step 1. Analyse (with your review decisions) and write every file
#
# The analysis notebook 2 saved is used when it still fits: same text, same review decisions,
# same `as_of`, same knowledge base (the line below says which). Otherwise it runs again here.
# The charts and the PDF are drawn in two background processes (started by notebook 2 when
# you run the notebooks in turn) while this one writes the other files.

# %%
from IPython.display import Markdown, display

import nbview as nb  # display helpers beside the notebooks: tables and highlights, no analysis
from analysis.framework import load_kb
from analysis.report import export_brief
from analysis.report.cache import load_or_analyse
from analysis.report.parallel import shared_workers, start_workers

start_workers()  # the chart and PDF workers (those notebook 2 started, if it ran just before)
kb = load_kb()
loaded = load_or_analyse(input_path, out_dir, as_of=as_of, review=review_path, kb=kb)
analysis = loaded.analysis
worker = shared_workers(analysis, output_lang, kb)  # new ones if the analysis has changed
try:
    files = export_brief(analysis, out_dir, lang=output_lang, kb=kb, worker=worker)
finally:
    worker.close()
display(Markdown(nb.analysis_reuse_note(loaded)))
display(nb.files_table(files))

# %% [markdown]
# ## Step 2. Read the executive summary
#
# **Check** before you use the brief: the scope says which text and which version of the law
# were analysed, and how complete the text was. If you have a fuller or official text, replace
# the input (see the README in its folder) and run again.

# %%
display(Markdown(nb.brief_summary(files)))

# %% [markdown]
# ## Step 3. The letters
#
# Drafts built from the findings: a complaint to the ministry that received the petition, and a
# letter to a member of parliament or a foreign ministry. Sender details are left as
# `[placeholders]`: fill them in, and cut what you cannot stand behind.

# %%
display(Markdown(nb.letters_markdown(files)))

# %% [markdown]
# **How to cite the brief:** see the provenance footer at the end of `brief.html`; it names the
# input's checksum, the knowledge-base version and the date of the law applied, so that anyone
# can reproduce it with the same command.
