# Build Switchboard in release mode, then run it on a slim image with libpq, as a user
# without privileges. No key is baked in: the master key comes from a secret or the
# environment at run time (docker-compose.yml).
FROM swift:6.3.1-bookworm AS build
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libpq-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
COPY Tests ./Tests
RUN swift build -c release --product switchboard \
    && mkdir /app \
    && bin="$(swift build -c release --show-bin-path)" \
    && cp "$bin/switchboard" /app/ \
    && cp -R "$bin"/*.resources /app/

FROM swift:6.3.1-bookworm-slim
# curl for the health checks.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libpq5 tzdata curl ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 switchboard \
    && useradd --system --uid 10001 --gid switchboard --home-dir /var/lib/switchboard --shell /usr/sbin/nologin switchboard \
    && install -d -o switchboard -g switchboard -m 0750 /var/lib/switchboard
COPY --from=build /app /app
USER switchboard:switchboard
ENV SWITCHBOARD_DATA=/var/lib/switchboard
WORKDIR /var/lib/switchboard
EXPOSE 8080 9464
ENTRYPOINT ["/app/switchboard"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--log-format", "json", "--log-level", "info"]
