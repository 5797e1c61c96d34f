package config

import (
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"
)

// Duration is a [time.Duration] written as in Go, such as "10m" or "90s".
type Duration time.Duration

// String formats d as [time.Duration] does.
func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalYAML parses a duration such as "10m". A bare number is refused:
// it is too easy to mean minutes and get nanoseconds.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		// A *yaml.TypeError lets the decoder carry on, so the other
		// problems in the file are reported too.
		return &yaml.TypeError{Errors: []string{
			fmt.Sprintf("line %d: want a duration such as 10m or 90s, got %q", n.Line, n.Value),
		}}
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes d as "10m0s", for YAML and JSON alike.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText parses a duration such as "10m".
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}
