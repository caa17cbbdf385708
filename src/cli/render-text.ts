/** Renders the engine's objects as plain terminal text (the CLI without --json). */
import type { Answer, SourceSummary, TimelineEntry } from '../core/types.js';
import { shortSourceId } from '../core/ask/links.js';
import { escapeControls } from '../core/controls.js';
import { citationPlan, trimSnippet, type AnswerView } from '../core/snippets.js';

/** Collapses whitespace and cuts long text at a word boundary. */
export function clip(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)) + '…';
}

/** Options for answers as text: how sources are named and grouped, and how many citations to show. */
export interface TextAnswerOptions extends AnswerView {
  /** Citation groups shown; the rest are counted (default: all). */
  max?: number;
  /** Longest snippet shown before it is trimmed around the fact. */
  snippetChars?: number;
}

/**
 * The answer line, one numbered citation per wire group (the other copies named after it,
 * the snippet trimmed around the fact), then any other values reported, with their sources.
 */
export function renderAnswer(a: Answer, opts: TextAnswerOptions = {}): string {
  const name = opts.name ?? shortSourceId;
  const lines = [a.answer];
  const { shown, hidden } = citationPlan(a.citations, opts.articles, opts.max ?? Infinity);
  if (shown.length) {
    lines.push('', 'Sources:');
    shown.forEach((g, i) => {
      const also = g.also.length ? ` (also in ${g.also.map(name).join(', ')})` : '';
      lines.push(`  [${i + 1}] ${name(g.lead.source)} ¶${g.lead.paragraph}: "${trimSnippet(g.lead.snippet, a.value, opts.snippetChars)}"${also}`, `      ${g.lead.url}`);
    });
    const more = hidden.filter((c) => !shown.some((g) => g.also.includes(c.source)));
    if (more.length) lines.push(`  …and ${more.length} more source${more.length === 1 ? '' : 's'} (${more.map((c) => name(c.source)).join(', ')})`);
  }
  if (a.conflicts.length) {
    lines.push('', 'Other values reported:');
    for (const c of a.conflicts) {
      lines.push(`  - ${c.value} (${c.sources.map(name).join(', ')})${c.attribution ? ` — according to ${c.attribution}` : ''}`);
    }
  }
  if (!a.answered && a.passages?.length) {
    lines.push('', 'Closest passages:');
    a.passages.forEach((p, i) => lines.push(`  [${i + 1}] ${name(p.source)} ¶${p.paragraph}: "${trimSnippet(p.snippet)}"`, `      ${p.url}`));
  }
  return escapeControls(lines.join('\n'));
}

/** One numbered block per source: title, outlet and date, size, wire-copy share, link. */
export function renderSources(list: SourceSummary[], name?: (id: string) => string): string {
  if (list.length === 0) return 'No sources loaded.';
  return escapeControls(list
    .map((s, i) => {
      // A name that is only the short id adds nothing to a line that shows the id.
      const named = name?.(s.id);
      const byline = [named && named !== shortSourceId(s.id) ? named : s.outlet, s.published].filter(Boolean).join(', ');
      const wire = s.wireWith.length ? `, ${Math.round(s.wireShare * 100)}% shared wire copy with ${s.wireWith.map((id) => (name ? name(id) : id)).join(', ')}` : '';
      return [
        `${i + 1}. ${s.title}${byline ? ` (${byline})` : ''}`,
        `   ${s.id} — ${s.words} words, ${s.sentences} sentences, ${s.furniture} furniture block${s.furniture === 1 ? '' : 's'} set aside${wire}`,
        `   ${s.url}`,
      ].join('\n');
    })
    .join('\n'));
}

/** One line per dated event, oldest first, with the sources that report it. */
export function renderTimeline(entries: TimelineEntry[], name: (id: string) => string = (id) => id): string {
  if (entries.length === 0) return 'No dated events found.';
  return escapeControls(entries
    .map((e) => `${(e.time ? `${e.date} ${e.time}` : e.date).padEnd(10)}  ${clip(e.text, 160)}${e.inferred ? ` ("${e.phrase}", inferred)` : ''}  [${e.sources.map(name).join(', ')}]`)
    .join('\n'));
}
