import { describe, expect, it } from 'vitest';
import { signatureFromDict, signatureToDict } from '../../src/schema/codec.js';
import type { SignatureDict } from '../../src/schema/types.js';
import { readFixtureJson } from '../support/fixtures.js';

interface SignatureCase {
  id: string;
  mlflow_version: string;
  signature: SignatureDict | null;
}

const cases = readFixtureJson<SignatureCase[]>('signatures', 'signatures.json').filter(
  (c): c is SignatureCase & { signature: SignatureDict } => c.signature !== null,
);
const parsed = (s: string | null): unknown => (s === null ? null : JSON.parse(s));

describe('signature codec round-trips every recorded MLflow signature (signatures.json)', () => {
  it.each(cases.filter((c) => c.mlflow_version === '3.6').map((c) => [c.id, c] as const))(
    '%s: decodes and re-encodes to the same bytes as MLflow 3.6',
    (_id, c) => {
      expect(signatureToDict(signatureFromDict(c.signature))).toEqual(c.signature);
    },
  );

  // MLflow 2.12 writes params as name,type,default,shape; Modeldock always writes 3.6's
  // name,default,shape,type, so these compare the parsed JSON instead of the bytes.
  it.each(cases.filter((c) => c.mlflow_version === '2.12').map((c) => [c.id, c] as const))(
    '%s: decodes a 2.12 signature and re-encodes the same JSON (3.6 key order)',
    (_id, c) => {
      const out = signatureToDict(signatureFromDict(c.signature));
      expect(parsed(out.inputs)).toEqual(parsed(c.signature.inputs));
      expect(parsed(out.outputs)).toEqual(parsed(c.signature.outputs));
      expect(parsed(out.params)).toEqual(parsed(c.signature.params));
    },
  );
});

interface EnforcementCase {
  signature_id: string;
  mlflow_version: string;
  signature: SignatureDict | null;
}

const enforcementSignatures = [
  ...new Map(
    readFixtureJson<EnforcementCase[]>('enforcement', 'enforcement.json')
      .filter((c) => c.mlflow_version === '3.6' && c.signature !== null)
      .map((c) => [c.signature_id, c.signature!] as const),
  ),
];

describe('signature codec round-trips the signatures of the enforcement models (enforcement.json)', () => {
  it.each(enforcementSignatures)('%s: same bytes as MLflow 3.6', (_id, signature) => {
    expect(signatureToDict(signatureFromDict(signature))).toEqual(signature);
  });
});
