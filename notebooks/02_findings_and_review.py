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
# # 2. Findings and review
#
# This notebook tests each clause against the provisions in the knowledge base: ICCPR
# articles 19 and 26 (with 21 and 22 where assemblies or associations are reached), the
# Constitution of Kazakhstan (1995, as amended) and the petitions chapter of the Administrative
# Procedural and Process-Related Code. Each test is a question a lawyer asks ("is the
# restriction provided by law with sufficient precision?", GC 34 para 25); each **finding**
# answers it for one clause, quotes the clause's words and cites the authorities.
#
# It supports legal analysis; it is not legal advice. **You** decide which findings stand: the
# last part of this notebook shows how to record that decision so that the brief reports it.

# %% tags=["parameters"]
input_path = "../data/petitions/kz-2024-lgbt-propaganda"
output_lang = "en"
as_of = None
out_dir = "../reports/kz-2024-lgbt-propaganda"
review_path = None

# %% [markdown]
# ## Step 1. Run the analysis
#
# This reads and annotates the text (as in notebook 1), applies the law in force on `as_of`
# (the text's own date unless you set it) and applies the review decisions already recorded.
# The analysis is saved in the output folder, so that notebook 3 writes the brief from it
# without running it again; notebook 3 runs it again by itself if the text, your review file,
# `as_of` or the knowledge base has changed since.

# %%
from IPython.display import Markdown, display

import nbview as nb  # display helpers beside the notebooks: tables and highlights, no analysis
from analysis.framework import load_kb
from analysis.report.cache import load_or_analyse
from analysis.report.parallel import prepare_brief

kb = load_kb()
loaded = load_or_analyse(input_path, out_dir, as_of=as_of, review=review_path, kb=kb)
analysis = loaded.analysis
prepare_brief(analysis, output_lang, kb)  # the brief's charts and PDF start in the background
display(Markdown(nb.summary_markdown(analysis)))

# %% [markdown]
# ## Step 2. The findings
#
# First the overview: for each provision, the worst status any clause reached. Then one row per
# finding raised, worst first (the tests checked and not raised are in `findings.csv` and the
# brief). **Status**: `conflict` (the clause, as worded, fails the test), `concern` (it may
# fail; more facts needed), `needs_review` (the tool could not decide), `compatible`,
# `not_engaged` (checked and not raised: a careful analysis says so too). **Confidence** is how
# sure the rules are about the *facts they saw*, not a legal probability.
# **What to check:** does the quoted evidence say what the rationale says? Is the authority on
# point? Is a thin text (an excerpt, a paraphrase) carrying more weight than it can?

# %%
display(nb.provisions_styler(analysis))

# %%
display(nb.findings_styler(analysis, lang=output_lang))

# %% [markdown]
# ## Step 3. Why: the findings on the instrument as a whole
#
# The reasons in full for the findings on the whole text (each sums up the clauses that raised
# it), with the clause's own words and the pinpoint citations (e.g.
# *CCPR/C/GC/34 para 25*). The verification level says how far each cited text can be trusted
# as the source's own words (`official`, `unofficial-translation`, `secondary-quote`,
# `summary`).

# %%
display(Markdown(nb.findings_markdown(analysis, lang=output_lang)))

# %% [markdown]
# ## Step 4. Charts
#
# The same findings in pictures: which provisions are in conflict, and which words in the
# text carry the findings. Notebook 3 writes them (PNG and SVG) to `charts/` in the output
# folder with the brief, ready for a presentation.

# %%
from analysis.report.parallel import brief_charts

charts = brief_charts(analysis, output_lang, kb)  # the brief's own charts, as PNG
nb.show_chart_images(charts)

# %% [markdown]
# ## Step 5. Record your review
#
# Your decisions live in a small text file, the **sidecar**: beside a file input it is named
# after it with `.review.yaml` added (`my-petition.docx.review.yaml`); for a folder such as
# `data/petitions/kz-2024-lgbt-propaganda` it is `review.yaml` inside the folder. The path for
# this input is printed below. The tool never edits it; you do, in any text editor. The cell below writes a *template* listing every finding into
# the output folder (it never overwrites your sidecar). Copy it to the sidecar path, then for
# each finding you have checked fill in:
#
# ```yaml
# decisions:
#   - finding: "item_1/iccpr/art_19__para_3#legality"   # the finding id from the table
#     decision: accept           # accept | reject | edit
#     reviewer: "Your Name"      # who decided (required)
#     date: 2024-08-01           # when, YYYY-MM-DD (required)
#     note: "Checked against GC 34 para 25."
#   - finding: "..."
#     decision: edit
#     reviewer: "Your Name"
#     date: 2024-08-01
#     status: concern            # for an edit: the status you give it
#     rationale: "Your own words replace the tool's rationale."
# ```
#
# Entries left without a decision are ignored. A mistake in the file (a wrong date, an unknown
# field, a second decision on the same finding) stops the run with the file, line and field
# named, and what to do.
#
# Run the notebooks again (or `make brief`): the brief shows each decision with your name and
# date; rejected findings are listed as rejected, not hidden. A decision whose finding no longer
# exists (because the text or the rules changed) is reported as *stale*, never dropped.

# %%
from analysis.review import write_review_template

template = write_review_template(analysis, nb.output_folder(out_dir) / "review-template.yaml")
display(Markdown(nb.review_instructions(analysis, template)))
