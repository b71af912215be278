import http from 'node:http';
import { Pool } from 'pg';

/** The ceiling: node:http + pg, the same query, nothing else. */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DB_POOL_SIZE ?? 10) });
const server = http.createServer(async (req, res) => {
  const id = req.url?.split('/').pop();
  try {
    const { rows } = await pool.query(
      `SELECT id, code, name, name_ur AS "nameUr", created_at AS "createdAt", ` +
        `updated_at AS "updatedAt" FROM bench_fixed.departments WHERE id = $1`,
      [id],
    );
    res.writeHead(rows[0] ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows[0] ?? {}));
  } catch (e) {
    res.writeHead(500);
    res.end(String(e));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.({ ready: true }));
