package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/briefbot/briefbot/internal/web"
)

// The browser tests drive the real pages in a headless Chromium (Debian's
// chromium, which .ci/run installs). Screenshots of each page go to the
// test's artifact directory: run
//
//	go test -run Browser -artifacts -outputdir /tmp/shots ./internal/web
//
// to keep them.

// browser starts a headless Chromium for the test, shaped like a phone,
// and returns its context. Without Chromium the test is skipped, except
// under CI, where it fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no chromium on PATH; CI must have it (.ci/run installs it)")
		}
		t.Skip("no chromium on PATH")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		// Chromium's own traffic (updates, sync, QUIC probes) has nowhere
		// to go on a closed network and only slows the test.
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(412, 915),
	)
	ctx, cancel := context.WithTimeout(t.Context(), 90*time.Second)
	t.Cleanup(cancel)
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	t.Cleanup(cancelAlloc)
	ctx, cancelBrowser := chromedp.NewContext(ctx)
	t.Cleanup(cancelBrowser)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	return ctx
}

// screenshot saves the whole page as name.png in the test's artifact
// directory.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	save(t, name, png)
}

// save keeps an image as name.png in the test's artifact directory.
func save(t *testing.T, name string, png []byte) {
	t.Helper()
	path := filepath.Join(t.ArtifactDir(), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}

// target is the element the URL's fragment lands on, as the browser sees
// it.
type target struct {
	Tag        string `json:"tag"`
	Text       string `json:"text"`
	Background string `json:"background"`
	// Visible is true when the element is inside the viewport.
	Visible bool `json:"visible"`
}

const targetJS = `(() => {
	const t = document.querySelector(':target');
	if (!t) return null;
	const r = t.getBoundingClientRect();
	let text = '';
	const walk = n => { for (const c of n.childNodes) { if (c.nodeType === 3) text += c.data; else if (c.tagName !== 'SUP') walk(c); } };
	walk(t);
	return {tag: t.tagName, text: text, background: getComputedStyle(t).backgroundColor,
		visible: r.bottom > 0 && r.top < window.innerHeight};
})()`

// TestBrowserSearchToQuote follows a reader: search "europe", open Hanno
// Pevkur's page, click one of his quotes and see it highlighted in the
// article's text.
func TestBrowserSearchToQuote(t *testing.T) {
	db, ids := archive(t)
	srv := httptest.NewServer((&web.Server{DB: db}).Handler())
	defer srv.Close()
	ctx := browser(t)

	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=q]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=q]`), "europe"),
		chromedp.Submit(chromedp.CSS(`input[name=q]`)),
		chromedp.WaitVisible(chromedp.CSS(`li.speaker`)),
	); err != nil {
		t.Fatalf("searching for europe: %v", err)
	}
	first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`li.speaker h2 a`)))
	if err != nil {
		t.Fatal(err)
	}
	if first != "Hanno Pevkur" {
		t.Errorf("first speaker for europe = %q; want Hanno Pevkur", first)
	}
	screenshot(t, ctx, "search-europe")

	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`li.speaker h2 a`)),
		chromedp.WaitVisible(chromedp.CSS(`h1`)),
	); err != nil {
		t.Fatalf("opening the speaker's page: %v", err)
	}
	name, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`h1`)))
	if err != nil {
		t.Fatal(err)
	}
	quotes, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('li.said.is-quote a.text')].map(a => a.textContent)`))
	if err != nil {
		t.Fatal(err)
	}
	if name != "Hanno Pevkur" || len(quotes) != 2 {
		t.Errorf("speaker page = %q with quotes %q; want Hanno Pevkur with two", name, quotes)
	}
	screenshot(t, ctx, "speaker-pevkur")
	if len(quotes) == 0 {
		return
	}

	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`li.said.is-quote a.text`)),
		chromedp.WaitVisible(chromedp.CSS(`mark.quote:target`)),
	); err != nil {
		t.Fatalf("clicking a quote: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	at, err := chromedp.Run(ctx, chromedp.Evaluate[target](targetJS))
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Trim(quotes[0], "“”")
	if !strings.HasPrefix(loc, fmt.Sprintf("%s/article/%d#s", srv.URL, ids["seed"])) || at.Tag != "MARK" || at.Text != want || !at.Visible {
		t.Errorf("after clicking %q: at %s, target %+v; want the seed article scrolled to a <mark> holding exactly the quote", quotes[0], loc, at)
	}
	// The quote clicked stands out from the other quotes.
	other, err := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector('mark.quote:not(:target)')).backgroundColor`))
	if err != nil {
		t.Fatal(err)
	}
	if at.Background == other {
		t.Errorf("the quote clicked has the background of the others (%s); want it highlighted", other)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	save(t, "article-quote-clicked", png)
	screenshot(t, ctx, "article-seed")
}

// TestBrowserEverythingAbout follows, from a search, the link to all a
// speaker said about the words: their page narrowed to them.
func TestBrowserEverythingAbout(t *testing.T) {
	db, _ := archive(t)
	srv := httptest.NewServer((&web.Server{DB: db}).Handler())
	defer srv.Close()
	ctx := browser(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/?q=europe"),
		chromedp.WaitVisible(chromedp.CSS(`li.speaker p.all a`)),
		chromedp.Click(chromedp.CSS(`li.speaker p.all a`)),
		chromedp.WaitVisible(chromedp.CSS(`h1`)),
	); err != nil {
		t.Fatalf("following the first speaker's link to all they said about europe: %v", err)
	}
	name, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`h1`)))
	if err != nil {
		t.Fatal(err)
	}
	count, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`p.count`)))
	if err != nil {
		t.Fatal(err)
	}
	about, err := chromedp.Run(ctx, chromedp.Value(chromedp.CSS(`input[name=about]`)))
	if err != nil {
		t.Fatal(err)
	}
	if name != "Hanno Pevkur" || count != "2 statements about “europe”, newest first" || about != "europe" {
		t.Errorf("page = %q, %q, about field %q; want Hanno Pevkur's 2 statements about europe, the field filled in", name, count, about)
	}
	screenshot(t, ctx, "speaker-pevkur-about-europe")
}

// TestBrowserHostileArticle opens every page that shows the hostile
// article: nothing in it runs, no dialog opens, its markup shows as text.
func TestBrowserHostileArticle(t *testing.T) {
	db, ids := archive(t)
	srv := httptest.NewServer((&web.Server{DB: db}).Handler())
	defer srv.Close()
	ctx := browser(t)
	var dialogs atomic.Int32
	opening := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range opening {
			if err != nil {
				return
			}
			dialogs.Add(1)
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{})
		}
	}()
	for _, p := range []struct{ path, shot string }{
		{fmt.Sprintf("/article/%d", ids["hostile"]), "article-hostile"},
		{"/?q=harbour", "search-harbour"},
		{"/", "home"},
		{"/sources", "sources"},
	} {
		if err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+p.path),
			chromedp.WaitVisible(chromedp.CSS(`main`)),
		); err != nil {
			t.Fatalf("opening %s: %v", p.path, err)
		}
		title, err := chromedp.Run(ctx, chromedp.Title())
		if err != nil {
			t.Fatal(err)
		}
		active, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.scripts.length + document.images.length + document.querySelectorAll('iframe, object, embed').length`))
		if err != nil {
			t.Fatal(err)
		}
		if title == "pwned" || active != 0 {
			t.Errorf("%s: title %q, %d scripts, images or frames; want no script run, none in the page", p.path, title, active)
		}
		links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('[href]')].map(a => a.getAttribute('href'))`))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range links {
			if strings.HasPrefix(strings.ToLower(l), "javascript:") {
				t.Errorf("%s links to %q", p.path, l)
			}
		}
		if strings.HasPrefix(p.path, "/article/") {
			h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`h1`)))
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(h1, "<script>") {
				t.Errorf("%s heading = %q; want the title's markup shown as text", p.path, h1)
			}
		}
		screenshot(t, ctx, p.shot)
	}
	// Give a script that slipped through a moment to open its dialog.
	if err := chromedp.Do(ctx, chromedp.Sleep(200*time.Millisecond)); err != nil {
		t.Fatal(err)
	}
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil {
		t.Fatal(err)
	}
	if n := dialogs.Load(); n != 0 || title == "pwned" {
		t.Errorf("%d dialogs opened, title %q; want none, and no script run", n, title)
	}
}

// outsideAddr is an address of this machine that is not loopback, so that
// a request to it comes from a non-loopback address; "" when there is
// none.
func outsideAddr() string {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return ""
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			return n.IP.String()
		}
	}
	return ""
}

// TestBrowserAccess reaches the archive from a non-loopback address:
// refused without a token; with one, the login form lets the reader in.
func TestBrowserAccess(t *testing.T) {
	ip := outsideAddr()
	if ip == "" {
		t.Skip("this machine has no non-loopback IPv4 address to come from")
	}
	db, _ := archive(t)
	ctx := browser(t)
	serve := func(token string) string {
		ln, err := net.Listen("tcp", ip+":0")
		if err != nil {
			t.Fatal(err)
		}
		srv := &http.Server{Handler: (&web.Server{DB: db, Token: token}).Handler()}
		go srv.Serve(ln)
		t.Cleanup(func() { srv.Close() })
		return "http://" + ln.Addr().String()
	}

	open := serve("")
	if err := chromedp.Do(ctx, chromedp.Navigate(open+"/?q=europe")); err != nil {
		t.Fatal(err)
	}
	body, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`body`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "answers only on the machine it runs on") || strings.Contains(body, "Pevkur") {
		t.Errorf("GET /?q=europe from %s without a token shows %q; want it refused", ip, body)
	}
	screenshot(t, ctx, "refused")

	const token = "a long token for the test"
	guarded := serve(token)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(guarded+"/?q=europe"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=token]`)),
	); err != nil {
		t.Fatal(err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc, guarded+"/login?next=") {
		t.Errorf("without the token the browser is at %s; want the login form", loc)
	}
	screenshot(t, ctx, "login")
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.CSS(`input[name=token]`), "wrong"),
		chromedp.Submit(chromedp.CSS(`input[name=token]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.problem`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=token]`), token),
		chromedp.Submit(chromedp.CSS(`input[name=token]`)),
		chromedp.WaitVisible(chromedp.CSS(`li.speaker`)),
	); err != nil {
		t.Fatalf("signing in: %v", err)
	}
	loc, err = chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	first, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`li.speaker h2 a`)))
	if err != nil {
		t.Fatal(err)
	}
	if loc != guarded+"/?q=europe" || first != "Hanno Pevkur" {
		t.Errorf("after signing in at %s, first speaker %q; want /?q=europe and Hanno Pevkur", loc, first)
	}
	screenshot(t, ctx, "signed-in")
}
