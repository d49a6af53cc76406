/**
 * YAML 1.1 as PyYAML reads and writes it, for MLmodel files. The `yaml` package's own 1.1 schema
 * differs from PyYAML's resolvers (it reads `y`, `09` and `1e3` as a bool, an int and a float;
 * PyYAML keeps them strings, and reads `1e+21` as a string too), so both directions use tags
 * built from PyYAML's implicit resolvers. Strings PyYAML would resolve to anything else are quoted.
 */
import { Document, isScalar, type Pair, parseDocument, type ScalarTag, type Tags } from 'yaml';
import { mapTag, seqTag, stringifyString } from 'yaml/util';
import { pythonIsoformat } from './python-datetime.js';
import { PyFloat, pythonFloatRepr } from '../core/python-json.js';

type Stringify = NonNullable<ScalarTag['stringify']>;

const PY_NULL = /^(?:~|null|Null|NULL|)$/;
const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
const PY_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const PY_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const PY_TIMESTAMP =
  /^(?:([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?)$/;

/** Characters PyYAML cannot read raw (its reader rejects them, or YAML 1.1 treats them as line breaks). */
const NEEDS_ESCAPE = /[^\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\u{10000}-\u{10ffff}]/u;
const NAMED_ESCAPES: Readonly<Record<number, string>> = {
  0x00: '\\0',
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x1b: '\\e',
  0x22: '\\"',
  0x5c: '\\\\',
  0x85: '\\N',
  0x2028: '\\L',
  0x2029: '\\P',
};

function escapeChar(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const named = NAMED_ESCAPES[code];
  if (named) return named;
  if (!NEEDS_ESCAPE.test(ch)) return ch;
  const hex = code.toString(16).toUpperCase();
  return code < 0x100 ? `\\x${hex.padStart(2, '0')}` : `\\u${hex.padStart(4, '0')}`;
}

/** A one-line double-quoted scalar with YAML escapes, as PyYAML's emitter writes awkward strings. */
function doubleQuoted(value: string): string {
  // Iterating by code point keeps surrogate pairs whole; lone surrogates get \u escapes.
  return `"${Array.from(value, escapeChar).join('')}"`;
}

const stringifyPyString: Stringify = (item, ctx, onComment, onChompKeep) =>
  NEEDS_ESCAPE.test(String(item.value))
    ? doubleQuoted(String(item.value))
    : // actualString makes the library quote strings that a schema tag (ours: PyYAML's) would resolve.
      stringifyString(item, { ...ctx, actualString: true }, onComment, onChompKeep);

function resolveInt(text: string): number | bigint {
  let s = text.replace(/_/g, '');
  const sign = s.startsWith('-') ? -1n : 1n;
  s = s.replace(/^[-+]/, '');
  let n: bigint;
  if (s.includes(':')) n = s.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
  else if (s.startsWith('0b')) n = BigInt(s);
  else if (s.startsWith('0x')) n = BigInt(s);
  else if (s.length > 1 && s.startsWith('0')) n = BigInt(`0o${s.slice(1)}`);
  else n = BigInt(s);
  n *= sign;
  return Number.isSafeInteger(Number(n)) ? Number(n) : n;
}

function floatValue(text: string): number {
  const s = text.replace(/_/g, '').toLowerCase();
  const sign = s.startsWith('-') ? -1 : 1;
  const body = s.replace(/^[-+]/, '');
  if (body === '.inf') return sign * Infinity;
  if (body === '.nan') return NaN;
  if (body.includes(':')) return sign * body.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
  return sign * Number(body.endsWith('.') ? body.slice(0, -1) : body);
}

/** A YAML float; `2.0` becomes PyFloat so that it is written back as a float, not the int `2`. */
function resolveFloat(text: string): number | PyFloat {
  const x = floatValue(text);
  return Number.isInteger(x) ? new PyFloat(x) : x;
}

function resolveTimestamp(text: string): Date | string {
  const m = PY_TIMESTAMP.exec(text);
  if (!m) return text;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', tz] = m;
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  ms += Number(`0.${frac || '0'}`) * 1000;
  if (tz && tz !== 'Z') {
    const [hh = '0', mm = '0'] = tz.slice(1).split(':');
    ms -= (tz.startsWith('-') ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000;
  }
  return new Date(Math.round(ms));
}

/** PyYAML's `repr`-based float text: `1.0e+21` (the `.0` keeps it a float for PyYAML), `.nan`, `-.inf`. */
function yamlFloat(x: number): string {
  if (Number.isNaN(x)) return '.nan';
  if (!Number.isFinite(x)) return x > 0 ? '.inf' : '-.inf';
  const repr = pythonFloatRepr(x);
  return repr.includes('.') ? repr : repr.replace('e', '.0e');
}

const PY_TAGS: ScalarTag[] = [
  {
    tag: 'tag:yaml.org,2002:str',
    identify: (v) => typeof v === 'string',
    default: true,
    resolve: (s) => s,
    stringify: stringifyPyString,
  },
  {
    tag: 'tag:yaml.org,2002:null',
    identify: (v) => v === null || v === undefined,
    default: true,
    test: PY_NULL,
    resolve: () => null,
    stringify: () => 'null',
  },
  {
    tag: 'tag:yaml.org,2002:bool',
    identify: (v) => typeof v === 'boolean',
    default: true,
    test: new RegExp(`${PY_TRUE.source}|${PY_FALSE.source}`),
    resolve: (s) => PY_TRUE.test(s),
    stringify: (item) => (item.value ? 'true' : 'false'),
  },
  {
    tag: 'tag:yaml.org,2002:int',
    // A JS number beyond 2^53 is a rounded double, so it is written as the float it is.
    identify: (v) => typeof v === 'bigint' || Number.isSafeInteger(v),
    default: true,
    test: PY_INT,
    resolve: resolveInt,
    stringify: (item) => BigInt(item.value as number | bigint).toString(),
  },
  {
    tag: 'tag:yaml.org,2002:float',
    identify: (v) => v instanceof PyFloat || (typeof v === 'number' && !Number.isSafeInteger(v)),
    default: true,
    test: PY_FLOAT,
    resolve: resolveFloat,
    stringify: ({ value }) => yamlFloat(value instanceof PyFloat ? value.value : (value as number)),
  },
  {
    tag: 'tag:yaml.org,2002:timestamp',
    identify: (v) => v instanceof Date,
    default: true,
    test: PY_TIMESTAMP,
    resolve: resolveTimestamp,
    stringify: (item) => pythonIsoformat(item.value as Date),
  },
];

/**
 * Write-only tags that never match a value but make the writer quote the strings they test:
 * PyYAML reads a plain `=` as its `value` tag (which safe_load rejects) and a plain `<<` as a merge key.
 */
const QUOTE_ONLY: ScalarTag[] = [
  { tag: 'tag:yaml.org,2002:value', identify: () => false, default: true, test: /^=$/, resolve: (s) => s },
  { tag: 'tag:yaml.org,2002:merge', identify: () => false, default: true, test: /^<<$/, resolve: (s) => s },
];

const COLLECTION_TAGS: Tags = [mapTag, seqTag, 'binary', 'omap', 'pairs', 'set'];
const READ_TAGS: Tags = [...COLLECTION_TAGS, ...PY_TAGS, 'merge'];
const WRITE_TAGS: Tags = [...COLLECTION_TAGS, ...PY_TAGS, ...QUOTE_ONLY];

function keyText(pair: Pair): string {
  return String(isScalar(pair.key) ? pair.key.value : pair.key);
}

/** Python sorts keys by code point; JS `<` compares UTF-16 units, which differs above U+FFFF. */
function byCodePoint(a: Pair, b: Pair): number {
  const x = Array.from(keyText(a), (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(keyText(b), (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Writes a value as YAML that PyYAML's `safe_load` reads back to the same data: keys sorted, block
 * style, no line folding, and strings quoted wherever PyYAML would read them as something else.
 *
 * @example dumpPythonYaml({ b: 'yes', a: 1.5 }) // "a: 1.5\nb: 'yes'\n"
 */
export function dumpPythonYaml(value: unknown): string {
  const doc = new Document(value, {
    version: '1.1',
    customTags: () => WRITE_TAGS,
    merge: false,
    sortMapEntries: byCodePoint,
    aliasDuplicateObjects: false,
  });
  return doc.toString({ indentSeq: false, singleQuote: true, blockQuote: false, lineWidth: 0 });
}

/**
 * Reads YAML as PyYAML's `safe_load` does (YAML 1.1 resolvers, merge keys, last duplicate key wins).
 * Throws the parser's YAMLParseError, with line and column, when the text is not one YAML document.
 *
 * @example parsePythonYaml('a: yes\nb: 1e3\n') // { a: true, b: '1e3' }
 */
export function parsePythonYaml(text: string): unknown {
  const doc = parseDocument(text, {
    version: '1.1',
    customTags: () => READ_TAGS,
    merge: true,
    uniqueKeys: false,
    prettyErrors: true,
  });
  const [error] = doc.errors;
  if (error) throw error;
  return doc.toJS();
}
