import { MlflowError } from '../../core/mlflow-error.js';
import {
  checkDuplicateOrderBy,
  parseClauses,
  parseOrderByItem,
  pythonSet,
  type RawClause,
} from './parse-clauses.js';
import {
  listValue,
  NUMERIC_COMPARATORS,
  numericValue,
  STRING_COMPARATORS,
  stringValue,
} from './run-filter.js';

/** A checked registry search clause; attribute keys are already mapped to table columns. */
export interface RegistryCondition {
  target: 'attribute' | 'tag';
  key: string;
  comparator: string;
  value: string | number | string[];
}

export interface RegistryOrderBy {
  /** A column of `registered_models` or `model_versions`. */
  column: string;
  ascending: boolean;
}

/** The tag that marks a registered model as a prompt (hidden from model searches). */
export const PROMPT_TAG = 'mlflow.prompt.is_prompt';

const MODEL_ORDER: Record<string, string> = {
  name: 'name',
  timestamp: 'last_updated_time',
  last_updated_timestamp: 'last_updated_time',
  creation_timestamp: 'creation_time',
};
const VERSION_STRING: Record<string, string> = { name: 'name', run_id: 'run_id', source_path: 'source' };
const VERSION_ORDER: Record<string, string> = {
  name: 'name',
  version_number: 'version',
  creation_timestamp: 'creation_time',
  last_updated_timestamp: 'last_updated_time',
};

function bad(message: string): MlflowError {
  return new MlflowError(message, 'INVALID_PARAMETER_VALUE');
}

function entityOf(entity: string | undefined): 'attribute' | 'tag' {
  if (entity === undefined || entity === 'attribute' || entity === 'attributes') return 'attribute';
  if (entity === 'tag' || entity === 'tags') return 'tag';
  throw bad(`Invalid entity type '${entity}'. Valid values are ['tag', 'attribute']`);
}

function clauseText(clause: RawClause): string {
  return `${clause.key}, ${clause.comparator}, ${clause.value.text}`;
}

function tagCondition(clause: RawClause): RegistryCondition {
  if (!STRING_COMPARATORS.includes(clause.comparator)) {
    throw bad(`Invalid comparator '${clause.comparator}' not one of '${pythonSet(STRING_COMPARATORS)}'`);
  }
  return {
    target: 'tag',
    key: clause.key,
    comparator: clause.comparator,
    value: stringValue(clause.value, 'tag'),
  };
}

function stringAttribute(clause: RawClause, column: string, allowList: boolean): RegistryCondition {
  const { comparator, value } = clause;
  if (allowList && comparator === 'IN')
    return { target: 'attribute', key: column, comparator, value: listValue(value) };
  if (value.kind === 'list') {
    throw bad("Only the 'run_id' attribute supports comparison with a list of quoted string values.");
  }
  if (!STRING_COMPARATORS.includes(comparator)) throw bad(`Invalid comparator for attribute: ${comparator}`);
  return { target: 'attribute', key: column, comparator, value: stringValue(value, 'attribute') };
}

function modelCondition(clause: RawClause): RegistryCondition {
  if (entityOf(clause.entity) === 'tag') return tagCondition(clause);
  if (clause.key !== 'name') throw bad(`Invalid clause(s) in filter string: ${clauseText(clause)}`);
  return stringAttribute(clause, 'name', false);
}

function versionCondition(clause: RawClause): RegistryCondition {
  if (entityOf(clause.entity) === 'tag') return tagCondition(clause);
  const column = VERSION_STRING[clause.key];
  if (column !== undefined) return stringAttribute(clause, column, clause.key === 'run_id');
  if (clause.key === 'version_number') {
    if (!NUMERIC_COMPARATORS.includes(clause.comparator)) {
      throw bad(`Invalid comparator for attribute: ${clause.comparator}`);
    }
    return {
      target: 'attribute',
      key: 'version',
      comparator: clause.comparator,
      value: numericValue(clause.value, 'attribute'),
    };
  }
  const valid = [...Object.keys(VERSION_STRING), 'version_number'];
  throw bad(`Invalid attribute key '${clause.key}' specified. Valid keys are '${pythonSet(valid)}'`);
}

/**
 * Parses a search_registered_models filter (`name`, `tags.<k>`).
 *
 * @example parseRegisteredModelFilter("name LIKE 'churn-%'")
 */
export function parseRegisteredModelFilter(filter: string | undefined): RegistryCondition[] {
  return parseClauses(filter).map(modelCondition);
}

/**
 * Parses a search_model_versions filter (`name`, `run_id`, `source_path`, `version_number`, `tags.<k>`).
 *
 * @example parseModelVersionFilter("name = 'churn' AND tags.validated = 'true'")
 */
export function parseModelVersionFilter(filter: string | undefined): RegistryCondition[] {
  return parseClauses(filter).map(versionCondition);
}

/**
 * Whether a filter explicitly asks for prompts (otherwise they are excluded).
 *
 * @example wantsPrompts(parseRegisteredModelFilter("tags.`mlflow.prompt.is_prompt` = 'true'")) // true
 */
export function wantsPrompts(conditions: readonly RegistryCondition[]): boolean {
  return conditions.some(
    (c) =>
      c.target === 'tag' &&
      c.key === PROMPT_TAG &&
      ((c.comparator === '=' && c.value === 'true') || (c.comparator === '!=' && c.value === 'false')),
  );
}

function parseOrder(
  items: readonly string[] | undefined,
  columns: Record<string, string>,
): RegistryOrderBy[] {
  const parsed = (items ?? [])
    .filter((i) => i.trim() !== '')
    .map((item) => {
      const raw = parseOrderByItem(item);
      const column = columns[raw.key];
      if ((raw.entity !== undefined && raw.entity !== 'attribute') || column === undefined) {
        throw bad(
          `Invalid order by key '${raw.key}' specified. Valid keys are '${pythonSet(Object.keys(columns))}'`,
        );
      }
      return { column, ascending: raw.ascending, key: raw.key };
    });
  checkDuplicateOrderBy(parsed.map((o) => o.column));
  return parsed.map(({ column, ascending }) => ({ column, ascending }));
}

/**
 * search_registered_models order_by plus the `name ASC` tie-break; default `name ASC`.
 *
 * @example parseRegisteredModelOrderBy(['last_updated_timestamp DESC'])
 */
export function parseRegisteredModelOrderBy(items: readonly string[] | undefined): RegistryOrderBy[] {
  const order = parseOrder(items, MODEL_ORDER);
  if (!order.some((o) => o.column === 'name')) order.push({ column: 'name', ascending: true });
  return order;
}

/**
 * search_model_versions order_by plus tie-breaks `name ASC`, `version_number DESC`.
 *
 * @example parseModelVersionOrderBy([]) // last_updated DESC, name ASC, version DESC
 */
export function parseModelVersionOrderBy(items: readonly string[] | undefined): RegistryOrderBy[] {
  const order = parseOrder(items, VERSION_ORDER);
  if (order.length === 0) order.push({ column: 'last_updated_time', ascending: false });
  if (!order.some((o) => o.column === 'name')) order.push({ column: 'name', ascending: true });
  if (!order.some((o) => o.column === 'version')) order.push({ column: 'version', ascending: false });
  return order;
}
