import { describe, expect, it } from 'vitest';
import { originAllowed } from './originPolicy';

const policy = { allowedOrigins: ['https://twin.example.gov.cn'], allowedHosts: ['127.0.0.1', 'localhost'] };

describe('originAllowed', () => {
  it('allows listed origins, same-origin on allowed hosts and non-browser clients; refuses the rest', () => {
    expect(originAllowed('https://twin.example.gov.cn', 'broker:8083', policy)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', '127.0.0.1:5173', policy)).toBe(true);
    expect(originAllowed(undefined, '127.0.0.1:8083', policy)).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', '127.0.0.1:8083', policy)).toBe(false);
    expect(originAllowed('http://evil.example', '127.0.0.1:8083', policy)).toBe(false);
    expect(originAllowed('http://evil.example:8083', 'evil.example:8083', policy)).toBe(false);
    expect(originAllowed('null', '127.0.0.1:8083', policy)).toBe(false);
    expect(originAllowed('file://', undefined, policy)).toBe(false);
  });
});
