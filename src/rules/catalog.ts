// Every rule id the tool can report, with its default severity and stage.
// Ids are documented in the README and never reused.
import type { Label } from '../model/label.js';
import type { Severity } from '../diagnostics/finding.js';

export type Stage = 'parse' | 'schema' | 'arithmetic' | 'consistency';

export interface RuleInfo {
  readonly id: string;
  readonly severity: Severity;
  readonly stage: Stage;
  readonly docs: Label;
}

const rule = (id: string, severity: Severity, stage: Stage, zh: string, en: string) =>
  ({ id, severity, stage, docs: { zh, en } }) as const;

export const RULES = [
  rule('PARSE-SYNTAX', 'error', 'parse', 'YAML 或 JSON 语法错误', 'YAML or JSON syntax error'),
  rule('PARSE-DUPLICATE-KEY', 'error', 'parse', '同一层级中出现重复的键', 'A key appears twice in the same mapping'),
  rule('PARSE-MULTI-DOC', 'error', 'parse', '一个文件中有多个 YAML 文档', 'More than one YAML document in a file'),
  rule('PARSE-EMPTY', 'error', 'parse', '文件为空或只有注释', 'The file is empty or holds only comments'),
  rule('PARSE-NOT-MAPPING', 'error', 'parse', '文件顶层不是键值映射', 'The top level of the file is not a mapping'),
  rule('PARSE-ALIAS', 'error', 'parse', '使用了 YAML 锚点或别名（报告数据不需要，且可能被滥用）', 'YAML anchors or aliases are used (a report needs none, and they can be abused)'),
  rule('PARSE-TOO-LARGE', 'error', 'parse', '文件超过大小上限', 'The file is over the size limit'),
  rule('PARSE-TOO-DEEP', 'error', 'parse', '嵌套层级过深', 'Nesting is too deep'),
  rule('PARSE-BINARY', 'error', 'parse', '文件不是文本', 'The file is not text'),
  rule('PARSE-ENCODING', 'warning', 'parse', '文件不是 UTF-8 编码，已按其他编码读取', 'The file is not UTF-8 and was decoded from another encoding'),
  rule('SCHEMA-REQUIRED', 'error', 'schema', '缺少必填项', 'A required key is missing'),
  rule('SCHEMA-UNKNOWN-KEY', 'error', 'schema', '未知的键（通常是拼写错误）', 'An unknown key (usually a typo)'),
  rule('SCHEMA-TYPE', 'error', 'schema', '值的类型不对（如件数写成了文本或小数）', 'A value of the wrong type (e.g. a count written as text or a fraction)'),
  rule('SCHEMA-NEGATIVE', 'error', 'schema', '件数或金额为负数', 'A count or amount is negative'),
  rule('SCHEMA-TOO-LARGE', 'error', 'schema', '数值过大，无法精确表示', 'A number too large to be held exactly'),
  rule('SCHEMA-EDITION', 'error', 'schema', '格式版本不受支持', 'An unsupported format edition'),
  rule('SCHEMA-ENUM', 'error', 'schema', '值不在允许的取值之中', 'A value outside the allowed values'),
  rule('SCHEMA-PATTERN', 'error', 'schema', '文本格式不对（如日期、空的机关名称）', 'Text in the wrong form (a date, an empty agency name)'),
  rule('SCHEMA-DECIMALS', 'error', 'schema', '收费金额超过四位小数', 'A fee amount with more than four decimal places'),
  rule('SCHEMA-YEAR', 'error', 'schema', '报告年度超出范围', 'The report year is out of range'),
  rule('SCHEMA-DATE', 'error', 'schema', '发布日期不是真实存在的日期', 'The publication date is not a real date'),
  rule('T3-ROW-TOTAL', 'error', 'arithmetic', '表三各行：总计等于六类申请人之和', 'Table 3, every row: the total equals the six applicant columns added up'),
  rule('T3-OUTCOME-TOTAL', 'error', 'arithmetic', '表三各列：（七）总计等于（一）至（六）各项之和', 'Table 3, every column: (7) total equals items (1) to (6) added up'),
  rule('T3-BALANCE', 'error', 'arithmetic', '表三各列：第一项加第二项之和等于第三项加第四项之和', 'Table 3, every column: item I plus item II equals item III plus item IV'),
  rule('T4-TOTAL', 'error', 'arithmetic', '表四各组：总计等于结果维持、结果纠正、其他结果、尚未审结之和', 'Table 4, every group: the total equals upheld + corrected + other + pending'),
  rule('T2-IN-FORCE', 'warning', 'arithmetic', '表二：现行有效件数小于本年制发件数', 'Table 2: fewer documents in force than issued this year'),
  rule('DATE-LATE', 'warning', 'arithmetic', '发布日期晚于《政府信息公开条例》第四十九条规定的期限', 'Published after the deadline of Article 49 of the Regulations'),
  rule('DATE-EARLY', 'warning', 'arithmetic', '发布日期早于报告年度结束', 'Published before the report year ended'),
  rule('YEAR-EDITION', 'warning', 'arithmetic', '2021 年以前的年度应使用 2019 年试行格式', 'Years before 2021 used the 2019 trial edition'),
  rule('PREV-CARRY', 'error', 'consistency', '本年“二、上年结转”不等于上年报告“四、结转下年度继续办理”（规则 7）', 'This year\'s II (carried over) differs from last year\'s IV (carried forward) (rule 7)'),
  rule('PREV-IN-FORCE', 'warning', 'consistency', '现行有效件数不等于上年现行有效件数加本年制发减本年废止（规则 7）', 'In force differs from last year\'s in force + issued - repealed (rule 7)'),
  rule('PREV-COPIED', 'warning', 'consistency', '表二、三、四的数字与上年报告完全相同，疑似照搬上年报告（规则 8）', 'Tables 2, 3 and 4 are identical to last year\'s: probably copied (rule 8)'),
  rule('TEXT-TABLE', 'warning', 'consistency', '总体情况文字中的数字与表格不一致（规则 9）', 'A figure stated in the overview text differs from the tables (rule 9)'),
] as const satisfies readonly RuleInfo[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
