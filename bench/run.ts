/**
 * `npm run bench`: the node's cost per item, measured in one run on this machine: in a real n8n
 * 2.40.7 against a programmatic reference node, n8n's bare declarative floor and plain axios (see
 * bench/real.ts), Return All (bench/return-all.ts), 5000 items against SocialHub's limits
 * (bench/scale.ts), and in-process through n8n-core (bench/in-process.ts: token calls, Return
 * All, Batching). Prints one table; exits non-zero only when something failed, not when a goal is missed.
 */
import { benchInProcess } from './in-process';
import { benchReturnAll, type ReturnAllResults } from './return-all';
import { benchScale, scaleRows, type ScaleRun } from './scale';
import { benchInRealN8n, KINDS, LATENCIES, STATIC_KINDS, type Kind } from './real';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** n8n's port (its task broker takes the next one); the project gives the bench 6000-6099. */
const N8N_PORT = Number(process.env.BENCH_N8N_PORT ?? 6010);
/** BENCH_SCALE=0 skips the large runs against SocialHub's limits (about a minute and a half). */
const SCALE = process.env.BENCH_SCALE !== '0';
const SCALE_ITEMS = Number(process.env.BENCH_SCALE_ITEMS ?? 5000);

let failed = false;
const out = (text = '') => process.stdout.write(`${text}\n`);
const fail = (what: string) => {
	failed = true;
	out(`FAILED: ${what}`);
};

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const times = (value: number) => `${value.toFixed(2)}×`;
const verdict = (ok: boolean) => (ok ? 'met' : 'missed');

