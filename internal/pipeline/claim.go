package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/briefbot/briefbot/internal/store"
)

// Replicas sharing a seeds folder split its files: each file is briefed
// under a claim on its path and content (store.ClaimFiles), which one
// replica takes, and marked done when it is archived. A file another
// replica holds is looked at again when that claim runs out, so that the
// files of a replica that dies are briefed by the others.

// claimChunk is how many files of the first scan are claimed at once:
// few enough that replicas starting together share a folder evenly, many
// enough that a claim costs a transaction for many files.
const claimChunk = 16

// claimAhead is how many claimed chunks of the first scan may wait to be
// briefed, so that the briefing does not wait for a claim behind a save.
const claimAhead = 4

// scanPace is how the first scan moves files along: batch of them are
// archived to a transaction, and at most ahead are held claimed and not
// yet archived (nor refused), so that claims go as fast as saves, not
// as fast as the briefing. ahead is at least batch+claimChunk, or a
// batch being filled could wait for a claim that waits for it.
type scanPace struct{ batch, ahead int }

// pace is the first scan's pace on db's backend.
//
// On SQLite, where one process mostly has the archive to itself and a
// commit waits for the disk while the rows cost little, batches are large
// (see BenchmarkIngest), and ahead holds back nothing the scan held
// before it was paced: a batch saved, one waiting, one being filled and
// claimAhead chunks, with one more claimed, waiting to join them.
//
// On PostgreSQL, where replicas share the folder, an article's rows cost
// round trips enough that a commit more adds little: batches are small,
// and a replica holds about three of them beyond what it saved. With a
// batch of 100 and nothing held back, the replica that started first
// claimed every file of 200 before the others started, and saved them
// alone (BenchmarkIngestReplicasLatency).
func pace(db *store.DB) scanPace {
	if db.Postgres() {
		return scanPace{batch: claimChunk, ahead: 3 * claimChunk}
	}
	return scanPace{batch: 100, ahead: 3*100 + (claimAhead+1)*claimChunk}
}

// claimed is a file this replica is to brief, with the key of its claim;
// the key is empty for a file that could not be read, which is briefed
// without a claim, to be refused with the reason.
type claimed struct{ path, key string }

// claim claims paths and returns those this replica is to brief, in order.
// Those another replica holds wait for retry; those archived already are
// left out.
func (p *Pipeline) claim(ctx context.Context, paths []string) ([]claimed, error) {
	files := make([]claimed, len(paths))
	var keys []string
	for i, path := range paths {
		files[i] = claimed{path: path, key: p.fileKey(path)}
		if files[i].key != "" {
			keys = append(keys, files[i].key)
		}
	}
	claims, err := p.DB.ClaimFiles(ctx, keys)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	var out []claimed
	for _, f := range files {
		if f.key == "" {
			out = append(out, f)
			continue
		}
		c := claims[0]
		claims = claims[1:]
		switch {
		case c.Mine:
			out = append(out, f)
		case !c.Done:
			p.waitFor(f.path, c.Until)
		}
	}
	return out, nil
}

// fileKey is the key of a file's claim: a hash of its path within the
// folder and of its content, as far as a file is read; "" when it cannot
// be read.
func (p *Pipeline) fileKey(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	rel, err := filepath.Rel(p.Dir, path)
	if err != nil {
		rel = path
	}
	h := sha256.New()
	io.WriteString(h, filepath.ToSlash(rel)+"\x00")
	r := io.Reader(f)
	if p.MaxBytes > 0 {
		r = io.LimitReader(f, p.MaxBytes+1)
	}
	if _, err := io.Copy(h, r); err != nil {
		return ""
	}
	// 128 bits tell files apart as well as 256, in half the archive.
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// waitFor keeps path, which another replica's claim holds until until, to be
// looked at again then. Callers hold p.mu.
func (p *Pipeline) waitFor(path string, until time.Time) {
	if p.waiting == nil {
		p.waiting = make(map[string]time.Time)
		p.waited = make(chan struct{}, 1)
	}
	p.waiting[path] = until
	select {
	case p.waited <- struct{}{}:
	default:
	}
}

// release gives up the claim on a file that is not archived, so that it is
// looked at again. A failure is logged: the claim runs out anyway.
func (p *Pipeline) release(ctx context.Context, key string) {
	if key == "" {
		return
	}
	if err := p.DB.ReleaseFiles(ctx, []string{key}); err != nil {
		p.log().Error("releasing a file's claim failed", "err", err)
	}
}

// retry briefs the files other replicas held when this one found them, as
// their claims run out, until ctx is done: a claim done meanwhile leaves
// the file be, and one renewed is waited for again.
func (p *Pipeline) retry(ctx context.Context) {
	for {
		p.mu.Lock()
		if p.waited == nil {
			p.waited = make(chan struct{}, 1)
		}
		waited := p.waited
		now := time.Now()
		var due []string
		var next time.Time
		for path, until := range p.waiting {
			switch {
			case !until.After(now):
				due = append(due, path)
				delete(p.waiting, path)
			case next.IsZero() || until.Before(next):
				next = until
			}
		}
		p.mu.Unlock()
		slices.Sort(due)
		for _, path := range due {
			if err := p.AddFile(ctx, path); err != nil && ctx.Err() == nil {
				p.log().Error("archiving failed", "path", path, "err", err)
			}
		}
		if len(due) > 0 {
			continue
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = time.Until(next) + 10*time.Millisecond
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		case <-waited:
			t.Stop()
		}
	}
}
