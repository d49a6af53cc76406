import { MlflowError } from '../../core/mlflow-error.js';

/** A lexical token of a search filter or order_by clause. */
export type FilterToken =
  | { kind: 'ident'; text: string; entity?: string; key: string }
  | { kind: 'string'; text: string; value: string }
  | { kind: 'number'; text: string; value: number }
  | { kind: 'word'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'list'; text: string; values: FilterToken[] };

const OPERATOR = /^[<>=!~]+/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const WORD = /^[^\s<>=!~()'"`,;]+/;
const KEYWORDS = new Set(['and', 'like', 'ilike', 'in', 'not', 'asc', 'desc']);

function invalid(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function readQuoted(input: string, at: number): { value: string; end: number } {
  const quote = input[at] ?? '';
  const close = input.indexOf(quote, at + 1);
  if (close < 0) throw invalid(`Invalid clause(s) in filter string: ${input}`);
  return { value: input.slice(at + 1, close), end: close + 1 };
}

/** Reads `[entity.]key` where either part may be wrapped in backticks (and the key in double quotes). */
function readIdentifier(input: string, at: number): { token: FilterToken; end: number } {
  let entity: string | undefined;
  let pos = at;
  if (input[pos] === '`') {
    const q = readQuoted(input, pos);
    if (input[q.end] !== '.')
      return { token: { kind: 'ident', text: input.slice(at, q.end), key: q.value }, end: q.end };
    entity = q.value;
    pos = q.end + 1;
  } else {
    const word = WORD.exec(input.slice(pos))?.[0] ?? '';
    const dot = word.indexOf('.');
    const end = pos + word.length;
    if (dot < 0) return { token: { kind: 'ident', text: word, key: word }, end };
    entity = word.slice(0, dot);
    const quotedKeyFollows = dot === word.length - 1 && '`"'.includes(input[end] ?? '');
    if (!quotedKeyFollows)
      return { token: { kind: 'ident', text: word, entity, key: word.slice(dot + 1) }, end };
    pos = end;
  }
  const quote = input[pos];
  if (quote === '`' || quote === '"') {
    const q = readQuoted(input, pos);
    return { token: { kind: 'ident', text: input.slice(at, q.end), entity, key: q.value }, end: q.end };
  }
  const key = WORD.exec(input.slice(pos))?.[0] ?? '';
  const end = pos + key.length;
  return { token: { kind: 'ident', text: input.slice(at, end), entity, key }, end };
}

function readList(input: string, at: number): { token: FilterToken; end: number } {
  const close = input.indexOf(')', at);
  if (close < 0) throw invalid(`Invalid clause(s) in filter string: ${input.slice(at)}`);
  const inner = tokenizeFilter(input.slice(at + 1, close), true);
  return { token: { kind: 'list', text: input.slice(at, close + 1), values: inner }, end: close + 1 };
}

function readWord(input: string, at: number): { token: FilterToken; end: number } {
  const word = WORD.exec(input.slice(at))?.[0] ?? '';
  if (NUMBER.test(word))
    return { token: { kind: 'number', text: word, value: Number(word) }, end: at + word.length };
  if (KEYWORDS.has(word.toLowerCase())) return { token: { kind: 'word', text: word }, end: at + word.length };
  return readIdentifier(input, at);
}

/**
 * Splits a filter into tokens: identifiers, quoted strings, numbers, operators, keywords and lists.
 *
 * @example tokenizeFilter("metrics.acc > 0.9") // ident, op, number
 */
export function tokenizeFilter(input: string, inList = false): FilterToken[] {
  const tokens: FilterToken[] = [];
  let pos = 0;
  while (pos < input.length) {
    const ch = input[pos] ?? '';
    if (/\s/.test(ch) || (inList && ch === ',')) {
      pos += 1;
      continue;
    }
    if (ch === ';')
      throw invalid(
        `Search filter contained multiple expression '${input}'. Provide AND-ed expression list.`,
      );
    let next: { token: FilterToken; end: number };
    if (ch === "'" || ch === '"') {
      const q = readQuoted(input, pos);
      next = { token: { kind: 'string', text: input.slice(pos, q.end), value: q.value }, end: q.end };
    } else if (OPERATOR.test(input.slice(pos))) {
      const op = OPERATOR.exec(input.slice(pos))?.[0] ?? '';
      next = { token: { kind: 'op', text: op }, end: pos + op.length };
    } else if (ch === '(') next = readList(input, pos);
    else if (ch === '`') next = readIdentifier(input, pos);
    else if (WORD.test(input.slice(pos))) next = readWord(input, pos);
    else throw invalid(`Invalid clause(s) in filter string: ${input}`);
    tokens.push(next.token);
    pos = next.end;
  }
  return tokens;
}
