// Health: what /api/health reports, measured against the real database.
export { checkHealth, type HealthReport } from './check-health';
