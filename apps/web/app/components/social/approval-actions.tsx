import { Button, Group, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFetcher } from 'react-router';
import { ConfirmSubmit } from '../confirm-submit';

/**
 * Approve (one press) or reject (with a reason, after confirming) a post waiting for approval.
 * Both post to the current page's action with `intent` and `postId`.
 */
export function ApprovalActions({ postId }: { postId: string }) {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  return (
    <Group gap="sm" align="flex-start">
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="postId" value={postId} />
        <Button type="submit" color="green" loading={fetcher.state !== 'idle'} data-testid="approve">
          {t('social.post.approve')}
        </Button>
      </fetcher.Form>
      <ConfirmSubmit
        fields={{ intent: 'reject', postId }}
        label={t('social.post.reject')}
        question={t('social.post.rejectQuestion')}
        color="red"
        variant="light"
        testId="reject-form"
      >
        <Textarea name="reason" label={t('social.post.rejectReason')} required maxLength={1000} autosize minRows={2} />
      </ConfirmSubmit>
    </Group>
  );
}
