/**
 * HTML building blocks for the viewer. Everything that reaches a page goes through
 * `html` (escaping interpolations) or `esc`; article text and questions are untrusted.
 */

/** A string already safe to put in HTML. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Escapes text for element content and quoted attribute values. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

type Part = Html | string | number | undefined | null | false | Part[];

function render(p: Part): string {
  if (p === undefined || p === null || p === false) return '';
  if (p instanceof Html) return p.value;
  if (Array.isArray(p)) return p.map(render).join('');
  return esc(String(p));
}

/** Tagged template: interpolated strings are escaped, `Html` values and arrays of them are not. */
export function html(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((p, i) => {
    out += render(p) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Joins already-safe parts. */
export function join(parts: Part[], sep = ''): Html {
  return new Html(parts.map(render).join(sep));
}

/** Only absolute http(s) URLs and same-origin paths may become links. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  if (/^https?:\/\//i.test(url) || /^\/(?!\/)/.test(url)) return url;
  return undefined;
}

/** Viewer path of an article (relative, so it works behind any PUBLIC_URL). */
export function sourcePath(id: string, span?: { start: number; end: number }): string {
  const base = `/sources/${encodeURIComponent(id)}`;
  return span ? `${base}?hl=${span.start}-${span.end}` : base;
}

export interface LayoutOptions {
  title: string;
  /** Nav entry to mark as current. */
  current?: 'story' | 'timeline' | 'ask' | 'sources';
  query?: string;
  body: Html;
}

/** The page shell: strict-CSP friendly (only same-origin CSS and JS, no inline code). */
export function layout(o: LayoutOptions): string {
  const nav = (key: LayoutOptions['current'], href: string, label: string) =>
    html`<a href="${href}"${o.current === key ? new Html(' aria-current="page"') : ''}>${label}</a>`;
  return '<!doctype html>\n' + html`<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${o.title} · coverage-bot</title>
<link rel="stylesheet" href="/assets/viewer.css">
<script src="/assets/viewer.js" defer></script>
</head>
<body>
<header class="top">
<nav>${nav('story', '/', 'Story')} ${nav('sources', '/sources', 'Sources')} ${nav('timeline', '/timeline', 'Timeline')}</nav>
<form class="search" action="/ask" method="get" role="search">
<input type="search" name="q" maxlength="1000" placeholder="Ask about the coverage…" aria-label="Question" value="${o.query ?? ''}">
<button type="submit">Ask</button>
</form>
</header>
<main>
${o.body}
</main>
</body>
</html>
`.value;
}
