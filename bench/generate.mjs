#!/usr/bin/env node
// Writes N realistic report files (about 4 KB each, mixed valid and invalid)
// into a folder, deterministically from a seed.
//   node bench/generate.mjs [--count 10000] [--out bench/.data] [--seed 20240120]
// About 70% are valid (some with warnings); the rest carry one realistic
// mistake each: arithmetic, schema (text counts, typos, negatives), or syntax.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['方城县', '汉阳区', '武昌区', '洪山区', '新洲区', '黄陂区', '江夏区', '蔡甸区', '宛城区', '卧龙区', '南召县', '西峡县', '镇平县', '内乡县', '淅川县', '社旗县', '唐河县', '新野县', '桐柏县', '邓州市', '兰考县', '杞县', '通许县', '尉氏县', '鼓楼区', '龙亭区', '顺河区', '禹王台区'];
const ORGANS = ['人民政府办公室', '发展和改革委员会', '教育局', '科学技术局', '公安局', '民政局', '司法局', '财政局', '人力资源和社会保障局', '自然资源局', '生态环境分局', '住房和城乡建设局', '交通运输局', '水利局', '农业农村局', '商务局', '文化广电和旅游局', '卫生健康委员会', '应急管理局', '审计局', '市场监督管理局', '统计局', '医疗保障局', '城市管理局', '释之街道办事处', '汉阳街道办事处', '赊店镇人民政府', '城关镇人民政府'];
const PARAS = [
  '严格落实信息发布审核制度，对拟公开信息逐条进行保密审查和合法性审查，定期清理已失效、废止的行政规范性文件并标注效力状态。',
  '持续优化门户网站信息公开专栏，规范栏目设置，做好政务新媒体日常维护，提升信息发布的及时性和准确性。',
  '将政府信息公开工作纳入年度绩效考核，组织开展业务培训，加强对各单位信息公开工作的指导和检查。',
  '围绕优化营商环境、乡村振兴、民生保障等重点领域，及时公开政策文件、执行情况和工作成效，主动回应社会关切。',
  '畅通依申请公开渠道，规范受理、登记、审核、答复等环节，确保在法定期限内答复申请人。',
  '加强政策解读，采用图文、视频、问答等多种形式解读重要政策，提高政策知晓度。',
  '做好政府信息公开目录和指南的更新维护工作，方便公众查询和获取政府信息。',
];
const PROBLEMS = [
  '政策解读形式较为单一，解读的深度和广度有待提升；依申请公开答复规范化水平有待提高。',
  '信息公开队伍人员变动较大，业务能力有待加强；部分栏目更新不够及时。',
  '主动公开的内容与群众需求的契合度不够高，公开的及时性有待加强。',
];
const COLS = ['naturalPerson', 'commercial', 'research', 'socialWelfare', 'legalService', 'otherOrg'];
const OUTCOME_GROUPS = [
  ['disclosed', null], ['partlyDisclosed', null],
  ['withheld', ['stateSecret', 'prohibitedByLaw', 'securityStability', 'thirdPartyRights', 'internalAffairs', 'processInformation', 'enforcementFiles', 'queryMatters']],
  ['unavailable', ['notHeld', 'needsCreation', 'stillUnclear']],
  ['notProcessed', ['petition', 'repeated', 'publications', 'vexatious', 'reconfirmation']],
  ['otherHandling', ['noCorrection', 'feeUnpaid', 'other']],
];

