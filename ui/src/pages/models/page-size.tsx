import { useId, useState } from 'react';

/** The page sizes the models list offers, as MLflow's does. */
export const PAGE_SIZES = [10, 25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;
const STORAGE_KEY = 'modeldock.models.pageSize';

/** The stored size, when it is one of the offered ones (storage may be off or hold anything). */
function storedPageSize(): number {
  try {
    const value = Number(window.localStorage.getItem(STORAGE_KEY));
    return (PAGE_SIZES as readonly number[]).includes(value) ? value : DEFAULT_PAGE_SIZE;
  } catch {
    return DEFAULT_PAGE_SIZE;
  }
}

/** The models list's page size, remembered in this browser across visits. */
export function useStoredPageSize(): [number, (size: number) => void] {
  const [size, setSize] = useState(storedPageSize);
  const change = (next: number) => {
    setSize(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, String(next));
    } catch {
      // Storage off (a private window, say): the choice lasts until the page is left.
    }
  };
  return [size, change];
}

/** "Per page" select. */
export function PageSizeSelect({
  size,
  onChange,
  label,
}: {
  size: number;
  onChange: (size: number) => void;
  label: string;
}) {
  const id = useId();
  return (
    <div className="row page-size">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={size} onChange={(event) => onChange(Number(event.target.value))}>
        {PAGE_SIZES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}
