/** Issue 11, item 12: figures written with exponents, and figures too large for a number. */
import { afterAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { parseQuestion } from '../../src/core/ask/question.js';
import { openWordNet } from '../../src/store/wordnet.js';
import type { RawArticle } from '../../src/core/types.js';

const nlp = createNlp();
const wn = openWordNet();
afterAll(() => wn.close());
const engineOf = (articles: RawArticle[], key: string) => createEngine(buildFactTable(articles, key, nlp), nlp, { publicUrl: 'http://localhost:8080', wordnet: wn });
/** The facts of one dated sentence, and its figures. */
const factsOf = (sentence: string) => buildFactTable([{ id: 'a', raw: `date 2017-07-05\n\n${sentence}\n`, meta: {} }], 't', nlp).facts;
const quantityFacts = (sentence: string) => factsOf(sentence).filter((f) => f.kind === 'quantity');
const quantities = (sentence: string) => quantityFacts(sentence).map((f) => ({ value: f.value, label: f.label }));

describe('figures with exponents', () => {
  it.each([
    ['The lab counted 1e308 particles in the sample.', 1e308, '1e308 particles'],
    ['It weighed 1e3 kg when it was loaded.', 1000, '1e3 kg'],
    ['The model needs 10^6 operations per step.', 1e6, '10^6 operations'],
  ])('%s', (sentence, value, label) => {
    expect(quantities(sentence)).toEqual([{ value, label }]);
  });

  it.each([
    ['10^400', 'The model needs 10^400 operations per step.'],
    ['400 digits', `There were ${'9'.repeat(400)} stars in the sky.`],
    ['1e999', 'The lab counted 1e999 particles in the sample.'],
  ])('a figure beyond any number (%s) is dropped, never stored as null', (_name, sentence) => {
    const found = quantities(sentence);
    for (const q of found) expect(Number.isFinite(q.value)).toBe(true);
    expect(found.some((q) => /operations|stars|particles/.test(q.label))).toBe(false);
  });
});

describe('ages stated as a copula complement or an age at death', () => {
  const ages = (sentence: string) =>
    factsOf(sentence)
      .filter((f) => f.kind === 'quantity' && f.attribute === 'age')
      .map((f) => f.value);

  it.each([
    ['She was 91.', 91],
    ['Marlowe is 56 and lives in Leeds.', 56],
    ['The actor dies at 83', 83],
    ['He died at 77, his family said.', 77],
    ['Prosecutors said the retired singer, 61, would be fined.', 61],
  ])('%s', (sentence, age) => {
    expect(ages(sentence)).toEqual([age]);
  });

  it.each([
    'The score was 91.',
    'Turnout was 56 on the day.',
    'The bus arrived at 11.',
    'He was 91st in the rankings.',
  ])('no age in %j', (sentence) => {
    expect(ages(sentence)).toEqual([]);
  });
});

describe('a length per time is a speed', () => {
  it.each([
    ['They followed him at speeds of up to 90 miles an hour.', 'speed', 'up to 90 mph'],
    ['The storm moved at 40 kilometres per hour.', 'speed', '40 km/h'],
    ['It walks 3 miles a day.', 'distance', '3 mi'],
  ])('%s', (sentence, attribute, label) => {
    const facts = quantityFacts(sentence);
    expect(facts.map((f) => [f.attribute, f.label])).toEqual([[attribute, label]]);
  });
});

describe('how far a movement went', () => {
  it.each([
    ['Deputies followed the van for 12 miles before the arrest.', 'distance'],
    ['The wall, which stretches for 30 miles, is old.', 'length'],
  ])('"for" and a length after a verb: %s', (sentence, attribute) => {
    const facts = quantityFacts(sentence);
    expect(facts.map((f) => f.attribute)).toEqual([attribute]);
  });

  it('"how many yards" is answered by a distance; "how far" by the length of a movement ("a 12-mile trek")', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nLane rushed for 612 yards this season, a team high.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nA ranger led the group on a 12-mile trek that ended in Dunford.\n', meta: {} },
    ], 'far');
    expect(engine.ask('How many yards did Lane run for this season?').value).toBe('612 yd');
    expect(engine.ask('How far did the trek go?').value).toBe('12 mi');
  });

  it('"Fines totaling $20,000": a sentence\'s capitalized first noun holds the amount its participle links', () => {
    const facts = quantityFacts('Fines totaling $20,000 were imposed on the firm.');
    expect(facts.map((f) => f.subject)).toEqual(['fine']);
  });
});

