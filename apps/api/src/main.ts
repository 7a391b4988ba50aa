import 'reflect-metadata';
import { createApp } from './bootstrap';
import { ConfigValidationError, loadConfig } from './config/app-config';
import { exitGracefullyOnSignals } from './graceful-shutdown';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigValidationError) {
      console.error(`霞科行 cannot start. ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const app = await createApp(config);
  await app.listen(config.PORT);
  exitGracefullyOnSignals(app, config.XKX_SHUTDOWN_GRACE_MS);
  const database = config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.XKX_DATA_DIR}`;
  console.log(`霞科行 is listening on http://localhost:${config.PORT} (database: ${database})`);
}

main().catch((error: unknown) => {
  console.error('霞科行 failed to start:', error);
  process.exit(1);
});
