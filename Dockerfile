# Build a static binary, then ship it alone with the seed articles.
FROM golang:1.26 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /briefbot ./cmd/briefbot && mkdir /data

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /briefbot /briefbot
COPY seeds /seeds
# The archive lives on a volume the non-root user can write.
COPY --from=build --chown=65532:65532 /data /data
VOLUME /data
# In a container the bot reads no commands from standard input: it runs
# until SIGTERM, posting to its channels (the console channel prints to the
# container's log), serves the web archive on port 8080 (to the outside only
# with BRIEFBOT_WEB_TOKEN set) and /healthz and /metrics on port 9090. Logs
# go to standard error as JSON.
ENV BRIEFBOT_SEEDS=/seeds BRIEFBOT_DB=/data/briefbot.db BRIEFBOT_DAEMON=true BRIEFBOT_LISTEN=:8080 BRIEFBOT_ADMIN_LISTEN=:9090
EXPOSE 8080 9090
ENTRYPOINT ["/briefbot"]
CMD ["run"]
