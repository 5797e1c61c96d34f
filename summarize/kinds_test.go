package summarize

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Kinds of case found on real newsroom copy, each in the project's own
// words. Tests are named by the behaviour they check.

// Two straight apostrophes in a row are one double quotation mark, as some
// archives print them; the marks are not part of the quotation.
func TestDoubledApostrophesAreADoubleMark(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"whole quotation", "''We will not fold on this,'' said Senator Mara Quill, a Democrat.",
			[]q{{"We will not fold on this,", "Mara Quill"}}},
		{"fragment and a nested single mark", "Mara Quill called the bill ''a gift to lobbyists'' on Monday. ''They say 'trust us' and we do not,'' she said.",
			[]q{{"a gift to lobbyists", "Mara Quill"}, {"They say 'trust us' and we do not,", "Mara Quill"}}},
	})
}

// A capitalised pronoun after a quotation that ends with a full stop starts
// a new sentence, so the quotation is not its object and "He" is not taken
// for the surname He.
func TestCapitalPronounAfterQuotationStartsSentence(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"he added", "Dorn Vasquez spoke to the rally for an hour. “I think this plan will ruin the port.” He added, “Shipping it out is madness.”",
			[]q{{"I think this plan will ruin the port.", "Dorn Vasquez"}, {"Shipping it out is madness.", "Dorn Vasquez"}}},
		{"a colon lead-in", "Across the state, Lena Ortiz pleads for cheaper rent: \"Nobody who works full time should sleep in a car.\" She says the council has waited too long.",
			[]q{{"Nobody who works full time should sleep in a car.", "Lena Ortiz"}}},
		{"a second quotation after a speech verb", "The mayor toured the depot.\n\nKeane says “the budget has grown bloated” because “the city has grown lazy.” He says clerks are hired to please their cousins.",
			[]q{{"the budget has grown bloated", "Keane"}, {"the city has grown lazy.", "Keane"}}},
	})
}

// A quotation set inside a sentence that no speech verb introduces belongs
// to the person or body the sentence is about, not to nobody.
func TestQuotationInsideSentenceTakesItsSubject(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"described as", "Rep. Tilda Marsh described the tax plan as “a wish list for the donors who fund this place” in a floor speech.",
			[]q{{"a wish list for the donors who fund this place", "Tilda Marsh"}}},
		{"worried that", "During the slump, Owen Pratt worried that the relief fund was turning into “a hammock for people who could work.”",
			[]q{{"a hammock for people who could work.", "Owen Pratt"}}},
		{"a pronoun subject", "Nadia Ferris ran for the Senate in 2010. Years earlier, she had voted for the war from “the view of someone who had seen the towers fall.”",
			[]q{{"the view of someone who had seen the towers fall.", "Nadia Ferris"}}},
		{"a headline's words are no one's", "Ferris Says Budget Will Pass “Within Weeks If Not Days”",
			nil},
	})
}

// A name may open with an initial: "C. Stewart Vandry", "J. Walter Pell".
func TestNameWithLeadingInitial(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"initial, given name, surname", "''We check people against watch lists,'' said C. Stewart Vandry Jr., a former border official. J. Walter Pell agreed. \"It works,\" Pell said.",
			[]q{{"We check people against watch lists,", "C. Stewart Vandry"}, {"It works,", "J. Walter Pell"}}},
	})
}

// A body named before a role is whose role it is, not the speaker: "Senate
// minority leader Harold Reese told reporters".
func TestBodyBeforeRoleIsNoSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"minority leader", "\"We should ease off him a little,\" Senate minority leader Harold Reese told reporters in the capital.",
			[]q{{"We should ease off him a little,", "Harold Reese"}}},
		{"deputy press secretary", "\"No decision has been made,\" Treasury deputy press secretary Ana Bell said.",
			[]q{{"No decision has been made,", "Ana Bell"}}},
	})
}

// A quotation with no speech verb later in a paragraph goes to whoever was
// quoted before it there, not to another person the sentence names first.
func TestLaterQuotationInParagraphTakesLastSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"someone else named in the lead-in", "In 2009, when President Adam Vell offered states money through his grant program, \"states were losing money. They needed it,\" Dorsey said. \"And he tied that money to adopting his standards.\"",
			[]q{{"states were losing money. They needed it,", "Dorsey"}, {"And he tied that money to adopting his standards.", "Dorsey"}}},
	})
}

// positionCase is a text and the positions (actor, clause) it reports.
type positionCase struct {
	name, body string
	want       []p2
}

type p2 struct{ Actor, Text string }

func runPositionCases(t *testing.T, cases []positionCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := Brief(Article{Body: tc.body})
			var got []p2
			for _, x := range b.Positions {
				got = append(got, p2{x.Actor, x.Text})
				if tc.body[x.Start:x.End] != x.Text {
					t.Errorf("position %q has offsets [%d:%d]", x.Text, x.Start, x.End)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Brief(%q) positions (-want +got):\n%s", tc.body, diff)
			}
		})
	}
}

// Reported speech before its speech verb is a position: "The fund is
// short, Ames said.", "…, according to the board." and "According to the
// board, …". A setting before the comma, a direct quotation or a clause
// after the verb is not.
func TestReportedSpeechBeforeItsVerb(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"name then verb", "The pension fund will run dry by 2031, Treasurer Ilse Vogt said on Monday.",
			[]p2{{"Ilse Vogt", "The pension fund will run dry by 2031"}}},
		{"verb then name", "Two of the four pumps had failed before the storm, said Omar Haddad, the plant's manager.",
			[]p2{{"Omar Haddad", "Two of the four pumps had failed before the storm"}}},
		{"told reporters", "The talks have stalled over fishing rights, a senior diplomat told reporters.",
			[]p2{{"a senior diplomat", "The talks have stalled over fishing rights"}}},
		{"according to, after", "The bridge will close for eight months, according to the Water Board.",
			[]p2{{"Water Board", "The bridge will close for eight months"}}},
		{"according to, before", "According to the Water Board, the bridge will close for eight months.",
			[]p2{{"Water Board", "the bridge will close for eight months"}}},
		{"a setting is no statement", "In a speech to farmers in Leeds, Minister Ruth Adair said the subsidy would stay.",
			[]p2{{"Ruth Adair", "the subsidy would stay"}}},
		{"a clause of its own after the comma", "The striker scored twice before the break, and Doyle admitted his side had faded.",
			[]p2{{"Doyle", "his side had faded"}}},
		{"an appositive names the speaker", "The mayor's lawyer, Ana Bell, said the suit was baseless.",
			[]p2{{"Ana Bell", "the suit was baseless"}}},
		{"a direct quotation is the statement", "“We will not close the bridge,” Ilse Vogt said.",
			nil},
	})
}

// A reported clause runs to its end past an infinitive that is a speech
// verb, starts after a time such as "early Friday", and after the "that"
// that opens it, not a relative "that" before it.
func TestReportedClauseBounds(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"an infinitive inside", "Spokesman Josh Ernst said Vance enjoys the chance to speak at the dinner each year.",
			[]p2{{"Josh Ernst", "Vance enjoys the chance to speak at the dinner each year"}}},
		{"early Friday", "Interior Minister Bernard Cazal said early Friday that 80 people had been killed.",
			[]p2{{"Bernard Cazal", "80 people had been killed"}}},
		{"a relative that before the clause", "Senator Lyle Kemp told the station in an interview that aired this week that he believes the agency is still hiding files.",
			[]p2{{"Lyle Kemp", "he believes the agency is still hiding files"}}},
	})
}

// What a call, demand or pledge asks for or promises is the actor's
// position; a question, a plea in court or a request for anonymity is not.
func TestCallsAndPledges(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"urged X to", "Governor Dana Pruitt urged lawmakers to restore the bus routes before winter.",
			[]p2{{"Dana Pruitt", "lawmakers to restore the bus routes before winter"}}},
		{"pledged to", "The ruling party pledged to cut rail fares by a fifth.",
			[]p2{{"The ruling party", "to cut rail fares by a fifth"}}},
		{"called for", "Councillor Ivo Marsh called for an inquiry into the fire at the depot.",
			[]p2{{"Ivo Marsh", "an inquiry into the fire at the depot"}}},
		{"called on X to", "Union leader Mere Hohaia called on members to reject the offer.",
			[]p2{{"Mere Hohaia", "members to reject the offer"}}},
		{"called on X who … to", "Senator Ida Morrow called on others who took gifts from the same builder to hand them back.",
			[]p2{{"Ida Morrow", "others who took gifts from the same builder to hand them back"}}},
		{"a question", "Reporters asked Mayor Ellen Voss what she planned to do about the bridge.",
			nil},
		{"a question of who", "Reporters asked him who had paid for the bridge.",
			nil},
		{"a plea", "The contractor pleaded guilty to theft on Friday.",
			nil},
		{"anonymity", "An official, who asked not to be named, said the talks had failed.",
			[]p2{{"An official", "the talks had failed"}}},
		{"an adjective", "Members clashed over proposed cuts to library hours.",
			nil},
		{"calling someone something", "Mayor Ellen Voss called the plan a disgrace.",
			nil},
	})
}

// The speaker of a second verb in a coordination is the subject of the
// first; an adverb may stand between subject and verb; a clause after
// "that" may open with a subordinator.
func TestReportedSpeechSubjectsAndOpenings(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"and has said", "Dara Venn describes herself as a friend of farmers and has said that she has given large sums to the growers' union.",
			[]p2{{"Dara Venn", "she has given large sums to the growers' union"}}},
		{"but did note, with no speech verb before", "Kemp did not name his rivals but did note that he had won the most counties.",
			[]p2{{"Kemp", "he had won the most counties"}}},
		{"an adverb before the verb", "Lena Ortiz jokingly tells audiences that after forty years the job is hers.",
			[]p2{{"Lena Ortiz", "after forty years the job is hers"}}},
		{"that if", "Professor Amar Tal said that if viewed as a bargaining tactic, a grand deal might be possible.",
			[]p2{{"Amar Tal", "if viewed as a bargaining tactic, a grand deal might be possible"}}},
	})
}

// A quotation with a speech verb is kept when its speaker cannot be
// resolved, whatever its length or where its comma stands; its speaker is
// then empty, never a guess.
func TestQuotationKeptWithoutSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"comma outside the marks", "Rain fell all day.\n\n\"We are ready\", she said.",
			[]q{{"We are ready", ""}}},
		{"one word", "Rain fell all day.\n\n\"Ready,\" she said.",
			[]q{{"Ready,", ""}}},
		{"a line of dialogue alone", "She turned to the window.\n\n\"Where?\"",
			[]q{{"Where?", ""}}},
	})
}

// People the role lists do not know: a surname first named with an age or
// a description is a person, and any "the/a + noun" subject of a speech
// verb is a describable speaker.
func TestSpeakersOutsideTheRoleLists(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"surname with an age", "Okafor, 52, a nurse, said the ward was full. \"We cannot cope,\" she said.",
			[]q{{"We cannot cope,", "Okafor"}}},
		{"surname with a description", "Adeyemi, a ferry pilot, said the river was too low. \"We wait,\" he said.",
			[]q{{"We wait,", "Adeyemi"}}},
		{"an unlisted noun", "\"I have seen this before,\" the juggler said.",
			[]q{{"I have seen this before,", "the juggler"}}},
		{"a second describable speaker", "A passer-by stopped. \"It was awful,\" a passer-by said.\n\n\"Not again,\" the caretaker added.",
			[]q{{"It was awful,", "a passer-by"}, {"Not again,", "the caretaker"}}},
		{"a description varying the name just quoted", "Mill owner Vera Stoll said on Friday that she would keep the looms running.\n\n\"We will not close,\" the textile magnate told reporters.",
			[]q{{"We will not close,", "Vera Stoll"}}},
	})
}

// An ASCII double hyphen is a dash, before a credit as an em dash is.
func TestDoubleHyphenCredit(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"verb first", "\"We will rebuild.\" -- said Ana Ruiz.",
			[]q{{"We will rebuild.", "Ana Ruiz"}}},
		{"name alone", "Crowds gathered early.\n\n\"Not one of us slept.\" -- Ana Ruiz",
			[]q{{"Not one of us slept.", "Ana Ruiz"}}},
	})
}

// Three straight apostrophes after a word close a single quotation and then
// the double one; a dash line under a paragraph of quotation credits it.
func TestMarksAndCreditLines(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"three apostrophes", "The envoy was frank.\n\n''I would use the word 'old-school,''' said Gregory W. Slade, the former envoy. ''It fits.''",
			[]q{{"I would use the word 'old-school,'", "Gregory W. Slade"}, {"It fits.", "Gregory W. Slade"}}},
		{"a credit line below", "Readers wrote in about the race.\n\n\"The nicknames for rivals have to stop.\"\n\n-Maria Ostrow, Philadelphia.\n\n\"I am voting for the first time.\"\n\n— Tom Reyes, Tulsa",
			[]q{{"The nicknames for rivals have to stop.", "Maria Ostrow"}, {"I am voting for the first time.", "Tom Reyes"}}},
	})
}

