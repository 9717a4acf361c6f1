import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../../test/harness.ts';

let test: TestApp;
beforeAll(async () => {
  test = await buildTestApp();
});
afterAll(async () => {
  await test?.close();
});

describe('the OpenAPI document', () => {
  it('stays whole when another copy of the contracts registers the same schema ids later', async () => {
    // What the web build does when it loads: its own copies of shared schemas, same ids, in zod's
    // one global registry. Two of them are used both by schemas only the server holds.
    for (const id of ['Plan', 'PaymentStart', 'Product']) {
      z.object({ copy: z.string() }).meta({ id });
    }
    const response = await test.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const document = response.json();
    // The server's own schemas are the ones published.
    expect(Object.keys(document.components.schemas.Plan.properties)).toContain('monthlyPriceMinor');
    expect(Object.keys(document.components.schemas.Product.properties)).not.toContain('copy');
    expect(document.paths['/api/v1/billing'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/BillingOverview',
    });
  });
});
