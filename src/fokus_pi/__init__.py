"""fokus-pi: build a county's digital social report from versioned data snapshots.

The package is engine-neutral: :func:`fokus_pi.report.load_report` gives the derived model and
:func:`fokus_pi.pages.plan_pages` the generated pages as Markdown, so MkDocs (via ``hooks/``) or any
other static site engine only needs a thin adapter.
"""

import os

__version__ = "0.1.0"

# No transparent huge pages for Arrow's allocator (mimalloc) and NumPy's large arrays. Both ask the kernel for
# them (madvise), and under the kernel's default defrag setting (madvise) it then compacts memory and zeroes
# 2 MB at a time inside the page fault of the first touch: stalls of 0.1-0.25 s when Arrow split the demo's
# newest value table (0.01 s without); a demo rebuild 3.3 -> 2.9 s, a Land 75-78 -> 58-66 s (BENCHMARKS.md).
# Set here, before either library is imported by this package, and only where the variables are not set
# already, so an operator can turn them on again.
for _name in ("MIMALLOC_ALLOW_THP", "NUMPY_MADVISE_HUGEPAGE"):
    os.environ.setdefault(_name, "0")
