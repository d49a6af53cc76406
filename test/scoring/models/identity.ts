import type { ModelContext } from '../../../src/index.js';

interface Received {
  input: unknown;
  params: Readonly<Record<string, unknown>>;
}
// The replay test reads what the model received from this probe, as MLflow's FX_TRACE file.
const probe: Received[] = ((globalThis as { __scoringProbe?: Received[] }).__scoringProbe ??= []);

/** Returns its input unchanged, as the enforcement fixtures' tiny PythonModel. */
export default {
  predict(_context: ModelContext, input: unknown, params: Readonly<Record<string, unknown>>): unknown {
    probe.push({ input, params });
    return input;
  },
};
