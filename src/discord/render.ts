/**
 * Rendering the engine's objects (Answer, SourceSummary[], TimelineEntry[]) to Discord
 * messages. Every string that reaches Discord passes through `truncate` or `joinWithin`, and
 * every embed through a budget, so no corpus can produce a message Discord rejects (50035).
 */
import { escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, Citation, SourceSummary, TimelineEntry } from '../core/types.js';
import { shortSourceId } from '../core/ask/links.js';
import { showControls } from '../core/controls.js';
import { citationPlan, trimSnippet, type AnswerView } from '../core/snippets.js';

export type { AnswerView } from '../core/snippets.js';

/** Discord's documented message and embed limits. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

/** Mentions are never parsed: article and user text can contain @everyone or <@id>. */
export const NO_MENTIONS = { parse: [] as never[] };

const COLOR_ANSWERED = 0x2e7d32;
const COLOR_UNANSWERED = 0x757575;
const COLOR_INFO = 0x1565c0;
const ELLIPSIS = '…';

/**
 * Cuts `text` to at most `max` UTF-16 units, ending with "…" when cut. Prefers a word
 * boundary near the end and never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (max <= 0) return '';
  text = showControls(text);
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  let cut = max - ELLIPSIS.length;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  let head = text.slice(0, cut);
  const space = head.search(/\s\S*$/);
  if (space > cut * 0.8) head = head.slice(0, space);
  return head.replace(/\s+$/, '') + ELLIPSIS;
}

/**
 * Joins whole parts with `sep` while the result fits in `max` (and at most `limit` parts);
 * parts that don't fit are counted in a trailing "…and N more" so links and quotes are never
 * cut in the middle.
 */
export function joinWithin(parts: string[], sep: string, max: number, more = (n: number) => `…and ${n} more`, limit = Infinity): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = out ? out + sep + part : part;
    const rest = parts.length - i - 1;
    const tail = rest > 0 ? sep + more(rest) : '';
    if (i < limit && next.length + tail.length <= max) {
      out = next;
      continue;
    }
    if (!out) return truncate(part, max);
    const note = sep + more(parts.length - i);
    if (out.length + note.length <= max) return out + note;
    return truncate(out, max);
  }
  return out;
}

/** Total characters Discord counts toward the 6000 limit of one embed. */
export function embedLength(e: APIEmbed): number {
  let n = (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0);
  for (const f of e.fields ?? []) n += f.name.length + f.value.length;
  return n;
}

/** Builds an embed field by field, keeping every field and the total within limits. */
class EmbedBudget {
  readonly embed: APIEmbed;
  private dropped = 0;
  constructor(base: { title?: string; description?: string; color?: number; url?: string }, private footer?: string) {
    this.embed = { color: base.color, fields: [] };
    if (base.title) this.embed.title = truncate(base.title, LIMITS.title);
    if (base.url) this.embed.url = base.url;
    if (base.description) this.embed.description = truncate(base.description, LIMITS.description);
  }
  /** Room left for more text, keeping space for the footer. */
  private room(): number {
    return LIMITS.embedTotal - embedLength(this.embed) - Math.min(this.footer?.length ?? 0, 200) - 60;
  }
  /** Adds a field whose value is built from whole parts; shrinks it to the space left, or drops it. */
  add(name: string, parts: string[], sep = '\n'): void {
    const fields = this.embed.fields!;
    const n = truncate(name, LIMITS.fieldName);
    const space = Math.min(LIMITS.fieldValue, this.room() - n.length);
    const clean = parts.filter((p) => p.trim() !== '');
    if (fields.length >= LIMITS.fields || space < 40 || clean.length === 0) {
      if (clean.length) this.dropped += 1;
      return;
    }
    fields.push({ name: n, value: joinWithin(clean, sep, space) });
  }
  done(): APIEmbed {
    const notes = [this.footer, this.dropped ? `${this.dropped} more section(s) not shown` : undefined].filter(Boolean);
    if (notes.length) {
      const space = Math.max(0, Math.min(LIMITS.footer, LIMITS.embedTotal - embedLength(this.embed)));
      const text = truncate(notes.join(' · '), space);
      if (text) this.embed.footer = { text };
    }
    if (this.embed.fields!.length === 0) delete this.embed.fields;
    return this.embed;
  }
}

/** A short, stable label for an article id: `000` for seeds-style ids, else the id itself. */
export function sourceLabel(id: string): string {
  return inline(shortSourceId(id), 40);
}

/** Text that is shown inside a masked link or bold: markdown escaped, brackets softened. */
function inline(text: string, max: number): string {
  return escapeMarkdown(truncate(text.replace(/\s+/g, ' ').trim(), max)).replace(/[[\]]/g, (c) => (c === '[' ? '⁅' : '⁆'));
}

