package config

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/briefbot/briefbot/bot"
)

// Channel modes.
const (
	modeImmediate = "immediate" // each briefing as it is made
	modeDigest    = "digest"    // a summary of the period, on a schedule
	modeBoth      = "both"
)

// Channel is one place briefings are posted to.
type Channel struct {
	Platform string   `yaml:"platform"` // "console", "slack" or "discord"
	ID       string   `yaml:"id"`       // the platform's channel id (Slack C0123ABCD, Discord 1234567890); for console, any name
	Mode     string   `yaml:"mode"`     // "immediate" (default), "digest" or "both"
	Schedule string   `yaml:"schedule"` // cron spec for digests, e.g. "CRON_TZ=Europe/Brussels 0 8 * * 1-5" or "@daily"
	Timezone string   `yaml:"timezone"` // IANA zone for a schedule without CRON_TZ=; default UTC
	Topics   []string `yaml:"topics"`   // only briefings about one of these (words or phrases)
	Sources  []string `yaml:"sources"`  // only briefings from one of these: "seeds", a feed's URL or name, a path under the seeds folder (globs allowed)
	Empty    string   `yaml:"empty"`    // an empty digest period: "post" (default) a one-line "nothing new", or "skip"
	Pace     Duration `yaml:"pace"`     // least time between two posts to this channel; default 1s on Slack and Discord, 0 on the console
}

// defaultChannel keeps the bot printing each new briefing when no channel
// is configured.
func defaultChannel() Channel {
	return Channel{Platform: "console", ID: "terminal", Mode: modeImmediate, Empty: "post"}
}

// Key names the channel uniquely among the configured ones, such as
// "console:terminal".
func (c Channel) Key() string { return c.Platform + ":" + c.ID }

// Immediate reports whether each briefing is posted as it is made.
func (c Channel) Immediate() bool { return c.Mode == modeImmediate || c.Mode == modeBoth }

// Digest reports whether a digest is posted on c's schedule.
func (c Channel) Digest() bool { return c.Mode == modeDigest || c.Mode == modeBoth }

// withDefaults fills in what the file may leave out.
func (c *Channel) withDefaults() {
	if c.Mode == "" {
		c.Mode = modeImmediate
	}
	if c.Empty == "" {
		c.Empty = "post"
	}
	if c.Pace == 0 {
		c.Pace = Duration(platformPace[c.Platform])
	}
}

// channelProblems validates the channels; report takes the key path and
// the message.
func channelProblems(channels []Channel, report func(path, msg string)) {
	first := make(map[string]int)
	for i, ch := range channels {
		path := fmt.Sprintf("channels[%d]", i)
		switch ch.Platform {
		case "console", "slack", "discord":
		case "":
			report(path+".platform", "missing; want console, slack or discord")
		default:
			report(path+".platform", fmt.Sprintf("want console, slack or discord, got %q", ch.Platform))
		}
		switch j, dup := first[ch.Key()]; {
		case strings.TrimSpace(ch.ID) == "":
			report(path+".id", "missing")
		case dup:
			report(path+".id", fmt.Sprintf("duplicate of channels[%d] (%s)", j, ch.Key()))
		default:
			first[ch.Key()] = i
		}
		switch ch.Mode {
		case modeImmediate, modeDigest, modeBoth:
		default:
			report(path+".mode", fmt.Sprintf("want immediate, digest or both, got %q", ch.Mode))
		}
		scheduleProblems(ch, path, report)
		switch ch.Empty {
		case "post", "skip":
		default:
			report(path+".empty", fmt.Sprintf("want post or skip, got %q", ch.Empty))
		}
		if ch.Pace < 0 {
			report(path+".pace", fmt.Sprintf("must not be negative, got %s", ch.Pace))
		}
		for j, t := range ch.Topics {
			if strings.TrimSpace(t) == "" {
				report(fmt.Sprintf("%s.topics[%d]", path, j), "must not be blank")
			}
		}
		for j, s := range ch.Sources {
			if strings.TrimSpace(s) == "" {
				report(fmt.Sprintf("%s.sources[%d]", path, j), "must not be blank")
			}
		}
	}
}

// neverBefore is where the check for a schedule that never comes round
// starts looking. cron looks five years ahead, which always includes a
// 29 February, so any fixed date gives the same answer; a fixed one keeps
// validation independent of the clock.
var neverBefore = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)

// scheduleProblems accepts what the bot's scheduler accepts, so that a
// configuration that loads also starts.
func scheduleProblems(ch Channel, path string, report func(path, msg string)) {
	tzOK := true
	if ch.Timezone != "" {
		if msg := zoneProblem(ch.Timezone); msg != "" {
			report(path+".timezone", msg)
			tzOK = false
		}
	}
	switch {
	case ch.Schedule == "" && ch.Digest():
		report(path+".schedule", "required for mode "+ch.Mode)
		return
	case ch.Schedule == "":
		return
	case ch.Mode == modeImmediate:
		report(path+".schedule", "only used with mode digest or both")
		return
	}
	// The bot's own parser, so that a configuration that loads also starts.
	// A bad timezone is reported already; the spec is still checked.
	zone := ch.Timezone
	if !tzOK {
		zone = ""
	}
	sched, err := bot.ParseSchedule(ch.Schedule, zone)
	if err != nil {
		// Its message starts with the spec, which the path already names.
		msg := strings.TrimPrefix(err.Error(), fmt.Sprintf("schedule %q: ", ch.Schedule))
		report(path+".schedule", msg)
		return
	}
	if sched.Next(neverBefore).IsZero() {
		report(path+".schedule", fmt.Sprintf("%q never comes round", ch.Schedule))
	}
}

// zoneProblem checks a zone name. "Local" loads, but where the bot runs
// must not decide when readers get their digest.
func zoneProblem(zone string) string {
	if zone == "Local" {
		return `time zone "Local" is the server's; name a zone such as "Europe/Brussels"`
	}
	if _, err := time.LoadLocation(zone); err != nil {
		return fmt.Sprintf("unknown time zone %q", zone)
	}
	return ""
}

func channelsLogValue(channels []Channel) slog.Value {
	attrs := make([]slog.Attr, len(channels))
	for i, ch := range channels {
		attrs[i] = slog.Group(strconv.Itoa(i),
			slog.String("platform", ch.Platform),
			slog.String("id", ch.ID),
			slog.String("mode", ch.Mode),
			slog.String("schedule", ch.Schedule),
			slog.String("timezone", ch.Timezone),
			slog.Any("topics", ch.Topics),
			slog.Any("sources", ch.Sources),
			slog.String("empty", ch.Empty),
			slog.String("pace", ch.Pace.String()))
	}
	return slog.GroupValue(attrs...)
}
