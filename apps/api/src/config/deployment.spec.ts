import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { AppConfig, loadConfig } from './app-config';

/**
 * docker-compose.yml and deploy/Caddyfile, checked without a Docker daemon (there is none in CI): the services of
 * issue 13 with health checks, start order on health, and only variables the app's config knows.
 */
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

const root = join(__dirname, '../../../..');
const text = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const compose = parse(text, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const appVariables = new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName));
/** Read by compose itself, not by the app: documented (commented) at the end of .env.example. */
const COMPOSE_ONLY = ['POSTGRES_PASSWORD', 'XKX_HTTP_PORT'];
const APP_SERVICES = ['api-a', 'api-b', 'worker'];

/** ${VAR}, ${VAR:-default}, ${VAR:?message} resolved as compose would, with `env` set. */
const substitute = (value: string, env: Record<string, string>): string =>
  value.replace(/\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g, (_, name: string, op: string | undefined, fallback: string | undefined) => env[name] ?? (op?.endsWith('-') ? (fallback ?? '') : ''));

describe('docker-compose.yml', () => {
  it('runs PostgreSQL, Redis, two API instances, a worker and a reverse proxy, each with a health check', () => {
    expect(Object.keys(services).sort()).toEqual(['api-a', 'api-b', 'postgres', 'proxy', 'redis', 'worker']);
    expect(Object.entries(services).filter(([, s]) => !s.healthcheck?.test?.length).map(([n]) => n)).toEqual([]);
    expect(services['worker']?.command).toEqual(['node', 'dist/api/apps/api/src/worker.js']);
  });

  it('starts each service once what it depends on is healthy', () => {
    const expected: Record<string, string[]> = { 'api-a': ['postgres', 'redis'], 'api-b': ['postgres', 'redis'], worker: ['postgres', 'redis'], proxy: ['api-a', 'api-b'] };
    for (const [name, deps] of Object.entries(expected)) {
      const dependsOn = services[name]?.depends_on ?? {};
      expect([name, Object.keys(dependsOn).sort()]).toEqual([name, deps]);
      for (const dep of Object.values(dependsOn)) expect(dep.condition).toBe('service_healthy');
    }
  });

  it('sets only variables the app reads, each instance under its own XKX_INSTANCE_ID, all on one database and queue', () => {
    for (const name of APP_SERVICES) {
      const env = services[name]?.environment ?? {};
      expect([name, Object.keys(env).filter((k) => !appVariables.has(k))]).toEqual([name, []]);
    }
    const ids = APP_SERVICES.map((n) => services[n]?.environment?.['XKX_INSTANCE_ID']);
    expect(new Set(ids).size).toBe(APP_SERVICES.length);
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'NODE_ENV']) expect(new Set(APP_SERVICES.map((n) => services[n]?.environment?.[key])).size).toBe(1);
  });

  it('substitutes only app variables and the compose-only ones listed in .env.example', () => {
    const referenced = [...new Set([...text.matchAll(/\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1] as string))];
    expect(referenced.filter((v) => !appVariables.has(v) && !COMPOSE_ONLY.includes(v))).toEqual([]);
    const example = readFileSync(join(root, '.env.example'), 'utf8');
    for (const v of COMPOSE_ONLY) expect(example).toMatch(new RegExp(`^# ${v}=`, 'm'));
  });

  it('gives each app service a configuration loadConfig accepts, in production', () => {
    const shell = { JWT_SECRET: 'a-compose-test-secret-of-32-characters!' };
    for (const name of APP_SERVICES) {
      const env = Object.fromEntries(Object.entries(services[name]?.environment ?? {}).map(([k, v]) => [k, substitute(String(v), shell)]));
      const config = loadConfig(env);
      expect(config.isProduction).toBe(true);
      expect(config.XKX_DEMO_SEED).toBe(false);
      expect(config.trustProxy).toBe(1);
    }
  });
});

describe('deploy/Caddyfile', () => {
  const caddy = readFileSync(join(root, 'deploy/Caddyfile'), 'utf8');

  it('balances over both API instances on their PORT, by readiness', () => {
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddy)?.[1]?.trim().split(/\s+/) ?? [];
    const port = String(services['api-a']?.environment?.['PORT']);
    expect(upstreams.sort()).toEqual([`api-a:${port}`, `api-b:${port}`]);
    expect(caddy).toMatch(/health_uri \/api\/health\/ready/);
    expect(services['proxy']?.image).toMatch(/^caddy:/);
  });
});