// Speaker strings that are names: a surname that is also a noun after an
// honorific or a given name ("Ms. Boxer", "Barbara Boxer"), no verb of a
// title-case headline inside a name, and a street is a place, not a
// person a pronoun can mean.
func TestSpeakerStringsAreNames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"honorific and a noun surname", "Senator Barbara Boxer of California spoke.\n\n\"I have made a couple of calls,\" Ms. Boxer said.",
			[]q{{"I have made a couple of calls,", "Barbara Boxer"}}},
		{"a headline's verb", "Lyle Kemp Says He Will Not Back Down On Tariffs\n\nSenator Lyle Kemp said on Monday: \"I am not going anywhere.\"",
			[]q{{"I am not going anywhere.", "Lyle Kemp"}}},
		{"a street is no person", "Chief executive Tom Dunn denied that Wall Street had forced the move.\n\n\"This was a tough decision,\" he said.",
			[]q{{"This was a tough decision,", "Tom Dunn"}}},
	})
}

// Two people or bodies named together as the subject of a speech verb
// speak together: "Ruiz and Okafor said".
func TestJointSpeakers(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"full names before a colon", "Ana Ruiz and Ben Okafor said: \"We are done.\"",
			[]q{{"We are done.", "Ana Ruiz and Ben Okafor"}}},
		{"surnames after the quotation", "\"We are done,\" Ruiz and Okafor said.",
			[]q{{"We are done,", "Ruiz and Okafor"}}},
		{"one of two named before", "Ana Ruiz met Ben Okafor. \"We are done,\" said Ruiz.",
			[]q{{"We are done,", "Ana Ruiz"}}},
		{"two bodies", "Northwind Rail and Castlegate Buses said the rules were \"unworkable\".",
			[]q{{"unworkable", "Northwind Rail and Castlegate Buses"}}},
	})
}

// 'Tis and 'Twas at the start of a single-quoted quotation: the mark opens
// the quotation and the elision both; elsewhere 'Tis is a word.
func TestElisionOpeningAQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"'Tis opening", "'Tis the season for giving,' said Ana Ruiz. 'We will open the hall.'",
			[]q{{"Tis the season for giving,", "Ana Ruiz"}, {"We will open the hall.", "Ana Ruiz"}}},
		{"'Tis inside a sentence", "The carol begins 'Tis the season. 'We love it,' said Ana Ruiz.",
			[]q{{"We love it,", "Ana Ruiz"}}},
		{"'Tis with no quotation", "'Tis the season, and the shops know it.",
			nil},
	})
}

// A label in quotation marks is no quotation: "pressed “cancel”".
func TestLabelIsNoQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a button", "He pressed “cancel” and the order vanished, said Ana Ruiz.",
			nil},
		{"a menu item", "Shoppers who chose “express delivery” waited a week.",
			nil},
	})
}

// Campaign and business copy vary the name just given with a description:
// "the Democratic nominee", "the tycoon" are the person the story is about.
func TestDescriptionsVaryingTheName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"the nominee", "Dana Pruitt won the primary on Tuesday.\n\n\"We are just getting started,\" the Democratic nominee told supporters.",
			[]q{{"We are just getting started,", "Dana Pruitt"}}},
		{"the tycoon", "Hotel owner Sal Varga met the mayor on Friday.\n\n\"We had a good talk,\" the tycoon said.",
			[]q{{"We had a good talk,", "Sal Varga"}}},
	})
}

// A party affiliation set off after a name is no speaker: ", Republican of
// New York," and ", a Democrat from Ohio,".
func TestPartyAppositiveIsNoSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"Republican of", "\"We did feel stifled,\" Representative Paul Brann, Republican of New York, said of those years.",
			[]q{{"We did feel stifled,", "Paul Brann"}}},
		{"a Democrat from", "\"We did feel stifled,\" Senator Ann Vale, a Democrat from Ohio, said.",
			[]q{{"We did feel stifled,", "Ann Vale"}}},
	})
}

// A speech verb after a preposition is part of a title: "the former
// secretary of state said" is the former secretary of state, who is the
// person named with that title.
func TestSpeechVerbInsideATitle(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"secretary of state", "Former Secretary of State Maren Holt toured Iowa.\n\n\"We are ready,\" the former secretary of state said.",
			[]q{{"We are ready,", "Maren Holt"}}},
	})
}

// A headline or a link to another story between paragraphs, in title case
// with no full stop, names no one: its capitalised verb would otherwise
// join a name ("Dana Pruitt Backs Reform Bill" is not a person).
func TestHeadlineLineNamesNoOne(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a link line", "Dana Pruitt said the vote was close.\n\nDana Pruitt Backs Reform Bill In Final Week\n\n\"We will win this,\" Pruitt said.",
			[]q{{"We will win this,", "Dana Pruitt"}}},
	})
}

// Actors come in order of first speaking, in quotation or in reported
// speech, and positions in text order.
func TestActorsInOrderOfFirstSpeaking(t *testing.T) {
	body := "Ana Ruiz said the bridge would close for a year. “It is unsafe,” said Ben Okafor, the engineer. “We agree,” Ruiz added."
	b := Brief(Article{Body: body})
	var names []string
	for _, a := range b.Actors {
		names = append(names, a.Name)
	}
	if diff := cmp.Diff([]string{"Ana Ruiz", "Ben Okafor"}, names); diff != "" {
		t.Errorf("Brief(%q) actors (-want +got):\n%s", body, diff)
	}
	for i := 1; i < len(b.Positions); i++ {
		if b.Positions[i].Start < b.Positions[i-1].Start {
			t.Errorf("positions out of text order: %q before %q", b.Positions[i-1].Text, b.Positions[i].Text)
		}
	}
}

// A title word after a given name or an initial is a surname: "Martin
// Baron", "Peter T. King".
func TestTitleWordAsSurname(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"after a given name", "Editor Martin Baron wrote to staff.\n\n\"We will cover him,\" said Baron.",
			[]q{{"We will cover him,", "Martin Baron"}}},
		{"after an initial", "\"We will cover him,\" Representative Peter T. King said.",
			[]q{{"We will cover him,", "Peter T. King"}}},
		{"a title before a name stays a title", "\"We will cover him,\" said President Joe Biden.",
			[]q{{"We will cover him,", "Joe Biden"}}},
	})
}

// Reported speech before its verb may open with a preposition or a
// subordinate clause, or with a quoted fragment the sentence goes on from.
func TestReportedSpeechBeforeItsVerbOpenings(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a preposition", "Senator Dale Krupp toured the county. Around 30 to 70 people came to each event, he said.",
			[]p2{{"Dale Krupp", "Around 30 to 70 people came to each event"}}},
		{"a subordinate clause", "While the mayor has spent the spring on housing, her rivals have talked about crime, aides said.",
			[]p2{{"aides", "While the mayor has spent the spring on housing, her rivals have talked about crime"}}},
		{"a quoted fragment the sentence goes on from", "“For teachers, he is saying the right things” about pay, said Marla Keel, a union leader.",
			[]p2{{"Marla Keel", "“For teachers, he is saying the right things” about pay"}}},
		{"a setting with no clause", "In a speech to farmers in Leeds on Monday, the minister said.",
			nil},
	})
}

// Common shapes of reported speech: "reported that", a clause after "that"
// opening with a preposition, a listener then a possessive ("told the AP
// his firm …"), an adverb after the verb, and a place list before "that".
func TestReportedSpeechShapes(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"reported that", "The Daily Ledger later reported that the senator used a personal account for her work.",
			[]p2{{"Daily Ledger", "the senator used a personal account for her work"}}},
		{"that in", "Northwind Rail says that in 2012 it paid $3.2 million in fines.",
			[]p2{{"Northwind Rail", "in 2012 it paid $3.2 million in fines"}}},
		{"a listener then his", "Tomas Pardo told the paper his firm worked closely with the charity.",
			[]p2{{"Tomas Pardo", "his firm worked closely with the charity"}}},
		{"an adverb after the verb", "Dale Krupp noted repeatedly that he is the only candidate to win a county.",
			[]p2{{"Dale Krupp", "he is the only candidate to win a county"}}},
		{"a place list before that", "Senator Dale Krupp said Sunday in Madison, Wisconsin, that he hoped for a large turnout.",
			[]p2{{"Dale Krupp", "he hoped for a large turnout"}}},
	})
}

// A speech verb set off by commas introduces the clause after it: "In
// particular, he said, the fund …", "But as Corley noted, those voters
// …"; a description after an inverted verb is its speaker ("…, said former
// governor Ed Rendell") unless a clause goes on from it.
func TestParentheticalSpeechVerbs(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"he said, between commas", "Tomas Pardo spoke for an hour. In particular, Pardo said, the foundation had free use of the club's courses.",
			[]p2{{"Tomas Pardo", "the foundation had free use of the club's courses"}}},
		{"as X noted", "But as Corley noted, those voters will give the senator a second look if he starts winning.",
			[]p2{{"Corley", "those voters will give the senator a second look if he starts winning"}}},
		{"a direct quotation after the comma", "Pardo said, “The foundation had free use of the courses.”",
			nil},
		{"inverted with a description", "The convention fund is $9 million short, said former governor Ed Rendell.",
			[]p2{{"Ed Rendell", "The convention fund is $9 million short"}}},
		{"a relative clause then the verb", "Councilman Terrence Wu, who chairs the finance committee, said the police hiring plan was unworkable.",
			[]p2{{"Terrence Wu", "the police hiring plan was unworkable"}}},
	})
}

// Whom a speech verb is about is no position: "accused Ames of …".
func TestAccusedOfIsNoPosition(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"accused of", "Senator Dale Krupp accused Ames of ducking the debate.",
			nil},
		{"blamed for", "The union blamed Northwind Rail for the delays.",
			nil},
	})
}

// A paragraph that is only a quotation, which no rule attributes, goes to
// the clear favourite among the people around it (rank.go): here the last
// speaker, whom the sentence before is about, though it names someone else.
func TestRankedSpeakerForAFloatingQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"the last speaker, the subject before", "“We will win the county,” Dale Krupp said.\n\nKrupp is upbeat about Ana Vell’s chances too, because he sees her as a uniter.\n\n“Not only can she win, she can win big.”",
			[]q{{"We will win the county,", "Dale Krupp"}, {"Not only can she win, she can win big.", "Dale Krupp"}}},
		{"no clear favourite", "“We will win the county,” Dale Krupp said.\n\nAna Vell and Tomas Pardo arrived later, and Pardo spoke to the crowd.\n\n“The roads come first.”",
			[]q{{"We will win the county,", "Dale Krupp"}, {"The roads come first.", ""}}},
	})
}

// Evidence that agrees adds up: a fragment in a paragraph that a colon
// introduces and whose first sentence is about the last speaker is theirs,
// though it sits in a sentence about someone named there, which alone
// would make it that person's.
func TestAgreeingEvidenceOutweighsOneStrongerRule(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"colon and paragraph against the sentence's subject", "“The tide is turning,” said Dana Rell, the harbor chaplain.\n\nRell explained the vision she had:\n\nShe saw the harbor in flames. So Rolf Vantner will hold “keys that no storm can take.” The old wharf will rise again.",
			[]q{{"The tide is turning,", "Dana Rell"}, {"keys that no storm can take.", "Dana Rell"}}},
		{"the sentence's subject alone", "“The tide is turning,” said Dana Rell, the harbor chaplain.\n\nThe council met on Tuesday. So Rolf Vantner will hold “keys that no storm can take.” The old wharf will rise again.",
			[]q{{"The tide is turning,", "Dana Rell"}, {"keys that no storm can take.", "Rolf Vantner"}}},
	})
}

// A transcript's label names the speaker, and a body's document speaks for
// the body: "DANA PRUITT: “…”", "A council statement read: “…”".
func TestLabelsAndDocumentsOfBodies(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a transcript label", "Mayor Dana Pruitt was interviewed on the radio.\n\nHOST: Will you run again?\n\nDANA PRUITT: \"I have not decided.\"",
			[]q{{"I have not decided.", "Dana Pruitt"}}},
		{"a dateline is no label", "LAGOS: \"We are ready,\" said Ana Dalmere.",
			[]q{{"We are ready,", "Ana Dalmere"}}},
		{"a council statement, no council named", "A council statement read: \"The bridge is closed until further notice.\"",
			[]q{{"The bridge is closed until further notice.", "the council"}}},
		{"a council statement, the council named", "Harbor Town Council met on Monday. A council statement read: \"The bridge is closed.\"",
			[]q{{"The bridge is closed.", "Harbor Town Council"}}},
	})
}

// Imagined speech is no quotation: "as if to say “…”".
func TestImaginedSpeechIsNoQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"as if to say", "He shrugged, as if to say \"not my problem.\" Later Ana Dalmere said the plan was \"devastating\".",
			[]q{{"devastating", "Ana Dalmere"}}},
		{"as though saying", "The striker raised both hands, as though saying, “What did I do?”",
			nil},
	})
}

// Speaker strings that are not names: a month alone ("May said" with no one
// named May), a foreign article before a title ("Le député Paul Varne");
// "sings" is a speech verb.
func TestMonthsArticlesAndSongs(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a foreign article", "Le député Paul Varne a parlé. \"Nous refusons,\" said Le député Paul Varne.",
			[]q{{"Nous refusons,", "Paul Varne"}}},
		{"someone named May", "Prime Minister Theresa May spoke. \"It is too soon,\" May said.",
			[]q{{"It is too soon,", "Theresa May"}}},
		{"a surname Le", "Le Van Thanh spoke. \"We are ready,\" said Le Van Thanh.",
			[]q{{"We are ready,", "Le Van Thanh"}}},
		{"sings", "Singer Lia Marsk sings, \"I never wanted the crown.\"",
			[]q{{"I never wanted the crown.", "Lia Marsk"}}},
	})
}

