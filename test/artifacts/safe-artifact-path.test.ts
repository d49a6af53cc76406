import { describe, expect, it } from 'vitest';
import { safeArtifactPath } from '../../src/artifacts/safe-artifact-path.js';
import { UNSAFE_PATHS } from './artifact-repository.suite.js';

describe('safeArtifactPath', () => {
  for (const [label, path] of UNSAFE_PATHS) {
    it(`rejects ${label}: ${JSON.stringify(path)}`, () => {
      expect(() => safeArtifactPath(path)).toThrow('Invalid path');
    });
  }

  it('rejects a path encoded more times than it will ever decode', () => {
    let path = '..';
    for (let i = 0; i < 12; i++) path = encodeURIComponent(path).replace(/\./g, '%2E');
    expect(() => safeArtifactPath(path)).toThrow('Invalid path');
  });

  it('normalises harmless dots and slashes', () => {
    expect(safeArtifactPath('1/run/./artifacts//model/')).toBe('1/run/artifacts/model');
    expect(safeArtifactPath('')).toBe('');
  });

  it('keeps names that merely contain dots or percent signs', () => {
    expect(safeArtifactPath('model/..data/v1..2.txt')).toBe('model/..data/v1..2.txt');
    expect(safeArtifactPath('report 100%.txt')).toBe('report 100%.txt');
  });
});
