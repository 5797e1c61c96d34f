package slackbot

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestManifest keeps the manifest in step with the code: the commands it
// declares are the ones answered, and it asks for no scope beyond the four
// needed: posting, commands, and reading history to find a post whose
// answer was lost.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Features struct {
			SlashCommands []struct {
				Command, Description string
			} `yaml:"slash_commands"`
		}
		OAuthConfig struct {
			Scopes struct{ Bot []string }
		} `yaml:"oauth_config"`
		Settings struct {
			SocketModeEnabled bool `yaml:"socket_mode_enabled"`
		}
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.yaml: %v", err)
	}
	var got []string
	for _, c := range m.Features.SlashCommands {
		if c.Description == "" {
			t.Errorf("command %s has no description", c.Command)
		}
		got = append(got, c.Command)
	}
	var want []string
	for c := range commands {
		want = append(want, c)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("manifest commands = %q; want %q", got, want)
	}
	if scopes, want := m.OAuthConfig.Scopes.Bot, []string{"chat:write", "commands", "channels:history", "groups:history"}; !slices.Equal(scopes, want) {
		t.Errorf("manifest bot scopes = %q; want %q", scopes, want)
	}
	if !m.Settings.SocketModeEnabled {
		t.Errorf("manifest has Socket Mode off; want it on, the default")
	}
}
