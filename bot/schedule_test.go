package bot

import (
	"fmt"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, on machines without zoneinfo

	"github.com/google/go-cmp/cmp"
	"github.com/robfig/cron/v3"
)

const runLayout = "2006-01-02 15:04 MST"

// runs collects every time s is due after from and before until, as Next
// steps through them, formatted with layout.
func runs(t *testing.T, s Schedule, from, until time.Time, layout string) []string {
	t.Helper()
	var got []string
	for next := s.Next(from); next.Before(until); next = s.Next(next) {
		if next.IsZero() {
			t.Fatalf("%v.Next = zero time before %v", s, until)
		}
		if next.Location() != s.Location() {
			t.Fatalf("%v.Next(%v) is in %v; want %v", s, from, next.Location(), s.Location())
		}
		got = append(got, next.Format(layout))
		if len(got) > 10_000 {
			t.Fatalf("%v.Next: too many runs before %v", s, until)
		}
	}
	return got
}

// mustParse is ParseSchedule for specs that are known to be good.
func mustParse(t *testing.T, spec, timezone string) Schedule {
	t.Helper()
	s, err := ParseSchedule(spec, timezone)
	if err != nil {
		t.Fatalf("ParseSchedule(%q, %q): %v", spec, timezone, err)
	}
	return s
}

