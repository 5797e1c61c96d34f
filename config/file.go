package config

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// fileSecrets maps each key under which someone may paste a secret into the
// file to the variable it belongs in. The keys a user is likely to guess
// under slack: and discord: are here as well as the top-level ones, so the
// message names the variable rather than calling the key unknown.
var fileSecrets = map[string]string{
	"slack.bot_token":      "BRIEFBOT_SLACK_BOT_TOKEN",
	"slack.token":          "BRIEFBOT_SLACK_BOT_TOKEN",
	"slack.app_token":      "BRIEFBOT_SLACK_APP_TOKEN",
	"slack.signing_secret": "BRIEFBOT_SLACK_SIGNING_SECRET",
	"discord.token":        "BRIEFBOT_DISCORD_TOKEN",
	"discord.bot_token":    "BRIEFBOT_DISCORD_TOKEN",
	"discord.public_key":   "BRIEFBOT_DISCORD_PUBLIC_KEY",
	"web.token":            "BRIEFBOT_WEB_TOKEN",
	"web.password":         "BRIEFBOT_WEB_TOKEN",
	// The same at the top of the file, where the platform is not said.
	"bot_token":      "BRIEFBOT_SLACK_BOT_TOKEN or BRIEFBOT_DISCORD_TOKEN",
	"token":          "BRIEFBOT_SLACK_BOT_TOKEN or BRIEFBOT_DISCORD_TOKEN",
	"app_token":      "BRIEFBOT_SLACK_APP_TOKEN",
	"signing_secret": "BRIEFBOT_SLACK_SIGNING_SECRET",
	"public_key":     "BRIEFBOT_DISCORD_PUBLIC_KEY",
}

// secretEnv returns the variable a secret found at the key path belongs in.
// Under secrets: an unrecognised key gets every variable.
func secretEnv(path string) (string, bool) {
	if path == "secrets" {
		return allSecretEnv(), true
	}
	if env, ok := fileSecrets[path]; ok {
		return env, true
	}
	key, under := path, ""
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		under, key = path[:i], path[i+1:]
	}
	if under != "" && under != "secrets" {
		return "", false
	}
	for _, s := range secretVars {
		if s.key == key {
			return s.env, true
		}
	}
	if under == "secrets" {
		return allSecretEnv(), true
	}
	return "", false
}

func allSecretEnv() string {
	names := make([]string, len(secretVars))
	for i, s := range secretVars {
		names[i] = s.env
	}
	return strings.Join(names, ", ")
}

// syntaxError words a YAML syntax error for the file's reader: where, what
// the parser said, and the usual cause.
func syntaxError(file string, data []byte, err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	where := file
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if n, after, ok := strings.Cut(rest, ": "); ok {
			if _, err := strconv.Atoi(n); err == nil {
				where, msg = file+":"+n, after
			}
		}
	}
	advice := "check the indentation, and put quotes around a value that holds a colon, a # or brackets"
	if bytes.Contains(data, []byte("\n\t")) || bytes.HasPrefix(data, []byte("\t")) {
		advice = "indent with spaces: YAML does not allow tabs"
	}
	return fmt.Errorf("%s: not valid YAML (%s); %s", where, msg, advice)
}

// fileDecoder fills a Config from a YAML document, key by key, so that each
// problem can name its key's path and say in plain words what is wrong; the
// YAML package's own errors name Go types ("field seedz not found in type
// config.file").
type fileDecoder struct {
	file     string
	problems []error
}

func (d *fileDecoder) report(n *yaml.Node, path, msg string) {
	if path != "" {
		msg = path + ": " + msg
	}
	d.problems = append(d.problems, fmt.Errorf("%s:%d: %s", d.file, n.Line, msg))
}

// decodeFile decodes the YAML document root over c.
func (d *fileDecoder) decodeFile(root *yaml.Node, c *Config) {
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return
		}
		root = root.Content[0]
	}
	root = resolve(root)
	if isNull(root) {
		return
	}
	if root.Kind != yaml.MappingNode {
		d.report(root, "", "want keys such as seeds: and channels: at the top of the file, got "+describe(root))
		return
	}
	d.value(root, "", reflect.ValueOf(c).Elem())
}

