import { MlflowError } from '../../core/mlflow-error.js';
import { tokenizeFilter, type FilterToken } from './filter-lexer.js';

/** One `identifier comparator value` clause before its meaning is checked. */
export interface RawClause {
  entity: string | undefined;
  key: string;
  /** Upper-cased: `=`, `!=`, `LIKE`, `NOT IN`, ... */
  comparator: string;
  value: FilterToken;
}

function invalidClause(tokens: FilterToken[]): MlflowError {
  return new MlflowError(
    `Invalid clause(s) in filter string: ${tokens.map((t) => t.text).join(', ')}`,
    'INVALID_PARAMETER_VALUE',
  );
}

function splitOnAnd(tokens: FilterToken[]): FilterToken[][] {
  const groups: FilterToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'word' && token.text.toLowerCase() === 'and') groups.push([]);
    else groups[groups.length - 1]?.push(token);
  }
  return groups;
}

function toClause(group: FilterToken[]): RawClause {
  const [ident, first, second, third] = group;
  if (ident?.kind !== 'ident' || first === undefined || second === undefined) throw invalidClause(group);
  const notIn = first.kind === 'word' && first.text.toLowerCase() === 'not';
  if (notIn) {
    if (
      second.kind !== 'word' ||
      second.text.toLowerCase() !== 'in' ||
      third === undefined ||
      group.length !== 4
    ) {
      throw invalidClause(group);
    }
    return { entity: ident.entity, key: ident.key, comparator: 'NOT IN', value: third };
  }
  if (group.length !== 3 || (first.kind !== 'op' && first.kind !== 'word')) throw invalidClause(group);
  return { entity: ident.entity, key: ident.key, comparator: first.text.toUpperCase(), value: second };
}

/**
 * Parses `clause (AND clause)*` into raw clauses; an empty filter has none.
 *
 * @example parseClauses("metrics.acc > 0.9 AND tags.x = 'y'").length // 2
 */
export function parseClauses(filter: string | undefined): RawClause[] {
  if (filter === undefined || filter.trim() === '') return [];
  const tokens = tokenizeFilter(filter);
  return splitOnAnd(tokens).map((group) => {
    if (group.length === 0) throw invalidClause(tokens);
    return toClause(group);
  });
}

/** A parsed order_by item. */
export interface RawOrderBy {
  entity: string | undefined;
  key: string;
  ascending: boolean;
}

/**
 * Parses one order_by item `identifier [ASC|DESC]`.
 *
 * @example parseOrderByItem('metrics.acc DESC') // { entity: 'metrics', key: 'acc', ascending: false }
 */
export function parseOrderByItem(item: string): RawOrderBy {
  let tokens: FilterToken[];
  try {
    tokens = tokenizeFilter(item);
  } catch {
    throw new MlflowError(
      `Invalid order_by clause '${item}'. Could not be parsed.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  const [ident, direction, ...rest] = tokens;
  if (ident?.kind !== 'ident') {
    throw new MlflowError(
      `Invalid order_by clause '${item}'. Could not be parsed.`,
      'INVALID_PARAMETER_VALUE',
    );
  }
  const dir = direction?.text.toUpperCase();
  if (rest.length > 0 || (dir !== undefined && dir !== 'ASC' && dir !== 'DESC')) {
    throw new MlflowError(`Invalid ordering key in order_by clause '${item}'.`, 'INVALID_PARAMETER_VALUE');
  }
  return { entity: ident.entity, key: ident.key, ascending: dir !== 'DESC' };
}

/** Formats a Python-style set literal for MLflow's "Valid keys are ..." messages. */
export function pythonSet(values: readonly string[]): string {
  return `{${values.map((v) => `'${v}'`).join(', ')}}`;
}

/** Rejects an order_by list naming the same field twice. */
export function checkDuplicateOrderBy(keys: readonly string[]): void {
  if (new Set(keys).size !== keys.length) {
    throw new MlflowError('order_by contains duplicate fields', 'INVALID_PARAMETER_VALUE');
  }
}
