import { Button, Group } from '@mantine/core';
import type { ProductView } from '@souk/contracts/catalog';
import { useTranslation } from 'react-i18next';
import { ConfirmSubmit } from '../../../components/confirm-submit';

/** Preview, and the moves between statuses that make sense from the current one; each asks first. */
export function StatusActions({ product, disabled }: { product: ProductView; disabled: boolean }) {
  const { t } = useTranslation();
  const { status } = product;
  return (
    <Group gap="xs" wrap="wrap">
      <Button
        component="a"
        href={`/p/${product.slug}?preview=${product.id}`}
        target="_blank"
        rel="noopener"
        variant="default"
      >
        {t('productEditor.preview')}
      </Button>
      {(status === 'draft' || status === 'expired') && (
        <ConfirmSubmit
          fields={{ intent: 'publish' }}
          label={t('productEditor.publish')}
          question={t('productEditor.confirmPublish')}
          color="green.8"
          disabled={disabled || product.moderation.hold}
          data-testid="publish"
        />
      )}
      {status === 'published' && (
        <ConfirmSubmit
          fields={{ intent: 'unpublish' }}
          label={t('productEditor.unpublish')}
          question={t('productEditor.confirmUnpublish')}
          variant="default"
          disabled={disabled}
        />
      )}
      {status !== 'archived' && (
        <ConfirmSubmit
          fields={{ intent: 'archive' }}
          label={t('productEditor.archive')}
          question={t('productEditor.confirmArchive')}
          variant="default"
          disabled={disabled}
        />
      )}
      <ConfirmSubmit
        fields={{ intent: 'delete' }}
        label={t('productEditor.delete')}
        question={t('productEditor.confirmDelete')}
        color="red.8"
        variant="outline"
        disabled={disabled}
      />
    </Group>
  );
}
