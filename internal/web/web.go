// Package web is the archive on the web: server-rendered pages to search
// who said what, read a speaker's record, and check a quote against the
// article it came from, highlighted where it stands in the text.
//
// The pages need no JavaScript and run none: the Content-Security-Policy
// allows no script at all, and every article string goes through
// html/template. The archive may hold licensed news, so the server answers
// only requests from this machine unless a token is set, and then only
// requests that carry it (a bearer token or the cookie the login form
// sets).
package web

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"errors"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/briefbot/briefbot/internal/logs"
	"github.com/briefbot/briefbot/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves the web archive. Set its fields before the first request.
type Server struct {
	// DB is the archive.
	DB *store.DB
	// Token, when set, is what every request must carry, as
	// "Authorization: Bearer TOKEN" or through the login form's cookie.
	// When it is "", only requests from a loopback address are answered.
	Token string
	// Log is where failures go; nil means discard.
	Log *slog.Logger
	// Now is the clock for relative dates (since:7d); nil means time.Now.
	Now func() time.Time
	// PageSize is how many speakers a search page and how many articles a
	// list shows; 0 means 20.
	PageSize int
}

// cookieName is the login cookie's name.
const cookieName = "briefbot_session"

// csp allows the page its own style sheet, and nothing else: no script,
// no image, no frame, no form posted elsewhere.
const csp = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// Handler returns the archive's pages, behind the access check.
func (s *Server) Handler() http.Handler {
	tmpl := template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))
	static, _ := fs.Sub(staticFS, "static")
	lim := newLimiter(s.now)
	p := &pages{s: s, tmpl: tmpl, lim: lim}
	mux := http.NewServeMux()
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /login", p.loginForm)
	mux.HandleFunc("POST /login", p.login)
	mux.HandleFunc("GET /{$}", p.search)
	mux.HandleFunc("GET /who-said", p.search)
	mux.HandleFunc("GET /speaker/{id}", p.speaker)
	mux.HandleFunc("GET /article/{id}", p.article)
	mux.HandleFunc("GET /digests", p.digests)
	mux.HandleFunc("GET /digest", p.digest)
	mux.HandleFunc("GET /sources", p.sources)
	mux.HandleFunc("/", p.notFound)
	return headers(s.guard(lim, timeout(mux)))
}

// pageTimeout bounds the work of one page.
const pageTimeout = 10 * time.Second

// timeout gives each request pageTimeout to be answered.
func timeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), pageTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// headers sets the security headers of every answer.
func headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// guard answers only the requests the archive may be shown to. A client
// that sent too many wrong tokens (lim) is refused anything a token opens.
func (s *Server) guard(lim *limiter, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.Token == "" {
			if !fromLoopback(r) {
				http.Error(w, "This archive answers only on the machine it runs on; set BRIEFBOT_WEB_TOKEN to open it to others.", http.StatusForbidden)
				return
			}
			next.ServeHTTP(w, r)
			return
		}
		if r.URL.Path == "/login" || strings.HasPrefix(r.URL.Path, "/static/") {
			next.ServeHTTP(w, r)
			return
		}
		bearer := r.Header.Get("Authorization") != ""
		if bearer {
			if stop, wait := lim.blocked(r); stop {
				tooMany(w, wait)
				return
			}
		}
		if s.authorized(r) {
			next.ServeHTTP(w, r)
			return
		}
		if bearer {
			lim.fail(r)
		}
		if bearer || r.Method != http.MethodGet {
			w.Header().Set("WWW-Authenticate", `Bearer realm="briefbot"`)
			http.Error(w, "A valid token is needed.", http.StatusUnauthorized)
			return
		}
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	})
}

// fromLoopback reports whether r came from this machine, directly: a
// request a proxy forwarded may come from anywhere.
func fromLoopback(r *http.Request) bool {
	if r.Header.Get("Forwarded") != "" || r.Header.Get("X-Forwarded-For") != "" {
		return false
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return false
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.Unmap().IsLoopback()
}

// authorized reports whether r carries the token or the login cookie.
func (s *Server) authorized(r *http.Request) bool {
	if bearer, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return subtle.ConstantTimeCompare([]byte(strings.TrimSpace(bearer)), []byte(s.Token)) == 1
	}
	c, err := r.Cookie(cookieName)
	return err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.session())) == 1
}

// session is the login cookie's value: derived from the token, so that it
// changes with the token, without being the token.
func (s *Server) session() string {
	mac := hmac.New(sha256.New, []byte(s.Token))
	io.WriteString(mac, "briefbot web session")
	return hex.EncodeToString(mac.Sum(nil))
}

func (s *Server) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Server) log() *slog.Logger { return logs.Or(s.Log) }

func (s *Server) pageSize() int {
	if s.PageSize > 0 {
		return s.PageSize
	}
	return 20
}

// localPath is next if it is a path on this site, else "/": the login form
// sends no one elsewhere.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.Contains(next, `\`) {
		return "/"
	}
	return next
}

// Listen serves h on addr until ctx is done. It returns once the address
// is bound, so that a port that is taken is an error at start; wait waits
// for the server to stop.
func Listen(ctx context.Context, addr string, h http.Handler, log *slog.Logger) (bound net.Addr, wait func(), err error) {
	log = logs.Or(log)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.ErrorContext(ctx, "http server failed", "addr", ln.Addr().String(), "err", err)
		}
	}()
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
	}()
	return ln.Addr(), func() { <-done }, nil
}