// value decodes n into v, whose key path is path.
func (d *fileDecoder) value(n *yaml.Node, path string, v reflect.Value) {
	n = resolve(n)
	if isNull(n) {
		return // the key is there with nothing after it: keep the default
	}
	if s, ok := tokenLike(n); ok && path != "" {
		d.report(n, path, s+" is a secret, and secrets come only from the environment: remove it from the file, set it in "+tokenEnv(s)+", and, as it has been in a file, consider replacing it")
		return
	}
	switch {
	case v.Type() == reflect.TypeFor[Duration]():
		dur, err := time.ParseDuration(n.Value)
		if n.Kind != yaml.ScalarNode || err != nil {
			d.report(n, path, fmt.Sprintf("want a duration such as 10m or 90s, got %s", describe(n)))
			return
		}
		v.SetInt(int64(dur))
	case v.Kind() == reflect.Struct:
		if n.Kind != yaml.MappingNode {
			d.report(n, path, fmt.Sprintf("want keys under it (%s), got %s", keyList(v.Type()), describe(n)))
			return
		}
		d.mapping(n, path, v)
	case v.Kind() == reflect.Slice:
		if n.Kind != yaml.SequenceNode {
			d.report(n, path, "want a list (one item a line, each after \"- \"), got "+describe(n))
			return
		}
		list := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, item := range n.Content {
			d.value(item, fmt.Sprintf("%s[%d]", path, i), list.Index(i))
		}
		v.Set(list)
	case n.Kind != yaml.ScalarNode:
		d.report(n, path, "want a single value, got "+describe(n))
	case v.Kind() == reflect.String:
		v.SetString(n.Value)
	case v.Kind() == reflect.Bool:
		var b bool
		if n.Decode(&b) != nil {
			d.report(n, path, fmt.Sprintf("want true or false, got %q", n.Value))
			return
		}
		v.SetBool(b)
	case v.CanInt():
		var i int64
		if n.Decode(&i) != nil || v.OverflowInt(i) {
			d.report(n, path, fmt.Sprintf("want a whole number, got %q", n.Value))
			return
		}
		v.SetInt(i)
	default:
		panic(fmt.Sprintf("config: no YAML decoding for %s", v.Type())) // a new Config field of a new kind
	}
}

// mapping decodes the keys of n into the struct v.
func (d *fileDecoder) mapping(n *yaml.Node, path string, v reflect.Value) {
	fields := yamlFields(v.Type())
	seen := make(map[string]int) // key → line
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Value == "<<" && k.Tag == "!!merge" {
			d.merge(val, path, v)
			continue
		}
		at := join(path, k.Value)
		if line, dup := seen[k.Value]; dup {
			d.report(k, at, fmt.Sprintf("given twice (first on line %d); keep one", line))
			continue
		}
		seen[k.Value] = k.Line
		if env, ok := secretEnv(at); ok {
			if at == "secrets" && resolve(val).Kind == yaml.MappingNode {
				d.secretsBlock(resolve(val))
				continue
			}
			d.report(k, at, "secrets come only from the environment: remove this key from the file and set "+env+" instead")
			continue
		}
		idx, ok := fields[k.Value]
		if !ok {
			d.report(k, at, unknownKey(k.Value, v.Type()))
			continue
		}
		d.value(val, at, v.FieldByIndex(idx))
	}
}

// merge applies a YAML merge key (<<: *defaults), a mapping or a list of
// them, before the keys written beside it.
func (d *fileDecoder) merge(n *yaml.Node, path string, v reflect.Value) {
	n = resolve(n)
	if n.Kind == yaml.SequenceNode {
		for _, m := range n.Content {
			d.merge(m, path, v)
		}
		return
	}
	if n.Kind != yaml.MappingNode {
		d.report(n, join(path, "<<"), "want a mapping to merge, got "+describe(n))
		return
	}
	d.mapping(n, path, v)
}

// secretsBlock reports each secret under a secrets: key by its variable.
func (d *fileDecoder) secretsBlock(n *yaml.Node) {
	if len(n.Content) == 0 {
		d.report(n, "secrets", "secrets come only from the environment ("+allSecretEnv()+"): remove this key from the file")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		at := join("secrets", k.Value)
		env, _ := secretEnv(at)
		d.report(k, at, "secrets come only from the environment: remove this key from the file and set "+env+" instead")
	}
}

// unknownKey says that key is not one of t's, suggesting the nearest known
// key when it is probably a typo.
func unknownKey(key string, t reflect.Type) string {
	known := slices.Sorted(maps.Keys(yamlFields(t)))
	if near := nearest(key, known); near != "" {
		return fmt.Sprintf("unknown key; did you mean %s?", near)
	}
	if elsewhere := keyPaths(reflect.TypeFor[Config](), "", key); len(elsewhere) > 0 {
		return fmt.Sprintf("unknown key here; it belongs under %s", strings.Join(elsewhere, " or "))
	}
	if t == reflect.TypeFor[Config]() {
		return "unknown key; config/example.yaml lists every key"
	}
	return "unknown key; the keys here are " + strings.Join(known, ", ")
}

