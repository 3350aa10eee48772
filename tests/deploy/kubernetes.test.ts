import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { envSchema, plinthRoles } from '@plinth/core/env';

// The Kubernetes manifests in deploy/kubernetes, parsed and held to the invariants a cluster would
// only reveal at deploy time: one image, a role per Deployment, probes on the health routes,
// resources everywhere, one migration Job, selectors that select, and no secret inline.

const dir = fileURLToPath(new URL('../../deploy/kubernetes', import.meta.url));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed YAML of any shape: the assertions below check it
type Yaml = any;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, Yaml>;
  data?: Record<string, unknown>;
  resources?: string[];
}

const files = readdirSync(dir).filter((file) => file.endsWith('.yaml'));
const manifests: (Manifest & { file: string })[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return { ...(doc.toJS() as Manifest), file };
  }),
);
const kustomization = manifests.find((m) => m.kind === 'Kustomization')!;
const resources = manifests.filter((m) => m.kind !== 'Kustomization');
const ofKind = (kind: string) => resources.filter((m) => m.kind === kind);
const deployments = ofKind('Deployment');
const jobs = ofKind('Job');
const podSpecs = [...deployments, ...jobs].map((m) => ({ name: m.metadata.name, pod: m.spec!.template }));
const containers = podSpecs.flatMap(({ name, pod }) =>
  (pod.spec.containers as Yaml[]).map((container) => ({ owner: name, container })),
);
const envOf = (container: { env?: { name: string; value?: string }[] }) =>
  Object.fromEntries((container.env ?? []).map((entry) => [entry.name, entry.value]));
const secretLike = /SECRET|PASSWORD|_KEY$|DATABASE(_APP)?_URL|SMTP_URL/;

