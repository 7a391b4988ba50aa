import type { IncomingMessage, ServerResponse } from 'node:http';

/** No request body of the API nests deeper than a few levels; 32 leaves room and stops stack-deep input. */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text nests objects and arrays deeper than `max`, found by one pass over the raw bytes
 * (brackets inside strings do not count). Cheap enough to run on every body before `JSON.parse`,
 * which would otherwise build the whole structure for validation to recurse through.
 */
export function jsonDeeperThan(text: Uint8Array | string, max: number): boolean {
  const at = typeof text === 'string' ? (i: number) => text.charCodeAt(i) : (i: number) => text[i] ?? 0;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = at(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** A body-parser `verify` hook: refuses a too-deep body before it is parsed (mapped to JSON_TOO_DEEP). */
export function verifyJsonDepth(_req: IncomingMessage, _res: ServerResponse, body: Buffer, encoding: string): void {
  // UTF-8 bytes of '"', '\\' and brackets never occur inside a multi-byte character, so bytes can be scanned.
  const text = encoding === 'utf-8' || encoding === 'utf8' ? body : decodeOrRefuse(body, encoding);
  if (jsonDeeperThan(text, MAX_JSON_DEPTH)) throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH}`), { status: 400, type: 'entity.too.deep' });
}

function decodeOrRefuse(body: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: false }).decode(body);
  } catch {
    throw Object.assign(new Error(`unsupported charset ${encoding}`), { status: 415, type: 'charset.unsupported' });
  }
}
