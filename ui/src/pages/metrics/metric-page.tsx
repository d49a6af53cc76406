/** Placeholder until the page lands. */
export function MetricPage({ metricKey }: { metricKey: string }) {
  return <p>MetricPage {metricKey}</p>;
}
