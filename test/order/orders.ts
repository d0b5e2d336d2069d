/** A complete order as the Sync Transaction fields hold it (version 2: Order Date is a date). */
export const order = {
	resource: 'order', operation: 'syncTransaction', type: 1, params: '13800000001', phonePrefCode: '+86', loyaltyCode: 'LP001',
	source: 'SHOPIFY', transactionCode: 'T-1001', storeCode: 'S01', orderDate: '2026-11-20T14:30:00', direction: 0, orderStatus: 0,
	scorePointStatus: 0, totalPrice: 25800, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000,
	costAmount: 12000, grossAmount: 11800, freight: 0,
	details: { detail: [{ productCode: 'SKU-1', title: 'Sneaker', qty: 2, price: 12900, detailCode: 'L1', direction: 0, totalAmount: 23800, couponAmount: 1000, discountAmount: 1000, totalDisAmount: 2000, costAmount: 12000, grossAmount: 11800 }] },
};
