// Deterministic, quiet tests.
process.env.TZ = 'UTC';
process.env.LOG_LEVEL ??= 'silent';
