import type { Tensor } from '../../../src/index.js';

/** A plain function is a model too: it gets the enforced input and the params. */
export default function rowSums(
  input: Record<string, Tensor>,
  params: Readonly<Record<string, unknown>>,
): number[] {
  const a = input.a!;
  const b = input.b!;
  const [rows, cols] = a.shape as [number, number];
  const scale = params.scale as number;
  return Array.from({ length: rows }, (_, i) => {
    let sum = Number(b.data[i]);
    for (let j = 0; j < cols; j++) sum += Number(a.data[i * cols + j]);
    return sum * scale;
  });
}