/** One report as data plus the YAML text; `mistake` names the defect introduced (or null). */
export function makeReport(rnd, index) {
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const small = () => (rnd() < 0.6 ? 0 : int(rnd() < 0.8 ? 6 : 60));
  const year = 2021 + int(4);
  const scope = rnd() < 0.8 ? 'agency' : 'government';
  const late = rnd() < 0.05;
  const month = late ? 4 + int(3) : scope === 'agency' ? 1 : 1 + int(3);
  const day = 1 + int(month === 1 ? 31 : 28);
  const published = `${year + 1}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const agency = pick(PLACES) + pick(ORGANS);

  // Table 3: outcomes per column, then received/carried so the balance holds.
  const rows = {};
  const colTotal = Object.fromEntries(COLS.map((c) => [c, 0]));
  const mkRow = () => {
    const r = {};
    for (const c of COLS) r[c] = c === 'naturalPerson' ? small() : rnd() < 0.85 ? 0 : small();
    return r;
  };
  for (const [g, items] of OUTCOME_GROUPS) {
    if (!items) rows[g] = mkRow();
    else {
      rows[g] = {};
      for (const it of items) rows[g][it] = rnd() < 0.6 ? Object.fromEntries(COLS.map((c) => [c, 0])) : mkRow();
    }
  }
  const leaves = OUTCOME_GROUPS.flatMap(([g, items]) => (items ? items.map((it) => rows[g][it]) : [rows[g]]));
  for (const r of leaves) for (const c of COLS) colTotal[c] += r[c];
  const carriedForward = Object.fromEntries(COLS.map((c) => [c, rnd() < 0.8 ? 0 : int(3)]));
  const carriedOver = Object.fromEntries(COLS.map((c) => [c, Math.min(rnd() < 0.8 ? 0 : int(3), colTotal[c] + carriedForward[c])]));
  const received = Object.fromEntries(COLS.map((c) => [c, colTotal[c] + carriedForward[c] - carriedOver[c]]));
  const issued = int(8), repealed = int(5);
  const data = {
    format: '2021', agency, year, published, scope,
    preamble: `根据《中华人民共和国政府信息公开条例》和政府信息公开工作的有关要求，现将${agency} ${year} 年度政府信息公开情况报告如下：`,
    overview: [`${year} 年，${agency}认真贯彻执行《中华人民共和国政府信息公开条例》，全面推进政府信息公开工作。`, ...Array.from({ length: 1 + int(2) }, () => pick(PARAS))],
    proactive: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued, repealed, inForce: issued + int(20) },
      licensing: { decisions: int(400) }, punishment: { decisions: int(120) }, coercion: { decisions: int(5) },
      fees: { amountTenThousandYuan: rnd() < 0.7 ? 0 : Math.round(rnd() * 100000) / 100 },
    },
    requests: { received, carriedOver, outcomes: rows, carriedForward },
    reviewsAndLawsuits: Object.fromEntries(['review', 'suitDirect', 'suitAfterReview'].map((k) => {
      const r = { upheld: rnd() < 0.8 ? 0 : int(3), corrected: 0, other: 0, pending: rnd() < 0.9 ? 0 : 1 };
      return [k, { ...r, total: r.upheld + r.pending }];
    })),
    problems: `${year} 年，${pick(PROBLEMS)}\n\n${year + 1} 年，将进一步加强政府信息公开工作，${pick(PARAS)}`,
    other: rnd() < 0.5 ? '无。' : '本年度未收取信息处理费。',
  };
  const withTotals = rnd() < 0.7;
  const flowRows = rnd() < 0.85;
  let text = toYaml(data, { withTotals, flowRows, rnd, index });
  // Mistakes: about 30% of files.
  const m = rnd();
  let mistake = null;
  const edit = (re, to) => {
    const next = text.replace(re, to);
    const changed = next !== text;
    text = next;
    return changed;
  };
  if (m < 0.08) {
    // An arithmetic slip in table 3 (rule 3).
    const v = received.naturalPerson + 1 + int(3);
    mistake = edit(/(received:[\s\S]*?naturalPerson: )\d+/, `$1${v}`) ? 'T3-BALANCE' : null;
    if (withTotals) text = text.replace(/(received:[\s\S]*?total: )\d+/, (_, p) => `${p}${v + COLS.slice(1).reduce((s, c) => s + received[c], 0)}`);
  } else if (m < 0.12) {
    // Table 4 total off by two, or (totals not written) an outcome cell off by one.
    if (withTotals) mistake = edit(/(review: \{[^}]*total: )\d+/, (_, p) => `${p}${data.reviewsAndLawsuits.review.total + 2}`) ? 'T4-TOTAL' : null;
    else mistake = edit(/(disclosed:[\s\S]*?commercial: )(\d+)/, (_, p, n) => `${p}${+n + 1}`) ? 'T3-BALANCE' : null;
  } else if (m < 0.16) {
    mistake = edit(/(licensing:[\s\S]*?decisions: )\d+/, `$1"${int(300)}"`) ? 'SCHEMA-TYPE' : null;
  } else if (m < 0.19) {
    mistake = edit(/\bcarriedForward:/, 'carriedFoward:') ? 'SCHEMA-UNKNOWN-KEY' : null;
  } else if (m < 0.21) {
    mistake = edit(/(coercion:[\s\S]*?decisions: )\d+/, '$1-1') ? 'SCHEMA-NEGATIVE' : null;
  } else if (m < 0.23) {
    mistake = edit(/(normativeDocuments:[\s\S]*?issued: )\d+/, '$11.5') ? 'SCHEMA-TYPE' : null;
  } else if (m < 0.25) {
    mistake = edit(/\nyear: \d+/, '\nyear: 二〇二二') ? 'SCHEMA-TYPE' : null;
  } else if (m < 0.27) {
    mistake = edit(/\n {2}licensing:/, '\n licensing:') ? 'PARSE-SYNTAX' : null;
  } else if (m < 0.28) {
    mistake = edit(/\nscope: (\w+)/, '\nscope: $1\nagency: 重复') ? 'PARSE-DUPLICATE-KEY' : null;
  } else if (m < 0.29) {
    mistake = edit(/(carriedOver: \{[^}\n]*)\}/, '$1') ? 'PARSE-SYNTAX' : null;
  } else if (m < 0.30) {
    mistake = edit(/\npublished: (\d+)-(\d+)-(\d+)/, '\npublished: $1-02-30') ? 'SCHEMA-DATE' : null;
  }
  return { data, text, mistake, late };
}

function toYaml(d, { withTotals, flowRows, rnd, index }) {
  const row = (r, indent) => {
    const cells = { ...r };
    if (withTotals) cells.total = COLS.reduce((s, c) => s + r[c], 0);
    if (flowRows) return ` {${Object.entries(cells).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
    return Object.entries(cells).map(([k, v]) => `\n${' '.repeat(indent)}${k}: ${v}`).join('');
  };
  const flow = (o) => `{${Object.entries(o).map(([k, v]) => `${k}: ${v}`).join(', ')}}`;
  const q = rnd() < 0.3 ? '"' : '';
  const L = [];
  L.push('# yaml-language-server: $schema=../../schemas/report.schema.json');
  L.push(`# ${d.agency} ${d.year} 年度政府信息公开工作年度报告（生成的测试数据 #${index}）`);
  L.push('format: "2021"');
  L.push(`agency: ${q}${d.agency}${q}`);
  L.push(`year: ${d.year}`);
  L.push(`published: ${d.published}`);
  L.push(`scope: ${d.scope}`);
  L.push('');
  L.push(`preamble: ${d.preamble}`);
  L.push('');
  L.push('# 一、总体情况');
  L.push('overview: |');
  for (const [i, p] of d.overview.entries()) L.push(`  ${i ? `（${'一二三四五'[i - 1]}）` : ''}${p}`, '');
  L.push('# 二、主动公开政府信息情况');
  L.push('proactive:');
  for (const [k, v] of Object.entries(d.proactive)) L.push(`  ${k}: ${flow(v)}`);
  L.push('');
  L.push('# 三、收到和处理政府信息公开申请情况');
  L.push('requests:');
  L.push(`  received:${row(d.requests.received, 4)}`);
  L.push(`  carriedOver:${row(d.requests.carriedOver, 4)}`);
  L.push('  outcomes:');
  for (const [g, items] of OUTCOME_GROUPS) {
    if (!items) L.push(`    ${g}:${row(d.requests.outcomes[g], 6)}`);
    else {
      L.push(`    ${g}:`);
      for (const it of items) L.push(`      ${it}:${row(d.requests.outcomes[g][it], 8)}`);
    }
  }
  L.push(`  carriedForward:${row(d.requests.carriedForward, 4)}`);
  L.push('');
  L.push('# 四、政府信息公开行政复议、行政诉讼情况');
  L.push('reviewsAndLawsuits:');
  for (const [k, v] of Object.entries(d.reviewsAndLawsuits)) {
    const { total, ...rest } = v;
    L.push(`  ${k}: ${flow(withTotals ? v : rest)}`);
  }
  L.push('');
  L.push('# 五、存在的主要问题及改进情况');
  L.push('problems: |');
  for (const line of d.problems.split('\n')) L.push(line ? `  ${line}` : '');
  L.push('');
  L.push('# 六、其他需要报告的事项');
  L.push(`other: ${d.other}`);
  return L.join('\n') + '\n';
}

/** Writes `count` files into `out` (emptied first); returns the list of paths and the mix. */
export function generate({ count = 10000, out = join(ROOT, 'bench', '.data'), seed = 20240120 } = {}) {
  mkdirSync(out, { recursive: true });
  for (const f of readdirSync(out)) if (/\.(ya?ml|json)$/.test(f)) rmSync(join(out, f));
  const rnd = mulberry32(seed);
  const files = [];
  const mix = {};
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const { text, mistake } = makeReport(rnd, i);
    const file = join(out, `r${String(i).padStart(5, '0')}.yaml`);
    writeFileSync(file, text);
    files.push(file);
    bytes += Buffer.byteLength(text);
    const k = mistake ?? 'valid';
    mix[k] = (mix[k] ?? 0) + 1;
  }
  return { files, mix, bytes };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, def) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : def;
  };
  const r = generate({ count: Number(arg('count', 10000)), out: arg('out', join(ROOT, 'bench', '.data')), seed: Number(arg('seed', 20240120)) });
  console.log(`${r.files.length} files, ${(r.bytes / r.files.length / 1024).toFixed(1)} KB average, mix ${JSON.stringify(r.mix)}`);
}
