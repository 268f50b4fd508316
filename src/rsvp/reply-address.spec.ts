import { describe, expect, it } from '@jest/globals';
import { newToken, normalizeToken, plusAddress } from './reply-address.js';

describe('reply addresses', () => {
  it('makes 128-bit lower-case hex tokens, each different', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) expect(t).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reads a token whatever case a mail program gave it, and nothing else', () => {
    const t = newToken();
    expect(normalizeToken(t.toUpperCase())).toBe(t);
    expect(normalizeToken(` ${t} `)).toBe(t);
    expect(normalizeToken(t.slice(1))).toBeNull();
    expect(normalizeToken(`${t}x`)).toBeNull();
    expect(normalizeToken(null)).toBeNull();
  });

  it('puts the token after a plus in the local part, replacing a tag there', () => {
    expect(plusAddress('interkom@example.org', 'abc')).toBe('interkom+abc@example.org');
    expect(plusAddress('hub+mail@sub.example.org', 'abc')).toBe('hub+abc@sub.example.org');
  });
});
