// Word files for the import tests, built with jszip from the .docx fixture:
// one table cell (行政规范性文件 · 本年制发件数, printed 7) replaced by the
// runs under test, with a styles part for formatting set through styles.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'import', 'docx', 'report.docx');
const CELL = '<w:tc><w:p><w:r><w:t xml:space="preserve">行政规范性文件</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t xml:space="preserve">7</w:t></w:r></w:p></w:tc>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A run of text, with run properties (rPr content) if given. */
export const run = (text: string, props = '') => `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const para = (runs: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;

/** Character styles Hid (hidden), Hid2 (based on Hid), Sup (superscript), Str (struck out); paragraph style HidPara (hidden). */
const STYLES = `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="Hid"><w:name w:val="Hid"/><w:rPr><w:vanish/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hid2"><w:name w:val="Hid2"/><w:basedOn w:val="Hid"/></w:style>
<w:style w:type="character" w:styleId="Sup"><w:name w:val="Sup"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Str"><w:name w:val="Str"/><w:rPr><w:strike/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="HidPara"><w:name w:val="HidPara"/><w:basedOn w:val="Normal"/><w:rPr><w:vanish/></w:rPr></w:style>
</w:styles>`;
const FOOTNOTES = `<?xml version="1.0" encoding="UTF-8"?><w:footnotes ${W}><w:footnote w:id="1"><w:p><w:r><w:t>注：含转办件。</w:t></w:r></w:p></w:footnote></w:footnotes>`;

/** The fixture with the cell's content (paragraphs) replaced. */
export async function wordWithCell(paragraphs: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(readFileSync(FIXTURE));
  const doc = await zip.file('word/document.xml')!.async('string');
  if (!doc.includes(CELL)) throw new Error('the fixture changed: cell not found');
  zip.file('word/document.xml', doc.replace(CELL, CELL.replace(/<w:p><w:r><w:t xml:space="preserve">7<\/w:t><\/w:r><\/w:p><\/w:tc>$/, `${paragraphs}</w:tc>`)));
  zip.file('word/styles.xml', STYLES);
  zip.file('word/footnotes.xml', FOOTNOTES);
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdS" Type="${R}/styles" Target="styles.xml"/><Relationship Id="rIdF" Type="${R}/footnotes" Target="footnotes.xml"/></Relationships>`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