// local reads a time in s's zone: "2026-03-29 00:00", or with an
// abbreviation ("2026-11-01 01:30 EDT") to pick one pass through a
// repeated hour.
func local(t *testing.T, s Schedule, value string) time.Time {
	t.Helper()
	layout := "2006-01-02 15:04"
	if len(value) > len(layout) {
		layout = runLayout
	}
	tm, err := time.ParseInLocation(layout, value, s.Location())
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

func TestScheduleAcrossDST(t *testing.T) {
	tests := []struct {
		name, spec, timezone string
		from, until          string // local times, in the schedule's zone
		want                 []string
	}{
		{
			name: "daily brussels spring", spec: "CRON_TZ=Europe/Brussels 0 8 * * *",
			from: "2026-03-27 00:00", until: "2026-04-01 00:00",
			want: []string{
				"2026-03-27 08:00 CET",
				"2026-03-28 08:00 CET",
				"2026-03-29 08:00 CEST",
				"2026-03-30 08:00 CEST",
				"2026-03-31 08:00 CEST",
			},
		},
		{
			name: "daily brussels autumn", spec: "CRON_TZ=Europe/Brussels 0 8 * * *",
			from: "2026-10-23 00:00", until: "2026-10-28 00:00",
			want: []string{
				"2026-10-23 08:00 CEST",
				"2026-10-24 08:00 CEST",
				"2026-10-25 08:00 CET",
				"2026-10-26 08:00 CET",
				"2026-10-27 08:00 CET",
			},
		},
		{
			// 2026-03-08 is a Sunday.
			name: "weekdays new york spring", spec: "0 8 * * 1-5", timezone: "America/New_York",
			from: "2026-03-05 00:00", until: "2026-03-12 00:00",
			want: []string{
				"2026-03-05 08:00 EST",
				"2026-03-06 08:00 EST",
				"2026-03-09 08:00 EDT",
				"2026-03-10 08:00 EDT",
				"2026-03-11 08:00 EDT",
			},
		},
		{
			// 2026-11-01 is a Sunday.
			name: "weekdays new york autumn", spec: "0 8 * * 1-5", timezone: "America/New_York",
			from: "2026-10-29 00:00", until: "2026-11-05 00:00",
			want: []string{
				"2026-10-29 08:00 EDT",
				"2026-10-30 08:00 EDT",
				"2026-11-02 08:00 EST",
				"2026-11-03 08:00 EST",
				"2026-11-04 08:00 EST",
			},
		},
		{
			// 02:30 does not exist on 2026-03-29: due when the clocks
			// change, where robfig skips the day.
			name: "gap brussels", spec: "30 2 * * *", timezone: "Europe/Brussels",
			from: "2026-03-27 00:00", until: "2026-03-31 00:00",
			want: []string{
				"2026-03-27 02:30 CET",
				"2026-03-28 02:30 CET",
				"2026-03-29 03:00 CEST",
				"2026-03-30 02:30 CEST",
			},
		},
		{
			name: "gap new york", spec: "30 2 * * *", timezone: "America/New_York",
			from: "2026-03-06 00:00", until: "2026-03-10 00:00",
			want: []string{
				"2026-03-06 02:30 EST",
				"2026-03-07 02:30 EST",
				"2026-03-08 03:00 EDT",
				"2026-03-09 02:30 EDT",
			},
		},
		{
			// 02:00, 02:30 and 03:00 all come due at the same instant,
			// which is one run.
			name: "gap and the hour after it", spec: "0,30 2,3 * * *", timezone: "Europe/Brussels",
			from: "2026-03-28 00:00", until: "2026-03-31 00:00",
			want: []string{
				"2026-03-28 02:00 CET",
				"2026-03-28 02:30 CET",
				"2026-03-28 03:00 CET",
				"2026-03-28 03:30 CET",
				"2026-03-29 03:00 CEST",
				"2026-03-29 03:30 CEST",
				"2026-03-30 02:00 CEST",
				"2026-03-30 02:30 CEST",
				"2026-03-30 03:00 CEST",
				"2026-03-30 03:30 CEST",
			},
		},
		{
			// 01:30 happens twice on 2026-11-01: due the first time only,
			// where robfig is due at both.
			name: "overlap new york", spec: "30 1 * * *", timezone: "America/New_York",
			from: "2026-10-30 00:00", until: "2026-11-03 00:00",
			want: []string{
				"2026-10-30 01:30 EDT",
				"2026-10-31 01:30 EDT",
				"2026-11-01 01:30 EDT",
				"2026-11-02 01:30 EST",
			},
		},
		{
			name: "overlap brussels", spec: "30 2 * * *", timezone: "Europe/Brussels",
			from: "2026-10-23 00:00", until: "2026-10-27 00:00",
			want: []string{
				"2026-10-23 02:30 CEST",
				"2026-10-24 02:30 CEST",
				"2026-10-25 02:30 CEST",
				"2026-10-26 02:30 CET",
			},
		},
		{
			name: "hourly brussels spring", spec: "0 * * * *", timezone: "Europe/Brussels",
			from: "2026-03-29 00:00", until: "2026-03-29 05:00",
			want: []string{
				"2026-03-29 01:00 CET",
				"2026-03-29 03:00 CEST",
				"2026-03-29 04:00 CEST",
			},
		},
		{
			// Every hour is due, so both passes through 02:00 are.
			name: "hourly brussels autumn", spec: "0 * * * *", timezone: "Europe/Brussels",
			from: "2026-10-25 00:00", until: "2026-10-25 05:00",
			want: []string{
				"2026-10-25 01:00 CEST",
				"2026-10-25 02:00 CEST",
				"2026-10-25 02:00 CET",
				"2026-10-25 03:00 CET",
				"2026-10-25 04:00 CET",
			},
		},
		{
			name: "quarter hours new york spring", spec: "*/15 * * * *", timezone: "America/New_York",
			from: "2026-03-08 01:30", until: "2026-03-08 03:31",
			want: []string{
				"2026-03-08 01:45 EST",
				"2026-03-08 03:00 EDT",
				"2026-03-08 03:15 EDT",
				"2026-03-08 03:30 EDT",
			},
		},
		{
			name: "quarter hours new york autumn", spec: "*/15 * * * *", timezone: "America/New_York",
			from: "2026-11-01 00:50", until: "2026-11-01 02:20",
			want: []string{
				"2026-11-01 01:00 EDT",
				"2026-11-01 01:15 EDT",
				"2026-11-01 01:30 EDT",
				"2026-11-01 01:45 EDT",
				"2026-11-01 01:00 EST",
				"2026-11-01 01:15 EST",
				"2026-11-01 01:30 EST",
				"2026-11-01 01:45 EST",
				"2026-11-01 02:00 EST",
				"2026-11-01 02:15 EST",
			},
		},
		{
			name: "daily descriptor with time zone", spec: "@daily", timezone: "Europe/Brussels",
			from: "2026-10-24 00:00", until: "2026-10-27 00:00",
			want: []string{
				"2026-10-25 00:00 CEST",
				"2026-10-26 00:00 CET",
			},
		},
		{
			// São Paulo moved its clocks at midnight: 2018-11-04 had no
			// 00:00, so the day's run is at 01:00.
			name: "daily at a midnight gap", spec: "@daily", timezone: "America/Sao_Paulo",
			from: "2018-11-02 12:00", until: "2018-11-06 12:00",
			want: []string{
				"2018-11-03 00:00 -03",
				"2018-11-04 01:00 -02",
				"2018-11-05 00:00 -02",
				"2018-11-06 00:00 -02",
			},
		},
		{
			name: "utc when no zone is given", spec: "0 8 * * *",
			from: "2026-03-28 00:00", until: "2026-03-31 00:00",
			want: []string{
				"2026-03-28 08:00 UTC",
				"2026-03-29 08:00 UTC",
				"2026-03-30 08:00 UTC",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustParse(t, tt.spec, tt.timezone)
			got := runs(t, s, local(t, s, tt.from), local(t, s, tt.until), runLayout)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParseSchedule(%q, %q) runs from %s to %s (-want +got):\n%s", tt.spec, tt.timezone, tt.from, tt.until, diff)
			}
		})
	}
}

