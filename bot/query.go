package bot

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Query is a search as someone typed it, in chat, on the web or in the
// shell: words, and filters written the same way everywhere:
//
//	since:7d since:2026-12-01 until:2026-12-31 source:NAME speaker:NAME
//	about:TOPIC quotes:only page:2
//
// A value with spaces is written in double quotes: source:"Le Monde".
type Query struct {
	// Words is what is left once the filters are taken out.
	Words string
	// Speaker, Source and About are the values of speaker:, source: and
	// about:, or "".
	Speaker, Source, About string
	// Since and Until bound the article's date: Since included, Until
	// not; zero means no bound.
	Since, Until time.Time
	// QuotesOnly leaves positions out.
	QuotesOnly bool
	// Page counts from 1; 0 means the first.
	Page int
}

// maxAge bounds since:Nd and its kind, so that the date stays a date.
const maxAge = 100 * 365 * 24 * time.Hour

// ParseQuery splits s into its words and filters. Relative dates
// (since:7d) count back from now; a date (since:2026-12-01) is midnight
// UTC, and until: a date includes that day. A word with a colon that is no
// filter, such as 10:30, stays a word. A filter with a bad value is an
// error that says what was wanted.
func ParseQuery(s string, now time.Time) (Query, error) {
	var (
		q     Query
		words []string
	)
	for _, tok := range tokens(s) {
		key, val, ok := strings.Cut(tok, ":")
		if !ok || val == "" {
			words = append(words, tok)
			continue
		}
		val = strings.Trim(val, `"`)
		switch strings.ToLower(key) {
		case "since":
			t, err := parseWhen(val, now, false)
			if err != nil {
				return Query{}, err
			}
			q.Since = t
		case "until":
			t, err := parseWhen(val, now, true)
			if err != nil {
				return Query{}, err
			}
			q.Until = t
		case "source":
			q.Source = val
		case "speaker":
			q.Speaker = val
		case "about":
			q.About = val
		case "quotes":
			q.QuotesOnly = strings.EqualFold(val, "only")
		case "page":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 {
				return Query{}, fmt.Errorf("page:%s: want a page number such as page:2", val)
			}
			q.Page = n
		default:
			words = append(words, tok)
		}
	}
	q.Words = strings.Join(words, " ")
	return q, nil
}

// tokens splits s at spaces outside double quotes.
func tokens(s string) []string {
	var (
		out    []string
		cur    strings.Builder
		quoted bool
	)
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
			cur.WriteRune(r)
		case unicode.IsSpace(r) && !quoted:
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

// parseWhen reads a date (2026-12-01) or an age (7d, 2w, 12h) before now.
// end makes a date the end of its day.
func parseWhen(v string, now time.Time, end bool) (time.Time, error) {
	if t, err := time.Parse(time.DateOnly, v); err == nil {
		if end {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	unit := map[byte]time.Duration{'h': time.Hour, 'd': 24 * time.Hour, 'w': 7 * 24 * time.Hour}
	if n, err := strconv.Atoi(v[:len(v)-1]); err == nil && n >= 0 && unit[v[len(v)-1]] != 0 {
		if d := time.Duration(n) * unit[v[len(v)-1]]; d/unit[v[len(v)-1]] == time.Duration(n) && d <= maxAge {
			return now.Add(-d), nil
		}
	}
	return time.Time{}, fmt.Errorf("%q: want a date such as 2026-12-01 or an age such as 7d, 2w or 12h", v)
}
