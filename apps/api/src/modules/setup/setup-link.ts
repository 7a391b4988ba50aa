import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SETUP_LINK_TTL_MS = 60 * 60 * 1000;

/**
 * The first-start setup token: random, expiring, and signed with JWT_SECRET, so every instance
 * sharing the secret accepts it and none has to store it. It dies once an administrator exists.
 */
export function mintSetupToken(secret: string, now = Date.now()): string {
  const body = `${randomBytes(16).toString('hex')}.${now + SETUP_LINK_TTL_MS}`;
  return `${body}.${sign(secret, body)}`;
}

export function isValidSetupToken(secret: string, token: string, now = Date.now()): boolean {
  const match = /^([0-9a-f]{32})\.(\d{13})\.([0-9a-f]{64})$/.exec(token);
  if (!match) return false;
  const [, nonce, expires, signature] = match;
  const expected = Buffer.from(sign(secret, `${nonce}.${expires}`), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex')) && Number(expires) > now;
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`xkx-setup:${body}`).digest('hex');
}
