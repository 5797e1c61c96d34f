package web_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/internal/store"
	"github.com/briefbot/briefbot/internal/web"
	"github.com/briefbot/briefbot/summarize"
)

// get requests path from addr (the client's address) with the given
// headers, and returns the answer and its body.
func get(t *testing.T, h http.Handler, addr, path string, header ...string) (*http.Response, string) {
	t.Helper()
	r := httptest.NewRequest(http.MethodGet, path, nil)
	r.RemoteAddr = addr
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	resp := w.Result()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

const local = "127.0.0.1:50000"

func TestLoopbackOnlyWithoutToken(t *testing.T) {
	db, _ := archive(t)
	h := (&web.Server{DB: db}).Handler()
	for _, tc := range []struct {
		addr   string
		header []string
		want   int
	}{
		{addr: "127.0.0.1:4000", want: http.StatusOK},
		{addr: "[::1]:4000", want: http.StatusOK},
		{addr: "[::ffff:127.0.0.1]:4000", want: http.StatusOK},
		{addr: "10.1.2.3:4000", want: http.StatusForbidden},
		{addr: "[2001:db8::1]:4000", want: http.StatusForbidden},
		// A proxy on this machine passes on requests from anywhere.
		{addr: "127.0.0.1:4000", header: []string{"X-Forwarded-For", "203.0.113.9"}, want: http.StatusForbidden},
		{addr: "127.0.0.1:4000", header: []string{"Forwarded", "for=203.0.113.9"}, want: http.StatusForbidden},
	} {
		for _, path := range []string{"/", "/static/style.css", "/article/1"} {
			resp, _ := get(t, h, tc.addr, path, tc.header...)
			if resp.StatusCode != tc.want {
				t.Errorf("GET %s from %s %q = %d; want %d", path, tc.addr, tc.header, resp.StatusCode, tc.want)
			}
		}
	}
}

func TestToken(t *testing.T) {
	db, _ := archive(t)
	const token = "correct horse battery staple"
	h := (&web.Server{DB: db, Token: token}).Handler()
	const remote = "198.51.100.7:4000"

	resp, _ := get(t, h, remote, "/article/1?x=1")
	if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != "/login?next="+url.QueryEscape("/article/1?x=1") {
		t.Errorf("GET /article/1 without the token = %d to %q; want 303 to the login form", resp.StatusCode, loc)
	}
	if resp, _ := get(t, h, local, "/"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("GET / from loopback without the token = %d; want 303: with a token set, loopback needs it too", resp.StatusCode)
	}
	if resp, _ := get(t, h, remote, "/", "Authorization", "Bearer wrong"); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("GET / with a wrong bearer token = %d; want 401", resp.StatusCode)
	}
	if resp, body := get(t, h, remote, "/?q=europe", "Authorization", "Bearer "+token); resp.StatusCode != http.StatusOK || !strings.Contains(body, "Hanno Pevkur") {
		t.Errorf("GET /?q=europe with the bearer token = %d; want 200 naming Hanno Pevkur", resp.StatusCode)
	}
	if resp, _ := get(t, h, remote, "/static/style.css"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /static/style.css without the token = %d; want 200, for the login form", resp.StatusCode)
	}
	if resp, body := get(t, h, remote, "/login?next=/speaker/1"); resp.StatusCode != http.StatusOK || !strings.Contains(body, `value="/speaker/1"`) {
		t.Errorf("GET /login = %d %q; want 200, a form that returns to /speaker/1", resp.StatusCode, body)
	}

	login := func(typed, next string) *http.Response {
		form := url.Values{"token": {typed}, "next": {next}}
		r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = remote
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result()
	}
	if resp := login("guess", "/"); resp.StatusCode != http.StatusUnauthorized || len(resp.Cookies()) != 0 {
		t.Errorf("POST /login with a wrong token = %d with %d cookies; want 401, none", resp.StatusCode, len(resp.Cookies()))
	}
	resp = login(token, "/speaker/1")
	cookies := resp.Cookies()
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/speaker/1" || len(cookies) != 1 {
		t.Fatalf("POST /login with the token = %d to %q with %d cookies; want 303 to /speaker/1 with one", resp.StatusCode, resp.Header.Get("Location"), len(cookies))
	}
	c := cookies[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || strings.Contains(c.Value, token) {
		t.Errorf("login cookie %+v; want HttpOnly, SameSite=Strict, not the token itself", c)
	}
	if resp, _ := get(t, h, remote, "/speaker/1", "Cookie", c.Name+"="+c.Value); resp.StatusCode != http.StatusOK {
		t.Errorf("GET /speaker/1 with the login cookie = %d; want 200", resp.StatusCode)
	}
	if resp, _ := get(t, h, remote, "/speaker/1", "Cookie", c.Name+"=0"+c.Value[1:]); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("GET /speaker/1 with a forged cookie = %d; want 303 to the login form", resp.StatusCode)
	}
	// The form sends no one off the site.
	for _, next := range []string{"//evil.example/", "https://evil.example/", `/\evil.example`} {
		if resp := login(token, next); resp.Header.Get("Location") != "/" {
			t.Errorf("POST /login with next=%q redirects to %q; want /", next, resp.Header.Get("Location"))
		}
	}
}

