/**
 * "Who said that?" after an answer: who the sentences behind the previous answer attribute
 * their claim to ("the United Nations warn that …", "… CENTCOM said"), counted per source.
 * Pure: reads the fact table only.
 */
import type { Answer, Citation, FactTable } from '../types.js';

/** Who each cited sentence attributes its claim to, or undefined for a sentence that names no one. */
function attributionOf(table: FactTable, c: Citation): string | undefined {
  const article = table.articles.find((a) => a.id === c.source);
  const sentence = article?.sentences.find((s) => c.start >= s.start && c.start < s.end);
  if (!article || !sentence) return undefined;
  if (sentence.attribution) return sentence.attribution;
  return table.facts.find((f) => f.article === article.id && f.sentence === sentence.index && f.attribution)?.attribution;
}

/**
 * Answers "who said that?" from the previous answer's own citations: the attribution most of
 * its sources give, with those citations. Undefined when the previous answer was not answered
 * or none of its sentences says who the claim comes from.
 */
export function answerWhoSaid(question: string, previous: Answer, table: FactTable): Answer | undefined {
  if (!previous.answered || !previous.citations.length) return undefined;
  const bySpeaker = new Map<string, { name: string; names: string[]; citations: Citation[] }>();
  for (const c of previous.citations) {
    const who = attributionOf(table, c)?.replace(/^(the|a|an)\s+/i, '').trim();
    if (!who) continue;
    const key = speakerKey(who, table.aliases);
    const entry = bySpeaker.get(key) ?? { name: who, names: [], citations: [] };
    entry.names.push(who);
    if (!entry.citations.some((x) => x.source === c.source)) entry.citations.push(c);
    bySpeaker.set(key, entry);
  }
  // Shown by its longest spelling ("US Central Command" over "CENTCOM").
  for (const e of bySpeaker.values()) e.name = e.names.reduce((a, b) => (b.length > a.length ? b : a));
  const ranked = [...bySpeaker.values()].sort((a, b) => b.citations.length - a.citations.length);
  const top = ranked[0];
  if (!top) return undefined;
  const total = table.articles.length;
  const n = top.citations.length;
  const others = ranked.slice(1, 3).map((r) => r.name);
  const about = previous.value ? ` (${previous.value})` : '';
  return {
    question,
    answered: true,
    intent: 'person',
    value: top.name,
    agree: n,
    total,
    answer: `${top.name}${about} — ${n} of ${total} source${total === 1 ? '' : 's'} attribute${n === 1 ? 's' : ''} it to them${others.length ? `; also credited: ${others.join(', ')}` : ''}.`,
    citations: top.citations,
    conflicts: [],
  };
}

/**
 * One key for the spellings of a speaker: case and dots aside, and through the corpus's own
 * aliases ("CENTCOM" = "Central Command"), also when the alias ends a longer name ("US Central Command").
 */
function speakerKey(name: string, aliases: Record<string, string[]>): string {
  const k = name.toLowerCase().replace(/\./g, '').replace(/\s+/g, ' ').trim();
  const canonical = (x: string) => [x, ...(aliases[x] ?? [])].sort()[0]!;
  if (aliases[k]) return canonical(k);
  const words = k.split(' ');
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (aliases[tail]) return canonical(tail);
  }
  return k;
}
