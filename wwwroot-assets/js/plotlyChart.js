// Our one bridge to plotly.js (loaded globally from lib/plotly/plotly.min.js).
// Plotly.react updates a chart in place: no flicker, zoom and hover state kept.

const baseConfig = { displaylogo: false, responsive: true };

// Month and day names on date axes and ru-KZ number separators, in the page's language (plotly ships English only).
const locales = {
    ru: {
        months: ['январь', 'февраль', 'март', 'апрель', 'май', 'июнь', 'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь'],
        shortMonths: ['янв', 'фев', 'мар', 'апр', 'май', 'июн', 'июл', 'авг', 'сен', 'окт', 'ноя', 'дек'],
        days: ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'],
        shortDays: ['вс', 'пн', 'вт', 'ср', 'чт', 'пт', 'сб'],
    },
    kk: {
        months: ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'],
        shortMonths: ['қаң', 'ақп', 'нау', 'сәу', 'мам', 'мау', 'шіл', 'там', 'қыр', 'қаз', 'қар', 'жел'],
        days: ['жексенбі', 'дүйсенбі', 'сейсенбі', 'сәрсенбі', 'бейсенбі', 'жұма', 'сенбі'],
        shortDays: ['жс', 'дс', 'сс', 'ср', 'бс', 'жм', 'сб'],
    },
};
let registered = false;

function pageLocale() {
    const lang = (document.documentElement.lang || 'ru').slice(0, 2);
    return lang in locales ? lang : 'en';
}

function registerLocales() {
    if (registered) return;
    for (const [name, names] of Object.entries(locales)) {
        window.Plotly.register({
            moduleType: 'locale', name, dictionary: {},
            format: { ...names, decimal: ',', thousands: '\u00a0', date: '%d.%m.%Y', year: '%Y', month: '%b %Y', dayMonth: '%-d %b', dayMonthYear: '%-d %b %Y' },
        });
    }
    registered = true;
}

export function render(element, traces, layout, config) {
    if (!element || !window.Plotly) return;
    registerLocales();
    window.Plotly.react(element, traces, layout, { ...baseConfig, locale: pageLocale(), ...(config || {}) });
    // Visible to tests and debugging: how many times this chart was drawn in place.
    element.dataset.renders = String((Number(element.dataset.renders) || 0) + 1);
}

export function purge(element) {
    if (element && window.Plotly) window.Plotly.purge(element);
}
