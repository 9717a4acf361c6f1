import { useEffect, useRef, useState } from 'react';
import { useRevalidator, useRouteLoaderData } from 'react-router';
import { openNotificationStream } from './notification-stream';

/** A count from the stream, and the root loader data it is newer than. */
interface LiveCount {
  count: number;
  newerThan: unknown;
}

/**
 * The unread count to show: the root loader's, replaced by the live stream's until the loader
 * runs again (fresh loader data wins, whatever its number). A hint without a count revalidates
 * the loaders instead. Runs only in the browser (effects do not run on the server); the stream
 * closes on unmount, which is what signing out does to the bell.
 */
export function useLiveUnreadCount(loaderCount: number): number {
  const [live, setLive] = useState<LiveCount | null>(null);
  // The root loader's data object is replaced on every revalidation: it marks "fresher than".
  const loaderData = useRouteLoaderData('root');
  const loaderDataRef = useRef(loaderData);
  loaderDataRef.current = loaderData;
  const revalidator = useRevalidator();
  const revalidateRef = useRef(revalidator.revalidate);
  revalidateRef.current = revalidator.revalidate;

  useEffect(
    () =>
      openNotificationStream((message) => {
        if (message.unreadCount === undefined) {
          void revalidateRef.current();
          return;
        }
        setLive({ count: message.unreadCount, newerThan: loaderDataRef.current });
      }),
    [],
  );

  return live !== null && live.newerThan === loaderData ? live.count : loaderCount;
}
