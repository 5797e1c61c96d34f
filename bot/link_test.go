package bot

import (
	"strings"
	"testing"

	"github.com/briefbot/briefbot/summarize"
)

func TestBriefingMessageLinksToTheWeb(t *testing.T) {
	e := Entry{ArticleID: 3, Source: "AFP", Briefing: summarize.Briefing{Title: "Harbour reopens"}, Link: "https://news.example.org/article/3"}
	m := BriefingMessage(e)
	if !strings.HasSuffix(m.Footer, " · https://news.example.org/article/3") || !strings.Contains(m.Text, "\nOn the web: https://news.example.org/article/3") {
		t.Errorf("BriefingMessage with a link = footer %q, text %q; want the link in both", m.Footer, m.Text)
	}
	e.Link = ""
	if m := BriefingMessage(e); strings.Contains(m.Footer+m.Text, "http") {
		t.Errorf("BriefingMessage without a link = footer %q, text %q; want none", m.Footer, m.Text)
	}
}
