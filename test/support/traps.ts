/**
 * Abstention traps generated from a corpus's own frames: a reported relation with one slot
 * filler swapped for another name (or verb) from the same corpus, chosen so that no sentence of
 * the corpus says it. The coverage cannot answer these; an engine that does is making things up.
 */
import type { FactTable, Frame } from '../../src/core/types.js';
import { LIGHT_VERBS, SPEECH_VERBS } from '../../src/core/lexicon.js';

/** Verbs too general to make a claim of their own ("see", "know") or answered as quotes ("say"). */
const vague = (verb: string) => LIGHT_VERBS.has(verb) || SPEECH_VERBS.has(verb) || /^(see|know|think|want|need|include|use|feature|call|describe|ask)$/.test(verb);

export function generateTraps(table: FactTable, limit: number): string[] {
  const frames: { f: Frame; raw: string; terms: Set<string> }[] = [];
  const sentences: Set<string>[] = [];
  for (const a of table.articles) {
    for (const s of a.sentences) {
      const terms = new Set(s.terms);
      sentences.push(terms);
      for (const f of s.frames ?? []) frames.push({ f, raw: a.raw, terms });
    }
  }
  // Names the extractor itself typed as people or organizations.
  // People the extractor named, written as names are (two or three capitalized words), and named in
  // running text at least once: a headline's capitals make "Pulls Gun" look like a name.
  const bodyText = table.articles.flatMap((a) => a.sentences.map((s) => a.raw.slice(s.start, s.end)))
    .filter((t) => (t.match(/\b\p{Lu}/gu)?.length ?? 0) < 0.6 * (t.match(/\b\p{L}/gu)?.length ?? 1)).join('\n');
  const names = [...new Set(table.facts.filter((f) => f.kind === 'entity' && f.attribute === 'person').map((f) => String(f.value)))]
    .filter((n) => /^\p{Lu}\p{Ll}+(?: \p{Lu}\.?)?(?: \p{Lu}\p{Ll}+){1,2}$/u.test(n) && bodyText.includes(n)).sort();
  const lastWord = (n: string) => n.toLowerCase().split(/\s+/).at(-1)!;
  const together = (a: string, b: string) => sentences.some((t) => t.has(a) && t.has(b));
  const out = new Set<string>();
  let k = 0;
  for (const { f, raw } of frames) {
    if (out.size >= limit) break;
    const verb = f.verb.split(' ')[0]!;
    if (!f.agent?.name || !f.patient || f.neg || f.modal || f.apposition || vague(verb)) continue;
    const patient = raw.slice(f.patient.start, f.patient.end).replace(/\s+/g, ' ');
    if (patient.split(' ').length > 5 || /\d/.test(patient) || !/^[\p{L} '’-]+$/u.test(patient) || !/\p{L}{3}/u.test(patient)) continue;
    // Another name of the corpus that no sentence puts with this verb.
    const other = names[(k++ * 7919) % names.length];
    if (!other || other === f.agent.name || together(lastWord(other), verb) || together(lastWord(other), f.verb)) continue;
    const obj = patient.replace(/^(his|her|their|its)\s/i, 'the ');
    out.add(`Did ${other} ${verb} ${obj}?`);
    out.add(`What did ${other} ${verb}?`);
    out.add(`When did ${other} ${verb} ${obj}?`);
    out.add(`Why did ${other} ${verb} ${obj}?`);
  }
  return [...out].slice(0, limit);
}
