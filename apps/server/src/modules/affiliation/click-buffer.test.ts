import { describe, expect, it } from 'vitest';
import { ClickBuffer } from './click-buffer.ts';
import { type ClickColumns, ClickColumnsWriter, decodeClickColumns } from './click-columns.ts';
import type { ClickSink, PreviewHit, RecordedClick } from './click-sink.ts';
import { rollupIncrements } from './click-sink.ts';

function click(id: number, linkId = 'link-a', at = new Date('2026-12-03T10:15:00Z')): RecordedClick {
  return {
    id: `click-${id}`,
    linkId,
    organizationId: 'team',
    visitorKey: `visitor-${id % 3}`,
    ip: null,
    isUnique: id % 2 === 0,
    device: 'mobile',
    browser: null,
    os: null,
    country: null,
    referrerHost: null,
    createdAt: at,
  };
}

class MemorySink implements ClickSink {
  written: RecordedClick[] = [];
  previews: PreviewHit[] = [];
  batches: number[] = [];
  failuresLeft = 0;
  async write(columns: ClickColumns | null, previews: PreviewHit[]) {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('database down');
    }
    const clicks = columns ? decodeClickColumns(columns) : [];
    this.batches.push(clicks.length + previews.length);
    this.written.push(...clicks);
    this.previews.push(...previews);
  }
}

const quietLogger = { error: () => undefined };

