import { Alert, Badge, Group, Rating, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Form } from 'react-router';
import { SubmitButton } from '../submit-button';

/**
 * A verified-purchase review: stars (a radio group, so it works from the keyboard and without
 * JavaScript), a title and the text. Folded in a disclosure so the order list stays short.
 */
export function ReviewForm({
  productId,
  feedback,
}: {
  productId: string;
  feedback?: { error: string; fieldErrors: Record<string, string> };
}) {
  const { t } = useTranslation();
  const [rating, setRating] = useState(5);
  return (
    <details open={feedback !== undefined} data-testid="review-disclosure">
      <summary style={{ cursor: 'pointer' }}>
        <Text span fw={600}>
          {t('buyerOrders.reviewTitle')}
        </Text>
      </summary>
      <Form method="post" data-testid="review-form">
        <input type="hidden" name="productId" value={productId} />
        <Stack gap="sm" mt="sm" maw={560}>
          <Group gap="xs">
            <Badge color="teal" variant="light">
              {t('buyerOrders.verifiedPurchase')}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('buyerOrders.reviewIntro')}
            </Text>
          </Group>
          {feedback && (
            <Alert color="red" role="alert">
              {feedback.error}
            </Alert>
          )}
          <div>
            <Text size="sm" fw={500} id={`rating-${productId}`}>
              {t('buyerOrders.rating')}
            </Text>
            <Rating
              name="rating"
              value={rating}
              onChange={setRating}
              size="lg"
              aria-labelledby={`rating-${productId}`}
              getSymbolLabel={(value) => t('buyerOrders.stars', { count: value })}
              data-testid="review-rating"
            />
          </div>
          <TextInput
            name="title"
            label={t('buyerOrders.reviewHeading')}
            maxLength={160}
            error={feedback?.fieldErrors.title}
          />
          <Textarea
            name="body"
            label={t('buyerOrders.reviewBody')}
            required
            minLength={3}
            maxLength={3000}
            autosize
            minRows={3}
            error={feedback?.fieldErrors.body}
          />
          <SubmitButton style={{ alignSelf: 'flex-start' }} data-testid="send-review">
            {t('buyerOrders.sendReview')}
          </SubmitButton>
        </Stack>
      </Form>
    </details>
  );
}
