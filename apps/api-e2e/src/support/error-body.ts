import { ErrorCode } from '@xkx/contracts';

const CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Why a response is not a rejection in the API's one error shape ({ statusCode, code, message, errors? }),
 * or null when it is. Used by the hostile-input and fuzz specs.
 */
export function errorBodyProblem(status: number, body: unknown): string | null {
  if (status < 400 || status >= 500) return `status ${status} is not a 4xx`;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body is not an object';
  const b = body as Record<string, unknown>;
  if (b['statusCode'] !== status) return `statusCode ${String(b['statusCode'])} differs from the status ${status}`;
  if (typeof b['code'] !== 'string' || !CODES.has(b['code'])) return `unknown code ${String(b['code'])}`;
  if (typeof b['message'] !== 'string' || b['message'].length === 0) return 'no message';
  if (b['errors'] !== undefined) {
    if (!Array.isArray(b['errors']) || b['errors'].length === 0) return 'errors is not a non-empty array';
    for (const e of b['errors'] as unknown[]) {
      const f = e as Record<string, unknown> | null;
      if (!f || typeof f['field'] !== 'string' || typeof f['message'] !== 'string' || !f['message']) return `bad field error ${JSON.stringify(e)}`;
    }
  }
  return null;
}

/** jest-friendly: fails with the body when the response is not a standard 4xx. */
export function expectStandardError(res: { status: number; body: unknown }, status?: number): void {
  if (status !== undefined && res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  const problem = errorBodyProblem(res.status, res.body);
  if (problem) throw new Error(`${problem}: ${JSON.stringify(res.body)}`);
}
