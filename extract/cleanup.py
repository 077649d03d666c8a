"""Per-source removal of page chrome that trafilatura keeps: rules as data keyed by host, applied to the tree
before extraction and to the text lines after it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from re import Pattern
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from extract import page_patterns as pp


@dataclass(frozen=True)
class CleanupRule:
    """How one source's chrome is removed: structural tree edits first, then a small line filter."""

    source: str
    cut_before_h1: bool = False  # site header, breadcrumbs and duplicate title all precede the H1
    drop_h1: bool = False  # the H1 is the title, which the gold body does not repeat
    drop_lines: tuple[Pattern[str], ...] = ()  # an element or text line whose whole text matches is chrome
    stop_line: Pattern[str] | None = None  # this line and everything after it is signature/related/sidebar
    drop_class_tokens: tuple[str, ...] = ()  # elements whose class contains a token are ads or teasers


# Russkiy Mir: class names are unknown (sources.md §1.8), so everything is anchored on the H1 and on text.
RUSSKIYMIR = CleanupRule(
    source="russkiymir",
    cut_before_h1=True,
    drop_h1=True,
    drop_lines=(pp.RM_SELECT_LANGUAGE, pp.RM_BREADCRUMB, pp.RM_PHOTO_CREDIT, pp.DMY_DATE_LINE,
                pp.RM_CALENDAR, pp.RM_SELECT_DATE),
    stop_line=pp.RM_STOP_LINE,
)  # fmt: skip
EMBASSY = CleanupRule(
    source="embassy",
    cut_before_h1=True,
    drop_h1=True,
    drop_lines=(pp.EMB_HEADER_LINE, pp.EMB_DATE_LINE, pp.EMB_FOOTER_LINE),
    stop_line=pp.EMB_STOP_LINE,
)
TASS = CleanupRule(
    source="tass",
    cut_before_h1=True,
    drop_h1=True,
    drop_lines=(pp.TASS_CHROME_LINE,),
    drop_class_tokens=pp.TASS_DROP_CLASS_TOKENS,
)

# Every host a source is served under (sources.md §1.1, §2.1, §3); "www." is stripped before lookup.
RULES_BY_HOST: dict[str, CleanupRule] = {
    "russkiymir.ru": RUSSKIYMIR,
    "mail.russkiymir.ru": RUSSKIYMIR,
    "xn--h1aaccmufcas.xn--p1ai": RUSSKIYMIR,
    "washington.mid.ru": EMBASSY,
    "russianembassy.org": EMBASSY,
    "tass.com": TASS,
    "tass.ru": TASS,
}

# Inline elements: an element made only of these (plus text) is one visual line of the page.
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "img", "kbd", "mark",
     "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "dateformat"}
)  # fmt: skip
MAX_LINE_CHARS = 300  # chrome lines are short; never judge a long block by a line pattern


