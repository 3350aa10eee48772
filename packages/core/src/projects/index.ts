// Projects: the example domain a product team copies — a tenant table under RLS, can() on every
// action, a plan limit from entitlements(), cursor pagination, soft delete and audit rows.
export {
  createProject,
  deleteProject,
  getProject,
  listProjects,
  updateProject,
  type ProjectView,
} from './projects';
export * from './schemas';
export { projectTemplatesFor, type ProjectTemplate } from './templates';
