# briefbot: slim Python, non-root user, SQLite on the /data volume by default.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DATABASE_URL=sqlite:////data/briefbot.db \
    BRIEFBOT_HTTP_PORT=8080

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

EXPOSE 8080

# Healthy while the running process's loops are (GET /healthz: 200, else 503 with the reason).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:' + os.environ.get('BRIEFBOT_HTTP_PORT', '8080') + '/healthz', timeout=4)" || exit 1

CMD ["briefbot", "run"]
