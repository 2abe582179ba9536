// The results page: draws the chart from the page's own JSON export, and refreshes it every few seconds
// while the page is open (the table below it is the server's text version of the same numbers).
import { renderChart } from './poll-chart.js';
import { chartText } from './audience-text.js';

const root = document.getElementById('results');
const chart = document.getElementById('results-chart');

async function refresh() {
  try {
    const response = await fetch(`/p/${encodeURIComponent(root.dataset.code)}/${encodeURIComponent(root.dataset.pollId)}.json`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return;
    const poll = (await response.json()).polls[0];
    renderChart(chart, poll, poll.results, chartText);
  } catch {
    // Offline for a moment: the chart keeps what it showed.
  }
}

refresh();
setInterval(() => { if (document.visibilityState === 'visible') refresh(); }, 3000);
