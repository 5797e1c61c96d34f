package console

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

type echo struct{ seen []string }

func (e *echo) Handle(_ context.Context, line string) string {
	e.seen = append(e.seen, line)
	return "answer to " + line
}

func TestRun(t *testing.T) {
	var out bytes.Buffer
	h := &echo{}
	c := &Console{In: strings.NewReader("/help\n\n   \n/who-said europe\n"), Out: &out, Handler: h}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run = %v; want nil at end of input", err)
	}
	if got, want := out.String(), "answer to /help\n\nanswer to /who-said europe\n\n"; got != want {
		t.Errorf("Run wrote %q; want %q", got, want)
	}
}

func TestRunStopsWhenCancelled(t *testing.T) {
	in, _ := io.Pipe() // never ends
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	c := &Console{In: in, Out: io.Discard, Handler: &echo{}}
	if err := c.Run(ctx); err != nil {
		t.Errorf("Run = %v after cancel; want nil", err)
	}
}
