import { describe, expect, it } from 'vitest';
import { AddressIndex, type AddressEntry } from './AddressIndex';

const entries: AddressEntry[] = [
  { id: 'a', addressId: 'A1', address: '成都市锦江区春熙路街道春熙路12号', addressPinyin: '12 Chunxi Lu, Chunxilu Jiedao, Jinjiang, Chengdu' },
  { id: 'b', addressId: 'A2', address: '成都市锦江区春熙路街道春熙路14号', addressPinyin: '14 Chunxi Lu, Chunxilu Jiedao, Jinjiang, Chengdu' },
  { id: 'c', addressId: 'A3', address: '成都市青羊区少城街道宽窄巷子12号', addressPinyin: '12 Kuanzhai Xiangzi, Shaocheng Jiedao, Qingyang, Chengdu' },
  { id: 'd', addressId: 'A4', address: '成都市武侯区玉林街道玉林北路2号', addressPinyin: '2 Yulin Beilu, Yulin Jiedao, Wuhou, Chengdu' },
  { id: 'e', addressId: 'A5', address: '成都市锦江区书院街道春熙北街3号', addressPinyin: '' }, // no pinyin
];
const index = new AddressIndex(entries);
const ids = (q: string, n = 5) => index.search(q, n).map((h) => h.buildingId);

describe('AddressIndex', () => {
  it('finds by pinyin with or without tones, tone numbers or spaces, and by prefix', () => {
    expect(ids('chunxi')).toEqual(['a', 'b']);
    expect(ids('Chūnxī')).toEqual(['a', 'b']);
    expect(ids('chun1xi1 lu4', 2)).toEqual(['a', 'b']);
    expect(ids('chunxilu12')[0]).toBe('a'); // run together, house number
    expect(ids('kuanz')).toEqual(['c']);
  });

  it('finds by hanzi substring, including non-contiguous runs and addresses without pinyin', () => {
    expect(ids('春熙')).toEqual(['e', 'a', 'b']); // equal scores: the shorter address first
    expect(ids('春熙北街')).toEqual(['e']);
    expect(ids('锦江区春熙路12号')[0]).toBe('a');
    expect(ids('玉林')).toEqual(['d']);
  });

  it('ranks by terms matched then score, with house numbers counting most', () => {
    const hits = index.search('jinjiang chunxi 12');
    expect(hits.map((h) => h.buildingId)).toEqual(['a', 'b', 'c']);
    expect(hits[0]).toMatchObject({ matchedTerms: 3, addressId: 'A1', address: entries[0].address });
    expect(hits[1].matchedTerms).toBe(2);
    expect(ids('12')).toEqual(['a', 'c']);
  });

  it('returns nothing for text that matches no address and honours the limit', () => {
    expect(index.search('xyzzy')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('chengdu', 2)).toHaveLength(2);
  });
});
