package web

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
)

// pages are the archive's handlers.
type pages struct {
	s    *Server
	tmpl *template.Template
	lim  *limiter // of wrong tokens
}

// statementsPerPage is how many quotes and positions a speaker's page shows.
const statementsPerPage = 50

var funcs = template.FuncMap{
	"date": func(t time.Time) string {
		if t.IsZero() {
			return "undated"
		}
		return t.UTC().Format("2 Jan 2006")
	},
	"anchor":  anchor,
	"plural":  plural,
	"webLink": webLink,
}

// anchor is the id of the text at start:end in an article's page.
func anchor(start, end int) string { return fmt.Sprintf("s%d-%d", start, end) }

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// webLink is the URL of an article, when it is one a reader may follow:
// html/template would defuse any other scheme, but a link to nothing
// should not be shown at all.
func webLink(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}

// render writes a page, or a failure page when the template fails, so
// that nothing half-written goes out.
func (p *pages) render(w http.ResponseWriter, r *http.Request, code int, name string, data any) {
	var buf bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		p.fail(w, r, fmt.Errorf("rendering %s: %w", name, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

// fail answers a request that went wrong: not found, or a failure that is
// logged and not shown.
func (p *pages) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, store.ErrNotFound) {
		p.notFound(w, r)
		return
	}
	p.s.log().ErrorContext(r.Context(), "web page failed", "path", r.URL.Path, "err", err)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	fmt.Fprintln(w, "Something went wrong reading the archive; it has been logged.")
}

func (p *pages) notFound(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	if err := p.tmpl.ExecuteTemplate(&buf, "notfound.html", struct{ Title string }{"Not found"}); err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	w.Write(buf.Bytes())
}

func pathID(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// form is the search form as the reader filled it in.
type form struct {
	Q, Speaker, Source, Since, Until string
	// About narrows a speaker's page to a topic.
	About  string
	Quotes bool
	Page   int
}

// readForm reads the search form and the filters typed among the words
// (since:7d source:afp), the form's fields winning.
func (p *pages) readForm(r *http.Request) (form, bot.Query, error) {
	v := r.URL.Query()
	f := form{Q: v.Get("q"), Speaker: v.Get("speaker"), Source: v.Get("source"),
		Since: v.Get("since"), Until: v.Get("until"), About: v.Get("about"), Quotes: v.Get("quotes") != ""}
	f.Page, _ = strconv.Atoi(v.Get("page"))
	words := f.Q
	for _, kv := range [][2]string{{"speaker", f.Speaker}, {"source", f.Source}, {"since", f.Since}, {"until", f.Until}, {"about", f.About}} {
		if val := strings.TrimSpace(kv[1]); val != "" {
			words += " " + kv[0] + `:"` + strings.ReplaceAll(val, `"`, "") + `"`
		}
	}
	q, err := bot.ParseQuery(words, p.s.now())
	if f.Quotes {
		q.QuotesOnly = true
	}
	if f.Page > 0 {
		q.Page = f.Page
	}
	if q.About != "" {
		q.Words = strings.TrimSpace(q.Words + " " + q.About)
	}
	return f, q, err
}

func filterOf(q bot.Query) store.Filter {
	return store.Filter{Since: q.Since, Until: q.Until, Source: q.Source, Speaker: q.Speaker, QuotesOnly: q.QuotesOnly}
}

// pager links the pages of a list.
type pager struct {
	Page       int
	Prev, Next string // "" when there is none
}

func newPager(r *http.Request, page int, more bool) pager {
	link := func(n int) string {
		v := r.URL.Query()
		v.Set("page", strconv.Itoa(n))
		return r.URL.Path + "?" + v.Encode()
	}
	pg := pager{Page: page}
	if page > 1 {
		pg.Prev = link(page - 1)
	}
	if more {
		pg.Next = link(page + 1)
	}
	return pg
}

type searchData struct {
	Title    string
	Form     form
	Problem  string
	Searched bool
	Found    []store.Found
	Total    int
	Articles []store.ArticleSummary
	Pager    pager
	// words are the words searched for, about: included.
	words string
}

// AllAbout links the page of the speaker with the given id narrowed to
// the words searched for and the same filters: every quote and position
// of theirs that matched, where the search shows their best few.
func (d searchData) AllAbout(id int64) string {
	v := url.Values{"about": {d.words}}
	for k, val := range map[string]string{"source": d.Form.Source, "since": d.Form.Since, "until": d.Form.Until} {
		if strings.TrimSpace(val) != "" {
			v.Set(k, val)
		}
	}
	if d.Form.Quotes {
		v.Set("quotes", "1")
	}
	return fmt.Sprintf("/speaker/%d?%s", id, v.Encode())
}

// search is the home page: the search form, and either the speakers who
// said something about the words, ranked as /who-said ranks them, or the
// latest articles.
func (p *pages) search(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	f, q, err := p.readForm(r)
	d := searchData{Title: "Search", Form: f}
	if err != nil {
		d.Problem = err.Error()
		p.render(w, r, http.StatusBadRequest, "search.html", d)
		return
	}
	page := max(q.Page, 1)
	size := p.s.pageSize()
	if strings.TrimSpace(q.Words) != "" {
		d.Title, d.words = q.Words, q.Words
		res, err := p.s.DB.SearchSpeakers(ctx, q.Words, filterOf(q), (page-1)*size, size)
		switch {
		case errors.Is(err, store.ErrEmptyQuery):
			d.Problem = "Type a word or two to search for."
		case err != nil:
			p.fail(w, r, err)
			return
		default:
			d.Searched, d.Found, d.Total = true, res.Found, res.Total
			d.Pager = newPager(r, page, res.More)
		}
		p.render(w, r, http.StatusOK, "search.html", d)
		return
	}
	arts, err := p.s.DB.RecentArticles(ctx, filterOf(q), (page-1)*size, size+1)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	d.Pager = newPager(r, page, len(arts) > size)
	d.Articles = arts[:min(len(arts), size)]
	p.render(w, r, http.StatusOK, "search.html", d)
}

// articleGroup is what a speaker said in one article.
type articleGroup struct {
	Article store.ArticleRef
	Said    []store.Statement
}

type speakerData struct {
	Title   string
	Speaker store.SpeakerInfo
	Form    form
	// About is the topic the page is narrowed to, or "".
	About   string
	Problem string
	Groups  []articleGroup
	Shown   int
	Total   int
	Pager   pager
}

// speaker is a speaker's page: who they are, and everything they said,
// newest first, grouped by article.
func (p *pages) speaker(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := pathID(r)
	if !ok {
		p.notFound(w, r)
		return
	}
	sp, err := p.s.DB.SpeakerByID(ctx, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	f, q, err := p.readForm(r)
	d := speakerData{Title: sp.Name, Speaker: sp, Form: f}
	if err != nil {
		d.Problem = err.Error()
		p.render(w, r, http.StatusBadRequest, "speaker.html", d)
		return
	}
	page := max(q.Page, 1)
	// Words typed without about: narrow the page as about: does.
	filter := filterOf(q)
	filter.About = strings.TrimSpace(q.Words)
	d.About = filter.About
	said, total, err := p.s.DB.SpeakerStatements(ctx, id, filter, (page-1)*statementsPerPage, statementsPerPage)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	for _, s := range said {
		if n := len(d.Groups); n == 0 || d.Groups[n-1].Article.ID != s.Article.ID {
			d.Groups = append(d.Groups, articleGroup{Article: s.Article})
		}
		g := &d.Groups[len(d.Groups)-1]
		g.Said = append(g.Said, s)
	}
	d.Shown, d.Total = len(said), total
	d.Pager = newPager(r, page, page*statementsPerPage < total)
	p.render(w, r, http.StatusOK, "speaker.html", d)
}

type articleData struct {
	Title    string
	Ref      store.ArticleRef
	URL      string
	Byline   string
	Lede     string
	Topics   []string
	Actors   []actor
	Said     []store.Statement
	Text     []node
	Problems int // statements whose offsets do not fit the text
}

type actor struct {
	Name, Role string
	SpeakerID  int64
}

// article is an article's page: its briefing, and its text with every
// quote and position marked where it stands.
func (p *pages) article(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, ok := pathID(r)
	if !ok {
		p.notFound(w, r)
		return
	}
	a, b, src, err := p.s.DB.Briefing(ctx, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	said, err := p.s.DB.ArticleStatements(ctx, id)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	d := articleData{Title: b.Title, URL: webLink(a.URL), Byline: a.Byline, Lede: b.Lede, Topics: b.Topics, Said: said}
	if d.Title == "" {
		d.Title = a.Title
	}
	if d.Title == "" {
		d.Title = src.Name // an untitled article is named by its file or feed
	}
	d.Ref = store.ArticleRef{ID: id, Title: a.Title, Source: a.Source, Date: a.Published}
	if d.Ref.Source == "" {
		d.Ref.Source = src.Name
	}
	ids := map[string]int64{}
	for _, s := range said {
		if s.SpeakerID != 0 {
			ids[s.Speaker] = s.SpeakerID
		}
	}
	for _, act := range b.Actors {
		d.Actors = append(d.Actors, actor{Name: act.Name, Role: act.Role, SpeakerID: ids[act.Name]})
	}
	d.Text, d.Problems = markText(a.Body, said)
	p.render(w, r, http.StatusOK, "article.html", d)
}

type channelDigests struct {
	Channel string
	Posted  []postedDigest
}

type postedDigest struct {
	At      time.Time
	Message bot.Message
	// Link is the digest's own page.
	Link string
}

// digestsShown caps the digests page: the latest ones are what is read.
const digestsShown = 100

// digests lists the digests as they were posted, by channel.
func (p *pages) digests(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	ds, err := p.s.DB.Outbox().Digests(ctx, digestsShown)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var chans []channelDigests
	for _, d := range ds {
		i := slices.IndexFunc(chans, func(c channelDigests) bool { return c.Channel == d.Channel })
		if i < 0 {
			i = len(chans)
			chans = append(chans, channelDigests{Channel: d.Channel})
		}
		chans[i].Posted = append(chans[i].Posted, postedDigest{At: d.SentAt, Message: d.Message, Link: bot.DigestURL("", d.Channel, d.Key)})
	}
	p.render(w, r, http.StatusOK, "digests.html", struct {
		Title    string
		Channels []channelDigests
	}{"Digests", chans})
}

// digest is one digest, as it was posted: the page a digest links to.
func (p *pages) digest(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d, err := p.s.DB.Outbox().Digest(r.Context(), v.Get("channel"), v.Get("key"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	at := d.SentAt
	if at.IsZero() {
		at = d.Created
	}
	p.render(w, r, http.StatusOK, "digests.html", struct {
		Title    string
		Channels []channelDigests
	}{d.Message.Title, []channelDigests{{Channel: d.Channel, Posted: []postedDigest{{At: at, Message: d.Message, Link: bot.DigestURL("", d.Channel, d.Key)}}}}})
}

// sourcesShown caps the sources listed.
const sourcesShown = 200

// sources lists the feeds with their health, and where the articles came
// from.
func (p *pages) sources(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	feeds, err := p.s.DB.Feeds(ctx)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	counts, err := p.s.DB.SourceCounts(ctx, sourcesShown)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.render(w, r, http.StatusOK, "sources.html", struct {
		Title  string
		Feeds  []store.FeedState
		Counts []store.SourceCount
	}{"Sources", feeds, counts})
}

type loginData struct {
	Title   string
	Next    string
	Problem string
}

func (p *pages) loginForm(w http.ResponseWriter, r *http.Request) {
	if p.s.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	p.render(w, r, http.StatusOK, "login.html", loginData{Title: "Sign in", Next: localPath(r.URL.Query().Get("next"))})
}

// login checks the token typed in and, when it is right, sets the cookie
// that stands for it.
func (p *pages) login(w http.ResponseWriter, r *http.Request) {
	if p.s.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	next := localPath(r.PostFormValue("next"))
	if stop, wait := p.lim.blocked(r); stop {
		secs := retryAfter(w, wait)
		p.render(w, r, http.StatusTooManyRequests, "login.html", loginData{Title: "Sign in", Next: next,
			Problem: fmt.Sprintf("Too many wrong tokens from your address. Try again in %s.", plural(secs, "second", "seconds"))})
		return
	}
	req := r.Clone(r.Context())
	req.Header.Set("Authorization", "Bearer "+r.PostFormValue("token"))
	if !p.s.authorized(req) {
		p.lim.fail(r)
		p.render(w, r, http.StatusUnauthorized, "login.html", loginData{Title: "Sign in", Next: next, Problem: "That is not the token."})
		return
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: p.s.session(), Path: "/", HttpOnly: true,
		Secure: r.TLS != nil, SameSite: http.SameSiteStrictMode, MaxAge: 30 * 24 * 3600})
	http.Redirect(w, r, next, http.StatusSeeOther)
}
