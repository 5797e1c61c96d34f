package store

import (
	"fmt"
	"strings"

	"github.com/briefbot/briefbot/bot"
)

// entry is entryOf(v) with a link to the article's page in the web
// archive, when the outbox has the archive's address.
func (o *Outbox) entry(v version) bot.Entry {
	e := entryOf(v)
	if o.WebURL != "" {
		e.Link = fmt.Sprintf("%s/article/%d", strings.TrimRight(o.WebURL, "/"), v.articleID)
	}
	return e
}
