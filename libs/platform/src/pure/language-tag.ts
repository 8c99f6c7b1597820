/**
 * The canonical form of a BCP 47 language tag (`EN-gb` → `en-GB`,
 * `zh-hans-cn` → `zh-Hans-CN`) by `Intl.getCanonicalLocales`, or undefined
 * when the tag is not well-formed. Content (pledges, progress updates, expert
 * reports) may be written in any language, not only the six: the tag says
 * which, so it is shown with `lang` and never machine-translated.
 */
export function canonicalLanguageTag(tag: unknown): string | undefined {
  if (typeof tag !== 'string' || tag.length === 0 || tag.length > 35) return undefined;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical && canonical.length <= 35 ? canonical : undefined;
  } catch {
    return undefined;
  }
}
