import { MlflowError } from '../../../../core/mlflow-error.js';
import type { PyGlobal } from './py-object.js';

/** Resolves a GLOBAL's module and name to an allowlisted callable, or throws. */
export type GlobalResolver = (module: string, name: string) => PyGlobal;

const MARK = Symbol('mark');

/**
 * The state of one pickle being read: the bytes with a cursor, the stack, and the memo. Opcode
 * handlers (pickle-opcodes.ts) move data between them; none of them can run code from the file.
 *
 * @example const m = new PickleMachine(bytes, 'model.pkl', resolve); m.readU8();
 */
export class PickleMachine {
  pos = 0;
  readonly stack: unknown[] = [];
  readonly memo = new Map<number, unknown>();
  private readonly view: DataView;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  readonly bytes: Uint8Array;

  constructor(
    bytes: Uint8Array,
    readonly file: string,
    readonly resolve: GlobalResolver,
  ) {
    // A plain Uint8Array view, so bytes taken from a Node Buffer are not Buffers themselves.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** An MlflowError that names the file and the position, for a corrupt or truncated pickle. */
  corrupt(reason: string): MlflowError {
    return new MlflowError(`Cannot read ${this.file}: ${reason} (at byte ${this.pos}).`, 'BAD_REQUEST', {
      file: this.file,
    });
  }

  private need(n: number): number {
    const at = this.pos;
    if (n < 0 || at + n > this.bytes.length) throw this.corrupt('the pickle is truncated');
    this.pos += n;
    return at;
  }

  readU8(): number {
    return this.view.getUint8(this.need(1));
  }
  readU16(): number {
    return this.view.getUint16(this.need(2), true);
  }
  readI32(): number {
    return this.view.getInt32(this.need(4), true);
  }
  readU32(): number {
    return this.view.getUint32(this.need(4), true);
  }
  readU64(): number {
    const n = this.view.getBigUint64(this.need(8), true);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw this.corrupt('a length is too large');
    return Number(n);
  }
  readF64BE(): number {
    return this.view.getFloat64(this.need(8), false);
  }

  /** `n` raw bytes, copied so later mutation (bytearray) cannot alias the file. */
  readBytes(n: number): Uint8Array {
    const at = this.need(n);
    return this.bytes.slice(at, at + n);
  }

  readUtf8(n: number): string {
    const at = this.need(n);
    try {
      return this.decoder.decode(this.bytes.subarray(at, at + n));
    } catch (cause) {
      throw new MlflowError(`Cannot read ${this.file}: a string is not valid UTF-8.`, 'BAD_REQUEST', {
        file: this.file,
        cause,
      });
    }
  }

  /** A newline-terminated ASCII line (protocol 0 arguments), without the newline. */
  readLine(): string {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw this.corrupt('the pickle is truncated');
    const line = new TextDecoder('latin1').decode(this.bytes.subarray(this.pos, end));
    this.pos = end + 1;
    return line;
  }

  push(v: unknown): void {
    this.stack.push(v);
  }

  pushMark(): void {
    this.stack.push(MARK);
  }

  pop(): unknown {
    if (this.stack.length === 0) throw this.corrupt('the stack is empty');
    const v = this.stack.pop();
    if (v === MARK) throw this.corrupt('unexpected mark');
    return v;
  }

  top(): unknown {
    const v = this.stack[this.stack.length - 1];
    if (this.stack.length === 0 || v === MARK) throw this.corrupt('the stack is empty');
    return v;
  }

  /** Everything above the topmost mark, removing the mark. */
  popToMark(): unknown[] {
    const at = this.stack.lastIndexOf(MARK);
    if (at < 0) throw this.corrupt('no mark on the stack');
    const items = this.stack.splice(at);
    items.shift();
    return items;
  }

  memoGet(i: number): unknown {
    if (!this.memo.has(i)) throw this.corrupt(`memo entry ${i} is missing`);
    return this.memo.get(i);
  }
}
