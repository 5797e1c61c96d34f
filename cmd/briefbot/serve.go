package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"maps"
	"net/http"
	"slices"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/web"
)

// health is what /healthz reports.
type health struct {
	Status   string       `json:"status"` // "ok", "degraded" (a feed or channel failing) or "down"
	Archive  string       `json:"archive"`
	Database string       `json:"database"` // "sqlite" or "postgres"
	Replica  string       `json:"replica"`
	Leases   []lease      `json:"leases"`  // what this replica holds of the shared work
	Leading  []string     `json:"leading"` // what this replica alone does, such as "discord" (the gateway)
	Feeds    []feedHealth `json:"feeds"`
	Channels []bot.Status `json:"channels"`
}

// lease is a lease this replica holds: a channel it posts to, a feed it
// polls; another replica takes it over if it is not renewed by Until.
type lease struct {
	Name  string    `json:"name"`
	Until time.Time `json:"until"`
}

type feedHealth struct {
	URL         string    `json:"url"`
	Failures    int       `json:"failures"`
	LastError   string    `json:"last_error,omitempty"`
	LastSuccess time.Time `json:"last_success,omitzero"`
}

// server serves /healthz and /metrics on the admin address.
type server struct {
	db       *store.DB // for its backend, replica, leases and leadership
	ping     func(context.Context) error
	feeds    func(context.Context) ([]store.FeedState, error)
	channels func(context.Context) ([]bot.Status, error)
	metrics  *metrics
	log      *slog.Logger
}

func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", s.healthz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
	return mux
}

// public is what the public address serves: the platforms' endpoints, by
// ServeMux pattern, and the web archive (nil when it has an address of its
// own) under everything else.
func public(routes map[string]http.Handler, archive http.Handler) http.Handler {
	mux := http.NewServeMux()
	for pattern, h := range routes {
		mux.Handle(pattern, h)
	}
	if archive != nil {
		mux.Handle("/", archive)
	}
	return mux
}

// healthz answers 200 while the archive can be read, with the state of
// each feed and channel, and 503 when it cannot: a failing feed or channel
// is reported, but restarting the bot would not mend it.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	h := health{Status: "ok", Archive: "ok", Database: "sqlite", Replica: s.db.Replica(),
		Leases: []lease{}, Leading: s.db.Leading(), Feeds: []feedHealth{}, Channels: []bot.Status{}}
	if s.db.Postgres() {
		h.Database = "postgres"
	}
	code := http.StatusOK
	if err := s.ping(ctx); err != nil {
		s.log.ErrorContext(ctx, "health check: archive unreachable", "err", err)
		h.Status, h.Archive, code = "down", "unreachable", http.StatusServiceUnavailable
	} else {
		if leases, err := s.db.Leases(ctx); err == nil {
			for _, name := range slices.Sorted(maps.Keys(leases)) {
				h.Leases = append(h.Leases, lease{Name: name, Until: leases[name]})
			}
		}
		if feeds, err := s.feeds(ctx); err == nil {
			for _, f := range feeds {
				h.Feeds = append(h.Feeds, feedHealth{URL: f.URL, Failures: f.Failures, LastError: f.LastError, LastSuccess: f.LastSuccess})
				if f.Failures > 0 {
					h.Status = "degraded"
				}
			}
		}
		if chs, err := s.channels(ctx); err == nil {
			h.Channels = chs
			for _, c := range chs {
				if c.Failed > 0 {
					h.Status = "degraded"
				}
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(h)
}

// endpoint is an HTTP server to start: its address, its handler, and
// what to log once it is bound.
type endpoint struct {
	addr, msg string
	h         http.Handler
	attrs     []any
}

// listen serves e until ctx is done, logging e's message with the address
// it is bound to (useful with ":0"). It returns once the address is bound,
// so a port that is taken is an error at start.
func listen(ctx context.Context, log *slog.Logger, e endpoint) (wait func(), err error) {
	bound, wait, err := web.Listen(ctx, e.addr, e.h, log)
	if err != nil {
		return nil, fmt.Errorf("listening on %s: %w", e.addr, err)
	}
	log.InfoContext(ctx, e.msg, append([]any{"addr", bound.String()}, e.attrs...)...)
	return wait, nil
}

// routeNames are the patterns of routes, sorted, for the log.
func routeNames(routes map[string]http.Handler) []string {
	return slices.Sorted(maps.Keys(routes))
}
