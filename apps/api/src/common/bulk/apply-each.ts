import { Logger } from '@nestjs/common';
import { Locale } from '@xkx/contracts';
import { AllExceptionsFilter } from '../filters/all-exceptions.filter';
import { BulkItemResultDto, BulkResultDto } from './bulk.dto';

const filter = new AllExceptionsFilter();
const logger = new Logger('Bulk');

/**
 * Applies a single action to each item in turn, through the same service call as the single route: each
 * item has its own transaction (and so its own audit entry and notifications), so one that fails changes
 * nothing and leaves the others applied. Items run one after the other, never in parallel: on PGlite
 * there is one session, and on PostgreSQL a batch should not take a pool's worth of connections.
 * A failure is reported as the error body the single route would have answered, in the caller's language.
 */
export async function applyEach<T extends { id: string }>(items: readonly T[], locale: Locale, action: (item: T) => Promise<{ version: number | null }>): Promise<BulkResultDto> {
  const results: BulkItemResultDto[] = [];
  for (const item of items) {
    try {
      const { version } = await action(item);
      results.push({ id: item.id, ok: true, version, error: null });
    } catch (error) {
      const { body } = filter.toBody(error, locale);
      if (body.statusCode >= 500) logger.error({ err: error, id: item.id }, 'Bulk item failed');
      results.push({ id: item.id, ok: false, version: null, error: body });
    }
  }
  const succeeded = results.filter((r) => r.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
