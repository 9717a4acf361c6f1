import { notificationChannels, notificationEventNames } from '@souk/contracts/notifications';
import { describe, expect, it } from 'vitest';
import { dedupePreferences, defaultEnabled, mergeWithDefaults } from './preferences.ts';

describe('notification preferences', () => {
  it('lists every event and channel with the contract defaults when nothing is stored', () => {
    const preferences = mergeWithDefaults([]);
    expect(preferences).toHaveLength(notificationEventNames.length * notificationChannels.length);
    expect(preferences).toContainEqual({ event: 'account.welcome', channel: 'email', enabled: true });
    expect(preferences).toContainEqual({ event: 'platform.announcement', channel: 'email', enabled: false });
  });

  it('lets stored choices win and ignores rows of events that no longer exist', () => {
    const preferences = mergeWithDefaults([
      { event: 'account.welcome', channel: 'email', enabled: false },
      { event: 'removed.event', channel: 'email', enabled: true },
    ]);
    expect(preferences).toContainEqual({ event: 'account.welcome', channel: 'email', enabled: false });
    expect(preferences.some((preference) => preference.event === ('removed.event' as never))).toBe(false);
  });

  it('keeps the last of duplicated choices', () => {
    expect(
      dedupePreferences([
        { event: 'account.welcome', channel: 'email', enabled: true },
        { event: 'account.welcome', channel: 'email', enabled: false },
      ]),
    ).toEqual([{ event: 'account.welcome', channel: 'email', enabled: false }]);
  });

  it('reads defaults from the contracts', () => {
    expect(defaultEnabled('account.welcome', 'in_app')).toBe(true);
    expect(defaultEnabled('platform.announcement', 'email')).toBe(false);
  });
});
