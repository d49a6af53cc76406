/** Placeholder until the page lands. */
export function ModelVersionPage({ name, version }: { name: string; version: string }) {
  return (
    <p>
      ModelVersionPage {name} {version}
    </p>
  );
}
