/**
 * Latin-only text for the PDF's standard font: Arabic letters are transliterated the way Moroccan
 * names and places are usually written in French (ش -> ch, ج -> j, و -> ou), short vowels and
 * diacritics dropped; anything else the font cannot draw becomes "?", never a broken glyph.
 */
const arabic: Record<string, string> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ء: "'",
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'ch',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: "'",
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ة: 'a',
  و: 'ou',
  ي: 'i',
  ى: 'a',
  ئ: "'",
  ؤ: "'",
  ڭ: 'g',
  ڤ: 'v',
  پ: 'p',
  '٠': '0',
  '١': '1',
  '٢': '2',
  '٣': '3',
  '٤': '4',
  '٥': '5',
  '٦': '6',
  '٧': '7',
  '٨': '8',
  '٩': '9',
  '،': ',',
  '؛': ';',
  '؟': '?',
  ـ: '',
};

/** Characters Helvetica (WinAnsi) draws. */
const winAnsiExtras = new Set([...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ']);

function drawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || winAnsiExtras.has(char);
}

export function pdfSafeText(value: string): string {
  let out = '';
  for (const char of value.normalize('NFC')) {
    if (char in arabic) out += arabic[char];
    else if (/[\u064B-\u0652\u0670]/.test(char)) continue;
    else if (char === '\n' || char === '\t') out += ' ';
    else if (drawable(char)) out += char;
    else if (/[\u202F\u00A0]/.test(char)) out += ' ';
    else out += '?';
  }
  // Words in Arabic are written right to left; transliterated, they read left to right as usual.
  return out.replace(/\s+/g, ' ').trim();
}
