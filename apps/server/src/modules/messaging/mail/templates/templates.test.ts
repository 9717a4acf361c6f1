import { locales } from '@souk/contracts/locales';
import { describe, expect, it } from 'vitest';
import { mailTemplates } from './registry.ts';

const context = { publicUrl: 'https://souk.example' };
const hostile = `<script>alert("x")</script> & 'co'`;

describe.each(locales)('mail templates in %s', (locale) => {
  it('renders the notification mail with escaped content, action button and footer', () => {
    const data = mailTemplates.notification.schema.parse({
      title: `Order ${hostile}`,
      body: `Line one ${hostile}\nLine two\n\nSecond paragraph`,
      action: { url: 'https://souk.example/orders/1?a=1&b=2' },
    });
    const mail = mailTemplates.notification.render(locale, data, context);

    expect(mail.subject).toBe(`Order ${hostile}`);
    expect(mail.html).toMatch(/^<!DOCTYPE html>/);
    expect(mail.html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;');
    expect(mail.html).toContain('href="https://souk.example/orders/1?a=1&amp;b=2"');
    expect(mail.html).toContain('href="https://souk.example/settings/notifications"');
    expect(mail.html).toContain('>Souk</span>');
    expect(mail.html).toContain('<table role="presentation"');
    expect(mail.html).toContain(locale === 'ar' ? 'text-align:right' : 'text-align:left');

    // The text part carries the same content, unescaped, and the settings link.
    expect(mail.text).toContain(`Line one ${hostile}\nLine two`);
    expect(mail.text).toContain('https://souk.example/orders/1?a=1&b=2');
    expect(mail.text).toContain('https://souk.example/settings/notifications');
    expect(mail.text).not.toContain('<p');
  });

  it('renders the welcome mail with the name escaped and a dashboard link', () => {
    const mail = mailTemplates.welcome.render(locale, mailTemplates.welcome.schema.parse({ name: hostile }), context);
    expect(mail.subject).toContain(hostile);
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('href="https://souk.example/dashboard"');
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.text).toContain(hostile);
    expect(mail.text).toContain('https://souk.example/dashboard');
  });
});

describe('mail template wording', () => {
  it('speaks each language', () => {
    const render = (locale: 'fr' | 'en' | 'ar') =>
      mailTemplates.welcome.render(locale, { name: 'Salma' }, context).subject;
    expect(render('fr')).toBe('Bienvenue sur Souk, Salma');
    expect(render('en')).toBe('Welcome to Souk, Salma');
    expect(render('ar')).toBe('مرحبًا بك في Souk، Salma');
  });

  it('defaults the action label to the language of the mail', () => {
    const data = { title: 'T', body: 'B', action: { url: 'https://souk.example/x' } };
    expect(mailTemplates.notification.render('fr', data, context).html).toContain('Voir sur Souk');
    expect(mailTemplates.notification.render('ar', data, context).html).toContain('عرض على Souk');
  });

  it('marks the Arabic mail right-to-left down to the layout tables', () => {
    const { html } = mailTemplates.welcome.render('ar', { name: 'Salma' }, context);
    expect(html).toContain('<body style="margin:0;padding:0;background-color:#f4f1ec;" dir="rtl">');
    expect(html.match(/<table role="presentation" width="\d+%?" [^>]*dir="rtl"/g)?.length).toBe(2);
  });
});

describe('mail template data', () => {
  it('refuses links that are not http(s)', () => {
    const result = mailTemplates.notification.schema.safeParse({
      title: 'T',
      body: 'B',
      action: { url: 'javascript:alert(1)' },
    });
    expect(result.success).toBe(false);
  });

  it('refuses a missing name', () => {
    expect(mailTemplates.welcome.schema.safeParse({}).success).toBe(false);
  });
});
