// Package summarize turns the text of a news article into a Briefing: its
// direct quotes with their speakers, the actors who speak, their positions in
// reported speech, a lede and search topics.
//
// It is the pure core of briefbot: standard library only, no I/O, no clock,
// and the same Article always gives the same Briefing. Every Quote and
// Position text is a verbatim slice of Article.Body, so a caller can always
// show where in the source it came from.
package summarize

import "time"

// Article is one news article as plain text.
type Article struct {
	Title string
	// Body is the article text; paragraphs are separated by newlines.
	Body   string
	URL    string
	Source string
	// Byline is who wrote the article, as its page or feed gives it
	// ("Jane Doe", "Jane Doe and Ali Khan"); Brief does not read it.
	Byline    string
	Published time.Time
}

// Briefing is what an article says and who says it.
type Briefing struct {
	Title     string
	Lede      string
	Quotes    []Quote
	Actors    []Actor
	Positions []Position
	// Topics are the places, organisations and people the article mentions,
	// in order of first mention, with adjectives mapped to their base
	// ("European" → "Europe").
	Topics []string
}

// Quote is one direct quotation: the words inside a pair of quotation marks.
type Quote struct {
	// Text is Body[Start:End], without the marks.
	Text       string
	Start, End int
	// Speaker is the fullest name the article gives for whoever said the
	// words, or "" when the article does not say.
	Speaker string
	// Role is the speaker's title or affiliation as the article gives it.
	Role string
	// Partial is set for a fragment quoted inside a reported sentence.
	Partial bool
	// SentenceStart and SentenceEnd are the byte offsets in Body of the
	// sentence the quotation is in (from the one it opens in to the one it
	// closes in), the context a reader needs for a fragment.
	SentenceStart, SentenceEnd int
}

// Kind says what sort of actor speaks.
type Kind string

// The kinds of actor.
const (
	Person       Kind = "person"
	Organisation Kind = "organisation"
	Group        Kind = "group"
)

// Actor is someone who speaks in the article, once, whatever it is called.
type Actor struct {
	Name string
	Role string
	// Aliases are the forms the article uses for the actor, the name first.
	Aliases []string
	Kind    Kind
}

// Position is a statement an actor is reported to have made: a verbatim
// clause of reported speech, in the article's words. A speaker the article
// only quotes has none; their words are in Quotes.
type Position struct {
	Actor      string
	Text       string
	Start, End int
}
