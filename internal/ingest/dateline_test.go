package ingest

import "testing"

func TestDateline(t *testing.T) {
	tests := []struct{ body, want string }{
		{"BRUSSELS (AFP): US Secretary of Defense Pete Hegseth said", "AFP"},
		{"BRUSSELS (AFP) - Ministers met.", "AFP"},
		{"LONDON, Dec 7 (Reuters) — Shares fell.", "Reuters"},
		{"WASHINGTON (AP) – The Senate voted.", "AP"},
		{"SÃO PAULO (Reuters) - Brazil's real rose.", "Reuters"},
		{"Ministers met in Brussels (AFP reports) - talks went on.", ""},
		{"BRUSSELS (updated) - Ministers met.", ""},
		{"NATO (the alliance) said nothing", ""},
		{"US Secretary of Defense Pete Hegseth said Thursday", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := dateline(tt.body); got != tt.want {
			t.Errorf("dateline(%q) = %q; want %q", tt.body, got, tt.want)
		}
	}
}
