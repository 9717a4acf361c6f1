import type { CommissionStatus, FraudSignal, LinkChannel } from '@souk/contracts/affiliation';
import { inArray } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.ts';
import { type RecordedClick, rollupIncrements } from './click-sink.ts';
import { commissionAfterRefund, commissionAmount, ruleFor } from './commission-rules.ts';
import type { ProductDirectory, ProductFacts } from './ports.ts';
import {
  affiliationClickRollups,
  affiliationClicks,
  affiliationCommissions,
  affiliationConversions,
  affiliationLinks,
  affiliationRefunds,
  affiliationRequests,
} from './schema.ts';
import type { SettingsService } from './settings-service.ts';

const day = 86_400_000;
const channels: (LinkChannel | null)[] = ['instagram', 'tiktok', 'whatsapp', null];
const browsers = [
  ['mobile', 'Mobile Safari', 'iOS'],
  ['mobile', 'Chrome', 'Android'],
  ['desktop', 'Chrome', 'Windows'],
  ['mobile', 'Instagram', 'iOS'],
  ['desktop', 'Firefox', 'Mac OS'],
] as const;
const referrers = ['l.instagram.com', 'www.tiktok.com', null, 'l.facebook.com', 'wa.me'];
const countries = ['MA', 'MA', 'MA', 'FR', 'BE', null];

/** A small seeded generator: the same demo data on every machine. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Dashboards with something in them: the demo influencers approved on some demo deals, a link
 * each, a few hundred clicks over the last month and conversions whose commissions are in every
 * state. Written by bulk inserts (fast); skipped when the influencers already have requests.
 */