// A name first met in a headline written as a sentence takes the form the
// body gives it: "Dana Pruitt Backs Reform Bill In Final Week." then "Dana
// Pruitt said".
func TestHeadlineSentenceYieldsToTheBodysName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a headline with a full stop", "Dana Pruitt Backs Reform Bill In Final Week.\n\nDana Pruitt said on Monday: \"We will win this.\"\n\n\"The roads come first,\" Pruitt added.",
			[]q{{"We will win this.", "Dana Pruitt"}, {"The roads come first,", "Dana Pruitt"}}},
		{"a short sentence is no headline", "J. Walter Pell agreed. \"It works,\" Pell said.",
			[]q{{"It works,", "J. Walter Pell"}}},
	})
}

// A party's adjective before a noun is no one a pronoun can mean: "the
// Democratic front-runner, Dana Pruitt, …, he added" is not "Democratic".
func TestPartyAdjectiveIsNoOne(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a party adjective", "Tax expert Len Burke spoke at length. Plans from the Democratic front-runner, Maria Pruitt, to raise taxes, he added, amount to \"tinkering around the edges.\"",
			[]q{{"tinkering around the edges.", "Len Burke"}}},
	})
}

// A sentence that opens with a participle used as a preposition ("Given
// his past comments, …") names no one with it.
func TestOpeningPrepositionIsNoName(t *testing.T) {
	b := Brief(Article{Body: "Given his past comments about “rapists” and “criminals”, the remark was odd."})
	for _, x := range b.Quotes {
		if x.Speaker == "Given" {
			t.Errorf("quote %q credited to %q", x.Text, x.Speaker)
		}
	}
	for _, a := range b.Actors {
		if a.Name == "Given" {
			t.Errorf("actor %q", a.Name)
		}
	}
}

// The subject of a clause is found past what opens the sentence: a
// coordinator ("But") opens no introductory phrase, and a month that is a
// given name ("April") is no date.
func TestSubjectAfterSentenceOpening(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"but before a name and its appositive", "Voters were split.\n\nBut Marta Quillby, a member of the regional transit board, recalled what happened in 2019.\n\n“The rural vote is not a bloc,” she said.",
			[]q{{"The rural vote is not a bloc,", "Marta Quillby"}}},
		{"a month as a given name", "The harbor festival will go ahead in June.\n\nApril Delorne, a spokeswoman for the harbor authority, said the team would work with the police “to keep every visitor safe.”",
			[]q{{"to keep every visitor safe.", "April Delorne"}}},
		{"a month is still a date", "In April Delorne said nothing. “We will wait,” Delorne told reporters in May.",
			[]q{{"We will wait,", "Delorne"}}},
	})
}

// A pronoun that is a relative clause's subject is not the one the clause
// is about: in "Dana Pirrell, whom he called …", he is someone else.
func TestPronounIsNotItsRelativeAntecedent(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"whom he called", "Harlan Cobe, a retired teacher, said he is left with two choices: vote for Dana Pirrell, whom he called “the most divisive figure in decades,” or “waste his ballot” on a minor party.",
			[]q{{"the most divisive figure in decades,", "Harlan Cobe"}, {"waste his ballot", "Harlan Cobe"}}},
	})
}

// A quotation that ends its sentence after the sentence's own speech verb,
// even a participle ("calling her"), is not credited to the next sentence's
// subject.
func TestQuotationEndingSentenceKeepsItsSpeaker(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"calling her", "Early in the race, Teodor Vasko attacked Mina Ortlund, calling her, among other things, “a failed mayor.” Ortlund fired back in March, attacking Vasko for “the bluster and the showing off” of his campaign.",
			[]q{{"a failed mayor.", "Teodor Vasko"}, {"the bluster and the showing off", "Mina Ortlund"}}},
		{"a weak cue before it", "The day after the vote, Gov. Dara Lune called the long lines “unacceptable.” Mayor Otto Brenn wrote a letter asking for an inquiry into the “fiasco.”",
			[]q{{"unacceptable.", "Dara Lune"}, {"fiasco.", "Otto Brenn"}}},
		{"a plain credit after a full stop", "“We are done here.” Ortlund said it twice.",
			[]q{{"We are done here.", "Ortlund"}}},
	})
}

// A public role with a place, a party or "former" before it stands for the
// person just named, when the story never gave anyone that role: "the
// Vermont senator" after Marwood is Marwood.
func TestModifiedRoleStandsForPersonJustNamed(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a surname alone before", "Party leaders hoped the meeting, requested by Marwood, would end the feud.\n\nYet it was unclear whether Marwood was ready to follow that plan. The Vermont senator emailed supporters saying: “The fight goes on” and vowing to compete in the final contest.",
			[]q{{"The fight goes on", "Marwood"}}},
		{"the latest of two", "Ellis Marwood met party leaders on Thursday, and Lara Pine joined them later.\n\n“We are not finished,” the former governor said.",
			[]q{{"We are not finished,", "Lara Pine"}}},
		{"a role the story gave someone", "Gov. Lara Pine met Ellis Marwood on Thursday.\n\n“We are not finished,” the former governor said.",
			[]q{{"We are not finished,", "Lara Pine"}}},
		{"a noun before the role heads the phrase", "Ellis Marwood spoke first. Her words backed the claim of former senator Lara Pine that the files were “over-classified.”",
			[]q{{"over-classified.", "Lara Pine"}}},
	})
}

// A speech verb after a comma with a name that ends the clause is a credit
// in inverted order, wherever the quotation stands in the sentence: "…,
// said Gerrit Valk, founder of …". A name that goes on to a verb is the
// reported clause's subject instead ("…, said Pryor had exploited them").
func TestInvertedCreditAfterAComma(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"said NAME, role", "Dutch voters dealt a blow to the plan last month.\n\nThe vote signals “the start of a long retreat” for the union, said Gerrit Valk, founder of the Freedom League.",
			[]q{{"the start of a long retreat", "Gerrit Valk"}}},
		{"a phrase between the quotation and the credit", "Outside groups spent heavily in the state.\n\n\"These groups have been setting the table for voters,\" in sharp contrast to earlier races, says Dana Scolari, a political scientist at the state university.",
			[]q{{"These groups have been setting the table for voters,", "Dana Scolari"}}},
		{"says NAME mid-sentence", "Mira Calloway led the museum for a decade.\n\nThe secret of Calloway, says Peter Anholt, curator at the River Gallery, is that she was \"the most stubborn collector in the state.\"",
			[]q{{"the most stubborn collector in the state.", "Peter Anholt"}}},
		{"titles joined before the name", "The party printed new flyers on Monday.\n\n“He is playing that part again,” said former Ohio Gov. and party Chairman Ed Rennard.",
			[]q{{"He is playing that part again,", "Ed Rennard"}}},
		{"the name is the reported clause's subject", "Rachel Dunmore, prosecuting, said Pryor had “systematically exploited” the trust of residents.",
			[]q{{"systematically exploited", "Rachel Dunmore"}}},
	})
}

// Who speaks where no speech verb stands right before the quotation: the
// writer of "As X had written", the one whose letter "makes a case:", and
// the person a "While …" clause opens with, when the quotation ends it.
func TestSpeakerOfWrittenWordsAndSubordinateClauses(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"as X had written", "The studio boss died in 1963.\n\nAs the columnist Lorna Pearsall had written just a few years earlier, “We could not have a film industry without Ed Manning.”",
			[]q{{"We could not have a film industry without Ed Manning.", "Lorna Pearsall"}}},
		{"a possessive letter and a colon", "Nora Hoffler works at a policy institute in the capital.\n\nHoffler’s letter makes a plain case: “Extremists hate everything we stand for. We must stand together.”",
			[]q{{"Extremists hate everything we stand for. We must stand together.", "Nora Hoffler"}}},
		{"a while-clause ending in the quotation", "The mood of the evening swung back and forth.\n\nWhile Mr. Rayburn, speaking for the party's governing wing, laid out a plan for “a simpler tax code that rewards work,” Ben Corlett, the surgeon, used his speech to attack the governor.",
			[]q{{"a simpler tax code that rewards work,", "Rayburn"}}},
		{"a while-clause with someone else named", "While Mr. Rayburn praised Ben Corlett for “a simpler tax code,” the crowd left.",
			[]q{{"a simpler tax code,", "Rayburn"}}},
	})
}

// A surname that is also a given name ("Carson", "Scott") tells no sex on
// its own: the full name met later is the same person, and the surname
// alone after it too; a female pronoun after it finds her.
func TestLoneSurnameThatIsAGivenName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"surname first, full name later", "Scott: Dole's plan is dangerously wrong;\nIn a speech to the league, she attacks her rival.\n\nMaren Scott went on offense against Peter Dole on Monday.\n\n“We will not wait,” Scott said. “Nobody should,” she added.",
			[]q{{"We will not wait,", "Maren Scott"}, {"Nobody should,", "Maren Scott"}}},
	})
}

// "Middle Eastern" before a noun is a region's adjective, no person, so a
// pronoun does not find it.
func TestRegionAdjectiveIsNoPerson(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"middle eastern", "Maren Scott spoke to the league on Monday. She warned rivals who would hand Middle Eastern policy to “strongmen” that they were wrong.\n\n“Silence helps the bully,” she said.",
			[]q{{"strongmen", "Maren Scott"}, {"Silence helps the bully,", "Maren Scott"}}},
	})
}

// A he or she in a sentence about someone is that someone, not a person
// whose words or deeds are mentioned in passing ("Sutter's words").
func TestPronounPrefersSubjectToPossessor(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"possessor after the subject", "Judge Ada Morrow heard the case. Lawyer Tom Feld said his client Dane Sutter was joking.\n\nMorrow saw Sutter's words differently: “When he says he will fight, I do not take that as a joke,” she said.",
			[]q{{"When he says he will fight, I do not take that as a joke,", "Ada Morrow"}}},
		{"judge as he", "In a clip that U.S. District Judge Amos W. Morrow called “crude,” Dane Sutter said he would fight.\n\nSutter's lawyer, Tom Feld, argued that his client was joking: his words were those of “an entertainer.” Morrow saw Sutter's words differently: “When he says he will fight, I do not take that as a joke,” he said.",
			[]q{{"crude,", "Amos W. Morrow"}, {"an entertainer.", "Tom Feld"}, {"When he says he will fight, I do not take that as a joke,", "Amos W. Morrow"}}},
	})
}

// A speech verb followed by a colon brings the next quotation, not the one
// before it, when that one sits in a clause with a speech verb of its own.
func TestVerbBeforeColonBringsNextQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"after X said …, Y said:", "Donna Rell, the front-runner, caused a stir in December when she criticized Judge Omar Fesk.\n\nAfter Fesk said that some students might do better at “less demanding schools,” Rell said: “I don't like what he said.”",
			[]q{{"less demanding schools,", "Omar Fesk"}, {"I don't like what he said.", "Donna Rell"}}},
	})
}

// A surname alone that just spoke is who the next sentence's he or she
// is, unless it was named as a thing ("the Lumo"); a pronoun after a
// dotted acronym ("the U.S. He says") starts a sentence.
func TestSurnameAloneThatSpokeIsAPerson(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"after the U.S.", "Coyle says the president is trying to distract from his lack of a plan to stop attacks in the U.S. He says Americans do not need any more “emotional lectures that are devoid of facts.”",
			[]q{{"emotional lectures that are devoid of facts.", "Coyle"}}},
		{"a product is no she", "Dana Oyelaran tells me the team rebuilt the glasses around that idea. The original Lumo ran hot enough that some reviewers, including ours, complained about it after long sessions. The Lumo 2 offloads most of its work to a paired phone.\n\n“Every milliwatt we took off the frame was heat we did not have to shed,” she says.",
			[]q{{"Every milliwatt we took off the frame was heat we did not have to shed,", "Dana Oyelaran"}}},
	})
}

// Names in wire and regional copy: an initial and a surname alone ("S.
// Selvadurai, 58,"), a role before a name set off after a place ("In Dorrin,
// Kestria, shopkeeper Ilona Varga, 54, said"), and a name right after the
// speech verb that goes on to a quotation, which is the reported clause's
// subject.
func TestNamesSetOffInRegionalCopy(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"initial and surname", "Farmers were still draining their fields on Monday. R. Selvadurai, 58, who grows paddy on two acres, said his crop had been three weeks from harvest.\n\n“The grains have started sprouting,” he said.",
			[]q{{"The grains have started sprouting,", "R. Selvadurai"}}},
		{"place, then role and name", "In the border town of Dorrin, Kestria, shopkeeper Ilona Varga, 54, said she heard the news on the radio. “My sister lives far away,” she said.",
			[]q{{"My sister lives far away,", "Ilona Varga"}}},
		{"said NAME “…”", "Cato Lind ran the firm for six years.\n\nIn an interview, Steve Orcutt, a former vice president of global sales at the firm, said Lind “was personally, very heavily involved in all that discussion.”",
			[]q{{"was personally, very heavily involved in all that discussion.", "Steve Orcutt"}}},
	})
}

