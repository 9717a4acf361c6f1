import type { FraudSignal } from '@souk/contracts/affiliation';
import { and, count, eq, gte, lte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.ts';
import type { FraudThresholds } from './ports.ts';
import { affiliationClicks, affiliationConversions } from './schema.ts';

export interface SignalInput {
  click: { id: string; linkId: string; ip: string | null; createdAt: Date };
  link: { influencerId: string; creatorIp: string | null };
  influencerEmail: string | null;
  conversion: {
    source: 'api' | 'pixel' | 'checkout';
    customerEmail: string | null;
    customerUserId: string | null;
    at: Date;
  };
}

/**
 * What looks wrong about an attributed conversion. Each signal only holds the commission for the
 * merchant's review: a legitimate sale can trip one (a fast buyer, a shared office address), so
 * nothing is refused or dropped on a signal.
 */
export async function fraudSignalsFor(
  executor: Executor,
  input: SignalInput,
  thresholds: FraudThresholds,
): Promise<FraudSignal[]> {
  const signals: FraudSignal[] = [];
  const { click, conversion } = input;
  if (conversion.source === 'pixel') signals.push('unverified_source');
  if (conversion.at.getTime() - click.createdAt.getTime() < thresholds.minSecondsToConvert * 1000) {
    signals.push('fast_conversion');
  }
  const email = conversion.customerEmail?.trim().toLowerCase();
  const selfReferral =
    (email && input.influencerEmail && email === input.influencerEmail.toLowerCase()) ||
    (conversion.customerUserId !== null && conversion.customerUserId === input.link.influencerId) ||
    (click.ip !== null && input.link.creatorIp !== null && click.ip === input.link.creatorIp);
  if (selfReferral) signals.push('self_referral');
  if (click.ip !== null) {
    const hourBefore = new Date(click.createdAt.getTime() - 3_600_000);
    const [velocity] = await executor
      .select({ n: count() })
      .from(affiliationClicks)
      .where(
        and(
          eq(affiliationClicks.linkId, click.linkId),
          eq(affiliationClicks.ip, click.ip),
          gte(affiliationClicks.createdAt, hourBefore),
          lte(affiliationClicks.createdAt, click.createdAt),
        ),
      );
    if (Number(velocity?.n ?? 0) > thresholds.clicksPerIpPerHour) signals.push('click_velocity');
    const dayBefore = new Date(conversion.at.getTime() - 86_400_000);
    const [fromIp] = await executor
      .select({ n: count() })
      .from(affiliationConversions)
      .innerJoin(affiliationClicks, eq(affiliationClicks.id, affiliationConversions.clickId))
      .where(and(eq(affiliationClicks.ip, click.ip), gte(affiliationConversions.createdAt, dayBefore)));
    // Earlier conversions only: this one is not written yet.
    if (Number(fromIp?.n ?? 0) >= thresholds.conversionsPerIpPerDay) signals.push('ip_conversions');
  }
  return signals;
}
