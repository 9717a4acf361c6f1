import QRCode from 'qrcode';

/**
 * An SVG QR code, drawn on the server so the setup page needs no script and no third party.
 * Dark on white with a quiet zone, as camera apps expect, whatever the page's colors.
 */
export function qrCodeSvg(text: string): Promise<string> {
  return QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