// "The developer said" after "Piet Lorcan, a real-estate developer," is
// Lorcan, whichever side of the name the description stood; not when two
// were given it, and not a clause after a comma ("in Githunguri, the clerk
// told her").
func TestDescriptionGivenInAnAppositive(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"after the name", "The harbour plan is stalled.\n\nPiet Lorcan, a real-estate developer, was blunt. “It is this or decline,” the developer said.",
			[]q{{"It is this or decline,", "Piet Lorcan"}}},
		{"before the name", "The harbour plan is stalled.\n\nThe real-estate developer behind the scheme, Piet Lorcan, was blunt. “It is this or decline,” the developer said.",
			[]q{{"It is this or decline,", "Piet Lorcan"}}},
		{"two of them", "Piet Lorcan, a developer, met the council on Monday. Ruth Amsel, a developer, met it on Tuesday.\n\n“It is this or decline,” the developer said.",
			[]q{{"It is this or decline,", "the developer"}}},
		{"a clause, not an appositive", "When Mary Njoroge went to the registry to collect the title for a farm in Githunguri, the clerk told her it was gone.\n\n“The file was closed,” the clerk said.",
			[]q{{"The file was closed,", "the clerk"}}},
	})
}

// Reported speech opened by a number ("said four of his aides will
// speak"), a question ("questioned why …") and a call with its words
// quoted ("asked donors to “prayerfully consider” …").
func TestReportedQuestionsAndNumbers(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a number opens the clause", "Mayor Ove Tarn said four of his aides and his wife will also speak at the rally.",
			[]p2{{"Ove Tarn", "four of his aides and his wife will also speak at the rally"}}},
		{"questioned why", "Senator Lia Brandt questioned why the governor's wife did not speak alongside him at the convention.",
			[]p2{{"Lia Brandt", "why the governor's wife did not speak alongside him at the convention"}}},
		{"asked them to, quoted", "Mayor Ove Tarn asked donors to “prayerfully consider” the future of their pledges.",
			[]p2{{"Ove Tarn", "donors to “prayerfully consider” the future of their pledges"}}},
		{"asked what: no question of his own", "Mayor Ove Tarn asked him what he thought of the plan.",
			nil},
	})
}

// "Her campaign said" is the campaign of the person "her" stands for,
// named so a reader can place it, and "the campaign" later is the same.
func TestPossessiveBodyIsNamedForItsOwner(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"her campaign", "Senator Lia Brandt raised $28 million in the last quarter.\n\nHer campaign said she ended December with $20 million in cash. “We are just getting started,” the campaign said in a statement.",
			[]q{{"We are just getting started,", "Lia Brandt's campaign"}}},
	})
}

// An interviewer who "pressed" and a leader who "retaliated" after a
// quotation spoke it; the main clause's speech verb, not an opening
// clause's, tells whom the next sentence's he is.
func TestFollowUpsAndOpeningClauses(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"pressed", "The host spoke to Ed Harkin for an hour.\n\n“Building it? Not negotiable,” Harkin said.\n\n“Would it be negotiable about the ten thousand?” Nina Vale pressed.",
			[]q{{"Building it? Not negotiable,", "Ed Harkin"}, {"Would it be negotiable about the ten thousand?", "Nina Vale"}}},
		{"an honorific before the credit", "Hanna Rell reprimanded Mr. Dorsey at a church in Akron.\n\n“Mr. Vane made the ultimate sacrifice, didn't he?” Mrs. Rell said. “And what has he heard from Peter Dorsey?”",
			[]q{{"Mr. Vane made the ultimate sacrifice, didn't he?", "Hanna Rell"}, {"And what has he heard from Peter Dorsey?", "Hanna Rell"}}},
		{"retaliated", "Ed Harkin said the city had lost its way. “Dorrow is no longer Dorrow,” he claimed.\n“Dorrow will always be Dorrow,” an angry Mayor Ines Valk retaliated.",
			[]q{{"Dorrow is no longer Dorrow,", "Ed Harkin"}, {"Dorrow will always be Dorrow,", "Ines Valk"}}},
		{"when X suggested, Y fired back", "When Ed Harkin suggested that the city would sue, Tomas Valk fired back: “Let them try.”\n\nAnd he continued on, mocking Harkin's bluster about a “better deal” with the port.",
			[]q{{"Let them try.", "Tomas Valk"}, {"better deal", "Tomas Valk"}}},
	})
}

// Speech whose verb stands apart from the speaker: "X was prompted to
// say", "FBI Director Jon Crane's conclusion that …".
func TestPromptedAndPossessiveClaims(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"was prompted to say", "But much of the debate was so subdued that Mr. Harkin was prompted to say, “So far, I cannot believe how civil it has been up here.”",
			[]q{{"So far, I cannot believe how civil it has been up here.", "Harkin"}}},
		{"a title before the possessor", "Nell Ostrow has been hurt by FBI Director Jon Crane's conclusion that her actions were “extremely careless.”",
			[]q{{"extremely careless.", "Jon Crane"}}},
	})
}

// Whom a he stands for inside one sentence: the he that opened it, not a
// man named on the way; not a name used as a noun's modifier ("the Pike
// meeting"); and "As NAME, an expert, noted" opens with its speaker.
func TestPronounWithinOneSentence(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"the opening he", "Ted Arlo spoke to supporters in Dover on Tuesday.\n\nHe declared that as long as the field remained divided, Don Pike would have a path to the nomination, which he declared “a total disaster” for his party.",
			[]q{{"a total disaster", "Ted Arlo"}}},
		{"a name as a modifier", "Omar Vell said late Wednesday that he would go ahead with the Pike meeting, although he tweeted that he “rejects Don Pike's latest comments.”",
			[]q{{"rejects Don Pike's latest comments.", "Omar Vell"}}},
		{"as NAME, an expert, noted", "The views of both candidates are critical. As Andrew J. Tabbert, an expert on Syria at the Near East Institute, noted, “Everyone in the region is just waiting for the next administration.”",
			[]q{{"Everyone in the region is just waiting for the next administration.", "Andrew J. Tabbert"}}},
	})
}

// Objects are no reported clause: "said it in the debate", "reiterated
// that approach in his interview", "had confirmed 68 nominees by this
// point", a relative clause's verb ("which the campaign says includes …"),
// and "states" the noun ("delegate-rich states that vote later").
func TestObjectsAreNoReportedClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"it as an object", "Ed Harkin said Republicans are not his enemy. Nina Vale had said it in the debate.",
			[]p2{{"Ed Harkin", "Republicans are not his enemy"}}},
		{"that as a determiner", "Nina Vale reiterated that approach in her interview last week.",
			nil},
		{"a number as an object", "Senate Democrats had confirmed 68 judicial nominees by this point.",
			nil},
		{"a relative clause's verb", "Vale's donor list, which the campaign says includes 2.7 million contributors, is coveted.",
			nil},
		{"states the noun", "Nina Vale leads in the north and delegate-rich states that vote a week later.",
			nil},
		{"states the verb", "Nina Vale states that she is innocent.",
			[]p2{{"Nina Vale", "she is innocent"}}},
		{"that and a clause", "Nina Vale said that prices in the city would rise.",
			[]p2{{"Nina Vale", "prices in the city would rise"}}},
	})
}

// Credits in inverted order: a military or civic title before the name
// ("said Air Force 1st Lt. Tyler Livenby"), and "Said Crane, “…”" opening a
// sentence inside a paragraph.
func TestInvertedCreditsWithTitles(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a service and a rank", "“I was hoping we would see someone else,” said Air Force 1st Lt. Tyler Livenby.",
			[]q{{"I was hoping we would see someone else,", "Tyler Livenby"}}},
		{"said NAME, at a sentence's start", "The bureau made a mistake in the check for the gunman, Crane has said. Said Crane, “The thought that an error on our part is connected to this is very painful to us.”",
			[]q{{"The thought that an error on our part is connected to this is very painful to us.", "Crane"}}},
	})
}

// A given name tells a person's sex before a role word does ("spokesman
// Hope Harlan" is a woman); "cracked, “…”" credits the quotation; a dash
// that opens an aside ("-- that the mayor is seen as a liberal --") credits
// no one.
func TestSexOfNamesAndAsides(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"spokesman and a woman's name", "Dahlia Hamm said the group would raise no money. Campaign spokesman Hope Harlan confirmed that the group was independent. “They are not affiliated with the campaign,” she said.",
			[]q{{"They are not affiliated with the campaign,", "Hope Harlan"}}},
		{"cracked", "During their first debate, Hilde Corin cracked, “I am a progressive who likes to get things done.”",
			[]q{{"I am a progressive who likes to get things done.", "Hilde Corin"}}},
		{"an aside in dashes", "The mayor's pollster, Doug Shane, says his man has the money. “I don't think the conventional wisdom” -- that Mayor Bloom is seen as a nanny-state liberal -- will last, he says.",
			[]q{{"I don't think the conventional wisdom", "Doug Shane"}}},
	})
}

// "X said:" after a quotation that is a whole sentence brings the next
// quotation; the sentence before gave the first its speaker. A role held
// long before yields to the person the paragraph is about; "to state" is
// the verb.
func TestColonCreditsAndOldRoles(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"said: after a whole sentence", "On Tuesday, at the camp, Omar Haidari, 25, and his wife, Nasrin Qadiri, 27, pleaded for understanding.\n\n“We are refugees,” Ms. Qadiri said. “We are not terrorists.” Mr. Haidari said: “The attack today is the work of terrorists.”",
			[]q{{"We are refugees,", "Nasrin Qadiri"}, {"We are not terrorists.", "Nasrin Qadiri"}, {"The attack today is the work of terrorists.", "Omar Haidari"}}},
		{"a role given long before", "Gov. Carl Kessen of Ohio spoke on Monday. He said little.\n\nMike Pellow, who is running for reelection this year, praised Ted Corvin for his courage. Pellow also talked about the party's future. He spoke for an hour. But first, Pellow sounded a positive note about Dana Trask.\n\n“I particularly want to commend Dana Trask,” the governor said.",
			[]q{{"I particularly want to commend Dana Trask,", "Mike Pellow"}}},
		{"prompted it to state", "That record prompted Ena Moss's Almanac of Elections to state, “Harlow County is the most reliable bellwether in the country.”",
			[]q{{"Harlow County is the most reliable bellwether in the country.", "Almanac"}}},
	})
}

// A reported clause goes on past a relative clause set off by commas
// ("the billionaire, who is now the nominee, would unite …") and past
// ", because …", the reason being part of what was said.
func TestReportedClauseThroughRelativesAndReasons(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a relative clause inside", "Prime Minister Dara Colm suggested that the Texas billionaire, who is now the party's nominee, would unite the country against him if he visited.",
			[]p2{{"Dara Colm", "the Texas billionaire, who is now the party's nominee, would unite the country against him if he visited"}}},
		{"because", "Lawyer Dave Korrel said such a request was “futile,” because the bureau, not his client, now has the records.",
			[]p2{{"Dave Korrel", "such a request was “futile,” because the bureau, not his client, now has the records"}}},
	})
}

// A position inside another of the same actor's is left out.
func TestNestedPositionIsLeftOut(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a call inside a reported clause", "Senator Jon Varga said he rarely asks surrogates to stump for him.",
			[]p2{{"Jon Varga", "he rarely asks surrogates to stump for him"}}},
	})
}

// Speaker strings a reader can place: "his wife said" names whose wife;
// a headline's verb ("Has", "Is") starts no name.
func TestSpeakersNamedForWhomTheyBelongTo(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"his wife", "Ed Harkin spoke at the rally on Monday.\n\n“He never stops,” his wife said.",
			[]q{{"He never stops,", "Ed Harkin's wife"}}},
		{"a headline's verb", "Voter Shouts One Word At Rally, Instantly Has Everyone’s Attention\n\nThe woman identified herself as a resident named Carol. “He truly cares about us,” she said.",
			[]q{{"He truly cares about us,", "Carol"}}},
	})
}

// More reported speech: a clause ending in a quotation whose comma is
// inside the marks, before its credit ("Teachers are “looking …,” union
// President Lily Garza said"); "states" after an aside in dashes;
// "threatened to …"; "explained to CBS why …".
func TestReportedSpeechAroundQuotationsAndAsides(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"comma inside the marks", "Teachers are “looking to see who is on the other side of the ticket,” union President Lily Garza said.",
			[]p2{{"Lily Garza", "Teachers are “looking to see who is on the other side of the ticket,”"}}},
		{"states after an aside", "In the book, Gary Bolt — who was posted at the door for three years — states that the detail was considered a punishment.",
			[]p2{{"Gary Bolt", "the detail was considered a punishment"}}},
		{"threatened to", "Ed Harkin threatened to run away from the field on Thursday.",
			[]p2{{"Ed Harkin", "to run away from the field on Thursday"}}},
		{"explained to someone why", "Sam Orwin, the editor, explained to viewers why Mara Ulm was selected above all the others.",
			[]p2{{"Sam Orwin", "why Mara Ulm was selected above all the others"}}},
	})
}

// Reported clauses that open with a quoted fragment, that follow an aside
// before "that", and that hold a sum ("added 160 staff") rather than a
// speech verb of their own.
func TestReportedClauseOpenings(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a quoted fragment first", "Ed Harkin said “zero” voters would follow the senator and endorse Dorsey.",
			[]p2{{"Ed Harkin", "“zero” voters would follow the senator and endorse Dorsey"}}},
		{"an aside before that", "Mr. Harkin said, among other things, that Mr. Bezel has “got a huge antitrust problem.”",
			[]p2{{"Harkin", "Mr. Bezel has “got a huge antitrust problem.”"}}},
		{"added a number", "In Dorrow, organizers added 160 security staff along the parade route, up from 90 last year, the Dorrow Ledger reported.",
			[]p2{{"Dorrow Ledger", "In Dorrow, organizers added 160 security staff along the parade route, up from 90 last year"}}},
	})
}

