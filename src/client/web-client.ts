import { ArtifactReader } from './artifact-reader.js';
import { ExperimentsClient } from './experiments-client.js';
import { LoggedModelsClient } from './logged-models-client.js';
import { MetricsClient } from './metrics-client.js';
import { RegistryClient } from './registry-client.js';
import { RestTransport, type RestTransportOptions } from './rest-transport.js';
import { RunsClient } from './runs-client.js';

/**
 * The part of the SDK that needs only `fetch`: the resource clients without local-file uploads or
 * model loading. The web UI is built on it, so nothing reachable from here may import `node:`
 * modules (test/client/web-client.test.ts bundles it for the browser to keep that true).
 *
 * @example const web = new WebClient({ trackingUri: location.origin }); await web.registry.searchRegisteredModels();
 */
export class WebClient {
  readonly transport: RestTransport;
  readonly experiments: ExperimentsClient;
  readonly runs: RunsClient;
  readonly metrics: MetricsClient;
  readonly loggedModels: LoggedModelsClient;
  readonly registry: RegistryClient;
  readonly artifacts: ArtifactReader;

  constructor(options: RestTransportOptions) {
    this.transport = new RestTransport(options);
    this.experiments = new ExperimentsClient(this.transport);
    this.runs = new RunsClient(this.transport);
    this.metrics = new MetricsClient(this.transport);
    this.loggedModels = new LoggedModelsClient(this.transport);
    this.registry = new RegistryClient(this.transport);
    this.artifacts = new ArtifactReader(this.transport);
  }
}
