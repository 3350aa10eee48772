/** The plain-text part: paragraphs separated by blank lines, nothing left empty. */
export function plainText(...paragraphs: (string | false | undefined)[]): string {
  return `${paragraphs.filter((paragraph): paragraph is string => Boolean(paragraph)).join('\n\n')}\n`;
}
