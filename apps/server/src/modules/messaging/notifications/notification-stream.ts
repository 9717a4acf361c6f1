import type { FastifyBaseLogger } from 'fastify';
import type { EventBus, Unsubscribe } from '../../../platform/events/event-bus.ts';
import { type NotificationStreamMessage, notificationsChannel } from './notification-hints.ts';
import type { NotificationService } from './notification-service.ts';

/** Below the idle timeout of common proxies (60 s), so an open stream is never cut for silence. */
export const streamPingIntervalMs = 25_000;

/** The part of a `ws` WebSocket the stream uses. */
export interface StreamSocket {
  readonly readyState: number;
  send(data: string): void;
  ping(): void;
  terminate(): void;
  close(code?: number, reason?: string): void;
  on(event: 'close' | 'pong', listener: () => void): unknown;
}

export interface NotificationStreamDeps {
  notifications: Pick<NotificationService, 'unreadCount'>;
  events: Pick<EventBus, 'subscribe'>;
  pingIntervalMs?: number;
}

/** `WebSocket.OPEN` in `ws`. */
const socketOpen = 1;

function isChangedHint(message: unknown): message is NotificationStreamMessage {
  return (
    typeof message === 'object' && message !== null && 'type' in message && message.type === 'notifications.changed'
  );
}

/** Close code telling the tab its session ended (signed out elsewhere, revoked, suspended). */
export const sessionEndedCloseCode = 4401;

/**
 * Serves one open tab: `ready` with the unread count, then every hint published for the person.
 * Subscribes before counting, so a change made meanwhile is not lost; hints that arrive before
 * `ready` is sent wait for it, so the tab never ends on the older number. Each heartbeat also asks
 * whether the session that opened the stream still stands: a revoked session or a suspended
 * account stops receiving within one beat.
 */
export async function streamNotifications(
  socket: StreamSocket,
  userId: string,
  deps: NotificationStreamDeps,
  log: FastifyBaseLogger,
  stillSignedIn: () => Promise<boolean> = async () => true,
): Promise<void> {
  // Nothing would ever undo a subscription made for a socket that is already gone.
  if (socket.readyState !== socketOpen) return;
  const send = (message: NotificationStreamMessage) => {
    if (socket.readyState === socketOpen) socket.send(JSON.stringify(message));
  };
  let waitingForReady: NotificationStreamMessage[] | null = [];
  let unsubscribe: Unsubscribe | undefined;
  let closed = false;

  // A peer that did not answer the previous ping is gone (sleeping laptop, lost network).
  let answered = true;
  const heartbeat = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
    stillSignedIn().then(
      (signedIn) => {
        if (!signedIn && socket.readyState === socketOpen) socket.close(sessionEndedCloseCode, 'session ended');
      },
      (error: unknown) => log.warn({ err: error }, 'notification stream could not check the session'),
    );
  }, deps.pingIntervalMs ?? streamPingIntervalMs);
  socket.on('pong', () => {
    answered = true;
  });
  socket.on('close', () => {
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.().catch((error: unknown) => log.warn({ err: error }, 'notification stream unsubscribe failed'));
  });

  try {
    unsubscribe = await deps.events.subscribe(notificationsChannel(userId), (message) => {
      if (!isChangedHint(message)) return;
      if (waitingForReady) waitingForReady.push(message);
      else send(message);
    });
    if (closed) {
      await unsubscribe();
      return;
    }
    send({ type: 'ready', unreadCount: await deps.notifications.unreadCount(userId) });
    for (const message of waitingForReady) send(message);
    waitingForReady = null;
  } catch (error) {
    // The tab reconnects later; 1011 says the server, not the request, was the problem.
    log.warn({ err: error }, 'notification stream could not start');
    socket.close(1011, 'unavailable');
  }
}
