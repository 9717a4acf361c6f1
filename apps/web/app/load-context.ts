import 'react-router';

declare module 'react-router' {
  /**
   * What the server hands every loader and action (see apps/server/src/web/ssr-plugin.ts).
   * Going through `api` means the web app sees exactly what any other API client sees.
   */
  interface AppLoadContext {
    /** Calls the API in-process as the visitor: their cookies and language are forwarded. */
    api(path: string, init?: RequestInit): Promise<Response>;
    requestId: string;
    /** The site's public origin (`https://souk.ma`), for canonical URLs and social cards. */
    publicOrigin: string;
  }
}
