package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Found is a speaker a search found, with what they said that matched.
type Found struct {
	SpeakerID  int64
	Name, Role string
	Kind       string
	// Said are the speaker's best matching quotes and positions, the best
	// first, each text once with every article that carries it.
	Said []Statement
}

// SearchPage is a page of a search's answer.
type SearchPage struct {
	Found []Found
	// Total is how many speakers matched in all, or -1 when a filter is
	// set and they were not all counted.
	Total int
	// More is true when there are speakers after this page.
	More bool
}

// SearchSpeakers finds the speakers who said something about topic, ranked
// as WhoSaid ranks them, and returns those from offset on, at most limit
// (20 when limit is zero or less), with what f lets through of the best
// five texts of each: a speaker none of whose five passes is left out.
// A topic without words is ErrEmptyQuery.
func (db *DB) SearchSpeakers(ctx context.Context, topic string, f Filter, offset, limit int) (SearchPage, error) {
	q := db.searchQuery(topic)
	if q == "" {
		return SearchPage{}, ErrEmptyQuery
	}
	if limit <= 0 {
		limit = 20
	}
	page, err := db.searchSpeakers(ctx, q, f, max(offset, 0), limit, textsShown)
	if err != nil {
		return SearchPage{}, fmt.Errorf("searching for %q: %w", topic, err)
	}
	return page, nil
}

// textsShown is how many texts a page shows of each speaker it finds: the
// rows rank keeps of each.
const textsShown = 5

// searchSpeakers is SearchSpeakers with the query made, keeping at most
// texts texts of each speaker.
func (db *DB) searchSpeakers(ctx context.Context, q string, f Filter, offset, limit, texts int) (SearchPage, error) {
	var (
		only map[int64]bool // the speakers f.Speaker names
		err  error
	)
	if strings.TrimSpace(f.Speaker) != "" {
		if only, err = db.speakersNamed(ctx, f.Speaker); err != nil {
			return SearchPage{}, err
		}
	}
	f.About = "" // the words are in q
	filtered := only != nil || f != (Filter{})
	// Unfiltered, a page reads no speaker past its last, or past those
	// nameFirst looks at: only theirs need their texts in order.
	ordered := max(offset+limit, nameLook)
	if filtered {
		ordered = 0
	}
	matches, matched, err := db.rank(ctx, q, 0, ordered)
	if err != nil {
		return SearchPage{}, err
	}
	page := SearchPage{Total: matched}
	if filtered {
		page.Total = -1
	}
	var groups [][]match // each speaker's rows, best speaker first
	for i := 0; i < len(matches); {
		j := i
		for j < len(matches) && matches[j].sid == matches[i].sid {
			j++
		}
		groups = append(groups, matches[i:j])
		i = j
	}
	if err := db.nameFirst(ctx, groups); err != nil {
		return SearchPage{}, err
	}
	// What the page will show, read at once: the best rows of its
	// speakers and their articles. A filter that leaves speakers out
	// needs more, read a row at a time.
	shown := groups[min(offset, len(groups)):min(offset+limit, len(groups))]
	if filtered {
		shown = groups[:min(offset+limit, len(groups))]
	}
	spans, articles, err := db.prefetch(ctx, shown, texts)
	if err != nil {
		return SearchPage{}, err
	}
	passed := 0
	for _, rows := range groups {
		if only != nil && !only[rows[0].sid] {
			continue
		}
		if !filtered && passed < offset {
			passed++ // no need to read what is not shown
			continue
		}
		if passed >= offset+limit && !filtered {
			page.More = true
			break
		}
		found, err := db.found(ctx, rows, f, spans, articles, texts)
		if err != nil {
			return SearchPage{}, err
		}
		if len(found.Said) == 0 {
			continue
		}
		if passed >= offset+limit { // one more passes the filter
			page.More = true
			break
		}
		if passed >= offset {
			page.Found = append(page.Found, found)
		}
		passed++
	}
	return page, nil
}

// articleRow is an article as a search filters and shows it.
type articleRow struct {
	ref       ArticleRef
	name, key string
}

