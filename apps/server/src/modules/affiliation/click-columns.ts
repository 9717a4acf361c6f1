import type { RecordedClick } from './click-sink.ts';

/**
 * A batch's columns as the UTF-8 text of PostgreSQL array literals (`{"a","b",NULL}`), in the
 * order of the insert. Bytes, not strings: the driver sends them as they are (a text parameter in
 * binary format is its bytes), so a batch in flight puts no large strings on the heap either.
 */
export interface ClickColumns {
  ids: Buffer;
  linkIds: Buffer;
  organizationIds: Buffer;
  visitorKeys: Buffer;
  ips: Buffer;
  uniques: Buffer;
  devices: Buffer;
  browsers: Buffer;
  oses: Buffer;
  countries: Buffer;
  referrerHosts: Buffer;
  /** Milliseconds since the epoch: formatting dates as ISO text cost more than every other column together. */
  createdAtMs: Buffer;
}

const columnNames = [
  'ids',
  'linkIds',
  'organizationIds',
  'visitorKeys',
  'ips',
  'uniques',
  'devices',
  'browsers',
  'oses',
  'countries',
  'referrerHosts',
  'createdAtMs',
] as const satisfies readonly (keyof ClickColumns)[];

const comma = 0x2c;
const openBrace = 0x7b;
const closeBrace = 0x7d;
const quote = 0x22;
const backslash = 0x5c;

/**
 * Writes `value` as UTF-8 at `at` and returns where it ends. ASCII (nearly every value here) is
 * copied by this loop: `Buffer#write` crosses into native code on every call, which made
 * encoding a click three times slower.
 */
function put(buffer: Buffer, at: number, value: string): number {
  const length = value.length;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code > 0x7f) return at + index + buffer.write(value.slice(index), at + index);
    buffer[at + index] = code;
  }
  return at + length;
}

/** `value` as a quoted array element (quotes and backslashes escaped); returns where it ends. */
function putQuoted(buffer: Buffer, start: number, value: string): number {
  let at = start;
  buffer[at++] = quote;
  const length = value.length;
  for (let index = 0; index < length; index++) {
    const code = value.charCodeAt(index);
    if (code > 0x7f) {
      // Rare (a non-ASCII browser or host name): the whole value through the native encoder.
      at = put(buffer, start + 1, value.replaceAll('\\', '\\\\').replaceAll('"', '\\"'));
      break;
    }
    if (code === quote || code === backslash) buffer[at++] = backslash;
    buffer[at++] = code;
  }
  buffer[at++] = quote;
  return at;
}

/**
 * Clicks waiting for their batch, written straight into one byte buffer per column as the text
 * of a PostgreSQL array literal. A waiting click is no object on the JavaScript heap: the young
 * generation's GC copies whatever is alive when it runs, and a few thousand queued click objects
 * (with their strings and dates) made each of its pauses, which stop every request in flight,
 * several times longer. Encoding is also the work a batch needs anyway, done a click at a time
 * instead of all at once on the event loop.
 */
export class ClickColumnsWriter {
  private readonly buffers: Buffer[];
  /** Bytes written per column, the opening brace included (the closing one is added by `columns`). */
  private readonly lengths = new Int32Array(columnNames.length);
  /** The lengths before the click being appended, to undo a partial append. */
  private readonly before = new Int32Array(columnNames.length);
  private clickCount = 0;

  constructor(initialBytes = 16 * 1024) {
    this.buffers = columnNames.map(() => Buffer.allocUnsafe(Math.max(initialBytes, 2)));
    this.reset();
  }

  get count(): number {
    return this.clickCount;
  }

  /**
   * Adds a click to every column, or to none: a value that cannot be written (a field of the
   * wrong type) throws with the columns as they were, so they always hold `count` elements each.
   */
  append(click: RecordedClick): void {
    this.before.set(this.lengths);
    try {
      this.appendColumns(click);
    } catch (error) {
      this.lengths.set(this.before);
      throw error;
    }
    this.clickCount++;
  }

  private appendColumns(click: RecordedClick): void {
    const first = this.clickCount === 0;
    // UUIDs are written unquoted (an array literal takes them as they are); text is quoted.
    this.plain(0, click.id, first);
    this.plain(1, click.linkId, first);
    this.text(2, click.organizationId, first);
    this.text(3, click.visitorKey, first);
    this.text(4, click.ip, first);
    this.plain(5, click.isUnique ? 't' : 'f', first);
    this.text(6, click.device, first);
    this.text(7, click.browser, first);
    this.text(8, click.os, first);
    this.text(9, click.country, first);
    this.text(10, click.referrerHost, first);
    this.plain(11, String(click.createdAt.getTime()), first);
  }

