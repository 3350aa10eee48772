import type { Metadata } from 'next';
import Link from 'next/link';
import { listFlagOverrides } from '@plinth/core/flags';
import { serverContext } from '@plinth/core/server-context';
import { StaffActionForm } from '../../../../components/admin/staff-action-form';
import { EmptyState } from '../../../../components/ui/empty-state';
import { LocalTime } from '../../../../components/ui/local-time';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '../../../../components/ui/table';
import { requireStaff } from '../../../../lib/session';
import { clearFlagOverrideAction, setFlagOverrideAction } from '../workspaces/actions';

export const metadata: Metadata = { title: 'Flags · Admin', robots: { index: false, follow: false } };

const reasonField = {
  name: 'reason',
  label: 'Reason (kept in the audit log)',
  kind: 'textarea',
  required: true,
} as const;

/** The declared flags, their kill switches, and every override staff set (all audited). */
export default async function AdminFlagsPage() {
  const session = await requireStaff('/admin/flags');
  const { database, flags } = serverContext();
  const overrides = await listFlagOverrides(
    { database, definitions: flags.definitions },
    { type: 'user', id: session.user.id },
  );
  const definitions = Object.entries(flags.definitions);

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">Flags</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          Flags are declared in code (packages/core/src/flags/catalog.ts). A kill switch gives everyone one
          value and beats every other rule; per-workspace overrides are set on a{' '}
          <Link href="/admin/workspaces" className="underline underline-offset-4">
            workspace&apos;s page
          </Link>
          . Every node sees a change within a second.
        </p>
      </div>
      <section className="grid gap-3" aria-label="Kill switches">
        <h2 className="text-lg font-semibold tracking-tight">Kill switches</h2>
        <div className="grid gap-4 md:grid-cols-2">
          {definitions.map(([key, definition]) => {
            const kill = overrides.find((o) => o.key === key && o.scope === 'kill');
            return (
              <div
                key={key}
                className="grid gap-3 rounded-xl border border-border p-4"
                data-testid={`flag-${key}`}
              >
                <div>
                  <p className="font-mono text-sm font-medium">{key}</p>
                  <p className="text-xs text-muted-foreground">
                    {definition.description} · owner {definition.owner} · default{' '}
                    {JSON.stringify(definition.default)}
                  </p>
                </div>
                {kill ? (
                  <>
                    <p className="text-sm font-medium text-destructive">
                      Killed: everyone gets {JSON.stringify(kill.value)} · {kill.reason}
                    </p>
                    <StaffActionForm
                      testId={`unkill-${key}`}
                      action={clearFlagOverrideAction}
                      fields={[
                        { name: 'key', kind: 'hidden', value: key },
                        { name: 'scope', kind: 'hidden', value: 'kill' },
                        reasonField,
                      ]}
                      submitLabel="Lift kill switch"
                    />
                  </>
                ) : (
                  <StaffActionForm
                    testId={`kill-${key}`}
                    action={setFlagOverrideAction}
                    fields={[
                      { name: 'key', kind: 'hidden', value: key },
                      { name: 'scope', kind: 'hidden', value: 'kill' },
                      {
                        name: 'value',
                        label: 'Everyone gets',
                        kind: 'text',
                        defaultValue: JSON.stringify(definition.default).replaceAll('"', ''),
                        required: true,
                      },
                      reasonField,
                    ]}
                    submitLabel="Kill switch on"
                    destructive
                  />
                )}
              </div>
            );
          })}
        </div>
      </section>
      <section className="grid gap-3" aria-label="All overrides">
        <h2 className="text-lg font-semibold tracking-tight">All overrides</h2>
        {overrides.length === 0 ? (
          <EmptyState title="No overrides" description="Every flag resolves by its declared rules." />
        ) : (
          <Table>
            <TableCaption className="sr-only">Flag overrides</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Flag</TableHead>
                <TableHead>Scope</TableHead>
                <TableHead>Value</TableHead>
                <TableHead>Reason</TableHead>
                <TableHead>Expires</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overrides.map((o) => (
                <TableRow key={o.id}>
                  <TableCell className="font-mono text-xs">{o.key}</TableCell>
                  <TableCell className="text-xs">
                    {o.scope === 'workspace' && o.workspaceId ? (
                      <Link
                        href={`/admin/workspaces/${o.workspaceId}`}
                        className="underline underline-offset-4"
                      >
                        workspace
                      </Link>
                    ) : o.scope === 'user' ? (
                      <span className="font-mono">user {o.userId}</span>
                    ) : (
                      'kill switch'
                    )}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{JSON.stringify(o.value)}</TableCell>
                  <TableCell className="text-xs">{o.reason}</TableCell>
                  <TableCell className="whitespace-nowrap text-xs">
                    {o.expiresAt ? <LocalTime value={o.expiresAt} /> : 'never'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
