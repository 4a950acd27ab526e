// Schema rules: the data does not fit the JSON Schema of the data file
// (schemas/report.schema.json, built from the model). The schema stage
// (src/schema/check-schema.ts) reports these ids itself, so none has a check
// here. SCHEMA-YEAR is partly a rule of its own: see dates.ts.
import { hintEn, hintZh, TYPE_EN, TYPE_ZH } from '../diagnostics/messages.js';
import { defineRule } from './rule.js';
import { exampleRow } from './table3.js';

const CONTRACT = {
  zh: '本工具数据文件的 JSON Schema（`schemas/report.schema.json`，由表格模型生成，标题即官方表格的行列名称）。',
  en: "The JSON Schema of this tool's data file (`schemas/report.schema.json`, built from the model of the tables, whose titles are the official row and column labels).",
};

const ROW = exampleRow(8);

export const schemaRequired = defineRule({
  id: 'SCHEMA-REQUIRED',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '缺少必填项', en: 'A required key is missing' },
  description: {
    zh: '缺少必须填写的键：顶层的 `format`、`agency`、`year`、`overview`、`proactive`、`requests`、`reviewsAndLawsuits`、`problems`、`other`；表二的每一行和每一列；表三的每一行和六类申请人列；表四每组的结果维持、结果纠正、其他结果、尚未审结。表三、表四的“总计”可以省略（省略时自动计算），`published`、`scope`、`contact`、`preamble` 也可以省略。',
    en: 'A key that must be there is missing: at the top, `format`, `agency`, `year`, `overview`, `proactive`, `requests`, `reviewsAndLawsuits`, `problems`, `other`; every row and column of table 2; every row of table 3 and its six applicant columns; upheld, corrected, other and pending of each group of table 4. The totals of tables 3 and 4 may be left out (they are computed then), and so may `published`, `scope`, `contact` and `preamble`.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号规定的年度报告格式由六个部分组成，表二、三、四的各行各列都是格式的一部分；《政府信息公开条例》第五十条规定了年度报告应当包括的内容。',
    en: 'The annual report format of 国办公开办函〔2021〕30号 has six parts, and every row and column of tables 2, 3 and 4 belongs to it; Article 50 of the Regulations lists what an annual report contains.',
  },
  fix: {
    zh: '补上消息中指出的键；没有的件数填 0。`report init` 生成的空白报告列出了全部的键。',
    en: 'Add the key the message names; write 0 for a count where there is none. The blank report `report init` writes has every key.',
  },
  examples: {
    wrong: 'requests:\n  received: {naturalPerson: 8, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, total: 8}\n',
    right: `requests:\n  received: ${ROW}\n`,
  },
  message: {
    zh: (p, cell) => `缺少必填项「${p.key}」（${cell}）`,
    en: (p, cell) => `Required key "${p.key}" (${cell}) is missing`,
  },
});

export const schemaUnknownKey = defineRule({
  id: 'SCHEMA-UNKNOWN-KEY',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '未知的键（通常是拼写错误）', en: 'An unknown key (usually a typo)' },
  description: {
    zh: '出现了数据文件中没有定义的键。这几乎总是拼写错误，而拼错的键下的数字不计入报告的任何一项。消息会列出此处可用的键，并给出最相近的一个；键名中有全角字母或不可见字符、或 `{…}` 中的千位分隔符把数字拆成了键时，也会说明。',
    en: 'A key the data file does not define. It is nearly always a typo, and the figures under a misspelt key count for no item of the report. The message lists the keys allowed there and suggests the closest; it also says when a key holds full-width or invisible characters, or when a thousands separator inside `{…}` split a number into a key.',
  },
  basis: CONTRACT,
  fix: {
    zh: '按消息的提示改正键名（键名是英文，区分大小写）。',
    en: 'Correct the key as the message suggests (keys are English and case-sensitive).',
  },
  examples: {
    wrong: `requests:\n  recieved: ${ROW}\n`,
    right: `requests:\n  received: ${ROW}\n`,
  },
  message: {
    zh: (p) => `未知的键「${p.key}」${p.suggest ? `，是否应为「${p.suggest}」？` : ''}（此处可用的键：${p.allowed}）${hintZh(p)}`,
    en: (p) => `Unknown key "${p.key}"${p.suggest ? `; did you mean "${p.suggest}"?` : ''} (keys allowed here: ${p.allowed})${hintEn(p)}`,
  },
});

