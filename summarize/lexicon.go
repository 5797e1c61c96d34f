package summarize

import (
	"embed"
	"strings"
	"sync"
)

// Word classes. A word may belong to several.
const (
	wHonorific   uint64 = 1 << iota // Mr, Dr, Cllr: stands before a name
	wTitle                          // President, Minister, Keeper: a title that may stand before a name
	wRole                           // minister, analyst, spokesman: a noun naming a role held by a person
	wOrgWord                        // Ministry, Council, Co: ends or marks an organisation's name
	wOrgNoun                        // company, ministry, firm: a common noun for an organisation
	wDept                           // Defense, Health: the object in "Secretary of Defense"
	wCue                            // said, warned, insisting: a speech verb
	wPrep                           // of, in, by
	wDet                            // the, a, his
	wPron                           // he, she, they
	wConj                           // and, but, while
	wAux                            // has, was, also, then: stands between a subject and its verb
	wTime                           // Thursday, yesterday, week
	wStop                           // other words that never start a name
	wSpeechNoun                     // statement, tweet: a thing that says something
	wAbbrev                         // an abbreviation that takes a period: Mr. Co. Jan.
	wGiven                          // a given name
	wPlace                          // a place name (one word)
	wDemonym                        // an adjective of place: European
	wPersonNoun                     // person, man, woman, resident: an unnamed person
	wGroupNoun                      // powers, allies, protesters: a plural group of people or bodies
	wNaming                         // dubbed, titled: what follows is a name, not a quote
	wIntro                          // speaking, asked, however: opens an introductory phrase
	wParticle                       // van, de, bin: inside a name
	wRoleAcronym                    // CEO, MP, DG: a role written as an acronym
	wRoleAdj                        // senior, former, deputy: qualifies a role noun
	wNoClause                       // a speech verb that takes no reported clause: urged, asked
	wBareClause                     // a speech verb whose clause may drop "that": said, told
	wAccording                      // "according", of "according to"
	wPublish                        // issued, posted: puts out a statement
	wWork                           // study, book, album: a work with a title
)

// Genders.
const (
	genderUnknown int8 = iota
	genderMale
	genderFemale
	genderPlural
	genderNeuter
)

// Forms a speech verb takes.
const (
	cueNone   uint8 = iota
	cueBase         // say
	cueFinite       // says, said
	cueIng          // saying
)

// Special behaviour of a speech verb.
const (
	cueNormal   uint8 = iota
	cueTell           // takes a listener: told reporters that
	cueRead           // "the statement read": speaks for whoever wrote it
	cueParticle       // only with its particle: hit back, pointed out
	cueAs             // only with "as": described it as
	cueWeak           // a cue for a fragment only: called it "a farce"
	cueBare           // a cue only before punctuation or a quotation: “…,” she continued.
)

type lexInfo struct {
	flags    uint64
	gender   int8
	cueForm  uint8
	cueKind  uint8
	particle string // hit → back
	place    string // canonical place for wPlace and wDemonym
}

// lexiconOnce guards loadLexicon; everything below is read-only after it.
var lexiconOnce sync.Once

var (
	lexIndex = map[string]uint16{}
	lexTable = []lexInfo{{}} // entry 0 means "not in the lexicon"
	// multiPlaces maps the first word of a several-word place name to the
	// lower-case names that start with it.
	multiPlaces = map[string][]multiPlace{}
)

type multiPlace struct {
	words     []string // lower-case words
	canonical string
}

func lexEntry(word string) *lexInfo {
	i, ok := lexIndex[word]
	if !ok {
		i = uint16(len(lexTable))
		lexTable = append(lexTable, lexInfo{})
		lexIndex[word] = i
	}
	return &lexTable[i]
}

func addWords(flag uint64, words string) {
	for _, w := range strings.Fields(words) {
		lexEntry(w).flags |= flag
	}
}

func addGendered(flag uint64, g int8, words string) {
	for _, w := range strings.Fields(words) {
		e := lexEntry(w)
		e.flags |= flag
		e.gender = g
	}
}

//go:embed data/*.txt
var dataFiles embed.FS

