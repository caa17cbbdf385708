/**
 * The viewer's only assets, served from same-origin paths so the Content-Security-Policy
 * can forbid inline code entirely. No build step, no external fonts or images.
 */

export const CSS = `
:root { color-scheme: light dark; --fg: #1d1d1f; --bg: #fdfdfc; --muted: #6b6b70; --line: #e2e2e6;
  --mark: #ffe066; --chip: #eef2ff; --chip-fg: #2f3f9e; --agree: #e6f6ea; --agree-fg: #1f6b34;
  --disagree: #fdeaea; --disagree-fg: #9b2c2c; --aside: #f4f4f6; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8e8ea; --bg: #151517; --muted: #9a9aa2; --line: #2c2c31;
  --mark: #6b5a00; --chip: #232a4d; --chip-fg: #b9c4ff; --agree: #16311e; --agree-fg: #8fdca5;
  --disagree: #3a1b1b; --disagree-fg: #f2a7a7; --aside: #1f1f23; } }
* { box-sizing: border-box; }
body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header.top { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: center;
  justify-content: space-between; padding: .6rem 1.25rem; background: var(--bg); border-bottom: 1px solid var(--line); }
header nav a { margin-right: 1rem; text-decoration: none; color: var(--fg); font-weight: 600; }
header nav a[aria-current="page"] { border-bottom: 2px solid var(--chip-fg); }
form.search { display: flex; gap: .4rem; flex: 1 1 20rem; max-width: 36rem; }
form.search input { flex: 1; font: inherit; padding: .3rem .6rem; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
form.search button { font: inherit; padding: .3rem .9rem; border-radius: 6px; border: 1px solid var(--chip-fg); background: var(--chip); color: var(--chip-fg); cursor: pointer; }
main { max-width: 52rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 1rem 0 .4rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--line); }
h3.question { font-size: 1rem; margin: 0 0 .2rem; color: var(--muted); }
.meta, .lede, .wire, .furniture-summary, .hl-note, .empty, small.id { color: var(--muted); }
small.id { font-size: .75rem; }
a { color: var(--chip-fg); }
a.chip { display: inline-block; padding: 0 .5rem; border-radius: 999px; background: var(--chip); color: var(--chip-fg);
  font-size: .8rem; line-height: 1.6; text-decoration: none; white-space: nowrap; }
a.chip.agree { background: var(--agree); color: var(--agree-fg); }
a.chip.disagree { background: var(--disagree); color: var(--disagree-fg); }
table.sources { width: 100%; border-collapse: collapse; font-size: .9rem; }
table.sources th, table.sources td { text-align: left; padding: .3rem .4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
article.answer { margin: .8rem 0 1.2rem; padding: .6rem .9rem; border-left: 4px solid var(--chip-fg); background: var(--aside); border-radius: 0 6px 6px 0; }
article.answer.unanswered { border-left-color: var(--muted); }
.answer-text { font-weight: 600; margin: 0; }
.agreement { margin: .1rem 0; color: var(--muted); font-size: .9rem; }
ol.citations { margin: .4rem 0 0; padding-left: 1.2rem; font-size: .92rem; }
ol.citations li { margin: .25rem 0; }
q.snippet { font-style: italic; }
p.cited { margin: .3rem 0 0; }
details.snippets { font-size: .85rem; color: var(--muted); }
details.snippets summary { cursor: pointer; width: fit-content; }
.conflicts h4 { margin: .6rem 0 .2rem; font-size: .9rem; color: var(--disagree-fg); }
.conflicts ul { margin: 0; padding-left: 1.2rem; }
.article-body p.para { margin: 0 0 .3rem; }
.para-block { margin-bottom: 1rem; }
mark { background: var(--mark); color: inherit; padding: .05em 0; scroll-margin: 35vh 0; }
mark#hl { outline: 2px solid var(--mark); }
details.facts { margin: .1rem 0 0 1rem; font-size: .82rem; color: var(--muted); }
details.facts summary { cursor: pointer; width: fit-content; }
.s:target { background: var(--chip); }
aside.furniture { margin: .6rem 0 1rem; padding: .4rem .8rem; border: 1px dashed var(--muted); border-radius: 6px;
  background: var(--aside); color: var(--muted); font-size: .85rem; }
aside.furniture .why { margin: 0 0 .2rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; font-size: .72rem; }
aside.furniture .removed p { margin: .1rem 0; text-decoration: line-through; text-decoration-color: color-mix(in srgb, var(--muted) 55%, transparent); }
span.furniture.inline { color: var(--muted); text-decoration: line-through; padding-right: .35em; }
span.furniture.inline::after { content: " [set aside: " attr(data-label) "]"; font-size: .72rem; text-decoration: none; }
ul.facts { margin: .2rem 0 0; padding: .2rem .6rem; list-style: none; font-size: .82rem; border-left: 2px solid var(--line); }
ul.facts li { margin: .1rem 0; color: var(--fg); }
ul.facts .what { color: var(--muted); }
ul.facts .agree, ul.facts .disagree { margin-left: .4rem; }
a.sref { color: var(--muted); text-decoration: none; font-variant-numeric: tabular-nums; }
ol.timeline { list-style: none; padding: 0; border-left: 2px solid var(--line); margin-left: .5rem; }
ol.timeline li.event { position: relative; padding: .2rem 0 .9rem 1.2rem; }
ol.timeline li.event::before { content: ""; position: absolute; left: -7px; top: .65rem; width: 12px; height: 12px; border-radius: 50%; background: var(--chip-fg); }
ol.timeline time { display: block; font-weight: 700; font-variant-numeric: tabular-nums; }
ol.timeline .phrase { display: block; color: var(--muted); font-size: .85rem; }
p.error { font-size: 1.05rem; }
main { overflow-wrap: anywhere; }
p.para[data-p]::before { content: "¶" attr(data-p); float: left; margin-left: -2.2rem; width: 1.9rem; text-align: right;
  color: var(--muted); font-size: .7rem; line-height: 2.2; font-variant-numeric: tabular-nums; }
.article-body { padding-left: 2.2rem; }
span.unnamed { color: var(--muted); }
/* A 390-px phone: no horizontal scrolling; the sources table becomes one card per source. */
@media (max-width: 640px) {
  body { font-size: 16px; }
  header.top { padding: .5rem .75rem; }
  form.search { flex-basis: 100%; max-width: none; }
  form.search input { min-width: 0; }
  main { padding: .75rem .75rem 3rem; }
  table.sources thead { display: none; }
  table.sources, table.sources tbody, table.sources tr, table.sources td { display: block; width: auto; }
  table.sources tr { padding: .5rem 0; border-bottom: 1px solid var(--line); }
  table.sources td { border: 0; padding: .05rem 0; }
  table.sources td.outlet { font-weight: 700; }
  table.sources td[data-col]::before { content: attr(data-col) ": "; color: var(--muted); }
  a.chip { white-space: normal; }
  .article-body { padding-left: 1.6rem; }
  p.para[data-p]::before { margin-left: -1.6rem; width: 1.4rem; }
  details.facts { margin-left: 0; }
}
`;

/** Scrolls the highlighted snippet into view; the only script the viewer runs. */
export const JS = `"use strict";
(function () {
  function show() {
    var hl = document.getElementById("hl");
    if (hl && !location.hash) hl.scrollIntoView({ block: "center" });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
`;
