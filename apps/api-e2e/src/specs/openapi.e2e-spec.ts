import { listRoutes } from '@xkx/api/testing';
import { startTestApp, TestApp } from '../support/test-app';

type Operation = {
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: unknown[];
};

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestApp();
    doc = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3 document', async () => {
    const { validate } = await import('@readme/openapi-parser');
    expect(doc.openapi).toMatch(/^3\./);
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });

  it('documents a response schema for every route, and a request body wherever one is read', () => {
    const problems: string[] = [];
    const withBody = new Set(listRoutes(t.app).filter((r) => r.hasBody).map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    expect(withBody.size).toBeGreaterThan(5);
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const ok = Object.entries(op.responses ?? {}).find(([status]) => /^2\d\d$/.test(status));
        const hasSchema = ok && (ok[0] === '204' || Object.values(ok[1].content ?? {}).some((c) => c.schema));
        if (!hasSchema) problems.push(`${method.toUpperCase()} ${path}: no 2xx response schema`);
        if (withBody.has(`${method} ${path}`) && !op.requestBody) {
          problems.push(`${method.toUpperCase()} ${path}: no request body schema`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves Swagger UI', async () => {
    const res = await t.http.get('/api/docs/').redirects(1).expect(200);
    expect(res.text).toContain('swagger');
  });
});
