import { MlflowError } from '../../core/mlflow-error.js';
import { safeArtifactPath } from '../../artifacts/safe-artifact-path.js';
import type { TrackingStore } from '../../store/tracking-store.js';
import type { ArtifactLocations } from '../artifact-locations.js';
import { respond, type Route } from '../http/http-types.js';
import { limitBody } from '../http/read-body.js';
import { RequestFields } from '../http/request-fields.js';
import { downloadResponse } from './mlflow-artifacts.js';
import { endpoint, runIdOf } from './route-helpers.js';

const UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

/**
 * Lists one level under `subPath` of an artifact root URI as FileInfo messages, with paths
 * relative to the root (`model/MLmodel`).
 *
 * @example await listArtifactFiles(locations, 'mlflow-artifacts:/1/abc/artifacts', 'model')
 */
export async function listArtifactFiles(
  locations: ArtifactLocations,
  rootUri: string,
  subPath: string,
): Promise<object[]> {
  const safeSub = safeArtifactPath(subPath);
  const { repository, path } = locations.resolve(rootUri, safeSub);
  const entries = await repository.list(path);
  const prefix = safeSub === '' ? '' : `${safeSub}/`;
  return entries.map((e) => ({ path: `${prefix}${e.name}`, is_dir: e.isDir, file_size: e.size }));
}

/**
 * Run artifacts: `artifacts/list`, the UI's `/get-artifact` download and `upload-artifact`.
 *
 * @example createApp({ routes: artifactRoutes(store, locations) });
 */
export function artifactRoutes(store: TrackingStore, locations: ArtifactLocations): Route[] {
  return [
    endpoint('GET', '/mlflow/artifacts/list', async (f) => {
      const rootUri = (await store.getRun(runIdOf(f))).info.artifact_uri;
      return {
        root_uri: rootUri,
        files: await listArtifactFiles(locations, rootUri, f.string('path') ?? ''),
      };
    }),
    {
      method: 'GET',
      path: '/get-artifact',
      raw: true,
      handler: async ({ request }) => {
        const f = RequestFields.fromQuery(request.query);
        const path = safeArtifactPath(f.requiredString('path'));
        const { repository, path: full } = locations.resolve(
          (await store.getRun(runIdOf(f))).info.artifact_uri,
          path,
        );
        return downloadResponse(repository, full);
      },
    },
    {
      method: 'POST',
      path: '/mlflow/upload-artifact',
      ajaxOnly: true,
      handler: async ({ request }) => {
        const f = RequestFields.fromQuery(request.query);
        const runId = f.string('run_uuid') ?? f.string('run_id');
        const path = f.string('path');
        if (!runId || !path) throw new MlflowError('Request must specify run_uuid and path.', 'BAD_REQUEST');
        const { repository, path: full } = locations.resolve(
          (await store.getRun(runId)).info.artifact_uri,
          safeArtifactPath(path),
        );
        await repository.write(full, limitBody(request, UPLOAD_LIMIT_BYTES));
        return respond({ status: 200, text: '' });
      },
    },
  ];
}
