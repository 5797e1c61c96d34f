package bot

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/robfig/cron/v3"
)

// Schedule says when a channel's digests are due: a cron spec read in one
// time zone, so that readers get their digest at the same wall-clock time
// every day, whatever the server's zone and whatever daylight saving does.
//
// Daylight saving is handled much as Vixie cron does, not as robfig/cron
// does (it skips the first case and doubles the second):
//
//   - A wall time that does not exist because the clocks went forward
//     (02:30 on the spring day in Brussels or New York) is due once, at the
//     instant the clocks changed (03:00). If the schedule is also due at
//     that instant, it is due there only once.
//   - A wall time that happens twice because the clocks went back (01:30 on
//     the autumn day in New York) is due only the first time, so a daily
//     digest is never posted twice. A schedule due every hour of the day
//     (0 * * * *, */15 * * * *) is due at both: the two are an hour apart,
//     and skipping one would leave a two-hour hole.
//
// A constant delay (@every 2h) is a duration between instants, which
// daylight saving does not touch.
//
// The zero Schedule is never due: its Next returns the zero time. Make one
// with ParseSchedule.
type Schedule struct {
	spec string
	loc  *time.Location
	// wall holds a cron spec's fields with Location UTC: UTC has no
	// daylight saving, so robfig's Next on it steps through wall-clock
	// times one for one, and Next maps those to instants in loc itself.
	wall *cron.SpecSchedule
	// every is set for @every instead of wall.
	every cron.ConstantDelaySchedule
}

// ParseSchedule parses a standard five-field cron spec ("0 8 * * 1-5") or
// a descriptor (@daily, @hourly, @weekly, @monthly, @yearly, @every 2h),
// optionally after a zone prefix "CRON_TZ=Zone " or "TZ=Zone ", as
// cron.ParseStandard does.
//
// timezone, when not "", is the zone of a spec without a prefix; a spec
// whose prefix names another zone is an error, because one of the two
// would be silently ignored. With neither, the zone is UTC, never the
// server's local zone: where the bot happens to run must not decide when
// readers get their digest. For the same reason the zone "Local" is
// refused.
//
// @every takes a whole number of seconds, at least one: robfig/cron would
// silently change anything else (1500ms down to 1s, 0s or less up to 1s).
func ParseSchedule(spec, timezone string) (Schedule, error) {
	fail := func(format string, args ...any) (Schedule, error) {
		return Schedule{}, fmt.Errorf("schedule %q: "+format, append([]any{spec}, args...)...)
	}

	rest := strings.TrimSpace(spec)
	prefix, _, _ := strings.Cut(rest, "=")
	zone, prefixed, rest := cutZonePrefix(rest)
	if prefixed {
		prefix += "=" + zone
		switch {
		case zone == "":
			return fail("empty time zone after %s", prefix)
		case rest == "":
			return fail("nothing after the time zone %s", prefix)
		case timezone != "" && zone != timezone:
			return fail("%s differs from the channel's time zone %q; set the zone in one place", prefix, timezone)
		}
		if _, again, _ := cutZonePrefix(rest); again {
			return fail("more than one time zone")
		}
	} else {
		zone = timezone
	}
	if zone == "" {
		zone = "UTC"
	}
	if zone == "Local" {
		return fail("time zone %q is the server's; name a zone such as %q", zone, "Europe/Brussels")
	}
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return fail("unknown time zone %q", zone)
	}

	// The prefix, already read, is not passed on: robfig would load the
	// zone again, and panics on a prefix with nothing after it.
	parsed, err := cron.ParseStandard(rest)
	if err != nil {
		return fail("%w", err)
	}
	s := Schedule{spec: spec, loc: loc}
	switch p := parsed.(type) {
	case *cron.SpecSchedule:
		wall := *p
		wall.Location = time.UTC
		s.wall = &wall
	case cron.ConstantDelaySchedule:
		// Every has already rounded; compare with what was asked.
		every := strings.TrimSpace(strings.TrimPrefix(rest, "@every"))
		if d, _ := time.ParseDuration(every); d < time.Second || d%time.Second != 0 {
			return fail("@every takes a whole number of seconds, at least 1s, got %q", every)
		}
		s.every = p
	default:
		return fail("unexpected schedule type %T", parsed)
	}
	return s, nil
}

