import { MlflowError } from '../core/mlflow-error.js';
import type { Flavor } from './flavor.js';
import type { Model } from './mlmodel.js';

/**
 * The flavors Modeldock can run, in order of preference. A model folder is loaded by the first
 * registered flavor that its MLmodel lists.
 *
 * @example const flavor = new FlavorRegistry([nodeFlavor]).pick(mlmodel, 'models/iris');
 */
export class FlavorRegistry {
  private readonly flavors: Flavor[] = [];

  constructor(flavors: readonly Flavor[] = []) {
    for (const f of flavors) this.register(f);
  }

  /** Adds a flavor; a flavor with the same name is replaced. */
  register(flavor: Flavor): this {
    const at = this.flavors.findIndex((f) => f.name === flavor.name);
    if (at >= 0) this.flavors[at] = flavor;
    else this.flavors.push(flavor);
    return this;
  }

  get(name: string): Flavor | undefined {
    return this.flavors.find((f) => f.name === name);
  }

  names(): string[] {
    return this.flavors.map((f) => f.name);
  }

  /** The flavor that loads this model; throws naming the flavors found and the ones Modeldock can run. */
  pick(mlmodel: Model, uri: string): Flavor {
    const found = Object.keys(mlmodel.flavors);
    const runnable = this.flavors.find((f) => f.capabilities.predict && found.includes(f.name));
    if (runnable) return runnable;
    throw new MlflowError(
      `Model ${uri} has no flavor that Modeldock can run. It has flavors [${found.join(', ')}]; ` +
        `Modeldock can run [${this.names().join(', ')}].`,
      'INVALID_PARAMETER_VALUE',
      { field: 'flavors' },
    );
  }
}
