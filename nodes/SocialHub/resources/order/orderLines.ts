import type { Field } from '../../shared/fields';
import { field, rows } from '../../shared/fields';
import { text } from '../common';

/** An order's lines (Sync Transaction's `details`), as fields; amounts in cents. */

/** Required (a blank expression is refused); an order given as JSON may leave amounts out. */
export const amount = (name: string, label: string) =>
	field(
		{
			displayName: `${label} (Cents)`,
			name,
			type: 'number',
			default: 0,
			required: true,
			description: `${label} in cents (the smallest unit of the currency)`,
		},
		{ in: 'body', kind: 'integer', optionalInJson: true },
	);

export const lineAmounts = (): Field[] => [
	amount('totalAmount', 'Total Amount'),
	amount('couponAmount', 'Coupon Amount'),
	amount('discountAmount', 'Discount Amount'),
	amount('totalDisAmount', 'Total Discount Amount'),
	amount('costAmount', 'Cost Amount'),
	amount('grossAmount', 'Gross Amount'),
];

export const lineFields: Field[] = [
	field(
		{
			displayName: 'Direction',
			name: 'direction',
			type: 'options',
			options: [
				{ name: 'Normal', value: 0 },
				{ name: 'Return or Exchange', value: 1 },
			],
			default: 0,
			required: true,
		},
		{ in: 'body' },
	),
	// Required as in the vendor's node; an order line given as JSON needs only its product.
	field(
		{ displayName: 'Detail Code', name: 'detailCode', type: 'string', default: '', required: true, description: 'Your ID of this order line' },
		{ in: 'body', optionalInJson: true },
	),
	text('body', { displayName: 'Product Code', name: 'productCode', required: true }),
	field({ displayName: 'Title', name: 'title', type: 'string', default: '', required: true }, { in: 'body', optionalInJson: true }),
	field({ displayName: 'Quantity', name: 'qty', type: 'number', default: 0, required: true }, { in: 'body', kind: 'integer' }),
	amount('price', 'Price'),
	...lineAmounts(),
];

const lines = { group: 'detail', rowLabel: 'Detail', fields: lineFields };

export const detailsField = rows(
	{
		displayName: 'Details',
		name: 'details',
		rowDisplayName: 'Order Line',
		placeholder: 'Add Order Line',
		default: {},
		required: true,
	},
	lines,
);

