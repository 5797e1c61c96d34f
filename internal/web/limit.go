package web

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"time"
)

// Wrong tokens are limited per client, so that the token cannot be
// guessed: after loginTries wrong ones within loginWindow, a client is
// answered 429 until the window ends, the right token included, since
// telling it apart would answer the guess.
const (
	// loginTries is how many wrong tokens a client may send in a window:
	// enough for a reader's typos.
	loginTries = 5
	// loginWindow is how long a client's wrong tokens count.
	loginWindow = time.Minute
	// loginClients caps the clients remembered; past it, those whose
	// window is over are forgotten first.
	loginClients = 10_000
)

// strikes are a client's wrong tokens in the window that began at start.
type strikes struct {
	start time.Time
	n     int
}

// limiter counts wrong tokens by client.
type limiter struct {
	now func() time.Time
	mu  sync.Mutex
	by  map[netip.Prefix]*strikes
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, by: make(map[netip.Prefix]*strikes)}
}

// client is who r came from: its address, or for IPv6 its /64, which one
// machine may hold whole. Behind a proxy every reader is the proxy.
func client(r *http.Request) netip.Prefix {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Prefix{}
	}
	ip = ip.Unmap()
	bits := 32
	if ip.Is6() {
		bits = 64
	}
	p, _ := ip.Prefix(bits)
	return p
}

// blocked reports whether the client of r has used up its tries, and
// how long until it may try again.
func (l *limiter) blocked(r *http.Request) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s := l.by[client(r)]
	if s == nil {
		return false, 0
	}
	left := s.start.Add(loginWindow).Sub(l.now())
	if left <= 0 {
		return false, 0
	}
	return s.n >= loginTries, left
}

// fail counts a wrong token from the client of r.
func (l *limiter) fail(r *http.Request) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	c := client(r)
	s := l.by[c]
	if s == nil || now.Sub(s.start) >= loginWindow {
		if len(l.by) >= loginClients {
			l.forget(now)
		}
		s = &strikes{start: now}
		l.by[c] = s
	}
	s.n++
}

// forget drops the clients whose window is over, or all of them when
// every window is still open: a flood of addresses forgets sooner rather
// than grow without bound.
func (l *limiter) forget(now time.Time) {
	for c, s := range l.by {
		if now.Sub(s.start) >= loginWindow {
			delete(l.by, c)
		}
	}
	if len(l.by) >= loginClients {
		clear(l.by)
	}
}

// retryAfter sets the Retry-After header for a client that must wait,
// and returns the seconds it says.
func retryAfter(w http.ResponseWriter, wait time.Duration) int {
	secs := max(int(wait.Round(time.Second)/time.Second), 1)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	return secs
}

// tooMany answers a client that has used up its tries.
func tooMany(w http.ResponseWriter, wait time.Duration) {
	secs := retryAfter(w, wait)
	http.Error(w, fmt.Sprintf("Too many wrong tokens from your address. Try again in %s.", plural(secs, "second", "seconds")), http.StatusTooManyRequests)
}
