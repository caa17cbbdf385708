/** The logger: timestamped text lines, or one parseable JSON object a line with LOG_FORMAT=json. */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';

const at = new Date('2026-03-04T05:06:07.089Z');

describe('createLogger', () => {
  it('text records start with the ISO time and the level', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l), { now: () => at });
    log.info('snippet viewer listening', { port: 8080 });
    log.debug('dropped below the level');
    expect(lines).toEqual(['2026-03-04T05:06:07.089Z [info] snippet viewer listening {"port":8080}']);
  });

  it('json records are one object a line with time, level, msg and the context', () => {
    const lines: string[] = [];
    const log = createLogger('debug', (l) => lines.push(l), { format: 'json', now: () => at });
    log.warn('corpus seeds: 009.txt: skipped', { file: '009.txt', bytes: 12n });
    log.error('multi\nline "message"', { error: new Error('boom'), msg: 'a context key named msg', level: 3 });
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
    const [a, b] = lines.map((l) => JSON.parse(l));
    expect(a).toEqual({ time: at.toISOString(), level: 'warn', msg: 'corpus seeds: 009.txt: skipped', file: '009.txt', bytes: '12' });
    expect(b).toEqual({ time: at.toISOString(), level: 'error', msg: 'multi\nline "message"', error: 'boom', ctx_msg: 'a context key named msg', ctx_level: 3 });
  });

  it('a context that cannot be serialized still gives a line that parses', () => {
    const lines: string[] = [];
    const log = createLogger('info', (l) => lines.push(l), { format: 'json', now: () => at });
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    log.info('cyclic', { loop });
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'cyclic', loop: { name: 'loop', self: '[circular]' } });
  });
});
