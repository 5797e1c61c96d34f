package store_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/briefbot/briefbot/bot"
)

// TestOutboxDigests: the web archive lists the digests sent, to every
// channel, the latest sent first; briefings and digests not yet sent are
// left out.
func TestOutboxDigests(t *testing.T) {
	db := open(t)
	stopClock(db)
	o := db.Outbox()
	ctx := t.Context()
	const a, b = "slack:C1", "discord:D1"
	queue(t, o, a, "digest:100", "briefing:1", "digest:200", "digest:300")
	queue(t, o, b, "digest:100")
	send := func(channel string, at time.Time) {
		t.Helper()
		d := next(t, o, channel)
		d.State, d.SentAt = bot.Sent, at
		if err := o.Update(ctx, d); err != nil {
			t.Fatalf("Update(%s %s): %v", channel, d.Key, err)
		}
	}
	send(a, day(6)) // digest:100
	send(a, day(7)) // briefing:1
	send(b, day(8)) // digest:100
	send(a, day(9)) // digest:200; digest:300 waits

	keys := func(ds []bot.Delivery) []string {
		var out []string
		for _, d := range ds {
			out = append(out, d.Channel+" "+d.Key)
		}
		return out
	}
	for _, tc := range []struct {
		limit int
		want  []string
	}{
		{0, []string{a + " digest:200", b + " digest:100", a + " digest:100"}},
		{2, []string{a + " digest:200", b + " digest:100"}},
	} {
		got, err := o.Digests(ctx, tc.limit)
		if err != nil {
			t.Fatalf("Digests(%d): %v", tc.limit, err)
		}
		if diff := cmp.Diff(tc.want, keys(got)); diff != "" {
			t.Errorf("Digests(%d) (-want +got):\n%s", tc.limit, diff)
		}
	}
}
