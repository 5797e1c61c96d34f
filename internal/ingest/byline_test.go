package ingest

import "testing"

func TestCleanByline(t *testing.T) {
	for _, tt := range []struct{ byline, site, want string }{
		{"Marta Oyelaran", "The Courier", "Marta Oyelaran"},
		{"By Marta Oyelaran", "", "Marta Oyelaran"},
		{"by  Marta\n Oyelaran and Tomas Reid", "", "Marta Oyelaran and Tomas Reid"},
		{"BY DELPHINE ASARE March 11, 2015 3:46 PM", "", "Delphine Asare"},
		{"By DELPHINE ASARE AND OWEN PIKE", "", "Delphine Asare and Owen Pike"},
		{"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "The Courier", ""},
		{"Hana Kovac | Updated 3 hours ago", "", "Hana Kovac"},
		{"Hana Kovac - 12 June 2024", "", "Hana Kovac"},
		{"Lena Ferro, Published 4 May", "", "Lena Ferro"},
		{"By Theresa May", "", "Theresa May"},
		{"May Chen", "", "May Chen"},
		{"The Courier", "The Courier", ""},
		{"the courier", "The Courier", ""},
		{"Our Foreign Staff", "The Courier", "Our Foreign Staff"},
		{"", "The Courier", ""},
		{"By", "", ""},
		{"— · —", "", ""},
		{"This long line is a paragraph that a page marked up as its byline, with far more words in it than any list of authors would ever need to hold.", "", ""},
	} {
		if got := cleanByline(tt.byline, tt.site); got != tt.want {
			t.Errorf("cleanByline(%q, %q) = %q; want %q", tt.byline, tt.site, got, tt.want)
		}
	}
}

func TestDropBylineLine(t *testing.T) {
	for _, tt := range []struct{ body, byline, want string }{
		{"By Ana Tremaine\n\nThe port reopened.", "Ana Tremaine", "The port reopened."},
		{"Harbour news\n\nBY ANA TREMAINE\n\nThe port reopened.", "Ana Tremaine", "Harbour news\n\nThe port reopened."},
		{"Ana Tremaine\nThe port reopened.", "Ana Tremaine", "The port reopened."},
		// A sentence that starts with "By" stays.
		{"By the time the ferry came, Ana Tremaine had left.\n\nMore.", "Ana Tremaine", "By the time the ferry came, Ana Tremaine had left.\n\nMore."},
		// Only the first few lines are looked at.
		{"One.\n\nTwo.\n\nThree.\n\nBy Ana Tremaine", "Ana Tremaine", "One.\n\nTwo.\n\nThree.\n\nBy Ana Tremaine"},
		{"By Ana Tremaine\n\nThe port reopened.", "", "By Ana Tremaine\n\nThe port reopened."},
	} {
		if got := dropBylineLine(tt.body, tt.byline); got != tt.want {
			t.Errorf("dropBylineLine(%q, %q) = %q; want %q", tt.body, tt.byline, got, tt.want)
		}
	}
}

func TestCleanTitle(t *testing.T) {
	for _, tt := range []struct{ title, site, byline, want string }{
		{"Whales strand again | Ana Tremaine", "The Courier", "Ana Tremaine", "Whales strand again"},
		{"Harbour reopens – The Courier", "The Courier", "", "Harbour reopens"},
		{"Harbour reopens | Ana Tremaine | The Courier", "the courier", "Ana Tremaine", "Harbour reopens"},
		{"Left - right - left: a march in pictures", "The Courier", "", "Left - right - left: a march in pictures"},
		{"Harbour reopens | Local news", "The Courier", "Ana Tremaine", "Harbour reopens | Local news"},
		{"The Courier", "The Courier", "", "The Courier"},
	} {
		if got := cleanTitle(tt.title, tt.site, tt.byline); got != tt.want {
			t.Errorf("cleanTitle(%q, %q, %q) = %q; want %q", tt.title, tt.site, tt.byline, got, tt.want)
		}
	}
}
