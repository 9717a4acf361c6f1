import { describe, expect, it } from 'vitest';
import { plainText, sanitizeDescription } from './rich-text.ts';

describe('deal descriptions', () => {
  it('strips scripts, event handlers, styles and javascript: links, keeping formatting', () => {
    const html = sanitizeDescription(
      '<h2 style="color:red">Titre</h2><p onmouseover="x()">Texte <em>beau</em></p><script>steal()</script>' +
        '<iframe src="https://evil.test"></iframe><a href="javascript:alert(1)">a</a><img src=x onerror=alert(1)>',
    );
    expect(html).toBe(
      '<h2>Titre</h2><p>Texte <em>beau</em></p><a rel="nofollow noopener noreferrer ugc" target="_blank">a</a>',
    );
  });

  it('marks links as untrusted and reduces to text for the search index', () => {
    expect(sanitizeDescription('<a href="https://souk.test" rel="me" target="_self">x</a>')).toBe(
      '<a href="https://souk.test" rel="nofollow noopener noreferrer ugc" target="_blank">x</a>',
    );
    expect(plainText('<p>Un&nbsp;<strong>massage</strong></p><ul><li>Thé</li></ul>')).toBe('Un massage Thé');
  });
});
