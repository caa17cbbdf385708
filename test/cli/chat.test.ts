/** The terminal chat: follow-ups within a session, /more, and line editing with history on a TTY. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createNlp } from '../../src/core/nlp.js';
import { buildFactTable } from '../../src/core/ingest/build.js';
import { createEngine } from '../../src/core/engine.js';
import { readCorpus } from '../../src/store/corpus-loader.js';
import { respond, runChat, type ChatSession } from '../../src/cli/chat.js';

const nlp = createNlp();
const engine = createEngine(buildFactTable((await readCorpus('seeds')).articles, 'seeds', nlp), nlp, { publicUrl: 'http://localhost:8080' });

describe('the terminal chat', () => {
  it('resolves a follow-up against the previous question of the session, and says how it read it', () => {
    const session: ChatSession = {};
    expect(respond(engine, 'How long is the Rafiqah wall?', session)).toMatch(/^2,500 m/);
    const follow = respond(engine, 'and how high is it?', session)!;
    expect(follow.split('\n')[0]).toBe('(How high is the Rafiqah wall?)');
    expect(follow.split('\n')[1]).toMatch(/^3\.8 m/);
  });

  it('forgets the previous question after ten minutes', () => {
    let now = 0;
    const session: ChatSession = { now: () => now };
    respond(engine, 'How long is the Rafiqah wall?', session);
    now += 10 * 60_000 + 1;
    expect(respond(engine, 'and how high is it?', session)).not.toMatch(/3\.8 m/);
  });

  it('answers briefly, naming outlets and citing wire copy once; /more lists every source', () => {
    const session: ChatSession = {};
    const short = respond(engine, 'How long is the Rafiqah wall?', session)!;
    expect(short.match(/^ {2}\[\d+\]/gm)!.length).toBeLessThanOrEqual(3);
    expect(short).toMatch(/PanARMENIAN\.Net ¶\d+: .*\(also in \d{3}, \d{3}, \d{3}\)/);
    expect(short).toContain('/more');
    const all = respond(engine, '/more', session)!;
    expect(all.match(/^ {2}\[\d+\]/gm)).toHaveLength(5);
  });

  it('on a terminal, ↑ recalls the previous line for editing', async () => {
    const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
    const output = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runChat({ engine, input, output });
    const until = async (re: RegExp) => {
      for (let i = 0; i < 200 && !re.test(text); i++) await new Promise((r) => setTimeout(r, 10));
      expect(text).toMatch(re);
    };
    input.write('How long is the Rafiqah wall?\r');
    await until(/2,500 m/);
    text = '';
    // Up arrow, then edit the recalled line: backspace over "wall?" and type "Wall".
    input.write('\x1b[A');
    input.write('\x7f\x7f\x7f\x7f\x7fWall?\r');
    await until(/2,500 m/);
    input.write('/quit\r');
    await done;
    expect(text).toContain('Bye.');
  });
});
