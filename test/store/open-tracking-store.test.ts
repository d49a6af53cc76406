import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storeDialectFor } from '../../src/store/open-tracking-store.js';

describe('openTrackingStore URI mapping (mlflow server --backend-store-uri)', () => {
  it('maps sqlite URIs and bare paths to SQLite, as SQLAlchemy reads them', () => {
    expect(storeDialectFor('sqlite:///mlflow.db').name).toBe('sqlite');
    expect(storeDialectFor('sqlite:////tmp/mlflow.db').name).toBe('sqlite');
    expect(storeDialectFor('./mlruns.db').name).toBe('sqlite');
    expect(storeDialectFor(resolve('x.db')).name).toBe('sqlite');
  });

  it('maps postgresql URIs, with or without a +driver suffix, to PostgreSQL', () => {
    expect(storeDialectFor('postgresql://postgres@127.0.0.1:5432/test').name).toBe('postgresql');
    expect(storeDialectFor('postgresql+psycopg2://u:p@db/mlflow').name).toBe('postgresql');
    expect(storeDialectFor('postgres://u@db/mlflow').name).toBe('postgresql');
  });

  it('refuses other schemes with a client error', () => {
    expect(() => storeDialectFor('mysql://u@db/mlflow')).toThrow(/Unsupported backend store URI/);
  });
});
