import type { KycDocumentKind, KycProfileView } from '@souk/contracts/kyc';
import sharp from 'sharp';
import type { TestApp, TestUser } from './harness.ts';

export const origin = 'http://localhost:3000';

/** A real JPEG carrying EXIF (a camera make), as a phone photo of a card would. */
export async function sampleJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 40, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'SecretPhoneMaker', Copyright: 'gps-48.85-2.35' } })
    .toBuffer();
}

export async function samplePng(): Promise<Buffer> {
  return sharp({ create: { width: 32, height: 32, channels: 4, background: '#3366ff' } })
    .png()
    .toBuffer();
}

/** A plain PDF, or one carrying JavaScript when `script` is set. */
export function samplePdf(script = false): Buffer {
  const action = script ? '/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >>' : '';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R ${action} >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

/** A multipart body with one file part, as a browser form sends it. */
export function multipart(fileName: string, contentType: string, bytes: Buffer) {
  const boundary = `----souk${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export function uploadDocument(
  test: TestApp,
  user: TestUser,
  kind: KycDocumentKind,
  file: { name: string; type: string; bytes: Buffer },
  organizationId?: string,
) {
  const { payload, headers } = multipart(file.name, file.type, file.bytes);
  const query = new URLSearchParams({ kind, ...(organizationId ? { organizationId } : {}) });
  return test.app.inject({
    method: 'POST',
    url: `/api/v1/kyc/documents?${query}`,
    headers: { ...headers, cookie: user.cookie, origin },
    payload,
  });
}

export function request(
  test: TestApp,
  user: TestUser,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT',
  url: string,
  payload?: unknown,
) {
  return test.app.inject({
    method,
    url,
    headers: { cookie: user.cookie, origin },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

/** The code the SMS outbox holds for a number (the embedded default delivers nowhere else). */
export async function latestSmsCode(test: TestApp, phone: string): Promise<string> {
  const [message] = await test.runtime.services.messaging.sms.list({ limit: 1, to: phone });
  const code = message?.body.match(/\d{6}/)?.[0];
  if (!code) throw new Error(`no code sent to ${phone}`);
  return code;
}

/** Verifies a phone through the real endpoints. */
export async function verifyPhone(test: TestApp, user: TestUser, phone = '+212612345678'): Promise<void> {
  const sent = await request(test, user, 'POST', '/api/v1/kyc/phone/code', { phone });
  if (sent.statusCode !== 200) throw new Error(`code not sent: ${sent.body}`);
  const code = await latestSmsCode(test, phone);
  const verified = await request(test, user, 'POST', '/api/v1/kyc/phone/verify', { code });
  if (verified.statusCode !== 200) throw new Error(`phone not verified: ${verified.body}`);
}

/** An influencer's complete file, submitted through the API as a person would. */
export async function submitIndividualKyc(test: TestApp, user: TestUser, data = test.factories.kycIndividual()) {
  const saved = await request(test, user, 'PATCH', '/api/v1/kyc', data);
  if (saved.statusCode !== 200) throw new Error(`draft refused: ${saved.body}`);
  await verifyPhone(test, user);
  const jpeg = await sampleJpeg();
  for (const kind of ['cin_front', 'cin_back'] as const) {
    const uploaded = await uploadDocument(test, user, kind, { name: `${kind}.jpg`, type: 'image/jpeg', bytes: jpeg });
    if (uploaded.statusCode !== 201) throw new Error(`upload refused: ${uploaded.body}`);
  }
  const submitted = await request(test, user, 'POST', '/api/v1/kyc/submit');
  if (submitted.statusCode !== 200) throw new Error(`submit refused: ${submitted.body}`);
  return submitted.json() as KycProfileView;
}
