// Package logs holds what the packages with a Log field share of log/slog.
package logs

import "log/slog"

// discard is one logger that writes nothing, made once.
var discard = slog.New(slog.DiscardHandler)

// Or returns l, or a logger that discards everything when l is nil: a
// component whose Log field is left nil logs nothing.
func Or(l *slog.Logger) *slog.Logger {
	if l == nil {
		return discard
	}
	return l
}
