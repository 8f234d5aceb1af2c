/**
 * The test news article as one component for React and Preact (plain createElement, so Node can
 * server-render it without a JSX step). It re-renders every 500 ms like a page with a live clock, and
 * exposes its state changes on window.__news so a test drives a Duet tab and a control tab alike.
 */
export function makeNews({ createElement: h, useState, useEffect }) {
  return function News({ article }) {
    const [paras, setParas] = useState(article.paras);
    const [tick, setTick] = useState(0);
    useEffect(() => {
      const timer = setInterval(() => setTick((t) => t + 1), 500);
      window.__news = {
        reorder: () => setParas((ps) => [...ps].reverse()),
        remove: (i) => setParas((ps) => ps.filter((_, j) => j !== i)),
        edit: (i, text) => setParas((ps) => ps.map((p, j) => (j === i ? { ...p, text } : p))),
        add: (text) => setParas((ps) => [...ps.slice(0, 2), { id: `n${ps.length}`, text }, ...ps.slice(2)]),
        stop: () => clearInterval(timer),
      };
      window.__hydrated = true;
      return () => clearInterval(timer);
    }, []);
    return h('article', { 'data-render': String(tick) }, h('h1', null, article.title), ...paras.map((p) => h('p', { key: p.id }, p.text)));
  };
}