export async function seedDemoAffiliation(deps: {
  db: Database;
  products: ProductDirectory;
  settings: SettingsService;
  merchantTeamIds: string[];
  influencerIds: string[];
}): Promise<void> {
  const { db } = deps;
  if (deps.influencerIds.length === 0 || deps.merchantTeamIds.length === 0) return;
  const existing = await db
    .select({ id: affiliationRequests.id })
    .from(affiliationRequests)
    .where(inArray(affiliationRequests.influencerId, deps.influencerIds))
    .limit(1);
  if (existing.length > 0) return;
  const random = generator(20_260_501);
  const now = Date.now();
  const productIds: string[] = [];
  for (const teamId of deps.merchantTeamIds) productIds.push(...(await deps.products.publishedIdsOf(teamId, 3)));
  const products = await deps.products.findMany(productIds);
  const requests: (typeof affiliationRequests.$inferInsert)[] = [];
  const links: (typeof affiliationLinks.$inferInsert & { product: ProductFacts })[] = [];
  let linkIndex = 0;
  for (const [influencerIndex, influencerId] of deps.influencerIds.entries()) {
    for (const [productIndex, productId] of productIds.entries()) {
      const product = products.get(productId);
      if (!product) continue;
      // The second influencer is approved on fewer deals, has one pending and one declined request.
      const status =
        influencerIndex === 0 || productIndex % 3 === 0 ? 'approved' : productIndex % 3 === 1 ? 'pending' : 'rejected';
      const requestId = uuidFrom(random);
      const createdAt = new Date(now - (35 - productIndex) * day);
      requests.push({
        id: requestId,
        productId,
        organizationId: product.organizationId,
        influencerId,
        status,
        message: 'Bonjour ! Mon audience adore ce genre d’offres à Marrakech et Casablanca.',
        audience: [
          {
            platform: 'instagram',
            handle: `@souk_demo_${influencerIndex + 1}`,
            followers: 48_000 + productIndex * 1000,
          },
          { platform: 'tiktok', handle: `@souk.demo${influencerIndex + 1}`, followers: 120_000 },
        ],
        decisionReason: status === 'rejected' ? 'Audience hors de notre zone de livraison.' : null,
        decidedAt: status === 'pending' ? null : new Date(createdAt.getTime() + day),
        createdAt,
      });
      if (status !== 'approved') continue;
      const code = `demo${(linkIndex + 1).toString().padStart(3, '0')}`;
      links.push({
        id: uuidFrom(random),
        code,
        requestId,
        productId,
        organizationId: product.organizationId,
        influencerId,
        channel: channels[linkIndex % channels.length] ?? null,
        createdAt: new Date(createdAt.getTime() + day),
        product,
      });
      linkIndex++;
    }
  }
  const clicks: RecordedClick[] = [];
  for (const link of links) {
    const count = 15 + Math.floor(random() * 25);
    for (let index = 0; index < count; index++) {
      const [device, browser, os] = browsers[Math.floor(random() * browsers.length)] ?? browsers[0];
      const visitor = Math.floor(random() * 1000);
      clicks.push({
        id: uuidFrom(random),
        linkId: link.id as string,
        organizationId: link.organizationId,
        visitorKey: `demo-visitor-${visitor}`,
        ip: `198.51.100.${visitor % 250}`,
        isUnique: random() > 0.2,
        device,
        browser,
        os,
        country: countries[Math.floor(random() * countries.length)] ?? null,
        referrerHost: referrers[Math.floor(random() * referrers.length)] ?? null,
        createdAt: new Date(now - Math.floor(random() * 30 * day)),
      });
    }
  }
  const conversions: (typeof affiliationConversions.$inferInsert)[] = [];
  const commissions: (typeof affiliationCommissions.$inferInsert)[] = [];
  const refunds: (typeof affiliationRefunds.$inferInsert)[] = [];
  const states: { status: CommissionStatus; signals: FraudSignal[] }[] = [
    { status: 'pending', signals: [] },
    { status: 'approved', signals: [] },
    { status: 'paid', signals: [] },
    { status: 'pending', signals: ['fast_conversion'] },
    { status: 'reversed', signals: [] },
    { status: 'rejected', signals: ['self_referral'] },
  ];
  let orderNumber = 1000;
  for (const [linkPosition, link] of links.entries()) {
    const linkClicks = clicks.filter((click) => click.linkId === link.id).slice(0, 3);
    for (const [position, click] of linkClicks.entries()) {
      const state = states[(linkPosition + position) % states.length] ?? { status: 'pending', signals: [] };
      const at = new Date(click.createdAt.getTime() + 20 * 60_000);
      const quantity = 1 + (position % 2);
      const amount = link.product.priceMinor * quantity;
      const conversionId = uuidFrom(random);
      const reversed = state.status === 'reversed';
      conversions.push({
        id: conversionId,
        organizationId: link.organizationId,
        orderRef: `DEMO-${orderNumber++}`,
        clickId: click.id,
        linkId: link.id,
        amountMinor: amount,
        refundedMinor: reversed ? amount : 0,
        currency: link.product.currency,
        items: [{ name: link.product.title, quantity, unitAmount: link.product.priceMinor }],
        source: 'api',
        fraudSignals: [],
        createdAt: at,
      });
      if (reversed) refunds.push({ conversionId, refundRef: 'full', amountMinor: amount, createdAt: at });
      const rule = ruleFor(
        { productCommission: link.product.commission, override: null, minMinor: null, maxMinor: null },
        amount,
      );
      if (!rule) continue;
      const original = commissionAmount(rule);
      const settled = state.status === 'approved' || state.status === 'paid';
      commissions.push({
        conversionId,
        organizationId: link.organizationId,
        influencerId: link.influencerId,
        linkId: link.id as string,
        productId: link.productId,
        status: state.status,
        amountMinor: reversed ? commissionAfterRefund(original, amount, amount) : original,
        originalAmountMinor: original,
        currency: link.product.currency,
        rule,
        fraudSignals: state.signals,
        onHold: state.status === 'pending' && state.signals.length > 0,
        approvableAt: new Date(at.getTime() + 14 * day),
        approvedAt: settled ? new Date(at.getTime() + 14 * day) : null,
        reversedAt: reversed ? new Date(at.getTime() + 2 * day) : null,
        rejectionReason: state.status === 'rejected' ? 'Achat effectué par l’influenceur lui-même.' : null,
        createdAt: at,
      });
    }
  }
  for (const teamId of deps.merchantTeamIds) await deps.settings.merchant(teamId);
  await db.transaction(async (tx) => {
    await tx.insert(affiliationRequests).values(requests);
    if (links.length === 0) return;
    await tx.insert(affiliationLinks).values(links.map(({ product: _product, ...link }) => link));
    for (let start = 0; start < clicks.length; start += 500) {
      await tx.insert(affiliationClicks).values(clicks.slice(start, start + 500));
    }
    const increments = rollupIncrements(clicks, []);
    if (increments.length > 0) await tx.insert(affiliationClickRollups).values(increments);
    if (conversions.length > 0) await tx.insert(affiliationConversions).values(conversions);
    if (refunds.length > 0) await tx.insert(affiliationRefunds).values(refunds);
    if (commissions.length > 0) await tx.insert(affiliationCommissions).values(commissions);
  });
}
