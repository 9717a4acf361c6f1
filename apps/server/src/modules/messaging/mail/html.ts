/**
 * A tiny HTML builder for mails: every interpolated value is escaped unless it is already
 * SafeHtml, so a template cannot forget to escape user-provided text.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => entities[character] ?? character);
}

type Interpolation = SafeHtml | string | number | null | undefined | false | readonly Interpolation[];

function toHtml(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toHtml).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += toHtml(value) + (strings[index + 1] ?? '');
  });
  return new SafeHtml(out);
}

/** Plain text to paragraphs: blank lines split paragraphs, single newlines become <br>. */
export function textToParagraphs(text: string, style: string): SafeHtml {
  const paragraphs = text
    .trim()
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph.trim() !== '');
  return html`${paragraphs.map(
    (paragraph) =>
      html`<p style="${style}">${paragraph.split('\n').map((line, index) => (index === 0 ? line : html`<br>${line}`))}</p>`,
  )}`;
}

/** Subjects and titles are one line: a newline there is either a mistake or a header injection. */
export function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