// TestPagesAreSafe checks every page for the security headers and for
// anything that could run: no script element, no event handler attribute,
// no javascript: URL, whatever the article holds.
func TestPagesAreSafe(t *testing.T) {
	db, ids := archive(t)
	h := (&web.Server{DB: db}).Handler()
	hostile := fmt.Sprintf("/article/%d", ids["hostile"])
	for _, path := range []string{"/", "/?q=harbour", "/?q=europe", hostile, "/speaker/1", "/sources", "/digests", "/nowhere", "/article/999"} {
		resp, body := get(t, h, local, path)
		if got := resp.Header.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") || strings.Contains(got, "script-src") {
			t.Errorf("GET %s Content-Security-Policy = %q; want default-src 'none' and no script source", path, got)
		}
		if resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s lacks X-Content-Type-Options: nosniff", path)
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		for n := range doc.Descendants() {
			if n.Type != html.ElementNode {
				continue
			}
			if n.Data == "script" || n.Data == "img" || n.Data == "iframe" {
				t.Errorf("GET %s has a <%s> element", path, n.Data)
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") || strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "javascript:") {
					t.Errorf("GET %s has <%s %s=%q>", path, n.Data, a.Key, a.Val)
				}
			}
		}
	}
	_, body := get(t, h, local, hostile)
	if !strings.Contains(body, "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;Harbour row") {
		t.Errorf("GET %s does not show the hostile title as text", hostile)
	}
}

// TestSearch checks /?q=europe: the speakers who spoke about Europe, with
// their quotes, each linked to its place in the article.
func TestSearch(t *testing.T) {
	db, ids := archive(t)
	h := (&web.Server{DB: db}).Handler()
	resp, body := get(t, h, local, "/?q=europe")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /?q=europe = %d", resp.StatusCode)
	}
	speakers := regexp.MustCompile(`<h2><a href="/speaker/\d+">([^<]+)</a>`).FindAllStringSubmatch(body, -1)
	if len(speakers) == 0 || speakers[0][1] != "Hanno Pevkur" {
		t.Fatalf("GET /?q=europe speakers = %q; want Hanno Pevkur first", speakers)
	}
	seed := articleText(t, db, ids["seed"])
	links := regexp.MustCompile(`href="/article/(\d+)#s(\d+)-(\d+)">“([^<]*)”`).FindAllStringSubmatch(body, -1)
	if len(links) < 2 {
		t.Fatalf("GET /?q=europe links %d quotes; want at least Pevkur's two", len(links))
	}
	for _, l := range links {
		var start, end int
		fmt.Sscan(l[2], &start)
		fmt.Sscan(l[3], &end)
		if l[1] != fmt.Sprint(ids["seed"]) || end > len(seed) || html.EscapeString(seed[start:end]) != l[4] {
			t.Errorf("quote %q links to article %s at %d:%d, which is not its text", l[4], l[1], start, end)
		}
	}

	for _, tc := range []struct {
		query     string
		want      []string // speakers who must be there
		wantNot   []string // and who must not
		wantNone  bool
		wantCode  int
		wantWords string
	}{
		{query: "q=europe&quotes=1", want: []string{"Hanno Pevkur"}, wantNot: []string{"Pete Hegseth"}},
		{query: "q=europe+quotes:only", want: []string{"Hanno Pevkur"}, wantNot: []string{"Pete Hegseth"}},
		{query: "q=europe&speaker=pevkur", want: []string{"Hanno Pevkur"}, wantNot: []string{"Pete Hegseth", "Mark Rutte"}},
		{query: "q=europe+speaker:hegseth", want: []string{"Pete Hegseth"}, wantNot: []string{"Hanno Pevkur"}},
		{query: "q=europe&source=AFP", want: []string{"Hanno Pevkur"}},
		{query: "q=europe&source=world", want: []string{"Hanno Pevkur"}},
		{query: "q=europe&source=local", wantNone: true},
		{query: "q=europe&since=2027-01-01", wantNone: true},
		{query: "q=europe+since:7d", want: []string{"Hanno Pevkur"}},
		{query: "q=europe&until=2026-11-30", wantNone: true},
		{query: "q=europe&since=yesterday", wantCode: http.StatusBadRequest, wantWords: "want a date such as 2026-12-01"},
	} {
		resp, body := get(t, h, local, "/?"+tc.query)
		if code := cmpOr(tc.wantCode, http.StatusOK); resp.StatusCode != code {
			t.Errorf("GET /?%s = %d; want %d", tc.query, resp.StatusCode, code)
		}
		for _, who := range tc.want {
			if !strings.Contains(body, ">"+who+"</a>") {
				t.Errorf("GET /?%s does not list %s", tc.query, who)
			}
		}
		for _, who := range tc.wantNot {
			if strings.Contains(body, ">"+who+"</a>") {
				t.Errorf("GET /?%s lists %s", tc.query, who)
			}
		}
		if tc.wantNone != strings.Contains(body, "Nobody in the archive said anything about that") {
			t.Errorf("GET /?%s says nobody = %v; want %v", tc.query, !tc.wantNone, tc.wantNone)
		}
		if !strings.Contains(body, tc.wantWords) {
			t.Errorf("GET /?%s lacks %q", tc.query, tc.wantWords)
		}
	}
}