def rule_for_url(url: str) -> CleanupRule | None:
    """Return the cleanup rule for the URL's host, or None for a source we have no rules for."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    return RULES_BY_HOST.get(host)


def normalise_space(text: str) -> str:
    """Return text with whitespace runs collapsed to one space and the ends stripped."""
    return " ".join(text.split())


def first_h1(tree: HtmlElement) -> HtmlElement | None:
    """Return the first H1 that has text, the article title on every source we know."""
    for h1 in tree.iter("h1"):
        if normalise_space(h1.text_content()):
            return h1
    return None


def is_line_element(el: HtmlElement) -> bool:
    """Return True when the element holds only inline content, so its text is one line on the page."""
    return all(isinstance(d.tag, str) and d.tag in INLINE_TAGS for d in el.iterdescendants())


def iter_text_chunks(tree: HtmlElement, start: HtmlElement | None = None) -> Iterator[str]:
    """Yield stripped text nodes in document order, beginning after `start` when given."""
    started = start is None
    for el in tree.iter():
        if el is start:
            started = True
            chunk = (start.tail or "").strip() if start is not None else ""  # skip the start element's own text, e.g. the H1 title
            if chunk:
                yield chunk
            continue
        if not started or not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        for part in (el.text, el.tail):
            if part and part.strip():
                yield part.strip()


def remove_before(node: HtmlElement) -> None:
    """Remove everything that precedes `node` in document order inside <body>, ancestors excepted."""
    cur = node
    while cur.tag not in ("body", "html") and (parent := cur.getparent()) is not None:
        for sib in list(cur.itersiblings(preceding=True)):
            parent.remove(sib)  # `remove` drops the sibling's tail too: that text precedes `node` as well
        parent.text = None
        cur = parent


def remove_from(node: HtmlElement) -> None:
    """Remove `node` and everything after it in document order inside <body>."""
    cur = node
    while cur.tag not in ("body", "html") and (parent := cur.getparent()) is not None:
        for sib in list(cur.itersiblings()):
            parent.remove(sib)
        cur.tail = None
        cur = parent
    if (parent := node.getparent()) is not None:
        parent.remove(node)


def matches_any(text: str, patterns: tuple[Pattern[str], ...]) -> bool:
    """Return True when one of the patterns matches the text."""
    return any(p.search(text) for p in patterns)


def drop_line_elements(root: HtmlElement, patterns: tuple[Pattern[str], ...]) -> None:
    """Drop the outermost one-line elements whose whole text matches a chrome pattern, keeping tails."""
    stack = [root]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str):
            continue
        text = normalise_space(el.text_content())
        if (
            el is not root
            and len(text) <= MAX_LINE_CHARS
            and is_line_element(el)
            and matches_any(text, patterns)
        ):
            el.drop_tree()  # keeps el.tail, which may be body text
            continue
        stack.extend(reversed(list(el)))


def find_stop_element(root: HtmlElement, stop: Pattern[str], after: HtmlElement | None) -> HtmlElement | None:
    """Return the first one-line element after `after` whose whole text is a stop marker."""
    started = after is None
    for el in root.iter():
        if el is after:
            started = True
            continue
        if started and isinstance(el.tag, str) and is_line_element(el):
            text = normalise_space(el.text_content())
            if text and len(text) <= MAX_LINE_CHARS and stop.match(text):
                return el
    return None


def drop_by_class(root: HtmlElement, tokens: tuple[str, ...]) -> None:
    """Drop every element whose class attribute contains one of the tokens (ads, recommendations)."""
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str) and any(t in (el.get("class") or "") for t in tokens)
    ]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


def clean_tree(tree: HtmlElement, rule: CleanupRule) -> None:
    """Apply a source rule to the tree in place: class drops, the H1 cut, the stop cut, chrome lines."""
    body = tree.find("body")
    root = body if body is not None else tree
    if rule.drop_class_tokens:
        drop_by_class(root, rule.drop_class_tokens)
    h1 = first_h1(root)
    if rule.stop_line is not None and (stop := find_stop_element(root, rule.stop_line, h1)) is not None:
        remove_from(stop)
    if h1 is not None and rule.cut_before_h1:
        remove_before(h1)
    if h1 is not None and rule.drop_h1 and h1.getparent() is not None:
        h1.drop_tree()
    if rule.drop_lines:
        drop_line_elements(root, rule.drop_lines)


def filter_lines(text: str, rule: CleanupRule | None, title: str | None) -> str:
    """Return the extracted text without chrome lines, title repeats and anything after a stop line."""
    kept: list[str] = []
    norm_title = normalise_space(title) if title else None
    for raw in text.splitlines():
        line = normalise_space(raw)
        if not line:
            continue
        if norm_title and line == norm_title:
            continue  # the title is Body.title; a repeat in the text is chrome on every source
        if rule is not None and rule.stop_line is not None and rule.stop_line.match(line):
            break
        if rule is not None and len(line) <= MAX_LINE_CHARS and matches_any(line, rule.drop_lines):
            continue
        kept.append(line)
    return "\n".join(kept)
