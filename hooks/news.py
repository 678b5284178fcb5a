"""MkDocs hook: the Atom feed (feed.xml) of newsletter posts and data release notes, linked from every page.

Glue only: fokus_pi.feed writes the feed from plain entries. The file is registered early (so links to it are
valid in strict mode) and filled once all pages are read, when titles, dates and final URLs are known."""

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from fokus_pi.feed import FEED_NAME, Entry, as_date, atom, plain

try:  # newsletter posts are the blog plugin's Post pages
    from material.plugins.blog.structure import Post
except ImportError:  # pragma: no cover - Material without the blog plugin
    Post = ()


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, FEED_NAME, content=""))
    return files


def on_env(env, config: MkDocsConfig, files: Files):
    entries = []
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        post = isinstance(page, Post) if Post else False
        if not post and not page.meta.get("fokus_feed"):
            continue
        day = page.config.date.created.date() if post else as_date(page.meta.get("date"))
        if day is None:
            continue
        summary = page.meta.get("description") or plain(page.content or "")
        entries.append(Entry(page.title or file.name, page.url, day, str(summary),
                             "Newsletter" if post else "Neue Daten"))
    kreis = config.extra.get("fokus", {}).get("kreis", "")
    feed = files.get_file_from_path(FEED_NAME)
    feed.content_string = atom(entries, f"{config.site_name}: Newsletter und neue Daten",
                               "Newsletter der Sozialplanung und Hinweise auf neue Datenstände",
                               f"{kreis} – Sozialplanung".strip(" –"), config.site_url or None)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    href = get_relative_url(FEED_NAME, page.url)
    link = f'<link rel="alternate" type="application/atom+xml" title="Newsletter und neue Daten" href="{href}">'
    return output.replace("</head>", link + "</head>", 1)
