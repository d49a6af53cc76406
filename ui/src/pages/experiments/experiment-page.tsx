/** Placeholder until the page lands. */
export function ExperimentPage({ experimentId }: { experimentId: string }) {
  return <p>ExperimentPage {experimentId}</p>;
}
