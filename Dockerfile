# Build Switchboard in release mode, then run it on a slim image with libpq.
FROM swift:6.3-bookworm AS build
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

FROM swift:6.3-bookworm-slim
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends libpq5 tzdata && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
ENTRYPOINT ["/app/switchboard"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