// TestScheduleNextFrom starts from one time, as after a restart from a
// persisted run time.
func TestScheduleNextFrom(t *testing.T) {
	tests := []struct {
		spec, timezone, from, want string
	}{
		// The first 01:30 was run; the second must not be.
		{"30 1 * * *", "America/New_York", "2026-11-01 01:30 EDT", "2026-11-02 01:30 EST"},
		{"30 1 * * *", "America/New_York", "2026-11-01 01:29 EST", "2026-11-02 01:30 EST"},
		{"30 1 * * *", "America/New_York", "2026-11-01 01:29 EDT", "2026-11-01 01:30 EDT"},
		{"30 2 * * *", "Europe/Brussels", "2026-10-25 02:30 CEST", "2026-10-26 02:30 CET"},
		{"30 2 * * *", "Europe/Brussels", "2026-10-25 02:00 CET", "2026-10-26 02:30 CET"},
		// Every hour is due, so the second pass is too.
		{"0 * * * *", "America/New_York", "2026-11-01 01:00 EDT", "2026-11-01 01:00 EST"},
		{"0 * * * *", "America/New_York", "2026-11-01 01:30 EST", "2026-11-01 02:00 EST"},
		// The skipped 02:30 is due at 03:00, once.
		{"30 2 * * *", "Europe/Brussels", "2026-03-29 01:59 CET", "2026-03-29 03:00 CEST"},
		{"30 2 * * *", "Europe/Brussels", "2026-03-29 03:00 CEST", "2026-03-30 02:30 CEST"},
		{"0,30 2,3 * * *", "Europe/Brussels", "2026-03-29 03:00 CEST", "2026-03-29 03:30 CEST"},
	}
	for _, tt := range tests {
		s := mustParse(t, tt.spec, tt.timezone)
		if got := s.Next(local(t, s, tt.from)).Format(runLayout); got != tt.want {
			t.Errorf("ParseSchedule(%q, %q).Next(%s) = %s; want %s", tt.spec, tt.timezone, tt.from, got, tt.want)
		}
	}
}

