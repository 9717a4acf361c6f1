import type { MediaInput, PlatformRules } from '@souk/contracts/social';

/** Characters as people count them (an emoji is one), which is how the platforms count. */
export function captionLength(caption: string): number {
  return [...caption].length;
}

const urlPattern = /(https?:\/\/[^\s]+)/g;

/** The caption cut into plain text and links, for previews that show links as the platform does. */
export function captionParts(caption: string): { text: string; link: boolean }[] {
  return caption
    .split(urlPattern)
    .filter((part) => part.length > 0)
    .map((part) => ({ text: part, link: /^https?:\/\//.test(part) }));
}

export type MediaProblem =
  | { kind: 'too_few'; min: number }
  | { kind: 'too_many'; max: number }
  | { kind: 'wrong_kind'; allowed: string[] }
  | { kind: 'ratio'; index: number; min: number | null; max: number | null }
  | { kind: 'too_big'; index: number; maxBytes: number };

/** What the platform would refuse in the chosen media, checked before sending. */
export function mediaProblems(rules: PlatformRules, media: MediaInput[]): MediaProblem[] {
  const problems: MediaProblem[] = [];
  if (media.length < rules.mediaMin) problems.push({ kind: 'too_few', min: rules.mediaMin });
  if (media.length > rules.mediaMax) problems.push({ kind: 'too_many', max: rules.mediaMax });
  if (media.some((item) => !rules.mediaKinds.includes(item.kind))) {
    problems.push({ kind: 'wrong_kind', allowed: rules.mediaKinds });
  }
  media.forEach((item, index) => {
    if (item.width && item.height && (rules.aspectRatioMin !== null || rules.aspectRatioMax !== null)) {
      const ratio = item.width / item.height;
      const low = rules.aspectRatioMin !== null && ratio < rules.aspectRatioMin - 0.005;
      const high = rules.aspectRatioMax !== null && ratio > rules.aspectRatioMax + 0.005;
      if (low || high) problems.push({ kind: 'ratio', index, min: rules.aspectRatioMin, max: rules.aspectRatioMax });
    }
    const maxBytes = item.kind === 'video' ? rules.maxVideoBytes : rules.maxImageBytes;
    if (item.bytes && maxBytes && item.bytes > maxBytes) problems.push({ kind: 'too_big', index, maxBytes });
  });
  return problems;
}

/** The first caption: the suggestion, its tracked link, then hashtags (within the platform's count). */
export function initialCaption(
  suggestion: { captions: string[]; hashtags: string[]; linkUrl: string | null } | undefined,
  fallbackText: string,
  fallbackLink: string | null,
  rules: PlatformRules,
): string {
  const text = suggestion?.captions[0] ?? fallbackText;
  const link = suggestion?.linkUrl ?? fallbackLink;
  const parts = [text];
  if (link && !text.includes(link)) parts.push(link);
  const hashtags = (suggestion?.hashtags ?? []).slice(0, rules.hashtagsMax ?? undefined);
  if (hashtags.length > 0 && !text.includes('#')) parts.push(hashtags.join(' '));
  return parts.join('\n\n');
}

/** Instagram captions do not make links clickable: the link is replaced by words pointing to the bio. */
export function withLinkInBio(caption: string, link: string | null, words: string): string {
  if (!link || !caption.includes(link)) return caption;
  return caption.replace(link, words);
}

export function withoutLinkInBio(caption: string, link: string | null, words: string): string {
  if (!link || !caption.includes(words)) return caption;
  return caption.replace(words, link);
}

/** A size in megabytes, for the rules' text. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / 1_000_000);
}
