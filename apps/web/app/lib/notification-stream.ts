/**
 * The browser side of `GET /api/v1/notifications/stream` (see the server's
 * `notification-hints.ts`): JSON text frames, `ready` once connected, then a hint per change.
 * `unreadCount` is missing when the server could not know it yet: ask the API again.
 */
export type NotificationStreamMessage =
  | { type: 'ready'; unreadCount: number }
  | { type: 'notifications.changed'; unreadCount?: number };

/** Waits between attempts; the last one repeats. Reset once a connection says `ready`. */
/** The server's close code for a stream whose session has ended. */
const sessionEndedCloseCode = 4401;

export const reconnectDelaysMs = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

/** Anything else (a newer server's message type, garbage) is ignored rather than trusted. */
export function parseStreamMessage(data: unknown): NotificationStreamMessage | null {
  if (typeof data !== 'string') return null;
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { type, unreadCount } = value as Record<string, unknown>;
  if (type === 'ready' && isCount(unreadCount)) return { type, unreadCount };
  if (type === 'notifications.changed') return isCount(unreadCount) ? { type, unreadCount } : { type };
  return null;
}

export function notificationStreamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/v1/notifications/stream`;
}

/**
 * Keeps a stream open until the returned function is called: reconnects with backoff after any
 * close (server restart, network loss, sleep), and waits for the browser to be online again
 * rather than failing attempts while offline. Nothing here throws or logs; a refused connection
 * is only the browser's own network line in the console, which no script can silence.
 * Browser only.
 */
export function openNotificationStream(onMessage: (message: NotificationStreamMessage) => void): () => void {
  let socket: WebSocket | null = null;
  let failures = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = () => {
    retryTimer = undefined;
    if (stopped) return;
    if (!navigator.onLine) {
      window.addEventListener('online', connect, { once: true });
      return;
    }
    const current = new WebSocket(notificationStreamUrl(window.location));
    socket = current;
    current.onmessage = (event: MessageEvent) => {
      const message = parseStreamMessage(event.data);
      if (!message) return;
      if (message.type === 'ready') failures = 0;
      onMessage(message);
    };
    // The close that follows says all we need; handling `error` keeps it from being reported as unhandled.
    current.onerror = () => {};
    current.onclose = (event) => {
      if (stopped || socket !== current) return;
      socket = null;
      // The session ended (signed out elsewhere, revoked, suspended): retrying cannot succeed.
      if (event.code === sessionEndedCloseCode) return;
      const delay = reconnectDelaysMs[Math.min(failures, reconnectDelaysMs.length - 1)] ?? 30_000;
      failures += 1;
      // Up to a quarter more, so that every tab does not come back at the same instant after a deploy.
      retryTimer = setTimeout(connect, delay * (1 + Math.random() / 4));
    };
  };

  connect();

  return () => {
    stopped = true;
    if (retryTimer !== undefined) clearTimeout(retryTimer);
    window.removeEventListener('online', connect);
    const current = socket;
    socket = null;
    if (!current) return;
    current.onmessage = null;
    current.onclose = null;
    // Closing a socket still connecting makes the browser log an error; let it open first.
    if (current.readyState === WebSocket.CONNECTING) current.onopen = () => current.close();
    else current.close();
  };
}