describe('click buffer', () => {
  it('writes in batches no larger than the maximum and keeps every click on close', async () => {
    const sink = new MemorySink();
    const buffer = new ClickBuffer(sink, { logger: quietLogger, flushIntervalMs: 10_000, maxBatch: 100 });
    for (let index = 0; index < 250; index++) buffer.addClick(click(index));
    buffer.addPreview({ linkId: 'link-a', at: new Date() });
    await buffer.close();
    expect(sink.written).toHaveLength(250);
    expect(sink.previews).toHaveLength(1);
    expect(Math.max(...sink.batches)).toBeLessThanOrEqual(100);
    expect(new Set(sink.written.map((row) => row.id)).size).toBe(250);
  });

  it('retries a failed batch instead of dropping it, and finds clicks not yet written', async () => {
    const sink = new MemorySink();
    sink.failuresLeft = 2;
    const buffer = new ClickBuffer(sink, { logger: quietLogger, flushIntervalMs: 10_000 });
    buffer.addClick(click(1));
    buffer.addClick(click(10));
    expect(buffer.has('click-1')).toBe(true);
    expect(buffer.has('click-2')).toBe(false);
    await expect(buffer.flush()).rejects.toThrow('database down');
    expect(buffer.size).toBe(2);
    expect(buffer.has('click-1')).toBe(true);
    await buffer.close();
    expect(sink.written.map((row) => row.id)).toEqual(['click-1', 'click-10']);
    expect(buffer.has('click-1')).toBe(false);
  });

  it('keeps a batch exactly as it was while it is written and retried, new clicks queued behind it', async () => {
    let release: (() => void) | undefined;
    const seen: string[][] = [];
    let failures = 1;
    const written: RecordedClick[] = [];
    const sink: ClickSink = {
      async write(columns) {
        const clicks = columns ? decodeClickColumns(columns) : [];
        seen.push(clicks.map((row) => row.id));
        if (seen.length === 1) await new Promise<void>((resolve) => (release = resolve));
        if (failures-- > 0) throw new Error('database down');
        written.push(...clicks);
      },
    };
    const buffer = new ClickBuffer(sink, { logger: quietLogger, flushIntervalMs: 10_000, maxBatch: 2 });
    buffer.addClick(click(1));
    buffer.addClick(click(2));
    const first = buffer.flush();
    await new Promise((resolve) => setImmediate(resolve));
    // While the first batch is in flight: three batches' worth more, one of them still filling.
    for (let index = 3; index <= 7; index++) buffer.addClick(click(index));
    expect(buffer.has('click-1')).toBe(true);
    expect(buffer.has('click-4')).toBe(true);
    expect(buffer.has('click-7')).toBe(true);
    release?.();
    await expect(first).rejects.toThrow('database down');
    await buffer.close();
    expect(seen[0]).toEqual(['click-1', 'click-2']);
    expect(seen[1]).toEqual(['click-1', 'click-2']);
    expect(written.map((row) => row.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map((index) => `click-${index}`));
    expect(buffer.has('click-1')).toBe(false);
    expect(buffer.size).toBe(0);
  });

  it('makes callers wait past the high-water mark until a flush makes room', async () => {
    const sink = new MemorySink();
    const buffer = new ClickBuffer(sink, {
      logger: quietLogger,
      flushIntervalMs: 10_000,
      maxBatch: 1000,
      highWaterMark: 3,
    });
    expect(buffer.addClick(click(1))).toBeUndefined();
    expect(buffer.addClick(click(2))).toBeUndefined();
    const wait = buffer.addClick(click(3));
    expect(wait).toBeInstanceOf(Promise);
    await buffer.flush();
    await wait;
    expect(sink.written).toHaveLength(3);
    await buffer.close();
  });

  it('lets other work run between batches', async () => {
    const sink = new MemorySink();
    const buffer = new ClickBuffer(sink, { logger: quietLogger, flushIntervalMs: 10_000, maxBatch: 10 });
    for (let index = 0; index < 30; index++) buffer.addClick(click(index));
    const batchesSeenByOtherWork: number[] = [];
    setImmediate(() => batchesSeenByOtherWork.push(sink.batches.length));
    await buffer.flush();
    expect(sink.batches).toEqual([10, 10, 10]);
    // The callback queued before the flush ran between its batches, not after all of them.
    expect(batchesSeenByOtherWork[0]).toBeLessThan(3);
    await buffer.close();
  });

  it('flushes on its own within the interval', async () => {
    const sink = new MemorySink();
    const buffer = new ClickBuffer(sink, { logger: quietLogger, flushIntervalMs: 20 });
    buffer.addClick(click(1));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(sink.written).toHaveLength(1);
    await buffer.close();
  });

  it('folds a batch into one rollup increment per link and hour', () => {
    const increments = rollupIncrements(
      [click(0), click(1), click(2, 'link-b'), click(3, 'link-a', new Date('2026-12-03T11:01:00Z'))],
      [{ linkId: 'link-a', at: new Date('2026-12-03T10:59:59Z') }],
    );
    expect(increments).toEqual([
      { linkId: 'link-a', hour: new Date('2026-12-03T10:00:00Z'), clicks: 2, uniqueClicks: 1, previews: 1 },
      { linkId: 'link-b', hour: new Date('2026-12-03T10:00:00Z'), clicks: 1, uniqueClicks: 1, previews: 0 },
      { linkId: 'link-a', hour: new Date('2026-12-03T11:00:00Z'), clicks: 1, uniqueClicks: 0, previews: 0 },
    ]);
  });
});

describe('click columns', () => {
  it('give back every click as it was, awkward text included, across buffer growth and reuse', () => {
    const writer = new ClickColumnsWriter(8);
    const awkward: RecordedClick = {
      ...click(7),
      ip: '203.0.113.9',
      visitorKey: 'say "hi"',
      browser: 'back\\slash, {braces}',
      os: 'NULL',
      country: 'المغرب',
      referrerHost: 'news.example',
      createdAt: new Date('2026-12-03T10:59:59.987Z'),
    };
    const clicks = [click(1), awkward, click(2, 'link-b')];
    for (const each of clicks) writer.append(each);
    expect(writer.count).toBe(3);
    expect(decodeClickColumns(writer.columns())).toEqual(clicks);
    expect(writer.has('click-7')).toBe(true);
    expect(writer.has('click')).toBe(false);
    writer.reset();
    expect(writer.count).toBe(0);
    expect(writer.has('click-7')).toBe(false);
    writer.append(click(3));
    expect(decodeClickColumns(writer.columns())).toEqual([click(3)]);
  });

  it('keep empty text apart from NULL, and escape quotes and backslashes in non-ASCII text', () => {
    const writer = new ClickColumnsWriter(2);
    const clicks: RecordedClick[] = [
      { ...click(1), browser: '', referrerHost: '' },
      { ...click(2), browser: 'Öpera "x" \\ 😀,{}', os: 'متصفح "عربي"', country: null },
    ];
    for (const each of clicks) writer.append(each);
    expect(decodeClickColumns(writer.columns())).toEqual(clicks);
    expect(writer.has('')).toBe(false);
  });

  it('add a click to every column or to none', () => {
    const writer = new ClickColumnsWriter();
    writer.append(click(1));
    const broken = { ...click(2), createdAt: 'not a date' } as unknown as RecordedClick;
    expect(() => writer.append(broken)).toThrow();
    writer.append(click(3));
    expect(writer.count).toBe(2);
    expect(decodeClickColumns(writer.columns())).toEqual([click(1), click(3)]);
  });
});

describe('array literal', () => {
  it('quotes every value, escapes quotes and backslashes, and keeps NULL', async () => {
    const { arrayLiteral } = await import('./click-sink.ts');
    expect(arrayLiteral(['a', null, 'say "hi"', 'back\\slash', '{x,y}'])).toBe(
      '{"a",NULL,"say \\"hi\\"","back\\\\slash","{x,y}"}',
    );
  });
});
