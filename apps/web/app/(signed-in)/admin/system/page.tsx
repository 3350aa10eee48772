import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { serverContext } from '@plinth/core/server-context';
import {
  listFailedJobs,
  listNodes,
  NODE_SEEN_WITHIN_SECONDS,
  readSystemOverview,
  type FailedJob,
  type NodeSeen,
  type SystemOverview,
} from '@plinth/core/system';
import { Alert } from '../../../../components/ui/alert';
import { Badge } from '../../../../components/ui/badge';
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
import { ReplayJobButton } from './replay-job-button';

export const metadata: Metadata = {
  title: 'System · Admin',
  robots: { index: false, follow: false },
};

const FAILED_JOBS_SHOWN = 50;

interface SystemState {
  overview: SystemOverview;
  failed: FailedJob[];
  nodes: NodeSeen[];
}

/** 42 s, 5 min, 3 h 4 min, 2 d 3 h: an age or an uptime at a glance. */
function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

const nodeTone = { running: 'success', stopped: 'neutral', silent: 'destructive' } as const;
const replayTone: Record<string, 'primary' | 'success' | 'destructive' | 'neutral'> = {
  created: 'primary',
  retry: 'primary',
  active: 'primary',
  completed: 'success',
  failed: 'destructive',
};

/** What staff see of the running platform: nodes, queues, failed jobs, the webhook inbox, the outbox. */
export default async function AdminSystemPage() {
  await requireStaff('/admin/system');
  const { database, env, logger } = serverContext();
  let state: SystemState | { error: string };
  try {
    const deps = { database, jobsSchema: env.jobsSchema };
    const [overview, failed, nodes] = await Promise.all([
      readSystemOverview(deps),
      listFailedJobs(deps, { limit: FAILED_JOBS_SHOWN }),
      listNodes(deps),
    ]);
    state = { overview, failed, nodes };
  } catch (error) {
    const requestId = randomUUID();
    logger.error({ err: error, request_id: requestId }, 'admin system page could not read the system state');
    state = { error: `Could not read the system state from the database (reference ${requestId}).` };
  }

  return (
    <div className="mx-auto grid w-full max-w-6xl gap-8">
      <div>
        <p className="text-sm font-medium text-primary">Admin</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">System</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          The platform as Postgres sees it now: nodes, job queues, failed jobs, the Stripe webhook inbox and
          the outbox. The same numbers are Prometheus gauges (docs/operations.md).{' '}
          <Link href="/admin/system" className="underline underline-offset-4">
            Reload
          </Link>
        </p>
      </div>
      {'error' in state ? (
        <Alert variant="destructive" title="System state unavailable">
          {state.error}
        </Alert>
      ) : (
        <SystemView {...state} />
      )}
    </div>
  );
}

