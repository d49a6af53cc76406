import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MlflowError } from '../../src/core/mlflow-error.js';
import { loadModel } from '../../src/model/load-model.js';
import type { NdArray } from '../../src/model/flavors/sklearn/numpy/nd-array.js';
import { allowlistResolver } from '../../src/model/flavors/sklearn/pickle/allowlist.js';
import { readPickle } from '../../src/model/flavors/sklearn/pickle/read-pickle.js';
import { loadSklearnModel } from '../../src/model/flavors/sklearn/load-sklearn-model.js';

const SPECIAL = join(import.meta.dirname, '../data-files/flavors/sklearn/special');
const resolver = allowlistResolver(new Set(), new Set(), 'test.pkl');
const bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

function caught(fn: () => unknown): MlflowError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(MlflowError);
    return e as MlflowError;
  }
  throw new Error('expected an error');
}

describe('the safe unpickler refuses code', () => {
  it('a pickle whose __reduce__ calls os.system is refused, naming it, and nothing runs', () => {
    const file = join(SPECIAL, 'os_system.pkl');
    const err = caught(() => loadSklearnModel(readFileSync(file), file));
    expect(err.message).toBe(
      `Refusing to load ${file}: it references posix.system, which is not on Modeldock's allowlist of scikit-learn classes.`,
    );
    expect(err.file).toBe(file);
    expect(existsSync('/tmp/modeldock-pwned')).toBe(false);
  });

  it.each([
    'os\nsystem',
    'builtins\neval',
    'builtins\ngetattr',
    'subprocess\nPopen',
    'sklearn.utils\ndeprecated',
  ])('a hand-built GLOBAL %j is refused before anything is called', (name) => {
    const pickle = bytes(`c${name}\n(S'echo hi'\ntR.`);
    expect(caught(() => readPickle(pickle, 'evil.pkl', resolver)).message).toContain(name.replace('\n', '.'));
  });

  it('loadModel of an sklearn folder with a hostile model.pkl fails with the refusal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-evil-'));
    writeFileSync(
      join(dir, 'MLmodel'),
      'flavors:\n  sklearn:\n    pickled_model: model.pkl\n    serialization_format: cloudpickle\n',
    );
    writeFileSync(join(dir, 'model.pkl'), readFileSync(join(SPECIAL, 'os_system.pkl')));
    await expect(loadModel(dir)).rejects.toThrow(
      /Refusing to load .*model\.pkl: it references posix\.system/,
    );
  });
});

describe('the safe unpickler reports damaged files', () => {
  const good = readFileSync(join(SPECIAL, 'numpy_p4.pkl'));

  it.each([10, 200, good.length - 1])(
    'a pickle truncated to %i bytes is a clear MlflowError naming the file',
    (n) => {
      const err = caught(() => readPickle(good.subarray(0, n), 'model.pkl', resolver));
      expect(err.message).toMatch(/^Cannot read model\.pkl: /);
      expect(err.file).toBe('model.pkl');
    },
  );

  it('an unknown opcode, a bad memo reference and a newer protocol are named', () => {
    expect(caught(() => readPickle(bytes('\x80\x04\xff'), 'm.pkl', resolver)).message).toContain(
      'unknown opcode 0xff',
    );
    expect(caught(() => readPickle(bytes('\x80\x04h\x05.'), 'm.pkl', resolver)).message).toContain(
      'memo entry 5',
    );
    expect(caught(() => readPickle(bytes('\x80\x09N.'), 'm.pkl', resolver)).message).toContain('protocol 9');
  });

  it('a model.pkl that is not a pickle at all fails to load with the file named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sk-bad-'));
    writeFileSync(join(dir, 'MLmodel'), 'flavors:\n  sklearn:\n    pickled_model: model.pkl\n');
    writeFileSync(join(dir, 'model.pkl'), 'hello, world');
    await expect(loadModel(dir)).rejects.toThrow(`Cannot read ${join(dir, 'model.pkl')}`);
  });
});

describe.each([2, 3, 4, 5])('numpy arrays pickled with protocol %i are rebuilt from their bytes', (proto) => {
  const value = readPickle(readFileSync(join(SPECIAL, `numpy_p${proto}.pkl`)), 'numpy.pkl', resolver) as Map<
    string,
    unknown
  >;
  const array = (k: string): NdArray => value.get(k) as NdArray;

  it('numbers in any byte order and memory layout', () => {
    expect(array('f8_big_endian').shape).toEqual([2, 3]);
    expect([...array('f8_big_endian').toFloat64()]).toEqual([0, 1, 2, 3, 4, 5].map((v) => v / 7));
    expect([...(array('i4_fortran').data as Int32Array)]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect([...(array('f2').data as Float32Array)]).toEqual([0.5, -2.25, 65504, Infinity]);
    expect([...(array('u2_big_endian').data as Uint16Array)]).toEqual([1, 513, 65535]);
    expect([...(array('int64').data as BigInt64Array)]).toEqual([-(2n ** 63n), 2n ** 62n]);
    expect([...(array('bool').data as Uint8Array)]).toEqual([1, 0, 1]);
  });

  it('strings, bytes, objects and records', () => {
    expect(array('unicode').data).toEqual(['a', 'héllo', 'zé😀']);
    expect(array('bytes').data).toEqual([bytes('ab'), bytes('c')]);
    expect(array('object').data).toEqual(['x', 1, null]);
    expect([...(array('record').field('a').data as BigInt64Array)]).toEqual([1n, -3n]);
    expect([...array('record').field('b').toFloat64()]).toEqual([2.5, 4.25]);
  });

  it('numpy scalars and plain Python values', () => {
    expect(value.get('scalar_f8')).toBe(1.5);
    expect(value.get('scalar_i8')).toBe(-7n);
    expect(value.get('set')).toEqual(new Set([1, 2]));
    expect(value.get('nested')).toEqual([
      ['1', 'two'].map((v, i) => (i === 0 ? 1 : v)),
      new Map([['three', 3]]),
    ]);
    expect(value.get('big_int')).toBe(2n ** 70n);
    expect(value.get('bytes_value')).toEqual(Uint8Array.of(0, 255));
  });
});
