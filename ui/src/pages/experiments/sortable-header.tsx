/** Which way a column is sorted, in `aria-sort`'s words. */
export type SortDirection = 'ascending' | 'descending';

/**
 * A column header whose label is a button that sorts by it. `aria-sort` sits on the th, where
 * screen readers look for it, and only on the sorted column (ARIA allows one at a time).
 */
export function SortableHeader({
  label,
  direction,
  onSort,
  className,
}: {
  label: string;
  direction: SortDirection | undefined;
  onSort: () => void;
  className?: string | undefined;
}) {
  const arrow = direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕';
  return (
    <th scope="col" aria-sort={direction} className={className}>
      <button type="button" className="sort-button" onClick={onSort}>
        {label}
        <span aria-hidden="true" className={direction ? 'sort-arrow active' : 'sort-arrow'}>
          {arrow}
        </span>
      </button>
    </th>
  );
}
