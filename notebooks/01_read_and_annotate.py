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
# # 1. Read and annotate a text
#
# This notebook is the first of three. It reads a petition, bill or law, splits it into
# clauses and marks the words that matter legally: restriction **measures** (ban, restrict,
# block), **penalties**, the **expression** restricted (propaganda, information, events), the
# **channels** (media, internet, schools), the **groups** targeted, the **aims** stated
# (children, morals, "traditional values"), **vague** terms and **protective** language.
#
# It supports legal analysis; it is not legal advice. Every highlight is a suggestion for you to
# check against the text.
#
# **How to use it.** Run the cells from top to bottom (menu *Run → Run All Cells*). To analyse
# another text, change `input_path` in the next cell to your file (`.txt`, `.md`, `.docx`,
# `.html` or `.pdf`, in Russian, Kazakh, Ukrainian or English) and run everything again.
#
# | parameter | what it means |
# |---|---|
# | `input_path` | the text to analyse: a bundled folder (`data/petitions/<name>`) or your file |
# | `output_lang` | language of the brief: `en` or `ru` |
# | `as_of` | the date whose law applies, `"YYYY-MM-DD"`; `None` = the text's own date |
# | `out_dir` | where the brief and its files are written |
# | `review_path` | your review decisions (see notebook 2); `None` = the file beside the input, if any |

# %% tags=["parameters"]
input_path = "../data/petitions/kz-2024-lgbt-propaganda"
output_lang = "en"
as_of = None
out_dir = "../reports/kz-2024-lgbt-propaganda"
review_path = None

# %% [markdown]
# ## Step 1. Read the document
#
# The reader accepts most encodings and formats. For a bundled folder it reads `text.md`: the
# part between the `---` lines is the *metadata* (who, when, where, how complete), the rest is
# the text. **Check** that the title, kind (petition / bill / law) and date are right: the date
# decides which version of the law applies.

# %%
from IPython.display import HTML, Markdown, display

import nbview as nb  # display helpers beside the notebooks: tables and highlights, no analysis
from analysis.report.parallel import start_workers
from analysis.text import read_document

start_workers()  # two background processes get the chart and PDF tools ready (notebooks 2-3)

document = read_document(input_path)
display(nb.metadata_table(document))

# %% [markdown]
# **Completeness.** If the metadata says `excerpt` or `quoted-fragments`, the analysis sees only
# part of the text (or other people's quotes of it). The findings then say what the parts we
# have would do; they cannot clear the parts we do not have.

# %%
display(Markdown(nb.completeness_note(document)))

# %% [markdown]
# ## Step 2. Split into clauses and mark the words that matter
#
# Each clause gets a stable id (`title`, `item_1`, `p_3`...) that the findings and the brief
# cite. Parts in a language we do not analyse are listed, not silently dropped.

# %%
from analysis.nlp import annotate

annotated = annotate(document)
display(nb.clauses_table(annotated))
display(Markdown(nb.skipped_note(annotated)))

# %% [markdown]
# ## Step 3. Read the highlights
#
# Colours show what each marked word is (the legend is at the top). **Check** each highlight:
# is a "measure" really a restriction here? Is a word marked "vague" really left undefined?
# A wrong highlight leads to a wrong finding; you will record your decision on each finding in
# notebook 2.

# %%
display(HTML(nb.highlights_html(annotated)))

# %% [markdown]
# ## Step 4. The marked words as a table
#
# One row per marked word: clause, label, concept (the language-independent meaning the
# reasoning uses) and whether it is negated («не запрещается» is not a ban).

# %%
display(nb.spans_table(annotated))

# %% [markdown]
# **Next:** notebook `02_findings_and_review` tests the clauses against the ICCPR, the
# Constitution and the petitions law, and shows how to record your review.