async function main() {
	const benchStarted = performance.now();
	out(`npm run bench: ${ITEMS} Adjust Member Points items per run, Operation ID from a per-item expression; ${ROUNDS} interleaved rounds.`);
	out(`In-process engine: n8n-core ${require('n8n-core/package.json').version} on Node ${process.version} (this process; legacy expression engine).`);
	const inProcess = await benchInProcess(ITEMS, ROUNDS);
	for (const failure of inProcess.failures) fail(failure);
	out(`Real n8n (the e2e install on Node 24), packages installed as the community nodes panel does:`);
	let returnAll: ReturnAllResults | undefined;
	let scale: ScaleRun[] | undefined;
	const real = await benchInRealN8n({
		items: ITEMS, rounds: ROUNDS, port: N8N_PORT, log: out,
		then: async (n8n) => {
			returnAll = await benchReturnAll(n8n, out);
			if (SCALE) scale = await benchScale(n8n, SCALE_ITEMS, out);
		},
	});
	const failures = [...real.failures, ...(returnAll?.failures ?? []), ...(scale ?? []).flatMap((run) => (run.failure ? [`${run.items} against ${run.limit.label}: ${run.failure}`] : []))];
	for (const failure of failures) fail(failure);

	const cell = (pick: (kind: Kind) => number, unit: (value: number) => string) =>
		KINDS.map((kind) => unit(pick(kind))).join(' / ');
	const nodeMedian = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.nodeMs));
	const cpuPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.cpuMs)) / ITEMS;
	const runsOf = (latencyMs: number, kind: Kind) => real.byLatency[latencyMs][kind].rounds.map((run) => (run.nodeMs / 1000).toFixed(2)).join(', ');
	const ratioLoopback = nodeMedian(0, 'ours') / nodeMedian(0, 'reference');
	const speedUpFar = nodeMedian(50, 'reference') / nodeMedian(50, 'ours');
	const coldCalls = (latencyMs: number, kind: Kind) => real.byLatency[latencyMs][kind].coldTokenCalls;
	const warmCalls = LATENCIES.flatMap((latencyMs) => KINDS.flatMap((kind) => real.byLatency[latencyMs][kind].warmTokenCalls));
	const oursColdCalls = LATENCIES.map((latencyMs) => coldCalls(latencyMs, 'ours') ?? 0);
	const both = (render: (latencyMs: number) => string) => LATENCIES.map(render).join(' | ');

	out('');
	out(`| measure (${ITEMS} items, real n8n ${real.n8nVersion} unless marked in-process) | SocialHub on loopback | SocialHub 50 ms away | goal |`);
	out('|---|---|---|---|');
	out(`| ours: node executionTime, median of ${ROUNDS} (each run) | ${both((l) => `${fmt(nodeMedian(l, 'ours'))} (${runsOf(l, 'ours')})`)} | |`);
	out(`| programmatic reference (sequential execute loop): node executionTime | ${both((l) => `${fmt(nodeMedian(l, 'reference'))} (${runsOf(l, 'reference')})`)} | |`);
	out(`| bare one-field declarative node (n8n's own floor): node executionTime | ${both((l) => `${fmt(nodeMedian(l, 'bare'))} (${runsOf(l, 'bare')})`)} | |`);
	out(`| plain axios, all requests concurrent, from the bench process | ${both((l) => `${fmt(median(real.axiosMs[l]))}`)} | |`);
	out(`| ours / reference, executionTime | ${both((l) => times(nodeMedian(l, 'ours') / nodeMedian(l, 'reference')))} | loopback ≤ 1.0× (stretch 0.7×): ${verdict(ratioLoopback <= 1)} |`);
	out(`| reference / ours: how many times faster ours is | ${both((l) => times(nodeMedian(l, 'reference') / nodeMedian(l, 'ours')))} | 50 ms: ≥ 10×: ${verdict(speedUpFar >= 10)} |`);
	out(`| ours / bare declarative: what ours adds over n8n's floor | ${both((l) => times(nodeMedian(l, 'ours') / nodeMedian(l, 'bare')))} | |`);
	out(`| bare declarative / reference: n8n's floor against the programmatic node | ${both((l) => times(nodeMedian(l, 'bare') / nodeMedian(l, 'reference')))} | |`);
	const staticMedian = (kind: Kind) => median(real.staticId[kind].map((run) => run.nodeMs));
	const staticCpu = (kind: Kind) => median(real.staticId[kind].map((run) => run.cpuMs)) / ITEMS;
	out(`| same on loopback with a static Operation ID (no per-item expression): executionTime (reference / bare; ours refuses one Operation ID on two items) | ${STATIC_KINDS.map((kind) => fmt(staticMedian(kind))).join(' / ')} | | |`);
	out(`| with a static Operation ID: bare / reference | ${times(staticMedian('bare') / staticMedian('reference'))} | | |`);
	out(`| with a static Operation ID: n8n process CPU per item (reference / bare) | ${STATIC_KINDS.map((kind) => `${staticCpu(kind).toFixed(2)} ms`).join(' / ')} | | |`);
	const evaluationsPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.evaluations)) / ITEMS;
	const evaluationMsPerItem = (latencyMs: number, kind: Kind) => median(real.byLatency[latencyMs][kind].rounds.map((run) => run.evaluationMs)) / ITEMS;
	out(`| expressions n8n evaluates per item, from its /metrics (ours / reference / bare) | ${both((l) => cell((kind) => evaluationsPerItem(l, kind), (v) => v.toFixed(1)))} | |`);
	out(`| time inside those evaluations per item (ours / reference / bare) | ${both((l) => cell((kind) => evaluationMsPerItem(l, kind), (v) => `${v.toFixed(2)} ms`))} | |`);
	out(`| n8n process CPU per item, median (ours / reference / bare) | ${both((l) => cell((kind) => cpuPerItem(l, kind), (v) => `${v.toFixed(2)} ms`))} | |`);
	out(`| ours / reference, CPU per item | ${both((l) => times(cpuPerItem(l, 'ours') / cpuPerItem(l, 'reference')))} | |`);
	out(`| cold run (credential's stored token empty): node executionTime (ours / reference / bare) | ${both((l) => cell((kind) => real.byLatency[l][kind].cold?.nodeMs ?? NaN, (v) => (Number.isNaN(v) ? 'not run' : fmt(v))))} | |`);
	out(`| token calls in that cold run (ours / reference / bare) | ${both((l) => cell((kind) => coldCalls(l, kind) ?? NaN, (v) => (Number.isNaN(v) ? '–' : String(v))))} | 1 per run per process: ${verdict(oursColdCalls.every((calls) => calls === 1))} |`);
	out(`| token calls in every later run (token stored in the credential) | ${Math.max(...warmCalls)} | | |`);
	if (returnAll) {
		const { run, rowsJsonBytes, pageRequests, rows, n8nAlone } = returnAll;
		out(`| Return All ${rows} rows: n8n process peak RSS growth vs the rows' JSON | ${(run.rssGrowth / 1e6).toFixed(1)} MB vs ${(rowsJsonBytes / 1e6).toFixed(1)} MB (${times(run.rssGrowth / rowsJsonBytes)}; ${pageRequests} page requests, node ${fmt(run.nodeMs)}) | | < 2×: ${verdict(run.rssGrowth < 2 * rowsJsonBytes)} |`);
		out(`| n8n alone carrying the same ${rows} rows (pinned rows → No Operation node): peak RSS growth | ${(n8nAlone.rssGrowth / 1e6).toFixed(1)} MB (${times(n8nAlone.rssGrowth / rowsJsonBytes)} the rows' JSON) | | |`);
	}
	for (const line of scaleRows(SCALE_ITEMS, scale ?? 'skipped (BENCH_SCALE=0)')) out(line);
	const ip = inProcess;
	out(`| in-process engine: ours / bare / axios, median time | ${fmt(median(ip.nodeMs))} / ${fmt(median(ip.bareMs))} / ${fmt(median(ip.axiosMs))} (ours ${times(median(ip.nodeMs) / median(ip.bareMs))} bare) | | |`);
	out(`| in-process engine: token calls, cold run / with a forced expiry | ${ip.coldCalls} / ${ip.afterExpiry} | | 1 / 2: ${verdict(ip.coldCalls === 1 && ip.afterExpiry === 2)} |`);
	const ra = ip.returnAll;
	out(`| in-process engine: Return All ${ra.rows} rows, peak RSS growth vs the rows' JSON | ${(ra.rssGrowth / 1e6).toFixed(1)} MB vs ${(ra.recordsJson / 1e6).toFixed(1)} MB (${times(ra.rssGrowth / ra.recordsJson)}; heap ${times(ra.heapGrowth / ra.recordsJson)}; ${ra.requests} page requests) | | < 2×: ${verdict(ra.rssGrowth < 2 * ra.recordsJson)} |`);
	const b = ip.batching;
	out(`| in-process engine: Batching 50 per batch, 100 ms interval | ${b.requests} requests over ${fmt(b.spread)}, ${b.pauses} pauses ≥ 100 ms (shortest of the ${ITEMS / 50 - 1} between batches: ${b.shortestPause} ms) | | ${ITEMS / 50 - 1} pauses: ${verdict(b.pauses === ITEMS / 50 - 1)} |`);
	out('');
	out(`executionTime is n8n's own timing of the node in the saved execution. CPU is the n8n process's user + system time from`);
	out(`/proc over the whole run (start to saved execution) minus n8n's idle CPU over the same time (${real.idleCpuMsPerSecond.toFixed(1)} ms/s),`);
	out(`divided by ${ITEMS}; it includes n8n's fixed per-run work (starting the run, saving the execution, the editor push).`);
	out(`Against a limit: the span is the sandbox's own record, from the first adjustment's arrival to the last accepted one's answer`);
	out(`(its arrival + the sandbox's latency); the limit's minimum is items × latency ÷ requests at a time, or items ÷ requests per second.`);
	out(`Sockets (TCP connections the n8n process holds to the sandbox's port, /proc/<pid>/fd + net/tcp) and RSS are sampled every 50 ms.`);
	out(`Total bench time ${((performance.now() - benchStarted) / 1000).toFixed(0)} s (n8n start-up ${real.startSeconds.toFixed(0)} s).`);
	process.exit(failed ? 1 : 0);
}

void main().catch((error: Error) => {
	process.stderr.write(`The benchmark failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