export const schemaType = defineRule({
  id: 'SCHEMA-TYPE',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '值的类型不对（如件数写成了文本或小数）', en: 'A value of the wrong type (e.g. a count written as text or a fraction)' },
  description: {
    zh: '值的类型与此处要求的不符：件数应为非负整数，收费金额为数字，文字为文本，各部分为映射。消息会说明写法的问题并给出应写的值：加了引号的数字（`"12"`）、全角数字、千位分隔符、小数、空值、`.nan`、指数写法（`1e3`）、十六进制或八进制、带小数点的整数（`12.0`）、夹有不可见空白的数字，以及写成数字、会丢失开头 0 的电话号码。',
    en: 'The value is not of the type this place takes: a count is a non-negative whole number, the fee amount a number, text is text, each part a mapping. The message says what is wrong with the form and what to write instead: a quoted number (`"12"`), full-width digits, thousands separators, a fraction, a blank, `.nan`, exponent notation (`1e3`), hexadecimal or octal, a whole number with a decimal point (`12.0`), a number holding invisible spaces, and a phone number written as a number, which loses its leading 0.',
  },
  basis: {
    zh: '官方表格中的各项都是件数（非负整数），本年收费金额以万元为单位；数据文件的 JSON Schema 据此规定类型。',
    en: 'Every figure of the official tables is a count (a non-negative whole number), and the fee amount is in units of 10,000 yuan; the JSON Schema of the data file sets the types accordingly.',
  },
  fix: {
    zh: '按消息的提示改写：去掉引号，改用半角数字，去掉千位分隔符，没有的填 0，电话号码加引号。',
    en: 'Rewrite the value as the message says: remove the quotes, use ASCII digits, drop the separators, write 0 where there is none, quote a phone number.',
  },
  examples: {
    wrong: 'requests:\n  received: {naturalPerson: "8", commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 0, total: 8}\n',
    right: `requests:\n  received: ${ROW}\n`,
  },
  message: {
    zh: (p, cell) => `${cell} 应为${TYPE_ZH[String(p.expected)] ?? p.expected}，填报为 ${p.value}${hintZh(p)}`,
    en: (p, cell) => `${cell} must be ${TYPE_EN[String(p.expected)] ?? p.expected}, found ${p.value}${hintEn(p)}`,
  },
});

export const schemaNegative = defineRule({
  id: 'SCHEMA-NEGATIVE',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '件数或金额为负数', en: 'A count or amount is negative' },
  description: {
    zh: '件数或收费金额小于 0。',
    en: 'A count or the fee amount is below 0.',
  },
  basis: {
    zh: '官方表格中的各项都是件数或金额，不会是负数。',
    en: 'Every figure of the official tables is a count or an amount, never negative.',
  },
  fix: {
    zh: '填写实际的件数；没有的填 0。',
    en: 'Write the actual count; 0 where there is none.',
  },
  examples: {
    wrong: 'proactive:\n  regulations: {issued: 0, repealed: -1, inForce: 0}\n',
    right: 'proactive:\n  regulations: {issued: 0, repealed: 0, inForce: 0}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 不能为负数，填报为 ${p.value}`,
    en: (p, cell) => `${cell} cannot be negative, found ${p.value}`,
  },
});

