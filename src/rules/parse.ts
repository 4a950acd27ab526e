// Parse rules: the file cannot be read as one report. The loader (src/load/)
// reports these ids itself, so none has a check here; a file with a parse
// error has no data for the later stages.
import { TYPE_EN, TYPE_ZH } from '../diagnostics/messages.js';
import { defineRule, type Params } from './rule.js';

const DATA_FILE = {
  zh: '本工具的数据文件约定（不是官方格式的要求）：一个 UTF-8 编码的 YAML 或 JSON 文件写一份年度报告，顶层是以 `format`、`agency`、`year` 等为键的映射。',
  en: "This tool's data file (not a requirement of the official format): one UTF-8 YAML or JSON file holds one annual report, its top level a mapping with keys `format`, `agency`, `year`, ….",
};

export const parseSyntax = defineRule({
  id: 'PARSE-SYNTAX',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: 'YAML 或 JSON 语法错误', en: 'YAML or JSON syntax error' },
  description: {
    zh: '文件无法按 YAML（`.yaml`、`.yml`）或 JSON（`.json`）语法读取：缩进不齐、括号或引号不成对、一行中有多余的冒号等。YAML 和 JSON 都不允许的控制字符（如从 Word 复制带来的 U+000B 手动换行符）也在此报告，并指出其位置。',
    en: 'The file cannot be read as YAML (`.yaml`, `.yml`) or JSON (`.json`): uneven indentation, an unclosed bracket or quote, a stray colon. A control character that neither YAML nor JSON allows (such as U+000B, the manual line break copied from Word) is reported here too, where it is.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '按消息中的行号和列号找到出错处，改正语法；控制字符请删除。编辑器装有 YAML 插件时会当场标出语法错误。',
    en: 'Go to the line and column in the message and correct the syntax; delete a control character. An editor with a YAML extension marks syntax errors as you type.',
  },
  examples: {
    wrong: 'agency: 某某县人民政府办公室\nyear: 2023\n  published: 2024-01-20\n',
    right: 'agency: 某某县人民政府办公室\nyear: 2023\npublished: 2024-01-20\n',
  },
  message: { zh: (p) => `语法错误：${syntaxZh(p)}`, en: (p) => `Syntax error: ${syntaxEn(p)}` },
});

