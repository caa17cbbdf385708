/**
 * The only reader of process.env. Validates once and returns a typed object;
 * nothing reads configuration at import time.
 */
import dotenv from 'dotenv';
import { z } from 'zod';
import { LOG_FORMATS, LOG_LEVELS } from './logger.js';

const optionalString = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const schema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_CLIENT_ID: optionalString.refine((v) => v === undefined || /^\d{15,25}$/.test(v), {
    message: 'expected a numeric Discord application id (a snowflake, 15-25 digits)',
  }),
  DISCORD_GUILD_ID: optionalString.refine((v) => v === undefined || /^\d{15,25}$/.test(v), {
    message: 'expected a numeric Discord server id (a snowflake, 15-25 digits)',
  }),
  DISCORD_API_URL: optionalString.refine((v) => v === undefined || /^https?:\/\//.test(v), {
    message: 'expected an http(s) URL such as http://127.0.0.1:3000/api',
  }),
  CORPUS_DIR: optionalString.default('seeds'),
  DATA_DIR: optionalString.default('data'),
  PORT: optionalString
    .default('8080')
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a port number 0-65535, found "${v}"` });
        return z.NEVER;
      }
      return n;
    }),
  PUBLIC_URL: optionalString,
  WEB_HOST: optionalString.default('127.0.0.1'),
  LOG_LEVEL: optionalString.default('info').pipe(z.enum(LOG_LEVELS)),
  FETCH_ALLOW_HOSTS: optionalString,
  LOG_FORMAT: optionalString.default('text').pipe(z.enum(LOG_FORMATS)),
  ALLOWED_GUILDS: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const ids = v.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = ids.filter((id) => !/^\d{15,25}$/.test(id));
    if (bad.length || ids.length === 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected comma-separated Discord server ids (snowflakes, 15-25 digits), found "${bad[0] ?? v}"` });
      return z.NEVER;
    }
    return ids;
  }),
  SHARDS: optionalString.transform((v, ctx) => {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `expected a whole number of shards ≥ 1, found "${v}"` });
      return z.NEVER;
    }
    return n;
  }),
});

export interface Config {
  discordToken?: string;
  discordClientId?: string;
  discordGuildId?: string;
  discordApiUrl?: string;
  corpusDir: string;
  dataDir: string;
  port: number;
  publicUrl: string;
  /** Interface the snippet viewer listens on (127.0.0.1 keeps it local; 0.0.0.0 serves others). */
  webHost: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** `text` (a timestamped line) or `json` (one object a line). */
  logFormat: (typeof LOG_FORMATS)[number];
  /** When set, the bot leaves every server whose id is not listed. */
  allowedGuilds?: string[];
  shards?: number;
  /** Hosts article links may reach even on private addresses (FETCH_ALLOW_HOSTS, comma-separated); empty by default. */
  fetchAllowHosts: string[];
  /** True inside a ShardingManager child: discord.js then reads its shard ids from the environment. */
  shardWorker: boolean;
  /** Inside a ShardingManager child, the shard ids discord.js gave it (its SHARDS, e.g. "0"); for log lines. */
  shardIds?: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Validates the environment once; throws ConfigError naming every bad key. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Inside a ShardingManager child, discord.js sets SHARDS to the child's own shard ids
  // ("0", "[0]"), not the shard count the operator configured: it is not ours to read there.
  // An empty value (`PORT=` in a copied .env.example) means "use the default".
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = schema.safeParse(env.SHARDING_MANAGER ? { ...given, SHARDS: undefined } : given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    discordToken: e.DISCORD_TOKEN,
    discordClientId: e.DISCORD_CLIENT_ID,
    discordGuildId: e.DISCORD_GUILD_ID,
    discordApiUrl: e.DISCORD_API_URL,
    corpusDir: e.CORPUS_DIR,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    webHost: e.WEB_HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    allowedGuilds: e.ALLOWED_GUILDS,
    shards: e.SHARDS,
    fetchAllowHosts: (e.FETCH_ALLOW_HOSTS ?? '').split(/[\s,]+/).filter(Boolean),
    shardWorker: Boolean(env.SHARDING_MANAGER),
    shardIds: env.SHARDING_MANAGER ? env.SHARDS : undefined,
  };
}

/**
 * For entry points (`npm start`, the CLI commands, deploy-commands): reads `.env` into the
 * environment, never overriding a variable already set, then validates like loadConfig. Every
 * command thus sees the same settings, so `npm run ingest` builds into the DATA_DIR `npm start` reads.
 */
export function loadConfigFromEnvironment(): Config {
  dotenv.config({ quiet: true });
  return loadConfig();
}
