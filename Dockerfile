# briefbot: slim Python, non-root user, SQLite on the /data volume by default.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/briefbot.db

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY jobs ./jobs
COPY storage ./storage
COPY core ./core
RUN pip install '.[postgres]' \
 && useradd --create-home --uid 10001 briefbot \
 && mkdir -p /data && chown briefbot /data

USER briefbot
VOLUME ["/data"]

# Healthy when the configuration loads and the database opens and is migrated.
HEALTHCHECK --interval=60s --timeout=20s --start-period=30s --retries=3 \
  CMD briefbot feeds list > /dev/null || exit 1

CMD ["briefbot", "run"]
