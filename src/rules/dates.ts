// Rule 6: publication date against the deadline of Article 49, and the edition
// for the year; and the report year against today (SCHEMA-YEAR).
import { defineRule } from './rule.js';
import { field } from '../model/cells.js';
import { editionForYear, editionIdOf } from '../model/edition.js';

/** The report year, when it is a whole number (else no date rule can say anything). */
function yearOf(data: unknown): number | undefined {
  const year = field(data, 'year');
  return typeof year === 'number' && Number.isInteger(year) ? year : undefined;
}

/** The publication date, when it has the form YYYY-MM-DD. */
function publishedOf(data: unknown): string | undefined {
  const published = field(data, 'published');
  return typeof published === 'string' && /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(published) ? published : undefined;
}

const ARTICLE_49 = {
  zh: '《政府信息公开条例》第四十九条：县级以上人民政府部门应当在每年 1 月 31 日前向本级政府信息公开工作主管部门提交本行政机关上一年度政府信息公开工作年度报告并向社会公布；县级以上地方人民政府的政府信息公开工作主管部门应当在每年 3 月 31 日前向社会公布本级政府上一年度政府信息公开工作年度报告。',
  en: 'Article 49 of the Regulations on the Disclosure of Government Information: a department of a people\'s government at or above county level publishes its report on the previous year by 31 January; the disclosure office of a local people\'s government at or above county level publishes the government\'s report on the previous year by 31 March.',
};

export const schemaYear = defineRule({
  id: 'SCHEMA-YEAR',
  severity: 'error',
  stage: 'schema',
  title: { zh: '报告年度超出范围（早于 2008 年或晚于当前年度）', en: 'The report year is out of range (before 2008 or after the current year)' },
  description: {
    zh: '`year` 早于 2008 年，或晚于今天所在的年度（不能报告尚未开始的年度）。早于 2008 年或大于 9999 的年度由 JSON Schema 报告；晚于当前年度由本规则按运行当天的日期检查。',
    en: '`year` is before 2008, or after the year of today (a year that has not begun cannot be reported on). A year before 2008 or over 9999 is reported by the JSON Schema; one after the current year by this rule, against the day it runs.',
  },
  basis: {
    zh: '《政府信息公开条例》自 2008 年 5 月 1 日起施行，最早的政府信息公开工作年度报告是 2008 年度的；年度报告报告的是“上一年度”的工作。',
    en: 'The Regulations took effect on 1 May 2008, so the earliest annual reports are for 2008; an annual report covers the previous year\'s work.',
  },
  fix: {
    zh: '填写报告所述的公历年度，例如 2024 年 1 月发布的报告写 `year: 2023`。',
    en: 'Write the calendar year the report is about: a report published in January 2024 has `year: 2023`.',
  },
  examples: {
    wrong: 'year: 2099\n',
    right: 'year: 2022\n',
  },
  message: {
    // The schema reports this id too: before 2008 (limit 2008) and past 9999 (limit 9999).
    zh: (p) => (Number(p.value) < Number(p.limit) ? `报告年度 ${p.value} 早于 ${p.limit} 年（《政府信息公开条例》自 2008 年施行）`
      : Number(p.limit) >= 9999 ? `报告年度 ${p.value} 不是四位数的公历年份` : `报告年度 ${p.value} 晚于当前年度 ${p.limit}`),
    en: (p) => (Number(p.value) < Number(p.limit) ? `Report year ${p.value} is before ${p.limit} (the Regulations took effect in 2008)`
      : Number(p.limit) >= 9999 ? `Report year ${p.value} is not a four-digit calendar year` : `Report year ${p.value} is after the current year ${p.limit}`),
  },
  check(data, ctx, finding) {
    const year = yearOf(data);
    const current = ctx.today.getUTCFullYear();
    return year !== undefined && year > current ? [finding('/year', { value: year, limit: current })] : [];
  },
});

