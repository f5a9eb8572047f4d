"""Detection plus summary for one article: what ingest stores and `briefbot analyze` prints."""

from __future__ import annotations

from dataclasses import dataclass

from core.detect import Matcher
from core.model import Detection
from core.summary import summarize


@dataclass(frozen=True)
class Analysis:
    detection: Detection
    summary: str
    scanned: str = ""  # the text detection scanned (title, blank line, body)


def scan_text(title: str, text: str) -> str:
    """The one text detection scans; mention offsets point into it."""
    return f"{title}\n\n{text}" if title else text


def analyze(matcher: Matcher, title: str, text: str) -> Analysis:
    scanned = scan_text(title, text)
    detection = matcher.scan(scanned)
    return Analysis(detection, summarize(title, text, detection.mentions), scanned)
