/**
 * The viewer's pages, rendered server-side from the same Answer / SourceSummary /
 * TimelineEntry / ArticleView objects every other face uses.
 */
import type { Engine } from '../core/engine.js';
import type { ArticleView, FactTable, FactView } from '../core/types.js';
import type { Answer, Citation, Fact, Furniture, FurnitureReason, SourceSummary, Span, TimelineEntry } from '../core/types.js';
import { shortSourceId as shortId } from '../core/ask/links.js';
import { Html, html, join, layout, safeHref, sourcePath } from './html.js';
import { trimSnippet } from '../core/snippets.js';

/** What a reader is told about each kind of removed furniture. */
const REASONS: Record<FurnitureReason, string> = {
  'date-token': 'date line',
  dateline: 'dateline',
  navigation: 'site navigation',
  caption: 'photo caption',
  credit: 'photo or agency credit',
  duplicate: 'repeated text',
  headlines: 'unrelated headlines',
};

/** Per-request rendering context: sources and how they are named. */
export interface PageContext {
  sources: SourceSummary[];
  name: (id: string) => string;
}

export function pageContext(engine: Engine): PageContext {
  return { sources: engine.sources(), name: (id) => engine.sourceName(id) };
}

/** A reader-facing label for a source: the name every face uses (outlet, agency, host, else a short id). */
function sourceLabel(ctx: PageContext, id: string): string {
  return ctx.name(id);
}

function sourceTitle(ctx: PageContext, id: string): string {
  const s = ctx.sources.find((x) => x.id === id);
  if (!s) return id;
  return [s.title, s.outlet, s.published, id].filter(Boolean).join(' · ');
}

/** A link to a source (optionally to a highlighted span in it). */
function chip(ctx: PageContext, id: string, span?: Span, extraClass = ''): Html {
  return html`<a class="chip${extraClass}" href="${sourcePath(id, span)}" title="${sourceTitle(ctx, id)}">${sourceLabel(ctx, id)}</a>`;
}

function citationItem(ctx: PageContext, c: Citation, value?: string): Html {
  const original = c.url !== c.viewer ? safeHref(c.url) : undefined;
  // Trimmed around the fact for reading; "in context" shows the whole sentence highlighted.
  return html`<li class="citation" data-source="${c.source}">
${chip(ctx, c.source, c)} <span class="para">¶${c.paragraph}</span>
<q class="snippet">${trimSnippet(c.snippet, value)}</q>
<a class="in-context" href="${sourcePath(c.source, c)}">in context</a>${original ? html` · <a class="original" href="${original}" rel="noopener noreferrer">original</a>` : ''}
</li>`;
}

/** One Answer as the viewer shows it: the line, its agreement, citations and conflicts. */
export function answerBlock(ctx: PageContext, a: Answer, opts: { heading?: boolean; compact?: boolean } = {}): Html {
  const conflicts = a.conflicts.length
    ? html`<div class="conflicts"><h4>Disagreeing reports</h4><ul>${a.conflicts.map((c) => html`<li><b>${c.value}</b>${c.attribution ? html` <span class="attribution">per ${c.attribution}</span>` : ''} — ${join(
        c.sources.map((id) => {
          const cit = c.citations?.find((x) => x.source === id);
          return chip(ctx, id, cit, ' disagree');
        }),
        ' ',
      )}${c.citations?.length ? html`<ol class="citations">${c.citations.map((x) => citationItem(ctx, x, c.value))}</ol>` : ''}</li>`)}</ul></div>`
    : '';
  return html`<article class="answer ${a.answered ? 'answered' : 'unanswered'}" data-intent="${a.intent}">
${opts.heading ? html`<h3 class="question">${a.question}</h3>` : ''}
<p class="answer-text">${a.answer}</p>
${a.agree !== undefined && a.total !== undefined ? html`<p class="agreement">${a.agree} of ${a.total} sources agree</p>` : ''}
${a.citations.length && opts.compact ? html`<p class="cited">${join(a.citations.map((c) => chip(ctx, c.source, c)), ' ')}</p>
<details class="snippets"><summary>${a.citations.length} cited snippet${a.citations.length === 1 ? '' : 's'}</summary><ol class="citations">${a.citations.map((c) => citationItem(ctx, c, a.value))}</ol></details>` : ''}
${a.citations.length && !opts.compact ? html`<ol class="citations">${a.citations.map((c) => citationItem(ctx, c, a.value))}</ol>` : ''}
${!a.answered && a.passages?.length ? html`<ol class="citations passages">${a.passages.map((c) => citationItem(ctx, c))}</ol>` : ''}
${conflicts}
</article>`;
}