// Objects and settings are no reported clause: "acknowledged Harkin's
// success", "Following an animated town hall meeting last week, Harkin
// boasted".
func TestObjectsAndSettingsAreNoPosition(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a name's thing as object", "Nina Vale acknowledged Ed Harkin's success in the west.",
			nil},
		{"a setting before the credit", "Following an animated town hall meeting in Dorrow last week, Ed Harkin boasted.",
			nil},
	})
}

// A lower-case fragment with no speech verb belongs to the person the
// sentence is about before the person nearest to it, who is often its
// object: "Orwin credited Ulm with holding “the continent together”".
func TestFragmentTakesTheSentencesSubject(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"credited X with", "Sam Orwin, the editor, spoke on Monday. Orwin credited Mara Ulm with holding “the whole coalition together” through the crisis.",
			[]q{{"the whole coalition together", "Sam Orwin"}}},
		{"mocked X for", "Ed Harkin, who has a commanding lead, mocked Nina Vale for “having a tough night” because she won no states.",
			[]q{{"having a tough night", "Ed Harkin"}}},
	})
}

// A surname that is also a people's word ("Peter Danish", "Jack London") is
// a person's, and so is that word alone after it ("Danish said").
func TestSurnameThatIsADemonym(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"given name and demonym", "Businessman Peter Danish said he would consider a run.\n\n“And I would have the same talk with Donald,” Danish said.\n\n“It matters,” said Danish.",
			[]q{{"And I would have the same talk with Donald,", "Peter Danish"}, {"It matters,", "Peter Danish"}}},
		{"the demonym as an adjective", "Danish officials met the delegation. “We are ready,” said Ana Ruiz.",
			[]q{{"We are ready,", "Ana Ruiz"}}},
	})
}

// Asides set off by dashes — spaced hyphens included, as some wire copy
// prints them — are passed over: their speech verb and their names are
// not the main clause's. An adverb opening a sentence is no name, and a
// determiner inside a phrase keeps the phrase's name out of the subject.
func TestAsidesAdverbsAndDeterminers(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a speech verb inside a hyphen aside",
			"At the rally, Harlan Voss told the crowd that he is not worried - as Emery Tallis has said - and he can \"promise\" a better budget.",
			[]q{{"promise", "Harlan Voss"}}},
		{"a name inside an aside before the verb",
			"Colm Brannick, later alleging - again wrongly - that Mayor Rupert Okafor wanted to sell the docks, said he would block the vote. (On Monday he said he would \"seriously weigh\" a recall.)",
			[]q{{"seriously weigh", "Colm Brannick"}}},
		{"an adverb opening the sentence",
			"Only last spring, Harlan Voss said the opposite. Specifically, he thought that \"the board is keeping fares low\" to help Governor Emery Tallis and that the result, as he later explained, was a \"fare bubble\" that could burst.",
			[]q{{"the board is keeping fares low", "Harlan Voss"}, {"fare bubble", "Harlan Voss"}}},
		{"a quotation set off in dashes",
			"And although former governor Tam Riordan lamented her habit of slips - \"must she keep giving them material?\" - voters in Dunmore who saw the forum said they did not mind.",
			[]q{{"must she keep giving them material?", "Tam Riordan"}}},
		{"both inside a phrase",
			"Several senior Democrats with ties to both Tallises warned of another \"trap\" in the plan.",
			[]q{{"trap", "Democrats"}}},
	})
}

// A surname used alone before the full name ("Halvorsen-Pike pillories …"
// in a first line, then "Speaker Inga Halvorsen-Pike") is that person's:
// her first quotation is credited to her full name, as one actor.
func TestSurnameBeforeTheFullName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"surname first",
			"Flanked by tenants, Halvorsen-Pike attacks Dorrin’s housing record. “Rents are a scandal,” Halvorsen-Pike says.\n\nCouncil Speaker Inga Halvorsen-Pike spoke outside the town hall on Friday.\n\n“It is a budget for landlords,” Halvorsen-Pike said. She declined a question about the budget.\n\n“Next question, please,” she said.",
			[]q{{"Rents are a scandal,", "Inga Halvorsen-Pike"}, {"It is a budget for landlords,", "Inga Halvorsen-Pike"}, {"Next question, please,", "Inga Halvorsen-Pike"}}},
	})
}

// A surname alone is the person's when a body is also named after them:
// "Vantner said" is Rolf Vantner's, not Vantner University's.
func TestSurnameOfPersonAndBody(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"person and the body named after him",
			"Rolf Vantner spoke in Dunmore on Friday. A court is hearing two claims against Vantner Academy. “That court has it in for me,” Vantner said. He also hinted at revenge: “Someone should look into that court.”",
			[]q{{"That court has it in for me,", "Rolf Vantner"}, {"Someone should look into that court.", "Rolf Vantner"}}},
	})
}

// Whose words a credit gives when a show, a street or a described person
// stands around the name: "mused Harbor Hour co-host Stu Penrick" (the
// show's name is no speaker; a no-break space joins a name as a space
// does), "a worker named Tomas Ruedas" after an opening phrase on a street.
func TestNamesBesideShowsStreetsAndDescriptions(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a show's name before its host",
			"“Picture Kell Vance debating the mayor on one stage,” mused Harbor Hour co-host Stu\u00a0Penrick. “Mayor Vance, even.”",
			[]q{{"Picture Kell Vance debating the mayor on one stage,", "Stu Penrick"}, {"Mayor Vance, even.", "Stu Penrick"}}},
		{"a worker named after an opening phrase",
			"Outside the plant on Ferro Street in the suburb of Villa Serrano, a worker named Tomas Ruedas has only praise for his job. “The work is calm,” he said. “Even the new hires get training.”",
			[]q{{"The work is calm,", "Tomas Ruedas"}, {"Even the new hires get training.", "Tomas Ruedas"}}},
	})
}

// Credits whose speaker is easy to lose: a title word as a lone surname
// after a long title ("Ledger Editor-in-Chief Paul Earl … said Earl");
// a plural people's name before "state"; "As NAME, professor of law …, put
// it"; an honorific before a word that is also a language ("Mr. English").
func TestCreditsWithTitlesPeoplesAndHonorifics(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a title word as the surname",
			"In a statement released by Ledger Editor-in-Chief Paul Earl, the plans were set out.\n\n“Dana Voss is a candidate unlike any we have seen,” said Earl.",
			[]q{{"Dana Voss is a candidate unlike any we have seen,", "Paul Earl"}}},
		{"a people that states",
			"The paper was shared with lawmakers.\n\n“Today, the kingdom leads the fight against fraud,” the Vantorians state in the paper.",
			[]q{{"Today, the kingdom leads the fight against fraud,", "Vantorians"}}},
		{"as someone put it",
			"The court has one seat open.\n\nAs Ilya Marten, professor of law at Dunmore and author of a book on courts, put it, “Senators should remember that a middle-of-the-road pick may serve them well.”",
			[]q{{"Senators should remember that a middle-of-the-road pick may serve them well.", "Ilya Marten"}}},
		{"a name before a parenthetical credit is whom the words are about",
			"It was a sharp double act, as Mrs. Orla Brennan repeated the charge, saying Mr. Halloran “is in it for himself” and Ms. Edda Varga, she said, “sees right through him.”",
			[]q{{"is in it for himself", "Orla Brennan"}, {"sees right through him.", "Orla Brennan"}}},
		{"an honorific before a language",
			"Mr. English, an activist, worked with Mr. Dorsey on a petition.\n\n“My task is to tell people he means it,” Mr. English said of Mr. Cole.",
			[]q{{"My task is to tell people he means it,", "English"}}},
	})
}

// A name whose accents were mangled by an archive that read UTF-8 as
// Latin-1 ("RenÃ©e") is still one name.
func TestMangledAccentsStayInTheName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"mojibake in a given name",
			"The environment minister, RenÃ©e Dalcourt, spoke on Monday, saying the pact could be “signed and sealed by spring.”",
			[]q{{"signed and sealed by spring.", "RenÃ©e Dalcourt"}}},
		{"mojibake with a combining tilde",
			"President Luis Pe\u0041\u0303\u00b1a Arroyo lectured the visitor. “Our workers abroad are honest people,” he said.",
			[]q{{"Our workers abroad are honest people,", "Luis Pe\u0041\u0303\u00b1a Arroyo"}}},
	})
}

// Two people share a surname: the surname alone is the one the story is
// about, not the relative named inside her description ("whose husband,
// Navy diver Tom Penn,") nor the parent her description names ("the
// daughter of former Governor Dale Varn").
func TestSharedSurnameGoesToTheStorysPerson(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a husband named in a whose-clause",
			"Dora Penn, whose husband, Navy diver Tom Penn, died in the 2012 storm, spoke to a radio host on Thursday.\n\nPenn said she does not believe the couple should be spared criticism.\n\n“To begin with,” she told the host, “I would not wish this on anyone.”",
			[]q{{"To begin with,", "Dora Penn"}, {"I would not wish this on anyone.", "Dora Penn"}}},
		{"a daughter described by her father",
			"Liz Varn, the daughter of former Governor Dale Varn, won the primary.\n\nDale Varn held the seat for ten years. He later ran the treasury.\n\nLiz Varn, 50, took a third of the vote.\n\n“Now we get to work,” Varn said.\n\n“No county has waited longer than ours,” she said.",
			[]q{{"Now we get to work,", "Liz Varn"}, {"No county has waited longer than ours,", "Liz Varn"}}},
	})
}

// A he or she does not stand for a place the lexicon does not know, named
// only as where something happened ("voters in Vell Harbor").
func TestPronounSkipsUnknownPlaces(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a town after in",
			"Senator Abe Lorrin toured the coast this week.\n\nThe day before, at a meeting with voters in Vell Harbor, Lorrin took questions from the floor.\n\nThen one voter raised the ferry cuts. She asked Lorrin about the “two thousand” riders left stranded.\n\nHe started his answer with a story about his uncle. Then he described a trip to a pier up the coast.\n\n“Anyone been there?” he asked.",
			[]q{{"two thousand", ""}, {"Anyone been there?", "Abe Lorrin"}}},
	})
}

// "The Vermont senator" is the senator whose party tag or "of" phrase
// gave Vermont ("Sen. Rona Pell (D-Vt.)", "Sen. Carl Dunmore of Texas"),
// not another senator; a description means someone named before it over
// someone named only after.
func TestStateDescriptionsOfPoliticians(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"state from a party tag and an of-phrase",
			"Sen. Rona Pell (D-Vt.) and Sen. Carl Dunmore of Texas clashed on Tuesday over the budget.\n\nGov. Ansel Brandt of Ohio stayed out of it.\n\n“We will not cut the pensions,” the Vermont senator said.\n\n“This budget is a fraud,” the Texas senator told reporters.\n\n“I have no comment,” the Ohio governor said.\n\nFlorida Sen. Mark Orvell also spoke. “It is late,” the Florida Republican said.",
			[]q{{"We will not cut the pensions,", "Rona Pell"}, {"This budget is a fraud,", "Carl Dunmore"}, {"I have no comment,", "Ansel Brandt"}, {"It is late,", "Mark Orvell"}}},
		{"a party appositive",
			"Rep. Ira Kell, Republican of Ohio, and Rep. Lena Sauer, a Democrat from Maine, met on Monday.\n\n“No deal,” the Maine Democrat said.",
			[]q{{"No deal,", "Lena Sauer"}}},
		{"a two-word state in a tag with full stops",
			"Rep. Ira Kell (R-N.Y.) and Rep. Tova Link (R-Ohio) wrote to the board.\n\n“The board must act,” the New York Republican said.",
			[]q{{"The board must act,", "Ira Kell"}}},
	})
}

// More speech verbs ("barked", "groused", "deadpanned"), and a subject
// whose participle phrase is set off by commas inside an opening clause:
// "after Mr. Ostrander, asked about …, had said, “…”".
func TestBarkedAndParticipleAppositives(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"barked",
			"Even the comedian Jon Pellow lost his temper on the show. “First of all, she told you why she stayed silent,” Pellow barked.",
			[]q{{"First of all, she told you why she stayed silent,", "Jon Pellow"}}},
		{"a participle appositive in an opening clause",
			"The row began Friday after Mr. Ostrander, asked about the jailing of editors abroad, had said, “Our own side jails people too.”",
			[]q{{"Our own side jails people too.", "Ostrander"}}},
	})
}

// "St." inside a name ("St. Clair Town Council") is part of it.
func TestSaintInsideAName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a council",
			"The St. Clair Town Council on Wednesday approved a resolution on the clinic.\n\nThe council voted 6-1 for the resolution, which said the town “rejects the closure of the clinic.”",
			[]q{{"rejects the closure of the clinic.", "St. Clair Town Council"}}},
	})
}

// A title that is part of a possessive name ("Justice Varga's comments")
// is no description of anyone: a he after it is Varga, not "Justice".
func TestTitleOfAPossessiveNameIsNoDescription(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"justice",
			"It is possible that Justice Varga played a role in pushing Justice Kell to the left. When the case was argued in December, Justice Varga's comments from the bench brought it into vivid relief.\n\nHe said some students may be better off at “a smaller college where they can shine.”",
			[]q{{"a smaller college where they can shine.", "Varga"}}},
	})
}

