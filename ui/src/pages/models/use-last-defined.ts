import { useState } from 'react';

/**
 * `value`, or the last defined one while it is undefined: a table keeps its rows on screen while a
 * new order or filter loads instead of blanking to a spinner.
 */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  // Setting state during render is React's way to remember a value from an earlier render.
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