  /** Whether a click with this id waits here: a whole element of the id column, not part of one. */
  has(clickId: string): boolean {
    if (clickId === '') return false;
    const ids = (this.buffers[0] as Buffer).subarray(0, this.lengths[0]);
    for (let at = ids.indexOf(clickId, 1); at !== -1; at = ids.indexOf(clickId, at + 1)) {
      const end = at + Buffer.byteLength(clickId);
      if ((ids[at - 1] === openBrace || ids[at - 1] === comma) && (end === ids.length || ids[end] === comma))
        return true;
    }
    return false;
  }

  /**
   * The literals, as views of the writer's own buffers: valid until the writer is reset, which
   * the click buffer does only once their batch is written.
   */
  columns(): ClickColumns {
    const columns = {} as ClickColumns;
    columnNames.forEach((name, index) => {
      const length = this.lengths[index] as number;
      // Every write leaves a byte of room, for this brace.
      const buffer = this.buffers[index] as Buffer;
      buffer[length] = closeBrace;
      columns[name] = buffer.subarray(0, length + 1);
    });
    return columns;
  }

  /** Empties the writer for reuse; its buffers stay allocated. */
  reset(): void {
    for (const buffer of this.buffers) buffer[0] = openBrace;
    this.lengths.fill(1);
    this.clickCount = 0;
  }

  private plain(column: number, value: string, first: boolean): void {
    const buffer = this.room(column, value.length * 3 + 2);
    let at = this.lengths[column] as number;
    if (!first) buffer[at++] = comma;
    this.lengths[column] = put(buffer, at, value);
  }

  private text(column: number, value: string | null, first: boolean): void {
    if (value === null) {
      this.plain(column, 'NULL', first);
      return;
    }
    // Escaping at most doubles an ASCII character; UTF-8 at most triples a UTF-16 unit.
    const buffer = this.room(column, value.length * 3 + 4);
    let at = this.lengths[column] as number;
    if (!first) buffer[at++] = comma;
    this.lengths[column] = putQuoted(buffer, at, value);
  }

  /** The column's buffer, grown (doubled) when `needed` more bytes would not fit. */
  private room(column: number, needed: number): Buffer {
    const buffer = this.buffers[column] as Buffer;
    const length = this.lengths[column] as number;
    if (length + needed <= buffer.length) return buffer;
    const grown = Buffer.allocUnsafe(Math.max(buffer.length * 2, length + needed));
    buffer.copy(grown, 0, 0, length);
    this.buffers[column] = grown;
    return grown;
  }
}

/** The elements of an array literal written by `ClickColumnsWriter` (NULL as null). */
export function arrayElements(literal: Buffer): (string | null)[] {
  const body = literal.toString('utf8').slice(1, -1);
  if (body === '') return [];
  const elements: (string | null)[] = [];
  let at = 0;
  while (at <= body.length) {
    if (body[at] === '"') {
      let value = '';
      at++;
      while (body[at] !== '"') {
        if (body[at] === '\\') at++;
        value += body[at];
        at++;
      }
      elements.push(value);
      at += 2; // closing quote and comma
    } else {
      const end = body.indexOf(',', at) === -1 ? body.length : body.indexOf(',', at);
      const raw = body.slice(at, end);
      elements.push(raw === 'NULL' ? null : raw);
      at = end + 1;
    }
  }
  return elements;
}

/** The clicks of a batch, read back from its columns (tests and in-memory sinks). */
export function decodeClickColumns(columns: ClickColumns): RecordedClick[] {
  const read = (name: keyof ClickColumns) => arrayElements(columns[name]);
  const ids = read('ids');
  const [linkIds, organizationIds, visitorKeys, ips, uniques, devices, browsers, oses, countries, referrers, times] = [
    read('linkIds'),
    read('organizationIds'),
    read('visitorKeys'),
    read('ips'),
    read('uniques'),
    read('devices'),
    read('browsers'),
    read('oses'),
    read('countries'),
    read('referrerHosts'),
    read('createdAtMs'),
  ];
  return ids.map((id, index) => ({
    id: id as string,
    linkId: linkIds[index] as string,
    organizationId: organizationIds[index] as string,
    visitorKey: visitorKeys[index] as string,
    ip: ips[index] ?? null,
    isUnique: uniques[index] === 't',
    device: devices[index] ?? null,
    browser: browsers[index] ?? null,
    os: oses[index] ?? null,
    country: countries[index] ?? null,
    referrerHost: referrers[index] ?? null,
    createdAt: new Date(Number(times[index])),
  }));
}