// cutZonePrefix splits "CRON_TZ=Zone rest" or "TZ=Zone rest" into the zone
// and the rest, which is trimmed. Any white space ends the zone, where
// robfig only looks for a space.
func cutZonePrefix(spec string) (zone string, ok bool, rest string) {
	for _, prefix := range []string{"CRON_TZ=", "TZ="} {
		after, found := strings.CutPrefix(spec, prefix)
		if !found {
			continue
		}
		i := strings.IndexFunc(after, unicode.IsSpace)
		if i < 0 {
			return after, true, ""
		}
		return after[:i], true, strings.TrimSpace(after[i:])
	}
	return "", false, spec
}

// Next returns the first time the schedule is due strictly after t, in the
// schedule's Location. Feeding it its own result, or a time persisted from
// an earlier run, steps through every due time once: after the first
// 01:30 of a repeated hour it returns the next day's, not the second.
//
// It returns the zero time for the zero Schedule and for a spec never due
// within five years of t, such as 0 0 30 2 * (robfig's search limit).
//
// @every is due at t rounded down to the second plus the delay, as
// robfig/cron has it: always at least one second after t, and on whole
// seconds from the first run on.
func (s Schedule) Next(t time.Time) time.Time {
	switch {
	case s.wall != nil:
		return s.nextWall(t)
	case s.every.Delay > 0:
		return s.every.Next(t).In(s.loc)
	default:
		return time.Time{}
	}
}

// nextWall walks the zone periods of s.loc (the spans of constant UTC
// offset between two transitions) from the one holding t. Within a period,
// wall-clock time and instants correspond one to one, so the first due
// wall time after t is found by robfig's Next in UTC and shifted by the
// period's offset; a wall time past the period's end belongs to the next
// period. Two places need care, both at the start of a period:
//
//   - after a gap (the offset grew), the skipped wall times are due at the
//     period's start, if the spec names any of them;
//   - after an overlap (the offset shrank), wall times the previous period
//     already showed are not due again, unless every hour is.
//
// Each step costs one robfig Next and one zone lookup, and periods last
// months, so Next stays cheap.
func (s Schedule) nextWall(t time.Time) time.Time {
	t = t.In(s.loc)
	for p := t; ; {
		start, end := p.ZoneBounds()
		_, off := p.Zone()

		// after is the wall time the search starts after: t's own, or
		// just before the period starts for a later period.
		after := wallClock(t, off)
		if !start.IsZero() {
			if b := wallClock(start, off).Add(-time.Nanosecond); b.After(after) {
				after = b
			}
			_, prevOff := start.Add(-time.Nanosecond).Zone()
			switch {
			case prevOff < off && start.After(t):
				// Skipped wall times: [start in the old offset, start in
				// the new one).
				w := s.wall.Next(wallClock(start, prevOff).Add(-time.Nanosecond))
				if !w.IsZero() && w.Before(wallClock(start, off)) {
					return start
				}
			case prevOff > off && !s.everyHour():
				// Repeated wall times: the previous period showed them up
				// to start in the old offset.
				if b := wallClock(start, prevOff).Add(-time.Nanosecond); b.After(after) {
					after = b
				}
			}
		}

		w := s.wall.Next(after)
		if w.IsZero() {
			return time.Time{}
		}
		if end.IsZero() || w.Before(wallClock(end, off)) {
			return w.Add(-time.Duration(off) * time.Second).In(s.loc)
		}
		p = end
	}
}

// everyHour reports whether the spec is due in every hour of the day, and
// so at both passes through a repeated hour.
func (s Schedule) everyHour() bool {
	const allHours = 1<<24 - 1
	return s.wall.Hour&allHours == allHours
}

// wallClock returns the wall-clock time of instant t at UTC offset off
// seconds, written as a UTC time: the form robfig's Next works on.
func wallClock(t time.Time, off int) time.Time {
	return t.UTC().Add(time.Duration(off) * time.Second)
}

// Location is the zone the schedule's times are in, for dating digests. It
// is UTC for the zero Schedule.
func (s Schedule) Location() *time.Location {
	if s.loc == nil {
		return time.UTC
	}
	return s.loc
}

// String returns the spec as it was given to ParseSchedule, zone prefix
// and all, for logs and for showing readers.
func (s Schedule) String() string { return s.spec }
