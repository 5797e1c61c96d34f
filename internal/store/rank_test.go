package store

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestBestFirst checks that bestFirst leaves the k least at the head in
// order, as a full sort does, and the others after them.
func TestBestFirst(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 7, 100, 2000} {
		for _, k := range []int{0, 1, 3, 10, n, n + 5} {
			s := make([]int, n)
			for i := range s {
				s[i] = rng.IntN(n/2 + 1) // with ties
			}
			sorted := slices.Sorted(slices.Values(s))
			bestFirst(s, k, cmp.Compare[int])
			head := min(max(k, 0), n)
			if !slices.Equal(s[:head], sorted[:head]) {
				t.Errorf("bestFirst(n=%d, k=%d) head = %v; want %v", n, k, s[:head], sorted[:head])
			}
			if rest := slices.Sorted(slices.Values(s[head:])); !slices.Equal(rest, sorted[head:]) {
				t.Errorf("bestFirst(n=%d, k=%d) lost or changed elements after the head", n, k)
			}
		}
	}
}
