/**
 * The baseline for npm run bench:messages: a bare Node `http` server that does the same durable
 * insert as duban (a message row and its first event, in one transaction, SQLite in WAL mode with
 * synchronous=FULL) and answers with the new id, with nothing else: no validation, no proof of
 * work, no rate limits, no framework.
 */
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

const dataDir = process.env.DATA_DIR!;
mkdirSync(dataDir, { recursive: true });
const db = new Database(join(dataDir, 'bare.sqlite'));
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.exec(`create table if not exists messages (id integer primary key autoincrement, type text not null, title text not null, content text not null, phone text not null, submitted_at text not null);
         create table if not exists message_events (id integer primary key autoincrement, message_id integer not null references messages(id), event text not null, at text not null)`);
const insertMessage = db.prepare('insert into messages (type, title, content, phone, submitted_at) values (?, ?, ?, ?, ?)');
const insertEvent = db.prepare("insert into message_events (message_id, event, at) values (?, 'submit', ?)");
const insert = db.transaction((m: { service_code: string; 'attribute[title]': string; description: string; phone: string }) => {
  const at = new Date().toISOString();
  const { lastInsertRowid } = insertMessage.run(m.service_code, m['attribute[title]'], m.description, m.phone, at);
  insertEvent.run(lastInsertRowid, at);
  return Number(lastInsertRowid);
});

createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (c: Buffer) => chunks.push(c));
  request.on('end', () => {
    const id = insert(JSON.parse(Buffer.concat(chunks).toString('utf8')));
    response.writeHead(201, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify([{ service_request_id: String(id) }]));
  });
}).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('bare server listening'));
