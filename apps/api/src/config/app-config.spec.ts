import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives development defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.XKX_DATA_DIR).toBe('./.data');
    expect(config.XKX_DEMO_SEED).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('trusts no proxy unless told, and refuses trusting every hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::1' }).trustProxy).toBe('loopback, 10.0.0.0/8, fd00::1');
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('reads rate limits as count/window with defaults', () => {
    expect(loadConfig({}).RATE_LIMIT_SIGN_IN_ACCOUNT).toBe('10/15m');
    expect(loadConfig({ RATE_LIMIT_SEARCH: '5/10s' }).RATE_LIMIT_SEARCH).toBe('5/10s');
    expect(() => loadConfig({ RATE_LIMIT_REGISTER: 'ten per hour' })).toThrow(/RATE_LIMIT_REGISTER/);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
    expect(() => loadConfig({ XKX_DEMO_SEED: 'maybe' })).toThrow(/XKX_DEMO_SEED/);
  });

  it('requires an explicit token secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigValidationError);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) });
    expect(config.XKX_DEMO_SEED).toBe(false);
  });

  it('refuses the demo seed in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), XKX_DEMO_SEED: 'true' }),
    ).toThrow(/XKX_DEMO_SEED/);
  });

  it('honours crash-test fault points only with NODE_ENV=test', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), XKX_TEST_FAULTS: 'import.after-chunk' })).toThrow(/XKX_TEST_FAULTS/);
    expect(() => loadConfig({ XKX_TEST_FAULTS: 'import.after-chunk' })).toThrow(/XKX_TEST_FAULTS/);
    expect(loadConfig({ NODE_ENV: 'test', XKX_TEST_FAULTS: 'import.after-chunk@2,contract.create.before-commit' }).XKX_TEST_FAULTS).toBe('import.after-chunk@2,contract.create.before-commit');
  });

  it('parses numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', XKX_DEMO_SEED: 'false', DATABASE_URL: 'postgres://u@h/db' });
    expect(config.PORT).toBe(8080);
    expect(config.XKX_DEMO_SEED).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
  });
});

describe('.env.example', () => {
  // Every property AppConfig validates is a variable the app reads.
  const variables = [...new Set(getMetadataStorage().getTargetValidationMetadatas(AppConfig, '', true, false).map((m) => m.propertyName))];
  const example = new Map(
    readFileSync(join(__dirname, '../../../../.env.example'), 'utf8')
      .split('\n')
      .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
  );

  it('lists every variable AppConfig reads, and nothing else', () => {
    expect(variables.length).toBeGreaterThan(10);
    expect(variables.filter((v) => !example.has(v))).toEqual([]);
    expect([...example.keys()].filter((v) => !variables.includes(v))).toEqual([]);
  });

  it('gives each variable its real default (empty when there is none)', () => {
    const defaults = new AppConfig() as unknown as Record<string, unknown>;
    const wrong = variables.filter((v) => example.get(v) !== (defaults[v] === undefined ? '' : String(defaults[v])));
    expect(wrong).toEqual([]);
  });

  it('is accepted by loadConfig as it stands', () => {
    expect(() => loadConfig(Object.fromEntries(example))).not.toThrow();
  });
});
