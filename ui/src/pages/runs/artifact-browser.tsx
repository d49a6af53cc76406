import { type ReactNode, useState } from 'react';
import type { FileInfo } from '../../../../src/client/entities.js';
import { Empty, ErrorState, Loading } from '../../components/states.js';
import { ArtifactPreview } from './artifact-preview.js';
import { type ArtifactStore, childPath, parentOf, useListing } from './artifact-store.js';
import { ArtifactTree } from './artifact-tree.js';

/** Renders the model view of a folder holding an MLmodel. */
export type RenderModel = (dir: string, files: readonly FileInfo[]) => ReactNode;

const isWithin = (path: string, dir: string) => path === dir || path.startsWith(`${dir}/`);

/**
 * A tree of artifacts beside a preview of the selected one. The selection comes from the caller
 * (the URL, for a run), so a deep link opens every folder on its way; the user's own opening and
 * closing of folders overrides that.
 */
export function ArtifactBrowser({
  store,
  selected,
  onSelect,
  renderModel,
}: {
  store: ArtifactStore;
  /** The selected file or folder (`''`: the root). */
  selected: string;
  onSelect: (path: string) => void;
  renderModel: RenderModel;
}) {
  const [toggled, setToggled] = useState<Readonly<Record<string, boolean>>>({});
  const root = useListing(store, '');
  const isExpanded = (path: string) => toggled[path] ?? isWithin(selected, path);
  const openDir = (path: string) => {
    // A click on the selected folder opens or closes it; on another folder, selects and opens it.
    setToggled((t) => ({ ...t, [path]: path === selected ? !isExpanded(path) : true }));
    if (path !== selected) onSelect(path);
  };
  if (root.isSuccess && root.data.length === 0) return <Empty>No artifacts</Empty>;
  return (
    <div className="artifact-browser">
      <ArtifactTree
        store={store}
        selected={selected}
        isExpanded={isExpanded}
        onOpenDir={openDir}
        onSelectFile={onSelect}
      />
      <div className="artifact-view" aria-live="polite">
        <SelectedView store={store} selected={selected} renderModel={renderModel} />
      </div>
    </div>
  );
}

/** The selected path: a file's preview, a model folder's model view, or a hint. */
function SelectedView({
  store,
  selected,
  renderModel,
}: {
  store: ArtifactStore;
  selected: string;
  renderModel: RenderModel;
}) {
  // The parent's listing is already cached by the tree: it says whether `selected` is a folder.
  const parent = useListing(store, parentOf(selected), selected !== '');
  if (selected === '') return <FolderView store={store} dir="" renderModel={renderModel} />;
  if (parent.isPending) return <Loading what="artifact" />;
  if (parent.isError)
    return <ErrorState error={parent.error} what="artifact" onRetry={() => void parent.refetch()} />;
  const entry = parent.data.find((f) => f.path === selected);
  if (!entry) return <Empty>No artifact at {selected}.</Empty>;
  if (entry.is_dir) return <FolderView store={store} dir={selected} renderModel={renderModel} />;
  return <ArtifactPreview store={store} file={entry} />;
}

function FolderView({
  store,
  dir,
  renderModel,
}: {
  store: ArtifactStore;
  dir: string;
  renderModel: RenderModel;
}) {
  const listing = useListing(store, dir);
  if (listing.isPending) return <Loading what="folder" />;
  if (listing.isError)
    return <ErrorState error={listing.error} what="folder" onRetry={() => void listing.refetch()} />;
  const files = listing.data;
  if (files.some((f) => !f.is_dir && f.path === childPath(dir, 'MLmodel')))
    return <>{renderModel(dir, files)}</>;
  return (
    <p className="state state-empty">
      {dir ? `${dir}: ${files.length} ${files.length === 1 ? 'item' : 'items'}. ` : ''}Select a file to
      preview it.
    </p>
  );
}