// TestScheduleHourlyDays counts an hourly schedule's runs on the days the
// clocks change: one for every hour that really passed.
func TestScheduleHourlyDays(t *testing.T) {
	tests := []struct {
		timezone, day string
		want          int
	}{
		{"Europe/Brussels", "2026-03-28", 24},
		{"Europe/Brussels", "2026-03-29", 23},
		{"Europe/Brussels", "2026-10-25", 25},
		{"America/New_York", "2026-03-08", 23},
		{"America/New_York", "2026-11-01", 25},
	}
	for _, tt := range tests {
		s := mustParse(t, "0 * * * *", tt.timezone)
		start := local(t, s, tt.day+" 00:00")
		end := start.AddDate(0, 0, 1)
		// From just before midnight, so that midnight's run counts.
		got := runs(t, s, start.Add(-time.Nanosecond), end, runLayout)
		if len(got) != tt.want {
			t.Errorf("0 * * * * in %s on %s: %d runs; want %d:\n%v", tt.timezone, tt.day, len(got), tt.want, got)
		}
	}
}

// TestScheduleEvery shows @every as robfig/cron has it: a duration, from t
// rounded down to the second, deaf to daylight saving.
func TestScheduleEvery(t *testing.T) {
	s := mustParse(t, "@every 2s", "Europe/Brussels")
	from := local(t, s, "2026-03-29 01:59 CET").Add(57*time.Second + 300*time.Millisecond)
	got := runs(t, s, from, from.Add(7*time.Second), "2006-01-02 15:04:05.000 MST")
	want := []string{
		"2026-03-29 01:59:59.000 CET",
		"2026-03-29 03:00:01.000 CEST",
		"2026-03-29 03:00:03.000 CEST",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("@every 2s runs (-want +got):\n%s", diff)
	}
}

// TestScheduleZone checks where a schedule's times are: UTC unless a zone
// is named, whatever zone t is in.
func TestScheduleZone(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	from := time.Date(2026, 3, 28, 3, 0, 0, 0, newYork) // 07:00 UTC
	tests := []struct {
		spec, timezone, want, zone string
	}{
		{"0 8 * * *", "", "2026-03-28 08:00 UTC", "UTC"},
		{"@every 1h", "", "2026-03-28 08:00 UTC", "UTC"},
		{"0 8 * * *", "Europe/Brussels", "2026-03-29 08:00 CEST", "Europe/Brussels"},
		{"CRON_TZ=Europe/Brussels 0 8 * * *", "", "2026-03-29 08:00 CEST", "Europe/Brussels"},
		{"TZ=Europe/Brussels 0 8 * * *", "Europe/Brussels", "2026-03-29 08:00 CEST", "Europe/Brussels"},
		{"CRON_TZ=Asia/Tokyo\t@hourly", "", "2026-03-28 17:00 JST", "Asia/Tokyo"},
	}
	for _, tt := range tests {
		s := mustParse(t, tt.spec, tt.timezone)
		if got := s.Location().String(); got != tt.zone {
			t.Errorf("ParseSchedule(%q, %q).Location() = %s; want %s", tt.spec, tt.timezone, got, tt.zone)
		}
		if got := s.String(); got != tt.spec {
			t.Errorf("ParseSchedule(%q, %q).String() = %q; want the spec", tt.spec, tt.timezone, got)
		}
		if got := s.Next(from).Format(runLayout); got != tt.want {
			t.Errorf("ParseSchedule(%q, %q).Next(%v) = %s; want %s", tt.spec, tt.timezone, from, got, tt.want)
		}
	}
}

func TestScheduleNeverDue(t *testing.T) {
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	var zero Schedule
	if got := zero.Next(from); !got.IsZero() {
		t.Errorf("Schedule{}.Next(%v) = %v; want the zero time", from, got)
	}
	if got := zero.Location(); got != time.UTC {
		t.Errorf("Schedule{}.Location() = %v; want UTC", got)
	}
	feb30 := mustParse(t, "0 0 30 2 *", "Europe/Brussels")
	if got := feb30.Next(from); !got.IsZero() {
		t.Errorf("%v.Next(%v) = %v; want the zero time", feb30, from, got)
	}
}

