export type Lang = 'zh' | 'en';
export interface Label {
  readonly zh: string;
  readonly en: string;
}