// loadLexicon builds the word lists and the tables the tokenizer reads.
// It runs once, on the first Brief (lexiconOnce), not at start-up: a
// process that never briefs (briefbot help) does not pay its ~10 ms and
// ~4.8 MB.
func loadLexicon() {
	addGendered(wHonorific, genderMale, "mr mr. sir lord mallam alhaji master monsieur herr senor señor signor don")
	addGendered(wHonorific, genderFemale, "mrs mrs. ms ms. miss dame lady madam madame mme frau senora señora hajia")
	addWords(wHonorific, `dr dr. prof prof. rev rev. fr fr. cllr cllr. sen sen. rep rep. gov gov. gen gen. col col.
		capt capt. lt lt. sgt sgt. hon hon. insp insp. supt supt. det det. pres pres. amb amb. adm adm. cmdr cmdr.
		maj maj. cpl cpl. pte pte. pc dc ds di dci dcs cst const. atty atty. mx councillor councilor
		sheikh sheik emir imam pastor rabbi bishop archbishop cardinal pope reverend father brother sister
		chief justice judge coach senator governor president premier chancellor mayor
		commissioner ambassador admiral general colonel captain lieutenant sergeant major corporal
		constable inspector detective superintendent professor doctor congressman congresswoman
		congressmember assemblyman assemblywoman alderman alderwoman delegate marshal sheriff
		councilman councilwoman councilmember assemblymember selectman selectwoman supervisor
		king queen prince princess duke duchess earl count countess baron baroness crown
		speaker minister secretary deputy vice acting interim former late`)
	for _, w := range strings.Fields("king prince duke earl baron father brother congressman assemblyman alderman") {
		lexEntry(w).gender = genderMale
	}
	for _, w := range strings.Fields("queen princess duchess countess baroness sister congresswoman assemblywoman alderwoman") {
		lexEntry(w).gender = genderFemale
	}
	addWords(wTitle, `democrat republican
		president premier chancellor minister secretary mayor governor senator congressman
		congresswoman representative speaker chief chairman chairwoman chair chairperson director
		ceo cfo coo cto md gm dg vp pm ag da mp mep msp mla mpp mna ps cs dci igp sg pro qc kc
		spokesman spokeswoman spokesperson commissioner ambassador envoy general admiral colonel
		captain lieutenant sergeant inspector superintendent detective constable marshal sheriff
		judge justice magistrate prosecutor attorney counsel solicitor barrister professor
		keeper manager coach head leader officer executive founder co-founder owner president-elect
		deputy vice acting interim whip cathaoirleach taoiseach tanaiste tánaiste treasurer
		registrar dean principal provost rector bishop archbishop cardinal pope rabbi imam pastor
		reverend king queen prince princess emir sheikh sultan crown councillor councilor alderman
		cllr commander commandant chairmen economist analyst councilman councilwoman councilmember
		assemblymember selectman selectwoman supervisor`)
	addWords(wRoleAdj, `senior junior chief deputy former top lead principal assistant associate
		managing executive general special political legal foreign economic military health
		defence defense veteran local regional national international state federal
		independent longtime long-time acting interim incoming outgoing new current
		then-president then former vice co chief-executive finance interior justice
		education trade energy environment environmental climate science technology
		tech business sports sport arts culture city county district provincial public
		private presidential parliamentary opposition government union party campaign
		communications press media research investment market markets equity credit
		human rights civil police fire emergency medical head assistant associate
		executive non-executive nursing teaching education management operations sales
		marketing product programme program project communications`)
	addWords(wRoleAcronym, `ceo cfo coo cto cmo md gm dg vp svp evp pm ag da dpp mp mep msp mla mpp mna ms ps cs
		dci igp sg pro qc kc cj gc hr rn`)
	addWords(wRole, `president premier chancellor minister secretary mayor governor senator congressman
		congresswoman lawmaker legislator representative speaker chief chairman chairwoman chair
		chairperson director ceo cfo coo cto spokesman spokeswoman spokesperson commissioner
		ambassador envoy diplomat negotiator general admiral colonel captain lieutenant sergeant
		inspector superintendent detective constable officer marshal sheriff judge justice
		magistrate prosecutor attorney counsel solicitor barrister lawyer defender professor
		lecturer researcher scientist economist analyst strategist expert specialist consultant
		adviser advisor aide official administrator manager coach player striker midfielder
		defender goalkeeper keeper captain owner founder co-founder executive head leader boss
		president-elect deputy whip treasurer registrar dean principal teacher headteacher
		headmaster headmistress student pupil nurse doctor surgeon physician paramedic
		firefighter psychologist psychiatrist therapist engineer architect historian author
		writer novelist poet journalist reporter correspondent editor columnist commentator
		presenter host co-host anchor co-anchor broadcaster editor-in-chief commander-in-chief producer filmmaker actor actress singer songwriter
		rapper musician guitarist drummer comedian artist designer model star celebrity chef
		athlete champion runner cyclist swimmer boxer fighter wrestler candidate nominee
		aspirant standard-bearer activist campaigner organiser organizer protester protestor
		demonstrator member councillor councilor alderman mp mep msp mla cathaoirleach
		taoiseach bishop archbishop cardinal pope priest pastor rabbi imam vicar chaplain
		monk nun king queen prince princess emir sheikh sultan monarch ruler dictator
		whistleblower witness victim survivor resident neighbour neighbor citizen voter
		worker employee staffer farmer owner landlord tenant shopkeeper trader investor
		entrepreneur businessman businesswoman banker broker accountant auditor clerk
		secretary-general director-general dg ps dci mother father mum mom dad wife husband
		son daughter brother sister grandmother grandfather uncle aunt cousin friend partner
		fiancé fiancée girlfriend boyfriend widow widower mother-of-three mother-of-two
		father-of-three father-of-two mother-of-one father-of-one veteran soldier sailor
		pilot driver passenger commuter tourist visitor fan supporter critic opponent rival
		ally colleague teammate coach trainer manager referee umpire official officials
		chairman aide staff spokesman representative delegate negotiator mediator
		ombudsman regulator inspector auditor coroner pathologist forecaster meteorologist
		epidemiologist virologist doctor dentist pharmacist vet veterinarian keeper zookeeper
		ranger curator librarian archivist guide hostess waiter bartender cleaner guard
		chancellor minister-president mayor-elect governor-elect whistle-blower cop
		policeman policewoman detective trooper agent spy master harbourmaster rep publicist
		insider pal bandmate teammate engineer retiree volunteer local homeowner shopper stallholder
		vendor trader owner landlady landlord patron regular diner customer resident controller
		coordinator defenceman defenseman forward winger centre center pitcher quarterback
		batter bowler batsman wicketkeeper jockey trainer dealer seller buyer grower fisherman
		stationmaster hawker cabbie cabdriver motorist cyclist pedestrian shopkeeper counterpart
		predecessor successor deputy advocate lobbyist pollster operative donor contributor
		front-runner frontrunner hopeful challenger incumbent`)
	addGendered(wRole, genderFemale, `mother mum mom wife daughter sister grandmother aunt actress
		businesswoman spokeswoman chairwoman congresswoman policewoman headmistress widow queen
		princess duchess nun girlfriend fiancée mother-of-three mother-of-two mother-of-one
		grandmother-of-two hostess waitress heroine`)
	addGendered(wRole, genderMale, `father dad husband son brother grandfather uncle actor
		businessman spokesman chairman congressman policeman headmaster widower king prince
		duke monk boyfriend fiancé father-of-three father-of-two father-of-one hero`)
	lexEntry("actor").gender = genderUnknown // actors of any sex call themselves actors
	addWords(wPersonNoun, `person man woman boy girl child teenager resident neighbour neighbor
		passer-by bystander witness source insider observer user customer reader viewer listener
		fan voter caller commenter poster one somebody someone spokesperson official
		onlooker eyewitness spectator attendee guest diner shopper commuter motorist passenger`)
	addGendered(wPersonNoun, genderMale, "man boy gentleman")
	addGendered(wPersonNoun, genderFemale, "woman girl lady")
	addWords(wGroupNoun, `people powers allies countries nations governments leaders officials
		ministers lawmakers legislators senators protesters protestors demonstrators residents
		neighbours neighbors voters workers employees staff unions parties groups experts
		analysts critics opponents supporters fans users scientists researchers doctors nurses
		teachers students parents families police authorities officers prosecutors attorneys
		lawyers judges jurors investigators organisers organizers campaigners activists
		economists observers diplomats negotiators sources insiders witnesses members
		councillors councilors backers donors investors bankers traders executives managers
		players coaches owners farmers soldiers troops forces rebels militants fighters
		insurgents commanders generals clubs teams companies firms banks regulators agencies
		ministries governments states partners neighbours rivals family relatives parents
		authors co-authors scholars academics historians writers editors crowd audience congregation
		delegates delegations envoys athletes riders runners cyclists swimmers astronomers
		physicians surgeons patients volunteers participants climbers residents villagers
		politicians diplomats clerics commentators`)
	addWords(wOrgWord, `street avenue ministry department council committee company corporation corp corp. inc inc. co co.
		ltd ltd. llc plc ag gmbh sa nv bv group bank university institute institution college
		school academy association union party agency commission court police army navy force
		forces foundation fund authority office board zoo hospital church club fc times news
		post herald journal gazette tribune telegraph guardian observer chronicle network
		organisation organization federation league society service services trust alliance
		coalition movement front assembly parliament senate congress house government
		administration cabinet embassy consulate tribunal airlines airways motors technologies
		technology systems associates partners holdings industries laboratories labs
		pharmaceuticals pharma media press radio television tv channel studios records
		entertainment capital securities bureau center centre museum library nations
		commonwealth reserve exchange council secretariat directorate inspectorate partnership
		project initiative caucus tower towers plaza convention conference
		constabulary brigade battalion regiment corps guard unit squad institution
		clinic trust charity project initiative programme program campaign team squad
		communications energy airlines railways railway insurance foods motors brands estates homes
		properties developments construction builders logistics solutions consulting ventures
		bancorp bancshares bankshares financial pay payments
		semiconductor semiconductors electronics robotics software biotech biosciences therapeutics
		biologics genomics diagnostics vaccines biopharma biopharmaceuticals clube klub fk ssc tsv vfl vfb
		protection enforcement prevention
		healthcare automotive aerospace dynamics devices instruments machinery materials resources
		mining minerals metals steel chemical chemicals petroleum utilities telecom
		telecommunications wireless analytics advisors advisers investments equity brokerage
		realty hotels resorts stores beverages brewing freight maritime tankers logistics
		management
		rovers wanderers athletic rangers albion hotspur fc afc cf water line lines shipping
		chamber chambers cape bay gulf isle island islands sea strait straits lake mount mountains
		river valley peninsula coast ocean desert forest canal reef dome glacier plateau ridge fjord`)
	addWords(wOrgNoun, `company firm corporation government ministry department agency union council
		party group organisation organization zoo club team police court bank university airport refinery factory plant mill smelter brewery distillery
		school hospital network airline carmaker automaker retailer startup platform app
		regulator watchdog board committee authority commission army military charity
		institute institution business chain operator supplier manufacturer giant
		broadcaster newspaper publisher outlet channel station service administration
		cabinet embassy federation league association campaign church developer chipmaker
		insurer lender miner maker producer conglomerate telco carrier shipper distributor
		wholesaler refiner brewer drugmaker magazine brand label studio franchise club band
		council utility exchange palace force monarchy household court builder housebuilder
		homebuilder chamber management family agency authority commission office bureau
		directorate city county municipality borough consortium presidency tribunal panel
		secretariat delegation jury observatory foundation laboratory lab biotech`)
	addWords(wDept, `defense defence state health justice education finance treasury interior
		commerce energy labor labour agriculture transport transportation security homeland
		foreign affairs home trade industry environment culture housing welfare veterans
		economy development communications information tourism sport sports war staff
		immigration revenue works planning public employees nursing midwifery science
		technology innovation fisheries forestry mines mining petroleum resources water
		women children youth family families social services internal external european
		digital climate infrastructure employment pensions work local regional
		territorial disarmament intelligence`)
	addWords(wPrep, `of in on at by for with from to into onto about over under after before during
		since until till through throughout around across against among amongst between
		without within despite near toward towards upon via per like amid amidst ahead behind
		beyond outside inside alongside beside besides except off out up down past than`)
	addWords(wDet, `the a an this that these those his her their its our my your one another some
		any each every several many few both all no such other what which whose`)
	addGendered(wPron, genderMale, "he him his himself")
	addGendered(wPron, genderFemale, "she her hers herself")
	addGendered(wPron, genderPlural, "they them their theirs themselves")
	addGendered(wPron, genderNeuter, "it its itself")
	addWords(wPron, "i me we us you my our your")
	addWords(wConj, `and or but nor yet so while whereas although though because since as when
		whenever where after before if unless until once whether than then`)
	addWords(wAux, `is was are were be been being am has have had having will would can could
		shall should may might must do does did not never also then later earlier previously
		recently again already still just only even always often repeatedly once
		subsequently separately additionally initially originally reportedly allegedly
		apparently clearly simply flatly firmly strongly publicly privately openly angrily
		quietly calmly bluntly tearfully proudly confidently defiantly immediately quickly
		promptly finally ultimately eventually however meanwhile too all both himself herself
		themselves itself n't`)
	addWords(wTime, `monday tuesday wednesday thursday friday saturday sunday today yesterday
		tonight tomorrow morning afternoon evening night week weekend month year day days
		weeks months years hours minutes january february march april may june july august
		september october november december jan jan. feb feb. mar mar. apr apr. jun jun. jul
		jul. aug aug. sep sep. sept sept. oct oct. nov nov. dec dec. last next earlier later
		this past recent`)
	addWords(wSpeechNoun, `statement statements tweet tweets post posts message messages letter letters
		email emails e-mail release interview interviews speech speeches remarks comments
		note notes memo video broadcast blog op-ed column posting thread press conference
		briefing announcement address testimony submission report declaration communique
		communiqué caption text transcript podcast reply dispatch`)
	addWords(wNaming, `dubbed titled entitled nicknamed named called calls call calling dubs names labelled labeled branded
		so-called known term word phrase slogan hashtag motto song film movie book novel
		album show series programme program play poem headline campaign operation code
		codenamed code-named`)
	addWords(wIntro, `in on at after before during throughout around across since following amid
		speaking asked asking writing talking responding addressing answering commenting
		however meanwhile earlier later separately additionally also still yet instead
		nevertheless nonetheless similarly likewise elsewhere today yesterday last this
		when while as under with without despite according for from by
		outside inside beyond near behind beside along among between against alongside unlike upon within through toward towards
		plus over`)
	addWords(wParticle, `van von de der den del della dela delos di da do dos das du le la bin ibn al el ter ten
		mac st st. abu ben bint binti`)
	addWords(wStop, `the a an it its there this that these those he she they we i you his her their
		our my your in on at by for with from to of and or but so if as when while after before
		since because although though however meanwhile yet still also then now here thus
		hence indeed instead nevertheless nonetheless furthermore moreover besides otherwise
		what which who whom whose where why how not no yes all some many most more much few
		whatever whichever whoever whomever wherever whenever
		several each every both either neither other another such only just even already
		about over under between among through during without within against despite among
		one two three four five six seven eight nine ten first second third last next new old
		thousands hundreds millions billions dozens scores some nobody everybody somebody
		anybody everyone someone anyone none nothing everything something anything`)
	addWords(wAbbrev, `mr mrs ms dr st jr sr prof gen col lt sgt capt gov sen rep rev hon inc co corp
		ltd no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec pa va mass calif
		fla ga ill mich minn mo nev ore tenn tex wash wis conn colo ariz ala ark del ky la md
		miss neb okla wyo mt ft ave blvd dept univ assn bros est approx fig vol cllr insp
		supt det pres amb adm cmdr maj cpl pte const atty messrs mme mlle ph op cf al e.g i.e
		a.m p.m u.s u.k u.n e.u d.c n.y n.j l.a`)

	for _, c := range cueList {
		addCue(c)
	}
	addWords(wAccording, "according words")
	addWords(wWork, `complaint lawsuit indictment affidavit
		study paper report book novel memoir album film movie documentary series show
		programme program play poem song single article survey thesis exhibition`)
	addWords(wSpeechNoun, "study paper survey filing document update notice chant chants cries shouts alert warning advisory bulletin complaint lawsuit indictment affidavit")
	addWords(wPublish, `issue issues issued issuing post posts posted posting publish publishes
		published publishing release releases released releasing send sends sent sending write
		writes wrote writing share shares shared sharing tweet tweets tweeted tweeting circulate
		circulated distribute distributed sign signed put`)
	addWords(wBareClause, `say says said saying tell tells told telling add adds added adding warn warns
		warned warning insist insists insisted insisting argue argues argued arguing claim claims claimed
		claiming note notes noted noting write writes wrote writing believe`)
	for _, c := range strings.Fields(`ask urge thank praise hail welcome criticise criticize slam blast call
		label brand term blame condemn decry question wonder plead beg demand laugh sigh shout scream
		yell whisper mutter exclaim cry joke quip grumble describe read begin continue go speak share
		caption muse interrupt interject remind advise recommend propose dismiss sum chime weigh vent
		fume snap gush enthuse marvel echo remember reckon reminisce smile grin shrug beam groan sob gasp
		chuckle sneer scoff bristle rage thunder roar bellow`) {
		for _, cu := range cueList {
			if f := strings.Fields(cu.forms); f[0] == c {
				for _, w := range f {
					lexEntry(w).flags |= wNoClause
				}
			}
		}
	}
	loadData()
	buildLexHash()
}

