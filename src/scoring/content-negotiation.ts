/**
 * `/invocations` content negotiation, as MLflow's scoring server does it: the media type picks the
 * parser, `charset` must be UTF-8, and any other parameter is the pre-2.0 protocol.
 */
import { PROTOCOL_NOTE } from './parse-json-request.js';
import { type ScoringResponse, textResponse } from './scoring-response.js';

/** The body formats `/invocations` reads. */
export type BodyFormat = 'json' | 'csv' | 'arrow';

/** Apache Arrow IPC stream, Modeldock's batch format beside MLflow's JSON and CSV. */
export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

const FORMATS: Readonly<Record<string, BodyFormat>> = {
  'application/json': 'json',
  'text/csv': 'csv',
  [ARROW_STREAM]: 'arrow',
};

/** The format to parse a body as, or the response that refuses it. */
export type Negotiated = { readonly format: BodyFormat } | { readonly response: ScoringResponse };

const seen = new Map<string, Negotiated>();

const SUPPORTED =
  "This predictor only supports the following content types: Types: ['text/csv', 'application/json']";

/**
 * The body format for a Content-Type header, or the 415 MLflow answers. A missing header is a 415
 * too (MLflow crashes with a 500 there).
 *
 * @example negotiate('application/json; charset=utf-8') // { format: 'json' }
 */
export function negotiate(contentType: string | undefined): Negotiated {
  if (contentType === undefined) return negotiateAnew(contentType);
  let negotiated = seen.get(contentType);
  if (negotiated) return negotiated;
  negotiated = negotiateAnew(contentType);
  // Clients send a handful of distinct headers; the bound keeps a header-spraying client from growing it.
  if (seen.size < 64) seen.set(contentType, negotiated);
  return negotiated;
}

function negotiateAnew(contentType: string | undefined): Negotiated {
  if (contentType === undefined || contentType.trim() === '')
    return { response: textResponse(415, `${SUPPORTED}. Got no Content-Type header.`) };
  const [media = '', ...parts] = contentType.split(';');
  const params = new Map(
    parts.map((p) => {
      const [k = '', v = ''] = p.split('=');
      return [k.trim().toLowerCase(), v.trim().replace(/^"|"$/g, '')] as const;
    }),
  );
  const charset = params.get('charset');
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8')
    return { response: textResponse(415, 'The scoring server only supports UTF-8') };
  const unknown = [...params.keys()].filter((k) => k !== 'charset');
  if (unknown.length > 0)
    return {
      response: textResponse(
        415,
        `Unrecognized content type parameters: ${unknown.join(', ')}. ${PROTOCOL_NOTE}`,
      ),
    };
  const format = FORMATS[media.trim().toLowerCase()];
  if (!format) return { response: textResponse(415, `${SUPPORTED}. Got '${media.trim()}'.`) };
  return { format };
}