// prefetch reads the quotes and positions among the best rows of each
// speaker in groups, by search row id, and their articles, by version id.
func (db *DB) prefetch(ctx context.Context, groups [][]match, texts int) (map[int64]spanRow, map[int64]articleRow, error) {
	var rows []match
	for _, g := range groups {
		// A text shown twice or overlapping another is passed over: a few
		// more than are shown.
		rows = append(rows, g[:min(len(g), texts+2)]...)
	}
	spans, err := db.spansOf(ctx, rows)
	if err != nil {
		return nil, nil, err
	}
	versions := make([]int64, 0, len(spans))
	for _, r := range spans {
		versions = append(versions, r.sp.version)
	}
	articles, err := db.articlesOf(ctx, versions)
	return spans, articles, err
}

// found reads a speaker's matching rows, best first, keeping those f lets
// through, at most texts of them: each text once, an article's topics
// only for a speaker without matching words of their own. read and
// articles hold those already read.
func (db *DB) found(ctx context.Context, rows []match, f Filter, read map[int64]spanRow, articles map[int64]articleRow, texts int) (Found, error) {
	sid := rows[0].sid
	fd := Found{SpeakerID: sid}
	if err := db.sql.QueryRowContext(ctx, `SELECT name, role, kind FROM speakers WHERE id = ?`, sid).
		Scan(&fd.Name, &fd.Role, &fd.Kind); err != nil {
		return Found{}, fmt.Errorf("speaker %d: %w", sid, err)
	}
	var spans []span
	for _, m := range rows {
		// Once full, the rows read already are still looked at, for the
		// same words in another article (wire copy reprinted): the text
		// shown cites both.
		full := len(fd.Said) == texts
		if _, ok := read[m.rid]; full && !ok {
			break
		}
		if m.rid%4 == 2 && len(fd.Said) > 0 || f.QuotesOnly && m.rid%4 == 1 || !dated(m.at, f) {
			continue // without reading it
		}
		said, sp, err := db.textIn(ctx, read, m.rid, sid)
		if err != nil {
			return Found{}, err
		}
		if said.Text == "" || overlaps(sp, spans) || f.QuotesOnly && !said.Quote {
			continue
		}
		a, ok := articles[sp.version]
		if !ok {
			if a, err = db.articleOf(ctx, sp.version); err != nil {
				return Found{}, err
			}
			articles[sp.version] = a
		}
		if !a.passes(f) {
			continue
		}
		spans = append(spans, sp)
		if k := indexSame(fd.Said, said.Text); k >= 0 {
			if s := &fd.Said[k]; s.Article.ID != a.ref.ID && !slices.ContainsFunc(s.Also, func(r ArticleRef) bool { return r.ID == a.ref.ID }) {
				s.Also = append(s.Also, a.ref)
			}
			continue
		}
		if full {
			continue
		}
		fd.Said = append(fd.Said, Statement{Quote: said.Quote, Text: said.Text, SpeakerID: sid, Speaker: fd.Name,
			Start: sp.start, End: sp.end, Article: a.ref})
	}
	return fd, nil
}

// dated reports whether a search row's date (Unix nanoseconds, 0 when
// unknown) may pass f's dates; the article's date decides in the end.
func dated(at int64, f Filter) bool {
	return at == 0 || (f.Since.IsZero() || at >= f.Since.UnixNano()) && (f.Until.IsZero() || at < f.Until.UnixNano())
}

func indexSame(ss []Statement, text string) int {
	for i, s := range ss {
		if sameText(s.Text, text) {
			return i
		}
	}
	return -1
}

func (a articleRow) passes(f Filter) bool {
	if !f.Since.IsZero() && a.ref.Date.Before(f.Since) || !f.Until.IsZero() && !a.ref.Date.Before(f.Until) {
		return false
	}
	src := strings.ToLower(strings.TrimSpace(f.Source))
	return src == "" || strings.ToLower(a.ref.Source) == src || strings.ToLower(a.name) == src ||
		strings.HasPrefix(strings.ToLower(a.key), strings.TrimSuffix(src, "/")+"/")
}

