/**
 * A JSON reader that behaves as Python's `json.loads`: it accepts `NaN` / `Infinity`, rejects
 * control characters inside strings, and reports errors in Python's words with line, column and
 * character offset. Number literals go through a caller-supplied function so the caller can keep
 * the int / float distinction that `JSON.parse` drops.
 */
import { MlflowError } from './mlflow-error.js';

type NumberReader = (raw: string) => unknown;

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/;
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

class Reader {
  pos = 0;
  constructor(
    readonly text: string,
    readonly readNumber: NumberReader,
  ) {}

  fail(message: string, at = this.pos): never {
    const before = this.text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    throw new MlflowError(
      `${message}: line ${line} column ${column} (char ${at})`,
      'INVALID_PARAMETER_VALUE',
    );
  }

  skipSpace(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  value(): unknown {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '"') return this.string();
    if (ch === '{') return this.object();
    if (ch === '[') return this.array();
    for (const [word, v] of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    const m = NUMBER.exec(this.text.slice(this.pos));
    if (!m) this.fail('Expecting value');
    this.pos += m[0].length;
    return this.readNumber(m[0]);
  }

  string(): string {
    const start = this.pos++;
    let out = '';
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('Unterminated string starting at', start);
      if (ch === '"') break;
      if (ch < ' ') this.fail('Invalid control character at');
      if (ch === '\\') out += this.escape();
      else {
        out += ch;
        this.pos++;
      }
    }
    this.pos++;
    return out;
  }

  escape(): string {
    const code = this.text[this.pos + 1] ?? '';
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) {
      this.pos += 2;
      return simple;
    }
    const hex = this.text.slice(this.pos + 2, this.pos + 6);
    if (code !== 'u') this.fail('Invalid \\escape');
    if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Invalid \\uXXXX escape');
    this.pos += 6;
    return String.fromCharCode(parseInt(hex, 16));
  }

  array(): unknown[] {
    this.pos++;
    const out: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value());
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === ']') return out;
      if (ch !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
  }

  object(): Record<string, unknown> {
    this.pos++;
    const entries: [string, unknown][] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return {};
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('Expecting property name enclosed in double quotes');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') this.fail("Expecting ':' delimiter", this.pos - 1);
      entries.push([key, this.value()]);
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === '}') return Object.fromEntries(entries) as Record<string, unknown>;
      if (ch !== ',') this.fail("Expecting ',' delimiter", this.pos - 1);
    }
  }
}

const LITERALS: readonly (readonly [string, unknown])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

/**
 * Parses `text` as Python's `json.loads` does, handing each number literal to `readNumber`.
 *
 * @example parsePythonJson('[1.0]', Number) // [1]
 */
export function parsePythonJson(text: string, readNumber: NumberReader): unknown {
  const reader = new Reader(text, readNumber);
  const value = reader.value();
  reader.skipSpace();
  if (reader.pos < text.length) reader.fail('Extra data');
  return value;
}
