import { loadEngine } from '../src/load-engine.js';
import { createLogger } from '../src/logger.js';
const e = await loadEngine({ corpusDir: process.argv[2] ?? 'seeds', dataDir: '/tmp/sgdata', publicUrl: 'http://x', logger: createLogger('error') });
for (const c of e.table.claims.slice(0, 30)) console.log(c.attribute, '|', c.subject, '|', c.groups.map((g) => g.value + ' [' + g.sources.length + ']').join(' ; '));
for (const q of e.suggest('', 60)) { const a = e.ask(q); console.log('Q', q, '=>', a.value, '|', a.answer.slice(0, 100)); }
