"""Scheduled work: fetching and parsing feeds, ingest, alerts, digests and delivery."""
