import { ActionIcon, Box, Text } from '@mantine/core';
import type { ProductImageView } from '@souk/contracts/catalog';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRootData } from '../../lib/root-data';
import classes from './deal-gallery.module.css';
import { DealPicture } from './deal-picture';

/**
 * The deal's photos, full width. Without JavaScript it is a row of photos to swipe (CSS scroll
 * snapping); with it, previous/next buttons, arrow keys on the focused track and thumbnails move
 * between photos. The first photo is the page's largest paint: loaded eagerly, at high priority.
 */
export function DealGallery({ images, title }: { images: ProductImageView[]; title: string }) {
  const { t } = useTranslation();
  const rtl = useRootData().locale === 'ar';
  const trackRef = useRef<HTMLElement>(null);
  const [current, setCurrent] = useState(0);
  const count = images.length;

  const show = (index: number) => {
    const target = (index + count) % count;
    const slide = trackRef.current?.children[target];
    // `nearest` keeps the page itself from scrolling when the gallery is already in view.
    slide?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' });
    setCurrent(target);
  };

  const onScroll = () => {
    const track = trackRef.current;
    if (!track || track.clientWidth === 0) return;
    // scrollLeft is negative in right-to-left pages.
    setCurrent(Math.round(Math.abs(track.scrollLeft) / track.clientWidth));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward) show(current + 1);
    else if (event.key === backward) show(current - 1);
    else if (event.key === 'Home') show(0);
    else if (event.key === 'End') show(count - 1);
    else return;
    event.preventDefault();
  };

  if (count === 0) {
    return (
      <Box className={classes.track} style={{ display: 'grid', placeItems: 'center' }}>
        <Text c="dimmed">{t('deals.noImage')}</Text>
      </Box>
    );
  }

  return (
    <Box>
      <div className={classes.gallery}>
        {/* The APG carousel pattern: a labelled region, focusable so arrow keys move between photos. */}
        <section
          ref={trackRef}
          className={classes.track}
          aria-roledescription="carousel"
          aria-label={t('deal.galleryLabel')}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: focusable so the arrow keys can move between photos.
          tabIndex={0}
          onKeyDown={onKeyDown}
          onScroll={onScroll}
        >
          {images.map((image, index) => (
            <figure
              key={image.id}
              className={classes.slide}
              aria-roledescription="slide"
              aria-label={t('deal.gallerySlide', { index: index + 1, count })}
            >
              <DealPicture
                image={image}
                alt={image.alt || title}
                sizes="(max-width: 1200px) 100vw, 1200px"
                priority={index === 0}
              />
            </figure>
          ))}
        </section>
        {count > 1 && (
          <>
            <ActionIcon
              className={`${classes.arrow} ${classes.previous}`}
              variant="white"
              size="lg"
              radius="xl"
              aria-label={t('deal.galleryPrevious')}
              onClick={() => show(current - 1)}
            >
              <span aria-hidden="true">{rtl ? '›' : '‹'}</span>
            </ActionIcon>
            <ActionIcon
              className={`${classes.arrow} ${classes.next}`}
              variant="white"
              size="lg"
              radius="xl"
              aria-label={t('deal.galleryNext')}
              onClick={() => show(current + 1)}
            >
              <span aria-hidden="true">{rtl ? '‹' : '›'}</span>
            </ActionIcon>
          </>
        )}
      </div>
      {count > 1 && (
        <div className={classes.thumbnails}>
          {images.map((image, index) => (
            <button
              key={image.id}
              type="button"
              className={classes.thumbnail}
              aria-label={t('deal.galleryShow', { index: index + 1 })}
              aria-current={index === current}
              onClick={() => show(index)}
            >
              <DealPicture image={image} alt="" sizes="72px" />
            </button>
          ))}
        </div>
      )}
    </Box>
  );
}
