/**
 * A voucher code as a person types it, shown the way it is printed: upper case, the letters
 * that Crockford's alphabet leaves out read as the digits they look like (O -> 0, I and L -> 1),
 * anything else dropped, then grouped by four ("ab12 cd34-ef5g" -> "AB12-CD34-EF5G"). The API
 * reads codes the same way; this only makes the typing visible and checkable at a glance.
 */
export function formatVoucherCode(typed: string): string {
  const characters = typed
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 12);
  return characters.match(/.{1,4}/g)?.join('-') ?? '';
}

/**
 * A scanned QR code holds either the code itself or a link that carries it (`?code=`, or as the
 * last segment of the path): the code is taken out either way.
 */
export function voucherCodeFromScan(text: string): string {
  const trimmed = text.trim();
  try {
    const url = new URL(trimmed);
    const fromQuery = url.searchParams.get('code');
    if (fromQuery) return formatVoucherCode(fromQuery);
    const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return formatVoucherCode(decodeURIComponent(last).replace(/\.svg$/i, ''));
  } catch {
    return formatVoucherCode(trimmed);
  }
}
