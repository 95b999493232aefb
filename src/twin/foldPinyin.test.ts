import { describe, expect, it } from 'vitest';
import { foldHanzi, foldLatin, hasHanzi, pinyinTokens } from './foldPinyin';

describe('foldLatin', () => {
  it('removes tone marks and tone numbers, folds ü and v to u, keeps house numbers', () => {
    expect(foldLatin('Chūnxī Lù')).toBe('chunxi lu');
    expect(foldLatin('chun1xi1 lu4')).toBe('chunxi lu');
    expect(foldLatin('Lüshun')).toBe('lushun');
    expect(foldLatin('lvshun')).toBe('lushun');
    expect(foldLatin('Jie 12')).toBe('jie 12');
    expect(foldLatin('B2')).toBe('b2');
  });
});

describe('pinyinTokens', () => {
  it('splits at punctuation and between letters and digits', () => {
    expect(pinyinTokens('12 Chunxi Jie, Jinjiang')).toEqual(['12', 'chunxi', 'jie', 'jinjiang']);
    expect(pinyinTokens('chunxi12hao')).toEqual(['chunxi', '12', 'hao']);
    expect(pinyinTokens('ＣＨＵＮＸＩ　１２')).toEqual(['chunxi', '12']);
  });
});

describe('foldHanzi', () => {
  it('makes full-width digits ASCII and drops spaces', () => {
    expect(foldHanzi('春熙路 １２号')).toBe('春熙路12号');
    expect(hasHanzi('春熙')).toBe(true);
    expect(hasHanzi('chunxi')).toBe(false);
  });
});
