package bot

// Message is a post to a channel, before any platform renders it. Text is
// the whole message as plain text, which the terminal prints and chat
// platforms use as the notification and fallback; the other fields carry
// the same content in parts, for platforms that lay it out (blocks,
// embeds). Every field holds text as the article wrote it, unescaped: each
// platform escapes for itself.
type Message struct {
	Text     string    `json:"text"`
	Title    string    `json:"title"`
	URL      string    `json:"url,omitempty"`
	Sections []Section `json:"sections,omitempty"`
	Footer   string    `json:"footer,omitempty"`
}

// Section is a part of a message under an optional heading.
type Section struct {
	Heading string `json:"heading,omitempty"`
	Lines   []Line `json:"lines"`
	// Thread marks a part that may follow the message rather than sit in
	// it, such as a long briefing's quotes: Slack posts it as a reply in
	// the message's thread, so the channel shows the gist.
	Thread bool `json:"thread,omitempty"`
}

// Line is one item of a section: a sentence, or a quote with who said it.
type Line struct {
	Text  string `json:"text"`
	Quote bool   `json:"quote,omitempty"`
	By    string `json:"by,omitempty"`
}