describe('deploy/kubernetes', () => {
  it('lists every manifest file in its kustomization, and nothing else', () => {
    expect([...kustomization.resources!].sort()).toEqual(
      files.filter((f) => f !== 'kustomization.yaml').sort(),
    );
  });

  it('runs one image everywhere, named once in the kustomization', () => {
    expect(new Set(containers.map(({ container }) => container.image))).toEqual(new Set(['plinth']));
    expect(kustomization).toMatchObject({ images: [{ name: 'plinth' }] });
  });

  it('has one Deployment per role, each choosing its role with PLINTH_ROLE', () => {
    const roles = deployments.map((d) => envOf(d.spec!.template.spec.containers[0]).PLINTH_ROLE).sort();
    expect(roles).toEqual(plinthRoles.filter((role) => role !== 'all').sort());
    for (const d of deployments) {
      const role = envOf(d.spec!.template.spec.containers[0]).PLINTH_ROLE;
      expect(d.metadata.name, role).toBe(`plinth-${role}`);
      expect(d.spec!.template.metadata.labels['app.kubernetes.io/component'], d.metadata.name).toBe(role);
    }
  });

  it('probes every role on /api/health/live and /api/health/ready, on the port it serves them on', () => {
    for (const d of deployments) {
      const [container] = d.spec!.template.spec.containers;
      // A worker serves no HTTP but the probes, on HEALTH_PORT.
      const port = envOf(container)[d.metadata.name === 'plinth-worker' ? 'HEALTH_PORT' : 'PORT'];
      expect(port, d.metadata.name).toMatch(/^\d+$/);
      expect(container.ports, d.metadata.name).toEqual([{ name: 'http', containerPort: Number(port) }]);
      expect(container.livenessProbe.httpGet, d.metadata.name).toEqual({
        path: '/api/health/live',
        port: 'http',
      });
      expect(container.startupProbe.httpGet, d.metadata.name).toEqual({
        path: '/api/health/live',
        port: 'http',
      });
      expect(container.readinessProbe.httpGet, d.metadata.name).toEqual({
        path: '/api/health/ready',
        port: 'http',
      });
    }
  });

  it('gives every container CPU and memory requests and limits, runs it as non-root, and lets it drain', () => {
    const config = ofKind('ConfigMap').find((m) => m.metadata.name === 'plinth-config')!;
    const shutdownSeconds =
      (Number(config.data!.SHUTDOWN_DRAIN_DELAY_MS) + Number(config.data!.SHUTDOWN_TIMEOUT_MS)) / 1000;
    for (const { owner, container } of containers) {
      for (const bound of ['requests', 'limits']) {
        expect(Object.keys(container.resources[bound]).sort(), `${owner} ${bound}`).toEqual([
          'cpu',
          'memory',
        ]);
      }
      expect(container.securityContext, owner).toMatchObject({ allowPrivilegeEscalation: false });
    }
    for (const { name, pod } of podSpecs) {
      expect(pod.spec.securityContext, name).toMatchObject({ runAsNonRoot: true });
    }
    for (const d of deployments) {
      // The drain (readiness off, then in-flight requests) must end before Kubernetes sends SIGKILL.
      expect(d.spec!.template.spec.terminationGracePeriodSeconds, d.metadata.name).toBeGreaterThan(
        shutdownSeconds,
      );
    }
  });

  it('has exactly one Job, and it runs the migrations', () => {
    expect(jobs.map((job) => job.metadata.name)).toEqual(['plinth-migrate']);
    const [container] = jobs[0]!.spec!.template.spec.containers;
    expect(container.command.join(' ')).toMatch(/migrate/);
    expect(jobs[0]!.spec!.template.spec.restartPolicy).toBe('Never');
  });

  it('holds no secret: no Secret object, no secret-looking variable with an inline value', () => {
    expect(ofKind('Secret')).toEqual([]);
    const inline = [
      ...containers.flatMap(({ container }) =>
        (container.env ?? []).filter((e: { value?: string }) => e.value !== undefined),
      ),
      ...ofKind('ConfigMap').flatMap((m) => Object.keys(m.data ?? {}).map((name) => ({ name }))),
    ].map((entry: { name: string }) => entry.name);
    expect(inline.filter((name) => secretLike.test(name))).toEqual([]);
    for (const { owner, container } of containers) {
      expect(container.envFrom, owner).toContainEqual({ secretRef: { name: 'plinth-secrets' } });
    }
  });

  it('sets only variables Plinth reads', () => {
    const known = new Set(Object.keys(envSchema.shape));
    const names = [
      ...containers.flatMap(({ container }) => (container.env ?? []).map((e: { name: string }) => e.name)),
      ...ofKind('ConfigMap').flatMap((m) => Object.keys(m.data ?? {})),
    ];
    expect(names.filter((name) => !known.has(name))).toEqual([]);
  });

  it('wires Services, the Ingress, the HPA and the PodDisruptionBudgets to what exists', () => {
    const podLabels = (name: string) =>
      deployments.find((d) => d.metadata.name === name)!.spec!.template.metadata.labels;
    const selects = (selector: Record<string, string>, name: string) =>
      Object.entries(selector).every(([key, value]) => podLabels(name)[key] === value);
    for (const service of ofKind('Service')) {
      expect(selects(service.spec!.selector, service.metadata.name), service.metadata.name).toBe(true);
      expect(service.spec!.ports[0].targetPort).toBe('http');
    }
    const backends = ofKind('Ingress').flatMap((ingress) =>
      ingress.spec!.rules.flatMap((rule: Yaml) =>
        rule.http.paths.map((p: Yaml) => [p.path, p.backend.service.name]),
      ),
    );
    expect(Object.fromEntries(backends)).toEqual({ '/api': 'plinth-api', '/': 'plinth-web' });
    const services = new Set(ofKind('Service').map((s) => s.metadata.name));
    for (const [, service] of backends) expect(services.has(service)).toBe(true);

    const hpas = ofKind('HorizontalPodAutoscaler');
    expect(hpas.map((h) => h.spec!.scaleTargetRef)).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', name: 'plinth-api' },
    ]);
    expect(hpas[0]!.spec!.minReplicas).toBeGreaterThanOrEqual(2);
    const pdbs = ofKind('PodDisruptionBudget');
    expect(pdbs.map((p) => p.metadata.name).sort()).toEqual(deployments.map((d) => d.metadata.name).sort());
    for (const pdb of pdbs) {
      expect(selects(pdb.spec!.selector.matchLabels, pdb.metadata.name), pdb.metadata.name).toBe(true);
    }
  });
});
