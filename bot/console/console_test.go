package console

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/bot"
)

type echo struct{ seen []string }

func (e *echo) Handle(_ context.Context, channel, line string) string {
	e.seen = append(e.seen, line)
	return "answer in " + channel + " to " + line
}

func TestRun(t *testing.T) {
	var out bytes.Buffer
	h := &echo{}
	c := &Console{In: strings.NewReader("/help\n\n   \n/who-said europe\n"), Out: &out, Handler: h, Channel: "console:terminal"}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run = %v; want nil at end of input", err)
	}
	if got, want := out.String(), "answer in console:terminal to /help\n\nanswer in console:terminal to /who-said europe\n\n"; got != want {
		t.Errorf("Run wrote %q; want %q", got, want)
	}
}

// TestRunHint checks that Run says it is waiting for commands as soon as it
// starts, before any input, and says it where Hint points, not among the
// answers.
func TestRunHint(t *testing.T) {
	in, typed := io.Pipe() // a person who has not typed yet
	hintR, hintW := io.Pipe()
	var out bytes.Buffer
	c := &Console{In: in, Out: &out, Handler: &echo{}, Channel: "console:terminal", Hint: hintW}
	done := make(chan error)
	go func() { done <- c.Run(t.Context()) }()
	line, err := bufio.NewReader(hintR).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "Waiting for commands: type /help") {
		t.Errorf("Run told Hint %q, %v; want the waiting line", line, err)
	}
	typed.Write([]byte("/help\n"))
	typed.Close()
	if err := <-done; err != nil {
		t.Fatalf("Run = %v", err)
	}
	if got, want := out.String(), "answer in console:terminal to /help\n\n"; got != want {
		t.Errorf("Run wrote %q to Out; want only the answer %q", got, want)
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

func TestPost(t *testing.T) {
	var out bytes.Buffer
	c := &Console{Out: &out}
	for _, text := range []string{"First\nbriefing\n", "Second"} {
		if _, err := c.Post(t.Context(), "terminal", bot.Message{Text: text, Title: "ignored"}, bot.Part{Key: "1"}); err != nil {
			t.Fatalf("Post = %v", err)
		}
	}
	id, err := c.Post(t.Context(), "terminal", bot.Message{Text: "Third"}, bot.Part{Key: "3"})
	if err != nil || id != "terminal-3" {
		t.Errorf("third Post = %q, %v; want terminal-3", id, err)
	}
	if got, want := out.String(), "First\nbriefing\n\nSecond\n\nThird\n\n"; got != want {
		t.Errorf("Post wrote %q; want %q", got, want)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := c.Post(ctx, "terminal", bot.Message{Text: "Late"}, bot.Part{Key: "4"}); err == nil || strings.Contains(out.String(), "Late") {
		t.Errorf("Post after cancel = %v, wrote %q; want an error and nothing written", err, out.String())
	}
}

// TestRunSkipsOverlongLine answers the commands after a line over 1 MiB,
// saying the long one was ignored, instead of stopping.
func TestRunSkipsOverlongLine(t *testing.T) {
	var out bytes.Buffer
	in := "/help\n/who-said " + strings.Repeat("x", 2<<20) + "\n/sources\r\n/quotes pevkur"
	c := &Console{In: strings.NewReader(in), Out: &out, Handler: &echo{}, Channel: "console:terminal"}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run = %v; want nil at end of input", err)
	}
	want := "answer in console:terminal to /help\n\n" +
		"That line is over 1048576 bytes long; it was ignored.\n\n" +
		"answer in console:terminal to /sources\n\n" +
		"answer in console:terminal to /quotes pevkur\n\n"
	if got := out.String(); got != want {
		t.Errorf("Run wrote %q; want %q", got, want)
	}
}
