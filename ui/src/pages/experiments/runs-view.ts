// The runs table's view (filter, order, page size) lives in the hash query, so a deep link or a
// reload reproduces it. Parameter names follow MLflow's UI (`searchFilter`, `orderByKey`,
// `orderByAsc`); defaults are left out of the URL to keep links short.

export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

/** Which runs the table lists: MLflow's "State" filter, named as its UI state names it (`lifecycleFilter`). */
export type Lifecycle = 'Active' | 'Deleted';

/** MLflow's default: newest runs first, 100 a page. */
export const DEFAULT_ORDER_KEY = 'attributes.start_time';
const DEFAULT_PAGE_SIZE: PageSize = 100;

export interface RunsView {
  /** A `runs/search` filter in MLflow's grammar; empty for all runs. */
  readonly filter: string;
  /** An `order_by` key such as ``metrics.`f1` `` or `attributes.start_time`. */
  readonly orderByKey: string;
  readonly orderByAsc: boolean;
  readonly pageSize: PageSize;
  readonly lifecycle: Lifecycle;
}

function pageSizeOf(text: string | null): PageSize {
  return PAGE_SIZES.find((size) => String(size) === text) ?? DEFAULT_PAGE_SIZE;
}

/** The view a hash query describes; anything missing or malformed falls back to the default. */
export function readRunsView(params: URLSearchParams): RunsView {
  return {
    filter: params.get('searchFilter') ?? '',
    orderByKey: params.get('orderByKey') || DEFAULT_ORDER_KEY,
    orderByAsc: params.get('orderByAsc') === 'true',
    pageSize: pageSizeOf(params.get('pageSize')),
    lifecycle: params.get('lifecycleFilter') === 'Deleted' ? 'Deleted' : 'Active',
  };
}

/** The hash query for a view, keeping unrelated parameters and leaving defaults out. */
export function writeRunsView(params: URLSearchParams, view: RunsView): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (name: string, value: string, isDefault: boolean) =>
    isDefault ? next.delete(name) : next.set(name, value);
  set('searchFilter', view.filter, view.filter === '');
  const defaultOrder = view.orderByKey === DEFAULT_ORDER_KEY && !view.orderByAsc;
  set('orderByKey', view.orderByKey, defaultOrder);
  set('orderByAsc', String(view.orderByAsc), defaultOrder);
  set('pageSize', String(view.pageSize), view.pageSize === DEFAULT_PAGE_SIZE);
  set('lifecycleFilter', view.lifecycle, view.lifecycle === 'Active');
  return next;
}

/** The `run_view_type` a view sends. */
export function runViewType(view: RunsView): 'ACTIVE_ONLY' | 'DELETED_ONLY' {
  return view.lifecycle === 'Deleted' ? 'DELETED_ONLY' : 'ACTIVE_ONLY';
}

/** The `order_by` clause a view sends. */
export function orderByClause(view: RunsView): string {
  return `${view.orderByKey} ${view.orderByAsc ? 'ASC' : 'DESC'}`;
}

const ENTITY_ALIASES: Record<string, string> = {
  metric: 'metrics',
  metrics: 'metrics',
  param: 'params',
  params: 'params',
  parameter: 'params',
  parameters: 'params',
  tag: 'tags',
  tags: 'tags',
  attr: 'attributes',
  attribute: 'attributes',
  attributes: 'attributes',
  run: 'attributes',
};

function unquote(text: string): string {
  return /^(`.*`|".*")$/.test(text) ? text.slice(1, -1) : text;
}

/**
 * One spelling per order key (`metrics.f1`, ``metrics.`f1` `` and `metric."f1"` are the same
 * key), so the header of the column a hand-written deep link sorts by still shows the arrow.
 */
export function normalizeOrderKey(key: string): string {
  const dot = key.indexOf('.');
  const entity = dot === -1 ? undefined : ENTITY_ALIASES[unquote(key.slice(0, dot)).toLowerCase()];
  const [kind, name] = entity ? [entity, unquote(key.slice(dot + 1))] : ['attributes', unquote(key)];
  return `${kind}.${kind === 'attributes' && /^created$/i.test(name) ? 'start_time' : name}`;
}
