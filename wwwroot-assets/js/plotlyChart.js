// Our one bridge to plotly.js (loaded globally from lib/plotly/plotly.min.js).
// Plotly.react updates a chart in place: no flicker, zoom and hover state kept.

const baseConfig = { displaylogo: false, responsive: true, locale: 'ru' };

export function render(element, traces, layout, config) {
    if (!element || !window.Plotly) return;
    window.Plotly.react(element, traces, layout, { ...baseConfig, ...(config || {}) });
    // Visible to tests and debugging: how many times this chart was drawn in place.
    element.dataset.renders = String((Number(element.dataset.renders) || 0) + 1);
}

export function purge(element) {
    if (element && window.Plotly) window.Plotly.purge(element);
}
