import type { PyInstance } from '../pickle/py-object.js';
import { boolAttr, numberAttr, optionalArray } from './attrs.js';
import type { Estimator } from './estimator.js';
import { expectFeatures, type Features, fromColumns, numericColumns } from './features.js';

/** An elementwise affine transformer: `x * mul[j] + add[j]` per column, optionally clipped. */
function affine(
  inst: PyInstance,
  mul: Float64Array | null,
  add: Float64Array | null,
  clip: [number, number] | null = null,
): Estimator {
  const p = numberAttr(inst, 'n_features_in_');
  return {
    name: inst.className,
    transform: (x: Features) => {
      expectFeatures(x, p, inst.className);
      const cols = numericColumns(x).map((c, j) => {
        const m = mul?.[j] ?? 1;
        const a = add?.[j] ?? 0;
        const out = new Float64Array(c.length);
        for (let i = 0; i < c.length; i++) {
          let v = (c[i] ?? 0) * m + a;
          if (clip) v = Math.min(Math.max(v, clip[0]), clip[1]);
          out[i] = v;
        }
        return out;
      });
      return fromColumns(x.rows, cols);
    },
  };
}

/** StandardScaler and RobustScaler: subtract the center, divide by the scale. */
function centerScaler(inst: PyInstance, centerName: string): Estimator {
  const p = numberAttr(inst, 'n_features_in_');
  const center = optionalArray(inst, centerName)?.toFloat64() ?? null;
  const scale = optionalArray(inst, 'scale_')?.toFloat64() ?? null;
  const name = inst.className;
  return {
    name,
    transform: (x) => {
      expectFeatures(x, p, name);
      // sklearn subtracts then divides; doing the same keeps results bit-identical.
      const cols = numericColumns(x).map((c, j) => {
        const m = center?.[j] ?? 0;
        const s = scale?.[j] ?? 1;
        return Float64Array.from(c, (v) => (v - m) / s);
      });
      return fromColumns(x.rows, cols);
    },
  };
}

/**
 * StandardScaler: `(x - mean_) / scale_`, honouring with_mean / with_std (their attributes are None).
 *
 * @example standardScaler(inst).transform?.(x)
 */
export function standardScaler(inst: PyInstance): Estimator {
  return centerScaler(inst, 'mean_');
}

/**
 * RobustScaler: `(x - center_) / scale_`.
 *
 * @example robustScaler(inst).transform?.(x)
 */
export function robustScaler(inst: PyInstance): Estimator {
  return centerScaler(inst, 'center_');
}

/**
 * MinMaxScaler: `x * scale_ + min_`, clipped to feature_range when `clip` is set.
 *
 * @example minMaxScaler(inst).transform?.(x)
 */
export function minMaxScaler(inst: PyInstance): Estimator {
  const range = inst.attr('feature_range');
  const clip =
    boolAttr(inst, 'clip', false) && Array.isArray(range)
      ? ([Number(range[0]), Number(range[1])] as [number, number])
      : null;
  return affine(
    inst,
    optionalArray(inst, 'scale_')?.toFloat64() ?? null,
    optionalArray(inst, 'min_')?.toFloat64() ?? null,
    clip,
  );
}
