import type { ProjectView } from '@plinth/core/projects';

/** What the project pages show, and all an action sends back to the browser. */
export interface ProjectItem {
  id: string;
  name: string;
  description: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toProjectItem(project: ProjectView): ProjectItem {
  return {
    id: project.id,
    name: project.name,
    description: project.description,
    createdBy: project.createdBy,
    createdAt: project.createdAt,
    updatedAt: project.updatedAt,
  };
}
