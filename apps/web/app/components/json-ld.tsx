/**
 * Structured data for search engines (schema.org as JSON-LD). `<` is escaped so text typed by a
 * merchant can never close the script element.
 */
export function JsonLd({ data }: { data: Record<string, unknown> | Record<string, unknown>[] }) {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON with `<` escaped cannot break out of the script.
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}
