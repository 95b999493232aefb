import type { Alert } from '../../signs/alerts/Alert';

const SEVERITY_NAMES: Record<string, [string, string]> = {
  blue: ['蓝色', 'Blue'], yellow: ['黄色', 'Yellow'], orange: ['橙色', 'Orange'], red: ['红色', 'Red'],
};
const STATE_NAMES: Record<string, [string, string]> = {
  raised: ['未确认', 'new'], acknowledged: ['已确认', 'acknowledged'], resolved: ['已解除', 'resolved'],
};

export type SignsLocale = 'zh' | 'en';

const pick = (pair: [string, string], locale: SignsLocale) => (locale === 'zh' ? pair[0] : pair[1]);
const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));

/** Texts of one alert for list items and screen readers. */
export function alertText(a: Alert, locale: SignsLocale): { severity: string; title: string; location: string; value: string; time: string; state: string; summary: string } {
  const severity = pick(SEVERITY_NAMES[a.severity], locale);
  const title = locale === 'zh' ? a.titleZh : a.title;
  const location = locale === 'zh' ? a.label : a.labelPinyin;
  const value = a.kind === 'fire_alarm' ? '' : `${fmt(a.lastValue)} ${a.unit} (${locale === 'zh' ? '阈值' : 'limit'} ${fmt(a.limit)}, ${locale === 'zh' ? '峰值' : 'peak'} ${fmt(a.peakValue)})`;
  const time = new Date(a.raisedAtMs).toLocaleTimeString(locale === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  const state = pick(STATE_NAMES[a.state], locale);
  const summary = `${severity} ${title}, ${location}, ${value ? `${value}, ` : ''}${time}, ${state}`;
  return { severity, title, location, value, time, state, summary };
}
