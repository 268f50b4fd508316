import { describe, expect, it } from 'vitest';
import { domainFitsWebsite, hostOf } from './email-domain';

describe('verified e-mail domain beside the website', () => {
  it('fits the same host, with or without www, and subdomains', () => {
    expect(domainFitsWebsite('rastatt.de', 'https://www.rastatt.de/rathaus')).toBe(true);
    expect(domainFitsWebsite('rastatt.de', 'www.rastatt.de')).toBe(true);
    expect(domainFitsWebsite('stadt.rastatt.de', 'https://rastatt.de')).toBe(true);
    expect(domainFitsWebsite('Rastatt.DE', 'http://RASTATT.de')).toBe(true);
  });

  it('does not fit another domain, nor one that only ends alike', () => {
    expect(domainFitsWebsite('gmail.com', 'https://www.rastatt.de')).toBe(false);
    expect(domainFitsWebsite('notrastatt.de', 'https://rastatt.de')).toBe(false);
    expect(domainFitsWebsite('rastatt.de', '')).toBe(false);
  });

  it('reads the host of a website however it is written', () => {
    expect(hostOf('https://www.gaggenau.de/')).toBe('www.gaggenau.de');
    expect(hostOf('gaggenau.de')).toBe('gaggenau.de');
    expect(hostOf('  ')).toBeNull();
  });
});
