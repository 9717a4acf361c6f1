import { describe, expect, it } from 'vitest';
import { webUrl } from './web-url.ts';

describe('webUrl', () => {
  it('joins the public URL and a path with one slash', () => {
    expect(webUrl('https://souk.example', '/orders/1')).toBe('https://souk.example/orders/1');
    expect(webUrl('https://souk.example/', 'orders/1')).toBe('https://souk.example/orders/1');
  });

  it('keeps a path prefix of the public URL', () => {
    expect(webUrl('https://example.com/souk/', '/settings/notifications')).toBe(
      'https://example.com/souk/settings/notifications',
    );
  });
});