describe('sources that give the answer\'s figure agree', () => {
  it('from a sentence giving the same amount of the same thing, or of the asked event, that speaks of the question in part', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nThe quake in Marlow on Sunday killed at least 10 people, officials said.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nRescuers searched the rubble in Marlow on Monday as the death toll rose to 10.\n', meta: {} },
      { id: 'c', raw: 'date 2019-03-02\n\nThe town has 10 schools and a hospital.\n', meta: {} },
    ], 'agree');
    const answer = engine.ask('How many people died in the Marlow quake?');
    expect(answer.value).toMatch(/10 people/);
    expect(answer.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('the holder of an age before a common noun', () => {
  it('"a 41-year-old Dutch hiker": the noun, not the proper adjective before it', () => {
    const facts = quantityFacts('A 41-year-old Dutch hiker died on the ridge.');
    expect(facts.map((f) => f.subject)).toEqual(['hiker']);
  });
});

describe('magnitudes without the word', () => {
  it.each([
    ['An earthquake measuring 4.9 on the Richter scale hit the town on Sunday.', 'earthquake', 4.9],
    ['The same town was hit by a 4.2 quake in May.', 'quake', 4.2],
  ])('%s', (sentence, subject, value) => {
    const facts = quantityFacts(sentence);
    expect(facts.map((f) => [f.attribute, f.subject, f.value])).toEqual([['magnitude', subject, value]]);
  });
});

describe('an age belongs to its holder', () => {
  it('every source giving the answer\'s named person the same age agrees, whatever event its sentence tells of', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nPolice shot Tom Ruddle, 17, in Leeds on Friday.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-03\n\nHundreds marched on Sunday in memory of 17-year-old Tom Ruddle.\n', meta: {} },
      { id: 'c', raw: 'date 2019-03-03\n\nThe vigil for Ruddle drew a crowd.\n', meta: {} },
    ], 'holder');
    const answer = engine.ask('How old was the teenager the police shot?');
    expect(answer.value).toBe('17 years');
    expect(answer.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('how often, and amounts of a noun through a participle', () => {
  it.each([
    ['She was married four times before 1990.', 4],
    ['He stabbed the guard 12 times.', 12],
  ])('"N times" after a verb counts how often: %s', (sentence, n) => {
    expect(quantityFacts(sentence).map((f) => [f.value, f.subject])).toEqual([[n, 'time']]);
  });

  it.each(['The tower is three times taller than the old one.', 'They paid three times as much.', 'It holds four times the water of the old tank.'])(
    'a multiplier is no count: %s', (sentence) => {
      expect(quantityFacts(sentence).filter((f) => f.subject === 'time')).toEqual([]);
    });

  it('"a reward totaling $30,000": the amount is the reward\'s', () => {
    expect(quantityFacts('Police said a reward totaling $30,000 is offered.').map((f) => f.subject)).toEqual(['reward']);
  });
});

describe('what an amount of money is', () => {
  it('"N euros ($M) of damage": the amount of the noun after "of", its conversion no second figure', () => {
    expect(quantityFacts('The storms have caused 90 million euros ($110 million) of damage in the region.').map((f) => [f.value, f.subject])).toEqual([[90e6, 'damage']]);
  });

  it('"$4 million a year": a rate, shown as one', () => {
    const [f] = quantityFacts('The deal paid him about $4 million a year.');
    expect([f!.per, f!.label]).toEqual(['year', 'about $4 million per year']);
  });
});

describe('counts of a thing a model code names', () => {
  it('"six AK 47 rifles": a code written with a space is part of what is counted', () => {
    expect(quantities('Police found six AK 47 rifles and 12 magazines.')).toEqual([{ value: 6, label: 'six AK 47 rifles' }, { value: 12, label: '12 magazines' }]);
  });

  it('"how many AK-47s": the count whose own words name it, the word\'s spellings counted once', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2021-05-04' }, raw: 'Raid\n\nThe crew seized 26 men with six AK 47 rifles, 12 magazines and about 300 rounds of ammunition.\n' },
    ], 'codes');
    expect(engine.ask('How many AK-47s did the crew seize?').answer).toMatch(/^six AK 47 rifles/);
  });

  it('"how much ammo": "300 rounds of ammunition", through WordNet\'s synonym for the word the coverage never uses', () => {
    expect(quantities('The crew seized 300 rounds of ammunition and 26 members of the gang.')).toEqual([{ value: 300, label: '300 rounds of ammunition' }, { value: 26, label: '26 members' }]);
    const engine = engineOf([
      { id: 'a', meta: { published: '2021-05-04' }, raw: 'Raid\n\nThe crew seized six rifles, 12 magazines and about 300 rounds of ammunition from the boats.\n' },
    ], 'ammo');
    expect(engine.ask('How much ammo did the crew seize from the boats?').answer).toMatch(/^about 300 rounds of ammunition/);
  });
});

describe('number words', () => {
  it.each([
    ['Over a hundred billion dollars of the trade passes through the strait.', 100e9, 'over $100 billion'],
    ['Three hundred billion dollars were lost.', 300e9, '$300 billion'],
    ['It cost a million dollars.', 1e6, '$1 million'],
    ['A hundred people died.', 100, 'a hundred people'],
  ])('%s', (sentence, value, label) => {
    expect(quantities(sentence)).toEqual([{ value, label }]);
  });
});

describe('tallies', () => {
  it.each([
    ['Ten dead in southern quake', 10, 'ten dead'],
    ['The death toll from a strong quake a day before rose to 10.', 10, '10'],
  ])('%s', (sentence, value, label) => {
    expect(quantities(sentence)).toEqual([{ value, label }]);
  });

  it('the tally a rising figure belongs to is the one its clause opened with', () => {
    const facts = factsOf('The death toll from a strong quake a day before rose to 10.');
    expect(facts.find((f) => f.kind === 'quantity')!.subject).toBe('toll');
  });

  it('a month and year in the question are met by the article\'s publication date', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2005-11-28' }, raw: 'Quake\n\nThe quake on Sunday killed 10 people on the island.\n' },
    ], 'dated');
    expect(engine.ask('How many people died in the November 2005 quake on the island?').answer).toMatch(/^10 people/);
  });
});

