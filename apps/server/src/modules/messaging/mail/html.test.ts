import { describe, expect, it } from 'vitest';
import { escapeHtml, html, oneLine, SafeHtml, textToParagraphs } from './html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves other text, Arabic included, untouched', () => {
    expect(escapeHtml('مرحبًا Souk 42')).toBe('مرحبًا Souk 42');
  });
});

describe('html', () => {
  it('escapes interpolated strings but not SafeHtml', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${'&'}</p>`.value).toBe('<p><b>&lt;i&gt;</b>&amp;</p>');
  });

  it('joins arrays and drops empty values', () => {
    expect(html`${['<', new SafeHtml('<br>')]}${null}${undefined}${false}${3}`.value).toBe('&lt;<br>3');
  });
});

describe('textToParagraphs', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    const out = textToParagraphs('one\ntwo\n\n<three>', 'margin:0').value;
    expect(out).toBe('<p style="margin:0">one<br>two</p><p style="margin:0">&lt;three&gt;</p>');
  });
});

describe('oneLine', () => {
  it('collapses newlines so a subject cannot carry a header', () => {
    expect(oneLine(' Hello\r\nBcc: evil@example.com ')).toBe('Hello Bcc: evil@example.com');
  });
});
