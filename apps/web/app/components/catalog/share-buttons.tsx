import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyTextButton } from '../copy-text-button';

/**
 * Plain links to each network's share page (no third-party script on our page), plus a copy
 * button. Links open in a new tab; `noopener` keeps the other site away from this window.
 */
export function ShareButtons({ url, title }: { url: string; title: string }) {
  const { t } = useTranslation();
  const encodedUrl = encodeURIComponent(url);
  const links = [
    { label: t('deal.shareWhatsApp'), href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { label: t('deal.shareFacebook'), href: `https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}` },
    {
      label: t('deal.shareX'),
      href: `https://twitter.com/intent/tweet?url=${encodedUrl}&text=${encodeURIComponent(title)}`,
    },
  ];
  return (
    <Group gap="xs" component="section" aria-label={t('deal.share')}>
      <Text size="sm" fw={600}>
        {t('deal.share')}
      </Text>
      {links.map((link) => (
        <Button
          key={link.label}
          component="a"
          href={link.href}
          target="_blank"
          rel="noopener noreferrer"
          size="compact-sm"
          variant="default"
        >
          {link.label}
        </Button>
      ))}
      <CopyTextButton value={url} label={t('deal.copyLink')} copiedLabel={t('deal.linkCopied')} />
    </Group>
  );
}
