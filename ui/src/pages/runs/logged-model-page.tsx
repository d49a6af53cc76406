/** Placeholder until the page lands. */
export function LoggedModelPage({ modelId }: { experimentId: string; modelId: string }) {
  return <p>LoggedModelPage {modelId}</p>;
}