/** A masked link; URLs are percent-encoded where markdown would break. */
export function link(label: string, url: string): string {
  const safe = url.replace(/[()\s<>\u0000-\u001f\u007f-\u009f]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  if (!/^https?:\/\//.test(safe)) return label;
  return `[${label}](${safe})`;
}

function citationLink(c: Citation, name: (id: string) => string = sourceLabel): string {
  return link(`${inline(name(c.source), 60)} ¶${c.paragraph}`, c.url || c.viewer);
}

/** Citations shown in the answer itself; the rest sit behind the "more" button. */
export const SHOWN_CITATIONS = 3;

/** Citation groups shown in the answer, and the cited sources behind its "more" button. */
function planFor(answer: Answer, view: AnswerView) {
  return citationPlan(answer.citations, view.articles, SHOWN_CITATIONS);
}

/** The embed for one answered (or declined) question; the same for /ask and mentions. */
export function renderAnswer(answer: Answer, view: AnswerView = {}): APIEmbed {
  const name = view.name ?? sourceLabel;
  const line = answer.answered ? `**${inline(answer.answer, 1000)}**` : inline(answer.answer, 1000);
  // Quotes go in the description (4096) rather than a field (1024): they are the evidence.
  // One per wire group, trimmed around the fact; the other copies are named after it.
  const { shown, hidden } = planFor(answer, view);
  const quotes = shown.map((g) => {
    const also = g.also.length ? ` · also in ${joinWithin(g.also.map((id) => inline(name(id), 60)), ', ', 300)}` : '';
    return `> ${inline(trimSnippet(g.lead.snippet, answer.value), 300)} — ${citationLink(g.lead, name)}${also}`;
  });
  if (hidden.length) quotes.push(`${hidden.length} more cited snippet${hidden.length === 1 ? '' : 's'}: use the button below.`);
  // Unanswered: the closest passages, so the reader can judge for themselves.
  if (!answer.answered) for (const p of (answer.passages ?? []).slice(0, SHOWN_CITATIONS)) quotes.push(`> ${inline(trimSnippet(p.snippet), 300)} — ${citationLink(p, name)}`);
  const description = quotes.length ? `${line}\n\n${joinWithin(quotes, '\n', 3200 - line.length, (n) => `…and ${n} more quote${n === 1 ? '' : 's'}`)}` : line;
  const b = new EmbedBudget(
    {
      title: answer.question.trim() ? answer.question.replace(/\s+/g, ' ').trim() : 'Your question',
      description,
      color: answer.answered ? COLOR_ANSWERED : COLOR_UNANSWERED,
    },
    answer.answered ? 'Answers come only from the loaded coverage; links open the exact snippet.' : 'Try /help for questions the coverage can answer.',
  );
  if (answer.agree !== undefined && answer.total !== undefined) {
    b.add('Agreement', [`${answer.agree} of ${answer.total} source${answer.total === 1 ? '' : 's'} agree`]);
  }
  if (answer.conflicts.length) {
    b.add(
      'Disagreements',
      answer.conflicts.map((c) => {
        const who = c.attribution ? ` (per ${inline(c.attribution, 120)})` : '';
        const links = c.citations?.length ? uniqueBy(c.citations, (x) => x.source).map((x) => citationLink(x, name)) : c.sources.map((id) => inline(name(id), 60));
        return `• ${inline(c.value, 300)}${who} — ${joinWithin(links, ' · ', 400)}`;
      }),
    );
  }
  return b.done();
}

/** The "more sources" button of an answer; `key` names the kept answer. Anyone may press it. */
export function moreRow(key: string, hidden: number): APIActionRowComponent<APIButtonComponent>[] {
  if (hidden <= 0) return [];
  return [{ type: 1, components: [{ type: 2, style: 2, label: truncate(`More sources (${hidden})`, LIMITS.buttonLabel), custom_id: `ask::more:${key}`.slice(0, LIMITS.customId) }] }];
}

/** The answer with its "more" button when some cited sources are not shown; `keep` stores the answer for the button. */
export function answerMessage(answer: Answer, view: AnswerView, keep: (a: Answer) => string): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const { hidden } = planFor(answer, view);
  return { embeds: [renderAnswer(answer, view)], components: hidden.length ? moreRow(keep(answer), hidden.length) : [] };
}

/** The citations an answer did not show, each with its snippet: what the "more" button reveals. */
export function renderMore(answer: Answer, view: AnswerView = {}): APIEmbed {
  const name = view.name ?? sourceLabel;
  const { hidden } = planFor(answer, view);
  const lines = hidden.map((c) => `> ${inline(trimSnippet(c.snippet, answer.value), 300)} — ${citationLink(c, name)}`);
  return new EmbedBudget({
    title: `More sources: ${answer.question.replace(/\s+/g, ' ').trim() || 'your question'}`,
    description: lines.length ? joinWithin(lines, '\n', 3800, (n) => `…and ${n} more`) : 'Every cited source is already shown.',
    color: COLOR_INFO,
  }).done();
}

function uniqueBy<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((t) => (seen.has(key(t)) ? false : (seen.add(key(t)), true)));
}

