import { loadEngine } from '../src/load-engine.js';
import { createLogger } from '../src/logger.js';
const e = await loadEngine({ corpusDir: 'seeds', dataDir: '/tmp/sgdata', publicUrl: 'http://x', logger: createLogger('error') });
console.log(JSON.stringify(e.table.aliases));
