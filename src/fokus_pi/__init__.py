"""fokus-pi: build a county's digital social report from versioned data snapshots.

The package is engine-neutral: :func:`fokus_pi.report.load_report` gives the derived model and
:func:`fokus_pi.pages.plan_pages` the generated pages as Markdown, so MkDocs (via ``hooks/``) or any
other static site engine only needs a thin adapter.
"""

__version__ = "0.1.0"
