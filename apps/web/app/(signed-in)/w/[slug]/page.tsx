import { redirect } from 'next/navigation';

/** A workspace opens on its projects. */
export default async function WorkspacePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  redirect(`/w/${encodeURIComponent(slug)}/projects`);
}
