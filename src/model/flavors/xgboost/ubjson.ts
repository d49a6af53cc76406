/**
 * A UBJSON decoding failure, with the byte offset where it happened.
 *
 * @example new UbjsonError('unexpected end of data at byte 12')
 */
export class UbjsonError extends Error {
  override readonly name = 'UbjsonError';
}

const FIXED_SIZE: Readonly<Record<string, number>> = { i: 1, U: 1, I: 2, l: 4, L: 8, d: 4, D: 8, C: 1 };

class Reader {
  pos = 0;
  private readonly view: DataView;
  private readonly utf8 = new TextDecoder('utf-8', { fatal: true });

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  fail(message: string): never {
    throw new UbjsonError(`${message} at byte ${this.pos}`);
  }

  need(n: number): number {
    if (this.pos + n > this.bytes.length) this.fail(`unexpected end of data (needed ${n} more bytes)`);
    const at = this.pos;
    this.pos += n;
    return at;
  }

  marker(): string {
    return String.fromCharCode(this.bytes[this.need(1)] as number);
  }

  peek(): string {
    if (this.pos >= this.bytes.length) this.fail('unexpected end of data');
    return String.fromCharCode(this.bytes[this.pos] as number);
  }

  number(type: string): number {
    const v = this.view;
    switch (type) {
      case 'i':
        return v.getInt8(this.need(1));
      case 'U':
        return v.getUint8(this.need(1));
      case 'I':
        return v.getInt16(this.need(2));
      case 'l':
        return v.getInt32(this.need(4));
      case 'L':
        return Number(v.getBigInt64(this.need(8)));
      case 'd':
        return v.getFloat32(this.need(4));
      case 'D':
        return v.getFloat64(this.need(8));
      default:
        return this.fail(`expected a number type, got marker '${type}'`);
    }
  }

  length(): number {
    const n = this.number(this.marker());
    if (!Number.isSafeInteger(n) || n < 0) this.fail(`invalid length ${n}`);
    return n;
  }

  string(): string {
    const n = this.length();
    const at = this.need(n);
    try {
      return this.utf8.decode(this.bytes.subarray(at, at + n));
    } catch {
      return this.fail('invalid UTF-8 in a string');
    }
  }

  value(type = this.marker()): unknown {
    switch (type) {
      case 'Z':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'S':
      case 'H':
        return this.string();
      case 'C':
        return String.fromCharCode(this.bytes[this.need(1)] as number);
      case '[':
        return this.array();
      case '{':
        return this.object();
      case 'N':
        return this.value();
      default:
        return this.number(type);
    }
  }

  /** The `$type` and `#count` of an optimized container, when present. */
  header(): { type: string | null; count: number | null } {
    let type: string | null = null;
    if (this.peek() === '$') {
      this.pos++;
      type = this.marker();
    }
    if (this.peek() === '#') {
      this.pos++;
      return { type, count: this.length() };
    }
    if (type !== null) this.fail('a typed container without a count');
    return { type, count: null };
  }

  array(): unknown {
    const { type, count } = this.header();
    if (type !== null && count !== null && type in FIXED_SIZE && type !== 'C')
      return this.typedArray(type, count);
    const out: unknown[] = [];
    if (count !== null) {
      this.checkCount(count);
      for (let i = 0; i < count; i++) out.push(this.value(type ?? this.marker()));
      return out;
    }
    while (this.peek() !== ']') out.push(this.value());
    this.pos++;
    return out;
  }

  typedArray(type: string, count: number): ArrayLike<number> {
    const size = FIXED_SIZE[type] as number;
    this.need(count * size);
    this.pos -= count * size;
    const out =
      type === 'd'
        ? new Float32Array(count)
        : type === 'D'
          ? new Float64Array(count)
          : new Array<number>(count);
    for (let i = 0; i < count; i++) out[i] = this.number(type);
    return out;
  }

  /** A count no real container reaches: more entries than bytes left in the file. */
  checkCount(count: number): void {
    if (count > this.bytes.length - this.pos) this.fail(`container count ${count} exceeds the data`);
  }

  object(): Record<string, unknown> {
    const { type, count } = this.header();
    const out: Record<string, unknown> = {};
    if (count !== null) {
      this.checkCount(count);
      for (let i = 0; i < count; i++) out[this.string()] = this.value(type ?? this.marker());
      return out;
    }
    while (this.peek() !== '}') out[this.string()] = this.value();
    this.pos++;
    return out;
  }
}

/**
 * Decodes Universal Binary JSON (big-endian, as XGBoost's `.ubj` files use) into JS values.
 * Strongly typed numeric arrays come back as number arrays (Float32Array / Float64Array for floats).
 *
 * @example decodeUbjson(Uint8Array.of(0x5b, 0x69, 0x01, 0x5d)) // [1]
 */
export function decodeUbjson(bytes: Uint8Array): unknown {
  const reader = new Reader(bytes);
  const value = reader.value();
  if (reader.pos !== bytes.length) reader.fail('extra data after the top-level value');
  return value;
}