// The loader's slips (src/load/slips.ts and load.ts), worded here: never the parser's own English.
const WIDE_ZH: Record<string, string> = { '：': '冒号', '，': '逗号', '｛': '左花括号', '｝': '右花括号', '［': '左方括号', '］': '右方括号', '“': '双引号', '”': '双引号', '‘': '单引号', '’': '单引号', '\u3000': '空格' };
const WIDE_EN: Record<string, string> = { '：': 'colon', '，': 'comma', '｛': 'brace', '｝': 'brace', '［': 'bracket', '］': 'bracket', '“': 'quote', '”': 'quote', '‘': 'quote', '’': 'quote', '\u3000': 'space' };
const YAML_ZH: Record<string, string> = {
  BAD_INDENT: '缩进不齐（同一层的键应从同一列开始）', MISSING_CHAR: '缺少配对的引号或括号，或键后缺少冒号', BLOCK_AS_IMPLICIT_KEY: '一行中有多余的冒号“: ”（值中含“: ”时请给整个值加引号）',
  MULTILINE_IMPLICIT_KEY: '键没有写在一行内，或上一行的值没有结束', UNEXPECTED_TOKEN: '此处有多余的符号', TAB_AS_INDENT: '用了制表符（Tab）缩进，请改用空格',
  BLOCK_IN_FLOW: '花括号或方括号中不能换行缩进写键值', KEY_OVER_1024_CHARS: '键太长（冒号应在键开始后 1024 个字符以内）', BAD_DQ_ESCAPE: '双引号中的反斜杠“\\”转义无效（写成“\\\\”，或改用单引号）',
  BAD_SCALAR_START: '值不能以这个符号开头（请给整个值加引号）', MULTIPLE_ANCHORS: '一个值上有多个锚点', MULTIPLE_TAGS: '一个值上有多个标签', BAD_PROP_ORDER: '锚点或标签的位置不对',
};
const YAML_EN: Record<string, string> = {
  BAD_INDENT: 'uneven indentation (keys at one level start in the same column)', MISSING_CHAR: 'a closing quote or bracket, or the colon after a key, is missing', BLOCK_AS_IMPLICIT_KEY: 'a stray ": " on the line (quote the whole value when it holds ": ")',
  MULTILINE_IMPLICIT_KEY: 'a key not on one line, or the value above it not ended', UNEXPECTED_TOKEN: 'a character that does not belong here', TAB_AS_INDENT: 'a tab used as indentation; use spaces',
  BLOCK_IN_FLOW: 'keys on indented lines inside braces or brackets', KEY_OVER_1024_CHARS: 'the key is too long (its colon must be within 1024 characters of its start)', BAD_DQ_ESCAPE: 'a backslash escape in double quotes that YAML does not know (write "\\\\" or use single quotes)',
  BAD_SCALAR_START: 'a value cannot start with this character (quote the whole value)', MULTIPLE_ANCHORS: 'more than one anchor on a value', MULTIPLE_TAGS: 'more than one tag on a value', BAD_PROP_ORDER: 'an anchor or tag in the wrong place',
};
const JSON_ZH: Record<string, string> = {
  noControl: '字符串中有控制字符（换行请写成 \\n）', quote: '字符串的双引号没有闭合', escape: '字符串中的反斜杠转义无效', key: '此处应是用双引号括起的键（JSON 不允许单引号、注释和末尾多余的逗号）',
  colon: '键后应是冒号“:”', commaBrace: '此处应是逗号“,”或右花括号“}”', commaBracket: '此处应是逗号“,”或右方括号“]”', more: '文件在此结束，但括号还没有闭合', value: '此处应是一个值（数字、带双引号的文字、true、false、null、{…} 或 […]）', end: 'JSON 数据已结束，后面不应再有内容',
};
const JSON_EN: Record<string, string> = {
  noControl: 'a control character inside a string (write a line break as \\n)', quote: 'a string whose double quote is not closed', escape: 'a backslash escape in a string that JSON does not know', key: 'a key in double quotes was expected (JSON allows no single quotes, comments or trailing commas)',
  colon: 'a colon ":" was expected after the key', commaBrace: 'a comma "," or "}" was expected', commaBracket: 'a comma "," or "]" was expected', more: 'the file ends before its brackets are closed', value: 'a value was expected (a number, text in double quotes, true, false, null, {…} or […])', end: 'the JSON value has ended; nothing may follow it',
};
const spaces = (n: unknown) => `${n} space${n === 1 ? '' : 's'}`;
const quoteZh = (c: unknown) => (c === '"' ? '双引号' : '单引号');

