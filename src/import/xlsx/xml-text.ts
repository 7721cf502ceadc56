/** XML character data as text: the five entities, numeric references, and OOXML's `_x000D_` escapes (ST_Xstring). */
export function xmlText(raw: string): string {
  return raw
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
      if (entity[0] === '#') return String.fromCodePoint(entity[1].toLowerCase() === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
      return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity.toLowerCase()]!;
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The attributes of one start tag's inside (`r="A1" s="3" t="s"`), names as written (`r:id`). */
export function xmlAttributes(inside: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of inside.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) attributes.set(match[1], xmlText(match[3] ?? match[4]));
  return attributes;
}

/** Every element `name` (any namespace prefix), as its attributes and inner XML (empty for `<x/>`). */
export function* xmlElements(xml: string, name: string): Generator<{ attributes: Map<string, string>; inner: string }> {
  const pattern = new RegExp(`<(?:\\w+:)?${name}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
  for (const match of xml.matchAll(pattern)) yield { attributes: xmlAttributes(match[1]), inner: match[2] ?? '' };
}

/** The text of a string item (`<si>`, `<is>`): its `<t>` runs joined, phonetic guides (`<rPh>`) left out. */
export function stringItemText(inner: string): string {
  const body = inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  let text = '';
  for (const t of xmlElements(body, 't')) text += xmlText(t.inner);
  return text;
}
