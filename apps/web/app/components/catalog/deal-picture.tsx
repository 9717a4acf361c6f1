import type { ProductImageView } from '@souk/contracts/catalog';
import { preload } from 'react-dom';

function srcSetOf(image: ProductImageView, format: 'avif' | 'webp'): string {
  return image.variants
    .filter((variant) => variant.format === format)
    .map((variant) => `${variant.url} ${variant.width}w`)
    .join(', ');
}

/**
 * One photo: AVIF, then WebP resized copies through <picture>/srcset so a phone downloads a
 * phone-sized file, the intrinsic size on <img> (no layout shift), and the tiny blurred
 * placeholder painted behind it while it loads. Only the page's main photo loads eagerly.
 */
export function DealPicture({
  image,
  alt,
  sizes,
  priority = false,
}: {
  image: ProductImageView;
  alt: string;
  sizes: string;
  priority?: boolean;
}) {
  const avif = srcSetOf(image, 'avif');
  const webp = srcSetOf(image, 'webp');
  if (priority) {
    // The main photo is the page's largest paint. Preloaded with a high priority, React writes it
    // at the top of <head>: requested before the two dozen script preloads take every connection,
    // not when the parser reaches it. Same candidates and sizes as the <picture> below, so the
    // browser downloads one file.
    const [srcSet, type] = avif ? [avif, 'image/avif'] : webp ? [webp, 'image/webp'] : [undefined, undefined];
    preload(image.url, {
      as: 'image',
      fetchPriority: 'high',
      ...(srcSet ? { imageSrcSet: srcSet, imageSizes: sizes, type } : {}),
    });
  }
  return (
    <picture>
      {avif && <source type="image/avif" srcSet={avif} sizes={sizes} />}
      {webp && <source type="image/webp" srcSet={webp} sizes={sizes} />}
      <img
        src={image.url}
        alt={alt}
        width={image.width}
        height={image.height}
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : 'auto'}
        decoding="async"
        style={{ backgroundImage: `url("${image.placeholder}")`, backgroundSize: 'cover' }}
      />
    </picture>
  );
}
