import { useState } from 'react';

/**
 * `value`, or the last defined one while it is undefined. The runs table uses it to keep the last
 * good page on screen while a bad filter is being fixed, instead of blanking the table.
 */
export function useLastDefined<T>(value: T | undefined): T | undefined {
  const [last, setLast] = useState(value);
  // Updating state while rendering is React's pattern for remembering a previous render's value.
  if (value !== undefined && value !== last) setLast(value);
  return value ?? last;
}
