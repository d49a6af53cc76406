/** Placeholder until the page lands. */
export function RunPage({ runId }: { experimentId: string; runId: string; artifactPath?: string }) {
  return <p>RunPage {runId}</p>;
}
