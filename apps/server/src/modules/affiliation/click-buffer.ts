import type { ClickSink, PreviewHit, RecordedClick } from './click-sink.ts';

export interface ClickBufferOptions {
  /** A batch is written at least this often while clicks wait. */
  flushIntervalMs?: number;
  /**
   * A batch is written as soon as this many entries wait, and no batch is larger. The embedded
   * database writes on the event loop's thread: its batches are kept small so no request waits
   * long behind one.
   */
  maxBatch?: number;
  /** Above this many waiting entries, `add` makes the caller wait for a flush (backpressure). */
  highWaterMark?: number;
  logger: { error(details: object, message: string): void };
}

type Entry = { kind: 'click'; click: RecordedClick } | { kind: 'preview'; preview: PreviewHit };

/**
 * Clicks leave the redirect's response path here: appended in memory, written in batches by
 * time and size. If the database is slow the buffer grows; past the high-water mark the
 * redirect waits for room instead of dropping anything. A failed batch is retried, never lost;
 * `close` writes everything still waiting (graceful shutdown: zero clicks lost).
 */
export class ClickBuffer {
  private pending: Entry[] = [];
  /** Clicks not yet written, by id: a conversion may arrive before its click's batch is written. */
  private readonly unwritten = new Map<string, RecordedClick>();
  private flushing: Promise<void> | null = null;
  private waiters: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;
  private closed = false;
  private readonly flushIntervalMs: number;
  private readonly maxBatch: number;
  private readonly highWaterMark: number;

  constructor(
    private readonly sink: ClickSink,
    private readonly options: ClickBufferOptions,
  ) {
    this.flushIntervalMs = options.flushIntervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 1000;
    this.highWaterMark = options.highWaterMark ?? 50_000;
    this.timer = setInterval(() => {
      if (this.pending.length > 0) this.flushQuietly();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.pending.length;
  }

  /** Queues a click. Returns a promise only when the buffer is full: await it before answering. */
  addClick(click: RecordedClick): Promise<void> | undefined {
    this.unwritten.set(click.id, click);
    return this.add({ kind: 'click', click });
  }

  addPreview(preview: PreviewHit): Promise<void> | undefined {
    return this.add({ kind: 'preview', preview });
  }

  /** A click still waiting to be written, if any. */
  find(clickId: string): RecordedClick | undefined {
    return this.unwritten.get(clickId);
  }

  private add(entry: Entry): Promise<void> | undefined {
    if (this.closed) throw new Error('click buffer is closed');
    this.pending.push(entry);
    if (this.pending.length >= this.maxBatch) this.flushQuietly();
    if (this.pending.length < this.highWaterMark) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Background flushes: a failure is logged by `drain` and retried on the next tick. */
  private flushQuietly(): void {
    this.flush().catch(() => undefined);
  }

  /** Writes what waits now, batch after batch; concurrent calls share the same run. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.maxBatch);
      const clicks: RecordedClick[] = [];
      const previews: PreviewHit[] = [];
      for (const entry of batch) {
        if (entry.kind === 'click') clicks.push(entry.click);
        else previews.push(entry.preview);
      }
      try {
        await this.sink.write(clicks, previews);
      } catch (error) {
        // Kept in place: the next tick (or close) writes it again.
        this.options.logger.error({ err: error, size: batch.length }, 'click batch not written; will retry');
        throw error;
      }
      this.pending.splice(0, batch.length);
      for (const click of clicks) this.unwritten.delete(click.id);
      if (this.pending.length < this.highWaterMark) this.releaseWaiters();
      // Let waiting requests run between batches: on the embedded database a write holds the
      // thread for its whole duration.
      if (this.pending.length > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private releaseWaiters(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }

  /** Stops the timer and writes everything left, retrying a failed batch a few times. */
  async close(attempts = 5): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    for (let attempt = 1; ; attempt++) {
      try {
        await this.flushing?.catch(() => undefined);
        await this.flush();
        this.releaseWaiters();
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  }
}
