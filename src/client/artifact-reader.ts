import type { FileInfo } from './entities.js';
import type { RestTransport } from './rest-transport.js';

/**
 * Read-only access to artifacts over the endpoints MLflow's web UI uses: `artifacts/list`, the
 * `/get-artifact` download and `/model-versions/get-artifact`. It needs nothing but `fetch`, so it
 * runs in the browser as well as in Node.
 *
 * @example const files = await new ArtifactReader(transport).list(runId, 'model');
 */
export class ArtifactReader {
  constructor(private readonly transport: RestTransport) {}

  /** One level of a run's artifacts, paths relative to the run's root (`GET artifacts/list`). */
  async list(runId: string, path?: string): Promise<FileInfo[]> {
    const body = await this.transport.json<{ files?: FileInfo[] }>({
      method: 'GET',
      path: '/api/2.0/mlflow/artifacts/list',
      query: { run_id: runId, path: path || undefined },
    });
    return body.files ?? [];
  }

  /** The URL that downloads one run artifact, for links and `<img src>`. */
  runFileUrl(runId: string, path: string): string {
    const query = new URLSearchParams({ path, run_uuid: runId });
    return `${this.transport.trackingUri}/get-artifact?${query.toString()}`;
  }

  /** Downloads one run artifact (`GET /get-artifact`); throws `MlflowError` when it is missing. */
  runFile(runId: string, path: string): Promise<Response> {
    return this.transport.send({ method: 'GET', path: '/get-artifact', query: { path, run_uuid: runId } });
  }

  /** Downloads one file of a model version's artifacts (`GET /model-versions/get-artifact`). */
  modelVersionFile(name: string, version: string, path: string): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: '/model-versions/get-artifact',
      query: { name, version, path },
    });
  }

  /** One level of an MLflow 3 logged model's artifacts (`GET logged-models/{id}/artifacts/directories`). */
  async listLoggedModel(modelId: string, path?: string): Promise<FileInfo[]> {
    const body = await this.transport.json<{ files?: FileInfo[] }>({
      method: 'GET',
      path: `/api/2.0/mlflow/logged-models/${encodeURIComponent(modelId)}/artifacts/directories`,
      query: { artifact_directory_path: path || undefined },
    });
    return body.files ?? [];
  }

  /** The URL that downloads one file of a logged model, for links and `<img src>`. */
  loggedModelFileUrl(modelId: string, path: string): string {
    const query = new URLSearchParams({ artifact_file_path: path });
    return `${this.transport.trackingUri}/ajax-api/2.0/mlflow/logged-models/${encodeURIComponent(modelId)}/artifacts/files?${query.toString()}`;
  }

  /** Downloads one file of a logged model (the UI-only `logged-models/{id}/artifacts/files`). */
  loggedModelFile(modelId: string, path: string): Promise<Response> {
    return this.transport.send({
      method: 'GET',
      path: `/ajax-api/2.0/mlflow/logged-models/${encodeURIComponent(modelId)}/artifacts/files`,
      query: { artifact_file_path: path },
    });
  }
}