describe('counts of part of a group', () => {
  const engine = engineOf([
    { id: 'a', meta: { published: '2021-05-04' }, raw: 'Vote\n\nOf the 288 candidates, 202 are under 45 years old and 56 are women.\n' },
    { id: 'b', meta: { published: '2021-05-04' }, raw: 'Quake\n\nThe quake hit villages where many people lived, leaving 10 killed and 80 injured.\n' },
  ], 'partitive');

  it('"how many of the candidates were women": "56 are women"', () => {
    expect(quantities('Of the 288 candidates, 56 are women.')).toEqual([{ value: 288, label: '288 candidates' }, { value: 56, label: '56 women' }]);
    expect(engine.ask('How many of the candidates were women?').answer).toMatch(/^56 women/);
  });

  it('a count of people by what happened to them answers only for that event, or what causes it', () => {
    expect(engine.ask('How many were injured in the quake?').answer).toMatch(/^80 injured/);
    expect(engine.ask('How many people died in the quake?').answer).toMatch(/^10 killed/);
  });
});

describe('how far', () => {
  const dims = (sentence: string) => factsOf(sentence)
    .filter((f) => f.kind === 'quantity').map((f) => f.attribute);
  it.each([
    ['Ed Lane fell about 600 metres (2,000 feet) while climbing.', 'distance'],
    ['He drove 30 miles before police stopped him.', 'distance'],
    ['The wall measures 5 km.', 'length'],
  ])('a length right after a verb is how far it went, unless the verb says a size: %s', (sentence, dimension) => {
    expect(dims(sentence)).toEqual([dimension]);
  });

  it('a figure from a sentence naming another person, not the asked one, is theirs', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2021-05-04' }, raw: 'Falls\n\nOn Friday, Tom Kerr died after falling about 60 metres from a ridge.\n' },
      { id: 'b', meta: { published: '2021-05-04' }, raw: 'Falls\n\nOn Friday, Tom Kerr died after falling about 60 metres from a ridge. On Saturday, Ed Lane fell about 600 metres while climbing.\n' },
    ], 'falls');
    expect(engine.ask('How far did Ed Lane fall?').answer).toMatch(/^about 600 m/);
  });
});