function syntaxZh(p: Params): string {
  const at = `第 ${p.line} 行第 ${p.column} 列`;
  switch (p.slip) {
    case 'fullWidth': {
      const name = WIDE_ZH[String(p.char)] ?? '符号';
      return `${at}是全角${name}“${p.char}”，YAML 和 JSON 只认半角符号：把全角${name}“${p.char}”改为半角${name}“${p.fix}”`;
    }
    case 'tab': return `${at}用制表符（Tab）缩进，YAML 不允许用 Tab 缩进：改用空格，与同级的键对齐`;
    case 'indent': return `第 ${p.line} 行缩进了 ${p.indent} 个空格，而周围同级的键用 ${p.expected} 个：${p.expected === 0 ? '删去行首的空格，顶格写' : `改为 ${p.expected} 个空格`}`;
    case 'unclosed': return `第 ${p.line} 行第 ${p.openColumn} 列的“${p.char}”在本行没有配对的“${p.close}”：在行末（${at}）补上“${p.close}”`;
    case 'extraClose': return `${at}多了一个“${p.char}”，前面没有与它配对的括号：删去它`;
    case 'quote': return `${at}的${quoteZh(p.char)} ${p.char} 没有闭合：在值的末尾补上 ${p.char}，或删去这个引号`;
    case 'colonSpace': return `${at}的冒号后面缺少空格：写成“键: 值”，冒号后加一个半角空格`;
    case 'noColon': return `第 ${p.line} 行应写成“键: 值”，但这一行没有半角冒号“: ”：在键后加上“: ”`;
    case 'control': return `${at}有控制字符 ${p.code}（YAML 和 JSON 都不允许，多半是从 Word 复制来的）：删去它`;
    case 'collectionKey': return `${at}：键只能是文字，不能是列表或映射（花括号中的 {…} 和 […] 只能写在值的位置）`;
    case 'json': return `${at}无法按 JSON 读取：${JSON_ZH[String(p.expected)] ?? JSON_ZH.value}${p.char ? `（此处是“${p.char}”）` : ''}`;
    default: return `${at}无法按 YAML 读取：${YAML_ZH[String(p.code)] ?? '此处的写法不合 YAML 语法'}`;
  }
}

function syntaxEn(p: Params): string {
  const at = `line ${p.line}, column ${p.column}`;
  switch (p.slip) {
    case 'fullWidth': {
      const name = WIDE_EN[String(p.char)] ?? 'character';
      return `${at} has a full-width ${name} "${p.char}"; YAML and JSON read only half-width punctuation: replace the full-width ${name} "${p.char}" with "${p.fix}"${p.char === '：' ? ' (a colon and a space)' : ''}`;
    }
    case 'tab': return `${at} indents with a tab, which YAML does not allow: indent with spaces, aligned with the keys at the same level`;
    case 'indent': return `line ${p.line} is indented ${spaces(p.indent)}; the keys around it use ${p.expected}: ${p.expected === 0 ? 'delete the spaces at its start' : `indent it ${spaces(p.expected)}`}`;
    case 'unclosed': return `the "${p.char}" at line ${p.line}, column ${p.openColumn} is not closed on its line: add "${p.close}" at the end of the line (${at})`;
    case 'extraClose': return `${at} has a "${p.char}" that closes nothing: delete it`;
    case 'quote': return `the quote ${p.char} at ${at} is not closed: add ${p.char} at the end of the value, or delete this one`;
    case 'colonSpace': return `${at}: no space after the colon: write "key: value", with a space after the colon`;
    case 'noColon': return `line ${p.line} should read "key: value" but has no half-width colon ": ": add ": " after the key`;
    case 'control': return `${at} holds the control character ${p.code} (not allowed in YAML or JSON text; usually copied from Word): delete it`;
    case 'collectionKey': return `${at}: a key must be text, not a list or mapping (in braces, write {…} and […] only as values)`;
    case 'json': return `${at} cannot be read as JSON: ${JSON_EN[String(p.expected)] ?? JSON_EN.value}${p.char ? ` (found "${p.char}")` : ''}`;
    default: return `${at} cannot be read as YAML: ${YAML_EN[String(p.code)] ?? 'this is not YAML syntax'}`;
  }
}

