/** Primary language subtag of a BCP 47 tag ('de-AT' → 'de'); undefined for an empty tag. */
export function primaryLanguage(tag: string | undefined): string | undefined {
  return tag?.split(/[-_]/)[0]?.toLowerCase() || undefined;
}

/** The language the page says it is in (`<html lang="de-AT">` → 'de'), if it says. */
export function pageLanguage(doc: Document): string | undefined {
  return primaryLanguage(doc.documentElement.lang);
}
