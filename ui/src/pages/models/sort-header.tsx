/** A server-side sort: which key, and which way. */
export interface Sort<K extends string> {
  readonly key: K;
  readonly descending: boolean;
}

/** The `order_by` clause for a sort, e.g. `name ASC`. */
export const orderByOf = <K extends string>(sort: Sort<K>): string =>
  `${sort.key} ${sort.descending ? 'DESC' : 'ASC'}`;

/**
 * The next sort after a header click: a second click on the sorted column flips the direction; a
 * new column starts the way it is most useful (`descendingFirst`).
 */
export function nextSort<K extends string>(
  sort: Sort<K>,
  key: K,
  descendingFirst: (key: K) => boolean,
): Sort<K> {
  return sort.key === key ? { key, descending: !sort.descending } : { key, descending: descendingFirst(key) };
}

/** A column header that sorts a table; the `th` carries `aria-sort` for screen readers. */
export function SortHeader<K extends string>({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: K;
  sort: Sort<K>;
  onSort: (key: K) => void;
}) {
  const active = sort.key === sortKey;
  const direction = sort.descending ? 'descending' : 'ascending';
  return (
    <th scope="col" aria-sort={active ? direction : 'none'}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {label}
        <span aria-hidden="true" className="models-sort-arrow">
          {active ? (sort.descending ? ' ↓' : ' ↑') : ' ↕'}
        </span>
      </button>
    </th>
  );
}
