/**
 * The demo's service to residents at the county's scale (seeds 000, 001, 004): about 130,000 households and
 * 500,000 residents in the villages and communities, about 2,700 poor households, 25,000 household groups
 * (三带五联) covering ~93% of households with a few villages lagging, pairings of the poor households with
 * cadres of the county's organs (3–5 each, some gaps left), a year of visits, five years of requests
 * (about 1.8 million, most closed on the spot, a few hundred open and some overdue or escalated), micro-wishes
 * (≈6,300, ≈5,720 fulfilled), proxy errands (≈21,000), responsibility zones and a few evaluations.
 *
 * Speed: the rows are written with explicit ids in big batches — on SQLite through prepared statements of
 * the raw better-sqlite3 handle inside chunked transactions, on PostgreSQL as multi-row inserts. Encrypting a
 * personal number costs ~50 µs, so only heads of household get a (guarded) ID and phone number; the other
 * residents carry gender and birth date. Phones of requests and wishes reuse the head's stored ciphertext.
 * The timeline (timeline_events) is written only for open requests and those of the last 30 days; older closed
 * requests keep their summary fields (owner, escalations, closed_at, rating).
 *
 * `DJ_DEMO_RESIDENTS_SCALE` (0 < s ≤ 1, default 1) shrinks households, requests, wishes and errands
 * proportionally, for tests that load the demo.
 */
export * from './residents/plan.js';
export { residentsContributor } from './residents/load.js';