// keyPaths returns the paths at which key is a key in the file, searching
// t (at path) and the sections and lists under it, such as slack.mode and
// channels[].mode for "mode".
func keyPaths(t reflect.Type, path, key string) []string {
	var paths []string
	fields := yamlFields(t)
	for _, name := range slices.Sorted(maps.Keys(fields)) {
		ft := t.FieldByIndex(fields[name]).Type
		at := join(path, name)
		if ft.Kind() == reflect.Slice {
			ft, at = ft.Elem(), at+"[]"
		}
		if name == key && path != "" {
			paths = append(paths, at)
		}
		if ft.Kind() == reflect.Struct && ft != reflect.TypeFor[Duration]() {
			paths = append(paths, keyPaths(ft, at, key)...)
		}
	}
	return paths
}

// nearest returns the known key that key is most likely a typo of, or "".
// A key is near when it differs only in case, hyphens or underscores
// (maxBytes, max-bytes), or by at most one edit in four letters.
func nearest(key string, known []string) string {
	squash := func(s string) string {
		return strings.NewReplacer("_", "", "-", "").Replace(strings.ToLower(s))
	}
	best, bestDist := "", -1
	for _, k := range known {
		if squash(k) == squash(key) {
			return k
		}
		dist := editDistance(strings.ToLower(key), k)
		if limit := max(1, len(k)/4); dist <= limit && (bestDist < 0 || dist < bestDist) {
			best, bestDist = k, dist
		}
	}
	return best
}

// editDistance counts the insertions, deletions, substitutions and swaps
// of two neighbouring bytes that turn a into b (optimal string alignment):
// the usual typos each cost one.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// yamlFields maps the YAML keys of struct t to its fields.
func yamlFields(t reflect.Type) map[string][]int {
	fields := make(map[string][]int)
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		fields[name] = f.Index
	}
	return fields
}

// keyList names a struct's keys for a message, in the order the struct
// declares them ("such as mode: api_url:"), the first few when there are
// many.
func keyList(t reflect.Type) string {
	fields := yamlFields(t)
	keys := slices.SortedFunc(maps.Keys(fields), func(a, b string) int {
		return slices.Compare(fields[a], fields[b])
	})
	more := ""
	if len(keys) > 4 {
		keys, more = keys[:3], " …"
	}
	return "such as " + strings.Join(keys, ": ") + ":" + more
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// describe names what a node holds, for "got …", without quoting long text.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "keys"
	}
	v := n.Value
	if len(v) > 40 {
		v = v[:37] + "…"
	}
	return strconv.Quote(v)
}

// Token prefixes, so that a token pasted into any key is refused without
// being repeated in the message.
var tokenPrefixes = []struct{ prefix, name, env string }{
	{"xoxb-", "a Slack bot token (xoxb-…)", "BRIEFBOT_SLACK_BOT_TOKEN"},
	{"xapp-", "a Slack app-level token (xapp-…)", "BRIEFBOT_SLACK_APP_TOKEN"},
}

// tokenLike reports whether n holds something shaped like a chat token,
// and names it.
func tokenLike(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		return "", false
	}
	for _, p := range tokenPrefixes {
		if strings.HasPrefix(n.Value, p.prefix) {
			return p.name, true
		}
	}
	if slackToken(n.Value) {
		return "a Slack token (xox…)", true
	}
	if discordToken(n.Value) {
		return "a Discord bot token", true
	}
	return "", false
}

func tokenEnv(name string) string {
	for _, p := range tokenPrefixes {
		if p.name == name {
			return p.env
		}
	}
	if strings.HasPrefix(name, "a Slack") {
		return "BRIEFBOT_SLACK_BOT_TOKEN"
	}
	return "BRIEFBOT_DISCORD_TOKEN"
}

// slackToken reports whether s has a Slack token's shape: xoxb-, xoxp-,
// xoxe- and the like.
func slackToken(s string) bool {
	return len(s) > 5 && strings.HasPrefix(s, "xox") && s[4] == '-'
}

// discordToken reports whether s has a Discord bot token's shape: three
// base64url parts joined by dots, the first over 20 characters.
func discordToken(s string) bool {
	parts := strings.Split(s, ".")
	if len(parts) != 3 || len(parts[0]) < 20 || len(parts[1]) < 4 || len(parts[2]) < 20 {
		return false
	}
	for _, p := range parts {
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}
