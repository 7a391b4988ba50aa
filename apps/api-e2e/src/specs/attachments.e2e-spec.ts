import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createObjectStorage, loadConfig } from '@xkx/api/testing';
import { bearer, login, loginDemo, Session } from '../support/auth';
import { backdateNotice, DealDriver, DealSessions, publishedPair } from '../support/deals';
import { resultPayload } from '../support/listings';
import { startS3Server } from '../support/s3-server';
import { startTestApp, TestApp } from '../support/test-app';

const MAX = 4096;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n签署页\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(64, 1)]);
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
/** supertest parser keeping a download's bytes whatever its type. */
const binary = (res: unknown, done: (err: Error | null, body: unknown) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

// The whole upload/download path runs against a real S3-compatible server (s3rver) started here;
// local disk is the same interface and is exercised by the backup test.
describe('attachments: evidence on contracts, payments and listings, checked by content, stored in S3', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let t: TestApp;
  let s: DealSessions;
  let outsider: Session;
  let contract: { id: string; payments: Array<{ id: string }> };
  const bucketKeys = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const key of createObjectStorage(loadConfig({ S3_URL: s3.url })).list()) keys.push(key);
    return keys.sort();
  };
  const upload = (
    who: Session | undefined,
    targetType: string,
    targetId: string,
    category: string,
    bytes: Buffer,
    name: string,
  ) => {
    const req = t.http.post('/api/attachments');
    if (who) req.set(...bearer(who));
    return req
      .field('targetType', targetType)
      .field('targetId', targetId)
      .field('category', category)
      .attach('file', bytes, name);
  };

  beforeAll(async () => {
    s3 = await startS3Server();
    t = await startTestApp({ XKX_DEMO_SEED: 'true', S3_URL: s3.url, ATTACHMENT_MAX_BYTES: String(MAX) });
    const [researcher, enterprise, broker, admin] = await Promise.all([
      loginDemo(t.http, 'researcher'),
      loginDemo(t.http, 'enterprise'),
      loginDemo(t.http, 'broker'),
      loginDemo(t.http, 'admin'),
    ]);
    s = { researcher, enterprise, broker, admin };
    outsider = await login(t.http, 'researcher.njupt@xkx.demo', 'Xiake-Research-2026', '10.8.0.12');
    const dataSource = t.app.get(DataSource);
    // The notice must have ended before the contract's signing date (2026-03-18): backdateNotice moves it there.
    const drive = new DealDriver(t.http, s, backdateNotice(dataSource));
    // Through the API's own path, so the evidence hangs on a contract that passed every gate.
    const dealId = await drive.walkTo('PAID', await publishedPair(t.http, s, '附件'));
    const deal = await drive.get(dealId);
    const id = (deal['contracts'] as Array<{ id: string }>)[0]!.id;
    contract = (
      await t.http
        .get(`/api/contracts/${id}`)
        .set(...bearer(s.broker))
        .expect(200)
    ).body;
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await s3?.close();
  });

  it('stores a signed scan and a bank receipt in S3; the deal parties download the same bytes, outsiders get 404', async () => {
    const scan = await upload(
      s.broker,
      'CONTRACT',
      contract.id,
      'SIGNED_CONTRACT',
      PDF,
      '合同签署页.pdf',
    ).expect(201);
    expect(scan.body).toMatchObject({
      category: 'SIGNED_CONTRACT',
      fileName: '合同签署页.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: sha(PDF),
      uploadedBy: { id: s.broker.userId },
    });
    const receipt = await upload(
      s.broker,
      'PAYMENT',
      contract.payments[0]!.id,
      'BANK_RECEIPT',
      PNG,
      'receipt.png',
    ).expect(201);
    expect(receipt.body.contentType).toBe('image/png');
    expect(await bucketKeys()).toEqual(
      [
        expect.stringMatching(/^attachments\/contract\//),
        expect.stringMatching(/^attachments\/payment\//),
      ].sort(),
    );

    const list = await t.http
      .get('/api/attachments')
      .query({ targetType: 'CONTRACT', targetId: contract.id })
      .set(...bearer(s.enterprise))
      .expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([scan.body.id]);
    const file = await t.http
      .get(`/api/attachments/${scan.body.id}/content`)
      .set(...bearer(s.enterprise))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha(file.body as Buffer)).toBe(sha(PDF));
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('合同签署页.pdf')}`,
    );
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    for (const who of [outsider, undefined]) {
      const req = (r: ReturnType<typeof t.http.get>) => (who ? r.set(...bearer(who)) : r);
      expect((await req(t.http.get(`/api/attachments/${scan.body.id}/content`))).status).toBe(404);
      expect((await req(t.http.get(`/api/attachments/${receipt.body.id}/content`))).status).toBe(404);
      expect(
        (await req(t.http.get('/api/attachments').query({ targetType: 'CONTRACT', targetId: contract.id })))
          .status,
      ).toBe(404);
    }
    // Parties read contract evidence; recording it is the broker's job, like the contract itself.
    expect((await upload(s.researcher, 'CONTRACT', contract.id, 'OTHER', PDF, 'x.pdf')).status).toBe(403);
    expect((await upload(outsider, 'CONTRACT', contract.id, 'OTHER', PDF, 'x.pdf')).status).toBe(404);
  });

  it('judges type by content and size by bytes: 415 for a disguised file, 413 above the limit, 400 for a category the record does not take', async () => {
    const text = await upload(
      s.broker,
      'CONTRACT',
      contract.id,
      'SIGNED_CONTRACT',
      Buffer.from('just text, named like a pdf'),
      'scan.pdf',
    ).expect(415);
    expect(text.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
    expect(
      (await upload(s.broker, 'PAYMENT', contract.payments[0]!.id, 'BANK_RECEIPT', exe, 'receipt.png'))
        .status,
    ).toBe(415);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect((await upload(s.broker, 'CONTRACT', contract.id, 'OTHER', svg, 'image.svg')).status).toBe(415);
    const big = Buffer.concat([PDF, Buffer.alloc(MAX, 32)]);
    const tooBig = await upload(s.broker, 'CONTRACT', contract.id, 'SIGNED_CONTRACT', big, 'big.pdf').expect(
      413,
    );
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    const wrong = await upload(s.broker, 'CONTRACT', contract.id, 'BROCHURE', PDF, 'b.pdf').expect(400);
    expect(wrong.body).toMatchObject({
      code: 'ATTACHMENT_CATEGORY_NOT_ALLOWED',
      errors: [{ field: 'category' }],
    });
    const noFile = await t.http
      .post('/api/attachments')
      .set(...bearer(s.broker))
      .field('targetType', 'CONTRACT')
      .field('targetId', contract.id)
      .field('category', 'OTHER')
      .expect(400);
    expect(noFile.body.errors).toEqual([expect.objectContaining({ field: 'file' })]);
    const badTarget = await upload(s.broker, 'DEAL', contract.id, 'OTHER', PDF, 'x.pdf').expect(400);
    expect(badTarget.body.errors).toEqual([expect.objectContaining({ field: 'targetType' })]);
    // Nothing refused was stored.
    expect(await bucketKeys()).toHaveLength(2);
  });

  it('listing images follow the listing: owner-only while a draft, public once published; removal deletes the bytes', async () => {
    const draft = await t.http
      .post('/api/results')
      .set(...bearer(s.researcher))
      .send(resultPayload({ title: '附件测试成果：微流控芯片' }))
      .expect(201);
    const image = await upload(s.researcher, 'RESULT', draft.body.id, 'IMAGE', PNG, '样机照片.png').expect(
      201,
    );
    expect((await upload(s.enterprise, 'RESULT', draft.body.id, 'IMAGE', PNG, 'x.png')).status).toBe(404);
    expect((await t.http.get(`/api/attachments/${image.body.id}/content`)).status).toBe(404);
    await t.http
      .post(`/api/results/${draft.body.id}/submit`)
      .set(...bearer(s.researcher))
      .send({})
      .expect(200);
    await t.http
      .post(`/api/results/${draft.body.id}/approve`)
      .set(...bearer(s.broker))
      .send({})
      .expect(200);
    const pub = await t.http
      .get(`/api/attachments/${image.body.id}/content`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(sha(pub.body as Buffer)).toBe(sha(PNG));
    expect(
      (await t.http.delete(`/api/attachments/${image.body.id}`).set(...bearer(s.enterprise))).status,
    ).toBe(403);
    await t.http
      .delete(`/api/attachments/${image.body.id}`)
      .set(...bearer(s.researcher))
      .expect(204);
    expect((await t.http.get(`/api/attachments/${image.body.id}/content`)).status).toBe(404);
    expect(await bucketKeys()).toHaveLength(2);
  });
});
