// Every deep link of the app, in one place. The shapes follow MLflow's UI routes (spec/ui.md §1),
// so a link copied from MLflow opens the same page here.

const seg = encodeURIComponent;

export const links = {
  experiments: () => '/experiments',
  experiment: (experimentId: string) => `/experiments/${seg(experimentId)}`,
  run: (experimentId: string, runId: string) => `/experiments/${seg(experimentId)}/runs/${seg(runId)}`,
  /** A run by id alone; the app looks up its experiment and redirects. */
  runById: (runId: string) => `/runs/${seg(runId)}`,
  runArtifact: (experimentId: string, runId: string, path: string) =>
    `/experiments/${seg(experimentId)}/runs/${seg(runId)}/artifacts/${path.split('/').map(seg).join('/')}`,
  compareRuns: (experimentId: string, runIds: readonly string[]) =>
    `/compare-runs?runs=${seg(JSON.stringify(runIds))}&experiments=${seg(JSON.stringify([experimentId]))}`,
  loggedModel: (experimentId: string, modelId: string) =>
    `/experiments/${seg(experimentId)}/models/${seg(modelId)}`,
  /** MLflow's shape: `name` is a JSON string, `runs` maps run id → version. */
  compareModelVersions: (name: string, versions: readonly { runId: string; version: string }[]) =>
    `/compare-model-versions?name=${seg(JSON.stringify(name))}&runs=${seg(
      JSON.stringify(Object.fromEntries(versions.map((v) => [v.runId, v.version]))),
    )}`,
  /** MLflow's metric page: one metric's history across runs (`runs` and `experiments` are JSON lists). */
  metric: (key: string, experimentId: string, runIds: readonly string[]) =>
    `/metric/${seg(key)}?runs=${seg(JSON.stringify(runIds))}&experiments=${seg(JSON.stringify([experimentId]))}`,
  models: () => '/models',
  model: (name: string) => `/models/${seg(name)}`,
  modelVersion: (name: string, version: string) => `/models/${seg(name)}/versions/${seg(version)}`,
};
