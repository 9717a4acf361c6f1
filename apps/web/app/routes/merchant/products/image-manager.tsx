import { ActionIcon, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ProductImageView } from '@souk/contracts/catalog';
import { type DragEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form, useSubmit } from 'react-router';
import { ConfirmSubmit } from '../../../components/confirm-submit';
import { SubmitButton } from '../../../components/submit-button';
import classes from './image-manager.module.css';

const acceptedTypes = 'image/jpeg,image/png,image/webp,image/avif';

function thumbnailUrl(image: ProductImageView): string {
  return image.variants.find((variant) => variant.format === 'webp')?.url ?? image.url;
}

/** The new order of ids after moving `id` to `targetIndex`. */
export function movedOrder(ids: string[], id: string, targetIndex: number): string[] {
  const rest = ids.filter((other) => other !== id);
  const index = Math.max(0, Math.min(targetIndex, rest.length));
  return [...rest.slice(0, index), id, ...rest.slice(index)];
}

/**
 * Photos of a saved deal: upload several at once, alt text, order, delete. Order changes by drag
 * and drop, and by "up"/"down" buttons for keyboards and screen readers (which also work without
 * JavaScript: each is a small form).
 */
export function ImageManager({
  images,
  disabled,
  errors,
}: {
  images: ProductImageView[];
  disabled: boolean;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const submit = useSubmit();
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const ids = images.map((image) => image.id);

  const onDrop = (event: DragEvent, targetId: string) => {
    event.preventDefault();
    setDropTarget(null);
    if (!dragged || dragged === targetId) return;
    const order = movedOrder(ids, dragged, ids.indexOf(targetId));
    setDragged(null);
    submit({ intent: 'image-order', ids: order.join(',') }, { method: 'post', preventScrollReset: true });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="images-title">
      <Stack gap="md">
        <Title order={2} size="h4" id="images-title">
          {t('productEditor.sectionImages')}
        </Title>
        <Form method="post" encType="multipart/form-data" preventScrollReset>
          <Stack gap="xs">
            <label htmlFor="product-images">
              <Text size="sm" fw={500}>
                {t('productEditor.imagesChoose')}
              </Text>
            </label>
            <Text size="xs" c="dimmed" id="product-images-help">
              {t('productEditor.imagesHint')}
            </Text>
            <Group gap="sm" align="center">
              <input
                id="product-images"
                type="file"
                name="files"
                multiple
                accept={acceptedTypes}
                disabled={disabled}
                aria-describedby="product-images-help"
                className={classes.fileInput}
              />
              <SubmitButton name="intent" value="upload-images" variant="light" disabled={disabled}>
                {t('productEditor.imagesUpload')}
              </SubmitButton>
            </Group>
            {errors.files && (
              <Text size="sm" c="red.8" role="alert">
                {errors.files}
              </Text>
            )}
          </Stack>
        </Form>

        {images.length === 0 ? (
          <Text c="dimmed">{t('productEditor.imagesEmpty')}</Text>
        ) : (
          <ol className={classes.list} data-testid="product-images">
            {images.map((image, index) => (
              <li
                key={image.id}
                className={classes.row}
                draggable={!disabled}
                data-dragging={dragged === image.id}
                data-drop-target={dropTarget === image.id}
                data-image-id={image.id}
                onDragStart={(event) => {
                  event.dataTransfer.effectAllowed = 'move';
                  event.dataTransfer.setData('text/plain', image.id);
                  setDragged(image.id);
                }}
                onDragEnd={() => {
                  setDragged(null);
                  setDropTarget(null);
                }}
                onDragOver={(event) => {
                  event.preventDefault();
                  setDropTarget(image.id);
                }}
                onDrop={(event) => onDrop(event, image.id)}
              >
                <img
                  src={thumbnailUrl(image)}
                  alt={image.alt}
                  width={96}
                  height={72}
                  className={`${classes.thumbnail} ${classes.handle}`}
                  loading="lazy"
                />
                <Stack gap="xs">
                  <Text size="sm" fw={600}>
                    {t('productEditor.imagePosition', { index: index + 1 })}
                  </Text>
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="imageId" value={image.id} />
                    <Group gap="xs" align="flex-end" wrap="wrap">
                      <TextInput
                        name="alt"
                        label={t('productEditor.imageAlt')}
                        description={t('productEditor.imageAltHelp')}
                        defaultValue={image.alt}
                        maxLength={300}
                        disabled={disabled}
                        style={{ flex: '1 1 14rem' }}
                        error={errors.imageId === image.id ? errors.alt : undefined}
                      />
                      <SubmitButton name="intent" value="image-alt" variant="default" disabled={disabled}>
                        {t('productEditor.imageSaveAlt')}
                      </SubmitButton>
                    </Group>
                  </Form>
                  <Group gap="xs">
                    <MoveButton imageId={image.id} direction="up" index={index} disabled={disabled || index === 0} />
                    <MoveButton
                      imageId={image.id}
                      direction="down"
                      index={index}
                      disabled={disabled || index === images.length - 1}
                    />
                    <ConfirmSubmit
                      fields={{ intent: 'image-delete', imageId: image.id }}
                      label={t('productEditor.imageDelete', { index: index + 1 })}
                      question={t('productEditor.imageDelete', { index: index + 1 })}
                      color="red.8"
                      variant="subtle"
                      size="compact-sm"
                      disabled={disabled}
                    />
                  </Group>
                </Stack>
              </li>
            ))}
          </ol>
        )}
      </Stack>
    </Paper>
  );
}

function MoveButton({
  imageId,
  direction,
  index,
  disabled,
}: {
  imageId: string;
  direction: 'up' | 'down';
  index: number;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const label =
    direction === 'up'
      ? t('productEditor.imageMoveUp', { index: index + 1 })
      : t('productEditor.imageMoveDown', { index: index + 1 });
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="imageId" value={imageId} />
      <input type="hidden" name="direction" value={direction} />
      <ActionIcon
        type="submit"
        name="intent"
        value="image-move"
        variant="default"
        size="lg"
        aria-label={label}
        disabled={disabled}
      >
        <span aria-hidden="true">{direction === 'up' ? '↑' : '↓'}</span>
      </ActionIcon>
    </Form>
  );
}