function SystemView({ overview, failed, nodes }: SystemState) {
  const { inbox, outbox } = overview;
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat label="Dead letters" value={String(overview.deadLetters)} testId="stat-dead-letters">
          jobs in dead-letter queues still kept by pg-boss
        </Stat>
        <Stat
          label="Outbox lag"
          value={outbox.pending === 0 ? 'none' : formatSeconds(outbox.oldestSeconds)}
          testId="stat-outbox"
        >
          {outbox.pending} {outbox.pending === 1 ? 'event' : 'events'} not yet relayed to the queue
        </Stat>
        <Stat label="Stripe webhook inbox" value={`${inbox.pending} pending`} testId="stat-inbox">
          oldest pending {formatSeconds(inbox.oldestPendingSeconds)} · {inbox.dead} dead · {inbox.processed}{' '}
          processed and {inbox.ignored} ignored in 24 h ·{' '}
          <Link href="/admin/billing-events" className="underline underline-offset-4">
            Billing events
          </Link>
        </Stat>
      </div>

      <Section
        title="Nodes"
        description={`Processes that reported in the last ${NODE_SEEN_WITHIN_SECONDS / 60} minutes.`}
      >
        {nodes.length === 0 ? (
          <EmptyState
            title="No node has reported"
            description="Every server and worker writes a heartbeat every 15 seconds; none arrived recently."
          />
        ) : (
          <Table data-testid="nodes-table">
            <TableCaption className="sr-only">Nodes seen recently</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Node</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Version</TableHead>
                <TableHead>Started</TableHead>
                <TableHead>Uptime</TableHead>
                <TableHead>Last seen</TableHead>
                <TableHead>Status</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {nodes.map((node) => (
                <TableRow key={node.id}>
                  <TableCell>
                    <div className="grid gap-0.5">
                      <span className="font-medium">
                        {node.hostname} · pid {node.pid}
                      </span>
                      <span className="font-mono text-xs text-muted-foreground">{node.id}</span>
                    </div>
                  </TableCell>
                  <TableCell>{node.role}</TableCell>
                  <TableCell className="font-mono text-xs">{node.version}</TableCell>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    <LocalTime value={node.startedAt} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatSeconds(node.uptimeSeconds)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatSeconds(node.lastSeenSecondsAgo)} ago
                  </TableCell>
                  <TableCell>
                    <Badge variant={nodeTone[node.status]}>{node.status}</Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section
        title="Job queues"
        description="Depth by state. Failed counts jobs pg-boss has not archived yet (about 12 hours after they finish)."
      >
        {overview.queues.length === 0 ? (
          <EmptyState
            title="No queues"
            description="Run npm run db:migrate: it creates the declared queues."
          />
        ) : (
          <Table data-testid="queues-table">
            <TableCaption className="sr-only">Job queues</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Queue</TableHead>
                <TableHead className="text-right">Waiting</TableHead>
                <TableHead className="text-right">Retrying</TableHead>
                <TableHead className="text-right">Running</TableHead>
                <TableHead className="text-right">Failed</TableHead>
                <TableHead>Oldest waiting</TableHead>
                <TableHead>Dead letters go to</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.queues.map((queue) => (
                <TableRow key={queue.name} data-queue={queue.name}>
                  <TableCell className="font-mono text-xs">
                    {queue.name}
                    {queue.isDeadLetterQueue ? (
                      <Badge className="ml-2" variant="neutral">
                        dead letters
                      </Badge>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{queue.created}</TableCell>
                  <TableCell className="text-right tabular-nums">{queue.retry}</TableCell>
                  <TableCell className="text-right tabular-nums">{queue.active}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {queue.failed > 0 ? <Badge variant="destructive">{queue.failed}</Badge> : 0}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatSeconds(queue.oldestWaitingSeconds)}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{queue.deadLetter ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <Section
        title="Failed jobs"
        description={`Jobs whose last attempt failed, newest first (at most ${FAILED_JOBS_SHOWN}; pg-boss keeps them about a week). Replay enqueues a job's data again on its queue, once, and records it in the audit log.`}
      >
        {failed.length === 0 ? (
          <EmptyState title="No failed jobs" description="Every job succeeded or is still being retried." />
        ) : (
          <Table data-testid="failed-jobs-table">
            <TableCaption className="sr-only">Failed jobs</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHead>Failed</TableHead>
                <TableHead>Job</TableHead>
                <TableHead>Error</TableHead>
                <TableHead>Workspace</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Replay</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {failed.map((job) => (
                <TableRow key={`${job.queue}/${job.id}`} data-job-id={job.id}>
                  <TableCell className="whitespace-nowrap text-muted-foreground">
                    {job.failedAt ? <LocalTime value={job.failedAt} /> : '—'}
                  </TableCell>
                  <TableCell>
                    <div className="grid gap-0.5">
                      <span className="font-mono text-xs font-medium">{job.queue}</span>
                      <span className="font-mono text-xs text-muted-foreground">{job.id}</span>
                      <span className="text-xs text-muted-foreground">
                        {job.attempts} {job.attempts === 1 ? 'attempt' : 'attempts'}
                        {job.deadLetter ? ` · copy in ${job.deadLetter}` : ''}
                        {job.archived ? ' · archived' : ''}
                      </span>
                    </div>
                  </TableCell>
                  <TableCell className="max-w-72 truncate text-xs" title={job.error ?? undefined}>
                    {job.error ?? '—'}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{job.workspaceId ?? '—'}</TableCell>
                  <TableCell className="text-right">
                    {job.replay ? (
                      <Badge variant={replayTone[job.replay.state] ?? 'neutral'} title={job.replay.id}>
                        replayed · {job.replay.state}
                      </Badge>
                    ) : job.replayElsewhere ? (
                      <Link href={job.replayElsewhere} className="text-sm underline underline-offset-4">
                        Replay from its inbox
                      </Link>
                    ) : (
                      <ReplayJobButton queue={job.queue} jobId={job.id} />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>
    </>
  );
}

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <section className="grid gap-3" aria-label={title}>
      <div>
        <h2 className="text-lg font-semibold tracking-tight">{title}</h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

function Stat({
  label,
  value,
  testId,
  children,
}: {
  label: string;
  value: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="grid gap-1 rounded-xl border border-border p-4" data-testid={testId}>
      <p className="text-sm text-muted-foreground">{label}</p>
      <p className="text-2xl font-semibold tabular-nums">{value}</p>
      <p className="text-xs text-muted-foreground">{children}</p>
    </div>
  );
}
