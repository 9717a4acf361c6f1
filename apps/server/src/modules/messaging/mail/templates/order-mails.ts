import { z } from 'zod';
import { html, oneLine, textToParagraphs } from '../html.ts';
import { button, contentStyles, renderHtmlLayout, renderTextLayout } from '../layout.ts';
import { defineMailTemplate, webUrlSchema } from './template.ts';

/**
 * Receipts and notices of the checkout (order confirmation with vouchers, payment failed, refund,
 * voucher redeemed, new order for the merchant). Payments writes the words in the recipient's
 * language; this only lays them out: a heading, paragraphs, a table of facts, voucher codes.
 */
export const orderMail = defineMailTemplate({
  schema: z.object({
    subject: z.string().min(1).max(300),
    heading: z.string().min(1).max(300),
    paragraphs: z.array(z.string().max(5000)).max(20),
    facts: z
      .array(z.object({ label: z.string().max(200), value: z.string().max(2000) }))
      .max(40)
      .default([]),
    codes: z.object({ title: z.string().max(200), items: z.array(z.string().max(100)).max(100) }).optional(),
    action: z.object({ url: webUrlSchema, label: z.string().min(1).max(100) }).optional(),
    reason: z.string().min(1).max(500),
  }),
  render(locale, data, context) {
    const styles = contentStyles(locale);
    const subject = oneLine(data.subject);
    const cell = `padding:6px 8px;border-bottom:1px solid #e5e1da;font-size:15px;vertical-align:top;`;
    const facts = data.facts.length
      ? html`<table role="presentation" style="border-collapse:collapse;width:100%;margin:0 0 16px;">
${data.facts.map((fact) => html`<tr><th scope="row" style="${cell}font-weight:600;">${fact.label}</th><td style="${cell}">${fact.value}</td></tr>`)}
</table>`
      : '';
    const codes = data.codes
      ? html`<h2 style="${styles.paragraph}font-weight:700;">${data.codes.title}</h2>
<ul style="${styles.paragraph}">${data.codes.items.map((code) => html`<li><code style="font-size:18px;letter-spacing:2px;" dir="ltr">${code}</code></li>`)}</ul>`
      : '';
    const content = html`<h1 style="${styles.heading}">${data.heading}</h1>
${data.paragraphs.map((paragraph) => textToParagraphs(paragraph, styles.paragraph))}
${facts}
${codes}
${data.action ? button(data.action.url, data.action.label) : ''}`;
    return {
      subject,
      html: renderHtmlLayout({
        locale,
        subject,
        preheader: data.paragraphs[0] ?? subject,
        content,
        reason: data.reason,
        context,
      }),
      text: renderTextLayout({
        locale,
        blocks: [
          data.heading,
          ...data.paragraphs,
          data.facts.map((fact) => `${fact.label}: ${fact.value}`).join('\n'),
          data.codes ? `${data.codes.title}\n${data.codes.items.map((code) => `- ${code}`).join('\n')}` : '',
          data.action ? `${data.action.label}: ${data.action.url}` : '',
        ],
        reason: data.reason,
        context,
      }),
    };
  },
});
