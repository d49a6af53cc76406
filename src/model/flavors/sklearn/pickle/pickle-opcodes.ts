import { type PickleMachine } from './pickle-machine.js';
import { isStateful, type PyGlobal } from './py-object.js';

type Handler = (m: PickleMachine) => void;

function isGlobal(v: unknown): v is PyGlobal {
  return typeof v === 'object' && v !== null && typeof (v as Partial<PyGlobal>).call === 'function';
}

function tuple(items: unknown[]): readonly unknown[] {
  return Object.freeze(items);
}

/** An int as a number when it is exact, as a bigint when it is not. */
function intValue(n: bigint): number | bigint {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : n;
}

function readLong(m: PickleMachine, size: number): number | bigint {
  const raw = m.readBytes(size);
  let n = 0n;
  for (let i = raw.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(raw[i] ?? 0);
  if (size > 0 && ((raw[size - 1] ?? 0) & 0x80) !== 0) n -= 1n << BigInt(size * 8);
  return intValue(n);
}

function call(m: PickleMachine, callable: unknown, args: unknown): void {
  if (!isGlobal(callable)) throw m.corrupt('REDUCE or NEWOBJ on something that is not a class or function');
  if (!Array.isArray(args)) throw m.corrupt('REDUCE or NEWOBJ arguments are not a tuple');
  m.push(callable.call(args));
}

function build(m: PickleMachine): void {
  const state = m.pop();
  const target = m.top();
  if (isStateful(target)) return target.setState(state);
  if (target instanceof Map && state instanceof Map) {
    for (const [k, v] of state) target.set(k, v);
    return;
  }
  throw m.corrupt('BUILD on a value that takes no state');
}

function setItems(m: PickleMachine, items: unknown[]): void {
  const dict = m.top();
  if (!(dict instanceof Map)) throw m.corrupt('SETITEMS on something that is not a dict');
  for (let i = 0; i + 1 < items.length; i += 2) dict.set(items[i], items[i + 1]);
}

function appendAll(m: PickleMachine, items: unknown[]): void {
  const list = m.top();
  if (!Array.isArray(list) || Object.isFrozen(list))
    throw m.corrupt('APPENDS on something that is not a list');
  for (const x of items) list.push(x);
}

function addItems(m: PickleMachine, items: unknown[]): void {
  const set = m.top();
  if (!(set instanceof Set)) throw m.corrupt('ADDITEMS on something that is not a set');
  for (const x of items) set.add(x);
}

function dictOf(items: unknown[]): Map<unknown, unknown> {
  const d = new Map<unknown, unknown>();
  for (let i = 0; i + 1 < items.length; i += 2) d.set(items[i], items[i + 1]);
  return d;
}

function global(m: PickleMachine, module: string, name: string): void {
  m.push(m.resolve(module, name));
}

function protocol0Int(line: string): number | bigint | boolean {
  if (line === '00') return false;
  if (line === '01') return true;
  return intValue(BigInt(line.replace(/L$/, '')));
}

/** Protocol 0 quoted strings: the quotes are stripped; escapes are rare in model pickles. */
function protocol0String(m: PickleMachine): string {
  const line = m.readLine();
  const q = line[0];
  if ((q !== "'" && q !== '"') || line[line.length - 1] !== q)
    throw m.corrupt('a quoted string is malformed');
  return line.slice(1, -1);
}

const refuse =
  (what: string): Handler =>
  (m) => {
    throw m.corrupt(`${what} is not supported`);
  };

const byteOp = (c: string): number => c.charCodeAt(0);

/** Handlers for every pickle opcode of protocols 0–5 that a model pickle may use. */
export const OPCODES = new Map<number, Handler>([
  [byteOp('('), (m) => m.pushMark()],
  [byteOp('0'), (m) => void m.pop()],
  [byteOp('1'), (m) => void m.popToMark()],
  [byteOp('2'), (m) => m.push(m.top())],
  [byteOp('N'), (m) => m.push(null)],
  [0x88, (m) => m.push(true)],
  [0x89, (m) => m.push(false)],
  [byteOp('I'), (m) => m.push(protocol0Int(m.readLine()))],
  [byteOp('L'), (m) => m.push(intValue(BigInt(m.readLine().replace(/L$/, ''))))],
  [byteOp('J'), (m) => m.push(m.readI32())],
  [byteOp('K'), (m) => m.push(m.readU8())],
  [byteOp('M'), (m) => m.push(m.readU16())],
  [0x8a, (m) => m.push(readLong(m, m.readU8()))],
  [0x8b, (m) => m.push(readLong(m, m.readI32()))],
  [byteOp('F'), (m) => m.push(Number.parseFloat(m.readLine()))],
  [byteOp('G'), (m) => m.push(m.readF64BE())],
  [byteOp('S'), (m) => m.push(protocol0String(m))],
  [byteOp('T'), (m) => m.push(m.readUtf8(m.readI32()))],
  [byteOp('U'), (m) => m.push(m.readUtf8(m.readU8()))],
  [byteOp('V'), (m) => m.push(m.readLine())],
  [byteOp('X'), (m) => m.push(m.readUtf8(m.readU32()))],
  [0x8c, (m) => m.push(m.readUtf8(m.readU8()))],
  [0x8d, (m) => m.push(m.readUtf8(m.readU64()))],
  [byteOp('B'), (m) => m.push(m.readBytes(m.readU32()))],
  [byteOp('C'), (m) => m.push(m.readBytes(m.readU8()))],
  [0x8e, (m) => m.push(m.readBytes(m.readU64()))],
  [0x96, (m) => m.push(m.readBytes(m.readU64()))],
  [0x97, refuse('an out-of-band buffer (NEXT_BUFFER)')],
  [0x98, () => undefined],
  [byteOp(')'), (m) => m.push(tuple([]))],
  [byteOp('t'), (m) => m.push(tuple(m.popToMark()))],
  [0x85, (m) => m.push(tuple([m.pop()]))],
  [0x86, (m) => m.push(tuple([m.pop(), m.pop()].reverse()))],
  [0x87, (m) => m.push(tuple([m.pop(), m.pop(), m.pop()].reverse()))],
  [byteOp(']'), (m) => m.push([])],
  [byteOp('l'), (m) => m.push(m.popToMark())],
  [byteOp('a'), (m) => appendAll(m, [m.pop()])],
  [byteOp('e'), (m) => appendAll(m, m.popToMark())],
  [byteOp('}'), (m) => m.push(new Map())],
  [byteOp('d'), (m) => m.push(dictOf(m.popToMark()))],
  [byteOp('s'), (m) => setItems(m, [m.pop(), m.pop()].reverse())],
  [byteOp('u'), (m) => setItems(m, m.popToMark())],
  [0x8f, (m) => m.push(new Set())],
  [0x90, (m) => addItems(m, m.popToMark())],
  [0x91, (m) => m.push(new Set(m.popToMark()))],
  [byteOp('g'), (m) => m.push(m.memoGet(Number(m.readLine())))],
  [byteOp('h'), (m) => m.push(m.memoGet(m.readU8()))],
  [byteOp('j'), (m) => m.push(m.memoGet(m.readU32()))],
  [byteOp('p'), (m) => m.memo.set(Number(m.readLine()), m.top())],
  [byteOp('q'), (m) => m.memo.set(m.readU8(), m.top())],
  [byteOp('r'), (m) => m.memo.set(m.readU32(), m.top())],
  [0x94, (m) => m.memo.set(m.memo.size, m.top())],
  [byteOp('c'), (m) => global(m, m.readLine(), m.readLine())],
  [0x93, (m) => stackGlobal(m)],
  [byteOp('R'), (m) => reduce(m)],
  [0x81, (m) => reduce(m)],
  [0x92, (m) => newObjEx(m)],
  [byteOp('b'), build],
  [byteOp('i'), (m) => inst(m)],
  [byteOp('o'), (m) => obj(m)],
  [byteOp('P'), refuse('a persistent id (PERSID)')],
  [byteOp('Q'), refuse('a persistent id (BINPERSID)')],
  [0x82, refuse('the extension registry (EXT1)')],
  [0x83, refuse('the extension registry (EXT2)')],
  [0x84, refuse('the extension registry (EXT4)')],
  [0x95, (m) => void m.readU64()],
]);

function stackGlobal(m: PickleMachine): void {
  const name = m.pop();
  const module = m.pop();
  if (typeof name !== 'string' || typeof module !== 'string')
    throw m.corrupt('STACK_GLOBAL needs two strings');
  global(m, module, name);
}

function reduce(m: PickleMachine): void {
  const args = m.pop();
  call(m, m.pop(), args);
}

function newObjEx(m: PickleMachine): void {
  const kwargs = m.pop();
  const args = m.pop();
  if (kwargs instanceof Map && kwargs.size > 0) throw m.corrupt('NEWOBJ_EX with keyword arguments');
  call(m, m.pop(), args);
}

function inst(m: PickleMachine): void {
  const module = m.readLine();
  const cls = m.resolve(module, m.readLine());
  call(m, cls, m.popToMark());
}

function obj(m: PickleMachine): void {
  const [cls, ...args] = m.popToMark();
  call(m, cls, args);
}