export const schemaTooLarge = defineRule({
  id: 'SCHEMA-TOO-LARGE',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '数值过大，无法精确表示', en: 'A number too large to be held exactly' },
  description: {
    zh: '件数或金额大于 9007199254740991（2⁵³ − 1）。超过这个值的数字在 JSON 和 JavaScript 中无法精确表示，加总会出错。（年度超出范围另见 `SCHEMA-YEAR`。）',
    en: 'A count or amount is over 9007199254740991 (2⁵³ − 1). Beyond it a number cannot be held exactly in JSON or JavaScript, and sums go wrong. (A year out of range is `SCHEMA-YEAR`.)',
  },
  basis: CONTRACT,
  fix: {
    zh: '核对这个数字，通常是多打了几位或粘贴了别的内容。',
    en: 'Check the figure: usually extra digits were typed or something else was pasted in.',
  },
  examples: {
    wrong: 'proactive:\n  licensing: {decisions: 12000000000000000000}\n',
    right: 'proactive:\n  licensing: {decisions: 1200}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 数值 ${p.value} 过大（上限 ${p.limit}），无法精确表示`,
    en: (p, cell) => `${cell}: ${p.value} is too large (limit ${p.limit}) to be held exactly`,
  },
});

export const schemaEdition = defineRule({
  id: 'SCHEMA-EDITION',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '格式版本不受支持', en: 'An unsupported format edition' },
  description: {
    zh: '`format` 既不是 `"2021"`，也不是 `"2019"`。本工具读 2021 年格式和 2019 年试行格式的报告。`format: 2021` 不加引号是数字，报告为 `SCHEMA-TYPE`。',
    en: '`format` is neither `"2021"` nor `"2019"`. This tool reads reports in the 2021 edition and in the 2019 trial edition. `format: 2021` without quotes is a number and is reported as `SCHEMA-TYPE`.',
  },
  basis: {
    zh: '`"2021"` 指国办公开办函〔2021〕30号印发的《中华人民共和国政府信息公开工作年度报告格式》（2021 年度起）；`"2019"` 指国办公开办函〔2019〕60号的试行格式（2019、2020 年度，表二不同，表三（六）其他处理只有一行）。',
    en: '`"2021"` is the annual report format issued by 国办公开办函〔2021〕30号 (reports for 2021 on); `"2019"` the trial edition of 国办公开办函〔2019〕60号 (reports for 2019 and 2020: a different table 2, and table 3 item (6) a single row).',
  },
  fix: {
    zh: '写作 `format: "2021"` 或 `format: "2019"`（带引号），与报告所用的表格一致。',
    en: 'Write `format: "2021"` or `format: "2019"` (quoted), the edition whose tables the report uses.',
  },
  examples: {
    wrong: 'format: "2020"\n',
    right: 'format: "2021"\n',
  },
  message: {
    zh: (p) => `格式版本 ${p.value} 不受支持${p.known ? `（${p.known}）` : ''}；本工具支持 "2021"（国办公开办函〔2021〕30号）和 "2019"（国办公开办函〔2019〕60号试行格式），请写作 format: "2021"`,
    en: (p) => `Format edition ${p.value} is not supported${p.known ? ` (${p.known})` : ''}; this tool reads "2021" (国办公开办函〔2021〕30号) and "2019" (the trial edition of 国办公开办函〔2019〕60号): write format: "2021"`,
  },
});

export const schemaEnum = defineRule({
  id: 'SCHEMA-ENUM',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '值不在允许的取值之中', en: 'A value outside the allowed values' },
  description: {
    zh: '只能取几个值之一的键填了别的值。目前只有 `scope`：`agency`（一个行政机关的年度报告，默认）或 `government`（本级人民政府的年度报告）。',
    en: 'A key that takes one of a few values holds another. Today that is `scope` only: `agency` (one agency\'s report, the default) or `government` (a people\'s government\'s report for its whole level).',
  },
  basis: {
    zh: '《政府信息公开条例》第四十九条对两类年度报告规定了不同的公布期限（见 `DATE-LATE`），`scope` 区分这两类。',
    en: 'Article 49 of the Regulations sets different deadlines for the two kinds of report (see `DATE-LATE`); `scope` tells them apart.',
  },
  fix: {
    zh: '改为消息中列出的取值之一；一个部门或乡镇街道的报告不写 `scope` 即可。',
    en: 'Use one of the values the message lists; a department\'s or a township\'s report can leave `scope` out.',
  },
  examples: {
    wrong: 'scope: 本级政府\n',
    right: 'scope: government\n',
  },
  message: {
    zh: (p, cell) => `${cell} 填报为 ${p.value}，只能是 ${p.allowed}`,
    en: (p, cell) => `${cell} is ${p.value}; allowed: ${p.allowed}`,
  },
});