export const parseDuplicateKey = defineRule({
  id: 'PARSE-DUPLICATE-KEY',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '同一层级中出现重复的键', en: 'A key appears twice in the same mapping' },
  description: {
    zh: '同一个映射中同一个键写了两次。YAML 规范不允许这样写；JSON 的读取程序大多默默取后一个值，前一个数字就此丢失。本工具把它当作错误，指向重复的那一处（JSON 文件还写明第一次出现在哪一行）。',
    en: 'The same key is written twice in one mapping. The YAML specification does not allow it; most JSON readers silently keep the last value and lose the first. This tool treats it as an error, placed at the repeat (for JSON, the message names the line of the first one too).',
  },
  basis: DATA_FILE,
  fix: {
    zh: '保留正确的一处，删去另一处；如果两处本应是不同的行或列，改用正确的键名（见 `report init` 生成的空白报告）。',
    en: 'Keep the right one and delete the other; if the two were meant to be different rows or columns, use the right key (see the blank report `report init` writes).',
  },
  examples: {
    wrong: 'agency: 某某县人民政府办公室\nyear: 2023\nyear: 2024\n',
    right: 'agency: 某某县人民政府办公室\nyear: 2023\n',
  },
  message: {
    zh: (p) => `键「${p.key}」重复出现${p.firstLine ? `（第一次在第 ${p.firstLine} 行）` : ''}；每个键只能写一次`,
    en: (p) => `Key "${p.key}" appears twice${p.firstLine ? ` (first on line ${p.firstLine})` : ''}; each key may appear once`,
  },
});

export const parseMultiDoc = defineRule({
  id: 'PARSE-MULTI-DOC',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '一个文件中有多个 YAML 文档', en: 'More than one YAML document in a file' },
  description: {
    zh: 'YAML 文件中用 `---` 分隔出了两个或更多文档，例如把两份报告拼进了一个文件。',
    en: 'The YAML file holds two or more documents separated by `---`, for example two reports pasted into one file.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '每份报告单独存为一个文件；只有一份报告时，删去中间的 `---`。',
    en: 'Save each report as a file of its own; with one report, delete the `---` in the middle.',
  },
  examples: {
    wrong: 'agency: 某某县人民政府办公室\nyear: 2022\n---\nagency: 某某县人民政府办公室\nyear: 2023\n',
    right: 'agency: 某某县人民政府办公室\nyear: 2023\n',
  },
  message: {
    zh: () => '文件中有多个 YAML 文档（以 --- 分隔）；一个文件只能写一份报告',
    en: () => 'The file holds more than one YAML document (separated by ---); one file holds one report',
  },
});

export const parseEmpty = defineRule({
  id: 'PARSE-EMPTY',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '文件为空或只有注释', en: 'The file is empty or holds only comments' },
  description: {
    zh: '文件中没有任何数据：空文件，或只有空白和注释。',
    en: 'The file holds no data: it is empty, or holds only blank lines and comments.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '用 `report init` 生成一份空白报告再填写，或用 `report import` 从已发布的报告导入。',
    en: 'Start from the blank report `report init` writes, or import a published report with `report import`.',
  },
  examples: {
    wrong: '# 某某县人民政府办公室 2023 年度报告\n',
    right: '# 某某县人民政府办公室 2023 年度报告\nformat: "2021"\nagency: 某某县人民政府办公室\nyear: 2023\n',
  },
  message: { zh: () => '文件为空（或只有注释）；应为一份年度报告数据', en: () => 'The file is empty (or holds only comments); a report was expected' },
});

export const parseNotMapping = defineRule({
  id: 'PARSE-NOT-MAPPING',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '文件顶层不是键值映射', en: 'The top level of the file is not a mapping' },
  description: {
    zh: '文件读出来是一个列表、一个数字、一段文字或空值，而不是以 `format`、`agency`、`year` 等为键的映射。常见原因是每行前面多写了列表符号 `-`，或整个文件是一个 JSON 数组。',
    en: 'The file reads as a list, a number, a string or null, not as a mapping with keys `format`, `agency`, `year`, …. Usually each line starts with a stray list dash `-`, or the whole file is a JSON array.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '去掉顶层的列表符号 `-` 或方括号 `[]`，让 `format:`、`agency:` 等键从行首开始写。',
    en: 'Remove the top-level list dashes `-` or brackets `[]` so that `format:`, `agency:` and the other keys start at the beginning of the line.',
  },
  examples: {
    wrong: '- format: "2021"\n- agency: 某某县人民政府办公室\n- year: 2023\n',
    right: 'format: "2021"\nagency: 某某县人民政府办公室\nyear: 2023\n',
  },
  message: {
    zh: (p) => `文件顶层是${TYPE_ZH[String(p.actual)] ?? p.actual}，应为以 format、agency、year 等为键的映射`,
    en: (p) => `The top level is ${TYPE_EN[String(p.actual)] ?? p.actual}; a mapping with keys format, agency, year, … was expected`,
  },
});

