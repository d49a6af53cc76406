import { parse } from 'yaml';
import { signatureFromDict } from '../../src/schema/codec.js';
import type { ModelSignature, SignatureDict } from '../../src/schema/types.js';

/** What the UI shows of an MLmodel file. */
export interface MlmodelSummary {
  readonly flavors: readonly string[];
  readonly runId: string | undefined;
  readonly modelId: string | undefined;
  readonly created: string | undefined;
  readonly mlflowVersion: string | undefined;
  /** The decoded signature, `null` when the file has none. */
  readonly signature: ModelSignature | null;
  /** Why the signature could not be decoded, when it could not. */
  readonly signatureError: string | undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function decodeSignature(raw: unknown): Pick<MlmodelSummary, 'signature' | 'signatureError'> {
  if (typeof raw !== 'object' || raw === null) return { signature: null, signatureError: undefined };
  const dict = raw as Partial<SignatureDict>;
  try {
    const signature = signatureFromDict({
      inputs: dict.inputs ?? null,
      outputs: dict.outputs ?? null,
      params: dict.params ?? null,
    });
    return { signature, signatureError: undefined };
  } catch (error) {
    return { signature: null, signatureError: (error as Error).message };
  }
}

/**
 * Reads the parts of an MLmodel file the UI shows; the signature is decoded with the same codec
 * the server and `loadModel` use. Throws when the text is not a YAML mapping.
 *
 * @example summarizeMlmodel('flavors:\n  python_function: {}\n').flavors // ['python_function']
 */
export function summarizeMlmodel(yamlText: string): MlmodelSummary {
  const doc: unknown = parse(yamlText);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error('MLmodel is not a YAML mapping');
  const fields = doc as Record<string, unknown>;
  const flavors = fields.flavors;
  return {
    flavors: typeof flavors === 'object' && flavors !== null ? Object.keys(flavors) : [],
    runId: text(fields.run_id),
    modelId: text(fields.model_id),
    created: text(fields.utc_time_created),
    mlflowVersion: text(fields.mlflow_version),
    ...decodeSignature(fields.signature),
  };
}
