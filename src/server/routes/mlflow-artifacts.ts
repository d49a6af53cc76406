import type { ArtifactRepository } from '../../artifacts/artifact-repository.js';
import { MlflowError } from '../../core/mlflow-error.js';
import { artifactContentType, attachmentDisposition } from '../content-type.js';
import {
  type HttpResponse,
  respond,
  type Route,
  type RouteContext,
  type RouteHandler,
} from '../http/http-types.js';
import { limitBody } from '../http/read-body.js';
import { RequestFields } from '../http/request-fields.js';

const BASE = '/mlflow-artifacts';

/**
 * Streams a file of `repository` as an attachment, with MLflow's headers.
 *
 * @example return downloadResponse(repo, '1/abc/artifacts/model/MLmodel');
 */
export async function downloadResponse(repository: ArtifactRepository, path: string): Promise<HttpResponse> {
  const { stream, size } = await repository.openRead(path);
  return respond({
    status: 200,
    stream,
    headers: {
      'content-type': artifactContentType(path),
      'content-disposition': attachmentDisposition(path),
      'content-length': String(size),
    },
  });
}

function disabled(context: RouteContext): HttpResponse {
  return respond({
    status: 503,
    text:
      `Endpoint: ${context.request.path} disabled due to the mlflow server running with \`--no-serve-artifacts\`. ` +
      'To enable artifacts server functionality, run `mlflow server` with `--serve-artifacts`',
  });
}

function multipartUnsupported(): never {
  throw new MlflowError(
    'Multipart upload is not supported for the current artifact repository; upload the file with a single PUT.',
    'NOT_IMPLEMENTED',
  );
}

function download(repository: ArtifactRepository): RouteHandler {
  return ({ params }) => downloadResponse(repository, params.path ?? '');
}

function upload(repository: ArtifactRepository): RouteHandler {
  return async ({ params, request, limits }) => {
    await repository.write(params.path ?? '', limitBody(request, limits.maxUploadBytes));
    return {};
  };
}

function remove(repository: ArtifactRepository): RouteHandler {
  return async ({ params }) => {
    await repository.delete(params.path ?? '');
    return {};
  };
}

function list(repository: ArtifactRepository): RouteHandler {
  return async ({ request }) => {
    const entries = await repository.list(RequestFields.fromQuery(request.query).string('path') ?? '');
    // The proxy answers basenames only; the client joins them to the path it asked for.
    return { files: entries.map((e) => ({ path: e.name, is_dir: e.isDir, file_size: e.size })) };
  };
}

/**
 * The proxied artifact service (rest-api.md §7): upload, download, list and delete under the
 * server's artifact destination. With `serve` false every route answers 503 as MLflow does.
 *
 * @example createApp({ routes: mlflowArtifactRoutes(new LocalArtifactRepository('./mlartifacts'), true) });
 */
export function mlflowArtifactRoutes(repository: ArtifactRepository, serve: boolean): Route[] {
  const guard = (handler: RouteHandler): RouteHandler => (serve ? handler : disabled);
  return [
    { method: 'GET', path: `${BASE}/artifacts`, handler: guard(list(repository)) },
    { method: 'GET', path: `${BASE}/artifacts/<path>`, handler: guard(download(repository)) },
    { method: 'PUT', path: `${BASE}/artifacts/<path>`, handler: guard(upload(repository)) },
    { method: 'DELETE', path: `${BASE}/artifacts/<path>`, handler: guard(remove(repository)) },
    ...['create', 'complete', 'abort'].map((step): Route => ({
      method: 'POST',
      path: `${BASE}/mpu/${step}/<path>`,
      handler: guard(multipartUnsupported),
    })),
  ];
}
