/**
 * Coverage the code was not written for. Four fictional stories (an earthquake, a car recall, a
 * wildfire, a fraud trial) and twelve real ECB+ news clusters (`../shared/corpora/ecbplus`), each
 * with questions written by a teammate who never read src/ (`test/fixtures/corpora/*.jsonl`,
 * `test/fixtures/ecbplus-dev/*.jsonl`). The ids that pass today are pinned, so a regression names
 * its question; and no question the coverage cannot answer may get an answer.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { openWordNet } from '../../src/store/wordnet.js';
import { parseQuestionLine, score } from '../../src/cli/score.js';

const nlp = createNlp();
const wordnet = openWordNet();
afterAll(() => wordnet.close());

/** Question ids that pass today, per fictional corpus. */
const FICTION: Record<string, string[]> = {
  'quake': [
    'qk-usgs-mag',
    'qk-mag-dispute',
    'qk-depth',
    'qk-deaths',
    'qk-aftershock',
    'qk-governor',
    'qk-governor-quote',
    'qk-mourning',
    'qk-ners',
    'qk-eu-aid',
    'qk-us-aid',
    'qk-swarm',
    'qk-2015-count',
    'qk-displaced',
    'qk-eu-outlets',
    'qk-oos-worldcup',
    'qk-schools',
    'qk-china',
    'qk-furniture-floods',
    'qk-furniture-pelorian',
    'qk-caption-mirovo',
  ],
  'recall': [
    'rc-count',
    'rc-count-dispute',
    'rc-crash-count',
    'rc-crashes',
    'rc-injuries',
    'rc-shares',
    'rc-cost',
    'rc-ridgeback-share',
    'rc-corsa-price',
    'rc-regulator',
    'rc-announce-day',
    'rc-probe-date',
    'rc-fix-when',
    'rc-complaints',
    'rc-odell',
    'rc-oos-superbowl',
    'rc-layoffs',
    'rc-germany',
    'rc-ceo-pay',
    'rc-furniture-kessler',
    'rc-furniture-ev',
  ],
  'wildfire': [
    'wf-acres',
    'wf-size-wed',
    'wf-containment-thu',
    'wf-homes',
    'wf-homes-dispute',
    'wf-evac-thu',
    'wf-firefighters',
    'wf-chief',
    'wf-governor',
    'wf-chief-quote',
    'wf-wind',
    'wf-calfire',
    'wf-highway',
    'wf-gov-outlets',
    'wf-oos-nba',
    'wf-arrest',
    'wf-aqi',
    'wf-caption-pinecrest',
    'wf-furniture-kallos',
  ],
  'trial': [
    'tr-term',
    'tr-fine',
    'tr-fine-dispute',
    'tr-deliberation',
    'tr-judge',
    'tr-verdict-date',
    'tr-appeal-outlets',
    'tr-appeal-filed',
    'tr-director-ban',
    'tr-oos-wimbledon',
    'tr-prison',
    'tr-legal-fees',
    'tr-caption-wife',
    'tr-furniture-northmoor',
  ],
};

/** Question ids that pass today, per ECB+ cluster. */
const ECBPLUS: Record<string, string[]> = {
  'ecb-1': [
    'ecb-1-age',
    'ecb-1-stay-length',
    'ecb-1-fashion-line',
  ],
  'ecb-4': [
    'ecb-4-age',
    'ecb-4-death-date',
    'ecb-4-death-time',
    'ecb-4-agent',
    'ecb-4-estate',
    'ecb-4-children',
  ],
  'ecb-8': [
    'ecb-8-trooper-age',
    'ecb-8-tennant-service',
    'ecb-8-chief',
    'ecb-8-damage-cost',
    'ecb-8-threat-call',
    'ecb-8-hospital',
    'ecb-8-reward',
    'ecb-8-blast-time',
    'ecb-8-where-found',
  ],
  'ecb-12': [
    'ecb-12-handover',
    'ecb-12-dhow-name',
  ],
  'ecb-22': [
    'ecb-22-victims',
    'ecb-22-arrest-time',
    'ecb-22-chief',
    'ecb-22-victim-names',
  ],
  'ecb-27': [
    'ecb-27-infected',
    'ecb-27-turnaround',
    'ecb-27-update-count',
    'ecb-27-release-day',
    'ecb-27-hacker-profits',
    'ecb-27-wormable',
  ],
  'ecbplus-1': [
    'ecbplus-1-prior-stints',
    'ecbplus-1-after-bettyford',
    'ecbplus-1-cliffside-cost',
    'ecbplus-1-staffer-charged',
    'ecbplus-1-lawyer-rehired',
    'ecbplus-1-sentence-length',
    'ecbplus-1-age',
  ],
  'ecbplus-4': [
    'ecbplus-4-age',
    'ecbplus-4-swim-record',
    'ecbplus-4-death-date',
    'ecbplus-4-time-of-day',
    'ecbplus-4-publicist',
    'ecbplus-4-place',
    'ecbplus-4-funeral',
    'ecbplus-4-sleep',
  ],
  'ecbplus-8': [
    'ecbplus-8-injured',
    'ecbplus-8-pregnant',
    'ecbplus-8-victim-names',
    'ecbplus-8-date',
    'ecbplus-8-gsee-head',
  ],
  'ecbplus-19': [
    'ecbplus-19-settlements',
    'ecbplus-19-time',
    'ecbplus-19-hospital',
    'ecbplus-19-mother-name',
    'ecbplus-19-date',
    'ecbplus-19-lawyer',
    'ecbplus-19-wed-arrests',
  ],
  'ecbplus-25': [
    'ecbplus-25-ivory-yards',
    'ecbplus-25-ir-date',
    'ecbplus-25-replacement',
    'ecbplus-25-result',
    'ecbplus-25-kickoff',
  ],
  'ecbplus-29': [
    'ecbplus-29-charles-yards',
    'ecbplus-29-date',
    'ecbplus-29-record',
    'ecbplus-29-pagano',
    'ecbplus-29-attendance',
    'ecbplus-29-stadium',
    'ecbplus-29-luck-yards',
  ],
};

