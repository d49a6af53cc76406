import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Total bytes of the files under `dir`, as MLflow's `model_size_bytes`. */
export async function folderSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    total += entry.isDirectory() ? await folderSize(path) : (await stat(path)).size;
  }
  return total;
}
