import { describe, expect, it } from 'vitest';
import { addMonth, effectivePlanId, isUpgrade, usagePeriod } from './subscription-rules.ts';

describe('subscription rules', () => {
  it('applies the subscribed plan while trialing, active or in grace; Free otherwise', () => {
    expect(effectivePlanId(null)).toBe('free');
    expect(effectivePlanId({ status: 'trialing', planId: 'pro' })).toBe('pro');
    expect(effectivePlanId({ status: 'active', planId: 'starter' })).toBe('starter');
    expect(effectivePlanId({ status: 'past_due', planId: 'enterprise' })).toBe('enterprise');
    expect(effectivePlanId({ status: 'canceled', planId: 'pro' })).toBe('free');
    expect(effectivePlanId({ status: 'expired', planId: 'pro' })).toBe('free');
  });

  it('orders plans for upgrades and downgrades', () => {
    expect(isUpgrade('free', 'starter')).toBe(true);
    expect(isUpgrade('pro', 'enterprise')).toBe(true);
    expect(isUpgrade('pro', 'starter')).toBe(false);
    expect(isUpgrade('pro', 'pro')).toBe(false);
  });

  it('renews on the same day next month, clamped to the month’s last day (UTC)', () => {
    expect(addMonth(new Date('2026-01-15T10:00:00Z')).toISOString()).toBe('2026-02-15T10:00:00.000Z');
    expect(addMonth(new Date('2026-01-31T10:00:00Z')).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addMonth(new Date('2028-01-31T00:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(addMonth(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2027-01-31T23:00:00.000Z');
  });

  it('counts monthly quotas per UTC month and gauges in one row', () => {
    expect(usagePeriod(true, new Date('2026-03-31T23:59:59Z'))).toBe('2026-03');
    expect(usagePeriod(true, new Date('2026-04-01T00:00:00Z'))).toBe('2026-04');
    expect(usagePeriod(false, new Date('2026-04-01T00:00:00Z'))).toBe('total');
  });
});
