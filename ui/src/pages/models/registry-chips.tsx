import { Link } from 'wouter';
import type { KeyValue } from '../../../../src/client/entities.js';
import { links } from '../../links.js';

/** A version's stage as a colored chip (the colors come from styles.css and models.css). */
export function StageChip({ stage }: { stage: string }) {
  return <span className={`chip stage stage-${stage}`}>{stage}</span>;
}

/** `@alias → vN`, linking to the version the alias points at. */
export function AliasLink({ name, alias, version }: { name: string; alias: string; version: string }) {
  return (
    <Link href={links.modelVersion(name, version)} className="chip alias">
      @{alias} → v{version}
    </Link>
  );
}

/** A version's aliases as plain `@alias` chips (the row already says which version). */
export function AliasChips({ aliases }: { aliases: readonly string[] }) {
  if (aliases.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {aliases.map((alias) => (
        <span key={alias} className="chip alias">
          @{alias}
        </span>
      ))}
    </>
  );
}

/** User tags as `key: value` chips; MLflow's own `mlflow.*` tags are left out. */
export function TagChips({ tags }: { tags: readonly KeyValue[] | undefined }) {
  const visible = (tags ?? []).filter((t) => !t.key.startsWith('mlflow.'));
  if (visible.length === 0) return <span className="muted">—</span>;
  return (
    <>
      {visible.map((t) => (
        <span key={t.key} className="chip" title={`${t.key}: ${t.value}`}>
          {t.key}: {t.value}
        </span>
      ))}
    </>
  );
}
