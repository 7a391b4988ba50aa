export const RATE_LIMIT_KEY = 'xkx:rateLimit';

/** Who a limit counts: the client address, the e-mail in the body, or the signed-in user (else the address). */
export type RateLimitSubject = 'address' | 'email' | 'user';

export interface RateLimitPolicy {
  subject: RateLimitSubject;
  /** The AppConfig variable holding `count/window`, e.g. `10/15m`. */
  variable: RateLimitVariable;
}

/** Every limited action. A route opts in with `@RateLimit('name', …)`; each named limit counts apart. */
export const RATE_LIMIT_POLICIES = {
  signInAccount: { subject: 'email', variable: 'RATE_LIMIT_SIGN_IN_ACCOUNT' },
  signInAddress: { subject: 'address', variable: 'RATE_LIMIT_SIGN_IN_ADDRESS' },
  register: { subject: 'address', variable: 'RATE_LIMIT_REGISTER' },
  forgotPasswordAddress: { subject: 'address', variable: 'RATE_LIMIT_FORGOT_PASSWORD_ADDRESS' },
  forgotPasswordEmail: { subject: 'email', variable: 'RATE_LIMIT_FORGOT_PASSWORD_EMAIL' },
  objections: { subject: 'user', variable: 'RATE_LIMIT_OBJECTIONS' },
  introductions: { subject: 'user', variable: 'RATE_LIMIT_INTRODUCTIONS' },
  messages: { subject: 'user', variable: 'RATE_LIMIT_MESSAGES' },
  search: { subject: 'user', variable: 'RATE_LIMIT_SEARCH' },
  imports: { subject: 'user', variable: 'RATE_LIMIT_IMPORTS' },
} as const satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;

/** The defaults, generous enough for people and tight enough for scripts. */
export const RATE_LIMIT_DEFAULTS = {
  RATE_LIMIT_SIGN_IN_ACCOUNT: '10/15m',
  RATE_LIMIT_SIGN_IN_ADDRESS: '100/15m',
  RATE_LIMIT_REGISTER: '30/1h',
  RATE_LIMIT_FORGOT_PASSWORD_ADDRESS: '10/1h',
  RATE_LIMIT_FORGOT_PASSWORD_EMAIL: '3/1h',
  RATE_LIMIT_OBJECTIONS: '10/1h',
  RATE_LIMIT_INTRODUCTIONS: '30/1h',
  RATE_LIMIT_MESSAGES: '60/10m',
  RATE_LIMIT_SEARCH: '300/1m',
  RATE_LIMIT_IMPORTS: '20/1h',
} as const;

export type RateLimitVariable = keyof typeof RATE_LIMIT_DEFAULTS;

export const RATE_LIMIT_FORMAT = /^(\d{1,9})\/(\d{1,6})(s|m|h)$/;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `10/15m` → 10 requests per 15 minutes. */
export function parseRateLimit(value: string): { limit: number; ttlMs: number } {
  const match = RATE_LIMIT_FORMAT.exec(value.trim());
  if (!match) throw new Error(`not a rate limit: ${value}`);
  return { limit: Number(match[1]), ttlMs: Number(match[2]) * UNIT_MS[match[3] as keyof typeof UNIT_MS] };
}
