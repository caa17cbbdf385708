/** Issue 11, item 10: every loaded article has a viewer link that opens that article. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { articlePage } from '../../src/web/pages.js';
import { engineFor, recordingLogger } from './helpers.js';

const IDS = ['...', '.hidden', 'a b', '#frag', '?q=1', '%2e%2e', '%41', 'über', 'x&y', 'semi;colon', "it's", 'a+b', 'back\\slash', '....'];
const BODY = 'date 2017-07-05\n\nOfficials said the wall is 2,500 meters long.\n';
let dir: string;
let engine: Engine;
let server: WebServer;
const logger = recordingLogger();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'odd-ids-'));
  for (const id of [...IDS, '.', '..']) await writeFile(path.join(dir, `${id}.txt`), BODY);
  engine = await engineFor(dir, logger);
  server = await startWebServer({ engine, port: 0, logger: recordingLogger() });
});

afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('article ids that URLs treat specially', () => {
  it('"." and ".." are skipped with a warning naming the file', () => {
    const ids = engine.sources().map((s) => s.id);
    expect(ids).not.toContain('.');
    expect(ids).not.toContain('..');
    const warnings = logger.records.filter((r) => r.level === 'warn').map((r) => r.msg);
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/\.\.txt: the id "\." cannot have a viewer link/), expect.stringMatching(/\.\.\.txt: the id "\.\." cannot have a viewer link/)]));
  });

  it('every other article\'s viewer link, as a browser resolves it, opens that article', async () => {
    const sources = engine.sources();
    expect(sources.map((s) => s.id).sort()).toEqual([...IDS].sort());
    for (const s of sources) {
      const link = new URL(s.viewer.replace(/^http:\/\/viewer\.test/, server.url));
      const res = await fetch(link);
      expect(res.status, s.id).toBe(200);
      expect(await res.text(), s.id).toBe(articlePage(engine, engine.article(s.id)!));
    }
  });
});
