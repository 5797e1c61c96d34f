# Build a static binary, then ship it alone with the seed articles.
FROM golang:1.26 AS build
WORKDIR /src
# Dependencies first, so that a source change does not download them again.
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /briefbot ./cmd/briefbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /briefbot /briefbot
COPY seeds /seeds
ENTRYPOINT ["/briefbot"]
CMD ["run", "--seeds", "/seeds"]
