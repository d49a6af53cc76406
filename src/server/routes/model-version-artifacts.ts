import { safeArtifactPath } from '../../artifacts/safe-artifact-path.js';
import type { RegistryStore } from '../../store/registry-store.js';
import type { TrackingStore } from '../../store/tracking-store.js';
import type { ArtifactLocations } from '../artifact-locations.js';
import type { Route } from '../http/http-types.js';
import { RequestFields } from '../http/request-fields.js';
import { downloadResponse } from './mlflow-artifacts.js';
import { versionOf } from './registered-models.js';

const RUNS_URI = /^runs:\/([^/]+)\/?(.*)$/;

/** A version's download URI as a URI the server can read: `runs:/<run>/<path>` becomes the run's artifact URI. */
async function readableUri(tracking: TrackingStore, downloadUri: string): Promise<string> {
  const run = RUNS_URI.exec(downloadUri);
  if (run === null) return downloadUri;
  const root = (await tracking.getRun(run[1] ?? '')).info.artifact_uri;
  const sub = safeArtifactPath(run[2] ?? '');
  return sub === '' ? root : `${root.replace(/\/$/, '')}/${sub}`;
}

/**
 * The UI's `GET /model-versions/get-artifact?name=N&version=V&path=P` (rest-api.md §8): one file under
 * the version's download URI, sent as an attachment.
 *
 * @example createApp({ routes: [modelVersionArtifactRoute(registry, store, locations)] });
 */
export function modelVersionArtifactRoute(
  registry: RegistryStore,
  tracking: TrackingStore,
  locations: ArtifactLocations,
): Route {
  return {
    method: 'GET',
    path: '/model-versions/get-artifact',
    raw: true,
    handler: async ({ request }) => {
      const f = RequestFields.fromQuery(request.query);
      const path = safeArtifactPath(f.requiredString('path'));
      const downloadUri = await registry.getModelVersionDownloadUri(f.requiredString('name'), versionOf(f));
      const { repository, path: full } = locations.resolve(await readableUri(tracking, downloadUri), path);
      return downloadResponse(repository, full);
    },
  };
}
