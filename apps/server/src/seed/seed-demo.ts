import type { Services } from '../services.ts';
import { type DemoAccount, demoAccounts, demoPassword } from './demo-accounts.ts';
import { seedDemoKyc } from './demo-kyc.ts';
import { createFactories } from './factories.ts';

export interface SeedResult {
  password: string;
  accounts: DemoAccount[];
  created: number;
}

/**
 * Creates the demo accounts that do not exist yet, so running it twice changes nothing.
 * Later modules add their demo data (deals, links, orders) here through their services.
 */
export async function seedDemoData(services: Services): Promise<SeedResult> {
  // The same factories as the tests, on a fixed seed: every machine gets the same demo data.
  const factories = createFactories();
  let created = 0;
  for (const account of demoAccounts) {
    if (await services.identity.users.findByEmail(account.email)) continue;
    const user = await services.identity.users.create(
      factories.user({
        name: account.name,
        email: account.email,
        password: demoPassword,
        role: account.role,
        accountType: account.accountType,
        locale: account.locale,
        emailVerified: true,
      }),
    );
    await services.messaging.notifications.notify(user.id, 'account.welcome', { name: user.name });
    created++;
  }
  await services.site.content.seedDemoContent();
  // After every module's accounts and teams exist.
  await seedDemoKyc(services, factories);
  // After KYC: the demo merchants are verified, as the live deals of a real merchant would need.
  const merchants = await demoMerchantTeams(services);
  await services.catalog.seedDemo({ merchants });
  // After the catalog: affiliations, links, clicks and commissions on the demo deals.
  await services.affiliation.seedDemo({
    merchantTeamIds: merchants.map((merchant) => merchant.teamId),
    influencerIds: await demoInfluencerIds(services),
  });
  // The demo commissions were written directly: their ledger postings, so balances and payouts see them.
  await services.payouts.seedDemo();
  // Paid orders with vouchers (some redeemed) on the demo deals, bought by the demo influencers.
  await services.payments.seedDemo({
    deals: await Promise.all(
      merchants.map(async (merchant) => ({
        organizationId: merchant.teamId,
        productIds: await services.catalog.products.publishedIdsOf(merchant.teamId, 2),
      })),
    ),
    buyerIds: await demoInfluencerIds(services),
  });
  // After affiliation: the demo influencer's sandbox account posts with their tracked link.
  const [influencerId] = await demoInfluencerIds(services);
  if (influencerId) await services.social.seedDemo({ influencerId });
  return { password: demoPassword, accounts: demoAccounts, created };
}

/** The demo merchants' teams, in the order of the demo accounts (merchant, merchant2, merchant3). */
async function demoMerchantTeams(services: Services): Promise<{ teamId: string; email: string }[]> {
  const teams: { teamId: string; email: string }[] = [];
  for (const account of demoAccounts.filter((candidate) => candidate.accountType === 'merchant')) {
    const user = await services.identity.users.findByEmail(account.email);
    const owned = user
      ? (await services.identity.teams.membershipsOf(user.id)).find((membership) => membership.role === 'owner')
      : undefined;
    if (owned) teams.push({ teamId: owned.teamId, email: account.email });
  }
  return teams;
}

async function demoInfluencerIds(services: Services): Promise<string[]> {
  const ids: string[] = [];
  for (const account of demoAccounts.filter((candidate) => candidate.accountType === 'influencer')) {
    const user = await services.identity.users.findByEmail(account.email);
    if (user) ids.push(user.id);
  }
  return ids;
}

/** On first start of an empty database only. */
export async function seedDemoDataIfEmpty(services: Services): Promise<SeedResult | null> {
  if ((await services.identity.users.count()) > 0) {
    return { password: demoPassword, accounts: demoAccounts, created: 0 };
  }
  return seedDemoData(services);
}
