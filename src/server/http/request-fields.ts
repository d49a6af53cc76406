import { MlflowError } from '../../core/mlflow-error.js';
import { isPlainObject, pythonStr, pythonTypeName } from '../../core/python-json.js';

type JsonObject = Record<string, unknown>;
type QueryObject = Record<string, string[]>;

const API_DOCS = 'See the API docs for more information about request parameters.';
// MLflow coerces numeric experiment ids to strings before parsing (old clients sent numbers).
const NUMERIC_STRING_FIELDS = new Set(['experiment_id', 'experiment_ids']);
const INTEGER_TEXT = /^\s*[-+]?\d+\s*$/;
const SPECIAL_DOUBLES: Readonly<Record<string, number>> = {
  NaN: NaN,
  Infinity: Infinity,
  '-Infinity': -Infinity,
};

function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

function wrongType(name: string, value: unknown): MlflowError {
  const hint = `Hint: Value was of type '${pythonTypeName(value)}'. ${API_DOCS}`;
  return new MlflowError(
    `Invalid value ${pythonStr(value)} for parameter '${name}' supplied:  ${hint}`,
    'INVALID_PARAMETER_VALUE',
    {
      field: name,
    },
  );
}

function missing(name: string): MlflowError {
  return new MlflowError(
    `Missing value for required parameter '${name}'. ${API_DOCS}`,
    'INVALID_PARAMETER_VALUE',
    {
      field: name,
    },
  );
}

function parseInteger(name: string, value: unknown): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && INTEGER_TEXT.test(value)) return Number(value);
  throw wrongType(name, value);
}

function parseDouble(name: string, value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const special = SPECIAL_DOUBLES[value.trim()];
    if (special !== undefined) return special;
    if (value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  }
  throw wrongType(name, value);
}

function parseBool(name: string, value: unknown, fromQuery: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && ['true', 'false'].includes(value.toLowerCase()))
    return value.toLowerCase() === 'true';
  if (fromQuery) {
    throw new MlflowError(
      `Invalid boolean value: ${String(value)}, must be 'true' or 'false'.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  throw wrongType(name, value);
}

/**
 * The fields of one request message, read from a JSON body or a query string by the rules of
 * rest-api.md §1.2: snake_case or lowerCamelCase names, int64 as number or numeric text, enums by
 * name or number, repeated query keys as lists, `null` as unset. Getters throw MLflow's
 * INVALID_PARAMETER_VALUE messages.
 *
 * @example RequestFields.fromQuery(new URLSearchParams('run_id=abc')).requiredString('run_id') // 'abc'
 */
export class RequestFields {
  private constructor(
    private readonly json: JsonObject,
    private readonly query: QueryObject | undefined,
  ) {}

  /** Fields of a JSON object (anything but an object reads as `{}`). */
  static fromJson(value: unknown): RequestFields {
    return new RequestFields(isPlainObject(value) ? value : {}, undefined);
  }

  /** Fields of a query string; every key may repeat. */
  static fromQuery(params: URLSearchParams): RequestFields {
    const query: QueryObject = {};
    for (const [key, value] of params) (query[key] ??= []).push(value);
    return new RequestFields({}, query);
  }

  private raw(name: string): unknown {
    if (this.query) return this.query[name] ?? this.query[camelCase(name)];
    const value = this.json[name] ?? this.json[camelCase(name)];
    return value === null ? undefined : value;
  }

  /** The single value of a scalar field (the first occurrence of a query key). */
  private scalar(name: string): unknown {
    const value = this.raw(name);
    return this.query && Array.isArray(value) ? value[0] : value;
  }

  /** Whether the field is present (even when empty). */
  has(name: string): boolean {
    return this.raw(name) !== undefined;
  }

  string(name: string): string | undefined {
    const value = this.scalar(name);
    if (value === undefined || typeof value === 'string') return value;
    if (typeof value === 'number' && NUMERIC_STRING_FIELDS.has(name)) return String(value);
    throw wrongType(name, value);
  }

  /** A required string: absent or `""` is "Missing value for required parameter". */
  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missing(name);
    return value;
  }

  int(name: string): number | undefined {
    const value = this.scalar(name);
    return value === undefined ? undefined : parseInteger(name, value);
  }

  requiredInt(name: string): number {
    const value = this.int(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  double(name: string): number | undefined {
    const value = this.scalar(name);
    return value === undefined ? undefined : parseDouble(name, value);
  }

  requiredDouble(name: string): number {
    const value = this.double(name);
    if (value === undefined) throw missing(name);
    return value;
  }

  bool(name: string): boolean | undefined {
    const value = this.scalar(name);
    return value === undefined ? undefined : parseBool(name, value, this.query !== undefined);
  }

  /** An enum given by name or number, returned as its name; `values` maps names to numbers. */
  enumName<N extends string>(name: string, values: Readonly<Record<N, number>>): N | undefined {
    const value = this.scalar(name);
    if (value === undefined) return undefined;
    const names = Object.keys(values) as N[];
    if (typeof value === 'string' && names.includes(value as N)) return value as N;
    const number = typeof value === 'string' && INTEGER_TEXT.test(value) ? Number(value) : value;
    const found = names.find((n) => values[n] === number);
    if (found === undefined) throw wrongType(name, value);
    return found;
  }

  /** A repeated string field; a single value counts as a one-element list. */
  strings(name: string): string[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    const list: unknown[] = Array.isArray(value) ? value : [value];
    return list.map((item) => {
      if (typeof item === 'string') return item;
      if (typeof item === 'number' && NUMERIC_STRING_FIELDS.has(name)) return String(item);
      throw wrongType(name, value);
    });
  }

  /** A nested message field (JSON bodies only). */
  message(name: string): RequestFields | undefined {
    const value = this.query ? undefined : this.raw(name);
    if (value === undefined) return undefined;
    if (!isPlainObject(value)) throw wrongType(name, value);
    return RequestFields.fromJson(value);
  }

  /** A repeated message field (JSON bodies only; a query string carries no nested messages). */
  messages(name: string): RequestFields[] {
    const value = this.query ? undefined : this.raw(name);
    if (value === undefined) return [];
    if (!Array.isArray(value) || !value.every(isPlainObject)) throw wrongType(name, value);
    return value.map((item) => RequestFields.fromJson(item));
  }
}
