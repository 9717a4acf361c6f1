import { ClickColumnsWriter } from './click-columns.ts';
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
  // Clicks wait encoded in column buffers (`click-columns.ts`), not as objects: the batch being
  // filled, full batches behind it, and the one being written. Previews are rare and wait as they are.
  private filling = new ClickColumnsWriter();
  private full: ClickColumnsWriter[] = [];
  private writing: ClickColumnsWriter | null = null;
  /** Emptied writers kept for the next batches, so their buffers are not allocated again. */
  private spare: ClickColumnsWriter[] = [];
  private previews: PreviewHit[] = [];
  private writingPreviews = 0;
  private waiting = 0;
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
      if (this.waiting + this.previews.length > 0) this.flushQuietly();
    }, this.flushIntervalMs);
    this.timer.unref();
  }

  /** Entries not yet written, the batch being written included. */
  get size(): number {
    return this.waiting + this.previews.length + (this.writing?.count ?? 0) + this.writingPreviews;
  }

  /** Queues a click. Returns a promise only when the buffer is full: await it before answering. */
  addClick(click: RecordedClick): Promise<void> | undefined {
    if (this.closed) throw new Error('click buffer is closed');
    this.filling.append(click);
    this.waiting++;
    if (this.filling.count >= this.maxBatch) {
      this.full.push(this.filling);
      this.filling = this.spare.pop() ?? new ClickColumnsWriter();
    }
    return this.added();
  }

  addPreview(preview: PreviewHit): Promise<void> | undefined {
    if (this.closed) throw new Error('click buffer is closed');
    this.previews.push(preview);
    return this.added();
  }

  /**
   * Whether a click is still waiting to be written: a conversion may arrive before its click's
   * batch is written, and then writes it first. Conversions are rare next to clicks; searching
   * the waiting ids is cheaper overall than an index kept up to date on every click.
   */
  has(clickId: string): boolean {
    if (this.writing?.has(clickId) || this.filling.has(clickId)) return true;
    return this.full.some((batch) => batch.has(clickId));
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
    while (this.waiting + this.previews.length > 0) {
      // At most maxBatch entries, clicks first. The batch leaves the queue while it is written
      // (new clicks go to another writer) and returns to its front if the write fails.
      let clicks = this.full.shift();
      if (!clicks && this.filling.count > 0) {
        clicks = this.filling;
        this.filling = this.spare.pop() ?? new ClickColumnsWriter();
      }
      const clickCount = clicks?.count ?? 0;
      const previews = this.previews.splice(0, Math.min(this.previews.length, this.maxBatch - clickCount));
      this.waiting -= clickCount;
      this.writing = clicks ?? null;
      this.writingPreviews = previews.length;
      try {
        await this.sink.write(clicks ? clicks.columns() : null, previews);
      } catch (error) {
        // Kept: the next tick (or close) writes it again.
        if (clicks) this.full.unshift(clicks);
        this.waiting += clickCount;
        this.previews = previews.concat(this.previews);
        this.options.logger.error(
          { err: error, size: clickCount + previews.length },
          'click batch not written; will retry',
        );
        throw error;
      } finally {
        this.writing = null;
        this.writingPreviews = 0;
      }
      if (clicks) this.recycle(clicks);
      if (this.size < this.highWaterMark) this.releaseWaiters();
      // Let waiting requests run between batches: on the embedded database a write holds the
      // thread for its whole duration.
      if (this.size > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private recycle(written: ClickColumnsWriter): void {
    written.reset();
    if (this.spare.length < 4) this.spare.push(written);
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
