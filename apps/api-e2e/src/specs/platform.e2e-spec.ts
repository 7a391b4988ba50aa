import { startTestApp, TestApp } from '../support/test-app';

describe('platform: health, errors, security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
  });
  afterAll(() => t.close());

  it('reports health after a database round trip', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', database: 'up', feed: { head: expect.any(Number), position: expect.any(Number), behind: expect.any(Number) } });
  });

  it('answers unknown API paths with the JSON error body', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '未找到请求的资源' });
  });

  it('words errors for Accept-Language', async () => {
    const res = await t.http.get('/api/no-such-thing').set('Accept-Language', 'en-US,en;q=0.9').expect(404);
    expect(res.body.message).toBe('Not found');
  });

  it('rejects malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await t.http
      .post('/api/organizations')
      .set('Content-Type', 'application/json')
      .send('{"nameZh": ')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|SyntaxError/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await t.http
      .post('/api/organizations')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(5000) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('gives field-level validation messages in Chinese and English', async () => {
    const zh = await t.http.get('/api/organizations?limit=500&kind=BANK&extra=1').expect(400);
    expect(zh.body.code).toBe('VALIDATION_FAILED');
    const fields = (zh.body.errors as Array<{ field: string; message: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['limit', 'kind', 'extra']));
    expect(zh.body.errors).toEqual(expect.arrayContaining([{ field: 'limit', message: '不能大于 100' }]));
    const en = await t.http.get('/api/organizations?limit=500').set('Accept-Language', 'en').expect(400);
    expect(en.body.errors).toEqual([{ field: 'limit', message: 'must not be greater than 100' }]);
  });

  it('rejects a malformed id with 400, not 500', async () => {
    const res = await t.http.get('/api/organizations/not-a-uuid').expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });

  it('sends security headers and a request id', async () => {
    const res = await t.http.get('/api/health').set('X-Request-Id', 'trace-123');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});
