import { VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';
import classes from './navigation-progress.module.css';

/** A thin bar at the top of the page while a navigation or form submission is under way. */
export function NavigationProgress() {
  const navigation = useNavigation();
  const { t } = useTranslation();
  const busy = navigation.state !== 'idle';
  return (
    <>
      <div className={classes.bar} data-active={busy || undefined} aria-hidden="true" />
      <VisuallyHidden role="status">{busy ? t('site.loading') : ''}</VisuallyHidden>
    </>
  );
}
