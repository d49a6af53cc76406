import { expect } from 'vitest';
import { render } from '../support/python-values.js';

/** Asserts numbers within `rel` relative tolerance (absolute near zero), everything else exactly. */
export function expectClose(actual: unknown, expected: unknown, rel = 1e-9, path = '$'): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = rel * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol))
      expect.fail(`${path}: ${actual} is not within ${rel} of ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const a = actual as unknown[];
    expect(a.length, `${path}.length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose(a[i], e, rel, `${path}[${i}]`));
    return;
  }
  expect(actual, path).toEqual(expected);
}

/** A rendered prediction ({dtype, shape, data}) compared with what Python recorded. */
export function expectPrediction(
  actual: unknown,
  expected: { dtype: string; shape: number[]; data: unknown },
  rel = 1e-9,
): void {
  const r = render(actual) as { dtype: string; shape: number[]; data: unknown };
  const dtype = expected.dtype.startsWith('<U') ? 'str' : expected.dtype;
  expect(r.dtype).toBe(dtype);
  expect(r.shape).toEqual(expected.shape);
  expectClose(r.data, expected.data, rel);
}
