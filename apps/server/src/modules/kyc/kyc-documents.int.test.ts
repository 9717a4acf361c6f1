import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { request, samplePdf, submitIndividualKyc, uploadDocument } from '../../../test/kyc.ts';

function storedFiles(test: TestApp): string[] {
  const root = path.join(test.runtime.config.DATA_DIR, 'files', 'kyc');
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('KYC documents at rest', () => {
  let test: TestApp;
  let influencer: TestUser;
  const keyA = Buffer.alloc(32, 7).toString('base64');
  const keyB = Buffer.alloc(32, 9).toString('base64');

  beforeAll(async () => {
    test = await buildTestApp({
      env: { KYC_ENCRYPTION_KEYS: `2026a:${keyA},2026b:${keyB}`, KYC_ENCRYPTION_KEY_ID: '2026b' },
    });
    influencer = await createTestUser(test, { accountType: 'influencer' });
  });
  afterAll(() => test.close());

  it('stores encrypted bytes that decrypt back to the document through the authorised route only', async () => {
    const pdf = samplePdf();
    const uploaded = await uploadDocument(test, influencer, 'cin_front', {
      name: 'cin.pdf',
      type: 'application/pdf',
      bytes: pdf,
    });
    expect(uploaded.statusCode).toBe(201);
    const [file] = storedFiles(test);
    const onDisk = readFileSync(file as string);
    expect(onDisk.equals(pdf)).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);

    const { url } = (
      await request(test, influencer, 'POST', `/api/v1/kyc/documents/${uploaded.json().id}/link`)
    ).json();
    const served = await request(test, influencer, 'GET', url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['cache-control']).toBe('private, no-store');
    expect(served.rawPayload.equals(pdf)).toBe(true);
    // Without a session the link is nothing.
    expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('records the key id, so files under an older key still open after rotation', async () => {
    const row = (
      await test.runtime.services.kyc.vault.find(
        (await request(test, influencer, 'GET', '/api/v1/kyc')).json().documents[0].id,
      )
    )?.document;
    expect(row?.keyId).toBe('2026b');
  });

  it('re-encodes images, dropping their EXIF metadata', async () => {
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#888' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretPhoneMaker' } })
      .toBuffer();
    expect(jpeg.includes(Buffer.from('SecretPhoneMaker'))).toBe(true);
    const uploaded = await uploadDocument(test, influencer, 'cin_back', {
      name: 'back.JPG',
      type: 'image/jpeg',
      bytes: jpeg,
    });
    expect(uploaded.statusCode).toBe(201);
    const { url } = (
      await request(test, influencer, 'POST', `/api/v1/kyc/documents/${uploaded.json().id}/link`)
    ).json();
    const served = (await request(test, influencer, 'GET', url)).rawPayload;
    expect(served.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
    expect((await sharp(served).metadata()).width).toBe(40);
  });

  it('lets a reviewer view documents, each view logged', async () => {
    const admin = await createTestUser(test, { role: 'admin', accountType: null });
    const person = await createTestUser(test, { accountType: 'influencer' });
    const submitted = await submitIndividualKyc(test, person);
    const documentId = submitted.documents[0]?.id as string;
    const { url } = (await request(test, admin, 'POST', `/api/v1/kyc/documents/${documentId}/link`)).json();
    expect((await request(test, admin, 'GET', url)).statusCode).toBe(200);
    const audit = (await request(test, admin, 'GET', '/api/v1/admin/audit-events?action=kyc_document_viewed')).json();
    expect(audit.items[0]).toMatchObject({ actorId: admin.id, targetId: person.id, details: { documentId } });
  });
});
