// The editor page's own words, Chinese and English (the findings are worded by formatMessage).
import type { Lang } from '../model/label.js';

const T = {
  title: { zh: '年度报告填报', en: 'Annual report form' },
  newReport: { zh: '新建报告：请填写机关全称和报告年度', en: 'New report: enter the agency and the report year' },
  agency: { zh: '报告机关全称', en: 'Agency' },
  year: { zh: '报告年度', en: 'Report year' },
  create: { zh: '开始填写', en: 'Start' },
  published: { zh: '发布日期（YYYY-MM-DD）', en: 'Published (YYYY-MM-DD)' },
  save: { zh: '保存', en: 'Save' },
  saveDownload: { zh: '保存（下载 YAML）', en: 'Save (download the YAML)' },
  preview: { zh: '预览', en: 'Preview' },
  closePreview: { zh: '关闭预览', en: 'Close preview' },
  download: { zh: '下载：', en: 'Download:' },
  html: { zh: 'HTML', en: 'HTML' },
  fragment: { zh: 'HTML 正文', en: 'HTML fragment' },
  md: { zh: 'Markdown', en: 'Markdown' },
  data: { zh: '数据文件', en: 'Data file' },
  importLabel: { zh: '导入已发布的报告（.txt、.html、.docx，也可拖放到页面上）', en: 'Import a published report (.txt, .html, .docx, or drop it on the page)' },
  findings: { zh: '问题列表', en: 'Findings' },
  noFindings: { zh: '✔ 未发现问题', en: '✔ No problems' },
  saved: { zh: (f: string) => `已保存 ${f}`, en: (f: string) => `Saved ${f}` },
  savedWithErrors: { zh: (f: string, n: number) => `已保存 ${f}（仍有 ${n} 个错误，可稍后继续填写）`, en: (f: string, n: number) => `Saved ${f} (it still has ${n} error${n === 1 ? '' : 's'}; you can go on later)` },
  changedOnDisk: {
    zh: (f: string) => `未保存：${f} 在打开后已被其他程序修改。页面中的内容保留未动；请先下载数据文件，与磁盘上的文件核对后再保存。`,
    en: (f: string) => `Not saved: ${f} was changed on disk since it was opened. Nothing in the page is lost; download the data file and compare it with the one on disk before saving.`,
  },
  saveFailed: { zh: (m: string) => `未保存：${m}`, en: (m: string) => `Not saved: ${m}` },
  downloaded: { zh: (f: string) => `已下载 ${f}`, en: (f: string) => `Downloaded ${f}` },
  imported: { zh: (f: string, n: number) => `已导入 ${f}：${n} 处未能读取，已在表中标出`, en: (f: string, n: number) => `Imported ${f}: ${n} place(s) not read, marked in the form` },
  importedAll: { zh: (f: string) => `已导入 ${f}：全部读取`, en: (f: string) => `Imported ${f}: everything read` },
  importFailed: { zh: (m: string) => `导入失败：${m}`, en: (m: string) => `Import failed: ${m}` },
  computed: { zh: '（未填写，按各项之和计算）', en: '(left out: computed from its parts)' },
  restored: { zh: '已恢复本浏览器中保存的填写内容', en: 'Restored the work kept in this browser' },
  notParsed: { zh: '文件无法读取，表格暂不可填；请修正下列问题', en: 'The file cannot be read; the form is not shown until the problems below are fixed' },
  gap: { zh: '导入时未能读取', en: 'Not read on import' },
} as const;

export type TextKey = keyof typeof T;

export function t<K extends TextKey>(key: K, lang: Lang): (typeof T)[K]['zh'] {
  return T[key][lang] as (typeof T)[K]['zh'];
}
