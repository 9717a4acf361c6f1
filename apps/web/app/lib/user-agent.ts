/** Checked in order: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux". */
const browsers: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, 'Edge'],
  [/\bOPR\//, 'Opera'],
  [/\bFirefox\//, 'Firefox'],
  [/Chrome\/|CriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
];
const systems: [RegExp, string][] = [
  [/Android/, 'Android'],
  [/iPhone|iPad|iPod/, 'iOS'],
  [/CrOS/, 'ChromeOS'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

function firstMatch(userAgent: string, candidates: [RegExp, string][]): string | undefined {
  return candidates.find(([pattern]) => pattern.test(userAgent))?.[1];
}

/** "Chrome — Linux" from a User-Agent header; null when there is nothing to go on. */
export function describeDevice(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const parts = [firstMatch(userAgent, browsers), firstMatch(userAgent, systems)].filter(Boolean);
  return parts.length ? parts.join(' — ') : null;
}