func TestParseScheduleErrors(t *testing.T) {
	tests := []struct {
		spec, timezone, want string
	}{
		{"0 8 * *", "", `schedule "0 8 * *": expected exactly 5 fields, found 4: [0 8 * *]`},
		{"0 8 * * * *", "", `schedule "0 8 * * * *": expected exactly 5 fields, found 6: [0 8 * * * *]`},
		{"61 8 * * *", "", `schedule "61 8 * * *": end of range (61) above maximum (59): 61`},
		{"@dialy", "", `schedule "@dialy": unrecognized descriptor: @dialy`},
		{"", "Europe/Brussels", `schedule "": empty spec string`},
		{"0 8 * * *", "Europe/Brusels", `schedule "0 8 * * *": unknown time zone "Europe/Brusels"`},
		{"CRON_TZ=Europe/Brusels 0 8 * * *", "", `schedule "CRON_TZ=Europe/Brusels 0 8 * * *": unknown time zone "Europe/Brusels"`},
		{"CRON_TZ=Europe/Brussels 0 8 * * *", "America/New_York", `schedule "CRON_TZ=Europe/Brussels 0 8 * * *": CRON_TZ=Europe/Brussels differs from the channel's time zone "America/New_York"; set the zone in one place`},
		{"TZ=Europe/Brussels CRON_TZ=Asia/Tokyo 0 8 * * *", "", `schedule "TZ=Europe/Brussels CRON_TZ=Asia/Tokyo 0 8 * * *": more than one time zone`},
		// robfig/cron panics on this one.
		{"CRON_TZ=Europe/Brussels", "", `schedule "CRON_TZ=Europe/Brussels": nothing after the time zone CRON_TZ=Europe/Brussels`},
		{"CRON_TZ= 0 8 * * *", "", `schedule "CRON_TZ= 0 8 * * *": empty time zone after CRON_TZ=`},
		{"0 8 * * *", "Local", `schedule "0 8 * * *": time zone "Local" is the server's; name a zone such as "Europe/Brussels"`},
		{"@every 1500ms", "", `schedule "@every 1500ms": @every takes a whole number of seconds, at least 1s, got "1500ms"`},
		{"@every 0s", "", `schedule "@every 0s": @every takes a whole number of seconds, at least 1s, got "0s"`},
		{"@every soon", "", `schedule "@every soon": failed to parse duration @every soon: time: invalid duration "soon"`},
	}
	for _, tt := range tests {
		s, err := ParseSchedule(tt.spec, tt.timezone)
		if err == nil {
			t.Errorf("ParseSchedule(%q, %q) = %v; want error %s", tt.spec, tt.timezone, s, tt.want)
			continue
		}
		if got := err.Error(); got != tt.want {
			t.Errorf("ParseSchedule(%q, %q) error:\n got %s\nwant %s", tt.spec, tt.timezone, got, tt.want)
		}
	}
}

// TestScheduleMatchesMinuteScan compares Next with a slow reference that
// walks real time minute by minute and applies the rules directly, for
// several specs around each change of the clocks in a few zones,
// including Lord Howe Island's half-hour change and São Paulo's changes
// at midnight.
func TestScheduleMatchesMinuteScan(t *testing.T) {
	specs := []string{
		"30 2 * * *", "30 1 * * *", "0 2 * * *", "59 1 * * *", "0 3 * * *",
		"0 * * * *", "*/15 * * * *", "0,30 2,3 * * *", "15 0-3 * * *",
		"0 8 * * 1-5", "0 2 * * 0", "@daily", "30 23 * * *", "0 23 * * 6",
	}
	changes := []struct {
		zone, day string
	}{
		{"Europe/Brussels", "2026-03-29"},
		{"Europe/Brussels", "2026-10-25"},
		{"America/New_York", "2026-03-08"},
		{"America/New_York", "2026-11-01"},
		{"Australia/Lord_Howe", "2026-04-05"}, // 02:00 back to 01:30
		{"Australia/Lord_Howe", "2026-10-04"}, // 02:00 on to 02:30
		{"America/Sao_Paulo", "2018-11-04"},   // 00:00 on to 01:00
		{"America/Sao_Paulo", "2019-02-17"},   // 00:00 back to 23:00 the day before
	}
	for _, c := range changes {
		for _, spec := range specs {
			s := mustParse(t, spec, c.zone)
			day := local(t, s, c.day+" 12:00")
			from, until := day.AddDate(0, 0, -1), day.AddDate(0, 0, 1)
			got := runs(t, s, from, until, runLayout)
			want := scanRuns(t, spec, s.Location(), from, until)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("%q in %s around %s: Next differs from the minute scan (-scan +Next):\n%s", spec, c.zone, c.day, diff)
			}
		}
	}
}

