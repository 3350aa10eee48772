import { defineFlags } from './definitions';

/**
 * The product's feature flags, as code. Add one here, read it with `flag(ctx, 'key')` on the
 * server, remove it (and this entry) once the rollout is done: `expires` makes CI nag.
 */
export const flagCatalog = defineFlags({
  project_templates: {
    type: 'boolean',
    description: 'Beta: start a new project from a template (the example domain’s flagged feature).',
    owner: 'projects',
    expires: '2027-06-30',
    default: false,
    environments: { development: true },
    plans: { team: true },
    rollout: { percent: 0, value: true },
    clientVisible: true,
  },
});

export type FlagKey = keyof typeof flagCatalog;
