import { ConfigError } from '@gcm/platform';
import { flowLanguages, loadReportsConfig } from './reports-config';

describe('reports configuration: languages', () => {
  it('defaults to English reports and a flow in English only', () => {
    const c = loadReportsConfig({});
    expect(c.REPORT_DEFAULT_LANGUAGE).toBe('en');
    expect(flowLanguages(c)).toEqual(['en']);
  });

  it('builds the flow in the default language first, then the further ones', () => {
    const c = loadReportsConfig({ REPORT_DEFAULT_LANGUAGE: 'fr', REPORT_FLOW_LANGUAGES: 'en, ar,fr' });
    expect(flowLanguages(c)).toEqual(['fr', 'en', 'ar']);
  });

  it('stops start-up on a language that is not one of the six', () => {
    expect(() => loadReportsConfig({ REPORT_DEFAULT_LANGUAGE: 'de' })).toThrow(ConfigError);
    expect(() => loadReportsConfig({ REPORT_DEFAULT_LANGUAGE: 'de' })).toThrow(/REPORT_DEFAULT_LANGUAGE must be one of ar, zh, en, fr, ru, es/);
    expect(() => loadReportsConfig({ REPORT_FLOW_LANGUAGES: 'fr,xx' })).toThrow(/REPORT_FLOW_LANGUAGES/);
  });
});
