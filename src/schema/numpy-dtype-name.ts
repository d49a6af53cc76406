/**
 * numpy's canonical dtype names, so a TensorSpec read with an alias (`f4`, `<f8`, `float`, `O`)
 * is written back with the name MLflow writes (`float32`, `float64`, `float64`, `object`).
 */
import { MlflowError } from '../core/mlflow-error.js';

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  bool: ['bool', 'bool_', '?', 'b1'],
  int8: ['int8', 'i1', 'byte', 'b'],
  int16: ['int16', 'i2', 'short', 'h'],
  int32: ['int32', 'i4', 'intc', 'i'],
  int64: ['int64', 'i8', 'int', 'int_', 'intp', 'long', 'longlong', 'l', 'q', 'p'],
  uint8: ['uint8', 'u1', 'ubyte', 'B'],
  uint16: ['uint16', 'u2', 'ushort', 'H'],
  uint32: ['uint32', 'u4', 'uintc', 'I'],
  uint64: ['uint64', 'u8', 'uint', 'uintp', 'ulong', 'ulonglong', 'L', 'Q', 'P'],
  float16: ['float16', 'f2', 'half', 'e'],
  float32: ['float32', 'f4', 'single', 'f'],
  float64: ['float64', 'f8', 'float', 'double', 'd'],
  float128: ['float128', 'f16', 'longdouble', 'g'],
  complex64: ['complex64', 'c8', 'csingle', 'F'],
  complex128: ['complex128', 'c16', 'complex', 'cdouble', 'D'],
  complex256: ['complex256', 'c32', 'clongdouble', 'G'],
  str: ['str', 'str_', 'unicode', 'U', 'U0'],
  bytes: ['bytes', 'bytes_', 'S', 'S0', 'a'],
  object: ['object', 'object_', 'O'],
  void: ['void', 'V', 'V0'],
};

const ALIASES = new Map<string, string>(
  Object.entries(GROUPS).flatMap(([name, aliases]) => aliases.map((a) => [a, name] as const)),
);

const TIME = /^(datetime64|timedelta64|M8|m8)(?:\[(\d*(?:Y|M|W|D|h|m|s|ms|us|μs|ns|ps|fs|as)|generic)\])?$/;
const SIZED_FLEXIBLE = /^(U|S|a)(\d+)$/;

/**
 * The numpy dtype name (`np.dtype(name).name`) for a dtype string; throws for sized strings
 * (`<U5`) as MLflow does, and for names numpy does not know.
 *
 * @example numpyDtypeName('<f4') // 'float32'
 */
export function numpyDtypeName(spelled: string): string {
  const bare = /^[<>=|]/.test(spelled) ? spelled.slice(1) : spelled;
  const known = ALIASES.get(bare);
  if (known !== undefined) return known;
  const time = TIME.exec(bare);
  if (time) {
    const kind = time[1] === 'm8' || time[1] === 'timedelta64' ? 'timedelta64' : 'datetime64';
    const unit = time[2] === undefined || time[2] === 'generic' ? '' : `[${time[2].replace('μs', 'us')}]`;
    return kind + unit;
  }
  const sized = SIZED_FLEXIBLE.exec(bare);
  if (sized) {
    const base = sized[1] === 'U' ? 'str' : 'bytes';
    throw new MlflowError(
      'MLflow does not support size information in flexible numpy data types. Use' +
        ` np.dtype("${base}") instead`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  const voidSize = /^V(\d+)$/.exec(bare);
  if (voidSize) return `void${Number(voidSize[1]) * 8}`;
  throw new MlflowError(`data type '${spelled}' not understood`, 'INVALID_PARAMETER_VALUE');
}
