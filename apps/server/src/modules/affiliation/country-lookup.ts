import type { CountryResponse } from 'maxmind';

/** The visitor's country from their address, when a local GeoIP database is configured. */
export interface CountryLookup {
  /** ISO 3166 alpha-2 code, or null when unknown. */
  country(ip: string): string | null;
}

/**
 * Opens a MaxMind-format (.mmdb) country or city database from disk. Nothing is downloaded:
 * without a path, countries are simply unknown.
 */
export async function openCountryLookup(path: string | undefined): Promise<CountryLookup | null> {
  if (!path) return null;
  const maxmind = await import('maxmind');
  const reader = await maxmind.open<CountryResponse>(path);
  return {
    country(ip) {
      try {
        return reader.get(ip)?.country?.iso_code ?? null;
      } catch {
        return null;
      }
    },
  };
}
