import fc, { Arbitrary } from 'fast-check';

/** The parts of an OpenAPI 3 document the fuzzer reads. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}
export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzOperation {
  method: string;
  path: string;
  operation: Operation;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })),
  );
}

/** Strings people and scripts send that code tends not to expect. */
export const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', '\u200b', '\u200b\u200b\u200b\u200b', '\u3000\u3000\u3000\u3000', '\ufeff',
  '\ud800', 'x\udfffy', '😀', '𠮷野家', '‮RTL', "'", "'; DROP TABLE app_user;--", '"', '\\', '%', '_', '%_%', '*', '&|!():*', '<>', '<script>alert(1)</script>',
  '../../etc/passwd', '%00', '%E0%A4%A', 'null', 'undefined', 'true', 'NaN', 'Infinity', '-1', '0', '1e309', '0x10', '9223372036854775807',
  '-9223372036854775809', '1.5', '2026-02-30', '0000-00-00', '9999-12-31', '2026-12-04T25:61:00Z', '+275760-09-13T00:00:00.000Z', '1969-12-31',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '------------------------------------', 'NE.BAT', 'NE', '__proto__', 'constructor',
  'x'.repeat(257), '长'.repeat(5001), 'a,b,,c', ',,,', 'DRAFT', 'ADMIN',
];
const NASTY_NUMBERS = [0, -1, 1, 2, -0, 0.5, 1.5, 99, 100, 101, 2100, 2147483647, 2147483648, -2147483649, 9007199254740991, 9007199254740992, 1e21, 1e308, -1e308, 5e-324];

const text: Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 16 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 6 }), fc.constantFrom(...NASTY_STRINGS)).map((p) => p.join('')) },
);
const number: Arbitrary<number> = fc.oneof(fc.constantFrom(...NASTY_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));

/** Any JSON value: what a client may send where the schema wants something else. */
export const anyJson: Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, {}, [], [null], { '': 1 }, { __proto__: { admin: true } }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

export interface FuzzContext {
  doc: OpenApiDocument;
  /** Real ids and codes for a parameter or property name (uuid values, codes, keys), when known. */
  known(name: string, path: string): string[];
}

/** Follows `$ref` and flattens `allOf` (Nest's swagger wraps a described `$ref` in `allOf`). */
export function resolve(schema: Schema | undefined, doc: OpenApiDocument, seen = 0): Schema {
  if (!schema || seen > 20) return {};
  if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')], doc, seen + 1);
  if (schema.allOf?.length) {
    const { allOf, ...rest } = schema;
    return Object.assign({}, ...allOf.map((s) => resolve(s, doc, seen + 1)), rest) as Schema;
  }
  const choice = schema.oneOf ?? schema.anyOf;
  if (choice?.length) return resolve(choice[0], doc, seen + 1);
  return schema;
}

/**
 * Values for a schema: mostly plausible (examples, enums, real ids, values at and past the bounds)
 * so requests get past validation into services, and sometimes anything at all.
 */
export function valueFor(raw: Schema | undefined, ctx: FuzzContext, name: string, path: string, depth = 0): Arbitrary<unknown> {
  const schema = resolve(raw, ctx.doc);
  const plausible = plausibleFor(schema, ctx, name, path, depth);
  return fc.oneof({ weight: 4, arbitrary: plausible }, { weight: 1, arbitrary: anyJson });
}

