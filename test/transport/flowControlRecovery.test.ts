/**
 * The tenant's gate outlives runs (flowControl.ts: "a tenant's next run starts where the last one
 * ended"). A per-second limit SocialHub applied for a while — a campaign burst, a maintenance
 * window — leaves the gate paced at that rate, and the pace only grows by 3 % a second while
 * requests flow; idle time does not count. The next run, hours later and against a SocialHub no
 * longer limited, is then held to the old rate (issue 19: where SocialHub is not limited,
 * throughput must stay what it is).
 */
import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const adjust = (prefix: string, n: number) =>
	ctx.engine.run(adjustParameters({ operationId: `={{ "${prefix}-" + $json.i }}`, pointValue: 1 }), Array.from({ length: n }, (_, i) => ({ i })));

async function timed(step: () => Promise<{ error?: unknown }>): Promise<number> {
	const started = Date.now();
	const { error } = await step();
	expect(error).toBeUndefined();
	return Date.now() - started;
}

it('after SocialHub lifts a 5-a-second limit, a run of 300 takes about as long as on a fresh gate', async () => {
	ctx.sandbox.options.latencyMs = 50;
	try {
		resetProcessState();
		const fresh = await timed(() => adjust('fresh', 300));

		ctx.sandbox.setLimits({ rateLimit: 5 });
		await timed(() => adjust('limited', 40));
		ctx.sandbox.setLimits(null);
		// Later (the gate keeps no clock: how long does not matter).
		await new Promise((resolve) => setTimeout(resolve, 2000));

		const after = await timed(() => adjust('after', 300));
		expect(ctx.sandbox.stats().appliedMoreThanOnce).toBe(0);
		expect(after).toBeLessThan(Math.max(3 * fresh, 5000));
	} finally {
		ctx.sandbox.options.latencyMs = 0;
	}
}, 180_000);
