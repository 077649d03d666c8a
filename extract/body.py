"""Article body extraction: title, text, date and language of one page. The one place that calls trafilatura."""

from __future__ import annotations

from copy import deepcopy

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Extractor
from trafilatura.utils import load_html

from extract import page_patterns as pp
from extract.cleanup import CleanupRule, clean_tree, filter_lines, first_h1, normalise_space, rule_for_url
from extract.dates import find_published, json_ld_objects
from extract.language import detect_language
from extract.models import Body

# Bump when a rule change alters output, so stored rows can be re-extracted (`retag`).
BODY_RULES_VERSION = "1"
EXTRACTOR_VERSION = f"body/{BODY_RULES_VERSION} trafilatura/{trafilatura.__version__}"

# The one set of trafilatura options (architecture.md §7.5). Comments off: they leak into the main text
# (reliability.md finding 5); tables on: programme lists on embassy pages are tables.
EXTRACTION_OPTIONS = Extractor(output_format="txt", comments=False, tables=True, links=False, images=False)

# trafilatura's cost grows faster than input size (80,000 paragraphs: 12.6 s), so bigger pages are refused.
MAX_HTML_CHARS = 2_000_000
# Below this many characters the "article" is a menu or a label (trafilatura returns whatever text it finds).
MIN_BODY_CHARS = 40


class PageTooLarge(ValueError):
    """The HTML is bigger than MAX_HTML_CHARS; the caller stores status `too_large`."""


class NotHtml(ValueError):
    """The text is not an HTML document; the caller stores status `not_html`."""


def parse_html(html: str) -> HtmlElement | None:
    """Return the parsed document, or None when the text is not HTML."""
    html = html.replace("\x00", "")  # lxml refuses NUL characters; they never carry text
    if not pp.HTML_TAG.search(html[:4096]):
        return None
    return load_html(pp.XML_DECLARATION.sub("", html, count=1))


def strip_title_suffix(title: str) -> str:
    """Return an og:title/<title> without the " - Section - TASS" suffix."""
    return pp.TASS_TITLE_SUFFIX.sub("", title).strip()


def meta_content(tree: HtmlElement, prop: str) -> str | None:
    """Return the content of `<meta property=prop>` (or name=prop)."""
    for meta in tree.iter("meta"):
        if prop in (meta.get("property"), meta.get("name")):
            content = meta.get("content")
            return str(content) if content is not None else None
    return None


def find_title(tree: HtmlElement) -> str | None:
    """Return the H1, else JSON-LD headline, else og:title or <title> without a site suffix."""
    if (h1 := first_h1(tree)) is not None:
        return normalise_space(h1.text_content())
    for obj in json_ld_objects(tree):
        if isinstance(headline := obj.get("headline"), str) and headline.strip():
            return normalise_space(headline)
    head_title = tree.find(".//title")
    for candidate in (
        meta_content(tree, "og:title"),
        head_title.text_content() if head_title is not None else None,
    ):
        if candidate and (title := strip_title_suffix(normalise_space(candidate))):
            return title
    return None


def extract_text(tree: HtmlElement, rule: CleanupRule | None, title: str | None) -> str:
    """Return the article text of a (copied) tree: source cleanup, trafilatura, then the line filter."""
    if rule is not None:
        clean_tree(tree, rule)
    text = trafilatura.extract(tree, options=EXTRACTION_OPTIONS) or ""
    return filter_lines(text, rule, title)


def extract_body(html: str, url: str) -> Body | None:
    """Return the title, text, date and language of an article page, or None when it has no article text.

    Raises PageTooLarge for HTML over MAX_HTML_CHARS and NotHtml for text that is not HTML.
    """
    if len(html) > MAX_HTML_CHARS:
        raise PageTooLarge(
            f"{url}: {len(html):,} characters of HTML is over the {MAX_HTML_CHARS:,} limit; "
            "check that this URL is an article page (raise extract.body.MAX_HTML_CHARS only if it is)"
        )
    tree = parse_html(html)
    if tree is None:
        raise NotHtml(
            f"{url}: the response is not an HTML document an HTML parser can read; only HTML pages are articles"
        )
    rule = rule_for_url(url)
    title = find_title(tree)
    found = find_published(tree, url, rule.source if rule else None)
    text = extract_text(deepcopy(tree), rule, title)  # the copy: dates and language read the untouched tree
    if len(text) < MIN_BODY_CHARS:
        return None
    published, date_rule = found if found else (None, None)
    return Body(title=title, text=text, published=published, date_rule=date_rule,
                language=detect_language(tree, text))  # fmt: skip