// "The Russians" as a subject is the people, a group that speaks; "the
// Russian" is one person.
func TestPeopleNamedByDemonym(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"the Russians, saying",
			"Analyst Andrew Pell said the talks were stalled.\n\nThe Russians have pointed to the rebels in the hills to justify their raids, saying the hills are a key front in their war on smugglers.",
			[]p2{{"Andrew Pell", "the talks were stalled"}, {"The Russians", "the hills are a key front in their war on smugglers"}}},
	})
	runQuoteCases(t, []quoteCase{
		{"the Saudis state",
			"The paper was shared with lawmakers.\n\n“Today, the kingdom leads the fight against fraud,” the Saudis state in the paper.",
			[]q{{"Today, the kingdom leads the fight against fraud,", "the Saudis"}}},
	})
}

// A contraction is no name ("Don’t voters run the risk?"), and a
// speech verb's noun beside a noun ("speeches and promises") is no verb,
// so "…, Dunbar said" credits Dunbar.
func TestContractionsAndNounPairs(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a past tense after a speech noun is still a verb",
			"Dana Rell tends to overstate the significance of her visit. The Ledger Review obtained a video of the speech and said she “walked a careful line” in addressing the bankers.",
			[]q{{"walked a careful line", "Ledger Review"}}},
		{"a noun pair before a trailing credit",
			"Cole thrilled the small crowds with speeches and promises to clean house, Dunbar said.\n\n“He was sharp, clear and warm,” he said.",
			[]q{{"He was sharp, clear and warm,", "Dunbar"}}},
	})
	got := Brief(Article{Body: "But what if Rena Vale wins? Don’t voters run the risk of her choosing the judges?"})
	for _, topic := range got.Topics {
		if len(topic) >= 3 && topic[:3] == "Don" {
			t.Errorf("topics %q hold a contraction", got.Topics)
		}
	}
}

// A first line in strict title case is a headline even with a full stop:
// its words name no speaker ("Dale Krupp Gets More Bad News After …").
func TestTitleCaseFirstLineWithFullStop(t *testing.T) {
	got := Brief(Article{Body: "Dale Krupp Gets More Bad News After Split From Wife Rena Vale.\n\nFormer councilman Dale Krupp had a bad Monday.\n\n“We wish them both well,” the company said in a statement."})
	for _, q := range got.Quotes {
		if strings.Contains(q.Speaker, "Gets") {
			t.Errorf("quote %q credited to the headline string %q", q.Text, q.Speaker)
		}
	}
	for _, a := range got.Actors {
		if strings.Contains(a.Name, "News") {
			t.Errorf("actor %q is a headline string", a.Name)
		}
	}
}

// Quotation marks that quote no speech: a headline's single marks ("With
// 'tax cheat' jibe, Rell sharpens attack") and a value in markup left in
// the text (author="someone"). A first line with its own credit is a
// lede, and keeps its quotation.
func TestHeadlineMarksAndMarkupValues(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"single marks in a headline",
			"With 'tax cheat' jibe, Rell sharpens attack\n\nDana Rell on Tuesday pressed her attack. “It is a card I will play,” she said.",
			[]q{{"It is a card I will play,", "Dana Rell"}}},
		{"a value in markup",
			"<tweet author=\"harborwatch\" timestamp=\"1470067200\">The vote is today</tweet>\n\n“Vote early,” said Mayor Ena Brisk.",
			[]q{{"Vote early,", "Ena Brisk"}}},
		{"a lede with its credit",
			"'We are proud of every volunteer,' said Rebecca Lind.\n\nThe drive raised $4,000.",
			[]q{{"We are proud of every volunteer,", "Rebecca Lind"}}},
	})
}

// An opening phrase may name a town and its state and a day ("At a town
// hall in Dunmore, Vermont Monday,"); "her earlier statement" is no
// opening "Two days earlier,".
func TestOpeningPhrasesWithPlacesAndEarlier(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"town, state and day",
			"Governor Abe Crane spoke in Dunmore on Monday.\n\nAt the town hall meeting in Dunmore, Vermont Monday, the Crane supporter retorted: “Nobody should pick a mayor by his hat.”",
			[]q{{"Nobody should pick a mayor by his hat.", "the Crane supporter"}}},
		{"her earlier statement",
			"At a fair in Dunmore, Vermont, on Sunday, Mrs. Dana Rell tried to explain her earlier remark, saying that the town should “be bringing its neighbours along.”",
			[]q{{"be bringing its neighbours along.", "Dana Rell"}}},
	})
}

// A fragment in a sentence about someone named in it is theirs, before the
// paragraph's earlier subject: "She has been under fire … Candidate Rolf
// Vantner has held up the lunch as proof of a “stacked deck.”"
func TestFragmentTakesTheNamedSubjectOfItsSentence(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"named subject after a pronoun subject",
			"Harbor chief Lena Ostrow will appear before the council on Tuesday.\n\nShe has been under fire for a private lunch with a former mayor. Candidate Rolf Vantner has repeatedly held up the lunch as proof of a “stacked deck.”",
			[]q{{"stacked deck.", "Rolf Vantner"}}},
	})
}

// Capitalised words that are no names: an opening word never capitalised
// inside a sentence and no one's ("Back in 2001, Mr. Tolland …", "Wait,
// it gets better"), and a hyphenated adjective or noun ("Vantner-style",
// "board-led", "T-shirt").
func TestOpeningWordsAndHyphenatedAdjectivesAreNoNames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"back in",
			"Back in 2001, Mr. Tolland praised the mayor's charm, telling a radio host: “I wish I had his touch.”",
			[]q{{"I wish I had his touch.", "Tolland"}}},
		{"a hyphenated adjective",
			"Governor Ena Brisk offered a Vantner-style reply on Tuesday, tweeting at him, “you are all noise.”",
			[]q{{"you are all noise.", "Ena Brisk"}}},
	})
	got := Brief(Article{Body: "Wait, it gets better:\n\nThe council met. Corporate officials describe such work as “a different cup of tea.”"})
	for _, topic := range got.Topics {
		if topic == "Wait" || topic == "Corporate" {
			t.Errorf("topics %q hold an opening word", got.Topics)
		}
	}
}

// A state as AP style writes it after a town ("Dunmore, Calif.")
// is that state, a place and a topic, never a speaker.
func TestStateAbbreviationsArePlaces(t *testing.T) {
	got := Brief(Article{Body: "In the hours after the fire in Dunmore, Calif., a familiar voice gloated on a forum: “We are here.”\n\nJim Pell of Carrow, Va., said the plan “will fail.”"})
	want := []q{{"We are here.", ""}, {"will fail.", "Jim Pell"}}
	var have []q
	for _, x := range got.Quotes {
		have = append(have, q{x.Text, x.Speaker})
	}
	if diff := cmp.Diff(want, have); diff != "" {
		t.Errorf("quotes (-want +got):\n%s", diff)
	}
	for _, place := range []string{"California", "Virginia"} {
		if !slices.Contains(got.Topics, place) {
			t.Errorf("topics %q lack %s", got.Topics, place)
		}
	}
}

// Where a reported clause ends: at ", and" before a clause with its own
// subject; not at the full stop of "Jan." before its day; not at a
// "speaking" that a participle such as "paid" describes.
func TestReportedClauseEndsAndAbbreviations(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"and a new subject",
			"Dana Rell has said she plans to give farmers half the seats on her board, and Ms. Varga is among the few with the experience to serve.",
			[]p2{{"Dana Rell", "she plans to give farmers half the seats on her board"}}},
		{"a month's full stop",
			"The magazine reported that the chef gave the program its best ratings since Jan. 9, 2011.",
			[]p2{{"The magazine", "the chef gave the program its best ratings since Jan. 9, 2011"}}},
		{"a dash before another clause",
			"Plus Democrats say the mood in the valley is turning their way — and the council is weighing a smaller plan.",
			[]p2{{"Democrats", "the mood in the valley is turning their way"}}},
		{"paid speaking",
			"Mayor Ena Brisk told reporters he had kept his paid speaking tour going because the fees covered his daughter's schooling.",
			[]p2{{"Ena Brisk", "he had kept his paid speaking tour going because the fees covered his daughter's schooling"}}},
	})
}

// Whose speech: "X and the Port Authority have insisted that" is both;
// "a win that led her to declare that" is hers; "…,” Lowden added, saying"
// is Lowden's, not that of an earlier verb in the sentence.
func TestJointObjectAndParticipleSubjects(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a person and the body",
			"All the files were marked private. Dana Rell and the Port Authority have insisted that none of the files held anything secret when they were sent.",
			[]p2{{"Dana Rell and the Port Authority", "none of the files held anything secret when they were sent"}}},
	})
	runQuoteCases(t, []quoteCase{
		{"led her to declare",
			"Cole Barrow took his district, while Dana Rell beat her rival by a wide margin, a result that led her to declare that the seat was “within reach.”",
			[]q{{"within reach.", "Dana Rell"}}},
		{"added, saying",
			"Brisk cannot say that “from his view,” Lowden added, saying it should be “up to the prosecutor.”",
			[]q{{"from his view,", "Lowden"}, {"up to the prosecutor.", "Lowden"}}},
	})
}

// A body's name holding "for" after a word such as Partnership or
// Initiative is one name: "Partnership for Cleaner Harbors".
func TestBodyNamesWithFor(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"partnership for",
			"The Partnership for Cleaner Harbors has run ads calling on the council to acknowledge the harm done by the spill.",
			[]p2{{"Partnership for Cleaner Harbors", "the council to acknowledge the harm done by the spill"}}},
		{"a group named in an appositive",
			"A group founded by a former congressman, the Partnership for Cleaner Harbors, has run ads calling on the council to acknowledge the harm done by the spill.",
			[]p2{{"Partnership for Cleaner Harbors", "the council to acknowledge the harm done by the spill"}}},
	})
}

// A sentence opening with "As for …" has its subject in the main clause,
// so a he after it is that speaker; a name used as a modifier ("after
// the Howard storms") is no one a pronoun stands for; "Vantner Tower"
// is a building.
func TestAsForOpeningsAndModifierNames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"as for",
			"Former ambassador John Bolt spoke on the radio on Monday.\n\nAs for conservative columnists and shipping analysts who claim to prefer Dana Rell to Rolf Vantner, Bolt said, “I think they have not read her plans.”\n\nHe called it a “grave misreading.”",
			[]q{{"I think they have not read her plans.", "John Bolt"}, {"grave misreading.", "John Bolt"}}},
		{"a modifier name and a tower",
			"Rolf Vantner spoke out against the parking law, inviting a singer to Vantner Tower, and he was quick to make his case after the Howard storms.\n\n“We want a town where every street is safe,” he said two days after the storm.",
			[]q{{"We want a town where every street is safe,", "Rolf Vantner"}}},
	})
}

// The he of "whom he described as" is the main clause's subject, not the
// one the relative clause describes.
func TestPronounInARelativeClauseWithWhom(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"whom he described",
			"Tom Perrin lashed out at Rolf Vantner, calling him a “loose cannon,” and set the rival candidate, whom he described as “erratic,” against Dana Rell.",
			[]q{{"loose cannon,", "Tom Perrin"}, {"erratic,", "Tom Perrin"}}},
	})
}

// "…, and accused X of being “turncoats”": the verb shares the subject of
// its own clause, even when nothing stands between "and" and the verb.
func TestCoordinatedVerbSharesItsClausesSubject(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"and accused",
			"The Vantner campaign said Ms. Dana Rell was unfit for office.\n\nAs voters went to the polls, the Vantner campaign sent out a letter with a photograph of Ms. Dana Rell and her husband, Bill Rell, at a gala, and accused Rell allies of being “turncoats” in how they treated Mr. Vantner.",
			[]q{{"turncoats", "The Vantner campaign"}}},
	})
}

// Credits that cross abbreviations and days: a party tag after the name
// ("“Go!” Rep. Ivo Landry, R-Ga., said"), a day between subject and verb
// ("who Marsh on Wednesday called"), a surname that is also a common word
// opening a sentence ("Small, who attended the rally, said").
func TestCreditsAcrossTagsDaysAndCommonSurnames(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a party tag",
			"“Nonstop, all week!” Rep. Ivo Landry, R-Ga., said of the round of parties.",
			[]q{{"Nonstop, all week!", "Ivo Landry"}}},
		{"a day before the verb",
			"Most of the scorn fell on Tolliver, who Marsh on Wednesday called “a reckless, selfish man.”",
			[]q{{"a reckless, selfish man.", "Marsh"}}},
		{"a surname that is a common word",
			"Councilman Ed Small attended the rally. Critics said the closures hurt small businesses.\n\nSmall, who attended the rally on Wednesday, said that “the owner walked away with millions.”",
			[]q{{"the owner walked away with millions.", "Ed Small"}}},
	})
}

// An inverted credit's described speaker named after a comma ("said his
// best friend at Carrow, Ben Tully, who …"); "Marsh's been making the
// case" is Marsh as subject; "“…” – he has often been …" after a
// quotation in dashes is a clause, no credit.
func TestAppositiveNamesContractionsAndDashClauses(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a name after a described speaker",
			"The boy joined a rowing club at Carrow, where Peter Osgood was a dean.\n\n“It may have been his way of defying his father,” said his best friend at Carrow, Ben Tully, who remembered him well.",
			[]q{{"It may have been his way of defying his father,", "Ben Tully"}}},
		{"a list of countries is no appositive",
			"In a joint statement, the ministers of Chile, Peru, Jordan, Norway and Kenya said they were “determined to reopen the shipping lanes.”",
			[]q{{"determined to reopen the shipping lanes.", "the ministers of Chile, Peru, Jordan, Norway and Kenya"}}},
		{"'s been",
			"Governor Alan Marsh spoke on Saturday. Marsh's been making the case for weeks that Rubin is not ready. “You have never had to make a hard call,” he said.",
			[]q{{"You have never had to make a hard call,", "Alan Marsh"}}},
		{"a dash clause",
			"Yet for all the talk that Mr. Sandor is a dreamer – at their first forum, Dana Rell cracked, “I'm a builder who likes to finish things” – he has often passed laws.",
			[]q{{"I'm a builder who likes to finish things", "Dana Rell"}}},
	})
}