function plausibleFor(schema: Schema, ctx: FuzzContext, name: string, path: string, depth: number): Arbitrary<unknown> {
  const seeds: unknown[] = [schema.example, schema.default].filter((v) => v !== undefined);
  if (schema.nullable) seeds.push(null);
  const fromSeeds = (arb: Arbitrary<unknown>): Arbitrary<unknown> => (seeds.length ? fc.oneof(fc.constantFrom(...seeds), arb) : arb);
  if (schema.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: text });
  const known = ctx.known(name, path);
  switch (schema.type ?? 'string') {
    case 'object': {
      if (depth > 4) return fc.constant({});
      const props = schema.properties ?? {};
      const model: Record<string, Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) model[key] = valueFor(child, ctx, key, path, depth + 1);
      const required = (schema.required ?? []).filter((k) => k in model);
      const record = fc.record(model, { requiredKeys: required });
      const sloppy = fc.record(model, { requiredKeys: [] });
      const extra = fc.tuple(record, fc.constantFrom('isAdmin', 'role', 'id', 'status', '__proto__', 'a\u0000'), anyJson).map(([r, k, v]) => ({ ...r, [k]: v }));
      return fromSeeds(fc.oneof({ weight: 5, arbitrary: record }, { weight: 2, arbitrary: sloppy }, { weight: 1, arbitrary: extra }));
    }
    case 'array': {
      const item = depth > 4 ? anyJson : valueFor(schema.items, ctx, name, path, depth + 1);
      return fromSeeds(fc.oneof({ weight: 4, arbitrary: fc.array(item, { maxLength: 4 }) }, { weight: 1, arbitrary: fc.array(item, { minLength: 20, maxLength: 600 }) }));
    }
    case 'integer':
    case 'number': {
      const min = schema.minimum ?? -1_000_000;
      const max = schema.maximum ?? 1_000_000;
      const edges = [min, max, min - 1, max + 1, min + 0.5].filter((v) => Number.isFinite(v));
      return fromSeeds(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) }) }, { weight: 2, arbitrary: fc.constantFrom(...edges) }, { weight: 1, arbitrary: number }));
    }
    case 'boolean':
      return fromSeeds(fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 'false', 0, 1, 'yes') }));
    default: {
      const formatted =
        schema.format === 'uuid'
          ? fc.oneof(fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid'))
          : schema.format === 'date-time'
            ? fc.date({ min: new Date(-1e14), max: new Date(1e14), noInvalidDate: true }).map((d) => d.toISOString())
            : schema.format === 'date'
              ? fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
              : text;
      const bounded = schema.maxLength !== undefined ? fc.constantFrom('x'.repeat(schema.maxLength), 'x'.repeat(schema.maxLength + 1)) : text;
      const arbs: Array<{ weight: number; arbitrary: Arbitrary<unknown> }> = [
        { weight: 3, arbitrary: formatted },
        { weight: 1, arbitrary: bounded },
      ];
      if (known.length) arbs.push({ weight: 6, arbitrary: fc.constantFrom(...known) });
      return fromSeeds(fc.oneof(...arbs));
    }
  }
}

/** A request for one operation: path (with ids), query string and body. */
export interface FuzzRequest {
  url: string;
  body: unknown;
  /** The body as sent: JSON text, raw text, or a multipart file. */
  bodyKind: 'none' | 'json' | 'raw' | 'multipart';
}

/**
 * Percent-encodes like encodeURIComponent, but a lone surrogate (which that refuses) goes out as its
 * three WTF-8 bytes: invalid UTF-8 in a URL is something a client can send.
 */
export function encodePart(v: unknown): string {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? '');
  return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]|[\s\S]/g, (ch) => {
    const code = ch.charCodeAt(0);
    if (ch.length === 1 && code >= 0xd800 && code <= 0xdfff) {
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    }
    return encodeURIComponent(ch);
  });
}

export function requestFor(op: FuzzOperation, ctx: FuzzContext): Arbitrary<FuzzRequest> {
  const params = op.operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathArb = fc.record(Object.fromEntries(pathParams.map((p) => [p.name, valueFor(p.schema, ctx, p.name, op.path)])));
  const queryArb = fc.array(
    fc.oneof(
      { weight: 6, arbitrary: queryParams.length ? fc.constantFrom(...queryParams).chain((p) => valueFor(p.schema, ctx, p.name, op.path).map((v) => [p.name, v] as const)) : fc.constant(['limit', 1] as const) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('offset', 'limit', 'cursor', 'q', 'a[b]', '__proto__', 'x\u0000'), anyJson) },
    ),
    { maxLength: 5 },
  );
  const content = op.operation.requestBody?.content ?? {};
  const jsonSchema = content['application/json']?.schema;
  const bodyArb: Arbitrary<Pick<FuzzRequest, 'body' | 'bodyKind'>> = content['multipart/form-data']
    ? fc.uint8Array({ maxLength: 2048 }).map((bytes) => ({ body: bytes, bodyKind: 'multipart' as const }))
    : fc.oneof(
        { weight: 8, arbitrary: valueFor(jsonSchema ?? { type: 'object', properties: {} }, ctx, 'body', op.path).map((body) => ({ body, bodyKind: 'json' as const })) },
        { weight: 1, arbitrary: fc.constantFrom('{', '{"a":1,}', '[1,2', 'null', '"x"', '\u0000', '{"a":"\\ud800"}', `${'['.repeat(40)}${']'.repeat(40)}`).map((body) => ({ body, bodyKind: 'raw' as const })) },
        { weight: op.method === 'GET' ? 6 : 1, arbitrary: fc.constant({ body: undefined, bodyKind: 'none' as const }) },
      );
  return fc.tuple(pathArb, queryArb, bodyArb).map(([pathValues, query, body]) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      return encodePart(pathValues[name]);
    });
    const qs = query.map(([k, v]) => `${encodePart(k)}=${encodePart(v)}`).join('&');
    return { url: qs ? `${path}?${qs}` : path, ...body };
  });
}