// lexHash is an open-addressing copy of lexIndex keyed by hashWord, which
// the tokenizer computes while it lower-cases a word, so that a look-up
// costs no second pass. It stays because it pays: with lexIndex alone,
// BenchmarkBrief ran about 6% slower (look-ups went from 3% to 9% of the
// time).
var lexHash struct {
	hashes []uint64
	keys   []string
	vals   []uint16
	mask   uint64
}

func buildLexHash() {
	n := 1
	for n < 4*len(lexIndex) {
		n *= 2
	}
	lexHash.hashes = make([]uint64, n)
	lexHash.keys = make([]string, n)
	lexHash.vals = make([]uint16, n)
	lexHash.mask = uint64(n - 1)
	for w, v := range lexIndex {
		h := hashWord([]byte(w))
		i := h & lexHash.mask
		for lexHash.hashes[i] != 0 {
			i = (i + 1) & lexHash.mask
		}
		lexHash.hashes[i], lexHash.keys[i], lexHash.vals[i] = h, w, v
	}
}

// lookup returns the lexicon entry of a lower-case word, or 0.
func lookup(w []byte) uint16 { return lookupHash(hashWord(w), w) }

// lookupHash is lookup for a word whose hashWord is known.
func lookupHash(h uint64, w []byte) uint16 {
	for i := h & lexHash.mask; ; i = (i + 1) & lexHash.mask {
		switch lexHash.hashes[i] {
		case 0:
			return 0
		case h:
			if lexHash.keys[i] == string(w) {
				return lexHash.vals[i]
			}
		}
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString is hashWord of a string.
func hashString(w string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= fnvPrime
	}
	return h | 1
}

// hashWord is 64-bit FNV-1a.
func hashWord(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h | 1 // never 0, which marks an empty slot
}

// A cue is a speech verb: lemma, its forms, its kind and an optional
// particle that must follow it.
type cue struct {
	forms    string // base 3sg past ing [participle], space-separated; "" derives them
	kind     uint8
	particle string
}

var cueList = []cue{
	{forms: "say says said saying"}, {forms: "tell tells told telling", kind: cueTell},
	{forms: "write writes wrote writing written"}, {forms: "speak speaks spoke speaking spoken"},
	{forms: "add adds added adding"}, {forms: "warn warns warned warning", kind: cueTell},
	{forms: "insist insists insisted insisting"}, {forms: "argue argues argued arguing"},
	{forms: "echo echoes echoed echoing"}, {forms: "stress stresses stressed stressing"},
	{forms: "note notes noted noting"}, {forms: "report reports reported reporting"}, {forms: "sing sings sang singing"}, {forms: "tweet tweets tweeted tweeting"},
	{forms: "post posts posted posting"}, {forms: "claim claims claimed claiming"},
	{forms: "explain explains explained explaining"}, {forms: "state states stated stating"},
	{forms: "declare declares declared declaring"}, {forms: "announce announces announced announcing"},
	{forms: "acknowledge acknowledges acknowledged acknowledging"}, {forms: "admit admits admitted admitting"},
	{forms: "answer answers answered answering"}, {forms: "reply replies replied replying"},
	{forms: "respond responds responded responding"}, {forms: "retort retorts retorted retorting"},
	{forms: "remark remarks remarked remarking"}, {forms: "comment comments commented commenting"},
	{forms: "observe observes observed observing"}, {forms: "suggest suggests suggested suggesting"},
	{forms: "confirm confirms confirmed confirming"}, {forms: "deny denies denied denying"},
	{forms: "describe describes described describing", kind: cueAs},
	{forms: "characterize characterizes characterized characterizing", kind: cueAs}, {forms: "characterise characterises characterised characterising", kind: cueAs},
	{forms: "ask asks asked asking"}, {forms: "urge urges urged urging"},
	{forms: "instruct instructs instructed instructing", kind: cueTell},
	{forms: "caution cautions cautioned cautioning"}, {forms: "predict predicts predicted predicting"},
	{forms: "promise promises promised promising"}, {forms: "vow vows vowed vowing"},
	{forms: "pledge pledges pledged pledging"}, {forms: "boast boasts boasted boasting"},
	{forms: "complain complains complained complaining"}, {forms: "lament laments lamented lamenting"},
	{forms: "concede concedes conceded conceding"}, {forms: "contend contends contended contending"},
	{forms: "maintain maintains maintained maintaining"}, {forms: "assert asserts asserted asserting"},
	{forms: "allege alleges alleged alleging"}, {forms: "accuse accuses accused accusing"},
	{forms: "recall recalls recalled recalling"}, {forms: "reveal reveals revealed revealing"},
	{forms: "disclose discloses disclosed disclosing"}, {forms: "testify testifies testified testifying"},
	{forms: "conclude concludes concluded concluding"}, {forms: "continue continues continued continuing", kind: cueBare},
	{forms: "emphasise emphasises emphasised emphasising"}, {forms: "emphasize emphasizes emphasized emphasizing"},
	{forms: "underline underlines underlined underlining"}, {forms: "point points pointed pointing", kind: cueParticle, particle: "out"},
	{forms: "joke jokes joked joking"}, {forms: "quip quips quipped quipping"},
	{forms: "laugh laughs laughed laughing"}, {forms: "sigh sighs sighed sighing"},
	{forms: "grumble grumbles grumbled grumbling"}, {forms: "shout shouts shouted shouting"},
	{forms: "scream screams screamed screaming"}, {forms: "yell yells yelled yelling"},
	{forms: "whisper whispers whispered whispering"}, {forms: "mutter mutters muttered muttering"},
	{forms: "exclaim exclaims exclaimed exclaiming"}, {forms: "cry cries cried crying"},
	{forms: "plead pleads pleaded pleading"}, {forms: "beg begs begged begging"},
	{forms: "demand demands demanded demanding"}, {forms: "counter counters countered countering"},
	{forms: "rebut rebuts rebutted rebutting"}, {forms: "dismiss dismisses dismissed dismissing", kind: cueWeak},
	{forms: "criticise criticises criticised criticising", kind: cueWeak},
	{forms: "criticize criticizes criticized criticizing", kind: cueWeak},
	{forms: "slam slams slammed slamming", kind: cueWeak}, {forms: "blast blasts blasted blasting", kind: cueWeak},
	{forms: "praise praises praised praising", kind: cueWeak}, {forms: "hail hails hailed hailing", kind: cueWeak},
	{forms: "welcome welcomes welcomed welcoming", kind: cueWeak}, {forms: "thank thanks thanked thanking"},
	{forms: "inform informs informed informing", kind: cueTell}, {forms: "assure assures assured assuring", kind: cueTell},
	{forms: "reassure reassures reassured reassuring", kind: cueTell}, {forms: "remind reminds reminded reminding", kind: cueTell},
	{forms: "advise advises advised advising", kind: cueTell}, {forms: "recommend recommends recommended recommending"},
	{forms: "propose proposes proposed proposing"}, {forms: "agree agrees agreed agreeing"},
	{forms: "disagree disagrees disagreed disagreeing"}, {forms: "object objects objected objecting"},
	{forms: "protest protests protested protesting"}, {forms: "wonder wonders wondered wondering"},
	{forms: "muse muses mused musing"},
	{forms: "recount recounts recounted recounting"}, {forms: "reiterate reiterates reiterated reiterating"},
	{forms: "repeat repeats repeated repeating"}, {forms: "elaborate elaborates elaborated elaborating"},
	{forms: "clarify clarifies clarified clarifying"}, {forms: "opine opines opined opining"},
	{forms: "affirm affirms affirmed affirming"}, {forms: "snap snaps snapped snapping"},
	{forms: "fume fumes fumed fuming"}, {forms: "marvel marvels marvelled marvelling"}, {forms: "marvel marvels marveled marveling"},
	{forms: "bark barks barked barking"}, {forms: "gripe gripes griped griping"}, {forms: "grouse grouses groused grousing"},
	{forms: "deadpan deadpans deadpanned deadpanning"}, {forms: "seethe seethes seethed seething"},
	{forms: "gush gushes gushed gushing"}, {forms: "enthuse enthuses enthused enthusing"},
	{forms: "summarise summarises summarised summarising"}, {forms: "summarize summarizes summarized summarizing"},
	{forms: "begin begins began beginning", kind: cueBare},
	// An interviewer's follow-up and a retort: "“…?” Vale pressed."
	{forms: "press presses pressed pressing", kind: cueBare}, {forms: "retaliate retaliates retaliated retaliating", kind: cueBare},
	{forms: "persist persists persisted persisting", kind: cueBare},
	{forms: "react reacts reacted reacting", kind: cueBare}, // "“…?” reacted Ames."
	{forms: "crack cracks cracked cracking", kind: cueBare}, // "Corin cracked, “…”"
	{forms: "hit hits hit hitting", kind: cueParticle, particle: "back"}, {forms: "put puts putting", kind: cueParticle, particle: "it"},
	{forms: "fire fires fired firing", kind: cueParticle, particle: "back"},
	{forms: "shoot shoots shot shooting", kind: cueParticle, particle: "back"},
	{forms: "went", kind: cueParticle, particle: "on"}, // "he went on:"; "the diversions will go on" says nothing
	{forms: "sum sums summed summing", kind: cueParticle, particle: "up"},
	{forms: "read reads read reading", kind: cueRead},
	{forms: "call calls called calling", kind: cueWeak}, {forms: "label labels labelled labelling", kind: cueWeak},
	{forms: "brand brands branded branding", kind: cueWeak}, {forms: "term terms termed terming", kind: cueWeak},
	{forms: "blame blames blamed blaming", kind: cueWeak}, {forms: "condemn condemns condemned condemning", kind: cueWeak},
	{forms: "decry decries decried decrying", kind: cueWeak}, {forms: "question questions questioned questioning"},
	{forms: "estimate estimates estimated estimating"}, {forms: "forecast forecasts forecasted forecasting"},
	{forms: "correct corrects corrected correcting", kind: cueTell}, {forms: "signal signals signalled signaling"}, {forms: "indicate indicates indicated indicating"},
	{forms: "share shares shared sharing"}, {forms: "caption captions captioned captioning"},
	{forms: "boast boasts boasted boasting"}, {forms: "vent vents vented venting"},
	{forms: "chime chimes chimed chiming", kind: cueParticle, particle: "in"},
	{forms: "weigh weighs weighed weighing", kind: cueParticle, particle: "in"},
	{forms: "speculate speculates speculated speculating"}, {forms: "surmise surmises surmised surmising"},
	{forms: "confide confides confided confiding"}, {forms: "concur concurs concurred concurring"},
	{forms: "pronounce pronounces pronounced pronouncing"}, {forms: "proclaim proclaims proclaimed proclaiming"},
	{forms: "insinuate insinuates insinuated insinuating"}, {forms: "interject interjects interjected interjecting"},
	{forms: "interrupt interrupts interrupted interrupting"}, {forms: "acknowledge acknowledges acknowledged acknowledging"},
	{forms: "maintain maintains maintained maintaining"},
	{forms: "remember remembers remembered remembering"}, {forms: "reckon reckons reckoned reckoning"},
	{forms: "confess confesses confessed confessing"}, {forms: "reminisce reminisces reminisced reminiscing"},
	{forms: "smile smiles smiled smiling"}, {forms: "grin grins grinned grinning"},
	{forms: "shrug shrugs shrugged shrugging"}, {forms: "beam beams beamed beaming"},
	{forms: "groan groans groaned groaning"}, {forms: "sob sobs sobbed sobbing"},
	{forms: "gasp gasps gasped gasping"}, {forms: "chuckle chuckles chuckled chuckling"},
	{forms: "sneer sneers sneered sneering"}, {forms: "scoff scoffs scoffed scoffing"},
	{forms: "bristle bristles bristled bristling"}, {forms: "rage rages raged raging"},
	{forms: "thunder thunders thundered thundering"}, {forms: "roar roars roared roaring"},
	{forms: "bellow bellows bellowed bellowing"}, {forms: "threaten threatens threatened threatening"},
	{forms: "tell tells told telling", kind: cueTell},
	{forms: "cite cites cited citing", kind: cueWeak},
	{forms: "put puts put putting", kind: cueParticle, particle: "it"},
}

func addCue(c cue) {
	f := strings.Fields(c.forms)
	kinds := []uint8{cueBase, cueFinite, cueFinite, cueIng, cueFinite} // a fifth: the past participle, when it differs
	for i, w := range f {
		e := lexEntry(w)
		e.flags |= wCue
		if e.cueForm == cueNone || kinds[i] == cueFinite {
			e.cueForm = kinds[i]
		}
		e.cueKind = c.kind
		e.particle = c.particle
	}
	// Verbs used in British and American spellings also take "-ed" forms
	// listed elsewhere; nothing more to derive.
}

func loadData() {
	readLines("data/given-names.txt", func(f []string) {
		if len(f) < 2 {
			return
		}
		e := lexEntry(f[0])
		e.flags |= wGiven
		if e.gender == genderUnknown {
			switch f[1] {
			case "m":
				e.gender = genderMale
			case "f":
				e.gender = genderFemale
			}
		}
	})
	addPlace := func(name, canonical string) {
		words := strings.Fields(strings.ToLower(strings.ReplaceAll(name, "’", "'")))
		if len(words) == 0 {
			return
		}
		if len(words) == 1 {
			e := lexEntry(words[0])
			e.flags |= wPlace
			if e.place == "" {
				e.place = canonical
			}
			return
		}
		multiPlaces[words[0]] = append(multiPlaces[words[0]], multiPlace{words: words, canonical: canonical})
	}
	eachPlaceName(addPlace)
	readLines("data/demonyms.txt", func(f []string) {
		if len(f) < 2 {
			return
		}
		w := strings.ToLower(f[0])
		if strings.Contains(w, " ") {
			return
		}
		e := lexEntry(w)
		e.flags |= wDemonym
		if e.place == "" {
			e.place = f[1]
		}
	})
}

// eachPlaceName calls fn with every place of data/places.txt and each of
// its other names, each with the place's canonical name.
func eachPlaceName(fn func(name, canonical string)) {
	readLines("data/places.txt", func(f []string) {
		if len(f) < 1 {
			return
		}
		fn(f[0], f[0])
		if len(f) >= 3 && f[2] != "-" {
			for _, a := range strings.Split(f[2], "|") {
				fn(a, f[0])
			}
		}
	})
}

func readLines(name string, fn func([]string)) {
	b, err := dataFiles.ReadFile(name)
	if err != nil {
		panic("summarize: missing embedded " + name) // a build without the data is broken
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		fn(strings.Split(line, "\t"))
	}
}
