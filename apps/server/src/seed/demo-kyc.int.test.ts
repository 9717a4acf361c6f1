import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/harness.ts';
import { seedDemoData } from './seed-demo.ts';

describe('demo KYC', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await buildTestApp();
  });
  afterAll(() => test.close());

  it('approves the demo merchants and influencer, leaves influencer2 waiting, and runs twice harmlessly', async () => {
    const services = test.runtime.services;
    await seedDemoData(services);
    await seedDemoData(services);
    const influencer = await services.identity.users.findByEmail('influencer@souk.test');
    const influencer2 = await services.identity.users.findByEmail('influencer2@souk.test');
    const merchant = await services.identity.users.findByEmail('merchant@souk.test');
    const teamId = (await services.identity.teams.membershipsOf(merchant?.id ?? ''))[0]?.teamId ?? '';
    expect(await services.kyc.verifiedUsers([influencer?.id ?? '', influencer2?.id ?? ''])).toEqual(
      new Set([influencer?.id]),
    );
    expect(await services.kyc.verifiedOrganizations([teamId])).toEqual(new Set([teamId]));
    const queue = await services.kyc.review.queue({ limit: 50 });
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ status: 'submitted', subjectName: 'Omar Travels', flags: 0 });
  });
});
