"""MkDocs hook: expand the figure macros ({{ wert(...) }}) in hand-written pages and in the Handlungsfeld texts.

Glue only: parsing and expansion live in fokus_pi.macros and are tested without MkDocs. Problems of all pages are
collected and fail the build together (DataError), each as content/<file>.md:line:column."""

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from fokus_pi.macros import Library, expand
from fokus_pi.mkdocs_adapter import report_for
from fokus_pi.pages.fieldinfo import check_texts
from fokus_pi.problems import Collector, DataError

_found = Collector()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _found.problems.clear()
    check_texts(report_for(config)).raise_if_any()
    return config


def _where(page: Page, markdown: str, config: MkDocsConfig) -> tuple[str, int]:
    """The page's path from the project folder and the source line where ``markdown`` begins (after front matter)."""
    root = Path(config.config_file_path).parent.resolve()
    source = Path(page.file.abs_src_path).resolve()
    path = str(source.relative_to(root)) if source.is_relative_to(root) else str(source)
    text = page.file.content_string
    first = text.count("\n", 0, len(text) - len(markdown)) + 1 if text.endswith(markdown) else 1
    return path, first


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by is not None or "{{" not in markdown:
        return markdown
    path, first = _where(page, markdown, config)
    base = get_relative_url("x", page.url)[:-1]
    library = Library(report_for(config), base=base, docs_dir=Path(config.docs_dir))
    return expand(markdown, library, path, _found, first_line=first)


def on_env(env, config: MkDocsConfig, files: Files):
    # runs after every page's Markdown was read: now all macro problems are known. A DataError (not a
    # PluginError, which MkDocs only logs) reaches `fokus build`, which prints each problem as path:line:column.
    if _found.problems:
        problems, _found.problems = list(_found.problems), []
        raise DataError(problems)
    return env