/** Sources by outlet: named ones first, alphabetically, then those known only by id; each with its date and wire copy. */
function sourcesTable(ctx: PageContext): Html {
  const named = (s: SourceSummary) => ctx.name(s.id) !== shortId(s.id);
  const rows = [...ctx.sources].sort((a, b) => Number(named(b)) - Number(named(a)) || ctx.name(a.id).localeCompare(ctx.name(b.id)) || a.id.localeCompare(b.id));
  return html`<table class="sources">
<thead><tr><th>Outlet</th><th>Date</th><th>Article</th><th>Words</th><th>Set aside</th><th>Shared wire text</th></tr></thead>
<tbody>${rows.map((s) => html`<tr data-source="${s.id}">
<td class="outlet">${named(s) ? ctx.name(s.id) : html`<span class="unnamed">source ${ctx.name(s.id)}</span>`}</td>
<td>${s.published ? html`<time datetime="${s.published}">${s.published}</time>` : 'undated'}</td>
<td><a href="${sourcePath(s.id)}">${s.title || s.id}</a>${s.title && s.title !== s.id ? html` <small class="id">${s.id}</small>` : ''}</td>
<td data-col="words">${s.words}</td>
<td data-col="set aside">${s.furniture}</td>
<td data-col="shared wire text">${s.wireWith.length ? html`${Math.round(s.wireShare * 100)}% with ${join(s.wireWith.map((id) => chip(ctx, id)), ' ')}` : 'none'}</td>
</tr>`)}</tbody>
</table>`;
}

/** `/`: the story — sources, what they agree on, where they disagree, a search box. */
export function storyPage(engine: Engine): string {
  const ctx = pageContext(engine);
  const { agreed, disagreements } = engine.overview();
  const dates = ctx.sources.map((s) => s.published).filter((d): d is string => !!d).sort();
  const span = dates.length ? (dates[0] === dates[dates.length - 1] ? `, published ${dates[0]}` : `, published ${dates[0]} to ${dates[dates.length - 1]}`) : '';
  // The story in a few cited sentences, when the engine can tell it; the page reads fine without.
  let summary: Answer | undefined;
  let failed = false;
  try {
    summary = engine.ask('What happened?');
  } catch {
    // The rest of the page does not depend on it; the reader is told, and /ask shows the error path.
    failed = true;
  }
  const told = summary?.answered && summary.intent === 'summary';
  const body = html`<h1>The story</h1>
<p class="lede">${ctx.sources.length} sources${span}. Every claim below links to the exact words it comes from.</p>
${told ? html`<section id="summary"><h2>What happened</h2>${answerBlock(ctx, summary!, { compact: true })}</section>` : ''}
${failed ? html`<p class="empty">The story summary could not be built just now.</p>` : ''}
<section id="disagreements"><h2>Where they disagree</h2>
${disagreements.length ? disagreements.map((a) => answerBlock(ctx, a, { heading: true, compact: true })) : html`<p class="empty">No disagreements found.</p>`}
</section>
<section id="sources"><h2>Sources by outlet</h2>${sourcesTable(ctx)}</section>
<section id="agreed"><h2>What the sources agree on</h2>
${agreed.length ? agreed.map((a) => answerBlock(ctx, a, { heading: true, compact: true })) : html`<p class="empty">No fact is reported by several sources yet.</p>`}
</section>
${suggestions(engine.suggest('', 6))}`;
  return layout({ title: 'The story', current: 'story', body });
}

/** `/sources`: the list of sources alone. */
export function sourcesPage(engine: Engine): string {
  const ctx = pageContext(engine);
  return layout({ title: 'Sources', current: 'sources', body: html`<h1>Sources</h1>${sourcesTable(ctx)}` });
}

/** Questions the coverage can answer, as links. */
function suggestions(questions: string[]): Html | '' {
  if (questions.length === 0) return '';
  return html`<section class="suggestions"><h2>Questions the coverage can answer</h2><ul>${questions.map(
    (q) => html`<li><a href="/ask?q=${encodeURIComponent(q)}">${q}</a></li>`,
  )}</ul></section>`;
}

