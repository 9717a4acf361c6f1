import { PassThrough, type Transform } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { createReadableStreamFromReadable } from '@react-router/node';
import { isbot } from 'isbot';
import type { RenderToPipeableStreamOptions } from 'react-dom/server';
import { renderToPipeableStream } from 'react-dom/server';
import type { EntryContext } from 'react-router';
import { ServerRouter } from 'react-router';
import { paintFirst } from './lib/paint-first.server';
// Every language's words, registered for the server's renders.
import './lib/translations.server';

export const streamTimeout = 5_000;

/**
 * The page's HTML, compressed when the browser accepts it: a deal page is ~90 kB of HTML (prices,
 * description, structured data, the hydration data), ~15 kB once compressed — on a phone's slow
 * connection that is most of the time to first paint. Brotli at a low quality compresses as fast
 * as gzip and still streams (each chunk React writes is flushed).
 */
function compressorFor(request: Request): { encoding: string; stream: Transform } | null {
  const accepted = request.headers.get('accept-encoding') ?? '';
  if (/\bbr\b/.test(accepted)) {
    return {
      encoding: 'br',
      stream: createBrotliCompress({
        flush: constants.BROTLI_OPERATION_FLUSH,
        params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
      }),
    };
  }
  if (/\bgzip\b/.test(accepted)) return { encoding: 'gzip', stream: createGzip({ flush: constants.Z_SYNC_FLUSH }) };
  return null;
}

/**
 * React Router's default Node entry, plus compression (see compressorFor) and the page's
 * scripts started once it is painted (see paintFirst).
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders });
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get('user-agent');
    // Crawlers get the complete document at once.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady';
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(<ServerRouter context={routerContext} url={request.url} />, {
      [readyOption]() {
        shellRendered = true;
        const body = new PassThrough({
          final(callback) {
            clearTimeout(timeoutId);
            timeoutId = undefined;
            callback();
          },
        });
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        responseHeaders.append('Vary', 'Accept-Encoding');
        const compressor = compressorFor(request);
        let output: NodeJS.ReadableStream = body.pipe(paintFirst());
        if (compressor) {
          responseHeaders.set('Content-Encoding', compressor.encoding);
          output = output.pipe(compressor.stream);
        }
        pipe(body);
        resolve(
          new Response(createReadableStreamFromReadable(output as PassThrough), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        // Errors inside the shell are logged here; shell errors are logged by React Router.
        if (shellRendered) console.error(error);
      },
    });
  });
}
