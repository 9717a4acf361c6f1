import { Group } from '@mantine/core';
import { type Locale, locales } from '@souk/contracts/locales';
import { useTranslation } from 'react-i18next';
import { Form, useLocation } from 'react-router';
import { useRootData } from '../lib/root-data';
import { SubmitButton } from './submit-button';

/** Each language is named in itself, so people find their own whatever the current language. */
export const languageNames: Record<Locale, string> = { fr: 'Français', en: 'English', ar: 'العربية' };

/**
 * A plain POST form, so switching works without JavaScript. The current page travels in the
 * form because the API's Referrer-Policy may keep browsers from sending a Referer.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const { locale } = useRootData();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" preventScrollReset>
      <input type="hidden" name="returnTo" value={`${location.pathname}${location.search}`} />
      <Group gap={4} role="group" aria-label={t('language.label')} wrap="nowrap">
        {locales.map((code) => (
          <SubmitButton
            key={code}
            action="/locale"
            name="locale"
            value={code}
            lang={code}
            size="compact-sm"
            variant={code === locale ? 'light' : 'subtle'}
            aria-current={code === locale ? 'true' : undefined}
          >
            {languageNames[code]}
          </SubmitButton>
        ))}
      </Group>
    </Form>
  );
}
