// The per-request logger nestjs-pino keeps in its AsyncLocalStorage (not re-exported by its index).
import { storage } from 'nestjs-pino/storage';

/**
 * From here on, every log line of the current request also names the signed-in user (the request id
 * is there from the start). Outside a request it does nothing.
 */
export function bindUserToLogs(userId: string): void {
  const store = storage.getStore();
  if (store) store.logger = store.logger.child({ userId });
}
