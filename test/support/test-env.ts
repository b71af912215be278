/** Tests use their own database next to the development one, on the same server. */
const base = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/daftar');
base.pathname = '/daftar_test';
export const TEST_DATABASE_URL = base.toString();
export const TEST_BASE_DOMAIN = 'daftar.test';
