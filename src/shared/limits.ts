/** Size limits, declared once: the server schemas and the web forms both read them. */
export const LIMITS = {
  nodeName: 60,
  address: 200,
  personName: 40,
  post: 40,
  phone: 20,
  username: 32,
  usernameMin: 3,
  passwordMin: 8,
  passwordMax: 128,
  note: 500,
  pageSizeMax: 200,
  population: 10_000_000,
  yearMin: 2000,
  yearMax: 2100,
} as const;
