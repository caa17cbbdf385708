/** Configuration: validated once, every key documented in .env.example, .env.example itself valid. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
const exampleEnv = Object.fromEntries([...example.matchAll(/^([A-Z_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));

describe('loadConfig', () => {
  it('documents every setting it reads in .env.example, each with a comment', () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    const keys = [...source.matchAll(/^\s{2}([A-Z_]+): /gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThanOrEqual(10);
    for (const key of keys) expect(example, key).toMatch(new RegExp(`#[^\\n]*\\n(#[^\\n]*\\n)*${key}=`));
  });

  it('accepts .env.example as copied: empty values mean defaults, no token means terminal chat', () => {
    const c = loadConfig(exampleEnv);
    expect(c.discordToken).toBeUndefined();
    expect(c).toMatchObject({ corpusDir: 'seeds', dataDir: 'data', port: 8080, publicUrl: 'http://localhost:8080', webHost: '127.0.0.1', logLevel: 'info' });
    expect(c.shards).toBeUndefined();
  });

  it('treats every empty setting as its default', () => {
    const blank = Object.fromEntries(Object.keys(exampleEnv).map((k) => [k, ' ']));
    expect(loadConfig(blank)).toMatchObject({ corpusDir: 'seeds', dataDir: 'data', port: 8080, logLevel: 'info', webHost: '127.0.0.1', discordToken: undefined, shards: undefined });
  });

  it.each([
    ['SHARDS', 'auto', /SHARDS: expected a whole number of shards/],
    ['SHARDS', '0', /SHARDS/],
    ['PORT', 'eighty', /PORT: expected a port number/],
    ['DISCORD_CLIENT_ID', 'my-bot', /DISCORD_CLIENT_ID: expected a numeric Discord application id/],
    ['DISCORD_API_URL', '127.0.0.1:3000', /DISCORD_API_URL: expected an http\(s\) URL/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL/],
    ['LOG_FORMAT', 'yaml', /LOG_FORMAT/],
    ['ALLOWED_GUILDS', '1200000000000000000,my-server', /ALLOWED_GUILDS: expected comma-separated Discord server ids .* found "my-server"/],
    ['ALLOWED_GUILDS', ' , ', /ALLOWED_GUILDS/],
  ])('rejects %s=%s with a message naming the key', (key, value, message) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(message);
  });

  it('in a ShardingManager child, ignores the SHARDS that discord.js sets to the shard id', () => {
    expect(loadConfig({ SHARDING_MANAGER: 'true', SHARDS: '0', SHARD_COUNT: '2' })).toMatchObject({ shards: undefined, shardWorker: true });
    expect(loadConfig({ SHARDS: '2' })).toMatchObject({ shards: 2, shardWorker: false });
  });

  it('reads LOG_FORMAT and ALLOWED_GUILDS (a comma-separated list, spaces allowed)', () => {
    expect(loadConfig({})).toMatchObject({ logFormat: 'text', allowedGuilds: undefined });
    expect(loadConfig({ LOG_FORMAT: 'json', ALLOWED_GUILDS: '1200000000000000000, 1200000000000000001' })).toMatchObject({
      logFormat: 'json',
      allowedGuilds: ['1200000000000000000', '1200000000000000001'],
    });
  });

  it('never puts the token in an error message', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'secret-token-value', PORT: 'x' })).toThrow(/^(?![\s\S]*secret-token-value)/);
  });
});