describe('a count out of a total', () => {
  it('"winning 21 of 25 club fights": 21 fights, shown with its total', () => {
    expect(quantities('He won 21 of 25 club fights as a teenager.')).toEqual([{ value: 21, label: '21 of 25 club fights' }, { value: 25, label: '25 club fights' }]);
  });

  it('"he", paragraphs after the name, is the person the article names most when no one else is named just before', () => {
    const engine = engineOf([
      { id: 'a', meta: { published: '2021-05-04' }, raw: 'Profile\n\nEd Lane, the mob boss, died on Monday. Lane ran the family for decades, prosecutors said. Lane was born in 1928.\n\nHis father was an engraver. His mother was a seamstress.\n\nHe fought as a teenage boxer, winning 21 of 25 club fights.\n' },
    ], 'profile');
    expect(engine.ask('How many fights did Lane win as a boxer?').answer).toMatch(/^21 of 25 club fights/);
  });
});

describe('which amount answers', () => {
  const engine = engineOf([
    { id: 'a', meta: { published: '2021-05-04' }, raw: 'Offer\n\nThe Hawks still have a six-year offer on the table for Ames, worth $12 million per season.\n' },
    { id: 'b', meta: { published: '2021-05-04' }, raw: 'Deal\n\nThe Hawks put a six-year deal worth $70 million on the table for Ames on Monday.\n' },
    { id: 'c', meta: { published: '2021-05-04' }, raw: 'Pay\n\nThe Hawks will be paying former coaches Rob Dale ($2 million) and Jo Kerr along with Lee Ames next season.\n' },
  ], 'rates');

  it('a total, not a rate, for a question that asks no rate', () => {
    expect(engine.ask('How much money did the Hawks put on the table for Ames?').value).toBe('$70 million');
    expect(engine.ask('How much did the Hawks offer Ames per season?').value).toBe('$12 million per season');
  });

  it('a figure one person\'s name holds is not another\'s', () => {
    expect(engine.ask('How much will Kerr be paid?').answered).toBe(false);
  });
});

describe('a capitalized first word is no name', () => {
  it('before a lower-case noun or determiner ("Half the roof fell")', () => {
    const names = factsOf('Half the roof fell in when Safety inspectors left.')
      .filter((f) => f.kind === 'entity').map((f) => f.value);
    expect(names).not.toContain('Half');
  });
});

describe('the kind of thing counted', () => {
  const engine = engineOf([
    { id: 'a', raw: 'date 2019-03-02\n\nAt least two tow boats were sent to the harbor spill.\n', meta: {} },
    { id: 'b', raw: 'date 2019-03-02\n\nAt least two tow boats were sent to the harbor spill, a captain said.\n', meta: {} },
    { id: 'c', raw: 'date 2019-03-02\n\nThe chief said 12 harbor boats and other craft were sent to the spill.\n', meta: {} },
  ], 'kinds');

  it('"how many harbor boats" is not answered by a count of tow boats, a noun naming another kind', () => {
    expect(engine.ask('How many harbor boats were sent to the harbor spill?').value).toMatch(/^12 harbor boats/);
  });

  it('"buses and other vehicles": what follows "and other" is the kind, not a second thing to find', () => {
    expect(parseQuestion('How many buses and other vehicles were sent?', nlp).terms.map((t) => t.term)).not.toContain('vehicle');
  });
});

describe('the figure a group shows', () => {
  it('the value more of the group\'s sources give, over a bound that holds it', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nDeputies chased the van at speeds of more than 80 mph.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nDeputies chased the van at speeds of up to 95 mph on the highway.\n', meta: {} },
      { id: 'c', raw: 'date 2019-03-02\n\nDeputies chased the van at speeds of up to 95 mph near the bridge.\n', meta: {} },
    ], 'lead');
    expect(engine.ask('How fast did the deputies chase the van?').value).toMatch(/95 mph/);
  });
});