export const schemaPattern = defineRule({
  id: 'SCHEMA-PATTERN',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '文本格式不对（日期、空的机关名称）', en: 'Text in the wrong form (a date, an empty agency name)' },
  description: {
    zh: '文本不合要求的格式：`published`（发布日期）不是 `YYYY-MM-DD` 形式，或 `agency`（报告机关）为空或只有空白。',
    en: 'Text not in the form it takes: `published` (the publication date) is not `YYYY-MM-DD`, or `agency` (the reporting agency) is empty or blank.',
  },
  basis: CONTRACT,
  fix: {
    zh: '日期写作 `2024-01-20`（年份四位，月、日两位，用半角短横线）；填写报告机关的全称。',
    en: 'Write the date as `2024-01-20` (a four-digit year, two-digit month and day, ASCII hyphens); write the agency\'s full name.',
  },
  examples: {
    wrong: 'published: 2023年1月19日\n',
    right: 'published: 2023-01-19\n',
  },
  message: {
    zh: (p, cell) => (p.what === 'date' ? `${cell} 填报为 ${p.value}，应为 YYYY-MM-DD 格式的日期，如 2024-01-20` : `${cell} 不能为空`),
    en: (p, cell) => (p.what === 'date' ? `${cell} is ${p.value}; a date as YYYY-MM-DD, e.g. 2024-01-20, was expected` : `${cell} cannot be empty`),
  },
});

export const schemaDecimals = defineRule({
  id: 'SCHEMA-DECIMALS',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '收费金额超过四位小数', en: 'A fee amount with more than four decimal places' },
  description: {
    zh: '表二“行政事业性收费 · 本年收费金额（单位：万元）”的小数超过四位。以万元为单位，四位小数就是 1 元；更多的小数位多半是换算有误（例如元数除以 10000 时多除了一次）。',
    en: 'The fee amount of table 2 (行政事业性收费 · 本年收费金额, in units of 10,000 yuan) has more than four decimal places. In units of 10,000 yuan four places is one yuan; more most likely means a conversion went wrong (yuan divided by 10,000 twice, say).',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号表二中“本年收费金额”的单位是万元。',
    en: 'In table 2 of 国办公开办函〔2021〕30号 the fee amount (本年收费金额) is in units of 10,000 yuan (万元).',
  },
  fix: {
    zh: '按万元填写，最多保留四位小数：1234 元写作 0.1234。',
    en: 'Write the amount in 10,000 yuan with at most four decimals: 1,234 yuan is 0.1234.',
  },
  examples: {
    wrong: 'proactive:\n  fees: {amountTenThousandYuan: 0.12345}\n',
    right: 'proactive:\n  fees: {amountTenThousandYuan: 0.1235}\n',
  },
  message: {
    zh: (p, cell) => `${cell} 填报为 ${p.value}，以万元为单位最多保留四位小数`,
    en: (p, cell) => `${cell} is ${p.value}; in units of 10,000 yuan at most four decimal places`,
  },
});

export const schemaDate = defineRule({
  id: 'SCHEMA-DATE',
  severity: 'error',
  stage: 'schema',
  reportedBy: 'schema',
  title: { zh: '发布日期不是真实存在的日期', en: 'The publication date is not a real date' },
  description: {
    zh: '`published` 形式上是 `YYYY-MM-DD`，但这一天不存在，如 2 月 30 日、13 月或平年的 2 月 29 日。',
    en: '`published` has the form `YYYY-MM-DD` but the day does not exist: 30 February, a 13th month, 29 February in a common year.',
  },
  basis: CONTRACT,
  fix: {
    zh: '填写报告实际发布的日期。',
    en: 'Write the day the report was actually published.',
  },
  examples: {
    wrong: 'published: 2023-02-30\n',
    right: 'published: 2023-01-30\n',
  },
  message: {
    zh: (p) => `发布日期 ${p.value} 不是真实存在的日期`,
    en: (p) => `Publication date ${p.value} is not a real date`,
  },
});
