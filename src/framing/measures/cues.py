"""Hedging, boosting, distancing, attribution and scare quotes.

A *cue* is a word or phrase by which a writer signals how strongly they stand
behind a statement (Hyland 1998, 2005 metadiscourse) or whose words they are
reporting (Wikipedia MOS:WTW and WP:SAY).  Five categories are found:

``hedge``
    withholds full commitment: epistemic *may/might/could*, *maybe*,
    *perhaps*, *possible*, *likely*, *appear to*, *reportedly*, *I think*,
    *officials believe*, *not sure*, approximators before a quantity ...
``booster``
    expresses certainty: *clearly*, *indeed*, *in fact*, *of course*,
    *actually*, *sure*, *certain*, epistemic *must*, stance *never* ...
``distancing``
    puts the outlet at a distance from a label: *alleged*, *so-called* ...
``attribution``
    reporting verbs in every inflection, sub-classified by what the verb
    implies about the reported claim (WP:SAY; the groups are
    :data:`framing.core.vocabulary.ATTRIBUTION_GROUPS`, documented there):
    ``neutral`` (*said*, *according to*, *argued*, *echoed*), ``endorsing``
    (*noted*, *pointed out*, *the report found that*), ``doubting``
    (*claimed*, *insisted*, *asserted*, *speculated*, *hinted*), ``charged``
    (*warned*, *urged*, *accused*, *praised*, *hailed*), ``concession``
    (*admitted*, *conceded*) and ``denial`` (*denied*, *rejected*,
    *dismissed ... as*, *brushed aside*).  Verbs outside the METHODS lists
    are not counted: *asked*, *described ... as* and *commented* are not
    among the reporting verbs of the definitions (and the first two report
    nothing about the words they introduce), so they are only speech-act
    words that attribute a quotation (``data/lexicons/cues_speech_en.csv``),
    like *called*.
``scare_quote``
    a short quotation (1-4 words) whose speaker is named neither in its
    sentence nor in the one before (:func:`framing.measures.quotes.quote_speakers`),
    whose words are not taken from an attributed quotation of the same
    article (a quotation that runs over several sentences lends all its
    words) and which is not a phrase of another language (a bracketed
    translation right after it, '"Longkang Bersih" (Clean Drains)', marks
    one) nor a term being named ('known as "keza tamu"', 'what locals call
    "the long table"') or its gloss ('"Brek Sollan", roughly "the river
    quarrel"'): the outlet's own
    quotation marks.  A verb after the quotation does not attribute it when
    the quotation is its subject ('The self-proclaimed "king of kebabs"
    denies ...': a noun phrase opened by a determiner or a label, then the
    verb) or when a new clause opens between them ("Minister in 'cash for
    access' row as aide claims he is 'innocent'": *as* starts the clause of
    *claims*), unless a reporting verb stands before it in the sentence.

The word lists are data (``data/lexicons/cues_en.csv``), each entry with a
category, a subcategory (attribution only) and a source note.  A lexicon entry
is a regular expression of surface forms plus optional *context rules*,
because bare word lists over-count badly in news text.  The rules (column
``condition``; several are joined by ``;`` and must all hold):

Modals and other hedges

``epistemic_modal``
    *may/might/could* must be followed by a verb-like word.  Ability is not a
    hedge: *could not/never/hardly/barely/no longer* ("could no longer
    afford to spend", a negation of ability as *could not*), a negative subject ("nobody /
    no one / nothing could ...", inability as with *not*), *could* + a verb
    of perception or means (*see*, *hear*, *afford* ...), "he could still
    ..." and "Holm could still pursue a civil case" (a person as subject and
    *still*: an option left open; a capitalised word that opens the
    sentence is not taken for a name, so "Prices could still rise"
    hedges), a capability shown ("the campaign proved that mobile clinics
    could reach ...": a *could* governed by *prove/show/demonstrate* in its
    clause) and purpose "so (that) they could ...".  Permission is not a
    hedge either: *may* with a class of people as subject (*you*, a plural
    noun of persons in -ers, -ors, -ants, -ents, -ees, -ists, -ians or a few
    others such as *members, people, fans*, also through "of": "members of
    the public may", "residents of Harbour Street may", through a place
    phrase or a relative clause: "residents inside the cordon may", "passengers
    who booked through agents may"; or a singular one
    after *either/each/any/every/a*: "either candidate may") and a sign of
    a permit: a verb whose act rules grant or forbid, an entitlement
    (*claim, apply, request, opt, enter, register, cancel, submit, redeem,
    renew*: "customers may claim compensation") or a regulated conduct
    (*bring, carry, park, wear, collect*: "evacuees may bring pets"; not
    "bring the city to a standstill"; not a verb of choice in general,
    "voters may choose"), *pay* with a way of paying ("in ten
    monthly instalments", "by card"), a verb of going back or in (*return,
    enter, visit, travel* ...) with the time the window opens ("residents
    may return to the eastern suburbs from Wednesday"), a term of the permit
    in its clause, its cost, channel, window, licence, place or quota ("free
    of charge", "a free vaccination", "online", "at any city clinic",
    "without a licence", "without an appointment", "until 5 May", "2,000
    crowns a day": "passengers may transfer their points free of charge"),
    or a rule that frames the sentence ("under state law, either candidate
    may request a recount").  With a subject that is not a class of people,
    a rule that frames the sentence makes a permission of an agent's act
    ("under council rules, the restaurant may not reopen"; not of what
    happens to a thing: "under the new law, prices may rise").  "The new
    rules may apply to small firms", "the firm may appeal" and predictions
    with people as subject ("shareholders may reject the offer", "investors
    may sell their shares", "protesters may return to the streets on
    Friday") stay epistemic (see ``_permission_may``).
    Past ability counts as ability when a period of the person's past frames
    it ("as a teenager he could beat a full-back", "in her prime she could
    ...", "... back then", "could swim faster than any girl as a child"); with no such period it is not told from
    possibility: "At Vila Nova he could beat a full-back" is counted like
    "At the summit he could announce sanctions", since only the time of the
    story (which no word of the sentence need mark) separates them.
    *could* in a relative clause on *everything/all/anything/whatever* with
    a pronoun subject ("we checked everything we could check", "whatever
    she could find") names the limit of what was possible, not a guess;
    "everything could change" (the quantifier as subject) hedges.
    *may not* is ambiguous between permission ("visitors may not enter") and
    epistemic possibility ("the summit may not produce a breakthrough"); in
    news the epistemic reading dominates, so *may not* **is** counted unless
    the signs of a permit above are read on the verb after *not* ("fans may
    not carry flares").
    *would* and *cannot* are not in the lexicon at all: reported future
    ("said he would attend") and inability are not hedges.  The noun
    *might* ("its military might") is excluded.
``not_indirect_question``
    a modal inside an indirect question is the question's, not a hedge:
    after *whether* in the same clause ("wondered whether it might"), or
    after *if* governed by a verb of asking or knowing ("asked if he could
    be trusted", "to see if talks may resume").  A conditional *if* ("if
    talks fail, prices could rise") does not stop the hedge.
``not_month``
    a capitalised *May* is the month (or the surname) when a day or year
    follows, when a time preposition precedes ("in", "late", "since" ...),
    or when it stands capitalised inside a body sentence.  Only in headlines
    (title case) and at the start of a sentence is a capitalised *May* read
    as the modal.
``before_quantity``
    approximators (*about, around, roughly, approximately, almost*) count
    only when a number, a number word ("two", "dozen",
    "half", "two-thirds"), "a dozen/a third ..." or an amount in a currency
    (a symbol, or a code of two or three letters before or fused with the
    number: "about RM1.2 billion", "around Rs 500 crore", "around US$3
    million"; not a month: "around May 12") follows.  *some* and *nearly*
    before a number ("some 4,000 pupils", "nearly a third") are not on the
    lists (METHODS names four approximators; Hyland's hedge list has
    *almost* but neither of these) and are not counted.
``not_talk_about``
    *about* after a verb or noun that governs it ("talked about", "asked
    about") is a preposition, not an approximator.  After a verb that also
    takes a reported clause (*say, tell, think, know, hear, write, warn*
    ...), *about* and a quantity that is the subject of that clause
    approximate ("Police said about 8,000 people took part": the quantity
    reaches a finite verb); a year ("heard about 1989") or a quantity
    without a verb of its own ("heard about two rivals who ...") keeps the
    preposition.
``not_proposal``
    *suggest* proposes rather than hedges when a gerund follows ("suggested
    holding talks"), when the complement is subjunctive or has *should*
    ("suggested he return", "suggested that they meet", "suggested the talks
    be held", "suggested that the government freeze the talks": a singular
    subject with a bare verb before its object, or a plural one after the
    past *suggested*), or when a person suggests a thing ("Putin suggested a
    meeting").  It hedges when evidence suggests ("polls suggest a tight
    race") or the complement is an indicative clause ("suggests that the
    figures are wrong").  A name and a bare verb that ends its phrase is a
    subjunctive too ("suggested Mr Hale resign before the vote", "suggested
    Harbour Water pay the fine": a singular subject without the -s of the
    present); "the poll suggested Labour support had fallen" hedges.
``epistemic_possible``
    *possible* is not a hedge in "as soon as possible", "every/best/only
    possible", "where/when/if possible" or "made (it) possible", nor when it
    means feasible: "possible to" + verb ("it is possible to build": one
    can), after an adverb of domain or time ("technically possible", "early
    detection is now possible"), nor when it means permitted: "possible
    under" a law, an act or rules ("a loan is possible under the act",
    "possible under EU rules"; "delays are possible under heavy snow"
    hedges).  "It is possible that" hedges.
``epistemic_belief``
    *think/believe* hedge when they state an opinion with a subject ("I
    think", "we believe", "investigators believe the hackers ..."), not
    the noun ("the thought", "wishful thinking", "think tank"), not
    deliberation ("think about/of"), not trust or faith ("believe him",
    "believe in"), not incredulity ("hard to believe", "could not believe how little ...",
    "can't believe"), not a past belief denied by *never* ("We never
    thought the river would rise so fast": the belief proved wrong and the
    words voice surprise, not a tentative claim; the present opinion "I
    don't think it will work" still hedges), not credence refused: a
    negated *believe* whose object is *anything/everything* or a noun of
    words said (*promises, claims, figures*) with no clause after it
    ("they will not believe anything until they see water", "voters no
    longer believe the official figures"; "do not believe the pumps will be
    installed" hedges).  The passive frame "is believed to" is its own entry.
``epistemic_assume``
    *assume* counts after a personal pronoun ("I assume") or before "that",
    not in "assumed office".

Boosters

``stance_always_never``
    *always/never* boost only as stance: after *will/would/shall/can/must*
    ("will never accept", "would always defend"), before *fail* + *to*
    ("never fails to", "has never failed to deliver") or a present *fail*
    not in the perfect ("the formula never fails"), as a sentence-initial
    "Never" ("Never has the alliance ..."), in "always going to" + verb
    (inevitability: "was always going to be decided"), or in a categorical
    generic claim: a bare plural subject (no determiner, possessive or
    number; a capital is allowed where the subject opens the sentence or a
    quotation) and a bare present verb, *get* included ("Sanctions never
    work", "markets always overreact", '"Cheats always get caught," he
    said'), also a bare gerund with a present -s verb ("Cheating never pays")
    and a kind named with *such* ("Such schemes never survive a
    change of government"); and a sweeping verdict after a linking verb, *always/never* +
    *too* ("help was always too little and too late") or + *a/an* and a word of
    verdict ("is never a good idea", "was never an option"; not "was never a
    member of the party").  Two more present claims of the same kind: an
    indefinite singular subject, which speaks of any member of the kind,
    with a present *is* before the adverb ("A derby is always won by the
    side that wants it more"; not "A guard was always on duty"), and
    *never* before a present verb of quitting, a disposition stated as
    certain like "never fails" ("This squad never gives up", "we never give
    in", "she never quits"; not the record "they never gave up").  Plain
    negation and frequency are not boosters ("have never
    met", "always attends", "has always been open", "the two leaders never
    meet", "prices never fell", "has never failed a test", "The coach
    always says").
``not_manner``
    *clearly* modifying a verb of presenting or perceiving ("clearly laid
    out", "set out her priorities clearly", "clearly visible") or following
    a verb of speaking ("said clearly") says how, not how sure; it boosts as
    a sentence adverb ("Clearly, the talks failed"), on a predicate ("it is
    clearly wrong", "clearly shows that", "is clearly in breach") and before
    a verb of speaking ("he clearly said he would not come": evidently).
    After a verb and its object, before a preposition or the end of the
    clause, it is manner too ("explained the delay clearly in a letter",
    "had not seen the tackle clearly from the bench"): a stance adverb
    stands before the predicate it judges, not after it.
``epistemic_must``
    *must* boosts only when epistemic: "must have" + participle ("they must
    have known") or "must be" + a judgement ("he must be joking", "it must
    be true", "must be the case"), or an inference about what someone
    knows or what a thing means with an indefinite or personal pronoun as
    subject ("Somebody must know where the money went", "this must mean the deal is
    off"; not "voters must know who funds the campaigns"), or "must be" + a
    progressive verb, an inference about what is under way ("a fare rise
    must be coming", "they must be feeling the pressure"), unless a class
    of people is the subject ("passengers must be wearing seatbelts": a
    rule) or the -ing word is a required state ("must be willing to").
    Deontic *must* ("Russia must withdraw") is an obligation, a directive
    rather than certainty, and is not counted.
``stance_sure``
    *sure* is not a booster in "make sure"; "not sure" is a hedge (entry
    ``not sure``, which wins as the longer, earlier match).
``predicative_certain``
    *certain* boosts only as a predicate: after a linking verb ("is almost
    certain", "feel certain") or before "that/to/whether/about" ("certain to
    win").  The determiner ("a certain official", "certain officials") is
    not counted.
``stance_really``
    *really* boosts a verb or clause ("Moscow really wants a deal", "I
    really want to know"); "not really" softens, and before an adjective or
    adverb ("really important") it is a degree intensifier, neither of
    which is counted.
``not_turn_out``
    *prove* + an adjective or "to be" means "turn out" ("the delay proved
    costly", "proved more difficult than expected", "the rumours proved to
    be false"), as does *prove* + an indefinite noun phrase that ends its
    clause ("proved a masterstroke, with 20 goals", "proved a headache for
    residents"); neither is a booster.  "proved that", "the data prove
    otherwise", "proved his innocence", "proved a link between" are.
``discourse_marker``
    "a change of course" is not the booster *of course*.
``verb_use`` / ``adjective_use``
    (also for attribution) a participle such as *proved*, *noted*, *stated*,
    *confirmed* counts only when it is not an adjective ("300 confirmed
    cases"); ``adjective_use`` is the converse, for custom lexicons.  A
    participle is taken as an adjective when a determiner, possessive,
    number or preposition precedes it, or when "and" precedes it, a
    lower-case content word follows and either the word before "and" is
    shaped like an adjective ("tired and stressed nurses") or the noun
    phrase it opens is the subject of the next verb ("12 deaths and
    confirmed cases rose"); "and claimed the court had ...", "and stated in
    a filing that ..." (an adjective never stands before a determiner or a
    preposition) and "had fallen since 2020 and accused managers of
    ignoring warnings" (two predicates) are verbs.  It is a verb when
    "that", "to", "by" or punctuation follows.

Distancing

``label_adjective`` / ``label_verb``
    *alleged*, *purported*, *supposed* are distancing before a noun ("the
    alleged breach", "alleged interference", "alleged Russian meddling")
    and doubting reporting verbs otherwise ("prosecutors alleged that",
    "it was alleged in court", "alleged the firm had ...").

Attribution

``verb_not_noun``
    *claim(s)*, *note(s)*, *stress*, *say*, *praise*, *urge*, *warning*,
    *hail*, *echo(es)* ... count only as verbs: not after a determiner,
    possessive, preposition, evaluative adjective ("the claims", "unfounded
    claims", "a stark warning", "have a say") or a verb that takes the noun
    ("won praise", "drew praise"), not after a determiner and an adjective
    when in the base form ("the total claim could exceed": an adjective is
    never the subject of a verb), not sentence-initial with a capital
    ("Claims that ..."), not before "of/by/for/from/about/were ..." (unless
    a subject pronoun or a plural noun after *that/which* stands before it:
    "a plan that officials say is unworkable", or a plural of persons right
    after a noun, the subject of a relative clause without *that*: "the
    level experts say is needed"; or a bare quantifier that opens its
    clause as the subject of a base form before a reported clause: "but
    many say they will not ...", "Some note that ..."; not "was some note
    that a clerk had scribbled") and not an -ing noun before
    its head ("warning shots"), nor an -ing noun at the end of a compound
    ("a profit warning in January": a determiner and a noun before it, no
    clause or object after it; "a statement warning that ..." is a verb;
    in a headline the determiner may be missing: a singular noun that opens
    the sentence or follows a colon, "Live: heat warning as runners set off").
    A determiner before a comma modifies
    nothing after it ("rejected that, saying ...").  An -s form heads the
    object of a verb before it when reading back over its noun phrase (at
    most four words) reaches that verb: "has dismissed opposition claims
    that", "denied claims that", "brushed aside media reports that" are
    nouns; "Kyiv claims that", "the opposition claims that" (the start of
    the clause: a subject) are verbs.  A quoted modifier is read over:
    "stall boss denies 'dirty kitchen' claims" is a noun.
``speech_context``
    *added*, *concluded*, *replied* ... count only before
    "that", before punctuation or the end of the sentence, or before "in a
    statement" / "on Telegram"-type adjuncts (", he added." but not "added
    20 firms"; "the talks concluded on Friday" is not counted either).
``reported_clause``
    *asserted*, *contended*, *announced* count before a reported
    clause or question ("that", a subject pronoun, *whether/if/how* ...,
    possibly after an addressee: "asked him whether"), a quotation, a speech
    adjunct or punctuation; not "asserted control", "announced sanctions",
    "asked for help", "contend with".
``not_passive``
    *admitted*, *denied*, *acknowledged*, *rejected*, *reported*, *found*,
    *observed*, *stressed* after a form of *be*, or right before their
    *by* agent, are passives or adjectives ("was admitted to hospital",
    "was denied entry", "staff are stressed", "Staff, already stressed by a
    winter backlog, ..."); so are they after a count with nothing reported
    after them, the reduced passive of headlines and summaries ("no deaths
    reported", "three new cases reported overnight": the count is what was
    reported, and no speaker is named; "two officials reported that ..."
    counts).
``statement_passive``
    a passive *echoed* ("were echoed by", "a view echoed by ministers")
    reports words only when its subject is a statement ("her concerns were
    echoed by two members"); "the curve of the roof is echoed by the
    bridge" is not counted.
``passive_clause``
    a passive *confirmed* or *explained* counts only before a clause ("it
    was confirmed that the talks had failed", "it was explained that the
    pumps had failed"): in "delivery schedules have yet to be confirmed",
    "the deaths were confirmed by the ministry" or "the price rise had been
    badly explained to the public" the subject is what is confirmed or
    explained, and no statement is reported.
``speaker_subject``
    *confirm* does not report when its subject is data, a sample, a test
    or a fact ("If the second test confirms the diagnosis"; see
    ``show_reporter``): evidence confirms, nobody states anything.
``not_bare_adjunct``
    *confirm* followed only by a place or time adjunct to the end of its
    clause reports nothing ("Measles confirmed at two schools", a headline's
    reduced passive), unless the reported words stand before its subject
    (", the ministry confirmed on Monday.").
``not_withheld``
    *say* after "could not", "would not", "cannot", "declined/refused/unable
    to" and before a question word or the end of the clause reports no
    statement ("could not yet say when the road would reopen"; an adverb
    between is skipped: "could not say exactly where it began"); nor does
    *say* in a question turned infinitive ("knew exactly what to say",
    "unsure how to say it"; "had to say that" counts).  *tell* alike, an
    addressee skipped ("could not tell reporters when").  After inability
    (*cannot, can't, couldn't, could not, unable to*) a *that* clause is not
    reported either: it names what cannot be known or said ("statistics
    alone cannot tell you that a player cheated"); "would not say that" and
    "can tell you that" are left counted.  A passive *told* before an
    indirect question reports no statement: its subject is the addressee
    and the question names only the topic ("had not been told what data
    the commission would look at", "were told when the water would be cut
    off"); "were told that the water would be cut off" and "I was told it
    might take a month" report a statement (speaker unnamed) and count.  A direct question of which *say*
    or *tell* is the verb (an inverted auxiliary before a subject of one to
    three words, the sentence ending in "?": "What did the mayor say to residents?",
    "Did the minister tell parliament?") asks for a statement and reports
    none; '"Who will pay?" the mayor said.' counts.
``not_hearsay_passive``
    *said* in the impersonal hearsay passive, a form of *be* before it and
    *to* after it ("is said to be cooperating with police", "was said to
    have fled"), names no speaker and reports no statement: it is the
    outlet passing on talk, as *reportedly* does, and is not a reporting
    verb (a project decision on a borderline use; it is not counted as a
    hedge either, since METHODS lists only *reportedly*).  "It was said
    that ..." and "was said by aides to be ..." are not affected.
``not_said_nothing``
    *say* with *nothing* or *little* as its object reports the absence of a
    statement ("said nothing about how it would respond", "said little
    else"); "said nothing had been decided" (a clause whose subject is
    *nothing*) counts.  *did/does not say* before a question word or the
    end of the clause reports nothing either (``not_withheld``: "did not
    say what had caused it").
``not_concessive``
    *say* inside a concessive free relative names any statement and
    reports none: "whatever the scoreboard says", "no matter what critics
    say" (*whatever* opens the clause of the verb, at most five words back,
    no punctuation between); "Whatever the result, the coach says ..."
    counts.
``not_unable``
    *confirm*, *show*, *show that* and *prove* after an inability (*cannot,
    could not, unable to*; an adverb between is skipped) report nothing and
    assert no certainty: "the agency could not confirm that any exist",
    "the study could not show that phones caused it".  "could confirm that"
    counts; a refusal ("would not confirm") is left to the other rules.
``not_greeting``
    *acknowledge* with people or their applause as object is a gesture of
    greeting or thanks ("acknowledged the crowd as she left the floor",
    "acknowledged the applause"); "acknowledged the risk", "acknowledged
    that" concede.
``not_negated_act``
    a speech-act verb negated by *never* or *not* with a noun object
    reports no speech act ("has never publicly criticised the governor",
    "did not praise the coach", "has never explained why the funds were frozen": the
    absence of censure, praise or explanation, as
    *never* of plain negation is not a booster); a quotation after it still
    counts ('never called it "a failure"'), and so does "not only
    criticised ... but".
``that_follows``
    *state(s)*, *report(s)*, *comment(s)* count only before "that" (a
    phrase set off by commas may come between, as in ``statement_object``:
    "the charter states, in its second article, that"), and not as the
    head of an object ("denied media reports that", as above).
``clause_follows``
    (kept for custom lexicons) counts only before a clause ("that", "he",
    "there" ...).
``evidence_clause``
    *show* and *found* report only with a clause ("the report found that",
    "the survey showed that the ...", "investigators found he had ..."), or
    at the end of the sentence after the clause they report ("..., the
    bank's report showed."; see ``statement_object``), not with a noun
    object ("figures showed a rise", "police found the car", "found it
    difficult"); *found* not with data or tests as subject ("figures
    found", "lab tests found that ..."): METHODS
    gives *found* a person or document subject, and the subjects that make
    *show that* the booster rather than the reporting verb (data, tests,
    samples) are not reporters of *found* either; as *found that* is on no
    booster list, such a sentence has no cue for *found*.  An adverb set off
    by commas is read over ("the trial showed, crucially, that"), as is a
    phrase of at most six words before *that* ("the audit found, after
    two years of work, that"; see ``statement_object``), and a
    parenthetical inside the clause it reports counts when the clause goes
    on with its verb ("The effect, the authors found, was strongest among
    girls"; not "In the cellar, police found, to their surprise, a car").
    A clinical trial or an experiment is a study (a document subject).
``show_reporter`` / ``show_evidence``
    one rule for *show* + a clause in every tense (*show, shows, showed,
    shown, showing*): with a person or an issued document as subject it is
    the endorsing reporting verb ("A leaked memo, however,
    shows that", "the audit showed that", "investigators showed that",
    "the remarks showed he ..."); with data, tests, samples, facts or a
    subject that is neither ("data show that", "figures showed that", "lab
    tests show that", "it shows that") it is the booster *show(n) that*.
    The subject's head is read back over auxiliaries, adverbs and a short
    parenthetical (", however,", ", published in May,"), before its first
    preposition or trailing participle ("Blood samples from the
    laboratory" -> samples; "a report seen by the paper" -> report), through a
    relative pronoun to its antecedent ("a review which showed that"), and
    through a counting head ("two years of data" -> data); see
    ``_subject_kind``.  "The show that made her famous" (the noun) is
    neither.
``not_thing_object``
    *confirm* with a pronoun or noun-phrase object and no clause reports
    only when a speaker vouches for the thing ("the company confirmed the
    breach"); a document, an event or a process that bears a thing out
    reports nothing ("a leaked memo that seems to confirm it", "a second
    count will only confirm the board's decision").  A clause ("confirmed the plant
    would close"), a noun of statement ("confirmed the allegations") or a
    time adjunct before the clause ("confirmed this week that") counts.
``not_schedule``
    *confirm* does not endorse when what is confirmed is the date, time or
    place of a meeting ("confirmed the meeting would take place on June
    16", "confirmed the date of the summit"); it does in "confirmed that
    the talks had failed".
``describe_as``
    (kept for custom lexicons) counts only when "as" follows within 12
    tokens.
``not_lives``
    "claimed 20 lives" is not a reporting verb.
``not_quarrel``
    "argued with/over" is a quarrel, not a reported argument.
``not_motion``
    "echoed through/across/in ..." is a sound, not a speaker agreeing.
``not_after_determiner``
    "the accused" is a person, not a reporting verb.
``not_condemned_to``
    "condemned to death" is a sentence, not censure.
``denial_object``
    *dismiss* denies only a claim: "as" follows ("dismissed the report as
    fiction") or a noun of claim is its object ("dismissed the allegations",
    "dismissed concerns"); in the passive, a claim, view or assurance is
    its subject ("the minister's assurances were dismissed by the
    federation"); a pronoun that takes up words said before, answered at
    once by a participle of speech ("dismissed this, saying stocks are
    stable").  "dismissed the governor", "the governor was dismissed by the
    president" and "the board dismissed them, citing poor results" are not
    counted.
``statement_object``
    *deny, reject, claim, concede, admit, maintain, observe, explain, brush
    aside* count only when they report a statement (METHODS: a reporting
    verb reports words; "explained the fuel problem" names a topic, not
    words reported):

    - a clause: "that", *whether/if/how* ..., or a finite clause without
      "that" ("claimed the court had ignored key testimony", "admits hackers
      got in": a subject pronoun, or a noun phrase of at most six words that
      reaches an auxiliary or a past form before any preposition; a
      participle with its *by* agent inside the noun phrase is read over:
      "claimed the offer tabled by the employers fell short of
      inflation");
    - any of these after an adverb set off by commas ("admitted, however,
      that", "conceded, privately, that": a connective or an -ly adverb,
      one or two words; not a name or a clause between the commas), and a
      *that* clause after any phrase of at most six words set off by commas
      ("even claimed, without offering any proof, that": the *that* can
      only open the reported clause; "claimed, after a long spell of
      pressure, the second goal" is not counted);
    - a quotation or a colon after the verb, or a quotation inside the
      object ('claiming a "historic" win');
    - an object that is itself a statement: a noun of claim or statement
      (*accusations, allegations, claims, charges, counts, reports,
      criticism, suggestions, concerns, questions, the figure(s), argument*
      ...), *innocence*, *wrongdoing, involvement, responsibility, guilt*,
      *defeat, mistakes*; a noun labelled with doubt ("denies alleged
      interference"); *any* after *deny* ("denied any cover-up");
    - a speech adjunct before one of these ("stated in a filing that",
      "denied to reporters that"), *to* + *be/have*/-ing ("claimed to have",
      "admitted to lying");
    - after *deny, admit, concede*, a gerund: the act denied or admitted
      ("has always denied using drugs", "admitted overcharging customers";
      not "denied funding to the clinic" or "denied planning permission",
      a thing refused);
    - nothing after it (punctuation or a time adjunct to the end of the
      sentence) when the words it reports stand before its subject:
      '"We lost," he conceded.', "..., the supermarket admitted last night.",
      "As one official observed, ..."; or an inversion right after a
      quotation that ends a clause ('"We lost," conceded Nolan'; not a
      quoted word before a reduced passive: 'some of the "rowers" admitted
      under the scheme').

    After *admit* and *confess*, as after *deny*, an offence that ends the
    object is the charge admitted ("who admitted bribery at an earlier
    hearing": a guilty plea); "admitted fraud investigators" (the offence
    modifies a noun) is not.  *reasoning* and *rationale* are nouns of
    statement ("explained its reasoning").

    *admit* + *to/into* a place or body one is admitted to is an admission,
    not a concession ("with nine admitted to hospital", "admitted to
    intensive care"; "admitted to the charges" reports).

    So "denied bail", "denied him a visa", "claimed two Olympic titles",
    "claim compensation", "conceded 61 goals", "rejected an offer",
    "observed a minute's silence", "brushed aside two defenders" and
    "Rovers conceded." are not counted.

Voice: a cue that lies wholly inside a quotation span is ``"quoted"`` (the
speaker's hedge), otherwise ``"authorial"`` (the outlet's own).

References
----------
Hyland, K. (1998). *Hedging in scientific research articles*. Benjamins.
Hyland, K. (2005). *Metadiscourse: Exploring interaction in writing*.
Continuum.  Wikipedia Manual of Style, "Words to watch" (MOS:WTW, WP:SAY).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal

from framing.core.paths import LEXICON_DIR
from framing.core.vocabulary import ATTRIBUTION_GROUPS as SUBCATEGORIES
from framing.core.vocabulary import CATEGORIES, CUE_COLUMNS
from framing.core.vocabulary import RATE_VOICES as VOICES
from framing.load.text import Span, SpanIndex, Token, drop_invisible, normalise, tokenize, visible
from framing.measures.quotes import (
    DEFAULT_SPEECH_CUES,
    NOT_FOUND,
    QUOTE_WORD_RE,
    colon_speaker,
    compile_pattern,
    first_containing,
    first_letter,
    is_headline,
    load_speech_cues,
    quote_speakers,
)

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

LEXICON_COLUMNS = ("term", "pattern", "category", "subcategory", "condition", "source")
DEFAULT_LEXICON = "cues_en.csv"

__all__ = ["CATEGORIES", "CUE_COLUMNS", "cue_rates", "find_cues", "load_lexicon", "load_speech_cues"]

HeadlineQuotes = Literal["partial", "strict", "ignore"]
ByColumn = Literal["outlet", "article_id", "category", "subcategory", "term", "voice"]

# ---------------------------------------------------------------------------
# Closed word classes used by the context rules (constants, never mutated).

_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "half twice a-third a-quarter".split()
)
_FRACTION_WORDS = frozenset(
    "dozen hundred thousand million billion trillion third quarter half fifth tenth couple score".split()
)
_CURRENCY = frozenset("$ € £ ¥ ₽".split())
# Words that govern "about" as a preposition ("talked about", "asked about").
_ABOUT_GOVERNORS = frozenset(
    "talk talks talked talking speak speaks spoke speaking spoken think thinks thought thinking "
    "know knows knew known worry worries worried care cares cared ask asks asked asking hear "
    "hears heard learn learned learnt read write writes wrote written complain complained joke "
    "joked argue argued forget forgot remind reminded concern concerns concerned question "
    "questions doubts doubt news information story something nothing anything everything all "
    "say says said saying tell told bring brought come came go went how what agree agreed "
    "warn warned feel felt debate debated".split()
)
_MONTH_PREV = frozenset(
    "in late early mid since until till by last next this of from through during between "
    "before after throughout".split()
)
# Determiners, possessives, quantifiers and prepositions: after these a
# participle is an adjective and claim/note/stress are nouns.
_ATTRIBUTIVE_PREV = frozenset(
    "the a an this that these those his her its their our my your such any no every each some "
    "many several both another other of for over about against with without from in on at into "
    "amid after before despite following including under among between than like via per "
    "whose".split()
)
_NOUN_MODIFIERS = frozenset(
    "new false unfounded baseless unsubstantiated latest earlier previous similar repeated "
    "widespread rival competing conflicting dubious such bold high lavish rare fulsome effusive early stark "
    "dire fresh final severe explicit veiled strong".split()
)
# A verb is never followed by these: "the claims of", "the claim was".  (Not a modal: "a deal that analysts
# say may add to costs" has the verb before the modal of its clause.)
_NOUN_NEXT = frozenset("of by for from about were was are is have has had".split())
# Verbs that take the noun, not the verb: "won praise", "drew praise", "issued warnings".
_NOUN_TAKERS = frozenset(
    "won win wins winning drew draw draws drawing earned earn earns received receive receives attracted "
    "attract heaped heap lavished issued issue issues sounded sound gave give gives ignored ignore "
    "heeded heed".split()
)
# The head noun after an -ing noun ("warning shots", "warning signs").
_ING_NOUN_HEADS = frozenset(
    "shot shots sign signs light lights label labels system systems letter letters notice notices siren "
    "sirens bell bells goes".split()
)
_CONJUNCTIONS = frozenset("and or but nor".split())
_CLAUSE_STARTERS = frozenset("that he she it they we i you there how what why whether who this these those no".split())
_SUBJECT_PRONOUNS = frozenset("i we you they one".split())
_BE_FORMS = frozenset("was were been being be is are am get gets got getting".split())
_NOT_VERB_AFTER_MODAL = frozenset("of and or but as than to".split())
_NOUN_MIGHT_PREV = frozenset("its his her their our my your 's the full military economic naval".split())
_COURSE_NOUNS = frozenset("change changes changed reversal shift off".split())
_LIVES = frozenset("lives victims".split())
_SPEECH_ADJUNCT_HEADS = frozenset("in on during at".split())
_SPEECH_ADJUNCT_NEXT = frozenset("a an the his her their its twitter telegram".split())
# Subjects that are data or images, not speakers ("figures showed that").
_DATA_NOUNS = frozenset(
    "figures figure data numbers statistics stats prices price index indices indicators rates markets shares "
    "stocks trends readings charts graphs images pictures photos footage scans tests".split()
)
# Subjects that are evidence rather than a person making a proposal ("polls suggest a tight race").
_EVIDENCE_SUBJECTS = _DATA_NOUNS | frozenset(
    "poll polls survey surveys study studies research report reports evidence results findings analysis signs "
    "it this that which what these those record records document documents video".split()
)
# Words skipped between a subject and its verb when looking for the subject.
_BETWEEN_SUBJECT_AND_VERB = frozenset(
    "has have had 's was were is are will would did does do not n't also later again then previously "
    "repeatedly once earlier further still already just even first".split()
)
_FINITE_MARKERS = frozenset(
    "was were is are am had has have would could might may will can did does do must 's 're 've".split()
)
_SUBJECT_BOUNDARY = frozenset("that which who whom and but or while as after before because when if since".split())
_SUBJECT_PREPOSITIONS = frozenset("of on in from for by at with about over during".split())
_WH_WORDS = frozenset("whether if why how what when where who which".split())
_ADDRESSEES = frozenset("him her them me us you reporters journalists the officials parliament".split())
_ASKING_VERBS = frozenset(
    "ask asks asked asking wonder wonders wondered wondering question questions questioned questioning "
    "inquire inquires inquired enquire enquired know knows knew see sees saw check checks checked checking "
    "decide decides decided determine determined doubt doubts doubted unsure unclear clear".split()
)
_CLAUSE_BREAKS = frozenset(",;:()[]\u2014\u2013\"'")
_ABILITY_AFTER_COULD = frozenset(
    "not never hardly barely scarcely see hear feel smell taste afford remember recall read speak".split()
)
_PERSON_PRONOUNS = frozenset("he she i we you".split())
_STANCE_MODALS = frozenset("will would shall can must 'll".split())
_FAIL = frozenset("fail fails failed failing".split())
_PERFECT_AUXILIARIES = frozenset("has have had 's 've 'd do does did".split())
# Verbs of presenting or perceiving: "clearly" beside them is manner ("clearly laid out").
_PRESENTING = frozenset(
    "laid lay lays laying set sets setting outlined outline outlines outlining stating "
    "explained explain explains explaining spelled spelt spell spells articulated articulate expressed "
    "express expresses communicated communicate defined define defines marked mark marks labelled labeled "
    "written worded signposted visible audible legible seen see sees hear heard understood understand "
    "displayed presented present described describe read printed".split()
)
# Verbs of speaking: "clearly" after them is manner ("said clearly"); before them it may be stance ("he
# clearly said he would not come": evidently).
_SPEAKING = frozenset("said say says speak spoke spoken speaking told tell stated state states".split())
_PARTICLES = frozenset("out up down forward".split())
_DEGREE = frozenset("very more most quite so less as too rather fairly".split())
_LINKING = frozenset(
    "is are was were be been being am 's 'm 're seems seem seemed appears appear appeared looks look looked "
    "remains remain remained feel feels felt become becomes became sounds sound".split()
)
_CERTAIN_SKIP = frozenset("almost nearly virtually absolutely quite fairly reasonably very completely entirely "
                          "now still also increasingly all but".split())
_MAKE = frozenset("make makes made making".split())
_MUST_BE = frozenset(
    "true wrong mistaken joking kidding aware wondering thinking feeling relieved pleased delighted "
    "disappointed frustrated tempting".split()
)
_IRREGULAR_PARTICIPLES = frozenset(
    "been known seen done had felt thought made taken got gotten left meant lost sent told understood come gone "
    "become run won paid said put read set hit let heard found kept brought bought caught taught held led met "
    "sold spent struck stood sat".split()
)
_COMMON_ADJECTIVES = frozenset(
    "good bad big small hard tough high low nice great difficult easy close strong weak serious clear sure "
    "worried concerned happy sad angry proud tired excited interested surprised upset keen much well fast "
    "far long short cold hot fine tight poor rich old new young simple odd strange weird dangerous".split()
)
_ADJECTIVE_SUFFIXES = ("ly", "ful", "ous", "ive", "able", "ible", "ic", "ical", "ant", "ent", "less", "ish", "al")
_BELIEF_NOUN_PREV = frozenset(
    "a an the this that his her its their our my your of in new strategic political military current such "
    "no wishful second".split()
)
_BELIEF_NOT_NEXT = frozenset(
    "about of tank tanks twice again through up over ahead back carefully hard long outside process "
    "processes experiment experiments leader leaders police piece pieces".split()
)
_INCREDULITY = frozenset("hard difficult impossible easy".split())
_TRUST_OBJECTS = frozenset("him her them me us you in".split())
_POSSIBLE_NOT_PREV = frozenset(
    "as every all best worst greatest highest lowest fullest maximum utmost only earliest shortest widest "
    "largest smallest biggest fastest quickest soonest least whenever wherever where when if".split()
)
_LABEL_VERB_NEXT = frozenset(
    "that to by in on at during last earlier yesterday repeatedly previously without before after the a an "
    "his her their its this these those he she they it we i there no some".split()
)
_QUARREL = frozenset("with over".split())
_MOTION = frozenset("through across around off along down into in from over round throughout with".split())
_CLAIM_NOUNS = frozenset(
    "claims claim allegations allegation accusations accusation reports report suggestions suggestion idea "
    "ideas notion criticism criticisms charges charge concerns concern fears fear speculation rumours rumors "
    "rumour rumor talk questions question calls demands comparison comparisons warnings warning doubts "
    "assertion assertions statements statement remarks comments theory theories story stories findings".split()
)
# Objects that are themselves statements, so that a verb such as *deny*, *reject*, *claim*, *concede* or
# *maintain* reports one: "denied the charges", "maintained his innocence", "rejected the figure".
_STATEMENT_NOUNS = _CLAIM_NOUNS | frozenset(
    "argument arguments account accounts version narrative figure figures estimate estimates count counts "
    "innocence guilt wrongdoing involvement responsibility role knowledge link links existence defeat mistake "
    "mistakes error errors failure failures failings fault liability reasoning rationale".split()
)
# Offences a defendant is charged with: denying one denies the accusation ("the suspect denies fraud").
_OFFENCES = frozenset(
    "fraud murder manslaughter theft arson bribery corruption assault rape embezzlement extortion blackmail "
    "burglary robbery kidnapping trafficking smuggling perjury treason espionage terrorism harassment "
    "negligence misconduct plagiarism doping cheating money-laundering laundering".split()
)
# Nouns of a position taken in words: the subject of a passive "echoed" ("a view echoed by ministers").
_VIEW_NOUNS = frozenset("call view views sentiment sentiments position point points message words".split())
# Labels of doubt that make the noun they modify a claim ("denies alleged interference").
_DISTANCING_MODIFIERS = frozenset("alleged purported supposed so-called".split())
# Words that end the object or the subject noun phrase read after a verb.
_PHRASE_BREAKS = frozenset(
    "of to for in on at with from by about over into under between among against after before during without "
    "within via per like than up down out off and or but nor which who whom whose while as because when if "
    "since although though so".split()
)
_SPEECH_PREPOSITIONS = frozenset("in on at during to before via through from under".split())
_DASHES = frozenset(":\u2014\u2013")
# What ends a quotation that ends a clause, before its closing mark: '"We lost," he conceded'.
_QUOTE_END_PUNCT = frozenset(",.!?")
# Verbs whose gerund object is an act said to be done or not: "denied using drugs", "admitted taking".
_ACT_REPORTING = ("deny", "denie", "denied", "admit", "conced")
# Things granted or refused: after "denied" + an -ing word they make it a refusal ("denied planning permission").
_GRANTED = frozenset(
    "permission permissions consent access approval rights licence license status permit permits entry".split()
)
# Places and bodies one is admitted to: "admitted to hospital" is an admission, not a concession.
_ADMISSION_PLACES = frozenset(
    "hospital hospitals clinic clinics care ward wards infirmary hospice icu unit units emergency a&e school "
    "schools university universities college colleges academy bar membership shelter shelters".split()
)
_ING_PREPOSITIONS = frozenset(
    "during including regarding concerning following pending according notwithstanding excluding".split()
)
# Particles of phrasal verbs: "brushed aside media reports" (the noun after them is an object).
_VERB_PARTICLES = frozenset("aside off away down up out".split())
# Verb forms that take an object noun before "that": "rejects reports that", "is media reports that".
_OBJECT_TAKING = frozenset(
    "is are was were be been denies deny rejects reject dismisses dismiss cites cite says said echoes repeats "
    "repeated amid".split()
)
# Irregular past forms: a verb, not a subjunctive, after "suggest"; plain past after always/never.
_IRREGULAR_PAST = _IRREGULAR_PARTICIPLES | frozenset(
    "spread cut cost hurt shut quit went came saw knew gave took fell rose grew drove wrote spoke broke chose "
    "began ran ate flew drew threw wore bore swore shook forgot".split()
)
# A negative subject: "nobody could" is inability, like "could not".
_NEGATIVE_SUBJECTS = frozenset("nobody none nothing neither".split())
# Verbs of proof or demonstration: a "could" they govern states a capability that was shown.
_DEMONSTRATING = frozenset(
    "prove proves proved proven proving show shows showed shown showing demonstrate demonstrates demonstrated "
    "demonstrating".split()
)
# A period of a person's past that makes "could" past ability: "As a teenager he could run ...", "In his prime
# she could ...", "... back then".
_PAST_PERIOD = re.compile(
    r"\b(?:as an? (?:boy|girl|child|teenager|youngster|student|schoolboy|schoolgirl|junior|rookie"
    r"|young (?:man|woman|player))"
    r"|in (?:his|her|their|my|our) (?:prime|pomp|heyday|youth|playing days|early days|younger days)"
    r"|at (?:his|her|their|my|our) (?:peak|best|old club|former club|previous club|old school)"
    r"|in those days|back then|in the (?:19|20)\d0s|(?:years|decades) ago)\b"
)
# Verbs whose act is itself what a rule or notice grants or forbids, so that the verb is its own source of
# permission: entitlements ("customers may claim compensation", "either candidate may request a recount") and
# the conduct notices regulate ("evacuees may bring pets", "fans may not carry flares").  Verbs of choice in
# general ("voters may choose", "buyers may prefer") are left out: predictions use them as often.
_PERMIT_VERBS = frozenset(
    "claim apply request opt enter register cancel submit redeem renew bring carry park wear collect".split()
)
# Verbs of moving into or back to a place that a notice opens from a given time ("residents may return from
# Wednesday"), and the times such a window opens at.
_ACCESS_VERBS = frozenset("return enter reenter re-enter visit travel go come move".split())
_WINDOW_OPENS = re.compile(
    r"\bfrom (?:\d|tomorrow|midnight|noon|today|tonight|next (?:week|month)|(?:this |next )?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:mid-|early |late )?(?:january|february"
    r"|march|april|may|june|july|august|september|october|november|december))"
)
# How a sum may be paid, the one term that makes "pay" a permission ("residents may pay in ten monthly
# instalments"; not "residents may pay more").
_PAYMENT_TERMS = re.compile(
    r"\b(?:in (?:\S+ ){0,3}(?:instalments|installments)|by (?:credit |debit |bank )?(?:card|cheque|check"
    r"|direct debit|transfer|instalments|installments)|in cash|in advance)\b"
)
# Verbs of what happens to a thing rather than what an agent does ("under the new law, prices may rise"):
# with a subject that is not a class of persons, a rule frame makes a permission only of an agent's act
# ("under council rules, the restaurant may not reopen").
_HAPPENINGS = frozenset(
    "rise fall increase decrease drop climb grow shrink double halve soar slump surge jump slip ease change vary "
    "happen occur take cause lead result mean affect cost last remain collapse fail suffer improve worsen "
    "apply need prove seem appear".split()
)
_PERSON_PLURAL_ENDINGS = ("ers", "ors", "ants", "ents", "ees", "ists", "ians")
_QUANTIFIERS = frozenset("some many most all any none few several each both half".split())
# Plurals of people without an agent ending.
_PERSON_PLURALS = frozenset(
    "members people pupils fans guests staff children adults delegates candidates pilgrims athletes families "
    "households parents citizens".split()
)
# Singular nouns of persons that a distributive determiner turns into a class ("either candidate may request").
_PERSON_SINGULARS = frozenset(
    "member person pupil fan guest child adult delegate candidate pilgrim athlete family household parent citizen "
    "patient student resident passenger customer visitor applicant holder tenant voter employee evacuee".split()
)
_PERSON_SINGULAR_ENDINGS = ("er", "or", "ant", "ent", "ee", "ist", "ian")
# Determiners that make a singular noun stand for each member of a class, as rules do ("each applicant may").
_DISTRIBUTIVES = frozenset("either each any every a an".split())
# What "bring" brings about rather than carries: an outcome ("protesters may bring the city to a standstill").
_OUTCOME_AFTER_BRING = frozenset("about down standstill halt close end knees".split())
# What befalls people rather than what they are allowed to do ("residents may face higher fees under the new
# rules"): no permit term or rule makes these a permission.
_UNDERGONE = frozenset("face lose suffer see need struggle feel find be become have get pay".split())
# Terms of a permit after "may": its cost, channel, window or quota ("free of charge", "online", "until 5 May",
# "2,000 crowns a day", "a free vaccination", "at any post office", "without an appointment").
_PERMIT_TERMS = re.compile(
    r"\b(?:free of charge|at no (?:extra |additional )?(?:cost|charge)|without (?:charge|penalty|paying)|online"
    r"|without (?:a |an |the |prior |official |written )?(?:licence|license|permit|permission|pass|ticket|visa"
    r"|appointment|referral|prescription|booking|reservation)"
    r"|(?:a|an) free (?!hand\b|rein\b|kick\b|agent\b|vote\b)\w+"
    r"|at any (?:\S+ ){0,2}(?:clinic|clinics|branch|branches|office|offices|pharmacy|pharmacies|station|stations"
    r"|centre|centres|center|centers|library|libraries|surgery|surgeries|hospital|hospitals|shop|shops|store"
    r"|stores|outlet|outlets|counter|counters)"
    r"|in person|by (?:post|e-?mail|phone|telephone)|at any time|on request|if they (?:wish|choose|prefer)"
    r"|until (?:\d|the end|january|february|march|april|may|june|july|august|september|october|november"
    r"|december)"
    r"|(?:a|per|each) (?:day|week|person|head|household|visit|customer|passenger|account|vehicle|ticket)\b"
    r"|no more than|a maximum of)"
)
# A rule that frames the clause: "under the law / rules / the act", "by law" (what follows is allowed).
_RULE_FRAME = re.compile(
    r"\b(?:under (?:\S+ ){0,3}(?:law|laws|rules|act|regulations|statute|constitution|scheme|terms|guidelines"
    r"|provisions|code)|by law)\b"
)
# Adverbs of domain or time that make "possible" feasible rather than probable ("technically possible").
_FEASIBILITY_ADVERBS = frozenset(
    "technically physically legally financially economically logistically medically scientifically "
    "practically politically now already".split()
)
# What permits: "possible under the act" says allowed, not likely.
_RULE_NOUNS = frozenset(
    "law laws act acts rule rules regulation regulations treaty treaties constitution statute statutes scheme "
    "schemes agreement agreements contract contracts code directive guidelines policy convention framework "
    "legislation charter bill provisions provision licence license terms".split()
)
_SUBJECT_PRONOUN_WORDS = frozenset("he she it they we i you there".split())
_DETERMINER_WORDS = frozenset("the a an this that these those his her its their our my your".split())
# Currency codes written before an amount ("RM1.2 billion", "Rs 500 crore", "US$3 million").
# A code is two or three letters, capital first, and not a month ("around May 5") or a title.
_CURRENCY_CODE_RE = re.compile(r"^[A-Z][A-Za-z]{1,2}$")
_FUSED_AMOUNT_RE = re.compile(r"^[A-Z][A-Za-z]{1,2}\d")
_NOT_CURRENCY_CODES = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec no nr mr ms dr st".split())
# What makes a confirmation one of date, time or place.
_SCHEDULE_NOUNS = frozenset("date dates time timing venue location place schedule itinerary".split())
_EVENT_NOUNS = frozenset(
    "meeting meetings summit talks visit trip call conference session ceremony negotiations round".split()
)
_SCHEDULING_VERBS = frozenset(
    "meet meets visit visits travel travels attend attends hold holds held host hosts scheduled slated resume "
    "resumes begin begins start starts arrive arrives convene convenes place".split()
)
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight weekend "
    "january february march april june july august september october november december".split()
)
_CALENDAR_NEXT = frozenset("week month year weekend".split())
# Function words ignored when comparing the words of a scare-quote candidate
# with the words of attributed quotations.
_QUOTE_STOPWORDS = frozenset(
    "a an the of to in on at for and or but is are was were be been it its this that these those "
    "he she they we i you his her their our my your 's".split()
)
_QUOTE_MARKS = frozenset("\"'")
_WORD_RE = QUOTE_WORD_RE
_MAX_SCARE_WORDS = 4


# ---------------------------------------------------------------------------
# Lexicon loading.


def load_lexicon(path: str | Path | None = None) -> pd.DataFrame:
    """Load a cue lexicon (a fresh copy: the parsed file is kept for the next call).

    Parameters
    ----------
    path : str or Path, optional
        CSV file with the columns ``term, pattern, category, subcategory,
        condition, source``.  Defaults to ``data/lexicons/cues_en.csv``.

    Returns
    -------
    pandas.DataFrame
        One row per lexicon entry, in file order, with the columns above (empty
        cells as ``""``).  ``pattern`` is a regular expression of surface
        forms, matched case-insensitively between word edges; a space in it
        matches any run of white space.  ``condition`` names the context
        rules (see the module notes), joined by ``;``.

    Raises
    ------
    ValueError
        When a column is missing, a category, subcategory or condition is
        unknown, or a pattern does not compile.

    Notes
    -----
    The file is read and checked once per version (its resolved path,
    modification time and size) and kept; each call returns a copy, so a
    caller may change the table without changing what the next call or
    :func:`find_cues` sees.  An edited file is read again.
    """
    path = Path(path) if path is not None else LEXICON_DIR / DEFAULT_LEXICON
    return _read_lexicon(*_file_key(path)).copy()


def _file_key(path: Path) -> tuple[str, int, int]:
    """What identifies one version of a file: its resolved path, modification time (ns) and size."""
    st = path.stat()
    return str(path.resolve()), st.st_mtime_ns, st.st_size


@functools.cache
def _read_lexicon(path: str, mtime_ns: int, size: int) -> pd.DataFrame:
    """The checked lexicon at ``path`` (``mtime_ns`` and ``size`` only key the cache); never hand out as is."""
    import pandas as pd

    lex = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in LEXICON_COLUMNS if c not in lex.columns]
    if missing:
        raise ValueError(f"{path}: missing lexicon columns {missing}")
    lex = lex.apply(lambda col: col.str.strip())
    bad = sorted(set(lex["category"]) - set(CATEGORIES[:-1]))
    if bad:
        raise ValueError(f"{path}: unknown categories {bad}")
    is_attr = lex["category"] == "attribution"
    bad_sub = lex.loc[is_attr & ~lex["subcategory"].isin(SUBCATEGORIES), "term"].tolist()
    bad_sub += lex.loc[~is_attr & (lex["subcategory"] != ""), "term"].tolist()
    if bad_sub:
        raise ValueError(f"{path}: bad subcategory for {sorted(set(bad_sub))}")
    for cond in lex["condition"]:
        unknown = [c for c in _split_conditions(cond) if c not in _CONDITIONS]
        if unknown:
            raise ValueError(f"{path}: unknown conditions {unknown}")
    for pat in lex["pattern"]:
        compile_pattern(pat)
    return lex.reset_index(drop=True)


def _split_conditions(cond: str) -> list[str]:
    return [c.strip() for c in cond.split(";") if c.strip()]


# ---------------------------------------------------------------------------
# Context of one match and the context rules.


@dataclass(frozen=True)
class _Context:
    """What a context rule may look at: the match and the tokens around it."""

    surface: str
    before: Sequence[Token]  # tokens before the match, in text order
    after: Sequence[Token]  # tokens after the match, in text order
    headline: bool

    def prev_words(self) -> Iterator[Token]:
        """Word-like tokens before the match, nearest first (quote marks skipped), read lazily."""
        return (t for t in reversed(self.before) if t.kind != "punct")

    def prev_word(self) -> Token | None:
        return next(self.prev_words(), None)

    def next_token(self, skip_quotes: bool = True) -> Token | None:
        """First token after the match (quotation marks skipped)."""
        for t in self.after:
            if skip_quotes and t.text in _QUOTE_MARKS:
                continue
            return t
        return None

    def next_tokens(self) -> Iterator[Token]:
        """Tokens after the match, nearest first (quote marks skipped), read lazily."""
        return (t for t in self.after if t.text not in _QUOTE_MARKS)


class _TokenRun(Sequence[Token]):
    """``tokens[lo:hi]`` without copying it.

    The context rules read a few tokens next to a match; a copy of everything
    before and after each match would cost the length of the sentence per
    match, which grows with the square of the sentence on a long one.
    """

    __slots__ = ("_tokens", "_range")

    def __init__(self, tokens: Sequence[Token], lo: int, hi: int) -> None:
        self._tokens = tokens
        self._range = range(lo, hi)

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return tuple(self._tokens[k] for k in self._range[i])
        return self._tokens[self._range[i]]


def _low(tok: Token | None) -> str:
    return tok.text.lower() if tok is not None else ""


def _cond_before_quantity(ctx: _Context) -> bool:
    raw = list(itertools.islice(ctx.next_tokens(), 3))
    if raw and raw[0].kind == "word" and raw[0].text.lower().rstrip("0123456789") not in _NOT_CURRENCY_CODES:
        code = raw[0].text
        if _FUSED_AMOUNT_RE.match(code):
            return True  # a currency code fused with the amount: "about RM1.2 billion"
        rest = [t for t in raw[1:] if t.text not in _CURRENCY]
        symbol = len(raw) > 1 and raw[1].text in _CURRENCY
        if rest and rest[0].kind == "number" and code[:1].isupper() and code.isalpha() and (
                _CURRENCY_CODE_RE.match(code) or (symbol and len(code) <= 3)):
            # a currency code before the amount: "around Rs 500 crore", "around US$3 million", "about S$5 billion"
            return True
    toks = list(itertools.islice((t for t in ctx.next_tokens() if t.text not in _CURRENCY), 3))
    if not toks:
        return False
    first = toks[0]
    if first.kind == "number":
        return True
    word = first.text.lower()
    if word.split("-")[0] in _NUMBER_WORDS:
        return True
    return word in ("a", "an") and len(toks) > 1 and toks[1].text.lower() in _FRACTION_WORDS


# Verbs among the governors of "about" that also take a reported clause: after them an approximated
# quantity may open that clause ("Police said about 8,000 people took part").
_CLAUSE_GOVERNORS = frozenset(
    "say says said saying tell told think thinks thought know knows knew hear hears heard learn learned learnt "
    "write writes wrote argue argued warn warned agree agreed feel felt worry worried complain complained".split()
)
_YEAR_RE = re.compile(r"^(?:1[89]|20)\d\d$")


def _cond_not_talk_about(ctx: _Context) -> bool:
    """False for *about* governed by the verb or noun before it ("talked about", "asked about").

    After a verb that also takes a reported clause, *about* and a quantity
    that is the subject of that clause approximate the quantity: "Police
    said about 8,000 people took part" (the quantity phrase reaches a finite
    verb, :func:`_finite_clause`).  "She wrote about 1989 and its aftermath"
    (a year) and "they talked about two issues" keep the preposition.
    """
    prev = ctx.prev_word()
    if prev is None or prev.text.lower() not in _ABOUT_GOVERNORS:
        return True
    if prev.text.lower() not in _CLAUSE_GOVERNORS or not _cond_before_quantity(ctx):
        return False
    after = list(itertools.islice(ctx.after, 10))
    if not after or _YEAR_RE.match(after[0].text):
        return False
    return _finite_clause(after)


def _prev_words_skipping(ctx: _Context, skip: frozenset[str]) -> Iterator[Token]:
    """Word-like tokens before the match, nearest first, less those in ``skip`` and lower-case -ly adverbs."""
    for tok in ctx.prev_words():
        low = tok.text.lower()
        if low in skip or (tok.text.islower() and low.endswith("ly") and len(low) > 3):
            continue
        yield tok


def _subject_word(ctx: _Context) -> Token | None:
    """The last word of the subject before a verb match: auxiliaries and adverbs in between are skipped."""
    return next(_prev_words_skipping(ctx, _BETWEEN_SUBJECT_AND_VERB), None)


def _cond_epistemic_modal(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    if nxt is None or nxt.kind != "word":
        return False
    word = nxt.text.lower()
    if word in _NOT_VERB_AFTER_MODAL:
        return False
    if not ctx.headline and not nxt.text[0].islower():
        return False  # "May Day", "Might Club": not a modal + verb
    if _low(ctx.prev_word()) in _NOUN_MIGHT_PREV:
        return False  # "its military might"
    modal = ctx.surface.lower()
    if modal == "may":
        return not _permission_may(ctx, word)
    if modal != "could":
        return True
    if word in _ABILITY_AFTER_COULD:
        return False  # ability: "could not attend", "could see the border"
    if word == "no" and _low(next(itertools.islice(ctx.next_tokens(), 1, None), None)) == "longer":
        return False  # "could no longer afford to spend": negated ability, as "could not"
    prev = ctx.prev_word()
    back = [t.text.lower() for t in itertools.islice(ctx.prev_words(), 2)]
    if (back and back[0] in _NEGATIVE_SUBJECTS) or back == ["one", "no"]:
        return False  # inability, as "could not": "nobody could give a reason", "no one could say"
    if _utmost_relative(ctx):
        return False  # the limit of what was possible: "we checked everything we could check"
    if word == "still" and prev is not None and (prev.text.lower() in _PERSON_PRONOUNS or (
            _person_subject(prev) and len(back) > 1)):
        # Ability or an open option of a person: "he could still show", "Holm could still pursue a claim"
        # (a capitalised word that opens the sentence may be a common noun: "Prices could still rise").
        return False
    if _demonstrated(ctx):
        return False  # a capability shown: "the trial proved that mobile clinics could reach the villages"
    if _past_ability(ctx, prev):
        return False  # "As a teenager he could beat a full-back from a standing start"
    # Purpose: "so (that) they could attend".
    back = list(itertools.islice(ctx.prev_words(), 4))
    for k, tok in enumerate(back):
        if tok.text.lower() == "so" and k > 0:
            after_so = back[k - 1].text.lower()
            if after_so == "that" or after_so in _PERSON_PRONOUNS or after_so == "they":
                return False
    return True


# Heads of a relative clause of "as much as possible": "everything we could", "all they could", "whatever she could".
_UTMOST_HEADS = frozenset("everything all anything whatever".split())


def _utmost_relative(ctx: _Context) -> bool:
    """True when *could* is in a relative clause on *everything/all/anything/whatever*: ability at its limit.

    "We checked everything we could check", "crews did all they could to
    save the hull", "she read whatever she could find": the head, an
    optional *that*, a pronoun subject, then *could*.  The clause names the
    limit of what was possible, not a guess.  With the quantifier as the
    subject of *could* ("everything could change if the talks fail") it
    stays a hedge, and so does a noun subject ("all the parties could
    lose seats").
    """
    back = [t.text.lower() for t in itertools.islice(ctx.prev_words(), 3)]
    if len(back) < 2 or back[0] not in _SUBJECT_PRONOUN_WORDS or back[0] == "there":
        return False
    head = back[2] if back[1] == "that" and len(back) > 2 else back[1]
    return head in _UTMOST_HEADS


def _permission_may(ctx: _Context, verb: str) -> bool:
    """True for a *may* of permission: an agent, an act it chooses, and a source of the permission.

    Deontic *may* in news is the language of rules and notices; epistemic
    *may* predicts states and outcomes.  An agent's act can be predicted as
    well as allowed, so the agent and the act are necessary but never
    enough: the sentence must also name where the permission comes from.
    The three parts:

    1. **Agent**: a class of persons as subject (the head of the noun
       phrase before *may*, read through "of", a place phrase or a relative
       clause, see :func:`_subject_head`): *you*, a plural noun of persons
       (an agent noun in -ers, -ors, -ants, -ents, -ees, -ists, -ians, or
       one of a few other plurals: members, people, fans, staff ...), or a
       singular one after *either/each/any/every/a* ("either candidate").
    2. **Chosen act**: the verb after *may* (after *not* for a prohibition)
       is not one of what befalls people (*face, lose, suffer, need, be*
       ...: "under the new rules, residents may face higher fees" stays a
       hedge, whatever else the sentence holds).
    3. **Source of the permission**, any one of:

       - the act is itself what rules grant or forbid (an entitlement or a
         regulated conduct, :data:`_PERMIT_VERBS`: "affected customers may
         claim compensation", "fans may not carry flares"; not *bring* of
         an outcome, "bring the city to a standstill");
       - the terms of a permit in the rest of the clause
         (:data:`_PERMIT_TERMS`): its cost ("free of charge", "a free
         vaccination"), channel ("online", "by email"), place ("at any
         branch"), precondition waived ("without an appointment"), window
         ("until 5 May", "at any time") or quota ("2,000 crowns a day",
         "no more than"); for *pay*, which otherwise befalls people, only
         a way of paying ("in ten monthly instalments", "by card"); for a
         verb of going back or in (*return, enter, visit* ...), the time a
         window opens ("from Wednesday");
       - a rule that frames the sentence before *may*: "under (the) law /
         the rules / the act", "by law".

    With a subject that is not a class of persons only the rule frame is a
    source, and only of an agent's act: a definite or named subject (not a
    pronoun, not a bare plural such as "prices") and a verb not of what
    happens to a thing (*rise, fall, cost, apply* ...): "under council
    rules, the restaurant may not reopen" is a prohibition; "under the new
    law, prices may rise" stays a hedge.

    Failure modes:

    - a prediction with a class of persons as subject that happens to name
      a permit term or a permit verb is taken for a permission ("investors
      may sell online", "traders may sell up to 50 tonnes a day",
      "evacuees may return home from Friday if the wind drops",
      "shareholders may apply pressure on the board");
    - a prediction under a rule frame about an agent's act ("under the new
      law, the firm may sell its stake") is taken for a permission;
    - a permission whose source is outside the sentence (the rule named in
      the previous paragraph: "Shareholders may sell their shares back to
      the company.") stays a hedge, as do "the firm may appeal" and "the
      new rules may apply to small firms";
    - a subject of persons the patterns do not see (a collective singular,
      "the public may ...", or a name) falls to the rule-frame test.
    """
    after = list(itertools.islice(ctx.next_tokens(), 24))
    if verb == "not":
        after = after[1:]  # "visitors may not bring": the rule is read on the verb after "not"
        verb = _low(after[0]) if after else ""
    ruled = _RULE_FRAME.search(" ".join(t.text.lower() for t in ctx.before)) is not None
    if not _person_class(ctx):
        # An agent's act under a rule: "under council rules, the restaurant may not reopen"; not what happens
        # to a thing ("under the new law, prices may rise") nor what befalls it ("may face fines").
        return (ruled and _agent_subject(ctx) and verb.isalpha() and verb not in _HAPPENINGS
                and verb not in _UNDERGONE)
    words: list[str] = []
    for n, tok in enumerate(after):
        if n > 20 or (tok.kind == "punct" and tok.text not in ("-", "/")):
            break
        words.append(tok.text.lower())
    clause = " ".join(words)
    if verb in _PERMIT_VERBS and not (verb == "bring" and _OUTCOME_AFTER_BRING & set(words)):
        return True  # the act is what is granted: "customers may claim", "evacuees may bring pets"
    if verb == "pay" and _PAYMENT_TERMS.search(clause) is not None:
        return True  # "residents may pay in ten monthly instalments"
    if verb in _UNDERGONE:
        return False  # "residents may face higher fees under the new rules", "may lose 50 euros a day"
    if verb in _ACCESS_VERBS and _WINDOW_OPENS.search(clause) is not None:
        return True  # "residents may return to the eastern suburbs from Wednesday"
    if _PERMIT_TERMS.search(clause) is not None:
        return True
    return ruled


def _agent_subject(ctx: _Context) -> bool:
    """True when the subject before a modal is a definite or named noun phrase that can act (not a pronoun).

    "the restaurant", "the club", "Harbour Foods" may be granted or refused
    leave to act; "it", "this" and "there" are not read as agents.
    """
    subject = _subject_head(ctx)
    if subject is None or subject.kind != "word":
        return False
    low = subject.text.lower()
    if low in _SUBJECT_PRONOUN_WORDS or low in _DETERMINER_WORDS or low in _QUANTIFIERS:
        return False
    back = [t.text.lower() for t in itertools.islice(ctx.prev_words(), 3)]
    return subject.text[:1].isupper() or any(w in _DETERMINER_WORDS for w in back[1:])


def _person_class(ctx: _Context) -> bool:
    """True when the subject before a modal is a class of persons (see :func:`_permission_may`)."""
    subject = _subject_head(ctx)
    if subject is None:
        return False
    low = subject.text.lower()
    if low == "you" or low in _PERSON_PLURALS or (len(low) > 4 and low.endswith(_PERSON_PLURAL_ENDINGS)):
        return True
    det = next(itertools.islice(ctx.prev_words(), 1, None), None)
    return _low(det) in _DISTRIBUTIVES and subject is ctx.prev_word() and (
        low in _PERSON_SINGULARS or (len(low) > 4 and low.endswith(_PERSON_SINGULAR_ENDINGS)))


def _subject_head(ctx: _Context) -> Token | None:
    """The head of the subject right before a modal: the word before it, or the noun before "of".

    "passengers may" -> passengers; "members of the public may" -> members;
    "residents of Harbour Street may" -> residents (a name or a determiner
    and a noun after "of"); after a quantifier the noun it counts: "some of
    the passengers may" -> passengers.
    """
    back = list(itertools.islice(ctx.prev_words(), 5))
    if not back:
        return None
    outer = _person_before_modifier(ctx)
    if outer is not None:
        return outer  # "residents inside the cordon may", "passengers who booked through agents may"
    head = None
    for j in (1, 2, 3):
        # "members of staff may", "members of the public may", "residents of the Old Town may"
        if len(back) > j + 1 and back[j].text.lower() == "of" and all(
                t.text.lower() in _DETERMINER_WORDS or t.text[:1].isupper() for t in back[1:j]):
            head = back[j + 1]
            break
    if head is None or head.text.lower() in _QUANTIFIERS:
        return back[0]  # "passengers may", "some of the passengers may"
    return head


# Prepositions of place that modify a subject of persons ("residents inside the cordon", "tenants near the plant").
_LOCATIVE = frozenset("in inside within outside near around at on from across along".split())


def _person_before_modifier(ctx: _Context) -> Token | None:
    """A plural noun of persons before a locative phrase or a relative clause that ends right before a modal.

    "Residents inside the cordon may not ...", "Tenants near the plant may
    ...", "Passengers who booked through agents may ...": the head of the subject is
    the persons, not the last word before the modal.  Read back at most
    seven words, in the same clause; ``None`` when no such head is found.
    """
    back = [ctx.before[j] for j in range(len(ctx.before) - 1, max(-1, len(ctx.before) - 10), -1)]
    for k, tok in enumerate(back):
        if tok.kind == "punct" or k > 7:
            return None
        low = tok.text.lower()
        if (low in _LOCATIVE or low in ("who", "whose")) and k > 0 and k + 1 < len(back):
            head = back[k + 1]
            h = head.text.lower()
            if head.kind == "word" and (h in _PERSON_PLURALS or (
                    len(h) > 4 and h.endswith(_PERSON_PLURAL_ENDINGS))):
                return head
            return None
    return None


def _past_ability(ctx: _Context, subject: Token | None) -> bool:
    """True when *could* with a person as subject is framed by a period of that person's past.

    "As a teenager he could beat a full-back from a standing start", "In
    her prime, Okafor could serve at 200 km/h", "he could outrun anyone
    back then": ability in the past, not a guess.  The period opens the
    sentence (before the subject) or follows in the clause of the verb
    (:data:`_PAST_PERIOD`); the subject is a personal pronoun or a name.
    A time of the story with no such period ("At Vila Nova he could beat
    ...", "At the summit he could announce ...") is not told from a
    guess.
    """
    if subject is None or subject.kind != "word":
        return False
    low = subject.text.lower()
    if not (low in _PERSON_PRONOUNS or low == "they" or (subject.text[:1].isupper() and low not in _EVIDENCE_SUBJECTS)):
        return False
    opening = " ".join(t.text.lower() for t in ctx.before if t is not subject)
    if _PAST_PERIOD.match(opening.lstrip("\"' ")):
        return True
    clause: list[str] = []
    after = ctx.after
    for n, tok in enumerate(after):
        low = tok.text.lower()
        if low == "as" and clause and n + 1 < len(after) and after[n + 1].text.lower() in ("a", "an"):
            clause.append(low)  # "as a teenager": a period of the person's life, not a new clause
            continue
        if (tok.kind == "punct" and tok.text not in ("-", "/")) or low in _SUBJECT_BOUNDARY \
                or (clause and low in _SUBJECT_PRONOUN_WORDS):
            break  # the period must be the verb's, not a later clause's ("the post he held years ago")
        clause.append(low)
    return _PAST_PERIOD.search(" ".join(clause)) is not None


def _demonstrated(ctx: _Context) -> bool:
    """True when a verb of proof or demonstration governs the clause of the match (same clause, 12 tokens back).

    What is proven or shown to be possible is a capability, not a guess:
    "the campaign had proven that mobile clinics could reach the villages".
    """
    for n, k in enumerate(range(len(ctx.before) - 1, -1, -1)):
        tok = ctx.before[k]
        if n >= 12 or tok.text in _CLAUSE_BREAKS:
            return False
        if tok.text.lower() in _DEMONSTRATING:
            return True
    return False


def _cond_not_indirect_question(ctx: _Context) -> bool:
    """False for a modal in an indirect question: after *whether*, or after *if* governed by a verb of asking."""
    before = ctx.before
    n_words = 0
    for k in range(len(before) - 1, -1, -1):
        tok = before[k]
        if tok.kind == "punct":
            if tok.text in _CLAUSE_BREAKS:
                return True
            continue
        n_words += 1
        if n_words > 12:
            return True
        low = tok.text.lower()
        if low == "whether":
            return False
        if low == "if":
            # "asked (him / reporters) if": the governor is at most three words before "if".
            seen = 0
            for j in range(k - 1, -1, -1):
                gov = before[j]
                if gov.kind == "punct":
                    break
                if gov.text.lower() in _ASKING_VERBS:
                    return False
                seen += 1
                if seen >= 3:
                    break
            return True  # a conditional "if"
    return True


def _cond_epistemic_possible(ctx: _Context) -> bool:
    back = list(itertools.islice(ctx.prev_words(), 2))
    if not back:
        return True
    p = back[0].text.lower()
    if p in _POSSIBLE_NOT_PREV or p in _MAKE:
        return False  # "as soon as possible", "every possible", "where possible", "made possible"
    if p == "it" and len(back) > 1 and back[1].text.lower() in _MAKE:
        return False  # "made it possible"
    if p in _FEASIBILITY_ADVERBS:
        return False  # feasible: "technically possible", "early detection is now possible"
    nxt = list(itertools.islice(ctx.next_tokens(), 5))
    if len(nxt) > 1 and nxt[0].text.lower() == "to" and nxt[1].kind == "word":
        return False  # feasible: "it is possible to build" (one can build); "it is possible that" hedges
    if nxt and nxt[0].text.lower() == "under":
        # permitted: "a loan is possible under the act", "possible under EU law" (not "under heavy snow")
        for tok in nxt[1:]:
            if tok.kind == "punct":
                break
            if tok.text.lower() in _RULE_NOUNS:
                return False
    return True


def _cond_epistemic_belief(ctx: _Context) -> bool:
    surface = ctx.surface.lower()
    prev = ctx.prev_word()
    if surface in ("thought", "thinking") and (prev is None or prev.text.lower() in _BELIEF_NOUN_PREV):
        return False  # the noun: "the thought", "wishful thinking", "Thinking ..."
    if _low(prev) == "to":
        before = list(itertools.islice(ctx.prev_words(), 2))
        if len(before) > 1 and before[1].text.lower() in _INCREDULITY:
            return False  # "hard to believe": incredulity, not a tentative opinion
    if surface.startswith("believ"):
        back = [t.text.lower() for t in itertools.islice(ctx.prev_words(), 2)]
        if back[:1] in (["cannot"], ["can't"], ["couldn't"]) or (
                back[:1] in (["not"], ["n't"]) and back[1:] in (["could"], ["can"])):
            return False  # "she could not believe how little ...": incredulity, not an opinion held
    if surface in ("thought", "believed") and _low(prev) == "never":
        return False  # "We never thought the river would rise so fast": a past belief denied, not a hedge
    nxt = ctx.next_token()
    if nxt is None:
        return True
    word = nxt.text.lower()
    if word in _BELIEF_NOT_NEXT:
        return False  # "think about", "think tank", "thought process"
    if surface.startswith("believ"):
        if word in _TRUST_OBJECTS:
            return False  # "believe him", "believe in"
        if word == "it":
            after = list(itertools.islice(ctx.next_tokens(), 2))
            if len(after) > 1 and after[1].text.lower() == "or":
                return False  # "believe it or not"
        if _refused_credence(ctx):
            return False  # "they will not believe anything until they see water": a refusal, not an opinion
    return True


# Adverbs between a negation and *believe* ("do not really believe", "will simply not believe").
_CREDENCE_SKIP = frozenset("really simply just ever".split())
_NEGATIONS = frozenset("not n't never cannot don't doesn't didn't won't wouldn't can't couldn't".split())
# Objects of a refused *believe* that are words or signs, not the subject of a clause.
_CREDENCE_PRONOUNS = frozenset("anything everything".split())
_OBJECT_ENDS = _PHRASE_BREAKS | frozenset("until unless till once".split())
_CREDENCE_NOUNS = _CLAIM_NOUNS | frozenset(
    "figures figure numbers statistics word words promise promises pledge pledges assurance assurances".split())


def _refused_credence(ctx: _Context) -> bool:
    """True when a negated *believe* has words or signs as object and no clause: credence refused.

    "many say they will not believe anything until they see water", "voters
    no longer believe the official figures": the object is *anything*,
    *everything* or a noun of words said (*promises, claims, figures*,
    after a determiner), and no verb of a clause follows it.  What is
    withheld is trust in words, not a tentative claim of the speaker's own.
    With a clause after the verb ("I do not believe the talks will fail",
    "we don't believe anything will change") the negated opinion is still a
    hedge, as "I don't think it will work" is.
    """
    back = [t.text.lower() for t in itertools.islice(
        (t for t in ctx.prev_words() if t.text.lower() not in _CREDENCE_SKIP), 2)]
    if not back or not (back[0] in _NEGATIONS or back == ["longer", "no"]):
        return False
    after = [t for t in itertools.islice(ctx.after, 12) if t.text not in _QUOTE_MARKS]
    if not after or after[0].kind != "word":
        return False
    first = after[0].text.lower()
    if first in _CREDENCE_PRONOUNS:
        pass
    elif (first in _DETERMINER_WORDS or first in ("any", "such")) and first != "that" and len(after) > 1:
        head = 1
        if after[1].kind == "word" and after[1].text.islower() and len(after) > 2 and (
                after[2].text.lower() in _CREDENCE_NOUNS):
            head = 2  # an adjective before the noun: "the official figures", "the latest claims"
        if after[head].text.lower() not in _CREDENCE_NOUNS:
            return False
    else:
        return False
    # The object ends at a subordinator or preposition: "any promises until the repairs are finished"
    end = next((k for k, t in enumerate(after) if k > 0 and t.text.lower() in _OBJECT_ENDS), len(after))
    return not _finite_clause(after[:end])


# Words of a verdict after "always/never a": "never a good idea", "always a risk", "never an option".
_VERDICT_WORDS = frozenset(
    "good bad wise smart sensible safe easy simple realistic viable option solution answer risk gamble mistake"
    .split()
)


def _cond_stance_always_never(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    prev = ctx.prev_word()
    if nxt is not None and nxt.text.lower() in _FAIL:
        after = list(itertools.islice(ctx.next_tokens(), 2))
        if len(after) > 1 and after[1].text.lower() == "to":
            return True  # "never fails to rally", "never failed to mention": always does
        if nxt.text.lower() in ("fail", "fails") and _low(prev) not in _PERFECT_AUXILIARIES:
            return True  # "the formula never fails"
        # "has never failed a test", "never failed an inspection": plain negation over time
    if ctx.surface.lower() == "never" and _never_gives_up(ctx, prev):
        return True  # "this squad never gives up", "we never give in": a disposition, as "never fails"
    if prev is None:
        # A sentence-initial "Never" inverts for emphasis ("Never has the alliance ...").
        return ctx.surface.lower() == "never" and ctx.surface[:1].isupper() and nxt is not None \
            and nxt.kind == "word"
    p = prev.text.lower()
    if p in _STANCE_MODALS or p.endswith("'ll"):
        return True  # "will never accept", "would always defend"
    after = list(itertools.islice(ctx.next_tokens(), 3))
    if ctx.surface.lower() == "always" and len(after) > 2 and after[0].text.lower() == "going" \
            and after[1].text.lower() == "to" and after[2].kind == "word" \
            and after[2].text.lower() not in _DETERMINER_WORDS:
        return True  # inevitability: "this was always going to be decided behind closed doors"
    if p in _LINKING and len(after) > 1 and after[0].text.lower() in ("a", "an") \
            and after[1].text.lower() in _VERDICT_WORDS:
        # A categorical verdict: "running in such heat is never a good idea", "a ceasefire was never an
        # option"; not a plain negation of a status ("he was never a member of the party").
        return True
    if nxt is not None and nxt.text.lower() == "too" and len(after) > 1 and after[1].kind == "word" \
            and p in _LINKING:
        # A sweeping verdict: "help was always too little and too late", "it is never too late to".
        return True
    if _indefinite_generic(ctx):
        return True  # "A derby is always won by the side that wants it more"
    return _generic_claim(ctx, prev, nxt)


# Present forms of verbs of quitting: "never" before them denies a disposition to give up, as "never fails" does.
_QUITTING = frozenset("quit quits surrender surrenders relent relents".split())
_QUITTING_PARTICLES = {"give": ("up", "in"), "gives": ("up", "in"), "back": ("down",), "backs": ("down",),
                       "let": ("up",), "lets": ("up",)}


def _never_gives_up(ctx: _Context, prev: Token | None) -> bool:
    """True for *never* + a present verb of quitting: "This group never gives up", "we never give in".

    A claim about a disposition, stated as certain (the converse of "never
    fails": always persists), not a record of what happened: a past form
    ("they never gave up", "had never given up") is a record, and so is the
    perfect.  Present forms only: *gives up/in, give up/in, quits, backs
    down, lets up, surrenders, relents*.
    """
    if _low(prev) in _PERFECT_AUXILIARIES:
        return False
    toks = list(itertools.islice(ctx.next_tokens(), 2))
    if not toks or toks[0].kind != "word" or not toks[0].text.islower():
        return False
    verb = toks[0].text.lower()
    if verb in _QUITTING:
        return verb.endswith("s") or _low(prev) not in ("he", "she", "it")
    particles = _QUITTING_PARTICLES.get(verb)
    return particles is not None and len(toks) > 1 and toks[1].text.lower() in particles


def _indefinite_generic(ctx: _Context) -> bool:
    """True for *always/never* in a present claim about any member of a kind: "A derby is always won by ...".

    An indefinite singular subject (*a/an* opens the clause: the sentence, a
    quotation or the words after a comma) with a present *is* before the
    adverb speaks of every derby, every final: a law-like generalisation as
    with a bare plural ("Sanctions never work"), not a habit of someone in
    view ("The gaffer always says", "he always attends") or a record ("A
    guard was always on duty", "A deed ... has never been examined").  The
    subject holds at most eight words.  With a lexical verb ("A spokesman
    never attends the briefings") the claim may be a habit of whoever holds
    a post, and it is not counted.
    """
    clause: list[Token] = []
    for tok in reversed(ctx.before):
        if tok.kind == "punct":
            break
        clause.insert(0, tok)
        if len(clause) > 9:
            return False
    if len(clause) < 2 or clause[0].text.lower() not in ("a", "an"):
        return False
    return clause[-1].text.lower() == "is" and len(clause) >= 3


# -ing nouns that are not gerunds ("nothing", "the morning"): never the subject of a generic claim.
_NOT_GERUNDS = frozenset("nothing something anything everything thing things morning evening spring king ring "
                         "string wing ceiling building meeting during".split())


def _gerund_claim(subject: Token, verb: Token) -> bool:
    """True for a bare gerund subject and a present -s verb: "Cheating never pays", "Cheating always catches up"."""
    noun, v = subject.text.lower(), verb.text.lower()
    return len(noun) > 5 and noun.endswith("ing") and noun not in _NOT_GERUNDS and v.endswith("s") \
        and not v.endswith("ss") and v not in _FINITE_MARKERS and v not in _BE_FORMS and v != "has"


def _generic_claim(ctx: _Context, subject: Token, verb: Token | None) -> bool:
    """True for *always/never* in a categorical generic claim: a bare plural subject and a present-tense verb.

    "Sanctions never work", "markets always overreact": a law-like
    generalisation about a whole class, stated as certain.  The subject is a
    plural noun with no determiner, possessive or number before it ("the two
    leaders never meet" is about particular people); the verb is a bare
    present form (not an -s, -ed, -ing or irregular past form, not an
    auxiliary: "have never met", "he always attends", "prices never fell").
    """
    if verb is None or verb.kind != "word" or not verb.text.islower():
        return False
    before = next(itertools.islice(ctx.prev_words(), 1, None), None)
    if subject.kind == "word" and _gerund_claim(subject, verb) and (
            before is None or _opens_quotation(ctx, subject) or _low(before) == "that"):
        return True  # a bare gerund that opens its clause: "Cheating never pays"
    v = verb.text.lower()
    # "get" is a bare present verb here ("Cheats always get caught"), not an auxiliary of the passive.
    if v in _FINITE_MARKERS or v in _IRREGULAR_PAST or (v in _BE_FORMS and v != "get") \
            or v.endswith(("s", "ed", "ing")) or v in ("been", "had", "not", "even", "once", "again"):
        return False
    noun = subject.text.lower()
    if subject.kind != "word" or not noun.endswith("s") or noun.endswith(("ss", "'s", "us", "is")) or len(noun) < 4 \
            or noun in _FINITE_MARKERS or noun in _OBJECT_TAKING or noun in _SUBJECT_PRONOUN_WORDS:
        return False
    if before is None or _opens_quotation(ctx, subject):
        # Opens the sentence or a quotation: "Sanctions never work", '"Cheats always get caught," he said'
        # (not "NATO never ...").
        return subject.text[1:].islower()
    if not subject.text.islower():
        return False  # a name
    b = before.text.lower()
    if b == "that":
        return True  # "analysts say that markets always overreact"
    if b == "such":
        return True  # a whole kind: "Such schemes never survive a change of government"
    return not (b in _ATTRIBUTIVE_PREV or b == "'s" or before.kind == "number" or b in _NUMBER_WORDS)


def _opens_quotation(ctx: _Context, word: Token) -> bool:
    """True when ``word`` (a token of ``ctx.before``) comes right after a quotation mark or a colon."""
    for k in range(len(ctx.before) - 1, -1, -1):
        if ctx.before[k] is word:
            return k > 0 and (ctx.before[k - 1].text in _QUOTE_MARKS or ctx.before[k - 1].text == ":")
    return False


def _cond_not_manner(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    if nxt is not None and nxt.text.lower() in _PRESENTING:
        return False  # "clearly laid out", "clearly visible"
    back = [t.text.lower() for t in itertools.islice((t for t in ctx.prev_words() if t.text.lower() not in _DEGREE),
                                                     2)]
    if back and (back[0] in _PRESENTING or back[0] in _SPEAKING):
        return False  # "stated clearly", "said very clearly"
    if len(back) > 1 and back[0] in _PARTICLES and back[1] in _PRESENTING:
        return False  # "set out clearly"
    if nxt is None or nxt.kind == "punct":
        # Clause-final after an object: "set out her priorities clearly".
        for n, tok in enumerate(reversed(ctx.before)):
            if tok.kind == "punct" or n >= 8:
                break
            if tok.text.lower() in _PRESENTING or tok.text.lower() in _SPEAKING:
                return False
    return not _after_verb_phrase(ctx, nxt)


# Words after which an adverb stands before its predicate, not after a verb and its object: a form of *be*,
# an auxiliary or modal, a negation, a subject pronoun ("the firm is clearly in breach", "they clearly ...").
_BEFORE_PREDICATE = _BE_FORMS | _FINITE_MARKERS | _STANCE_MODALS | _SUBJECT_PRONOUN_WORDS | frozenset(
    "not n't never also still and or but that which who".split()
)


def _after_verb_phrase(ctx: _Context, nxt: Token | None) -> bool:
    """True when *clearly* closes a verb phrase: after a word of it, before a preposition or the clause end.

    "explained the plan clearly in a letter", "had not seen the tackle
    clearly from the bench", "the home side won clearly.": the adverb
    follows the verb (a past form or a verb of presenting or perceiving,
    at most eight words back in its clause) and its object and says how it
    was done.  A stance adverb stands before the predicate it
    judges ("the plan is clearly in breach of the rules", "they clearly
    lost"), so it follows a subject, a form of *be*, an auxiliary or nothing
    ("Clearly, the talks failed").
    """
    if not ctx.before or ctx.before[-1].kind == "punct":
        return False
    prev = ctx.before[-1]
    if prev.kind != "word" or prev.text.lower() in _BEFORE_PREDICATE or not prev.text.islower():
        return False
    if nxt is not None and nxt.kind != "punct" and nxt.text.lower() not in _PHRASE_BREAKS:
        return False  # a predicate follows: "the result clearly shows", "the move was clearly the right one"
    # a verb stands in the clause before the object: read back to the clause start
    for n, tok in enumerate(reversed(ctx.before)):
        if tok.kind == "punct" or n >= 8:
            return False
        low = tok.text.lower()
        if tok.text.islower() and (low in _PRESENTING or low in _IRREGULAR_PAST or (
                low.endswith("ed") and len(low) > 4)):
            return True  # "explained the delay clearly in", "the home side won clearly."
    return False


def _is_participle(word: str) -> bool:
    return word in _IRREGULAR_PARTICIPLES or (len(word) > 3 and word.endswith(("ed", "en", "wn")))


# States that "must" infers rather than demands, and the subjects of such an inference: indefinite and
# personal pronouns that stand for someone not in view, or a demonstrative for what was just said.
_INFERRED_STATES = frozenset("know mean".split())
_INFERENCE_SUBJECTS = frozenset("someone somebody everyone everybody anyone anybody he she they it this that".split())


def _cond_epistemic_must(ctx: _Context) -> bool:
    nxt = [t.text.lower() for t in itertools.islice(ctx.next_tokens(), 3)]
    if len(nxt) < 2:
        return False
    if nxt[0] in _INFERRED_STATES:
        # An inference about what someone knows or what a thing means: "Somebody must know where the money
        # went", "this must mean the deal is off"; not a duty ("ministers must know the facts before they vote").
        return _low(_subject_word(ctx)) in _INFERENCE_SUBJECTS
    if nxt[0] == "have":
        return _is_participle(nxt[1])  # "must have known", not "must have a plan"
    if nxt[0] == "be":
        if nxt[1] in _MUST_BE:
            return True  # "must be joking", "must be true"
        if _inferred_progressive(ctx, nxt[1]):
            return True  # "a fare rise must be coming", "they must be feeling the pressure"
        return len(nxt) > 2 and (nxt[1], nxt[2]) in {("the", "case"), ("a", "mistake"), ("an", "error"),
                                                       ("a", "coincidence"), ("a", "misunderstanding")}
    return False


# -ing words after "must be" that are adjectives of a requirement, not a progressive: "must be willing to".
_REQUIRED_STATES = frozenset("willing working outstanding".split())


def _inferred_progressive(ctx: _Context, word: str) -> bool:
    """True for *must be* + a progressive verb, an inference about what is going on, unless a rule binds people.

    "a big fare rise must be coming", "they must be feeling the pressure",
    "something must be going on": what is under way cannot be ordered, so
    *must* concludes from evidence.  With a class of people as subject
    ("passengers must be wearing seatbelts", "drivers must be carrying a
    licence") it is a rule for their conduct and stays deontic; "must be
    willing to" is a requirement.
    """
    if not (word.endswith("ing") and len(word) > 5) or word in _REQUIRED_STATES or word.endswith("thing"):
        return False
    return not _person_class(ctx)


# Words after "prove" that are no adjective complement: objects, adverbs of proof, prepositions.
_NOT_COMPLEMENT = frozenset(
    "it them him her me us this that nothing anything something everything otherwise beyond once again "
    "conclusively definitively categorically scientifically clinically statistically empirically finally".split()
)
_DEGREE_BEFORE_ADJECTIVE = _DEGREE | frozenset(
    "far hugely extremely increasingly highly especially particularly deeply rather equally".split()
)


def _cond_not_turn_out(ctx: _Context) -> bool:
    """False when *prove* means "turn out": an adjective or "to be" follows ("proved costly").

    "The delay proved costly", "the plan has proven popular with voters",
    "talks proved more difficult than expected", "the claims proved to be
    false": the subject turned out so, nobody stands behind a proof.  The
    complement is a lower-case word shaped like an adjective (a common one,
    an adjective ending, -ed) or any word that ends its phrase ("proved
    right.", "proved decisive in ..."), or a degree word before one; an
    object ("proved his innocence", "the documents will prove it"), an
    adverb of proof ("proved conclusively that") or "that" ("proved that")
    keep the booster.
    """
    toks = list(itertools.islice(ctx.next_tokens(), 3))
    if not toks or toks[0].kind != "word" or not toks[0].text.islower():
        return True
    word = toks[0].text.lower()
    nxt = toks[1] if len(toks) > 1 else None
    after = _low(nxt)
    if word == "to":
        return after not in ("be", "have")  # "proved to be false"
    if word in _DEGREE_BEFORE_ADJECTIVE and nxt is not None and nxt.kind == "word" and after not in ("than", "that"):
        return False  # "proved more difficult", "proved far too costly"
    if word in ("a", "an"):
        return not _predicative_noun_phrase(ctx)  # "proved a masterstroke", not "proved a link between"
    if word in _NOT_COMPLEMENT or word in _DETERMINER_WORDS or word in _ATTRIBUTIVE_PREV or word in _PHRASE_BREAKS \
            or word in _SUBJECT_PRONOUN_WORDS or word in _ADDRESSEES:
        return True
    if after == "that" or after in _DETERMINER_WORDS or after in _SUBJECT_PRONOUN_WORDS:
        return True  # an adverb before the object or clause: "proved beyond doubt that"
    adjective = word in _COMMON_ADJECTIVES or word.endswith(_ADJECTIVE_SUFFIXES + ("ed",))
    ends_phrase = nxt is None or nxt.kind == "punct" or after in _PHRASE_BREAKS
    return not (adjective or ends_phrase)


# Objects of "prove a/an ...": what is proven, not what the subject turned out to be ("proved a point").
_PROOF_OBJECTS = frozenset("point link connection case theory thesis negative".split())
# What ends an indefinite noun phrase after "prove" when it is a complement: "proved a masterstroke, with ...",
# "proved a hit with fans", "proved a costly mistake for the club".
_COMPLEMENT_END = frozenset("for with in at on as among during".split())


def _predicative_noun_phrase(ctx: _Context) -> bool:
    """True when *prove* + *a/an* + a noun phrase means "turn out to be": the phrase ends the clause.

    "The cheap signing proved a masterstroke, with 20 goals", "the scheme proved a
    costly mistake for the council", "the signing proved a hit with fans":
    an indefinite noun phrase of at most four words that punctuation, the
    end of the sentence or a preposition of circumstance (*for, with, in,
    at, on, as* ...) closes.  What was proven has a complement of its own
    ("proved a link between", "proved a case against") or is a fixed
    object ("proved a point").
    """
    toks = list(itertools.islice(ctx.next_tokens(), 6))[1:]
    for k, tok in enumerate(toks):
        low = tok.text.lower()
        if low in _PROOF_OBJECTS:
            return False
        if k > 0 and (tok.kind == "punct" or low in _COMPLEMENT_END):
            return True
        if tok.kind != "word" or low == "that" or k >= 4:
            return False
    return len(toks) < 5 and bool(toks)


def _cond_stance_sure(ctx: _Context) -> bool:
    prev = next(_prev_words_skipping(ctx, _DEGREE | frozenset(["doubly", "extra", "absolutely"])), None)
    return _low(prev) not in _MAKE  # "make sure" = ensure


def _cond_predicative_certain(ctx: _Context) -> bool:
    prev = next(_prev_words_skipping(ctx, _CERTAIN_SKIP), None)
    p = _low(prev)
    if p in _MAKE:
        return False  # "make certain" = ensure
    if p in _LINKING:
        return True  # "is almost certain", "feel certain"
    return _low(ctx.next_token()) in ("that", "to", "whether", "about")  # "certain to win"


def _cond_stance_really(ctx: _Context) -> bool:
    p = _low(ctx.prev_word())
    if p == "not" or p.endswith("n't"):
        return False  # "not really": a softener
    nxt = ctx.next_token()
    if nxt is None or nxt.kind != "word":
        return True
    word = nxt.text.lower()
    # "really important" (an adjective: a common one, or an ending after a stem of three letters or more; not
    # "really want", "really meant")
    return not (word in _COMMON_ADJECTIVES
                or any(word.endswith(suffix) and len(word) - len(suffix) >= 3 for suffix in _ADJECTIVE_SUFFIXES))


def _cond_not_month(ctx: _Context) -> bool:
    if not ctx.surface[:1].isupper():
        return True
    nxt = list(itertools.islice(ctx.next_tokens(), 2))
    if nxt and nxt[0].kind == "number":
        return False  # "May 5", "May 2021"
    if len(nxt) > 1 and nxt[0].text == "," and nxt[1].kind == "number":
        return False  # "May, 2021"
    prev = ctx.prev_word()
    if prev is not None and prev.text.lower() in _MONTH_PREV:
        return False  # "in May", "late May"
    if ctx.headline or prev is None:
        return True  # title-case headline or sentence-initial modal
    return False  # capitalised inside a body sentence: the month or a surname


def _is_attributive(ctx: _Context) -> bool:
    """True when a participle such as *alleged* is used as an adjective."""
    nxt = ctx.next_token(skip_quotes=False)
    if nxt is None or nxt.kind == "punct":
        return False
    word = nxt.text.lower()
    if word in ("that", "to", "by"):
        return False
    prev = ctx.prev_word()
    if prev is None:
        return True  # "Alleged hackers ..."
    p = prev.text.lower()
    if prev.kind == "number" or p == "'s" or p in _ATTRIBUTIVE_PREV:
        return True
    if p in _CONJUNCTIONS:
        # "tired and stressed staff" (adjective) but "and claimed the court had ...", "and stated in a
        # filing that ..." (a verb: an adjective never stands before a determiner or a preposition).
        if not (nxt.kind == "word" and nxt.text[0].islower() and word not in _CLAUSE_STARTERS
                and word not in _ATTRIBUTIVE_PREV):
            return False
        # An adjective is coordinated with another modifier of the same noun ("tired and stressed") or
        # opens a noun phrase that is the subject of the next verb ("12 deaths and confirmed cases rose");
        # otherwise the conjunction joins two predicates: "had fallen since 2020 and accused managers of
        # ignoring warnings", "rejected the offer and claimed victory".
        return _adjective_like(next(itertools.islice(ctx.prev_words(), 1, None), None)) \
            or _subject_of_next_verb(ctx.after)
    return False


def _subject_of_next_verb(after: Sequence[Token]) -> bool:
    """True when the words after a participle (a noun phrase of at most three words) reach a finite verb.

    "and confirmed cases rose by 400", "and accused officials have
    appealed": the participle modifies the subject of a new clause.
    """
    for n, tok in enumerate(itertools.islice(after, 0, 4)):
        low = tok.text.lower()
        if tok.kind != "word" or not tok.text.islower():
            return False
        if n > 0 and (low in _FINITE_MARKERS or low in _IRREGULAR_PAST or (low.endswith("ed") and len(low) > 4)):
            return True
        if low in _PHRASE_BREAKS:
            return False
    return False


def _is_label_adjective(ctx: _Context) -> bool:
    """True when *alleged*, *purported* or *supposed* stands before a noun (distancing, not a verb)."""
    if _is_attributive(ctx):
        return True
    after = list(itertools.islice(ctx.after, 2))
    if not after or after[0].kind == "punct":
        return False
    nxt = after[0]
    word = nxt.text.lower()
    if word in _LABEL_VERB_NEXT:
        return False  # "alleged that", "alleged in court", "alleged the firm had"
    if nxt.kind == "number":
        return True  # "the alleged 2016 breach"
    if nxt.text[:1].islower():
        return True  # "alleged interference"
    # A capitalised word: a name as object of the verb ("alleged Smith had lied") or an adjective of
    # origin before a noun ("alleged Russian meddling").
    if len(after) < 2 or after[1].kind != "word":
        return False
    following = after[1].text.lower()
    return after[1].text[:1].islower() and following not in _FINITE_MARKERS and not following.endswith("ed")


def _cond_verb_not_noun(ctx: _Context) -> bool:
    nxt = ctx.next_token()
    if nxt is not None:
        word = nxt.text.lower()
        if word in _NOUN_NEXT and not _extracted_subject(ctx):
            return False
        if ctx.surface.lower().endswith("ing") and word in _ING_NOUN_HEADS:
            return False  # "warning shots", "the saying goes"
    prev = ctx.prev_word()
    if prev is None:
        # "Claims that ..." opens with the noun; "Writing on Telegram, ..." with a participle.
        return not ctx.surface[:1].isupper() or ctx.headline or ctx.surface.lower().endswith("ing")
    if ctx.before and ctx.before[-1].kind == "punct" and ctx.before[-1].text not in _QUOTE_MARKS:
        # A word before a comma does not modify what follows it: "Lowe rejected that, saying ..." (a
        # participle of its own clause, not "that saying").
        return not ctx.surface[:1].isupper() or ctx.surface.lower().endswith("ing")
    p = prev.text.lower()
    if p in _SUBJECT_QUANTIFIERS and _quantifier_subject(ctx):
        return True  # "but many say they will not ...": the quantifier is the subject, the word its verb
    if prev.kind == "number" or p == "'s" or p in _ATTRIBUTIVE_PREV or p in _NOUN_MODIFIERS or p in _NOUN_TAKERS:
        return False
    if _adjective_before_base_form(ctx, prev):
        return False  # "the total claim", "a formal note": an adjective never is the subject of a verb
    if _compound_ing_noun(ctx, prev):
        return False  # "a profit warning in January", "the flood warning."
    return not _object_noun(ctx)


# Quantifiers that stand alone as the subject of a verb of saying ("many say", "some argue", "both warn").
_SUBJECT_QUANTIFIERS = frozenset("many some several both".split())


def _quantifier_subject(ctx: _Context) -> bool:
    """True when a bare quantifier before a base-form verb is its subject: "but many say they will not ...".

    The quantifier opens its clause (the start of the sentence, a comma, a
    conjunction or a subordinator before it: "Many say", ", but many say",
    "while some argue") and the verb is in the base form with a reported
    clause after it ("that", a subject pronoun, or a finite clause without
    "that": "some say the plan is too costly").  After a determiner, a
    preposition or a verb the quantifier modifies a noun ("under some stress
    after the merger", "was some note that a clerk had left"), and the -s
    forms ("many claims", "some notes") stay nouns.
    """
    surface = ctx.surface.lower()
    if surface.endswith(("s", "ed", "ing")):
        return False
    before = ctx.before
    if not before or before[-1].kind != "word" or before[-1].text.lower() not in _SUBJECT_QUANTIFIERS:
        return False
    if len(before) > 1:
        opener = before[-2]
        if opener.kind == "punct":
            if opener.text not in _QUOTE_MARKS and opener.text not in (",", ";", ":") and opener.text not in _DASHES:
                return False
        elif opener.text.lower() not in _CONJUNCTIONS and opener.text.lower() not in _SUBJECT_BOUNDARY:
            return False
    after = [t for t in itertools.islice(ctx.after, 12) if t.text not in _QUOTE_MARKS]
    if not after:
        return False
    first = after[0].text.lower()
    return first == "that" or first in _SUBJECT_PRONOUN_WORDS or _finite_clause(after)


def _compound_ing_noun(ctx: _Context, prev: Token) -> bool:
    """True when an -ing form heads a compound noun: a determiner, a lower-case noun, the word, then no object.

    "a profit warning in January", "the storm warning.", "a travel warning for
    the region": a determiner (or possessive, number or preposition) and a
    noun before it, and a preposition, punctuation or the end of the sentence
    after it.  A headline drops the determiner: a singular lower-case noun
    that opens the sentence or follows a colon, comma or dash ("Live: heat
    warning as runners set off") heads the compound too; a plural noun
    there is read as the subject of a participle ("Live: unions warning of
    strikes").  A participle of its own clause has a clause or an object after
    it ("a statement warning that prices would rise", "a letter warning
    residents to leave").
    """
    if not ctx.surface.lower().endswith("ing") or not prev.text.islower() or prev.kind != "word":
        return False
    p = prev.text.lower()
    if p in _FINITE_MARKERS or p in _SUBJECT_PRONOUN_WORDS or p.endswith(("ed", "ing")) or p in _PHRASE_BREAKS:
        return False
    det = next(itertools.islice(ctx.prev_words(), 1, None), None)
    opens = len(ctx.before) < 2 or (ctx.before[-1] is prev and ctx.before[-2].kind == "punct"
                                    and ctx.before[-2].text not in _QUOTE_MARKS)
    if opens:
        # A bare noun that opens the phrase, as headlines write it ("Live: heat warning as runners set
        # off"); not a plural of persons, the subject of a participle ("Live: officials warning as ...").
        if p in _PERSON_PLURALS or (len(p) > 4 and p.endswith(_PERSON_PLURAL_ENDINGS)) or p.endswith("s"):
            return False
    elif det is None or not (det.kind == "number" or det.text.lower() in _ATTRIBUTIVE_PREV
                             or det.text.lower() == "'s"):
        return False
    nxt = ctx.next_token()
    return nxt is None or nxt.kind == "punct" or (nxt.text.lower() in _PHRASE_BREAKS and nxt.text.lower() != "that")


# Adjective endings that nouns of persons and bodies do not share ("the government claim" is a British
# plural agreement with a collective noun; "-ent", "-ant" and "-ly" are left out for that reason).
_ADJECTIVE_ONLY_SUFFIXES = ("al", "ful", "ous", "ive", "able", "ible", "ic", "ical", "less", "ish")


def _extracted_subject(ctx: _Context) -> bool:
    """True when the word is the verb of a clause whose reported subject was moved before it.

    "a plan that officials say is unworkable", "a tactic they claim has
    worked", "a deal that analysts say may add to costs": a subject pronoun
    or a plural noun right after *that/which/what* stands before the verb,
    and the verb of the reported clause follows it at once.
    """
    back = list(itertools.islice(ctx.prev_words(), 2))
    if not back or back[0].kind != "word":
        return False
    low = back[0].text.lower()
    if low in ("i", "we", "you", "they", "he", "she"):
        return True
    if not (low.endswith("s") and not low.endswith("ss") and back[0].text.islower() and len(back) > 1):
        return False
    b = back[1].text.lower()
    if b in ("that", "which", "what"):
        return True
    # A contact relative clause (no "that"): a noun, then a bare plural of persons as subject ("the level
    # experts say is needed", "a figure economists say is too low").
    persons = low in _PERSON_PLURALS or low in _SPEAKING_BODIES or (len(low) > 4 and low.endswith(
        _PERSON_PLURAL_ENDINGS)) or low in ("experts", "analysts")
    adjacent = len(ctx.before) > 1 and ctx.before[-1] is back[0] and ctx.before[-2] is back[1]
    return persons and adjacent and back[1].kind == "word" and back[1].text.islower() \
        and b not in _ATTRIBUTIVE_PREV and b not in _NOUN_MODIFIERS and b not in _PHRASE_BREAKS \
        and b not in _FINITE_MARKERS and b not in _BE_FORMS and not b.endswith("ly")


def _adjective_like(tok: Token | None) -> bool:
    """True for a word shaped like an adjective: a common one, an adjective ending or a participle in -ed."""
    if tok is None or tok.kind != "word":
        return False
    low = tok.text.lower()
    return low in _COMMON_ADJECTIVES or low in _NOUN_MODIFIERS or (
        len(low) > 4 and low.endswith(_ADJECTIVE_ONLY_SUFFIXES + ("ed",)))


def _adjective_before_base_form(ctx: _Context, prev: Token) -> bool:
    """True when the base form of a verb (*claim*, *note*, *stress*) follows a determiner and an adjective.

    "the total claim could exceed ...", "a formal note to the embassy":
    a determiner (or possessive, number or preposition) and a lower-case
    adjective (a common one, an adjective ending -al, -ful, -ous, -ive,
    -able, -ic, -less, -ish, or a participle in -ed: "the revised claim")
    open a noun phrase whose head is the word.  A
    verb in the base form needs a plural or personal subject, which an
    adjective is not ("the two unions claim that" stays a verb).
    """
    surface = ctx.surface.lower()
    if surface.endswith(("s", "ed", "ing")) or not prev.text.islower() or not _adjective_like(prev):
        return False
    det = next(itertools.islice(ctx.prev_words(), 1, None), None)
    if det is None:
        return False
    d = det.text.lower()
    return det.kind == "number" or d == "'s" or d in _ATTRIBUTIVE_PREV


def _object_noun(ctx: _Context) -> bool:
    """True when an -s form such as *claims* or *reports* heads the object of a verb before it: a noun.

    "has dismissed opposition claims that ...", "denied claims that ...",
    "brushed aside foreign media reports that ...": reading back over the
    noun phrase (at most four words) reaches a verb (a past or -ing form not
    after a determiner, a particle such as *aside*, or a form of *be* or of a
    verb that takes a claim as object).  "Kyiv claims that ...", "the
    opposition claims that ..." reach the start of the clause instead: the
    subject, so *claims* is the verb.  A preposition stops the reading
    undecided ("officials in Kyiv claim"): the verb reading is kept.
    """
    if not ctx.surface.lower().endswith("s"):
        return False
    before = ctx.before
    n = 0
    last = len(before) - 1
    if last > 0 and before[last].text in _QUOTE_MARKS:
        # A quoted modifier is read over to its opening mark: "stall boss denies 'dirty kitchen' claims".
        for j in range(last - 1, max(-1, last - 6), -1):
            if before[j].text in _QUOTE_MARKS:
                n, last = last - j - 1, j - 1
                break
            if before[j].kind != "word":
                break
    for k in range(last, -1, -1):
        tok = before[k]
        if tok.kind == "punct":
            return False  # the clause starts here: a subject
        low = tok.text.lower()
        if low in _VERB_PARTICLES or low in _OBJECT_TAKING:
            return True  # "brushed aside media reports", "rejects reports that"
        if tok.text.islower() and low.endswith(("ed", "ing")) and len(low) > 4:
            pre = before[k - 1].text.lower() if k > 0 else ""
            if not (pre in _DETERMINER_WORDS or pre == "'s" or (pre.endswith("ly") and len(pre) > 3)):
                return True  # "dismissed opposition claims" (not "the newly elected government claims")
        if low in _PHRASE_BREAKS or low in _SUBJECT_BOUNDARY or low == "that":
            return False
        n += 1
        if n >= 4:
            return False
    return False


_WITHHOLDING = frozenset("could can cannot can't couldn't would wouldn't declined refused unable decline refuse "
                         "declines refuses did does do didn't doesn't".split())


# Adverbs between a withheld "say" and its question ("could not say exactly where", "would not say yet how").
_WITHHELD_ADVERBS = frozenset("exactly precisely yet immediately publicly definitively for sure".split())


def _cond_not_withheld(ctx: _Context) -> bool:
    """False for *say* that reports nothing: a speaker who could not or would not say, before a question.

    "Police could not yet say when the road would reopen",
    "police declined to say whether anyone had been arrested", "officials
    were unable to say.": no statement is reported, only its absence.  "He
    could not say more than that he was safe" has a clause of what was
    said, and "could say that" reports; both count.  An adverb between
    the verb and the question is skipped ("investigators could not say
    exactly where it began").  *say* after a question word and *to* (a
    question turned infinitive: "knew exactly what to say", "told him how
    to say it") reports nothing either; "had to say" and "went on to say
    that" do count.
    """
    if _asked_for(ctx):
        return False  # "What did the mayor say to residents?": a question asks for a statement and reports none
    if _told_question(ctx):
        return False  # "had not been told what data the commission would look at": no statement reported
    back = [t.text.lower() for t in itertools.islice(
        (t for t in ctx.prev_words() if t.text.lower() not in ("yet", "still", "immediately", "exactly")), 3)]
    if not back:
        return True
    if back[0] == "to" and len(back) > 1 and back[1] in _WH_WORDS:
        return False  # "knew exactly what to say", "was unsure how to say it"
    negated = back[0] in ("not", "n't", "never") and len(back) > 1 and back[1] in _WITHHOLDING
    refused = back[0] == "to" and len(back) > 1 and back[1] in _WITHHOLDING
    cannot = back[0] in ("cannot", "can't", "couldn't", "wouldn't", "didn't", "doesn't")
    if not (negated or refused or cannot):
        return True
    rest = [t for t in itertools.islice(ctx.next_tokens(), 4) if not (t.kind == "word" and (
        t.text.lower() in _WITHHELD_ADVERBS or (len(t.text) > 4 and t.text.lower().endswith("ly"))))]
    if ctx.surface.lower().startswith("tel") and rest and rest[0].text.lower() in _ADDRESSEES:
        rest = rest[1:]  # "could not tell reporters when", "cannot tell you that"
    nxt = rest[0] if rest else None
    if nxt is None or nxt.kind == "punct" or nxt.text.lower() in _WH_WORDS:
        return False
    # Inability before a clause: what cannot be said or told is not a statement ("statistics alone cannot
    # tell you that a player cheated"); "would not say that" and "declined to say that" are left as they are.
    unable = (back[0] in ("cannot", "can't", "couldn't") or (negated and back[1] in ("can", "could"))
              or (refused and back[1] == "unable"))
    return not (unable and nxt.text.lower() == "that")


_TOLD_QUESTION_WORDS = _WH_WORDS - {"if"}


def _told_question(ctx: _Context) -> bool:
    """True for a passive *told* before an indirect question: "had not been told what data ...".

    The subject of the passive is the addressee, and the question names
    only the topic of what was (or was not) said, not its content: "were
    never told when the water would be cut off".  "was told that the dam
    would be filled", "I was told it might take six months" report the
    statement (speaker unnamed) and count; so does a conditional *if*
    ("was told if he returned he would be arrested").
    """
    if ctx.surface.lower() != "told" or not _passive(ctx):
        return False
    nxt = next((t for t in ctx.next_tokens() if not (
        t.kind == "word" and len(t.text) > 4 and t.text.lower().endswith("ly"))), None)
    return nxt is not None and nxt.text.lower() in _TOLD_QUESTION_WORDS


# Objects of "acknowledge" that are people or their applause: the verb is a gesture of greeting or thanks.
_GREETED = frozenset(
    "crowd crowds fans supporters audience audiences spectators applause cheers ovation well-wishers".split()
)


def _cond_not_greeting(ctx: _Context) -> bool:
    """False for *acknowledge* whose object is people or their applause: a gesture, no statement.

    "acknowledged the crowd as she left the floor", "acknowledged the
    travelling fans", "acknowledged the applause with a wave": a greeting
    or a thank-you, not a concession.  "acknowledged the risk of
    escalation", "acknowledged that", "acknowledged it" concede something.
    The object is read over a determiner or possessive and at most two
    modifiers ("the travelling home fans").  A pronoun is not read: "acknowledged
    them" may take up mistakes as well as people.
    """
    for n, tok in enumerate(itertools.islice(ctx.next_tokens(), 4)):
        low = tok.text.lower()
        if tok.kind == "punct" or low in _PHRASE_BREAKS or (n == 0 and low in _CLAUSE_STARTERS):
            return True  # "acknowledged that her side ...", "acknowledged it"
        if low in _GREETED:
            return False
    return True


# Adverbs between an inability and its verb: "could not independently confirm", "cannot yet show".
_UNABLE_SKIP = frozenset("yet still immediately independently now fully".split())


def _cond_not_unable(ctx: _Context) -> bool:
    """False for a verb of confirming or showing after an inability: no statement and no certainty.

    "The agency could not confirm that any exist", "the study could not show
    that phones caused it", "investigators were unable to prove that": what
    cannot be confirmed or shown is neither vouched for nor asserted, as
    ability *could* is no hedge.  "would not confirm" (a refusal) and "did
    not confirm" are left to the other rules; "could confirm that" counts.
    """
    back = [t.text.lower() for t in itertools.islice(
        (t for t in ctx.prev_words() if t.text.lower() not in _UNABLE_SKIP
         and not (t.text.islower() and t.text.endswith("ly") and len(t.text) > 4)), 2)]
    if not back:
        return True
    if back[0] in ("cannot", "can't", "couldn't"):
        return False
    if back[0] in ("not", "n't", "never") and len(back) > 1 and back[1] in ("can", "could", "ca"):
        return False
    return not (back[0] == "to" and len(back) > 1 and back[1] == "unable")


# Words that follow a "said nothing" that reports no statement: the phrase ends ("said nothing about",
# "said nothing.", "said little else").
_NOTHING_NEXT = _PHRASE_BREAKS | frozenset("more further else new publicly".split())


def _cond_not_said_nothing(ctx: _Context) -> bool:
    """False for *say* with *nothing* or *little* as its object: the absence of a statement is reported.

    "the airline said nothing about how it would respond", "He said little
    else.": no words are reported.  "The minister said nothing had been
    decided" has *nothing* as the subject of a reported clause and counts.
    """
    toks = list(itertools.islice(ctx.next_tokens(), 2))
    if not toks or toks[0].text.lower() not in ("nothing", "little"):
        return True
    return not (len(toks) == 1 or toks[1].kind == "punct" or toks[1].text.lower() in _NOTHING_NEXT)


def _cond_not_concessive(ctx: _Context) -> bool:
    """False for *say* inside a concessive free relative: "whatever the scoreboard says", "no matter what critics say".

    The clause names any statement, whoever or whatever makes it, and
    reports none: "We back this squad, whatever the table says."  The word
    *whatever* (or *no matter what*) opens the clause of the verb, at most
    five words back with no punctuation between; "Whatever the result, the
    coach says ..." has a comma first and counts.
    """
    for n, tok in enumerate(reversed(ctx.before)):
        if tok.kind == "punct" or n > 5:
            return True
        low = tok.text.lower()
        if low == "whatever":
            return False
        if low == "what" and n + 2 < len(ctx.before) and ctx.before[-n - 2].text.lower() == "matter" \
                and ctx.before[-n - 3].text.lower() == "no":
            return False
    return True


_QUESTION_AUXILIARIES = frozenset("do does did would will can could should".split())


def _asked_for(ctx: _Context) -> bool:
    """True when *say/tell* is the verb of a direct question: an inverted auxiliary before its subject.

    The clause before the verb (from the start of the sentence or the last
    punctuation) is an optional question word, an auxiliary (*do, did,
    would* ...) and a subject of one to three words, and the sentence ends
    with a question mark: "What did the mayor say to residents?", "Did the minister
    tell parliament the truth?".  '"Who will pay?" she said.' (the verb
    after the question) and "He said: 'Who will pay?'" are not questions of
    the verb.
    """
    last = next((t for t in reversed(ctx.after) if t.text not in _QUOTE_MARKS), None)
    if last is None or last.text != "?":
        return False
    clause: list[str] = []
    for tok in reversed(ctx.before):
        if tok.kind == "punct":
            break
        clause.insert(0, tok.text.lower())
    if clause[:1] and clause[0] in _WH_WORDS:
        clause = clause[1:]
    return 2 <= len(clause) <= 4 and clause[0] in _QUESTION_AUXILIARIES


def _cond_not_hearsay_passive(ctx: _Context) -> bool:
    """False for the impersonal hearsay passive "is said to be ..." (see the module notes)."""
    if ctx.surface.lower() != "said" or _low(ctx.next_token()) != "to":
        return True
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if (word.endswith("ly") and len(word) > 3) or word in ("also", "still", "now", "once", "not", "n't"):
            continue  # "is widely said to be", "was once said to have"
        return word not in _BE_FORMS
    return True


# Words between a negation and the verb it negates: auxiliaries and adverbs ("has never publicly criticised").
_NEGATION_SKIP = frozenset("has have had did does do will would could can should 's ever yet once".split())


def _cond_not_negated_act(ctx: _Context) -> bool:
    """False for a speech-act verb negated by *never/not* with no quotation after it (see the module notes)."""
    nxt = ctx.after[0] if ctx.after else None
    if nxt is not None and nxt.text in _QUOTE_MARKS:
        return True  # 'never called it "a failure"'
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if word == "only":
            return True  # "not only criticised the plan but ..."
        if word in ("never", "not", "n't"):
            return False
        if word in _NEGATION_SKIP or (word.endswith("ly") and len(word) > 3):
            continue
        return True
    return True


def _cond_speech_context(ctx: _Context) -> bool:
    toks = ctx.after
    if not toks or toks[0].kind == "punct":
        return True
    word = toks[0].text.lower()
    if word == "that":
        return True
    return word in _SPEECH_ADJUNCT_HEADS and len(toks) > 1 and toks[1].text.lower() in _SPEECH_ADJUNCT_NEXT


def _counted_passive(ctx: _Context) -> bool:
    """True for a reduced passive after a count: "no deaths reported", "three new cases reported overnight".

    The participle follows a noun phrase opened by a number or a
    quantifier (*no, few, several, many, some, more, fewer*) of at most
    three words, and only the end of its clause or an adjunct of place or
    time follows it.  The count is what was reported, not who reported it.
    "Two officials reported that the ferry had listed" has a clause and
    counts; so do a count of speakers, a body or a noun of persons ("two
    officials reported", "one witness observed"), and the clause of a
    report opened by *as* ("as one diplomat observed, ...").

    Limit: a count of speakers whose noun has no agent ending and is not a
    known body, with nothing after the verb ("Two diplomats reported.") is
    taken for a count reported.
    """
    back = [ctx.before[j] for j in range(len(ctx.before) - 1, max(-1, len(ctx.before) - 5), -1)]
    if not back or back[0].kind != "word" or not back[0].text.islower():
        return False
    count_at = None
    for k in range(1, len(back)):
        tok = back[k]
        low = tok.text.lower()
        if tok.kind == "number" or low in _NUMBER_WORDS or low in _COUNT_QUANTIFIERS:
            count_at = k
            break
        if tok.kind != "word" or not tok.text.islower() or low in _DETERMINER_WORDS or low in _PHRASE_BREAKS:
            return False
    if count_at is None:
        return False
    head = back[0].text.lower()
    if head in _SPEAKING_BODIES or head in _PERSON_PLURALS or head in _PERSON_SINGULARS or (
            len(head) > 4 and head.endswith(("ers", "ors", "ists", "ians", "ees", "er", "or", "ist", "ian"))):
        return False  # a speaker counted: "two officials reported", "one witness observed"
    if count_at + 1 < len(back) and back[count_at + 1].text.lower() == "as":
        return False  # "as one diplomat observed, ...": the clause of a report
    nxt = ctx.next_token(skip_quotes=False)
    if nxt is None or nxt.kind == "punct":
        return nxt is None or nxt.text not in _QUOTE_MARKS
    # Only an adjunct of place or time may follow ("reported overnight", "reported in the north").
    return nxt.text.lower() in _COUNT_ADJUNCTS


# Quantifiers that open a count ("no deaths", "several injuries").
_COUNT_QUANTIFIERS = frozenset("no few several many some more fewer".split())
# Words that open an adjunct after a count's participle ("no deaths reported so far", "reported overnight").
_COUNT_ADJUNCTS = frozenset("so yet overnight since in on at across near around along during after".split())


def _cond_not_passive(ctx: _Context) -> bool:
    if _low(ctx.next_token()) == "by":
        return False  # a passive without "be": "Staff, already stressed by a backlog", "a claim denied by"
    if _counted_passive(ctx):
        return False  # "no deaths reported", "two new cases reported overnight"
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if word.endswith("ly") or word == "not":
            continue  # "was widely acknowledged", "was not admitted"
        return word not in _BE_FORMS
    return True


def _passive(ctx: _Context) -> bool:
    """True when the participle of the match is passive: *by* follows it, or a form of *be* precedes it."""
    if _low(ctx.next_token()) == "by":
        return True  # "were echoed by", "a view echoed by ministers"
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if (word.endswith("ly") and len(word) > 3) or word in ("not", "yet", "still", "also", "already"):
            continue
        return word in _BE_FORMS
    return False


def _cond_statement_passive(ctx: _Context) -> bool:
    """A passive reporting verb counts only when its subject is a statement.

    "Her concerns were echoed by two members", "a view echoed by several
    ministers": the members echoed the concerns, words said before.  "The
    curve of the roof is echoed by the bridge" is no speech.  The active
    verb is not affected ("the president echoed the call").
    """
    if not _passive(ctx):
        return True
    for tok in ctx.prev_words():
        word = tok.text.lower()
        if word in _BE_FORMS or word in _BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and len(word) > 3):
            continue
        return word in _STATEMENT_NOUNS or word in _VIEW_NOUNS
    return False


def _cond_passive_clause(ctx: _Context) -> bool:
    """A passive counts only before a clause: "it was confirmed that ...", not "have yet to be confirmed".

    In the passive the subject is what is confirmed, not who confirms it
    (METHODS: a person or document as subject and a clause): "delivery
    schedules have yet to be confirmed", "the deaths were confirmed by the
    ministry" report no statement.  "It was confirmed on Friday that the
    talks had failed" does (a "that" in the same clause).
    """
    if not _passive(ctx):
        return True
    for n, tok in enumerate(ctx.next_tokens()):
        if n >= 12 or (tok.kind == "punct" and tok.text in ",.;:!?"):
            return False
        if tok.text.lower() == "that":
            return True
    return False


def _cond_that_follows(ctx: _Context) -> bool:
    # "the report states, on page four, that": a phrase set off by commas is read over (_skip_interposed)
    after = [t for t in _skip_interposed(ctx.after) if t.text not in _QUOTE_MARKS]
    return bool(after) and after[0].text.lower() == "that" and not _object_noun(ctx)  # not "denied media reports that"


def _cond_epistemic_assume(ctx: _Context) -> bool:
    return _low(ctx.prev_word()) in _SUBJECT_PRONOUNS or _low(ctx.next_token()) == "that"


def _person_subject(tok: Token | None) -> bool:
    """A subject that can propose: a personal pronoun or a capitalised word that is not evidence."""
    if tok is None or tok.kind != "word":
        return False
    low = tok.text.lower()
    if low in _EVIDENCE_SUBJECTS:
        return False
    return low in _PERSON_PRONOUNS or low in ("they", "who") or tok.text[:1].isupper()


def _named_subjunctive(toks: Sequence[Token]) -> bool:
    """True when ``toks`` open a clause of a name and a bare verb: "Leif Hallorann resign before ...".

    One to three capitalised words (a person or body named, singular) and then
    a lower-case verb without the -s a singular subject takes in the present
    and without a past ending: only the subjunctive of a proposal has that
    shape ("suggested Mr Hale step down", "suggested Harbour Water pay the
    fine").  The word after the verb must end its phrase (a preposition, a
    particle, a determiner, punctuation or the end), so that a noun after a
    name-modifier is not read as the verb ("suggested Labour support had
    fallen": *support* before the finite *had* is a noun).  An irregular past
    ("suggested Hale quit") is read as indicative.
    """
    n = 0
    while n < len(toks) and n < 3 and toks[n].kind == "word" and toks[n].text[:1].isupper() \
            and toks[n].text.lower() not in _SUBJECT_PRONOUN_WORDS:
        n += 1
    if n == 0 or n >= len(toks):
        return False
    verb = toks[n]
    low = verb.text.lower()
    if verb.kind != "word" or not verb.text.islower() or low in _PHRASE_BREAKS or low in _DETERMINER_WORDS \
            or low in _FINITE_MARKERS or low in _IRREGULAR_PAST or low in _STANCE_MODALS \
            or low.endswith(("s", "ed", "ing", "ly")):
        return False
    after = toks[n + 1] if n + 1 < len(toks) else None
    return after is None or after.kind == "punct" or after.text.lower() in _PHRASE_BREAKS \
        or after.text.lower() in _DETERMINER_WORDS


def _cond_not_proposal(ctx: _Context) -> bool:
    toks = list(itertools.islice(ctx.next_tokens(), 9))
    if not toks:
        return True
    first = toks[0]
    if first.kind == "word" and first.text.lower().endswith("ing"):
        return False  # "suggested holding talks"
    rest = toks[1:] if first.text.lower() == "that" else toks
    past = ctx.surface.lower() != "suggest" and not ctx.surface.lower().endswith("s")
    if len(rest) > 1 and rest[0].text.lower() in ("he", "she", "it", "they", "we", "i", "you") \
            and rest[1].kind == "word":
        pron, verb = rest[0].text.lower(), rest[1].text.lower()
        if verb in ("should", "be"):
            return False  # "suggested he should stay", "suggested it be delayed"
        if verb in _FINITE_MARKERS or verb.endswith("ed"):
            return True  # indicative: "suggests it was a mistake"
        if pron in ("he", "she", "it"):
            return verb.endswith("s")  # "suggested he return" (subjunctive) vs "suggests he knows"
        return not past  # "suggested that they meet"
    if _named_subjunctive(rest):
        return False  # "suggested Mr Hale resign before the end of the year"
    seen_noun = False
    for k, tok in enumerate(rest):
        if tok.kind == "punct":
            break
        word = tok.text.lower()
        if word in ("should", "be"):
            return False  # "suggested the talks be held in Vienna"
        if word in _FINITE_MARKERS or (word.endswith("ed") and len(word) > 4):
            return True  # "suggested the West was behind it"
        nxt = rest[k + 1].text.lower() if k + 1 < len(rest) else ""
        if seen_noun and tok.text.islower() and word not in _PHRASE_BREAKS and word not in _DETERMINER_WORDS \
                and (nxt in _DETERMINER_WORDS or nxt in ("to", "him", "them", "us")):
            # The verb of the complement, before its object: "that the government freeze the talks".
            if word in _IRREGULAR_PAST or word.endswith("s"):
                return True  # indicative: "suggests the virus spread to", "suggests the drug halves the risk"
            if not rest[k - 1].text.lower().endswith("s"):
                return False  # a singular subject and a bare verb: subjunctive ("the union return to work")
            return not past  # "suggested that ministers publish the figures" (proposal) vs "suggest"
        if word not in _DETERMINER_WORDS:
            seen_noun = True
    # No verb in the complement: a thing suggested.  A person proposes it ("Putin suggested a
    # meeting"); evidence hedges ("polls suggest a tight race").
    return not _person_subject(_subject_word(ctx))


def _cond_reported_clause(ctx: _Context) -> bool:
    toks = list(itertools.islice(ctx.after, 4))
    if not toks:
        return True
    first = toks[0]
    if first.text in _QUOTE_MARKS:
        return True  # 'asked: "..."', 'asserted "..."'
    if first.kind == "punct":
        return first.text != "("
    word = first.text.lower()
    if word == "that" or word in _WH_WORDS or word == "about" or word in ("he", "she", "they", "we", "i", "there"):
        return True
    if _cond_speech_context(ctx):
        return True  # "announced on Telegram"
    if word in _ADDRESSEES:
        return any(t.text.lower() in _WH_WORDS or t.text.lower() == "that" for t in toks[1:])  # "asked him whether"
    return False


def _cond_evidence_clause(ctx: _Context) -> bool:
    after = _skip_interposed(ctx.after)  # "the trial showed, crucially, that ..."
    toks = [t for t in itertools.islice(after, 3) if t.text not in _QUOTE_MARKS][:2]
    if not toks or toks[0].text in ".!?" or _time_adjunct_to_end(after):
        # At the end of its sentence, after the reported words: "..., the bank's report showed."
        return _fronted_report(ctx) and not (_subject_head_words(ctx) & _DATA_NOUNS)
    if toks[0].text == "," and len(toks) > 1 and _resumes_clause(toks[1]):
        # A parenthetical inside the clause it reports: "The effect, the authors found, was strongest ...".
        return _fronted_report(ctx) and not (_subject_head_words(ctx) & _DATA_NOUNS)
    word = toks[0].text.lower()
    if word == "that" or word in ("he", "she", "they", "we", "i", "you", "there", "how", "why", "whether"):
        clause = True
    elif word == "what":
        clause = ctx.surface.lower().startswith("show")  # "showed what", not "found what appeared to be"
    elif word in ("it", "this"):
        clause = len(toks) > 1 and toks[1].text.lower() in _FINITE_MARKERS  # not "found it difficult"
    elif ctx.surface.lower().startswith("show"):
        # a clause without "that" after "show": "the budget papers show the council's reserves have fallen"
        # (not "police found the car had ...", where "found" is a discovery, not a report)
        # and only right after the document or pronoun that is its subject (not the noun: "his TV show Pasta
        # Kings proved a hit")
        clause = _low(ctx.prev_word()) in _DOCUMENT_NOUNS | _CLAUSE_SHOWERS and _finite_clause(
            list(itertools.islice(after, 10)))
    else:
        clause = False
    if not clause:
        return False  # "figures showed a rise", "police found the car"
    return not (_subject_head_words(ctx) & _DATA_NOUNS)  # "figures showed that", "data released ... showed"


def _resumes_clause(tok: Token) -> bool:
    """True when ``tok``, right after a parenthetical ", the authors found,", is the finite verb of the clause.

    "The effect, the authors found, was strongest", "Prices, the audit
    showed, rose by a third": the reported clause goes on with its verb.
    After "In the cellar, police found, ..." an object or adjunct follows.
    """
    low = tok.text.lower()
    return tok.kind == "word" and tok.text.islower() and (
        low in _FINITE_MARKERS or low in _IRREGULAR_PAST or (len(low) > 4 and low.endswith(("ed", "es")))
        or (len(low) > 3 and low.endswith("s") and not low.endswith("ss")))


# Pronouns that can be the subject of "show" + a clause without "that" ("they showed the money had gone").
_CLAUSE_SHOWERS = frozenset("he she they we".split())
# Subjects that are issued documents: what they show is reported (METHODS: "a person or document as subject").
_DOCUMENT_NOUNS = frozenset(
    "report reports study studies survey surveys poll polls audit audits review reviews inquiry inquiries "
    "investigation investigations analysis analyses paper papers document documents memo memos letter letters "
    "filing filings assessment assessments evaluation evaluations dossier dossiers minutes research inspection "
    "inspections probe trial trials experiment experiments".split()
)
# Subjects that are data, samples, tests or facts: what they show or confirm is evidence, not a statement.
_MEASUREMENT_NOUNS = _DATA_NOUNS | frozenset(
    "result results sample samples test scan evidence fact facts measurements experience history".split()
)
# Words on record, read like a document: "the testimony showed that", "his speech showed that".
_SPOKEN_RECORDS = frozenset("speech speeches interview interviews testimony testimonies words transcript".split())
# Bodies and people that speak: "the ministry confirmed", "investigators showed that".
_SPEAKING_BODIES = frozenset(
    "official officials police authorities authority government ministry agency company firm bank board council "
    "court commission committee team experts expert spokesman spokeswoman spokesperson laboratory lab league "
    "union club airline operator regulator who".split()
)
# Heads that count what follows "of": "two years of data" -> data.
_COUNTING_HEADS = frozenset(
    "years months weeks days decades series set sets batch batches body round rounds piece pieces lot lots".split()
)
_PARENTHETICAL_MAX = 6


def _subject_words(ctx: _Context) -> tuple[list[Token], bool]:
    """The subject noun phrase of a verb match, in text order, and whether it opens the sentence.

    Reads back over auxiliaries and adverbs ("has clearly shown"), over a
    parenthetical between commas of at most six words ("A leaked report,
    however, shows", "An audit by the comptroller, published in May,
    showed"), then over the phrase to the clause boundary (punctuation, a
    conjunction or subordinator, at most ten words).  A relative pronoun
    right before the verb stands for the noun before it ("a report which
    showed that" -> "a report"; "who" is kept as a person).
    """
    before = ctx.before
    k = len(before) - 1
    while k >= 0:
        tok = before[k]
        low = tok.text.lower()
        if tok.kind == "punct" and tok.text in _QUOTE_MARKS:
            k -= 1
        elif tok.kind != "punct" and (low in _BETWEEN_SUBJECT_AND_VERB or (
                tok.text.islower() and low.endswith("ly") and len(low) > 3)):
            k -= 1
        elif tok.text == ",":
            j = k - 1
            while j >= 0 and before[j].kind != "punct" and k - j <= _PARENTHETICAL_MAX + 1:
                j -= 1
            if j >= 0 and before[j].text == "," and j < k - 1:
                k = j - 1  # ", however," / ", published in May,"
            else:
                break
        else:
            break
    words: list[Token] = []
    while k >= 0 and len(words) < 10:
        tok = before[k]
        low = tok.text.lower()
        if tok.kind == "punct" and (tok.text not in _QUOTE_MARKS or words):
            break
        if low in _SUBJECT_BOUNDARY:
            prev = before[k - 1] if k > 0 else None
            antecedent = prev is not None and prev.kind == "word" and prev.text.lower() not in _FINITE_MARKERS \
                and prev.text.lower() not in _IRREGULAR_PAST and not prev.text.lower().endswith("ed")
            if not words and (low == "which" or (low == "that" and antecedent)):
                # "a review which showed that"; not "he said that shows that" (a demonstrative subject)
                k -= 1
                if k >= 0 and before[k].text == ",":
                    k -= 1
                continue  # the antecedent of a relative pronoun
            if not words and low == "who":
                words.append(tok)
            break
        if tok.kind != "punct":
            words.append(tok)
        k -= 1
    words.reverse()
    # The phrase opens the sentence, a quotation or what follows a colon: a capital there is no sign of a name.
    opens = k < 0 or before[k].text in (":", "\u2014") or before[k].text in _QUOTE_MARKS
    return words, opens


def _subject_kind(ctx: _Context) -> str:
    """What the subject of a verb match is: ``"data"``, ``"document"``, ``"person"`` or ``"other"``.

    The head is the last word of the subject before its first preposition
    or trailing participle ("Blood samples from the laboratory" -> samples;
    "A leaked memo seen by the paper" -> memo), or the noun after
    "of" when the head counts it ("two years of data" -> data).

    - ``"data"``: figures, data, results, samples, tests, scans, facts,
      evidence ... (:data:`_MEASUREMENT_NOUNS`);
    - ``"document"``: a report, study, survey, audit, review, inquiry,
      analysis, memo, letter, filing ... (:data:`_DOCUMENT_NOUNS`), or words
      on record (*remarks, claims, testimony, speech* ...);
    - ``"person"``: a personal pronoun or *who*, a body that speaks
      (*ministry, police, board, laboratory* ...), a noun of persons
      (-ers, -ors, -ists, -ians: *investigators, researchers, scientists*) or a
      name (a capitalised word that does not open the sentence, or two
      capitalised words: "Nordic Rail").  A single capitalised word that
      opens the sentence is not taken for a name ("Experience shows
      that");
    - ``"other"``: anything else, an unknown *it* or *this* included.
    """
    words, opens = _subject_words(ctx)
    lows = [t.text.lower() for t in words]
    cut = len(lows)
    for k, w in enumerate(lows):
        if w in _SUBJECT_PREPOSITIONS and k > 0:
            cut = k
            break
    head_k = cut - 1
    while head_k > 0 and (lows[head_k] in _IRREGULAR_PARTICIPLES or (
            lows[head_k].endswith("ed") and len(lows[head_k]) > 4)) and lows[head_k - 1] not in _DETERMINER_WORDS:
        head_k -= 1  # "a report seen by", "data released on Friday"
    if head_k < 0:
        return "other"
    if lows[head_k] in _COUNTING_HEADS and cut < len(lows) and lows[cut] == "of":
        rest = [w for w in lows[cut + 1:] if w not in _SUBJECT_PREPOSITIONS]
        if rest:
            return _kind_of_head(rest[-1], words[-1], capital_name=False)
    head = words[head_k]
    name = head.text[:1].isupper() and (head_k > 0 or not opens or (
        len(words) > 1 and words[1].text[:1].isupper()))
    return _kind_of_head(lows[head_k], head, capital_name=name)


def _kind_of_head(low: str, tok: Token, *, capital_name: bool) -> str:
    """The kind of the subject head ``low`` (see :func:`_subject_kind`); ``capital_name``: it reads as a name."""
    if low in _MEASUREMENT_NOUNS:
        return "data"
    if low in _DOCUMENT_NOUNS or low in _CLAIM_NOUNS or low in _SPOKEN_RECORDS:
        return "document"  # an issued document, or words on record: "the remarks showed he had no interest"
    if low in _PERSON_PRONOUNS or low == "they" or low in _SPEAKING_BODIES or low in _PERSON_PLURALS \
            or low in _PERSON_SINGULARS or (len(low) > 5 and low.endswith(("ers", "ors", "ists", "ians"))) \
            or (len(low) > 5 and tok.text.islower() and low.endswith(("ister", "ector", "ist", "ian", "man", "woman"))):
        return "person"
    return "person" if capital_name else "other"


def _cond_show_reporter(ctx: _Context) -> bool:
    """*show* reports (endorsing attribution) only with a person or an issued document as subject.

    "An internal report shows that", "the audit showed that", "investigators
    showed that" report what the document or person states.  With data, tests,
    facts or an unknown subject the same words state evidence: "data show
    that", "lab tests show that", "it shows that" are the booster *show(n)
    that* (entry ``show that``, :func:`_cond_show_evidence`).
    """
    return _subject_kind(ctx) in ("document", "person")


def _cond_show_evidence(ctx: _Context) -> bool:
    """The booster *show(n) that*: the converse of :func:`_cond_show_reporter`, and not the noun ("the show that")."""
    p = _low(ctx.prev_word())
    if (p in _DETERMINER_WORDS and p not in ("this", "that", "these", "those")) or p == "'s":
        return False  # "the show that made her famous" (but "this shows that": a demonstrative subject)
    return not _cond_show_reporter(ctx)


def _cond_speaker_subject(ctx: _Context) -> bool:
    """False when the subject of a reporting verb is data, a sample, a test or a fact.

    "If the second test confirms the diagnosis", "tests confirmed the virus":
    evidence confirms, nobody states anything (METHODS: a person or
    document as subject).  "The laboratory confirmed that" (a body) counts.
    """
    return _subject_kind(ctx) != "data"


def _cond_not_bare_adjunct(ctx: _Context) -> bool:
    """False when only a place or time adjunct follows to the end of the clause and nothing is reported.

    "Measles confirmed at two schools" (a headline's reduced passive),
    "the virus was confirmed in two more regions": what is confirmed is
    the subject, and no clause, quotation or object follows.  "Confirmed
    on Monday that ...", '"..., " the ministry confirmed on Monday.' (the
    words fronted) count.
    """
    toks = list(itertools.islice(ctx.next_tokens(), 1))
    if not toks or toks[0].text.lower() not in _SPEECH_PREPOSITIONS | {"near", "across", "among", "after"}:
        return True
    for tok in itertools.islice(ctx.after, 16):
        low = tok.text.lower()
        if tok.text in _QUOTE_MARKS or low == "that" or low in _WH_WORDS:
            return True
        if tok.kind == "punct" and tok.text in ",.;:!?":
            break
    return _fronted_report(ctx)


_OBJECT_OPENERS = frozenset("it them him her us me the a an their its his our my your these those this".split())


def _cond_not_thing_object(ctx: _Context) -> bool:
    """False for *confirm* with a pronoun or noun-phrase object, no clause and a subject that does not speak.

    METHODS: *confirmed* reports with a person or document as subject.
    With a clause ("confirmed the plant would close"), a noun of statement
    ("confirmed the allegations") or a time adjunct before the clause
    ("confirmed this week that ...") it counts whatever the subject; with
    only a thing as object it counts when a speaker vouches for the thing
    ("the company confirmed the breach": a person or a body that speaks,
    see :func:`_subject_kind`), not when a document, an event or a process
    bears it out ("a leaked memo that seems to confirm it", "a second count
    will only confirm the board's decision"): nothing said is reported.
    """
    after = list(itertools.islice(ctx.after, 12))
    if not after:
        return True
    first = after[0].text.lower()
    if not (first in _OBJECT_OPENERS or first[:1].isdigit()):
        return True
    if len(after) > 1 and after[1].text.lower() in _CALENDAR | _CALENDAR_NEXT:
        return True  # "confirmed this week that ..."
    if _finite_clause(after) or _statement_noun_phrase(after, denial=False):
        return True
    # A speaker who confirms a thing vouches for it ("the company confirmed the breach"); a document, an
    # event or a process confirms only what it bears out ("a leaked memo that seems to confirm it").
    return _subject_kind(ctx) == "person"


def _subject_head_words(ctx: _Context) -> set[str]:
    """Lower-case words of the subject before a verb match, up to its first preposition.

    The subject runs back to the clause boundary (punctuation or a
    conjunction, subordinator or relative pronoun, at most eight words);
    its head stands before any preposition ("a survey of prices" -> survey;
    "data released on Friday" -> data released).
    """
    words: list[str] = []
    for tok in reversed(ctx.before):
        low = tok.text.lower()
        if (tok.kind == "punct" and tok.text not in _QUOTE_MARKS) or low in _SUBJECT_BOUNDARY or len(words) >= 8:
            break
        if tok.kind != "punct":
            words.append(low)
    words.reverse()
    for k, w in enumerate(words):
        if w in _SUBJECT_PREPOSITIONS:
            return set(words[:k])
    return set(words)


def _cond_not_schedule(ctx: _Context) -> bool:
    window: list[Token] = []
    for tok in ctx.next_tokens():
        if tok.kind == "punct" and tok.text in ",.;:!?" or tok.text.lower() == "but" or len(window) >= 16:
            break
        window.append(tok)
    words = [t.text.lower() for t in window]
    k = 1 if words[:1] == ["that"] else 0
    while k < len(words) and words[k] in ("the", "a", "an", "its", "their", "his", "her", "this"):
        k += 1
    head = words[k] if k < len(words) else ""
    if head in _SCHEDULE_NOUNS:
        return False  # "confirmed the date of the summit"
    calendar = place = False
    for i, (tok, word) in enumerate(zip(window, words)):
        nxt = window[i + 1] if i + 1 < len(window) else None
        if word in _CALENDAR or (word == "may" and tok.text[:1] == "M" and nxt is not None and nxt.kind == "number"):
            calendar = True
        elif word in ("next", "this", "later", "coming") and nxt is not None and nxt.text.lower() in _CALENDAR_NEXT:
            calendar = True
        elif tok.kind == "abbreviation" and word in ("p.m.", "a.m."):
            calendar = True
        elif word in ("in", "at") and nxt is not None and nxt.kind == "word" and nxt.text[:1].isupper():
            place = True
    scheduling = any(w in _SCHEDULING_VERBS for w in words)
    if scheduling and (calendar or place):
        return False  # "confirmed the meeting would take place on June 16"
    return not (head in _EVENT_NOUNS and calendar)  # "confirmed the meeting on Friday"


# Pronouns that take up words said before ("dismissed this, saying ...").
_ANAPHORS = frozenset("this that it these those".split())
# Words of assurance: a promise or pledge is a statement that can be dismissed ("assurances were dismissed by").
_ASSURANCES = frozenset("assurance assurances promise promises pledge pledges".split())


def _cond_denial_object(ctx: _Context) -> bool:
    """*dismiss* reports a denial only when what is dismissed is a claim (see the module notes)."""
    if _passive(ctx):
        # "Rehn's assurances were dismissed by the federation": the subject is the statement dismissed.
        for tok in ctx.prev_words():
            word = tok.text.lower()
            if word in _BE_FORMS or word in _BETWEEN_SUBJECT_AND_VERB or (word.endswith("ly") and len(word) > 3):
                continue
            if word in _CLAIM_NOUNS or word in _VIEW_NOUNS or word in _ASSURANCES:
                return True
            break  # any other subject: read what follows ("it was dismissed as propaganda")
    after = list(itertools.islice(ctx.next_tokens(), 3))
    if len(after) > 2 and after[0].text.lower() in _ANAPHORS and after[1].text == "," \
            and after[2].text.lower() in ("saying", "arguing", "insisting", "adding", "calling"):
        return True  # "dismissed this, saying stocks are stable": words said before, answered at once
    for n, tok in enumerate(ctx.next_tokens()):
        if tok.kind == "punct" or n >= 8:
            return False
        word = tok.text.lower()
        if word == "as" or word in _CLAIM_NOUNS:
            return True  # "dismissed the report as", "dismissed the allegations"
    return False


def _fronted_report(ctx: _Context) -> bool:
    """True when a verb that ends its clause reports words fronted before its subject.

    '"We lost," he conceded.', 'The plan failed, the minister admitted.',
    '..., the bank's report showed.': reading back over the subject (at most
    eight words) reaches a comma, a quotation mark, a colon or a dash; or the
    clause opens with *as* ("As one official observed, ...").  "Rovers
    conceded." reaches the start of the sentence: nothing is reported.
    """
    n = 0
    for tok in reversed(ctx.before):
        if tok.kind == "punct":
            return tok.text in _QUOTE_MARKS or tok.text == "," or tok.text in _DASHES
        if tok.text.lower() == "as":
            return True
        n += 1
        if n > 8:
            return False
    return False


_TIME_WORDS = _CALENDAR | _CALENDAR_NEXT | frozenset(
    "last this yesterday earlier later night morning afternoon evening on at in the".split()
)


def _time_adjunct_to_end(toks: Sequence[Token]) -> bool:
    """True when ``toks`` hold only a time adjunct up to the clause end: "last night.", "on Friday,".

    A quotation mark opens words of the clause, not its end: 'claims the "reform" was rushed' has no
    time adjunct.
    """
    for n, tok in enumerate(toks):
        if tok.kind == "punct":
            return n > 0 and tok.text not in _QUOTE_MARKS
        if tok.text.lower() not in _TIME_WORDS or n >= 4:
            return False
    return len(toks) > 0


def _finite_clause(toks: Sequence[Token]) -> bool:
    """True when ``toks`` open a finite clause without *that*: "the court had ignored key testimony".

    A subject pronoun opens one ("he was", "it had"); otherwise a noun phrase
    of at most five words must reach a finite verb (an auxiliary or a past
    form in -ed, not right after a determiner and not before *by*) before
    any preposition, conjunction or punctuation.  "two Olympic titles for
    Uruguay", "an offer worth 5.5%", "61 goals last season and" have none.
    """
    if not toks:
        return False
    if toks[0].text.lower() in _SUBJECT_PRONOUN_WORDS and len(toks) > 1 and toks[1].kind == "word":
        return True
    n = 0
    agent = False  # inside the "by" phrase of a participle that modifies the subject
    for k, tok in enumerate(toks[:12]):
        if tok.kind == "punct":
            return False
        low = tok.text.lower()
        if low == "'s":
            continue  # a possessive inside the subject: "the bank's report was"
        pre = toks[k - 1].text.lower() if k > 0 else ""
        if n >= 1 and pre not in _CONJUNCTIONS:  # "rejected the offer and said ...": a second verb, no clause
            if low in _FINITE_MARKERS:
                return True
            if tok.text.islower() and (low in _IRREGULAR_PAST or low.endswith("ed") and len(low) > 4):
                nxt = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
                if pre not in _DETERMINER_WORDS and pre != "'s" and nxt != "by":
                    return True  # "claimed the plan failed", "admits hackers got in"; not "the revised offer"
                if nxt == "by" and not agent and pre not in _DETERMINER_WORDS:
                    # a participle with its agent inside the subject: "claimed the offer tabled by the
                    # employers fell short": the clause's verb comes after the "by" phrase
                    agent = True
                    n += 1
                    continue
        if low == "by" and agent:
            n += 1
            continue
        if low in _CONJUNCTIONS:
            nxt = toks[k + 1].text.lower() if k + 1 < len(toks) else ""
            if nxt in _FINITE_MARKERS or nxt in _IRREGULAR_PAST or nxt.endswith("ed"):
                return False  # a second verb phrase: "denied bail and was remanded"
        elif low in _PHRASE_BREAKS:
            return False
        n += 1
        if n > (10 if agent else 6):
            return False
    return False


def _statement_noun_phrase(toks: Sequence[Token], *, denial: bool, charge: bool = False) -> bool:
    """True when the noun phrase that opens ``toks`` names a statement (at most five words, to a break).

    A noun of statement heads it ("the allegations", "his innocence", "eight
    counts of fraud", "the figure"), a label of doubt modifies it ("alleged
    interference"), it holds a quotation ('claiming a "historic" win': the
    quoted words are words said) or, after a verb of denial, *any*
    introduces it ("denied any cover-up", "any wrongdoing") or an offence
    ends it ("denies fraud", "denied two counts of arson": the charge is the
    accusation denied; not "denied fraud investigators access", where the
    offence modifies the noun after it).  With ``charge`` (after *admit*,
    *confess*) an offence ends it as well: "admitted bribery at an earlier
    hearing" admits the charge, a guilty plea.
    """
    for n, tok in enumerate(toks):
        if n >= 5 or tok.kind == "punct" and tok.text not in _QUOTE_MARKS:
            return False
        if tok.text in _QUOTE_MARKS:
            return True  # quoted words in the object are words said: 'claiming a "historic" win'
        low = tok.text.lower()
        if low in _STATEMENT_NOUNS or low in _DISTANCING_MODIFIERS or (denial and n == 0 and low == "any"):
            return True
        if (denial or charge) and low in _OFFENCES and (
                n + 1 == len(toks) or toks[n + 1].kind == "punct" or toks[n + 1].text.lower() in _CONJUNCTIONS
                or toks[n + 1].text.lower() in _PHRASE_BREAKS):
            # "denies fraud", "denied murder and arson", "admitted bribery at a hearing": the charge, a
            # statement (not "denied fraud investigators access": the offence modifies a noun)
            return True
        if low in _PHRASE_BREAKS:
            return False
    return False


def _act_gerund(ctx: _Context, toks: Sequence[Token]) -> bool:
    """True when a gerund right after *deny*, *admit* or *concede* names the act denied or admitted.

    "denied using drugs", "admits taking bribes", "conceded losing
    control": what is denied or admitted is that the subject did it, a
    statement.  An -ing preposition ("denied during the hearing ...") or
    pronoun ("conceded nothing") is not a gerund, and after *deny* a gerund
    followed by *to/for* or by a noun of a thing granted is a thing refused
    ("denied funding to the clinic", "denied planning permission": a
    decision, not a denial).
    """
    surface = ctx.surface.lower()
    if not surface.startswith(_ACT_REPORTING):
        return False
    first = toks[0]
    low = first.text.lower()
    if first.kind != "word" or not first.text.islower() or not low.endswith("ing") or len(low) < 5 \
            or low in _ING_PREPOSITIONS or low.endswith("thing"):
        return False
    nxt = toks[1].text.lower() if len(toks) > 1 else ""
    return not (surface.startswith("den") and (nxt in ("to", "for") or nxt in _GRANTED))


def _admission(ctx: _Context, toks: Sequence[Token]) -> bool:
    """True when *admit* + *to/into* names a place or body one is admitted to (at most four words on).

    "with nine admitted to hospital", "was admitted to the intensive care
    unit", "admitted into the academy": an admission, not a concession.
    "admitted to the charges", "admitted to lying" report what is admitted.
    """
    if not ctx.surface.lower().startswith("admit"):
        return False
    for n, tok in enumerate(toks):
        if n >= 4 or tok.kind == "punct":
            return False
        low = tok.text.lower()
        if low in _ADMISSION_PLACES:
            return True
        if low in _PHRASE_BREAKS or (n == 0 and low.endswith("ing")):
            return False  # "admitted to taking too little care": a gerund, the act admitted
    return False


def _cond_statement_object(ctx: _Context) -> bool:
    """A reporting verb counts only when it reports a statement (see the module notes, ``statement_object``)."""
    if len(ctx.surface.split()) > 2:
        return True  # the object lies inside the match: "brushed the criticism aside"
    after = ctx.after
    before = ctx.before
    if len(before) > 1 and (before[-1].text in _QUOTE_MARKS and before[-2].text in _QUOTE_END_PUNCT or (
            before[-1].text == "," and before[-2].text in _QUOTE_MARKS)):
        # Inverted after a quotation that ends a clause: '"We lost," conceded Nolan'; not a quoted word
        # before its verb ('Some of the "rowers" admitted under the scheme': a reduced passive).
        return True
    after = _skip_interposed(after)  # "He admitted, however, that ..."
    if not after:
        return _fronted_report(ctx)
    first = after[0]
    if first.text in _QUOTE_MARKS or first.text in _DASHES:
        return True  # 'insisted: "..."', 'denied "any wrongdoing"'
    if first.text.lower() in ("it", "this") and (len(after) == 1 or after[1].kind == "punct"):
        return True  # "Wexham Water denied this.": the pronoun stands for what was said (not "this" of time)
    if first.kind == "punct" or _time_adjunct_to_end(after):
        # '"We lost," he conceded.', '..., the supermarket admitted last night.'
        return first.text != "(" and _fronted_report(ctx)
    word = first.text.lower()
    if word == "that" or word in ("whether", "if", "why", "how", "what", "when", "where"):
        return True
    toks = list(itertools.islice(after, 8))
    if word in ("to", "into") and _admission(ctx, toks[1:]):
        return False  # "nine admitted to hospital", "admitted to intensive care"
    if word == "to":
        nxt = toks[1].text.lower() if len(toks) > 1 else ""
        if nxt in ("be", "have", "having") or nxt.endswith("ing"):
            return True  # "claimed to have", "admitted to lying"
    if word in _SPEECH_PREPOSITIONS:
        # An adjunct of the speech before what is said: "stated in a filing that", "denied to reporters that".
        for tok in toks[1:]:
            low = tok.text.lower()
            if low == "that" or tok.text in _QUOTE_MARKS or tok.text in _DASHES:
                return True
            if tok.kind == "punct":
                if _fronted_report(ctx):
                    return True  # '"...," he maintained on Telegram.'
                break
        return _statement_noun_phrase(toks[1:], denial=False)  # "admitted to the charges"
    if word in ("it", "this") and (len(toks) == 1 or toks[1].kind == "punct"):
        return True  # "he denied it.": the pronoun stands for what was said
    if _act_gerund(ctx, toks):
        return True  # "has always denied using drugs", "admitted taking the money"
    if _finite_clause(list(itertools.islice(after, 12))):
        return True  # "claimed the court had ignored key testimony"
    surface = ctx.surface.lower()
    return _statement_noun_phrase(toks, denial=surface.startswith("den"), charge=surface.startswith(("admit",
                                                                                                   "confess")))


_INTERPOSED = frozenset(
    "however though nonetheless nevertheless moreover meanwhile too also again later therefore "
    "instead indeed".split()
)


_MAX_INSERTED_WORDS = 6


def _skip_interposed(after: Sequence[Token]) -> Sequence[Token]:
    """``after`` without a phrase set off by commas right after the verb: ", however, that ..." -> "that ...".

    One or two words between the commas, each a connective (*however,
    though, too* ...) or an adverb in -ly ("admitted, privately, that"); a
    name or a clause between commas (", the minister, ...", ", he said,")
    is not skipped.  Before *that* any phrase of at most six words without
    punctuation is skipped: the *that* after the second comma can only open
    the clause the verb reports ("even claimed, without offering any proof,
    that", "insisted, in a letter to members, that").
    """
    if len(after) < 3 or after[0].text != ",":
        return after
    for k in range(2, min(len(after), _MAX_INSERTED_WORDS + 2)):
        tok = after[k]
        if tok.text != "," and tok.kind != "punct":
            continue
        if tok.text != ",":
            break
        words = after[1:k]
        if k <= 3 and all(t.kind == "word" and t.text.islower() and (
                t.text in _INTERPOSED or (len(t.text) > 4 and t.text.endswith("ly"))) for t in words):
            return after[k + 1:]
        if k + 1 < len(after) and after[k + 1].text.lower() == "that":
            return after[k + 1:]
        break
    return after


_Side = Literal["prev", "next", "next_words", "after"]


@dataclass(frozen=True)
class _WordRule:
    """A context rule that reads only the words next to a match: is one of them in a closed word class?

    ``side`` says which tokens are read, nearest first: ``"prev"`` the words
    before the match (:meth:`_Context.prev_words`), ``"next"`` the tokens after
    it with quotation marks skipped (:meth:`_Context.next_tokens`, punctuation
    included), ``"next_words"`` the words after it, ``"after"`` every token
    after it.  The rule holds when one of the ``within`` nearest tokens is in
    ``words`` (``present=True``), or when none is (``present=False``).
    """

    side: _Side
    words: frozenset[str]
    present: bool = False
    within: int = 1

    def __call__(self, ctx: _Context) -> bool:
        if self.side == "prev":
            tokens: Iterable[Token] = ctx.prev_words()
        elif self.side == "next":
            tokens = ctx.next_tokens()
        elif self.side == "next_words":
            tokens = (t for t in ctx.next_tokens() if t.kind != "punct")
        else:
            tokens = ctx.after
        found = any(t.text.lower() in self.words for t in itertools.islice(tokens, self.within))
        return found == self.present


# The context rules that only ask whether a word of a closed class stands next to the match.
_WORD_RULES: dict[str, _WordRule] = {
    "discourse_marker": _WordRule("prev", _COURSE_NOUNS),  # "a change of course"
    "not_after_determiner": _WordRule("prev", _ATTRIBUTIVE_PREV | {"'s"}),  # "the accused"
    "clause_follows": _WordRule("next", _CLAUSE_STARTERS, present=True),  # "said he", "said that"
    "not_quarrel": _WordRule("next", _QUARREL),  # "argued with"
    "not_motion": _WordRule("next", _MOTION),  # "echoed through"
    "not_condemned_to": _WordRule("next", frozenset({"to"})),  # "condemned to death"
    "not_lives": _WordRule("next_words", _LIVES, within=3),  # "claimed 20 lives"
    "describe_as": _WordRule("after", frozenset({"as"}), present=True, within=12),  # "described ... as"
}


def _negated(rule: Callable[[_Context], bool]) -> Callable[[_Context], bool]:
    """The converse of a context rule."""
    return lambda ctx: not rule(ctx)


_CONDITIONS: dict[str, Callable[[_Context], bool]] = {
    **_WORD_RULES,
    "before_quantity": _cond_before_quantity,
    "epistemic_modal": _cond_epistemic_modal,
    "not_month": _cond_not_month,
    "adjective_use": _is_attributive,
    "verb_use": _negated(_is_attributive),
    "verb_not_noun": _cond_verb_not_noun,
    "speech_context": _cond_speech_context,
    "not_passive": _cond_not_passive,
    "that_follows": _cond_that_follows,
    "not_talk_about": _cond_not_talk_about,
    "epistemic_assume": _cond_epistemic_assume,
    "not_proposal": _cond_not_proposal,
    "not_indirect_question": _cond_not_indirect_question,
    "epistemic_possible": _cond_epistemic_possible,
    "epistemic_belief": _cond_epistemic_belief,
    "stance_always_never": _cond_stance_always_never,
    "not_manner": _cond_not_manner,
    "epistemic_must": _cond_epistemic_must,
    "stance_sure": _cond_stance_sure,
    "predicative_certain": _cond_predicative_certain,
    "stance_really": _cond_stance_really,
    "label_adjective": _is_label_adjective,
    "label_verb": _negated(_is_label_adjective),
    "reported_clause": _cond_reported_clause,
    "evidence_clause": _cond_evidence_clause,
    "not_schedule": _cond_not_schedule,
    "denial_object": _cond_denial_object,
    "statement_object": _cond_statement_object,
    "statement_passive": _cond_statement_passive,
    "passive_clause": _cond_passive_clause,
    "not_turn_out": _cond_not_turn_out,
    "show_reporter": _cond_show_reporter,
    "show_evidence": _cond_show_evidence,
    "speaker_subject": _cond_speaker_subject,
    "not_bare_adjunct": _cond_not_bare_adjunct,
    "not_thing_object": _cond_not_thing_object,
    "not_withheld": _cond_not_withheld,
    "not_hearsay_passive": _cond_not_hearsay_passive,
    "not_negated_act": _cond_not_negated_act,
    "not_unable": _cond_not_unable,
    "not_greeting": _cond_not_greeting,
    "not_said_nothing": _cond_not_said_nothing,
    "not_concessive": _cond_not_concessive,
}


# ---------------------------------------------------------------------------
# Matching.


@dataclass(frozen=True)
class _Entry:
    order: int
    term: str
    regex: re.Pattern[str]
    category: str
    subcategory: str
    conditions: tuple[Callable[[_Context], bool], ...]
    # Lower-case strings one of which every match begins with, or None when
    # the pattern gives no such guarantee (see _literal_prefixes).
    prefixes: tuple[str, ...] | None = None


@functools.cache
def _default_matcher(key: tuple[str, int, int]) -> tuple[tuple[_Entry, ...], _PrefixIndex]:
    """The compiled entries and prefix index of the lexicon file version ``key`` (see :func:`_file_key`).

    Both are immutable (frozen dataclasses, tuples, compiled patterns, a
    read-only mapping), so one copy serves every call of :func:`find_cues`.
    """
    entries = tuple(_entries(_read_lexicon(*key)))
    index = _all_prefixes(entries)
    return entries, _PrefixIndex(index.regex, MappingProxyType(dict(index.entries_of)), index.always)


@functools.cache
def _speech_cues_of(key: tuple[str, int, int]) -> pd.DataFrame:
    return load_speech_cues(key[0])


def _default_speech_cues() -> pd.DataFrame:
    """The project's speech-act words, read once per version of the file; a copy for each caller."""
    return _speech_cues_of(_file_key(LEXICON_DIR / DEFAULT_SPEECH_CUES)).copy()


def _entries(lexicon: pd.DataFrame) -> list[_Entry]:
    out = []
    for i, row in enumerate(lexicon.itertuples(index=False)):
        conds = tuple(_CONDITIONS[c] for c in _split_conditions(row.condition))
        out.append(
            _Entry(
                i,
                row.term,
                compile_pattern(row.pattern),
                row.category,
                row.subcategory,
                conds,
                _literal_prefixes(row.pattern),
            )
        )
    return out


def _top_level_alternatives(pattern: str) -> list[str] | None:
    """Split ``pattern`` at its top-level ``|``.

    None when the pattern has a character class or an escape (a ``(`` or
    ``|`` in them would be literal) or unbalanced parentheses.
    """
    if "[" in pattern or "\\" in pattern:
        return None
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    if depth != 0:
        return None
    parts.append(pattern[start:])
    return parts


_PLAIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def _literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literal beginnings, one of which starts every match of a lexicon ``pattern``.

    Each top-level alternative contributes its leading run of ASCII letters
    and digits, less the last one when a quantifier follows it
    (``appear(?:s|ed)?`` gives ``"appear"``, ``says?`` gives ``"say"``).  None
    when some alternative does not begin with such a letter or digit
    (``(?:is|are) ...``): that entry is always searched in full.
    """
    alternatives = _top_level_alternatives(pattern.strip())
    if alternatives is None:
        return None
    out = []
    for alt in alternatives:
        n = 0
        while n < len(alt) and alt[n] in _PLAIN_CHARS:
            n += 1
        if alt[n : n + 1] in ("?", "*", "+", "{"):
            n -= 1
        if n <= 0:
            return None
        out.append(alt[:n].lower())
    return tuple(sorted(set(out)))


# Characters outside ASCII that a case-insensitive regex matches to an ASCII
# letter (dotted and dotless I, long s, Kelvin sign); a sentence containing one
# of them is searched with every lexicon entry.  tests/test_cues.py checks this
# set against the re module.
_ASCII_CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")


@dataclass(frozen=True)
class _PrefixIndex:
    """Which lexicon entries each literal prefix can start (see :func:`_literal_prefixes`)."""

    # The prefixes as one expression, longest first, matched at the start of a run of ASCII letters and
    # digits; None when no entry has a prefix.
    regex: re.Pattern[str] | None
    # prefix -> positions of the entries whose prefix is it or a beginning of it ("saying" -> the entries
    # of "say" and of "saying"), so the longest prefix found at a run start answers for the shorter ones.
    entries_of: Mapping[str, tuple[int, ...]]
    always: tuple[int, ...]  # positions of the entries without a prefix guarantee


def _all_prefixes(entries: Sequence[_Entry]) -> _PrefixIndex:
    own: dict[str, set[int]] = {}
    always = []
    for i, e in enumerate(entries):
        if e.prefixes is None:
            always.append(i)
            continue
        for p in e.prefixes:
            own.setdefault(p, set()).add(i)
    closure = {p: tuple(sorted(set().union(*(own[p[:k]] for k in range(1, len(p) + 1) if p[:k] in own))))
               for p in own}
    regex = None
    if own:
        alternatives = "|".join(re.escape(p) for p in sorted(own, key=lambda p: (-len(p), p)))
        regex = re.compile(r"(?<![a-z0-9])(?:" + alternatives + ")")
    return _PrefixIndex(regex, closure, tuple(always))


def _candidates(text: str, entries: Sequence[_Entry], prefixes: _PrefixIndex) -> Sequence[_Entry]:
    """The entries that can match ``text``: a cheap test that never drops an entry that matches.

    A match begins at a word edge (the character before it is neither a
    word character nor a hyphen), so with no case twin in the text its
    literal prefix begins a run of ASCII letters and digits of
    ``text.lower()``.  One regular expression finds, at each run start, the
    longest prefix there (:func:`_all_prefixes` of ``entries``), which
    stands for every shorter prefix it begins with; entries without a
    prefix guarantee are always kept.  Entries come back in lexicon order.
    """
    if not _ASCII_CASE_TWINS.isdisjoint(text):
        return entries
    hit = set(prefixes.always)
    if prefixes.regex is not None:
        for p in set(prefixes.regex.findall(text.lower())):
            hit.update(prefixes.entries_of[p])
    return [entries[i] for i in sorted(hit)]


def _match_sentence(
    text: str, entries: Sequence[_Entry], *, headline: bool, prefixes: _PrefixIndex | None = None
) -> list[tuple[int, int, _Entry]]:
    """All lexicon matches in one normalised sentence that pass their rules.

    Overlapping matches are resolved by keeping the earliest, then the
    longest, then the first lexicon entry.  ``prefixes`` (optional, for speed)
    is :func:`_all_prefixes` of ``entries``.  Matching and the context rules
    read the text without its invisible format characters
    (:func:`framing.load.text.visible`); the spans returned are offsets in ``text``.
    """
    vis = visible(text)
    if vis.where is not None:
        found = _match_sentence(vis.text, entries, headline=headline, prefixes=prefixes)
        return [(*vis.span(s, e), entry) for s, e, entry in found]
    if prefixes is None:
        prefixes = _all_prefixes(entries)
    tokens: list[Token] | None = None
    starts: list[int] = []
    ends: list[int] = []
    found = []
    for entry in _candidates(text, entries, prefixes):
        for m in entry.regex.finditer(text):
            s, e = m.span()
            if entry.conditions:
                if tokens is None:
                    tokens = tokenize(text)
                    starts = [t.start for t in tokens]
                    ends = [t.end for t in tokens]
                # Tokens come in text order without overlap, so the tokens that
                # end by s are a prefix of the list and those starting from e a suffix.
                ctx = _Context(
                    surface=m.group(),
                    before=_TokenRun(tokens, 0, bisect.bisect_right(ends, s)),
                    after=_TokenRun(tokens, bisect.bisect_left(starts, e), len(tokens)),
                    headline=headline,
                )
                if not all(cond(ctx) for cond in entry.conditions):
                    continue
            found.append((s, e, entry))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0]), f[2].order))
    kept: list[tuple[int, int, _Entry]] = []
    reach = 0  # the furthest end of the matches kept so far
    for f in found:
        if kept and f[0] < reach:
            continue
        kept.append(f)
        reach = max(reach, f[1])
    return kept


_is_headline = is_headline


def _spans_by_article(quotes: pd.DataFrame) -> dict[str, SpanIndex]:
    spans: dict[str, list[Span]] = {}
    for q in quotes.itertuples(index=False):
        spans.setdefault(str(q.article_id), []).append(Span(int(q.start), int(q.end)))
    return {k: SpanIndex(v) for k, v in spans.items()}


_NO_SPANS = SpanIndex(())


def find_cues(
    sentences: pd.DataFrame,
    quotes: pd.DataFrame,
    *,
    lexicon: pd.DataFrame | None = None,
    headline_quotes: HeadlineQuotes = "partial",
    speech_cues: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find hedges, boosters, distancing words, reporting verbs and scare quotes.

    Parameters
    ----------
    sentences : pandas.DataFrame
        One row per sentence with ``article_id, outlet, sentence_id, start,
        text`` (``start`` = offset of the sentence in the raw article text;
        ``text`` = the raw slice).  An optional ``role`` column (or, failing
        that, ``paragraph`` = 0) marks headlines.
    quotes : pandas.DataFrame
        Quotation spans with ``article_id, start, end`` (raw offsets, marks
        included), as from :func:`framing.load.corpus.load_corpus`.
    lexicon : pandas.DataFrame, optional
        As returned by :func:`load_lexicon`; default the project lexicon.
    headline_quotes : {"partial", "strict", "ignore"}
        How a quotation in a headline is judged.  ``"partial"`` (default):
        it is a partial quote, not a scare quote, as soon as *one* of its
        content words occurs in an attributed quotation of the article body
        (headline writers abridge quotes).  ``"strict"``: judged like a body
        quotation (all its content words must occur in one attributed
        quotation).  ``"ignore"``: headline quotations are never scare quotes.
    speech_cues : pandas.DataFrame, optional
        Speech-act words that attribute a quotation (:func:`load_speech_cues`).

    Returns
    -------
    pandas.DataFrame
        One row per cue with columns ``article_id, outlet, sentence_id, start,
        end, cue, term, category, subcategory, voice``.  ``start``/``end`` are
        offsets into the raw article text and ``cue`` is that raw slice;
        ``term`` is the lexicon lemma (for scare quotes, the lower-cased words
        inside the marks); ``subcategory`` is ``""`` except for attribution;
        ``voice`` is ``"quoted"`` when the cue lies inside a quotation span of
        its article and ``"authorial"`` otherwise (scare quotes are always
        authorial: the outlet chose the marks).  Sorted by ``article_id,
        start, end, category, term``.

    Notes
    -----
    Matching runs on :func:`framing.load.text.normalise` of each sentence, which
    keeps offsets, and looks past invisible format characters (a soft hyphen
    inside *allegedly* does not hide the cue; ``cue`` then contains it).  A
    scare quote is a quotation span of 1-4 words that

    1. has no speaker (:func:`framing.measures.quotes.quote_speakers`,
       ``found_in == "none"``): no reporting verb from the lexicon outside
       quotation marks, no speech-act word of its clause (``called``,
       ``hailed``, ``question``, ``Biden's words`` ...) and no speaker
       introduced by a colon directly before it or named after a colon
       that follows it in its sentence, and no speaker named with a verb
       in the sentence before (unless the outlet puts its own label right
       before the marks: the *so-called* "reset");
    2. is not a partial quote: its content words do not all occur in one
       *attributed* quotation of the same article (a quotation of more than
       four words, all its sentences, or a short one that is attributed by
       rule 1); in a headline one shared content word is enough (see
       ``headline_quotes``); and
    3. is not a phrase of another language (letters outside ASCII, French,
       Spanish, German, Italian, Portuguese or Latin function words, the
       spelling of a transliteration from Russian or Ukrainian, a language
       named right before it, a gloss right after it, or a translation in
       brackets right after it: a few words that share none of its words,
       about as many as it has, not an abbreviation in capitals); and
    4. is not a term being named (``_named_term``): a verb of naming right
       before it ("known as", "known in Odara as the", "called", "dubbed",
       "what locals call"; not the outlet's own "so-called"), a gloss of
       the quotation right before it ('"Brek Sollan", roughly "the river
       quarrel"'), or, with no determiner or
       possessive before it, an appositive gloss after it (', the sweet
       buses,': *the/a/an* and at most five more words, no clause word,
       no word of the quotation).

    These are heuristics of reading: rule 1 takes any attribution in the
    sentence for the quotation's, rule 3 knows no vocabulary (an
    unaccented foreign word with English spelling, "fait accompli", passes
    for English), and rule 4 takes an ironic quotation glossed by a short
    description ('blamed "progress", the council's favourite word, for
    ...') for a term being named.
    """
    import pandas as pd

    if headline_quotes not in ("partial", "strict", "ignore"):
        raise ValueError(f"headline_quotes must be 'partial', 'strict' or 'ignore', not {headline_quotes!r}")
    if lexicon is None:
        # The project lexicon, parsed and compiled once per version of the file (see _default_matcher).
        entries, prefixes = _default_matcher(_file_key(LEXICON_DIR / DEFAULT_LEXICON))
    else:
        entries = _entries(lexicon)
        prefixes = _all_prefixes(entries)
    speech = _default_speech_cues() if speech_cues is None else speech_cues
    spans = _spans_by_article(quotes)

    rows: list[dict[str, object]] = []
    verbs: list[tuple[str, int, int]] = []  # authorial reporting verbs: (article_id, start, end)
    sentence_info: list[_SentenceInfo] = []
    for sent in sentences.itertuples(index=False):
        raw = str(sent.text)
        text = normalise(raw)
        base = int(sent.start)
        art = str(sent.article_id)
        art_spans = spans.get(art, _NO_SPANS)
        headline = _is_headline(sent)
        n_verbs = len(verbs)
        for s, e, entry in _match_sentence(text, entries, headline=headline, prefixes=prefixes):
            voice = "quoted" if art_spans.inside(base + s, base + e) else "authorial"
            if entry.category == "attribution" and voice == "authorial":
                verbs.append((art, base + s, base + e))
            rows.append(
                {
                    "article_id": art,
                    "outlet": str(sent.outlet),
                    "sentence_id": str(sent.sentence_id),
                    "start": base + s,
                    "end": base + e,
                    "cue": raw[s:e],
                    "term": entry.term,
                    "category": entry.category,
                    "subcategory": entry.subcategory,
                    "voice": voice,
                }
            )
        sentence_info.append(
            _SentenceInfo(
                article_id=art,
                outlet=str(sent.outlet),
                sentence_id=str(sent.sentence_id),
                start=base,
                raw=raw,
                text=text,
                headline=headline,
                has_attribution=len(verbs) > n_verbs,
            )
        )
    if not quotes.empty and not sentences.empty:
        verb_table = pd.DataFrame(verbs, columns=["article_id", "start", "end"])
        speakers = quote_speakers(sentences, quotes, verbs=verb_table, speech_cues=speech, names=False,
                                  max_words=_MAX_SCARE_WORDS)
        verb_starts: dict[str, list[int]] = {}
        for art, start, _ in verbs:
            verb_starts.setdefault(art, []).append(start)
        for starts in verb_starts.values():
            starts.sort()
        rows.extend(_scare_quotes(sentence_info, spans, speakers, headline_quotes, verb_starts))

    out = pd.DataFrame(rows, columns=list(CUE_COLUMNS))
    out = out.astype(
        {
            "article_id": str,
            "outlet": str,
            "sentence_id": str,
            "start": "int64",
            "end": "int64",
            "cue": str,
            "term": str,
            "category": str,
            "subcategory": str,
            "voice": str,
        }
    )
    out = out.sort_values(["article_id", "start", "end", "category", "term"], kind="mergesort")
    return out.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Scare quotes.


@dataclass(frozen=True)
class _SentenceInfo:
    article_id: str
    outlet: str
    sentence_id: str
    start: int
    raw: str
    text: str
    headline: bool
    has_attribution: bool  # an authorial reporting verb of the lexicon stands in it


@dataclass(frozen=True)
class _Quote:
    span: Span
    sentence: _SentenceInfo
    words: tuple[str, ...]
    attributed: bool


def _quote_words(text: str) -> tuple[str, ...]:
    words = []
    for w in _WORD_RE.findall(drop_invisible(text).lower()):
        if w.endswith("'s"):
            w = w[:-2]
        words.append(w)
    return tuple(words)


def _content(words: Iterable[str]) -> set[str]:
    """Content words, each also in a crude singular form ('relations' -> 'relation')."""
    out = set()
    for w in words:
        if w in _QUOTE_STOPWORDS:
            continue
        out.add(w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            out.add(w[:-1])
    return out


# Older names of the helpers that moved to framing.measures.quotes.
_first_letter = first_letter


def _colon_speaker(text: str, s: int, e: int, *, first_letter: int | None = None) -> bool:
    """:func:`framing.measures.quotes.colon_speaker` (``first_letter`` = its ``first_letter_at``)."""
    return colon_speaker(text, s, e, first_letter_at=first_letter)


def _first_containing(sentences: Sequence[_SentenceInfo], points: Sequence[int]) -> list[int | None]:
    """For each sorted point, the position of the first sentence whose text holds it (see :func:`first_containing`)."""
    return first_containing([x.start for x in sentences], [x.start + len(x.raw) for x in sentences], points)


def _one_source_holds(words: set[str], holders: dict[str, set[int]], n_sources: int) -> bool:
    """True when one of ``n_sources`` sources holds every word of ``words``.

    ``holders`` maps a word to the sources that hold it; one source holds
    them all when those sets intersect.  Intersecting from the smallest set
    costs at most the size of that set per word, not a scan of every source.
    """
    held = sorted((holders.get(w, set()) for w in words), key=len)
    if not held:
        return n_sources > 0
    common = held[0]
    for other in held[1:]:
        if not common:
            break
        common = common & other
    return bool(common)


# ---------------------------------------------------------------------------
# Quoted phrases of another language.

# Function words of French, Spanish, Italian, German, Portuguese and Latin that are not English words.
_FOREIGN_FUNCTION_WORDS = frozenset(
    "le la les du des et est une au aux sur avec pour dans qui que ce cette sans el los las del por para una "
    "der das und ist mit nicht ein eine il di della dello che ne em os das pela pelo ad hoc sic vis".split()
)
# Letter sequences and endings of words transliterated from Russian, Ukrainian and Belarusian.
_TRANSLIT_INNER = ("zh", "kh", "shch", "tsy", "tsk")
_TRANSLIT_ENDINGS = ("iya", "yy", "iy", "aya", "oye", "ovo", "evo", "iki", "nost", "stvo", "ovka", "skiy", "skaya",
                     "skoye", "nyy", "oika", "yye")
_LANGUAGES = (
    "russian ukrainian belarusian french german spanish italian latin arabic hebrew persian farsi turkish polish "
    "georgian hindi urdu greek portuguese yiddish korean japanese chinese mandarin swedish dutch serbian czech "
    "kazakh chechen tatar armenian azerbaijani"
)
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:" + "|".join(_LANGUAGES.split()) + r")\b(?:\s+(?:word|term|phrase|expression|slogan|for|as))?[\s,:]*$",
    re.IGNORECASE,
)
_IN_LANGUAGE_BEFORE = re.compile(r"\bin\s+(?:" + "|".join(_LANGUAGES.split()) + r")\b", re.IGNORECASE)
_GLOSS_AFTER = re.compile(
    r"^[\s,(\u2014\u2013-]*(?:meaning|which means|literally|roughly translated|translated as|or in english"
    r"|in english|roughly(?=\s*[\"'\u201c\u2018]))\b",
    re.IGNORECASE,
)


def _foreign_phrase(text: str, s: int, e: int, words: Sequence[str]) -> bool:
    """True when the quotation ``text[s:e]`` (marks included) is a phrase of another language.

    Signs, any one of which suffices: a letter outside ASCII ("coup de
    gr\u00e2ce", a word in Cyrillic); a French, Spanish, German, Italian,
    Portuguese or Latin function word ("raison d'etre" has none, but "fait
    accompli" is caught only by the next signs); a word with the letters or
    ending of a transliteration from Russian or Ukrainian ("siloviki",
    "spetsoperatsiya", "glasnost"); a language named right before it ("the
    Russian word", "in French") or a gloss right after it (", meaning ...",
    "(literally ...").  English loanwords written with accents ("caf\u00e9")
    are read as foreign too.
    """
    inner = drop_invisible(text[s:e])
    if any(ch.isalpha() and not ch.isascii() for ch in inner):
        return True
    for w in words:
        if w in _FOREIGN_FUNCTION_WORDS:
            return True
        if len(w) >= 5 and (any(p in w for p in _TRANSLIT_INNER) or w.endswith(_TRANSLIT_ENDINGS)):
            return True
    before = drop_invisible(text[max(0, s - 40) : s])
    if _LANGUAGE_BEFORE.search(before) or _IN_LANGUAGE_BEFORE.search(before[-20:]):
        return True
    after = drop_invisible(text[e : e + 60])
    if _GLOSS_AFTER.match(after):
        return True
    paren = _PAREN_GLOSS.match(after)
    return paren is not None and _is_translation(words, paren.group(1).split())


# A verb of naming right before a quotation: "known (in Odara) as", "called", "nicknamed", "dubbed", "what
# locals call" (not the outlet's own label "so-called", which keeps its scare quote).  After "known ... as",
# "referred to as", "nicknamed", "dubbed" and "termed" an article may stand before the name ("known as the
# 'Iron Lady'"); after "called" and "named" it is not read over, since "called the 'reform' a failure" has
# the quotation inside an object, not a name.
_NAMING_BEFORE = re.compile(
    r"(?:\b(?:known|referred\s+to)\b(?:\s+[\w'\u2019-]+){0,3}?\s+as(?:\s+(?:the|a|an))?"
    r"|\bwhat\s+(?:[\w'\u2019-]+\s+){1,3}?call(?:s|ed)?"
    r"|\b(?:nicknamed|dubbed|termed)(?:\s+(?:the|a|an))?"
    r"|(?<!so-)(?<!so\s)\b(?:called|named))\s*$",
    re.IGNORECASE,
)
# A quotation that glosses the quotation right before it: '"Brek Sollan", roughly "the river quarrel"',
# '"keza tamu" (literally "sweet buses")': a translation of the term, not the outlet's distance.
_GLOSS_OF_QUOTE = re.compile(
    r"[\"'\u201d\u2019]\s*[,(\u2014\u2013-]?\s*(?:roughly|loosely|literally|meaning|which\s+means"
    r"|translated\s+as|or)\s*[,:]?\s*$",
    re.IGNORECASE,
)
# An appositive gloss right after a quotation: ", the sweet buses," or ", a fried dough cake." (at most six
# words, closed by a comma or the end of the sentence).
_APPOSITIVE_GLOSS = re.compile(
    r"\s*,\s+((?:the|a|an)\s+[^\W\d_][\w'\u2019-]*(?:\s+[^\W\d_][\w'\u2019-]*){0,5})\s*(?:,|[.!?]?\s*$)",
    re.IGNORECASE,
)
_GLOSS_CLAUSE_WORDS = frozenset("that which who whom whose where when while because if as".split())


def _named_term(text: str, s: int, e: int, words: Sequence[str]) -> bool:
    """True when the quotation ``text[s:e]`` mentions a name or term rather than using words of the outlet's.

    A reader takes the marks for the marks of a term being introduced
    (a name in another language, a technical or local term), not for the
    outlet's distance from the words, when

    - a verb of naming stands right before it: "known as", "known in
      Odara as", "referred to as", "called", "nicknamed", "dubbed", "what
      locals call" ("the clinics are known as "keza tamu"", "known along
      the coast as the "Salt Road""); the outlet's own "so-called" is not
      one (the so-called "reset" stays a scare quote);
    - it glosses the quotation right before it, after *roughly, literally,
      meaning, or* ('"Brek Sollan", roughly "the river quarrel"'): a
      translation of a term, not the outlet's own words;
    - or, with no determiner or possessive before it (a term, not a noun
      phrase of the sentence: "the 'universal museum'" is used, not
      mentioned), an appositive gloss follows it: a comma, *the/a/an* and
      at most five more words without a clause word (*that, which, who*
      ...) and sharing no content word with the quotation, closed by a
      comma or the end of the sentence ('"keza tamu", the sweet buses,
      because ...').  'promises "growth", a word that has lost its
      meaning' is no gloss (a clause).
    """
    before = drop_invisible(text[max(0, s - 40) : s])
    if _NAMING_BEFORE.search(before) or _GLOSS_OF_QUOTE.search(before):
        return True
    m = _APPOSITIVE_GLOSS.match(drop_invisible(text[e : e + 80]))
    if m is None:
        return False
    prev = _WORD_RE.findall(before.lower())
    if prev and (prev[-1] in _DETERMINER_WORDS or prev[-1].endswith("'s")):
        return False
    gloss = m.group(1).lower().split()
    if _GLOSS_CLAUSE_WORDS & set(gloss):
        return False
    return not (_content(gloss) & _content(words))


# A parenthesis right after a quotation holding only a few words: '"Longkang Bersih" (Clean Drains)'.
_PAREN_GLOSS = re.compile(r"\s*\(([^\W\d_][\w'\-]*(?:\s+[^\W\d_][\w'\-]*){0,5})\)")


def _is_translation(words: Sequence[str], gloss: Sequence[str]) -> bool:
    """True when the parenthesised ``gloss`` after a quotation of ``words`` reads as its translation.

    The gloss shares no word with the quotation (a repeat or an explanation
    of an English phrase would), has at most two words more or fewer, and
    is not an abbreviation in capitals ("(OS)").  '"Bersama Maju" (Forward
    Together)' passes; '"reset" (reset)' and '"the plan" (PDF)' do not.
    """
    low = [g.lower() for g in gloss]
    if len(gloss) == 1 and gloss[0].isupper():
        return False
    if set(low) & set(words):
        return False
    return abs(len(gloss) - len(words)) <= 2


# Words that open a new clause between a quotation and a later verb: the verb is the new clause's.
_CLAUSE_OPENERS = frozenset("as while when after because since although though whereas".split())
_VERB_WINDOW = 200  # characters read on each side of a quotation for its verb
_NOUN_PHRASE_OPENERS = _DETERMINER_WORDS | _DISTANCING_MODIFIERS | frozenset(
    "self-proclaimed self-styled self-appointed such".split()
)


# A relative clause set off by commas right after a quotation ('"king of pasta", who owns six restaurants,').
_RELATIVE_GAP = re.compile(r"\s*,\s*(?:who|which|whose|whom)\b[^\"'\u201c\u201d,;:]*,")
# Auxiliaries that may stand between a quoted subject and its verb ('the so-called "fixer" has admitted').
_SUBJECT_VERB_FILLERS = frozenset(
    "is are was were be been being has have had will would could can may might must shall should did does do "
    "also still now then once".split()
)


def _verb_between(starts: list[int], lo: int, hi: int) -> bool:
    """True when one of the sorted offsets ``starts`` lies in ``[lo, hi)``."""
    k = bisect.bisect_left(starts, lo)
    return k < len(starts) and starts[k] < hi


def _verb_does_not_attribute(text: str, s: int, e: int, verb: str) -> bool:
    """True when the verb that the speaker finder took for a short quotation's does not attribute it.

    Two shapes, both with the verb after the quotation and not before it:

    - the quotation is the verb's subject: a noun phrase opened by a
      determiner or a label ("The self-proclaimed "king of kebabs" denies
      any wrongdoing", 'the so-called "fixer" admits ...') with nothing but
      the verb after it, or only auxiliaries and adverbs ('the so-called
      "fixer" has allegedly admitted'; not a passive with its agent, "was
      hailed by ministers"), also after a relative clause set off by commas
      ('The self-proclaimed "king of pasta", who owns six restaurants, was
      warned ...');
    - a new clause opens between them ("Minister in 'cash for access' row as
      aide claims he is 'innocent'": *as* starts the clause of *claims*,
      which governs only 'clean').

    '"Shameful," says minister' and "'Shameful' says minister" (no noun
    phrase opens before the quotation) keep the verb.
    """
    if not verb or verb == ":":
        return False
    pattern = re.compile(r"(?<!\w)" + re.escape(verb) + r"(?!\w)")
    if pattern.search(text, max(0, s - _VERB_WINDOW), s) is not None:
        return False  # the verb stands before the quotation: 'called the plan "reckless"'
    m = pattern.search(text, e, e + _VERB_WINDOW)
    if m is None:
        return False
    gap = text[e:m.start()]
    gap_words = _WORD_RE.findall(gap)
    if any(w.lower() in _CLAUSE_OPENERS for w in gap_words) and not any(c in gap for c in "\"'\u201c\u201d"):
        return True
    relative = _RELATIVE_GAP.match(gap)
    if relative is not None:
        gap = gap[relative.end():]  # ', who is said to be worth 30 million lorns, was warned'
    rest = _WORD_RE.findall(gap)
    if any(w.lower() not in _SUBJECT_VERB_FILLERS and not (w.lower().endswith("ly") and len(w) > 4) for w in rest) \
            or (rest and re.match(r"\s+by\b", text[m.end():]) is not None) or re.fullmatch(r"[\w\s-]*", gap) is None:
        return False  # not only auxiliaries and adverbs, or a passive with its agent ("was hailed by ministers")
    before = _WORD_RE.findall(text[:s])
    return bool(before) and before[-1].lower() in _NOUN_PHRASE_OPENERS


def _scare_quotes(
    sentences: Sequence[_SentenceInfo],
    spans: dict[str, SpanIndex],
    speakers: pd.DataFrame,
    headline_quotes: str,
    verb_starts: dict[str, list[int]] | None = None,
) -> list[dict[str, object]]:
    """Scare-quote rows: short quotations without a speaker, not partial quotes, not foreign phrases.

    ``speakers`` is :func:`framing.measures.quotes.quote_speakers` of the
    same tables for the quotations of at most four words; a longer quotation
    is never a scare quote but may be the source of a partial quote.
    ``verb_starts`` (sorted raw offsets of the authorial reporting verbs, by
    article) tells a quotation with a reporting verb before it in its
    sentence, which :func:`_verb_does_not_attribute` leaves attributed.
    """
    verb_starts = verb_starts or {}
    attributed_at = {
        (art, int(start)): found_in != NOT_FOUND
        for art, start, found_in in zip(speakers["article_id"].tolist(), speakers["start"].tolist(),
                                        speakers["found_in"].tolist())
    }
    verb_of = {
        (art, int(start)): str(verb)
        for art, start, verb, found_in in zip(speakers["article_id"].tolist(), speakers["start"].tolist(),
                                              speakers["verb"].tolist(), speakers["found_in"].tolist())
        if found_in == "same_sentence"
    }
    by_sentence_article: dict[str, list[_SentenceInfo]] = {}
    for x in sentences:
        by_sentence_article.setdefault(x.article_id, []).append(x)
    by_article: dict[str, list[_Quote]] = {}
    for art, art_sentences in by_sentence_article.items():
        index = spans.get(art, _NO_SPANS)
        in_order = sorted(art_sentences, key=lambda x: x.start)
        order_starts = [x.start for x in in_order]
        for span, at in zip(index.spans, _first_containing(art_sentences, index.starts)):
            if at is None:
                continue
            sent = art_sentences[at]
            rel_s, rel_e = span.start - sent.start, min(span.end - sent.start, len(sent.raw))
            words = _quote_words(sent.text[rel_s:rel_e])
            if span.end > sent.start + len(sent.raw):
                # A quotation that runs on into the next sentences ('"... 20 games? That's crazy money."'):
                # its later words are words of the quotation too.
                j = bisect.bisect_right(order_starts, sent.start)
                more: list[str] = list(words)
                while j < len(in_order) and in_order[j].start < span.end and len(more) < 400:
                    nxt = in_order[j]
                    more.extend(_quote_words(nxt.text[: max(0, min(span.end - nxt.start, len(nxt.raw)))]))
                    j += 1
                words = tuple(more)
            attributed = attributed_at.get((art, span.start), False) if len(words) <= _MAX_SCARE_WORDS else False
            if attributed and not _verb_between(verb_starts.get(art, []), sent.start, span.start) \
                    and _verb_does_not_attribute(sent.text, rel_s, rel_e, verb_of.get((art, span.start), "")):
                attributed = False  # no reporting verb before it, and the one after it is another clause's
            by_article.setdefault(art, []).append(_Quote(span, sent, words, attributed))
    rows: list[dict[str, object]] = []
    for art in sorted(by_article):
        quotes = by_article[art]
        # The quotations a short one may be taken from.  A quotation judged below is short and not
        # attributed, so it is never among them.
        sources = [q for q in quotes if (len(q.words) > 4 or q.attributed) and not q.sentence.headline]
        holders: dict[str, set[int]] = {}  # content word -> the sources that hold it
        for k, o in enumerate(sources):
            for w in _content(o.words):
                holders.setdefault(w, set()).add(k)
        known: dict[frozenset[str], bool] = {}
        for q in quotes:
            if not 1 <= len(q.words) <= 4 or q.attributed:
                continue
            if q.sentence.headline and headline_quotes == "ignore":
                continue
            own = _content(q.words) or set(q.words)
            if q.sentence.headline and headline_quotes == "partial":
                partial = any(w in holders for w in own)  # one of its words in some source
            else:
                key = frozenset(own)
                if key not in known:
                    known[key] = _one_source_holds(own, holders, len(sources))  # all of its words in one source
                partial = known[key]
            if partial:
                continue
            rel_s, rel_e = q.span.start - q.sentence.start, min(q.span.end - q.sentence.start, len(q.sentence.raw))
            if _foreign_phrase(q.sentence.text, rel_s, rel_e, q.words) \
                    or _named_term(q.sentence.text, rel_s, rel_e, q.words):
                continue
            rows.append(
                {
                    "article_id": art,
                    "outlet": q.sentence.outlet,
                    "sentence_id": q.sentence.sentence_id,
                    "start": q.span.start,
                    "end": q.span.start + rel_e - rel_s,
                    "cue": q.sentence.raw[rel_s:rel_e],
                    "term": " ".join(q.words),
                    "category": "scare_quote",
                    "subcategory": "",
                    "voice": "authorial",
                }
            )
    return rows


# ---------------------------------------------------------------------------
# Rates.

_TOKEN_SIDE = ("outlet", "article_id", "voice")


def cue_rates(
    cues: pd.DataFrame,
    tokens: pd.DataFrame,
    *,
    by: Sequence[ByColumn] = ("outlet", "category", "voice"),
) -> pd.DataFrame:
    """Cues per 1,000 word tokens of the same outlet and voice.

    Parameters
    ----------
    cues : pandas.DataFrame
        Output of :func:`find_cues`.
    tokens : pandas.DataFrame
        Token table with ``outlet``, ``kind`` and ``voice`` (and
        ``article_id`` when grouping by article).  Word tokens are those with
        ``kind != "punct"``.
    by : sequence of column names
        Grouping columns; must include ``outlet``.  ``outlet``,
        ``article_id`` and ``voice`` split the denominator as well as the
        numerator; ``category``, ``subcategory`` and ``term`` split only the
        numerator.

    Returns
    -------
    pandas.DataFrame
        Columns ``*by, n_cues, n_tokens, rate_per_1k``, one row for every
        combination of the levels (zeros included): every outlet (or
        article) in ``tokens`` or ``cues``, both voices, every category in
        :data:`CATEGORIES` plus any other found; subcategories and terms as
        found (with the categories that have none).  Sorted by ``by``.

    Notes
    -----
    ``rate_per_1k = 1000 * n_cues / n_tokens``; higher = more cues of that
    kind per word the outlet printed in that voice.  The denominator
    ``n_tokens`` is the number of word tokens (``kind != "punct"``) of the
    same outlet and voice: quoted cues are divided by quoted words, the
    outlet's own (authorial) cues by authorial words, so a talkative source
    does not inflate the outlet's own hedging.  A sentence of mixed voice is
    split token by token.  ``rate_per_1k`` is NaN when ``n_tokens`` is 0.
    """
    import numpy as np
    import pandas as pd

    by = list(by)
    if "outlet" not in by:
        raise ValueError("by must include 'outlet'")
    unknown = [c for c in by if c not in ("outlet", "article_id", "category", "subcategory", "term", "voice")]
    if unknown:
        raise ValueError(f"cannot group by {unknown}")
    tok_cols = [c for c in by if c in _TOKEN_SIDE]
    cue_cols = [c for c in by if c not in _TOKEN_SIDE]

    words = tokens.loc[tokens["kind"] != "punct", tok_cols]
    denom = words.groupby(tok_cols, sort=True).size().rename("n_tokens").reset_index()

    # Token-side levels: observed outlet/article pairs crossed with both voices.
    unit_cols = [c for c in tok_cols if c != "voice"]
    units = pd.concat([tokens[unit_cols], cues[unit_cols]]).drop_duplicates()
    if "voice" in tok_cols:
        voices = pd.DataFrame({"voice": sorted(set(VOICES) | set(cues["voice"]) | set(tokens["voice"]))})
        units = units.merge(voices, how="cross")
    # Cue-side levels.
    if cue_cols:
        if cue_cols == ["category"]:
            extra = sorted(set(cues["category"]) - set(CATEGORIES))
            levels = pd.DataFrame({"category": list(CATEGORIES) + extra})
        else:
            # Observed combinations, plus every category not found (other columns "").
            levels = cues[cue_cols].drop_duplicates()
            if "category" in cue_cols:
                missing = [c for c in CATEGORIES if c not in set(cues["category"])]
                filler = {c: (missing if c == "category" else [""] * len(missing)) for c in cue_cols}
                levels = pd.concat([levels, pd.DataFrame(filler)]).drop_duplicates()
        grid = units.merge(levels, how="cross")
    else:
        grid = units
    grid = grid[by].drop_duplicates()

    counts = cues.groupby(by, sort=True).size().rename("n_cues").reset_index()
    out = grid.merge(counts, on=by, how="left").merge(denom, on=tok_cols, how="left")
    out["n_cues"] = out["n_cues"].fillna(0).astype("int64")
    out["n_tokens"] = out["n_tokens"].fillna(0).astype("int64")
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = 1000.0 * out["n_cues"].to_numpy(dtype=float) / out["n_tokens"].to_numpy(dtype=float)
    out["rate_per_1k"] = np.where(out["n_tokens"].to_numpy() > 0, rate, np.nan)
    out = out.sort_values(by, kind="mergesort").reset_index(drop=True)
    return out[[*by, "n_cues", "n_tokens", "rate_per_1k"]]
