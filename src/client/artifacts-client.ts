import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { MlflowError } from '../core/mlflow-error.js';
import type { FileInfo } from './entities.js';
import { ArtifactProxy, joinArtifactPath, type ProgressCallback, proxyPathOf } from './artifact-proxy.js';
import type { RestTransport } from './rest-transport.js';
import type { RunsClient } from './runs-client.js';

/** Options of uploads: where below the run's root, and a progress callback. */
export interface LogArtifactOptions {
  /** The folder below the run's artifact root (default: the root). */
  readonly artifactPath?: string;
  readonly onProgress?: ProgressCallback;
}

/**
 * A run's artifacts: list, upload and download them through the tracking server's artifact proxy.
 *
 * @example await client.logArtifact(runId, './report.html', { artifactPath: 'reports' });
 */
export class ArtifactsClient {
  private readonly proxy: ArtifactProxy;

  constructor(
    private readonly transport: RestTransport,
    private readonly runs: RunsClient,
  ) {
    this.proxy = new ArtifactProxy(transport);
  }

  /** One level of a run's artifacts, paths relative to the run's root (`GET artifacts/list`). */
  async listArtifacts(runId: string, path?: string): Promise<FileInfo[]> {
    const query = { run_id: runId, path };
    const body = await this.transport.json<{ files?: FileInfo[] }>({
      method: 'GET',
      path: '/api/2.0/mlflow/artifacts/list',
      query,
    });
    return body.files ?? [];
  }

  /** Uploads one local file into the run's artifacts, streaming it through the proxy. */
  async logArtifact(runId: string, localFile: string, options: LogArtifactOptions = {}): Promise<void> {
    const root = await this.runRoot(runId);
    const size = (await stat(localFile)).size;
    const files = [{ path: localFile, size }];
    await this.proxy.uploadFiles(
      joinArtifactPath(root, options.artifactPath),
      dirname(localFile),
      files,
      options.onProgress,
    );
  }

  /** Uploads every file under a local folder into the run's artifacts. */
  async logArtifacts(runId: string, localDir: string, options: LogArtifactOptions = {}): Promise<void> {
    const root = await this.runRoot(runId);
    await this.proxy.uploadDir(joinArtifactPath(root, options.artifactPath), localDir, options.onProgress);
  }

  /**
   * Downloads a run artifact (file or folder) under `dstPath`, streaming to disk, and returns the
   * local path (`dstPath/<path>`, as MLflow's `download_artifacts`).
   */
  async downloadArtifacts(runId: string, path: string, dstPath: string): Promise<string> {
    if (path.split('/').some((part) => part === '..' || part.includes('\\')))
      throw new MlflowError(`Invalid artifact path '${path}'.`, 'INVALID_PARAMETER_VALUE');
    const root = await this.runRoot(runId);
    const local = path === '' ? dstPath : join(dstPath, ...path.split('/'));
    await this.proxy.downloadTree(joinArtifactPath(root, path), local);
    return local;
  }

  private async runRoot(runId: string): Promise<string> {
    const run = await this.runs.getRun(runId);
    return proxyPathOf(run.info.artifact_uri);
  }
}
