import { useId } from 'react';
import type { MetricRequest, XAxis, YScale } from './metric-route.js';

export interface ViewChange {
  keys?: readonly string[];
  xAxis?: XAxis;
  yScale?: YScale;
}

/**
 * The view's controls: x axis, y scale, and which metrics of these runs get a chart. Every choice
 * lives in the URL, so a link shares the view.
 */
export function MetricControls({
  request,
  available,
  logBlockedBy,
  onChange,
}: {
  request: MetricRequest;
  /** Every metric key the runs logged. */
  available: readonly string[];
  /** Charted metrics with values ≤ 0; while there are any, the log scale is off. */
  logBlockedBy: readonly string[];
  onChange: (change: ViewChange) => void;
}) {
  const xId = useId();
  const yId = useId();
  const noteId = useId();
  const logOff = logBlockedBy.length > 0;
  return (
    <div className="mp-controls" role="group" aria-label="Chart options">
      <div className="mp-control">
        <label htmlFor={xId}>X axis</label>
        <select id={xId} value={request.xAxis} onChange={(e) => onChange({ xAxis: e.target.value as XAxis })}>
          <option value="step">Step</option>
          <option value="relative">Relative time</option>
          <option value="wall">Wall time</option>
        </select>
      </div>
      <div className="mp-control">
        <label htmlFor={yId}>Y axis</label>
        <select
          id={yId}
          value={logOff ? 'linear' : request.yScale}
          onChange={(e) => onChange({ yScale: e.target.value as YScale })}
          {...(logOff ? { 'aria-describedby': noteId } : {})}
        >
          <option value="linear">Linear</option>
          <option value="log" disabled={logOff}>
            Log
          </option>
        </select>
        {logOff && (
          <span id={noteId} className="muted mp-note">
            Log scale is off: {logBlockedBy.join(', ')} {logBlockedBy.length === 1 ? 'has' : 'have'} values ≤
            0.
          </span>
        )}
      </div>
      <MetricPicker request={request} available={available} onChange={onChange} />
    </div>
  );
}

function MetricPicker({
  request,
  available,
  onChange,
}: {
  request: MetricRequest;
  available: readonly string[];
  onChange: (change: ViewChange) => void;
}) {
  // Keys in the link that no run logged still show, so they can be taken off.
  const options = [...new Set([...available, ...request.keys])].sort((a, b) => a.localeCompare(b));
  const toggle = (key: string, on: boolean) =>
    onChange({
      keys: on ? [...request.keys, key] : request.keys.filter((k) => k !== key),
    });
  return (
    <details className="mp-picker">
      <summary>
        Metrics ({request.keys.length} of {options.length})
      </summary>
      <fieldset>
        <legend className="visually-hidden">Metrics to chart</legend>
        {options.map((key) => {
          const primary = key === request.key;
          return (
            <label key={key} className="row mp-picker-option">
              <input
                type="checkbox"
                checked={request.keys.includes(key)}
                disabled={primary}
                onChange={(e) => toggle(key, e.target.checked)}
              />
              <span className="mono">{key}</span>
              {primary && <span className="muted">(this page)</span>}
            </label>
          );
        })}
      </fieldset>
    </details>
  );
}
