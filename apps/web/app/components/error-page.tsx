import { Button, Code, Stack, Text, Title } from '@mantine/core';
import type { Problem } from '@souk/contracts/errors';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link } from 'react-router';
import { PageTitle } from './page-title';

function problemOf(error: unknown): Pick<Problem, 'title' | 'requestId'> | null {
  if (!isRouteErrorResponse(error) || typeof error.data !== 'object' || error.data === null) return null;
  const { title, requestId } = error.data as Partial<Problem>;
  return typeof title === 'string' && typeof requestId === 'string' ? { title, requestId } : null;
}

/** What any error boundary shows: the status, a translated explanation and a way home. */
export function ErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const problem = problemOf(error);

  let title: string;
  let text: string;
  if (status === 404) {
    title = t('errors.notFoundTitle');
    text = t('errors.notFoundText');
  } else if (status === 403) {
    title = t('errors.forbiddenTitle');
    text = t('errors.forbiddenText');
  } else {
    title = problem?.title ?? t('errors.genericTitle');
    text = t('errors.genericText');
  }

  return (
    <Stack align="center" ta="center" gap="md" py={64} maw={560} mx="auto">
      <PageTitle>{title}</PageTitle>
      <Text c="dimmed" fw={600}>
        {t('errors.status', { status })}
      </Text>
      <Title order={1}>{title}</Title>
      <Text>{text}</Text>
      {problem && (
        <Text size="sm" c="dimmed">
          {t('errors.reference', { id: problem.requestId })}
        </Text>
      )}
      <Button component={Link} to="/">
        {t('errors.backHome')}
      </Button>
      {import.meta.env.DEV && error instanceof Error && error.stack && (
        <Code block ta="start" w="100%">
          {error.stack}
        </Code>
      )}
    </Stack>
  );
}
