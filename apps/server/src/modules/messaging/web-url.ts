/**
 * The absolute address of a web-app path. Concatenated rather than resolved with `new URL(path,
 * base)`, which would drop a path prefix in PUBLIC_URL (an app served under /souk).
 */
export function webUrl(publicUrl: string, path: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}
