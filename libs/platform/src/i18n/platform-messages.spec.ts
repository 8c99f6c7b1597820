import { catalogueGaps } from '../pure/messages';
import { canonicalLanguageTag } from '../pure/language-tag';
import { localisedErrorMessage, localisedFieldMessage } from './localise';
import { PLATFORM_MESSAGES } from './platform-messages';
import { ErrorCode } from '../errors/domain-error';

describe('the API messages in six languages', () => {
  it('has every key in every language, with the English placeholders', () => {
    expect(catalogueGaps(PLATFORM_MESSAGES)).toEqual([]);
  });

  it('keeps English texts as raised and localises the others by code', () => {
    expect(localisedErrorMessage(ErrorCode.NotFound, 'Pledge not found', 'en')).toBe('Pledge not found');
    expect(localisedErrorMessage(ErrorCode.NotFound, 'Pledge not found', 'zh')).toBe('未找到');
    expect(localisedErrorMessage(ErrorCode.ValidationFailed, 'Request body is not valid JSON', 'fr')).toBe('Le corps de la requête n’est pas du JSON valide');
  });

  it('formats field messages with the rule\'s arguments and plural rules', () => {
    expect(localisedFieldMessage('maxLength', 'title', 'x', [1], 'ru')).toBe('title должно содержать не более 1 символа');
    expect(localisedFieldMessage('maxLength', 'title', 'x', [5], 'ru')).toBe('title должно содержать не более 5 символов');
    expect(localisedFieldMessage('arrayMaxSize', 'items', 'x', [2], 'ar')).toBe('يجب ألا يحتوي items على أكثر من عنصرين');
    expect(localisedFieldMessage('isLength', 'name', 'x', [2, 200], 'fr')).toBe('name doit comporter entre 2 et 200 caractères');
    expect(localisedFieldMessage('isIn', 'form', 'x', [['policy', 'financial']], 'es')).toBe('form debe ser uno de los valores siguientes: policy, financial');
    expect(localisedFieldMessage('someCustomRule', 'x', 'x is odd', [], 'fr')).toBe('x n’est pas valide');
    expect(localisedFieldMessage('isInt', 'limit', 'limit must be an integer number', [], 'en')).toBe('limit must be an integer number');
  });

  it('canonicalises BCP 47 tags and refuses malformed ones', () => {
    expect(canonicalLanguageTag('FR-ca')).toBe('fr-CA');
    expect(canonicalLanguageTag('zh-hans-cn')).toBe('zh-Hans-CN');
    expect(canonicalLanguageTag('ar')).toBe('ar');
    for (const bad of ['', 'not a tag', 'x', '12', 'en_', 'a'.repeat(40), 42]) expect(canonicalLanguageTag(bad)).toBeUndefined();
  });
});
