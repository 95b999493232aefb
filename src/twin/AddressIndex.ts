import { foldHanzi, pinyinTokens } from './foldPinyin';

/** What the index needs of a building: its id and standard address (Chinese and pinyin). */
export interface AddressEntry {
  id: string;
  addressId: string;
  address: string;
  addressPinyin: string;
}

/** A ranked search result. */
export interface AddressHit {
  /** Index of the building in the array the index was built from. */
  index: number;
  buildingId: string;
  addressId: string;
  address: string;
  addressPinyin: string;
  /** How many query terms matched (results with more matched terms rank first). */
  matchedTerms: number;
  score: number;
}

const HANZI_RUN = /[\u3400-\u9fff]+/g;

/** A hanzi bigram as one number (two UTF-16 units), a single character as its code. */
const bigramKey = (text: string, k: number) => text.charCodeAt(k) * 65536 + text.charCodeAt(k + 1);

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/**
 * Search over standard addresses tolerant of Chinese and pinyin: hanzi substrings ("春熙",
 * "春熙路12号", or split: "锦江区春熙"), pinyin with or without tones, tone numbers or spaces ("chunxi", "Chūnxī",
 * "chun1xi1", "jinjiang chunxi 12", "chunxijie"), prefixes ("chun"), and house numbers. Results
 * rank by the number of query terms matched, then by score (house number 4, whole syllable word
 * 3, prefix 2, run-together pinyin 1.5, hanzi 2 per character); words found in over half the
 * addresses ("chengdu") are ignored beside other terms. Inverted indexes (tokens, hanzi bigrams)
 * keep a query to milliseconds over tens of thousands of buildings.
 */
export class AddressIndex {
  private readonly entries: ReadonlyArray<AddressEntry>;
  private readonly hanzi: string[];
  private readonly joined: string[];
  private readonly houseNumber: string[];
  private readonly byToken = new Map<string, number[]>();
  private readonly byBigram = new Map<number, number[]>();
  private readonly vocabulary: string[];

  constructor(entries: ReadonlyArray<AddressEntry>) {
    this.entries = entries;
    this.hanzi = entries.map((e) => foldHanzi(e.address));
    this.joined = [];
    this.houseNumber = [];
    entries.forEach((e, i) => {
      const h = this.hanzi[i];
      const pinyin = pinyinTokens(e.addressPinyin);
      const latin = /[A-Za-z0-9]/.test(h) ? pinyinTokens(h.replace(HANZI_RUN, ' ')) : [];
      for (const t of pinyin) push(this.byToken, t, i);
      for (const t of latin) push(this.byToken, t, i);
      this.joined.push(pinyin.join(''));
      const hao = /(\d+)号(?!.*\d+号)/.exec(h);
      this.houseNumber.push(hao ? hao[1] : (pinyin.find((t) => /^\d+$/.test(t)) ?? ''));
      for (let k = 0; k < h.length; k++) {
        push(this.byBigram, h.charCodeAt(k), i);
        if (k + 1 < h.length) push(this.byBigram, bigramKey(h, k), i);
      }
    });
    this.vocabulary = [...this.byToken.keys()].sort();
  }

  /**
   * Buildings whose address contains a hanzi run (2 per character), or at least half of its
   * bigrams when the run is not contiguous there ("锦江区春熙" against "...锦江区...春熙街..."),
   * scored by the share of bigrams found.
   */
  private hanziTerm(run: string, into: Map<number, number>): void {
    if (run.length === 1) {
      for (const i of this.byBigram.get(run.charCodeAt(0)) ?? []) into.set(i, 2);
      return;
    }
    const bigrams = run.length - 1;
    let rarest: number[] | undefined;
    for (let k = 0; k < bigrams; k++) {
      const list = this.byBigram.get(bigramKey(run, k)) ?? [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    for (const i of rarest!) if (this.hanzi[i].includes(run)) into.set(i, 2 * run.length);
    if (into.size > 0 || bigrams < 2) return;
    const hits = new Map<number, number>();
    for (let k = 0; k < bigrams; k++) {
      for (const i of this.byBigram.get(bigramKey(run, k)) ?? []) hits.set(i, (hits.get(i) ?? 0) + 1);
    }
    for (const [i, found] of hits) if (found * 2 >= bigrams) into.set(i, (2 * run.length * found) / (bigrams + 1));
  }

  /** Buildings matching a Latin or numeric token: house number, whole token, prefix, run-together. */
  private latinTerm(t: string, into: Map<number, number>): void {
    const give = (i: number, s: number) => { if ((into.get(i) ?? 0) < s) into.set(i, s); };
    if (/^\d+$/.test(t)) {
      for (const i of this.byToken.get(t) ?? []) give(i, this.houseNumber[i] === t ? 4 : 1);
      return;
    }
    for (const i of this.byToken.get(t) ?? []) give(i, 3);
    let lo = 0, hi = this.vocabulary.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.vocabulary[mid] < t) lo = mid + 1; else hi = mid; }
    for (let k = lo; k < this.vocabulary.length && this.vocabulary[k].startsWith(t); k++) {
      if (this.vocabulary[k] !== t) for (const i of this.byToken.get(this.vocabulary[k])!) give(i, 2);
    }
    if (into.size === 0 && t.length >= 3) this.joined.forEach((j, i) => { if (j.includes(t)) give(i, 1.5); });
  }

  /** The best `limit` buildings for a free-text address query (Chinese, pinyin or mixed). */
  search(query: string, limit = 10): AddressHit[] {
    const q = query.normalize('NFKC');
    const terms: Array<Map<number, number>> = [];
    for (const run of foldHanzi(q).match(HANZI_RUN) ?? []) { const m = new Map<number, number>(); this.hanziTerm(run, m); terms.push(m); }
    const latin = pinyinTokens(q.replace(HANZI_RUN, ' '));
    // Words in most addresses ("chengdu", "jie") rank nothing; skip them when other terms exist.
    const common = (t: string) => (this.byToken.get(t)?.length ?? 0) > this.entries.length / 2;
    const useful = latin.filter((t) => !common(t));
    for (const t of useful.length + terms.length > 0 ? useful : latin) { const m = new Map<number, number>(); this.latinTerm(t, m); terms.push(m); }
    const n = this.entries.length;
    const matched = new Uint16Array(n), score = new Float64Array(n);
    const touched: number[] = [];
    for (const m of terms) {
      for (const [i, s] of m) {
        if (matched[i] === 0) touched.push(i);
        matched[i]++;
        score[i] += s;
      }
    }
    touched.sort((a, b) => matched[b] - matched[a] || score[b] - score[a] || this.hanzi[a].length - this.hanzi[b].length || a - b);
    return touched.slice(0, limit).map((i) => {
      const e = this.entries[i];
      return { index: i, buildingId: e.id, addressId: e.addressId, address: e.address, addressPinyin: e.addressPinyin, matchedTerms: matched[i], score: score[i] };
    });
  }
}
