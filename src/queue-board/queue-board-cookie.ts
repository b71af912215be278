/*
 * Where the operators' queue dashboard lives and the cookie that opens it in a browser: in a file
 * of their own, without imports, so the operators' sign-out (src/platform) can clear the cookie
 * without depending on the dashboard's module.
 */

/** The dashboard's mount point on the platform host. */
export const QUEUE_BOARD_ROUTE = '/api/platform/queues';

/** The cookie that lets the browser open the dashboard (a page it navigates to, so no Authorization header). */
export const QUEUE_BOARD_COOKIE = 'daftar_operator_board';
