// A Word file → HTML, through mammoth (merged cells kept as rowspan/colspan).
//
// mammoth is handed a clean archive built here (./zip.ts), never the file
// itself, and its XML is first rewritten, because mammoth
// - keeps hidden text (w:vanish) and double strike-through (w:dstrike) as
//   ordinary text, and reads strike-through and superscript only when set on
//   the run itself, not through a character or paragraph style; a hidden "0"
//   after a visible "7" would be read as 70;
// - builds a tree of about 2 KB per XML element, so its input is bounded.
// So runs that are hidden or struck out (directly or by style) are removed,
// every run's formatting is dropped (the importer needs none of it, and it is
// most of the elements), and a superscript or subscript, however it was set,
// is written back as the one property mammoth turns into <sup>/<sub>.
import { MAX_TEXT_CHARS, MAX_XML_ELEMENTS, TooLarge } from './limits.js';
import { readZip, writeZip } from './zip.js';

const MAIN_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** Formatting that decides what is read: set (true/false, a vertAlign value) or not set (undefined). */
interface RunProps { hidden?: boolean; struck?: boolean; vertAlign?: string }

interface Tag { readonly close: boolean; readonly name: string; readonly attrs: string; readonly empty: boolean; readonly start: number; readonly end: number }

/**
 * The tags of a machine-written XML part, in order (comments, processing
 * instructions and CDATA skipped). A plain scan, linear whatever the input:
 * an unclosed comment or tag ends the part.
 */
function* tags(xml: string): Generator<Tag> {
  let i = xml.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (xml.startsWith('<!--', i)) end = xml.indexOf('-->', i + 4) + 3;
    else if (xml.startsWith('<![CDATA[', i)) end = xml.indexOf(']]>', i + 9) + 3;
    else {
      const gt = tagEnd(xml, i);
      if (gt < 0) return;
      end = gt + 1;
      const c = xml[i + 1];
      if (c !== '?' && c !== '!') {
        const close = c === '/';
        const empty = xml[gt - 1] === '/';
        const body = xml.slice(close ? i + 2 : i + 1, empty ? gt - 1 : gt);
        const sp = body.search(/[\s]/);
        yield { close, name: sp < 0 ? body : body.slice(0, sp), attrs: sp < 0 ? '' : body.slice(sp), empty, start: i, end };
      }
    }
    if (end < 3) return;
    i = xml.indexOf('<', end);
  }
}

/** The ">" closing the tag at `i`; a ">" inside a quoted attribute value (allowed in XML) does not close it. -1 if none. */
function tagEnd(xml: string, i: number): number {
  const re = /[>"']/g;
  re.lastIndex = i;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[0] === '>') return m.index;
    const close = xml.indexOf(m[0], m.index + 1);
    if (close < 0) return -1;
    re.lastIndex = close + 1;
  }
  return -1;
}