/** `/ask?q=`: the engine's answer, rendered server-side (works without JS). */
export function askPage(engine: Engine, question: string): string {
  const ctx = pageContext(engine);
  if (question.trim() === '') {
    return layout({ title: 'Ask', current: 'ask', body: html`<h1>Ask</h1><p class="empty">Type a question about the coverage in the box above.</p>${suggestions(engine.suggest('', 5))}` });
  }
  const answer = engine.ask(question);
  const body = html`<h1>Ask</h1><p class="asked">You asked: <q class="question">${question}</q></p>${answerBlock(ctx, answer)}
${answer.answered ? '' : suggestions(engine.suggest(question, 5))}`;
  return layout({ title: question, current: 'ask', query: question, body });
}

/** `/timeline`: events oldest first, each with the sources that place it there. */
export function timelinePage(engine: Engine): string {
  const ctx = pageContext(engine);
  const entries: TimelineEntry[] = engine.timeline();
  const body = html`<h1>Timeline</h1>
${entries.length ? html`<ol class="timeline">${entries.map((e) => html`<li class="event" data-date="${e.date}">
<time datetime="${e.date}">${e.date}</time>
<span class="text">${e.text}</span>
<span class="phrase">“${e.phrase}”${e.inferred ? ' (date inferred from the article date)' : ''}</span>
<span class="chips">${join(
  e.sources.map((id) => chip(ctx, id, e.citations.find((c) => c.source === id))),
  ' ',
)}</span>
</li>`)}</ol>` : html`<p class="empty">No dated events found in the coverage.</p>`}`;
  return layout({ title: 'Timeline', current: 'timeline', body });
}

/** Claim/fact lookups for linking a fact to the same claim in other sources; cached per table. */
interface FactIndex {
  facts: Map<string, Fact>;
  groupsOf: Map<string, { value: string; facts: string[]; sources: string[] }[]>;
}
const indexes = new WeakMap<FactTable, FactIndex>();

function factIndex(table: FactTable): FactIndex {
  let idx = indexes.get(table);
  if (!idx) {
    idx = { facts: new Map(table.facts.map((f) => [f.id, f])), groupsOf: new Map() };
    for (const claim of table.claims) for (const g of claim.groups) for (const f of g.facts) idx.groupsOf.set(f, claim.groups);
    indexes.set(table, idx);
  }
  return idx;
}

/** The span to highlight in `source` for the same claim as `fact` (agreeing or not), if any. */
function counterpartSpan(engine: Engine, fact: Fact, source: string, agree: boolean): Span | undefined {
  const idx = factIndex(engine.table);
  const groups = idx.groupsOf.get(fact.id);
  if (!groups) return undefined;
  const own = groups.find((g) => g.facts.includes(fact.id));
  const pool = agree ? [own] : groups.filter((g) => g !== own);
  for (const g of pool) {
    for (const id of g?.facts ?? []) {
      const other = idx.facts.get(id);
      if (other && other.article === source) {
        const sentence = engine.table.articles.find((a) => a.id === source)?.sentences[other.sentence];
        return sentence ? { start: sentence.start, end: sentence.end } : other.span;
      }
    }
  }
  return undefined;
}

/** What a fact is, in a reader's words: "length of the wall", "date", "person", "quote". */
function factWhat(f: Fact): string {
  if (f.kind === 'quantity') {
    const measure = f.attribute === 'count' ? 'number' : f.attribute === 'money' ? 'amount' : f.attribute === 'number' ? 'figure' : f.attribute;
    return f.subject ? `${measure} of ${/^(the|a|an)\s/.test(f.subject) ? '' : 'the '}${f.subject}` : measure;
  }
  if (f.kind === 'date') return 'date';
  if (f.kind === 'quote') return 'quote';
  return f.attribute === 'thing' ? 'name' : f.attribute;
}

function factItem(engine: Engine, ctx: PageContext, fv: FactView, paragraph: number): Html {
  const f = fv.fact;
  return html`<li class="fact" data-kind="${f.kind}">
<a class="sref" href="#s${f.sentence}" title="Go to the sentence">¶${paragraph}</a> <span class="what">${factWhat(f)}</span>: <b class="label">${fv.label}</b>${f.attribution ? html` <span class="attribution">per ${f.attribution}</span>` : ''}
${fv.agreeWith.length ? html`<span class="agree">agree: ${join(fv.agreeWith.map((id) => chip(ctx, id, counterpartSpan(engine, f, id, true), ' agree')), ' ')}</span>` : ''}
${fv.disagreeWith.length ? html`<span class="disagree">disagree: ${join(fv.disagreeWith.map((id) => chip(ctx, id, counterpartSpan(engine, f, id, false), ' disagree')), ' ')}</span>` : ''}
</li>`;
}

