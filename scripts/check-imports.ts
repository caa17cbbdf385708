/**
 * Walks the imports of src/ and reports import circles and imports across the core's wings:
 * store/ → core/ingest or core/ask, and core/ask ↔ core/ingest (README, "How it works").
 * Type-only imports count, since they tie the design together all the same, and are marked.
 * Exits 1 when it reports anything.   npx tsx scripts/check-imports.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Edge {
  to: string;
  typeOnly: boolean;
}

/** The src/ files that `file` imports or re-exports, statically or with import(). */
function importsOf(file: string): Edge[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const edges: Edge[] = [];
  const add = (spec: ts.Node | undefined, typeOnly: boolean) => {
    if (spec && ts.isStringLiteral(spec) && spec.text.startsWith('.')) {
      edges.push({ to: path.join(path.dirname(file), spec.text).replace(/\.js$/, '.ts'), typeOnly });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const allTypes = !!clause && !clause.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      add(node.moduleSpecifier, !!clause?.isTypeOnly || allTypes);
    } else if (ts.isExportDeclaration(node)) {
      add(node.moduleSpecifier, node.isTypeOnly);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(node.arguments[0], false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const files = readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => path.join('src', f))
  .sort();
const graph = new Map(files.map((f) => [f, importsOf(f)]));

const WINGS: [string, RegExp][] = [['store', /^src\/store\//], ['ingest', /^src\/core\/ingest\//], ['ask', /^src\/core\/ask\//]];
const wing = (f: string) => WINGS.find(([, re]) => re.test(f))?.[0];
const FORBIDDEN: Record<string, string[]> = { store: ['ingest', 'ask'], ingest: ['ask'], ask: ['ingest'] };

const problems: string[] = [];
for (const [from, edges] of graph) {
  for (const { to, typeOnly } of edges) {
    if (!graph.has(to)) problems.push(`${from} imports ${to}, which is not a file of src/`);
    const a = wing(from);
    const b = wing(to);
    if (a && b && FORBIDDEN[a]!.includes(b)) problems.push(`layering: ${from} → ${to}${typeOnly ? ' (type only)' : ''}: ${a}/ must not import ${b}/`);
  }
}

// Circles are the strongly connected components of more than one file (Tarjan), or a file importing itself.
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
function strongConnect(v: string): void {
  index.set(v, index.size);
  low.set(v, index.get(v)!);
  stack.push(v);
  onStack.add(v);
  for (const { to: w } of graph.get(v)!) {
    if (!graph.has(w)) continue;
    if (!index.has(w)) {
      strongConnect(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
  }
  if (low.get(v) !== index.get(v)) return;
  const component: string[] = [];
  let w: string;
  do {
    w = stack.pop()!;
    onStack.delete(w);
    component.push(w);
  } while (w !== v);
  if (component.length > 1 || graph.get(v)!.some((e) => e.to === v)) {
    const inside = new Set(component);
    const links = component.flatMap((f) => graph.get(f)!.filter((e) => inside.has(e.to)).map((e) => `${f} → ${e.to}${e.typeOnly ? ' (type only)' : ''}`));
    problems.push(`circle: ${links.sort().join('; ')}`);
  }
}
for (const f of files) if (!index.has(f)) strongConnect(f);

const count = [...graph.values()].reduce((n, e) => n + e.length, 0);
console.log(`${files.length} files under src/, ${count} relative imports`);
for (const p of problems) console.log(p);
if (problems.length === 0) console.log('no circles; no store → ingest/ask or ask ↔ ingest imports');
process.exitCode = problems.length ? 1 : 0;