export const dateLate = defineRule({
  id: 'DATE-LATE',
  severity: 'warning',
  stage: 'arithmetic',
  title: {
    zh: '发布日期晚于第四十九条规定的期限：本机关报告 1 月 31 日，本级政府报告 3 月 31 日（规则 6）',
    en: 'Published after the Article 49 deadline: 31 January for an agency, 31 March for a government (rule 6)',
  },
  description: {
    zh: '`published` 晚于报告年度次年的公布期限：`scope: agency`（默认，一个行政机关的报告）为 1 月 31 日，`scope: government`（本级人民政府的报告）为 3 月 31 日。这是警告：报告本身可能没有错，只是发布晚了；也可能是 `year` 或 `published` 填错了。',
    en: '`published` is after the deadline in the year after `year`: 31 January for `scope: agency` (the default, one agency\'s report), 31 March for `scope: government` (a people\'s government\'s report). A warning: the report may be right and merely late, or `year` or `published` may be wrong.',
  },
  basis: ARTICLE_49,
  fix: {
    zh: '核对 `published` 和 `year`；本级政府的年度报告请写 `scope: government`。确实逾期发布的，可在配置中把本规则设为 `off`。',
    en: 'Check `published` and `year`; a government\'s report takes `scope: government`. A report really published late can set this rule to `off` in the configuration.',
  },
  examples: {
    wrong: 'year: 2022\npublished: 2023-02-15\n',
    right: 'year: 2022\npublished: 2023-01-19\n',
  },
  message: {
    zh: (p) => `发布日期 ${p.published} 晚于 ${p.deadline}（《政府信息公开条例》第四十九条：${p.scope === 'government' ? '本级政府年度报告应于每年 3 月 31 日前公布' : '各机关年度报告应于每年 1 月 31 日前公布'}）`,
    en: (p) => `Published ${p.published}, after the deadline ${p.deadline} (Article 49: ${p.scope === 'government' ? "a government's report by 31 March" : "an agency's report by 31 January"})`,
  },
  check(data, _ctx, finding) {
    const year = yearOf(data);
    const published = publishedOf(data);
    if (year === undefined || published === undefined) return [];
    const scope = field(data, 'scope') === 'government' ? 'government' : 'agency';
    const deadline = `${year + 1}-${scope === 'government' ? '03-31' : '01-31'}`;
    return published > deadline ? [finding('/published', { published, deadline, scope })] : [];
  },
});

export const dateEarly = defineRule({
  id: 'DATE-EARLY',
  severity: 'warning',
  stage: 'arithmetic',
  title: { zh: '发布日期早于报告年度结束（规则 6）', en: 'Published before the report year ended (rule 6)' },
  description: {
    zh: '`published` 不晚于报告年度的 12 月 31 日：一年的报告不能在这一年结束之前发布。通常是 `year` 或 `published` 中有一个填错了（例如 2024 年 1 月发布的 2023 年度报告写成了 `year: 2024`）。',
    en: '`published` is on or before 31 December of the report year: a year\'s report cannot be published before the year is over. Usually `year` or `published` is wrong (a report for 2023 published in January 2024 written as `year: 2024`, say).',
  },
  basis: {
    zh: '年度报告报告的是“上一年度”的政府信息公开工作（《政府信息公开条例》第四十九条），表格统计的是全年的件数。',
    en: 'An annual report covers the previous year\'s disclosure work (Article 49 of the Regulations), and its tables count the whole year.',
  },
  fix: {
    zh: '核对 `year`（报告所述的年度）和 `published`（实际发布的日期）。',
    en: 'Check `year` (the year reported on) and `published` (the day it was published).',
  },
  examples: {
    wrong: 'year: 2022\npublished: 2022-12-20\n',
    right: 'year: 2022\npublished: 2023-01-19\n',
  },
  message: {
    zh: (p) => `发布日期 ${p.published} 早于报告年度 ${p.year} 年结束`,
    en: (p) => `Published ${p.published}, before the report year ${p.year} ended`,
  },
  check(data, _ctx, finding) {
    const year = yearOf(data);
    const published = publishedOf(data);
    if (year === undefined || published === undefined) return [];
    return published <= `${year}-12-31` ? [finding('/published', { published, year })] : [];
  },
});

