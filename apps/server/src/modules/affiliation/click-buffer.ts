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

/**
 * Clicks leave the redirect's response path here: appended in memory, written in batches by
 * time and size. If the database is slow the buffer grows; past the high-water mark the
 * redirect waits for room instead of dropping anything. A failed batch is retried, never lost;
 * `close` writes everything still waiting (graceful shutdown: zero clicks lost).
 */
export class ClickBuffer {
  // Clicks and previews wait in two plain arrays, the batch being written at their front until
  // it is: no wrapper object or index entry per click. Everything here lives until its batch is
  // written, long enough to be copied by the young-generation GC, so less of it means shorter
  // pauses on the redirect.
  private clicks: RecordedClick[] = [];
  private previews: PreviewHit[] = [];
  /** The batch being written. */
  private writing: RecordedClick[] = [];
  private writingPreviews = 0;
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
      if (this.clicks.length + this.previews.length > 0) this.flushQuietly();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  /** Entries not yet written, the batch being written included. */
  get size(): number {
    return this.clicks.length + this.previews.length + this.writing.length + this.writingPreviews;
  }

  /** Queues a click. Returns a promise only when the buffer is full: await it before answering. */
  addClick(click: RecordedClick): Promise<void> | undefined {
    if (this.closed) throw new Error('click buffer is closed');
    this.clicks.push(click);
    return this.added();
  }

  addPreview(preview: PreviewHit): Promise<void> | undefined {
    if (this.closed) throw new Error('click buffer is closed');
    this.previews.push(preview);
    return this.added();
  }

  /**
   * A click still waiting to be written, if any: a conversion may arrive before its click's
   * batch is written. Conversions are rare next to clicks; a scan from the newest end is cheaper
   * overall than an index kept up to date on every click.
   */
  find(clickId: string): RecordedClick | undefined {
    for (const queue of [this.clicks, this.writing]) {
      for (let index = queue.length - 1; index >= 0; index--) {
        if (queue[index]?.id === clickId) return queue[index];
      }
    }
    return undefined;
  }

  private added(): Promise<void> | undefined {
    const size = this.size;
    if (size >= this.maxBatch) this.flushQuietly();
    if (size < this.highWaterMark) return undefined;
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
    while (this.clicks.length + this.previews.length > 0) {
      // At most maxBatch entries, clicks first. The batch leaves the queues while it is written
      // (new entries go behind it) and returns to their front if the write fails.
      const clicks = this.clicks.splice(0, Math.min(this.clicks.length, this.maxBatch));
      const previews = this.previews.splice(0, Math.min(this.previews.length, this.maxBatch - clicks.length));
      this.writing = clicks;
      this.writingPreviews = previews.length;
      try {
        await this.sink.write(clicks, previews);
      } catch (error) {
        // Kept: the next tick (or close) writes it again.
        this.clicks = clicks.concat(this.clicks);
        this.previews = previews.concat(this.previews);
        this.options.logger.error(
          { err: error, size: clicks.length + previews.length },
          'click batch not written; will retry',
        );
        throw error;
      } finally {
        this.writing = [];
        this.writingPreviews = 0;
      }
      if (this.size < this.highWaterMark) this.releaseWaiters();
      // Let waiting requests run between batches: on the embedded database a write holds the
      // thread for its whole duration.
      if (this.size > 0) await new Promise((resolve) => setImmediate(resolve));
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
