/** The filters the billing events page offers; `?status=` outside them is the default view (dead). */
export const statusFilters = ['dead', 'pending', 'processed', 'ignored', 'all'] as const;
export type StatusFilter = (typeof statusFilters)[number];
