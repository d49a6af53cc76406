import type { ModelSignature, Schema } from '../../../src/schema/types.js';
import { colTypeRepr, paramDefaultStr, paramTypeRepr, shapeRepr } from '../../../src/schema/repr.js';

function SchemaTable({ title, schema }: { title: string; schema: Schema | null }) {
  if (!schema) return null;
  const rows =
    schema.kind === 'columns'
      ? schema.specs.map((s, i) => ({
          key: i,
          name: s.name === undefined ? `(column ${i})` : String(s.name),
          type: colTypeRepr(s.type),
          note: s.required ? 'required' : 'optional',
        }))
      : schema.specs.map((s, i) => ({
          key: i,
          name: s.name ?? `(tensor ${i})`,
          type: `Tensor(${s.dtype}, ${shapeRepr(s.shape)})`,
          note: '',
        }));
  return (
    <div className="table-wrap">
      <table className="table compact" aria-label={`${title} schema`}>
        <caption>
          {title} ({rows.length})
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            {schema.kind === 'columns' && <th scope="col">Required</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <td className="mono">{r.name}</td>
              <td className="mono">{r.type}</td>
              {schema.kind === 'columns' && <td>{r.note}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A model signature as Inputs / Outputs / Params tables, with MLflow's type names. */
export function SignatureTables({ signature }: { signature: ModelSignature | null }) {
  if (!signature) return <p className="muted">No schema. This model was logged without a signature.</p>;
  return (
    <div className="stack">
      <SchemaTable title="Inputs" schema={signature.inputs} />
      <SchemaTable title="Outputs" schema={signature.outputs} />
      {signature.params && (
        <div className="table-wrap">
          <table className="table compact" aria-label="Params schema">
            <caption>Params ({signature.params.params.length})</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col">Default</th>
              </tr>
            </thead>
            <tbody>
              {signature.params.params.map((p) => (
                <tr key={p.name}>
                  <td className="mono">{p.name}</td>
                  <td className="mono">
                    {paramTypeRepr(p.type)}
                    {p.shape ? ` ${shapeRepr(p.shape)}` : ''}
                  </td>
                  <td className="mono">{paramDefaultStr(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
