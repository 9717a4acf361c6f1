/** The few XML documents of CMI's API (CC5Request / CC5Response): flat, so built and read by hand. */

export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function unescapeXml(value: string): string {
  return value
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}

export function cc5Document(root: 'CC5Request' | 'CC5Response', fields: Record<string, string>): string {
  const body = Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${root}>${body}</${root}>`;
}

/** Top-level text elements of a CC5 document (nested ones, like Extra, are read by name). */
export function readCc5(xml: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of xml.matchAll(/<([A-Za-z][\w.]*)>([^<]*)<\/\1>/g)) {
    const [, name, value] = match;
    if (name && !(name in fields)) fields[name] = unescapeXml(value ?? '');
  }
  return fields;
}
