import { Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import classes from './site-shell.module.css';

/** Header, main content and footer: every page, error pages included, sits in this frame. */
export function SiteShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={classes.shell}>
      <a href="#main" className={classes.skipLink}>
        {t('site.skipToContent')}
      </a>
      <SiteHeader />
      <main id="main" tabIndex={-1} className={classes.main}>
        <Container size="lg">{children}</Container>
      </main>
      <SiteFooter />
    </div>
  );
}
