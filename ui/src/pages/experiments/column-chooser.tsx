import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import {
  COLUMN_GROUPS,
  type ColumnChoices,
  type ColumnKeys,
  type ColumnKind,
  columnId,
  isColumnVisible,
} from './run-columns.js';

/**
 * The "Columns" disclosure: a button that opens a panel of checkboxes, one group per kind. It is a
 * disclosure rather than a menu, so Tab walks into the panel and Space toggles a box; Escape or a
 * click elsewhere closes it.
 */
export function ColumnChooser({
  keys,
  choices,
  sortedKey,
  onChange,
}: {
  keys: ColumnKeys;
  choices: ColumnChoices;
  sortedKey: string;
  onChange: (changes: Record<string, boolean>) => void;
}) {
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  useEffect(() => {
    if (!open) return undefined;
    const closeOutside = (event: PointerEvent) => {
      if (event.target instanceof Node && !wrap.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="column-chooser" ref={wrap} onKeyDown={onKeyDown}>
      <button
        type="button"
        ref={button}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        Columns <span aria-hidden="true">▾</span>
      </button>
      <div id={panelId} className="column-panel" hidden={!open}>
        {COLUMN_GROUPS.map(({ kind, label }) => (
          <ColumnGroup
            key={kind}
            kind={kind}
            label={label}
            keys={keys}
            choices={choices}
            sortedKey={sortedKey}
            onChange={onChange}
          />
        ))}
      </div>
    </div>
  );
}

function ColumnGroup({
  kind,
  label,
  keys,
  choices,
  sortedKey,
  onChange,
}: {
  kind: ColumnKind;
  label: string;
  keys: ColumnKeys;
  choices: ColumnChoices;
  sortedKey: string;
  onChange: (changes: Record<string, boolean>) => void;
}) {
  const columns = keys[kind].map((key) => ({ kind, key }));
  const setAll = (visible: boolean) =>
    onChange(Object.fromEntries(columns.map((c) => [columnId(c), visible])));
  return (
    <fieldset className="column-group">
      <legend>{label}</legend>
      {columns.length === 0 ? (
        <p className="muted">None on this page.</p>
      ) : (
        <>
          <div className="row">
            <button type="button" className="link-button" onClick={() => setAll(true)}>
              Show all <span className="visually-hidden">{label.toLowerCase()}</span>
            </button>
            <button type="button" className="link-button" onClick={() => setAll(false)}>
              Hide all <span className="visually-hidden">{label.toLowerCase()}</span>
            </button>
          </div>
          <ul className="column-list">
            {columns.map((column) => (
              <li key={column.key}>
                <label>
                  <input
                    type="checkbox"
                    checked={isColumnVisible(column, keys, choices, sortedKey)}
                    onChange={(e) => onChange({ [columnId(column)]: e.target.checked })}
                  />
                  <span className="mono">{column.key}</span>
                </label>
              </li>
            ))}
          </ul>
        </>
      )}
    </fieldset>
  );
}
