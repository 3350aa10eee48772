export type ClassValue = string | false | null | undefined;

/**
 * Joins class names, skipping falsy values. Deliberately tiny: components define variants as
 * non-overlapping class sets, so no Tailwind conflict resolution is needed.
 */
export function cn(...classes: ClassValue[]): string {
  return classes.filter(Boolean).join(' ');
}
