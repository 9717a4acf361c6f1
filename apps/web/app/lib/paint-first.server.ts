import { Transform } from 'node:stream';

const modulePreload = /<link rel="modulepreload" href="([^"]+)"\/>/g;
const moduleScriptStart = '<script type="module" async="">';
const scriptEnd = '</script>';

/**
 * The script that starts the page's modules once the browser has painted it: on the first frame
 * (a timer queued from `requestAnimationFrame` runs after that frame is painted), or after 3 s
 * when no frame comes (a tab opened in the background). It adds the module preloads the head
 * no longer has, then runs React Router's module script, which it finds just before itself.
 */
export function hydrateAfterPaintScript(hrefs: string[]): string {
  const preloads = JSON.stringify(hrefs).replaceAll('<', '\\u003c');
  return `<script>(function(){var d=document,m=d.currentScript.previousElementSibling,h=${preloads},started=false;function start(){if(started)return;started=true;h.forEach(function(u){var l=d.createElement("link");l.rel="modulepreload";l.href=u;d.head.appendChild(l)});var s=d.createElement("script");s.type="module";s.textContent=m.textContent;d.body.appendChild(s)}requestAnimationFrame(function(){setTimeout(start,0)});setTimeout(start,3000)})()</script>`;
}

/**
 * Paint first, then hydrate. React Router writes one `<link rel="modulepreload">` per module of
 * the page (~25 files, ~220 kB compressed) at the top of `<head>`, and a module script importing
 * them at the end of `<body>`. On a phone's slow network those downloads share the connection
 * with the stylesheets and the main photo, which the first paint waits for. This stream moves
 * both after the first paint: the head loses its module preloads, and the module script stays
 * where it is but inert (`type="text/plain"`, so hydration still finds the element React
 * rendered), followed by the small script above that starts it once the page is on screen.
 *
 * The server-rendered page needs no JavaScript meanwhile (links and forms are plain HTML).
 * Only the shell is rewritten (React writes the head and `<Scripts>` with it); everything after
 * the module script, including the streamed loader data, passes through untouched. The input is
 * buffered as bytes until each marker is complete, so no tag or character is ever split.
 */
export function paintFirst(): Transform {
  let pending: Buffer[] = [];
  let hrefs: string[] = [];
  let stage: 'head' | 'body' | 'done' = 'head';
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (stage === 'done') return callback(null, chunk);
      pending.push(chunk);
      let rest = Buffer.concat(pending);
      let out = '';
      if (stage === 'head') {
        const headEnd = rest.indexOf('</head>');
        if (headEnd === -1) {
          pending = [rest];
          return callback();
        }
        out = rest
          .subarray(0, headEnd)
          .toString('utf8')
          .replace(modulePreload, (_link, href: string) => {
            hrefs.push(href);
            return '';
          });
        rest = rest.subarray(headEnd);
        stage = 'body';
      }
      const start = rest.indexOf(moduleScriptStart);
      const end = start === -1 ? -1 : rest.indexOf(scriptEnd, start);
      if (end === -1) {
        pending = [rest];
        return callback(null, out ? Buffer.from(out, 'utf8') : undefined);
      }
      const afterScript = end + scriptEnd.length;
      const rewritten =
        out +
        rest.subarray(0, start).toString('utf8') +
        '<script type="text/plain" data-hydrate-after-paint="">' +
        rest.subarray(start + moduleScriptStart.length, afterScript).toString('utf8') +
        hydrateAfterPaintScript(hrefs);
      stage = 'done';
      pending = [];
      hrefs = [];
      callback(null, Buffer.concat([Buffer.from(rewritten, 'utf8'), rest.subarray(afterScript)]));
    },
    flush(callback) {
      callback(null, pending.length > 0 ? Buffer.concat(pending) : undefined);
    },
  });
}
