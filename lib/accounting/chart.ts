/** The seeded chart of accounts; services post to accounts by their stable key. */
export const CHART_OF_ACCOUNTS = [
  { key: "cash", code: "1000", name: "Cash and bank", type: "ASSET" },
  { key: "accounts_receivable", code: "1100", name: "Accounts receivable", type: "ASSET" },
  { key: "inventory", code: "1200", name: "Inventory", type: "ASSET" },
  { key: "goods_received_not_invoiced", code: "2100", name: "Goods received not invoiced", type: "LIABILITY" },
  { key: "accounts_payable", code: "2000", name: "Accounts payable", type: "LIABILITY" },
  { key: "sales_tax_payable", code: "2200", name: "Sales tax payable", type: "LIABILITY" },
  { key: "owner_equity", code: "3000", name: "Owner's equity", type: "EQUITY" },
  { key: "sales_revenue", code: "4000", name: "Sales revenue", type: "REVENUE" },
  { key: "shipping_revenue", code: "4100", name: "Shipping revenue", type: "REVENUE" },
  { key: "refunds", code: "4900", name: "Sales refunds", type: "REVENUE" },
  { key: "cost_of_goods_sold", code: "5000", name: "Cost of goods sold", type: "EXPENSE" },
  { key: "inventory_shrinkage", code: "5100", name: "Inventory shrinkage and gains", type: "EXPENSE" },
  { key: "price_difference", code: "5200", name: "Purchase price difference", type: "EXPENSE" },
] as const;

export type AccountKey = (typeof CHART_OF_ACCOUNTS)[number]["key"];
