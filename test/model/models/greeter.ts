import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CustomModel, DataFrame, ModelContext } from '../../../src/index.js';

// Imports a real npm package (yaml) so the test proves the bundle carries its dependencies.
interface Greeting {
  greeting: string;
}

/** Greets each name with the greeting from its YAML artifact; `punctuation` is a param. */
export default class Greeter implements CustomModel<DataFrame, string[]> {
  private greeting = '';

  loadContext(context: ModelContext): void {
    this.greeting = (parse(readFileSync(context.artifacts.greeting!, 'utf8')) as Greeting).greeting;
  }

  predict(_context: ModelContext, input: DataFrame, params: Readonly<Record<string, unknown>>): string[] {
    const names = input.column('name').values as string[];
    return names.map((n) => `${this.greeting}, ${n}${String(params.punctuation)}`);
  }
}
