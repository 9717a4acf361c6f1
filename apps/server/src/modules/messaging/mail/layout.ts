import { directionOf, type Locale } from '@souk/contracts/locales';
import { webUrl } from '../web-url.ts';
import { html, type SafeHtml } from './html.ts';

/** What every template gets besides its data: where the web app lives, for absolute links. */
export interface MailRenderContext {
  publicUrl: string;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

const footerLabels: Record<Locale, { manage: string }> = {
  fr: { manage: 'Gérer mes notifications' },
  en: { manage: 'Manage my notifications' },
  ar: { manage: 'إدارة الإشعارات' },
};

const brand = {
  name: 'Souk',
  headerBackground: '#1f3d36',
  pageBackground: '#f4f1ec',
  accent: '#c2571a',
  text: '#1f2933',
  muted: '#6b7280',
  border: '#e5e1da',
};

// Tahoma carries Arabic glyphs on Windows clients where the Latin stack would fall back badly.
const fontStack = 'Segoe UI, Tahoma, Helvetica, Arial, sans-serif';

export function settingsUrl(context: MailRenderContext): string {
  return webUrl(context.publicUrl, '/settings/notifications');
}

/** Styles of the content blocks, aligned to the reading direction (mail clients ignore `start`). */
export function contentStyles(locale: Locale) {
  const align = directionOf(locale) === 'rtl' ? 'right' : 'left';
  return {
    heading: `margin:0 0 16px;font-family:${fontStack};font-size:22px;line-height:1.3;font-weight:700;color:${brand.text};text-align:${align};`,
    paragraph: `margin:0 0 16px;font-family:${fontStack};font-size:16px;line-height:1.6;color:${brand.text};text-align:${align};`,
  };
}

/** A "bulletproof" button: a table cell with a background, which every client renders. */
export function button(url: string, label: string): SafeHtml {
  return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 24px;border-collapse:separate;">
<tr><td style="border-radius:6px;background-color:${brand.accent};">
<a href="${url}" target="_blank" style="display:inline-block;padding:12px 24px;font-family:${fontStack};font-size:16px;font-weight:600;line-height:1.2;color:#ffffff;text-decoration:none;border-radius:6px;">${label}</a>
</td></tr>
</table>`;
}

export interface LayoutInput {
  locale: Locale;
  subject: string;
  /** Shown by inboxes next to the subject. */
  preheader: string;
  content: SafeHtml;
  /** Why the recipient gets this mail, in the mail's language. */
  reason: string;
  context: MailRenderContext;
}

/** The shell every mail shares: brand header, content card, footer with reason and settings link. */
export function renderHtmlLayout(input: LayoutInput): string {
  const direction = directionOf(input.locale);
  const align = direction === 'rtl' ? 'right' : 'left';
  const manageUrl = settingsUrl(input.context);
  return `<!DOCTYPE html>\n${html`<html lang="${input.locale}" dir="${direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${input.subject}</title>
</head>
<body style="margin:0;padding:0;background-color:${brand.pageBackground};" dir="${direction}">
<div style="display:none;max-height:0;overflow:hidden;opacity:0;color:transparent;">${input.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" dir="${direction}" style="background-color:${brand.pageBackground};">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" dir="${direction}" style="width:100%;max-width:600px;background-color:#ffffff;border-radius:8px;border:1px solid ${brand.border};">
<tr><td style="padding:20px 32px;background-color:${brand.headerBackground};border-radius:8px 8px 0 0;text-align:${align};">
<span style="font-family:${fontStack};font-size:24px;font-weight:700;letter-spacing:0.5px;color:#ffffff;">${brand.name}</span>
</td></tr>
<tr><td style="padding:32px;text-align:${align};">
${input.content}
</td></tr>
<tr><td style="padding:20px 32px;border-top:1px solid ${brand.border};font-family:${fontStack};font-size:13px;line-height:1.5;color:${brand.muted};text-align:${align};">
<p style="margin:0 0 8px;">${input.reason}</p>
<p style="margin:0;"><a href="${manageUrl}" target="_blank" style="color:${brand.muted};text-decoration:underline;">${footerLabels[input.locale].manage}</a></p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>`}`;
}

export interface TextLayoutInput {
  locale: Locale;
  /** Blocks of the body, separated by blank lines. */
  blocks: string[];
  reason: string;
  context: MailRenderContext;
}

/** The plain-text part: same content and footer, for clients and filters that read text only. */
export function renderTextLayout(input: TextLayoutInput): string {
  const footer = `${input.reason}\n${footerLabels[input.locale].manage}: ${settingsUrl(input.context)}`;
  const blocks = input.blocks.map((block) => block.trim()).filter(Boolean);
  return `${[brand.name, ...blocks, `--\n${footer}`].join('\n\n')}\n`;
}
