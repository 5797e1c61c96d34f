package bot

import (
	"context"
	"errors"
	"testing"
)

// ctxStore fails State with its context's error, as a store does when the
// run ends while a channel is being opened.
type ctxStore struct{ *memStore }

func (s ctxStore) State(ctx context.Context, channel string) (ChannelState, error) {
	if err := ctx.Err(); err != nil {
		return ChannelState{}, err
	}
	return s.memStore.State(ctx, channel)
}

// TestRunEndsQuietlyWhileOpening: a run that ends before the channels are
// open is no error (a bot whose input ended at once failed with "opening
// channel …: context canceled" now and then); a store that fails for
// itself still is.
func TestRunEndsQuietlyWhileOpening(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	d := &Dispatcher{Store: ctxStore{newMemStore()}, Posters: map[string]Poster{"console": &recordingPoster{}}, Channels: []Channel{console("news")}}
	if err := d.Run(ctx); err != nil {
		t.Errorf("Run(cancelled) = %v; want nil", err)
	}
	broken := &Dispatcher{Store: ctxStore{newMemStore()}, Posters: map[string]Poster{}, Channels: []Channel{console("news")}}
	if err := broken.Run(t.Context()); err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("Run with no poster = %v; want an error", err)
	}
}
