import { deflateSync } from 'node:zlib';
import { catalogProblemMessages } from '@souk/contracts/catalog-messages';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createCategory, dealInput, origin } from '../../../test/catalog.ts';
import { buildTestApp, createTestUser, type TestApp, type TestUser } from '../../../test/harness.ts';
import { multipart, samplePdf } from '../../../test/kyc.ts';

/** A PNG whose header claims `width` × `height`, with a tiny body: a decompression bomb's shape. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

describe('catalog: product images', () => {
  let test: TestApp;
  let merchant: TestUser;
  let otherMerchant: TestUser;
  let productId: string;

  beforeAll(async () => {
    test = await buildTestApp();
    merchant = await createTestUser(test, { accountType: 'merchant' });
    otherMerchant = await createTestUser(test, { accountType: 'merchant' });
    const categoryId = (await createCategory(test)).id;
    productId = (await call(test, merchant, 'POST', '/api/v1/products', dealInput(categoryId))).json().id;
  });
  afterAll(() => test.close());

  function upload(user: TestUser, name: string, type: string, bytes: Buffer, locale: 'fr' | 'en' = 'en') {
    const { payload, headers } = multipart(name, type, bytes);
    return test.app.inject({
      method: 'POST',
      url: `/api/v1/products/${productId}/images`,
      headers: { ...headers, cookie: user.cookie, origin, 'x-souk-locale': locale },
      payload,
    });
  }

  it('stores a JPEG with WebP and AVIF variants and a placeholder, served publicly and immutable', async () => {
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#b05030' } })
      .jpeg()
      .withExif({ IFD0: { Make: 'SecretPhoneMaker' } })
      .toBuffer();
    const response = await upload(merchant, 'photo.jpg', 'image/jpeg', jpeg);
    expect(response.statusCode, response.body).toBe(201);
    const image = response.json();
    expect(image).toMatchObject({ width: 1200, height: 800, alt: '' });
    expect(image.placeholder).toMatch(/^data:image\/webp;base64,/);
    expect(image.placeholder.length).toBeLessThan(1000);
    expect(
      image.variants.map((variant: { format: string; width: number }) => `${variant.format}${variant.width}`),
    ).toEqual(['avif400', 'avif800', 'avif1200', 'webp400', 'webp800', 'webp1200']);
    for (const variant of image.variants) {
      const served = await test.app.inject({ method: 'GET', url: variant.url });
      expect(served.statusCode).toBe(200);
      expect(served.headers['content-type']).toBe(`image/${variant.format}`);
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const metadata = await sharp(served.rawPayload).metadata();
      expect(metadata.width).toBe(variant.width);
    }
    const original = await test.app.inject({ method: 'GET', url: image.url });
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.rawPayload.includes(Buffer.from('SecretPhoneMaker'))).toBe(false);
  });

  it('takes PNG and WebP too; a small image gets one variant width, its own', async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: '#3366ff' } })
      .png()
      .toBuffer();
    const response = await upload(merchant, 'logo.png', 'image/png', png);
    expect(response.statusCode).toBe(201);
    expect(response.json().variants.map((variant: { width: number }) => variant.width)).toEqual([300, 300]);
    const webp = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#00aa55' } })
      .webp()
      .toBuffer();
    expect((await upload(merchant, 'square.webp', 'image/webp', webp)).statusCode).toBe(201);
  });

  it('refuses a PDF named .jpg, junk, and a PNG header claiming 20000×20000 — before decoding it', async () => {
    for (const locale of ['fr', 'en'] as const) {
      const pdf = await upload(merchant, 'photo.jpg', 'image/jpeg', samplePdf(), locale);
      expect(pdf.statusCode).toBe(422);
      expect(pdf.json().errors).toEqual([{ path: 'file', message: catalogProblemMessages[locale].image_type }]);
    }
    expect((await upload(merchant, 'x.png', 'image/png', Buffer.from('not an image at all, really'))).statusCode).toBe(
      422,
    );

    const bomb = pngClaiming(20_000, 20_000);
    expect(bomb.length).toBeLessThan(2000);
    const started = Date.now();
    const refused = await upload(merchant, 'bomb.png', 'image/png', bomb, 'fr');
    expect(Date.now() - started).toBeLessThan(2000);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors).toEqual([{ path: 'file', message: catalogProblemMessages.fr.image_too_many_pixels }]);
  });

  it('edits alt text, reorders (all ids exactly once), deletes with its files; other teams see nothing', async () => {
    const product = (await call(test, merchant, 'GET', `/api/v1/products/${productId}`)).json();
    const ids: string[] = product.images.map((image: { id: string }) => image.id);
    expect(ids.length).toBe(3);

    const alt = await call(test, merchant, 'PATCH', `/api/v1/products/${productId}/images/${ids[0]}`, {
      alt: 'La salle de massage',
    });
    expect(alt.json().alt).toBe('La salle de massage');

    const reversed = [...ids].reverse();
    const reordered = await call(test, merchant, 'PUT', `/api/v1/products/${productId}/images/order`, {
      ids: reversed,
    });
    expect(reordered.json().items.map((image: { id: string }) => image.id)).toEqual(reversed);
    const missing = await call(test, merchant, 'PUT', `/api/v1/products/${productId}/images/order`, {
      ids: reversed.slice(1),
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].path).toBe('body.ids');
    const preview = (await call(test, merchant, 'GET', `/api/v1/products/${productId}/preview`)).json();
    expect(preview.images.map((image: { id: string }) => image.id)).toEqual(reversed);

    expect(
      (
        await upload(
          otherMerchant,
          'a.png',
          'image/png',
          await sharp({ create: { width: 10, height: 10, channels: 3, background: '#000' } })
            .png()
            .toBuffer(),
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call(test, otherMerchant, 'DELETE', `/api/v1/products/${productId}/images/${ids[0]}`)).statusCode,
    ).toBe(404);

    const doomed = product.images.find((image: { id: string }) => image.id === ids[0]);
    expect((await call(test, merchant, 'DELETE', `/api/v1/products/${productId}/images/${ids[0]}`)).statusCode).toBe(
      204,
    );
    expect((await test.app.inject({ method: 'GET', url: doomed.url })).statusCode).toBe(404);
  });

  it('serves only catalog image names from /media: nothing else of the file store', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const directory = `${test.runtime.config.DATA_DIR}/files/kyc/documents`;
    mkdirSync(directory, { recursive: true });
    writeFileSync(`${directory}/secret.jpg`, 'secret');
    for (const url of ['/media/kyc/documents/secret.jpg', '/media/catalog/images/../../kyc/documents/secret.jpg']) {
      expect((await test.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });
});
