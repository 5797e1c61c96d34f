package summarize_test

import (
	"fmt"

	"github.com/briefbot/briefbot/summarize"
)

func ExampleBrief() {
	b := summarize.Brief(summarize.Article{Body: "Harbour master Ian Clarke said the port would reopen on Monday.\n\n" +
		"“The storm damage was lighter than we feared,” he said. “Ferries can sail again.”"})
	for _, q := range b.Quotes {
		fmt.Printf("%s — %s (%s)\n", q.Text, q.Speaker, q.Role)
	}
	for _, p := range b.Positions {
		fmt.Printf("%s: %s\n", p.Actor, p.Text)
	}
	// Output:
	// The storm damage was lighter than we feared, — Ian Clarke (Harbour master)
	// Ferries can sail again. — Ian Clarke (Harbour master)
	// Ian Clarke: the port would reopen on Monday
}
