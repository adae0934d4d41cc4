/**
 * Open311 responses in JSON or XML, with the same data. XML element names follow the GeoReport v2
 * examples (services/service, service_requests/request, errors/error).
 */
import XMLBuilder from 'fast-xml-builder';

export type Format = 'json' | 'xml';

export function formatOf(param: string | undefined): Format | null {
  return param === 'json' || param === 'xml' ? param : null;
}

/** The answer to an address whose format is neither: said in words, since it can be written in neither. */
export function unknownFormat(): Response {
  return new Response('Open311 只提供 .json 和 .xml 两种格式。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
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

/** Characters XML 1.0 cannot carry at all, not even escaped: C0 controls other than tab and line breaks, lone surrogates, U+FFFE and U+FFFF. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: they are dropped.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Surrogate}/gu;

/** Text as XML can carry it. Input refuses these characters; this keeps older rows and echoed request parts from breaking a document. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/**
 * Values shaped for the XML builder: text made XML-safe, null as an empty element, and arrays of
 * attribute values one element each: { values: [{key,name}] } → <values><value>…</value></values>.
 */
function xmlShape(value: unknown): unknown {
  if (typeof value === 'string') return xmlSafe(value);
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