export const parseAlias = defineRule({
  id: 'PARSE-ALIAS',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '使用了 YAML 锚点或别名（报告数据不需要，且可能被滥用）', en: 'YAML anchors or aliases are used (a report needs none, and they can be abused)' },
  description: {
    zh: '文件中有 YAML 锚点（`&名称`）或别名（`*名称`）。一份报告的每个数字都应直接写出；别名让一处数字同时出现在几个单元格中，不易核对，而层层嵌套的别名还能让一个小文件展开成巨大的数据（“十亿笑声”攻击），所以一律不接受。',
    en: 'The file uses a YAML anchor (`&name`) or alias (`*name`). Every figure of a report should be written out; an alias puts one figure into several cells where it is hard to check, and nested aliases can blow a small file up into huge data (the "billion laughs" attack), so none is accepted.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '把别名处替换为它所指的内容，删去锚点。',
    en: 'Replace each alias with what it stands for and delete the anchor.',
  },
  examples: {
    wrong: 'requests:\n  carriedOver: &zero {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}\n  carriedForward: *zero\n',
    right: 'requests:\n  carriedOver: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}\n  carriedForward: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}\n',
  },
  message: {
    zh: (p) => `不接受 YAML 锚点和别名（${p.detail}）；请直接写出数值`,
    en: (p) => `YAML anchors and aliases are not accepted (${p.detail}); write the values out`,
  },
});

export const parseTooLarge = defineRule({
  id: 'PARSE-TOO-LARGE',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '文件超过大小上限（5 MB）', en: 'The file is over the size limit (5 MB)' },
  description: {
    zh: '文件超过 5 MB（5,242,880 字节，或解码后 5,242,880 个字符），不再读取。一份报告的数据只有几 KB；这么大的文件多半不是报告数据，例如误把图片、压缩包或整个网页当作数据文件。',
    en: 'The file is over 5 MB (5,242,880 bytes, or as many characters once decoded) and is not read. A report\'s data is a few KB; a file this large is rarely one, for example an image, an archive or a whole web page given as the data file.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '确认传给 `report validate` 的是报告的数据文件；已发布的网页或 Word 文档请用 `report import` 转成数据文件。',
    en: 'Check that the file given to `report validate` is the report\'s data file; turn a published page or Word document into one with `report import`.',
  },
  examples: {
    wrong: '# 报告.yaml：6 MB（其中粘贴了整页网页源代码）\n',
    right: '# 报告.yaml：6 KB，只有报告数据\nformat: "2021"\nagency: 某某县人民政府办公室\nyear: 2023\n',
    illustrative: true,
  },
  message: {
    zh: (p) => `文件大小${Number.isFinite(Number(p.size)) ? ` ${p.size} 字节，` : ''}超过上限 ${p.limit} 字节（一份报告只有几 KB）`,
    en: (p) => `The file is ${Number.isFinite(Number(p.size)) ? `${p.size} bytes, ` : ''}over the limit of ${p.limit} bytes (a report is a few KB)`,
  },
});