// "with Sen. Jon Maccabe calling it a “takeaway menu”": the participle's
// subject runs past the title's full stop; "Over the years, she said, …
// she laughed and admitted": an opening "Over …" phrase, so the second
// she is the first.
func TestParticiplesAfterTitlesAndOverOpenings(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"with Sen.",
			"Farmers who want the depot closed were annoyed by the vague timetable, with Sen. Jon Maccabe calling it a “takeaway menu.”",
			[]q{{"takeaway menu.", "Jon Maccabe"}}},
		{"over the years",
			"Nell Tarrow has known Dana Rell since grade school. Over the years, she said, letters have kept her in touch with Rell - although at the mention of letters she laughed and admitted “letters can be a chore too.”",
			[]q{{"letters can be a chore too.", "Nell Tarrow"}}},
	})
}

// A quotation between a possessive name and a noun for a saying is the
// possessor's: "Carl Ostby's “freeloaders” remark", "Obrey's “nobody loses
// their doctor” promise".
func TestPossessorsQuotedSaying(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"comment",
			"During the slump, Paul Rydell fretted about the jobless fund. Carl Ostby's “freeloaders” remark was nearly as harsh.",
			[]q{{"freeloaders", "Carl Ostby"}}},
		{"promise before a colon",
			"Insurers such as Halden Health have raised premiums. It's the pull of Obrey's “nobody loses their doctor” promise: many workers want to keep theirs.",
			[]q{{"nobody loses their doctor", "Obrey"}}},
	})
}

// A fragment inside a relative clause about a person is that person's:
// "Quist contrasted that with Dana Rell, who is trying to bring “the
// valley together”".
func TestFragmentInARelativeClause(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"who is looking",
			"“I was hoping to hear more,” Ada Quist said.\n\nQuist contrasted that with Dana Rell who is trying to bring “the valley together again.”",
			[]q{{"I was hoping to hear more,", "Ada Quist"}, {"the valley together again.", "Dana Rell"}}},
	})
}

// “….” X said he would …: after a quotation that ends a sentence, a speech
// verb reporting a clause of its own starts a new sentence and credits
// nothing before it; "“We are done here.” Ortlund said it twice." still
// credits Ortlund.
func TestVerbReportingItsOwnClauseAfterAQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"said he would",
			"On Tuesday, both rivals faulted the handling of the scuffle.\n\n“It's a sorry day,” Cole told reporters. “This is what comes of the way that office is run.” Ohio Gov. Jon Kasko said he would have fired the manager.",
			[]q{{"It's a sorry day,", "Cole"}, {"This is what comes of the way that office is run.", "Cole"}}},
	})
}

// Names given in other ways: "a man calling himself Teo Marr", and two
// initials before a surname ("J. J. Kessel").
func TestNamesCalledAndDoubleInitials(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"calling himself",
			"The response online was fierce. “Whoever sells the harbor should be ashamed!” wrote a man calling himself Teo Marr.",
			[]q{{"Whoever sells the harbor should be ashamed!", "Teo Marr"}}},
		{"two initials",
			"Economist Lena M. Ortiz studied the scheme. “It was meant to make cover cheaper,” said J. J. Kessel, a bus driver in Carrow, Va.",
			[]q{{"It was meant to make cover cheaper,", "J. J. Kessel"}}},
	})
}

// "the Republican National Convention" is a body, not a person named
// "National Convention", so a description later finds the person.
func TestConventionIsABody(t *testing.T) {
	got := Brief(Article{Body: "Dr. Ben Carlow will speak at the Republican National Convention on Monday.\n\nThe former Republican presidential candidate continued, saying, “You want someone who knows budgets.”"})
	if len(got.Quotes) != 1 || got.Quotes[0].Speaker != "Ben Carlow" {
		t.Errorf("quotes %+v; want one by Ben Carlow", got.Quotes)
	}
	for _, a := range got.Actors {
		if a.Name == "National Convention" {
			t.Errorf("actor %q", a.Name)
		}
	}
}

// A name set off after a noun for a publication names that publication,
// not the speaker: "Marco Elio Danti, the editor of the diocese's
// newspaper, L'Eco Marino, said".
func TestNameOfAPublicationInAnAppositive(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a newspaper's name",
			"Marco Elio Danti, the editor of the diocese's weekly newspaper, L'Eco Marino, said every bishop was “both pastor and politician.”",
			[]q{{"both pastor and politician.", "Marco Elio Danti"}}},
	})
}

// A speech verb after should, must, might or could reports no one's
// speech: "Feld Hansen said that the charter should reiterate the town's
// support for its “oldest partners”" is hers.
func TestModalSpeechVerbIsNoCredit(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"should reiterate",
			"Rep. Nora Feld Hansen opened the meeting of the Harbor Committee on Wednesday.\n\nFeld Hansen said in her opening remarks that the charter should reiterate the town's support for its “oldest partners,” including the ferry company.",
			[]q{{"oldest partners,", "Nora Feld Hansen"}}},
	})
}

// "The party should say that …" reports no position: nothing is said yet.
func TestModalSpeechVerbIsNoPosition(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"should say",
			"Rep. Ada Lorne said the platform should say that the party backs its allies.",
			[]p2{{"Ada Lorne", "the platform should say that the party backs its allies"}}},
		{"must explain",
			"The council must explain that the fares will rise in May.",
			nil},
	})
}

// "According to X," ends at its comma: the clause after it is not part of
// the source ("according to its own tally, the Lotus Party has won …"),
// unless a name set off by commas names the source ("according to her
// management company, Bluewater Artists.").
func TestAccordingToEndsAtItsComma(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"according to its analysis",
			"Aung Lin Mo, a member of the Lotus Party's central committee, said Tuesday that according to its own tally, the Lotus Party has won most of the vote, but “the count is not over.”",
			[]q{{"the count is not over.", "Aung Lin Mo"}}},
	})
}

// A speech verb inside an aside set off by dashes is not the sentence's:
// "Pollster Kit Ayland -- author of a book for which Jon Pardell urged the
// party to court younger voters -- doubts …" is about Ayland, so a he
// after it is Ayland.
func TestSpeechVerbInsideADashAsideIsNotTheSentences(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"urged inside the aside",
			"Campaign chairman Jon Pardell says the candidate will speak on Monday.\n\nRepublican pollster Kit Ayland -- author of a book for which campaign chairman Jon Pardell urged the party to court younger voters -- doubts the candidate can recover. “His best hope is a new topic,” he said.",
			[]q{{"His best hope is a new topic,", "Kit Ayland"}}},
	})
}

// A pronoun is a whole noun phrase: in "the “dockside muscle” they need,
// spokesman Tobin Marsh said" the pronoun opens a relative clause about the
// quotation, and the credit is the name before the speech verb.
func TestPronounAfterQuotationIsNoCredit(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a relative clause, then the credit", "The Vell Harbor League backed three candidates last year. Its money will give them the “dockside muscle” they need in the spring vote, league spokesman Tobin Marsh said.",
			[]q{{"dockside muscle", "Tobin Marsh"}}},
		{"an inverted credit", "The Vell Harbor League backed three candidates last year. Its money will give them the “dockside muscle” they need in the spring vote, said Tobin Marsh.",
			[]q{{"dockside muscle", "Tobin Marsh"}}},
		{"a pronoun credit stays", "Tobin Marsh spoke for an hour. “The fees are the highest on the coast,” he said.",
			[]q{{"The fees are the highest on the coast,", "Tobin Marsh"}}},
	})
}

// After an inverted speech verb, a description set off by a comma before a
// name is that person's: "said one veteran harbor advocate, Dana Rell, a
// partner at Tovey Brand" credits Dana Rell, not a body inside the
// description.
func TestDescriptionThenNameAfterSaid(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a body inside the description", "The harbor court has seven judges until spring.\n\n“Expect a whole year with a bench of seven,” said one veteran Harbor Court advocate, Dana K. Rell, a partner at Tovey Brand.",
			[]q{{"Expect a whole year with a bench of seven,", "Dana K. Rell"}}},
		{"a body, then its member", "“We will appeal,” said the Harbor Court Bar, Dana Rell's old firm.",
			[]q{{"We will appeal,", "Harbor Court Bar"}}},
	})
}

// "According to her," names the person the pronoun stands for, as
// "According to Aderele," names her; "her aide" is still someone else.
func TestAccordingToAPronoun(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a quotation after it", "The health commissioner, Dr. Funmi Aderele, said the ministry had hired 600 nurses.\n\nAccording to her, “Every district will get its share of the staff.”",
			[]q{{"Every district will get its share of the staff.", "Funmi Aderele"}}},
		{"a possessive is not the person", "The health commissioner, Dr. Funmi Aderele, opened the clinic.\n\nAccording to her aide, “Every district will get its share of the staff.”",
			[]q{{"Every district will get its share of the staff.", "Funmi Aderele's aide"}}},
	})
}

// "the premier" and "the PM" stand for a prime minister named before.
func TestPremierIsThePrimeMinister(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"the premier", "Prime Minister Tariq Hameed opened the new grid station on Thursday.\n\nThe premier said that the last government had left the power sector “in ruins”.",
			[]q{{"in ruins", "Tariq Hameed"}}},
		{"a premier is a premier", "Premier Alma Dunrow of the province spoke first. “We will not wait for Ottawa,” the premier said.",
			[]q{{"We will not wait for Ottawa,", "Alma Dunrow"}}},
	})
}

// A plural noun that is also a speech verb ("protests", "claims") can open
// the reported clause after "that": "adding that protests would be held".
func TestPluralSpeechNounOpensReportedClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"protests would",
			"“He has insulted us,” said party spokesperson Ravi Menon, adding that protests would be held on Friday.",
			[]p2{{"Ravi Menon", "protests would be held on Friday"}}},
		{"claims were",
			"Dana Rell said that claims were being paid within a week.",
			[]p2{{"Dana Rell", "claims were being paid within a week"}}},
	})
}

// "told me the subsidy could not last": after a listener that is a bare
// object pronoun, a clause may open without "that".
func TestToldAPronounThenClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"told me",
			"The council chairman, Olav Brunn, told me the subsidy could not last.",
			[]p2{{"Olav Brunn", "the subsidy could not last"}}},
		{"told them",
			"Dana Rell told them the ferry would stop in June.",
			[]p2{{"Dana Rell", "the ferry would stop in June"}}},
		{"told him a story",
			"Dana Rell told him the story of the ferry.",
			nil},
	})
}

// A short quotation in capitals that opens with a pronoun joined to its
// verb ("It's", "We're") is a clause someone said, not a title.
func TestContractedPronounOpensSpeechNotTitle(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"it's", "Jenna Raskin spoke after the vote.\n\n“It's a Band-Aid,” Raskin said.",
			[]q{{"It's a Band-Aid,", "Jenna Raskin"}}},
		{"we're", "Tobin Marsh grinned. “We’re Salt And Pepper,” Marsh said of his partner.",
			[]q{{"We’re Salt And Pepper,", "Tobin Marsh"}}},
		{"a title stays a title", "Tobin Marsh sang “Harbor Lights” at the wake.",
			nil},
	})
}

// A name ending in United, Rovers, Athletic and the like is a sports
// club, a body that "the club" refers to later.
func TestSportsClubNameIsABody(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"the club",
			"Dunmore United said on Friday that its striker would miss six weeks.\n\nThe club said it would not rush him back.",
			[]p2{{"Dunmore United", "its striker would miss six weeks"}, {"Dunmore United", "it would not rush him back"}}},
	})
}

// A letter or email "sent to" readers with no author named speaks for the
// body the story is about; a note no one is said to have sent stays
// unattributed.
func TestLetterSentToReadersIsTheBodys(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a letter sent to parents", "The education ministry said on Monday that it would close nine village schools.\n\nA letter sent to parents last week read: “Every pupil will be offered a place at a larger school.”",
			[]q{{"Every pupil will be offered a place at a larger school.", "The education ministry"}}},
		{"an email sent to members", "The Vell Harbor Fishing League voted to strike.\n\nAn email sent to members on Friday read: “Boats stay in port until the fees fall.”",
			[]q{{"Boats stay in port until the fees fall.", "Vell Harbor Fishing League"}}},
		{"a note found on a door", "The education ministry said on Monday that it would close nine village schools.\n\nA note pinned to the school door read: “Gone fishing.”",
			[]q{{"Gone fishing.", ""}}},
	})
}

