import { randomUUID } from 'node:crypto';
import { MlflowError } from '../../core/mlflow-error.js';
import type { DatasetInput, LogInputsInput, ModelOutput } from '../tracking-store.js';
import type { SqlContext } from './sql-context.js';
import type { SqlRunStore } from './sql-run-store.js';
import { checkLength } from './validation.js';

function checkDataset(input: DatasetInput): void {
  const { dataset } = input;
  for (const field of ['name', 'digest', 'source_type', 'source'] as const) {
    if (dataset[field] === undefined || dataset[field] === '') {
      throw new MlflowError(`Dataset ${field} must be specified`, 'INVALID_PARAMETER_VALUE');
    }
  }
  checkLength('name', dataset.name, 500);
  checkLength('digest', dataset.digest, 36);
  for (const tag of input.tags) {
    checkLength('key', tag.key, 255);
    checkLength('value', tag.value, 500);
  }
}

/** Run inputs (datasets, models) and outputs (logged models) in the SQL store. */
export class SqlRunIoStore {
  constructor(
    private readonly ctx: SqlContext,
    private readonly runs: SqlRunStore,
  ) {}

  async logInputs(runId: string, input: LogInputsInput): Promise<void> {
    const run = await this.runs.activeRow(runId);
    const datasets = input.datasets ?? [];
    datasets.forEach(checkDataset);
    await this.ctx.db.transaction().execute(async (trx) => {
      for (const { dataset, tags } of datasets) {
        await trx
          .insertInto('datasets')
          .values({
            dataset_uuid: randomUUID(),
            experiment_id: run.experiment_id,
            name: dataset.name,
            digest: dataset.digest,
            source_type: dataset.source_type,
            source: dataset.source,
            schema: dataset.schema ?? null,
            profile: dataset.profile ?? null,
          })
          .onConflict((oc) => oc.columns(['experiment_id', 'name', 'digest']).doNothing())
          .execute();
        const { dataset_uuid } = await trx
          .selectFrom('datasets')
          .select('dataset_uuid')
          .where('experiment_id', '=', run.experiment_id)
          .where('name', '=', dataset.name)
          .where('digest', '=', dataset.digest)
          .executeTakeFirstOrThrow();
        const inputUuid = randomUUID();
        const inserted = await trx
          .insertInto('run_dataset_inputs')
          .values({ input_uuid: inputUuid, run_uuid: runId, dataset_uuid })
          .onConflict((oc) => oc.columns(['run_uuid', 'dataset_uuid']).doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0 && tags.length > 0) {
          await trx
            .insertInto('input_tags')
            .values(tags.map((t) => ({ input_uuid: inputUuid, name: t.key, value: t.value })))
            .execute();
        }
      }
      for (const model of input.models ?? []) {
        await trx
          .insertInto('run_model_inputs')
          .values({ run_uuid: runId, model_id: model.model_id })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    });
  }

  async logOutputs(runId: string, models: readonly ModelOutput[]): Promise<void> {
    await this.runs.activeRow(runId);
    for (const model of models) {
      await this.ctx.db
        .insertInto('run_model_outputs')
        .values({ run_uuid: runId, model_id: model.model_id, step: model.step })
        .onConflict((oc) => oc.columns(['run_uuid', 'model_id']).doUpdateSet({ step: model.step }))
        .execute();
    }
  }
}