/** A paragraph's facts, folded away (no JS needed) unless the paragraph holds the highlight. */
function factsBlock(engine: Engine, ctx: PageContext, facts: FactView[], open: boolean, paragraph: number): Html {
  const agree = new Set(facts.flatMap((f) => f.agreeWith));
  const disagree = new Set(facts.flatMap((f) => f.disagreeWith));
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  const summary = [
    n(facts.length, 'fact found here', 'facts found here'),
    agree.size ? `${n(agree.size, 'other source agrees', 'other sources agree')}` : '',
    disagree.size ? `${n(disagree.size, 'source disagrees', 'sources disagree')}` : '',
  ].filter(Boolean).join(' · ');
  return html`<details class="facts"${open ? new Html(' open') : ''}><summary>${summary}</summary><ul class="facts">${facts.map((fv) => factItem(engine, ctx, fv, paragraph))}</ul></details>`;
}

interface Line {
  start: number;
  end: number;
}

function linesOf(raw: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (const text of raw.split('\n')) {
    const end = start + text.length;
    if (text.trim() !== '') out.push({ start, end: text.endsWith('\r') ? end - 1 : end });
    start = end + 1;
  }
  return out;
}

/** True when furniture covers every non-space character of the line. */
function isFurnitureLine(raw: string, line: Line, furniture: Furniture[]): boolean {
  for (let i = line.start; i < line.end; i++) {
    if (/\s/.test(raw[i]!)) continue;
    if (!furniture.some((f) => f.start <= i && i < f.end)) return false;
  }
  return true;
}

/** Sentences overlapping a line; sentences are sorted and disjoint, so binary-search the first. */
function overlapping<T extends Span>(sorted: T[], line: Line): T[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.end <= line.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.start < line.end; i++) out.push(sorted[i]!);
  return out;
}

/** Renders state across lines: which sentence/mark ids were already emitted. */
interface BodyState {
  seenSentences: Set<number>;
  markEmitted: boolean;
  factSentences: Set<number>;
}

/**
 * One line's text, split at every sentence, furniture and highlight boundary and nested
 * mark > sentence > furniture, so the highlight is one `<mark>` whose text is the snippet.
 */
function renderLine(view: ArticleView, line: Line, hl: Span | undefined, st: BodyState, aside: boolean): Html {
  const { raw } = view.article;
  const sentences = overlapping(view.article.sentences, line);
  // A line set aside as a whole is labelled once, by its block.
  const furniture = aside ? [] : view.article.furniture.filter((f) => f.start < line.end && f.end > line.start);
  const cuts = new Set<number>([line.start, line.end]);
  const inLine = (x: number) => x > line.start && x < line.end;
  for (const s of sentences) for (const x of [s.start, s.end]) if (inLine(x)) cuts.add(x);
  for (const f of furniture) for (const x of [f.start, f.end]) if (inLine(x)) cuts.add(x);
  if (hl) for (const x of [hl.start, hl.end]) if (inLine(x)) cuts.add(x);
  const points = [...cuts].sort((a, b) => a - b);
  const segs = points.slice(0, -1).map((a, i) => ({
    a,
    b: points[i + 1]!,
    sentence: sentences.find((s) => s.start <= a && a < s.end)?.index,
    furniture: furniture.find((f) => f.start <= a && a < f.end),
    marked: !!hl && hl.start <= a && a < hl.end,
  }));

  const runs = <T>(items: T[], key: (t: T) => unknown): T[][] => {
    const out: T[][] = [];
    for (const it of items) {
      const last = out[out.length - 1];
      if (last && key(last[0]!) === key(it)) last.push(it);
      else out.push([it]);
    }
    return out;
  };

  return join(runs(segs, (s) => s.marked).map((markRun) => {
    const inner = join(runs(markRun, (s) => s.sentence).map((sRun) => {
      const innermost = join(runs(sRun, (s) => s.furniture).map((fRun) => {
        const text = raw.slice(fRun[0]!.a, fRun[fRun.length - 1]!.b);
        const f = fRun[0]!.furniture;
        return f
          ? html`<span class="furniture inline" data-reason="${f.reason}" data-label="${REASONS[f.reason]}" title="Set aside: ${REASONS[f.reason]}">${text}</span>`
          : text;
      }));
      const idx = sRun[0]!.sentence;
      if (idx === undefined) return innermost;
      const first = !st.seenSentences.has(idx);
      st.seenSentences.add(idx);
      const cls = st.factSentences.has(idx) ? 's has-facts' : 's';
      return first
        ? html`<span class="${cls}" id="s${idx}">${innermost}</span>`
        : html`<span class="${cls}" data-s="${idx}">${innermost}</span>`;
    }));
    if (!markRun[0]!.marked) return inner;
    const first = !st.markEmitted;
    st.markEmitted = true;
    return first ? html`<mark id="hl">${inner}</mark>` : html`<mark class="hl-more">${inner}</mark>`;
  }));
}