export const yearEdition = defineRule({
  id: 'YEAR-EDITION',
  severity: 'error',
  stage: 'arithmetic',
  title: { zh: '报告年度与格式版本不符：2019、2020 年度用 2019 年试行格式，2021 年度起用 2021 年格式（规则 6）', en: 'The edition does not fit the year: 2019 trial edition for 2019–2020, the 2021 edition from 2021 on (rule 6)' },
  description: {
    zh: '`year` 在 2008 至 2020 年之间，文件却声明为 `format: "2021"`（2019 年以前的年度用的是更早的旧格式）；或 `year` 在 2021 年以后，文件却是 `format: "2019"`（按 2019 年试行格式的表格编写）。报告仍按它所用的格式检查，但格式与年度不符是错误：要么 `year` 填错了，要么报告用错了表格。',
    en: '`year` is between 2008 and 2020 but the file says `format: "2021"`; or `year` is 2021 or later but the file is `format: "2019"` (written in the tables of the 2019 trial edition). The report is still checked in the edition it is written in, but an edition that does not fit the year is an error: either `year` is wrong or the report used the wrong tables.',
  },
  basis: {
    zh: '国办公开办函〔2021〕30号印发的格式自 2021 年度报告起使用；2019、2020 年度报告使用国办公开办函〔2019〕60号的试行格式。',
    en: 'The format of 国办公开办函〔2021〕30号 is used from the reports for 2021 on; the reports for 2019 and 2020 used the trial edition of 国办公开办函〔2019〕60号.',
  },
  fix: {
    zh: '核对 `year`。年度无误的，按该年度应使用的格式重新编写表格：2021 年度起写 `format: "2021"`（可用 `report init --year` 生成空白报告），2019、2020 年度写 `format: "2019"`（`report init --edition 2019`）。',
    en: 'Check `year`. If it is right, write the tables in the edition the year requires: `format: "2021"` from 2021 on (`report init --year` writes a blank one), `format: "2019"` for 2019 and 2020 (`report init --edition 2019`).',
  },
  examples: {
    wrong: 'format: "2021"\nyear: 2020\npublished: 2021-01-19\n',
    right: 'format: "2021"\nyear: 2021\npublished: 2022-01-19\n',
  },
  message: {
    zh: (p) => `${p.year} 年度报告应使用${REQUIRED_ZH[String(p.required)]}，本文件为 format: "${p.format}"`,
    en: (p) => `A report for ${p.year} takes ${REQUIRED_EN[String(p.required)]}, but this file is format: "${p.format}"`,
  },
  check(data, _ctx, finding) {
    const year = yearOf(data);
    if (year === undefined || year < 2008) return [];
    const format = editionIdOf(data);
    const required = editionForYear(year) ?? 'pre-2019';
    return required !== format ? [finding('/year', { year, required, format })] : [];
  },
});

const REQUIRED_ZH: Record<string, string> = {
  2021: ' 2021 年格式（format: "2021"，国办公开办函〔2021〕30号）',
  2019: ' 2019 年试行格式（format: "2019"，国办公开办函〔2019〕60号）',
  'pre-2019': ' 2019 年以前的旧格式（本工具不读）',
};
const REQUIRED_EN: Record<string, string> = {
  2021: 'the 2021 edition (format: "2021", 国办公开办函〔2021〕30号)',
  2019: 'the 2019 trial edition (format: "2019", 国办公开办函〔2019〕60号)',
  'pre-2019': 'the pre-2019 layout (which this tool does not read)',
};
