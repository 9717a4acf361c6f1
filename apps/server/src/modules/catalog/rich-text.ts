import sanitizeHtml from 'sanitize-html';

/**
 * What a deal description may contain: text formatting, lists, headings and links. Scripts,
 * styles, event handlers (`onclick`), iframes and `javascript:` URLs are dropped, not refused:
 * a merchant pasting from a web page should not be blocked by markup they cannot see.
 */
const options: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'a'],
  // rel and target are always overwritten by the transform below.
  allowedAttributes: { a: ['href', 'title', 'rel', 'target'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Links in user content never pass reputation and never reach back to the opener.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer ugc', target: '_blank' }),
  },
};

export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, options).trim();
}

/** The words of the description, for the search index and meta descriptions. */
export function plainText(html: string): string {
  // Block boundaries separate words: "<li>a</li><li>b</li>" is "a b", not "ab".
  const spaced = html.replace(/<\/?(?:p|li|ul|ol|h[1-6]|br|div|blockquote)\b[^>]*>/gi, ' ');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
