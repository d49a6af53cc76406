import type { CSSProperties } from 'react';
import { formatBytes } from '../../components/format.js';
import { ErrorState, Loading } from '../../components/states.js';
import { type ArtifactStore, baseName, useListing } from './artifact-store.js';

export interface TreeProps {
  store: ArtifactStore;
  selected: string;
  isExpanded: (path: string) => boolean;
  onOpenDir: (path: string) => void;
  onSelectFile: (path: string) => void;
}

/**
 * The artifact folders as a tree of native buttons (keyboard-usable as they are). A folder is
 * listed only once it is opened: one `artifacts/list` per opened folder.
 */
export function ArtifactTree(props: TreeProps) {
  return (
    <nav className="artifact-tree" aria-label="Artifact files">
      <TreeLevel {...props} path="" depth={0} />
    </nav>
  );
}

function TreeLevel(props: TreeProps & { path: string; depth: number }) {
  const { store, path, depth, selected, isExpanded, onOpenDir, onSelectFile } = props;
  const listing = useListing(store, path);
  if (listing.isPending) return <Loading what={path ? baseName(path) : 'artifacts'} />;
  if (listing.isError)
    return <ErrorState error={listing.error} what="folder" onRetry={() => void listing.refetch()} />;
  if (listing.data.length === 0) return <p className="muted tree-empty">Empty folder</p>;
  const indent = { '--depth': depth } as CSSProperties;
  return (
    <ul className="tree-level">
      {listing.data.map((f) => {
        const open = f.is_dir && isExpanded(f.path);
        return (
          <li key={f.path}>
            <button
              type="button"
              className="tree-item"
              style={indent}
              aria-current={f.path === selected ? 'true' : undefined}
              aria-expanded={f.is_dir ? open : undefined}
              onClick={() => (f.is_dir ? onOpenDir(f.path) : onSelectFile(f.path))}
            >
              <span className="tree-icon" aria-hidden="true">
                {f.is_dir ? (open ? '▾' : '▸') : '·'}
              </span>
              <span className="tree-name">{baseName(f.path)}</span>
              {!f.is_dir && <span className="tree-size muted">{formatBytes(f.file_size)}</span>}
            </button>
            {open && <TreeLevel {...props} path={f.path} depth={depth + 1} />}
          </li>
        );
      })}
    </ul>
  );
}
