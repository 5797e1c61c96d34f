package summarize

import "testing"

// TestBriefOddSubjects holds inputs whose shape once crashed the
// summarizer; each must brief without a panic and keep its quote verbatim.
func TestBriefOddSubjects(t *testing.T) {
	for _, body := range []string{
		// A subject of nothing but a pronoun and a number word ("That's
		// one") before a quoted word read as a description.
		"Voters forgive a lot after thirty years. That's one reason the \"new\" senator who ran again won the seat.",
		"There is a second path for the party. That's one that would start with a governor of the west.",
	} {
		b := Brief(Article{Body: body})
		for _, x := range b.Quotes {
			if body[x.Start:x.End] != x.Text {
				t.Errorf("Brief(%q): quote %q has offsets [%d:%d]", body, x.Text, x.Start, x.End)
			}
		}
	}
}
