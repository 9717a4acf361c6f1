/** The test cards published with public CMI kits, and what the sandbox does with each. */
export type CardVerdict =
  | { kind: 'approved'; brand: 'VISA' | 'MASTERCARD' }
  | { kind: 'three_ds'; brand: 'MASTERCARD' }
  | { kind: 'declined'; code: '05' | '54' | '14'; reason: 'declinedUnknownCard' | 'declinedCvc' | 'declinedExpired' };

const testCards: Record<string, { brand: 'VISA' | 'MASTERCARD'; cvc: string; threeDs: boolean }> = {
  '4000000000000010': { brand: 'VISA', cvc: '000', threeDs: false },
  '5453010000066100': { brand: 'MASTERCARD', cvc: '000', threeDs: false },
  '5191630100004896': { brand: 'MASTERCARD', cvc: '000', threeDs: true },
};

/** The code the 3-D Secure step asks for with the 3-D Secure test card. */
export const threeDsTestCode = '123';

function expiryValid(expiry: string, now: Date): boolean {
  const match = /^(\d{2})\s*\/\s*(\d{2})$/.exec(expiry.trim());
  if (!match) return false;
  const month = Number(match[1]);
  const year = 2000 + Number(match[2]);
  if (month < 1 || month > 12) return false;
  return year > now.getUTCFullYear() || (year === now.getUTCFullYear() && month >= now.getUTCMonth() + 1);
}

export function judgeCard(input: { number: string; expiry: string; cvc: string }, now = new Date()): CardVerdict {
  const number = input.number.replace(/[\s-]/g, '');
  const card = testCards[number];
  if (!card) return { kind: 'declined', code: '14', reason: 'declinedUnknownCard' };
  if (!expiryValid(input.expiry, now)) return { kind: 'declined', code: '54', reason: 'declinedExpired' };
  if (card.threeDs) return { kind: 'three_ds', brand: 'MASTERCARD' };
  if (input.cvc.trim() !== card.cvc) return { kind: 'declined', code: '05', reason: 'declinedCvc' };
  return { kind: 'approved', brand: card.brand };
}

export function maskCard(number: string): string {
  const digits = number.replace(/\D/g, '');
  return `${digits.slice(0, 6)}******${digits.slice(-4)}`;
}
