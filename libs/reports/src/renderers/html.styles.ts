/** Inline stylesheet: Noto first (every script of the six languages), then system fonts, logical properties so Arabic mirrors, A4 print rules, status colours that also differ in lightness, charts beside their tables (one column at 390 px). */
export const PRINT_CSS = `
:root{color-scheme:light;--ink:#1a1a1a;--muted:#555;--rule:#c8c8c8;--accent:#005a9c}
*{box-sizing:border-box}
body{font:11pt/1.45 "Noto Sans","Noto Sans Arabic","Noto Sans SC",system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);max-width:60rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.7rem;margin:0 0 .3rem}h2{font-size:1.3rem;border-bottom:2px solid var(--accent);padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.1rem;margin-top:1.4rem}h4{font-size:1rem;margin:1rem 0 .3rem}
.subtitle{color:var(--muted);margin:0 0 1rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.9rem;color:var(--muted)}
dl.meta dd{margin:0;min-width:0;overflow-wrap:anywhere}
main{overflow-wrap:break-word}
nav ul.toc{columns:2;font-size:.95rem;list-style:none;padding-inline-start:0}
dl.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.8rem;margin:1rem 0}
.figure{border:1px solid var(--rule);border-radius:4px;padding:.6rem}
sup.cite{font-size:.7em;line-height:0}sup.cite a{text-decoration:none}
ol.footnotes{font-size:.85rem;color:var(--muted)}ol.footnotes li{margin:.2rem 0}ol.footnotes li:target{background:#fff3c4}
.figure dt{font-size:.85rem;color:var(--muted)}.figure dd{margin:.2rem 0 0;font-size:1.4rem;font-weight:600}
.figure .detail{display:block;font-size:.8rem;font-weight:400;color:var(--muted)}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.9rem}
caption{text-align:start;font-weight:600;padding-bottom:.3rem}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:start;vertical-align:top}
thead th{border-bottom:2px solid var(--ink)}
.num{text-align:end;font-variant-numeric:tabular-nums}
.bar-cell{width:35%}.bar{display:block;height:.8rem;background:var(--accent)}
.status-achieved .bar{background:#1b7a3a}.status-delayed .bar{background:#b35c00}.status-discontinued .bar{background:#7a1b1b}
.status-no_update .bar{background:#8a8a8a}.status-not_started .bar{background:#4d6f91}
.chart-pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,22rem),1fr));gap:0 1.5rem;align-items:start}
.chart-pair.stacked{grid-template-columns:minmax(0,1fr)}.chart-pair>*{min-width:0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,20rem),1fr));gap:0 1.5rem}
figure.chart-figure{margin:1rem 0}figure.chart-figure figcaption{font-weight:600;padding-bottom:.3rem}
svg.chart{display:block;width:100%;max-width:34rem;height:auto}
.note{border-inline-start:4px solid var(--accent);background:#f2f6fa;padding:.4rem .8rem;margin:1rem 0}
.note.warning{border-color:#b35c00;background:#fdf4ea}
a{color:var(--accent)}
.commentary{border-inline-start:4px solid #6b4e9b;background:#f6f3fa;padding:.2rem .9rem;margin:1rem 0}
@page{size:A4;margin:18mm 15mm}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  nav{break-after:page}
  h2,h3,h4{break-after:avoid}
  section{break-before:auto}
  table{page-break-inside:auto}
  tr,.figure{break-inside:avoid}
  thead{display:table-header-group}
  .table-wrap{overflow:visible}
  a{color:inherit;text-decoration:none}
  .editorial a[href]::after{content:" (" attr(href) ")";font-size:.85em}
  .bar,svg.chart{print-color-adjust:exact;-webkit-print-color-adjust:exact}
  figure.chart-figure{break-inside:avoid}
}
`.trim();