/** One line per source: title (linked), outlet, date, wire copies. */
export function sourceLines(sources: SourceSummary[], named?: (id: string) => string): string[] {
  return sources.map((s) => {
    const n = named?.(s.id);
    const outlet = n && n !== shortSourceId(s.id) ? n : s.outlet;
    const name = outlet && s.title && outlet !== s.title ? `${inline(s.title, 150)} — ${inline(outlet, 60)}` : inline(outlet ?? s.title ?? s.id, 150);
    const parts = [`**${sourceLabel(s.id)}** ${link(name, s.url || s.viewer)}`, s.published ?? 'undated'];
    if (s.wireWith.length) parts.push(`wire copy shared with ${joinWithin(s.wireWith.map((id) => (named ? inline(named(id), 60) : sourceLabel(id))), ', ', 200)}`);
    return parts.join(' · ');
  });
}

/** One block per timeline entry: date, what happened, its sources as links. */
export function timelineLines(entries: TimelineEntry[], name: (id: string) => string = sourceLabel): string[] {
  return entries.map((e) => {
    const when = `**${inline(e.date, 20)}**${e.inferred ? ' (inferred)' : ''}`;
    const links = e.citations.length ? e.citations.map((c) => citationLink(c, name)) : e.sources.map((id) => inline(name(id), 60));
    return `${when} — ${inline(e.text, 350)}\n↳ ${joinWithin(links, ' · ', 500)}`;
  });
}

/** Splits lines into pages of at most `maxItems` lines and `maxChars` characters. */
export function paginate(lines: string[], maxChars = 3800, maxItems = 8): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const raw of lines) {
    const line = truncate(raw, maxChars);
    if (page.length && (page.length >= maxItems || size + line.length + 2 > maxChars)) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(line);
    size += line.length + 2;
  }
  if (page.length) pages.push(page);
  return pages;
}

/** A paged list embed: one page of lines, "Page i/n" in the footer. */
export function renderPage(title: string, pages: string[][], page: number, intro?: string): APIEmbed {
  const lines = pages[page] ?? [];
  const body = [intro, lines.join('\n\n')].filter(Boolean).join('\n\n');
  const footer = pages.length > 1 ? `Page ${page + 1}/${pages.length}` : undefined;
  return new EmbedBudget({ title, description: body || 'Nothing to show.', color: COLOR_INFO }, footer).done();
}

/**
 * Previous/next buttons. The custom id names the command, the user allowed to page, the
 * target page and the command's own arguments: `timeline:<user>:<page>:<from>:<to>`.
 */
export function pagerRow(command: string, owner: string, page: number, pages: number, args: string[] = []): APIActionRowComponent<APIButtonComponent>[] {
  if (pages <= 1) return [];
  const id = (p: number) => [command, owner, String(p), ...args].join(':').slice(0, LIMITS.customId);
  return [
    {
      type: 1,
      components: [
        { type: 2, style: 2, label: '◀ Previous', custom_id: id(page - 1), disabled: page <= 0 },
        { type: 2, style: 2, label: 'Next ▶', custom_id: id(page + 1), disabled: page >= pages - 1 },
      ],
    },
  ];
}

/** The /help embed: what the bot answers, with examples the loaded corpus supports. */
export function renderHelp(examples: string[], sources: number): APIEmbed {
  const b = new EmbedBudget(
    {
      title: 'What I can answer',
      description: truncate(
        `I answer questions about the news coverage of one story (${sources} source${sources === 1 ? '' : 's'} loaded): ` +
          'numbers, dates, people, quotes, and which sources agree or disagree. Every answer cites the exact snippets. ' +
          "When the coverage doesn't say, I say so.",
        LIMITS.description,
      ),
      color: COLOR_INFO,
    },
    'You can also mention me with a question. Follow-ups work for 10 minutes: "and how high is it?", "what about the civilians?", "when?"',
  );
  b.add('Commands', [
    '`/ask question: [story:]` — answer a question from the coverage',
    '`/sources` — the articles, their dates, and which copy the same wire text',
    '`/timeline [from] [to]` — dated events, oldest first (dates like 2017, 2017-06, 2017-07-02)',
    '`/story list` — the stories I know; `/story new`, `add`, `use` need Manage Server',
    '`/help` — this message',
  ]);
  if (examples.length) b.add('Try', examples.map((q) => `• /ask question: ${inline(q, 150)}`));
  return b.done();
}

/** A short ephemeral notice, cut to fit message content. */
export function notice(text: string): string {
  return truncate(text, LIMITS.content);
}

/** Autocomplete choices within Discord's limits (≤25, name and value 1–100 characters). */
export function choices(suggestions: string[]): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  const seen = new Set<string>();
  for (const s of suggestions) {
    const text = s.replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const value = truncate(text, LIMITS.choiceValue);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ name: truncate(text, LIMITS.choiceName), value });
    if (out.length >= LIMITS.choices) break;
  }
  return out;
}
