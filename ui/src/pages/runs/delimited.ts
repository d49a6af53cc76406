/** The first rows of a CSV or TSV file, and whether more followed. */
export interface DelimitedRows {
  readonly rows: string[][];
  readonly truncated: boolean;
}

/**
 * Splits CSV (RFC 4180: quoted fields may hold commas, quotes as `""` and line breaks) or TSV text
 * into rows, stopping after `maxRows`. Hand-written because the preview needs no more than this.
 *
 * @example parseDelimited('a,b\n1,"x,y"\n', ',', 10).rows // [['a','b'], ['1','x,y']]
 */
export function parseDelimited(text: string, separator: ',' | '\t', maxRows: number): DelimitedRows {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === separator) {
      row.push(field);
      field = '';
    } else if (c === '\n') endRow();
    else if (c !== '\r') field += c;
  }
  const rest = text.slice(i);
  if (rows.length < maxRows && (field !== '' || row.length > 0)) endRow();
  return { rows, truncated: rows.length >= maxRows && rest.trim() !== '' };
}
