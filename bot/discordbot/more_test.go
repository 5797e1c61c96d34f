package discordbot

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestInteractionMoreButton: an answer with a next page gets a "More"
// button that runs the command for it; a button with any other value
// runs nothing.
func TestInteractionMoreButton(t *testing.T) {
	f := newFake(t, nil)
	h := &handler{answer: "Who said what about \"europe\":\n\nHanno Pevkur\n\n…and 5 more: /who-said europe page:2"}
	in := &Interactions{Commands: h, Public: true}
	srv, key := endpoint(t, in, f)
	_, got := post(t, srv, key, whoSaid)
	data, _ := got["data"].(map[string]any)
	want := []any{map[string]any{"type": 1.0, "components": []any{
		map[string]any{"type": 2.0, "label": "More", "style": 2.0, "custom_id": "/who-said europe page:2", "disabled": false},
	}}}
	if diff := cmp.Diff(want, data["components"]); diff != "" {
		t.Errorf("answer's components (-want +got):\n%s", diff)
	}

	click := func(id, customID string) map[string]any {
		body := `{"type":3,"id":"` + id + `","application_id":"APP","token":"TOK","channel_id":"C1","guild_id":"G1","version":1,
"message":{"id":"M1","channel_id":"C1"},"data":{"custom_id":"` + customID + `","component_type":2}}`
		_, got := post(t, srv, key, body)
		return got
	}
	h.answer = "Who said what about \"europe\":\n\nJohn Healey"
	got = click("I7", "/who-said europe page:2")
	data, _ = got["data"].(map[string]any)
	if got["type"] != 4.0 || data["content"] != h.answer || data["components"] != nil {
		t.Errorf("response to More = %v; want the next page, with no button as it is the last", got)
	}
	calls := h.called()
	if len(calls) != 2 || calls[1] != "discord:C1 /who-said europe page:2" {
		t.Errorf("commands run = %q; want the first and then its next page", calls)
	}
	for _, bad := range []string{"/digest", "/who-said europe", "/brief 3 page:2"} {
		got = click("I8"+strings.TrimPrefix(bad, "/"), bad)
		data, _ = got["data"].(map[string]any)
		if data["content"] != notAPage {
			t.Errorf("response to a button %q = %v; want %q", bad, got, notAPage)
		}
	}
	if n := len(h.called()); n != 2 {
		t.Errorf("%d commands run; buttons that are no page ran %d", n, n-2)
	}
}
