/** Placeholder until the page lands. */
export function RunRedirect({ runId }: { runId: string }) {
  return <p>RunRedirect {runId}</p>;
}
