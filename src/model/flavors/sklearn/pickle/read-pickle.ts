import { MlflowError } from '../../../../core/mlflow-error.js';
import { type GlobalResolver, PickleMachine } from './pickle-machine.js';
import { OPCODES } from './pickle-opcodes.js';

const STOP = 0x2e;

/**
 * Reads a pickle (protocols 0–5) as data: opcodes are interpreted by a stack machine, and GLOBAL
 * names go through `resolve`, which returns only allowlisted TypeScript implementations. No code
 * from the file is ever run.
 *
 * @example const value = readPickle(await readFile('model.pkl'), 'model.pkl', sklearnAllowlist);
 */
export function readPickle(bytes: Uint8Array, file: string, resolve: GlobalResolver): unknown {
  const m = new PickleMachine(bytes, file, resolve);
  for (;;) {
    if (m.pos >= bytes.length) throw m.corrupt('the pickle is truncated: it has no STOP opcode');
    const at = m.pos;
    const op = m.readU8();
    if (op === STOP) return m.pop();
    if (op === 0x80) {
      const proto = m.readU8();
      if (proto > 5) throw m.corrupt(`pickle protocol ${proto} is not supported`);
      continue;
    }
    const handler = OPCODES.get(op);
    if (!handler) {
      m.pos = at;
      throw m.corrupt(`unknown opcode 0x${op.toString(16).padStart(2, '0')}`);
    }
    try {
      handler(m);
    } catch (e) {
      if (e instanceof MlflowError) throw e;
      throw new MlflowError(`Cannot read ${file}: ${(e as Error).message} (at byte ${at}).`, 'BAD_REQUEST', {
        file,
        cause: e,
      });
    }
  }
}
