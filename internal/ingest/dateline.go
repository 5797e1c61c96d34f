package ingest

import (
	"regexp"
	"strings"
	"unicode"
)

// datelineRE matches a wire dateline opening a story: a place in capitals,
// perhaps a date after a comma, the agency in brackets, then a dash or a
// colon ("BRUSSELS (AFP) -", "LONDON, Dec 7 (Reuters) —", "KYIV (AP):").
var datelineRE = regexp.MustCompile(`^\s*\p{Lu}[\p{Lu}\p{M} .'’-]*(?:,[^()\n]{1,40}?)?\s*\(([^()\n]{1,40})\)\s*[-–—:]`)

// dateline returns the agency the dateline at the start of body names, or
// "" when body opens with none. The agency is what the story is from: a
// file of it is credited to the agency, not to the file's name.
func dateline(body string) string {
	m := datelineRE.FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	agency := strings.Join(strings.Fields(m[1]), " ")
	// An agency is a name: "(AFP)", "(Reuters)", not "(updated)".
	if agency == "" || !strings.ContainsFunc(agency, unicode.IsUpper) {
		return ""
	}
	return agency
}
