# The RUS network portal: gunicorn serving Django, static files through whitenoise.
# Build:   docker build -t rusnet .
# Migrate: docker run --rm --env-file .env rusnet python manage.py migrate
# Run:     docker run --env-file .env -p 8000:8000 rusnet
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_MEDIA_ROOT=/data/media

WORKDIR /app

RUN useradd --create-home --uid 10001 rusnet \
    && mkdir -p /data/media \
    && chown rusnet:rusnet /data/media

# Dependencies first, from pyproject.toml alone, so code changes reuse this layer.
COPY pyproject.toml README.md ./
RUN pip install --no-cache-dir .

COPY . .
# collectstatic reads the settings, which insist on a secret key outside development;
# this one exists only during the build and is never used to sign anything.
RUN DJANGO_SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput

USER 10001:10001
EXPOSE 8000
VOLUME ["/data/media"]
CMD ["gunicorn", "rusnet.wsgi:application"]