/** `/sources/<id>`: the cleaned article with sentence anchors, furniture set aside, facts per ¶. */
export function articlePage(engine: Engine, view: ArticleView, hl?: Span): string {
  const ctx = pageContext(engine);
  const a = view.article;
  const st: BodyState = {
    seenSentences: new Set(),
    markEmitted: false,
    factSentences: new Set(Object.entries(view.facts).filter(([, v]) => v.length > 0).map(([k]) => Number(k))),
  };
  const furniture = [...a.furniture].sort((x, y) => x.start - y.start);
  const blocks: Html[] = [];
  let pendingFurniture: { reasons: Set<FurnitureReason>; lines: Html[] } | undefined;
  const flush = () => {
    if (!pendingFurniture) return;
    const reasons = [...pendingFurniture.reasons];
    blocks.push(html`<aside class="furniture" data-reason="${reasons.join(' ')}">
<p class="why">Set aside by cleaning — ${reasons.map((r) => REASONS[r]).join(', ')}</p>
<div class="removed">${pendingFurniture.lines.map((l) => html`<p>${l}</p>`)}</div>
</aside>`);
    pendingFurniture = undefined;
  };
  let paragraph = 0;
  for (const line of linesOf(a.raw)) {
    // Numbered as cleaning numbers them (every non-empty line), so ¶ here is the ¶ of every citation.
    paragraph++;
    const lineFurniture = furniture.filter((f) => f.start < line.end && f.end > line.start);
    const aside = lineFurniture.length > 0 && isFurnitureLine(a.raw, line, lineFurniture);
    const text = renderLine(view, line, hl, st, aside);
    if (aside) {
      const reasons = new Set(lineFurniture.map((f) => f.reason));
      const same = pendingFurniture && [...reasons].every((r) => pendingFurniture!.reasons.has(r)) && reasons.size === pendingFurniture.reasons.size;
      if (!same) flush();
      pendingFurniture ??= { reasons, lines: [] };
      pendingFurniture.lines.push(text);
      continue;
    }
    flush();
    const facts = overlapping(a.sentences, line)
      .filter((s) => s.start >= line.start)
      .flatMap((s) => view.facts[s.index] ?? []);
    const open = !!hl && hl.start < line.end && hl.end > line.start;
    blocks.push(html`<div class="para-block"><p class="para" id="p${paragraph}" data-p="${paragraph}">${text}</p>${facts.length ? factsBlock(engine, ctx, facts, open, paragraph) : ''}</div>`);
  }
  flush();

  const counts = new Map<FurnitureReason, number>();
  for (const f of a.furniture) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  const original = safeHref(a.url);
  const hlNote = hl
    ? html`<p class="hl-note">The cited passage is highlighted. <a href="#hl">Jump to it</a> · <a href="${sourcePath(a.id)}">clear</a></p>`
    : '';
  const body = html`<h1>${a.title || a.id}</h1>
<p class="meta">${[ctx.name(a.id), a.published && `published ${a.published}`, `${a.words} words`].filter(Boolean).join(' · ')}
${original ? html` · <a class="original" href="${original}" rel="noopener noreferrer">original article</a>` : ''} · <small class="id">${a.id}</small></p>
${a.wireWith.length ? html`<p class="wire">${Math.round(a.wireShare * 100)}% of this text also appears in ${join(a.wireWith.map((id) => chip(ctx, id)), ' ')} (shared wire copy).</p>` : ''}
${a.furniture.length ? html`<p class="furniture-summary">The bot ignored ${a.furniture.length} piece${a.furniture.length === 1 ? '' : 's'} of page furniture, shown set aside below: ${[...counts].map(([r, n]) => `${REASONS[r]} (${n})`).join(', ')}.</p>` : ''}
${hlNote}
<div class="article-body">${blocks}</div>`;
  return layout({ title: a.title || a.id, body });
}

/** An error page: status, a plain message, a way back. Never a stack trace. */
export function errorPage(status: number, message: string): string {
  const titles: Record<number, string> = { 400: 'Bad request', 404: 'Not found', 405: 'Method not allowed', 500: 'Something went wrong' };
  const title = titles[status] ?? `Error ${status}`;
  return layout({ title, body: html`<h1>${title}</h1><p class="error">${message}</p><p><a href="/">Back to the story</a></p>` });
}
