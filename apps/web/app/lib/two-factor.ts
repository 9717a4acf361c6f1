/** The second step of sign-in: which way the person proves it is them. */
export const twoFactorMethods = ['totp', 'backup', 'email'] as const;
export type TwoFactorMethod = (typeof twoFactorMethods)[number];

export function isTwoFactorMethod(value: unknown): value is TwoFactorMethod {
  return typeof value === 'string' && (twoFactorMethods as readonly string[]).includes(value);
}

/** The base32 secret of an otpauth:// URI, for people who type it instead of scanning. */
export function totpSecretOf(uri: string): string {
  try {
    return new URL(uri).searchParams.get('secret') ?? '';
  } catch {
    return '';
  }
}

/** "ABCD EFGH IJKL…": groups of four are easier to copy by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}
