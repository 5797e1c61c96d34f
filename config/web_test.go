package config_test

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/briefbot/briefbot/config"
)

// TestLoadWeb checks the web archive's keys: from the file, overridden by
// the environment and the --admin-listen flag, validated together, and
// the token taken only from the environment and never printed.
func TestLoadWeb(t *testing.T) {
	file := writeFile(t, "admin_listen: 127.0.0.1:9090\nweb:\n  listen: :8081\n  base_url: https://news.example.org\n")
	got, err := config.LoadFlags(file, env(map[string]string{"BRIEFBOT_WEB_TOKEN": "s3cret-token", "BRIEFBOT_WEB_LISTEN": "127.0.0.1:8082"}),
		config.Flags{AdminListen: "127.0.0.1:9191"})
	if err != nil {
		t.Fatalf("LoadFlags: %v", err)
	}
	want := config.Web{Listen: "127.0.0.1:8082", BaseURL: "https://news.example.org"}
	if got.Web != want || got.AdminListen != "127.0.0.1:9191" || got.Secrets.WebToken.Reveal() != "s3cret-token" {
		t.Errorf("LoadFlags() Web, AdminListen, token = %+v, %q, %q; want %+v, %q, %q",
			got.Web, got.AdminListen, got.Secrets.WebToken.Reveal(), want, "127.0.0.1:9191", "s3cret-token")
	}
	var logged bytes.Buffer
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("config", "config", got)
	if strings.Contains(logged.String(), "s3cret-token") || !strings.Contains(logged.String(), `"web_token":"REDACTED"`) {
		t.Errorf("logged config = %s; want web_token REDACTED and no token", logged.String())
	}

	_, err = config.Load(writeFile(t, "admin_listen: \"9090\"\nweb:\n  listen: nowhere\n  base_url: ftp://x\n  token: abc\n"), env(nil))
	wantProblems(t, "Load", problems(err), []string{
		"web.token: secrets come only from the environment: remove this key from the file and set BRIEFBOT_WEB_TOKEN instead",
		"admin_listen: address 9090: missing port in address",
		"web.listen: address nowhere: missing port in address",
		`web.base_url: not an http(s) URL, got "ftp://x"`,
	})
}
