/**
 * What the image and a production install rely on: every package the running code imports is a
 * production dependency (`npm ci --omit=dev` installs nothing else), and the Dockerfile copies
 * every folder the bot reads, runs as a non-root user and checks /healthz.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const dockerfile = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))
    .map((f) => path.join(dir, f));
}

/** Package names a file needs at run time (type-only imports are erased). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), 'utf8');
  const specs = [
    ...[...text.matchAll(/^\s*(?:import|export)(?!\s+type\b)[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!),
    ...[...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/\b(?:require\w*|import\.meta\.resolve)\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!),
  ];
  return specs
    .filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
}

describe('a production install', () => {
  it('every package imported by src/ and commands/ is a production dependency', () => {
    const files = [...sources('src'), ...sources('commands')];
    expect(files.length).toBeGreaterThan(20);
    const needed = new Set(files.flatMap(runtimeImports));
    expect(needed).toContain('discord.js');
    const missing = [...needed].filter((name) => !(name in pkg.dependencies));
    expect(missing, 'imported at run time but not in "dependencies"').toEqual([]);
  });

  it('tsx, which runs the app, is a production dependency and esbuild may run its install script', () => {
    expect(pkg.scripts.start).toMatch(/^tsx /);
    expect(pkg.dependencies).toHaveProperty('tsx');
    expect(pkg.allowScripts).toMatchObject({ esbuild: true });
  });
});

describe('the Dockerfile', () => {
  it('copies every folder the bot reads at run time, and each exists', () => {
    const copied = [...dockerfile.matchAll(/^COPY\s+(.+?)\s+\S+$/gm)].flatMap((m) => m[1]!.split(/\s+/));
    for (const needed of ['package.json', 'package-lock.json', 'tsconfig.json', 'src', 'commands', 'seeds']) expect(copied).toContain(needed);
    for (const entry of copied) expect(existsSync(path.join(ROOT, entry)), entry).toBe(true);
  });

  it('installs without dev dependencies, runs as a non-root user, keeps data in a volume and checks /healthz', () => {
    expect(dockerfile).toMatch(/^FROM node:20[-\w.]*slim/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    const user = [...dockerfile.matchAll(/^USER\s+(\S+)/gm)].at(-1)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)$/);
    expect(dockerfile).toMatch(/^VOLUME\s+\["\/app\/data"\]/m);
    expect(dockerfile).toMatch(/^ENV[\s\S]*?DATA_DIR=\/app\/data/m);
    expect(dockerfile).toMatch(/^HEALTHCHECK[\s\S]*?\/healthz/m);
    const cmd = /^CMD\s+(\[.*\])$/m.exec(dockerfile);
    const argv = JSON.parse(cmd![1]!) as string[];
    expect(existsSync(path.join(ROOT, argv.at(-1)!))).toBe(true);
  });

  it('compose restarts the bot unless stopped and keeps data in a named volume', () => {
    const compose = readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8');
    expect(compose).toMatch(/^\s+restart: unless-stopped$/m);
    expect(compose).toMatch(/^\s+- data:\/app\/data$/m);
  });
});
