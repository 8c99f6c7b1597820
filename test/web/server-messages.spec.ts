import { humanErrors, humanMessage } from '../../apps/web/src/forms/server-messages';
import { Checks } from '../../apps/web/src/forms/rules';
import { compileCatalogue } from '../../apps/web/build/compile-catalogue';
import { setLocale } from '../../apps/web/src/i18n';
import { en } from '../../apps/web/src/i18n/en';

// The browser sets its language from a compiled catalogue before any page runs (main.tsx); so does this test.
beforeAll(() => setLocale('en', compileCatalogue(en, undefined)));

/** The API's validator English, as the web app shows it: the same words its own checks use. */
describe('web: server field errors in human words', () => {
  it('maps the messages the issue quotes', () => {
    expect(humanMessage('title must be longer than or equal to 5 characters')).toBe('Use at least 5 characters.');
    expect(humanMessage('objectives must contain at least 1 elements')).toBe('Choose at least one.');
    expect(humanMessage('description must be between 300 and 3,000 characters')).toBe('Use between 300 and 3,000 characters.');
    expect(humanMessage('currency must be an ISO 4217 code such as EUR or USD')).toBe('Enter the ISO code of a currency, such as EUR, KES or USD.');
    expect(humanMessage('property themesOverridden should not exist')).toBe('This value is not accepted here.');
    expect(humanMessage('startDate must be a date such as 2026-06-30')).toBe('Enter a date, such as 30/06/2026.');
    expect(humanMessage('value must not be greater than 1000000000000')).toBe('Enter 1,000,000,000,000 or less.');
  });

  it('keeps an unforeseen message readable, without the property name', () => {
    expect(humanMessage('sdgIndicator must be an SDG indicator code such as 10.7.2')).toBe('Must be an SDG indicator code such as 10.7.2.');
    expect(humanMessage('The two passwords are not the same')).toBe('The two passwords are not the same');
  });

  it('says one thing once when several raw rules mean the same', () => {
    expect(humanErrors([{ field: 'budget.amount', messages: ['amount must be a number conforming to the specified constraints', 'amount must be a number'] }]))
      .toEqual([{ field: 'budget.amount', messages: ['Enter a number, such as 1250 or 12.5.'] }]);
  });

  it('the browser\'s own checks use the same words as the mapped server messages', () => {
    const c = new Checks().length('title', 'Tiny', 5, 300).minItems('alignment.objectives', [], 1).required('form', '', true);
    expect(c.errors).toEqual([
      { field: 'title', messages: [`${humanMessage('title must be longer than or equal to 5 characters')} (4 now)`] },
      { field: 'alignment.objectives', messages: [humanMessage('objectives must contain at least 1 elements')] },
      { field: 'form', messages: ['Choose one.'] },
    ]);
  });
});
