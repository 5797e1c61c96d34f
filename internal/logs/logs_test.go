package logs

import (
	"bytes"
	"log/slog"
	"testing"
)

func TestOr(t *testing.T) {
	var buf bytes.Buffer
	l := slog.New(slog.NewTextHandler(&buf, nil))
	if Or(l) != l {
		t.Error("Or(l) is not l")
	}
	Or(nil).Error("nobody hears this")
	if Or(nil) == nil || Or(nil).Enabled(t.Context(), slog.LevelError) {
		t.Error("Or(nil) is nil or enabled; want a logger that discards")
	}
}
