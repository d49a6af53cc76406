import type { FileInfo } from '../../../../src/client/entities.js';
import { formatBytes } from '../../components/format.js';
import { QueryView } from '../../components/states.js';
import { type ArtifactStore, baseName, useFileText } from './artifact-store.js';
import { parseDelimited } from './delimited.js';
import { MAX_PREVIEW_BYTES, previewKind } from './preview-kind.js';

const MAX_TABLE_ROWS = 200;

/** One file of the artifact browser: its name, size, a download link and a preview. */
export function ArtifactPreview({ store, file }: { store: ArtifactStore; file: FileInfo }) {
  const kind = previewKind(file.path, file.file_size);
  const url = store.fileUrl(file.path);
  return (
    <div className="stack">
      <div className="artifact-file-head">
        <h3 className="mono">{file.path}</h3>
        <span className="muted">{formatBytes(file.file_size)}</span>
        <a href={url} download={baseName(file.path)}>
          Download
        </a>
      </div>
      {kind === 'image' && <img className="artifact-image" src={url} alt={file.path} />}
      {kind === 'download' && <DownloadNote file={file} url={url} />}
      {(kind === 'text' || kind === 'json' || kind === 'table') && (
        <TextPreview store={store} file={file} kind={kind} />
      )}
    </div>
  );
}

function DownloadNote({ file, url }: { file: FileInfo; url: string }) {
  const tooBig = file.file_size !== undefined && file.file_size > MAX_PREVIEW_BYTES;
  return (
    <p className="state state-empty">
      {tooBig
        ? `This file is larger than ${formatBytes(MAX_PREVIEW_BYTES)}, too big to preview. `
        : 'No preview for this kind of file. '}
      <a href={url} download={baseName(file.path)}>
        Download {baseName(file.path)}
      </a>
    </p>
  );
}

function TextPreview({
  store,
  file,
  kind,
}: {
  store: ArtifactStore;
  file: FileInfo;
  kind: 'text' | 'json' | 'table';
}) {
  const text = useFileText(store, file.path);
  return (
    <QueryView query={text} what="file">
      {(body) =>
        kind === 'json' ? (
          <pre className="preview" aria-label={`Contents of ${file.path}`}>
            {prettyJson(body)}
          </pre>
        ) : kind === 'table' ? (
          <DelimitedTable text={body} path={file.path} />
        ) : (
          <pre className="preview" aria-label={`Contents of ${file.path}`}>
            {body}
          </pre>
        )
      }
    </QueryView>
  );
}

// A file named .json that is not JSON (or is JSON Lines) is still worth reading as it is.
function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function DelimitedTable({ text, path }: { text: string; path: string }) {
  const separator = path.toLowerCase().endsWith('.tsv') ? '\t' : ',';
  // One more row than shown: the header.
  const { rows, truncated } = parseDelimited(text, separator, MAX_TABLE_ROWS + 1);
  const [header = [], ...body] = rows;
  if (rows.length === 0) return <p className="muted">The file is empty.</p>;
  return (
    <div className="stack">
      <div className="table-wrap artifact-table">
        <table className="table compact" aria-label={`Contents of ${path}`}>
          <thead>
            <tr>
              {header.map((cell, i) => (
                <th scope="col" key={i}>
                  {cell}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {body.map((row, r) => (
              <tr key={r}>
                {row.map((cell, c) => (
                  <td key={c}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {truncated && (
        <p className="muted">Showing the first {MAX_TABLE_ROWS} rows. Download the file for the rest.</p>
      )}
    </div>
  );
}
