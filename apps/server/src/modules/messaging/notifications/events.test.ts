import { describe, expect, it } from 'vitest';
import { renderNotification } from './events.ts';

describe('notification events', () => {
  it('renders the welcome event in the recipient language', () => {
    expect(renderNotification('account.welcome', { name: 'Salma' }, 'fr').rendered).toEqual({
      title: 'Bienvenue sur Souk, Salma !',
      body: 'Complétez votre profil pour commencer.',
      link: '/dashboard',
    });
    expect(renderNotification('account.welcome', { name: 'Salma' }, 'ar').rendered.title).toBe(
      'مرحبًا بك في Souk، Salma!',
    );
  });

  it('takes already translated text or one text for every language', () => {
    const data = { title: { fr: 'Maintenance', en: 'Maintenance', ar: 'صيانة' }, body: 'Tonight', link: '/status' };
    expect(renderNotification('platform.announcement', data, 'ar').rendered).toEqual({
      title: 'صيانة',
      body: 'Tonight',
      link: '/status',
    });
  });

  it('keeps links inside the web app', () => {
    for (const link of ['//evil.example', 'https://evil.example', 'javascript:alert(1)']) {
      expect(() => renderNotification('platform.announcement', { title: 'T', body: 'B', link }, 'en')).toThrow();
    }
  });

  it('rejects data that does not fit the event', () => {
    expect(() => renderNotification('account.welcome', { nom: 'Salma' }, 'fr')).toThrow();
  });
});
