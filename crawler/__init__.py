"""Fetch stage: the Scrapy project (spiders, middlewares, thin pipelines)."""
