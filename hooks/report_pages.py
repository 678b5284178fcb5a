"""MkDocs hook: add the generated report pages (indicators, Gemeinden, Handlungsfelder) in memory.

Glue only; the logic lives in fokus_pi and is tested without MkDocs."""

from fokus_pi.mkdocs_adapter import on_build_error, on_config, on_files, on_post_page  # noqa: F401  (MkDocs looks these names up)
