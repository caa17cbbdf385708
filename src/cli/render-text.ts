/** Renders the engine's objects as plain terminal text (the CLI without --json). */
import type { Answer, Citation, SourceSummary, TimelineEntry } from '../core/types.js';
import { escapeControls } from '../core/controls.js';

/** Collapses whitespace and cuts long text at a word boundary. */
export function clip(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)) + '…';
}

function citationLines(c: Citation, n: number, indent = ''): string[] {
  return [`${indent}[${n}] ${c.source} ¶${c.paragraph}: "${clip(c.snippet)}"`, `${indent}    ${c.url}`];
}

/** The answer line, numbered citations, then any conflicting values with their sources. */
export function renderAnswer(a: Answer): string {
  const lines = [a.answer];
  if (a.citations.length) {
    lines.push('', 'Sources:');
    a.citations.forEach((c, i) => lines.push(...citationLines(c, i + 1, '  ')));
  }
  if (a.conflicts.length) {
    lines.push('', 'Other values reported:');
    for (const c of a.conflicts) {
      lines.push(`  - ${c.value} (${c.sources.join(', ')})${c.attribution ? ` — according to ${c.attribution}` : ''}`);
    }
  }
  return escapeControls(lines.join('\n'));
}

/** One numbered block per source: title, outlet and date, size, wire-copy share, link. */
export function renderSources(list: SourceSummary[]): string {
  if (list.length === 0) return 'No sources loaded.';
  return escapeControls(list
    .map((s, i) => {
      const byline = [s.outlet, s.published].filter(Boolean).join(', ');
      const wire = s.wireWith.length ? `, ${Math.round(s.wireShare * 100)}% shared wire copy with ${s.wireWith.join(', ')}` : '';
      return [
        `${i + 1}. ${s.title}${byline ? ` (${byline})` : ''}`,
        `   ${s.id} — ${s.words} words, ${s.sentences} sentences, ${s.furniture} furniture block${s.furniture === 1 ? '' : 's'} set aside${wire}`,
        `   ${s.url}`,
      ].join('\n');
    })
    .join('\n'));
}

/** One line per dated event, oldest first, with the sources that report it. */
export function renderTimeline(entries: TimelineEntry[]): string {
  if (entries.length === 0) return 'No dated events found.';
  return escapeControls(entries
    .map((e) => `${e.date.padEnd(10)}  ${clip(e.text, 160)}${e.inferred ? ` ("${e.phrase}", inferred)` : ''}  [${e.sources.join(', ')}]`)
    .join('\n'));
}
