import QRCode from 'qrcode';
import { formatVoucherCode } from './voucher-codes.ts';

/**
 * What a voucher's QR code holds: the merchant's redemption page with the code, so any phone
 * camera opens the right screen; the redemption screen's scanner reads the code out of it.
 */
export function voucherQrContent(publicUrl: string, code: string): string {
  return `${publicUrl}/merchant/redeem?code=${formatVoucherCode(code)}`;
}

export function voucherQrSvg(publicUrl: string, code: string): Promise<string> {
  return QRCode.toString(voucherQrContent(publicUrl, code), { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** The dark modules of the QR code, for drawing it into a PDF. */
export function voucherQrMatrix(
  publicUrl: string,
  code: string,
): { size: number; dark: (x: number, y: number) => boolean } {
  const qr = QRCode.create(voucherQrContent(publicUrl, code), { errorCorrectionLevel: 'M' });
  const { size, data } = qr.modules;
  return { size, dark: (x, y) => Boolean(data[y * size + x]) };
}