export const parseTooDeep = defineRule({
  id: 'PARSE-TOO-DEEP',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '嵌套层级过深（超过 20 层）', en: 'Nesting is too deep (over 20 levels)' },
  description: {
    zh: '映射或列表嵌套超过 20 层。报告数据最多只有 5 层（如 `requests` → `outcomes` → `withheld` → `stateSecret` → `total`），嵌套过深的文件不是报告数据，而且可能拖垮读取程序，所以不再读取。',
    en: 'Mappings or lists are nested more than 20 levels deep. A report has at most 5 (such as `requests` → `outcomes` → `withheld` → `stateSecret` → `total`); a file nested deeper is not a report and could bring the reader down, so it is not read.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '检查括号是否成对，或用 `report init` 生成的空白报告核对层级。',
    en: 'Check that brackets are paired, or compare the levels with the blank report `report init` writes.',
  },
  examples: {
    wrong: 'requests: [[[[[[[[[[[[[[[[[[[[[0]]]]]]]]]]]]]]]]]]]]]\n',
    right: 'requests:\n  received: {naturalPerson: 0, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 0}\n',
  },
  message: {
    zh: (p) => `嵌套超过 ${p.limit} 层；报告数据最多只有 5 层`,
    en: (p) => `Nested more than ${p.limit} levels deep; a report has at most 5`,
  },
});

export const parseBinary = defineRule({
  id: 'PARSE-BINARY',
  severity: 'error',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '文件不是文本', en: 'The file is not text' },
  description: {
    zh: '文件含有二进制内容：有空字节（NUL），控制字符多得不像文本，或者既不是 UTF-8、UTF-16，也不是 GB18030 编码的文字。常见原因是把 Word、Excel 或 PDF 文件改了扩展名当作数据文件。',
    en: 'The file holds binary data: a NUL byte, more control characters than text has, or bytes that are neither UTF-8, UTF-16 nor GB18030 text. Usually a Word, Excel or PDF file renamed as the data file.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '用 `report import` 从 Word、网页或文本导入报告，得到数据文件；或用 `report init` 生成空白报告再填写。',
    en: 'Import the report from Word, a web page or text with `report import` to get a data file, or fill in the blank report `report init` writes.',
  },
  examples: {
    wrong: '# 报告.yaml 实为改了扩展名的 Word 文档（.docx），内容是二进制\n',
    right: '# report import 报告.docx -o 报告.yaml 导入的数据文件\nformat: "2021"\nagency: 某某县人民政府办公室\nyear: 2023\n',
    illustrative: true,
  },
  message: {
    zh: () => '文件不是文本（含有二进制内容）；应为 UTF-8 编码的 YAML 或 JSON',
    en: () => 'The file is not text (it holds binary data); UTF-8 YAML or JSON was expected',
  },
});

export const parseEncoding = defineRule({
  id: 'PARSE-ENCODING',
  severity: 'warning',
  stage: 'parse',
  reportedBy: 'loader',
  title: { zh: '文件不是 UTF-8 编码，已按其他编码（GB18030、UTF-16）读取', en: 'The file is not UTF-8 and was decoded from GB18030 or UTF-16' },
  description: {
    zh: '文件不是 UTF-8 编码，本工具已按 GB18030（含 GBK）或 UTF-16（有无字节顺序标记均可）读出并照常检查。这是警告：内容没有问题，但别的工具（编辑器的 YAML 插件、JSON Schema 校验器）多半只认 UTF-8。',
    en: 'The file is not UTF-8; this tool decoded it as GB18030 (GBK included) or UTF-16 (with or without a byte order mark) and checked it as usual. A warning: the content is fine, but other tools (an editor\'s YAML extension, JSON Schema validators) mostly read UTF-8 only.',
  },
  basis: DATA_FILE,
  fix: {
    zh: '在编辑器中把文件另存为 UTF-8（记事本：“另存为”→“编码”选 UTF-8）。',
    en: 'Save the file as UTF-8 in your editor (Notepad: Save As → Encoding → UTF-8).',
  },
  examples: {
    wrong: '# 以 GB18030（GBK）编码保存\nagency: 某某县人民政府办公室\n',
    right: '# 以 UTF-8 编码保存\nagency: 某某县人民政府办公室\n',
    illustrative: true,
  },
  message: {
    zh: (p) => `文件按 ${p.encoding} 编码读取；建议另存为 UTF-8`,
    en: (p) => `The file was decoded as ${p.encoding}; save it as UTF-8`,
  },
});