const ATTR = new Map<string, RegExp>();
function attrValue(attrs: string, name: string): string | undefined {
  let re = ATTR.get(name);
  if (!re) ATTR.set(name, (re = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** The prefix bound to WordprocessingML ('' for the default namespace), from the root element. */
function prefixOf(xml: string): string | undefined {
  for (const t of tags(xml)) {
    if (t.close) return undefined;
    for (const m of t.attrs.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      if (MAIN_NS.includes(m[2] ?? m[3] ?? '')) return m[1] ? `${m[1]}:` : '';
    }
    return undefined;
  }
  return undefined;
}

/** On/off properties: present means on, unless w:val is false, 0 or off. */
const onOff = (attrs: string, p: string) => !/^(false|0|off)$/i.test(attrValue(attrs, `${p}val`) ?? 'true');

/** Reads one property element of an rPr into `props`. */
function readProp(local: string, attrs: string, p: string, props: RunProps): void {
  if (local === 'vanish' || local === 'specVanish') props.hidden = onOff(attrs, p);
  else if (local === 'strike' || local === 'dstrike') props.struck = (props.struck ?? false) || onOff(attrs, p);
  else if (local === 'vertAlign') props.vertAlign = attrValue(attrs, `${p}val`);
}

interface Style { readonly type?: string; readonly isDefault?: boolean; readonly basedOn?: string; readonly props: RunProps }

/** Character and paragraph styles, with the run formatting each sets. */
function readStyles(xml: string | undefined): Map<string, Style> {
  const styles = new Map<string, Style>();
  const p = xml === undefined ? undefined : prefixOf(xml);
  if (xml === undefined || p === undefined) return styles;
  let cur: { id: string; type?: string; isDefault?: boolean; basedOn?: string; props: RunProps } | undefined;
  let depth = 0, rPrAt = -1;
  for (const t of tags(xml)) {
    if (t.close) {
      depth--;
      if (depth === rPrAt) rPrAt = -1;
      if (t.name === `${p}style` && cur) { styles.set(cur.id, cur); cur = undefined; }
      continue;
    }
    if (t.name === `${p}style`) cur = { id: attrValue(t.attrs, `${p}styleId`) ?? '', type: attrValue(t.attrs, `${p}type`), isDefault: /^(1|true|on)$/i.test(attrValue(t.attrs, `${p}default`) ?? ''), props: {} };
    else if (cur && t.name === `${p}basedOn`) cur.basedOn = attrValue(t.attrs, `${p}val`);
    else if (cur && t.name === `${p}rPr` && rPrAt < 0) rPrAt = depth;
    // Only the style's own rPr, not a table style's conditional ones deeper down.
    else if (cur && rPrAt >= 0 && depth === rPrAt + 1 && t.name.startsWith(p)) readProp(t.name.slice(p.length), t.attrs, p, cur.props);
    if (!t.empty) depth++;
  }
  return styles;
}

/** A style's formatting with what it is based on filled in (a chain of at most 20, against loops). */
function styleProps(styles: ReadonlyMap<string, Style>, id: string | undefined): RunProps {
  const chain: RunProps[] = [];
  for (let s = id === undefined ? undefined : styles.get(id), n = 0; s && n < 20; s = s.basedOn === undefined ? undefined : styles.get(s.basedOn), n++) chain.push(s.props);
  const out: RunProps = {};
  for (const c of chain.reverse()) Object.assign(out, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
  return out;
}

interface Edit { readonly start: number; readonly end: number; readonly text: string }

/** Elements the importer needs nothing from, wherever they are: bookmarks, proofing marks, pictures, page and table layout. */
const DROP = new Set(['proofErr', 'bookmarkStart', 'bookmarkEnd', 'lastRenderedPageBreak', 'sectPr', 'tblPr', 'tblGrid', 'drawing', 'permStart', 'permEnd']);
/** What mammoth reads of paragraph and cell properties: the style and list of a paragraph, a cell's merges. */
const KEEP_IN = { pPr: new Set(['pStyle', 'numPr', 'rPr']), tcPr: new Set(['gridSpan', 'vMerge']) };

/**
 * Removes hidden and struck-out runs (set on the run, by its character style
 * or by its paragraph's style), drops formatting and layout, and writes a
 * superscript or subscript back as the run's only property.
 */
function rewriteRuns(xml: string, styles: ReadonlyMap<string, Style>): string {
  const p = prefixOf(xml);
  if (p === undefined) return xml;
  const defaultPara = [...styles].find(([, s]) => s.type === 'paragraph' && s.isDefault)?.[0];
  type Run = { kind: 'r'; depth: number; start: number; openEnd: number; rPr?: { start: number; end: number }; props: RunProps; rStyle?: string };
  type Frame =
    | { kind: 'p'; depth: number; style?: string }
    | { kind: 'pPr' | 'tcPr'; depth: number }
    | Run
    | { kind: 'rPr'; depth: number; start: number; run?: Run; deleted: boolean }
    | { kind: 'drop'; depth: number; start: number };
  const frames: Frame[] = [];
  const edits: Edit[] = [];
  let depth = 0;
  const paraStyle = () => {
    for (let i = frames.length - 1; i >= 0; i--) { const f = frames[i]!; if (f.kind === 'p') return f.style ?? defaultPara; }
    return defaultPara;
  };
  for (const t of tags(xml)) {
    if (t.close) {
      depth--;
      const f = frames[frames.length - 1];
      if (!f || f.depth !== depth) continue;
      frames.pop();
      if (f.kind === 'drop') edits.push({ start: f.start, end: t.end, text: '' });
      else if (f.kind === 'rPr') {
        // A run's rPr is written back below; a paragraph mark's keeps only a deletion (mammoth merges a deleted paragraph into the next).
        if (f.run) f.run.rPr = { start: f.start, end: t.end };
        else edits.push({ start: f.start, end: t.end, text: f.deleted ? `<${p}rPr><${p}del/></${p}rPr>` : '' });
      } else if (f.kind === 'r') {
        const eff = { ...styleProps(styles, paraStyle()), ...styleProps(styles, f.rStyle), ...defined(f.props) };
        if (eff.hidden || eff.struck) { edits.push({ start: f.start, end: t.end, text: '' }); continue; }
        const va = eff.vertAlign === 'superscript' || eff.vertAlign === 'subscript' ? `<${p}rPr><${p}vertAlign ${p}val="${eff.vertAlign}"/></${p}rPr>` : '';
        if (f.rPr) edits.push({ start: f.rPr.start, end: f.rPr.end, text: va });
        else if (va) edits.push({ start: f.openEnd, end: f.openEnd, text: va });
      }
      continue;
    }
    const top = frames[frames.length - 1];
    const under = top && top.depth === depth - 1 ? top : undefined;
    const local = t.name.startsWith(p) ? t.name.slice(p.length) : undefined;
    const push = (f: Frame) => { if (!t.empty) frames.push(f); };
    if (top?.kind === 'drop' || local === undefined) {
      // inside a dropped element, or another vocabulary (drawing, math): left as it is
    } else if (DROP.has(local) || ((under?.kind === 'pPr' || under?.kind === 'tcPr') && !KEEP_IN[under.kind].has(local))) {
      if (t.empty) edits.push({ start: t.start, end: t.end, text: '' });
      else frames.push({ kind: 'drop', depth, start: t.start });
    } else if (local === 'p') push({ kind: 'p', depth });
    else if (local === 'pPr' && under?.kind === 'p') push({ kind: 'pPr', depth });
    else if (local === 'tcPr') push({ kind: 'tcPr', depth });
    else if (local === 'pStyle' && under?.kind === 'pPr') {
      const para = frames[frames.length - 2];
      if (para?.kind === 'p') para.style = attrValue(t.attrs, `${p}val`);
    } else if (local === 'r') push({ kind: 'r', depth, start: t.start, openEnd: t.end, props: {} });
    else if (local === 'rPr') {
      const run = under?.kind === 'r' ? under : undefined;
      if (!t.empty) frames.push({ kind: 'rPr', depth, start: t.start, run, deleted: false });
      else if (run) run.rPr = { start: t.start, end: t.end };
      else edits.push({ start: t.start, end: t.end, text: '' });
    } else if (under?.kind === 'rPr') {
      if (!under.run) { if (local === 'del') under.deleted = true; }
      else if (local === 'rStyle') under.run.rStyle = attrValue(t.attrs, `${p}val`);
      else readProp(local, t.attrs, p, under.run.props);
    }
    if (!t.empty) depth++;
  }
  return applyEdits(xml, edits);
}

const defined = (r: RunProps): RunProps => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined));

/** Applies edits; one inside a range already removed (a run inside a removed run) is dropped. */
function applyEdits(xml: string, edits: Edit[]): string {
  edits.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const e of edits) {
    if (e.start < at) continue;
    out += xml.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + xml.slice(at);
}

/** Elements and characters of text in an XML part: what the Word reader's tree will hold. */
function measure(xml: string): { elements: number; text: number } {
  let elements = 0, text = 0, at = 0;
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', at)) {
    text += lt - at;
    const c = xml.charCodeAt(lt + 1);
    if (c !== 0x2f && c !== 0x21 && c !== 0x3f) elements++;
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return { elements, text };
    at = gt + 1;
  }
  return { elements, text: text + xml.length - at };
}

const isXml = (name: string) => /\.(xml|rels)$/i.test(name);

/** The Word file as HTML; throws TooLarge past a bound, or an Error when it cannot be read. */
export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // Pictures and embedded files are neither inflated nor converted: the importer reads text.
  const zip = readZip(bytes, isXml);
  if ('refused' in zip) {
    const r = zip.refused;
    if (r.why === 'corrupt') throw new Error('not a readable zip');
    throw new TooLarge(r.what, r.limit, 'entry' in r ? r.entry : undefined);
  }
  const decoder = new TextDecoder('utf-8');
  const xml = new Map([...zip.files].map(([name, data]) => [name, decoder.decode(data)] as const));
  zip.files.clear();
  const stylesName = [...xml.keys()].find((n) => /(^|\/)styles\.xml$/i.test(n));
  const styles = readStyles(stylesName === undefined ? undefined : xml.get(stylesName));
  const out = new Map<string, Uint8Array>();
  let elements = 0, text = 0;
  const encoder = new TextEncoder();
  for (const [name, content] of xml) {
    // An entity declaration could expand without bound; Word never writes one.
    if (/<!DOCTYPE/i.test(content)) throw new Error('a DOCTYPE in a Word part');
    const part = /\.xml$/i.test(name) ? rewriteRuns(content, styles) : content;
    const m = measure(part);
    elements += m.elements;
    text += m.text;
    if (elements > MAX_XML_ELEMENTS) throw new TooLarge('xml-elements', MAX_XML_ELEMENTS);
    if (text > MAX_TEXT_CHARS) throw new TooLarge('text', MAX_TEXT_CHARS);
    out.set(name, encoder.encode(part));
  }
  xml.clear();
  const mammoth = (await import('mammoth')) as unknown as Mammoth & { default?: Mammoth };
  const convert = mammoth.convertToHtml ?? mammoth.default!.convertToHtml;
  const images = mammoth.images ?? mammoth.default!.images;
  const zipped = writeZip(out);
  // mammoth's Node build reads `buffer`, its browser build (report edit's page) `arrayBuffer`.
  const result = await convert({ buffer: zipped, arrayBuffer: zipped }, { convertImage: images.imgElement(async () => ({ src: '' })) });
  return result.value;
}

interface Mammoth {
  convertToHtml: (input: { buffer: Buffer; arrayBuffer: Uint8Array }, options?: { convertImage?: unknown }) => Promise<{ value: string }>;
  images: { imgElement: (f: (image: unknown) => Promise<{ src: string }>) => unknown };
}