// scanRuns is the reference for TestScheduleMatchesMinuteScan: the runs in
// (from, until) found by trying every minute. robfig/cron, trusted in UTC
// where there is no daylight saving, says which wall times match.
func scanRuns(t *testing.T, spec string, loc *time.Location, from, until time.Time) []string {
	t.Helper()
	parsed, err := cron.ParseStandard("CRON_TZ=UTC " + spec)
	if err != nil {
		t.Fatal(err)
	}
	ref := parsed.(*cron.SpecSchedule)
	const allHours = 1<<24 - 1
	everyHour := ref.Hour&allHours == allHours
	wallOf := func(x time.Time) time.Time {
		y, mo, d := x.In(loc).Date()
		h, mi, _ := x.In(loc).Clock()
		return time.Date(y, mo, d, h, mi, 0, 0, time.UTC)
	}

	// Start early enough to have seen the walls an overlap repeats.
	x := from.Truncate(time.Minute).Add(-6 * time.Hour)
	prev := wallOf(x.Add(-time.Minute))
	matching := make(map[time.Time]bool)
	for w := ref.Next(prev.Add(-time.Hour)); w.Before(wallOf(until).Add(time.Hour)); w = ref.Next(w) {
		matching[w] = true
	}
	matches := func(wall time.Time) bool { return matching[wall] }

	seen := make(map[time.Time]bool)
	var got []string
	for ; x.Before(until); x = x.Add(time.Minute) {
		wall := wallOf(x)
		due := matches(wall) && (!seen[wall] || everyHour)
		// Walls the clocks jumped over are due now.
		for w := prev.Add(time.Minute); w.Before(wall); w = w.Add(time.Minute) {
			due = due || matches(w)
		}
		seen[wall] = true
		prev = wall
		if due && x.After(from) {
			got = append(got, x.In(loc).Format(runLayout))
		}
	}
	return got
}

func ExampleParseSchedule() {
	s, err := ParseSchedule("30 2 * * *", "Europe/Brussels")
	if err != nil {
		fmt.Println(err)
		return
	}
	// 02:30 does not exist on 2026-03-29, when the clocks go from 02:00
	// to 03:00, so that day's digest is due at 03:00.
	t := time.Date(2026, 3, 27, 12, 0, 0, 0, s.Location())
	for range 4 {
		t = s.Next(t)
		fmt.Println(t.Format("Mon 2006-01-02 15:04 MST"))
	}

	_, err = ParseSchedule("0 8 * *", "Europe/Brussels")
	fmt.Println(err)
	// Output:
	// Sat 2026-03-28 02:30 CET
	// Sun 2026-03-29 03:00 CEST
	// Mon 2026-03-30 02:30 CEST
	// Tue 2026-03-31 02:30 CEST
	// schedule "0 8 * *": expected exactly 5 fields, found 4: [0 8 * *]
}

// BenchmarkScheduleNext steps a daily schedule through a year, two changes
// of the clocks included: each Next is a couple of robfig Next calls, not
// a scan.
func BenchmarkScheduleNext(b *testing.B) {
	s, err := ParseSchedule("30 2 * * *", "Europe/Brussels")
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, s.Location())
	t := start
	for b.Loop() {
		if t = s.Next(t); t.Year() > 2026 {
			t = start
		}
	}
}
