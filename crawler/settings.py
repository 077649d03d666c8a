"""The one Scrapy settings module: polite defaults for the real sites; a replica run lowers them with `-s`."""

from __future__ import annotations

BOT_NAME = "twinwatch"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# Identify ourselves with a contact URL; never pose as a browser (sources.md §3.2: no evading bot walls).
USER_AGENT = "twinwatch/0.1 (+https://github.com/twinwatch/twinwatch; city-diplomacy news monitor)"
ROBOTSTXT_OBEY = True

# Politeness for the real sites: one request at a time per host, >= 1 s apart, slower if the host is slow.
CONCURRENT_REQUESTS = 8
CONCURRENT_REQUESTS_PER_DOMAIN = 1
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024  # a news page is < 1 MB; bigger answers are traps or bombs (T04)
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
# 403 is a bot wall, not a transient error: never retried (reliability T02).
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Where stock Scrapy is less polite than we want (crawler/politeness.py; reliability.md findings 2-3).
DOWNLOADER_MIDDLEWARES = {
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,  # replaced by ours, same slot
    "crawler.politeness.BotWallMiddleware": 95,  # before robots: a walled host gets nothing more
    "crawler.politeness.PoliteRobotsMiddleware": 100,  # RFC 9309 5xx/timeout -> host skipped; Crawl-delay
    "crawler.politeness.RetryAfterMiddleware": 560,  # responses: before RetryMiddleware (550) retries them
    "crawler.politeness.ContentTypeFilterMiddleware": 580,  # responses: after redirect (600) and gunzip (590)
    "crawler.politeness.RedirectWatchMiddleware": 610,  # responses: before RedirectMiddleware (600)
}
TWINWATCH_RETRY_AFTER_MAX = 120  # seconds; a longer Retry-After is capped
TWINWATCH_CRAWL_DELAY_MAX = 30  # seconds; a longer robots.txt Crawl-delay is capped, with a warning

# No site needs a session. Off also keeps tldextract (used only by the cookies middleware) from
# fetching the public suffix list over the network.
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"

# The replica add-on swaps in a loopback download handler only when TWINWATCH_REPLICA_URL is set.
ADDONS = {"crawler.replica.ReplicaAddon": 0}

EXTENSIONS = {"crawler.extensions.RunLedger": 500}
# Extract (worker processes, tagging included) → Store.
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 100,
    "crawler.pipelines.StorePipeline": 300,
}

# Project keys (read by components in from_crawler; set per run with -s).
TWINWATCH_DB_PATH = "data/twinwatch.db"
TWINWATCH_REPLICA_URL = ""  # e.g. http://127.0.0.1:8765: serve the real hosts from a running replica
TWINWATCH_RUN_ID = 0  # the `runs` row created by schedules.jobs (0: a bare `scrapy crawl`)
TWINWATCH_STATS_FILE = ""  # where RunLedger writes the source's counts as JSON at close
TWINWATCH_EXTRACT_WORKERS = 2
TWINWATCH_EXTRACT_TIMEOUT = 20.0
TWINWATCH_INCREMENTAL = True  # skip known articles; stop paging at a listing page of only known ones
TWINWATCH_FULL = False  # page through every listing page even when all its articles are known
TWINWATCH_RECHECK = False  # fetch known articles again