func (db *DB) articleOf(ctx context.Context, version int64) (articleRow, error) {
	var a articleRow
	if _, err := a.scan(db.sql.QueryRowContext(ctx, `SELECT `+articleColumns+`
		FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.id = ?`, version)); err != nil {
		return articleRow{}, fmt.Errorf("version %d: %w", version, err)
	}
	return a, nil
}

// articlesOf reads the articles of versions, by version id.
func (db *DB) articlesOf(ctx context.Context, versions []int64) (map[int64]articleRow, error) {
	out := make(map[int64]articleRow, len(versions))
	if len(versions) == 0 {
		return out, nil
	}
	list, _ := json.Marshal(versions)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+articleColumns+`
		FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.id IN `+db.d.ints("?"), string(list))
	if err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a articleRow
		vid, err := a.scan(rows)
		if err != nil {
			return nil, fmt.Errorf("reading articles: %w", err)
		}
		out[vid] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading articles: %w", err)
	}
	return out, nil
}

// articleColumns are the columns articleRow.scan reads, of a version v
// joined with its article a.
const articleColumns = `v.id, a.id, COALESCE(NULLIF(a.title, ''), NULLIF(v.title, ''), a.name), a.outlet, a.name, a.source_key,
	COALESCE(a.published, v.created)`

// scan reads an article of articleColumns and returns its version's id.
func (a *articleRow) scan(row interface{ Scan(...any) error }) (version int64, err error) {
	var (
		outlet string
		at     sql.NullInt64
	)
	if err := row.Scan(&version, &a.ref.ID, &a.ref.Title, &outlet, &a.name, &a.key, &at); err != nil {
		return 0, err
	}
	a.ref.Source, a.ref.Date = cmpOr(outlet, a.name), fromUnixNano(at)
	return version, nil
}

// speakersNamed are the speakers whose name or an alias contains name, in
// any case.
func (db *DB) speakersNamed(ctx context.Context, name string) (map[int64]bool, error) {
	pattern := "%" + strings.TrimSuffix(likePrefix(nameKey(name)), "%") + "%"
	rows, err := db.sql.QueryContext(ctx, `
		SELECT id FROM speakers WHERE name_key LIKE ?1 ESCAPE '\'
		UNION
		SELECT speaker_id FROM speaker_aliases WHERE alias_key LIKE ?1 ESCAPE '\'`, pattern)
	if err != nil {
		return nil, fmt.Errorf("finding speakers named %q: %w", name, err)
	}
	defer rows.Close()
	out := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("finding speakers named %q: %w", name, err)
		}
		out[id] = true
	}
	return out, rows.Err()
}

// nameLook is how far down a ranking nameFirst looks for a name: past it,
// the best speaker is left at the head, whatever their name.
const nameLook = 10

// maxNameWords is the most words a speaker's name has: the longest real
// names run to five or six ("Mohammed bin Salman Al Saud"); a longer one
// is a description or a clause ("the foreign ministers of key European
// powers including Germany, France, Poland and Britain").
const maxNameWords = 6

// nameFirst moves the best-ranked speaker whose name looks like a name to
// the head of groups, when the best of all is a letter ("C") or a
// description: a list is never headed by what is no name. The others
// keep their order.
func (db *DB) nameFirst(ctx context.Context, groups [][]match) error {
	for i := range min(len(groups), nameLook) {
		var name string
		if err := db.sql.QueryRowContext(ctx, `SELECT name FROM speakers WHERE id = ?`, groups[i][0].sid).Scan(&name); err != nil {
			return fmt.Errorf("speaker %d: %w", groups[i][0].sid, err)
		}
		if looksLikeName(name) {
			head := groups[i]
			copy(groups[1:i+1], groups[:i])
			groups[0] = head
			return nil
		}
	}
	return nil
}

// looksLikeName reports whether a speaker's name is a name: two letters
// or more, starting with a capital, no comma, at most maxNameWords words.
func looksLikeName(name string) bool {
	letters := 0
	for _, r := range name {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	first, _ := utf8.DecodeRuneInString(name)
	return letters >= 2 && unicode.IsUpper(first) && !strings.Contains(name, ",") &&
		len(strings.Fields(name)) <= maxNameWords
}
