import type { Request, Response } from 'express';

/** An anonymous answer: any cache may keep it, but must ask again (ETag → 304) before every reuse. */
export const PUBLIC_READ_CACHE = 'public, no-cache';
/** A signed-in answer (management flags, the confidential layer): kept by no cache at all. */
export const PRIVATE_READ_CACHE = 'private, no-store';

/**
 * Cache headers of a public read whose answer depends on who asks (a listing's detail, search). Call it
 * with the answer once it exists, so an error (whose words follow Accept-Language) is never marked. Every
 * answer varies by Authorization, so no cache hands an anonymous copy to a signed-in caller or the reverse.
 * Revalidation rather than a max-age: a withdrawn or edited listing must not outlive its change in any
 * cache, and the web app's service worker already goes to the network first. Express adds the weak ETag
 * and answers If-None-Match with 304. A plain call rather than an interceptor: Nest binds an
 * AsyncResource and an rxjs pipeline per request for any interceptor (issue 14).
 */
export function publicRead<T>(req: Request, res: Response, answer: T): T {
  res.vary('Authorization');
  res.setHeader('Cache-Control', req.headers.authorization ? PRIVATE_READ_CACHE : PUBLIC_READ_CACHE);
  return answer;
}