describe('heights in feet and inches', () => {
  it.each([
    ['He is 6-feet-1 inches tall.', '6 ft 1 in'],
    ['The suspect is 6-foot-2, with short hair.', '6 ft 2 in'],
    ['She is 5 feet 4 inches tall.', '5 ft 4 in'],
  ])('%s', (sentence, label) => {
    expect(quantities(sentence)).toContainEqual({ value: expect.closeTo(Number(label[0]) * 0.3048 + Number(label.split(' ')[2]) * 0.0254, 4), label });
  });

  it('a weight after a height is not the height\'s unit\'s ("6-foot-1, 190 pounds")', () => {
    expect(quantityFacts('Police said Ames is 6-foot-1, 190 pounds, with a beard.').find((f) => f.attribute === 'weight')?.subject).toBe('ames');
  });
});

describe('"according to …"', () => {
  const engine = engineOf([
    { id: 'a', raw: 'date 2019-03-02\n\nWitnesses said Ames weighs 180 pounds.\n', meta: {} },
    { id: 'b', raw: 'date 2019-03-02\n\nAmes, an escaped inmate, was last seen on foot.\n\nHe weighs 170 pounds, according to the sheriff\'s office.\n', meta: {} },
  ], 'per');

  it('is who the asker wants it from: not words the answer\'s sentence must hold', () => {
    const q = parseQuestion('How heavy is Ames, according to the sheriff\'s office?', nlp);
    expect(q.terms.map((t) => t.term)).toEqual(['ames']);
    expect(q.per?.map((t) => t.term)).toEqual(['sheriff', 'office']);
  });

  it('prefers the figure that source gives, and still shows the other', () => {
    const a = engine.ask('How heavy is Ames, according to the sheriff\'s office?');
    expect(a.value).toBe('170 lb');
    expect(a.conflicts.map((c) => c.value)).toContain('180 lb');
  });
});

describe('sums of money in other forms', () => {
  it.each([
    ['They signed a $5-million deal.', 5e6, '$5 million'],
    ['They set up a 3-billion-dollar fund.', 3e9, '$3 billion'],
    ['Thieves made off with a three-million-euro haul.', 3e6, '€3 million'],
    // (The article before a dollar sign is no Australian dollar: that is "A$5".)
    ['He paid a $5 fee.', 5, '$5'],
  ])('hyphenated multipliers, and an article before a dollar sign (case %#)', (sentence, value, label) => {
    expect(quantities(sentence)).toContainEqual({ value, label });
  });

  it('keeps the amount a text converts into another currency in parentheses', () => {
    expect(quantityFacts('Thieves made off with a three-million-euro ($3.3-million) haul.')[0]?.converted).toEqual({ value: 3.3e6, unit: 'USD', label: '$3.3 million' });
  });

  it('answers in the asked currency as the text converts it, and counts both forms as one sum', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nRobbers made off with paintings worth three million euros ($3.3 million), police said.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nThe paintings the robbers took were worth $3.3 million.\n', meta: {} },
    ], 'currency');
    expect(parseQuestion('What were the paintings worth in US dollars?', nlp)).toMatchObject({ currency: 'USD', terms: [{ term: 'painting' }] });
    const a = engine.ask('What were the paintings worth in US dollars?');
    expect(a.value).toBe('$3.3 million (€3 million)');
    expect(a.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('halves', () => {
  it.each([
    ['He served six and a half years in prison.', 2372.5, '6.5 years'],
    ['He served a 7-1/2-month prison term.', 225, '7.5 months'],
    ['The work took 2 1/2 years.', 912.5, '2.5 years'],
    ['The storm lasted 3½ days.', 3.5, '3.5 days'],
    ['The estate sold for two and a half million dollars.', 2.5e6, '$2.5 million'],
  ])('a whole number and a half (case %#)', (sentence, value, label) => {
    expect(quantities(sentence)).toContainEqual({ value, label });
  });

  it('a number after a slash after a number is a fraction\'s or a code\'s, no count of its own', () => {
    expect(quantities('He served 61 / 2 weeks in prison.')).toEqual([]);
  });
});

describe('how big, how much', () => {
  const engine = engineOf([
    { id: 'a', raw: 'date 2019-03-02\n\nImposing a sentence of 8 years and a $2.5 million fine, Judge Ann Holt spoke of the case.\n', meta: {} },
    { id: 'b', raw: 'date 2019-03-02\n\nThe storm caused 40 million euros of damage in the capital.\n\nPolice said the storm in the capital damaged 120 cars.\n', meta: {} },
  ], 'how-big');

  it('"how big a fine": the size of a payment (WordNet) is a sum of money, of the noun the figure is of', () => {
    expect(engine.ask('How big a fine did the judge give him?').value).toBe('$2.5 million');
  });

  it('"how much damage": a count of other things is no amount of it', () => {
    expect(engine.ask('How much damage did the storm cause?').value).toBe('€40 million');
  });
});

describe('agreement by the asked thing', () => {
  it('a figure of a thing the question names agrees, whatever verb its sentence uses', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nThe judge imposed a prison term on the man, who must serve 12 years.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nHis 12-year term, set by the judge, began on Monday.\n', meta: {} },
    ], 'agree-thing');
    const a = engine.ask('How long is the prison term the judge imposed?');
    expect(a.value).toBe('12 years');
    expect(a.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('a compound WordNet does not list', () => {
  it('is found through its head\'s synonyms in the same compound ("stepkids": "stepchildren")', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nAmes is survived by his wife, two sons and seven stepchildren.\n', meta: {} },
    ], 'compound');
    expect(engine.ask('How many stepkids did Ames have?').value).toBe('seven stepchildren');
  });
});

describe('agreement by the asked event\'s noun', () => {
  it('"a 20-mile pursuit" agrees with "chased him for 20 miles": a length no word names is a distance too', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nTwo officers chased Ames for 20 miles before they caught him near Dunford.\n', meta: {} },
      { id: 'b', raw: 'date 2019-03-02\n\nA driver spotted the van Ames drove, touching off a 20-mile pursuit on the interstate, officers said.\n', meta: {} },
    ], 'agree-event');
    const a = engine.ask('How far did officers chase Ames before they caught him?');
    expect(a.value).toBe('20 mi');
    expect(a.citations.map((c) => c.source).sort()).toEqual(['a', 'b']);
  });
});

