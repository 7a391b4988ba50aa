import { ConfigValidationError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('gives development defaults', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.NODE_ENV).toBe('development');
    expect(config.XKX_DATA_DIR).toBe('./.data');
    expect(config.XKX_DEMO_SEED).toBe(true);
    expect(config.DATABASE_URL).toBeUndefined();
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

  it('parses numbers and booleans', () => {
    const config = loadConfig({ PORT: '8080', XKX_DEMO_SEED: 'false', DATABASE_URL: 'postgres://u@h/db' });
    expect(config.PORT).toBe(8080);
    expect(config.XKX_DEMO_SEED).toBe(false);
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
  });
});
