/**
 * Open311 responses in JSON or XML, with the same data. XML element names follow the GeoReport v2
 * examples (services/service, service_requests/request, errors/error).
 */
import XMLBuilder from 'fast-xml-builder';

export type Format = 'json' | 'xml';

export function formatOf(param: string | undefined): Format | null {
  return param === 'json' || param === 'xml' ? param : null;
}

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** XML root and item element names for each kind of list. */
const XML_NAMES = {
  services: ['services', 'service'],
  requests: ['service_requests', 'request'],
  errors: ['errors', 'error'],
  definition: ['service_definition', null],
} as const;

function toXml(kind: keyof typeof XML_NAMES, body: unknown): string {
  const [root, item] = XML_NAMES[kind];
  const content = item ? { [item]: body } : body;
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [root]: content }) as string}`;
}

/** Arrays of attribute values need one element each in XML: { values: [{key,name}] } → <values><value>…</value></values>. */
function xmlShape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(xmlShape);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === 'attributes' && Array.isArray(v)) return [k, { attribute: v.map(xmlShape) }];
        if (k === 'values' && Array.isArray(v)) return [k, { value: v.map(xmlShape) }];
        return [k, v === null ? '' : xmlShape(v)];
      }),
    );
  }
  return value;
}

export function open311Response(format: Format, kind: keyof typeof XML_NAMES, body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set('Content-Type', format === 'json' ? 'application/json; charset=utf-8' : 'application/xml; charset=utf-8');
  headers.set('Access-Control-Allow-Origin', '*');
  const text = format === 'json' ? JSON.stringify(body) : toXml(kind, xmlShape(body));
  return new Response(text, { ...init, headers });
}

export function open311Errors(format: Format, status: number, descriptions: string[], headers: HeadersInit = {}): Response {
  return open311Response(
    format,
    'errors',
    descriptions.map((description) => ({ code: status, description })),
    { status, headers },
  );
}
