// Package console is the terminal platform: briefings printed as text, and
// commands read from standard input a line at a time, as Hubot's shell
// adapter lets people use a bot before it is wired to chat.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/briefbot/briefbot/bot"
)

// Handler answers one line typed by the reader in a channel; *bot.Commands
// is one.
type Handler interface {
	Handle(ctx context.Context, channel, line string) string
}

// Console reads commands from In and writes answers and posts to Out. Its
// methods may be used from several goroutines: what is printed never
// interleaves.
type Console struct {
	In      io.Reader
	Out     io.Writer
	Handler Handler
	// Channel is the key of the channel commands are typed in, for
	// /digest: "console:terminal".
	Channel string
	// Hint, when set, is told in one line that Run is waiting for
	// commands, so that a run with nothing new to print does not look
	// hung; the caller sets it when a person is at the terminal.
	Hint io.Writer

	mu    sync.Mutex
	posts int
}

var _ bot.Local = (*Console)(nil)

// Local marks the terminal as a bot.Local poster: a write to it has
// printed or failed, and no answer can be lost on the way back.
func (c *Console) Local() {}

// Write prints p whole, for output arriving while commands are answered.
func (c *Console) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Out.Write(p)
}

// Parts is 1: the terminal prints a message of any length whole.
func (c *Console) Parts(bot.Message) int { return 1 }

// Post prints a message's text followed by a blank line. The terminal has
// one screen, so the channel id only names the message: "terminal-3".
func (c *Console) Post(ctx context.Context, channelID string, m bot.Message, _ bot.Part) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, err := io.WriteString(c.Out, strings.TrimRight(m.Text, "\n")+"\n\n"); err != nil {
		return "", fmt.Errorf("writing to the terminal: %w", err)
	}
	c.posts++
	return channelID + "-" + strconv.Itoa(c.posts), nil
}

// hint is what Hint is told when Run starts waiting for commands.
const hint = "Waiting for commands: type /help to list them; Ctrl-D or Ctrl-C stops the bot.\n"

// Run answers each line read from In until In ends or ctx is done, either
// of which ends it without error: the terminal bot stops on end of input,
// Ctrl-C or SIGTERM after the work in hand.
func (c *Console) Run(ctx context.Context) error {
	if c.Hint != nil {
		c.mu.Lock()
		_, err := io.WriteString(c.Hint, hint)
		c.mu.Unlock()
		if err != nil {
			return fmt.Errorf("writing to the terminal: %w", err)
		}
	}
	lines := make(chan string)
	go func() {
		defer close(lines)
		r := bufio.NewReader(c.In)
		for {
			line, err := readLine(r)
			if errors.Is(err, errTooLong) {
				line = tooLong
			} else if err != nil && line == "" {
				return // end of input, or it cannot be read
			}
			select {
			case lines <- line:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return nil
		case line, ok := <-lines:
			if !ok {
				return nil
			}
			if strings.TrimSpace(line) == "" {
				continue
			}
			if line == tooLong {
				if _, err := fmt.Fprintf(c, "That line is over %d bytes long; it was ignored.\n\n", maxLine); err != nil {
					return fmt.Errorf("writing to the terminal: %w", err)
				}
				continue
			}
			if _, err := fmt.Fprintf(c, "%s\n\n", c.Handler.Handle(ctx, c.Channel, line)); err != nil {
				return fmt.Errorf("writing to the terminal: %w", err)
			}
		}
	}
}

// maxLine is the longest command line read; a longer one is skipped, with
// a note, and reading goes on.
const maxLine = 1 << 20

var errTooLong = errors.New("line too long")

// tooLong stands for a skipped line among the lines read: no line read
// from the terminal holds a NUL.
const tooLong = "\x00too long"

// readLine reads a line without its end (\n or \r\n). A line over
// maxLine is read to its end and dropped, with errTooLong; the last line
// may end without a newline.
func readLine(r *bufio.Reader) (string, error) {
	var b []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(b)+len(chunk) <= maxLine+2 {
			b = append(b, chunk...)
		} else {
			b = b[:0]
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return "", err
			}
			return "", errTooLong
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line := strings.TrimSuffix(strings.TrimSuffix(string(b), "\n"), "\r")
		return line, err
	}
}