/**
 * A second development set: questions written without reading the code, on eight clusters no other
 * set uses (`test/fixtures/ecbplus-dev2/`), added when the first had been studied for a while.
 */
const ECBPLUS_DEV2: Record<string, string[]> = {
  'ecb-11': [
    'ecb-11-candidates',
    'ecb-11-women',
    'ecb-11-niyazov-death',
    'ecb-11-election-cost',
  ],
  'ecb-20': [
    'ecb-20-tents',
    'ecb-20-depth',
    'ecb-20-foreign-aid',
    'ecb-20-distance',
    'ecb-20-magnitude',
    'ecb-20-usgs-monday',
    'ecb-20-province',
    'ecb-20-time',
  ],
  'ecb-25': [
    'ecb-25-age',
    'ecb-25-probowl',
    'ecb-25-salary',
    'ecb-25-lions-result',
    'ecb-25-replacement',
    'ecb-25-rush-yards',
  ],
  'ecb-9': [
    'ecb-9-secretary',
    'ecb-9-lawsuit-city',
    'ecb-9-days-left',
    'ecb-9-judge',
    'ecb-9-savings',
    'ecb-9-effect',
  ],
  'ecbplus-20': [
    'ecbplus-20-tehran-magnitude',
    'ecbplus-20-damage-cost',
    'ecbplus-20-depth',
    'ecbplus-20-foreign-rescue',
    'ecbplus-20-deaths',
    'ecbplus-20-governor',
    'ecbplus-20-time',
  ],
  'ecbplus-23': [
    'ecbplus-23-buckley-day',
    'ecbplus-23-season',
    'ecbplus-23-companions-names',
    'ecbplus-23-buckley-job',
    'ecbplus-23-fall-distance',
    'ecbplus-23-mountain',
    'ecbplus-23-hometown',
  ],
  'ecbplus-6': [
    'ecbplus-6-age',
    'ecbplus-6-cf-budget',
    'ecbplus-6-filming',
  ],
  'ecbplus-9': [
    'ecbplus-9-petitions',
    'ecbplus-9-consult-cost',
    'ecbplus-9-memo-date',
    'ecbplus-9-interior-sec',
    'ecbplus-9-spending-bill',
  ],
};

/**
 * A third development set: questions written without reading the code, on the ten clusters no other
 * set used (`test/fixtures/ecbplus-dev3/`), added when the first two had been studied for a while.
 */
const ECBPLUS_DEV3: Record<string, string[]> = {
  'ecb-13': [
    'ecb-13-damage',
    'ecb-13-fire-chief',
    'ecb-13-call-time',
    'ecb-13-firefighters',
    'ecb-13-assistant-pastor-name',
    'ecb-13-building-cost',
  ],
  'ecb-14': [
    'ecb-14-firefighters',
    'ecb-14-police-alerted',
    'ecb-14-evacuated',
    'ecb-14-fire-officer',
    'ecb-14-fire-engines',
    'ecb-14-distress-fund-amount',
    'ecb-14-rebuild-timeline',
  ],
  'ecb-18': [
    'ecb-18-gunman-age',
    'ecb-18-time',
    'ecb-18-gun-type',
    'ecb-18-why-fired',
  ],
  'ecb-2': [
    'ecb-2-host',
    'ecb-2-age',
    'ecb-2-announced-day',
    'ecb-2-host-fee',
    'ecb-2-telecast-director',
  ],
  'ecb-21': [
    'ecb-21-victim-age',
    'ecb-21-location',
    'ecb-21-time',
    'ecb-21-car-type',
    'ecb-21-bail',
    'ecb-21-max-sentence',
  ],
  'ecb-23': [
    'ecb-23-age',
    'ecb-23-colleague-name',
    'ecb-23-helicopter',
  ],
  'ecb-26': [
    'ecb-26-who',
    'ecb-26-age',
    'ecb-26-probe-length',
    'ecb-26-note',
    'ecb-26-who-found',
  ],
  'ecb-28': [
    'ecb-28-where-died',
    'ecb-28-death-day',
    'ecb-28-age',
    'ecb-28-time',
    'ecb-28-pardon',
    'ecb-28-fire-count',
    'ecb-28-funeral',
    'ecb-28-vf-payment',
  ],
  'ecb-5': [
    'ecb-5-day',
    'ecb-5-money-owed',
    'ecb-5-dileo-debut-result',
  ],
  'ecb-7': [
    'ecb-7-where',
    'ecb-7-rahman-age',
    'ecb-7-purse',
    'ecb-7-attendance',
  ],
};

