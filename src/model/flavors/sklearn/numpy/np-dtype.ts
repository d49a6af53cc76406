import { MlflowError } from '../../../../core/mlflow-error.js';
import type { DType } from '../../../../data/dtype.js';
import type { PyStateful } from '../pickle/py-object.js';

/** One field of a structured dtype: its dtype and byte offset inside a record. */
export interface NpField {
  readonly dtype: NpDType;
  readonly offset: number;
}

/**
 * A numpy dtype rebuilt from a pickle (`numpy.dtype('f8', False, True)` plus its BUILD state):
 * kind, item size, byte order, and the fields of structured records such as sklearn's tree nodes.
 *
 * @example NpDType.parse('<i8').toDType() // 'int64'
 */
export class NpDType implements PyStateful {
  littleEndian = true;
  names: string[] | null = null;
  fields = new Map<string, NpField>();

  constructor(
    readonly kind: string,
    public itemsize: number,
    /** The time unit of datetime64/timedelta64 dtypes, such as `ns`. */
    public unit = '',
  ) {}

  /** A dtype from numpy's short spec (`f8`, `<i4`, `U5`, `O8`, `M8[ns]`, `b1`). */
  static parse(spec: string): NpDType {
    const m = /^([<>|=]?)([a-zA-Z])(\d*)(?:\[(\w+)\])?$/.exec(spec);
    if (!m) throw new MlflowError(`Unsupported numpy dtype '${spec}'.`, 'BAD_REQUEST');
    const [, order = '', kind = '', size = '', unit = ''] = m;
    const charSize = kind === 'U' ? 4 : 1;
    const dt = new NpDType(kind, size === '' ? defaultSize(kind) : Number(size) * charSize, unit);
    dt.littleEndian = order !== '>';
    return dt;
  }

  setState(state: unknown): void {
    if (!Array.isArray(state) || state.length < 8) return;
    const [, endian, , names, fields, elsize] = state as unknown[];
    this.littleEndian = endian !== '>';
    if (typeof elsize === 'number' && elsize > 0) this.itemsize = elsize;
    if (Array.isArray(names) && fields instanceof Map) {
      this.names = names.map(String);
      for (const name of this.names) {
        const f = fields.get(name) as unknown[] | undefined;
        const [dtype, offset] = f ?? [];
        if (!(dtype instanceof NpDType) || typeof offset !== 'number')
          throw new MlflowError(`A structured numpy dtype has a malformed field '${name}'.`, 'BAD_REQUEST');
        this.fields.set(name, { dtype, offset });
      }
    }
  }

  /** The Modeldock dtype that holds these elements. */
  toDType(): DType {
    const bits = this.itemsize * 8;
    switch (this.kind) {
      case 'f':
        return bits === 16 ? 'float16' : bits === 32 ? 'float32' : 'float64';
      case 'i':
        return `int${bits}` as DType;
      case 'u':
        return `uint${bits}` as DType;
      case 'b':
        return 'bool';
      case 'U':
        return 'str';
      case 'S':
        return 'bytes';
      case 'M':
        return 'datetime64[ns]';
      default:
        return 'object';
    }
  }

  /** numpy's `dtype.str`, for messages. */
  toString(): string {
    return `${this.littleEndian ? '<' : '>'}${this.kind}${this.kind === 'U' ? this.itemsize / 4 : this.itemsize}`;
  }
}

function defaultSize(kind: string): number {
  if (kind === 'b') return 1;
  if (kind === 'O' || kind === 'M' || kind === 'm') return 8;
  if (kind === 'U' || kind === 'S' || kind === 'V') return 0;
  throw new MlflowError(`Unsupported numpy dtype kind '${kind}'.`, 'BAD_REQUEST');
}
