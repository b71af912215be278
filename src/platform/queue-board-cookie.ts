/*
 * Where the operators' queue dashboard lives and the cookie that opens it in a browser. The
 * operators' sign-in sets and clears the cookie, so platform owns these names; the dashboard and
 * the metrics sit beside platform and read them (docs/ARCHITECTURE.md, "Layers").
 */

/** The dashboard's mount point on the platform host. */
export const QUEUE_BOARD_ROUTE = '/api/platform/queues';

/** The cookie that lets the browser open the dashboard (a page it navigates to, so no Authorization header). */
export const QUEUE_BOARD_COOKIE = 'daftar_operator_board';
