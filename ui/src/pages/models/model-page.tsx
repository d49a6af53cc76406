/** Placeholder until the page lands. */
export function ModelPage({ name }: { name: string }) {
  return <p>ModelPage {name}</p>;
}
