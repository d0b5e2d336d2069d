/**
 * A gate forgets a learnt pace and window after 1 s with nothing in flight, or 30 s without a
 * throttle (transport/flowControl.ts). SocialHub's limits usually persist, so every forgetting
 * relearns by sending into the limit; within one run the throttled requests' own waits leave
 * nothing in flight. Relearning must cost refused requests only: no run fails, nothing is applied
 * twice, and far fewer refusals than items.
 */
import { Gate } from '../../nodes/SocialHub/transport/flowControl';
import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

it('two runs of 300 adjustments against 20 a second, 2 s apart: both green, each applied once, the second run refused far fewer than once per item', async () => {
	ctx.sandbox.setLimits({ rateLimit: 20 });
	const relax = jest.spyOn(Gate.prototype as unknown as { relax: () => void }, 'relax');
	const results = [];
	for (const run of [1, 2]) {
		const items = Array.from({ length: 300 }, (_, i) => ({ i }));
		const started = Date.now();
		const { error } = await ctx.engine.run(adjustParameters({ operationId: `={{ "pace-${run}-" + $json.i }}`, pointValue: 1 }), items);
		results.push({ run, error: error?.message, seconds: (Date.now() - started) / 1000, throttled: ctx.sandbox.stats().throttled, relaxed: relax.mock.calls.length });
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
	const stats = ctx.sandbox.stats();
	expect(results.map((r) => r.error)).toEqual([undefined, undefined]);
	expect(stats.applied).toBe(600);
	expect(stats.appliedMoreThanOnce).toBe(0);
	// Relearning a limit after an idle gap costs refused requests (measured ≈ 80 of 300), never an
	// item: bounded well below one refusal per item.
	expect(results[1].throttled - results[0].throttled).toBeLessThan(150);
}, 180_000);

it('a 70 s run against 10 a second: the 30 s pace memory does not bring bursts (refused well under half the requests)', async () => {
	ctx.sandbox.setLimits({ rateLimit: 10 });
	const items = Array.from({ length: 700 }, (_, i) => ({ i }));
	const { error } = await ctx.engine.run(adjustParameters({ operationId: '={{ "long-" + $json.i }}', pointValue: 1 }), items);
	const stats = ctx.sandbox.stats();
	expect(error?.message).toBeUndefined();
	expect(stats.appliedMoreThanOnce).toBe(0);
	// Measured ≈ 22 % of requests refused at 10 a second (each refused request was not applied).
	expect(stats.throttled / stats.requests).toBeLessThan(0.4);
}, 240_000);
