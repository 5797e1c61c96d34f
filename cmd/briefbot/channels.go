package main

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
	"github.com/briefbot/briefbot/config"
)

// channels turns the configured channels into the bot's.
func channels(cfg []config.Channel) ([]bot.Channel, error) {
	var out []bot.Channel
	var problems []error
	for i, c := range cfg {
		ch := bot.Channel{
			Platform:  c.Platform,
			ID:        c.ID,
			Immediate: c.Immediate(),
			Digest:    c.Digest(),
			Topics:    c.Topics,
			Sources:   c.Sources,
			SkipEmpty: c.Empty == "skip",
			Pace:      time.Duration(c.Pace),
		}
		if ch.Digest {
			s, err := bot.ParseSchedule(c.Schedule, c.Timezone)
			if err != nil {
				problems = append(problems, fmt.Errorf("channels[%d].schedule: %w", i, err))
			}
			ch.Schedule = s
		}
		out = append(out, ch)
	}
	return out, errors.Join(problems...)
}

// consoleChannel is the key of the first console channel, where commands
// typed at the terminal are taken to be typed; "console:terminal" when
// none is configured.
func consoleChannel(chs []bot.Channel) string {
	for _, ch := range chs {
		if ch.Platform == "console" {
			return ch.Key()
		}
	}
	return "console:terminal"
}

// describeChannels is the channels' part of /sources: each configured
// channel, then any channel no longer configured that still has posts
// waiting.
func describeChannels(ctx context.Context, d *bot.Dispatcher, unsent func(context.Context) (map[string]int, error)) []string {
	status, err := d.Status(ctx)
	if err != nil {
		return []string{"Channels: could not be read."}
	}
	var lines []string
	for _, s := range status {
		line := fmt.Sprintf("Channel %s (%s): %d posted, %d waiting, %d failed", s.Channel, s.Mode, s.Sent, s.Pending, s.Failed)
		if s.Schedule != "" {
			line += fmt.Sprintf("; digest %s", s.Schedule)
			if !s.NextDigest.IsZero() {
				line += ", next " + s.NextDigest.Format("Mon 2 Jan 15:04 MST")
			}
		}
		if s.LastError != "" {
			line += "; last failure: " + strings.TrimSpace(s.LastError)
		}
		lines = append(lines, line)
	}
	if n, err := unsent(ctx); err == nil {
		for _, ch := range slices.Sorted(maps.Keys(orphans(n, d.Channels))) {
			lines = append(lines, fmt.Sprintf("Channel %s is not configured: %d posts wait for it, and go out if it is configured again.", ch, n[ch]))
		}
	}
	return lines
}

// orphans returns the channels of unsent, a count of unsent posts by
// channel, that are not among chs, with their counts: posts queued for a
// channel since removed from the configuration. They stay in the outbox
// and are sent if the channel comes back.
func orphans(unsent map[string]int, chs []bot.Channel) map[string]int {
	out := maps.Clone(unsent)
	for _, ch := range chs {
		delete(out, ch.Key())
	}
	return out
}

// queueDepth counts the posts waiting for the configured channels.
func queueDepth(unsent func(context.Context) (map[string]int, error), chs []bot.Channel) func(context.Context) (int, error) {
	return func(ctx context.Context) (int, error) {
		n, err := unsent(ctx)
		if err != nil {
			return 0, err
		}
		total := 0
		for _, ch := range chs {
			total += n[ch.Key()]
		}
		return total, nil
	}
}
