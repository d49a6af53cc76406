/**
 * A malformed LightGBM text model, with the line or tree where it went wrong.
 *
 * @example new LightGBMFormatError('Tree=3: missing leaf_value')
 */
export class LightGBMFormatError extends Error {
  override readonly name = 'LightGBMFormatError';
}

/** The sections of a LightGBM text model file (`Booster.save_model`), as key → raw value. */
export interface LightGBMText {
  readonly header: ReadonlyMap<string, string>;
  readonly trees: readonly ReadonlyMap<string, string>[];
  /** The `pandas_categorical:` JSON at the end, or null. */
  readonly pandasCategorical: unknown;
}

function keyValue(line: string): [string, string] {
  const eq = line.indexOf('=');
  return eq < 0 ? [line, ''] : [line.slice(0, eq), line.slice(eq + 1)];
}

function pandasCategorical(lines: readonly string[], from: number): unknown {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('pandas_categorical:')) continue;
    const raw = line.slice('pandas_categorical:'.length).trim();
    try {
      return raw === '' || raw === 'null' ? null : (JSON.parse(raw) as unknown);
    } catch {
      throw new LightGBMFormatError(`line ${i + 1}: pandas_categorical is not valid JSON`);
    }
  }
  return null;
}

/**
 * Splits a LightGBM text model into its header, its `Tree=i` blocks and the trailing
 * `pandas_categorical` line; a file that stops before `end of trees` is reported as truncated.
 *
 * @example const { header, trees } = parseLightGBMText(readFileSync('model.lgb', 'utf8'));
 */
export function parseLightGBMText(text: string): LightGBMText {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== 'tree')
    throw new LightGBMFormatError(
      `line 1: expected 'tree', found ${JSON.stringify(lines[0]?.slice(0, 40) ?? '')}`,
    );
  const header = new Map<string, string>();
  const trees: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    if (line === 'end of trees') return { header, trees, pandasCategorical: pandasCategorical(lines, i + 1) };
    if (line === '') continue;
    const [key, value] = keyValue(line);
    if (key === 'Tree') {
      if (Number(value) !== trees.length)
        throw new LightGBMFormatError(`line ${i + 1}: expected Tree=${trees.length}, found ${line}`);
      current = new Map();
      trees.push(current);
    } else (current ?? header).set(key, value);
  }
  throw new LightGBMFormatError(
    `the file ends before 'end of trees' (truncated after ${trees.length} trees)`,
  );
}

// C++ streams write infinities as inf / -inf.
function token(t: string): number {
  const lower = t.toLowerCase();
  if (lower === 'inf' || lower === '+inf') return Infinity;
  if (lower === '-inf') return -Infinity;
  return Number(t);
}

/**
 * A whitespace-separated list of numbers from a tree block; checks the count when `count` is given.
 *
 * @example numberList(block, 'leaf_value', 'Tree=0', 4)
 */
export function numberList(
  block: ReadonlyMap<string, string>,
  key: string,
  where: string,
  count?: number,
): number[] {
  const raw = block.get(key);
  if (raw === undefined) throw new LightGBMFormatError(`${where}: missing ${key}`);
  const tokens = raw.trim() === '' ? [] : raw.trim().split(/\s+/);
  const values = tokens.map(token);
  const bad = values.findIndex((v, i) => Number.isNaN(v) && (tokens[i] ?? '').toLowerCase() !== 'nan');
  if (bad >= 0)
    throw new LightGBMFormatError(
      `${where}: ${key} has ${JSON.stringify(tokens[bad])}, which is not a number`,
    );
  if (count !== undefined && values.length !== count)
    throw new LightGBMFormatError(`${where}: ${key} has ${values.length} values, expected ${count}`);
  return values;
}