describe('how big a thing with no size', () => {
  it('is the sum or the count the coverage gives of it', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nLawmakers passed a $250 billion spending bill on Tuesday.\n', meta: {} },
    ], 'how-big-sum');
    expect(engine.ask('How big is the spending bill?').value).toBe('$250 billion');
  });
});

describe('a count of people knows its event', () => {
  it('"shot two people" is no answer to how many died: the verb taking the count as its object is another event', () => {
    const engine = engineOf([
      { id: 'a', raw: 'date 2019-03-02\n\nA gunman shot two people at a Marlow bank on Monday, police said.\n', meta: {} },
    ], 'count-event');
    expect(engine.ask('How many people died?').value ?? '').not.toMatch(/two/);
    expect(engine.ask('How many people were shot?').value).toBe('two people');
  });
});

describe('a figure below zero', () => {
  it('"minus 17 degrees" is -17, shown with its "minus"; "plus or minus 3" and "10 minus 3" are no negatives', () => {
    expect(quantities('Crews fought the fire in temperatures of minus 17 degrees.')).toEqual([{ value: -17, label: 'minus 17 degrees' }]);
    expect(quantities('The poll has a margin of plus or minus 3 percent.').every((q) => (q.value as number) >= 0)).toBe(true);
    expect(quantities('He scored 10 minus 3 points.').every((q) => (q.value as number) >= 0)).toBe(true);
  });
});

describe('a hedged figure below zero', () => {
  it('"about minus 20 degrees" has its range in order', () => {
    const [f] = quantityFacts('It was about minus 20 degrees outside.');
    expect(f?.value).toBe(-20);
    expect(f!.range![0]).toBeLessThan(f!.range![1]);
  });
});

describe('a count whose noun group holds a word the tagger read as an adverb', () => {
  it('"three prior convictions" counts convictions', () => {
    expect(quantityFacts('Ames has three prior convictions for theft.').map((f) => [f.value, f.subject])).toEqual([[3, 'conviction']]);
  });
});
