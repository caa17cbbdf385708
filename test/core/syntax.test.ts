/**
 * The shallow-syntax layer: each recognizer row of `readFrames`, named by the construction it
 * reads, on invented sentences.
 */
import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { chunk, dateAnchor, readFrames, readTokens } from '../../src/core/syntax.js';
import type { Frame, FrameArg } from '../../src/core/types.js';

const nlp = createNlp();

/** Frames of a sentence as plain strings: `verb agent=… patient=… attr=… p=…`, with NOT / MAYBE marks. */
function frames(sentence: string): string[] {
  const text = (a?: FrameArg) => (a ? sentence.slice(a.start, a.end) : '');
  return readFrames(readTokens(nlp, sentence)).map((f: Frame) => [
    f.neg ? 'NOT' : '', f.modal ? 'MAYBE' : '', f.verb,
    f.agent ? `agent=${text(f.agent)}` : '', f.patient ? `patient=${text(f.patient)}` : '', f.attr ? `attr=${text(f.attr)}` : '',
    ...(f.slots ?? []).map((s) => `${s.p}=${text(s.arg)}`),
  ].filter(Boolean).join(' '));
}

describe('relation frames', () => {
  it.each([
    ['a transitive clause with a coordinated object and a prepositional slot', 'Acme bought 60 trucks and three buses from Globex.', 'buy agent=Acme patient=60 trucks and three buses from=Globex'],
    ['a passive with a by-agent, turned round', 'The bridge was designed by a Danish firm.', 'design agent=a Danish firm patient=The bridge by=a Danish firm'],
    ['a passive of a verb whose participle is its base form', 'The driver was hurt in the crash.', 'hurt patient=The driver in=the crash'],
    ['a get-passive', 'Two men got arrested after the match.', 'arrest patient=Two men after=the match'],
    ['the subject after a fronted phrase with commas inside', 'In the brief, public hearing, county judge Ada Marsh found Reyes guilty.', 'find agent=county judge Ada Marsh patient=Reyes guilty'],
    ['a copula with an adjective', 'The building was uninsured.', 'be agent=The building attr=uninsured'],
    ['a negated copula with a contraction', "The bridge isn't safe.", 'NOT be agent=The bridge attr=safe'],
    ['an apposition, name first', 'Jane Doe, the agency\'s director, said it was late.', "be agent=Jane Doe attr=the agency's director"],
    ['an apposition, description first', 'The agency\'s director, Jane Doe, said it was late.', "be agent=Jane Doe attr=The agency's director"],
    ['an apposition whose description runs on with "of"', 'He had the support of Ed Snider, the chairman of Comcast-Spectacor, the team\'s owner.', 'be agent=Ed Snider attr=the chairman of Comcast-Spectacor'],
    ['an apposition with a capitalized title', 'Jane Doe, Chief Executive Officer, said it was late.', 'be agent=Jane Doe attr=Chief Executive Officer'],
    ['adjectives with a comma and "and" before their noun; an adverb between a preposition and a name', 'A hungry, wet and barefoot Ed Lane was caught in northeast Dunford.', 'catch patient=A hungry, wet and barefoot Ed Lane in=northeast Dunford'],
    ['a noun + participle compound before its noun; "likely to" only expects the event', 'They are likely to be handed over to law enforcing authorities in Dunford.', 'MAYBE hand over patient=They to=law enforcing authorities in=Dunford'],
    ['a predeterminer before the determiner of its noun group', 'Half the roof has collapsed.', 'collapse agent=Half the roof'],
    ['a prepositional apposition: where a person is from', 'Jo Ames, from the fire service, said it was late.', 'be agent=Jo Ames attr=from the fire service'],
    ['adjectives in a row with a comma, before their noun', 'Father Ames, the glad-handing, cigar-smoking priest, said it was late.', 'be agent=Father Ames attr=the glad-handing, cigar-smoking priest'],
    ['an infinitive under a verb that denies it', 'The mayor refused to resign.', 'NOT resign agent=The mayor'],
    ['an infinitive under a verb that only wants it', 'The company wants to buy the mill.', 'MAYBE buy agent=The company patient=the mill'],
    ['a negative subject', 'No one was hurt in the blast.', 'NOT hurt patient=No one in=the blast'],
    ['a negative object', 'She had no children.', 'NOT have agent=She patient=no children'],
    ['a where-relative giving the place', 'He was arrested in the district where the fire started.', 'start agent=the fire in=the district'],
    ['a subject before a relative clause', 'President Ann Lee, who visited the town on Monday, declared a state of emergency.', 'declare agent=President Ann Lee patient=a state of=emergency'],
    ['a verb with its particle', 'The chairman stepped down on Friday.', 'step down agent=The chairman on=Friday'],
    ['a fronted prepositional phrase before the subject', 'In the capital, police arrested two students.', 'arrest agent=police patient=two students'],
    ['a verb listed after a comma shares the earlier verb\'s subject, not its object', 'The robber tied the clerks to a chair in the back room, took their keys and fled.', 'take agent=The robber patient=their keys'],
    ['a verb listed after an object and its prepositional slot, with no conjunction', 'The robber fired at two clerks, took them to a van and fled.', 'take agent=The robber patient=them to=a van'],
    ['an adverb the tagger read after an article is the noun group\'s noun', 'He hid the cash in the back of the shop.', 'hide agent=He patient=the cash in=the back of=the shop'],
    ['no bare verb follows a preposition: "for help" is a noun group', 'Lane called for help Wednesday and will see a lawyer on Friday.', 'see agent=Lane patient=a lawyer on=Friday'],
    ['a hyphenated verb is lemmatized on its last part', 'The band co-founded a label and re-signed its drummer.', 're-sign agent=The band patient=its drummer'],
    ['a verb after "and then" shares the subject, not the object, of the verb before', 'She sent several text messages, and then took a rifle.', 'take agent=She patient=a rifle'],
    ['"several text messages," is a noun group, not a clause', 'She sent several text messages, and then left.', 'send agent=She patient=several text messages'],
    ['a bare participle coordinated with a passive is passive too', 'The driver was taken to hospital, treated and released.', 'release patient=The driver'],
    ['a coordinated participle with a complement is active', 'The suspect was arrested and pleaded guilty.', 'plead agent=The suspect patient=guilty'],
    ['a time of its own after the object ("last summer") is neither the object nor a second one', 'Two men were charged with killing Ann Lowe last summer.', 'kill agent=Two men patient=Ann Lowe'],
    ['a time of its own after the object is no double object', 'The firm sold its mill last year.', 'sell agent=The firm patient=its mill'],
    ['a capitalized word after a name, tagged a verb before the verb, is the name\'s last word', 'Quarterback Ann Manning threw three touchdowns.', 'throw agent=Quarterback Ann Manning patient=three touchdowns'],
    ['a gerund right after a passive and its preposition is done by what the passive is said of', 'Tom Vane is accused of fatally shooting Ann Lowe.', 'shoot agent=Tom Vane patient=Ann Lowe'],
    ['… "for" read as a subordinator there too', 'Vane was arrested for robbing the bank.', 'rob agent=Vane patient=the bank'],
    ['a sentence that asks asserts none of its clauses', 'But do we want Ames hosting the gala?', 'MAYBE host agent=Ames patient=the gala'],
    ['a saying verb after a quote, with its speaker after it', '"The fire was set on purpose," said fire spokesman Tim Vane.', 'say agent=fire spokesman Tim Vane'],
    ['… or after a comma', 'The fire was set on purpose, said Ann Vane, the fire chief.', 'say agent=Ann Vane'],
    ['after "told X", a noun group right before a verb is that clause\'s subject, not a second object', 'Officer Ann Vane told reporters a man walked into the shop.', 'walk agent=a man into=the shop'],
    ['… and "told X" has X for its object', 'Officer Ann Vane told reporters a man walked into the shop.', 'tell agent=Officer Ann Vane patient=reporters'],
    ['a capitalized word that opens the sentence, tagged a verb before a finite verb, is its subject\'s name', 'Pierce scored twice in the second half.', 'score agent=Pierce in=the second half'],
    ['a capitalized participle inside a name is part of it, and the name after its comma the subject', 'The former Chief Operating Officer, Ann Cook will be succeeding Lowe as CEO.', 'succeed agent=Ann Cook patient=Lowe as=CEO'],
    ['a parenthesis between the subject and its verb is passed over', 'Acme (NYSE: ACM) bought the mill.', 'buy agent=Acme patient=the mill'],
    ['an -ing word after "by" before a name is a clause with that object', 'Ames won the bout by flooring Lowe.', 'floor agent=Ames patient=Lowe'],
    ['"as" before a noun group and its verb opens a clause with that subject', 'Ann Manning was at her best as the Hawks beat the visiting Otters.', 'beat agent=the Hawks patient=the visiting Otters'],
    ['an infinitive after a noun of possibility ("a chance to win") is not done', 'The Otters had a last chance to win the match.', 'MAYBE win agent=The Otters patient=the match'],
    ['a subject before a restrictive relative clause with "that"', 'The coach that left the Otters, Ann Manning, leads the Hawks.', 'lead agent=The coach patient=the Hawks'],
    ['a partitive is of the noun group after "of", which heads it', 'Police freed most of the hostages.', 'free agent=Police patient=most of the hostages'],
    ['a past form in -ed the tagger read as a noun, between two noun groups, is the verb', 'Police officers chased Mr. Ames for 20 miles.', 'chase agent=Police officers patient=Mr. Ames for=20 miles'],
    ['so is an irregular one', 'A gunman shot two guards at a Marlow bank on Monday, police said.', 'shoot agent=A gunman patient=two guards at=a Marlow bank on=Monday'],
  ])('%s', (_, sentence, expected) => {
    expect(frames(sentence)).toContain(expected);
  });

  it('an apposition after a preposition is no description ("In Athens, riot police …")', () => {
    expect(frames('In central Athens, riot police guarded the square.').some((f) => f.startsWith('be '))).toBe(false);
  });

  it('a determiner alone describes nothing ("another, Louis, was …")', () => {
    expect(frames('Two brothers were boxers, while another, Ed, was a priest.')).not.toContain('be agent=Ed attr=another');
  });

  it('do-support: after "did" and its subject comes the bare verb, even one the tagger read as an adjective', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('How far did officers chase Ames?', 'chase')).toBe('VERB');
    expect(tagged('What time did the doors close?', 'close')).toBe('VERB');
    expect(tagged('When did counting close?', 'close')).toBe('VERB');
    // (A bare word ending the clause is the verb: "chase" is the subject's noun.)
    expect(tagged('How long did the police chase last?', 'chase')).not.toBe('VERB');
  });

  it('an -ing word ending a headline right after a noun, with no "be", is the compound\'s noun, not a verb', () => {
    expect(frames('Dunford bank shooting')).toEqual([]);
    expect(frames('The men were shooting.')).toContain('shoot agent=The men');
  });

  it('do-support: a capitalized word right after "did", before a verb or a name, is the subject\'s name, not a verb', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('Why did Cook resign?', 'Cook')).toBe('PROPN');
    expect(tagged('Did Rob Ames testify?', 'Rob')).toBe('PROPN');
    expect(frames('Where did Cook die?')).toContain('MAYBE die agent=Cook');
    // (Lower case, it stays the verb it is.)
    expect(tagged('Did they cook it?', 'cook')).toBe('VERB');
  });

  it('"according to" is one preposition, a past participle after a preposition modifies its noun, and a capitalized word after a comma before a verb is a name', () => {
    expect(frames('According to published reports, Lane died of heart failure.')).toContain('die agent=Lane of=heart failure');
    expect(frames('After the game, Cook said he was tired.')).toContain('say agent=Cook patient=he');
    // (A gerund after a preposition still takes its object.)
    expect(frames('He was charged for killing two people.').join(' ')).toMatch(/kill.*patient=two people/);
  });

  it('after a modal, a word the tagger read as an adjective is the bare verb ("the gates will close at six")', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('The polls will close at 7 p.m. on Monday.', 'close')).toBe('VERB');
    expect(tagged("The museum won't open on Monday.", 'open')).toBe('VERB');
    expect(tagged('It will soon close.', 'close')).toBe('VERB');
    // (After "be" it stays an adjective.)
    expect(tagged('The race will be close.', 'close')).toBe('ADJ');
  });

  it('a word read as an adjective heads its noun group before a verb after an article, or ending a group after a number', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('How big a fine did the court give the firm?', 'fine')).toBe('NOUN');
    expect(tagged('The judge added a $4 million fine, the court said.', 'fine')).toBe('NOUN');
  });

  it('inside a noun group a determiner opens, a bare verb form after a hyphenated participle is the noun ("a 60-day court-ordered stay")', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('She began a 60-day court-ordered stay in May.', 'stay')).toBe('NOUN');
  });

  it('after "be" and a singular noun, a bare verb form is the group\'s last noun ("how long is the hospital stay")', () => {
    const tagged = (q: string, word: string) => chunk(readTokens(nlp, q)).toks.find((t) => t.v === word)?.pos;
    expect(tagged('How long is the hospital stay the doctor ordered?', 'stay')).toBe('NOUN');
  });

  it('reads nothing from a sentence without a clause', () => {
    expect(frames('Photo: Reuters')).toEqual([]);
  });
});

describe('what a date dates', () => {
  const anchor = (s: string, date: string) => {
    const toks = readTokens(nlp, s);
    const from = s.indexOf(date);
    const first = toks.findIndex((t) => t.start >= from);
    let last = first;
    while (toks[last + 1] && toks[last + 1]!.end <= from + date.length) last++;
    return dateAnchor(toks, first, last);
  };
  it('the verb before it in its clause, or the first after it when it opens the clause', () => {
    expect(anchor('The fugitive was captured Monday after a caller recognized him.', 'Monday')).toBe('capture');
    expect(anchor('A jury on Tuesday convicted a man charged in the shooting.', 'Tuesday')).toBe('convict');
    expect(anchor('Born March 3, 1950, in Leeds; died June 10 at home.', 'June 10')).toBe('die');
    expect(anchor('Born March 3, 1950, in Leeds; died June 10 at home.', 'March 3, 1950')).toBe('bear');
  });
  it('the event noun it modifies', () => {
    expect(anchor('A jury convicted a man charged in an April 2007 shooting at a bank.', 'April 2007')).toBe('shooting');
    expect(anchor('At 9.25 a.m. on Thursday, the crew spotted two boats.', 'Thursday')).toBe('spot');
  });
});
