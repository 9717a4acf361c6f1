/** React hoists <title> into <head>, also in the server render. */
export function PageTitle({ children }: { children: string }) {
  return <title>{`${children} · Souk`}</title>;
}
