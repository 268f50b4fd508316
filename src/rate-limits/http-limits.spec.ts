import { describe, expect, it } from '@jest/globals';
import { apiArea } from './http-limits.js';

describe('apiArea', () => {
  it('counts the download routes under /api (protocol PDFs, strategies, certificates) as API requests', () => {
    expect(apiArea('/api/protocols/5f0c/pdf?berichtigung=1')).toBe('api');
    expect(apiArea('/api/webinars/5f0c/certificate.pdf')).toBe('api');
  });
  it('leaves the web client, probes and scrapers out', () => {
    expect(apiArea('/apis')).toBeNull();
    expect(apiArea('/sitzungen/5f0c')).toBeNull();
    expect(apiArea('/health')).toBeNull();
    expect(apiArea('/metrics')).toBeNull();
    expect(apiArea('/graphql')).toBe('graphql');
  });
});
