/** The viewer serves each story under /stories/<name>/, where the story's citation links point. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { createLogger } from '../../src/logger.js';
import { StoryLibrary } from '../../src/stories/library.js';
import { startWebServer, type WebServer } from '../../src/web/server.js';
import { SEEDS, engineFor, recordingLogger } from './helpers.js';

let dataDir: string;
let library: StoryLibrary;
let server: WebServer;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'web-stories-'));
  library = new StoryLibrary({ dataDir, publicUrl: 'http://viewer.test', logger: createLogger('silent'), nlp: createNlp() });
  await library.create('bridge');
  await library.add('bridge', [{ kind: 'file', name: 'harlow.html', bytes: await readFile('test/fixtures/html/news-site.html') }]);
  server = await startWebServer({ engine: await engineFor(SEEDS), port: 0, logger: recordingLogger(), stories: library });
});

afterAll(async () => {
  await server?.close();
  library?.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('story pages', () => {
  it('a citation link of a story opens its article with the snippet highlighted, and its links stay in the story', async () => {
    const answer = (await library.engine('bridge')).ask('How long is the Harlow bridge?');
    const viewer = new URL(answer.citations[0]!.viewer);
    expect(viewer.pathname).toBe('/stories/bridge/sources/000_harlow');
    const res = await fetch(server.url + viewer.pathname + viewer.search);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('340-metre bridge');
    expect(page).toMatch(/<mark[^>]*>(?:(?!<\/mark>)[\s\S])*340-metre/);
    expect(page).toContain('href="/stories/bridge/sources"');
    expect(page).toContain('action="/stories/bridge/ask"');
    expect(page).toContain('href="/assets/viewer.css"');
  });

  it('the story overview and its JSON API answer from the story; the root still serves CORPUS_DIR', async () => {
    const api = await (await fetch(`${server.url}/stories/bridge/api/sources`)).json();
    expect(api.map((s: { id: string }) => s.id)).toEqual(['000_harlow']);
    const root = await (await fetch(`${server.url}/api/sources`)).json();
    expect(root).toHaveLength(5);
    expect((await fetch(`${server.url}/stories/bridge/`)).status).toBe(200);
  });

  it('an unknown story is a plain 404', async () => {
    const res = await fetch(`${server.url}/stories/nowhere/sources`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('There is no story &quot;nowhere&quot;');
  });
});
