package discordbot

import (
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/bwmarrin/discordgo"
)

// NewSession makes a session for the bot token. apiURL, when not "", is
// where its HTTP requests go instead of discord.com (a proxy, or a test
// server): discordgo builds its endpoints from package variables when it
// starts, so the requests are redirected rather than the endpoints
// changed.
func NewSession(token, apiURL string) (*discordgo.Session, error) {
	s, err := discordgo.New("Bot " + token)
	if err != nil {
		return nil, fmt.Errorf("making a discord session: %w", err)
	}
	s.Client = &http.Client{Timeout: 30 * time.Second}
	if apiURL != "" {
		to, err := url.Parse(apiURL)
		if err != nil || to.Host == "" {
			return nil, fmt.Errorf("discord API URL %q: not an absolute URL", apiURL)
		}
		s.Client.Transport = redirect{to: to, next: http.DefaultTransport}
	}
	return s, nil
}

// redirect sends every request to another scheme and host, the path
// unchanged.
type redirect struct {
	to   *url.URL
	next http.RoundTripper
}

func (rt redirect) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host, r.Host = rt.to.Scheme, rt.to.Host, rt.to.Host
	return rt.next.RoundTrip(r)
}
