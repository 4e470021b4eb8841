import fs from 'node:fs';
import ExcelJS from 'exceljs';
const mode = process.argv[2];
const buf = fs.readFileSync('/tmp/imp/big.xlsx');
const t = Date.now();
let peak = 0; const iv = setInterval(()=>{peak=Math.max(peak,process.memoryUsage().rss)},20);
let rows = [];
if (mode==='load') {
  const wb = new ExcelJS.Workbook(); await wb.xlsx.load(buf);
  wb.worksheets[0].eachRow((r)=>rows.push(r.values.length));
} else {
  const { Readable } = await import('node:stream');
  const rd = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), {sharedStrings:'cache', styles:'cache', worksheets:'emit', hyperlinks:'ignore'});
  for await (const ws of rd) { for await (const r of ws) rows.push(r.values.length); break; }
}
clearInterval(iv);
console.log(mode, rows.length, Date.now()-t, 'ms peak rss', (Math.max(peak,process.memoryUsage().rss)/1e6).toFixed(0), 'heap', (process.memoryUsage().heapUsed/1e6).toFixed(0));
