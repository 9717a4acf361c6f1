import { locales } from '@souk/contracts/locales';
import { describe, expect, it } from 'vitest';
import { mailTemplates } from './registry.ts';

const context = { publicUrl: 'https://souk.example' };
const hostile = `<script>alert("x")</script>`;

describe.each(locales)('site mails in %s', (locale) => {
  it('renders the newsletter confirmation with both links and the direction of the language', () => {
    const template = mailTemplates['newsletter-confirm'];
    const mail = template.render(
      locale,
      template.schema.parse({
        url: 'https://souk.example/newsletter/confirm?token=abc',
        unsubscribeUrl: 'https://souk.example/newsletter/unsubscribe?token=def',
      }),
      context,
    );
    expect(mail.html).toContain(`dir="${locale === 'ar' ? 'rtl' : 'ltr'}"`);
    expect(mail.html).toContain('href="https://souk.example/newsletter/confirm?token=abc"');
    expect(mail.text).toContain('https://souk.example/newsletter/unsubscribe?token=def');
  });

  it('escapes what a visitor typed in the auto-reply and the answer', () => {
    for (const name of ['contact-auto-reply', 'contact-answer'] as const) {
      const template = mailTemplates[name];
      const data = template.schema.parse({ name: hostile, message: `Hello ${hostile}`, answer: `Reply ${hostile}` });
      const mail = template.render(locale, data as never, context);
      expect(mail.html).not.toContain('<script>');
      expect(mail.text).toContain(`Hello ${hostile}`);
    }
  });

  it('gives support the sender, the message and a link to the inbox', () => {
    const template = mailTemplates['contact-received'];
    const mail = template.render(
      locale,
      template.schema.parse({
        name: 'Amina',
        email: 'amina@example.com',
        subject: 'support',
        message: 'Help',
        inboxUrl: 'https://souk.example/admin/messages/1',
      }),
      context,
    );
    expect(mail.subject).toContain('Amina');
    expect(mail.text).toContain('amina@example.com');
    expect(mail.html).toContain('href="https://souk.example/admin/messages/1"');
  });
});
