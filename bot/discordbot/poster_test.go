package discordbot

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
)

func briefing() bot.Message {
	return bot.Message{
		Text:  "NATO ministers meet\n...",
		Title: "NATO ministers meet in Brussels",
		URL:   "https://example.com/nato",
		Sections: []bot.Section{
			{Lines: []bot.Line{{Text: "Ministers met on Tuesday to discuss *spending*."}}},
			{Heading: "Quotes", Lines: []bot.Line{
				{Text: "Europe must do more.", Quote: true, By: "Pete Hegseth"},
				{Text: "We are ready.", Quote: true, By: "Mark Rutte"},
			}},
		},
		Footer: "nato.txt · 2025-02-12",
	}
}

func TestPostBriefing(t *testing.T) {
	f := newFake(t, nil)
	p := &Poster{Session: f.session()}
	id, err := p.Post(t.Context(), "123", briefing(), bot.Part{Key: "delivery-7"})
	if err != nil {
		t.Fatalf("Post = %v", err)
	}
	if id != "m0" {
		t.Errorf("Post id = %q; want m0", id)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("got %d requests; want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "/api/v9/channels/123/messages" {
		t.Errorf("request = %s %s; want POST /api/v9/channels/123/messages", r.Method, r.Path)
	}
	if !strings.Contains(string(r.Body), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("body %s lacks allowed_mentions parse []", r.Body)
	}
	got := decodeSent(t, r.Body)
	if want := Nonce(bot.Part{Key: "delivery-7"}); got.Nonce != want || len(got.Nonce) > 25 || !got.EnforceNonce {
		t.Errorf("nonce = %q, enforce_nonce = %v; want %q, true", got.Nonce, got.EnforceNonce, want)
	}
	want := []*discordgo.MessageEmbed{{
		Type:        discordgo.EmbedTypeRich,
		Title:       "NATO ministers meet in Brussels",
		URL:         "https://example.com/nato",
		Description: `Ministers met on Tuesday to discuss \*spending\*.`,
		Fields: []*discordgo.MessageEmbedField{{
			Name:  "Quotes",
			Value: "> “Europe must do more.” — Pete Hegseth\n> “We are ready.” — Mark Rutte",
		}},
		Footer: &discordgo.MessageEmbedFooter{Text: "nato.txt · 2025-02-12"},
	}}
	if diff := cmp.Diff(want, got.Embeds); diff != "" {
		t.Errorf("embeds (-want +got):\n%s", diff)
	}
}

func TestPostSameKeySameNonce(t *testing.T) {
	f := newFake(t, nil)
	p := &Poster{Session: f.session()}
	for range 2 {
		if _, err := p.Post(t.Context(), "123", briefing(), bot.Part{Key: "k"}); err != nil {
			t.Fatal(err)
		}
	}
	reqs := f.requests()
	if a, b := decodeSent(t, reqs[0].Body).Nonce, decodeSent(t, reqs[1].Body).Nonce; a != b {
		t.Errorf("nonces %q, %q for one key; want equal", a, b)
	}
}

// longBriefing has 40 quotes by people with long names: more than one
// message holds.
func longBriefing() bot.Message {
	m := bot.Message{Title: strings.Repeat("Long title ", 30), URL: "javascript:alert(1)", Footer: "source"}
	m.Sections = append(m.Sections, bot.Section{Lines: []bot.Line{{Text: strings.Repeat("lede ", 1000)}}})
	var quotes []bot.Line
	for i := range 40 {
		quotes = append(quotes, bot.Line{
			Text:  fmt.Sprintf("quote %d: %s", i, strings.Repeat("words and more words ", 30)),
			Quote: true,
			By:    fmt.Sprintf("Speaker %d %s", i, strings.Repeat("Longname-", 20)),
		})
	}
	m.Sections = append(m.Sections, bot.Section{Heading: "Who said what", Lines: quotes})
	return m
}

// checkLimits fails t for anything in m over Discord's limits.
func checkLimits(t *testing.T, m sent) {
	t.Helper()
	if size(m.Content) > maxContent {
		t.Errorf("content of %d characters", size(m.Content))
	}
	if len(m.Embeds) == 0 || len(m.Embeds) > maxEmbeds {
		t.Errorf("%d embeds", len(m.Embeds))
	}
	total := 0
	for _, e := range m.Embeds {
		n := size(e.Title) + size(e.Description)
		if size(e.Title) > maxTitle || size(e.Description) > maxDescription {
			t.Errorf("title of %d, description of %d characters", size(e.Title), size(e.Description))
		}
		if len(e.Fields) > maxFields {
			t.Errorf("%d fields", len(e.Fields))
		}
		for _, f := range e.Fields {
			if f.Name == "" || f.Value == "" || size(f.Name) > maxFieldName || size(f.Value) > maxFieldValue {
				t.Errorf("field name of %d, value of %d characters", size(f.Name), size(f.Value))
			}
			n += size(f.Name) + size(f.Value)
		}
		if e.Footer != nil {
			if size(e.Footer.Text) > maxFooter {
				t.Errorf("footer of %d characters", size(e.Footer.Text))
			}
			n += size(e.Footer.Text)
		}
		if n == 0 {
			t.Errorf("empty embed")
		}
		total += n
	}
	if total > maxMessageChars {
		t.Errorf("%d characters in a message's embeds", total)
	}
}

func TestPostSplitsLongMessage(t *testing.T) {
	f := newFake(t, nil)
	p := &Poster{Session: f.session()}
	m := longBriefing()
	id, err := postAll(t, p, "123", m, "long")
	if err != nil || id != "m0" {
		t.Fatalf("Post = %q, %v; want m0, nil", id, err)
	}
	reqs := f.requests()
	if len(reqs) < 3 {
		t.Fatalf("posted %d messages; want several", len(reqs))
	}
	var all strings.Builder
	nonces := map[string]bool{}
	for i, r := range reqs {
		got := decodeSent(t, r.Body)
		checkLimits(t, got)
		if nonces[got.Nonce] || len(got.Nonce) > 25 || !got.EnforceNonce {
			t.Errorf("message %d: nonce %q (enforced %v): repeated or too long", i, got.Nonce, got.EnforceNonce)
		}
		nonces[got.Nonce] = true
		for _, e := range got.Embeds {
			if e.URL != "" {
				t.Errorf("embed URL %q; want none for a javascript: URL", e.URL)
			}
			all.WriteString(e.Title + "\n" + e.Description + "\n")
			for _, f := range e.Fields {
				all.WriteString(f.Name + "\n" + f.Value + "\n")
			}
			if e.Footer != nil {
				all.WriteString(e.Footer.Text + "\n")
			}
		}
	}
	text := all.String()
	for _, q := range m.Sections[1].Lines {
		if want := "> “" + q.Text[:len(q.Text)-1] + "” — " + q.By; !strings.Contains(text, want) {
			t.Errorf("quote %.20q… by %.20q… missing", q.Text, q.By)
		}
	}
	if !strings.Contains(text, strings.TrimSpace(m.Title)) {
		t.Errorf("full title missing")
	}
	// The lede is cut at spaces: every word is there.
	if got, want := strings.Count(text, "lede"), 1000; got != want {
		t.Errorf("%d ledes; want %d", got, want)
	}
	if !strings.Contains(text, "source") {
		t.Errorf("footer missing")
	}
}

func TestRenderWithinLimits(t *testing.T) {
	long := strings.Repeat("x", 9000) // no space to cut at
	for name, m := range map[string]bot.Message{
		"one long word":  {Title: "t", Sections: []bot.Section{{Lines: []bot.Line{{Text: long}}}}},
		"long field":     {Sections: []bot.Section{{Heading: strings.Repeat("h", 300), Lines: []bot.Line{{Text: long}}}}},
		"long footer":    {Title: "t", Footer: strings.Repeat("f ", 1500)},
		"text only":      {Text: "Nothing new since Monday."},
		"many sections":  manySections(),
		"long briefing":  longBriefing(),
		"mentions title": {Title: "@everyone " + strings.Repeat("é", 300)},
	} {
		t.Run(name, func(t *testing.T) {
			parts := Render(m)
			if len(parts) == 0 {
				t.Fatal("Render gave nothing")
			}
			total := 0
			for _, p := range parts {
				checkLimits(t, sent{Content: p.Content, Embeds: p.Embeds})
				for _, e := range p.Embeds {
					total += strings.Count(e.Description, "x")
					for _, f := range e.Fields {
						total += strings.Count(f.Value, "x")
					}
				}
			}
			if n := strings.Count(long, "x"); strings.Contains(name, "long") && !strings.Contains(name, "briefing") && !strings.Contains(name, "footer") && total != n {
				t.Errorf("%d x's rendered; want %d", total, n)
			}
		})
	}
}

func manySections() bot.Message {
	var m bot.Message
	for i := range 60 {
		m.Sections = append(m.Sections, bot.Section{Heading: fmt.Sprint("Section ", i), Lines: []bot.Line{{Text: strings.Repeat("y", 150)}}})
	}
	return m
}

func TestPostErrors(t *testing.T) {
	for _, tc := range []struct {
		name      string
		status    int
		body      string
		permanent bool
	}{
		{"missing permissions", 403, `{"message":"Missing Permissions","code":50013}`, true},
		{"unknown channel", 404, `{"message":"Unknown Channel","code":10003}`, true},
		{"missing access", 400, `{"message":"Missing Access","code":50001}`, true},
		{"server error", 500, `{"message":"oops","code":0}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(t, func(int, request) (int, string) { return tc.status, tc.body })
			p := &Poster{Session: f.session()}
			_, err := p.Post(t.Context(), "123", briefing(), bot.Part{Key: "k"})
			if err == nil {
				t.Fatal("Post = nil error")
			}
			if got := bot.IsPermanent(err); got != tc.permanent {
				t.Errorf("IsPermanent(%v) = %v; want %v", err, got, tc.permanent)
			}
			if _, ok := errors.AsType[*bot.RateLimitError](err); ok {
				t.Errorf("Post = %v; want no rate-limit error", err)
			}
			if _, ok := errors.AsType[*discordgo.RESTError](err); !ok {
				t.Errorf("Post = %v; want it to wrap the *discordgo.RESTError", err)
			}
		})
	}
}

// A 429 on the first message comes back as a *bot.RateLimitError, and
// the dispatcher's retry posts it once.
func TestPostRateLimited(t *testing.T) {
	f := newFake(t, func(n int, _ request) (int, string) {
		if n == 0 {
			return http.StatusTooManyRequests, `{"message":"You are being rate limited.","retry_after":1.5,"global":false}`
		}
		return 0, ""
	})
	p := &Poster{Session: f.session()}
	_, err := p.Post(t.Context(), "123", briefing(), bot.Part{Key: "k"})
	rl, ok := errors.AsType[*bot.RateLimitError](err)
	if !ok {
		t.Fatalf("Post = %v; want a *bot.RateLimitError", err)
	}
	if rl.RetryAfter != 1500*time.Millisecond {
		t.Errorf("RetryAfter = %v; want 1.5s", rl.RetryAfter)
	}
	if bot.IsPermanent(err) {
		t.Errorf("a rate limit is Permanent")
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("discordgo sent %d requests on a 429; want 1 (no retry of its own)", n)
	}
	id, err := p.Post(t.Context(), "123", briefing(), bot.Part{Key: "k"})
	if err != nil || id != "m1" {
		t.Fatalf("second Post = %q, %v; want m1, nil", id, err)
	}
	acc := f.accepted()
	if len(acc) != 1 {
		t.Errorf("%d messages accepted; want 1", len(acc))
	}
}

// postAll posts every part of m as the dispatcher does, one after the
// other, and returns the first part's id.
func postAll(t *testing.T, p *Poster, channel string, m bot.Message, key string) (string, error) {
	t.Helper()
	var first string
	for i := range p.Parts(m) {
		id, err := p.Post(t.Context(), channel, m, bot.Part{Key: key, Index: i, Thread: first})
		if err != nil {
			return first, err
		}
		if i == 0 {
			first = id
		}
	}
	return first, nil
}

// A 429 or a server error on a later part is returned, for the dispatcher
// to retry that part: nothing is swallowed or retried here.
func TestPostLaterPartFails(t *testing.T) {
	for _, tc := range []struct {
		status    int
		body      string
		rateLimit bool
	}{
		{http.StatusTooManyRequests, `{"message":"slow down","retry_after":2,"global":false}`, true},
		{http.StatusInternalServerError, `{"message":"oops"}`, false},
	} {
		f := newFake(t, func(n int, _ request) (int, string) {
			if n == 1 {
				return tc.status, tc.body
			}
			return 0, ""
		})
		p := &Poster{Session: f.session()}
		_, err := postAll(t, p, "123", longBriefing(), "k")
		if _, ok := errors.AsType[*bot.RateLimitError](err); err == nil || ok != tc.rateLimit || bot.IsPermanent(err) {
			t.Errorf("%d on part 2: Post = %v; want an error to retry, a rate limit %v", tc.status, err, tc.rateLimit)
		}
		if n := len(f.requests()); n != 2 {
			t.Errorf("%d on part 2: %d requests; want 2", tc.status, n)
		}
	}
}

// TestNonce makes nonces Discord takes (25 characters at most), one for
// each part and each archive.
func TestNonce(t *testing.T) {
	seen := map[string]bool{}
	for _, pt := range []bot.Part{
		{Key: "3f1c0a9b2e4d5f60/briefing:1"}, {Key: "3f1c0a9b2e4d5f60/briefing:1", Index: 1},
		{Key: "77aa00bb11cc22dd/briefing:1"}, {Key: "3f1c0a9b2e4d5f60/briefing:2"},
	} {
		n := Nonce(pt)
		if len(n) > 25 || seen[n] {
			t.Errorf("Nonce(%+v) = %q: too long or repeated", pt, n)
		}
		seen[n] = true
		if Nonce(pt) != n {
			t.Errorf("Nonce(%+v) differs between calls", pt)
		}
	}
}

func TestEscape(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"@everyone <@123> **x** [click](https://evil)",
			"@\u200beveryone <@\u200b123> \\*\\*x\\*\\* \\[click\\](https://evil)"},
		{"@here <@&42> <#99> <@!7> </cmd:1>",
			"@\u200bhere <@\u200b&42> <\u200b#99> <@\u200b!7> <\u200b/cmd:1>"},
		{"> quoted\n# heading\n- item\n1. first\n  -# small", "\\> quoted\n\\# heading\n\\- item\n1\\. first\n  \\-# small"},
		{`a_b ~~c~~ ` + "`code`" + ` ||spoiler|| back\slash`, `a\_b \~\~c\~\~ \` + "`code\\`" + ` \|\|spoiler\|\| back\\slash`},
		{"plain text, 3 > 2 - fine", "plain text, 3 > 2 - fine"},
	} {
		if got := Escape(tc.in); got != tc.want {
			t.Errorf("Escape(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

// The escaped text, rendered and posted, carries no live mention or link.
func TestPostInert(t *testing.T) {
	f := newFake(t, nil)
	p := &Poster{Session: f.session()}
	m := bot.Message{Title: "x", Sections: []bot.Section{{Lines: []bot.Line{{Text: "@everyone <@123> **x** [click](https://evil)"}}}}}
	if _, err := p.Post(t.Context(), "1", m, bot.Part{Key: "k"}); err != nil {
		t.Fatal(err)
	}
	got := decodeSent(t, f.requests()[0].Body)
	d := got.Embeds[0].Description
	for _, live := range []string{"@everyone", "<@123>", "**x**", "[click]("} {
		if strings.Contains(d, live) {
			t.Errorf("description %q contains live %q", d, live)
		}
	}
}

func TestRenderPositionsSayWhose(t *testing.T) {
	m := bot.Message{Title: "Bridge", Sections: []bot.Section{{Heading: "Key positions", Lines: []bot.Line{
		{Text: "the bridge would reopen in May", By: "Ellen Voss"},
	}}}}
	parts := Render(m)
	if len(parts) != 1 || len(parts[0].Embeds) != 1 || len(parts[0].Embeds[0].Fields) != 1 {
		t.Fatalf("Render(%+v) = %+v; want one embed with one field", m, parts)
	}
	if got, want := parts[0].Embeds[0].Fields[0].Value, "the bridge would reopen in May — Ellen Voss"; got != want {
		t.Errorf("position field = %q; want %q", got, want)
	}
}
