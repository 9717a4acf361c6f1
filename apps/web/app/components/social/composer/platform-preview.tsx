import { Anchor, AspectRatio, Avatar, Badge, Box, Group, Image, Paper, Stack, Text } from '@mantine/core';
import type { MediaInput, PlatformRules, SocialProvider } from '@souk/contracts/social';
import { useTranslation } from 'react-i18next';
import { captionParts } from '../../../lib/social/compose-rules';

interface PreviewProps {
  provider: SocialProvider;
  rules: PlatformRules;
  caption: string;
  media: MediaInput[];
  handle: string;
  title?: string;
  subreddit?: string;
}

/** The caption as the platform shows it: links clickable only where the platform makes them so. */
function CaptionText({ caption, clickable }: { caption: string; clickable: boolean }) {
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
      {captionParts(caption).map((part, index) =>
        part.link && clickable ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, in order.
          <Anchor key={index} href={part.text} target="_blank" rel="noopener noreferrer" inherit dir="ltr">
            {part.text}
          </Anchor>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts of one string, in order.
          <span key={index} dir={part.link ? 'ltr' : undefined}>
            {part.text}
          </span>
        ),
      )}
    </Text>
  );
}

function Picture({ media, ratio }: { media: MediaInput | undefined; ratio: number }) {
  const { t } = useTranslation();
  return (
    <AspectRatio ratio={ratio} bg="gray.1">
      {media ? (
        <Image src={media.url} alt={media.altText ?? ''} fit="cover" />
      ) : (
        <Text size="xs" c="dimmed" ta="center">
          {t('social.compose.noMedia')}
        </Text>
      )}
    </AspectRatio>
  );
}

/**
 * A faithful-enough mock of the post on each platform: the frame, where the caption sits, and
 * whether the link can be clicked. It is a preview, not a promise of pixel equality.
 */
export function PlatformPreview({ provider, rules, caption, media, handle, title, subreddit }: PreviewProps) {
  const { t } = useTranslation();
  const clickable = rules.linkHandling === 'clickable' || rules.linkHandling === 'post_url';
  const header = (
    <Group gap="xs" p="xs" wrap="nowrap">
      <Avatar size="sm" radius="xl">
        {handle.slice(0, 1).toUpperCase()}
      </Avatar>
      <Text size="sm" fw={600} dir="ltr">
        {provider === 'reddit' ? `r/${subreddit || '…'}` : `@${handle}`}
      </Text>
      {media.length > 1 && (
        <Badge size="xs" variant="light" ms="auto">
          1/{media.length}
        </Badge>
      )}
    </Group>
  );
  if (provider === 'tiktok') {
    return (
      <Paper withBorder radius="md" maw={260} bg="dark.7" c="white" data-testid="preview" data-provider={provider}>
        <Box pos="relative">
          <Picture media={media[0]} ratio={9 / 16} />
          <Stack gap={4} pos="absolute" bottom={0} left={0} right={0} p="xs" bg="rgba(0,0,0,0.55)">
            <Text size="sm" fw={600} dir="ltr">
              @{handle}
            </Text>
            <CaptionText caption={caption} clickable={false} />
          </Stack>
        </Box>
      </Paper>
    );
  }
  if (provider === 'reddit') {
    return (
      <Paper withBorder radius="md" maw={420} data-testid="preview" data-provider={provider}>
        {header}
        <Stack gap="xs" p="xs" pt={0}>
          <Text fw={700} dir="auto">
            {title || t('social.compose.redditTitleMissing')}
          </Text>
          {media[0] && <Picture media={media[0]} ratio={16 / 9} />}
          <CaptionText caption={caption} clickable />
        </Stack>
      </Paper>
    );
  }
  const ratio = provider === 'instagram' ? 1 : 1.91;
  return (
    <Paper withBorder radius="md" maw={420} data-testid="preview" data-provider={provider}>
      {header}
      {provider === 'instagram' ? (
        <>
          <Picture media={media[0]} ratio={ratio} />
          <Box p="xs">
            <CaptionText caption={caption} clickable={clickable} />
          </Box>
        </>
      ) : (
        <>
          <Box p="xs" pt={0}>
            <CaptionText caption={caption} clickable={clickable} />
          </Box>
          <Picture media={media[0]} ratio={ratio} />
        </>
      )}
    </Paper>
  );
}
