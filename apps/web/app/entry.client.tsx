import { defaultLocale, isLocale } from '@souk/contracts/locales';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';
import { loadWords } from './lib/load-words';

/**
 * React Router's default browser entry, once the words of the page's language (the `lang` the
 * server rendered it in) are loaded: the first render must say what the server said.
 */
const lang = document.documentElement.lang;
void loadWords(isLocale(lang) ? lang : defaultLocale).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});
