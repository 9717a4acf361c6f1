import type { MediaInput, TargetOptions } from '@souk/contracts/social';
import type { SocialProviderAdapter, ValidationIssue } from './providers/types.ts';

const megabyte = 1024 * 1024;

export function hashtagsIn(caption: string): string[] {
  return caption.match(/(?:^|\s)#[\p{L}\p{N}_]+/gu)?.map((tag) => tag.trim()) ?? [];
}

/**
 * The platform's published rules checked before anything is queued: length, media count, kind,
 * shape and weight, public media addresses, then the provider's own checks (TikTok's privacy...).
 */
export function validateForPlatform(
  provider: SocialProviderAdapter,
  input: { caption: string; media: MediaInput[]; options: TargetOptions; linkUrl: string | null },
): ValidationIssue[] {
  const { rules } = provider;
  const issues: ValidationIssue[] = [];
  if ([...input.caption].length > rules.captionMaxLength) {
    issues.push({ path: 'caption', code: 'caption_too_long', values: { max: rules.captionMaxLength } });
  }
  if (rules.titleMaxLength !== null && (input.options.title?.length ?? 0) > rules.titleMaxLength) {
    issues.push({ path: 'options.title', code: 'title_too_long', values: { max: rules.titleMaxLength } });
  }
  if (input.media.length < rules.mediaMin)
    issues.push({ path: 'media', code: 'too_few_media', values: { min: rules.mediaMin } });
  if (input.media.length > rules.mediaMax)
    issues.push({ path: 'media', code: 'too_many_media', values: { max: rules.mediaMax } });
  if (rules.hashtagsMax !== null && hashtagsIn(input.caption).length > rules.hashtagsMax) {
    issues.push({ path: 'caption', code: 'too_many_hashtags', values: { max: rules.hashtagsMax } });
  }
  input.media.forEach((item, index) => {
    const path = `media.${index}`;
    if (!rules.mediaKinds.includes(item.kind)) issues.push({ path, code: 'media_kind_unsupported' });
    if (!/^https?:\/\//i.test(item.url)) issues.push({ path, code: 'media_url_not_public' });
    const ratio = item.width && item.height ? item.width / item.height : null;
    if (
      ratio !== null &&
      item.kind === 'image' &&
      ((rules.aspectRatioMin !== null && ratio < rules.aspectRatioMin - 0.005) ||
        (rules.aspectRatioMax !== null && ratio > rules.aspectRatioMax + 0.005))
    ) {
      issues.push({
        path,
        code: 'media_ratio',
        values: { min: rules.aspectRatioMin ?? 0, max: rules.aspectRatioMax ?? 0 },
      });
    }
    const limit = item.kind === 'image' ? rules.maxImageBytes : rules.maxVideoBytes;
    if (limit !== null && item.bytes !== undefined && item.bytes > limit) {
      issues.push({ path, code: 'media_too_large', values: { max: Math.round(limit / megabyte) } });
    }
  });
  return [...issues, ...provider.validate(input)];
}
