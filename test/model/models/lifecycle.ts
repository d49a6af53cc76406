import type { CustomModel, ModelContext } from '../../../src/index.js';

interface Probe {
  events: string[];
  loads: number;
}
// The test reads this probe to see the order of the loading steps and how often they ran.
const probe: Probe = ((globalThis as { __modeldockProbe?: Probe }).__modeldockProbe ??= {
  events: [],
  loads: 0,
});

/** Records each loading step, and echoes what predict receives. */
export default class Lifecycle implements CustomModel {
  constructor() {
    probe.events.push('construct');
  }

  async loadContext(context: ModelContext): Promise<void> {
    probe.loads++;
    probe.events.push(
      `loadContext artifacts=${Object.keys(context.artifacts).join(',')} config=${JSON.stringify(context.modelConfig)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (context.modelConfig.fail === true) throw new Error('the config says fail');
  }

  predict(context: ModelContext, input: unknown, params: Readonly<Record<string, unknown>>): unknown {
    return { input, params, config: context.modelConfig };
  }

  async *predictStream(_context: ModelContext, input: unknown): AsyncIterable<string> {
    for (const word of String(input).split(' ')) yield word;
  }
}