// A verb that is speech only before punctuation or a quotation ("she
// continued.", "Ames reacted:") is speech too when it follows the
// quotation and comes before the name: "“…?” reacted Ames." A plural after
// a preposition is a noun, not a speech verb: "reacted to reports that".
func TestBareSpeechVerbAfterQuotationBeforeName(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"reacted", "The mayor spoke about the budget for an hour.\n\n“The buses will be free, we hear. Free for whom?” reacted Dana Rell.",
			[]q{{"The buses will be free, we hear. Free for whom?", "Dana Rell"}}},
		{"continued", "Dana Rell paused.\n\n“And the ferry,” continued Rell, “is older than I am.”",
			[]q{{"And the ferry,", "Dana Rell"}, {"is older than I am.", "Dana Rell"}}},
	})
	runPositionCases(t, []positionCase{
		{"reacted to reports: no speech", "Dana Rell reacted angrily to reports that the ferry would close.", nil},
		{"amid claims: a noun", "The board met amid claims that the ferry would close.", nil},
	})
}

// A closing mark set off by a space after an inner quotation or a comma
// still closes: "… we back anyone,' " she said." Without it the quotation
// runs on to the paragraph's end and swallows its credit.
func TestSpacedClosingMarkAfterInnerQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"after an inner single mark", "Dana Rell spoke to the paper.\n\n\"They want us to say 'Sure, the race is over, we back anyone,' \" she said. \"They want more.\"",
			[]q{{"They want us to say 'Sure, the race is over, we back anyone,'", "Dana Rell"}, {"They want more.", "Dana Rell"}}},
		{"after a comma", "\"We lost the vote, \" said Tobin Marsh, \"but not the argument.\"",
			[]q{{"We lost the vote,", "Tobin Marsh"}, {"but not the argument.", "Tobin Marsh"}}},
	})
}

// "Even before …," and "Just after …," open an introduction as "Before …,"
// does: the subject comes after the comma.
func TestAdverbBeforeSubordinatorOpensIntroduction(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"even before", "Dana Rell won the primary.\n\nEven before Rell took the stage on Tuesday night, her campaign sent supporters a text message saying: “We won! Reply GIVE to chip in.”",
			[]q{{"We won! Reply GIVE to chip in.", "Dana Rell's campaign"}}},
		{"just after", "Just after the polls closed, the Vell Harbor League sent members an email saying: “Stay in port.”",
			[]q{{"Stay in port.", "Vell Harbor League"}}},
	})
}

// A place that is the subject of a speech verb speaks for its government
// or see: "Beijing insisted …", "The Vatican said …". A place elsewhere in
// the subject does not: "Officials in Beijing said …".
func TestPlaceThatSpeaks(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a capital", "Tobin Marsh spoke first.\n\nBeijing insisted that the talks would resume in May.",
			[]p2{{"Beijing", "the talks would resume in May"}}},
		{"the see", "Tobin Marsh spoke first.\n\n11:05 a.m.\n\nThe Vatican said on Friday that the pope would not receive the mayor.",
			[]p2{{"Vatican", "the pope would not receive the mayor"}}},
		{"officials in a place", "Officials in Beijing said the talks would resume in May.",
			[]p2{{"Officials in Beijing", "the talks would resume in May"}}},
	})
}

// "Voss' team": a lone apostrophe after a name ending in s makes it
// possessive, as "Voss's" does, and is written so: "Voss's team". The name
// keeps its final s.
func TestPossessiveWithApostropheAfterS(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"s-apostrophe",
			"Dana Voss won the primary.\n\nVoss' team said the plan was fair.",
			[]p2{{"Voss's team", "the plan was fair"}}},
		{"curly mark",
			"Dana Voss won the primary.\n\nVoss’ office said the count would end on Friday.",
			[]p2{{"Voss's office", "the count would end on Friday"}}},
		{"apostrophe-s",
			"Dana Voss won the primary.\n\nVoss's aides said the plan was fair.",
			[]p2{{"Voss's aides", "the plan was fair"}}},
	})
	runQuoteCases(t, []quoteCase{
		{"a closing single mark stays a mark", "He called the plan 'a gift to the bosses' and left.",
			[]q{{"a gift to the bosses", ""}}},
	})
}

// A verb after "but" shares the subject of the main clause, not of a
// "whether" clause inside it: "Sorrel delayed ruling on whether the trust
// may depose the mayor but said …" is Sorrel's.
func TestCoordinatedVerbSkipsWhetherClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"whether",
			"Judge Alma Sorrel heard the case.\n\nSorrel delayed ruling on whether the Harbor Trust may depose the mayor but said the trust might ask again in spring.",
			[]p2{{"Alma Sorrel", "the trust might ask again in spring"}}},
		{"no whether",
			"Judge Alma Sorrel heard the case.\n\nThe Harbor Trust questioned the mayor but said the answers were thin.",
			[]p2{{"Harbor Trust", "the answers were thin"}}},
	})
}

// A publication before a role names whose role it is, not who speaks:
// "According to Ledger contributor and former harbor pilot Pieter Dane,"
// credits Pieter Dane.
func TestPublicationBeforeRolesIsNoSpeaker(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"contributor",
			"The port opened.\n\nAccording to Ledger contributor Pieter Dane, fees at the port have changed four times in thirty years.",
			[]p2{{"Pieter Dane", "fees at the port have changed four times in thirty years"}}},
		{"two roles",
			"The port opened.\n\nAccording to Ledger contributor and former harbor pilot Pieter Dane, fees at the port have changed four times in thirty years.",
			[]p2{{"Pieter Dane", "fees at the port have changed four times in thirty years"}}},
	})
}

// A participle after ", but X …," belongs to that nearest clause's
// subject, not to the sentence's first: "Marsh turned to wages, but Rell
// steered him to the fees, asking him to explain" is Rell asking.
func TestParticipleTakesNearestCoordinatedClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"but",
			"Tobin Marsh turned to wages, but Dana Rell steered him to the fees, asking Marsh to explain his vote.",
			[]p2{{"Dana Rell", "Marsh to explain his vote"}}},
		{"one clause",
			"Dana Rell brought Tobin Marsh back to the fees, saying the vote had cost the port dearly.",
			[]p2{{"Dana Rell", "the vote had cost the port dearly"}}},
	})
}

// A reported clause inside a dash aside ends at the dash that closes it,
// and the main clause's own report follows: "Rell – who once said she
// would “sink” the plan – told the dockers that …". A front-runner is a
// role, so the party before it does not speak.
func TestReportInsideDashAsideEndsAtTheDash(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"spaced hyphens",
			"GOP front-runner Dana Rell - who once said she would \"sink\" the fee plan - told the dockers that the port should close its gates to new ferries.",
			[]p2{{"Dana Rell", "she would \"sink\" the fee plan"}, {"Dana Rell", "the port should close its gates to new ferries"}}},
	})
}

// A description naming one party never finds a member of another: "the
// Democratic council candidate" is not the Republican one named before her.
func TestDescriptionKeepsToItsParty(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"other party", "Ana Vell has known Republican council candidate Tobin Marsh for years.\n\nOn the radio, the Democratic council candidate said that his “cruel” posts had surprised her.",
			[]q{{"cruel", "Ana Vell"}}},
	})
}

// A participle belongs to the nearest clause's subject when "and" opens a
// clause with a name and its verb: "prosecutors indicted the clerk and
// Mayor Ida Brenner fired her chief, Tobin Marsh, acknowledging that …" is
// the mayor acknowledging, not the chief named in the appositive.
func TestParticipleAfterAppositiveTakesTheClauseSubject(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"and a named clause",
			"Over the winter, prosecutors indicted the clerk and Mayor Ida Brenner fired her harbor chief, Tobin F. Marsh, acknowledging that the port office had lost the town's confidence.",
			[]p2{{"Ida Brenner", "the port office had lost the town's confidence"}}},
	})
}

// A pronoun joined to its verb opens a reported clause as the pronoun and
// verb apart do: "said he'd back a deal", "who says it's “ruinous”".
func TestContractedPronounOpensReportedClause(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"he'd", "Tobin Marsh said he'd back a new deal.",
			[]p2{{"Tobin Marsh", "he'd back a new deal"}}},
		{"they're", "Dana Rell said they’re wrong about the port.",
			[]p2{{"Dana Rell", "they’re wrong about the port"}}},
		{"who says it's", "Then there is Dana Rell, who says it's \"ruinous.\"",
			[]p2{{"Dana Rell", "it's \"ruinous.\""}}},
	})
}

// A surname's particle is written in capitals when the surname stands
// alone and in lower case after a given name: "Van der Walt" and "De
// Vell" are the "Pieter van der Walt" and "Ana de Vell" named before.
// A given name that is also a particle stays: "Van Pruitt".
func TestSurnameParticleInCapitals(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"van der", "The board's acting chief, Mr. Pieter van der Walt, defended the record.\n\nAsked whether the rise would be the last, Van der Walt said: “I cannot promise that.”",
			[]q{{"I cannot promise that.", "Pieter van der Walt"}}},
		{"de", "Mayor Ana de Vell opened the depot.\n\n“It is late,” De Vell said.",
			[]q{{"It is late,", "Ana de Vell"}}},
		{"a given name", "Van Pruitt and Dana Pruitt sang at the fair.\n\n“We sang for hours,” said Van Pruitt.",
			[]q{{"We sang for hours,", "Van Pruitt"}}},
	})
}

// A "that" clause after a noun such as reports or claims completes the
// noun, not the speech verb before it: "declined to comment on reports
// that the bank would cut jobs" reports nothing the spokeswoman said.
func TestThatClauseOfAReportNounIsNotTheSpeakers(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"comment on reports", "A Harbor Bank spokeswoman declined to comment on reports that the bank would cut jobs.", nil},
		{"said in a statement", "Harbor Bank said in a statement on Friday that the bank would cut jobs.",
			[]p2{{"Harbor Bank", "the bank would cut jobs"}}},
	})
}

// A line that links to another story or a clip ("READ MORE: …", "Watch:
// …") quotes no one, though it holds a title in quotation marks.
func TestLinkLinesAreNoQuotations(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"read more", "Kwame Asante presented the budget.\n\nREAD MORE: “Five things to know about the budget”\n\n“This is a budget for jobs,” Asante said.",
			[]q{{"This is a budget for jobs,", "Kwame Asante"}}},
		{"watch", "Kwame Asante presented the budget.\n\nWatch: “The minister's speech in full, with the questions that followed”",
			nil},
		{"a label that is a name", "Kwame Asante was interviewed.\n\nASANTE: “We are on track.”",
			[]q{{"We are on track.", "Kwame Asante"}}},
	})
}

// "so awkward that a spokeswoman … simply joked:" — the clause after "so …
// that" has its own subject; and "“…,” came cries from the protesters" is
// the protesters', not the last speaker's; a voice from a place is no one's.
func TestResultClauseAndCameFrom(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"so strange that", "The hearing was set for a holiday.\n\nThe date was so awkward that a spokeswoman for Dana Rell simply joked: “Maybe the other nights were full.”",
			[]q{{"Maybe the other nights were full.", "a spokeswoman for Dana Rell"}}},
		{"came cries from", "“We will vote now,” said Dana Rell.\n\n“Count the votes,” came cries from the protesters.",
			[]q{{"We will vote now,", "Dana Rell"}, {"Count the votes,", "the protesters"}}},
		{"a voice from a place", "The hall went quiet.\n\n“So that is that,” came a voice from the back of the hall.",
			[]q{{"So that is that,", ""}}},
	})
}

// A quotation set off by a comma and followed by "by" and a name is a
// story's, song's or book's title with its author, not speech: "“Harbor
// fees to rise,” by the Ledger's Ana Vell". Without the comma, or opening in
// lower case, "by" names a passive's agent, who spoke the words: "was
// called “reckless” by Tobin Marsh" is Marsh's.
func TestTitleWithBylineIsNoQuotation(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"a story and its byline", "What we are reading: “Ferry fares to rise in spring,” by Ledger reporter Ana Vell.",
			nil},
		{"a passive's agent", "Dana Rell has called the plan “a gift to the bosses” and was called “reckless” by Tobin Marsh.",
			[]q{{"a gift to the bosses", "Dana Rell"}, {"reckless", "Tobin Marsh"}}},
		{"a fragment in lower case", "Dana Rell decried the “tone of his posts, sneering and cold,” by Tobin Marsh.",
			[]q{{"tone of his posts, sneering and cold,", "Dana Rell"}}},
	})
}

// ", and the operator warned that …" opens a clause of its own when the
// words before it have their own verb; without one, ", and the drivers" ends
// a list that is the subject, which its first item names.
func TestAndTheOpensClauseAfterAFiniteVerb(t *testing.T) {
	runPositionCases(t, []positionCase{
		{"a clause",
			"Dock workers at three more ports joined the strike on Monday, and the country's biggest port operator warned that delays could last into next month.",
			[]p2{{"the country's biggest port operator", "delays could last into next month"}}},
		{"a list",
			"Dock workers, crane operators, and the truck drivers warned that delays could last into next month.",
			[]p2{{"Dock workers", "delays could last into next month"}}},
	})
}

// "characterized … as “…”" is a speech verb as "described … as" is, so a
// fragment ending with a full stop ends its sentence and the next name's
// verb is no credit for it.
func TestCharacterizedAsIsSpeech(t *testing.T) {
	runQuoteCases(t, []quoteCase{
		{"then another speaker", "Tobin Marsh characterized the plan as “a tax on the poor.” Dana Rell branded him “a scold.”",
			[]q{{"a tax on the poor.", "Tobin Marsh"}, {"a scold.", "Dana Rell"}}},
		{"British spelling", "Tobin Marsh characterised the levy as “theft by another name.”",
			[]q{{"theft by another name.", "Tobin Marsh"}}},
	})
}
