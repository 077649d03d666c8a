"""The database shape: numbered migrations (tables) plus an idempotent `ensure_db_shape` (FTS, views)."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("twinwatch")

# Full-text index over article_text(title, body) as an FTS5 *external content* table kept current by
# sqlite-utils' triggers: the text is stored once (a copy-holding FTS table was 40% of the file in
# bench/bench_store.py), and the delete trigger feeds FTS the exact old values it indexed.
FTS_TABLE = "article_text_fts"
FTS_COLUMNS = ("title", "body")
FTS_TOKENIZE = "unicode61 remove_diacritics 2"  # case-folds Cyrillic and Latin; no stemming (ru + en)
FTS_TRIGGERS = ("article_text_ai", "article_text_ad", "article_text_au")

VIEWS: dict[str, str] = {
    "pairs_view": """
        SELECT pairs.id, pairs.a, pairs.a_country, pairs.b, pairs.b_country, pairs.level, pairs.relation,
               pairs.status, pairs.explicit, pairs.known, pairs.evidence,
               articles.id AS article_id, articles.title, articles.url, articles.published,
               articles.source, articles.language
        FROM pairs JOIN articles ON articles.id = pairs.article_id""",
    "source_health": """
        SELECT run_sources.run_id, runs.started, runs.status AS run_status, run_sources.source,
               run_sources.requests, run_sources.status_counts, run_sources.articles_seen,
               run_sources.articles_new, run_sources.articles_updated, run_sources.pairs,
               run_sources.errors, run_sources.blocked, run_sources.duration_s,
               run_sources.flagged, run_sources.flag_reason
        FROM run_sources JOIN runs ON runs.id = run_sources.run_id
        ORDER BY run_sources.run_id DESC, run_sources.source""",
}

INDEXES: dict[str, list[str]] = {
    "articles": ["source", "published", "language", "extraction_status", "last_seen"],
    "pairs": ["article_id", "a_country", "b_country", "relation"],
    "run_sources": ["source"],
}


@MIGRATIONS()
def m001_articles(db: Database) -> None:
    """Create `articles` (short columns only) and `article_text` (the body, kept out of browsed pages)."""
    db.table("articles").create(
        {
            "id": int,
            "url": str,
            "source": str,
            "title": str,
            "published": str,
            "language": str,
            "date_rule": str,
            "listing_date": str,
            "extraction_status": str,
            "n_pairs": int,
            "text_sha": str,
            "content_hash": str,
            "extractor_version": str,
            "tagger_version": str,
            "first_seen": str,
            "last_seen": str,
            "last_changed": str,
        },
        pk="id",
        not_null=["url", "source", "extraction_status", "n_pairs", "content_hash", "first_seen", "last_seen"],
    )
    db.table("articles").create_index(["url"], unique=True)
    db.table("article_text").create(
        {"article_id": int, "body": str},
        pk="article_id",
        not_null=["body"],
        foreign_keys=[("article_id", "articles", "id")],
    )


@MIGRATIONS()
def m002_pages(db: Database) -> None:
    """Create `pages`: the raw response, zlib-compressed, so extraction can re-run offline."""
    db.table("pages").create(
        {
            "article_id": int,
            "fetched_url": str,
            "fetched_at": str,
            "http_status": int,
            "encoding": str,
            "content_type": str,
            "listing_json": str,
            "raw_size": int,
            "raw_sha": str,
            "raw_gz": bytes,
        },
        pk="article_id",
        not_null=["raw_sha", "raw_gz", "encoding"],
        foreign_keys=[("article_id", "articles", "id")],
    )


@MIGRATIONS()
def m003_pairs(db: Database) -> None:
    """Create `pairs`: one row per place pair per article, id = content hash."""
    db.table("pairs").create(
        {
            "id": str,
            "article_id": int,
            "a": str,
            "a_country": str,
            "b": str,
            "b_country": str,
            "level": str,
            "relation": str,
            "status": str,
            "explicit": int,
            "known": int,
            "evidence": str,
            "evidence_start": int,
            "evidence_end": int,
        },
        pk="id",
        not_null=["article_id", "a", "a_country", "b", "b_country", "relation", "explicit", "known"],
        foreign_keys=[("article_id", "articles", "id")],
    )


@MIGRATIONS()
def m004_runs(db: Database) -> None:
    """Create `runs` (one row per crawl) and `run_sources` (per run and source health)."""
    db.table("runs").create(
        {
            "id": int,
            "started": str,
            "finished": str,
            "status": str,
            "sources": str,
            "args": str,
            "requests": int,
            "articles_seen": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "pairs": int,
            "errors": int,
            "blocked_hosts": str,
            "duration_s": float,
            "health_flags": str,
            "message": str,
        },
        pk="id",
        not_null=["started", "status"],
    )
    db.table("run_sources").create(
        {
            "run_id": int,
            "source": str,
            "requests": int,
            "status_counts": str,
            "articles_seen": int,
            "articles_new": int,
            "articles_updated": int,
            "articles_unchanged": int,
            "pairs": int,
            "errors": int,
            "blocked": str,
            "duration_s": float,
            "flagged": int,
            "flag_reason": str,
        },
        pk=("run_id", "source"),
        foreign_keys=[("run_id", "runs", "id")],
    )


@MIGRATIONS()
def m005_fts_external_content(db: Database) -> None:
    """Index title + body from `article_text` (title copied there) instead of a separate text copy."""
    db.table("article_text").add_column("title", str)
    db.execute("UPDATE article_text SET title = (SELECT title FROM articles WHERE articles.id = article_id)")
    db.execute("DROP TABLE IF EXISTS articles_fts")  # the copy-holding index of earlier versions


@MIGRATIONS()
def m006_dead_links(db: Database) -> None:
    """Create `dead_links`: listed article URLs that answered 404/410, so later runs do not ask again."""
    db.table("dead_links").create(
        {"url": str, "source": str, "http_status": int, "first_seen": str, "last_checked": str},
        pk="url",
        not_null=["source", "http_status", "first_seen", "last_checked"],
    )


def apply_migrations(db: Database) -> list[str]:
    """Apply pending migrations and return the names applied (empty on an up-to-date database)."""
    pending = [m.name for m in MIGRATIONS.pending(db)]
    MIGRATIONS.apply(db)
    return pending


def ensure_db_shape(db: Database) -> None:
    """Create the FTS table, indexes and views if missing; safe to call on every start."""
    with db.atomic():
        if not db[FTS_TABLE].exists():
            for trigger in FTS_TRIGGERS:  # triggers left without their index would fail every save
                db.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            # enable_fts also indexes the rows already there, so a dropped index comes back whole.
            db.table("article_text").enable_fts(FTS_COLUMNS, create_triggers=True, tokenize=FTS_TOKENIZE)
        for table, columns in INDEXES.items():
            for column in columns:
                db.table(table).create_index([column], if_not_exists=True)
        for name, sql in VIEWS.items():
            # replace=True keeps views current when their SQL changes between versions.
            db.create_view(name, sql.strip(), replace=True)
