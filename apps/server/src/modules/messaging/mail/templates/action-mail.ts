import type { Locale } from '@souk/contracts/locales';
import { z } from 'zod';
import { html, oneLine } from '../html.ts';
import { button, contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

export interface ActionMailCopy {
  subject: string;
  greeting: (name: string) => string;
  intro: string;
  action: string;
  /** Said under the button: how long the link works, what to do if it wasn't you. */
  note: string;
  reason: string;
}

/**
 * Mails whose whole point is one link (verify an address, reset a password, accept an
 * invitation): the same shape in every language, so each such mail only supplies its words.
 */
export function defineActionMail(copy: Record<Locale, ActionMailCopy>) {
  return defineMailTemplate({
    schema: z.object({ name: z.string().min(1).max(200), url: webUrlSchema }),
    render(locale, data, context) {
      const strings = copy[locale];
      const name = oneLine(data.name);
      const subject = oneLine(strings.subject);
      const styles = contentStyles(locale);
      const content = html`<h1 style="${styles.heading}">${strings.greeting(name)}</h1>
<p style="${styles.paragraph}">${strings.intro}</p>
${button(data.url, strings.action)}
<p style="${styles.paragraph}">${strings.note}</p>`;
      return {
        subject,
        html: renderHtmlLayout({ locale, subject, preheader: strings.intro, content, reason: strings.reason, context }),
        text: renderTextLayout({
          locale,
          blocks: [strings.greeting(name), strings.intro, `${strings.action}: ${data.url}`, strings.note],
          reason: strings.reason,
          context,
        }),
      };
    },
  });
}