func cmpOr(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}

func articleText(t *testing.T, db *store.DB, id int64) string {
	t.Helper()
	a, _, _, err := db.Briefing(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a.Body
}

// TestSearchPages checks that a search's answer is paged, each speaker
// once, the pages together the whole answer.
func TestSearchPages(t *testing.T) {
	db, _ := archive(t)
	all := speakersOn(t, (&web.Server{DB: db}).Handler(), "/?q=europe")
	h := (&web.Server{DB: db, PageSize: 2}).Handler()
	var paged []string
	for page := 1; ; page++ {
		path := fmt.Sprintf("/?q=europe&page=%d", page)
		got := speakersOn(t, h, path)
		paged = append(paged, got...)
		_, body := get(t, h, local, path)
		if !strings.Contains(body, `rel="next"`) {
			if len(got) == 0 || len(got) > 2 {
				t.Errorf("last page %s lists %q; want one or two speakers", path, got)
			}
			break
		}
		if len(got) != 2 {
			t.Errorf("GET %s lists %q; want two speakers", path, got)
		}
		if page > 10 {
			t.Fatal("more than 10 pages")
		}
	}
	if strings.Join(paged, ", ") != strings.Join(all, ", ") {
		t.Errorf("pages list %q; want %q, as one page does", paged, all)
	}
}

func speakersOn(t *testing.T, h http.Handler, path string) []string {
	t.Helper()
	_, body := get(t, h, local, path)
	var out []string
	for _, m := range regexp.MustCompile(`<h2><a href="/speaker/\d+">([^<]+)</a>`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestSpeakerPage checks Hanno Pevkur's page: his role, his two quotes
// newest first under their article, and the counts.
func TestSpeakerPage(t *testing.T) {
	db, ids := archive(t)
	h := (&web.Server{DB: db}).Handler()
	_, body := get(t, h, local, "/?q=europe")
	m := regexp.MustCompile(`<a href="(/speaker/\d+)">Hanno Pevkur</a>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no link to Hanno Pevkur's page")
	}
	resp, body := get(t, h, local, m[1])
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s = %d", m[1], resp.StatusCode)
	}
	for _, want := range []string{"<h1>Hanno Pevkur</h1>", "Estonian defense minister", "2 quotes", fmt.Sprintf(`<a href="/article/%d">`, ids["seed"])} {
		if !strings.Contains(body, want) {
			t.Errorf("GET %s lacks %q", m[1], want)
		}
	}
	quotes := regexp.MustCompile(`class="text" href="/article/\d+#s\d+-\d+">“`).FindAllString(body, -1)
	if len(quotes) != 2 {
		t.Errorf("GET %s shows %d quotes; want 2", m[1], len(quotes))
	}
	if resp, _ := get(t, h, local, m[1]+"?since=2030-01-01"); resp.StatusCode != http.StatusOK {
		t.Errorf("GET %s?since=2030-01-01 = %d; want 200", m[1], resp.StatusCode)
	} else if _, body := get(t, h, local, m[1]+"?since=2030-01-01"); strings.Contains(body, `class="text"`) {
		t.Errorf("GET %s?since=2030-01-01 shows quotes from before", m[1])
	}
	for _, path := range []string{"/speaker/99999", "/speaker/x", "/article/0"} {
		if resp, _ := get(t, h, local, path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d; want 404", path, resp.StatusCode)
		}
	}
}

// TestArticlePage checks that each quote and position of the seed stands
// marked in the article's text, its anchor holding exactly its words.
func TestArticlePage(t *testing.T) {
	db, ids := archive(t)
	h := (&web.Server{DB: db}).Handler()
	path := fmt.Sprintf("/article/%d", ids["seed"])
	_, body := get(t, h, local, path)
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	said, err := db.ArticleStatements(t.Context(), ids["seed"])
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*html.Node{}
	for n := range doc.Descendants() {
		for _, a := range n.Attr {
			if a.Key == "id" {
				byID[a.Val] = n
			}
		}
	}
	quotes := 0
	for _, s := range said {
		n := byID[fmt.Sprintf("s%d-%d", s.Start, s.End)]
		if n == nil {
			t.Errorf("GET %s: no mark for %q at %d:%d", path, s.Text, s.Start, s.End)
			continue
		}
		want := "span"
		if s.Quote {
			want = "mark"
			quotes++
		}
		if n.Data != want || textOf(n) != s.Text {
			t.Errorf("GET %s: #s%d-%d is <%s> %q; want <%s> %q", path, s.Start, s.End, n.Data, textOf(n), want, s.Text)
		}
	}
	if quotes == 0 {
		t.Errorf("the seed has no quote")
	}
	if !strings.Contains(body, "<h1>seed-afp-nato.txt</h1>") {
		t.Errorf("GET %s: the untitled seed is not named by its file", path)
	}
	if !strings.Contains(body, `<sup class="who"><a href="/speaker/`) {
		t.Errorf("GET %s names no speaker beside a quote", path)
	}
}

// textOf is the text inside n, less the speakers' names set beside quotes.
func textOf(n *html.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == html.TextNode && !inWho(c) {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func inWho(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Data == "sup" {
			return true
		}
	}
	return false
}

func TestDigestsAndSources(t *testing.T) {
	db, _ := archive(t)
	ctx := t.Context()
	out := db.Outbox()
	st, err := out.State(ctx, "console:terminal")
	if err != nil {
		t.Fatal(err)
	}
	next := st
	next.Digest++
	msg := bot.Message{Title: "Morning <digest>", Sections: []bot.Section{{Heading: "Europe", Lines: []bot.Line{{Text: "Europe has to be part", Quote: true, By: "Hanno Pevkur"}}}}}
	if err := out.Commit(ctx, "console:terminal", st, next, []bot.Delivery{{Key: "digest:1", Message: msg}}); err != nil {
		t.Fatal(err)
	}
	d, ok, err := out.Next(ctx, "console:terminal")
	if err != nil || !ok {
		t.Fatalf("Next = %v, %v", ok, err)
	}
	d.State, d.SentAt = bot.Sent, time.Date(2026, 12, 2, 8, 0, 0, 0, time.UTC)
	if err := out.Update(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveFeedState(ctx, store.FeedState{URL: "https://feeds.example/broken.xml", Failures: 3, LastError: "HTTP 500"}); err != nil {
		t.Fatal(err)
	}

	h := (&web.Server{DB: db}).Handler()
	_, body := get(t, h, local, "/digests")
	for _, want := range []string{"console:terminal", "Morning &lt;digest&gt;", "“Europe has to be part” — Hanno Pevkur", "2 Dec 2026"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /digests lacks %q", want)
		}
	}
	_, body = get(t, h, local, "/sources")
	for _, want := range []string{"https://feeds.example/broken.xml", "failing (3 failures): HTTP 500", ">AFP</a>", ">&lt;i&gt;Harbour&lt;/i&gt; Gazette</a>"} {
		if !strings.Contains(body, want) {
			t.Errorf("GET /sources lacks %q", want)
		}
	}
}

// line is a quote, or a position, in an article saveLines builds.
type line struct {
	who, text string
	position  bool
}

// saveLines saves an article made of lines, each a quote ("…", said WHO.)
// or a position (WHO said …), at the offsets the briefing gives.
func saveLines(t *testing.T, db *store.DB, title string, published time.Time, lines ...line) int64 {
	t.Helper()
	var body strings.Builder
	b := summarize.Briefing{Title: title}
	seen := map[string]bool{}
	for _, l := range lines {
		if body.Len() > 0 {
			body.WriteString("\n\n")
		}
		if !seen[l.who] {
			seen[l.who] = true
			b.Actors = append(b.Actors, summarize.Actor{Name: l.who, Kind: summarize.Person, Aliases: []string{l.who}})
		}
		if l.position {
			body.WriteString(l.who + " said ")
			start := body.Len()
			body.WriteString(l.text + ".")
			b.Positions = append(b.Positions, summarize.Position{Actor: l.who, Text: l.text, Start: start, End: start + len(l.text)})
			continue
		}
		body.WriteString("“")
		start := body.Len()
		body.WriteString(l.text + "”, said " + l.who + ".")
		b.Quotes = append(b.Quotes, summarize.Quote{Text: l.text, Speaker: l.who, Start: start, End: start + len(l.text)})
	}
	a := summarize.Article{Title: title, Body: body.String(), Published: published}
	saved, err := db.Save(t.Context(), store.Source{Kind: "file", Key: "isles/" + title + ".txt", Name: title + ".txt"}, a, b)
	if err != nil {
		t.Fatalf("Save(%q): %v", title, err)
	}
	return saved.ArticleID
}

// TestSearchEveryText checks that a speaker who said more about a topic
// than a search page shows has every one of those texts a click away: the
// link under their name opens their page narrowed to the topic, with the
// search's filters.
func TestSearchEveryText(t *testing.T) {
	db, _ := archive(t)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 8, 0, 0, 0, time.UTC) }
	saveLines(t, db, "Ferry timetable", day(10),
		line{who: "Mira Talvik", text: "The ferry will run every hour in summer"},
		line{who: "Mira Talvik", text: "Nobody should wait two hours for a ferry"},
		line{who: "Mira Talvik", text: "the new ferries would be electric", position: true},
		line{who: "Mira Talvik", text: "The bridge is not coming back"})
	saveLines(t, db, "Ferry fares", day(20),
		line{who: "Mira Talvik", text: "Ferry fares stay where they are"},
		line{who: "Mira Talvik", text: "Pupils ride the ferry for free"},
		line{who: "Mira Talvik", text: "the ferry crews had been offered a new contract", position: true},
		line{who: "Mira Talvik", text: "The harbour café opens in May"})
	h := (&web.Server{DB: db}).Handler()
	ferry := []string{
		"Ferry fares stay where they are", "Pupils ride the ferry for free", "the ferry crews had been offered a new contract",
		"The ferry will run every hour in summer", "Nobody should wait two hours for a ferry", "the new ferries would be electric",
	}

	_, body := get(t, h, local, "/?q=ferry")
	if n := strings.Count(body, `class="text"`); n != 5 {
		t.Fatalf("GET /?q=ferry shows %d texts; want the 5 a search shows of Mira Talvik's 6", n)
	}
	link := regexp.MustCompile(`<a href="(/speaker/\d+\?about=ferry)">Everything Mira Talvik said about it`).FindStringSubmatch(body)
	if link == nil {
		t.Fatalf("GET /?q=ferry has no link to everything Mira Talvik said about it:\n%s", body)
	}
	path := html.UnescapeString(link[1])
	_, body = get(t, h, local, path)
	if got := pageTexts(body); strings.Join(got, "|") != strings.Join(ferry, "|") {
		t.Errorf("GET %s shows %q; want every text about the ferry, newest first: %q", path, got, ferry)
	}
	if !strings.Contains(body, "6 statements about “ferry”") {
		t.Errorf("GET %s does not say it shows 6 statements about the ferry", path)
	}

	// The search's filters go along.
	_, body = get(t, h, local, "/?q=ferry&quotes=1&since=2026-11-15")
	link = regexp.MustCompile(`<a href="(/speaker/\d+\?[^"]+)">Everything Mira Talvik`).FindStringSubmatch(body)
	if link == nil {
		t.Fatal("GET /?q=ferry&quotes=1&since=2026-11-15 has no link to Mira Talvik's texts")
	}
	path = html.UnescapeString(link[1])
	_, body = get(t, h, local, path)
	if got, want := pageTexts(body), ferry[:2]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("GET %s shows %q; want the quotes about the ferry since 15 November: %q", path, got, want)
	}

	// about: typed on the speaker's page, and the pages of a narrowed page.
	id := regexp.MustCompile(`/speaker/(\d+)`).FindStringSubmatch(path)[1]
	_, body = get(t, h, local, "/speaker/"+id+"?about=bridge")
	if got := pageTexts(body); len(got) != 1 || got[0] != "The bridge is not coming back" {
		t.Errorf("GET /speaker/%s?about=bridge shows %q; want the one text about the bridge", id, got)
	}
	_, body = get(t, h, local, "/speaker/"+id)
	if got := pageTexts(body); len(got) != 8 {
		t.Errorf("GET /speaker/%s shows %d texts; want all 8", id, len(got))
	}
	// A speaker found by the topics of an article, not by their words,
	// is told so, and pointed to everything they said.
	_, body = get(t, h, local, "/speaker/"+id+"?about=lighthouse")
	if !strings.Contains(body, "None of Mira Talvik’s quotes or positions has these words") || !strings.Contains(body, `<a href="/speaker/`+id+`">Everything Mira Talvik said</a>`) {
		t.Errorf("GET /speaker/%s?about=lighthouse does not say nothing matched and link everything", id)
	}
}

// pageTexts are the texts of the quotes and positions a page links.
func pageTexts(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`class="text" href="[^"]+">“?([^<”]+)”?</a>`).FindAllStringSubmatch(body, -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// TestLoginLimit checks that wrong tokens are limited per client: after
// five in a minute, the form and bearer tokens are answered 429 with
// Retry-After, the right token too, until the minute is over; other
// clients, and readers already signed in, are not held up.
func TestLoginLimit(t *testing.T) {
	db, _ := archive(t)
	const token = "a lighthouse keeper's ledger"
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	h := (&web.Server{DB: db, Token: token, Now: func() time.Time { return now }}).Handler()
	login := func(addr, typed string) (*http.Response, string) {
		form := url.Values{"token": {typed}, "next": {"/"}}
		r := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(form.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.RemoteAddr = addr
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		body, _ := io.ReadAll(w.Result().Body)
		return w.Result(), string(body)
	}
	const guesser, neighbour = "203.0.113.9:5000", "203.0.113.10:5000"

	resp, _ := login(neighbour, token) // signed in before the guessing
	cookie := resp.Cookies()[0]

	for i := range 5 {
		if resp, _ := login(guesser, fmt.Sprintf("guess %d", i)); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong token %d = %d; want 401", i+1, resp.StatusCode)
		}
	}
	resp, body := login(guesser, token)
	if resp.StatusCode != http.StatusTooManyRequests || len(resp.Cookies()) != 0 {
		t.Errorf("the right token after five wrong ones = %d with %d cookies; want 429 and none", resp.StatusCode, len(resp.Cookies()))
	}
	if resp.Header.Get("Retry-After") != "60" || !strings.Contains(body, "Too many wrong tokens from your address. Try again in 60 seconds.") {
		t.Errorf("429 says Retry-After %q and %q; want 60 and when to try again", resp.Header.Get("Retry-After"), body)
	}
	if resp, _ := get(t, h, guesser, "/", "Authorization", "Bearer "+token); resp.StatusCode != http.StatusTooManyRequests {
		t.Errorf("GET / with the bearer token from the guesser = %d; want 429", resp.StatusCode)
	}
	if resp, _ := get(t, h, neighbour, "/", "Authorization", "Bearer "+token); resp.StatusCode != http.StatusOK {
		t.Errorf("GET / with the bearer token from another client = %d; want 200", resp.StatusCode)
	}
	if resp, _ := get(t, h, guesser, "/", "Cookie", cookie.Name+"="+cookie.Value); resp.StatusCode != http.StatusOK {
		t.Errorf("GET / signed in, from the guesser's address = %d; want 200", resp.StatusCode)
	}

	now = now.Add(30 * time.Second)
	if resp, _ := login(guesser, token); resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "30" {
		t.Errorf("the right token 30 s later = %d, Retry-After %q; want 429, 30", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	now = now.Add(31 * time.Second)
	if resp, _ := login(guesser, token); resp.StatusCode != http.StatusSeeOther || len(resp.Cookies()) != 1 {
		t.Errorf("the right token a minute later = %d with %d cookies; want 303 and the cookie", resp.StatusCode, len(resp.Cookies()))
	}

	// Bearer guesses count as form guesses do; an IPv6 client is its /64.
	for i := range 5 {
		if resp, _ := get(t, h, "[2001:db8::1]:80", "/", "Authorization", fmt.Sprintf("Bearer guess %d", i)); resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("wrong bearer token %d = %d; want 401", i+1, resp.StatusCode)
		}
	}
	if resp, _ := get(t, h, "[2001:db8::2]:80", "/", "Authorization", "Bearer "+token); resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("the bearer token from the guesser's /64 = %d, Retry-After %q; want 429 with one", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if resp, _ := get(t, h, "[2001:db8:0:1::1]:80", "/", "Authorization", "Bearer "+token); resp.StatusCode != http.StatusOK {
		t.Errorf("the bearer token from another /64 = %d; want 200", resp.StatusCode)
	}
}

// TestDigestLinksToItsPage checks that with the web archive's address set,
// a digest links to its own page, as briefings link to their articles',
// and that the page shows that digest: made by the dispatcher as the bot
// makes it, kept in the archive's outbox, served by the archive.
func TestDigestLinksToItsPage(t *testing.T) {
	db, _ := archive(t)
	ctx := t.Context()
	ch := bot.Channel{Platform: "slack", ID: "C0HARBOUR", Digest: true}
	disp := &bot.Dispatcher{Store: db.Outbox(), Channels: []bot.Channel{ch}, WebURL: "https://news.example.org/",
		Posters: map[string]bot.Poster{"slack": unusedPoster{}},
		Now:     func() time.Time { return time.Date(2026, 12, 2, 7, 0, 0, 0, time.UTC) }}
	if err := disp.Open(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := disp.DigestNow(ctx, ch.Key()); err != nil {
		t.Fatal(err)
	}
	d, ok, err := db.Outbox().Next(ctx, ch.Key())
	if err != nil || !ok {
		t.Fatalf("Next(%s) = %v, %v; want the digest", ch.Key(), ok, err)
	}
	link := d.Message.URL
	if !strings.HasPrefix(link, "https://news.example.org/digest?") || !strings.Contains(d.Message.Footer, link) ||
		!strings.Contains(d.Message.Text, "On the web: "+link) {
		t.Fatalf("digest URL %q, footer %q, text %q; want its page on the web, in the footer and the text too", link, d.Message.Footer, d.Message.Text)
	}
	path := strings.TrimPrefix(link, "https://news.example.org")
	h := (&web.Server{DB: db}).Handler()
	resp, body := get(t, h, local, path)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, html.EscapeString(d.Message.Title)) || !strings.Contains(body, "slack:C0HARBOUR") ||
		!strings.Contains(body, html.EscapeString(d.Message.Sections[0].Lines[0].Text)) {
		t.Errorf("GET %s = %d %q; want the digest %q", path, resp.StatusCode, body, d.Message.Title)
	}
	// Posted, it is listed with a link to its page.
	d.State, d.SentAt = bot.Sent, time.Date(2026, 12, 2, 7, 1, 0, 0, time.UTC)
	if err := db.Outbox().Update(ctx, d); err != nil {
		t.Fatal(err)
	}
	if _, body := get(t, h, local, "/digests"); !strings.Contains(body, `<a href="`+html.EscapeString(path)+`">`) {
		t.Errorf("GET /digests does not link the digest's page %s", path)
	}
	for _, bad := range []string{"/digest?channel=slack:C0HARBOUR&key=digest:0", "/digest?channel=slack:C0HARBOUR&key=briefing:1", "/digest"} {
		if resp, _ := get(t, h, local, bad); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s = %d; want 404", bad, resp.StatusCode)
		}
	}
}

// unusedPoster stands for a platform a test posts nothing to.
type unusedPoster struct{}

func (unusedPoster) Parts(bot.Message) int { return 1 }

func (unusedPoster) Post(context.Context, string, bot.Message, bot.Part) (string, error) {
	return "", errors.New("unusedPoster posts nothing")
}
