/** Plain axios from the bench process, every adjustment at once: the floor any node is compared with. */
import axios from 'axios';

/** Sends `count` adjustments (Operation IDs `<round>-<i>`) at once; the time until the last answer and whether all succeeded. */
export async function axiosBurst(baseUrl: string, token: string, round: string, count: number): Promise<{ ms: number; ok: boolean }> {
	const started = performance.now();
	const responses = await Promise.all(
		Array.from({ length: count }, (_, i) =>
			axios.post(
				`${baseUrl}/v1/points/adjustment`,
				{ accountType: 2, accountCode: 'M0001', operationId: `${round}-${i}`, operationType: 6, pointValue: 1, effectiveEndTime: Date.UTC(2027, 11, 31), upgradeTierFlag: 0 },
				{ headers: { Authorization: token, 'Content-Type': 'application/json;charset=utf-8' } },
			),
		),
	);
	const ms = performance.now() - started;
	return { ms, ok: responses.every((r) => String((r.data as { code?: unknown }).code) === '200') };
}