const ECBPLUS_CORPORA = path.resolve('../shared/corpora/ecbplus');

/**
 * Known wrong answers to questions the coverage does not answer, left to fix (each named, so a
 * fix shows up as a failure here until it is removed): a count from a sentence about the same ship
 * but another event ("three crew members lost their lives" for "how many were on board").
 */
const KNOWN_WRONG = new Set([
  'ecb-12-gibe-crew',
  // A count of the thing asked about, from a sentence about another event: seats the party's
  // candidates ran for (not won), what Ross was paid for the first film (not asked for the
  // second), projects one lawyer expects to be reviewed (not ones that went ahead).
  'ecb-11-party-seats', 'ecbplus-6-ask-amount', 'ecbplus-9-projects-skipped',
]);

async function check(corpusDir: string, questionFile: string, pinned: string[]): Promise<void> {
  const corpus = await readCorpus(corpusDir);
  const engine = createEngine(buildFactTable(corpus.articles, corpus.hash, nlp), nlp, { publicUrl: 'http://localhost:8080', wordnet });
  const lines = readFileSync(questionFile, 'utf8').split('\n').filter((l) => l.trim());
  const regressions: string[] = [];
  const answeredTraps: string[] = [];
  lines.forEach((line, i) => {
    const parsed = parseQuestionLine(line, i + 1);
    if (!parsed.ok) throw new Error(parsed.error);
    const q = parsed.question;
    const answer = engine.ask(q.q);
    const problems = score(q, answer);
    if (problems.length && pinned.includes(q.id)) regressions.push(`${q.id}: ${problems.join('; ')}`);
    // Saying something untrue is worse than saying nothing.
    if (q.abstain && answer.answered !== KNOWN_WRONG.has(q.id)) answeredTraps.push(`${q.id}: ${answer.answered ? answer.answer : 'no longer answered: remove it from KNOWN_WRONG'}`);
  });
  expect(regressions, 'questions that passed before').toEqual([]);
  expect(answeredTraps, 'questions the coverage does not answer').toEqual([]);
}

describe('fictional stories the code was not written for', () => {
  for (const [name, pinned] of Object.entries(FICTION)) {
    it(`${name}: the ${pinned.length} questions that passed still pass, every abstention holds`, async () => {
      await check(path.resolve('test/fixtures/corpora', name), path.resolve('test/fixtures/corpora', `${name}.jsonl`), pinned);
    });
  }
});

describe.runIf(existsSync(ECBPLUS_CORPORA))('real ECB+ news clusters the code was not written for', () => {
  for (const [name, pinned] of Object.entries(ECBPLUS)) {
    it(`${name}: the ${pinned.length} questions that passed still pass, every abstention holds`, async () => {
      await check(path.join(ECBPLUS_CORPORA, name), path.resolve('test/fixtures/ecbplus-dev', `${name}.jsonl`), pinned);
    });
  }
});

describe.runIf(existsSync(ECBPLUS_CORPORA))('real ECB+ news clusters of the second development set', () => {
  for (const [name, pinned] of Object.entries(ECBPLUS_DEV2)) {
    it(`${name}: the ${pinned.length} questions that passed still pass, every abstention holds`, async () => {
      await check(path.join(ECBPLUS_CORPORA, name), path.resolve('test/fixtures/ecbplus-dev2', `${name}.jsonl`), pinned);
    });
  }
});

describe.runIf(existsSync(ECBPLUS_CORPORA))('real ECB+ news clusters of the third development set', () => {
  for (const [name, pinned] of Object.entries(ECBPLUS_DEV3)) {
    it(`${name}: the ${pinned.length} questions that passed still pass, every abstention holds`, async () => {
      await check(path.join(ECBPLUS_CORPORA, name), path.resolve('test/fixtures/ecbplus-dev3', `${name}.jsonl`), pinned);
    });
  }
});
