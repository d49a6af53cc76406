/**
 * A small structural validator for OpenAPI 3.0/3.1 documents (the parts a scoring document uses),
 * and a JSON Schema subset validator to check examples against the schemas. Returns problems as text.
 */
type Json = Record<string, unknown>;

const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveRef(doc: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), doc);
}

function checkSchema(doc: Json, schema: unknown, where: string, out: string[]): void {
  if (!isObject(schema)) return void out.push(`${where}: a schema must be an object`);
  if (typeof schema.$ref === 'string') {
    if (resolveRef(doc, schema.$ref) === undefined) out.push(`${where}: unresolved $ref ${schema.$ref}`);
    return;
  }
  const types = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  for (const t of types) if (!TYPES.has(String(t))) out.push(`${where}: unknown type ${String(t)}`);
  if (
    schema.required !== undefined &&
    !(Array.isArray(schema.required) && schema.required.every((r) => typeof r === 'string'))
  )
    out.push(`${where}: required must be a list of names`);
  if (schema.properties !== undefined) {
    if (!isObject(schema.properties)) out.push(`${where}: properties must be an object`);
    else
      for (const [k, v] of Object.entries(schema.properties))
        checkSchema(doc, v, `${where}.properties.${k}`, out);
  }
  if (schema.items !== undefined) checkSchema(doc, schema.items, `${where}.items`, out);
  if (isObject(schema.additionalProperties))
    checkSchema(doc, schema.additionalProperties, `${where}.additionalProperties`, out);
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0) out.push(`${where}.${key}: must be a non-empty list`);
    else list.forEach((s, i) => checkSchema(doc, s, `${where}.${key}[${i}]`, out));
  }
}

function checkOperation(doc: Json, op: unknown, where: string, out: string[]): void {
  if (!isObject(op)) return void out.push(`${where}: an operation must be an object`);
  if (!isObject(op.responses) || Object.keys(op.responses).length === 0)
    out.push(`${where}: responses are required`);
  else
    for (const [status, response] of Object.entries(op.responses)) {
      if (!/^([1-5]\d\d|[1-5]XX|default)$/.test(status)) out.push(`${where}: bad status ${status}`);
      if (!isObject(response) || typeof response.description !== 'string')
        out.push(`${where}.${status}: description is required`);
      else if (isObject(response.content))
        for (const [media, m] of Object.entries(response.content))
          checkSchema(doc, (m as Json).schema, `${where}.${status}.${media}`, out);
    }
  if (op.requestBody !== undefined) {
    const body = op.requestBody;
    if (!isObject(body) || !isObject(body.content)) out.push(`${where}.requestBody: content is required`);
    else
      for (const [media, m] of Object.entries(body.content))
        checkSchema(doc, (m as Json).schema, `${where}.requestBody.${media}`, out);
  }
}

/** Problems with an OpenAPI 3.x document; empty when it is well formed. */
export function validateOpenApi(doc: unknown): string[] {
  const out: string[] = [];
  if (!isObject(doc)) return ['the document must be an object'];
  if (typeof doc.openapi !== 'string' || !/^3\.[01]\.\d+$/.test(doc.openapi))
    out.push('openapi must be 3.0.x or 3.1.x');
  if (!isObject(doc.info) || typeof doc.info.title !== 'string' || typeof doc.info.version !== 'string')
    out.push('info.title and info.version are required strings');
  if (!isObject(doc.paths)) return [...out, 'paths is required'];
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) out.push(`path ${path} must start with /`);
    if (!isObject(item)) continue;
    for (const [method, op] of Object.entries(item))
      if (METHODS.has(method)) checkOperation(doc, op, `${method.toUpperCase()} ${path}`, out);
  }
  const schemas = isObject(doc.components) ? doc.components.schemas : undefined;
  if (isObject(schemas))
    for (const [k, v] of Object.entries(schemas)) checkSchema(doc, v, `components.schemas.${k}`, out);
  return out;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** True when `value` matches `schema` (type, properties, required, items, additionalProperties, sizes, oneOf/anyOf, $ref). */
export function matchesSchema(doc: Json, schema: unknown, value: unknown): boolean {
  if (!isObject(schema)) return true;
  if (typeof schema.$ref === 'string') return matchesSchema(doc, resolveRef(doc, schema.$ref), value);
  if (Array.isArray(schema.oneOf))
    return schema.oneOf.filter((s) => matchesSchema(doc, s, value)).length === 1;
  if (Array.isArray(schema.anyOf) && !schema.anyOf.some((s) => matchesSchema(doc, s, value))) return false;
  if (schema.type !== undefined) {
    const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as string[];
    const t = typeOf(value);
    if (!types.includes(t) && !(t === 'integer' && types.includes('number'))) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (typeof schema.maxItems === 'number' && value.length > schema.maxItems) return false;
    return value.every((v) => matchesSchema(doc, schema.items, v));
  }
  if (!isObject(value)) return true;
  const props = isObject(schema.properties) ? schema.properties : {};
  if (Array.isArray(schema.required) && !schema.required.every((k) => k in value)) return false;
  return Object.entries(value).every(([k, v]) => {
    if (k in props) return matchesSchema(doc, props[k], v);
    return schema.additionalProperties === false ? false : matchesSchema(doc, schema.additionalProperties, v);
  });
}
